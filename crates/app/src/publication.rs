//! What the body running an installation must publish: the accessibility statement
//! (ustawa z 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji
//! mobilnych podmiotów publicznych) and the privacy notice (art. 13 GDPR). The facts
//! come from the installation's settings; the wording lives in the translations.

/// How far the site meets the accessibility requirements, in the words of the statute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compliance {
    Full,
    Partial,
    NotCompliant,
}

impl Compliance {
    pub fn code(self) -> &'static str {
        match self {
            Compliance::Full => "full",
            Compliance::Partial => "partial",
            Compliance::NotCompliant => "none",
        }
    }

    pub fn parse(code: &str) -> Option<Compliance> {
        match code.trim() {
            "full" => Some(Compliance::Full),
            "partial" => Some(Compliance::Partial),
            "none" => Some(Compliance::NotCompliant),
            _ => None,
        }
    }
}

/// A part of the site that is not accessible, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonAccessible {
    pub content: String,
    pub reason: String,
}

/// The installation's settings for the statement and the notice. Free texts are shown
/// as written, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// Until the operator fills in their own values, both pages say they show examples.
    pub example: bool,
    /// The body running the site: the public body of the statement and the controller
    /// of personal data.
    pub body_name: String,
    pub body_address: String,
    pub body_email: String,
    /// Dates as `YYYY-MM-DD`.
    pub published_on: String,
    pub updated_on: String,
    pub compliance: Compliance,
    pub non_accessible: Vec<NonAccessible>,
    pub prepared_on: String,
    pub reviewed_on: String,
    /// Who assessed the site; empty for the body's own self-assessment.
    pub assessed_by: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Architectural accessibility of the body's building, free text.
    pub building: String,
    /// The body's mobile applications; empty when it has none.
    pub mobile_apps: String,
    pub dpo_name: Option<String>,
    pub dpo_email: Option<String>,
    /// Who processes data for the body (hosting, mail), one entry each.
    pub processors: Vec<String>,
    /// Transfers outside the European Economic Area; empty when there are none.
    pub transfers: String,
    /// How long records of budgets, consultations and the audit log are kept after
    /// their matter ends.
    pub records_retention_years: u32,
    /// How long copies of sent e-mails are kept.
    pub mail_retention_days: u32,
}

impl Default for Publication {
    /// Plausible example values, so a fresh installation (and the demo) shows complete
    /// pages, marked as examples.
    fn default() -> Self {
        Publication {
            example: true,
            body_name: "Urząd Miasta Przykładowo".into(),
            body_address: "ul. Przykładowa 1, 00-001 Przykładowo".into(),
            body_email: "urzad@przykladowo.example".into(),
            published_on: "2026-01-15".into(),
            updated_on: "2026-05-04".into(),
            compliance: Compliance::Partial,
            non_accessible: vec![
                NonAccessible {
                    content: "Zdjęcia dodawane przez mieszkańców do projektów mogą mieć niepełne opisy alternatywne.".into(),
                    reason: "Zdjęcia i ich opisy dodają autorzy projektów; to treści osób trzecich, których urząd nie przygotowuje i nie kontroluje.".into(),
                },
                NonAccessible {
                    content: "Pliki z wynikami głosowania (formaty .pb i CSV) są plikami danych, a nie dokumentami tekstowymi.".into(),
                    reason: "Służą do ponownego przeliczenia wyników; te same wyniki są przedstawione na stronie w tabelach.".into(),
                },
            ],
            prepared_on: "2026-01-15".into(),
            reviewed_on: "2026-05-04".into(),
            assessed_by: String::new(),
            contact_name: "Anna Przykładowa".into(),
            contact_email: "dostepnosc@przykladowo.example".into(),
            contact_phone: "+48 61 000 00 00".into(),
            building: "Urząd mieści się w budynku przy ul. Przykładowej 1. Do wejścia głównego prowadzi podjazd dla wózków, a drzwi otwierają się automatycznie. Na parterze jest biuro obsługi mieszkańców z pętlą indukcyjną i toaleta dostosowana do potrzeb osób z niepełnosprawnościami. Przed budynkiem są dwa miejsca parkingowe dla osób z niepełnosprawnościami. Do budynku można wejść z psem asystującym. Tłumacza polskiego języka migowego zapewniamy po zgłoszeniu co najmniej 3 dni robocze przed wizytą.".into(),
            mobile_apps: String::new(),
            dpo_name: Some("Jan Przykładowy".into()),
            dpo_email: Some("iod@przykladowo.example".into()),
            processors: vec![
                "Przykładowy Hosting sp. z o.o. — utrzymanie serwerów (w Polsce)".into(),
                "Przykładowa Poczta sp. z o.o. — wysyłka wiadomości e-mail".into(),
            ],
            transfers: String::new(),
            records_retention_years: 5,
            mail_retention_days: 90,
        }
    }
}

/// A setting that cannot be published as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("publication.{field}: {problem}")]
pub struct PublicationError {
    pub field: &'static str,
    pub problem: &'static str,
}

impl Publication {
    /// Checks what the statute requires to be there and the dates, so a mistake in the
    /// settings stops the server at start rather than showing a broken statement.
    pub fn check(&self) -> Result<(), PublicationError> {
        let required = [
            ("body_name", &self.body_name),
            ("contact_name", &self.contact_name),
            ("contact_email", &self.contact_email),
            ("contact_phone", &self.contact_phone),
            ("building", &self.building),
            ("body_email", &self.body_email),
        ];
        for (field, value) in required {
            if value.trim().is_empty() {
                return Err(PublicationError {
                    field,
                    problem: "is required",
                });
            }
        }
        let dates = [
            ("published_on", &self.published_on),
            ("updated_on", &self.updated_on),
            ("prepared_on", &self.prepared_on),
            ("reviewed_on", &self.reviewed_on),
        ];
        for (field, value) in dates {
            if !is_date(value) {
                return Err(PublicationError {
                    field,
                    problem: "must be a date written YYYY-MM-DD",
                });
            }
        }
        if self.compliance != Compliance::Full && self.non_accessible.is_empty() {
            return Err(PublicationError {
                field: "non_accessible",
                problem: "must list what is not accessible unless compliance is \"full\"",
            });
        }
        Ok(())
    }
}

/// A calendar date written `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = &text[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    year >= 1990 && (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_complete() {
        assert_eq!(Publication::default().check(), Ok(()));
    }

    #[test]
    fn dates_are_checked() {
        for good in ["2026-01-15", "2024-02-29"] {
            assert!(is_date(good), "{good}");
        }
        for bad in [
            "2026-1-15",
            "2025-02-29",
            "2026-13-01",
            "15.01.2026",
            "2026-01-1x",
            "",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        let p = Publication {
            reviewed_on: "wczoraj".into(),
            ..Publication::default()
        };
        assert_eq!(p.check().map_err(|e| e.field), Err("reviewed_on"));
    }

    #[test]
    fn a_partial_statement_names_what_is_not_accessible() {
        let p = Publication {
            non_accessible: vec![],
            ..Publication::default()
        };
        assert!(p.check().is_err());
        let full = Publication {
            compliance: Compliance::Full,
            ..p
        };
        assert_eq!(full.check(), Ok(()));
    }

    #[test]
    fn compliance_codes_round_trip() {
        for c in [
            Compliance::Full,
            Compliance::Partial,
            Compliance::NotCompliant,
        ] {
            assert_eq!(Compliance::parse(c.code()), Some(c));
        }
        assert_eq!(Compliance::parse("mostly"), None);
    }
}
