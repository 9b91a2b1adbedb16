//! Lines of a `.pb` file: fields, section markers and section headers.

use super::err;
use crate::pb::error::{ParseError, ParseErrorKind};
use std::collections::HashSet;

/// Splits one line into fields: `;` separates, a field may be quoted with `"` (a doubled `""`
/// inside stands for one quote). Unquoted fields are trimmed.
pub fn split_fields(line: &str) -> Result<Vec<String>, ParseErrorKind> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    loop {
        // skip leading blanks
        let start = i;
        let mut j = i;
        while j < bytes.len() && (bytes[j] == b' ' || bytes[j] == b'\t') {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'"' {
            let mut s = String::new();
            let mut k = j + 1;
            let mut seg = k;
            loop {
                match line[k..].find('"') {
                    None => return Err(ParseErrorKind::BadQuote),
                    Some(off) => {
                        let q = k + off;
                        if q + 1 < bytes.len() && bytes[q + 1] == b'"' {
                            s.push_str(&line[seg..=q]);
                            k = q + 2;
                            seg = k;
                        } else {
                            s.push_str(&line[seg..q]);
                            k = q + 1;
                            break;
                        }
                    }
                }
            }
            while k < bytes.len() && (bytes[k] == b' ' || bytes[k] == b'\t') {
                k += 1;
            }
            out.push(s);
            if k == bytes.len() {
                return Ok(out);
            }
            if bytes[k] != b';' {
                return Err(ParseErrorKind::BadQuote);
            }
            i = k + 1;
        } else {
            match line[start..].find(';') {
                Some(off) => {
                    out.push(line[start..start + off].trim().to_string());
                    i = start + off + 1;
                }
                None => {
                    out.push(line[start..].trim().to_string());
                    return Ok(out);
                }
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) enum Section {
    None,
    Meta,
    Projects,
    Votes,
}

impl Section {
    pub(super) fn name(self) -> &'static str {
        match self {
            Section::None => "(none)",
            Section::Meta => "META",
            Section::Projects => "PROJECTS",
            Section::Votes => "VOTES",
        }
    }
}

pub(super) fn section_of(line: &str) -> Option<Section> {
    let t = line.trim();
    let first = t.split(';').next().unwrap_or("").trim();
    // a section line holds only the section name (perhaps followed by empty fields)
    if !t[first.len()..]
        .chars()
        .all(|c| c == ';' || c.is_whitespace())
    {
        return None;
    }
    match first.to_ascii_uppercase().as_str() {
        "META" => Some(Section::Meta),
        "PROJECTS" => Some(Section::Projects),
        "VOTES" => Some(Section::Votes),
        _ => None,
    }
}

pub(super) fn header_index(
    header: &[String],
    section: &'static str,
    column: &'static str,
    line: usize,
) -> Result<usize, ParseError> {
    header
        .iter()
        .position(|h| h == column)
        .ok_or_else(|| err(line, ParseErrorKind::MissingColumn { section, column }))
}

pub(super) fn check_header(header: &[String], line: usize) -> Result<(), ParseError> {
    let mut seen = HashSet::new();
    for h in header {
        if !seen.insert(h.as_str()) {
            return Err(err(line, ParseErrorKind::DuplicateColumn(h.clone())));
        }
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn splits_quoted_fields() {
        assert_eq!(split_fields("a;b; c ").unwrap(), vec!["a", "b", "c"]);
        assert_eq!(
            split_fields("20;\"\"\"X\"\" - y\";1").unwrap(),
            vec!["20", "\"X\" - y", "1"]
        );
        assert_eq!(split_fields("\"a;b\";c").unwrap(), vec!["a;b", "c"]);
        assert_eq!(split_fields("a;").unwrap(), vec!["a", ""]);
        assert_eq!(split_fields("\"abc").unwrap_err(), ParseErrorKind::BadQuote);
        assert_eq!(
            split_fields("\"a\"b").unwrap_err(),
            ParseErrorKind::BadQuote
        );
    }
}
