//! The append-only audit log. There is no update or delete here, and the
//! schema's triggers refuse them.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};

pub struct Entry<'a> {
    pub actor: Option<UserId>,
    pub space: Option<SpaceId>,
    pub org: Option<OrgId>,
    /// A stable code such as `signature.created`.
    pub action: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
}

pub async fn append(c: &mut Conn, e: &Entry<'_>, now: Timestamp) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, space_id, org_id, action, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(now.0)
    .bind(e.actor.map(|u| u.0))
    .bind(e.space.map(|s| s.0))
    .bind(e.org.map(|o| o.0))
    .bind(e.action)
    .bind(e.before.as_deref())
    .bind(e.after.as_deref())
    .execute(c)
    .await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct Logged {
    pub id: i64,
    pub at: Timestamp,
    pub actor_name: Option<String>,
    pub action: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Entries about a space, newest first.
pub async fn for_space(
    c: &mut Conn,
    space: SpaceId,
    limit: i64,
) -> Result<Vec<Logged>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.id, a.at, u.display_name, a.action, a.before_json, a.after_json FROM audit_log a \
         LEFT JOIN users u ON u.id = a.actor_id WHERE a.space_id = $1 ORDER BY a.id DESC LIMIT $2",
    )
    .bind(space.0)
    .bind(limit)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(logged_from_row)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn count(c: &mut Conn) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(c)
        .await?)
}

/// Entries about an organisation, newest first.
pub async fn for_org(c: &mut Conn, org: OrgId, limit: i64) -> Result<Vec<Logged>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.id, a.at, u.display_name, a.action, a.before_json, a.after_json FROM audit_log a \
         LEFT JOIN users u ON u.id = a.actor_id WHERE a.org_id = $1 ORDER BY a.id DESC LIMIT $2",
    )
    .bind(org.0)
    .bind(limit)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(logged_from_row)
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

fn logged_from_row(r: &sqlx::any::AnyRow) -> Result<Logged, sqlx::Error> {
    Ok(Logged {
        id: r.try_get("id")?,
        at: Timestamp(r.try_get("at")?),
        actor_name: r.try_get("display_name")?,
        action: r.try_get("action")?,
        before: r.try_get("before_json")?,
        after: r.try_get("after_json")?,
    })
}
