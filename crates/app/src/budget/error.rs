//! The refusals of the participatory budget, typed. Each has a stable code (also its
//! translation id) and says once whether it is a conflict with the current state.

use wspolnota_domain::budget::secrecy::SecrecyError;
use wspolnota_domain::budget::{BallotError, CalendarError, ProposalError, SheetError};

macro_rules! budget_errors {
    ($( $variant:ident => $code:literal, $conflict:literal; )*) => {
        /// A rule of the participatory budget refused the request.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
        pub enum BudgetError {
            $( #[error($code)] $variant, )*
            #[error(transparent)]
            Ballot(#[from] BallotError),
            #[error(transparent)]
            Calendar(#[from] CalendarError),
            #[error(transparent)]
            Proposal(#[from] ProposalError),
            #[error(transparent)]
            Secrecy(#[from] SecrecyError),
            #[error(transparent)]
            Sheet(#[from] SheetError),
        }

        impl BudgetError {
            pub fn code(self) -> &'static str {
                match self {
                    $( BudgetError::$variant => $code, )*
                    BudgetError::Ballot(e) => e.code(),
                    BudgetError::Calendar(e) => e.code(),
                    BudgetError::Proposal(e) => e.code(),
                    BudgetError::Secrecy(e) => e.code(),
                    BudgetError::Sheet(e) => e.code(),
                }
            }

            /// True when the request clashes with what already happened (HTTP 409);
            /// otherwise the request itself is not acceptable (HTTP 422).
            pub fn is_conflict(self) -> bool {
                match self {
                    $( BudgetError::$variant => $conflict, )*
                    BudgetError::Proposal(ProposalError::WrongState) => true,
                    BudgetError::Sheet(_) => true,
                    _ => false,
                }
            }
        }

        /// Codes of the variants without a domain error inside, for the translation test.
        pub const OWN_CODES: &[&str] = &[$($code),*];
    };
}

budget_errors! {
    BadSettings => "budget.bad_settings", false;
    WrongPhase => "budget.wrong_phase", false;
    PoolBudget => "budget.pool_budget", false;
    UnknownPool => "budget.unknown_pool", false;
    AlreadySupported => "budget.already_supported", true;
    NotEnoughSupports => "budget.not_enough_supports", false;
    VotingClosed => "budget.voting_closed", false;
    NotAResident => "budget.not_a_resident", false;
    AlreadyVoted => "budget.already_voted", true;
    ChangeNotAllowed => "budget.change_not_allowed", false;
    UnknownReceipt => "budget.unknown_receipt", false;
    UnknownCode => "budget.unknown_code", false;
    PaperSameStaff => "budget.paper_same_staff", true;
    ImageTooLarge => "budget.image_too_large", false;
    ImageType => "budget.image_type", false;
    ImageTooMany => "budget.image_too_many", false;
    TooManyProposals => "budget.too_many_proposals", false;
    UnknownDistrict => "budget.unknown_district", false;
    ImportUnreadable => "budget.import_unreadable", false;
    ImportUnsupported => "budget.import_unsupported", false;
    NoCommitteeKey => "budget.no_committee_key", false;
    CommitteeKeySet => "budget.committee_key_set", true;
    AlreadyTallied => "budget.already_tallied", true;
    NotTallied => "budget.not_tallied", false;
    PaperUnsettled => "budget.paper_unsettled", true;
    UnknownSheet => "budget.unknown_sheet", false;
    InvalidPesel => "budget.invalid_pesel", false;
    BulkCodesClosed => "budget.bulk_codes_closed", false;
}

/// Every code a budget refusal can carry, the domain's included.
pub fn all_codes() -> Vec<&'static str> {
    let mut codes = OWN_CODES.to_vec();
    codes.extend([
        "budget.calendar_out_of_order",
        "budget.phase_backwards",
        "budget.results_need_count",
        "budget.ballot_empty",
        "budget.ballot_too_many",
        "budget.ballot_too_few",
        "budget.ballot_unknown_project",
        "budget.ballot_duplicate",
        "budget.ballot_too_many_points",
        "budget.ballot_zero_points",
        "budget.ballot_settings",
        "budget.cost_required",
        "budget.cost_not_positive",
        "budget.cost_too_many_items",
        "budget.cost_too_large",
        "budget.proposal_wrong_state",
        "budget.paper_already_entered",
        "budget.paper_not_mismatch",
        "budget.appeal_too_late",
        "budget.bad_committee_key",
        "budget.bad_key_share",
        "budget.wrong_key_shares",
        "budget.sealed_unreadable",
        "budget.ballot_too_large",
        "budget.bad_committee",
    ]);
    codes
}
