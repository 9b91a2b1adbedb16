//! The two bundled faces (DejaVu Sans and DejaVu Sans Bold): glyph lookup and
//! advance widths for layout, and the metrics the font descriptor needs.

use ttf_parser::{Face, GlyphId};

use crate::RenderError;

static REGULAR_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// Characters below this are looked up once per render and kept in a table;
/// it covers Latin (Polish included), Greek and Cyrillic, i.e. nearly every
/// character the layout will ever measure, so the cmap binary search and the
/// hmtx lookup are skipped in the hot loop of a large table.
const FAST_RANGE: u32 = 0x800;

/// Which of the two faces a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FontKind {
    Regular,
    Bold,
}

impl FontKind {
    pub(crate) const ALL: [FontKind; 2] = [FontKind::Regular, FontKind::Bold];

    /// Position in [`FontKind::ALL`] and in per-font arrays.
    pub(crate) fn index(self) -> usize {
        match self {
            FontKind::Regular => 0,
            FontKind::Bold => 1,
        }
    }

    /// Resource name used in content streams.
    pub(crate) fn resource_name(self) -> &'static [u8] {
        match self {
            FontKind::Regular => b"F1",
            FontKind::Bold => b"F2",
        }
    }
}

/// One positioned character: the glyph to draw, the character it stands for
/// when text is copied (the ToUnicode entry), and its advance in em.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Glyph {
    pub gid: u16,
    pub ch: char,
    pub advance: f32,
}

/// Font-wide metrics, in em (multiply by the font size for points).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Metrics {
    pub ascent: f32,
    pub descent: f32,
    pub cap_height: f32,
    pub bbox: [f32; 4],
    pub italic_angle: f32,
    pub weight: u16,
}

/// A parsed face plus the lookup table for common characters.
pub(crate) struct Font {
    /// PostScript name, without the subset tag.
    pub ps_name: &'static str,
    pub data: &'static [u8],
    pub metrics: Metrics,
    face: Face<'static>,
    units_per_em: f32,
    /// Glyph drawn for characters the face lacks.
    fallback: Glyph,
    /// `None` marks a character the face lacks.
    fast: Vec<Option<(u16, f32)>>,
}

impl Font {
    fn load(kind: FontKind) -> Result<Self, RenderError> {
        let (data, ps_name) = match kind {
            FontKind::Regular => (REGULAR_TTF, "DejaVuSans"),
            FontKind::Bold => (BOLD_TTF, "DejaVuSans-Bold"),
        };
        let face = Face::parse(data, 0).map_err(|e| RenderError::Font {
            font: ps_name,
            reason: e.to_string(),
        })?;
        let units_per_em = f32::from(face.units_per_em().max(1));
        let em = |v: i16| f32::from(v) / units_per_em;
        let bbox = face.global_bounding_box();
        let metrics = Metrics {
            ascent: em(face.ascender()),
            descent: em(face.descender()),
            // DejaVu's OS/2 table predates the cap-height field: measure 'H'.
            cap_height: em(face
                .capital_height()
                .or_else(|| {
                    let h = face.glyph_index('H')?;
                    Some(face.glyph_bounding_box(h)?.y_max)
                })
                .unwrap_or(face.ascender())),
            bbox: [
                em(bbox.x_min),
                em(bbox.y_min),
                em(bbox.x_max),
                em(bbox.y_max),
            ],
            italic_angle: face.italic_angle(),
            weight: face.weight().to_number(),
        };
        let mut font = Font {
            ps_name,
            data,
            metrics,
            face,
            units_per_em,
            fallback: Glyph {
                gid: 0,
                ch: '?',
                advance: 0.5,
            },
            fast: Vec::new(),
        };
        if let Some((gid, advance)) = font.lookup('?') {
            font.fallback = Glyph {
                gid,
                ch: '?',
                advance,
            };
        }
        font.fast = (0..FAST_RANGE)
            .map(|c| char::from_u32(c).and_then(|c| font.lookup(c)))
            .collect();
        Ok(font)
    }

    fn lookup(&self, c: char) -> Option<(u16, f32)> {
        let gid = self.face.glyph_index(c)?;
        // A cmap entry pointing at .notdef means "not in the font" too.
        if gid.0 == 0 {
            return None;
        }
        Some((gid.0, self.advance_of(gid.0)))
    }

    /// Advance width of a glyph in em.
    pub(crate) fn advance_of(&self, gid: u16) -> f32 {
        let units = self.face.glyph_hor_advance(GlyphId(gid)).unwrap_or(0);
        f32::from(units) / self.units_per_em
    }

    /// Number of glyphs in the face (not the subset).
    pub(crate) fn glyph_count(&self) -> u16 {
        self.face.number_of_glyphs()
    }

    /// The glyph for `c`. Tabs become spaces and other control characters
    /// are dropped (`None`): they have no visible form. A character the
    /// face lacks becomes '?' — also in copied text, so what a reader copies
    /// matches what they see.
    pub(crate) fn glyph(&self, c: char) -> Option<Glyph> {
        let c = if c == '\t' { ' ' } else { c };
        if c.is_control() {
            return None;
        }
        let found = match self.fast.get(c as usize) {
            Some(entry) => *entry,
            None => self.lookup(c),
        };
        Some(match found {
            Some((gid, advance)) => Glyph {
                gid,
                ch: c,
                advance,
            },
            None => self.fallback,
        })
    }

    /// Glyphs for a string, see [`Font::glyph`].
    pub(crate) fn shape(&self, text: &str) -> Vec<Glyph> {
        text.chars().filter_map(|c| self.glyph(c)).collect()
    }
}

/// Both faces, parsed once per render.
pub(crate) struct Fonts {
    regular: Font,
    bold: Font,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, RenderError> {
        Ok(Self {
            regular: Font::load(FontKind::Regular)?,
            bold: Font::load(FontKind::Bold)?,
        })
    }

    pub(crate) fn get(&self, kind: FontKind) -> &Font {
        match kind {
            FontKind::Regular => &self.regular,
            FontKind::Bold => &self.bold,
        }
    }
}

/// Width in points of a run of glyphs at `size`.
pub(crate) fn run_width(glyphs: &[Glyph], size: f32) -> f32 {
    glyphs.iter().map(|g| g.advance).sum::<f32>() * size
}
