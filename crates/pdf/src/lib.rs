//! The one PDF renderer of Wspólnota. Every module that prints — the
//! cooperative's member register, attendance lists, certificates, reports —
//! builds a [`Document`] and calls [`render`], so all of them share one
//! look and one set of guarantees.
//!
//! ```
//! use wspolnota_pdf::{render, Align, Block, Column, Document, Table};
//!
//! let mut doc = Document::new("Lista obecności");
//! doc.footer = Some("Strona {page} z {pages}".into());
//! doc.push(Block::heading(1, "Lista obecności"))
//!     .push(Block::paragraph("Walne zebranie członków, 12 maja."));
//! let mut table = Table::new(vec![
//!     Column::new("Lp.", 1).align(Align::Right),
//!     Column::new("Imię i nazwisko", 6),
//!     Column::new("Podpis", 4),
//! ]);
//! table.rows.push(vec!["1".into(), "Łucja Żółkiewska".into(), String::new()]);
//! doc.push(Block::Table(table));
//!
//! let pdf = render(&doc)?;
//! assert!(pdf.starts_with(b"%PDF-1.7"));
//! # Ok::<(), wspolnota_pdf::RenderError>(())
//! ```
//!
//! # Design
//!
//! * **Pure.** A document model goes in, bytes come out; no files, no clock,
//!   no async. Callers decide where the bytes go.
//! * **Fonts are embedded, as Type0 / CIDFontType2 with Identity-H.** The 14
//!   standard PDF fonts only cover Latin-1 through single-byte encodings, so
//!   ą, ę, ł, ś, ź, ż, „ ” – would not survive. A Type0 font addresses glyphs
//!   with two-byte codes; with Identity-H the code *is* the glyph id, so no
//!   encoding tables are needed and any glyph of DejaVu Sans (bundled, with its
//!   licence, in `fonts/`) is reachable. Because such codes say nothing about
//!   which character was meant, each font carries a ToUnicode CMap: that is
//!   what makes copying, searching and screen readers work. Characters the
//!   font lacks are drawn (and copied) as `?` instead of failing.
//! * **Subsetting.** DejaVu Sans is about 740 KB; the `subsetter` crate cuts it
//!   down to the glyphs a document uses, so a one-page certificate stays in
//!   the tens of kilobytes. Subset fonts are renumbered densely, so the CIDs
//!   in the content streams are the subset's glyph ids.
//! * **Deterministic.** No timestamps, no random ids, no hash-map iteration
//!   order in the output: the same [`Document`] always gives the same bytes,
//!   so tests can compare output and caches can key on it. The trailer `/ID`
//!   is a hash of the content.
//! * **Layout.** Text is wrapped by the fonts' real advance widths (no
//!   kerning or shaping: the scripts we print need none). Pages are A4 with
//!   2 cm margins; body text is 10 pt, tables 8.5 pt, headings 16/13/11 pt
//!   bold. Table rows stay whole on a page and the header row is repeated
//!   at the top of every page a table continues on.
#![forbid(unsafe_code)]

mod content;
mod embed;
mod fonts;
mod layout;
mod model;
mod table;
mod text;
mod writer;

pub use model::{Align, Block, Column, Document, PageSize, Table};

/// What can keep [`render`] from producing a document.
///
/// Only a broken bundled font file can; that is ruled out by this crate's
/// tests, but reported rather than panicked on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// A bundled font could not be parsed.
    #[error("bundled font {font} could not be read: {reason}")]
    Font {
        /// PostScript name of the font.
        font: &'static str,
        /// What the parser reported.
        reason: String,
    },
}

/// Renders `doc` as a PDF 1.7 file.
///
/// An empty document gives one blank page. The same document always gives
/// the same bytes.
pub fn render(doc: &Document) -> Result<Vec<u8>, RenderError> {
    let fonts = fonts::Fonts::load()?;
    let (pages, height) = layout::layout(doc, &fonts);
    let width = doc.page.dimensions().0;
    Ok(writer::write(doc, &pages, (width, height), &fonts))
}
