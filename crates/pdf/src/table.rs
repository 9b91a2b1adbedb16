//! Tables: columns sized by weight, cells wrapped inside their column, a
//! bold header row repeated on every page, rows kept whole on a page.

use crate::fonts::FontKind;
use crate::layout::{Flow, Op, BODY_SIZE, LEADING};
use crate::model::{Align, Column, Table};
use crate::text::{wrap, Line};

pub(crate) const TABLE_SIZE: f32 = 8.5;
const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 2.0;
const HEADER_GRAY: f32 = 0.9;
const CAPTION_GAP: f32 = 3.0;
const LINE_HEIGHT: f32 = TABLE_SIZE * LEADING;
/// Rounding slack when asking whether a number of lines fits.
const EPSILON: f32 = 0.01;

/// A row with every cell wrapped to its column.
struct Row {
    cells: Vec<Vec<Line>>,
}

impl Row {
    fn line_count(&self) -> usize {
        self.cells.iter().map(Vec::len).max().unwrap_or(1)
    }

    fn height(&self) -> f32 {
        self.line_count() as f32 * LINE_HEIGHT + 2.0 * PAD_Y
    }
}

/// Column edges and alignment; shared by all rows of one table.
struct Grid<'t> {
    columns: &'t [Column],
    /// Left edge of every column, then the right edge of the last one.
    edges: Vec<f32>,
}

impl Grid<'_> {
    fn wrap_row<'s>(
        &self,
        flow: &Flow<'_>,
        font: FontKind,
        texts: impl Iterator<Item = &'s str>,
    ) -> Row {
        let face = flow.fonts.get(font);
        let cells = texts
            .zip(self.edges.windows(2))
            .map(|(text, edge)| wrap(face, text, TABLE_SIZE, edge[1] - edge[0] - 2.0 * PAD_X))
            .collect();
        Row { cells }
    }

    /// Draws lines `from..from + count` of every cell with their top at `top`.
    fn draw_lines(
        &self,
        flow: &mut Flow<'_>,
        font: FontKind,
        row: &Row,
        from: usize,
        count: usize,
        top: f32,
    ) {
        for ((cell, column), edge) in row
            .cells
            .iter()
            .zip(self.columns)
            .zip(self.edges.windows(2))
        {
            let (left, right) = (edge[0], edge[1]);
            for (n, line) in cell.iter().skip(from).take(count).enumerate() {
                let x = match column.align {
                    Align::Left => left + PAD_X,
                    Align::Right => right - PAD_X - line.width,
                    Align::Center => (left + right - line.width) / 2.0,
                };
                let line_top = top + PAD_Y + n as f32 * LINE_HEIGHT;
                flow.text_at(font, TABLE_SIZE, x, line_top, line);
            }
        }
    }

    fn rule(&self, flow: &mut Flow<'_>, y: f32) {
        let (x1, x2) = (self.left(), self.right());
        flow.push(Op::Rule {
            x1,
            y1: y,
            x2,
            y2: y,
        });
    }

    fn left(&self) -> f32 {
        self.edges.first().copied().unwrap_or(0.0)
    }

    fn right(&self) -> f32 {
        self.edges.last().copied().unwrap_or(0.0)
    }

    /// Starts the table's part on the current page with the header row;
    /// returns where that part begins, for the vertical rules.
    fn header(&self, flow: &mut Flow<'_>, header: &Row) -> f32 {
        let top = flow.y;
        let height = header.height();
        flow.push(Op::Fill {
            x: self.left(),
            y: top,
            w: self.right() - self.left(),
            h: height,
            gray: HEADER_GRAY,
        });
        self.rule(flow, top);
        self.draw_lines(flow, FontKind::Bold, header, 0, header.line_count(), top);
        flow.y += height;
        self.rule(flow, flow.y);
        top
    }

    /// Closes the table's part on this page with the vertical rules.
    fn close(&self, flow: &mut Flow<'_>, part_top: f32) {
        for &x in &self.edges {
            flow.push(Op::Rule {
                x1: x,
                y1: part_top,
                x2: x,
                y2: flow.y,
            });
        }
    }

    /// Places a row, continuing it on following pages only if it does not
    /// fit on one page by itself.
    fn row(&self, flow: &mut Flow<'_>, header: &Row, row: &Row, part_top: &mut f32) {
        let total = row.line_count();
        let mut done = 0;
        loop {
            let room = flow.bottom - flow.y - 2.0 * PAD_Y;
            let fit = ((room + EPSILON) / LINE_HEIGHT).floor().max(0.0) as usize;
            let right_below_header = flow.y <= *part_top + header.height() + EPSILON;
            if fit == 0 && !right_below_header {
                self.close(flow, *part_top);
                flow.new_page();
                *part_top = self.header(flow, header);
                continue;
            }
            // Right below a header a line is always drawn, so this ends.
            let count = (total - done).min(fit.max(1));
            let top = flow.y;
            self.draw_lines(flow, FontKind::Regular, row, done, count, top);
            flow.y += count as f32 * LINE_HEIGHT + 2.0 * PAD_Y;
            self.rule(flow, flow.y);
            done += count;
            if done >= total {
                return;
            }
            self.close(flow, *part_top);
            flow.new_page();
            *part_top = self.header(flow, header);
        }
    }
}

/// Lays out `table` at the current position of `flow`.
pub(crate) fn layout(flow: &mut Flow<'_>, table: &Table) {
    if table.columns.is_empty() {
        if let Some(caption) = &table.caption {
            flow.lines(FontKind::Regular, BODY_SIZE, caption);
        }
        return;
    }
    let weights: Vec<f32> = table
        .columns
        .iter()
        .map(|c| f32::from(c.width.max(1)))
        .collect();
    let total_weight: f32 = weights.iter().sum();
    let mut edges = vec![flow.left];
    let mut x = flow.left;
    for weight in &weights {
        x += flow.width * weight / total_weight;
        edges.push(x);
    }
    let grid = Grid {
        columns: &table.columns,
        edges,
    };
    let columns = table.columns.len();
    let mut header = grid.wrap_row(
        flow,
        FontKind::Bold,
        table.columns.iter().map(|c| c.header.as_str()),
    );
    // A header must leave room for rows, or repeating it would never end.
    let max_header_lines = ((flow.page_capacity() / 2.0 / LINE_HEIGHT).floor() as usize).max(1);
    for cell in &mut header.cells {
        cell.truncate(max_header_lines);
    }

    // Keep caption, header and first row together.
    let first_row = table
        .rows
        .first()
        .map(|r| grid.wrap_row(flow, FontKind::Regular, cells(r, columns)));
    let caption_height = table.caption.as_ref().map_or(0.0, |c| {
        let lines = wrap(flow.fonts.get(FontKind::Regular), c, BODY_SIZE, flow.width).len();
        lines as f32 * BODY_SIZE * LEADING + CAPTION_GAP
    });
    let lead = caption_height + header.height() + first_row.as_ref().map_or(0.0, Row::height);
    flow.ensure(lead.min(flow.page_capacity()));
    if let Some(caption) = &table.caption {
        flow.lines(FontKind::Regular, BODY_SIZE, caption);
        flow.y += CAPTION_GAP;
    }

    let mut part_top = grid.header(flow, &header);
    let room_for_rows = flow.page_capacity() - header.height();
    let mut first_row = first_row;
    for row in &table.rows {
        // The first row was already wrapped for the keep-together check.
        let row = match first_row.take() {
            Some(wrapped) => wrapped,
            None => grid.wrap_row(flow, FontKind::Regular, cells(row, columns)),
        };
        let height = row.height();
        if flow.y + height > flow.bottom + EPSILON && height <= room_for_rows {
            grid.close(flow, part_top);
            flow.new_page();
            part_top = grid.header(flow, &header);
        }
        grid.row(flow, &header, &row, &mut part_top);
    }
    grid.close(flow, part_top);
}

/// The cells of a row, one per column: missing ones empty, surplus ones dropped.
fn cells(row: &[String], columns: usize) -> impl Iterator<Item = &str> {
    (0..columns).map(move |i| row.get(i).map_or("", String::as_str))
}
