//! Validation of what people type: names, e-mail addresses, slugs, passwords.

use crate::DomainError;

/// Trims a required single-line field and checks its length in characters.
pub fn required(field: &'static str, value: &str, max: usize) -> Result<String, DomainError> {
    let v = value.trim();
    if v.is_empty() {
        return Err(DomainError::Required { field });
    }
    optional(field, v, max).map(|o| o.unwrap_or_default())
}

/// Trims an optional field; empty becomes `None`.
pub fn optional(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<Option<String>, DomainError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(None);
    }
    if v.chars().count() > max {
        return Err(DomainError::TooLong { field, max });
    }
    // Control characters other than line breaks and tabs have no place in civic records.
    let cleaned: String = v
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    Ok(Some(cleaned))
}

pub const NAME_MAX: usize = 120;
pub const CITY_MAX: usize = 80;
pub const EMAIL_MAX: usize = 254;
pub const SLUG_MAX: usize = 60;
pub const DESCRIPTION_MAX: usize = 20_000;
pub const DOCUMENT_MAX: usize = 100_000;
pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 200;

/// Normalises an e-mail address (trimmed, lower-case) after a structural check.
/// Deliverability is proven by the confirmation mail, not by a regex.
pub fn email(value: &str) -> Result<String, DomainError> {
    let v = value.trim().to_lowercase();
    if v.is_empty() {
        return Err(DomainError::Required { field: "email" });
    }
    if v.len() > EMAIL_MAX {
        return Err(DomainError::TooLong {
            field: "email",
            max: EMAIL_MAX,
        });
    }
    let Some((local, domain)) = v.split_once('@') else {
        return Err(DomainError::InvalidEmail);
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
    let local_ok = !local.is_empty()
        && !local.chars().any(|c| {
            c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | ',' | ';' | '@')
        });
    if domain_ok && local_ok {
        Ok(v)
    } else {
        Err(DomainError::InvalidEmail)
    }
}

/// A password: long enough to resist guessing, bounded so hashing stays cheap.
pub fn password(value: &str) -> Result<(), DomainError> {
    let n = value.chars().count();
    if n == 0 {
        return Err(DomainError::Required { field: "password" });
    }
    if n < PASSWORD_MIN {
        return Err(DomainError::TooShort {
            field: "password",
            min: PASSWORD_MIN,
        });
    }
    if n > PASSWORD_MAX {
        return Err(DomainError::TooLong {
            field: "password",
            max: PASSWORD_MAX,
        });
    }
    Ok(())
}

/// A slug: lower-case ASCII letters, digits and single hyphens.
pub fn slug(value: &str) -> Result<String, DomainError> {
    let v = value.trim();
    let ok = !v.is_empty()
        && v.len() <= SLUG_MAX
        && v.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !v.starts_with('-')
        && !v.ends_with('-')
        && !v.contains("--");
    if ok {
        Ok(v.to_string())
    } else {
        Err(DomainError::InvalidSlug)
    }
}

/// Makes a slug out of a name, folding Polish letters to ASCII.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let folded = match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if folded == '-' && (out.is_empty() || out.ends_with('-')) {
            continue;
        }
        out.push(folded);
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.chars()
        .take(SLUG_MAX)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn required_trims_and_rejects_empty() {
        assert_eq!(required("name", "  Ala ", 10).unwrap(), "Ala");
        assert_eq!(
            required("name", "   ", 10),
            Err(DomainError::Required { field: "name" })
        );
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        assert!(required("name", "ŁŁŁŁŁ", 5).is_ok());
        assert_eq!(
            required("name", "ŁŁŁŁŁŁ", 5),
            Err(DomainError::TooLong {
                field: "name",
                max: 5
            })
        );
    }

    #[test]
    fn control_characters_are_dropped() {
        assert_eq!(optional("x", "a\u{0}b\nc", 10).unwrap().unwrap(), "ab\nc");
    }

    #[test]
    fn emails() {
        assert_eq!(email(" Anna@Example.PL ").unwrap(), "anna@example.pl");
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.pl",
            "a b@example.pl",
            "anna@example",
            "a<b>@x.pl",
        ] {
            assert!(email(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn passwords() {
        assert!(password("dlugie-haslo-1").is_ok());
        assert_eq!(
            password("krotkie"),
            Err(DomainError::TooShort {
                field: "password",
                min: 10
            })
        );
        assert!(password(&"x".repeat(201)).is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Spółdzielnia Rozwojowa – Dąbrowa Górnicza!"),
            "spoldzielnia-rozwojowa-dabrowa-gornicza"
        );
        assert!(slug("koalicja-dla-sasiedztw").is_ok());
        for bad in ["", "Duże", "a--b", "-a", "a-", "ą"] {
            assert!(slug(bad).is_err(), "{bad}");
        }
    }
}
