//! A new version of the cooperative's statute with its settings: the only way the
//! settings change (the earlier versions, and what was declared under them, stay).

use super::{load, require};
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::coop::{Cooperative, SettingsForm};
use wspolnota_domain::coop::access::CoopAction;

#[derive(Template)]
#[template(path = "coop/statute.html")]
struct StatutePage {
    page: Page,
    coop: Cooperative,
    title: String,
    body: String,
    f: SettingsForm,
}

pub async fn statute_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageCooperative)?;
    let docs = s.app.documents(coop.space.id).await.or_page(&ctx)?;
    let (title, body) = docs
        .first()
        .map(|d| (d.title.clone(), d.body_md.clone()))
        .unwrap_or_default();
    let page = Page::new(&ctx, ctx.locale.t("coop-statute-title"));
    Ok(render(
        &ctx,
        StatutePage {
            f: SettingsForm::of(&coop.settings),
            title,
            body,
            coop,
            page,
        },
    ))
}

#[derive(Deserialize, Default)]
pub struct StatuteIn {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub share_value: String,
    #[serde(default)]
    pub min_shares: String,
    #[serde(default)]
    pub max_shares: String,
    #[serde(default)]
    pub entry_fee: String,
    #[serde(default)]
    pub payment_days: String,
    #[serde(default)]
    pub decision_days: String,
    #[serde(default)]
    pub appeal_body: String,
    #[serde(default)]
    pub appeal_days: String,
    #[serde(default)]
    pub exit_notice_months: String,
    #[serde(default)]
    pub refund_months: String,
    #[serde(default)]
    pub legal_persons_allowed: Option<String>,
    #[serde(default)]
    pub proxies_allowed: Option<String>,
    #[serde(default)]
    pub reserve_percent: String,
    #[serde(default)]
    pub surplus_rule: String,
    #[serde(default)]
    pub members_see: String,
    #[serde(default)]
    pub quorum: String,
    #[serde(default)]
    pub abstentions_count: Option<String>,
    #[serde(default)]
    pub majority_statute_change: String,
    #[serde(default)]
    pub majority_merger: String,
    #[serde(default)]
    pub majority_liquidation: String,
    #[serde(default)]
    pub notice_days: String,
    #[serde(default)]
    pub agenda_addition_days: String,
}

pub async fn change(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<StatuteIn>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageCooperative)?;
    let form = SettingsForm {
        share_value: f.share_value,
        min_shares: f.min_shares,
        max_shares: f.max_shares,
        entry_fee: f.entry_fee,
        payment_days: f.payment_days,
        decision_days: f.decision_days,
        appeal_body: f.appeal_body,
        appeal_days: f.appeal_days,
        exit_notice_months: f.exit_notice_months,
        refund_months: f.refund_months,
        legal_persons_allowed: f.legal_persons_allowed.is_some(),
        proxies_allowed: f.proxies_allowed.is_some(),
        reserve_percent: f.reserve_percent,
        surplus_rule: f.surplus_rule,
        members_see: f.members_see,
        quorum: f.quorum,
        abstentions_count: f.abstentions_count.is_some(),
        majority_statute_change: f.majority_statute_change,
        majority_merger: f.majority_merger,
        majority_liquidation: f.majority_liquidation,
        notice_days: f.notice_days,
        agenda_addition_days: f.agenda_addition_days,
    };
    let settings = form.read(&coop.settings).or_page(&ctx)?;
    s.app
        .change_statute(&subject, coop.space.id, &f.title, &f.body, settings)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia"),
        "coop-statute-changed",
    ))
}
