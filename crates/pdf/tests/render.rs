//! End-to-end tests: render, parse the bytes back with lopdf, and check what
//! a reader would see.

mod support;

use support::{load, long_table, page_text, page_texts, short_document, CELL, SAMPLE};
use wspolnota_pdf::{render, Block, Column, Document, PageSize, Table};

#[test]
fn short_document_is_one_page_and_polish_text_copies_back() {
    let pdf = load(&render(&short_document()).unwrap());
    assert_eq!(pdf.get_pages().len(), 1);
    let texts = page_texts(&pdf);
    let page = page_text(&texts, 0);
    assert!(page.contains(SAMPLE), "{page}");
    assert!(texts[0].iter().any(|run| run == CELL), "{texts:?}");
    assert!(texts[0].iter().any(|run| run == "ZAŚWIADCZENIE"));
    assert!(texts[0].iter().any(|run| run == "Źdźbło Łęcka"));
}

#[test]
fn long_table_continues_over_pages_with_header_repeated() {
    let rows = 300;
    let pdf = load(&render(&long_table(rows)).unwrap());
    let pages = pdf.get_pages().len();
    assert!(pages > 1, "{pages} pages");
    let texts = page_texts(&pdf);
    let header = ["Lp.", "Imię i nazwisko", "Podpis"];
    assert_eq!(texts[0][0], "Lista obecności", "caption above the table");
    assert_eq!(&texts[0][1..4], header);
    for page in &texts[1..] {
        assert_eq!(&page[..3], header, "header first on every further page");
        assert!(
            !page.iter().any(|r| r == "Lista obecności"),
            "caption only once"
        );
    }
    // Every row exactly once, in order, none lost at a page boundary.
    let names: Vec<&String> = texts
        .iter()
        .flatten()
        .filter(|r| r.starts_with("Członek "))
        .collect();
    assert_eq!(names.len(), rows);
    assert_eq!(names[0], "Członek 0001");
    assert_eq!(names[rows - 1], &format!("Członek {rows:04}"));
}

#[test]
fn footer_with_page_numbers_on_every_page() {
    let pdf = load(&render(&long_table(300)).unwrap());
    let texts = page_texts(&pdf);
    let count = texts.len();
    assert!(count > 2);
    for (i, page) in texts.iter().enumerate() {
        let footer = format!("Strona {} z {count}", i + 1);
        assert!(page.contains(&footer), "page {}: {page:?}", i + 1);
    }
}

#[test]
fn empty_document_is_one_valid_page() {
    let bytes = render(&Document::default()).unwrap();
    let pdf = load(&bytes);
    assert_eq!(pdf.get_pages().len(), 1);
    assert!(page_texts(&pdf)[0].is_empty());
    assert!(bytes.starts_with(b"%PDF-1.7"));
    // Also with only a footer and a table without columns or rows.
    let mut doc = Document::new("");
    doc.footer = Some("{page}/{pages}".into());
    doc.push(Block::Table(Table::default()))
        .push(Block::PageBreak);
    let texts = page_texts(&load(&render(&doc).unwrap()));
    assert_eq!(texts, [["1/1"]]);
}

#[test]
fn characters_outside_the_font_become_question_marks() {
    let mut doc = Document::new("漢字");
    // CJK and Devanagari are not in DejaVu Sans; a bell is a control character.
    doc.push(Block::paragraph("a漢bकc\u{7}d\te"));
    let pdf = load(&render(&doc).unwrap());
    assert_eq!(page_texts(&pdf)[0], ["a?b?cd e"]);
}

#[test]
fn rows_are_never_split_and_headers_never_orphaned() {
    // Rows of 8 lines each: a page boundary must fall between rows.
    let mut table = Table::new(vec![Column::new("Nr", 1), Column::new("Treść", 4)]);
    table.rows = (0..40)
        .map(|r| {
            let lines: Vec<String> = (0..8).map(|l| format!("w{r}-{l}")).collect();
            vec![format!("r{r}"), lines.join("\n")]
        })
        .collect();
    let mut doc = Document::new("t");
    // Fill most of the first page so the table starts near its bottom.
    doc.push(Block::Spacer(640.0)).push(Block::Table(table));
    let texts = page_texts(&load(&render(&doc).unwrap()));
    assert!(texts.len() > 2);
    assert!(
        texts[0].is_empty(),
        "header and first row moved together: {:?}",
        texts[0]
    );
    for r in 0..40 {
        let pages: Vec<usize> = (0..8)
            .map(|l| {
                texts
                    .iter()
                    .position(|p| p.contains(&format!("w{r}-{l}")))
                    .unwrap()
            })
            .collect();
        assert!(
            pages.windows(2).all(|w| w[0] == w[1]),
            "row {r} split: {pages:?}"
        );
    }
}

#[test]
fn a_row_taller_than_a_page_is_split_without_losing_lines() {
    let lines: Vec<String> = (0..150).map(|l| format!("linia {l}")).collect();
    let mut table = Table::new(vec![Column::new("Uwagi", 1)]);
    table.rows.push(vec![lines.join("\n")]);
    table.rows.push(vec!["po".into()]);
    let mut doc = Document::new("t");
    doc.push(Block::Table(table));
    let texts = page_texts(&load(&render(&doc).unwrap()));
    assert!(texts.len() >= 2);
    let all: Vec<&String> = texts.iter().flatten().collect();
    for l in 0..150 {
        assert_eq!(
            all.iter().filter(|r| **r == &format!("linia {l}")).count(),
            1
        );
    }
    assert!(
        texts.iter().skip(1).all(|p| p[0] == "Uwagi"),
        "header repeated"
    );
}

#[test]
fn page_breaks_and_landscape() {
    let mut doc = Document::new("t");
    doc.page = PageSize::A4Landscape;
    doc.push(Block::PageBreak)
        .push(Block::paragraph("jeden"))
        .push(Block::PageBreak)
        .push(Block::PageBreak)
        .push(Block::heading(2, "dwa"))
        .push(Block::PageBreak);
    let pdf = load(&render(&doc).unwrap());
    let texts = page_texts(&pdf);
    assert_eq!(
        texts,
        [["jeden"], ["dwa"]],
        "no blank pages from leading, doubled or trailing breaks"
    );
    let page_id = pdf.get_pages()[&1];
    let media_box = pdf
        .get_dictionary(page_id)
        .unwrap()
        .get(b"MediaBox")
        .unwrap()
        .as_array()
        .unwrap();
    let width = media_box[2].as_float().unwrap();
    let height = media_box[3].as_float().unwrap();
    assert!(
        width > height && (width - 841.89).abs() < 0.5,
        "{width} x {height}"
    );
}

#[test]
fn long_paragraph_wraps_inside_the_margins() {
    let word = "Konstantynopolitańczykowianeczka";
    let text = vec![word; 60].join(" ");
    let mut doc = Document::new("t");
    doc.push(Block::paragraph(text.clone()));
    let texts = page_texts(&load(&render(&doc).unwrap()));
    let lines = &texts[0];
    assert!(lines.len() > 5, "{lines:?}");
    // Broken only at spaces: the words come back intact.
    assert_eq!(lines.join(" "), text);
    assert!(lines
        .iter()
        .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
}
