//! Spaces: one civic institution each, with its founding document and members.

use crate::DomainError;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The kind of civic institution a space runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpaceKind {
    DevelopmentCooperative,
    Coalition,
    CityNetwork,
    Movement,
    /// A municipality's own space: consultations and its participatory budget.
    City,
}

impl SpaceKind {
    pub const ALL: [SpaceKind; 5] = [
        SpaceKind::DevelopmentCooperative,
        SpaceKind::Coalition,
        SpaceKind::CityNetwork,
        SpaceKind::Movement,
        SpaceKind::City,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SpaceKind::DevelopmentCooperative => "development_cooperative",
            SpaceKind::Coalition => "coalition",
            SpaceKind::CityNetwork => "city_network",
            SpaceKind::Movement => "movement",
            SpaceKind::City => "city",
        }
    }

    pub fn parse(value: &str) -> Result<SpaceKind, DomainError> {
        SpaceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == value)
            .ok_or(DomainError::UnknownKind)
    }

    /// A cooperative is founded on a statute; the others on a declaration of cooperation.
    pub fn founding_document(self) -> FoundingDocument {
        match self {
            SpaceKind::DevelopmentCooperative | SpaceKind::City => FoundingDocument::Statute,
            _ => FoundingDocument::Declaration,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundingDocument {
    Statute,
    Declaration,
}

/// Identifies a version of a founding document by the SHA-256 of its exact text,
/// so a signature proves which words were signed.
pub fn document_hash(title: &str, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(title.as_bytes());
    h.update([0u8]);
    h.update(body.as_bytes());
    hex::encode(h.finalize())
}

/// Where a membership stands. Every change is a new fact in history, never an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipStatus {
    /// Signed; waits for the space admins' approval.
    Pending,
    Active,
    Rejected,
    Withdrawn,
}

impl MembershipStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MembershipStatus::Pending => "pending",
            MembershipStatus::Active => "active",
            MembershipStatus::Rejected => "rejected",
            MembershipStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Result<MembershipStatus, DomainError> {
        match value {
            "pending" => Ok(MembershipStatus::Pending),
            "active" => Ok(MembershipStatus::Active),
            "rejected" => Ok(MembershipStatus::Rejected),
            "withdrawn" => Ok(MembershipStatus::Withdrawn),
            _ => Err(DomainError::UnknownKind),
        }
    }

    /// A signature that still binds: pending or active. Signing again is refused while one exists.
    pub fn is_standing(self) -> bool {
        matches!(self, MembershipStatus::Pending | MembershipStatus::Active)
    }

    /// The status a new signature starts in.
    pub fn on_signing(requires_approval: bool) -> MembershipStatus {
        if requires_approval {
            MembershipStatus::Pending
        } else {
            MembershipStatus::Active
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_depends_on_every_character() {
        let a = document_hash("Deklaracja", "Miasto to my.");
        assert_eq!(a.len(), 64);
        assert_ne!(a, document_hash("Deklaracja", "Miasto to my!"));
        assert_ne!(a, document_hash("Deklaracj", "aMiasto to my."));
        assert_eq!(a, document_hash("Deklaracja", "Miasto to my."));
    }

    #[test]
    fn signing_status() {
        assert_eq!(
            MembershipStatus::on_signing(true),
            MembershipStatus::Pending
        );
        assert_eq!(
            MembershipStatus::on_signing(false),
            MembershipStatus::Active
        );
        assert!(!MembershipStatus::Withdrawn.is_standing());
        for k in SpaceKind::ALL {
            assert_eq!(SpaceKind::parse(k.as_str()), Ok(k));
        }
        assert_eq!(
            SpaceKind::Coalition.founding_document(),
            FoundingDocument::Declaration
        );
    }
}
