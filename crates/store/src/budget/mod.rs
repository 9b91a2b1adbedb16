//! Participatory-budget rounds, split as the capability is: rounds and pools,
//! proposals, images, voting (the register, sealed ballots, codes, sheets), paper
//! entries, and counted ballots with results.

mod images;
mod paper;
mod proposals;
mod results;
mod rounds;
mod voting;

pub use images::*;
pub use paper::*;
pub use proposals::*;
pub use results::*;
pub use rounds::*;
pub use voting::*;

use crate::StoreError;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Other(format!("stored {what} not understood: {value}"))
}
