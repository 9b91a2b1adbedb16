//! The document model: what a module hands to [`crate::render`].
//!
//! The model is deliberately small. It describes *what* goes on the page
//! (headings, paragraphs, label/value pairs, tables); the renderer decides
//! *where*, with one fixed house style, so that every report of the platform
//! looks the same.

/// A whole document, rendered by [`crate::render`].
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Title written to the document information dictionary (`/Title`);
    /// viewers show it instead of the file name. It is not printed on the page:
    /// add a [`Block::Heading`] for that.
    pub title: String,
    /// Person or body responsible for the content (`/Author`).
    pub author: Option<String>,
    /// The module or program that assembled the document (`/Creator`),
    /// e.g. "Wspólnota – rejestr członków".
    pub creator: Option<String>,
    /// Natural language as a BCP 47 tag (`/Lang` in the catalog), e.g. "pl".
    /// Screen readers use it to pick a voice. Left out when empty.
    pub lang: String,
    /// Paper size and orientation of every page.
    pub page: PageSize,
    /// Footer printed centred at the bottom of every page. `{page}` is
    /// replaced by the page number and `{pages}` by the page count, e.g.
    /// `"Strona {page} z {pages}"`.
    pub footer: Option<String>,
    /// The content, top to bottom.
    pub blocks: Vec<Block>,
}

impl Document {
    /// An empty Polish A4 portrait document with the given title and no footer.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            author: None,
            creator: None,
            lang: "pl".to_owned(),
            page: PageSize::A4Portrait,
            footer: None,
            blocks: Vec::new(),
        }
    }

    /// Appends a block; returns `self` so calls can be chained.
    pub fn push(&mut self, block: Block) -> &mut Self {
        self.blocks.push(block);
        self
    }
}

impl Default for Document {
    fn default() -> Self {
        Self::new("")
    }
}

/// Paper size and orientation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageSize {
    /// A4, 210 × 297 mm, upright.
    #[default]
    A4Portrait,
    /// A4, 297 × 210 mm, on its side: for wide tables.
    A4Landscape,
}

impl PageSize {
    /// Width and height in PDF points (1/72 inch).
    pub fn dimensions(self) -> (f32, f32) {
        // 210 mm and 297 mm expressed in points.
        const SHORT: f32 = 595.276;
        const LONG: f32 = 841.89;
        match self {
            PageSize::A4Portrait => (SHORT, LONG),
            PageSize::A4Landscape => (LONG, SHORT),
        }
    }
}

/// One piece of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A bold heading. `level` 1 is the largest (16 pt), 2 is 13 pt, 3 is
    /// 11 pt; values outside `1..=3` are clamped into it.
    Heading {
        /// 1, 2 or 3.
        level: u8,
        /// The heading text; `\n` breaks the line.
        text: String,
    },
    /// Body text at 10 pt, wrapped to the text width; `\n` breaks the line.
    Paragraph(String),
    /// Label/value pairs in two columns: bold labels on the left, values on
    /// the right, each wrapping within its column. For record cards such as
    /// a member's entry in the register.
    KeyValues(Vec<(String, String)>),
    /// A table; see [`Table`].
    Table(Table),
    /// Vertical space in points. Negative or non-finite values count as zero.
    Spacer(f32),
    /// Continue on a new page. Ignored when the current page is still empty,
    /// so a break before a section that already starts a page adds no blank
    /// page.
    PageBreak,
}

impl Block {
    /// A heading of the given level.
    pub fn heading(level: u8, text: impl Into<String>) -> Self {
        Block::Heading {
            level,
            text: text.into(),
        }
    }

    /// A paragraph of body text.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block::Paragraph(text.into())
    }
}

/// A table with a bold header row that is repeated on every page the table
/// continues on. Rows are kept whole on a page; only a row taller than a
/// whole page is split.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<Column>,
    /// The rows; each has one cell per column. Missing cells are left empty
    /// and surplus cells are ignored.
    pub rows: Vec<Vec<String>>,
    /// A line of text printed above the table.
    pub caption: Option<String>,
}

impl Table {
    /// A table with the given columns and no rows.
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
            caption: None,
        }
    }
}

/// One column of a [`Table`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Text of the header cell.
    pub header: String,
    /// Relative width: the text width is shared out in proportion to the
    /// weights of all columns. A weight of 0 counts as 1.
    pub width: u16,
    /// Alignment of the cells (the header included).
    pub align: Align,
}

impl Column {
    /// A left-aligned column.
    pub fn new(header: impl Into<String>, width: u16) -> Self {
        Self {
            header: header.into(),
            width,
            align: Align::Left,
        }
    }

    /// The same column with another alignment, e.g. [`Align::Right`] for
    /// amounts.
    pub fn align(mut self, align: Align) -> Self {
        self.align = align;
        self
    }
}

/// Horizontal alignment of text in a table cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Flush right: for numbers and amounts.
    Right,
    /// Centred.
    Center,
}
