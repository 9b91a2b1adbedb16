//! The member register as CSV and PDF, as the reader may see it: the same columns
//! as the register page, one row per member, Polish characters embedded in the PDF.

use super::register::RegisterRow;
use super::Cooperative;
use crate::csv::{Cell, Csv};
use crate::i18n::Locale;
use crate::{App, AppError};
use wspolnota_domain::access::Subject;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_pdf::{Align, Block, Column, Document, PageSize, Table};

/// The register's columns, as translation ids, with their PDF widths; the address
/// column only for readers who may see addresses.
const COLUMNS: [(&str, u16, bool); 12] = [
    ("coop-col-number", 2, true),
    ("coop-col-kind", 3, false),
    ("coop-col-name", 8, false),
    ("coop-col-address", 9, false),
    ("coop-col-admitted", 4, false),
    ("coop-col-shares", 3, true),
    ("coop-col-declared", 5, true),
    ("coop-col-paid", 5, true),
    ("coop-col-unpaid", 5, true),
    ("coop-col-contributions", 5, true),
    ("coop-col-notice", 4, false),
    ("coop-col-ended", 6, false),
];

/// One register row as text cells, in the order of [`COLUMNS`].
fn cells(l: Locale, row: &RegisterRow, addresses: bool) -> Vec<String> {
    let s = &row.state;
    let b = &row.balance;
    let address = if addresses || row.member.kind == "legal" {
        match &s.details.krs {
            Some(krs) => format!("{} (KRS {krs})", s.details.address),
            None => s.details.address.clone(),
        }
    } else {
        String::new()
    };
    let ended = match (&s.ends_on, &s.end) {
        (Some(on), Some(end)) => format!(
            "{} ({})",
            date::format(*on),
            l.t(&format!("coop-end-{}", end.code()))
        ),
        (Some(on), None) => date::format(*on),
        _ => String::new(),
    };
    vec![
        row.member.number.to_string(),
        l.t(&format!("coop-kind-{}", row.member.kind)),
        s.details.name.clone(),
        address,
        s.admitted_on.map(date::format).unwrap_or_default(),
        b.declared_shares.to_string(),
        b.declared.to_plain(),
        b.paid_in.to_plain(),
        b.unpaid().to_plain(),
        s.contributions.to_plain(),
        s.notice_given_on.map(date::format).unwrap_or_default(),
        ended,
    ]
}

/// The register as CSV.
pub fn register_csv(l: Locale, rows: &[RegisterRow], addresses: bool) -> String {
    let header: Vec<String> = COLUMNS.iter().map(|(id, _, _)| l.t(id)).collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut csv = Csv::with_header(&header);
    for row in rows {
        let texts = cells(l, row, addresses);
        csv.record(texts.iter().zip(COLUMNS).map(|(t, (_, _, number))| {
            if number {
                Cell::Plain(t)
            } else {
                Cell::Text(t)
            }
        }));
    }
    csv.into_string()
}

/// The register as a PDF document (A4 landscape, the header repeated on every page).
pub fn register_pdf(
    l: Locale,
    coop: &Cooperative,
    rows: &[RegisterRow],
    addresses: bool,
    today: date::Date,
) -> Result<Vec<u8>, AppError> {
    let title = l.t_args("coop-register-title", &[("coop", coop.space.name.clone())]);
    let mut doc = Document::new(&title);
    doc.lang = l.code().to_string();
    doc.page = PageSize::A4Landscape;
    doc.footer = Some(l.t("coop-register-footer"));
    doc.push(Block::heading(1, &title));
    let mut facts = vec![
        (l.t("coop-register-as-of"), date::format(today)),
        (l.t("coop-register-members"), rows.len().to_string()),
        (
            l.t("coop-register-statute"),
            coop.statute_version.to_string(),
        ),
    ];
    if let Some(krs) = &coop.krs {
        facts.push(("KRS".to_string(), krs.clone()));
    }
    doc.push(Block::KeyValues(facts));
    let mut table = Table::new(
        COLUMNS
            .iter()
            .map(|(id, w, number)| {
                let c = Column::new(l.t(id), *w);
                if *number {
                    c.align(Align::Right)
                } else {
                    c
                }
            })
            .collect(),
    );
    table.rows = rows.iter().map(|r| cells(l, r, addresses)).collect();
    doc.push(Block::Table(table));
    wspolnota_pdf::render(&doc).map_err(|e| AppError::Internal(format!("register PDF: {e}")))
}

impl App {
    /// The whole register as CSV, for a reader who may inspect it.
    pub async fn register_export_csv(
        &self,
        subject: &Subject,
        space: SpaceId,
        l: Locale,
    ) -> Result<String, AppError> {
        let (_, rows, addresses) = self.whole_register(subject, space).await?;
        Ok(register_csv(l, &rows, addresses))
    }

    /// The whole register as PDF, for a reader who may inspect it.
    pub async fn register_export_pdf(
        &self,
        subject: &Subject,
        space: SpaceId,
        l: Locale,
    ) -> Result<Vec<u8>, AppError> {
        let (coop, rows, addresses) = self.whole_register(subject, space).await?;
        register_pdf(l, &coop, &rows, addresses, self.today())
    }
}
