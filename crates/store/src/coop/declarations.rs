//! Membership declarations: written once, then their decision and appeal filled in.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{DocumentId, OrgId, SpaceId, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declaration {
    pub id: i64,
    pub space_id: SpaceId,
    pub user_id: Option<UserId>,
    pub org_id: Option<OrgId>,
    pub kind: String,
    pub name: String,
    pub address: String,
    pub krs: Option<String>,
    pub email: Option<String>,
    pub shares: i64,
    pub document_id: DocumentId,
    pub document_version: i64,
    pub channel: String,
    pub scan_file_id: Option<i64>,
    pub entered_by: Option<UserId>,
    pub founder: bool,
    pub submitted_on: String,
    pub decision_due: String,
    pub status: String,
    pub decided_on: Option<String>,
    pub late: bool,
    pub reasons: Option<String>,
    pub appeal_due: Option<String>,
    pub appealed_on: Option<String>,
    pub appeal_text: Option<String>,
    pub appeal_decided_on: Option<String>,
    pub appeal_reasons: Option<String>,
    pub member_id: Option<i64>,
}

const SELECT: &str = "SELECT d.id, d.space_id, d.user_id, d.org_id, d.kind, d.name, d.address, d.krs, d.email, \
     d.shares, d.document_id, s.version, d.channel, d.scan_file_id, d.entered_by, d.founder, d.submitted_on, \
     d.decision_due, d.status, d.decided_on, d.late, d.reasons, d.appeal_due, d.appealed_on, d.appeal_text, \
     d.appeal_decided_on, d.appeal_reasons, d.member_id \
     FROM coop_declarations d JOIN space_documents s ON s.id = d.document_id";

fn from_row(r: &AnyRow) -> Result<Declaration, sqlx::Error> {
    Ok(Declaration {
        id: r.try_get("id")?,
        space_id: SpaceId(r.try_get("space_id")?),
        user_id: r.try_get::<Option<i64>, _>("user_id")?.map(UserId),
        org_id: r.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        kind: r.try_get("kind")?,
        name: r.try_get("name")?,
        address: r.try_get("address")?,
        krs: r.try_get("krs")?,
        email: r.try_get("email")?,
        shares: r.try_get("shares")?,
        document_id: DocumentId(r.try_get("document_id")?),
        document_version: r.try_get("version")?,
        channel: r.try_get("channel")?,
        scan_file_id: r.try_get("scan_file_id")?,
        entered_by: r.try_get::<Option<i64>, _>("entered_by")?.map(UserId),
        founder: r.try_get::<i64, _>("founder")? != 0,
        submitted_on: r.try_get("submitted_on")?,
        decision_due: r.try_get("decision_due")?,
        status: r.try_get("status")?,
        decided_on: r.try_get("decided_on")?,
        late: r.try_get::<i64, _>("late")? != 0,
        reasons: r.try_get("reasons")?,
        appeal_due: r.try_get("appeal_due")?,
        appealed_on: r.try_get("appealed_on")?,
        appeal_text: r.try_get("appeal_text")?,
        appeal_decided_on: r.try_get("appeal_decided_on")?,
        appeal_reasons: r.try_get("appeal_reasons")?,
        member_id: r.try_get("member_id")?,
    })
}

pub struct NewDeclaration<'a> {
    pub space: SpaceId,
    pub user: Option<UserId>,
    pub org: Option<OrgId>,
    pub kind: &'a str,
    pub name: &'a str,
    pub address: &'a str,
    pub krs: Option<&'a str>,
    pub email: Option<&'a str>,
    pub shares: i64,
    pub document: DocumentId,
    pub channel: &'a str,
    pub scan_file: Option<i64>,
    pub entered_by: Option<UserId>,
    pub founder: bool,
    pub submitted_on: &'a str,
    pub decision_due: &'a str,
}

/// Records a pending declaration. A second open declaration of the same person or
/// organisation is refused by a unique index: `Conflict`.
pub async fn insert(
    c: &mut Conn,
    d: &NewDeclaration<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_declarations (space_id, user_id, org_id, kind, name, address, krs, email, shares, \
         document_id, channel, scan_file_id, entered_by, founder, submitted_on, submitted_at, decision_due, status) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, 'pending') RETURNING id",
    )
    .bind(d.space.0)
    .bind(d.user.map(|u| u.0))
    .bind(d.org.map(|o| o.0))
    .bind(d.kind)
    .bind(d.name)
    .bind(d.address)
    .bind(d.krs)
    .bind(d.email)
    .bind(d.shares)
    .bind(d.document.0)
    .bind(d.channel)
    .bind(d.scan_file)
    .bind(d.entered_by.map(|u| u.0))
    .bind(i64::from(d.founder))
    .bind(d.submitted_on)
    .bind(now.0)
    .bind(d.decision_due)
    .fetch_one(c)
    .await?)
}

pub async fn get(c: &mut Conn, space: SpaceId, id: i64) -> Result<Declaration, StoreError> {
    let sql = format!("{SELECT} WHERE d.id = $1 AND d.space_id = $2");
    Ok(from_row(
        &sqlx::query(&sql)
            .bind(id)
            .bind(space.0)
            .fetch_one(c)
            .await?,
    )?)
}

/// Declarations of `space`, open ones first (oldest due first), then the decided ones,
/// newest first; one page.
pub async fn list(
    c: &mut Conn,
    space: SpaceId,
    limit: i64,
    offset: i64,
) -> Result<Vec<Declaration>, StoreError> {
    let sql = format!(
        "{SELECT} WHERE d.space_id = $1 ORDER BY CASE WHEN d.status IN ('pending', 'appealed') THEN 0 ELSE 1 END, \
         CASE WHEN d.status IN ('pending', 'appealed') THEN d.decision_due END, d.id DESC LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(limit)
        .bind(offset)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn count(c: &mut Conn, space: SpaceId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM coop_declarations WHERE space_id = $1")
            .bind(space.0)
            .fetch_one(c)
            .await?,
    )
}

/// Declarations made by `user` (in their own name or for an organisation), newest first.
pub async fn of_user(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
) -> Result<Vec<Declaration>, StoreError> {
    let sql = format!("{SELECT} WHERE d.space_id = $1 AND d.user_id = $2 ORDER BY d.id DESC");
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(user.0)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Records the board's decision on a pending declaration; `false` when it was no
/// longer pending (someone decided first).
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    c: &mut Conn,
    id: i64,
    status: &str,
    decided_on: &str,
    by: UserId,
    late: bool,
    reasons: Option<&str>,
    appeal_due: Option<&str>,
    member: Option<i64>,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE coop_declarations SET status = $2, decided_on = $3, decided_by = $4, late = $5, reasons = $6, \
         appeal_due = $7, member_id = $8 WHERE id = $1 AND status = 'pending'",
    )
    .bind(id)
    .bind(status)
    .bind(decided_on)
    .bind(by.0)
    .bind(i64::from(late))
    .bind(reasons)
    .bind(appeal_due)
    .bind(member)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Records an appeal against a refusal.
pub async fn appeal(c: &mut Conn, id: i64, on: &str, text: &str) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE coop_declarations SET status = 'appealed', appealed_on = $2, appeal_text = $3 \
         WHERE id = $1 AND status = 'refused'",
    )
    .bind(id)
    .bind(on)
    .bind(text)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Records the appeal body's decision.
pub async fn decide_appeal(
    c: &mut Conn,
    id: i64,
    status: &str,
    on: &str,
    by: UserId,
    reasons: &str,
    member: Option<i64>,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE coop_declarations SET status = $2, appeal_decided_on = $3, appeal_decided_by = $4, \
         appeal_reasons = $5, member_id = $6 WHERE id = $1 AND status = 'appealed'",
    )
    .bind(id)
    .bind(status)
    .bind(on)
    .bind(by.0)
    .bind(reasons)
    .bind(member)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// Counts for the board's overview: open declarations, of which overdue on `today`,
/// and appeals waiting.
pub async fn waiting(
    c: &mut Conn,
    space: SpaceId,
    today: &str,
) -> Result<(i64, i64, i64), StoreError> {
    let r = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN status = 'pending' THEN 1 ELSE 0 END), 0) AS pending, \
         COALESCE(SUM(CASE WHEN status = 'pending' AND decision_due < $2 THEN 1 ELSE 0 END), 0) AS overdue, \
         COALESCE(SUM(CASE WHEN status = 'appealed' THEN 1 ELSE 0 END), 0) AS appeals \
         FROM coop_declarations WHERE space_id = $1",
    )
    .bind(space.0)
    .bind(today)
    .fetch_one(c)
    .await?;
    Ok((
        r.try_get("pending")?,
        r.try_get("overdue")?,
        r.try_get("appeals")?,
    ))
}
