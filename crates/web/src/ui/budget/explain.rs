//! Saying why a project won or lost in the reader's language, from the reason the
//! counting engine gives in numbers. Where the engine gives only its English text
//! (the Method of Equal Shares), that text is shown, marked as English.

use wspolnota_app::i18n::Locale;
use wspolnota_domain::pb::Money;

/// The explanation of one project of a stored result, and whether it is the engine's
/// English text rather than a translation.
pub fn explain(locale: Locale, project: &serde_json::Value) -> (String, bool) {
    match reason_text(locale, &project["reason"]) {
        Some(text) => (text, false),
        None => (
            project["explanation"]
                .as_str()
                .unwrap_or_default()
                .to_string(),
            locale != Locale::En,
        ),
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

    #[test]
    fn greedy_reasons_are_translated() {
        let p = serde_json::json!({"reason": {"kind": "skipped", "score": 412, "cost_grosze": 12_000_000, "left_grosze": 8_540_000}, "explanation": "skipped"});
        let (pl, english) = explain(Locale::Pl, &p);
        assert!(!english);
        assert!(
            pl.contains("120 000 zł") && pl.contains("85 400 zł") && pl.contains("412"),
            "{pl}"
        );
        let (en, _) = explain(Locale::En, &p);
        assert_ne!(pl, en);
        let mes = serde_json::json!({"reason": {"kind": "described"}, "explanation": "funded in round 1"});
        assert_eq!(
            explain(Locale::Pl, &mes),
            ("funded in round 1".to_string(), true)
        );
        assert_eq!(
            explain(Locale::En, &mes),
            ("funded in round 1".to_string(), false)
        );
    }
}
