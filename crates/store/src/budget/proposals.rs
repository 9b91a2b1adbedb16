//! Proposals: their cost lines, supports, verification and appeals.

use super::corrupt;
use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::budget::{LineItem, ProposalStatus};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;
use wspolnota_domain::pb::Money;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: i64,
    pub round_id: i64,
    pub pool_id: i64,
    pub author_id: Option<UserId>,
    pub title: String,
    pub description_md: String,
    pub place: Option<String>,
    pub status: ProposalStatus,
    /// The author's estimate: the sum of `items`.
    pub cost: Money,
    /// The cost after verification, when the officials changed it.
    pub verified_cost: Option<Money>,
    pub cost_justification: Option<String>,
    pub verification_reason: Option<String>,
    pub verified_at: Option<Timestamp>,
    pub appeal_text: Option<String>,
    pub appeal_upheld: Option<bool>,
    pub appeal_reason: Option<String>,
    pub items: Vec<LineItem>,
    pub supports: i64,
}

impl Proposal {
    /// The cost that counts: the verified one if the officials set it.
    pub fn final_cost(&self) -> Money {
        self.verified_cost.unwrap_or(self.cost)
    }
}

const PROPOSAL_COLUMNS: &str = "p.id, p.round_id, p.pool_id, p.author_id, p.title, p.description_md, p.place, p.status, \
     p.cost_grosze, p.verified_cost_grosze, p.cost_justification, p.verification_reason, p.verified_at, p.appeal_text, \
     p.appeal_upheld, p.appeal_reason, (SELECT COUNT(*) FROM proposal_supports s WHERE s.proposal_id = p.id) AS supports";

fn proposal_from_row(r: &AnyRow) -> Result<Proposal, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(Proposal {
        id: r.try_get("id")?,
        round_id: r.try_get("round_id")?,
        pool_id: r.try_get("pool_id")?,
        author_id: r.try_get::<Option<i64>, _>("author_id")?.map(UserId),
        title: r.try_get("title")?,
        description_md: r.try_get("description_md")?,
        place: r.try_get("place")?,
        status: ProposalStatus::parse(&status)
            .ok_or_else(|| corrupt("proposal status", &status))?,
        cost: Money(r.try_get("cost_grosze")?),
        verified_cost: r
            .try_get::<Option<i64>, _>("verified_cost_grosze")?
            .map(Money),
        cost_justification: r.try_get("cost_justification")?,
        verification_reason: r.try_get("verification_reason")?,
        verified_at: r.try_get::<Option<i64>, _>("verified_at")?.map(Timestamp),
        appeal_text: r.try_get("appeal_text")?,
        appeal_upheld: r
            .try_get::<Option<i64>, _>("appeal_upheld")?
            .map(|v| v != 0),
        appeal_reason: r.try_get("appeal_reason")?,
        items: Vec::new(),
        supports: r.try_get("supports")?,
    })
}

pub struct NewProposal<'a> {
    pub round_id: i64,
    pub pool_id: i64,
    pub author: Option<UserId>,
    pub title: &'a str,
    pub description_md: &'a str,
    pub place: Option<&'a str>,
    pub items: &'a [LineItem],
    pub cost: Money,
}

async fn write_items(c: &mut Conn, proposal: i64, items: &[LineItem]) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM proposal_cost_items WHERE proposal_id = $1")
        .bind(proposal)
        .execute(&mut *c)
        .await?;
    for (i, item) in items.iter().enumerate() {
        sqlx::query("INSERT INTO proposal_cost_items (proposal_id, position, label, amount_grosze) VALUES ($1, $2, $3, $4)")
            .bind(proposal)
            .bind(i as i64)
            .bind(item.label.as_str())
            .bind(item.amount.grosze())
            .execute(&mut *c)
            .await?;
    }
    Ok(())
}

pub async fn insert_proposal(
    c: &mut Conn,
    p: &NewProposal<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO proposals (round_id, pool_id, author_id, title, description_md, place, status, cost_grosze, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    )
    .bind(p.round_id)
    .bind(p.pool_id)
    .bind(p.author.map(|u| u.0))
    .bind(p.title)
    .bind(p.description_md)
    .bind(p.place)
    .bind(ProposalStatus::Submitted.as_str())
    .bind(p.cost.grosze())
    .bind(now.0)
    .fetch_one(&mut *c)
    .await?;
    write_items(c, id, p.items).await?;
    Ok(id)
}

pub async fn update_proposal(
    c: &mut Conn,
    id: i64,
    p: &NewProposal<'_>,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE proposals SET pool_id = $1, title = $2, description_md = $3, place = $4, cost_grosze = $5, updated_at = $6 WHERE id = $7",
    )
    .bind(p.pool_id)
    .bind(p.title)
    .bind(p.description_md)
    .bind(p.place)
    .bind(p.cost.grosze())
    .bind(now.0)
    .bind(id)
    .execute(&mut *c)
    .await?;
    write_items(c, id, p.items).await
}

pub async fn proposal(c: &mut Conn, id: i64) -> Result<Proposal, StoreError> {
    let sql = format!("SELECT {PROPOSAL_COLUMNS} FROM proposals p WHERE p.id = $1");
    let mut p = proposal_from_row(&sqlx::query(&sql).bind(id).fetch_one(&mut *c).await?)?;
    let rows = sqlx::query("SELECT label, amount_grosze FROM proposal_cost_items WHERE proposal_id = $1 ORDER BY position")
        .bind(id)
        .fetch_all(c)
        .await?;
    p.items = rows
        .iter()
        .map(|r| {
            Ok(LineItem {
                label: r.try_get("label")?,
                amount: Money(r.try_get("amount_grosze")?),
            })
        })
        .collect::<Result<_, sqlx::Error>>()?;
    Ok(p)
}

/// Proposals of a round (without their cost lines), by pool and id.
pub async fn proposals_of_round(c: &mut Conn, round: i64) -> Result<Vec<Proposal>, StoreError> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals p WHERE p.round_id = $1 ORDER BY p.pool_id, p.id"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(c).await?;
    rows.iter().map(proposal_from_row).collect()
}

/// One page of a round's proposals in list order (pool, then id), with their cost
/// lines: two queries whatever the page's length.
pub async fn proposals_page(
    c: &mut Conn,
    round: i64,
    limit: i64,
    offset: i64,
) -> Result<Vec<Proposal>, StoreError> {
    let sql = format!(
        "SELECT {PROPOSAL_COLUMNS} FROM proposals p WHERE p.round_id = $1 ORDER BY p.pool_id, p.id LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(&sql)
        .bind(round)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *c)
        .await?;
    let mut page = rows
        .iter()
        .map(proposal_from_row)
        .collect::<Result<Vec<_>, _>>()?;
    // The same page again as a subquery: both backends take LIMIT inside IN.
    let items = sqlx::query(
        "SELECT proposal_id, label, amount_grosze FROM proposal_cost_items WHERE proposal_id IN \
         (SELECT p.id FROM proposals p WHERE p.round_id = $1 ORDER BY p.pool_id, p.id LIMIT $2 OFFSET $3) \
         ORDER BY proposal_id, position",
    )
    .bind(round)
    .bind(limit)
    .bind(offset)
    .fetch_all(c)
    .await?;
    let mut by_id: std::collections::HashMap<i64, Vec<LineItem>> = std::collections::HashMap::new();
    for r in &items {
        by_id
            .entry(r.try_get("proposal_id")?)
            .or_default()
            .push(LineItem {
                label: r.try_get("label")?,
                amount: Money(r.try_get("amount_grosze")?),
            });
    }
    for p in &mut page {
        p.items = by_id.remove(&p.id).unwrap_or_default();
    }
    Ok(page)
}

/// How many proposals a person has submitted in a round (withdrawn ones included:
/// the limit is on submissions).
pub async fn count_by_author(c: &mut Conn, round: i64, author: UserId) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM proposals WHERE round_id = $1 AND author_id = $2")
            .bind(round)
            .bind(author.0)
            .fetch_one(c)
            .await?,
    )
}

/// Takes the write lock of an author's row for the rest of the transaction (PostgreSQL
/// locks the row; SQLite has one writer anyway), so counting their proposals and adding
/// one cannot interleave with another submission of theirs.
pub async fn lock_author(c: &mut Conn, author: UserId) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET id = id WHERE id = $1")
        .bind(author.0)
        .execute(c)
        .await?;
    Ok(())
}

/// Takes the write lock of a proposal's row for the rest of the transaction.
pub async fn lock_proposal(c: &mut Conn, id: i64) -> Result<(), StoreError> {
    sqlx::query("UPDATE proposals SET id = id WHERE id = $1")
        .bind(id)
        .execute(c)
        .await?;
    Ok(())
}

/// Moves a proposal from one status to another; false if it was no longer in `from`.
pub async fn set_status(
    c: &mut Conn,
    id: i64,
    from: ProposalStatus,
    to: ProposalStatus,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE proposals SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(to.as_str())
    .bind(now.0)
    .bind(id)
    .bind(from.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub struct Verification<'a> {
    pub accepted: bool,
    pub reason: Option<&'a str>,
    pub verified_cost: Option<Money>,
    pub cost_justification: Option<&'a str>,
}

pub async fn verify(
    c: &mut Conn,
    id: i64,
    v: &Verification<'_>,
    by: UserId,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let to = if v.accepted {
        ProposalStatus::Accepted
    } else {
        ProposalStatus::Rejected
    };
    let done = sqlx::query(
        "UPDATE proposals SET status = $1, verification_reason = $2, verified_cost_grosze = $3, cost_justification = $4, \
         verified_by = $5, verified_at = $6, updated_at = $6 WHERE id = $7 AND status = $8",
    )
    .bind(to.as_str())
    .bind(v.reason)
    .bind(v.verified_cost.map(|m| m.grosze()))
    .bind(v.cost_justification)
    .bind(by.0)
    .bind(now.0)
    .bind(id)
    .bind(ProposalStatus::Submitted.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn appeal(c: &mut Conn, id: i64, text: &str, now: Timestamp) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE proposals SET status = $1, appeal_text = $2, appealed_at = $3, updated_at = $3 WHERE id = $4 AND status = $5 AND appeal_text IS NULL",
    )
    .bind(ProposalStatus::Appealed.as_str())
    .bind(text)
    .bind(now.0)
    .bind(id)
    .bind(ProposalStatus::Rejected.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn decide_appeal(
    c: &mut Conn,
    id: i64,
    upheld: bool,
    reason: &str,
    now: Timestamp,
) -> Result<bool, StoreError> {
    let to = if upheld {
        ProposalStatus::Accepted
    } else {
        ProposalStatus::Rejected
    };
    let done = sqlx::query(
        "UPDATE proposals SET status = $1, appeal_upheld = $2, appeal_reason = $3, updated_at = $4 WHERE id = $5 AND status = $6",
    )
    .bind(to.as_str())
    .bind(upheld as i64)
    .bind(reason)
    .bind(now.0)
    .bind(id)
    .bind(ProposalStatus::Appealed.as_str())
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a supporting signature; false if the person had already supported it.
pub async fn support(c: &mut Conn, proposal: i64, user: UserId) -> Result<bool, StoreError> {
    let done = sqlx::query("INSERT INTO proposal_supports (proposal_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(proposal)
        .bind(user.0)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// The ids of the proposals on a pool's ballot.
pub async fn ballot_projects(c: &mut Conn, pool: i64) -> Result<Vec<i64>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM proposals WHERE pool_id = $1 AND status = $2 ORDER BY id",
    )
    .bind(pool)
    .bind(ProposalStatus::Accepted.as_str())
    .fetch_all(c)
    .await?)
}
