//! Persistence of the development cooperative: its stage and statute settings, the
//! roles of its bodies, declarations, the member register and the share ledger,
//! statements, projects and assets. The register and the ledgers are append-only:
//! besides this code never updating them, the schema's triggers refuse it.

pub mod declarations;
pub mod invest;
pub mod members;

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{DocumentId, SpaceId, UserId};

/// A cooperative's row: stage, model statute, registration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coop {
    pub space_id: SpaceId,
    pub stage: String,
    pub model: String,
    pub krs: Option<String>,
    pub registered_on: Option<String>,
}

pub async fn insert(
    c: &mut Conn,
    space: SpaceId,
    model: &str,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coops (space_id, stage, model, created_at) VALUES ($1, 'founding', $2, $3)",
    )
    .bind(space.0)
    .bind(model)
    .bind(now.0)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn get(c: &mut Conn, space: SpaceId) -> Result<Option<Coop>, StoreError> {
    let row = sqlx::query(
        "SELECT space_id, stage, model, krs, registered_on FROM coops WHERE space_id = $1",
    )
    .bind(space.0)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(Coop {
            space_id: SpaceId(r.try_get("space_id")?),
            stage: r.try_get("stage")?,
            model: r.try_get("model")?,
            krs: r.try_get("krs")?,
            registered_on: r.try_get("registered_on")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

/// Moves the cooperative to the open stage with its registration; only from founding.
pub async fn open(
    c: &mut Conn,
    space: SpaceId,
    krs: &str,
    registered_on: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE coops SET stage = 'open', krs = $2, registered_on = $3, opened_at = $4 \
         WHERE space_id = $1 AND stage = 'founding'",
    )
    .bind(space.0)
    .bind(krs)
    .bind(registered_on)
    .bind(now.0)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Attaches statute settings to a statute version just written. Settings are set once:
/// a version that has them keeps them (a change is a new version).
pub async fn attach_settings(
    c: &mut Conn,
    document: DocumentId,
    settings_json: &str,
) -> Result<(), StoreError> {
    let n =
        sqlx::query("UPDATE space_documents SET settings = $2 WHERE id = $1 AND settings IS NULL")
            .bind(document.0)
            .bind(settings_json)
            .execute(c)
            .await?
            .rows_affected();
    if n == 1 {
        Ok(())
    } else {
        Err(StoreError::Conflict("statute settings are set once".into()))
    }
}

/// The settings of the statute in force (the latest version that has settings), with
/// that version's id and number.
pub async fn current_settings(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Option<(DocumentId, i64, String)>, StoreError> {
    let row = sqlx::query(
        "SELECT id, version, settings FROM space_documents \
         WHERE space_id = $1 AND settings IS NOT NULL ORDER BY version DESC LIMIT 1",
    )
    .bind(space.0)
    .fetch_optional(c)
    .await?;
    Ok(match row {
        Some(r) => Some((
            DocumentId(r.try_get("id")?),
            r.try_get("version")?,
            r.try_get("settings")?,
        )),
        None => None,
    })
}

/// Roles `user` holds in `space`.
pub async fn roles_of(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT role FROM space_roles WHERE space_id = $1 AND user_id = $2 AND revoked_at IS NULL ORDER BY role",
    )
    .bind(space.0)
    .bind(user.0)
    .fetch_all(c)
    .await?)
}

/// Grants `role`; `false` when the person already holds it.
pub async fn grant_role(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
    role: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "INSERT INTO space_roles (space_id, user_id, role, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (space_id, user_id, role) WHERE revoked_at IS NULL DO NOTHING",
    )
    .bind(space.0)
    .bind(user.0)
    .bind(role)
    .bind(by.map(|u| u.0))
    .bind(now.0)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

pub async fn revoke_role(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
    role: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE space_roles SET revoked_at = $4 WHERE space_id = $1 AND user_id = $2 AND role = $3 AND revoked_at IS NULL",
    )
    .bind(space.0)
    .bind(user.0)
    .bind(role)
    .bind(now.0)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Holders of the standing roles of `space`: (user id, name, role).
pub async fn role_holders(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Vec<(UserId, String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.user_id, u.display_name, r.role FROM space_roles r JOIN users u ON u.id = r.user_id \
         WHERE r.space_id = $1 AND r.revoked_at IS NULL ORDER BY r.role, u.display_name",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                UserId(r.try_get("user_id")?),
                r.try_get("display_name")?,
                r.try_get("role")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
