//! Counted ballots (written by the committee's count in random order), their receipts,
//! and the stored results of each computation.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;

/// Writes one counted ballot under a random token.
pub async fn insert_ballot(
    c: &mut Conn,
    token: &str,
    pool: i64,
    receipt_hash: Option<&str>,
    choices: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_ballots (token, pool_id, receipt_hash, choices) VALUES ($1, $2, $3, $4)")
        .bind(token)
        .bind(pool)
        .bind(receipt_hash)
        .bind(choices)
        .execute(c)
        .await?;
    Ok(())
}

/// The counted ballots of a pool as (receipt hash if published with it, stored choices),
/// in the order of their random tokens.
pub async fn ballots(c: &mut Conn, pool: i64) -> Result<Vec<(Option<String>, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT receipt_hash, choices FROM budget_ballots WHERE pool_id = $1 ORDER BY token",
    )
    .bind(pool)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("receipt_hash")?, r.try_get("choices")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn count_ballots(c: &mut Conn, pool: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM budget_ballots WHERE pool_id = $1")
            .bind(pool)
            .fetch_one(c)
            .await?,
    )
}

pub async fn insert_receipt(c: &mut Conn, pool: i64, receipt_hash: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_receipts (pool_id, receipt_hash) VALUES ($1, $2)")
        .bind(pool)
        .bind(receipt_hash)
        .execute(c)
        .await?;
    Ok(())
}

/// The receipt hashes of a pool's counted ballots, in hash order.
pub async fn receipt_hashes(c: &mut Conn, pool: i64) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT receipt_hash FROM budget_receipts WHERE pool_id = $1 ORDER BY receipt_hash",
    )
    .bind(pool)
    .fetch_all(c)
    .await?)
}

pub async fn has_receipt(c: &mut Conn, pool: i64, receipt_hash: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_receipts WHERE pool_id = $1 AND receipt_hash = $2",
    )
    .bind(pool)
    .bind(receipt_hash)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

#[derive(Debug, Clone)]
pub struct StoredResult {
    pub id: i64,
    pub pool_id: i64,
    pub computed_at: Timestamp,
    pub rule: String,
    pub ballots: i64,
    /// Winning proposal ids, comma-separated (also inside the report).
    pub winners: String,
    pub report_json: String,
}

pub async fn insert_result(
    c: &mut Conn,
    r: &StoredResult,
    by: Option<UserId>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO budget_results (pool_id, computed_at, computed_by, rule, ballots, winners, report_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(r.pool_id)
    .bind(r.computed_at.0)
    .bind(by.map(|u| u.0))
    .bind(r.rule.as_str())
    .bind(r.ballots)
    .bind(r.winners.as_str())
    .bind(r.report_json.as_str())
    .fetch_one(c)
    .await?)
}

pub async fn latest_result(c: &mut Conn, pool: i64) -> Result<Option<StoredResult>, StoreError> {
    let row = sqlx::query(
        "SELECT id, pool_id, computed_at, rule, ballots, winners, report_json FROM budget_results \
         WHERE pool_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(pool)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(StoredResult {
            id: r.try_get("id")?,
            pool_id: r.try_get("pool_id")?,
            computed_at: Timestamp(r.try_get("computed_at")?),
            rule: r.try_get("rule")?,
            ballots: r.try_get("ballots")?,
            winners: r.try_get("winners")?,
            report_json: r.try_get("report_json")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// A pool's published file as stored once for one result: its tag and its bytes.
pub async fn export(
    c: &mut Conn,
    pool: i64,
    result: i64,
    kind: &str,
) -> Result<Option<(String, Vec<u8>)>, StoreError> {
    let row = sqlx::query(
        "SELECT etag, body FROM budget_exports WHERE pool_id = $1 AND result_id = $2 AND kind = $3",
    )
    .bind(pool)
    .bind(result)
    .bind(kind)
    .fetch_optional(c)
    .await?;
    row.map(|r| Ok((r.try_get("etag")?, r.try_get("body")?)))
        .transpose()
        .map_err(|e: sqlx::Error| e.into())
}

/// Stores a pool's published file for one result; the first one stored stays, so
/// every web node serves the same bytes.
pub async fn insert_export(
    c: &mut Conn,
    pool: i64,
    result: i64,
    kind: &str,
    etag: &str,
    body: &[u8],
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_exports (pool_id, result_id, kind, etag, body) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT DO NOTHING",
    )
    .bind(pool)
    .bind(result)
    .bind(kind)
    .bind(etag)
    .bind(body.to_vec())
    .execute(c)
    .await?;
    Ok(())
}

/// The id of a pool's latest stored result: the version its published files follow.
pub async fn latest_result_id(c: &mut Conn, pool: i64) -> Result<Option<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM budget_results WHERE pool_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(pool)
    .fetch_optional(c)
    .await?)
}
