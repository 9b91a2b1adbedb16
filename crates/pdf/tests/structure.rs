//! The file's structure: embedded fonts, their widths, metadata, and
//! reproducible bytes.

mod support;

use support::{
    cid_widths, dicts_of_type, load, long_table, short_document, streams_with_key, text_string,
    to_unicode,
};
use wspolnota_pdf::render;

#[test]
fn fonts_are_embedded_as_type0_identity_h_subsets() {
    let bytes = render(&short_document()).unwrap();
    let pdf = load(&bytes);
    let programs = streams_with_key(&pdf, b"Length1");
    assert_eq!(programs.len(), 2, "regular and bold font programs");
    let descriptors = dicts_of_type(&pdf, b"FontDescriptor");
    assert_eq!(descriptors.len(), 2);
    assert!(descriptors.iter().all(|d| d.has(b"FontFile2")));
    let fonts = dicts_of_type(&pdf, b"Font");
    let type0: Vec<_> = fonts
        .iter()
        .filter(|f| f.get(b"Subtype").unwrap().as_name().unwrap() == b"Type0")
        .collect();
    assert_eq!(type0.len(), 2);
    for font in type0 {
        assert_eq!(
            font.get(b"Encoding").unwrap().as_name().unwrap(),
            b"Identity-H"
        );
        let name = font.get(b"BaseFont").unwrap().as_name().unwrap();
        assert_eq!(
            name[6],
            b'+',
            "subset tag: {}",
            String::from_utf8_lossy(name)
        );
    }
    for cid_font in fonts
        .iter()
        .filter(|f| f.get(b"Subtype").unwrap().as_name().unwrap() == b"CIDFontType2")
    {
        let widths = cid_font.get(b"W").unwrap().as_array().unwrap();
        assert!(!widths.is_empty());
    }
    // Subsetting keeps a one-page document small (the full faces are 1.4 MB).
    assert!(bytes.len() < 60_000, "one page is {} bytes", bytes.len());
}

#[test]
fn info_dictionary_and_language() {
    let pdf = load(&render(&short_document()).unwrap());
    assert!(pdf.version.starts_with("1.7"));
    let info_id = pdf.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = pdf.get_dictionary(info_id).unwrap();
    assert_eq!(
        text_string(info.get(b"Title").unwrap()),
        "Zaświadczenie o członkostwie"
    );
    assert_eq!(text_string(info.get(b"Producer").unwrap()), "Wspólnota");
    assert_eq!(
        text_string(info.get(b"Author").unwrap()),
        "Spółdzielnia Mieszkaniowa „Wspólnota”"
    );
    assert!(info.get(b"CreationDate").is_err(), "no timestamps");
    let lang = pdf.catalog().unwrap().get(b"Lang").unwrap();
    assert_eq!(text_string(lang), "pl");
}

#[test]
fn output_is_deterministic() {
    let doc = long_table(120);
    let first = render(&doc).unwrap();
    assert_eq!(first, render(&doc).unwrap());
    assert_eq!(
        render(&short_document()).unwrap(),
        render(&short_document()).unwrap()
    );
    assert_ne!(first, render(&long_table(121)).unwrap());
}

#[test]
fn widths_match_the_fonts_advances_for_every_drawn_character() {
    let pdf = load(&render(&short_document()).unwrap());
    let regular = ttf_parser::Face::parse(include_bytes!("../fonts/DejaVuSans.ttf"), 0).unwrap();
    let bold = ttf_parser::Face::parse(include_bytes!("../fonts/DejaVuSans-Bold.ttf"), 0).unwrap();
    let mut checked = 0;
    for font in dicts_of_type(&pdf, b"Font") {
        if font.get(b"Subtype").unwrap().as_name().unwrap() != b"Type0" {
            continue;
        }
        let name = font.get(b"BaseFont").unwrap().as_name().unwrap();
        let face = if name.ends_with(b"-Bold") {
            &bold
        } else {
            &regular
        };
        let descendant = font.get(b"DescendantFonts").unwrap().as_array().unwrap()[0]
            .as_reference()
            .unwrap();
        let widths = cid_widths(pdf.get_dictionary(descendant).unwrap());
        for (cid, text) in to_unicode(&pdf, font) {
            let ch = text.chars().next().unwrap();
            let gid = face.glyph_index(ch).unwrap();
            let expected = f32::from(face.glyph_hor_advance(gid).unwrap()) * 1000.0
                / f32::from(face.units_per_em());
            let actual = widths[&cid];
            assert!(
                (actual - expected).abs() <= 0.5,
                "{ch:?}: /W {actual}, font {expected}"
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} glyphs checked");
}
