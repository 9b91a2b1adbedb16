//! Votes and decisions of assemblies, coalitions and networks: motions (yes / no / abstain
//! with quorum and majority), polls (single choice, approval, score, dot voting), ranked
//! ballots (instant-runoff, single transferable vote, Schulze) and Loomio-style proposals
//! decided by consent. All counts are exact (integers or rationals).
//!
//! Options and candidates are numbered `0..n`; ballots refer to them by number.

mod consent;
mod motion;
mod poll;
mod ranked;

pub use consent::{count_proposal, DecisionMode, Position, ProposalOutcome, ProposalResult};
pub use motion::{
    count_motion, count_motion_present, Abstentions, Choice, Majority, MotionOutcome, MotionResult,
    MotionRules, Quorum,
};
pub use poll::{approval, dot_voting, score_voting, single_choice, PollResult};
pub use ranked::{
    droop_quota, instant_runoff, schulze, single_transferable_vote, IrvResult, IrvRound,
    SchulzeResult, StvEvent, StvResult, StvRound,
};

/// A ballot or a setting that cannot be counted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("ballot {ballot}: option {option} does not exist (there are {options})")]
    UnknownOption {
        ballot: usize,
        option: usize,
        options: usize,
    },
    #[error("ballot {ballot}: option {option} appears twice")]
    DuplicateOption { ballot: usize, option: usize },
    #[error("ballot {ballot}: {chosen} choices, at most {max} allowed")]
    TooManyChoices {
        ballot: usize,
        chosen: usize,
        max: usize,
    },
    #[error("ballot {ballot}: score {score} outside {min}..={max}")]
    ScoreOutOfRange {
        ballot: usize,
        score: i64,
        min: i64,
        max: i64,
    },
    #[error("ballot {ballot}: {spent} points, only {budget} per voter")]
    OverBudget {
        ballot: usize,
        spent: u64,
        budget: u64,
    },
    #[error("ballot {ballot}: {found} scores for {options} options")]
    WrongLength {
        ballot: usize,
        found: usize,
        options: usize,
    },
    #[error("there must be at least one option")]
    NoOptions,
    #[error("the number of seats must be between 1 and the number of candidates")]
    BadSeats,
    #[error("more votes ({votes}) than members entitled to vote ({entitled})")]
    MoreVotesThanMembers { votes: u64, entitled: u64 },
    #[error("invalid quorum")]
    BadQuorum,
    #[error("invalid majority")]
    BadMajority,
}

impl VoteError {
    /// A stable machine-readable code such as `vote.ballot.unknown_option`.
    pub fn code(&self) -> &'static str {
        match self {
            VoteError::UnknownOption { .. } => "vote.ballot.unknown_option",
            VoteError::DuplicateOption { .. } => "vote.ballot.duplicate_option",
            VoteError::TooManyChoices { .. } => "vote.ballot.too_many_choices",
            VoteError::ScoreOutOfRange { .. } => "vote.ballot.score_out_of_range",
            VoteError::OverBudget { .. } => "vote.ballot.over_budget",
            VoteError::WrongLength { .. } => "vote.ballot.wrong_length",
            VoteError::NoOptions => "vote.setup.no_options",
            VoteError::BadSeats => "vote.setup.bad_seats",
            VoteError::MoreVotesThanMembers { .. } => "vote.tally.more_votes_than_members",
            VoteError::BadQuorum => "vote.setup.bad_quorum",
            VoteError::BadMajority => "vote.setup.bad_majority",
        }
    }
}

/// Checks that a ballot lists existing options, each at most once.
pub(crate) fn check_list(ballot: usize, list: &[usize], options: usize) -> Result<(), VoteError> {
    let mut seen = vec![false; options];
    for &o in list {
        if o >= options {
            return Err(VoteError::UnknownOption {
                ballot,
                option: o,
                options,
            });
        }
        if seen[o] {
            return Err(VoteError::DuplicateOption { ballot, option: o });
        }
        seen[o] = true;
    }
    Ok(())
}
