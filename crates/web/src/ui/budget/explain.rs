//! Saying why a project won or lost in the reader's language, from the reason the
//! counting engine gives in numbers. Where the engine gives only its English text
//! (the Method of Equal Shares), that text is shown, marked as English.

use wspolnota_app::i18n::Locale;
use wspolnota_domain::pb::Money;

/// The explanation of one project of a stored result, and whether it is the engine's
/// English text rather than a translation.
pub fn explain(locale: Locale, project: &serde_json::Value) -> (String, bool) {
    let r = &project["reason"];
    let n = |k: &str| r[k].as_i64().unwrap_or(0);
    let money = |k: &str| Money(n(k)).to_human();
    let args = |keys: &[(&'static str, String)]| keys.to_vec();
    let text = match r["kind"].as_str().unwrap_or("") {
        "funded" => locale.t_args(
            "budget-why-funded",
            &args(&[
                ("position", n("position").to_string()),
                ("score", n("score").to_string()),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ]),
        ),
        "skipped" => locale.t_args(
            "budget-why-skipped",
            &args(&[
                ("score", n("score").to_string()),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ]),
        ),
        "did_not_fit" => locale.t_args(
            "budget-why-did-not-fit",
            &args(&[
                ("score", n("score").to_string()),
                ("cost", money("cost_grosze")),
                ("left", money("left_grosze")),
            ]),
        ),
        "not_reached" => locale.t_args(
            "budget-why-not-reached",
            &args(&[("score", n("score").to_string())]),
        ),
        "below_threshold" => locale.t_args(
            "budget-why-below-threshold",
            &args(&[
                ("score", n("score").to_string()),
                ("threshold", n("threshold").to_string()),
            ]),
        ),
        _ => {
            return (
                project["explanation"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                locale != Locale::En,
            )
        }
    };
    (text, false)
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
