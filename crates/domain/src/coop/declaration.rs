//! Membership declarations (deklaracje) and the board's decision on them, with the
//! appeal against a refusal. Deadlines come from the statute; a late decision is
//! still a decision (the law allows it) but is flagged.

use super::settings::{AppealBody, CoopSettings};
use super::CoopError;
use crate::date::{self, Date};
use serde::{Deserialize, Serialize};

/// Who declares: a natural person, or a legal person through its representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    Natural,
    Legal,
}

impl MemberKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberKind::Natural => "natural",
            MemberKind::Legal => "legal",
        }
    }

    pub fn parse(value: &str) -> Option<MemberKind> {
        match value {
            "natural" => Some(MemberKind::Natural),
            "legal" => Some(MemberKind::Legal),
            _ => None,
        }
    }
}

/// How a declaration reached the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Online,
    /// A signed paper form entered by the board; the scan is kept with it.
    Paper,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Paper => "paper",
        }
    }

    pub fn parse(value: &str) -> Option<Channel> {
        match value {
            "online" => Some(Channel::Online),
            "paper" => Some(Channel::Paper),
            _ => None,
        }
    }
}

/// Where a declaration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationStatus {
    Pending,
    Admitted,
    Refused,
    /// Refused, and the applicant has appealed; the appeal body has not decided.
    Appealed,
    /// The appeal body admitted the applicant.
    AdmittedOnAppeal,
    /// The appeal body upheld the refusal.
    AppealDismissed,
    /// The applicant took the declaration back before the decision.
    Withdrawn,
}

impl DeclarationStatus {
    pub const ALL: [DeclarationStatus; 7] = [
        DeclarationStatus::Pending,
        DeclarationStatus::Admitted,
        DeclarationStatus::Refused,
        DeclarationStatus::Appealed,
        DeclarationStatus::AdmittedOnAppeal,
        DeclarationStatus::AppealDismissed,
        DeclarationStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeclarationStatus::Pending => "pending",
            DeclarationStatus::Admitted => "admitted",
            DeclarationStatus::Refused => "refused",
            DeclarationStatus::Appealed => "appealed",
            DeclarationStatus::AdmittedOnAppeal => "admitted_on_appeal",
            DeclarationStatus::AppealDismissed => "appeal_dismissed",
            DeclarationStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(value: &str) -> Option<DeclarationStatus> {
        DeclarationStatus::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
    }

    /// Still waiting for someone's decision (the board's, or the appeal body's).
    pub fn is_open(self) -> bool {
        matches!(
            self,
            DeclarationStatus::Pending | DeclarationStatus::Appealed
        )
    }
}

/// What a new declaration says, checked against the statute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDeclaration {
    pub kind: MemberKind,
    pub shares: u32,
    /// For a legal person: whether the person declaring represents it.
    pub represents: bool,
    pub accepted_statute: bool,
}

/// Checks a declaration against the statute: the number of shares, whether legal
/// persons may join, and that an organisation declares through its representative.
pub fn check_declaration(settings: &CoopSettings, d: &NewDeclaration) -> Result<(), CoopError> {
    if d.kind == MemberKind::Legal {
        if !settings.legal_persons_allowed {
            return Err(CoopError::LegalPersonsExcluded);
        }
        if !d.represents {
            return Err(CoopError::NotRepresentative);
        }
    }
    settings.check_shares(d.shares)
}

/// The last day the board has to decide a declaration submitted on `submitted`.
pub fn decision_due(settings: &CoopSettings, submitted: Date) -> Date {
    date::plus_days(submitted, settings.decision_days)
}

/// The board's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Admit,
    /// A refusal, with written reasons.
    Refuse {
        reasons: String,
    },
}

/// The outcome of a decision taken on `today`: the new status, and whether it came
/// after the statute's deadline (allowed, but recorded as late).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decided {
    pub status: DeclarationStatus,
    pub late: bool,
}

/// Decides a pending declaration; refusals need reasons.
pub fn decide(
    status: DeclarationStatus,
    due: Date,
    today: Date,
    decision: &Decision,
) -> Result<Decided, CoopError> {
    if status != DeclarationStatus::Pending {
        return Err(CoopError::NotPending);
    }
    let status = match decision {
        Decision::Admit => DeclarationStatus::Admitted,
        Decision::Refuse { reasons } if reasons.trim().is_empty() => {
            return Err(CoopError::ReasonsRequired)
        }
        Decision::Refuse { .. } => DeclarationStatus::Refused,
    };
    Ok(Decided {
        status,
        late: today > due,
    })
}

/// The last day an appeal against a refusal sent on `refused_on` may be lodged.
pub fn appeal_due(settings: &CoopSettings, refused_on: Date) -> Date {
    date::plus_days(refused_on, settings.appeal_days)
}

/// Lodges an appeal on `today`: only against a refusal, only within the deadline.
pub fn appeal(
    status: DeclarationStatus,
    due: Date,
    today: Date,
) -> Result<DeclarationStatus, CoopError> {
    if status != DeclarationStatus::Refused {
        return Err(CoopError::NotRefused);
    }
    if today > due {
        return Err(CoopError::AppealTooLate);
    }
    Ok(DeclarationStatus::Appealed)
}

/// The appeal body's decision, which it records with its reasons.
pub fn decide_appeal(
    status: DeclarationStatus,
    admit: bool,
    reasons: &str,
) -> Result<DeclarationStatus, CoopError> {
    if status != DeclarationStatus::Appealed {
        return Err(CoopError::NoAppeal);
    }
    if reasons.trim().is_empty() {
        return Err(CoopError::ReasonsRequired);
    }
    Ok(if admit {
        DeclarationStatus::AdmittedOnAppeal
    } else {
        DeclarationStatus::AppealDismissed
    })
}

/// Who hears the appeal, for display and for the policy.
pub fn appeal_body(settings: &CoopSettings) -> AppealBody {
    settings.appeal_body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        date::parse(s).unwrap()
    }

    fn person(shares: u32) -> NewDeclaration {
        NewDeclaration {
            kind: MemberKind::Natural,
            shares,
            represents: false,
            accepted_statute: true,
        }
    }

    #[test]
    fn declarations_follow_the_statute() {
        let s = CoopSettings {
            min_shares: 1,
            max_shares: Some(5),
            ..CoopSettings::default()
        };
        assert_eq!(check_declaration(&s, &person(2)), Ok(()));
        assert_eq!(
            check_declaration(&s, &person(0)),
            Err(CoopError::SharesTooFew)
        );
        assert_eq!(
            check_declaration(&s, &person(6)),
            Err(CoopError::SharesTooMany)
        );
        let org = NewDeclaration {
            kind: MemberKind::Legal,
            represents: false,
            ..person(2)
        };
        assert_eq!(
            check_declaration(&s, &org),
            Err(CoopError::NotRepresentative)
        );
        let closed = CoopSettings {
            legal_persons_allowed: false,
            ..s.clone()
        };
        let rep = NewDeclaration {
            represents: true,
            ..org
        };
        assert_eq!(check_declaration(&s, &rep), Ok(()));
        assert_eq!(
            check_declaration(&closed, &rep),
            Err(CoopError::LegalPersonsExcluded)
        );
    }

    #[test]
    fn the_board_decides_late_but_flagged() {
        let s = CoopSettings::default();
        let due = decision_due(&s, d("2026-03-01"));
        assert_eq!(due, d("2026-03-31"));
        let on_time = decide(
            DeclarationStatus::Pending,
            due,
            d("2026-03-31"),
            &Decision::Admit,
        )
        .unwrap();
        assert_eq!(
            on_time,
            Decided {
                status: DeclarationStatus::Admitted,
                late: false
            }
        );
        let late = decide(
            DeclarationStatus::Pending,
            due,
            d("2026-04-01"),
            &Decision::Admit,
        )
        .unwrap();
        assert!(late.late);
        assert_eq!(
            decide(
                DeclarationStatus::Pending,
                due,
                d("2026-03-02"),
                &Decision::Refuse {
                    reasons: "  ".into()
                }
            ),
            Err(CoopError::ReasonsRequired)
        );
        assert_eq!(
            decide(
                DeclarationStatus::Admitted,
                due,
                d("2026-03-02"),
                &Decision::Admit
            ),
            Err(CoopError::NotPending)
        );
    }

    #[test]
    fn appeals_within_the_deadline() {
        let s = CoopSettings::default();
        let due = appeal_due(&s, d("2026-04-01"));
        assert_eq!(due, d("2026-04-15"));
        assert_eq!(
            appeal(DeclarationStatus::Refused, due, d("2026-04-15")),
            Ok(DeclarationStatus::Appealed)
        );
        assert_eq!(
            appeal(DeclarationStatus::Refused, due, d("2026-04-16")),
            Err(CoopError::AppealTooLate)
        );
        assert_eq!(
            appeal(DeclarationStatus::Admitted, due, d("2026-04-02")),
            Err(CoopError::NotRefused)
        );
        assert_eq!(
            decide_appeal(DeclarationStatus::Appealed, true, "Rada uznała odwołanie."),
            Ok(DeclarationStatus::AdmittedOnAppeal)
        );
        assert_eq!(
            decide_appeal(DeclarationStatus::Appealed, false, ""),
            Err(CoopError::ReasonsRequired)
        );
        assert_eq!(
            decide_appeal(DeclarationStatus::Refused, false, "x"),
            Err(CoopError::NoAppeal)
        );
    }
}
