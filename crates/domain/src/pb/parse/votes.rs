//! The VOTES section: one ballot per line, with at least `voter_id` and `vote`, and `points`
//! for the vote types that give points.

use super::err;
use super::fields::header_index;
use super::limits::check_limits;
use super::projects::Projects;
use crate::pb::error::{ParseError, ParseErrorKind};
use crate::pb::instance::{Ballot, Limits, VoteType};
use std::collections::{HashMap, HashSet};

/// Where the columns the reader needs are in the VOTES header.
#[derive(Default)]
struct Columns {
    id: usize,
    vote: usize,
    points: Option<usize>,
}

/// What a ballot is checked against: the settings from META and the projects read.
pub(super) struct BallotRules<'a> {
    pub(super) vote_type: VoteType,
    pub(super) limits: &'a Limits,
    pub(super) projects: &'a Projects,
    /// Reject a ballot breaking the limits instead of listing it as a violation.
    pub(super) strict: bool,
}

/// The ballots read so far.
#[derive(Default)]
pub(super) struct Votes {
    pub(super) header: Vec<String>,
    columns: Columns,
    pub(super) ballots: Vec<Ballot>,
    voter_ids: HashSet<String>,
    /// Ballots kept although they break the file's limits (see `ParseOptions`).
    pub(super) violations: Vec<ParseError>,
}

impl Votes {
    /// Reads the header line of the section; `points` is required when the vote type has them.
    pub(super) fn header(
        &mut self,
        fields: Vec<String>,
        vote_type: VoteType,
        line_no: usize,
    ) -> Result<(), ParseError> {
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
        self.columns = Columns { id, vote, points };
        self.header = fields;
        Ok(())
    }

    /// Reads one ballot line.
    pub(super) fn row(
        &mut self,
        fields: Vec<String>,
        line_no: usize,
        rules: &BallotRules<'_>,
    ) -> Result<(), ParseError> {
        if fields.len() != self.header.len() {
            return Err(err(
                line_no,
                ParseErrorKind::FieldCount {
                    expected: self.header.len(),
                    found: fields.len(),
                },
            ));
        }
        let voter_id = fields[self.columns.id].clone();
        if voter_id.is_empty() {
            return Err(err(line_no, ParseErrorKind::EmptyId));
        }
        let list = ballot_projects(&fields[self.columns.vote], &rules.projects.ids, line_no)?;
        let points = match self.columns.points {
            Some(pc) => ballot_points(&fields[pc], list.len(), rules.vote_type, line_no)?,
            None => Vec::new(),
        };
        let checked = check_limits(
            rules.limits,
            rules.vote_type,
            &list,
            &points,
            &rules.projects.costs,
        );
        if let Err(k) = checked {
            if rules.strict {
                return Err(err(line_no, k));
            }
            self.violations.push(err(line_no, k));
        }
        if !self.voter_ids.insert(voter_id.clone()) {
            return Err(err(line_no, ParseErrorKind::DuplicateVoter(voter_id)));
        }
        self.ballots.push(Ballot {
            voter_id,
            projects: list,
            points,
            fields,
        });
        Ok(())
    }
}

/// The `vote` field: comma-separated project ids, each known and listed once.
fn ballot_projects(
    text: &str,
    ids: &HashMap<String, u32>,
    line_no: usize,
) -> Result<Vec<u32>, ParseError> {
    let mut list: Vec<u32> = Vec::new();
    for name in text.split(',') {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        match ids.get(name) {
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
    Ok(list)
}

/// The `points` field: one integer (`3` or `3.0`) per listed project; never negative on a
/// cumulative ballot.
fn ballot_points(
    text: &str,
    projects: usize,
    vote_type: VoteType,
    line_no: usize,
) -> Result<Vec<i64>, ParseError> {
    let mut points: Vec<i64> = Vec::new();
    for t in text.split(',') {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let t2 = t.strip_suffix(".0").unwrap_or(t);
        match t2.parse::<i64>() {
            Ok(x) if x.checked_abs().is_some() => points.push(x),
            _ => return Err(err(line_no, ParseErrorKind::BadPoints(t.to_string()))),
        }
    }
    if points.len() != projects {
        return Err(err(
            line_no,
            ParseErrorKind::PointsMismatch {
                projects,
                points: points.len(),
            },
        ));
    }
    if vote_type == VoteType::Cumulative && points.iter().any(|&p| p < 0) {
        return Err(err(line_no, ParseErrorKind::BadPoints(text.to_string())));
    }
    Ok(points)
}
