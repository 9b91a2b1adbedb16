//! Saying why a project won or lost in the reader's language, from the reason the
//! counting engine gives in numbers. Where the engine gives only its English text
//! (the Method of Equal Shares), that text is shown, marked as English.

use wspolnota_app::budget::ProjectOutcome;
use wspolnota_app::i18n::Locale;
use wspolnota_domain::pb::Money;

/// The explanation of one project of a stored result, and whether it is the engine's
/// English text rather than a translation.
pub fn explain(locale: Locale, project: &ProjectOutcome) -> (String, bool) {
    match reason_text(locale, &project.reason) {
        Some(text) => (text, false),
        None => (project.explanation.clone(), locale != Locale::En),
    }
}

/// A stored reason in words, or `None` for a reason the engine gave only as text.
fn reason_text(locale: Locale, r: &serde_json::Value) -> Option<String> {
    let n = |k: &str| r[k].as_i64().unwrap_or(0).to_string();
    let money = |k: &str| Money(r[k].as_i64().unwrap_or(0)).to_human();
    let say = |id: &str, args: &[(&'static str, String)]| Some(locale.t_args(id, args));
    match r["kind"].as_str().unwrap_or("") {
        "funded" => say(
            "budget-why-funded",
            &[
                ("position", n("position")),
                ("score", n("score")),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ],
        ),
        "skipped" => say(
            "budget-why-skipped",
            &[
                ("score", n("score")),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ],
        ),
        "did_not_fit" => say(
            "budget-why-did-not-fit",
            &[
                ("score", n("score")),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ],
        ),
        "not_reached" => say("budget-why-not-reached", &[("score", n("score"))]),
        "below_threshold" => say(
            "budget-why-below-threshold",
            &[("score", n("score")), ("threshold", n("threshold"))],
        ),
        "shares_funded" => say(
            "budget-why-shares-funded",
            &[
                ("round", n("round")),
                ("payers", n("payers")),
                ("cost", money("cost_grosze")),
                ("max", money("max_payment_grosze")),
            ],
        ),
        "shares_free" => say("budget-why-shares-free", &[]),
        "shares_not_funded" => say(
            "budget-why-shares-not-funded",
            &[
                ("supporters", n("supporters")),
                ("left", money("left_grosze")),
                ("cost", money("cost_grosze")),
            ],
        ),
        "no_supporters" => say("budget-why-no-supporters", &[]),
        "completed" => {
            let first = reason_text(locale, &r["first"])?;
            let then = reason_text(locale, &r["then"])?;
            say("budget-why-completed", &[("first", first), ("then", then)])
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(reason: serde_json::Value, explanation: &str) -> ProjectOutcome {
        ProjectOutcome {
            id: "1".into(),
            name: "P".into(),
            cost: Money(0),
            votes: 0,
            funded: false,
            explanation: explanation.into(),
            reason,
        }
    }

    #[test]
    fn greedy_reasons_are_translated() {
        let p = outcome(
            serde_json::json!({"kind": "skipped", "score": 412, "cost_grosze": 12_000_000, "left_grosze": 8_540_000}),
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
        let text_only = outcome(
            serde_json::json!({"kind": "described"}),
            "as the engine says",
        );
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
            serde_json::json!({"kind": "completed",
                "first": {"kind": "shares_not_funded", "supporters": 174, "left_grosze": 1_219_480, "cost_grosze": 3_600_000},
                "then": {"kind": "skipped", "score": 174, "cost_grosze": 3_600_000, "left_grosze": 1_542_100}}),
            "english",
        );
        let (pl, english) = explain(Locale::Pl, &p);
        assert!(!english);
        assert!(
            pl.contains("174") && pl.contains("12 194,80 zł") && pl.contains("15 421 zł"),
            "{pl}"
        );
    }
}
