//! People's accounts and their e-mail tokens.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    /// `None` once the account is deleted.
    pub email: Option<String>,
    pub password_hash: Option<String>,
    pub display_name: String,
    pub city: Option<String>,
    pub list_publicly: bool,
    pub locale: Option<String>,
    pub email_confirmed: bool,
    pub is_platform_admin: bool,
    pub deleted: bool,
}

const USER_COLUMNS: &str = "id, email, password_hash, display_name, city, list_publicly, locale, \
     email_confirmed_at, is_platform_admin, deleted_at";

fn user_from_row(r: &AnyRow) -> Result<User, sqlx::Error> {
    Ok(User {
        id: UserId(r.try_get("id")?),
        email: r.try_get("email")?,
        password_hash: r.try_get("password_hash")?,
        display_name: r.try_get("display_name")?,
        city: r.try_get("city")?,
        list_publicly: r.try_get::<i64, _>("list_publicly")? != 0,
        locale: r.try_get("locale")?,
        email_confirmed: r.try_get::<Option<i64>, _>("email_confirmed_at")?.is_some(),
        is_platform_admin: r.try_get::<i64, _>("is_platform_admin")? != 0,
        deleted: r.try_get::<Option<i64>, _>("deleted_at")?.is_some(),
    })
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub city: Option<&'a str>,
    pub list_publicly: bool,
    pub locale: Option<&'a str>,
    pub is_platform_admin: bool,
    pub confirmed: bool,
}

/// Inserts an account; a taken e-mail address is a `Conflict`.
pub async fn insert(c: &mut Conn, u: &NewUser<'_>, now: Timestamp) -> Result<UserId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (email, password_hash, display_name, city, list_publicly, locale, \
         email_confirmed_at, is_platform_admin, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(u.email)
    .bind(u.password_hash)
    .bind(u.display_name)
    .bind(u.city)
    .bind(u.list_publicly as i64)
    .bind(u.locale)
    .bind(if u.confirmed { Some(now.0) } else { None })
    .bind(u.is_platform_admin as i64)
    .bind(now.0)
    .fetch_one(c)
    .await?;
    Ok(UserId(id))
}

pub async fn by_id(c: &mut Conn, id: UserId) -> Result<User, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE id = $1");
    let row = sqlx::query(&sql).bind(id.0).fetch_one(c).await?;
    Ok(user_from_row(&row)?)
}

pub async fn by_email(c: &mut Conn, email: &str) -> Result<Option<User>, StoreError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users WHERE email = $1");
    let row = sqlx::query(&sql).bind(email).fetch_optional(c).await?;
    Ok(row.map(|r| user_from_row(&r)).transpose()?)
}

pub async fn confirm_email(c: &mut Conn, id: UserId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET email_confirmed_at = $1 WHERE id = $2 AND email_confirmed_at IS NULL",
    )
    .bind(now.0)
    .bind(id.0)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn set_password(c: &mut Conn, id: UserId, hash: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn set_locale(c: &mut Conn, id: UserId, locale: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale)
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn update_profile(
    c: &mut Conn,
    id: UserId,
    display_name: &str,
    city: Option<&str>,
    list_publicly: bool,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET display_name = $1, city = $2, list_publicly = $3 WHERE id = $4")
        .bind(display_name)
        .bind(city)
        .bind(list_publicly as i64)
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Removes personal data; the row stays so that history (signatures made for
/// organisations, the audit log) keeps pointing at something.
pub async fn anonymise(c: &mut Conn, id: UserId, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE users SET email = NULL, password_hash = NULL, display_name = $1, city = NULL, \
         list_publicly = 0, deleted_at = $2 WHERE id = $3",
    )
    .bind("—")
    .bind(now.0)
    .bind(id.0)
    .execute(&mut *c)
    .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(id.0)
        .execute(&mut *c)
        .await?;
    sqlx::query("DELETE FROM email_tokens WHERE user_id = $1")
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn count(c: &mut Conn) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE deleted_at IS NULL")
            .fetch_one(c)
            .await?,
    )
}

/// A single-use token sent by e-mail; only its hash is stored.
pub async fn insert_token(
    c: &mut Conn,
    token_hash: &str,
    user: UserId,
    purpose: &str,
    expires_at: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash)
        .bind(user.0)
        .bind(purpose)
        .bind(expires_at.0)
        .execute(c)
        .await?;
    Ok(())
}

pub struct EmailToken {
    pub user_id: UserId,
    pub expires_at: Timestamp,
    pub used: bool,
}

pub async fn token(
    c: &mut Conn,
    token_hash: &str,
    purpose: &str,
) -> Result<Option<EmailToken>, StoreError> {
    let row = sqlx::query("SELECT user_id, expires_at, used_at FROM email_tokens WHERE token_hash = $1 AND purpose = $2")
        .bind(token_hash)
        .bind(purpose)
        .fetch_optional(c)
        .await?;
    row.map(|r| {
        Ok(EmailToken {
            user_id: UserId(r.try_get("user_id")?),
            expires_at: Timestamp(r.try_get("expires_at")?),
            used: r.try_get::<Option<i64>, _>("used_at")?.is_some(),
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// Marks a token used; returns false if it was used already (a race lost).
pub async fn use_token(c: &mut Conn, token_hash: &str, now: Timestamp) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL",
    )
    .bind(now.0)
    .bind(token_hash)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Deletes e-mail tokens that can no longer be used (expired or spent before `before`).
pub async fn delete_dead_tokens(c: &mut Conn, before: Timestamp) -> Result<u64, StoreError> {
    let done = sqlx::query("DELETE FROM email_tokens WHERE expires_at <= $1 OR used_at <= $1")
        .bind(before.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected())
}
