//! Line breaking by real advance widths.
//!
//! Greedy: a line takes as many glyphs as fit, breaking after a space or a
//! hyphen; a word wider than the whole line is broken between characters so
//! that nothing ever runs past its column. Hard breaks come from `\n`.

use crate::fonts::{run_width, Font, Glyph};

/// Slack for float rounding, so a text measured to exactly the width fits.
const EPSILON: f32 = 0.01;

/// One laid-out line: its glyphs (trailing spaces removed) and their width.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub glyphs: Vec<Glyph>,
    /// Width in points at the size the line was wrapped for.
    pub width: f32,
}

/// Wraps `text` set in `font` at `size` points into lines at most
/// `max_width` points wide. Always returns at least one line (an empty text
/// gives one empty line), so every cell and paragraph keeps its height.
pub(crate) fn wrap(font: &Font, text: &str, size: f32, max_width: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    for hard_line in text.split('\n') {
        wrap_hard_line(&font.shape(hard_line), size, max_width, &mut lines);
    }
    lines
}

fn wrap_hard_line(glyphs: &[Glyph], size: f32, max_width: f32, out: &mut Vec<Line>) {
    if glyphs.is_empty() {
        out.push(Line {
            glyphs: Vec::new(),
            width: 0.0,
        });
        return;
    }
    let limit = max_width + EPSILON;
    let mut start = 0;
    // Width of glyphs[start..i].
    let mut width = 0.0;
    // Where the next line would start if we broke at the last opportunity.
    let mut opportunity: Option<usize> = None;
    let mut i = 0;
    while i < glyphs.len() {
        let glyph = glyphs[i];
        let advance = glyph.advance * size;
        // Spaces never overflow a line: they hang past the edge and are
        // trimmed, which is what keeps right-aligned text flush.
        if glyph.ch != ' ' && width + advance > limit && i > start {
            let end = match opportunity {
                Some(at) if at > start => at,
                // No break opportunity: break the word between characters.
                _ => i,
            };
            push_line(&glyphs[start..end], size, out);
            start = skip_spaces(glyphs, end);
            width = run_width(&glyphs[start..i.max(start)], size);
            opportunity = None;
            if start > i {
                i = start;
            }
            continue;
        }
        width += advance;
        i += 1;
        if matches!(glyph.ch, ' ' | '-' | '/') {
            opportunity = Some(i);
        }
    }
    if start < glyphs.len() {
        push_line(&glyphs[start..], size, out);
    }
}

fn skip_spaces(glyphs: &[Glyph], mut at: usize) -> usize {
    while glyphs.get(at).is_some_and(|g| g.ch == ' ') {
        at += 1;
    }
    at
}

fn push_line(glyphs: &[Glyph], size: f32, out: &mut Vec<Line>) {
    let visible = glyphs
        .iter()
        .rposition(|g| g.ch != ' ')
        .map_or(0, |last| last + 1);
    let glyphs = &glyphs[..visible];
    out.push(Line {
        glyphs: glyphs.to_vec(),
        width: run_width(glyphs, size),
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FontKind, Fonts};

    fn text_of(line: &Line) -> String {
        line.glyphs.iter().map(|g| g.ch).collect()
    }

    fn wrapped(text: &str, max_width: f32) -> Vec<String> {
        let fonts = Fonts::load().unwrap();
        wrap(fonts.get(FontKind::Regular), text, 10.0, max_width)
            .iter()
            .map(text_of)
            .collect()
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrapped("Zażółć gęślą jaźń", 500.0), ["Zażółć gęślą jaźń"]);
    }

    #[test]
    fn breaks_at_spaces_and_trims_them() {
        let lines = wrapped("alfa beta gamma delta", 60.0);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines
            .iter()
            .all(|l| !l.ends_with(' ') && !l.starts_with(' ')));
        assert_eq!(lines.join(" "), "alfa beta gamma delta");
    }

    #[test]
    fn hard_breaks_and_empty_lines_are_kept() {
        assert_eq!(wrapped("a\n\nb", 500.0), ["a", "", "b"]);
        assert_eq!(wrapped("", 500.0), [""]);
    }

    #[test]
    fn long_word_is_broken_by_character_and_every_line_fits() {
        let fonts = Fonts::load().unwrap();
        let font = fonts.get(FontKind::Regular);
        let word = "Konstantynopolitańczykowianeczka".repeat(3);
        let lines = wrap(font, &word, 10.0, 40.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| l.width <= 40.0 + EPSILON));
        assert!(lines.iter().all(|l| !l.glyphs.is_empty()));
        let joined: String = lines.iter().map(text_of).collect();
        assert_eq!(joined, word);
    }

    #[test]
    fn a_glyph_wider_than_the_column_still_makes_progress() {
        let lines = wrapped("WWW", 1.0);
        assert_eq!(lines, ["W", "W", "W"]);
    }
}
