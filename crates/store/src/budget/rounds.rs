//! Rounds, their pools and the officials who verify proposals.

use super::corrupt;
use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::budget::register::{DuplicateRule, Identification, ReceiptMode};
use wspolnota_domain::budget::secrecy::CommitteeKey;
use wspolnota_domain::budget::{BallotKind, Calendar, CountingRule, Phase};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_domain::pb::Money;

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
    /// The committee's public key; ballots are sealed to it. `None` until set.
    pub committee_key: Option<CommitteeKey>,
    /// The committee has opened and counted the ballots; nothing more is entered.
    pub tallied: bool,
    pub rules: RoundRules,
}

/// The round's rules for identifying voters, double votes, receipts and publication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundRules {
    pub identification: Identification,
    pub duplicates: DuplicateRule,
    pub receipts: ReceiptMode,
    /// Pools and districts with fewer voters publish only totals.
    pub min_public_voters: i64,
}

impl Default for RoundRules {
    fn default() -> Self {
        RoundRules {
            identification: Identification::NameAndAddress,
            duplicates: DuplicateRule::FirstCounts,
            receipts: ReceiptMode::Inclusion,
            min_public_voters: wspolnota_domain::budget::register::DEFAULT_MIN_PUBLIC_VOTERS,
        }
    }
}

const ROUND_COLUMNS: &str =
    "id, space_id, title, submission_at, verification_at, appeals_at, voting_at, results_at, \
     advanced_to, supports_required, appeal_days, allow_ballot_change, districts, committee_key, tallied, \
     receipts, duplicates, identification, min_public_voters";

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
    let text = |c: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(c)?) };
    let committee_key = match r.try_get::<Option<String>, _>("committee_key")? {
        Some(k) => Some(CommitteeKey::parse(&k).map_err(|_| corrupt("committee key", &k))?),
        None => None,
    };
    let (receipts, duplicates, identification) = (
        text("receipts")?,
        text("duplicates")?,
        text("identification")?,
    );
    let rules = RoundRules {
        identification: Identification::parse(&identification)
            .ok_or_else(|| corrupt("identification", &identification))?,
        duplicates: DuplicateRule::parse(&duplicates)
            .ok_or_else(|| corrupt("duplicate rule", &duplicates))?,
        receipts: ReceiptMode::parse(&receipts).ok_or_else(|| corrupt("receipts", &receipts))?,
        min_public_voters: r.try_get("min_public_voters")?,
    };
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
        committee_key,
        tallied: r.try_get::<i64, _>("tallied")? != 0,
        rules,
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
    pub rules: RoundRules,
    /// Set for rounds imported already counted.
    pub tallied: bool,
}

pub async fn insert_round(
    c: &mut Conn,
    r: &NewRound<'_>,
    now: Timestamp,
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO budget_rounds (space_id, title, submission_at, verification_at, appeals_at, voting_at, results_at, \
         supports_required, appeal_days, allow_ballot_change, created_at, districts, tallied, receipts, duplicates, \
         identification, min_public_voters) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id",
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
    .bind(r.tallied as i64)
    .bind(r.rules.receipts.code())
    .bind(r.rules.duplicates.code())
    .bind(r.rules.identification.code())
    .bind(r.rules.min_public_voters)
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

/// Sets the committee's public key, only while none is set.
pub async fn set_committee_key(
    c: &mut Conn,
    round: i64,
    key: &CommitteeKey,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_rounds SET committee_key = $1 WHERE id = $2 AND committee_key IS NULL",
    )
    .bind(key.as_text())
    .bind(round)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Marks the round counted and its results published; false if it already was.
pub async fn set_tallied(c: &mut Conn, round: i64) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "UPDATE budget_rounds SET tallied = 1, advanced_to = $1 WHERE id = $2 AND tallied = 0",
    )
    .bind(Phase::Results.as_str())
    .bind(round)
    .execute(c)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the round is counted, read inside a writing transaction. On PostgreSQL the
/// caller holds the round's shared lock (see [`crate::db::lock_round`]), so a count
/// cannot start between this check and the caller's commit.
pub async fn is_tallied(c: &mut Conn, round: i64) -> Result<bool, StoreError> {
    let t: i64 = sqlx::query_scalar("SELECT tallied FROM budget_rounds WHERE id = $1")
        .bind(round)
        .fetch_one(c)
        .await?;
    Ok(t != 0)
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
