//! Paper ballots: staff enter each sheet, a second person enters it again, and
//! admins settle the sheets whose two entries disagree.

use super::voting::{ballot_views, choices, BallotView};
use super::{load, parse_id, Loaded};
use crate::error::UiError;
use crate::ui::layout::{FormErrors, Page};
use crate::ui::{render, see_other, Notice, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::PaperOutcome;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};

pub struct SheetLine {
    /// Keeps the ids of each sheet's resolution form unique.
    pub key: String,
    pub sheet: String,
    pub status: String,
    pub mismatch: bool,
}

pub struct PaperPool {
    pub ballot: BallotView,
    pub sheets: Vec<SheetLine>,
}

#[derive(Template)]
#[template(path = "budget/paper.html")]
struct PaperPage {
    page: Page,
    round_id: i64,
    round_title: String,
    pools: Vec<PaperPool>,
    can_resolve: bool,
    errors: FormErrors,
}

async fn paper_view(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    notice: Option<&str>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    wspolnota_app::authorise(&l.subject, Action::EnterPaperBallots).or_page(ctx)?;
    let page = Page::new(ctx, ctx.locale.t("budget-paper-title")).with_notice(notice);
    let mut pools = Vec::new();
    for ballot in ballot_views(s, ctx, l, &page, &[]).await? {
        let sheets = s
            .app
            .paper_sheets(&l.subject, ballot.pool_id)
            .await
            .or_page(ctx)?
            .into_iter()
            .enumerate()
            .map(|(i, p)| SheetLine {
                key: format!("r{}-{i}", ballot.pool_id),
                mismatch: p.status == "mismatch",
                status: page.t(&format!("budget-paper-{}", p.status)),
                sheet: p.sheet,
            })
            .collect();
        pools.push(PaperPool { ballot, sheets });
    }
    let body = PaperPage {
        round_id: l.round.id,
        round_title: l.round.title.clone(),
        pools,
        can_resolve: can(&l.subject, Action::ResolvePaperBallots),
        errors,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn paper_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    paper_view(&s, &ctx, &l, n.ok.as_deref(), FormErrors::default()).await
}

async fn after(
    s: &AppState,
    ctx: &Ctx,
    l: &Loaded,
    result: Result<&'static str, AppError>,
) -> Result<Response, UiError> {
    match result {
        Ok(notice) => Ok(see_other(&format!("/budzet/{}/papier", l.round.id), notice)),
        Err(e @ (AppError::Invalid(_) | AppError::Refused(_))) => {
            let status = crate::error::status_of(&e);
            let errors = FormErrors {
                fields: vec![],
                general: Some(crate::error::message(ctx.locale, &e)),
            };
            let mut res = paper_view(s, ctx, l, None, errors).await?;
            *res.status_mut() = status;
            Ok(res)
        }
        Err(e) => Err(UiError::new(ctx, e)),
    }
}

fn sheet_of(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == "sheet")
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

pub async fn enter(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let pool = parse_id(&ctx, &pool)?;
    let result = match choices(&pairs) {
        Ok(picked) => s
            .app
            .enter_paper_ballot(&l.subject, &l.round, pool, &sheet_of(&pairs), &picked)
            .await
            .map(|o| match o {
                PaperOutcome::WaitingForSecondEntry => "budget-paper-entered-once",
                PaperOutcome::Counted => "budget-paper-entered-counted",
                PaperOutcome::Mismatch => "budget-paper-entered-mismatch",
            }),
        Err(e) => Err(e),
    };
    after(&s, &ctx, &l, result).await
}

pub async fn resolve(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, pool)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    let pool = parse_id(&ctx, &pool)?;
    let result = match choices(&pairs) {
        Ok(picked) => s
            .app
            .resolve_paper_ballot(&l.subject, &l.round, pool, &sheet_of(&pairs), &picked)
            .await
            .map(|()| "budget-paper-resolved"),
        Err(e) => Err(e),
    };
    after(&s, &ctx, &l, result).await
}
