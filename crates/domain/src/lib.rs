//! Pure rules of Wspólnota. Nothing here performs I/O: no clock reads, no database,
//! no network. Callers pass time in through [`clock::Clock`] and persist the results.
#![forbid(unsafe_code)]

pub mod pb;
pub mod vote;
