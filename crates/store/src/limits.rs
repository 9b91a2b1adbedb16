//! Rate counters: how often a key (an address, a client address and what it asks
//! for) was used within a fixed window.
//!
//! One upsert counts and reads in a single statement, so two parallel requests can
//! never both see the last allowed count: on SQLite writes are serialised, on
//! PostgreSQL `ON CONFLICT DO UPDATE` locks the row.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;

/// The hits of a key within its current window, this one included, and when the window began.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub hits: i64,
    pub window_start: Timestamp,
}

/// Counts one hit of `key`; a window older than `window_secs` starts afresh.
pub async fn hit(
    c: &mut Conn,
    key: &str,
    now: Timestamp,
    window_secs: i64,
) -> Result<Count, StoreError> {
    let row = sqlx::query(
        "INSERT INTO rate_counters (counter_key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (counter_key) DO UPDATE SET \
           hits = CASE WHEN rate_counters.window_start <= $3 THEN 1 ELSE rate_counters.hits + 1 END, \
           window_start = CASE WHEN rate_counters.window_start <= $3 THEN $2 ELSE rate_counters.window_start END \
         RETURNING hits, window_start",
    )
    .bind(key)
    .bind(now.0)
    .bind(now.0 - window_secs)
    .fetch_one(c)
    .await?;
    Ok(Count {
        hits: row.try_get("hits")?,
        window_start: Timestamp(row.try_get("window_start")?),
    })
}

/// Forgets a key (after a successful login, its failures no longer count).
pub async fn clear(c: &mut Conn, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM rate_counters WHERE counter_key = $1")
        .bind(key)
        .execute(c)
        .await?;
    Ok(())
}

/// Deletes counters whose window began before `before`; run by the clean-up job.
pub async fn delete_stale(c: &mut Conn, before: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM rate_counters WHERE window_start < $1")
        .bind(before.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}
