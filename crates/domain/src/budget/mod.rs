//! Rules of a participatory-budget round (budżet obywatelski): its phases, its
//! pools and ballots, and the life of a proposal. Counting itself is
//! [`crate::pb`]; this module decides what may happen when, and what a valid
//! ballot is.

mod ballot;
mod lifecycle;
mod phase;
mod proposal;
pub mod register;
pub mod secrecy;
mod shamir;
mod sheet;

pub use ballot::{
    decode as decode_ballot, encode as encode_ballot, validate_ballot, BallotError, BallotKind,
    Choice,
};
pub use lifecycle::{ProposalAction, ProposalState};
pub use phase::{Calendar, CalendarError, Phase};
pub use proposal::{
    cost_total, image_type, LineItem, ProposalError, ProposalLimits, ProposalStatus, MAX_IMAGES,
    MAX_IMAGE_BYTES, MAX_LINE_ITEMS,
};
pub use sheet::{SheetError, SheetStatus, SheetStep};

use crate::DomainError;

/// How a pool's winners are chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountingRule {
    /// Projects by votes, each funded if it still fits; projects under `min_votes` are
    /// not funded (Warsaw: 50 or 100).
    Greedy { min_votes: u32 },
    /// The Method of Equal Shares with Add1 completion, then greedy for what is left.
    EqualShares,
}

impl CountingRule {
    pub fn code(self) -> &'static str {
        match self {
            CountingRule::Greedy { .. } => "greedy",
            CountingRule::EqualShares => "mes-cost-add1",
        }
    }

    pub fn parse(code: &str, min_votes: u32) -> Result<CountingRule, DomainError> {
        match code {
            "greedy" => Ok(CountingRule::Greedy { min_votes }),
            "mes-cost-add1" => Ok(CountingRule::EqualShares),
            _ => Err(DomainError::UnknownKind),
        }
    }
}
