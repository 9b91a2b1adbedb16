//! Mails waiting to be sent, and the record of those sent or given up.
//!
//! A sender claims due mails for a while (`claimed_until`), so that several web nodes
//! on one database never send the same mail twice; on PostgreSQL the claim skips rows
//! another node is claiming at that moment (`FOR UPDATE SKIP LOCKED`), on SQLite the
//! single writer serialises claims.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;

/// Where a mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStatus {
    Queued,
    Sent,
    /// Given up on after too many attempts or a permanent refusal.
    Failed,
}

#[derive(Debug, Clone)]
pub struct Mail {
    pub id: i64,
    pub to: String,
    pub subject: String,
    /// The body; a link's secret part is a placeholder here (see `sealed_secret`).
    pub body: String,
    pub created_at: Timestamp,
    pub status: MailStatus,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// The secret the placeholder stands for, sealed with the instance's key.
    pub sealed_secret: Option<String>,
}

impl Mail {
    pub fn sent(&self) -> bool {
        self.status == MailStatus::Sent
    }

    pub fn failed(&self) -> bool {
        self.status == MailStatus::Failed
    }
}

pub async fn push(
    c: &mut Conn,
    to: &str,
    subject: &str,
    body: &str,
    sealed_secret: Option<&str>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO outbox (to_addr, subject, body, sealed_secret, created_at, next_attempt_at) \
         VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    )
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(sealed_secret)
    .bind(now.0)
    .fetch_one(c)
    .await?)
}

const COLUMNS: &str =
    "id, to_addr, subject, body, created_at, sent_at, failed_at, attempts, last_error, sealed_secret";

fn mail_from_row(r: &sqlx::any::AnyRow) -> Result<Mail, sqlx::Error> {
    let status = if r.try_get::<Option<i64>, _>("sent_at")?.is_some() {
        MailStatus::Sent
    } else if r.try_get::<Option<i64>, _>("failed_at")?.is_some() {
        MailStatus::Failed
    } else {
        MailStatus::Queued
    };
    Ok(Mail {
        id: r.try_get("id")?,
        to: r.try_get("to_addr")?,
        subject: r.try_get("subject")?,
        body: r.try_get("body")?,
        created_at: Timestamp(r.try_get("created_at")?),
        status,
        attempts: r.try_get("attempts")?,
        last_error: r.try_get("last_error")?,
        sealed_secret: r.try_get("sealed_secret")?,
    })
}

/// The newest mails first.
pub async fn recent(c: &mut Conn, limit: i64) -> Result<Vec<Mail>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(c)
    .await?;
    Ok(rows.iter().map(mail_from_row).collect::<Result<_, _>>()?)
}

/// Claims up to `limit` mails that are due and not claimed by another sender, until
/// `until`; returns them oldest first.
pub async fn claim_due(
    c: &mut Conn,
    now: Timestamp,
    until: Timestamp,
    limit: i64,
) -> Result<Vec<Mail>, StoreError> {
    let skip_locked = if c.backend_name() == "PostgreSQL" {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let rows = sqlx::query(&format!(
        "UPDATE outbox SET claimed_until = $1 WHERE id IN (\
           SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
           AND next_attempt_at <= $2 AND claimed_until <= $2 ORDER BY id LIMIT $3{skip_locked}\
         ) RETURNING {COLUMNS}"
    ))
    .bind(until.0)
    .bind(now.0)
    .bind(limit)
    .fetch_all(c)
    .await?;
    let mut mails = rows
        .iter()
        .map(mail_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    mails.sort_by_key(|m| m.id);
    Ok(mails)
}

/// Marks a mail sent and forgets the secret it carried.
pub async fn mark_sent(c: &mut Conn, id: i64, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE outbox SET sent_at = $1, sealed_secret = NULL, claimed_until = 0 WHERE id = $2",
    )
    .bind(now.0)
    .bind(id)
    .execute(c)
    .await?;
    Ok(())
}

/// Records a failed attempt: the mail is tried again at `retry_at`, or, when `None`,
/// given up on (and its secret forgotten).
pub async fn mark_attempt_failed(
    c: &mut Conn,
    id: i64,
    error: &str,
    retry_at: Option<Timestamp>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let sql = if retry_at.is_some() {
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, next_attempt_at = $2, \
         claimed_until = 0 WHERE id = $3"
    } else {
        "UPDATE outbox SET attempts = attempts + 1, last_error = $1, failed_at = $2, \
         sealed_secret = NULL, claimed_until = 0 WHERE id = $3"
    };
    sqlx::query(sql)
        .bind(error)
        .bind(retry_at.unwrap_or(now).0)
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// How many mails wait and how many were given up on, for the admin's page and metrics.
pub async fn counts(c: &mut Conn) -> Result<(i64, i64), StoreError> {
    let row = sqlx::query(
        "SELECT \
           COALESCE(SUM(CASE WHEN sent_at IS NULL AND failed_at IS NULL THEN 1 ELSE 0 END), 0) AS queued, \
           COALESCE(SUM(CASE WHEN failed_at IS NOT NULL THEN 1 ELSE 0 END), 0) AS failed \
         FROM outbox",
    )
    .fetch_one(c)
    .await?;
    Ok((row.try_get("queued")?, row.try_get("failed")?))
}

/// Forgets the mail of a person whose account is deleted: unsent mail is dropped, and
/// sent mail keeps only its subject and date, with neither address nor body.
pub async fn forget_recipient(c: &mut Conn, to: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM outbox WHERE to_addr = $1 AND sent_at IS NULL")
        .bind(to)
        .execute(&mut *c)
        .await?;
    sqlx::query(
        "UPDATE outbox SET to_addr = '-', body = '', sealed_secret = NULL, last_error = NULL \
         WHERE to_addr = $1",
    )
    .bind(to)
    .execute(c)
    .await?;
    Ok(())
}
