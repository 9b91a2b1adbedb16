//! Reader for the pabulib `.pb` format: `;`-separated META / PROJECTS / VOTES sections.

use super::error::{ParseError, ParseErrorKind};
use super::instance::{Ballot, Limits, PbInstance, Project, VoteType};
use super::money::{Money, MoneyParseError};
use std::collections::{HashMap, HashSet};

/// Longest line accepted, in bytes.
pub const MAX_LINE_BYTES: usize = 1 << 20;

fn err(line: usize, kind: ParseErrorKind) -> ParseError {
    ParseError { line, kind }
}

/// How strictly to read a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ParseOptions {
    /// Reject a ballot that breaks the file's own META limits (`min_length`, `max_length`,
    /// `max_sum_points`, `max_sum_cost`, …). When false (the default) such ballots are kept
    /// and listed in [`PbInstance::limit_violations`], because published pabulib files do
    /// contain them (e.g. Warszawa 2018 Gocław, line 1575, over `max_sum_cost`).
    pub strict_limits: bool,
}

/// Parses a `.pb` file given as bytes (checks UTF-8, reporting the line of the first bad byte).
pub fn parse_bytes(bytes: &[u8]) -> Result<PbInstance, ParseError> {
    parse_bytes_with(bytes, ParseOptions::default())
}

/// Parses a `.pb` file given as bytes with options.
pub fn parse_bytes_with(bytes: &[u8], opts: ParseOptions) -> Result<PbInstance, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => parse_str_with(s, opts),
        Err(e) => {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(err(line, ParseErrorKind::NotUtf8))
        }
    }
}

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
enum Section {
    None,
    Meta,
    Projects,
    Votes,
}

impl Section {
    fn name(self) -> &'static str {
        match self {
            Section::None => "(none)",
            Section::Meta => "META",
            Section::Projects => "PROJECTS",
            Section::Votes => "VOTES",
        }
    }
}

fn section_of(line: &str) -> Option<Section> {
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

fn header_index(
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

fn check_header(header: &[String], line: usize) -> Result<(), ParseError> {
    let mut seen = HashSet::new();
    for h in header {
        if !seen.insert(h.as_str()) {
            return Err(err(line, ParseErrorKind::DuplicateColumn(h.clone())));
        }
    }
    Ok(())
}

struct MetaState {
    entries: Vec<(String, String)>,
    lines: HashMap<String, usize>,
}

fn meta_int<T: std::str::FromStr>(m: &MetaState, key: &str) -> Result<Option<T>, ParseError> {
    let Some(v) = m.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) else {
        return Ok(None);
    };
    let line = m.lines.get(key).copied().unwrap_or(0);
    let t = v.trim();
    // accept "3" and "3.0"
    let t = t.strip_suffix(".0").unwrap_or(t);
    t.parse::<T>().map(Some).map_err(|_| {
        err(
            line,
            ParseErrorKind::BadNumber {
                key: key.to_string(),
                value: v.clone(),
            },
        )
    })
}

fn meta_money(m: &MetaState, key: &str) -> Result<Option<Money>, ParseError> {
    let Some(v) = m.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v) else {
        return Ok(None);
    };
    let line = m.lines.get(key).copied().unwrap_or(0);
    Money::parse(v).map(Some).map_err(|_| {
        err(
            line,
            ParseErrorKind::BadNumber {
                key: key.to_string(),
                value: v.clone(),
            },
        )
    })
}

/// Parses a `.pb` file given as text; ballots breaking the file's limits are listed in
/// [`PbInstance::limit_violations`], not rejected (see [`ParseOptions`]).
pub fn parse_str(text: &str) -> Result<PbInstance, ParseError> {
    parse_str_with(text, ParseOptions::default())
}

/// Parses a `.pb` file given as text with options.
pub fn parse_str_with(text: &str, opts: ParseOptions) -> Result<PbInstance, ParseError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut section = Section::None;
    let mut need_header = false;
    let mut meta = MetaState {
        entries: Vec::new(),
        lines: HashMap::new(),
    };
    let mut vote_type = VoteType::Approval;
    let mut budget = Money::ZERO;
    let mut limits = Limits::default();
    let mut project_header: Vec<String> = Vec::new();
    let mut projects: Vec<Project> = Vec::new();
    let mut project_ids: HashMap<String, u32> = HashMap::new();
    let mut pcols = (0usize, 0usize, None::<usize>);
    let mut vote_header: Vec<String> = Vec::new();
    let mut vcols = (0usize, 0usize, None::<usize>);
    let mut ballots: Vec<Ballot> = Vec::new();
    let mut voter_ids: HashSet<String> = HashSet::new();
    let mut seen = [false; 3];
    let mut last_nonblank = 0usize;
    let mut costs_cache: Vec<Money> = Vec::new();
    let mut violations: Vec<ParseError> = Vec::new();

    for (idx, raw) in text.split('\n').enumerate() {
        let line_no = idx + 1;
        if raw.len() > MAX_LINE_BYTES {
            return Err(err(
                line_no,
                ParseErrorKind::LineTooLong {
                    len: raw.len(),
                    max: MAX_LINE_BYTES,
                },
            ));
        }
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            continue;
        }
        last_nonblank = line_no;
        if let Some(s) = section_of(line) {
            let expected = match section {
                Section::None => Section::Meta,
                Section::Meta => Section::Projects,
                Section::Projects => Section::Votes,
                Section::Votes => Section::Votes,
            };
            if s != expected || seen[(s as usize) - 1] {
                return Err(err(
                    line_no,
                    ParseErrorKind::SectionOrder {
                        found: s.name(),
                        expected: if section == Section::Votes {
                            "end of file"
                        } else {
                            expected.name()
                        },
                    },
                ));
            }
            if need_header {
                return Err(err(line_no, ParseErrorKind::MissingHeader(section.name())));
            }
            if s == Section::Projects {
                // META is complete: read the settings the rest of the file depends on.
                finish_meta(&meta, &mut vote_type, &mut budget, &mut limits, line_no)?;
            }
            if s == Section::Votes && projects.is_empty() {
                return Err(err(line_no, ParseErrorKind::NoProjects));
            }
            seen[(s as usize) - 1] = true;
            section = s;
            need_header = true;
            continue;
        }
        let fields = split_fields(line).map_err(|k| err(line_no, k))?;
        if section == Section::None {
            return Err(err(line_no, ParseErrorKind::NoSection));
        }
        if need_header {
            need_header = false;
            check_header(&fields, line_no)?;
            match section {
                Section::Meta => {}
                Section::Projects => {
                    let id = header_index(&fields, "PROJECTS", "project_id", line_no)?;
                    let cost = header_index(&fields, "PROJECTS", "cost", line_no)?;
                    let name = fields.iter().position(|h| h == "name");
                    pcols = (id, cost, name);
                    project_header = fields;
                }
                Section::Votes => {
                    let id = header_index(&fields, "VOTES", "voter_id", line_no)?;
                    let vote = header_index(&fields, "VOTES", "vote", line_no)?;
                    let points = fields.iter().position(|h| h == "points");
                    if vote_type.has_points() && points.is_none() {
                        return Err(err(
                            line_no,
                            ParseErrorKind::MissingColumn {
                                section: "VOTES",
                                column: "points",
                            },
                        ));
                    }
                    vcols = (id, vote, points);
                    vote_header = fields;
                }
                Section::None => {}
            }
            continue;
        }
        match section {
            Section::Meta => {
                if fields.len() != 2 {
                    return Err(err(
                        line_no,
                        ParseErrorKind::FieldCount {
                            expected: 2,
                            found: fields.len(),
                        },
                    ));
                }
                let mut it = fields.into_iter();
                let k = it.next().unwrap_or_default();
                let v = it.next().unwrap_or_default();
                if meta.lines.contains_key(&k) {
                    return Err(err(line_no, ParseErrorKind::DuplicateMeta(k)));
                }
                meta.lines.insert(k.clone(), line_no);
                meta.entries.push((k, v));
            }
            Section::Projects => {
                if fields.len() != project_header.len() {
                    return Err(err(
                        line_no,
                        ParseErrorKind::FieldCount {
                            expected: project_header.len(),
                            found: fields.len(),
                        },
                    ));
                }
                let id = fields[pcols.0].clone();
                if id.is_empty() {
                    return Err(err(line_no, ParseErrorKind::EmptyId));
                }
                let cost_text = &fields[pcols.1];
                let cost = match Money::parse(cost_text) {
                    Ok(c) if c.0 < 0 => {
                        return Err(err(
                            line_no,
                            ParseErrorKind::NegativeCost {
                                id,
                                value: cost_text.clone(),
                            },
                        ))
                    }
                    Ok(c) => c,
                    Err(_) => {
                        return Err(err(
                            line_no,
                            ParseErrorKind::BadCost {
                                id,
                                value: cost_text.clone(),
                            },
                        ))
                    }
                };
                if project_ids.contains_key(&id) {
                    return Err(err(line_no, ParseErrorKind::DuplicateProject(id)));
                }
                project_ids.insert(id.clone(), projects.len() as u32);
                let name = pcols.2.map(|c| fields[c].clone()).unwrap_or_default();
                costs_cache.push(cost);
                projects.push(Project {
                    id,
                    cost,
                    name,
                    fields,
                });
            }
            Section::Votes => {
                if fields.len() != vote_header.len() {
                    return Err(err(
                        line_no,
                        ParseErrorKind::FieldCount {
                            expected: vote_header.len(),
                            found: fields.len(),
                        },
                    ));
                }
                let voter_id = fields[vcols.0].clone();
                if voter_id.is_empty() {
                    return Err(err(line_no, ParseErrorKind::EmptyId));
                }
                let mut list: Vec<u32> = Vec::new();
                for name in fields[vcols.1].split(',') {
                    let name = name.trim();
                    if name.is_empty() {
                        continue;
                    }
                    match project_ids.get(name) {
                        Some(&i) => {
                            if list.contains(&i) {
                                return Err(err(
                                    line_no,
                                    ParseErrorKind::DuplicateInBallot(name.to_string()),
                                ));
                            }
                            list.push(i);
                        }
                        None => {
                            return Err(err(
                                line_no,
                                ParseErrorKind::UnknownProject(name.to_string()),
                            ))
                        }
                    }
                }
                let mut points: Vec<i64> = Vec::new();
                if let Some(pc) = vcols.2 {
                    for t in fields[pc].split(',') {
                        let t = t.trim();
                        if t.is_empty() {
                            continue;
                        }
                        let t2 = t.strip_suffix(".0").unwrap_or(t);
                        match t2.parse::<i64>() {
                            Ok(x) if x.checked_abs().is_some() => points.push(x),
                            _ => {
                                return Err(err(line_no, ParseErrorKind::BadPoints(t.to_string())))
                            }
                        }
                    }
                    if points.len() != list.len() {
                        return Err(err(
                            line_no,
                            ParseErrorKind::PointsMismatch {
                                projects: list.len(),
                                points: points.len(),
                            },
                        ));
                    }
                    if vote_type == VoteType::Cumulative && points.iter().any(|&p| p < 0) {
                        return Err(err(line_no, ParseErrorKind::BadPoints(fields[pc].clone())));
                    }
                }
                if let Err(k) = check_limits(&limits, vote_type, &list, &points, &costs_cache) {
                    if opts.strict_limits {
                        return Err(err(line_no, k));
                    }
                    violations.push(err(line_no, k));
                }
                if !voter_ids.insert(voter_id.clone()) {
                    return Err(err(line_no, ParseErrorKind::DuplicateVoter(voter_id)));
                }
                ballots.push(Ballot {
                    voter_id,
                    projects: list,
                    points,
                    fields,
                });
            }
            Section::None => {}
        }
    }
    let end = last_nonblank.max(1);
    if need_header {
        return Err(err(end, ParseErrorKind::MissingHeader(section.name())));
    }
    for (i, s) in [Section::Meta, Section::Projects, Section::Votes]
        .into_iter()
        .enumerate()
    {
        if !seen[i] {
            return Err(err(end, ParseErrorKind::MissingSection(s.name())));
        }
    }
    if projects.is_empty() {
        return Err(err(end, ParseErrorKind::NoProjects));
    }
    Ok(PbInstance {
        meta: meta.entries,
        vote_type,
        budget,
        limits,
        project_header,
        projects,
        vote_header,
        ballots,
        limit_violations: violations,
    })
}

fn finish_meta(
    meta: &MetaState,
    vote_type: &mut VoteType,
    budget: &mut Money,
    limits: &mut Limits,
    line_no: usize,
) -> Result<(), ParseError> {
    let get = |k: &str| meta.entries.iter().find(|(kk, _)| kk == k).map(|(_, v)| v);
    let Some(b) = get("budget") else {
        return Err(err(line_no, ParseErrorKind::MissingBudget));
    };
    let bline = meta.lines.get("budget").copied().unwrap_or(line_no);
    *budget = match Money::parse(b) {
        Ok(m) if m.0 >= 0 => m,
        Ok(_)
        | Err(MoneyParseError::NotANumber)
        | Err(MoneyParseError::TooPrecise)
        | Err(MoneyParseError::TooLarge) => {
            return Err(err(bline, ParseErrorKind::BadBudget(b.clone())))
        }
    };
    let Some(vt) = get("vote_type") else {
        return Err(err(line_no, ParseErrorKind::MissingMeta("vote_type")));
    };
    *vote_type = VoteType::parse(vt).ok_or_else(|| {
        err(
            meta.lines.get("vote_type").copied().unwrap_or(line_no),
            ParseErrorKind::UnknownVoteType(vt.clone()),
        )
    })?;
    limits.min_length = meta_int(meta, "min_length")?;
    limits.max_length = meta_int(meta, "max_length")?;
    limits.min_sum_points = meta_int(meta, "min_sum_points")?;
    limits.max_sum_points = meta_int(meta, "max_sum_points")?;
    limits.min_points = meta_int(meta, "min_points")?;
    limits.max_points = meta_int(meta, "max_points")?;
    limits.min_sum_cost = meta_money(meta, "min_sum_cost")?;
    limits.max_sum_cost = meta_money(meta, "max_sum_cost")?;
    limits.min_project_score_threshold = meta_int(meta, "min_project_score_threshold")?;
    Ok(())
}

/// Checks one ballot against the META limits.
pub(crate) fn check_limits(
    limits: &Limits,
    vote_type: VoteType,
    projects: &[u32],
    points: &[i64],
    costs: &[Money],
) -> Result<(), ParseErrorKind> {
    let n = projects.len();
    if let Some(min) = limits.min_length {
        if n < min {
            return Err(ParseErrorKind::LimitViolated {
                limit: "min_length",
                detail: format!("{n} projects, at least {min} required"),
            });
        }
    }
    if let Some(max) = limits.max_length {
        if n > max {
            return Err(ParseErrorKind::LimitViolated {
                limit: "max_length",
                detail: format!("{n} projects, at most {max} allowed"),
            });
        }
    }
    if vote_type.has_points() {
        let sum: i128 = points.iter().map(|&p| i128::from(p)).sum();
        if let Some(min) = limits.min_sum_points {
            if sum < i128::from(min) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "min_sum_points",
                    detail: format!("{sum} points, at least {min} required"),
                });
            }
        }
        if let Some(max) = limits.max_sum_points {
            if sum > i128::from(max) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "max_sum_points",
                    detail: format!("{sum} points, at most {max} allowed"),
                });
            }
        }
        for &p in points {
            if let Some(min) = limits.min_points {
                if p < min {
                    return Err(ParseErrorKind::LimitViolated {
                        limit: "min_points",
                        detail: format!("{p} points to one project, at least {min} required"),
                    });
                }
            }
            if let Some(max) = limits.max_points {
                if p > max {
                    return Err(ParseErrorKind::LimitViolated {
                        limit: "max_points",
                        detail: format!("{p} points to one project, at most {max} allowed"),
                    });
                }
            }
        }
    }
    if limits.min_sum_cost.is_some() || limits.max_sum_cost.is_some() {
        let total: i128 = projects
            .iter()
            .map(|&p| i128::from(costs.get(p as usize).map(|c| c.0).unwrap_or(0)))
            .sum();
        if let Some(min) = limits.min_sum_cost {
            if total < i128::from(min.0) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "min_sum_cost",
                    detail: format!(
                        "projects cost {} in total, at least {} required",
                        Money(total as i64),
                        min
                    ),
                });
            }
        }
        if let Some(max) = limits.max_sum_cost {
            if total > i128::from(max.0) {
                return Err(ParseErrorKind::LimitViolated {
                    limit: "max_sum_cost",
                    detail: format!(
                        "projects cost {} in total, at most {} allowed",
                        Money(i64::try_from(total).unwrap_or(i64::MAX)),
                        max
                    ),
                });
            }
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
