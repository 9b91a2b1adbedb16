//! Participatory-budget rounds: set-up, proposals, verification and appeals, voting
//! sealed to the election committee, paper ballots, the committee's count, and results
//! counted by the counting engine from the very `.pb` file the round publishes.
//!
//! Split as the web pages are: [`rounds`], [`proposals`], [`images`], [`voting`],
//! [`paper`], [`tally`], [`results`] (with the stored [`report`]), [`import`].

mod error;
mod exports;
mod images;
mod import;
mod paper;
mod proposals;
mod report;
mod results;
mod rounds;
mod tally;
mod visibility;
mod voting;

pub use error::{all_codes, BudgetError};
pub use exports::Export;
pub(crate) use exports::ExportCache;
pub use paper::{PaperEntry, PaperOutcome};
pub use results::{PoolResult, ProjectOutcome, Publication, Report, TieNote, VoidCount};
pub use rounds::NewRound;
pub(crate) use voting::account_key_before_persons;
pub use voting::{BallotCast, Desk, VoterStatus};
pub use wspolnota_store::budget::{
    Duplicate, ImageInfo, PaperSheet, Pool, Proposal, Resident, Round, RoundRules, StoredResult,
};

use crate::AppError;
use wspolnota_domain::budget::LineItem;
use wspolnota_domain::pb::Money;

/// What a resident writes in a proposal.
#[derive(Debug, Clone, Default)]
pub struct ProposalForm {
    pub pool_id: i64,
    pub title: String,
    pub description_md: String,
    pub place: String,
    pub items: Vec<LineItem>,
}

/// A verification decision.
#[derive(Debug, Clone, Default)]
pub struct VerificationForm {
    pub accepted: bool,
    pub reason: String,
    /// A changed cost, in grosze; `None` keeps the author's estimate.
    pub verified_cost: Option<Money>,
    pub cost_justification: String,
}

fn refused(e: impl Into<BudgetError>) -> AppError {
    AppError::Budget(e.into())
}
