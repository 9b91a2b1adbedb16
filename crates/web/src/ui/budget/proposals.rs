//! Proposals: submitting one, its page, support, verification, appeal, withdrawal.

use super::{load, parse_id, parse_money, Loaded};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use std::sync::Arc;
use wspolnota_app::budget::{ProposalForm, VerificationForm};
use wspolnota_app::markdown::to_safe_html_nested;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::budget::{LineItem, Phase, ProposalStatus};
use wspolnota_domain::pb::Money;

/// Rows of cost lines offered by the form; enough for a neighbourhood project, and
/// the form works without JavaScript.
const ITEM_ROWS: usize = 6;

pub struct PoolOption {
    pub id: i64,
    pub name: String,
    pub selected: bool,
}

pub struct ItemRow {
    pub n: usize,
    pub label: String,
    pub amount: String,
}

#[derive(Template)]
#[template(path = "budget/proposal_new.html")]
struct NewProposalPage {
    page: Page,
    round_id: i64,
    /// Where the form goes: a new proposal, or an edit of an existing one.
    action: String,
    submit_label: String,
    pools: Vec<PoolOption>,
    title: String,
    description: String,
    place: String,
    items: Vec<ItemRow>,
    errors: FormErrors,
}

/// The submitted form, read as pairs so that numbered cost lines can be gathered.
fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

fn items_from(pairs: &[(String, String)]) -> Result<Vec<LineItem>, AppError> {
    let mut items = Vec::new();
    for n in 1..=ITEM_ROWS {
        let label = field(pairs, &format!("item_label_{n}"));
        let amount = field(pairs, &format!("item_amount_{n}"));
        if label.trim().is_empty() && amount.trim().is_empty() {
            continue;
        }
        let amount = parse_money(amount).ok_or(AppError::Refused("budget.cost_not_positive"))?;
        items.push(LineItem {
            label: label.trim().to_string(),
            amount,
        });
    }
    Ok(items)
}

async fn new_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    pairs: &[(String, String)],
    errors: FormErrors,
) -> Result<Response, UiError> {
    let action = format!("/budzet/{}/projekty", l.round.id);
    form_view(
        s,
        ctx,
        l,
        pairs,
        errors,
        action,
        ctx.locale.t("budget-submit-proposal"),
        ctx.locale.t("budget-submit"),
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn form_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    pairs: &[(String, String)],
    errors: FormErrors,
    action: String,
    title: String,
    submit_label: String,
) -> Result<Response, UiError> {
    let page = Page::new(ctx, title);
    let chosen = field(pairs, "pool");
    let pools = s
        .app
        .pools(l.round.id)
        .await
        .or_page(ctx)?
        .into_iter()
        .map(|p| PoolOption {
            selected: chosen == p.id.to_string(),
            id: p.id,
            name: format!("{} ({})", p.name, p.budget.to_human()),
        })
        .collect();
    let items = (1..=ITEM_ROWS)
        .map(|n| ItemRow {
            n,
            label: field(pairs, &format!("item_label_{n}")).into(),
            amount: field(pairs, &format!("item_amount_{n}")).into(),
        })
        .collect();
    let body = NewProposalPage {
        round_id: l.round.id,
        action,
        submit_label,
        pools,
        title: field(pairs, "title").into(),
        description: field(pairs, "description").into(),
        place: field(pairs, "place").into(),
        items,
        errors,
        page,
    };
    Ok(render(ctx, body))
}

fn proposal_form(pairs: &[(String, String)]) -> Result<ProposalForm, AppError> {
    Ok(ProposalForm {
        pool_id: field(pairs, "pool")
            .parse()
            .map_err(|_| AppError::Refused("budget.unknown_pool"))?,
        title: field(pairs, "title").into(),
        description_md: field(pairs, "description").into(),
        place: field(pairs, "place").into(),
        items: items_from(pairs)?,
    })
}

/// The author's form to correct a proposal, filled with what it says now.
pub async fn edit_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let id = parse_id(&ctx, &id)?;
    let p = s.app.proposal(id).await.or_page(&ctx)?;
    if p.round_id != l.round.id {
        return Err(UiError::new(&ctx, AppError::NotFound));
    }
    wspolnota_app::authorise(
        &l.subject,
        Action::EditProposal {
            author: p.author_id,
        },
    )
    .or_page(&ctx)?;
    if l.phase != Phase::Submission || p.status != ProposalStatus::Submitted {
        return Err(UiError::new(
            &ctx,
            AppError::Refused("budget.proposal_wrong_state"),
        ));
    }
    let mut pairs = vec![
        ("pool".to_string(), p.pool_id.to_string()),
        ("title".to_string(), p.title.clone()),
        ("description".to_string(), p.description_md.clone()),
        ("place".to_string(), p.place.clone().unwrap_or_default()),
    ];
    for (n, item) in p.items.iter().enumerate().take(ITEM_ROWS) {
        pairs.push((format!("item_label_{}", n + 1), item.label.clone()));
        pairs.push((
            format!("item_amount_{}", n + 1),
            item.amount.to_plain().replace('.', ","),
        ));
    }
    let action = format!("/budzet/{}/projekty/{id}/edycja", l.round.id);
    form_view(
        &s,
        &ctx,
        &l,
        &pairs,
        FormErrors::default(),
        action,
        ctx.locale.t("budget-edit-proposal"),
        ctx.locale.t("budget-save-proposal"),
    )
    .await
}

pub async fn edit(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let id = parse_id(&ctx, &id)?;
    let result = match proposal_form(&pairs) {
        Ok(form) => s.app.edit_proposal(&l.subject, &l.round, id, form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(
            &format!("/budzet/{}/projekty/{id}", l.round.id),
            "budget-proposal-saved",
        )),
        Err(e @ (AppError::Invalid(_) | AppError::Refused(_))) => {
            let status = crate::error::status_of(&e);
            let action = format!("/budzet/{}/projekty/{id}/edycja", l.round.id);
            let mut res = form_view(
                &s,
                &ctx,
                &l,
                &pairs,
                FormErrors::from_error(ctx.locale, &e),
                action,
                ctx.locale.t("budget-edit-proposal"),
                ctx.locale.t("budget-save-proposal"),
            )
            .await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub async fn new_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    wspolnota_app::authorise(&l.subject, Action::TakePartInBudget).or_page(&ctx)?;
    if l.phase != Phase::Submission {
        return Err(UiError::new(&ctx, AppError::Refused("budget.wrong_phase")));
    }
    new_view(&s, &ctx, &l, &[], FormErrors::default()).await
}

pub async fn submit(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let result = match proposal_form(&pairs) {
        Ok(form) => s.app.submit_proposal(&l.subject, &l.round, form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(
            &format!("/budzet/{}/projekty/{id}", l.round.id),
            "budget-proposal-submitted",
        )),
        Err(e @ (AppError::Invalid(_) | AppError::Refused(_))) => {
            let mut res =
                new_view(&s, &ctx, &l, &pairs, FormErrors::from_error(ctx.locale, &e)).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

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
        can_support: l.phase == Phase::Submission
            && l.subject.is_logged_in()
            && p.status == ProposalStatus::Submitted,
        can_verify: verifier
            && l.phase == Phase::Verification
            && p.status == ProposalStatus::Submitted,
        can_appeal: author
            && p.status == ProposalStatus::Rejected
            && p.appeal_text.is_none()
            && l.phase < Phase::Voting,
        can_decide_appeal: verifier && p.status == ProposalStatus::Appealed,
        can_withdraw: author && l.phase < Phase::Voting && p.status != ProposalStatus::Withdrawn,
        can_add_image: author
            && l.phase == Phase::Submission
            && p.status == ProposalStatus::Submitted,
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
async fn act<F, Fut>(
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
        Err(e @ (AppError::Invalid(_) | AppError::Refused(_))) => {
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

#[derive(serde::Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    verified_cost: String,
    #[serde(default)]
    cost_justification: String,
}

pub async fn verify(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<VerifyForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-proposal-verified",
        |app, l, id| async move {
            let accepted = match f.decision.as_str() {
                "accept" => true,
                "reject" => false,
                _ => return Err(AppError::Refused("request.malformed")),
            };
            let verified_cost = if f.verified_cost.trim().is_empty() {
                None
            } else {
                Some(
                    parse_money(&f.verified_cost)
                        .ok_or(AppError::Refused("budget.cost_not_positive"))?,
                )
            };
            let form = VerificationForm {
                accepted,
                reason: f.reason,
                verified_cost,
                cost_justification: f.cost_justification,
            };
            app.verify_proposal(&l.subject, &l.round, id, form).await
        },
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct AppealForm {
    #[serde(default)]
    appeal: String,
}

pub async fn appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<AppealForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-appeal-lodged",
        |app, l, id| async move {
            app.appeal_proposal(&l.subject, &l.round, id, &f.appeal)
                .await
        },
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide_appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<DecideForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-appeal-decided",
        |app, l, id| async move {
            let upheld = match f.decision.as_str() {
                "uphold" => true,
                "dismiss" => false,
                _ => return Err(AppError::Refused("request.malformed")),
            };
            app.decide_appeal(&l.subject, &l.round, id, upheld, &f.reason)
                .await
        },
    )
    .await
}

/// Adds an image to a proposal (a multipart form: `alt` and `image`).
pub async fn upload_image(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let malformed = || AppError::Refused("request.malformed");
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-image-added",
        |app, l, id| async move {
            let mut multipart = multipart.map_err(|_| malformed())?;
            let (mut alt, mut bytes) = (String::new(), Vec::new());
            while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
                match field.name() {
                    Some("alt") => alt = field.text().await.map_err(|_| malformed())?,
                    Some("image") => bytes = field.bytes().await.map_err(|_| malformed())?.to_vec(),
                    _ => {}
                }
            }
            app.add_proposal_image(&l.subject, &l.round, id, &alt, &bytes)
                .await
                .map(|_| ())
        },
    )
    .await
}

/// Serves an image of a proposal. The type was checked from the bytes on upload.
pub async fn image(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id, image)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    use axum::http::header;
    use axum::response::IntoResponse;
    let l = load(&s, &ctx, &round).await?;
    let id = parse_id(&ctx, &id)?;
    let image = parse_id(&ctx, &image)?;
    let p = s.app.proposal(id).await.or_page(&ctx)?;
    if p.round_id != l.round.id {
        return Err(UiError::new(&ctx, AppError::NotFound));
    }
    let (content_type, bytes) = s.app.proposal_image(id, image).await.or_page(&ctx)?;
    Ok((
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=86400".to_string()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        bytes,
    )
        .into_response())
}
