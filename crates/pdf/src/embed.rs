//! Font embedding: which glyphs a document uses, the subset font program,
//! and the CID numbering the content streams and `/W` array share.

use subsetter::GlyphRemapper;

use crate::fonts::Font;

/// The glyphs of one face that a document draws, and for each the character
/// it stands for (for the ToUnicode CMap).
pub(crate) struct Usage {
    /// Indexed by the face's glyph id; `None` = not used.
    chars: Vec<Option<char>>,
    any: bool,
}

impl Usage {
    pub(crate) fn new(font: &Font) -> Self {
        Self {
            chars: vec![None; usize::from(font.glyph_count())],
            any: false,
        }
    }

    /// Records a drawn glyph. If two characters share a glyph (the font maps
    /// both to one shape), the first one drawn is what copying yields.
    pub(crate) fn mark(&mut self, gid: u16, ch: char) {
        if let Some(slot) = self.chars.get_mut(usize::from(gid)) {
            slot.get_or_insert(ch);
            self.any = true;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        !self.any
    }

    /// Used glyph ids in ascending order, with their characters.
    fn used(&self) -> impl Iterator<Item = (u16, char)> + '_ {
        self.chars
            .iter()
            .enumerate()
            .filter_map(|(gid, ch)| Some((u16::try_from(gid).ok()?, (*ch)?)))
    }
}

/// A face ready to be written into the PDF.
pub(crate) struct Embedded {
    /// `/BaseFont`: subset tag + PostScript name.
    pub base_font: String,
    /// The TrueType program for `/FontFile2` (uncompressed).
    pub program: Vec<u8>,
    /// Every used glyph as (CID, advance in 1/1000 em, character), by CID.
    pub glyphs: Vec<(u16, f32, char)>,
    /// Face glyph id → CID. Under Identity-H with `/CIDToGIDMap /Identity`
    /// the CID is the glyph id inside `program`.
    cid_of: Vec<u16>,
}

impl Embedded {
    pub(crate) fn cid(&self, gid: u16) -> u16 {
        self.cid_of.get(usize::from(gid)).copied().unwrap_or(0)
    }
}

/// Subsets `font` to the glyphs in `usage`. Should subsetting fail, the
/// whole face is embedded with CID = glyph id: a larger file is better than
/// no document.
pub(crate) fn embed(font: &Font, usage: &Usage) -> Embedded {
    // Inserting in ascending order makes the new numbering, and so the
    // output bytes, depend only on the set of glyphs used.
    let mut remapper = GlyphRemapper::new();
    for (gid, _) in usage.used() {
        remapper.remap(gid);
    }
    let glyph_count = usize::from(font.glyph_count());
    let (program, cid_of) = match subsetter::subset(font.data, 0, &remapper) {
        Ok(program) => {
            let mut cid_of = vec![0u16; glyph_count];
            for (gid, _) in usage.used() {
                if let (Some(slot), Some(cid)) =
                    (cid_of.get_mut(usize::from(gid)), remapper.get(gid))
                {
                    *slot = cid;
                }
            }
            (program, cid_of)
        }
        Err(_) => {
            let identity = (0..glyph_count)
                .map(|g| u16::try_from(g).unwrap_or(0))
                .collect();
            (font.data.to_vec(), identity)
        }
    };
    let mut glyphs: Vec<(u16, f32, char)> = usage
        .used()
        .map(|(gid, ch)| {
            let cid = cid_of.get(usize::from(gid)).copied().unwrap_or(0);
            (cid, font.advance_of(gid) * 1000.0, ch)
        })
        .collect();
    glyphs.sort_by_key(|&(cid, _, _)| cid);
    Embedded {
        base_font: format!("{}+{}", subset_tag(usage), font.ps_name),
        program,
        glyphs,
        cid_of,
    }
}

/// The six capital letters PDF asks for in front of a subset font's name.
/// Derived from the glyph set (FNV-1a), so the same glyphs give the same
/// name and different subsets in one viewer session do not clash.
fn subset_tag(usage: &Usage) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (gid, _) in usage.used() {
        for byte in gid.to_be_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}
