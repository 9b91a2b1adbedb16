//! Participatory-budget rounds: pools, proposals, verification, voters, ballots, results.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::budget::{
    BallotKind, Calendar, CountingRule, LineItem, Phase, ProposalStatus,
};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_domain::pb::Money;

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Other(format!("stored {what} not understood: {value}"))
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Round {
    pub id: i64,
    pub space_id: SpaceId,
    pub title: String,
    pub calendar: Calendar,
    pub advanced_to: Option<Phase>,
    pub supports_required: i64,
    pub appeal_days: i64,
    pub allow_ballot_change: bool,
    /// The districts voters choose from when they give their address; may be empty.
    pub districts: Vec<String>,
}

const ROUND_COLUMNS: &str =
    "id, space_id, title, submission_at, verification_at, appeals_at, voting_at, results_at, \
     advanced_to, supports_required, appeal_days, allow_ballot_change, districts";

fn round_from_row(r: &AnyRow) -> Result<Round, StoreError> {
    let ts = |c: &str| -> Result<Timestamp, StoreError> { Ok(Timestamp(r.try_get(c)?)) };
    let calendar = Calendar::new(
        ts("submission_at")?,
        ts("verification_at")?,
        ts("appeals_at")?,
        ts("voting_at")?,
        ts("results_at")?,
    )
    .map_err(|_| corrupt("calendar", "dates out of order"))?;
    let advanced: Option<String> = r.try_get("advanced_to")?;
    Ok(Round {
        id: r.try_get("id")?,
        space_id: SpaceId(r.try_get("space_id")?),
        title: r.try_get("title")?,
        calendar,
        advanced_to: match advanced {
            Some(a) => Some(Phase::parse(&a).ok_or_else(|| corrupt("phase", &a))?),
            None => None,
        },
        supports_required: r.try_get("supports_required")?,
        appeal_days: r.try_get("appeal_days")?,
        allow_ballot_change: r.try_get::<i64, _>("allow_ballot_change")? != 0,
        districts: r
            .try_get::<String, _>("districts")?
            .lines()
            .map(str::to_string)
            .filter(|d| !d.is_empty())
            .collect(),
    })
}

pub struct NewRound<'a> {
    pub space_id: SpaceId,
    pub title: &'a str,
    pub calendar: Calendar,
    pub supports_required: i64,
    pub appeal_days: i64,
    pub allow_ballot_change: bool,
    pub districts: &'a [String],
}

pub async fn insert_round(
    c: &mut Conn,
    r: &NewRound<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO budget_rounds (space_id, title, submission_at, verification_at, appeals_at, voting_at, results_at, \
         supports_required, appeal_days, allow_ballot_change, created_at, districts) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(r.space_id.0)
    .bind(r.title)
    .bind(r.calendar.submission.0)
    .bind(r.calendar.verification.0)
    .bind(r.calendar.appeals.0)
    .bind(r.calendar.voting.0)
    .bind(r.calendar.results.0)
    .bind(r.supports_required)
    .bind(r.appeal_days)
    .bind(r.allow_ballot_change as i64)
    .bind(now.0)
    .bind(r.districts.join("\n"))
    .fetch_one(c)
    .await?)
}

pub async fn round(c: &mut Conn, id: i64) -> Result<Round, StoreError> {
    let sql = format!("SELECT {ROUND_COLUMNS} FROM budget_rounds WHERE id = $1");
    round_from_row(&sqlx::query(&sql).bind(id).fetch_one(c).await?)
}

pub async fn rounds_of_space(c: &mut Conn, space: SpaceId) -> Result<Vec<Round>, StoreError> {
    let sql =
        format!("SELECT {ROUND_COLUMNS} FROM budget_rounds WHERE space_id = $1 ORDER BY id DESC");
    let rows = sqlx::query(&sql).bind(space.0).fetch_all(c).await?;
    rows.iter().map(round_from_row).collect()
}

pub async fn set_advanced_to(c: &mut Conn, round: i64, phase: Phase) -> Result<(), StoreError> {
    sqlx::query("UPDATE budget_rounds SET advanced_to = $1 WHERE id = $2")
        .bind(phase.as_str())
        .bind(round)
        .execute(c)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pool {
    pub id: i64,
    pub round_id: i64,
    pub name: String,
    pub budget: Money,
    pub ballot: BallotKind,
    pub rule: CountingRule,
}

fn pool_from_row(r: &AnyRow) -> Result<Pool, StoreError> {
    let kind: String = r.try_get("ballot_kind")?;
    let max = r
        .try_get::<i64, _>("ballot_max")?
        .clamp(0, i64::from(u32::MAX)) as u32;
    let min = r
        .try_get::<i64, _>("ballot_min")?
        .clamp(0, i64::from(u32::MAX)) as u32;
    let points: String = r.try_get("ballot_points")?;
    let ballot = match kind.as_str() {
        "approval" => BallotKind::Approval { max, min },
        "choose-1" => BallotKind::ChooseOne,
        "points" => BallotKind::Points { total: max },
        "ranked" => BallotKind::Ranked {
            points: points
                .split(',')
                .map(|p| {
                    p.trim()
                        .parse()
                        .map_err(|_| corrupt("ranked points", &points))
                })
                .collect::<Result<_, _>>()?,
        },
        other => return Err(corrupt("ballot kind", other)),
    };
    let rule: String = r.try_get("rule")?;
    let min_votes = r
        .try_get::<i64, _>("min_votes")?
        .clamp(0, i64::from(u32::MAX)) as u32;
    Ok(Pool {
        id: r.try_get("id")?,
        round_id: r.try_get("round_id")?,
        name: r.try_get("name")?,
        budget: Money(r.try_get("budget_grosze")?),
        ballot,
        rule: CountingRule::parse(&rule, min_votes).map_err(|_| corrupt("rule", &rule))?,
    })
}

const POOL_COLUMNS: &str = "id, round_id, name, budget_grosze, ballot_kind, ballot_max, ballot_min, ballot_points, rule, min_votes";

pub async fn insert_pool(
    c: &mut Conn,
    round: i64,
    name: &str,
    budget: Money,
    ballot: &BallotKind,
    rule: CountingRule,
) -> Result<i64, StoreError> {
    let (max, min, points) = match ballot {
        BallotKind::Approval { max, min } => (*max, *min, String::new()),
        BallotKind::ChooseOne => (1, 1, String::new()),
        BallotKind::Points { total } => (*total, 0, String::new()),
        BallotKind::Ranked { points } => (
            points.len() as u32,
            0,
            points
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(","),
        ),
    };
    let min_votes = match rule {
        CountingRule::Greedy { min_votes } => min_votes,
        CountingRule::EqualShares => 0,
    };
    Ok(sqlx::query_scalar(
        "INSERT INTO budget_pools (round_id, name, budget_grosze, ballot_kind, ballot_max, ballot_min, ballot_points, rule, min_votes) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(round)
    .bind(name)
    .bind(budget.grosze())
    .bind(ballot.code())
    .bind(i64::from(max))
    .bind(i64::from(min))
    .bind(points)
    .bind(rule.code())
    .bind(i64::from(min_votes))
    .fetch_one(c)
    .await?)
}

pub async fn pools(c: &mut Conn, round: i64) -> Result<Vec<Pool>, StoreError> {
    let sql = format!("SELECT {POOL_COLUMNS} FROM budget_pools WHERE round_id = $1 ORDER BY id");
    let rows = sqlx::query(&sql).bind(round).fetch_all(c).await?;
    rows.iter().map(pool_from_row).collect()
}

pub async fn pool(c: &mut Conn, id: i64) -> Result<Pool, StoreError> {
    let sql = format!("SELECT {POOL_COLUMNS} FROM budget_pools WHERE id = $1");
    pool_from_row(&sqlx::query(&sql).bind(id).fetch_one(c).await?)
}

pub async fn add_official(c: &mut Conn, round: i64, user: UserId) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_officials (round_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(round)
    .bind(user.0)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn is_official(c: &mut Conn, round: i64, user: UserId) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_officials WHERE round_id = $1 AND user_id = $2",
    )
    .bind(round)
    .bind(user.0)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

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

pub async fn declare_resident(
    c: &mut Conn,
    round: i64,
    user: UserId,
    address: &str,
    district: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO budget_residents (round_id, user_id, address, district) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (round_id, user_id) DO UPDATE SET address = excluded.address, district = excluded.district",
    )
    .bind(round)
    .bind(user.0)
    .bind(address)
    .bind(district)
    .execute(c)
    .await?;
    Ok(())
}

pub async fn resident_address(
    c: &mut Conn,
    round: i64,
    user: UserId,
) -> Result<Option<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT address FROM budget_residents WHERE round_id = $1 AND user_id = $2",
    )
    .bind(round)
    .bind(user.0)
    .fetch_optional(c)
    .await?)
}

/// Marks that `voter_key` has voted in the pool; `Conflict` if they had already.
pub async fn record_voter(c: &mut Conn, pool: i64, voter_key: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_voters (pool_id, voter_key) VALUES ($1, $2)")
        .bind(pool)
        .bind(voter_key)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn has_voted(c: &mut Conn, pool: i64, voter_key: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_voters WHERE pool_id = $1 AND voter_key = $2",
    )
    .bind(pool)
    .bind(voter_key)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

pub async fn insert_ballot(
    c: &mut Conn,
    token: &str,
    pool: i64,
    receipt_hash: &str,
    choices: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_ballots (token, pool_id, receipt_hash, choices) VALUES ($1, $2, $3, $4)")
        .bind(token)
        .bind(pool)
        .bind(receipt_hash)
        .bind(choices)
        .execute(c)
        .await?;
    Ok(())
}

/// Replaces the choices of the ballot with this receipt; false if there is none in the pool.
pub async fn replace_ballot(
    c: &mut Conn,
    pool: i64,
    receipt_hash: &str,
    choices: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_ballots SET choices = $1 WHERE pool_id = $2 AND receipt_hash = $3",
    )
    .bind(choices)
    .bind(pool)
    .bind(receipt_hash)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The ballots of a pool as (receipt hash, stored choices), in the order of their random keys.
pub async fn ballots(c: &mut Conn, pool: i64) -> Result<Vec<(String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT receipt_hash, choices FROM budget_ballots WHERE pool_id = $1 ORDER BY token",
    )
    .bind(pool)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("receipt_hash")?, r.try_get("choices")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

pub async fn count_voters(c: &mut Conn, pool: i64) -> Result<i64, StoreError> {
    Ok(
        sqlx::query_scalar("SELECT COUNT(*) FROM budget_voters WHERE pool_id = $1")
            .bind(pool)
            .fetch_one(c)
            .await?,
    )
}

#[derive(Debug, Clone)]
pub struct StoredResult {
    pub id: i64,
    pub pool_id: i64,
    pub computed_at: Timestamp,
    pub rule: String,
    pub ballots: i64,
    /// Winning proposal ids, comma-separated.
    pub winners: String,
    pub report_json: String,
}

pub async fn insert_result(
    c: &mut Conn,
    r: &StoredResult,
    by: Option<UserId>,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO budget_results (pool_id, computed_at, computed_by, rule, ballots, winners, report_json) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(r.pool_id)
    .bind(r.computed_at.0)
    .bind(by.map(|u| u.0))
    .bind(r.rule.as_str())
    .bind(r.ballots)
    .bind(r.winners.as_str())
    .bind(r.report_json.as_str())
    .fetch_one(c)
    .await?)
}

pub async fn latest_result(c: &mut Conn, pool: i64) -> Result<Option<StoredResult>, StoreError> {
    let row = sqlx::query(
        "SELECT id, pool_id, computed_at, rule, ballots, winners, report_json FROM budget_results \
         WHERE pool_id = $1 ORDER BY id DESC LIMIT 1",
    )
    .bind(pool)
    .fetch_optional(c)
    .await?;
    row.map(|r| {
        Ok(StoredResult {
            id: r.try_get("id")?,
            pool_id: r.try_get("pool_id")?,
            computed_at: Timestamp(r.try_get("computed_at")?),
            rule: r.try_get("rule")?,
            ballots: r.try_get("ballots")?,
            winners: r.try_get("winners")?,
            report_json: r.try_get("report_json")?,
        })
    })
    .transpose()
    .map_err(|e: sqlx::Error| e.into())
}

pub async fn insert_code(c: &mut Conn, round: i64, code_hash: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_codes (round_id, code_hash) VALUES ($1, $2)")
        .bind(round)
        .bind(code_hash)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn code_exists(c: &mut Conn, round: i64, code_hash: &str) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM budget_codes WHERE round_id = $1 AND code_hash = $2",
    )
    .bind(round)
    .bind(code_hash)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

/// The receipt hashes stored for a pool, for audits after the count.
pub async fn receipt_hashes(c: &mut Conn, pool: i64) -> Result<Vec<String>, StoreError> {
    Ok(sqlx::query_scalar(
        "SELECT receipt_hash FROM budget_ballots WHERE pool_id = $1 ORDER BY receipt_hash",
    )
    .bind(pool)
    .fetch_all(c)
    .await?)
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

/// A paper ballot as entered by staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperSheet {
    pub pool_id: i64,
    pub sheet: String,
    pub first_by: Option<UserId>,
    pub first_choices: String,
    pub second_by: Option<UserId>,
    pub second_choices: Option<String>,
    /// `pending` (entered once), `counted`, `mismatch` or `resolved`.
    pub status: String,
}

fn sheet_from_row(r: &AnyRow) -> Result<PaperSheet, sqlx::Error> {
    Ok(PaperSheet {
        pool_id: r.try_get("pool_id")?,
        sheet: r.try_get("sheet")?,
        first_by: r.try_get::<Option<i64>, _>("first_by")?.map(UserId),
        first_choices: r.try_get("first_choices")?,
        second_by: r.try_get::<Option<i64>, _>("second_by")?.map(UserId),
        second_choices: r.try_get("second_choices")?,
        status: r.try_get("status")?,
    })
}

pub async fn paper_sheet(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
) -> Result<Option<PaperSheet>, StoreError> {
    let row = sqlx::query("SELECT pool_id, sheet, first_by, first_choices, second_by, second_choices, status FROM budget_paper WHERE pool_id = $1 AND sheet = $2")
        .bind(pool)
        .bind(sheet)
        .fetch_optional(c)
        .await?;
    Ok(row.as_ref().map(sheet_from_row).transpose()?)
}

pub async fn paper_sheets(c: &mut Conn, pool: i64) -> Result<Vec<PaperSheet>, StoreError> {
    let rows = sqlx::query("SELECT pool_id, sheet, first_by, first_choices, second_by, second_choices, status FROM budget_paper WHERE pool_id = $1 ORDER BY sheet")
        .bind(pool)
        .fetch_all(c)
        .await?;
    Ok(rows.iter().map(sheet_from_row).collect::<Result<_, _>>()?)
}

pub async fn insert_paper_first(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
    by: UserId,
    choices: &str,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO budget_paper (pool_id, sheet, first_by, first_choices, status) VALUES ($1, $2, $3, $4, 'pending')")
        .bind(pool)
        .bind(sheet)
        .bind(by.0)
        .bind(choices)
        .execute(c)
        .await?;
    Ok(())
}

/// Records the second entry and its outcome; false if the sheet was no longer pending.
pub async fn set_paper_second(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
    by: UserId,
    choices: &str,
    status: &str,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_paper SET second_by = $1, second_choices = $2, status = $3 WHERE pool_id = $4 AND sheet = $5 AND status = 'pending'",
    )
    .bind(by.0)
    .bind(choices)
    .bind(status)
    .bind(pool)
    .bind(sheet)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks a mismatched sheet resolved; false if it was not a mismatch any more.
pub async fn resolve_paper(
    c: &mut Conn,
    pool: i64,
    sheet: &str,
    by: UserId,
) -> Result<bool, StoreError> {
    let done = sqlx::query("UPDATE budget_paper SET status = 'resolved', resolved_by = $1 WHERE pool_id = $2 AND sheet = $3 AND status = 'mismatch'")
        .bind(by.0)
        .bind(pool)
        .bind(sheet)
        .execute(c)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// An image of a proposal, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub id: i64,
    pub content_type: String,
    pub alt: String,
}

pub async fn insert_image(
    c: &mut Conn,
    proposal: i64,
    content_type: &str,
    alt: &str,
    bytes: &[u8],
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("INSERT INTO proposal_images (proposal_id, content_type, alt, bytes) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(proposal)
        .bind(content_type)
        .bind(alt)
        .bind(bytes.to_vec())
        .fetch_one(c)
        .await?)
}

pub async fn images(c: &mut Conn, proposal: i64) -> Result<Vec<ImageInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, content_type, alt FROM proposal_images WHERE proposal_id = $1 ORDER BY id",
    )
    .bind(proposal)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ImageInfo {
                id: r.try_get("id")?,
                content_type: r.try_get("content_type")?,
                alt: r.try_get("alt")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The content type and bytes of one image of a proposal.
pub async fn image(c: &mut Conn, proposal: i64, id: i64) -> Result<(String, Vec<u8>), StoreError> {
    let r = sqlx::query(
        "SELECT content_type, bytes FROM proposal_images WHERE proposal_id = $1 AND id = $2",
    )
    .bind(proposal)
    .bind(id)
    .fetch_one(c)
    .await?;
    Ok((r.try_get("content_type")?, r.try_get("bytes")?))
}

/// Voters of a pool by the district they declared; `None` for voters with a printed
/// code or a paper ballot, and for rounds without districts. Who voted is not secret;
/// what they voted is not here.
pub async fn turnout_by_district(
    c: &mut Conn,
    round: i64,
    pool: i64,
) -> Result<Vec<(Option<String>, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT r.district AS district, COUNT(*) AS n FROM budget_voters v \
         LEFT JOIN budget_residents r ON r.round_id = $1 AND v.voter_key = 'user:' || r.user_id \
         WHERE v.pool_id = $2 GROUP BY r.district ORDER BY r.district",
    )
    .bind(round)
    .bind(pool)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("district")?, r.try_get("n")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
