//! Members of a cooperative, their register entries and their ledger movements.
//! Entries and movements are only ever inserted.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: i64,
    pub space_id: SpaceId,
    pub number: i64,
    pub kind: String,
    pub user_id: Option<UserId>,
    pub org_id: Option<OrgId>,
    pub declaration_id: Option<i64>,
    pub admitted_on: String,
    pub ends_on: Option<String>,
}

const MEMBER_COLUMNS: &str =
    "id, space_id, number, kind, user_id, org_id, declaration_id, admitted_on, ends_on";

fn member_from_row(r: &AnyRow) -> Result<Member, sqlx::Error> {
    Ok(Member {
        id: r.try_get("id")?,
        space_id: SpaceId(r.try_get("space_id")?),
        number: r.try_get("number")?,
        kind: r.try_get("kind")?,
        user_id: r.try_get::<Option<i64>, _>("user_id")?.map(UserId),
        org_id: r.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        declaration_id: r.try_get("declaration_id")?,
        admitted_on: r.try_get("admitted_on")?,
        ends_on: r.try_get("ends_on")?,
    })
}

pub struct NewMember<'a> {
    pub space: SpaceId,
    pub kind: &'a str,
    pub user: Option<UserId>,
    pub org: Option<OrgId>,
    pub declaration: Option<i64>,
    pub sort_name: &'a str,
    pub admitted_on: &'a str,
}

/// Adds a member with the next member number of the space; returns (id, number).
pub async fn insert(c: &mut Conn, m: &NewMember<'_>) -> Result<(i64, i64), StoreError> {
    let r = sqlx::query(
        "INSERT INTO coop_members (space_id, number, kind, user_id, org_id, declaration_id, sort_name, admitted_on) \
         VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM coop_members WHERE space_id = $1), $2, $3, $4, $5, $6, $7) \
         RETURNING id, number",
    )
    .bind(m.space.0)
    .bind(m.kind)
    .bind(m.user.map(|u| u.0))
    .bind(m.org.map(|o| o.0))
    .bind(m.declaration)
    .bind(m.sort_name)
    .bind(m.admitted_on)
    .fetch_one(c)
    .await?;
    Ok((r.try_get("id")?, r.try_get("number")?))
}

/// Copies the day membership ends from the register (see the schema's note).
pub async fn set_ends_on(c: &mut Conn, member: i64, ends_on: &str) -> Result<(), StoreError> {
    sqlx::query("UPDATE coop_members SET ends_on = $2 WHERE id = $1")
        .bind(member)
        .bind(ends_on)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn by_number(c: &mut Conn, space: SpaceId, number: i64) -> Result<Member, StoreError> {
    let sql =
        format!("SELECT {MEMBER_COLUMNS} FROM coop_members WHERE space_id = $1 AND number = $2");
    Ok(member_from_row(
        &sqlx::query(&sql)
            .bind(space.0)
            .bind(number)
            .fetch_one(c)
            .await?,
    )?)
}

/// A member of `space` by the id of its row (as a declaration names it).
pub async fn by_id(c: &mut Conn, space: SpaceId, id: i64) -> Result<Member, StoreError> {
    let sql = format!("SELECT {MEMBER_COLUMNS} FROM coop_members WHERE space_id = $1 AND id = $2");
    Ok(member_from_row(
        &sqlx::query(&sql)
            .bind(space.0)
            .bind(id)
            .fetch_one(c)
            .await?,
    )?)
}

/// The members `user` is or acts for on `today`: in their own name, or as the
/// representative of a member organisation.
pub async fn current_for_user(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
    today: &str,
) -> Result<Vec<Member>, StoreError> {
    // Every request asks this: two lookups by the person's indexes (their own
    // membership, their organisations'), never a scan of the space's members, which
    // `space_id + 0` keeps SQLite from choosing.
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM coop_members WHERE user_id = $3 AND org_id IS NULL \
         AND space_id + 0 = $1 AND (ends_on IS NULL OR ends_on > $2) \
         UNION ALL SELECT {MEMBER_COLUMNS} FROM coop_members WHERE org_id IN (SELECT org_id FROM org_representatives \
         WHERE user_id = $3 AND revoked_at IS NULL) AND space_id + 0 = $1 AND (ends_on IS NULL OR ends_on > $2) \
         ORDER BY number"
    );
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(today)
        .bind(user.0)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(member_from_row).collect::<Result<_, _>>()?)
}

/// Every membership `user` has had in `space`, in their own name, newest first.
pub async fn of_user(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
) -> Result<Vec<Member>, StoreError> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM coop_members WHERE space_id = $1 AND user_id = $2 AND org_id IS NULL ORDER BY number DESC"
    );
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(user.0)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(member_from_row).collect::<Result<_, _>>()?)
}

/// A standing membership of `org` on `today`, if any.
pub async fn current_of_org(
    c: &mut Conn,
    space: SpaceId,
    org: OrgId,
    today: &str,
) -> Result<Option<Member>, StoreError> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM coop_members WHERE space_id = $1 AND org_id = $2 AND (ends_on IS NULL OR ends_on > $3)"
    );
    let row = sqlx::query(&sql)
        .bind(space.0)
        .bind(org.0)
        .bind(today)
        .fetch_optional(c)
        .await?;
    Ok(row.as_ref().map(member_from_row).transpose()?)
}

/// One page of the register, by member number.
pub async fn page(
    c: &mut Conn,
    space: SpaceId,
    limit: i64,
    offset: i64,
) -> Result<Vec<Member>, StoreError> {
    let sql = format!(
        "SELECT {MEMBER_COLUMNS} FROM coop_members WHERE space_id = $1 ORDER BY number LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(&sql)
        .bind(space.0)
        .bind(limit)
        .bind(offset)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(member_from_row).collect::<Result<_, _>>()?)
}

pub async fn count(c: &mut Conn, space: SpaceId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM coop_members WHERE space_id = $1")
            .bind(space.0)
            .fetch_one(c)
            .await?,
    )
}

/// Members on `today` by kind: (natural, legal).
pub async fn current_by_kind(
    c: &mut Conn,
    space: SpaceId,
    today: &str,
) -> Result<(i64, i64), StoreError> {
    let r = sqlx::query(
        "SELECT COALESCE(SUM(CASE WHEN kind = 'natural' THEN 1 ELSE 0 END), 0) AS natural, \
         COALESCE(SUM(CASE WHEN kind = 'legal' THEN 1 ELSE 0 END), 0) AS legal \
         FROM coop_members WHERE space_id = $1 AND (ends_on IS NULL OR ends_on > $2)",
    )
    .bind(space.0)
    .bind(today)
    .fetch_one(c)
    .await?;
    Ok((r.try_get("natural")?, r.try_get("legal")?))
}

/// Admissions and endings by day and kind, for the members-over-time chart:
/// (day, kind, +1 admitted / -1 ended).
pub async fn membership_changes(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT admitted_on AS day, kind, 1 AS delta FROM coop_members WHERE space_id = $1 \
         UNION ALL SELECT ends_on AS day, kind, -1 AS delta FROM coop_members WHERE space_id = $1 AND ends_on IS NOT NULL \
         ORDER BY day",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("day")?, r.try_get("kind")?, r.try_get("delta")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// A stored register entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRow {
    pub id: i64,
    pub member_id: i64,
    pub entry: String,
    pub body: String,
    pub effective_on: String,
    pub corrects: Option<i64>,
    pub reason: Option<String>,
    pub recorded_at: Timestamp,
    pub recorded_by: Option<String>,
}

pub struct NewEntry<'a> {
    pub space: SpaceId,
    pub member: i64,
    pub entry: &'a str,
    pub body: &'a str,
    pub effective_on: &'a str,
    pub corrects: Option<i64>,
    pub reason: Option<&'a str>,
    pub by: Option<UserId>,
}

pub async fn add_entry(c: &mut Conn, e: &NewEntry<'_>, now: Timestamp) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_register (space_id, member_id, entry, body, effective_on, corrects, reason, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(e.space.0)
    .bind(e.member)
    .bind(e.entry)
    .bind(e.body)
    .bind(e.effective_on)
    .bind(e.corrects)
    .bind(e.reason)
    .bind(now.0)
    .bind(e.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

fn entry_from_row(r: &AnyRow) -> Result<EntryRow, sqlx::Error> {
    Ok(EntryRow {
        id: r.try_get("id")?,
        member_id: r.try_get("member_id")?,
        entry: r.try_get("entry")?,
        body: r.try_get("body")?,
        effective_on: r.try_get("effective_on")?,
        corrects: r.try_get("corrects")?,
        reason: r.try_get("reason")?,
        recorded_at: Timestamp(r.try_get("recorded_at")?),
        recorded_by: r.try_get("recorded_by_name")?,
    })
}

/// Register entries of some members of `space` (a page of the register), in order.
/// The ids drive the query through the member index: `space_id + 0` keeps SQLite from
/// choosing the space index instead, which would read every entry of the space.
pub async fn entries_of(
    c: &mut Conn,
    space: SpaceId,
    members: &[i64],
) -> Result<Vec<EntryRow>, StoreError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let list = id_list(members);
    let sql = format!(
        "SELECT e.id, e.member_id, e.entry, e.body, e.effective_on, e.corrects, e.reason, e.recorded_at, \
         u.display_name AS recorded_by_name FROM coop_register e LEFT JOIN users u ON u.id = e.recorded_by \
         WHERE e.member_id IN ({list}) AND e.space_id + 0 = $1 ORDER BY e.member_id, e.id"
    );
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows.iter().map(entry_from_row).collect::<Result<_, _>>()?)
}

/// Every register entry of `space`, in order (for exports and reconciliation).
pub async fn all_entries(c: &mut Conn, space: SpaceId) -> Result<Vec<EntryRow>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.member_id, e.entry, e.body, e.effective_on, e.corrects, e.reason, e.recorded_at, \
         NULL AS recorded_by_name FROM coop_register e WHERE e.space_id = $1 ORDER BY e.member_id, e.id",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    Ok(rows.iter().map(entry_from_row).collect::<Result<_, _>>()?)
}

/// Ids are integers the code chose, never input, so a literal list is safe and lets one
/// query serve any page size on both backends.
fn id_list(ids: &[i64]) -> String {
    ids.iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A stored ledger movement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovementRow {
    pub id: i64,
    pub member_id: i64,
    pub kind: String,
    pub shares: i64,
    pub amount: i64,
    pub on_date: String,
    pub method: Option<String>,
    pub reference: Option<String>,
    pub note: Option<String>,
    pub recorded_at: Timestamp,
}

pub struct NewMovement<'a> {
    pub space: SpaceId,
    pub member: i64,
    pub kind: &'a str,
    pub shares: i64,
    pub amount: i64,
    pub on_date: &'a str,
    pub method: Option<&'a str>,
    pub reference: Option<&'a str>,
    pub note: Option<&'a str>,
    pub by: Option<UserId>,
}

pub async fn add_movement(
    c: &mut Conn,
    m: &NewMovement<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_ledger (space_id, member_id, kind, shares, amount, on_date, method, reference, note, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(m.space.0)
    .bind(m.member)
    .bind(m.kind)
    .bind(m.shares)
    .bind(m.amount)
    .bind(m.on_date)
    .bind(m.method)
    .bind(m.reference)
    .bind(m.note)
    .bind(now.0)
    .bind(m.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

fn movement_from_row(r: &AnyRow) -> Result<MovementRow, sqlx::Error> {
    Ok(MovementRow {
        id: r.try_get("id")?,
        member_id: r.try_get("member_id")?,
        kind: r.try_get("kind")?,
        shares: r.try_get("shares")?,
        amount: r.try_get("amount")?,
        on_date: r.try_get("on_date")?,
        method: r.try_get("method")?,
        reference: r.try_get("reference")?,
        note: r.try_get("note")?,
        recorded_at: Timestamp(r.try_get("recorded_at")?),
    })
}

const MOVEMENT_COLUMNS_L: &str =
    "l.id, l.member_id, l.kind, l.shares, l.amount, l.on_date, l.method, l.reference, l.note, l.recorded_at";

/// Ledger movements of some members of `space`, in order.
pub async fn movements_of(
    c: &mut Conn,
    space: SpaceId,
    members: &[i64],
) -> Result<Vec<MovementRow>, StoreError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let list = id_list(members);
    let sql = format!(
        "SELECT {MOVEMENT_COLUMNS_L} FROM coop_ledger l \
         WHERE l.member_id IN ({list}) AND l.space_id + 0 = $1 ORDER BY l.member_id, l.id"
    );
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows
        .iter()
        .map(movement_from_row)
        .collect::<Result<_, _>>()?)
}

/// One page of the ledger of `space`, newest first, each movement with its member's number.
pub async fn ledger_page(
    c: &mut Conn,
    space: SpaceId,
    limit: i64,
    offset: i64,
) -> Result<Vec<(i64, MovementRow)>, StoreError> {
    let rows = sqlx::query(
        "SELECT l.id, l.member_id, l.kind, l.shares, l.amount, l.on_date, l.method, l.reference, l.note, l.recorded_at, \
         m.number FROM coop_ledger l JOIN coop_members m ON m.id = l.member_id \
         WHERE l.space_id = $1 ORDER BY l.id DESC LIMIT $2 OFFSET $3",
    )
    .bind(space.0)
    .bind(limit)
    .bind(offset)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("number")?, movement_from_row(r)?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn ledger_count(c: &mut Conn, space: SpaceId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM coop_ledger WHERE space_id = $1")
            .bind(space.0)
            .fetch_one(c)
            .await?,
    )
}

/// Sums of the ledger by member and kind: (member, kind, shares, amount). The register
/// and the reconciliation read balances from these instead of every movement.
pub async fn sums(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Vec<(i64, String, i64, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT member_id, kind, CAST(COALESCE(SUM(shares), 0) AS BIGINT) AS shares, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount \
         FROM coop_ledger WHERE space_id = $1 GROUP BY member_id, kind ORDER BY member_id, kind",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("member_id")?,
                r.try_get("kind")?,
                r.try_get("shares")?,
                r.try_get("amount")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Sums of the ledger by member and kind for some members of `space` (a page of the
/// register): a few rows per member instead of every movement.
pub async fn sums_of(
    c: &mut Conn,
    space: SpaceId,
    members: &[i64],
) -> Result<Vec<(i64, String, i64, i64)>, StoreError> {
    if members.is_empty() {
        return Ok(Vec::new());
    }
    let list = id_list(members);
    let sql = format!(
        "SELECT member_id, kind, CAST(COALESCE(SUM(shares), 0) AS BIGINT) AS shares, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount \
         FROM coop_ledger WHERE member_id IN ({list}) AND space_id + 0 = $1 GROUP BY member_id, kind ORDER BY member_id, kind"
    );
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("member_id")?,
                r.try_get("kind")?,
                r.try_get("shares")?,
                r.try_get("amount")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Money by day and kind over the whole ledger, for the capital-over-time chart.
pub async fn daily_totals(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT on_date, kind, CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS amount FROM coop_ledger WHERE space_id = $1 \
         GROUP BY on_date, kind ORDER BY on_date, kind",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("on_date")?,
                r.try_get("kind")?,
                r.try_get("amount")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Records approved financial statements of a year; `Conflict` when already recorded.
#[allow(clippy::too_many_arguments)]
pub async fn insert_statements(
    c: &mut Conn,
    space: SpaceId,
    year: i64,
    approved_on: &str,
    surplus: i64,
    reserve_fund: i64,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coop_statements (space_id, year, approved_on, surplus, reserve_fund, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(space.0)
    .bind(year)
    .bind(approved_on)
    .bind(surplus)
    .bind(reserve_fund)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .execute(c)
    .await?;
    Ok(())
}

/// Approved statements of `space`: (year, approved on, surplus, reserve fund), newest first.
pub async fn statements(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Vec<(i64, String, i64, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT year, approved_on, surplus, reserve_fund FROM coop_statements WHERE space_id = $1 ORDER BY year DESC",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get("year")?,
                r.try_get("approved_on")?,
                r.try_get("surplus")?,
                r.try_get("reserve_fund")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Records member `member`'s use of the cooperative in `year` (grosze).
pub async fn add_use(
    c: &mut Conn,
    space: SpaceId,
    year: i64,
    member: i64,
    value: i64,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO coop_use (space_id, year, member_id, value, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(space.0)
    .bind(year)
    .bind(member)
    .bind(value)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .execute(c)
    .await?;
    Ok(())
}

/// Each member's latest recorded use in `year`: (member id, value in grosze).
pub async fn use_in(
    c: &mut Conn,
    space: SpaceId,
    year: i64,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT u.member_id, u.value FROM coop_use u WHERE u.space_id = $1 AND u.year = $2 \
         AND u.id = (SELECT MAX(v.id) FROM coop_use v WHERE v.space_id = $1 AND v.year = $2 AND v.member_id = u.member_id)",
    )
    .bind(space.0)
    .bind(year)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("member_id")?, r.try_get("value")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
