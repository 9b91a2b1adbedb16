//! The election committee's key: made on the round's page before voting (its shares
//! shown once, to be printed, one per member), or made by the committee elsewhere and
//! only its public half pasted here.

use super::load;
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::BudgetError;
use wspolnota_app::AppError;
use wspolnota_domain::budget::secrecy::CommitteeKey;

#[derive(serde::Deserialize, Default)]
pub struct CommitteeForm {
    #[serde(default)]
    members: String,
    #[serde(default)]
    threshold: String,
    /// A public key made by the committee itself; when given, nothing is generated here.
    #[serde(default)]
    public_key: String,
}

#[derive(Template)]
#[template(path = "budget/committee.html")]
struct CommitteePage {
    page: Page,
    round_id: i64,
    round_title: String,
    lead: String,
    fingerprint: String,
    shares: Vec<String>,
}

fn small(value: &str, default: u8) -> Result<u8, AppError> {
    match value.trim() {
        "" => Ok(default),
        v => v
            .parse()
            .map_err(|_| AppError::Budget(BudgetError::BadSettings)),
    }
}

pub async fn create_key(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(round): Path<String>,
    Form(f): Form<CommitteeForm>,
) -> Result<Response, UiError> {
    let l = load(&s, &ctx, &round).await?;
    if !f.public_key.trim().is_empty() {
        let key = CommitteeKey::parse(&f.public_key)
            .map_err(|e| UiError::new(&ctx, AppError::Budget(e.into())))?;
        s.app
            .set_committee_key(&l.subject, &l.round, &key)
            .await
            .or_page(&ctx)?;
        return Ok(see_other(
            &format!("/budzet/{}", l.round.id),
            "budget-committee-key-saved",
        ));
    }
    let members = small(&f.members, 3).or_page(&ctx)?;
    let threshold = small(&f.threshold, 2).or_page(&ctx)?;
    let (public, shares) = s
        .app
        .create_committee_key(&l.subject, &l.round, members, threshold)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("budget-committee-title"));
    let lead = page.locale.t_args(
        "budget-committee-lead",
        &[
            ("members", members.to_string()),
            ("threshold", threshold.to_string()),
        ],
    );
    Ok(render(
        &ctx,
        CommitteePage {
            round_id: l.round.id,
            round_title: l.round.title.clone(),
            lead,
            fingerprint: public.fingerprint(),
            shares: shares.iter().map(|s| s.as_text()).collect(),
            page,
        },
    ))
}
