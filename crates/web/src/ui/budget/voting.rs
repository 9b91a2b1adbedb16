//! The voting page: declare the address, then one ballot per pool. Limits are
//! checked on the server, so the page works without JavaScript.

use super::rounds::ballot_text;
use super::{form_field, load, parse_id, Loaded};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::Desk;
use wspolnota_app::AppError;
use wspolnota_domain::budget::register::Identification;
use wspolnota_domain::budget::{BallotKind, Choice, Phase};

pub struct Option_ {
    pub id: i64,
    pub title: String,
    pub cost: String,
    pub cost_grosze: i64,
}

pub struct BallotView {
    pub pool_id: i64,
    pub name: String,
    pub budget: String,
    pub rules: String,
    /// `approval`, `choose-1`, `points` or `ranked`.
    pub kind: &'static str,
    pub points_total: u32,
    /// Most projects (or points) the ballot takes, for the live meter.
    pub max: u32,
    pub budget_grosze: i64,
    pub ranks: Vec<usize>,
    pub projects: Vec<Option_>,
    pub voted: bool,
}

#[derive(Template)]
#[template(path = "budget/vote.html")]
struct VotePage {
    page: Page,
    round_id: i64,
    round_title: String,
    open: bool,
    logged_in: bool,
    address: Option<String>,
    /// The account's name, offered in the declaration form.
    name: String,
    pesel_required: bool,
    allow_change: bool,
    districts: Vec<String>,
    ballots: Vec<BallotView>,
    /// Pool name, receipt, and the recorded choices in words.
    receipt: Option<(String, String, String)>,
    errors: FormErrors,
}

/// The ballots of every pool, with the proposals on them.
pub(crate) async fn ballot_views(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    page: &Page,
    voted_in: &[i64],
) -> Result<Vec<BallotView>, UiError> {
    let proposals = s.app.proposals(l.round.id).await.or_page(ctx)?;
    let views = s
        .app
        .pools(l.round.id)
        .await
        .or_page(ctx)?
        .into_iter()
        .map(|pool| BallotView {
            pool_id: pool.id,
            name: pool.name.clone(),
            budget: pool.budget.to_human(),
            rules: ballot_text(page, &pool.ballot),
            kind: pool.ballot.code(),
            max: match &pool.ballot {
                BallotKind::Approval { max, .. } => *max,
                BallotKind::ChooseOne => 1,
                BallotKind::Points { total } => *total,
                BallotKind::Ranked { points } => points.len() as u32,
            },
            budget_grosze: pool.budget.grosze(),
            points_total: match pool.ballot {
                BallotKind::Points { total } => total,
                _ => 0,
            },
            ranks: match &pool.ballot {
                BallotKind::Ranked { points } => (1..=points.len()).collect(),
                _ => Vec::new(),
            },
            projects: proposals
                .iter()
                .filter(|p| p.pool_id == pool.id && p.status.on_ballot())
                .map(|p| Option_ {
                    id: p.id,
                    title: p.title.clone(),
                    cost: p.final_cost().to_human(),
                    cost_grosze: p.final_cost().grosze(),
                })
                .collect(),
            voted: voted_in.contains(&pool.id),
        })
        .collect();
    Ok(views)
}

async fn vote_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    notice: Option<&str>,
    receipt: Option<(String, String, String)>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let page = Page::new(ctx, ctx.locale.t("budget-vote-title")).with_notice(notice);
    let status = s
        .app
        .voter_status(&l.subject, &l.round)
        .await
        .or_page(ctx)?;
    let ballots = ballot_views(s, ctx, l, &page, &status.voted_in).await?;
    let body = VotePage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        open: l.phase == Phase::Voting,
        logged_in: l.subject.is_logged_in(),
        address: status.resident.map(|r| r.address),
        name: ctx
            .user
            .as_ref()
            .map(|u| u.display_name.clone())
            .unwrap_or_default(),
        pesel_required: l.round.rules.identification == Identification::Pesel,
        allow_change: l.round.allow_ballot_change,
        districts: l.round.districts.clone(),
        ballots,
        receipt,
        errors,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn vote_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    vote_view(&s, &ctx, &l, n.ok.as_deref(), None, FormErrors::default()).await
}

#[derive(serde::Deserialize)]
pub struct AddressForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    pesel: String,
    #[serde(default)]
    district: String,
}

pub async fn declare(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<AddressForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    match s
        .app
        .declare_residence(
            &l.subject,
            &l.round,
            &Desk {
                name: f.name,
                address: f.address,
                pesel: f.pesel,
                district: f.district,
            },
        )
        .await
    {
        Ok(()) => Ok(see_other(
            &format!("/budzet/{}/glosowanie", l.round.id),
            "budget-address-saved",
        )),
        Err(e) if e.is_user_error() => {
            let mut res = vote_view(
                &s,
                &ctx,
                &l,
                None,
                None,
                FormErrors::from_error(ctx.locale, &e),
            )
            .await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

/// Reads a ballot from the form: ticks as `p`, points as `pts_<id>`, ranks as `rank_<n>`.
pub(crate) fn choices(pairs: &[(String, String)]) -> Result<Vec<Choice>, AppError> {
    let bad = || AppError::Request(wspolnota_app::error::RequestError::Malformed);
    let mut ticks = Vec::new();
    let mut ranks: Vec<(usize, i64)> = Vec::new();
    for (k, v) in pairs {
        if v.trim().is_empty() {
            continue;
        }
        if k == "p" {
            ticks.push(Choice {
                project: v.parse().map_err(|_| bad())?,
                points: 1,
            });
        } else if let Some(id) = k.strip_prefix("pts_") {
            let points: u32 = v.trim().parse().map_err(|_| {
                AppError::Budget(wspolnota_app::budget::BudgetError::Ballot(
                    wspolnota_domain::budget::BallotError::TooManyPoints { total: 0 },
                ))
            })?;
            if points > 0 {
                ticks.push(Choice {
                    project: id.parse().map_err(|_| bad())?,
                    points,
                });
            }
        } else if let Some(n) = k.strip_prefix("rank_") {
            ranks.push((n.parse().map_err(|_| bad())?, v.parse().map_err(|_| bad())?));
        }
    }
    ranks.sort();
    ticks.extend(
        ranks
            .into_iter()
            .map(|(_, project)| Choice { project, points: 0 }),
    );
    Ok(ticks)
}

pub async fn cast(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let pool = parse_id(&ctx, &pool)?;
    let result = match choices(&pairs) {
        Err(e) => Err(e),
        Ok(picked) => {
            s.app
                .submit_ballot(
                    &l.subject,
                    &l.round,
                    pool,
                    Some(form_field(&pairs, "code")),
                    Some(form_field(&pairs, "receipt")),
                    &picked,
                )
                .await
        }
    };
    let pool_name = s
        .app
        .pools(l.round.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .find(|p| p.id == pool)
        .map(|p| p.name)
        .unwrap_or_default();
    match result {
        // The receipt is shown once, on this page, and never stored in readable form.
        Ok(Some(cast)) => {
            let recorded = recorded_text(&s, &ctx, &l, &cast.choices).await?;
            vote_view(
                &s,
                &ctx,
                &l,
                Some("budget-voted"),
                Some((pool_name, cast.receipt, recorded)),
                FormErrors::default(),
            )
            .await
        }
        Ok(None) => Ok(see_other(
            &format!("/budzet/{}/glosowanie", l.round.id),
            "budget-ballot-changed",
        )),
        Err(e) if e.is_user_error() => {
            let status = crate::error::status_of(&e);
            let errors = FormErrors {
                fields: vec![],
                general: Some(format!(
                    "{pool_name}: {}",
                    crate::error::message(ctx.locale, &e)
                )),
            };
            let mut res = vote_view(&s, &ctx, &l, None, None, errors).await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

/// The recorded choices in words, so the voter sees their ballot was taken as cast.
async fn recorded_text(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    choices: &[Choice],
) -> Result<String, UiError> {
    let proposals = s.app.proposals(l.round.id).await.or_page(ctx)?;
    Ok(choices
        .iter()
        .map(|c| {
            let title = proposals
                .iter()
                .find(|p| p.id == c.project)
                .map_or_else(|| c.project.to_string(), |p| p.title.clone());
            if c.points > 1 {
                format!("{title} ({})", c.points)
            } else {
                title
            }
        })
        .collect::<Vec<_>>()
        .join("; "))
}
