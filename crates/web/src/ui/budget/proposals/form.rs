//! Submitting a proposal and correcting it: one form, offered empty or filled.

use crate::error::UiError;
use crate::ui::budget::{load, parse_id, parse_money, Loaded};
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::ProposalForm;
use wspolnota_app::AppError;
use wspolnota_domain::access::Action;
use wspolnota_domain::budget::{LineItem, Phase, ProposalStatus};

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

// The submitted form is read as pairs so that numbered cost lines can be gathered.
use crate::ui::budget::form_field as field;

fn items_from(pairs: &[(String, String)]) -> Result<Vec<LineItem>, AppError> {
    let mut items = Vec::new();
    for n in 1..=ITEM_ROWS {
        let label = field(pairs, &format!("item_label_{n}"));
        let amount = field(pairs, &format!("item_amount_{n}"));
        if label.trim().is_empty() && amount.trim().is_empty() {
            continue;
        }
        let amount = parse_money(amount).ok_or(AppError::Budget(
            wspolnota_app::budget::BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::NotPositive,
            ),
        ))?;
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
            .map_err(|_| AppError::Budget(wspolnota_app::budget::BudgetError::UnknownPool))?,
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
            AppError::Budget(wspolnota_app::budget::BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::WrongState,
            )),
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
    let author = s.app.proposal(id).await.or_page(&ctx)?.author_id;
    crate::ui::budget::allowed(&ctx, &l.subject, Action::EditProposal { author })?;
    let result = match proposal_form(&pairs) {
        Ok(form) => s.app.edit_proposal(&l.subject, &l.round, id, form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => Ok(see_other(
            &format!("/budzet/{}/projekty/{id}", l.round.id),
            "budget-proposal-saved",
        )),
        Err(e) if e.is_user_error() => {
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
        return Err(UiError::new(
            &ctx,
            AppError::Budget(wspolnota_app::budget::BudgetError::WrongPhase),
        ));
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
    crate::ui::budget::allowed(&ctx, &l.subject, Action::TakePartInBudget)?;
    let result = match proposal_form(&pairs) {
        Ok(form) => s.app.submit_proposal(&l.subject, &l.round, form).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(id) => Ok(see_other(
            &format!("/budzet/{}/projekty/{id}", l.round.id),
            "budget-proposal-submitted",
        )),
        Err(e) if e.is_user_error() => {
            let mut res =
                new_view(&s, &ctx, &l, &pairs, FormErrors::from_error(ctx.locale, &e)).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}
