//! Amounts of money in grosze (1/100 zł), parsed exactly from decimal text.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An amount of money in the smallest unit (grosze). Never a float. Serialized as the plain
/// integer number of grosze, so JSON never carries a rounded decimal.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

/// Why a decimal amount could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyParseError {
    /// Not a decimal number (letters, empty, several dots...).
    NotANumber,
    /// More than two digits after the decimal separator.
    TooPrecise,
    /// Does not fit in 64 bits of grosze.
    TooLarge,
}

impl Money {
    /// Zero złoty.
    pub const ZERO: Money = Money(0);

    /// Whole złoty.
    pub fn from_zloty(z: i64) -> Money {
        Money(z.saturating_mul(100))
    }

    /// The amount in grosze.
    pub fn grosze(self) -> i64 {
        self.0
    }

    /// Parses `"972679.04"`, `"3600000"`, `"12,5"` or `"-3"` exactly. A comma is accepted as
    /// the decimal separator; at most two decimals (trailing zeros beyond that are allowed).
    pub fn parse(text: &str) -> Result<Money, MoneyParseError> {
        let t = text.trim();
        let (neg, body) = match t.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, t.strip_prefix('+').unwrap_or(t)),
        };
        let (int_part, frac_part) = match body.find(['.', ',']) {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, ""),
        };
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(MoneyParseError::NotANumber);
        }
        if !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(MoneyParseError::NotANumber);
        }
        let frac_trimmed = frac_part.trim_end_matches('0');
        if frac_trimmed.len() > 2 {
            return Err(MoneyParseError::TooPrecise);
        }
        let mut value: i64 = 0;
        for b in int_part.bytes() {
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(i64::from(b - b'0')))
                .ok_or(MoneyParseError::TooLarge)?;
        }
        value = value.checked_mul(100).ok_or(MoneyParseError::TooLarge)?;
        let mut cents: i64 = 0;
        for (i, b) in frac_trimmed.bytes().enumerate() {
            let w = if i == 0 { 10 } else { 1 };
            cents += i64::from(b - b'0') * w;
        }
        value = value.checked_add(cents).ok_or(MoneyParseError::TooLarge)?;
        Ok(Money(if neg { -value } else { value }))
    }

    /// Machine form used in `.pb` files: `972679.04`, `3600000`.
    pub fn to_plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        if a.is_multiple_of(100) {
            format!("{sign}{}", a / 100)
        } else {
            format!("{sign}{}.{:02}", a / 100, a % 100)
        }
    }

    /// Human form in Polish style: `85 400 zł`, `972 679,04 zł`.
    pub fn to_human(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let whole = group_thousands(a / 100);
        if a.is_multiple_of(100) {
            format!("{sign}{whole} zł")
        } else {
            format!("{sign}{whole},{:02} zł", a % 100)
        }
    }
}

/// `1234567` → `1 234 567` (a plain space between groups of three digits).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(ch);
    }
    out
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_human())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn parses_exactly() {
        assert_eq!(Money::parse("972679.04").unwrap(), Money(97_267_904));
        assert_eq!(Money::parse("3600000").unwrap(), Money(360_000_000));
        assert_eq!(Money::parse("12,5").unwrap(), Money(1250));
        assert_eq!(Money::parse("0.10").unwrap(), Money(10));
        assert_eq!(Money::parse("7.000").unwrap(), Money(700));
        assert_eq!(Money::parse("-3").unwrap(), Money(-300));
        assert_eq!(Money::parse(".5").unwrap(), Money(50));
        assert_eq!(Money::parse("1.234"), Err(MoneyParseError::TooPrecise));
        assert_eq!(Money::parse("abc"), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse(""), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse("1e5"), Err(MoneyParseError::NotANumber));
        assert_eq!(Money::parse("1.2.3"), Err(MoneyParseError::NotANumber));
        assert_eq!(
            Money::parse("99999999999999999999"),
            Err(MoneyParseError::TooLarge)
        );
    }

    #[test]
    fn formats() {
        assert_eq!(Money(97_267_904).to_plain(), "972679.04");
        assert_eq!(Money(360_000_000).to_plain(), "3600000");
        assert_eq!(Money(8_540_000).to_human(), "85 400 zł");
        assert_eq!(Money(97_267_904).to_human(), "972 679,04 zł");
        assert_eq!(Money(5).to_plain(), "0.05");
        assert_eq!(group_thousands(1000), "1 000");
        assert_eq!(group_thousands(999), "999");
    }
}
