//! Persistence of Wspólnota on SQLite (embedded, the default) and PostgreSQL.
//!
//! Every query is written once, in SQL both backends understand (numbered `$1`
//! parameters, `RETURNING`, `ON CONFLICT`), and runs through sqlx's `Any` driver.
//! Times are stored as Unix seconds and flags as 0/1 integers, the types both
//! backends share. Each backend has its own migration tree with the same file names.

pub mod api_tokens;
pub mod assembly;
pub mod audit;
pub mod budget;
pub mod coop;
mod db;
mod error;
pub mod files;
mod group_commit;
pub mod limits;
pub mod modules;
pub mod orgs;
pub mod outbox;
pub mod personal_data;
pub mod sessions;
pub mod signatures;
pub mod spaces;
pub mod users;

pub use db::{count_rows, lock_round, Backend, Conn, Store, Tx};
pub use error::StoreError;
