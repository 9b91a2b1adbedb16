//! Page content streams.
//!
//! Written by hand rather than with `pdf_writer::Content`, for two reasons:
//! glyph strings are always hex (`<0123>`), which keeps two-byte CIDs
//! readable and unambiguous (pdf-writer picks literal strings when the bytes
//! happen to be ASCII), and numbers are rounded to 1/100 pt, which keeps a
//! 5,000-row table compact and the output byte-for-byte reproducible.

use crate::fonts::FontKind;
use crate::layout::{Op, Page};

const RULE_WIDTH: f32 = 0.5;
const RULE_GRAY: f32 = 0.55;
const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// Maps a face's glyph id to the CID written in the content stream.
pub(crate) trait CidMap {
    fn cid(&self, kind: FontKind, gid: u16) -> u16;
}

struct Buf(Vec<u8>);

impl Buf {
    fn raw(&mut self, bytes: &[u8]) {
        self.0.extend_from_slice(bytes);
    }

    /// A number rounded to two decimals, without trailing zeros, then a space.
    fn num(&mut self, value: f32) {
        let hundredths = if value.is_finite() {
            (f64::from(value) * 100.0).round() as i64
        } else {
            0
        };
        if hundredths < 0 {
            self.0.push(b'-');
        }
        let abs = hundredths.unsigned_abs();
        self.uint(abs / 100);
        let fraction = abs % 100;
        if fraction != 0 {
            self.0.push(b'.');
            self.0.push(b'0' + (fraction / 10) as u8);
            if fraction % 10 != 0 {
                self.0.push(b'0' + (fraction % 10) as u8);
            }
        }
        self.0.push(b' ');
    }

    /// Decimal digits without allocating: this runs for every number of
    /// every page.
    fn uint(&mut self, mut value: u64) {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        loop {
            start -= 1;
            digits[start] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.0.extend_from_slice(&digits[start..]);
    }

    fn hex_u16(&mut self, value: u16) {
        for shift in [12, 8, 4, 0] {
            self.0.push(HEX[usize::from((value >> shift) & 0xF)]);
        }
    }
}

/// The content stream of one page. `height` flips the layout's top-down
/// coordinates into PDF's bottom-up ones.
pub(crate) fn page_content(page: &Page, height: f32, cids: &impl CidMap) -> Vec<u8> {
    let mut out = Buf(Vec::with_capacity(page.ops.len() * 48));

    // Backgrounds first, then rules, then text on top: three passes keep the
    // state changes (colour, line width, BT/ET) to one each.
    for op in &page.ops {
        if let Op::Fill { x, y, w, h, gray } = op {
            out.num(*gray);
            out.raw(b"g\n");
            out.num(*x);
            out.num(height - y - h);
            out.num(*w);
            out.num(*h);
            out.raw(b"re f\n");
        }
    }

    let mut any_rule = false;
    for op in &page.ops {
        if let Op::Rule { x1, y1, x2, y2 } = op {
            if !any_rule {
                out.num(RULE_WIDTH);
                out.raw(b"w ");
                out.num(RULE_GRAY);
                out.raw(b"G\n");
                any_rule = true;
            }
            out.num(*x1);
            out.num(height - y1);
            out.raw(b"m ");
            out.num(*x2);
            out.num(height - y2);
            out.raw(b"l\n");
        }
    }
    if any_rule {
        out.raw(b"S\n");
    }

    let mut font_state: Option<(FontKind, f32)> = None;
    let mut gray_state: Option<f32> = None;
    let mut in_text = false;
    for op in &page.ops {
        let Op::Text {
            font,
            size,
            gray,
            x,
            y,
            glyphs,
        } = op
        else {
            continue;
        };
        if !in_text {
            out.raw(b"BT\n");
            in_text = true;
        }
        if font_state != Some((*font, *size)) {
            out.raw(b"/");
            out.raw(font.resource_name());
            out.raw(b" ");
            out.num(*size);
            out.raw(b"Tf\n");
            font_state = Some((*font, *size));
        }
        if gray_state != Some(*gray) {
            out.num(*gray);
            out.raw(b"g\n");
            gray_state = Some(*gray);
        }
        out.raw(b"1 0 0 1 ");
        out.num(*x);
        out.num(height - y);
        out.raw(b"Tm <");
        for glyph in glyphs {
            out.hex_u16(cids.cid(*font, glyph.gid));
        }
        out.raw(b"> Tj\n");
    }
    if in_text {
        out.raw(b"ET\n");
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(value: f32) -> String {
        let mut buf = Buf(Vec::new());
        buf.num(value);
        String::from_utf8(buf.0).unwrap()
    }

    #[test]
    fn numbers_are_short_and_rounded() {
        assert_eq!(num(0.0), "0 ");
        assert_eq!(num(12.0), "12 ");
        assert_eq!(num(12.5), "12.5 ");
        assert_eq!(num(12.05), "12.05 ");
        assert_eq!(num(-3.456), "-3.46 ");
        assert_eq!(num(-0.001), "0 ");
        assert_eq!(num(f32::NAN), "0 ");
    }
}
