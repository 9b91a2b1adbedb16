//! Printed voting codes issued in bulk before voting opens, shown once, ready to print;
//! only their hashes are kept.

use super::load;
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::AppError;

#[derive(serde::Deserialize)]
pub struct CodesForm {
    #[serde(default)]
    count: String,
}

#[derive(Template)]
#[template(path = "budget/codes.html")]
struct CodesPage {
    page: Page,
    round_id: i64,
    round_title: String,
    codes: Vec<String>,
}

/// Issues printed voting codes and shows them once, ready to print; only their hashes are kept.
pub async fn issue_codes(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<CodesForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    super::allowed(
        &ctx,
        &l.subject,
        wspolnota_domain::access::Action::ManageBudget,
    )?;
    let count: usize = f.count.trim().parse().map_err(|_| {
        UiError::new(
            &ctx,
            AppError::Budget(wspolnota_app::budget::BudgetError::BadSettings),
        )
    })?;
    if count > 10_000 {
        return Err(UiError::new(
            &ctx,
            AppError::Budget(wspolnota_app::budget::BudgetError::BadSettings),
        ));
    }
    let codes = s
        .app
        .issue_voting_codes(&l.subject, &l.round, count)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("budget-codes-title"));
    Ok(render(
        &ctx,
        CodesPage {
            page,
            round_id: l.round.id,
            round_title: l.round.title.clone(),
            codes,
        },
    ))
}
