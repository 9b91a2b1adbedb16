//! Writing audit entries alongside the change they describe.

use serde_json::Value;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};
use wspolnota_store::{audit, Conn, StoreError, Tx};

pub struct Change {
    pub actor: Option<UserId>,
    pub space: Option<SpaceId>,
    pub org: Option<OrgId>,
    pub action: &'static str,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

impl Change {
    /// A change in a space that concerns no organisation.
    pub fn in_space(
        actor: Option<UserId>,
        space: SpaceId,
        action: &'static str,
        before: Option<Value>,
        after: Option<Value>,
    ) -> Change {
        Change {
            actor,
            space: Some(space),
            org: None,
            action,
            before,
            after,
        }
    }
}

pub async fn record(c: &mut Conn, change: Change, now: Timestamp) -> Result<(), StoreError> {
    audit::append(
        c,
        &audit::Entry {
            actor: change.actor,
            space: change.space,
            org: change.org,
            action: change.action,
            before: change.before.map(|v| v.to_string()),
            after: change.after.map(|v| v.to_string()),
        },
        now,
    )
    .await
}

/// Records the change and commits the transaction that made it: the last step of most
/// use cases, so the change and its audit entry stand or fall together.
pub async fn commit(mut tx: Tx, change: Change, now: Timestamp) -> Result<(), crate::AppError> {
    record(&mut tx, change, now).await?;
    tx.commit().await.map_err(StoreError::from)?;
    Ok(())
}
