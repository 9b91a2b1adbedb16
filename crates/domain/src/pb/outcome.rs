//! The result of a counting rule: winners, money and a plain-language reason per project.

use super::instance::PbInstance;
use super::money::Money;
use serde::{Deserialize, Serialize};
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
///
/// Serialized with its variant in `kind`, so that stored results and the API say
/// `{"kind":"funded","position":1,"score":3,"cost":6000,"left":4000}` (money in grosze).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
    /// What was decided, in plain language (English).
    pub text: String,
    /// The same in numbers, so an interface can say it in its own language.
    pub tie: Tie,
}

/// The tie behind a [`TieBreak`], in numbers; projects are indices in the instance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Tie {
    /// Greedy (also the greedy completion of Equal Shares): projects equal on `on` were
    /// taken in the order `broken_by`, and that order decided which of them still fitted.
    Greedy {
        /// The value they shared.
        on: TieValue,
        /// The tied projects that were funded (the others were not).
        funded: Vec<u32>,
        broken_by: TieRule,
    },
    /// Equal Shares: in round `round` the projects were equally affordable (the same price per
    /// unit of satisfaction); `chosen` was bought in that round, `others` waited.
    Shares {
        round: usize,
        chosen: u32,
        others: Vec<u32>,
        broken_by: TieRule,
    },
}

/// What tied greedy projects were equal on. The numbers are those of the first tied project,
/// as in the text; the others share the value the rule compares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TieValue {
    /// The same score (votes or points).
    Score { score: i64 },
    /// The same score per złoty (`cost` 0: free, ahead of every paid project).
    ScorePerCost { score: i64, cost: Money },
}

/// How a tie was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TieRule {
    /// The smaller project id first, ids compared as text (`"10"` before `"9"`).
    IdAsText,
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip<T: Serialize + for<'de> Deserialize<'de> + PartialEq + fmt::Debug>(x: &T) {
        let text = serde_json::to_string(x).unwrap();
        assert_eq!(&serde_json::from_str::<T>(&text).unwrap(), x, "{text}");
    }

    #[test]
    fn reason_json_has_kind_and_grosze() {
        let r = Reason::Funded {
            position: 1,
            score: 3,
            cost: Money(6000),
            left: Money(4000),
        };
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            json!({"kind": "funded", "position": 1, "score": 3, "cost": 6000, "left": 4000})
        );
        assert_eq!(
            serde_json::to_value(Reason::NoSupporters).unwrap(),
            json!({"kind": "no_supporters"})
        );
        let completed = Reason::Completed {
            first: Box::new(Reason::SharesNotFunded {
                supporters: 2,
                left: Money(10),
                cost: Money(500),
            }),
            then: Box::new(Reason::Described),
        };
        assert_eq!(
            serde_json::to_value(&completed).unwrap(),
            json!({"kind": "completed",
                   "first": {"kind": "shares_not_funded", "supporters": 2, "left": 10, "cost": 500},
                   "then": {"kind": "described"}})
        );
    }

    #[test]
    fn every_reason_round_trips() {
        let m = Money(12_345);
        for r in [
            Reason::Funded {
                position: 2,
                score: 7,
                cost: m,
                left: Money(0),
            },
            Reason::Skipped {
                score: 1,
                cost: m,
                left: Money(5),
            },
            Reason::DidNotFit {
                score: 0,
                cost: m,
                left: Money(5),
            },
            Reason::NotReached { score: -3 },
            Reason::BelowThreshold {
                score: 4,
                threshold: 10,
            },
            Reason::SharesFunded {
                round: 3,
                payers: 120,
                cost: m,
                max_payment: Money(99),
            },
            Reason::SharesFree,
            Reason::SharesNotFunded {
                supporters: 8,
                left: Money(1),
                cost: m,
            },
            Reason::NoSupporters,
            Reason::Completed {
                first: Box::new(Reason::SharesFree),
                then: Box::new(Reason::Skipped {
                    score: 1,
                    cost: m,
                    left: Money(2),
                }),
            },
            Reason::Described,
        ] {
            round_trip(&r);
        }
    }

    #[test]
    fn ties_round_trip_with_kind() {
        let greedy = Tie::Greedy {
            on: TieValue::ScorePerCost {
                score: 5,
                cost: Money(10_000),
            },
            funded: vec![0],
            broken_by: TieRule::IdAsText,
        };
        assert_eq!(
            serde_json::to_value(&greedy).unwrap(),
            json!({"kind": "greedy",
                   "on": {"kind": "score_per_cost", "score": 5, "cost": 10000},
                   "funded": [0],
                   "broken_by": "id_as_text"})
        );
        let shares = Tie::Shares {
            round: 2,
            chosen: 3,
            others: vec![1, 4],
            broken_by: TieRule::IdAsText,
        };
        assert_eq!(
            serde_json::to_value(&shares).unwrap(),
            json!({"kind": "shares", "round": 2, "chosen": 3, "others": [1, 4],
                   "broken_by": "id_as_text"})
        );
        round_trip(&greedy);
        round_trip(&shares);
        round_trip(&Tie::Greedy {
            on: TieValue::Score { score: 0 },
            funded: vec![],
            broken_by: TieRule::IdAsText,
        });
    }

    #[test]
    fn money_is_plain_grosze() {
        assert_eq!(
            serde_json::to_string(&Money(97_267_904)).unwrap(),
            "97267904"
        );
        assert_eq!(serde_json::from_str::<Money>("-5").unwrap(), Money(-5));
    }
}
