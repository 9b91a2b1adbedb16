//! Founding a cooperative: its model statute, its stages, and whether the founders are
//! enough (Prawo spółdzielcze: 10 natural persons, or 3 when all are legal persons;
//! a mixed cooperative needs 10).

use super::CoopError;
use serde::{Deserialize, Serialize};

/// The model statutes a founder can start from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModelStatute {
    /// A development cooperative with the municipality among its founders.
    DevelopmentWithMunicipality,
    /// An energy cooperative under the renewable-energy act.
    Energy,
}

impl ModelStatute {
    pub const ALL: [ModelStatute; 2] = [
        ModelStatute::DevelopmentWithMunicipality,
        ModelStatute::Energy,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ModelStatute::DevelopmentWithMunicipality => "development_with_municipality",
            ModelStatute::Energy => "energy",
        }
    }

    pub fn parse(code: &str) -> Result<ModelStatute, CoopError> {
        ModelStatute::ALL
            .into_iter()
            .find(|m| m.code() == code)
            .ok_or(CoopError::UnknownModel)
    }
}

/// Where a development cooperative stands (DOMAIN.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Founders gather, the statute is agreed, registration is sought.
    Founding,
    /// Registered and open: residents and local organisations join and invest.
    Open,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Founding => "founding",
            Stage::Open => "open",
        }
    }

    pub fn parse(value: &str) -> Option<Stage> {
        match value {
            "founding" => Some(Stage::Founding),
            "open" => Some(Stage::Open),
            _ => None,
        }
    }
}

/// Natural persons needed when at least one founder is a natural person.
pub const NATURAL_FOUNDERS: u32 = 10;
/// Legal persons needed when all founders are legal persons.
pub const LEGAL_FOUNDERS: u32 = 3;

/// How many more founders are needed, and of which kind, for the law's minimum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundersMissing {
    /// Enough founders.
    None,
    /// Only legal persons so far: this many more legal persons, or enough members of
    /// any kind to reach ten.
    LegalOrAny { legal: u32, any: u32 },
    /// Natural persons among the founders: this many more founders of any kind.
    Any(u32),
}

/// What is missing for `natural` natural and `legal` legal persons to found a cooperative.
pub fn founders_missing(natural: u32, legal: u32) -> FoundersMissing {
    let total = natural.saturating_add(legal);
    if natural == 0 {
        if legal >= LEGAL_FOUNDERS {
            FoundersMissing::None
        } else {
            FoundersMissing::LegalOrAny {
                legal: LEGAL_FOUNDERS - legal,
                any: NATURAL_FOUNDERS - legal,
            }
        }
    } else if total >= NATURAL_FOUNDERS {
        FoundersMissing::None
    } else {
        FoundersMissing::Any(NATURAL_FOUNDERS - total)
    }
}

/// Checks the move from founding to the open stage: enough founders and a valid KRS
/// number (ten digits) with the date of registration.
pub fn may_open(natural: u32, legal: u32, krs: Option<&str>) -> Result<(), CoopError> {
    if founders_missing(natural, legal) != FoundersMissing::None {
        return Err(CoopError::TooFewFounders);
    }
    match krs {
        Some(k) if crate::registry_numbers::krs(k).is_ok() => Ok(()),
        _ => Err(CoopError::BadKrs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn founders_by_the_law() {
        assert_eq!(founders_missing(10, 0), FoundersMissing::None);
        assert_eq!(founders_missing(0, 3), FoundersMissing::None);
        assert_eq!(founders_missing(9, 0), FoundersMissing::Any(1));
        // A mixed cooperative needs ten, whatever the mix.
        assert_eq!(founders_missing(1, 3), FoundersMissing::Any(6));
        assert_eq!(founders_missing(7, 3), FoundersMissing::None);
        assert_eq!(
            founders_missing(0, 1),
            FoundersMissing::LegalOrAny { legal: 2, any: 9 }
        );
        assert_eq!(
            founders_missing(0, 0),
            FoundersMissing::LegalOrAny { legal: 3, any: 10 }
        );
    }

    #[test]
    fn opening_needs_founders_and_registration() {
        assert_eq!(may_open(10, 0, Some("0000123456")), Ok(()));
        assert_eq!(
            may_open(9, 0, Some("0000123456")),
            Err(CoopError::TooFewFounders)
        );
        assert_eq!(may_open(10, 0, None), Err(CoopError::BadKrs));
        assert_eq!(may_open(10, 0, Some("12345")), Err(CoopError::BadKrs));
        for m in ModelStatute::ALL {
            assert_eq!(ModelStatute::parse(m.code()), Ok(m));
        }
    }
}
