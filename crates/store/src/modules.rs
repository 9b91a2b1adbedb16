//! The modules a space's admins switched on or off (`space_modules`).
//!
//! Only choices are stored: a space without a row for a module follows the default
//! of its kind (`domain::module::default_modules`), decided by the caller.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::module::Module;
use wspolnota_domain::space::SpaceKind;

/// The choices stored for a space, in no particular order.
///
/// A row whose code names no module (one retired from the code) is skipped rather
/// than refused, so that such a leftover never makes a space's pages fail.
pub async fn choices(c: &mut Conn, space: SpaceId) -> Result<Vec<(Module, bool)>, StoreError> {
    let rows = sqlx::query("SELECT module, enabled FROM space_modules WHERE space_id = $1")
        .bind(space.0)
        .fetch_all(c)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in &rows {
        let code: String = r.try_get("module")?;
        if let Some(m) = Module::parse(&code) {
            out.push((m, r.try_get::<i64, _>("enabled")? != 0));
        }
    }
    Ok(out)
}

/// The space's kind and its stored choice for `module`, in one query, because the
/// budget pages ask this on every request. `None` when the space does not exist.
pub async fn choice(
    c: &mut Conn,
    space: SpaceId,
    module: Module,
) -> Result<Option<(SpaceKind, Option<bool>)>, StoreError> {
    let row = sqlx::query(
        "SELECT s.kind, m.enabled FROM spaces s \
         LEFT JOIN space_modules m ON m.space_id = s.id AND m.module = $2 \
         WHERE s.id = $1",
    )
    .bind(space.0)
    .bind(module.code())
    .fetch_optional(c)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let kind: String = row.try_get("kind")?;
    let kind = SpaceKind::parse(&kind)
        .map_err(|_| StoreError::Other(format!("unknown space kind {kind}")))?;
    let enabled = row.try_get::<Option<i64>, _>("enabled")?.map(|e| e != 0);
    Ok(Some((kind, enabled)))
}

/// Records the admins' choice for `module`, replacing an earlier one. Settings are
/// left as they were, so switching a module off and on again keeps them.
pub async fn set(
    c: &mut Conn,
    space: SpaceId,
    module: Module,
    enabled: bool,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO space_modules (space_id, module, enabled) VALUES ($1, $2, $3) \
         ON CONFLICT (space_id, module) DO UPDATE SET enabled = excluded.enabled",
    )
    .bind(space.0)
    .bind(module.code())
    .bind(enabled as i64)
    .execute(c)
    .await?;
    Ok(())
}
