//! Results: the pool's counted ballots as a pabulib file (written by the one `.pb`
//! writer, `domain::pb::write`), counted from that very text, and the stored report
//! read back as typed data.

use super::{refused, BudgetError};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::register::{aggregate_small, ReceiptMode};
use wspolnota_domain::budget::{decode_ballot, BallotKind, Choice, CountingRule, Phase};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::pb::{self, Money};
use wspolnota_store::budget::{self as store, Pool, Proposal, Round, StoredResult};
use wspolnota_store::{Conn, StoreError};

use super::report::REPORT_VERSION;
pub use super::report::{ProjectOutcome, Report, TieNote, VoidCount};

/// What may be shown of a pool beside its results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Publication {
    /// Its ballots (the `.pb` file) may be published: enough voters to hide among.
    pub ballots: bool,
    /// Turnout by district, each with enough voters; the rest only as one total.
    pub districts: Vec<(Option<String>, i64)>,
    pub districts_hidden: i64,
}

/// The results of one pool, as computed and stored.
#[derive(Debug, Clone)]
pub struct PoolResult {
    pub pool: Pool,
    pub result: Option<StoredResult>,
    pub report: Option<Report>,
    pub voters: i64,
    pub publication: Publication,
}

/// The META section of a pool's file: where it comes from, its budget, its ballot and
/// its rule, with the limits a recount needs.
fn pool_meta(
    space_name: &str,
    round: &Round,
    pool: &Pool,
    projects: usize,
    votes: usize,
) -> Vec<(String, String)> {
    let vote_type = pool.ballot.pabulib_vote_type();
    let rule = match pool.rule {
        CountingRule::Greedy { min_votes: 0 } => "greedy",
        CountingRule::Greedy { .. } => "greedy-threshold",
        CountingRule::EqualShares => "equalshares/add1",
    };
    let mut meta: Vec<(String, String)> = vec![
        (
            "description".into(),
            format!("{} — {} — {}", space_name, round.title, pool.name),
        ),
        ("country".into(), "Poland".into()),
        ("unit".into(), space_name.to_string()),
        ("instance".into(), round.title.clone()),
        ("subunit".into(), pool.name.clone()),
        ("num_projects".into(), projects.to_string()),
        ("num_votes".into(), votes.to_string()),
        ("budget".into(), pool.budget.to_plain()),
        ("vote_type".into(), vote_type.as_str().to_string()),
        ("rule".into(), rule.into()),
    ];
    match &pool.ballot {
        BallotKind::Approval { max, min } => {
            meta.push(("min_length".into(), min.max(&1).to_string()));
            meta.push(("max_length".into(), max.to_string()));
        }
        BallotKind::ChooseOne => {
            meta.push(("min_length".into(), "1".into()));
            meta.push(("max_length".into(), "1".into()));
        }
        BallotKind::Points { total } => meta.push(("max_sum_points".into(), total.to_string())),
        BallotKind::Ranked { points } => {
            meta.push(("max_length".into(), points.len().to_string()));
            meta.push((
                "max_sum_points".into(),
                points.iter().sum::<u32>().to_string(),
            ));
        }
    }
    if let CountingRule::Greedy { min_votes } = pool.rule {
        if min_votes > 0 {
            meta.push(("min_project_score_threshold".into(), min_votes.to_string()));
        }
    }
    meta
}

/// Builds a pool's pabulib instance: the proposals on the ballot with their final costs,
/// and the counted ballots (with receipt hashes where the round publishes them so).
pub(super) fn pool_instance(
    space_name: &str,
    round: &Round,
    pool: &Pool,
    proposals: &[Proposal],
    ballots: &[(Option<String>, String)],
) -> Result<String, AppError> {
    let vote_type = pool.ballot.pabulib_vote_type();
    let meta = pool_meta(space_name, round, pool, proposals.len(), ballots.len());
    let projects = proposals
        .iter()
        .map(|p| pb::Project {
            id: p.id.to_string(),
            cost: p.final_cost(),
            name: p.title.clone(),
            fields: vec![p.id.to_string(), p.final_cost().to_plain(), p.title.clone()],
        })
        .collect();
    let with_points = vote_type.has_points();
    let with_receipts = round.rules.receipts == ReceiptMode::WithChoices;
    let mut vote_header = vec!["voter_id".to_string(), "vote".to_string()];
    if with_points {
        vote_header.push("points".into());
    }
    if with_receipts {
        vote_header.push("receipt_hash".into());
    }
    let index: std::collections::HashMap<i64, u32> = proposals
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id, i as u32))
        .collect();
    let mut rows = Vec::with_capacity(ballots.len());
    for (i, (receipt, stored)) in ballots.iter().enumerate() {
        let corrupt = || AppError::Internal(format!("stored ballot not understood: {stored}"));
        let choices: Vec<Choice> = decode_ballot(stored).ok_or_else(corrupt)?;
        let projects = choices
            .iter()
            .map(|c| index.get(&c.project).copied().ok_or_else(corrupt))
            .collect::<Result<Vec<u32>, AppError>>()?;
        let points = if with_points {
            choices.iter().map(|c| i64::from(c.points)).collect()
        } else {
            Vec::new()
        };
        let mut fields = vec![(i + 1).to_string(), String::new()];
        if with_points {
            fields.push(String::new());
        }
        if with_receipts {
            fields.push(receipt.clone().unwrap_or_default());
        }
        rows.push(pb::Ballot {
            voter_id: (i + 1).to_string(),
            projects,
            points,
            fields,
        });
    }
    let inst = pb::PbInstance {
        meta,
        vote_type,
        budget: pool.budget,
        limits: pb::Limits::default(),
        project_header: vec!["project_id".into(), "cost".into(), "name".into()],
        projects,
        vote_header,
        ballots: rows,
        limit_violations: Vec::new(),
    };
    Ok(pb::write(&inst))
}

/// Counts a pool from its pabulib text with its rule.
/// `text` is `None` for a pool with no project on its ballot: nothing to count.
fn count_pool(
    pool: &Pool,
    text: Option<&str>,
    voided: Vec<VoidCount>,
    now: Timestamp,
) -> Result<StoredResult, AppError> {
    let rule = match pool.rule {
        CountingRule::Greedy { min_votes: 0 } => pb::Rule::Greedy,
        CountingRule::Greedy { .. } => pb::Rule::GreedyThreshold,
        CountingRule::EqualShares => pb::Rule::MesCostAdd1,
    };
    let Some(text) = text else {
        return empty_result(pool, rule, voided, now);
    };
    let inst = pb::parse_str(text)
        .map_err(|e| AppError::Internal(format!("our own .pb did not parse: {e:?}")))?;
    let outcome = Some(
        pb::count(&inst, rule)
            .map_err(|e| AppError::Internal(format!("counting failed: {e:?}")))?,
    );
    let mut score = vec![0i64; inst.projects.len()];
    for b in &inst.ballots {
        for (k, p) in b.projects.iter().enumerate() {
            if let Some(s) = score.get_mut(*p as usize) {
                *s += pb::ballot_points(inst.vote_type, b, k);
            }
        }
    }
    let projects = inst
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let explanation = outcome.as_ref().and_then(|o| o.explanation(i as u32));
            ProjectOutcome {
                id: p.id.clone(),
                name: p.name.clone(),
                cost: p.cost,
                votes: score[i],
                funded: explanation.is_some_and(|e| e.funded),
                explanation: explanation.map(|e| e.text.clone()).unwrap_or_default(),
                reason: explanation.map(|e| e.reason.clone()),
            }
        })
        .collect();
    let winners = outcome
        .as_ref()
        .map(|o| o.winner_ids(&inst))
        .unwrap_or_default();
    let report = Report {
        version: REPORT_VERSION,
        rule: rule.name().to_string(),
        budget: pool.budget,
        total_cost: outcome.as_ref().map_or(Money(0), |o| o.total_cost),
        ballots: inst.ballots.len() as i64,
        winners,
        projects,
        ties: outcome
            .as_ref()
            .map(|o| {
                o.ties
                    .iter()
                    .map(|t| TieNote {
                        projects: t.projects.clone(),
                        text: t.text.clone(),
                        tie: t.tie.clone(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        notes: outcome
            .as_ref()
            .map(|o| o.notes.clone())
            .unwrap_or_default(),
        voided,
    };
    report.stored(pool, now)
}

/// The result of a pool with nothing on its ballot.
fn empty_result(
    pool: &Pool,
    rule: pb::Rule,
    voided: Vec<VoidCount>,
    now: Timestamp,
) -> Result<StoredResult, AppError> {
    let report = Report {
        version: REPORT_VERSION,
        rule: rule.name().to_string(),
        budget: pool.budget,
        total_cost: Money(0),
        ballots: 0,
        winners: Vec::new(),
        projects: Vec::new(),
        ties: Vec::new(),
        notes: Vec::new(),
        voided,
    };
    report.stored(pool, now)
}

/// Counts a pool from its stored ballots, exactly as its published file lists them.
pub(super) async fn count_stored(
    c: &mut Conn,
    space_name: &str,
    round: &Round,
    pool: &Pool,
    voided: Vec<VoidCount>,
    now: Timestamp,
) -> Result<StoredResult, AppError> {
    let ballots = store::ballots(c, pool.id).await?;
    let proposals = ballot_proposals(c, round, pool).await?;
    let text = pool_instance(space_name, round, pool, &proposals, &ballots)?;
    count_pool(
        pool,
        (!proposals.is_empty()).then_some(text.as_str()),
        voided,
        now,
    )
}

/// A report as CSV: id, name, cost in złote, votes, funded, the engine's sentence.
fn results_csv(report: &Report) -> String {
    use crate::csv::{Cell, Csv};
    let mut csv = Csv::with_header(&[
        "project_id",
        "name",
        "cost",
        "votes",
        "funded",
        "explanation",
    ]);
    for p in &report.projects {
        let cost = p.cost.to_plain();
        csv.record([
            Cell::Text(&p.id),
            Cell::Text(&p.name),
            Cell::Plain(&cost),
            Csv::number(p.votes),
            Cell::Plain(if p.funded { "true" } else { "false" }),
            Cell::Text(&p.explanation),
        ]);
    }
    csv.into_string()
}

/// Whether a pool has enough voters for its single ballots to be published.
pub(super) fn publishes_ballots(round: &Round, voters: i64) -> bool {
    voters >= round.rules.min_public_voters
}

/// The proposals on a pool's ballot, in id order.
pub(super) async fn ballot_proposals(
    c: &mut Conn,
    round: &Round,
    pool: &Pool,
) -> Result<Vec<Proposal>, AppError> {
    Ok(store::proposals_of_round(c, round.id)
        .await?
        .into_iter()
        .filter(|p| p.pool_id == pool.id && p.status.on_ballot())
        .collect())
}

impl App {
    /// The pool's counted ballots as a pabulib file. Results are counted from this very
    /// text, so anyone who recounts it gets the same result.
    /// A pool with too few voters to hide among publishes no file: `NotFound`.
    pub async fn pool_pabulib(&self, round: &Round, pool: &Pool) -> Result<String, AppError> {
        self.build_pabulib(round, pool).await
    }

    /// The latest stored result of a pool as CSV, one project a line, through the one
    /// CSV writer (formula cells neutralised). Built from the stored report, not from
    /// the ballots.
    pub async fn pool_results_csv(&self, pool: &Pool) -> Result<String, AppError> {
        let mut c = self.store.read().await?;
        let stored = store::latest_result(&mut c, pool.id)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(results_csv(&Report::read(&stored)?))
    }

    /// Counts every pool of a counted round again from its published ballots and stores
    /// the outcome; each computation is kept. The first count is the committee's
    /// ([`App::count_round`]).
    pub async fn compute_results(
        &self,
        subject: &Subject,
        round: &Round,
    ) -> Result<Vec<PoolResult>, AppError> {
        authorise(subject, Action::ManageBudget)?;
        let actor = subject.user;
        if self.phase(round) != Phase::Results || !round.tallied {
            return Err(refused(BudgetError::NotTallied));
        }
        let now = self.now();
        let mut stored = Vec::new();
        let mut c = self.store.read().await?;
        let space = wspolnota_store::spaces::by_id(&mut c, round.space_id).await?;
        for pool in &store::pools(&mut c, round.id).await? {
            let voided = match store::latest_result(&mut c, pool.id).await? {
                Some(r) => Report::read(&r)?.voided,
                None => Vec::new(),
            };
            stored.push(count_stored(&mut c, &space.name, round, pool, voided, now).await?);
        }
        drop(c);
        let mut tx = self.store.begin().await?;
        for r in &stored {
            store::insert_result(&mut tx, r, actor).await?;
            audit::record(
                &mut tx,
                audit::Change::in_space(actor, round.space_id, "budget.results_computed", None, Some(json!({"pool": r.pool_id, "rule": r.rule, "ballots": r.ballots, "winners": r.winners}))),
                now,
            )
            .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        self.results(round).await
    }

    /// The latest stored results of every pool, with what may be published of each.
    pub async fn results(&self, round: &Round) -> Result<Vec<PoolResult>, AppError> {
        let mut c = self.store.read().await?;
        let mut out = Vec::new();
        let min = round.rules.min_public_voters;
        for pool in store::pools(&mut c, round.id).await? {
            let result = store::latest_result(&mut c, pool.id).await?;
            let report = result.as_ref().map(Report::read).transpose()?;
            let voters = store::count_voters(&mut c, pool.id).await?;
            let by_district = store::turnout_by_district(&mut c, pool.id).await?;
            let (districts, districts_hidden) = aggregate_small(&by_district, min);
            out.push(PoolResult {
                pool,
                result,
                report,
                voters,
                publication: Publication {
                    ballots: publishes_ballots(round, voters),
                    districts,
                    districts_hidden,
                },
            });
        }
        Ok(out)
    }

    /// How many sealed ballots, counted ballots and voters (whose vote stands) a pool
    /// has: sealed = voters while voting runs, ballots = voters once counted.
    pub async fn counts(&self, pool: i64) -> Result<(i64, i64, i64), AppError> {
        let mut c = self.store.read().await?;
        let sealed = store::count_envelopes(&mut c, pool).await?;
        let ballots = store::count_ballots(&mut c, pool).await?;
        let voters = store::count_voters(&mut c, pool).await?;
        Ok((sealed, ballots, voters))
    }

    /// The receipt hashes of a pool's counted ballots: anyone holding a receipt can
    /// check that theirs is there.
    pub async fn receipt_hashes(&self, pool: i64) -> Result<Vec<String>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::receipt_hashes(&mut c, pool).await?)
    }

    /// Whether the ballot with this receipt was counted in the pool.
    pub async fn receipt_counted(&self, pool: i64, receipt: &str) -> Result<bool, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::has_receipt(&mut c, pool, &crate::tokens::hash(receipt.trim())).await?)
    }
}
