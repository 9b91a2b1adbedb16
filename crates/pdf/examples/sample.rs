//! Renders a one-page sample with every kind of block, to look at.
//!
//! `cargo run -p wspolnota-pdf --example sample -- sample.pdf`

use wspolnota_pdf::{render, Align, Block, Column, Document, Table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = Document::new("Zaświadczenie o członkostwie");
    doc.author = Some("Spółdzielnia Mieszkaniowa „Wspólnota”".into());
    doc.creator = Some("Wspólnota – rejestr członków".into());
    doc.footer = Some("Strona {page} z {pages}".into());
    doc.push(Block::heading(1, "Zaświadczenie o członkostwie"))
        .push(Block::paragraph(
            "Zażółć gęślą jaźń. ZAŻÓŁĆ GĘŚLĄ JAŹŃ. Zarząd Spółdzielni Mieszkaniowej \
             „Wspólnota” w Łodzi zaświadcza, że niżej wymieniona osoba jest członkiem \
             spółdzielni zgodnie z § 3 ust. 2 statutu – wpis do rejestru członków \
             prowadzonego na podstawie art. 30 ustawy Prawo spółdzielcze.",
        ))
        .push(Block::heading(2, "Dane członka"))
        .push(Block::KeyValues(vec![
            ("Imię i nazwisko".into(), "Źdźbło Łęcka-Ćwiek".into()),
            ("Numer w rejestrze".into(), "R/2024/000123".into()),
            (
                "Adres do doręczeń".into(),
                "ul. Żeromskiego 15 m. 4\n90-001 Łódź".into(),
            ),
            ("Data przystąpienia".into(), "1 marca 2024 r.".into()),
        ]))
        .push(Block::heading(3, "Wniesione udziały"));
    let mut table = Table::new(vec![
        Column::new("Lp.", 1).align(Align::Right),
        Column::new("Tytuł wpłaty", 6),
        Column::new("Data", 2).align(Align::Center),
        Column::new("Kwota", 2).align(Align::Right),
    ]);
    table.caption = Some("Tabela 1. Wpłaty na udziały".into());
    table.rows = vec![
        vec![
            "1".into(),
            "Wpisowe".into(),
            "2024-03-01".into(),
            "100,00 zł".into(),
        ],
        vec![
            "2".into(),
            "Udział członkowski – pierwsza rata (przelew z rachunku nr 12 3456 7890)".into(),
            "2024-03-15".into(),
            "1 250,00 zł".into(),
        ],
        vec![
            "3".into(),
            "Udział członkowski – druga rata".into(),
            "2024-04-15".into(),
            "1 250,00 zł".into(),
        ],
    ];
    doc.push(Block::Table(table))
        .push(Block::Spacer(36.0))
        .push(Block::paragraph(
            "Łódź, dnia 12 maja 2024 r.\n\n\n……………………………………\npodpis Prezesa Zarządu",
        ));

    let pdf = render(&doc)?;
    println!("{} bytes", pdf.len());
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(path, &pdf)?;
    }
    Ok(())
}
