//! Login sessions, kept in the database so that several web nodes can share them.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;

pub async fn insert(
    c: &mut Conn,
    id_hash: &str,
    user: UserId,
    now: Timestamp,
    expires: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO sessions (id_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(id_hash)
    .bind(user.0)
    .bind(now.0)
    .bind(expires.0)
    .execute(c)
    .await?;
    Ok(())
}

/// The user of a live session.
pub async fn user_of(
    c: &mut Conn,
    id_hash: &str,
    now: Timestamp,
) -> Result<Option<UserId>, StoreError> {
    let row = sqlx::query("SELECT user_id FROM sessions WHERE id_hash = $1 AND expires_at > $2")
        .bind(id_hash)
        .bind(now.0)
        .fetch_optional(c)
        .await?;
    Ok(row
        .map(|r| r.try_get::<i64, _>("user_id").map(UserId))
        .transpose()?)
}

pub async fn delete(c: &mut Conn, id_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
        .bind(id_hash)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn delete_for_user(c: &mut Conn, user: UserId) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn delete_expired(c: &mut Conn, now: Timestamp) -> Result<u64, StoreError> {
    Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now.0)
        .execute(c)
        .await?
        .rows_affected())
}
