//! A proposal's page, and the actions on it that need no form of their own.

use crate::error::UiError;
use crate::ui::budget::{load, parse_id, Loaded};
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Extension;
use std::sync::Arc;
use wspolnota_app::markdown::to_safe_html_nested;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::budget::ProposalAction;
use wspolnota_domain::pb::Money;

#[derive(Template)]
#[template(path = "budget/proposal.html")]
struct ProposalPage {
    page: Page,
    round_id: i64,
    round_title: String,
    id: i64,
    title: String,
    pool: String,
    place: String,
    status: String,
    description_html: Arc<str>,
    items: Vec<(String, String)>,
    cost: String,
    verified_cost: Option<String>,
    cost_justification: String,
    verification_reason: String,
    appeal_text: String,
    appeal_decision: Option<String>,
    appeal_reason: String,
    supports: String,
    can_support: bool,
    can_verify: bool,
    can_appeal: bool,
    can_decide_appeal: bool,
    can_withdraw: bool,
    /// The author may still change the proposal (submission is open).
    can_add_image: bool,
    images: Vec<(i64, String)>,
    errors: FormErrors,
}

async fn proposal_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    id: i64,
    notice: Option<&str>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let p = s.app.proposal(id).await.or_page(ctx)?;
    if p.round_id != l.round.id {
        return Err(UiError::new(ctx, AppError::NotFound));
    }
    let pool = s
        .app
        .pools(l.round.id)
        .await
        .or_page(ctx)?
        .into_iter()
        .find(|pool| pool.id == p.pool_id)
        .map(|pool| pool.name)
        .unwrap_or_default();
    let page = Page::new(ctx, p.title.clone()).with_notice(notice);
    let author = can(
        &l.subject,
        Action::EditProposal {
            author: p.author_id,
        },
    );
    let verifier = can(&l.subject, Action::VerifyProposals);
    // The same state machine the use cases enforce decides which buttons show.
    let allowed = s.app.proposal_state(&l.round, &p).allowed();
    let body = ProposalPage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        id: p.id,
        title: p.title.clone(),
        pool,
        place: p.place.clone().unwrap_or_default(),
        status: page.t(&format!("budget-status-{}", p.status.as_str())),
        description_html: to_safe_html_nested(&p.description_md, 1),
        items: p
            .items
            .iter()
            .map(|i| (i.label.clone(), i.amount.to_human()))
            .collect(),
        cost: p.cost.to_human(),
        verified_cost: p.verified_cost.map(Money::to_human),
        cost_justification: p.cost_justification.clone().unwrap_or_default(),
        verification_reason: p.verification_reason.clone().unwrap_or_default(),
        appeal_text: p.appeal_text.clone().unwrap_or_default(),
        appeal_decision: p.appeal_upheld.map(|u| {
            page.t(if u {
                "budget-appeal-upheld"
            } else {
                "budget-appeal-dismissed"
            })
        }),
        appeal_reason: p.appeal_reason.clone().unwrap_or_default(),
        supports: page.locale.t_count("budget-supports", p.supports),
        can_support: l.subject.is_logged_in() && allowed.contains(&ProposalAction::Support),
        can_verify: verifier && allowed.contains(&ProposalAction::Verify),
        can_appeal: author && allowed.contains(&ProposalAction::Appeal),
        can_decide_appeal: verifier && allowed.contains(&ProposalAction::DecideAppeal),
        can_withdraw: author && allowed.contains(&ProposalAction::Withdraw),
        can_add_image: author && allowed.contains(&ProposalAction::AddImage),
        images: s
            .app
            .proposal_images(p.id)
            .await
            .or_page(ctx)?
            .into_iter()
            .map(|i| (i.id, i.alt))
            .collect(),
        errors,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn proposal_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let id = parse_id(&ctx, &id)?;
    proposal_view(&s, &ctx, &l, id, n.ok.as_deref(), FormErrors::default()).await
}

/// Runs an action on a proposal: on success back to its page with a notice; a refusal
/// re-renders the page with the message.
pub(super) async fn act<F, Fut>(
    s: &AppState,
    ctx: &Ctx,
    round: &str,
    id: &str,
    notice: &str,
    action: F,
) -> Result<Response, UiError>
where
    F: FnOnce(Arc<wspolnota_app::App>, Loaded, i64) -> Fut,
    Fut: std::future::Future<Output = Result<(), AppError>>,
{
    let l = load(s, ctx, round).await?;
    let id = parse_id(ctx, id)?;
    let round_id = l.round.id;
    match action(s.app.clone(), l, id).await {
        Ok(()) => Ok(see_other(
            &format!("/budzet/{round_id}/projekty/{id}"),
            notice,
        )),
        Err(e) if e.is_user_error() => {
            let status = crate::error::status_of(&e);
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let l = load(s, ctx, round).await?;
            let mut res = proposal_view(s, ctx, &l, id, None, errors).await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(ctx, e)),
    }
}

pub async fn support(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-supported",
        |app, l, id| async move { app.support_proposal(&l.subject, &l.round, id).await },
    )
    .await
}

pub async fn withdraw(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-proposal-withdrawn",
        |app, l, id| async move { app.withdraw_proposal(&l.subject, &l.round, id).await },
    )
    .await
}
