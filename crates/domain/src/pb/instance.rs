//! A participatory-budgeting election as read from a pabulib `.pb` file.

use super::money::Money;
use std::collections::HashMap;

/// How voters filled in their ballots (META `vote_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum VoteType {
    /// Any number of projects, each approved or not.
    Approval,
    /// Exactly one project (counted as approval).
    Choose1,
    /// A budget of points spread over projects.
    Cumulative,
    /// A score per project.
    Scoring,
    /// Projects in order of preference.
    Ordinal,
}

impl VoteType {
    /// The name used in `.pb` files.
    pub fn as_str(self) -> &'static str {
        match self {
            VoteType::Approval => "approval",
            VoteType::Choose1 => "choose-1",
            VoteType::Cumulative => "cumulative",
            VoteType::Scoring => "scoring",
            VoteType::Ordinal => "ordinal",
        }
    }

    /// Parses the META value.
    pub fn parse(s: &str) -> Option<VoteType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "approval" => Some(VoteType::Approval),
            "choose-1" | "choose1" => Some(VoteType::Choose1),
            "cumulative" => Some(VoteType::Cumulative),
            "scoring" => Some(VoteType::Scoring),
            "ordinal" => Some(VoteType::Ordinal),
            _ => None,
        }
    }

    /// Whether ballots carry a `points` column.
    pub fn has_points(self) -> bool {
        matches!(self, VoteType::Cumulative | VoteType::Scoring)
    }
}

/// Limits written in META that every ballot (or the count) must respect.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Limits {
    /// Fewest projects on a ballot.
    pub min_length: Option<usize>,
    /// Most projects on a ballot.
    pub max_length: Option<usize>,
    /// Fewest points in total on a ballot.
    pub min_sum_points: Option<i64>,
    /// Most points in total on a ballot.
    pub max_sum_points: Option<i64>,
    /// Fewest points given to one project.
    pub min_points: Option<i64>,
    /// Most points given to one project.
    pub max_points: Option<i64>,
    /// Smallest total cost of the projects on a ballot.
    pub min_sum_cost: Option<Money>,
    /// Largest total cost of the projects on a ballot.
    pub max_sum_cost: Option<Money>,
    /// A project needs at least this score (votes or points) to be funded.
    pub min_project_score_threshold: Option<i64>,
}

/// One project of the PROJECTS section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The id exactly as written (`"L18/03/VII"`, `"1286"`).
    pub id: String,
    /// Cost in grosze.
    pub cost: Money,
    /// The name, empty when the file has no `name` column.
    pub name: String,
    /// Every column of the row, in header order (id, cost and name included).
    pub fields: Vec<String>,
}

/// One ballot of the VOTES section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    /// The voter id exactly as written.
    pub voter_id: String,
    /// Indices into [`PbInstance::projects`], in the order written (preference order for ordinal ballots).
    pub projects: Vec<u32>,
    /// Points per project (same order as `projects`), empty when the file has no `points` column.
    pub points: Vec<i64>,
    /// Every column of the row, in header order.
    pub fields: Vec<String>,
}

/// A whole `.pb` file: META, PROJECTS and VOTES, extra columns kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PbInstance {
    /// META entries in file order.
    pub meta: Vec<(String, String)>,
    /// The vote type from META.
    pub vote_type: VoteType,
    /// The budget in grosze.
    pub budget: Money,
    /// Ballot and funding limits from META.
    pub limits: Limits,
    /// The PROJECTS header.
    pub project_header: Vec<String>,
    /// The projects in file order.
    pub projects: Vec<Project>,
    /// The VOTES header.
    pub vote_header: Vec<String>,
    /// The ballots in file order.
    pub ballots: Vec<Ballot>,
    /// Ballots that break the file's own limits (kept; see `ParseOptions::strict_limits`).
    pub limit_violations: Vec<super::error::ParseError>,
}

impl PbInstance {
    /// A META value by key.
    pub fn meta_value(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The rule written in META (`greedy`, `greedy-no-skip`, …), if any.
    pub fn file_rule(&self) -> Option<&str> {
        self.meta_value("rule")
    }

    /// Index of a PROJECTS column.
    pub fn project_column(&self, name: &str) -> Option<usize> {
        self.project_header.iter().position(|h| h == name)
    }

    /// A project column value for a project.
    pub fn project_field(&self, project: usize, column: &str) -> Option<&str> {
        let c = self.project_column(column)?;
        self.projects
            .get(project)
            .and_then(|p| p.fields.get(c))
            .map(|s| s.as_str())
    }

    /// The ids of projects marked `selected=1` by the city, when the file has that column.
    pub fn city_selected(&self) -> Option<Vec<String>> {
        let c = self.project_column("selected")?;
        Some(
            self.projects
                .iter()
                .filter(|p| p.fields.get(c).map(|s| s.trim()) == Some("1"))
                .map(|p| p.id.clone())
                .collect(),
        )
    }

    /// Project index by id.
    pub fn project_index(&self) -> HashMap<&str, u32> {
        self.projects
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i as u32))
            .collect()
    }

    /// Number of ballots listing each project.
    pub fn approval_counts(&self) -> Vec<u64> {
        let mut v = vec![0u64; self.projects.len()];
        for b in &self.ballots {
            for &p in &b.projects {
                v[p as usize] += 1;
            }
        }
        v
    }

    /// Points per project: ballot points for cumulative/scoring, Borda points (L-k-1) for
    /// ordinal, 1 per ballot for approval.
    pub fn point_totals(&self) -> Vec<i64> {
        let mut v = vec![0i64; self.projects.len()];
        for b in &self.ballots {
            for (k, &p) in b.projects.iter().enumerate() {
                let x = &mut v[p as usize];
                *x = x.saturating_add(ballot_points(self.vote_type, b, k));
            }
        }
        v
    }
}

/// The points a ballot gives to the project in position `k` for counting: the written points
/// for cumulative and scoring ballots, the Borda score `L - k - 1` for ordinal ballots (as
/// pabutools' `Additive_Borda_Sat`), and 1 for approval ballots.
pub fn ballot_points(vote_type: VoteType, ballot: &Ballot, k: usize) -> i64 {
    match vote_type {
        VoteType::Approval | VoteType::Choose1 => 1,
        VoteType::Cumulative | VoteType::Scoring => ballot.points.get(k).copied().unwrap_or(0),
        VoteType::Ordinal => (ballot.projects.len() - k - 1) as i64,
    }
}
