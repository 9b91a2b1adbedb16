//! The cooperative's reports (capital and members over time, investment progress, each
//! chart with its table) and the board's surplus page (approving the year's statements
//! and the proposed division as a draft resolution).

use super::charts::{line_chart, Series};
use super::{allowed, load, require};
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::coop::{Cooperative, StatementsForm};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::date;
use wspolnota_domain::pb::Money;

#[derive(Template)]
#[template(path = "coop/reports.html")]
struct ReportsPage {
    page: Page,
    coop: Cooperative,
    capital_chart: String,
    capital: Vec<(String, String, String, String)>,
    members_chart: String,
    members: Vec<(String, i64, i64)>,
    projects: Vec<(String, String, String, u32)>,
}

pub async fn reports_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let report = s
        .app
        .coop_report(&subject, coop.space.id)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("coop-reports-title"));
    let days: Vec<String> = report.capital.iter().map(|p| date::format(p.day)).collect();
    let top = report
        .capital
        .iter()
        .map(|p| p.declared.0.max(p.paid_in.0))
        .max()
        .unwrap_or(0);
    let (declared, paid, reserve) = (
        page.t("coop-chart-declared"),
        page.t("coop-chart-paid"),
        page.t("coop-chart-reserve"),
    );
    let capital_chart = line_chart(
        "capital",
        &page.t("coop-chart-capital"),
        &days,
        &[
            Series {
                name: &declared,
                values: report.capital.iter().map(|p| p.declared.0).collect(),
            },
            Series {
                name: &paid,
                values: report.capital.iter().map(|p| p.paid_in.0).collect(),
            },
            Series {
                name: &reserve,
                values: report.capital.iter().map(|p| p.reserve.0).collect(),
            },
        ],
        &Money(top).to_human(),
    );
    let member_days: Vec<String> = report.members.iter().map(|p| date::format(p.day)).collect();
    let top_members = report
        .members
        .iter()
        .map(|p| p.natural.max(p.legal))
        .max()
        .unwrap_or(0);
    let (natural, legal) = (page.t("coop-members-natural"), page.t("coop-members-legal"));
    let members_chart = line_chart(
        "members",
        &page.t("coop-chart-members"),
        &member_days,
        &[
            Series {
                name: &natural,
                values: report.members.iter().map(|p| p.natural).collect(),
            },
            Series {
                name: &legal,
                values: report.members.iter().map(|p| p.legal).collect(),
            },
        ],
        &top_members.to_string(),
    );
    let projects = s
        .app
        .investments(coop.space.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|v| {
            (
                v.investment.title,
                v.progress.goal.to_human(),
                v.progress.paid.to_human(),
                v.progress.percent_paid().min(100),
            )
        })
        .collect();
    let t = ReportsPage {
        capital: report
            .capital
            .iter()
            .map(|p| {
                (
                    date::format(p.day),
                    p.declared.to_human(),
                    p.paid_in.to_human(),
                    p.reserve.to_human(),
                )
            })
            .collect(),
        members: report
            .members
            .iter()
            .map(|p| (date::format(p.day), p.natural, p.legal))
            .collect(),
        capital_chart,
        members_chart,
        projects,
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

/// One member's part of the proposed division.
pub struct PartLine {
    pub number: i64,
    pub name: String,
    pub amount: String,
    pub to_shares: String,
    pub payable: String,
}

#[derive(Template)]
#[template(path = "coop/surplus.html")]
struct SurplusPage {
    page: Page,
    coop: Cooperative,
    keeps: bool,
    has_proposal: bool,
    heading: String,
    facts: Vec<(String, String)>,
    parts: Vec<PartLine>,
    /// The statute divides by use: the board records members' use of the year.
    by_use: bool,
    use_year: String,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    pub ok: Option<String>,
}

pub async fn surplus_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let proposal = s
        .app
        .surplus_proposal(&subject, coop.space.id)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("coop-surplus-title")).with_notice(q.ok.as_deref());
    let (heading, facts, parts) = match &proposal {
        None => (String::new(), Vec::new(), Vec::new()),
        Some(p) => (
            page.t_args("coop-surplus-heading", "year", &p.year.to_string()),
            vec![
                (page.t("coop-surplus-approved-on"), p.approved_on.clone()),
                (page.t("coop-surplus-amount"), p.surplus.to_human()),
                (
                    page.t("coop-surplus-reserve-before"),
                    p.reserve_fund.to_human(),
                ),
                (
                    page.t("coop-surplus-obligatory"),
                    p.paid_in_obligatory.to_human(),
                ),
                (
                    page.t("coop-surplus-to-reserve"),
                    p.division.to_reserve.to_human(),
                ),
                (
                    page.t("coop-surplus-to-members"),
                    p.division.to_members.to_human(),
                ),
                (
                    page.t("coop-surplus-undivided"),
                    p.division.undivided.to_human(),
                ),
                (
                    page.t("coop-surplus-rule"),
                    page.t(&format!("coop-surplus-rule-{}", p.division.rule.as_str())),
                ),
            ],
            p.division
                .parts
                .iter()
                .zip(&p.names)
                .map(|(part, (number, name))| PartLine {
                    number: *number,
                    name: name.clone(),
                    amount: part.amount.to_human(),
                    to_shares: part.to_shares.to_human(),
                    payable: part.payable.to_human(),
                })
                .collect(),
        ),
    };
    let t = SurplusPage {
        by_use: coop.settings.surplus_rule == wspolnota_domain::coop::settings::SurplusRule::ByUse,
        use_year: proposal
            .as_ref()
            .map(|p| p.year.to_string())
            .unwrap_or_default(),
        keeps: allowed(&subject, CoopAction::KeepRegister),
        has_proposal: proposal.is_some(),
        heading,
        facts,
        parts,
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize, Default)]
pub struct StatementsIn {
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub approved_on: String,
    #[serde(default)]
    pub surplus: String,
    #[serde(default)]
    pub reserve_fund: String,
}

pub async fn approve_statements(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<StatementsIn>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let form = StatementsForm {
        year: f.year,
        approved_on: f.approved_on,
        surplus: f.surplus,
        reserve_fund: f.reserve_fund,
    };
    s.app
        .approve_statements(&subject, coop.space.id, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/nadwyzka"),
        "coop-statements-approved",
    ))
}

#[derive(Deserialize, Default)]
pub struct UseIn {
    #[serde(default)]
    pub year: String,
    #[serde(default)]
    pub lines: String,
}

/// Members' use of the cooperative in a year, for a division of the surplus by use.
pub async fn record_use(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<UseIn>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    s.app
        .record_use(&subject, coop.space.id, &f.year, &f.lines)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/nadwyzka"),
        "coop-use-recorded",
    ))
}
