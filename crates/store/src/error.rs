//! Driver errors mapped, in this one place, to what callers can act on.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness or reference rule of the schema refused the write.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database cannot be reached or is locked by another process.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A legal record (the member register, a ledger) refused an edit or a deletion.
    #[error("append-only record: {0}")]
    AppendOnly(String),
    #[error("database error: {0}")]
    Other(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) => {
                if db.is_unique_violation()
                    || db.is_foreign_key_violation()
                    || db.is_check_violation()
                {
                    StoreError::Conflict(db.message().to_string())
                } else if db.message().contains("append-only") {
                    StoreError::AppendOnly(db.message().to_string())
                } else if db.message().contains("locked") || db.message().contains("busy") {
                    StoreError::Unavailable(db.message().to_string())
                } else {
                    StoreError::Other(db.message().to_string())
                }
            }
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
                StoreError::Unavailable(e.to_string())
            }
            _ => StoreError::Other(e.to_string()),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Other(e.to_string())
    }
}
