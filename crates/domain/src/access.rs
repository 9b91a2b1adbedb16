//! Who may do what: the one place where permissions are decided.
//!
//! The caller gathers the facts about the person and the target (is she a
//! platform admin, an admin or member of this space, a representative of that
//! organisation) into a [`Subject`]; [`can`] decides. Nothing else in the code
//! base makes a permission decision.

use crate::ids::{OrgId, UserId};
use crate::org::OrgRole;

/// The facts about the person asking, relative to the thing asked about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Subject {
    /// `None` for a visitor who is not logged in.
    pub user: Option<UserId>,
    pub platform_admin: bool,
    /// Admin of the space the action concerns.
    pub space_admin: bool,
    /// Active member of the space the action concerns.
    pub space_member: bool,
    /// Organisations the person may act for, with the role held.
    pub org_roles: Vec<(OrgId, OrgRole)>,
    /// Assigned to verify the proposals of the participatory-budget round in question.
    pub budget_official: bool,
    /// Roles held in the space's bodies (the cooperative's board, its supervisory board).
    pub space_roles: Vec<SpaceRole>,
}

/// A role a person holds in one space, granted by its admins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpaceRole {
    /// The cooperative's board (zarząd): keeps the register, decides declarations.
    Board,
    /// The supervisory board (rada nadzorcza): oversees, hears appeals.
    SupervisoryBoard,
}

impl SpaceRole {
    pub const ALL: [SpaceRole; 2] = [SpaceRole::Board, SpaceRole::SupervisoryBoard];

    pub fn as_str(self) -> &'static str {
        match self {
            SpaceRole::Board => "board",
            SpaceRole::SupervisoryBoard => "supervisory_board",
        }
    }

    pub fn parse(value: &str) -> Option<SpaceRole> {
        SpaceRole::ALL.into_iter().find(|r| r.as_str() == value)
    }
}

impl Subject {
    pub fn visitor() -> Subject {
        Subject::default()
    }

    pub fn is_logged_in(&self) -> bool {
        self.user.is_some()
    }

    /// Whether the subject holds `role` in the space the action concerns.
    pub fn has(&self, role: SpaceRole) -> bool {
        self.space_roles.contains(&role)
    }

    /// Whether the subject may act for `org` (as its admin or representative).
    pub fn represents(&self, org: OrgId) -> bool {
        self.role_in(org).is_some()
    }

    fn role_in(&self, org: OrgId) -> Option<OrgRole> {
        self.org_roles
            .iter()
            .find(|(o, _)| *o == org)
            .map(|(_, r)| *r)
    }

    /// The most specific role the subject holds, for display and for the route × role tests.
    pub fn role(&self) -> Role {
        if self.platform_admin {
            Role::PlatformAdmin
        } else if self.space_admin {
            Role::SpaceAdmin
        } else if self.space_member {
            Role::Member
        } else if !self.org_roles.is_empty() {
            Role::OrgRepresentative
        } else if self.user.is_some() {
            Role::Resident
        } else {
            Role::Visitor
        }
    }
}

/// The roles named in the platform's rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    PlatformAdmin,
    SpaceAdmin,
    Member,
    OrgRepresentative,
    Resident,
    Visitor,
}

/// Everything a person can ask to do that needs a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See a space, its current document and list of allies. Public.
    ViewSpace,
    CreateSpace,
    /// Edit a space's description or publish a new version of its document.
    EditSpace,
    /// Sign the space's declaration, in one's own name or for an organisation.
    Sign {
        on_behalf_of: Option<OrgId>,
    },
    /// Approve or reject pending signatures.
    DecideMembership,
    /// Withdraw a signature made by `signer` (and for `org`, if any).
    Withdraw {
        signer: Option<UserId>,
        org: Option<OrgId>,
    },
    ViewAuditLog,
    /// Switch a space's modules (participatory budget, …) on or off.
    ManageModules,
    /// See the list of members with their contact addresses.
    ViewMemberContacts,
    CreateOrganisation,
    /// Grant or revoke representatives, edit the organisation.
    ManageOrganisation {
        org: OrgId,
    },
    /// See a person's e-mail address.
    ViewEmail {
        of: UserId,
    },
    /// Read the outbox of mails not sent through SMTP.
    ViewOutbox,
    /// Set up a participatory-budget round: pools, calendar, officials; advance its
    /// phases; compute its results.
    ManageBudget,
    /// Verify proposals and decide appeals in a round.
    VerifyProposals,
    /// Enter paper ballots (each is entered twice, by two different people).
    EnterPaperBallots,
    /// Settle a paper ballot whose two entries disagree.
    ResolvePaperBallots,
    /// Submit or support a proposal, or vote, as a resident.
    TakePartInBudget,
    /// Edit or withdraw a proposal written by `author`.
    EditProposal {
        author: Option<UserId>,
    },
    /// See a round's results: everyone once the committee's count is `published`;
    /// before, those who manage the round (to check what a computation gives).
    ViewBudgetResults {
        published: bool,
    },
    /// Download a pool's ballots (`.pb`), results (CSV) and receipts: only published
    /// results, for everyone; nothing leaves before the count, whoever asks.
    DownloadBudgetResults {
        published: bool,
    },
    /// Anything in a cooperative; its own policy decides.
    Coop(crate::coop::access::CoopAction),
    /// The bodies of a space; the assemblies module's policy decides.
    Assembly(crate::assembly::access::AssemblyAction),
}

/// Decides whether `subject` may perform `action`.
pub fn can(subject: &Subject, action: Action) -> bool {
    let logged_in = subject.is_logged_in();
    match action {
        Action::ViewSpace => true,
        Action::CreateSpace => subject.platform_admin,
        Action::EditSpace
        | Action::DecideMembership
        | Action::ViewAuditLog
        | Action::ManageModules
        | Action::ViewMemberContacts => subject.platform_admin || subject.space_admin,
        Action::Sign { on_behalf_of: None } => logged_in,
        Action::Sign {
            on_behalf_of: Some(org),
        } => logged_in && subject.role_in(org).is_some(),
        Action::Withdraw { signer, org } => {
            let own = logged_in && signer.is_some() && signer == subject.user && org.is_none();
            let for_org = org.is_some_and(|o| subject.role_in(o).is_some());
            own || for_org || subject.space_admin || subject.platform_admin
        }
        Action::CreateOrganisation => logged_in,
        Action::ManageOrganisation { org } => {
            subject.platform_admin || subject.role_in(org) == Some(OrgRole::Admin)
        }
        Action::ViewEmail { of } => subject.platform_admin || subject.user == Some(of),
        Action::ViewOutbox => subject.platform_admin,
        Action::ManageBudget => subject.platform_admin || subject.space_admin,
        Action::VerifyProposals => {
            subject.platform_admin || subject.space_admin || subject.budget_official
        }
        Action::EnterPaperBallots => {
            subject.platform_admin || subject.space_admin || subject.budget_official
        }
        Action::ResolvePaperBallots => subject.platform_admin || subject.space_admin,
        Action::TakePartInBudget => logged_in,
        Action::EditProposal { author } => logged_in && author.is_some() && author == subject.user,
        Action::ViewBudgetResults { published } => {
            published || subject.platform_admin || subject.space_admin
        }
        Action::DownloadBudgetResults { published } => published,
        Action::Coop(a) => crate::coop::access::can(subject, a),
        Action::Assembly(a) => crate::assembly::access::can(subject, a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resident(id: i64) -> Subject {
        Subject {
            user: Some(UserId(id)),
            ..Subject::default()
        }
    }

    #[test]
    fn visitors_only_look() {
        let v = Subject::visitor();
        assert!(can(&v, Action::ViewSpace));
        assert!(!can(&v, Action::Sign { on_behalf_of: None }));
        assert!(!can(&v, Action::CreateOrganisation));
        assert!(!can(&v, Action::ViewEmail { of: UserId(1) }));
        assert_eq!(v.role(), Role::Visitor);
    }

    #[test]
    fn signing_for_an_organisation_needs_representation() {
        let mut r = resident(1);
        assert!(can(&r, Action::Sign { on_behalf_of: None }));
        assert!(!can(
            &r,
            Action::Sign {
                on_behalf_of: Some(OrgId(7))
            }
        ));
        r.org_roles.push((OrgId(7), OrgRole::Representative));
        assert!(can(
            &r,
            Action::Sign {
                on_behalf_of: Some(OrgId(7))
            }
        ));
        assert!(!can(
            &r,
            Action::Sign {
                on_behalf_of: Some(OrgId(8))
            }
        ));
        assert_eq!(r.role(), Role::OrgRepresentative);
    }

    #[test]
    fn only_org_admins_manage_an_organisation() {
        let mut r = resident(1);
        r.org_roles.push((OrgId(7), OrgRole::Representative));
        assert!(!can(&r, Action::ManageOrganisation { org: OrgId(7) }));
        r.org_roles[0].1 = OrgRole::Admin;
        assert!(can(&r, Action::ManageOrganisation { org: OrgId(7) }));
        let admin = Subject {
            platform_admin: true,
            ..resident(2)
        };
        assert!(can(&admin, Action::ManageOrganisation { org: OrgId(7) }));
    }

    #[test]
    fn withdrawing() {
        let me = resident(1);
        assert!(can(
            &me,
            Action::Withdraw {
                signer: Some(UserId(1)),
                org: None
            }
        ));
        assert!(!can(
            &me,
            Action::Withdraw {
                signer: Some(UserId(2)),
                org: None
            }
        ));
        assert!(!can(
            &me,
            Action::Withdraw {
                signer: Some(UserId(1)),
                org: Some(OrgId(3))
            }
        ));
        let space_admin = Subject {
            space_admin: true,
            ..resident(5)
        };
        assert!(can(
            &space_admin,
            Action::Withdraw {
                signer: Some(UserId(2)),
                org: None
            }
        ));
    }

    #[test]
    fn space_administration() {
        let member = Subject {
            space_member: true,
            ..resident(1)
        };
        assert!(!can(&member, Action::ViewAuditLog));
        assert!(!can(&member, Action::DecideMembership));
        assert_eq!(member.role(), Role::Member);
        let admin = Subject {
            space_admin: true,
            ..resident(1)
        };
        assert!(can(&admin, Action::ViewAuditLog));
        assert!(can(&admin, Action::EditSpace));
        assert!(!can(&admin, Action::CreateSpace));
        assert!(!can(&admin, Action::ViewOutbox));
    }

    #[test]
    fn participatory_budget_roles() {
        let resident = resident(1);
        assert!(can(&resident, Action::TakePartInBudget));
        assert!(!can(&Subject::visitor(), Action::TakePartInBudget));
        assert!(!can(&resident, Action::VerifyProposals));
        let official = Subject {
            budget_official: true,
            ..resident.clone()
        };
        assert!(can(&official, Action::VerifyProposals));
        assert!(!can(&official, Action::ManageBudget));
        assert!(can(
            &resident,
            Action::EditProposal {
                author: Some(UserId(1))
            }
        ));
        assert!(!can(
            &resident,
            Action::EditProposal {
                author: Some(UserId(2))
            }
        ));
        assert!(!can(&resident, Action::EditProposal { author: None }));
        let admin = Subject {
            space_admin: true,
            ..resident
        };
        assert!(can(&admin, Action::ManageBudget) && can(&admin, Action::VerifyProposals));
    }

    #[test]
    fn only_admins_switch_modules() {
        let member = Subject {
            space_member: true,
            ..resident(1)
        };
        assert!(!can(&Subject::visitor(), Action::ManageModules));
        assert!(!can(&resident(1), Action::ManageModules));
        assert!(!can(&member, Action::ManageModules));
        let official = Subject {
            budget_official: true,
            ..resident(1)
        };
        assert!(!can(&official, Action::ManageModules));
        let space_admin = Subject {
            space_admin: true,
            ..resident(1)
        };
        assert!(can(&space_admin, Action::ManageModules));
        let platform = Subject {
            platform_admin: true,
            ..resident(2)
        };
        assert!(can(&platform, Action::ManageModules));
    }

    #[test]
    fn emails_are_private() {
        let me = resident(1);
        assert!(can(&me, Action::ViewEmail { of: UserId(1) }));
        assert!(!can(&me, Action::ViewEmail { of: UserId(2) }));
    }
}
