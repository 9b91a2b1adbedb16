//! Who may do what in a cooperative. The board keeps the register and decides
//! declarations; the supervisory board oversees and (by default) hears appeals;
//! members inspect the register as the statute allows; the public sees counts.
//! Reached from [`crate::access::can`] like every module's policy.

use super::settings::AppealBody;
use crate::access::{SpaceRole, Subject};
use crate::ids::{OrgId, UserId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoopAction {
    /// The public page: how to become a co-owner, counts by kind, public summaries.
    ViewPublic,
    /// Declare membership, in one's own name or for an organisation one represents.
    Declare { on_behalf_of: Option<OrgId> },
    /// See the declarations waiting and decided.
    ViewDeclarations,
    /// See one declaration: its applicant and those who decide.
    ViewDeclaration { applicant: Option<UserId> },
    /// Admit or refuse; enter a paper declaration.
    DecideDeclarations,
    /// Appeal a refusal: the applicant.
    Appeal { applicant: Option<UserId> },
    /// Record the appeal body's decision.
    DecideAppeal { body: AppealBody },
    /// Inspect the register (members see what the statute lets them).
    ViewRegister,
    /// See every column of the register (addresses of natural persons included).
    ViewRegisterInFull,
    /// See one member's entries and ledger.
    ViewMember { member_user: Option<UserId> },
    /// Record payments, refunds, endings, corrections, approved statements.
    KeepRegister,
    /// Give notice of exit: the member, or the board entering a written notice.
    GiveNotice { member_user: Option<UserId> },
    /// Statute settings, stage, founders, registration, the board's members.
    ManageCooperative,
    /// Create and manage co-investment projects and the asset register.
    ManageInvestments,
    /// Pledge money to a project, for oneself or an organisation one represents.
    Pledge { on_behalf_of: Option<OrgId> },
    /// See members-only details of projects and assets.
    ViewMembersDetails,
    /// The board's overview of what waits.
    ViewOverview,
}

/// Decides whether `s` may perform `action` in the cooperative of the space.
pub fn can(s: &Subject, action: CoopAction) -> bool {
    let logged_in = s.is_logged_in();
    let board = s.has(SpaceRole::Board);
    let supervisory = s.has(SpaceRole::SupervisoryBoard);
    let overseer = board || supervisory || s.platform_admin;
    match action {
        CoopAction::ViewPublic => true,
        CoopAction::Declare { on_behalf_of: None } => logged_in,
        CoopAction::Declare {
            on_behalf_of: Some(org),
        }
        | CoopAction::Pledge {
            on_behalf_of: Some(org),
        } => logged_in && s.represents(org),
        CoopAction::Pledge { on_behalf_of: None } => logged_in,
        CoopAction::ViewDeclarations | CoopAction::ViewRegisterInFull => overseer,
        CoopAction::ViewDeclaration { applicant }
        | CoopAction::ViewMember {
            member_user: applicant,
        } => overseer || (logged_in && applicant.is_some() && applicant == s.user),
        CoopAction::DecideDeclarations
        | CoopAction::KeepRegister
        | CoopAction::ManageInvestments => board,
        CoopAction::Appeal { applicant } => logged_in && applicant.is_some() && applicant == s.user,
        CoopAction::DecideAppeal { body } => match body {
            AppealBody::SupervisoryBoard => supervisory,
            // The board records what the general assembly resolved.
            AppealBody::GeneralAssembly => board,
        },
        CoopAction::ViewRegister | CoopAction::ViewMembersDetails => overseer || s.space_member,
        CoopAction::GiveNotice { member_user } => {
            board || (logged_in && member_user.is_some() && member_user == s.user)
        }
        CoopAction::ManageCooperative => s.space_admin || s.platform_admin,
        CoopAction::ViewOverview => board || supervisory || s.space_admin || s.platform_admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: i64) -> Subject {
        Subject {
            user: Some(UserId(id)),
            ..Subject::default()
        }
    }

    fn with(role: SpaceRole, id: i64) -> Subject {
        Subject {
            space_roles: vec![role],
            ..person(id)
        }
    }

    #[test]
    fn the_board_keeps_the_register() {
        let board = with(SpaceRole::Board, 1);
        let sup = with(SpaceRole::SupervisoryBoard, 2);
        let member = Subject {
            space_member: true,
            ..person(3)
        };
        assert!(can(&board, CoopAction::DecideDeclarations));
        assert!(can(&board, CoopAction::KeepRegister));
        assert!(!can(&sup, CoopAction::KeepRegister));
        assert!(can(&sup, CoopAction::ViewRegisterInFull));
        assert!(!can(&member, CoopAction::ViewRegisterInFull));
        assert!(can(&member, CoopAction::ViewRegister));
        assert!(!can(&person(4), CoopAction::ViewRegister));
        assert!(can(&Subject::visitor(), CoopAction::ViewPublic));
        assert!(!can(
            &Subject::visitor(),
            CoopAction::Declare { on_behalf_of: None }
        ));
    }

    #[test]
    fn appeals_go_to_the_body_the_statute_names() {
        let board = with(SpaceRole::Board, 1);
        let sup = with(SpaceRole::SupervisoryBoard, 2);
        assert!(can(
            &sup,
            CoopAction::DecideAppeal {
                body: AppealBody::SupervisoryBoard
            }
        ));
        assert!(!can(
            &board,
            CoopAction::DecideAppeal {
                body: AppealBody::SupervisoryBoard
            }
        ));
        assert!(can(
            &board,
            CoopAction::DecideAppeal {
                body: AppealBody::GeneralAssembly
            }
        ));
        let applicant = person(9);
        assert!(can(
            &applicant,
            CoopAction::Appeal {
                applicant: Some(UserId(9))
            }
        ));
        assert!(!can(
            &applicant,
            CoopAction::Appeal {
                applicant: Some(UserId(8))
            }
        ));
        assert!(!can(&applicant, CoopAction::Appeal { applicant: None }));
    }

    #[test]
    fn organisations_declare_through_representatives() {
        let mut rep = person(5);
        assert!(!can(
            &rep,
            CoopAction::Declare {
                on_behalf_of: Some(OrgId(1))
            }
        ));
        rep.org_roles
            .push((OrgId(1), crate::org::OrgRole::Representative));
        assert!(can(
            &rep,
            CoopAction::Declare {
                on_behalf_of: Some(OrgId(1))
            }
        ));
        assert!(!can(
            &rep,
            CoopAction::Declare {
                on_behalf_of: Some(OrgId(2))
            }
        ));
    }
}
