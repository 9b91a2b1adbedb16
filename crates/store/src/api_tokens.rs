//! Personal access tokens for scripts; only their SHA-256 is stored.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;

#[derive(Debug, Clone)]
pub struct ApiToken {
    pub id: i64,
    pub user_id: UserId,
    pub name: String,
    /// Space-separated scope names, as the app wrote them.
    pub scopes: String,
    pub created_at: Timestamp,
    pub last_used_at: Option<Timestamp>,
    pub revoked: bool,
}

const COLUMNS: &str = "id, user_id, name, scopes, created_at, last_used_at, revoked_at";

fn token_from_row(r: &sqlx::any::AnyRow) -> Result<ApiToken, sqlx::Error> {
    Ok(ApiToken {
        id: r.try_get("id")?,
        user_id: UserId(r.try_get("user_id")?),
        name: r.try_get("name")?,
        scopes: r.try_get("scopes")?,
        created_at: Timestamp(r.try_get("created_at")?),
        last_used_at: r.try_get::<Option<i64>, _>("last_used_at")?.map(Timestamp),
        revoked: r.try_get::<Option<i64>, _>("revoked_at")?.is_some(),
    })
}

pub async fn insert(
    c: &mut Conn,
    user: UserId,
    name: &str,
    token_hash: &str,
    scopes: &str,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO api_tokens (user_id, name, token_hash, scopes, created_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(user.0)
    .bind(name)
    .bind(token_hash)
    .bind(scopes)
    .bind(now.0)
    .fetch_one(c)
    .await?)
}

/// The token with this hash, revoked or not.
pub async fn by_hash(c: &mut Conn, token_hash: &str) -> Result<Option<ApiToken>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    Ok(row.as_ref().map(token_from_row).transpose()?)
}

/// A person's tokens, newest first.
pub async fn of_user(c: &mut Conn, user: UserId) -> Result<Vec<ApiToken>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC"
    ))
    .bind(user.0)
    .fetch_all(c)
    .await?;
    Ok(rows.iter().map(token_from_row).collect::<Result<_, _>>()?)
}

/// How many live tokens a person has (their number is bounded).
pub async fn live_count(c: &mut Conn, user: UserId) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL",
    )
    .bind(user.0)
    .fetch_one(c)
    .await?)
}

/// Revokes one of the person's own tokens; false if there is no such live token.
pub async fn revoke(
    c: &mut Conn,
    user: UserId,
    id: i64,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now.0)
    .bind(id)
    .bind(user.0)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes every token of a person (their account is deleted).
pub async fn revoke_all(c: &mut Conn, user: UserId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL")
        .bind(now.0)
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Notes when a token was last used.
pub async fn touch(c: &mut Conn, id: i64, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now.0)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}
