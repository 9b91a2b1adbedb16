//! Paper ballots as entered by staff: each sheet twice, by two different people. An
//! entry keeps a keyed digest of who and what was on the sheet, never the choices.

use super::corrupt;
use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::budget::SheetStatus;
use wspolnota_domain::ids::UserId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperSheet {
    pub pool_id: i64,
    pub sheet: String,
    pub person_key: String,
    pub district: Option<String>,
    pub first_by: Option<UserId>,
    pub first_digest: String,
    pub second_by: Option<UserId>,
    pub status: SheetStatus,
}

const COLUMNS: &str =
    "pool_id, sheet, person_key, district, first_by, first_digest, second_by, status";

fn sheet_from_row(r: &AnyRow) -> Result<PaperSheet, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(PaperSheet {
        pool_id: r.try_get("pool_id")?,
        sheet: r.try_get("sheet")?,
        person_key: r.try_get("person_key")?,
        district: r.try_get("district")?,
        first_by: r.try_get::<Option<i64>, _>("first_by")?.map(UserId),
        first_digest: r.try_get("first_digest")?,
        second_by: r.try_get::<Option<i64>, _>("second_by")?.map(UserId),
        status: SheetStatus::parse(&status).ok_or_else(|| corrupt("sheet status", &status))?,
    })
}

pub async fn paper_sheet(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
) -> Result<Option<PaperSheet>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM budget_paper WHERE pool_id = $1 AND sheet = $2");
    let row = sqlx::query(&sql)
        .bind(pool)
        .bind(sheet)
        .fetch_optional(c)
        .await?;
    row.as_ref().map(sheet_from_row).transpose()
}

pub async fn paper_sheets(c: &mut Conn, pool: i64) -> Result<Vec<PaperSheet>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM budget_paper WHERE pool_id = $1 ORDER BY sheet");
    let rows = sqlx::query(&sql).bind(pool).fetch_all(c).await?;
    rows.iter().map(sheet_from_row).collect()
}

/// Sheets of a pool still waiting for a second entry or an admin's reading.
pub async fn unsettled_sheets(c: &mut Conn, pool: i64) -> Result<i64, StoreError> {
    let rows = sqlx::query(
        "SELECT status, COUNT(*) AS n FROM budget_paper WHERE pool_id = $1 GROUP BY status",
    )
    .bind(pool)
    .fetch_all(c)
    .await?;
    let mut unsettled = 0;
    for r in &rows {
        let status: String = r.try_get("status")?;
        // Which states wait for someone is the domain's rule, not this query's.
        let status = SheetStatus::parse(&status).ok_or_else(|| corrupt("sheet status", &status))?;
        if status.unsettled() {
            unsettled += r.try_get::<i64, _>("n")?;
        }
    }
    Ok(unsettled)
}

pub struct FirstEntry<'a> {
    pub pool: i64,
    pub sheet: &'a str,
    pub person_key: &'a str,
    pub district: Option<&'a str>,
    pub by: UserId,
    pub digest: &'a str,
}

pub async fn insert_paper_first(c: &mut Conn, e: &FirstEntry<'_>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_paper (pool_id, sheet, person_key, district, first_by, first_digest, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(e.pool)
    .bind(e.sheet)
    .bind(e.person_key)
    .bind(e.district)
    .bind(e.by.0)
    .bind(e.digest)
    .bind(SheetStatus::Pending.as_str())
    .execute(c)
    .await?;
    Ok(())
}

/// Records the second entry and its outcome; false if the sheet was no longer pending.
pub async fn set_paper_second(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
    by: UserId,
    digest: &str,
    status: SheetStatus,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_paper SET second_by = $1, second_digest = $2, status = $3 WHERE pool_id = $4 AND sheet = $5 AND status = $6",
    )
    .bind(by.0)
    .bind(digest)
    .bind(status.as_str())
    .bind(pool)
    .bind(sheet)
    .bind(SheetStatus::Pending.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Settles a mismatched sheet with what the paper says: who (and the outcome);
/// false if it was not a mismatch any more.
pub async fn resolve_paper(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
    person_key: &str,
    by: UserId,
    status: SheetStatus,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_paper SET status = $1, resolved_by = $2, person_key = $3 WHERE pool_id = $4 AND sheet = $5 AND status = $6",
    )
    .bind(status.as_str())
    .bind(by.0)
    .bind(person_key)
    .bind(pool)
    .bind(sheet)
    .bind(SheetStatus::Mismatch.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}
