//! Signatures of founding documents: who joined a space, for whom, under which version.
//! A signature is never edited away: its status moves on and its dates are filled in.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{DocumentId, OrgId, SignatureId, SpaceId, UserId};
use wspolnota_domain::org::OrgKind;
use wspolnota_domain::space::MembershipStatus;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub id: SignatureId,
    pub space_id: SpaceId,
    pub document_id: DocumentId,
    pub document_version: i64,
    pub user_id: Option<UserId>,
    pub org_id: Option<OrgId>,
    pub org_name: Option<String>,
    pub signer_name: String,
    pub status: MembershipStatus,
    pub signed_at: Timestamp,
}

const SIGNATURE_SELECT: &str =
    "SELECT s.id, s.space_id, s.document_id, d.version, s.user_id, s.org_id, \
     o.name AS org_name, s.signer_name, s.status, s.signed_at FROM signatures s \
     JOIN space_documents d ON d.id = s.document_id LEFT JOIN organisations o ON o.id = s.org_id";

fn signature_from_row(r: &AnyRow) -> Result<Signature, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(Signature {
        id: SignatureId(r.try_get("id")?),
        space_id: SpaceId(r.try_get("space_id")?),
        document_id: DocumentId(r.try_get("document_id")?),
        document_version: r.try_get("version")?,
        user_id: r.try_get::<Option<i64>, _>("user_id")?.map(UserId),
        org_id: r.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        org_name: r.try_get("org_name")?,
        signer_name: r.try_get("signer_name")?,
        status: MembershipStatus::parse(&status)
            .map_err(|_| StoreError::Other(format!("unknown status {status}")))?,
        signed_at: Timestamp(r.try_get("signed_at")?),
    })
}

pub struct NewSignature<'a> {
    pub space: SpaceId,
    pub document: DocumentId,
    pub user: UserId,
    pub org: Option<OrgId>,
    pub signer_name: &'a str,
    pub status: MembershipStatus,
}

/// Records a signature. A second standing signature of the same person (or
/// organisation) in the space is refused by a unique index: `Conflict`.
pub async fn insert(
    c: &mut Conn,
    s: &NewSignature<'_>,
    now: Timestamp,
) -> Result<SignatureId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO signatures (space_id, document_id, user_id, org_id, signer_name, status, signed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(s.space.0)
    .bind(s.document.0)
    .bind(s.user.0)
    .bind(s.org.map(|o| o.0))
    .bind(s.signer_name)
    .bind(s.status.as_str())
    .bind(now.0)
    .fetch_one(c)
    .await?;
    Ok(SignatureId(id))
}

pub async fn by_id(c: &mut Conn, id: SignatureId) -> Result<Signature, StoreError> {
    let sql = format!("{SIGNATURE_SELECT} WHERE s.id = $1");
    let row = sqlx::query(&sql).bind(id.0).fetch_one(c).await?;
    signature_from_row(&row)
}

/// The standing signature of a person in their own name, or of an organisation.
pub async fn standing(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
    org: Option<OrgId>,
) -> Result<Option<Signature>, StoreError> {
    let row = match org {
        None => {
            let sql = format!(
                "{SIGNATURE_SELECT} WHERE s.space_id = $1 AND s.user_id = $2 AND s.org_id IS NULL \
                 AND s.status IN ('pending', 'active')"
            );
            sqlx::query(&sql)
                .bind(space.0)
                .bind(user.0)
                .fetch_optional(c)
                .await?
        }
        Some(o) => {
            let sql = format!(
                "{SIGNATURE_SELECT} WHERE s.space_id = $1 AND s.org_id = $2 AND s.status IN ('pending', 'active')"
            );
            sqlx::query(&sql)
                .bind(space.0)
                .bind(o.0)
                .fetch_optional(c)
                .await?
        }
    };
    row.as_ref().map(signature_from_row).transpose()
}

/// Every signature a person made in a space (own and for organisations), newest first.
pub async fn of_user_in_space(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
) -> Result<Vec<Signature>, StoreError> {
    let sql =
        format!("{SIGNATURE_SELECT} WHERE s.space_id = $1 AND s.user_id = $2 ORDER BY s.id DESC");
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(user.0)
        .fetch_all(c)
        .await?;
    rows.iter().map(signature_from_row).collect()
}

pub async fn with_status(
    c: &mut Conn,
    space: SpaceId,
    status: MembershipStatus,
) -> Result<Vec<Signature>, StoreError> {
    let sql = format!("{SIGNATURE_SELECT} WHERE s.space_id = $1 AND s.status = $2 ORDER BY s.id");
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(status.as_str())
        .fetch_all(c)
        .await?;
    rows.iter().map(signature_from_row).collect()
}

/// Moves a signature from one status to another; false if it was no longer in `from`.
pub async fn set_status(
    c: &mut Conn,
    id: SignatureId,
    from: MembershipStatus,
    to: MembershipStatus,
    by: UserId,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let ended = matches!(to, MembershipStatus::Withdrawn | MembershipStatus::Rejected);
    let done = sqlx::query(
        "UPDATE signatures SET status = $1, decided_at = $2, decided_by = $3, ended_at = $4 \
         WHERE id = $5 AND status = $6",
    )
    .bind(to.as_str())
    .bind(now.0)
    .bind(by.0)
    .bind(if ended { Some(now.0) } else { None })
    .bind(id.0)
    .bind(from.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the person is an active member in their own name.
pub async fn is_member(c: &mut Conn, space: SpaceId, user: UserId) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM signatures WHERE space_id = $1 AND user_id = $2 AND org_id IS NULL AND status = 'active'",
    )
    .bind(space.0)
    .bind(user.0)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

/// One entry of the public list of allies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ally {
    pub name: String,
    /// `None` for a person; the organisation's kind otherwise.
    pub org_kind: Option<OrgKind>,
    pub city: Option<String>,
    pub since: Timestamp,
}

/// Active signatures shown publicly: every organisation, and the persons who
/// consented to be listed. Persons who did not consent are only counted.
pub async fn allies(c: &mut Conn, space: SpaceId) -> Result<(Vec<Ally>, i64), StoreError> {
    let rows = sqlx::query(
        "SELECT COALESCE(o.name, u.display_name) AS name, o.kind, COALESCE(o.city, u.city) AS city, s.signed_at \
         FROM signatures s LEFT JOIN organisations o ON o.id = s.org_id LEFT JOIN users u ON u.id = s.user_id \
         WHERE s.space_id = $1 AND s.status = 'active' AND (s.org_id IS NOT NULL OR u.list_publicly = 1) \
         ORDER BY s.signed_at, s.id",
    )
    .bind(space.0)
    .fetch_all(&mut *c)
    .await?;
    let allies = rows
        .iter()
        .map(|r| {
            let kind: Option<String> = r.try_get("kind")?;
            Ok(Ally {
                name: r.try_get("name")?,
                org_kind: kind.map(|k| OrgKind::parse(&k).unwrap_or(OrgKind::InformalGroup)),
                city: r.try_get("city")?,
                since: Timestamp(r.try_get("signed_at")?),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let unlisted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM signatures s JOIN users u ON u.id = s.user_id \
         WHERE s.space_id = $1 AND s.status = 'active' AND s.org_id IS NULL AND u.list_publicly = 0",
    )
    .bind(space.0)
    .fetch_one(c)
    .await?;
    Ok((allies, unlisted))
}

/// Who is shown on the public list: active signatures of organisations, and of persons
/// who consented to be listed.
const LISTED: &str = "FROM signatures s LEFT JOIN organisations o ON o.id = s.org_id LEFT JOIN users u ON u.id = s.user_id \
     WHERE s.space_id = $1 AND s.status = 'active' AND (s.org_id IS NOT NULL OR u.list_publicly = 1)";

/// One page of the public list of allies, oldest first. `kind` is `all`, `person` or an
/// organisation kind.
pub async fn allies_page(
    c: &mut Conn,
    space: SpaceId,
    kind: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<Ally>, StoreError> {
    let sql = format!(
        "SELECT COALESCE(o.name, u.display_name) AS name, o.kind, COALESCE(o.city, u.city) AS city, s.signed_at \
         {LISTED} AND ($2 = 'all' OR ($2 = 'person' AND s.org_id IS NULL) OR o.kind = $2) \
         ORDER BY s.signed_at, s.id LIMIT $3 OFFSET $4"
    );
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(kind)
        .bind(limit)
        .bind(offset)
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| {
            let kind: Option<String> = r.try_get("kind")?;
            Ok(Ally {
                name: r.try_get("name")?,
                org_kind: kind.map(|k| OrgKind::parse(&k).unwrap_or(OrgKind::InformalGroup)),
                city: r.try_get("city")?,
                since: Timestamp(r.try_get("signed_at")?),
            })
        })
        .collect()
}

/// How many allies of each kind are listed (`None`: persons), and how many persons
/// signed without being listed.
pub async fn ally_counts(
    c: &mut Conn,
    space: SpaceId,
) -> Result<(Vec<(Option<OrgKind>, i64)>, i64), StoreError> {
    let sql = format!("SELECT o.kind, COUNT(*) AS n {LISTED} GROUP BY o.kind");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(&mut *c).await?;
    let counts = rows
        .iter()
        .map(|r| {
            let kind: Option<String> = r.try_get("kind")?;
            Ok((
                kind.map(|k| OrgKind::parse(&k).unwrap_or(OrgKind::InformalGroup)),
                r.try_get("n")?,
            ))
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let unlisted: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM signatures s JOIN users u ON u.id = s.user_id \
         WHERE s.space_id = $1 AND s.status = 'active' AND s.org_id IS NULL AND u.list_publicly = 0",
    )
    .bind(space.0)
    .fetch_one(c)
    .await?;
    Ok((counts, unlisted))
}

/// Withdraws every standing signature a person made in their own name (when the
/// account is deleted); returns the spaces concerned. Signatures for organisations stay.
pub async fn withdraw_personal(
    c: &mut Conn,
    user: UserId,
    now: Timestamp,
) -> Result<Vec<SpaceId>, StoreError> {
    let rows: Vec<i64> = sqlx::query_scalar(
        "UPDATE signatures SET status = 'withdrawn', ended_at = $1, decided_at = $1, decided_by = $2 \
         WHERE user_id = $2 AND org_id IS NULL AND status IN ('pending', 'active') RETURNING space_id",
    )
    .bind(now.0)
    .bind(user.0)
    .fetch_all(&mut *c)
    .await?;
    // The signer's name on organisation signatures is personal data too.
    sqlx::query("UPDATE signatures SET signer_name = $1 WHERE user_id = $2")
        .bind("—")
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(rows.into_iter().map(SpaceId).collect())
}
