//! Times the rendering of a 5,000-row, 7-column table and writes it out.
//!
//! `cargo run --release -p wspolnota-pdf --example big_table [OUT.pdf]`

use std::time::Instant;

use wspolnota_pdf::{render, Align, Block, Column, Document, PageSize, Table};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut table = Table::new(vec![
        Column::new("Nr", 2).align(Align::Right),
        Column::new("Imię i nazwisko", 8),
        Column::new("PESEL", 5),
        Column::new("Adres", 10),
        Column::new("Data przystąpienia", 5).align(Align::Center),
        Column::new("Udziały", 3).align(Align::Right),
        Column::new("Uwagi", 8),
    ]);
    table.caption = Some("Rejestr członków spółdzielni".into());
    table.rows = (1..=5000)
        .map(|i| {
            vec![
                i.to_string(),
                format!("Małgorzata Żółkiewska-Łęcka {i}"),
                format!("{:011}", 80_010_112_345_u64 + i),
                format!("ul. Źródlana {}, 00-{:03} Gdańsk", i % 200, i % 1000),
                format!("2024-{:02}-{:02}", i % 12 + 1, i % 28 + 1),
                format!("{},00 zł", (i % 9 + 1) * 100),
                if i % 7 == 0 {
                    "zgoda na doręczenia elektroniczne, pełnomocnik".into()
                } else {
                    String::new()
                },
            ]
        })
        .collect();
    let mut doc = Document::new("Rejestr członków");
    doc.page = PageSize::A4Landscape;
    doc.footer = Some("Strona {page} z {pages}".into());
    doc.push(Block::heading(1, "Rejestr członków"))
        .push(Block::Table(table));

    let started = Instant::now();
    let pdf = render(&doc)?;
    let elapsed = started.elapsed();
    println!(
        "5000 rows x 7 columns: {:.1} ms, {} bytes",
        elapsed.as_secs_f64() * 1000.0,
        pdf.len()
    );
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(path, &pdf)?;
    }
    Ok(())
}
