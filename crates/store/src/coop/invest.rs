//! Co-investment projects (with milestones, pledges and payments against pledges) and
//! the assets the members own together (with their valuations). Payments and
//! valuations are append-only.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Investment {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub goal: i64,
    pub status: String,
    pub pledged: i64,
    pub paid: i64,
}

const INVESTMENT_SELECT: &str = "SELECT i.id, i.title, i.summary, i.description_md, i.goal, i.status, \
     CAST(COALESCE((SELECT SUM(p.amount) FROM coop_pledges p WHERE p.investment_id = i.id), 0) AS BIGINT) AS pledged, \
     CAST(COALESCE((SELECT SUM(y.amount) FROM coop_pledge_payments y JOIN coop_pledges p ON p.id = y.pledge_id \
       WHERE p.investment_id = i.id), 0) AS BIGINT) AS paid \
     FROM coop_investments i";

fn investment_from_row(r: &AnyRow) -> Result<Investment, sqlx::Error> {
    Ok(Investment {
        id: r.try_get("id")?,
        title: r.try_get("title")?,
        summary: r.try_get("summary")?,
        description_md: r.try_get("description_md")?,
        goal: r.try_get("goal")?,
        status: r.try_get("status")?,
        pledged: r.try_get("pledged")?,
        paid: r.try_get("paid")?,
    })
}

pub struct NewInvestment<'a> {
    pub space: SpaceId,
    pub title: &'a str,
    pub summary: &'a str,
    pub description_md: &'a str,
    pub goal: i64,
    pub status: &'a str,
    pub by: Option<UserId>,
}

pub async fn insert_investment(
    c: &mut Conn,
    i: &NewInvestment<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_investments (space_id, title, summary, description_md, goal, status, created_at, created_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(i.space.0)
    .bind(i.title)
    .bind(i.summary)
    .bind(i.description_md)
    .bind(i.goal)
    .bind(i.status)
    .bind(now.0)
    .bind(i.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

pub async fn investments(c: &mut Conn, space: SpaceId) -> Result<Vec<Investment>, StoreError> {
    let sql = format!("{INVESTMENT_SELECT} WHERE i.space_id = $1 ORDER BY i.id");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    Ok(rows
        .iter()
        .map(investment_from_row)
        .collect::<Result<_, _>>()?)
}

pub async fn investment(c: &mut Conn, space: SpaceId, id: i64) -> Result<Investment, StoreError> {
    let sql = format!("{INVESTMENT_SELECT} WHERE i.space_id = $1 AND i.id = $2");
    Ok(investment_from_row(
        &sqlx::query(&sql)
            .bind(space.0)
            .bind(id)
            .fetch_one(c)
            .await?,
    )?)
}

pub async fn set_status(c: &mut Conn, id: i64, from: &str, to: &str) -> Result<bool, StoreError> {
    let n = sqlx::query("UPDATE coop_investments SET status = $3 WHERE id = $1 AND status = $2")
        .bind(id)
        .bind(from)
        .bind(to)
        .execute(c)
        .await?
        .rows_affected();
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Milestone {
    pub id: i64,
    pub title: String,
    pub due_on: Option<String>,
    pub done_on: Option<String>,
}

pub async fn add_milestone(
    c: &mut Conn,
    investment: i64,
    title: &str,
    due_on: Option<&str>,
    done_on: Option<&str>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_milestones (investment_id, position, title, due_on, done_on) VALUES \
         ($1, (SELECT COALESCE(MAX(position), 0) + 1 FROM coop_milestones WHERE investment_id = $1), $2, $3, $4) RETURNING id",
    )
    .bind(investment)
    .bind(title)
    .bind(due_on)
    .bind(done_on)
    .fetch_one(c)
    .await?)
}

pub async fn milestones(c: &mut Conn, investment: i64) -> Result<Vec<Milestone>, StoreError> {
    let rows = sqlx::query("SELECT id, title, due_on, done_on FROM coop_milestones WHERE investment_id = $1 ORDER BY position")
        .bind(investment)
        .fetch_all(c)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Milestone {
                id: r.try_get("id")?,
                title: r.try_get("title")?,
                due_on: r.try_get("due_on")?,
                done_on: r.try_get("done_on")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Marks a milestone of `investment` reached on `done_on`; false when it is not one of
/// its milestones or was reached already (a reached milestone keeps its date).
pub async fn complete_milestone(
    c: &mut Conn,
    investment: i64,
    milestone: i64,
    done_on: &str,
) -> Result<bool, StoreError> {
    let n = sqlx::query(
        "UPDATE coop_milestones SET done_on = $3 WHERE id = $1 AND investment_id = $2 AND done_on IS NULL",
    )
    .bind(milestone)
    .bind(investment)
    .bind(done_on)
    .execute(c)
    .await?
    .rows_affected();
    Ok(n > 0)
}

/// A project's document, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectDocument {
    pub id: i64,
    pub file_id: i64,
    pub title: String,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

pub async fn add_document(
    c: &mut Conn,
    investment: i64,
    file: i64,
    title: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_investment_documents (investment_id, file_id, title, added_at, added_by) \
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(investment)
    .bind(file)
    .bind(title)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

pub async fn documents(c: &mut Conn, investment: i64) -> Result<Vec<ProjectDocument>, StoreError> {
    let rows = sqlx::query(
        "SELECT d.id, d.file_id, d.title, f.name, f.content_type, f.size \
         FROM coop_investment_documents d JOIN files f ON f.id = d.file_id \
         WHERE d.investment_id = $1 ORDER BY d.id",
    )
    .bind(investment)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ProjectDocument {
                id: r.try_get("id")?,
                file_id: r.try_get("file_id")?,
                title: r.try_get("title")?,
                name: r.try_get("name")?,
                content_type: r.try_get("content_type")?,
                size: r.try_get("size")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pledge {
    pub id: i64,
    pub investment_id: i64,
    pub pledger: String,
    pub partner: bool,
    pub member_id: Option<i64>,
    pub org_id: Option<OrgId>,
    pub amount: i64,
    pub paid: i64,
    pub pledged_on: String,
}

const PLEDGE_SELECT: &str = "SELECT p.id, p.investment_id, p.pledger, p.partner, p.member_id, p.org_id, p.amount, p.pledged_on, \
     CAST(COALESCE((SELECT SUM(y.amount) FROM coop_pledge_payments y WHERE y.pledge_id = p.id), 0) AS BIGINT) AS paid \
     FROM coop_pledges p";

fn pledge_from_row(r: &AnyRow) -> Result<Pledge, sqlx::Error> {
    Ok(Pledge {
        id: r.try_get("id")?,
        investment_id: r.try_get("investment_id")?,
        pledger: r.try_get("pledger")?,
        partner: r.try_get::<i64, _>("partner")? != 0,
        member_id: r.try_get("member_id")?,
        org_id: r.try_get::<Option<i64>, _>("org_id")?.map(OrgId),
        amount: r.try_get("amount")?,
        paid: r.try_get("paid")?,
        pledged_on: r.try_get("pledged_on")?,
    })
}

pub struct NewPledge<'a> {
    pub investment: i64,
    pub member: Option<i64>,
    pub org: Option<OrgId>,
    pub user: Option<UserId>,
    pub pledger: &'a str,
    pub partner: bool,
    pub amount: i64,
    pub pledged_on: &'a str,
    pub by: Option<UserId>,
}

pub async fn insert_pledge(
    c: &mut Conn,
    p: &NewPledge<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_pledges (investment_id, member_id, org_id, user_id, pledger, partner, amount, pledged_on, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(p.investment)
    .bind(p.member)
    .bind(p.org.map(|o| o.0))
    .bind(p.user.map(|u| u.0))
    .bind(p.pledger)
    .bind(i64::from(p.partner))
    .bind(p.amount)
    .bind(p.pledged_on)
    .bind(now.0)
    .bind(p.by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

pub async fn pledges(c: &mut Conn, investment: i64) -> Result<Vec<Pledge>, StoreError> {
    let sql = format!("{PLEDGE_SELECT} WHERE p.investment_id = $1 ORDER BY p.id");
    let rows = sqlx::query(&sql).bind(investment).fetch_all(c).await?;
    Ok(rows.iter().map(pledge_from_row).collect::<Result<_, _>>()?)
}

/// A pledge of a project of `space`.
pub async fn pledge(c: &mut Conn, space: SpaceId, id: i64) -> Result<Pledge, StoreError> {
    let sql = format!("{PLEDGE_SELECT} JOIN coop_investments i ON i.id = p.investment_id WHERE p.id = $1 AND i.space_id = $2");
    Ok(pledge_from_row(
        &sqlx::query(&sql)
            .bind(id)
            .bind(space.0)
            .fetch_one(c)
            .await?,
    )?)
}

pub async fn insert_pledge_payment(
    c: &mut Conn,
    pledge: i64,
    amount: i64,
    paid_on: &str,
    reference: Option<&str>,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_pledge_payments (pledge_id, amount, paid_on, reference, recorded_at, recorded_by) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(pledge)
    .bind(amount)
    .bind(paid_on)
    .bind(reference)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub location: String,
    pub description_md: String,
    pub acquired_on: String,
    pub acquisition_value: i64,
    pub investment_id: Option<i64>,
    pub status: String,
    /// The latest valuation, or the value at acquisition.
    pub value: i64,
    pub valued_on: String,
}

pub struct NewAsset<'a> {
    pub space: SpaceId,
    pub name: &'a str,
    pub kind: &'a str,
    pub location: &'a str,
    pub description_md: &'a str,
    pub acquired_on: &'a str,
    pub acquisition_value: i64,
    pub investment: Option<i64>,
    pub status: &'a str,
}

pub async fn insert_asset(
    c: &mut Conn,
    a: &NewAsset<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_assets (space_id, name, kind, location, description_md, acquired_on, acquisition_value, investment_id, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(a.space.0)
    .bind(a.name)
    .bind(a.kind)
    .bind(a.location)
    .bind(a.description_md)
    .bind(a.acquired_on)
    .bind(a.acquisition_value)
    .bind(a.investment)
    .bind(a.status)
    .bind(now.0)
    .fetch_one(c)
    .await?)
}

pub async fn assets(c: &mut Conn, space: SpaceId) -> Result<Vec<Asset>, StoreError> {
    let rows = sqlx::query(
        "SELECT a.id, a.name, a.kind, a.location, a.description_md, a.acquired_on, a.acquisition_value, a.investment_id, a.status, \
         COALESCE((SELECT v.value FROM coop_valuations v WHERE v.asset_id = a.id ORDER BY v.valued_on DESC, v.id DESC LIMIT 1), a.acquisition_value) AS value, \
         COALESCE((SELECT v.valued_on FROM coop_valuations v WHERE v.asset_id = a.id ORDER BY v.valued_on DESC, v.id DESC LIMIT 1), a.acquired_on) AS valued_on \
         FROM coop_assets a WHERE a.space_id = $1 ORDER BY a.id",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Asset {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
                kind: r.try_get("kind")?,
                location: r.try_get("location")?,
                description_md: r.try_get("description_md")?,
                acquired_on: r.try_get("acquired_on")?,
                acquisition_value: r.try_get("acquisition_value")?,
                investment_id: r.try_get("investment_id")?,
                status: r.try_get("status")?,
                value: r.try_get("value")?,
                valued_on: r.try_get("valued_on")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn add_valuation(
    c: &mut Conn,
    asset: i64,
    valued_on: &str,
    value: i64,
    note: Option<&str>,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO coop_valuations (asset_id, valued_on, value, note, recorded_at, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(asset)
    .bind(valued_on)
    .bind(value)
    .bind(note)
    .bind(now.0)
    .bind(by.map(|u| u.0))
    .fetch_one(c)
    .await?)
}
