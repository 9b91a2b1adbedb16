//! The META section: key/value pairs, and the settings read from them once it is complete.

use super::err;
use crate::pb::error::{ParseError, ParseErrorKind};
use crate::pb::instance::{Limits, VoteType};
use crate::pb::money::{Money, MoneyParseError};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct MetaState {
    pub(super) entries: Vec<(String, String)>,
    pub(super) lines: HashMap<String, usize>,
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

pub(super) fn finish_meta(
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

impl MetaState {
    /// Reads one `key;value` line; a key may appear only once.
    pub(super) fn row(&mut self, fields: Vec<String>, line_no: usize) -> Result<(), ParseError> {
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
        if self.lines.contains_key(&k) {
            return Err(err(line_no, ParseErrorKind::DuplicateMeta(k)));
        }
        self.lines.insert(k.clone(), line_no);
        self.entries.push((k, v));
        Ok(())
    }
}
