//! Running a rule on an instance and explaining the result.

use super::error::RuleError;
use super::greedy::{greedy_pass, id_ranks, score_unit, Density, GreedyParams};
use super::instance::{ballot_points, PbInstance};
use super::mes::{run_add1, run_mes, MesProfile, MesRun};
use super::money::{group_thousands, Money};
use super::outcome::{plural, Explanation, Outcome, Reason, Rule, Tie, TieBreak, TieRule};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{Signed, ToPrimitive, Zero};

/// Satisfaction measure of MES.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Satisfaction {
    /// Utility = points × cost (pabutools `Cost_Sat`, `Cost_Points_Sat`).
    Cost,
    /// Utility = points (pabutools `Cardinality_Sat`, `Additive_Cardinal_Sat`, `Additive_Borda_Sat`).
    Card,
}

/// Builds the MES profile of an instance for a satisfaction measure.
pub(crate) fn mes_profile(inst: &PbInstance, sat: Satisfaction) -> MesProfile {
    let vt = inst.vote_type;
    MesProfile::build(
        inst.projects.len(),
        inst.ballots.iter().map(|b| {
            b.projects
                .iter()
                .enumerate()
                .map(|(k, &p)| {
                    let pts = ballot_points(vt, b, k).max(0) as u64;
                    let u = match sat {
                        Satisfaction::Cost => {
                            pts.saturating_mul(inst.projects[p as usize].cost.0.max(0) as u64)
                        }
                        Satisfaction::Card => pts,
                    };
                    (p, u)
                })
                .collect()
        }),
    )
}

/// Runs a rule. Ties are broken in favour of the smallest project id compared as a string
/// (pabutools' `lexico_tie_breaking`) and reported in [`Outcome::ties`].
pub fn count(inst: &PbInstance, rule: Rule) -> Result<Outcome, RuleError> {
    match rule {
        Rule::Greedy => Ok(greedy_outcome(inst, rule, Density::Score, true, None)),
        Rule::GreedyNoSkip => Ok(greedy_outcome(inst, rule, Density::Score, false, None)),
        Rule::GreedyThreshold => {
            let t = inst
                .limits
                .min_project_score_threshold
                .ok_or(RuleError::MissingMeta {
                    rule: rule.name().to_string(),
                    key: "min_project_score_threshold",
                })?;
            Ok(greedy_outcome(inst, rule, Density::Score, true, Some(t)))
        }
        Rule::GreedyCard => Ok(greedy_outcome(
            inst,
            rule,
            Density::ScorePerCost,
            true,
            None,
        )),
        Rule::MesCost => Ok(mes_outcome(inst, rule, Satisfaction::Cost, None)),
        Rule::MesCard => Ok(mes_outcome(inst, rule, Satisfaction::Card, None)),
        Rule::MesCostAdd1 => Ok(mes_outcome(inst, rule, Satisfaction::Cost, Some(true))),
        Rule::MesCostAdd1Budget => Ok(mes_outcome(inst, rule, Satisfaction::Cost, Some(false))),
    }
}

/// The rule the city used, from META `rule`: `greedy`, `greedy-no-skip`, `greedy-threshold`
/// (a META `min_project_score_threshold` is applied by every greedy variant, as the cities
/// did), `equalshares…` (MES with equalshares.net's Add1 completion, `mes-cost-add1-budget`).
pub fn count_file_rule(inst: &PbInstance) -> Result<Outcome, RuleError> {
    let r = inst.file_rule().ok_or(RuleError::NoFileRule)?.trim();
    let t = inst.limits.min_project_score_threshold;
    let lower = r.to_ascii_lowercase();
    if lower.starts_with("equalshares") || lower.starts_with("mes") {
        // equalshares.net's Add1 (used by Wieliczka) raises the shares until the next raise
        // would overspend, even past an exhaustive outcome
        return count(inst, Rule::MesCostAdd1Budget);
    }
    let rule = match lower.as_str() {
        "greedy" => Rule::Greedy,
        "greedy-no-skip" => Rule::GreedyNoSkip,
        "greedy-threshold" => Rule::GreedyThreshold,
        _ => return Err(RuleError::UnknownRule(r.to_string())),
    };
    if rule == Rule::GreedyThreshold && t.is_none() {
        return count(inst, rule);
    }
    let skip = rule != Rule::GreedyNoSkip;
    Ok(greedy_outcome(inst, rule, Density::Score, skip, t))
}

fn finish(
    inst: &PbInstance,
    rule: Rule,
    selected: Vec<u32>,
    explanations: Vec<Option<Explanation>>,
    ties: Vec<TieBreak>,
    notes: Vec<String>,
    first_stage: Option<Vec<u32>>,
) -> Outcome {
    let total: i64 = selected
        .iter()
        .map(|&p| inst.projects[p as usize].cost.0)
        .fold(0i64, i64::saturating_add);
    let explanations = explanations
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            e.unwrap_or(Explanation {
                project: i as u32,
                funded: false,
                text: "not considered".to_string(),
                reason: Reason::Described,
            })
        })
        .collect();
    Outcome {
        rule,
        selected,
        total_cost: Money(total),
        budget: inst.budget,
        explanations,
        ties,
        notes,
        first_stage,
    }
}

fn greedy_outcome(
    inst: &PbInstance,
    rule: Rule,
    density: Density,
    skip: bool,
    threshold: Option<i64>,
) -> Outcome {
    let totals = inst.point_totals();
    let mut expl = vec![None; inst.projects.len()];
    let mut ties = Vec::new();
    let params = GreedyParams {
        density,
        skip,
        threshold,
        label: "",
    };
    let sel = greedy_pass(inst, &totals, &params, &[], &mut expl, &mut ties);
    let mut notes = Vec::new();
    if let Some(t) = threshold {
        notes.push(format!(
            "only projects with at least {} {} take part",
            group_thousands(t.max(0) as u64),
            score_unit(inst.vote_type).1
        ));
    }
    if !skip {
        notes.push("counting stops at the first project that does not fit".to_string());
    }
    finish(inst, rule, sel, expl, ties, notes, None)
}

/// Exact rational money (grosze) shown as złoty, rounded down to the grosz.
fn money_floor(x: &BigRational) -> Money {
    let q = x.numer().div_floor(x.denom());
    Money(q.to_i64().unwrap_or(i64::MAX))
}

/// Exact amounts are shown rounded down to the grosz.
fn money_text(x: &BigRational) -> String {
    money_floor(x).to_human()
}

/// `add1`: `None` for plain MES; `Some(stop_when_exhaustive)` for the Add1 completion.
fn mes_outcome(inst: &PbInstance, rule: Rule, sat: Satisfaction, add1: Option<bool>) -> Outcome {
    let prof = mes_profile(inst, sat);
    let costs: Vec<i64> = inst.projects.iter().map(|p| p.cost.0).collect();
    let rank = id_ranks(inst);
    let mut notes = Vec::new();
    let (run, share): (MesRun, BigRational) = if let Some(stop_exhaustive) = add1 {
        let a = run_add1(&prof, &costs, &rank, inst.budget.0, stop_exhaustive);
        notes.push(format!(
            "Add1 completion: equal share raised {} times by 1 zł to {} per voter ({} runs of MES)",
            a.increments,
            money_text(&a.share),
            a.runs
        ));
        if a.increments >= super::mes::MAX_ADD1_RAISES {
            notes.push(format!(
                "Add1 stopped at its limit of {} raises",
                super::mes::MAX_ADD1_RAISES
            ));
        }
        (a.run, a.share)
    } else {
        let share = BigRational::new(
            BigInt::from(inst.budget.0),
            BigInt::from(prof.voters.max(1)),
        );
        let run = run_mes(
            &prof,
            &costs,
            &rank,
            &BigInt::from(inst.budget.0),
            &BigInt::from(prof.voters.max(1)),
        );
        (run, share)
    };
    if add1.is_none() {
        notes.push(format!("equal share per voter: {}", money_text(&share)));
    }
    let mut expl: Vec<Option<Explanation>> = vec![None; inst.projects.len()];
    let mut ties = Vec::new();
    for &p in &run.free {
        expl[p as usize] = Some(Explanation {
            project: p,
            funded: true,
            text: "funded: costs nothing and has supporters".to_string(),
            reason: Reason::SharesFree,
        });
    }
    for (round, pu) in run.purchases.iter().enumerate() {
        let p = pu.project;
        let cost = inst.projects[p as usize].cost;
        let mut text = format!(
            "funded in round {}: {} paid its {} ({} paid at most {} each{})",
            round + 1,
            plural(pu.payers, "supporter", "supporters"),
            cost,
            if pu.payers == 1 { "who" } else { "they" },
            money_text(&pu.max_payment),
            if pu.exhausted > 0 {
                format!(
                    "; {} gave all they had left",
                    plural(pu.exhausted, "voter", "voters")
                )
            } else {
                String::new()
            }
        );
        if !pu.tied_with.is_empty() {
            let ids: Vec<&str> = pu
                .tied_with
                .iter()
                .map(|&q| inst.projects[q as usize].id.as_str())
                .collect();
            text.push_str(&format!(
                "; tied with {} and chosen by the smaller id",
                ids.join(", ")
            ));
            let mut all = vec![p];
            all.extend(pu.tied_with.iter().copied());
            let tie = Tie::Shares {
                round: round + 1,
                chosen: p,
                others: pu.tied_with.clone(),
                broken_by: TieRule::IdAsText,
            };
            ties.push(TieBreak {
                projects: all,
                text: format!(
                    "round {}: projects {} and {} were equally affordable; {} chosen by the smaller id",
                    round + 1,
                    inst.projects[p as usize].id,
                    ids.join(", "),
                    inst.projects[p as usize].id
                ),
                tie,
            });
        }
        expl[p as usize] = Some(Explanation {
            project: p,
            funded: true,
            text,
            reason: Reason::SharesFunded {
                round: round + 1,
                payers: pu.payers,
                cost,
                max_payment: money_floor(&pu.max_payment),
            },
        });
    }
    // losers: what their supporters had left
    for (p, slot) in expl.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let sup = &prof.supporters[p];
        let (text, reason) = if sup.is_empty() {
            (
                "not funded: nobody voted for it".to_string(),
                Reason::NoSupporters,
            )
        } else {
            // sum the numerators over the common denominator; one division at the end
            let mut left_num = BigInt::zero();
            let mut n = 0u64;
            for &(g, _) in sup {
                let w = prof.weights[g as usize];
                n += w;
                left_num += &run.class_num[run.group_class[g as usize] as usize] * BigInt::from(w);
            }
            let left = BigRational::new_raw(left_num, run.den.clone());
            let text = format!(
                "not funded: its {} had only {} left of their equal shares; it costs {}",
                plural(n, "supporter", "supporters"),
                money_text(&left),
                inst.projects[p].cost
            );
            (
                text,
                Reason::SharesNotFunded {
                    supporters: n,
                    left: money_floor(&left),
                    cost: inst.projects[p].cost,
                },
            )
        };
        *slot = Some(Explanation {
            project: p as u32,
            funded: false,
            text,
            reason,
        });
    }
    let mut selected = run.selected();
    let first_stage = add1.map(|_| selected.clone());
    if add1.is_some() {
        let totals = inst.point_totals();
        let mut gexpl: Vec<Option<Explanation>> = vec![None; inst.projects.len()];
        let params = GreedyParams {
            density: Density::Score,
            skip: true,
            threshold: None,
            label: "",
        };
        let added = greedy_pass(inst, &totals, &params, &selected, &mut gexpl, &mut ties);
        for (p, g) in gexpl.into_iter().enumerate() {
            if let (Some(g), Some(e)) = (g, expl[p].as_mut()) {
                e.funded = g.funded;
                e.reason = Reason::Completed {
                    first: Box::new(e.reason.clone()),
                    then: Box::new(g.reason.clone()),
                };
                e.text = if g.funded {
                    format!("{}; then greedy completion {}", e.text, g.text)
                } else {
                    format!("{}; greedy completion {}", e.text, g.text)
                };
            }
        }
        if !added.is_empty() {
            notes.push(format!(
                "greedy completion added {}",
                plural(added.len() as u64, "project", "projects")
            ));
        }
        selected.extend(added);
    }
    debug_assert!(run.purchases.iter().all(|p| !p.paid.is_negative()));
    finish(inst, rule, selected, expl, ties, notes, first_stage)
}

/// Facts about an MES run used by property tests: for every purchase, the exact sum paid and
/// the cost; for every voter group, the final budget and the share.
#[doc(hidden)]
pub fn mes_audit(inst: &PbInstance, sat: Satisfaction) -> MesAudit {
    let prof = mes_profile(inst, sat);
    let costs: Vec<i64> = inst.projects.iter().map(|p| p.cost.0).collect();
    let rank = id_ranks(inst);
    let share = BigRational::new(
        BigInt::from(inst.budget.0),
        BigInt::from(prof.voters.max(1)),
    );
    let run = run_mes(
        &prof,
        &costs,
        &rank,
        &BigInt::from(inst.budget.0),
        &BigInt::from(prof.voters.max(1)),
    );
    MesAudit {
        payments_match_costs: run
            .purchases
            .iter()
            .all(|p| p.paid == BigRational::from_integer(BigInt::from(costs[p.project as usize]))),
        budgets_within_share: run
            .final_budgets()
            .iter()
            .all(|b| !b.is_negative() && *b <= share),
        max_payment_within_share: run.purchases.iter().all(|p| p.max_payment <= share),
    }
}

/// See [`mes_audit`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MesAudit {
    pub payments_match_costs: bool,
    pub budgets_within_share: bool,
    pub max_payment_within_share: bool,
}
