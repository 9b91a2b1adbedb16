//! Writer for the pabulib `.pb` format. `parse_str(&write(&x)) == Ok(x)` for every parsed `x`.

use super::instance::PbInstance;
use super::money::Money;

/// Whether two comma-separated lists hold the same items (ignoring blanks around items).
fn same_list(a: &str, b: &str) -> bool {
    let items = |s: &str| -> Vec<String> {
        s.split(',')
            .map(|x| x.trim())
            .filter(|x| !x.is_empty())
            .map(|x| x.strip_suffix(".0").unwrap_or(x).to_string())
            .collect()
    };
    items(a) == items(b)
}

/// Quotes a field when reading it back unquoted would change it. Line breaks cannot be
/// represented in the format and are written as spaces.
fn field(out: &mut String, f: &str) {
    let f: std::borrow::Cow<'_, str> = if f.contains(['\n', '\r']) {
        f.replace(['\n', '\r'], " ").into()
    } else {
        f.into()
    };
    let needs_quotes = f.contains([';', '"'])
        || f.starts_with([' ', '\t'])
        || f.ends_with([' ', '\t'])
        || looks_like_section(&f);
    if needs_quotes {
        out.push('"');
        out.push_str(&f.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&f);
    }
}

fn looks_like_section(f: &str) -> bool {
    matches!(
        f.trim().to_ascii_uppercase().as_str(),
        "META" | "PROJECTS" | "VOTES"
    )
}

fn row<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    let mut first = true;
    for f in fields {
        if !first {
            out.push(';');
        }
        first = false;
        field(out, f);
    }
    // a row holding one empty field would be read as a blank line
    if first || out.ends_with('\n') {
        out.push_str("\"\"");
    }
    out.push('\n');
}

/// Writes an instance as `.pb` text. The id, cost, name, vote and points columns are written
/// from the typed values, every other column as stored.
pub fn write(inst: &PbInstance) -> String {
    let mut out = String::with_capacity(64 * (inst.ballots.len() + inst.projects.len() + 32));
    out.push_str("META\n");
    row(&mut out, ["key", "value"]);
    let budget = inst.budget.to_plain();
    for (k, v) in &inst.meta {
        let v = if k == "budget" && Money::parse(v) != Ok(inst.budget) {
            budget.as_str()
        } else {
            v
        };
        row(&mut out, [k.as_str(), v]);
    }
    out.push_str("PROJECTS\n");
    row(&mut out, inst.project_header.iter().map(|s| s.as_str()));
    let idc = inst.project_column("project_id");
    let costc = inst.project_column("cost");
    let namec = inst.project_column("name");
    for p in &inst.projects {
        let cost = p.cost.to_plain();
        let mut fields: Vec<&str> = p.fields.iter().map(|s| s.as_str()).collect();
        fields.resize(inst.project_header.len(), "");
        if let Some(c) = idc {
            fields[c] = &p.id;
        }
        if let Some(c) = costc {
            // keep the text as written when it still says the same amount ("50.5", "50,50")
            if Money::parse(fields[c]) != Ok(p.cost) {
                fields[c] = &cost;
            }
        }
        if let Some(c) = namec {
            fields[c] = &p.name;
        }
        row(&mut out, fields);
    }
    out.push_str("VOTES\n");
    row(&mut out, inst.vote_header.iter().map(|s| s.as_str()));
    let vid = inst.vote_header.iter().position(|h| h == "voter_id");
    let vvote = inst.vote_header.iter().position(|h| h == "vote");
    let vpoints = inst.vote_header.iter().position(|h| h == "points");
    for b in &inst.ballots {
        let vote = b
            .projects
            .iter()
            .map(|&p| {
                inst.projects
                    .get(p as usize)
                    .map(|x| x.id.as_str())
                    .unwrap_or("")
            })
            .collect::<Vec<_>>()
            .join(",");
        let points = b
            .points
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let mut fields: Vec<&str> = b.fields.iter().map(|s| s.as_str()).collect();
        fields.resize(inst.vote_header.len(), "");
        if let Some(c) = vid {
            fields[c] = &b.voter_id;
        }
        if let Some(c) = vvote {
            if !same_list(fields[c], &vote) {
                fields[c] = &vote;
            }
        }
        if let Some(c) = vpoints {
            if !same_list(fields[c], &points) {
                fields[c] = &points;
            }
        }
        row(&mut out, fields);
    }
    out
}
