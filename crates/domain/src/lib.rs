//! Pure rules of Wspólnota. Nothing here performs I/O: no clock reads, no database,
//! no network. Callers pass time in through [`clock::Clock`] and persist the results.
#![forbid(unsafe_code)]

pub mod access;
pub mod assembly;
pub mod budget;
pub mod clock;
pub mod coop;
pub mod date;
pub mod error;
pub mod file;
pub mod ids;
pub mod module;
pub mod org;
pub mod paging;
pub mod pb;
pub mod registry_numbers;
pub mod space;
pub mod text;
pub mod vote;

pub use error::DomainError;
