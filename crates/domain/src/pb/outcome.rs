//! The result of a counting rule: winners, money and a plain-language reason per project.

use super::instance::PbInstance;
use super::money::Money;
use std::fmt;

/// A participatory-budgeting rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    /// Projects by votes (points); each funded if it still fits.
    Greedy,
    /// As `Greedy`, but stop at the first project that does not fit.
    GreedyNoSkip,
    /// As `Greedy`, only projects reaching META `min_project_score_threshold`.
    GreedyThreshold,
    /// Projects by votes (points) per złoty.
    GreedyCard,
    /// Method of Equal Shares, cost satisfaction.
    MesCost,
    /// Method of Equal Shares, cardinality satisfaction.
    MesCard,
    /// Method of Equal Shares (cost) with Add1 completion as in pabutools (stop at the first
    /// exhaustive outcome), then greedy.
    MesCostAdd1,
    /// Method of Equal Shares (cost) with Add1 completion as on equalshares.net (raise the
    /// shares until the next raise would overspend), then greedy. Reproduces Wieliczka 2023.
    MesCostAdd1Budget,
}

impl Rule {
    /// All rules, in the order the command line lists them.
    pub const ALL: [Rule; 8] = [
        Rule::Greedy,
        Rule::GreedyNoSkip,
        Rule::GreedyThreshold,
        Rule::GreedyCard,
        Rule::MesCost,
        Rule::MesCard,
        Rule::MesCostAdd1,
        Rule::MesCostAdd1Budget,
    ];

    /// The command-line name.
    pub fn name(self) -> &'static str {
        match self {
            Rule::Greedy => "greedy",
            Rule::GreedyNoSkip => "greedy-no-skip",
            Rule::GreedyThreshold => "greedy-threshold",
            Rule::GreedyCard => "greedy-card",
            Rule::MesCost => "mes-cost",
            Rule::MesCard => "mes-card",
            Rule::MesCostAdd1 => "mes-cost-add1",
            Rule::MesCostAdd1Budget => "mes-cost-add1-budget",
        }
    }

    /// Parses a command-line name. `greedy-borda` and `mes-borda` are the pabutools names of
    /// `greedy-card` and `mes-card` on ordinal ballots (Borda points per złoty / Borda utility).
    pub fn parse(s: &str) -> Option<Rule> {
        Some(match s.trim().to_ascii_lowercase().as_str() {
            "greedy" | "greedy-cost" => Rule::Greedy,
            "greedy-no-skip" => Rule::GreedyNoSkip,
            "greedy-threshold" => Rule::GreedyThreshold,
            "greedy-card" | "greedy-borda" => Rule::GreedyCard,
            "mes-cost" | "mes" => Rule::MesCost,
            "mes-card" | "mes-borda" => Rule::MesCard,
            "mes-cost-add1" | "mes-add1" => Rule::MesCostAdd1,
            "mes-cost-add1-budget" | "equalshares" => Rule::MesCostAdd1Budget,
            _ => return None,
        })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a project won or lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Index of the project in the instance.
    pub project: u32,
    /// Whether it is funded.
    pub funded: bool,
    /// The reason, in plain language (English).
    pub text: String,
    /// The same reason in numbers, so an interface can say it in its own language.
    pub reason: Reason,
}

/// The reason behind an [`Explanation`], in numbers. Scores are votes or points;
/// money is what the project costs and what was left of the budget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Reason {
    /// Greedy: funded as number `position` in the order of scores.
    Funded {
        position: usize,
        score: i64,
        cost: Money,
        left: Money,
    },
    /// Greedy: passed over because it no longer fitted; counting went on.
    Skipped {
        score: i64,
        cost: Money,
        left: Money,
    },
    /// Greedy without skipping: it did not fit, and counting stopped here.
    DidNotFit {
        score: i64,
        cost: Money,
        left: Money,
    },
    /// Greedy without skipping: counting had stopped before reaching it.
    NotReached { score: i64 },
    /// Below the minimum score required.
    BelowThreshold { score: i64, threshold: i64 },
    /// Equal Shares: bought in round `round` by `payers` supporters, none paying more than `max_payment`.
    SharesFunded {
        round: usize,
        payers: u64,
        cost: Money,
        max_payment: Money,
    },
    /// Equal Shares: costs nothing and has supporters.
    SharesFree,
    /// Equal Shares: its supporters had only `left` of their shares, and it costs `cost`.
    SharesNotFunded {
        supporters: u64,
        left: Money,
        cost: Money,
    },
    /// Nobody voted for it.
    NoSupporters,
    /// A rule with a completion step: what the first stage said, then the completion.
    Completed {
        first: Box<Reason>,
        then: Box<Reason>,
    },
    /// Reasons given only as text.
    #[default]
    Described,
}

/// A tie that the rule had to break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieBreak {
    /// The tied projects (indices), in the order the tie-break put them.
    pub projects: Vec<u32>,
    /// What was decided.
    pub text: String,
}

/// The outcome of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The rule that produced it.
    pub rule: Rule,
    /// Funded projects in the order they were chosen.
    pub selected: Vec<u32>,
    /// Their total cost.
    pub total_cost: Money,
    /// The budget.
    pub budget: Money,
    /// One explanation per project, in file order.
    pub explanations: Vec<Explanation>,
    /// Ties broken (by the smallest project id compared as a string).
    pub ties: Vec<TieBreak>,
    /// For rules with a completion step: the projects chosen before the completion.
    pub first_stage: Option<Vec<u32>>,
    /// Extra notes about the run (e.g. the final equal share of the Add1 completion).
    pub notes: Vec<String>,
}

impl Outcome {
    /// Budget not spent.
    pub fn budget_left(&self) -> Money {
        Money(self.budget.0 - self.total_cost.0)
    }

    /// Funded project ids, sorted (numerically when every id is a number, else as strings).
    pub fn winner_ids(&self, inst: &PbInstance) -> Vec<String> {
        let ids: Vec<String> = self
            .selected
            .iter()
            .filter_map(|&p| inst.projects.get(p as usize).map(|x| x.id.clone()))
            .collect();
        sort_ids(ids)
    }

    /// The explanation for one project.
    pub fn explanation(&self, project: u32) -> Option<&Explanation> {
        self.explanations.iter().find(|e| e.project == project)
    }
}

/// Sorts ids numerically when all are numbers, else as strings (as `expected.json` does).
pub fn sort_ids(mut ids: Vec<String>) -> Vec<String> {
    if ids
        .iter()
        .all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
    {
        ids.sort_by(|a, b| {
            let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
            a.len().cmp(&b.len()).then_with(|| a.cmp(b))
        });
    } else {
        ids.sort();
    }
    ids
}

/// `1 zwolennik`, `2 zwolenników` would be Polish; explanations are in English for now.
pub(crate) fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{} {many}", super::money::group_thousands(n))
    }
}
