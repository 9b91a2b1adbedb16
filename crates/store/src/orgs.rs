//! Organisations and their representatives.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{OrgId, UserId};
use wspolnota_domain::org::{OrgKind, OrgRole};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub id: OrgId,
    pub name: String,
    pub kind: OrgKind,
    pub city: Option<String>,
    pub krs: Option<String>,
    pub nip: Option<String>,
    pub regon: Option<String>,
}

fn org_from_row(r: &AnyRow) -> Result<Org, StoreError> {
    let kind: String = r.try_get("kind")?;
    Ok(Org {
        id: OrgId(r.try_get("id")?),
        name: r.try_get("name")?,
        kind: OrgKind::parse(&kind)
            .map_err(|_| StoreError::Other(format!("unknown organisation kind {kind}")))?,
        city: r.try_get("city")?,
        krs: r.try_get("krs")?,
        nip: r.try_get("nip")?,
        regon: r.try_get("regon")?,
    })
}

pub struct NewOrg<'a> {
    pub name: &'a str,
    pub kind: OrgKind,
    pub city: Option<&'a str>,
    pub krs: Option<&'a str>,
    pub nip: Option<&'a str>,
    pub regon: Option<&'a str>,
}

pub async fn insert(
    c: &mut Conn,
    o: &NewOrg<'_>,
    by: UserId,
    now: Timestamp,
) -> Result<OrgId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO organisations (name, kind, city, krs, nip, regon, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(o.name)
    .bind(o.kind.as_str())
    .bind(o.city)
    .bind(o.krs)
    .bind(o.nip)
    .bind(o.regon)
    .bind(by.0)
    .bind(now.0)
    .fetch_one(c)
    .await?;
    Ok(OrgId(id))
}

pub async fn by_id(c: &mut Conn, id: OrgId) -> Result<Org, StoreError> {
    let r = sqlx::query(
        "SELECT id, name, kind, city, krs, nip, regon FROM organisations WHERE id = $1",
    )
    .bind(id.0)
    .fetch_one(c)
    .await?;
    org_from_row(&r)
}

pub async fn list(c: &mut Conn) -> Result<Vec<Org>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, name, kind, city, krs, nip, regon FROM organisations ORDER BY name, id",
    )
    .fetch_all(c)
    .await?;
    rows.iter().map(org_from_row).collect()
}

/// One page of organisations in list order: `limit` rows from `offset`.
pub async fn list_page(c: &mut Conn, limit: i64, offset: i64) -> Result<Vec<Org>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, name, kind, city, krs, nip, regon FROM organisations ORDER BY name, id LIMIT $1 OFFSET $2",
    )
    .bind(limit)
    .bind(offset)
    .fetch_all(c)
    .await?;
    rows.iter().map(org_from_row).collect()
}

/// Organisations a person may currently act for, with the role held.
pub async fn roles_of(c: &mut Conn, user: UserId) -> Result<Vec<(OrgId, OrgRole)>, StoreError> {
    let rows = sqlx::query(
        "SELECT org_id, role FROM org_representatives WHERE user_id = $1 AND revoked_at IS NULL ORDER BY org_id",
    )
    .bind(user.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            Ok((
                OrgId(r.try_get("org_id")?),
                OrgRole::parse(&role)
                    .map_err(|_| StoreError::Other(format!("unknown role {role}")))?,
            ))
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct Representative {
    pub user_id: UserId,
    pub display_name: String,
    pub role: OrgRole,
}

pub async fn representatives(c: &mut Conn, org: OrgId) -> Result<Vec<Representative>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.user_id, u.display_name, r.role FROM org_representatives r JOIN users u ON u.id = r.user_id \
         WHERE r.org_id = $1 AND r.revoked_at IS NULL ORDER BY u.display_name, r.user_id",
    )
    .bind(org.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            let role: String = r.try_get("role")?;
            Ok(Representative {
                user_id: UserId(r.try_get("user_id")?),
                display_name: r.try_get("display_name")?,
                role: OrgRole::parse(&role)
                    .map_err(|_| StoreError::Other(format!("unknown role {role}")))?,
            })
        })
        .collect()
}

/// Grants a role; an existing live grant of the person is revoked first so one person holds one role.
pub async fn grant(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    role: OrgRole,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<(), StoreError> {
    revoke(&mut *c, org, user, now).await?;
    sqlx::query(
        "INSERT INTO org_representatives (org_id, user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(org.0)
    .bind(user.0)
    .bind(role.as_str())
    .bind(by.map(|u| u.0))
    .bind(now.0)
    .execute(c)
    .await?;
    Ok(())
}

/// Revokes a person's live grant; returns whether there was one.
pub async fn revoke(
    c: &mut Conn,
    org: OrgId,
    user: UserId,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE org_representatives SET revoked_at = $1 WHERE org_id = $2 AND user_id = $3 AND revoked_at IS NULL",
    )
    .bind(now.0)
    .bind(org.0)
    .bind(user.0)
    .execute(c)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// An invitation to act for an organisation, sent to an e-mail address.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub id: i64,
    pub org_id: OrgId,
    pub email: String,
    pub role: OrgRole,
    pub created_at: Timestamp,
    pub expires_at: Timestamp,
    pub accepted: bool,
}

const INVITATION_COLUMNS: &str = "id, org_id, email, role, created_at, expires_at, accepted_at";

fn invitation_from_row(r: &sqlx::any::AnyRow) -> Result<Invitation, StoreError> {
    let role: String = r.try_get("role")?;
    Ok(Invitation {
        id: r.try_get("id")?,
        org_id: OrgId(r.try_get("org_id")?),
        email: r.try_get("email")?,
        role: OrgRole::parse(&role)
            .map_err(|_| StoreError::Other(format!("unknown role {role}")))?,
        created_at: Timestamp(r.try_get("created_at")?),
        expires_at: Timestamp(r.try_get("expires_at")?),
        accepted: r.try_get::<Option<i64>, _>("accepted_at")?.is_some(),
    })
}

#[allow(clippy::too_many_arguments)]
pub async fn insert_invitation(
    c: &mut Conn,
    org: OrgId,
    email: &str,
    role: OrgRole,
    token_hash: &str,
    by: Option<UserId>,
    now: Timestamp,
    expires_at: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO org_invitations (org_id, email, role, token_hash, invited_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(org.0)
    .bind(email)
    .bind(role.as_str())
    .bind(token_hash)
    .bind(by.map(|u| u.0))
    .bind(now.0)
    .bind(expires_at.0)
    .fetch_one(c)
    .await?)
}

pub async fn invitation_by_hash(
    c: &mut Conn,
    token_hash: &str,
) -> Result<Option<Invitation>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM org_invitations WHERE token_hash = $1"
    ))
    .bind(token_hash)
    .fetch_optional(c)
    .await?;
    row.as_ref().map(invitation_from_row).transpose()
}

/// Marks an invitation accepted; false if it was accepted already (a race lost).
pub async fn accept_invitation(c: &mut Conn, id: i64, now: Timestamp) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE org_invitations SET accepted_at = $1 WHERE id = $2 AND accepted_at IS NULL",
    )
    .bind(now.0)
    .bind(id)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Invitations of an organisation not yet accepted nor expired, newest first.
pub async fn open_invitations(
    c: &mut Conn,
    org: OrgId,
    now: Timestamp,
) -> Result<Vec<Invitation>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {INVITATION_COLUMNS} FROM org_invitations \
         WHERE org_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY id DESC LIMIT 100"
    ))
    .bind(org.0)
    .bind(now.0)
    .fetch_all(c)
    .await?;
    rows.iter().map(invitation_from_row).collect()
}
