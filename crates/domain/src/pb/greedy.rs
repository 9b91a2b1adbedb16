//! Greedy rules: projects in order of score (or score per złoty), funded while they fit.

use super::instance::{PbInstance, VoteType};
use super::money::Money;
use super::outcome::{plural, Explanation, Reason, Tie, TieBreak, TieRule, TieValue};
use std::cmp::Ordering;

/// What a greedy pass orders projects by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Density {
    /// Total score (pabutools `Cost_Sat` / `Cost_Points_Sat`).
    Score,
    /// Total score per złoty (pabutools `Cardinality_Sat`, `Additive_Cardinal_Sat`, `Additive_Borda_Sat`).
    ScorePerCost,
}

pub(crate) struct GreedyParams {
    pub density: Density,
    /// Skip a project that does not fit and go on (true), or stop there (false).
    pub skip: bool,
    /// Minimum score for a project to be considered.
    pub threshold: Option<i64>,
    /// Prefix for explanations ("" or "greedy completion: ").
    pub label: &'static str,
}

impl GreedyParams {
    /// The numeric reason, for the plain greedy rule; inside a completion step the
    /// text alone says it (the step is part of another rule's story).
    fn reason(&self, r: Reason) -> Reason {
        if self.label.is_empty() {
            r
        } else {
            Reason::Described
        }
    }
}

/// The word for what a ballot gives a project.
pub(crate) fn score_unit(vt: VoteType) -> (&'static str, &'static str) {
    match vt {
        VoteType::Approval | VoteType::Choose1 => ("vote", "votes"),
        VoteType::Cumulative | VoteType::Scoring => ("point", "points"),
        VoteType::Ordinal => ("Borda point", "Borda points"),
    }
}

/// A non-negative fraction `num/den`; `den == 0` stands for +infinity.
#[derive(Clone, Copy, Debug)]
struct Frac {
    num: i128,
    den: i128,
}

impl Frac {
    fn cmp(&self, o: &Frac) -> Ordering {
        (self.num * o.den).cmp(&(o.num * self.den))
    }
}

fn density(d: Density, total: i64, cost: Money) -> Frac {
    if total <= 0 {
        return Frac { num: 0, den: 1 };
    }
    match d {
        Density::Score => {
            if cost.0 == 0 {
                Frac { num: 0, den: 1 }
            } else {
                Frac {
                    num: i128::from(total),
                    den: 1,
                }
            }
        }
        Density::ScorePerCost => {
            if cost.0 == 0 {
                Frac { num: 1, den: 0 }
            } else {
                Frac {
                    num: i128::from(total),
                    den: i128::from(cost.0),
                }
            }
        }
    }
}

/// Ranks of projects when ordered by id as a string (the tie-break: smaller id first).
pub(crate) fn id_ranks(inst: &PbInstance) -> Vec<u32> {
    let mut order: Vec<u32> = (0..inst.projects.len() as u32).collect();
    order.sort_by(|&a, &b| {
        inst.projects[a as usize]
            .id
            .cmp(&inst.projects[b as usize].id)
    });
    let mut rank = vec![0u32; order.len()];
    for (r, &p) in order.iter().enumerate() {
        rank[p as usize] = r as u32;
    }
    rank
}

/// Runs a greedy pass after the projects of `initial` (already funded). Fills in the
/// explanation of every project it considers and returns the projects it adds, in order.
pub(crate) fn greedy_pass(
    inst: &PbInstance,
    totals: &[i64],
    params: &GreedyParams,
    initial: &[u32],
    explanations: &mut [Option<Explanation>],
    ties: &mut Vec<TieBreak>,
) -> Vec<u32> {
    let rank = id_ranks(inst);
    let n = inst.projects.len();
    let mut in_initial = vec![false; n];
    let mut spent: i64 = 0;
    for &p in initial {
        in_initial[p as usize] = true;
        spent = spent.saturating_add(inst.projects[p as usize].cost.0);
    }
    let (one, many) = score_unit(inst.vote_type);
    let mut cands: Vec<u32> = Vec::with_capacity(n);
    for p in 0..n as u32 {
        if in_initial[p as usize] {
            continue;
        }
        if let Some(t) = params.threshold {
            if totals[p as usize] < t {
                explanations[p as usize] = Some(Explanation {
                    project: p,
                    funded: false,
                    text: format!(
                        "{}below the threshold: {}, at least {} needed",
                        params.label,
                        plural(totals[p as usize].max(0) as u64, one, many),
                        super::money::group_thousands(t.max(0) as u64)
                    ),
                    reason: params.reason(Reason::BelowThreshold {
                        score: totals[p as usize],
                        threshold: t,
                    }),
                });
                continue;
            }
        }
        cands.push(p);
    }
    let dens: Vec<Frac> = (0..n)
        .map(|p| density(params.density, totals[p], inst.projects[p].cost))
        .collect();
    cands.sort_by(|&a, &b| {
        dens[b as usize]
            .cmp(&dens[a as usize])
            .then_with(|| rank[a as usize].cmp(&rank[b as usize]))
    });
    let budget = inst.budget.0;
    let mut remaining = budget.saturating_sub(spent);
    let mut added = Vec::new();
    let mut funded = vec![false; n];
    let mut stopped_at: Option<u32> = None;
    for (pos, &p) in cands.iter().enumerate() {
        let pr = &inst.projects[p as usize];
        let cost = pr.cost.0;
        let score = plural(totals[p as usize].max(0) as u64, one, many);
        let per = match params.density {
            Density::Score => String::new(),
            Density::ScorePerCost => {
                if cost > 0 {
                    format!(
                        " ({:.2} {many} per 1 000 zł)",
                        totals[p as usize] as f64 * 100_000.0 / cost as f64
                    )
                } else {
                    String::new()
                }
            }
        };
        if let Some(stop) = stopped_at {
            explanations[p as usize] = Some(Explanation {
                project: p,
                funded: false,
                text: format!(
                    "{}not reached: {score}{per}; counting stopped at project {} which did not fit",
                    params.label, inst.projects[stop as usize].id
                ),
                reason: params.reason(Reason::NotReached {
                    score: totals[p as usize],
                }),
            });
            continue;
        }
        if cost <= remaining {
            remaining -= cost;
            funded[p as usize] = true;
            added.push(p);
            explanations[p as usize] = Some(Explanation {
                project: p,
                funded: true,
                text: format!(
                    "{}funded as number {} in order: {score}{per}, costs {}, {} left afterwards",
                    params.label,
                    pos + 1,
                    pr.cost,
                    Money(remaining)
                ),
                reason: params.reason(Reason::Funded {
                    position: pos + 1,
                    score: totals[p as usize],
                    cost: pr.cost,
                    left: Money(remaining),
                }),
            });
        } else if params.skip {
            explanations[p as usize] = Some(Explanation {
                project: p,
                funded: false,
                text: format!(
                    "{}skipped: costs {}, {} left ({score}{per})",
                    params.label,
                    pr.cost,
                    Money(remaining)
                ),
                reason: params.reason(Reason::Skipped {
                    score: totals[p as usize],
                    cost: pr.cost,
                    left: Money(remaining),
                }),
            });
        } else {
            stopped_at = Some(p);
            explanations[p as usize] = Some(Explanation {
                project: p,
                funded: false,
                text: format!(
                    "{}did not fit: costs {}, {} left ({score}{per}); counting stops here (no skipping)",
                    params.label,
                    pr.cost,
                    Money(remaining)
                ),
                reason: params.reason(Reason::DidNotFit {
                    score: totals[p as usize],
                    cost: pr.cost,
                    left: Money(remaining),
                }),
            });
        }
    }
    report_ties(inst, totals, params, &cands, &dens, &funded, ties);
    added
}

/// Reports the ties whose order mattered: runs of candidates with equal density (in the order
/// taken) of which some were funded and some not.
fn report_ties(
    inst: &PbInstance,
    totals: &[i64],
    params: &GreedyParams,
    cands: &[u32],
    dens: &[Frac],
    funded: &[bool],
    ties: &mut Vec<TieBreak>,
) {
    let (one, many) = score_unit(inst.vote_type);
    let mut i = 0;
    while i < cands.len() {
        let mut j = i + 1;
        while j < cands.len()
            && dens[cands[j] as usize].cmp(&dens[cands[i] as usize]) == Ordering::Equal
        {
            j += 1;
        }
        if j - i > 1 {
            let group = &cands[i..j];
            let any_in = group.iter().any(|&p| funded[p as usize]);
            let any_out = group.iter().any(|&p| !funded[p as usize]);
            if any_in && any_out {
                let ids: Vec<&str> = group
                    .iter()
                    .map(|&p| inst.projects[p as usize].id.as_str())
                    .collect();
                let first = group[0] as usize;
                let on = match params.density {
                    Density::Score => TieValue::Score {
                        score: totals[first],
                    },
                    Density::ScorePerCost => TieValue::ScorePerCost {
                        score: totals[first],
                        cost: inst.projects[first].cost,
                    },
                };
                ties.push(TieBreak {
                    projects: group.to_vec(),
                    text: format!(
                        "{}projects {} are tied ({}); taken in order of id compared as text",
                        params.label,
                        ids.join(", "),
                        plural(totals[first].max(0) as u64, one, many)
                    ),
                    tie: Tie::Greedy {
                        on,
                        funded: group
                            .iter()
                            .copied()
                            .filter(|&p| funded[p as usize])
                            .collect(),
                        broken_by: TieRule::IdAsText,
                    },
                });
            }
        }
        i = j;
    }
}
