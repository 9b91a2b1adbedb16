//! Who may vote and who voted (the register), the sealed ballots of a round in
//! progress, printed codes and issued paper sheets. Nothing here says what anyone voted:
//! envelopes are sealed to the election committee, and share no column with the register.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::ids::UserId;

/// A resident's declaration for a round: the name and address as the round identifies
/// people, their register key, and the district for turnout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resident {
    pub name: String,
    pub address: String,
    pub district: Option<String>,
    pub person_key: String,
}

pub async fn declare_resident(
    c: &mut Conn,
    round: i64,
    user: UserId,
    r: &Resident,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_residents (round_id, user_id, name, address, district, person_key) VALUES ($1, $2, $3, $4, $5, $6) \
         ON CONFLICT (round_id, user_id) DO UPDATE SET name = excluded.name, address = excluded.address, \
         district = excluded.district, person_key = excluded.person_key",
    )
    .bind(round)
    .bind(user.0)
    .bind(r.name.as_str())
    .bind(r.address.as_str())
    .bind(r.district.as_deref())
    .bind(r.person_key.as_str())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn resident(
    c: &mut Conn,
    round: i64,
    user: UserId,
) -> Result<Option<Resident>, StoreError> {
    let row = sqlx::query(
        "SELECT name, address, district, person_key FROM budget_residents WHERE round_id = $1 AND user_id = $2",
    )
    .bind(round)
    .bind(user.0)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(Resident {
            name: r.try_get("name")?,
            address: r.try_get("address")?,
            district: r.try_get("district")?,
            person_key: r.try_get("person_key")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// Marks that `voter_key` has voted in the pool through `channel`; false if the
/// register already has them in this pool (the transaction stays usable on both
/// backends, so the caller can record the duplicate).
pub async fn record_voter(
    c: &mut Conn,
    pool: i64,
    voter_key: &str,
    channel: &str,
    district: Option<&str>,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO budget_voters (pool_id, voter_key, channel, status, district) VALUES ($1, $2, $3, 'counted', $4) \
         ON CONFLICT (pool_id, voter_key) DO NOTHING",
    )
    .bind(pool)
    .bind(voter_key)
    .bind(channel)
    .bind(district)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The channel and status of a person's vote in a pool, if they voted.
pub async fn voter_entry(
    c: &mut Conn,
    pool: i64,
    voter_key: &str,
) -> Result<Option<(String, String)>, StoreError> {
    let row = sqlx::query(
        "SELECT channel, status FROM budget_voters WHERE pool_id = $1 AND voter_key = $2",
    )
    .bind(pool)
    .bind(voter_key)
    .fetch_optional(c)
    .await?;
    row.map(|r| Ok((r.try_get("channel")?, r.try_get("status")?)))
        .transpose()
        .map_err(|e: sqlx::Error| e.into())
}

/// The register keys of a pool's votes that stand, in key order.
pub async fn voter_keys(c: &mut Conn, pool: i64) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT voter_key FROM budget_voters WHERE pool_id = $1 AND status = 'counted' ORDER BY voter_key",
    )
    .bind(pool)
    .fetch_all(c)
    .await?)
}

/// Voids a person's vote in a pool (their sealed ballot is left out of the count).
pub async fn void_voter(c: &mut Conn, pool: i64, voter_key: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE budget_voters SET status = 'void' WHERE pool_id = $1 AND voter_key = $2")
        .bind(pool)
        .bind(voter_key)
        .execute(c)
        .await?;
    Ok(())
}

/// The register keys whose votes in a pool were voided.
pub async fn voided_keys(c: &mut Conn, pool: i64) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT voter_key FROM budget_voters WHERE pool_id = $1 AND status = 'void'",
    )
    .bind(pool)
    .fetch_all(c)
    .await?)
}

/// Voters of a pool whose vote stands.
pub async fn count_voters(c: &mut Conn, pool: i64) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_voters WHERE pool_id = $1 AND status = 'counted'",
    )
    .bind(pool)
    .fetch_one(c)
    .await?)
}

/// Pools of a round in which `voter_key` has voted.
pub async fn pools_voted(
    c: &mut Conn,
    round: i64,
    voter_key: &str,
) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT v.pool_id FROM budget_voters v JOIN budget_pools p ON p.id = v.pool_id \
         WHERE p.round_id = $1 AND v.voter_key = $2 ORDER BY v.pool_id",
    )
    .bind(round)
    .bind(voter_key)
    .fetch_all(c)
    .await?)
}

/// The turnout query. The district is stored with each register entry when the vote is
/// recorded, so no join is needed, and the index `budget_voters_turnout (pool_id,
/// status, district)` answers it alone, already grouped: SQLite's plan is `SEARCH
/// budget_voters USING COVERING INDEX budget_voters_turnout (pool_id=? AND status=?)`
/// with no temporary B-tree, PostgreSQL's an index-only scan (tests/plans.rs checks both).
pub const TURNOUT_BY_DISTRICT: &str =
    "SELECT district, COUNT(*) AS n FROM budget_voters WHERE pool_id = $1 AND status = 'counted' \
     GROUP BY district ORDER BY district";

/// Voters of a pool by district (`None`: no district given), votes that stand only.
pub async fn turnout_by_district(
    c: &mut Conn,
    pool: i64,
) -> Result<Vec<(Option<String>, i64)>, StoreError> {
    let rows = sqlx::query(TURNOUT_BY_DISTRICT)
        .bind(pool)
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("district")?, r.try_get("n")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Stores a sealed ballot under a random token.
pub async fn insert_envelope(
    c: &mut Conn,
    token: &str,
    pool: i64,
    change_tag: Option<&str>,
    sealed: &[u8],
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_envelopes (token, pool_id, change_tag, sealed) VALUES ($1, $2, $3, $4)",
    )
    .bind(token)
    .bind(pool)
    .bind(change_tag)
    .bind(sealed.to_vec())
    .execute(c)
    .await?;
    Ok(())
}

/// Replaces the sealed ballot found by its change tag; false if there is none in the pool.
pub async fn replace_envelope(
    c: &mut Conn,
    pool: i64,
    change_tag: &str,
    sealed: &[u8],
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_envelopes SET sealed = $1 WHERE pool_id = $2 AND change_tag = $3",
    )
    .bind(sealed.to_vec())
    .bind(pool)
    .bind(change_tag)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The sealed ballots of a pool, in the order of their random tokens.
pub async fn envelopes(c: &mut Conn, pool: i64) -> Result<Vec<Vec<u8>>, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT sealed FROM budget_envelopes WHERE pool_id = $1 ORDER BY token")
            .bind(pool)
            .fetch_all(c)
            .await?,
    )
}

pub async fn count_envelopes(c: &mut Conn, pool: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM budget_envelopes WHERE pool_id = $1")
            .bind(pool)
            .fetch_one(c)
            .await?,
    )
}

/// Removes a pool's envelopes once their ballots are counted.
pub async fn delete_envelopes(c: &mut Conn, pool: i64) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM budget_envelopes WHERE pool_id = $1")
        .bind(pool)
        .execute(c)
        .await?;
    Ok(())
}

/// Stores a printed code's hash: issued to the person with `person_key` at a desk, or
/// to no one (`None`) in a batch before voting opens.
pub async fn insert_code(
    c: &mut Conn,
    round: i64,
    code_hash: &str,
    person_key: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_codes (round_id, code_hash, person_key) VALUES ($1, $2, $3)")
        .bind(round)
        .bind(code_hash)
        .bind(person_key)
        .execute(c)
        .await?;
    Ok(())
}

/// A code of the round: `None` if unknown, else the person it was issued to, if any.
pub async fn code(
    c: &mut Conn,
    round: i64,
    code_hash: &str,
) -> Result<Option<Option<String>>, StoreError> {
    let row =
        sqlx::query("SELECT person_key FROM budget_codes WHERE round_id = $1 AND code_hash = $2")
            .bind(round)
            .bind(code_hash)
            .fetch_optional(c)
            .await?;
    row.map(|r| r.try_get::<Option<String>, _>("person_key"))
        .transpose()
        .map_err(Into::into)
}

/// Codes issued for a round: (in bulk, at a desk). Public.
pub async fn codes_issued(c: &mut Conn, round: i64) -> Result<(i64, i64), StoreError> {
    let r = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN person_key IS NULL THEN 1 ELSE 0 END), 0) AS bulk, \
         COALESCE(SUM(CASE WHEN person_key IS NULL THEN 0 ELSE 1 END), 0) AS desk \
         FROM budget_codes WHERE round_id = $1",
    )
    .bind(round)
    .fetch_one(c)
    .await?;
    Ok((r.try_get("bulk")?, r.try_get("desk")?))
}

/// Registers an issued paper sheet number; false if it was already registered.
pub async fn insert_sheet(
    c: &mut Conn,
    round: i64,
    number: &str,
    by: UserId,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO budget_sheets (round_id, number, issued_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(round)
    .bind(number)
    .bind(by.0)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn sheet_issued(c: &mut Conn, round: i64, number: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_sheets WHERE round_id = $1 AND number = $2",
    )
    .bind(round)
    .bind(number)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

pub async fn count_sheets(c: &mut Conn, round: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM budget_sheets WHERE round_id = $1")
            .bind(round)
            .fetch_one(c)
            .await?,
    )
}

/// A person found to have voted twice in a pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub pool_id: i64,
    pub voter_key: String,
    /// The channel of the later ballot.
    pub channel: String,
    /// The rule applied: `first_counts` or `all_void`.
    pub rule: String,
}

pub async fn insert_duplicate(c: &mut Conn, d: &Duplicate) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_duplicates (pool_id, voter_key, channel, rule) VALUES ($1, $2, $3, $4)",
    )
    .bind(d.pool_id)
    .bind(d.voter_key.as_str())
    .bind(d.channel.as_str())
    .bind(d.rule.as_str())
    .execute(c)
    .await?;
    Ok(())
}

pub async fn duplicates(c: &mut Conn, pool: i64) -> Result<Vec<Duplicate>, StoreError> {
    let rows = sqlx::query(
        "SELECT pool_id, voter_key, channel, rule FROM budget_duplicates WHERE pool_id = $1 ORDER BY id",
    )
    .bind(pool)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Duplicate {
                pool_id: r.try_get("pool_id")?,
                voter_key: r.try_get("voter_key")?,
                channel: r.try_get("channel")?,
                rule: r.try_get("rule")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
