//! Reading rendered PDFs back with lopdf, independently of the renderer:
//! text is recovered the way a viewer recovers it for copying, by decoding
//! the hex glyph strings through each font's embedded ToUnicode CMap.
// Test helpers outside a #[test] fn: here a panic is a failed test. Each
// test file uses only some of them.
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, StringFormat};
use wspolnota_pdf::{Align, Block, Column, Table};

pub fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("the output should parse as a PDF")
}

/// The text of every page, one entry per `Tj`, in drawing order.
pub fn page_texts(doc: &Document) -> Vec<Vec<String>> {
    doc.get_pages()
        .values()
        .map(|&page_id| {
            let cmaps: HashMap<Vec<u8>, HashMap<u16, String>> = doc
                .get_page_fonts(page_id)
                .expect("page fonts")
                .into_iter()
                .map(|(name, font)| (name, to_unicode(doc, font)))
                .collect();
            let content = Content::decode(&doc.get_page_content(page_id)).expect("content stream");
            let mut font: Option<Vec<u8>> = None;
            let mut runs = Vec::new();
            for op in content.operations {
                match op.operator.as_str() {
                    "Tf" => font = Some(op.operands[0].as_name().unwrap().to_vec()),
                    "Tj" => {
                        let Object::String(bytes, format) = &op.operands[0] else {
                            panic!("Tj without a string: {op:?}");
                        };
                        assert_eq!(*format, StringFormat::Hexadecimal, "glyph strings are hex");
                        let cmap = &cmaps[font.as_ref().expect("Tf before Tj")];
                        let text = bytes
                            .chunks(2)
                            .map(|pair| {
                                let code = u16::from_be_bytes([pair[0], pair[1]]);
                                cmap.get(&code)
                                    .unwrap_or_else(|| panic!("CID {code} missing from ToUnicode"))
                                    .as_str()
                            })
                            .collect();
                        runs.push(text);
                    }
                    _ => {}
                }
            }
            runs
        })
        .collect()
}

/// All text of a page as one string, runs separated by newlines.
pub fn page_text(texts: &[Vec<String>], page: usize) -> String {
    texts[page].join("\n")
}

/// Parses the `bfchar` entries of a font's ToUnicode CMap.
pub fn to_unicode(doc: &Document, font: &Dictionary) -> HashMap<u16, String> {
    let stream_id = font.get(b"ToUnicode").unwrap().as_reference().unwrap();
    let stream = doc.get_object(stream_id).unwrap().as_stream().unwrap();
    let data = stream.decompressed_content().unwrap();
    let text = String::from_utf8(data).unwrap();
    let mut map = HashMap::new();
    let mut in_block = false;
    for line in text.lines() {
        let line = line.trim();
        if line.ends_with("beginbfchar") {
            in_block = true;
        } else if line == "endbfchar" {
            in_block = false;
        } else if in_block {
            let parts: Vec<&str> = line
                .split(['<', '>', ' '])
                .filter(|s| !s.is_empty())
                .collect();
            let code = u16::from_str_radix(parts[0], 16).unwrap();
            let units: Vec<u16> = (0..parts[1].len() / 4)
                .map(|i| u16::from_str_radix(&parts[1][i * 4..i * 4 + 4], 16).unwrap())
                .collect();
            map.insert(code, String::from_utf16(&units).unwrap());
        }
    }
    assert!(!map.is_empty(), "ToUnicode CMap has no entries");
    map
}

/// Decodes a PDF text string (UTF-16BE with BOM, or PDFDocEncoding ASCII).
pub fn text_string(object: &Object) -> String {
    let bytes = object.as_str().unwrap();
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// Every object in the file that is a stream with the given key in its dictionary.
pub fn streams_with_key<'d>(doc: &'d Document, key: &[u8]) -> Vec<&'d lopdf::Stream> {
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.has(key))
        .collect()
}

/// Every dictionary in the file whose /Type is `ty` (fonts, descriptors).
pub fn dicts_of_type<'d>(doc: &'d Document, ty: &[u8]) -> Vec<&'d Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(ty))
        .collect()
}

/// The `/W` array of a CIDFont as CID → width, both of its forms
/// (`c [w1 w2 …]` and `c_first c_last w`).
pub fn cid_widths(cid_font: &Dictionary) -> HashMap<u16, f32> {
    let items = cid_font.get(b"W").unwrap().as_array().unwrap();
    let mut widths = HashMap::new();
    let mut i = 0;
    while i < items.len() {
        let first = u16::try_from(items[i].as_i64().unwrap()).unwrap();
        if let Ok(run) = items[i + 1].as_array() {
            for (k, w) in run.iter().enumerate() {
                widths.insert(first + u16::try_from(k).unwrap(), w.as_float().unwrap());
            }
            i += 2;
        } else {
            let last = u16::try_from(items[i + 1].as_i64().unwrap()).unwrap();
            let w = items[i + 2].as_float().unwrap();
            for cid in first..=last {
                widths.insert(cid, w);
            }
            i += 3;
        }
    }
    widths
}

// Documents shared by the test files.

pub const SAMPLE: &str = "Zażółć gęślą jaźń";
pub const CELL: &str = "Łódź – „Dom Kultury” § 12";

pub fn short_document() -> wspolnota_pdf::Document {
    let mut doc = wspolnota_pdf::Document::new("Zaświadczenie o członkostwie");
    doc.author = Some("Spółdzielnia Mieszkaniowa „Wspólnota”".into());
    doc.push(Block::heading(1, "ZAŚWIADCZENIE"))
        .push(Block::paragraph(format!(
            "{SAMPLE}.\nDruga linia – z pauzą."
        )))
        .push(Block::KeyValues(vec![
            ("Imię i nazwisko".into(), "Źdźbło Łęcka".into()),
            ("Numer w rejestrze".into(), "000123".into()),
        ]))
        .push(Block::Spacer(12.0));
    let mut table = Table::new(vec![
        Column::new("Miejsce", 3),
        Column::new("Kwota", 1).align(Align::Right),
    ]);
    table.rows.push(vec![CELL.into(), "12,50 zł".into()]);
    doc.push(Block::Table(table));
    doc
}

pub fn long_table(rows: usize) -> wspolnota_pdf::Document {
    let mut table = Table::new(vec![
        Column::new("Lp.", 1).align(Align::Right),
        Column::new("Imię i nazwisko", 5),
        Column::new("Podpis", 3).align(Align::Center),
    ]);
    table.caption = Some("Lista obecności".into());
    table.rows = (1..=rows)
        .map(|i| vec![i.to_string(), format!("Członek {i:04}"), String::new()])
        .collect();
    let mut doc = wspolnota_pdf::Document::new("Lista obecności");
    doc.footer = Some("Strona {page} z {pages}".into());
    doc.push(Block::Table(table));
    doc
}
