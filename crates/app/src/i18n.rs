//! Translations: every sentence people read lives in `locales/<lang>/*.ftl`
//! (Fluent). Polish is the default and the fallback; English is second.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use unic_langid::{langid, LanguageIdentifier};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "pl",
        // Unicode isolation marks around arguments would show up in plain-text mails and titles.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// The languages the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    Pl,
    En,
}

static PL: LanguageIdentifier = langid!("pl");
static EN: LanguageIdentifier = langid!("en");

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Pl, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Pl => "pl",
            Locale::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Locale> {
        match code.trim().to_ascii_lowercase().as_str() {
            "pl" => Some(Locale::Pl),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Picks the first supported language of an `Accept-Language` header, by quality.
    pub fn from_accept_language(header: &str) -> Option<Locale> {
        let mut options: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut bits = part.split(';');
                let tag = bits.next()?.trim();
                let primary = tag.split('-').next()?;
                let q = bits
                    .find_map(|b| {
                        b.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.parse::<f32>().ok())
                    })
                    .unwrap_or(1.0);
                Locale::parse(primary).map(|l| (q, l))
            })
            .collect();
        // Stable sort keeps header order among equal qualities.
        options.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal));
        options.first().map(|(_, l)| *l)
    }

    fn langid(self) -> &'static LanguageIdentifier {
        match self {
            Locale::Pl => &PL,
            Locale::En => &EN,
        }
    }

    /// The message `id`; a missing id shows itself, which the key test prevents.
    pub fn t(self, id: &str) -> String {
        LOCALES
            .try_lookup(self.langid(), id)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with a numeric `count`, so plural forms are chosen right
    /// (Polish has three: 1 członek, 2 członków… in Fluent's CLDR categories).
    pub fn t_count(self, id: &str, count: i64) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> = HashMap::new();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        LOCALES
            .try_lookup_with_args(self.langid(), id, &map)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with named arguments.
    pub fn t_args(self, id: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES
            .try_lookup_with_args(self.langid(), id, &map)
            .unwrap_or_else(|| id.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_by_quality() {
        assert_eq!(
            Locale::from_accept_language("en-GB,en;q=0.9,pl;q=0.8"),
            Some(Locale::En)
        );
        assert_eq!(
            Locale::from_accept_language("de-DE, pl;q=0.5, en;q=0.4"),
            Some(Locale::Pl)
        );
        assert_eq!(Locale::from_accept_language("de, fr"), None);
        assert_eq!(Locale::from_accept_language(""), None);
    }

    #[test]
    fn messages_resolve_in_both_languages() {
        assert_eq!(Locale::Pl.t("site-name"), "Wspólnota");
        assert_ne!(Locale::Pl.t("nav-spaces"), Locale::En.t("nav-spaces"));
    }
}
