//! The report of a count, as stored with a pool's result (JSON) and read back as typed
//! data, including reports stored before the typed form.

use crate::AppError;
use serde::{Deserialize, Serialize};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::pb::{self, Money};
use wspolnota_store::budget::{Pool, StoredResult};

/// Ballots voided while counting, by reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoidCount {
    /// `duplicate_later`: a person's later ballot, not counted because they had voted;
    /// `duplicate_earlier`: their first ballot, voided too where the round's rule says so.
    pub reason: String,
    pub count: i64,
}

/// One project of a stored result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectOutcome {
    /// The proposal's id, as in the published `.pb` file.
    pub id: String,
    pub name: String,
    pub cost: Money,
    pub votes: i64,
    pub funded: bool,
    /// The counting engine's sentence, in English.
    pub explanation: String,
    /// The reason in numbers, for the interface to say in the reader's language.
    pub reason: Option<pb::Reason>,
}

/// A tie the count broke; `tie` names projects by their index in `Report::projects`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TieNote {
    /// The tied projects, in the order the tie-break put them.
    pub projects: Vec<u32>,
    pub text: String,
    pub tie: pb::Tie,
}

/// What a count found, stored as JSON with the result and read back by [`Report::read`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// 2 since the typed report; results stored before it are refused as unreadable.
    pub version: u32,
    pub rule: String,
    pub budget: Money,
    pub total_cost: Money,
    pub ballots: i64,
    pub winners: Vec<String>,
    pub projects: Vec<ProjectOutcome>,
    pub ties: Vec<TieNote>,
    pub notes: Vec<String>,
    pub voided: Vec<VoidCount>,
}

pub(super) const REPORT_VERSION: u32 = 2;

impl Report {
    /// The report as stored with its result: the rule, the ballots and the winners are
    /// its own, repeated in columns for queries.
    pub(super) fn stored(&self, pool: &Pool, now: Timestamp) -> Result<StoredResult, AppError> {
        let report_json = serde_json::to_string(self)
            .map_err(|e| AppError::Internal(format!("report not written: {e}")))?;
        Ok(StoredResult {
            id: 0,
            pool_id: pool.id,
            computed_at: now,
            rule: self.rule.clone(),
            ballots: self.ballots,
            winners: self.winners.join(","),
            report_json,
        })
    }
}

impl Report {
    /// Reads a stored report (or one stored before the typed report, whose reasons are
    /// then given as text only); one that does not parse is an error, never an empty
    /// result.
    pub fn read(stored: &StoredResult) -> Result<Report, AppError> {
        serde_json::from_str(&stored.report_json)
            .or_else(|e| {
                serde_json::from_str::<LegacyReport>(&stored.report_json)
                    .map(|old| old.upgrade(stored))
                    .map_err(|_| e)
            })
            .map_err(|e| {
                AppError::Internal(format!("stored result {} not understood: {e}", stored.id))
            })
    }
}

/// The untyped report written before version 2: money as `*_grosze`, ties as text.
#[derive(Deserialize)]
struct LegacyReport {
    rule: String,
    budget_grosze: i64,
    total_cost_grosze: i64,
    ballots: i64,
    projects: Vec<LegacyProject>,
    #[serde(default)]
    notes: Vec<String>,
}

#[derive(Deserialize)]
struct LegacyProject {
    id: String,
    name: String,
    cost_grosze: i64,
    votes: i64,
    funded: bool,
    explanation: String,
}

impl LegacyReport {
    fn upgrade(self, stored: &StoredResult) -> Report {
        Report {
            version: 1,
            rule: self.rule,
            budget: Money(self.budget_grosze),
            total_cost: Money(self.total_cost_grosze),
            ballots: self.ballots,
            winners: stored
                .winners
                .split(',')
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
            projects: self
                .projects
                .into_iter()
                .map(|p| ProjectOutcome {
                    id: p.id,
                    name: p.name,
                    cost: Money(p.cost_grosze),
                    votes: p.votes,
                    funded: p.funded,
                    explanation: p.explanation,
                    reason: None,
                })
                .collect(),
            ties: Vec::new(),
            notes: self.notes,
            voided: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored(json: &str) -> StoredResult {
        StoredResult {
            id: 1,
            pool_id: 1,
            computed_at: Timestamp(0),
            rule: "greedy".into(),
            ballots: 2,
            winners: "7".into(),
            report_json: json.into(),
        }
    }

    #[test]
    fn reports_of_before_the_typed_report_still_read() {
        let old = r#"{"rule":"greedy","budget_grosze":100,"total_cost_grosze":60,"ballots":2,
            "projects":[{"id":"7","name":"Park","cost_grosze":60,"votes":2,"funded":true,
            "explanation":"funded","reason":{"kind":"funded","cost_grosze":60}}],"ties":[],"notes":[]}"#;
        let r = Report::read(&stored(old)).unwrap();
        assert_eq!(
            (r.version, r.winners.clone(), r.projects[0].votes),
            (1, vec!["7".to_string()], 2)
        );
        assert!(r.projects[0].reason.is_none());
    }

    #[test]
    fn a_corrupt_report_is_an_error() {
        assert!(matches!(
            Report::read(&stored("{\"rule\": 3}")),
            Err(AppError::Internal(_))
        ));
    }
}
