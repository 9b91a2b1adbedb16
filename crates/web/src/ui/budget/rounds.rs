//! A space's rounds, creating one, and a round's page with its administration.

use super::{load, phase_name, Loaded};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::{NewRound, RoundRules};
use wspolnota_app::spaces::Space;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::budget::register::{DuplicateRule, Identification, ReceiptMode};
use wspolnota_domain::budget::{BallotKind, Calendar, CountingRule, Phase};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::paging::Paging;
use wspolnota_domain::DomainError;

pub struct RoundLine {
    pub id: i64,
    pub title: String,
    pub phase: String,
}

#[derive(Template)]
#[template(path = "budget/rounds.html")]
struct RoundsPage {
    page: Page,
    space: Space,
    rounds: Vec<RoundLine>,
    can_manage: bool,
    form: RoundForm,
    errors: FormErrors,
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct RoundForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    submission: String,
    #[serde(default)]
    verification: String,
    #[serde(default)]
    appeals: String,
    #[serde(default)]
    voting: String,
    #[serde(default)]
    results: String,
    #[serde(default)]
    supports_required: String,
    #[serde(default)]
    appeal_days: String,
    #[serde(default)]
    allow_ballot_change: Option<String>,
    #[serde(default)]
    districts: String,
    #[serde(default)]
    identification: String,
    #[serde(default)]
    duplicates: String,
    #[serde(default)]
    receipts: String,
    #[serde(default)]
    min_public_voters: String,
}

async fn rounds_view(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
    notice: Option<&str>,
    form: RoundForm,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let space = s.app.space_by_slug(slug).await.or_page(ctx)?;
    s.app
        .require_module(space.id, wspolnota_domain::module::Module::Budget)
        .await
        .or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(ctx)?;
    let page = Page::new(ctx, ctx.locale.t("budget-rounds-title")).with_notice(notice);
    let rounds = s
        .app
        .rounds(space.id)
        .await
        .or_page(ctx)?
        .into_iter()
        .map(|r| RoundLine {
            id: r.id,
            phase: phase_name(&page, s.app.phase(&r)),
            title: r.title,
        })
        .collect();
    let can_manage = can(&subject, Action::ManageBudget);
    Ok(render(
        ctx,
        RoundsPage {
            page,
            space,
            rounds,
            can_manage,
            form,
            errors,
        },
    ))
}

pub async fn list_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    rounds_view(
        &s,
        &ctx,
        &slug,
        n.ok.as_deref(),
        RoundForm::default(),
        FormErrors::default(),
    )
    .await
}

/// A date typed in a form (`YYYY-MM-DD`), as midnight in Warsaw.
fn date(field: &'static str, value: &str) -> Result<Timestamp, AppError> {
    use chrono::TimeZone;
    let d = chrono::NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::Invalid(DomainError::Required { field }))?;
    let midnight = d
        .and_hms_opt(0, 0, 0)
        .ok_or(AppError::Invalid(DomainError::Required { field }))?;
    chrono_tz::Europe::Warsaw
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| Timestamp(t.timestamp()))
        .ok_or(AppError::Invalid(DomainError::Required { field }))
}

fn number(field: &'static str, value: &str, default: i64) -> Result<i64, AppError> {
    let v = value.trim();
    if v.is_empty() {
        return Ok(default);
    }
    v.parse()
        .map_err(|_| AppError::Invalid(DomainError::Required { field }))
}

fn round_input(f: &RoundForm) -> Result<NewRound, AppError> {
    let calendar = Calendar::new(
        date("submission", &f.submission)?,
        date("verification", &f.verification)?,
        date("appeals", &f.appeals)?,
        date("voting", &f.voting)?,
        date("results", &f.results)?,
    )
    .map_err(|e| AppError::Budget(e.into()))?;
    Ok(NewRound {
        title: f.title.clone(),
        calendar,
        supports_required: number("supports_required", &f.supports_required, 0)?,
        appeal_days: number("appeal_days", &f.appeal_days, 7)?,
        allow_ballot_change: f.allow_ballot_change.is_some(),
        districts: f.districts.lines().map(str::to_string).collect(),
        rules: round_rules(f)?,
    })
}

/// The round's rules from the form; blank fields keep the safer defaults.
fn round_rules(f: &RoundForm) -> Result<RoundRules, AppError> {
    let defaults = RoundRules::default();
    let pick = |v: &str| v.trim().to_string();
    let bad = || AppError::Invalid(DomainError::UnknownKind);
    Ok(RoundRules {
        identification: match pick(&f.identification).as_str() {
            "" => defaults.identification,
            v => Identification::parse(v).ok_or_else(bad)?,
        },
        duplicates: match pick(&f.duplicates).as_str() {
            "" => defaults.duplicates,
            v => DuplicateRule::parse(v).ok_or_else(bad)?,
        },
        receipts: match pick(&f.receipts).as_str() {
            "" => defaults.receipts,
            v => ReceiptMode::parse(v).ok_or_else(bad)?,
        },
        min_public_voters: number(
            "min_public_voters",
            &f.min_public_voters,
            defaults.min_public_voters,
        )?,
    })
}

pub async fn create(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<RoundForm>,
) -> Result<Response, UiError> {
    let space = s.app.space_by_slug(&slug).await.or_page(&ctx)?;
    s.app
        .require_module(space.id, wspolnota_domain::module::Module::Budget)
        .await
        .or_page(&ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(&ctx)?;
    super::allowed(&ctx, &subject, Action::ManageBudget)?;
    let result = match round_input(&f) {
        Ok(input) => s.app.create_round(&subject, space.id, input).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(&format!("/budzet/{id}"), "budget-round-created")),
        Err(e) if e.is_user_error() => {
            let mut res = rounds_view(
                &s,
                &ctx,
                &slug,
                None,
                f,
                FormErrors::from_error(ctx.locale, &e),
            )
            .await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub struct PhaseLine {
    pub name: String,
    pub start: String,
    pub current: bool,
}

pub struct PoolView {
    pub id: i64,
    pub name: String,
    pub budget: String,
    pub ballot: String,
    pub rule: String,
    pub proposals: Vec<ProposalLine>,
}

pub struct ProposalLine {
    pub id: i64,
    pub title: String,
    pub cost: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "budget/round.html")]
struct RoundPage {
    page: Page,
    space: Space,
    round_id: i64,
    title: String,
    phase: String,
    phases: Vec<PhaseLine>,
    pools: Vec<PoolView>,
    next_phase: Option<(String, String)>,
    can_manage: bool,
    can_submit: bool,
    voting_open: bool,
    results_out: bool,
    can_paper: bool,
    before_voting: bool,
    /// Pools can still be added (until submission closes).
    pools_open: bool,
    /// The committee's key can still be set (until voting closes).
    key_open: bool,
    committee_fingerprint: Option<String>,
    codes_issued: String,
    errors: FormErrors,
    /// The proposals span more than one page: a pool may have none on this one.
    paged: bool,
    pager: crate::paging::Pager,
}

pub(crate) fn ballot_text(page: &Page, kind: &BallotKind) -> String {
    match kind {
        BallotKind::Approval { max, min } => page.locale.t_args(
            "budget-ballot-approval",
            &[("max", max.to_string()), ("min", min.to_string())],
        ),
        BallotKind::ChooseOne => page.t("budget-ballot-choose-1"),
        BallotKind::Points { total } => page
            .locale
            .t_args("budget-ballot-points", &[("total", total.to_string())]),
        BallotKind::Ranked { points } => page.locale.t_args(
            "budget-ballot-ranked",
            &[(
                "points",
                points
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join("/"),
            )],
        ),
    }
}

pub(crate) fn rule_text(page: &Page, rule: CountingRule) -> String {
    match rule {
        CountingRule::Greedy { min_votes: 0 } => page.t("budget-rule-greedy"),
        CountingRule::Greedy { min_votes } => page
            .locale
            .t_args("budget-rule-greedy-min", &[("min", min_votes.to_string())]),
        CountingRule::EqualShares => page.t("budget-rule-mes"),
    }
}

async fn round_view(
    s: &AppState,
    ctx: &Ctx,
    l: Loaded,
    notice: Option<&str>,
    errors: FormErrors,
    paging: Paging,
) -> Result<Response, UiError> {
    let page = Page::new(ctx, l.round.title.clone()).with_notice(notice);
    let pools = s.app.pools(l.round.id).await.or_page(ctx)?;
    let proposals = s
        .app
        .proposals_page(l.round.id, paging)
        .await
        .or_page(ctx)?;
    let pager =
        crate::paging::Pager::new(&page, &proposals, &format!("/budzet/{}", l.round.id), &[]);
    let proposals = proposals.items;
    let phases = std::iter::once((Phase::Preparation, None))
        .chain(
            l.round
                .calendar
                .starts()
                .into_iter()
                .map(|(p, t)| (p, Some(t))),
        )
        // Results have no date of their own: the committee's count publishes them.
        .chain(std::iter::once((Phase::Results, None)))
        .map(|(p, t)| PhaseLine {
            name: phase_name(&page, p),
            start: t.map(|t| page.date(t.0)).unwrap_or_default(),
            current: p == l.phase,
        })
        .collect();
    let pools = pools
        .iter()
        .map(|pool| PoolView {
            id: pool.id,
            name: pool.name.clone(),
            budget: pool.budget.to_human(),
            ballot: ballot_text(&page, &pool.ballot),
            rule: rule_text(&page, pool.rule),
            proposals: proposals
                .iter()
                .filter(|p| p.pool_id == pool.id)
                .map(|p| ProposalLine {
                    id: p.id,
                    title: p.title.clone(),
                    cost: p.final_cost().to_human(),
                    status: page.t(&format!("budget-status-{}", p.status.as_str())),
                })
                .collect(),
        })
        .collect();
    let can_manage = can(&l.subject, Action::ManageBudget);
    // Results are published by the committee's count, not by moving the phase.
    let next_phase = l
        .phase
        .next()
        .filter(|p| *p != Phase::Results)
        .map(|p| (p.as_str().to_string(), phase_name(&page, p)));
    let (bulk, desk) = s.app.codes_issued(&l.round).await.or_page(ctx)?;
    let codes_issued = page.locale.t_args(
        "budget-codes-issued",
        &[("bulk", bulk.to_string()), ("desk", desk.to_string())],
    );
    let body = RoundPage {
        space: l.space,
        round_id: l.round.id,
        title: l.round.title.clone(),
        phase: phase_name(&page, l.phase),
        phases,
        pools,
        next_phase,
        can_manage,
        can_submit: l.phase == Phase::Submission,
        voting_open: l.phase == Phase::Voting,
        results_out: l.phase == Phase::Results,
        can_paper: can(&l.subject, Action::EnterPaperBallots)
            && matches!(l.phase, Phase::Voting | Phase::Counting),
        before_voting: l.phase < Phase::Voting,
        pools_open: l.phase <= Phase::Submission,
        key_open: l.phase <= Phase::Voting,
        committee_fingerprint: l.round.committee_key.map(|k| k.fingerprint()),
        codes_issued,
        errors,
        paged: pager.shown() || pager.beyond.is_some(),
        pager,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn round_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(n): Query<Notice>,
    Query(q): Query<RoundQuery>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let paging = Paging::lenient(q.strona.as_deref());
    round_view(&s, &ctx, l, n.ok.as_deref(), FormErrors::default(), paging).await
}

#[derive(serde::Deserialize, Default)]
pub struct RoundQuery {
    strona: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct AdvanceForm {
    #[serde(default)]
    phase: String,
}

pub async fn advance(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<AdvanceForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    super::allowed(&ctx, &l.subject, Action::ManageBudget)?;
    let to = Phase::parse(&f.phase).ok_or_else(|| {
        UiError::new(
            &ctx,
            AppError::Request(wspolnota_app::error::RequestError::Malformed),
        )
    })?;
    s.app
        .advance_round(&l.subject, &l.round, to)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/budzet/{}", l.round.id),
        "budget-phase-advanced",
    ))
}

#[derive(serde::Deserialize, Default)]
pub struct PoolForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    budget: String,
    #[serde(default)]
    ballot: String,
    #[serde(default)]
    max: String,
    #[serde(default)]
    min: String,
    #[serde(default)]
    ranked_points: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    min_votes: String,
}

fn pool_input(
    f: &PoolForm,
) -> Result<(wspolnota_domain::pb::Money, BallotKind, CountingRule), AppError> {
    let budget = super::parse_money(&f.budget).ok_or(AppError::Budget(
        wspolnota_app::budget::BudgetError::PoolBudget,
    ))?;
    let max = number("max", &f.max, 1)?.clamp(0, i64::from(u32::MAX)) as u32;
    let min = number("min", &f.min, 0)?.clamp(0, i64::from(u32::MAX)) as u32;
    let ballot = match f.ballot.as_str() {
        "approval" => BallotKind::Approval { max, min },
        "choose-1" => BallotKind::ChooseOne,
        "points" => BallotKind::Points { total: max },
        "ranked" => BallotKind::Ranked {
            points: f
                .ranked_points
                .split([',', '/', ' '])
                .filter(|p| !p.is_empty())
                .map(|p| {
                    p.parse::<u32>().map_err(|_| {
                        AppError::Budget(wspolnota_app::budget::BudgetError::Ballot(
                            wspolnota_domain::budget::BallotError::BadSettings,
                        ))
                    })
                })
                .collect::<Result<_, _>>()?,
        },
        _ => return Err(AppError::Invalid(DomainError::UnknownKind)),
    };
    let min_votes = number("min_votes", &f.min_votes, 0)?.clamp(0, i64::from(u32::MAX)) as u32;
    let rule = CountingRule::parse(f.rule.as_str(), min_votes)?;
    Ok((budget, ballot, rule))
}

pub async fn add_pool(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<PoolForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    super::allowed(&ctx, &l.subject, Action::ManageBudget)?;
    let result = match pool_input(&f) {
        Ok((budget, ballot, rule)) => {
            s.app
                .add_pool(&l.subject, &l.round, &f.name, budget, ballot, rule)
                .await
        }
        Err(e) => Err(e),
    };
    match result {
        Ok(_) => Ok(see_other(
            &format!("/budzet/{}", l.round.id),
            "budget-pool-added",
        )),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let mut res = round_view(&s, &ctx, l, None, errors, Paging::default()).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

#[derive(serde::Deserialize)]
pub struct OfficialForm {
    #[serde(default)]
    email: String,
}

pub async fn add_official(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<OfficialForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    match s.app.add_official(&l.subject, &l.round, &f.email).await {
        Ok(()) => Ok(see_other(
            &format!("/budzet/{}", l.round.id),
            "budget-official-added",
        )),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let mut res = round_view(&s, &ctx, l, None, errors, Paging::default()).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}
