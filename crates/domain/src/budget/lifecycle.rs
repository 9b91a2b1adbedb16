//! The life of a proposal as one state machine: what may happen to it now, given its
//! status, the round's phase and the appeal deadline. The app enforces it, the pages
//! ask it which buttons to show, the store only writes the transitions. Who may act
//! (author, verifier) is the permission policy's part (`access::can`).

use super::{Phase, ProposalError, ProposalStatus};
use crate::clock::Timestamp;

/// Something that can happen to a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProposalAction {
    /// The author corrects the text, the costs or the pool.
    Edit,
    AddImage,
    /// A resident adds a supporting signature.
    Support,
    /// The author takes the proposal back.
    Withdraw,
    /// An official decides positive or negative.
    Verify,
    /// The author appeals a negative decision.
    Appeal,
    /// An official decides the appeal.
    DecideAppeal,
}

impl ProposalAction {
    pub const ALL: [ProposalAction; 7] = [
        ProposalAction::Edit,
        ProposalAction::AddImage,
        ProposalAction::Support,
        ProposalAction::Withdraw,
        ProposalAction::Verify,
        ProposalAction::Appeal,
        ProposalAction::DecideAppeal,
    ];
}

/// The facts about a proposal that decide what may happen to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProposalState {
    pub status: ProposalStatus,
    pub phase: Phase,
    pub now: Timestamp,
    /// When the negative decision was made, for the appeal deadline.
    pub verified_at: Option<Timestamp>,
    /// Days an author has to appeal.
    pub appeal_days: i64,
    /// An appeal was already lodged (there is one appeal per proposal).
    pub appealed: bool,
}

impl ProposalState {
    /// The last moment an appeal is accepted, if a decision was made.
    pub fn appeal_deadline(&self) -> Option<Timestamp> {
        self.verified_at
            .map(|t| t.plus_seconds(self.appeal_days.saturating_mul(86_400)))
    }

    /// Whether `action` may happen now; the refusal says why.
    pub fn check(&self, action: ProposalAction) -> Result<(), ProposalError> {
        use ProposalStatus as S;
        let ok = match action {
            ProposalAction::Edit | ProposalAction::AddImage | ProposalAction::Support => {
                self.phase == Phase::Submission && self.status == S::Submitted
            }
            ProposalAction::Withdraw => self.phase < Phase::Voting && self.status != S::Withdrawn,
            ProposalAction::Verify => {
                self.phase == Phase::Verification && self.status == S::Submitted
            }
            ProposalAction::Appeal => {
                if self.status != S::Rejected || self.appealed || self.phase >= Phase::Voting {
                    false
                } else if self.appeal_deadline().is_none_or(|d| self.now > d) {
                    return Err(ProposalError::AppealTooLate);
                } else {
                    true
                }
            }
            ProposalAction::DecideAppeal => {
                self.status == S::Appealed && self.phase < Phase::Voting
            }
        };
        if ok {
            Ok(())
        } else {
            Err(ProposalError::WrongState)
        }
    }

    /// Every action that may happen now, for the page to offer.
    pub fn allowed(&self) -> Vec<ProposalAction> {
        ProposalAction::ALL
            .into_iter()
            .filter(|a| self.check(*a).is_ok())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(status: ProposalStatus, phase: Phase) -> ProposalState {
        ProposalState {
            status,
            phase,
            now: Timestamp(1_000_000),
            verified_at: Some(Timestamp(1_000_000 - 86_400)),
            appeal_days: 5,
            appealed: false,
        }
    }

    #[test]
    fn submission_is_for_editing_and_support() {
        let s = state(ProposalStatus::Submitted, Phase::Submission);
        assert_eq!(
            s.allowed(),
            vec![
                ProposalAction::Edit,
                ProposalAction::AddImage,
                ProposalAction::Support,
                ProposalAction::Withdraw
            ]
        );
        let v = state(ProposalStatus::Submitted, Phase::Verification);
        assert_eq!(
            v.allowed(),
            vec![ProposalAction::Withdraw, ProposalAction::Verify]
        );
    }

    #[test]
    fn appeals_within_their_days_and_before_voting() {
        let rejected = state(ProposalStatus::Rejected, Phase::Appeals);
        assert_eq!(rejected.check(ProposalAction::Appeal), Ok(()));
        let late = ProposalState {
            now: Timestamp(1_000_000 + 5 * 86_400),
            ..rejected
        };
        assert_eq!(
            late.check(ProposalAction::Appeal),
            Err(ProposalError::AppealTooLate)
        );
        assert!(
            !late.allowed().contains(&ProposalAction::Appeal),
            "no button after the deadline"
        );
        let twice = ProposalState {
            appealed: true,
            ..rejected
        };
        assert_eq!(
            twice.check(ProposalAction::Appeal),
            Err(ProposalError::WrongState)
        );
        let voting = state(ProposalStatus::Rejected, Phase::Voting);
        assert_eq!(
            voting.check(ProposalAction::Appeal),
            Err(ProposalError::WrongState)
        );
    }

    #[test]
    fn appeals_are_decided_before_voting_only() {
        let appealed = state(ProposalStatus::Appealed, Phase::Appeals);
        assert_eq!(appealed.check(ProposalAction::DecideAppeal), Ok(()));
        let voting = state(ProposalStatus::Appealed, Phase::Voting);
        assert_eq!(
            voting.check(ProposalAction::DecideAppeal),
            Err(ProposalError::WrongState)
        );
        assert!(voting.allowed().is_empty());
    }
}
