//! Turns blocks into pages of drawing operations.
//!
//! Coordinates here run top-down from the top-left corner of the page, as
//! one reads; the writer flips them into PDF's bottom-up space.

use crate::fonts::{FontKind, Fonts, Glyph};
use crate::model::{Block, Document};
use crate::table;
use crate::text::{wrap, Line};

/// 2 cm, in points.
pub(crate) const MARGIN: f32 = 56.693;
pub(crate) const BODY_SIZE: f32 = 10.0;
/// Line height as a multiple of the font size.
pub(crate) const LEADING: f32 = 1.3;
const PARAGRAPH_GAP: f32 = 6.0;
const FOOTER_SIZE: f32 = 8.0;
const FOOTER_GRAY: f32 = 0.35;
const KEY_VALUE_GAP: f32 = 12.0;

/// A drawing operation on one page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// A line of text; `y` is the baseline.
    Text {
        font: FontKind,
        size: f32,
        gray: f32,
        x: f32,
        y: f32,
        glyphs: Vec<Glyph>,
    },
    /// A thin rule (table grid).
    Rule { x1: f32, y1: f32, x2: f32, y2: f32 },
    /// A filled rectangle (table header background); `y` is its top edge.
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        gray: f32,
    },
}

/// One laid-out page.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Page {
    pub ops: Vec<Op>,
}

/// The state of filling pages from top to bottom.
pub(crate) struct Flow<'f> {
    pub fonts: &'f Fonts,
    pub pages: Vec<Page>,
    pub page_height: f32,
    /// Left edge of the text area.
    pub left: f32,
    /// Width of the text area.
    pub width: f32,
    /// Top and bottom of the text area.
    pub top: f32,
    pub bottom: f32,
    /// Where the next thing goes.
    pub y: f32,
    /// A page break was asked for and is taken before the next content, so
    /// a break at the very end adds no blank page.
    break_pending: bool,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts, (page_width, page_height): (f32, f32)) -> Self {
        Self {
            fonts,
            pages: vec![Page::default()],
            page_height,
            left: MARGIN,
            width: page_width - 2.0 * MARGIN,
            top: MARGIN,
            bottom: page_height - MARGIN,
            y: MARGIN,
            break_pending: false,
        }
    }

    /// Height of the text area of a page.
    pub(crate) fn page_capacity(&self) -> f32 {
        self.bottom - self.top
    }

    pub(crate) fn page_is_empty(&self) -> bool {
        self.y <= self.top
    }

    pub(crate) fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
        self.break_pending = false;
    }

    /// Makes room for `height` points: starts a new page unless they fit on
    /// this one or this one is still empty (then nothing would be gained).
    pub(crate) fn ensure(&mut self, height: f32) {
        if self.break_pending || (self.y + height > self.bottom && !self.page_is_empty()) {
            self.new_page();
        }
    }

    /// Vertical space between blocks; dropped at the top of a page.
    fn gap(&mut self, height: f32) {
        if !self.page_is_empty() && !self.break_pending {
            self.y = (self.y + height).min(self.bottom);
        }
    }

    pub(crate) fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.ops.push(op);
        }
    }

    /// Offset of the baseline below the top of a line box `line_height` tall,
    /// centring the font's ascent+descent in the box.
    pub(crate) fn baseline(&self, font: FontKind, size: f32, line_height: f32) -> f32 {
        let m = self.fonts.get(font).metrics;
        (line_height - (m.ascent - m.descent) * size) / 2.0 + m.ascent * size
    }

    /// Places one line of text with its top at the current position.
    pub(crate) fn text_at(&mut self, font: FontKind, size: f32, x: f32, top: f32, line: &Line) {
        if line.glyphs.is_empty() {
            return;
        }
        let y = top + self.baseline(font, size, size * LEADING);
        self.push(Op::Text {
            font,
            size,
            gray: 0.0,
            x,
            y,
            glyphs: line.glyphs.clone(),
        });
    }

    /// Flows wrapped text, line by line, over as many pages as it needs.
    pub(crate) fn lines(&mut self, font: FontKind, size: f32, text: &str) {
        let line_height = size * LEADING;
        for line in wrap(self.fonts.get(font), text, size, self.width) {
            self.ensure(line_height);
            self.text_at(font, size, self.left, self.y, &line);
            self.y += line_height;
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let (size, before, after) = match level.clamp(1, 3) {
            1 => (16.0, 14.0, 6.0),
            2 => (13.0, 10.0, 5.0),
            _ => (11.0, 8.0, 4.0),
        };
        self.gap(before);
        let lines = wrap(self.fonts.get(FontKind::Bold), text, size, self.width);
        let height = lines.len() as f32 * size * LEADING;
        // Keep the heading with a few lines of what follows it.
        let keep = height + after + 3.0 * BODY_SIZE * LEADING;
        self.ensure(keep.min(self.page_capacity()));
        self.lines(FontKind::Bold, size, text);
        self.gap(after);
    }

    fn key_values(&mut self, pairs: &[(String, String)]) {
        let bold = self.fonts.get(FontKind::Bold);
        let widest = pairs
            .iter()
            .map(|(label, _)| {
                wrap(bold, label, BODY_SIZE, f32::INFINITY)
                    .iter()
                    .fold(0.0_f32, |w, l| w.max(l.width))
            })
            .fold(0.0_f32, f32::max);
        // Labels get what they need, but between a fifth and two fifths of
        // the width, so long labels wrap instead of squeezing the values.
        let label_width = widest.clamp(self.width * 0.2, self.width * 0.4);
        let value_x = self.left + label_width + KEY_VALUE_GAP;
        let value_width = self.width - label_width - KEY_VALUE_GAP;
        let line_height = BODY_SIZE * LEADING;
        for (label, value) in pairs {
            let labels = wrap(bold, label, BODY_SIZE, label_width);
            let values = wrap(
                self.fonts.get(FontKind::Regular),
                value,
                BODY_SIZE,
                value_width,
            );
            let rows = labels.len().max(values.len());
            self.ensure((rows as f32 * line_height).min(self.page_capacity()));
            for i in 0..rows {
                self.ensure(line_height);
                if let Some(line) = labels.get(i) {
                    self.text_at(FontKind::Bold, BODY_SIZE, self.left, self.y, line);
                }
                if let Some(line) = values.get(i) {
                    self.text_at(FontKind::Regular, BODY_SIZE, value_x, self.y, line);
                }
                self.y += line_height;
            }
            self.gap(2.0);
        }
    }

    fn spacer(&mut self, points: f32) {
        if self.break_pending {
            self.new_page();
        }
        let points = if points.is_finite() {
            points.max(0.0)
        } else {
            0.0
        };
        self.y += points;
        if self.y > self.bottom {
            // Space never carries over: the next page starts at its top.
            self.new_page();
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(text) => {
                self.lines(FontKind::Regular, BODY_SIZE, text);
                self.gap(PARAGRAPH_GAP);
            }
            Block::KeyValues(pairs) => {
                self.key_values(pairs);
                self.gap(PARAGRAPH_GAP);
            }
            Block::Table(t) => {
                table::layout(self, t);
                self.gap(PARAGRAPH_GAP);
            }
            Block::Spacer(points) => self.spacer(*points),
            Block::PageBreak => {
                if !self.page_is_empty() {
                    self.break_pending = true;
                }
            }
        }
    }

    /// Adds the footer, now that the page count is known.
    fn footers(&mut self, template: &str) {
        let font = self.fonts.get(FontKind::Regular);
        let count = self.pages.len();
        let line_height = FOOTER_SIZE * LEADING;
        let baseline = self.baseline(FontKind::Regular, FOOTER_SIZE, line_height);
        // Centred in the bottom margin.
        let first_top = self.bottom + (MARGIN - line_height) / 2.0;
        for (index, page) in self.pages.iter_mut().enumerate() {
            let text = template
                .replace("{page}", &(index + 1).to_string())
                .replace("{pages}", &count.to_string());
            for (n, line) in wrap(font, &text, FOOTER_SIZE, self.width)
                .into_iter()
                .enumerate()
            {
                page.ops.push(Op::Text {
                    font: FontKind::Regular,
                    size: FOOTER_SIZE,
                    gray: FOOTER_GRAY,
                    x: self.left + (self.width - line.width) / 2.0,
                    y: first_top + n as f32 * line_height + baseline,
                    glyphs: line.glyphs,
                });
            }
        }
    }
}

/// Lays out the whole document. There is always at least one page.
pub(crate) fn layout(doc: &Document, fonts: &Fonts) -> (Vec<Page>, f32) {
    let mut flow = Flow::new(fonts, doc.page.dimensions());
    for block in &doc.blocks {
        flow.block(block);
    }
    if let Some(template) = &doc.footer {
        flow.footers(template);
    }
    (flow.pages, flow.page_height)
}
