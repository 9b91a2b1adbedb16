//! Organisations: legal persons and informal groups that act through their representatives.

use crate::DomainError;
use serde::{Deserialize, Serialize};

/// What kind of body an organisation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Municipality,
    PublicInstitution,
    Ngo,
    Cooperative,
    Company,
    InformalGroup,
}

impl OrgKind {
    pub const ALL: [OrgKind; 6] = [
        OrgKind::Municipality,
        OrgKind::PublicInstitution,
        OrgKind::Ngo,
        OrgKind::Cooperative,
        OrgKind::Company,
        OrgKind::InformalGroup,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrgKind::Municipality => "municipality",
            OrgKind::PublicInstitution => "public_institution",
            OrgKind::Ngo => "ngo",
            OrgKind::Cooperative => "cooperative",
            OrgKind::Company => "company",
            OrgKind::InformalGroup => "informal_group",
        }
    }

    pub fn parse(value: &str) -> Result<OrgKind, DomainError> {
        OrgKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .ok_or(DomainError::UnknownKind)
    }

    /// Informal groups have no registry numbers; the others may have them.
    pub fn is_legal_person(self) -> bool {
        self != OrgKind::InformalGroup
    }
}

/// What a person may do for an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRole {
    /// May act on its behalf and grant or revoke representatives.
    Admin,
    /// May act on its behalf (sign declarations).
    Representative,
}

impl OrgRole {
    pub fn as_str(self) -> &'static str {
        match self {
            OrgRole::Admin => "admin",
            OrgRole::Representative => "representative",
        }
    }

    pub fn parse(value: &str) -> Result<OrgRole, DomainError> {
        match value {
            "admin" => Ok(OrgRole::Admin),
            "representative" => Ok(OrgRole::Representative),
            _ => Err(DomainError::UnknownKind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for k in OrgKind::ALL {
            assert_eq!(OrgKind::parse(k.as_str()), Ok(k));
        }
        assert_eq!(OrgKind::parse("bank"), Err(DomainError::UnknownKind));
        assert!(!OrgKind::InformalGroup.is_legal_person());
    }
}
