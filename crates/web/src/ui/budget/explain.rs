//! Saying why a project won or lost, and how a tie was broken, in the reader's
//! language, from the reasons the counting engine gives in numbers. Where the engine
//! gives only its English text, that text is shown, marked as English.

use wspolnota_app::budget::{ProjectOutcome, TieNote};
use wspolnota_app::i18n::Locale;
use wspolnota_domain::pb::{Reason, Tie, TieValue};

/// The explanation of one project of a stored result, and whether it is the engine's
/// English text rather than a translation.
pub fn explain(locale: Locale, project: &ProjectOutcome) -> (String, bool) {
    match project.reason.as_ref().and_then(|r| reason_text(locale, r)) {
        Some(text) => (text, false),
        None => (project.explanation.clone(), locale != Locale::En),
    }
}

/// A reason in words, or `None` for a reason the engine gave only as text.
fn reason_text(locale: Locale, r: &Reason) -> Option<String> {
    let say = |id: &str, args: &[(&'static str, String)]| Some(locale.t_args(id, args));
    match r {
        Reason::Funded {
            position,
            score,
            cost,
            left,
        } => say(
            "budget-why-funded",
            &[
                ("position", position.to_string()),
                ("score", score.to_string()),
                ("cost", cost.to_human()),
                ("left", left.to_human()),
            ],
        ),
        Reason::Skipped { score, cost, left } => say(
            "budget-why-skipped",
            &[
                ("score", score.to_string()),
                ("cost", cost.to_human()),
                ("left", left.to_human()),
            ],
        ),
        Reason::DidNotFit { score, cost, left } => say(
            "budget-why-did-not-fit",
            &[
                ("score", score.to_string()),
                ("cost", cost.to_human()),
                ("left", left.to_human()),
            ],
        ),
        Reason::NotReached { score } => {
            say("budget-why-not-reached", &[("score", score.to_string())])
        }
        Reason::BelowThreshold { score, threshold } => say(
            "budget-why-below-threshold",
            &[
                ("score", score.to_string()),
                ("threshold", threshold.to_string()),
            ],
        ),
        Reason::SharesFunded {
            round,
            payers,
            cost,
            max_payment,
        } => say(
            "budget-why-shares-funded",
            &[
                ("round", round.to_string()),
                ("payers", payers.to_string()),
                ("cost", cost.to_human()),
                ("max", max_payment.to_human()),
            ],
        ),
        Reason::SharesFree => say("budget-why-shares-free", &[]),
        Reason::SharesNotFunded {
            supporters,
            left,
            cost,
        } => say(
            "budget-why-shares-not-funded",
            &[
                ("supporters", supporters.to_string()),
                ("left", left.to_human()),
                ("cost", cost.to_human()),
            ],
        ),
        Reason::NoSupporters => say("budget-why-no-supporters", &[]),
        Reason::Completed { first, then } => {
            let first = reason_text(locale, first)?;
            let then = reason_text(locale, then)?;
            say("budget-why-completed", &[("first", first), ("then", then)])
        }
        Reason::Described => None,
    }
}

/// A tie in words; `projects` are the pool's projects in the order the tie names them.
pub fn tie_text(locale: Locale, tie: &TieNote, projects: &[ProjectOutcome]) -> String {
    let name = |i: &u32| {
        projects
            .get(*i as usize)
            .map_or_else(|| i.to_string(), |p| p.name.clone())
    };
    let names = |is: &[u32]| is.iter().map(name).collect::<Vec<_>>().join(", ");
    match &tie.tie {
        Tie::Greedy { on, funded, .. } => {
            let value = match on {
                TieValue::Score { score } => {
                    locale.t_args("budget-tie-on-score", &[("score", score.to_string())])
                }
                TieValue::ScorePerCost { score, cost } => locale.t_args(
                    "budget-tie-on-score-per-cost",
                    &[("score", score.to_string()), ("cost", cost.to_human())],
                ),
            };
            locale.t_args(
                "budget-tie-greedy",
                &[
                    ("tied", names(&tie.projects)),
                    ("value", value),
                    ("funded", names(funded)),
                ],
            )
        }
        Tie::Shares {
            round,
            chosen,
            others,
            ..
        } => locale.t_args(
            "budget-tie-shares",
            &[
                ("round", round.to_string()),
                ("chosen", name(chosen)),
                ("others", names(others)),
            ],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wspolnota_domain::pb::{Money, TieRule};

    fn outcome(reason: Reason, explanation: &str) -> ProjectOutcome {
        ProjectOutcome {
            id: "1".into(),
            name: "P".into(),
            cost: Money(0),
            votes: 0,
            funded: false,
            explanation: explanation.into(),
            reason: Some(reason),
        }
    }

    #[test]
    fn greedy_reasons_are_translated() {
        let p = outcome(
            Reason::Skipped {
                score: 412,
                cost: Money(12_000_000),
                left: Money(8_540_000),
            },
            "skipped",
        );
        let (pl, english) = explain(Locale::Pl, &p);
        assert!(!english);
        assert!(
            pl.contains("120 000 zł") && pl.contains("85 400 zł") && pl.contains("412"),
            "{pl}"
        );
        let (en, _) = explain(Locale::En, &p);
        assert_ne!(pl, en);
        let text_only = outcome(Reason::Described, "as the engine says");
        assert_eq!(
            explain(Locale::Pl, &text_only),
            ("as the engine says".to_string(), true)
        );
        assert_eq!(
            explain(Locale::En, &text_only),
            ("as the engine says".to_string(), false)
        );
    }

    #[test]
    fn equal_shares_and_completion_are_translated() {
        let p = outcome(
            Reason::Completed {
                first: Box::new(Reason::SharesNotFunded {
                    supporters: 174,
                    left: Money(1_219_480),
                    cost: Money(3_600_000),
                }),
                then: Box::new(Reason::Skipped {
                    score: 174,
                    cost: Money(3_600_000),
                    left: Money(1_542_100),
                }),
            },
            "english",
        );
        let (pl, english) = explain(Locale::Pl, &p);
        assert!(!english);
        assert!(
            pl.contains("174") && pl.contains("12 194,80 zł") && pl.contains("15 421 zł"),
            "{pl}"
        );
    }

    #[test]
    fn ties_are_said_in_both_languages() {
        let projects = vec![
            ProjectOutcome {
                name: "Ławki".into(),
                ..outcome(Reason::Described, "")
            },
            ProjectOutcome {
                name: "Drzewa".into(),
                ..outcome(Reason::Described, "")
            },
        ];
        let tie = TieNote {
            projects: vec![0, 1],
            text: "english".into(),
            tie: Tie::Greedy {
                on: TieValue::Score { score: 40 },
                funded: vec![1],
                broken_by: TieRule::IdAsText,
            },
        };
        let pl = tie_text(Locale::Pl, &tie, &projects);
        let en = tie_text(Locale::En, &tie, &projects);
        assert!(pl.contains("Drzewa") && pl.contains("40"), "{pl}");
        assert_ne!(pl, en);
    }
}
