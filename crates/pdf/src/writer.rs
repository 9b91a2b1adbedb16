//! Assembles the PDF file: catalog, info, page tree, content streams and the
//! embedded fonts.

use miniz_oxide::deflate::compress_to_vec_zlib;
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::content::{page_content, CidMap};
use crate::embed::{embed, Embedded, Usage};
use crate::fonts::{Font, FontKind, Fonts, Metrics};
use crate::layout::{Op, Page};
use crate::model::Document;

/// zlib level: 6 is the usual balance; 9 buys little on content streams.
const COMPRESSION: u8 = 6;
const PRODUCER: &str = "Wspólnota";

const IDENTITY: SystemInfo<'static> = SystemInfo {
    registry: Str(b"Adobe"),
    ordering: Str(b"Identity"),
    supplement: 0,
};

/// Hands out object numbers in order, so the same document always gets the
/// same numbering.
struct Ids(i32);

impl Ids {
    fn next(&mut self) -> Ref {
        self.0 += 1;
        Ref::new(self.0)
    }
}

/// The embedded faces, by [`FontKind::index`]; `None` for a face no page uses.
struct Embeddings([Option<Embedded>; 2]);

impl Embeddings {
    fn get(&self, kind: FontKind) -> Option<&Embedded> {
        self.0.get(kind.index()).and_then(Option::as_ref)
    }
}

impl CidMap for Embeddings {
    fn cid(&self, kind: FontKind, gid: u16) -> u16 {
        self.get(kind).map_or(0, |e| e.cid(gid))
    }
}

/// Writes the laid-out `pages` of `doc` as a PDF 1.7 file.
pub(crate) fn write(
    doc: &Document,
    pages: &[Page],
    (width, height): (f32, f32),
    fonts: &Fonts,
) -> Vec<u8> {
    let embeddings = Embeddings(FontKind::ALL.map(|kind| {
        let font = fonts.get(kind);
        let mut usage = Usage::new(font);
        for op in pages.iter().flat_map(|p| &p.ops) {
            if let Op::Text {
                font: f, glyphs, ..
            } = op
            {
                if *f == kind {
                    glyphs.iter().for_each(|g| usage.mark(g.gid, g.ch));
                }
            }
        }
        (!usage.is_empty()).then(|| embed(font, &usage))
    }));

    let mut ids = Ids(0);
    let catalog_id = ids.next();
    let tree_id = ids.next();
    let info_id = ids.next();
    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);

    let mut catalog = pdf.catalog(catalog_id);
    catalog.pages(tree_id);
    if !doc.lang.is_empty() {
        catalog.lang(TextStr(&doc.lang));
    }
    // Viewers show the title rather than the file name in the window bar.
    catalog.viewer_preferences().display_doc_title(true);
    catalog.finish();

    let mut info = pdf.document_info(info_id);
    info.title(TextStr(&doc.title)).producer(TextStr(PRODUCER));
    if let Some(author) = &doc.author {
        info.author(TextStr(author));
    }
    if let Some(creator) = &doc.creator {
        info.creator(TextStr(creator));
    }
    info.finish();

    let mut font_refs = Vec::new();
    for kind in FontKind::ALL {
        if let Some(embedded) = embeddings.get(kind) {
            let type0 = write_font(&mut pdf, &mut ids, fonts.get(kind), embedded);
            font_refs.push((kind, type0));
        }
    }

    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (ids.next(), ids.next())).collect();
    pdf.pages(tree_id)
        .kids(page_ids.iter().map(|&(page, _)| page))
        .count(i32::try_from(page_ids.len()).unwrap_or(i32::MAX));
    let mut fingerprint = Fingerprint::new();
    fingerprint.add(doc.title.as_bytes());
    for (page, &(page_id, content_id)) in pages.iter().zip(&page_ids) {
        let content = compress_to_vec_zlib(&page_content(page, height, &embeddings), COMPRESSION);
        fingerprint.add(&content);
        pdf.stream(content_id, &content).filter(Filter::FlateDecode);
        let mut writer = pdf.page(page_id);
        writer
            .parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, width, height))
            .contents(content_id);
        let mut resources = writer.resources();
        let mut font_dict = resources.fonts();
        for &(kind, type0) in &font_refs {
            font_dict.pair(Name(kind.resource_name()), type0);
        }
    }
    // The trailer /ID is expected of every PDF; derived from the content
    // instead of a clock or random number so the output stays reproducible.
    let id = fingerprint.finish();
    pdf.set_file_id((id.clone(), id));
    pdf.finish()
}

/// Writes the Type0 font with its CIDFontType2 descendant, descriptor,
/// font program and ToUnicode CMap; returns the Type0 font's reference.
fn write_font(pdf: &mut Pdf, ids: &mut Ids, font: &Font, embedded: &Embedded) -> Ref {
    let type0_id = ids.next();
    let cid_id = ids.next();
    let descriptor_id = ids.next();
    let program_id = ids.next();
    let cmap_id = ids.next();
    let base_font = Name(embedded.base_font.as_bytes());

    pdf.type0_font(type0_id)
        .base_font(base_font)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_id)
        .to_unicode(cmap_id);

    let mut cid = pdf.cid_font(cid_id);
    cid.subtype(CidFontType::Type2)
        .base_font(base_font)
        .system_info(IDENTITY)
        .font_descriptor(descriptor_id)
        .default_width(0.0)
        .cid_to_gid_map_predefined(Name(b"Identity"));
    // /W in runs of consecutive CIDs; for a subset that is a single run.
    let mut widths = cid.widths();
    let mut run_start = 0;
    while let Some(&(first, _, _)) = embedded.glyphs.get(run_start) {
        let mut run_end = run_start + 1;
        while embedded
            .glyphs
            .get(run_end)
            .is_some_and(|&(c, _, _)| usize::from(c) == usize::from(first) + (run_end - run_start))
        {
            run_end += 1;
        }
        let run = embedded.glyphs.get(run_start..run_end).unwrap_or_default();
        widths.consecutive(first, run.iter().map(|&(_, w, _)| w.round()));
        run_start = run_end;
    }
    widths.finish();
    cid.finish();

    write_descriptor(pdf, descriptor_id, base_font, &font.metrics, program_id);

    let program = compress_to_vec_zlib(&embedded.program, COMPRESSION);
    pdf.stream(program_id, &program)
        .filter(Filter::FlateDecode)
        .pair(
            Name(b"Length1"),
            i32::try_from(embedded.program.len()).unwrap_or(i32::MAX),
        );

    // Maps CIDs back to text, so copying, searching and screen readers work.
    let mut cmap = UnicodeCmap::new(Name(b"Wspolnota-UCS"), IDENTITY);
    for &(cid, _, ch) in &embedded.glyphs {
        cmap.pair(cid, ch);
    }
    let cmap = compress_to_vec_zlib(cmap.finish().as_slice(), COMPRESSION);
    pdf.cmap(cmap_id, &cmap)
        .name(Name(b"Wspolnota-UCS"))
        .system_info(IDENTITY)
        .filter(Filter::FlateDecode);
    type0_id
}

fn write_descriptor(pdf: &mut Pdf, id: Ref, name: Name<'_>, m: &Metrics, program: Ref) {
    let per_mille = |v: f32| (v * 1000.0).round();
    // StemV is not in TrueType fonts; this is the usual estimate from the weight.
    let stem_v = 10.0 + 0.244 * (f32::from(m.weight) - 50.0);
    pdf.font_descriptor(id)
        .name(name)
        .family(Str(b"DejaVu Sans"))
        .weight(m.weight)
        // Symbolic: the glyph set goes beyond Adobe's standard Latin one.
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(
            per_mille(m.bbox[0]),
            per_mille(m.bbox[1]),
            per_mille(m.bbox[2]),
            per_mille(m.bbox[3]),
        ))
        .italic_angle(m.italic_angle)
        .ascent(per_mille(m.ascent))
        .descent(per_mille(m.descent))
        .cap_height(per_mille(m.cap_height))
        .stem_v(stem_v.round())
        .font_file2(program);
}

/// FNV-1a over the content, widened to 16 bytes by running it twice with
/// different seeds. Identifies the file; not meant to resist tampering.
struct Fingerprint([u64; 2]);

impl Fingerprint {
    fn new() -> Self {
        Self([0xcbf2_9ce4_8422_2325, 0x6c62_272e_07bb_0142])
    }

    fn add(&mut self, bytes: &[u8]) {
        for hash in &mut self.0 {
            for &byte in bytes {
                *hash ^= u64::from(byte);
                *hash = hash.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }

    fn finish(self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.to_be_bytes()).collect()
    }
}
