//! Mails waiting to be sent, and the record of those sent.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;

#[derive(Debug, Clone)]
pub struct Mail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: Timestamp,
    pub sent: bool,
}

pub async fn push(
    c: &mut Conn,
    to: &str,
    subject: &str,
    body: &str,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("INSERT INTO outbox (to_addr, subject, body, created_at) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(to)
        .bind(subject)
        .bind(body)
        .bind(now.0)
        .fetch_one(c)
        .await?)
}

fn mail_from_row(r: &sqlx::any::AnyRow) -> Result<Mail, sqlx::Error> {
    Ok(Mail {
        id: r.try_get("id")?,
        to: r.try_get("to_addr")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        created_at: Timestamp(r.try_get("created_at")?),
        sent: r.try_get::<Option<i64>, _>("sent_at")?.is_some(),
    })
}

/// The newest mails first.
pub async fn recent(c: &mut Conn, limit: i64) -> Result<Vec<Mail>, StoreError> {
    let rows = sqlx::query("SELECT id, to_addr, subject, body, created_at, sent_at FROM outbox ORDER BY id DESC LIMIT $1")
        .bind(limit)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(mail_from_row).collect::<Result<_, _>>()?)
}

pub async fn unsent(c: &mut Conn, limit: i64) -> Result<Vec<Mail>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, to_addr, subject, body, created_at, sent_at FROM outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1",
    )
    .bind(limit)
    .fetch_all(c)
    .await?;
    Ok(rows.iter().map(mail_from_row).collect::<Result<_, _>>()?)
}

pub async fn mark_sent(c: &mut Conn, id: i64, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query("UPDATE outbox SET sent_at = $1 WHERE id = $2")
        .bind(now.0)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}
