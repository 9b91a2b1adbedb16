//! Co-investment projects and the asset register: the public summary with progress as
//! money and milestones, one project's pledges, and the board's forms.

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
use wspolnota_app::coop::{AssetForm, Cooperative, InvestmentForm, PledgeForm};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::ids::OrgId;
use wspolnota_domain::pb::Money;

/// A project as the list shows it.
pub struct ProjectLine {
    pub id: i64,
    pub title: String,
    pub summary: String,
    pub status: String,
    pub goal: String,
    pub pledged: String,
    pub paid: String,
    pub percent_paid: u32,
    pub milestones_done: usize,
    pub milestones: usize,
}

/// An asset as the list shows it.
pub struct AssetLine {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub location: String,
    pub value: String,
    pub valued_on: String,
    pub acquired_on: String,
}

#[derive(Template)]
#[template(path = "coop/investments.html")]
struct InvestmentsPage {
    page: Page,
    coop: Cooperative,
    projects: Vec<ProjectLine>,
    assets: Vec<AssetLine>,
    manages: bool,
    details: bool,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    pub ok: Option<String>,
}

pub async fn investments_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let page = Page::new(&ctx, ctx.locale.t("coop-investments-title")).with_notice(q.ok.as_deref());
    let projects = s
        .app
        .investments(coop.space.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|v| ProjectLine {
            id: v.investment.id,
            status: page.t(&format!("coop-investment-{}", v.status.as_str())),
            percent_paid: v.progress.percent_paid().min(100),
            goal: v.progress.goal.to_human(),
            pledged: v.progress.pledged.to_human(),
            paid: v.progress.paid.to_human(),
            milestones_done: v.milestones.iter().filter(|m| m.done_on.is_some()).count(),
            milestones: v.milestones.len(),
            title: v.investment.title,
            summary: v.investment.summary,
        })
        .collect();
    let assets = s
        .app
        .assets(coop.space.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|a| AssetLine {
            id: a.id,
            kind: page.t(&format!("coop-asset-{}", a.kind)),
            value: Money(a.value).to_human(),
            name: a.name,
            location: a.location,
            valued_on: a.valued_on,
            acquired_on: a.acquired_on,
        })
        .collect();
    let t = InvestmentsPage {
        manages: allowed(&subject, CoopAction::ManageInvestments),
        details: allowed(&subject, CoopAction::ViewMembersDetails),
        projects,
        assets,
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

/// A pledge as a project's page lists it.
pub struct PledgeLine {
    pub id: i64,
    pub pledger: String,
    pub amount: String,
    pub paid: String,
    pub open: bool,
}

/// A milestone as a project's page lists it.
pub struct MilestoneLine {
    pub id: i64,
    pub title: String,
    /// The day it was reached, or that it is still ahead.
    pub state: String,
    pub reached: bool,
}

/// A project's document as its page links it.
pub struct DocumentLine {
    pub id: i64,
    pub title: String,
    /// The file's type and size, e.g. `PDF, 120 KB`.
    pub about: String,
}

fn about_file(content_type: &str, size: i64) -> String {
    let kind = match content_type {
        "application/pdf" => "PDF",
        "image/png" => "PNG",
        "image/jpeg" => "JPEG",
        _ => "WebP",
    };
    format!("{kind}, {} KB", (size + 1023) / 1024)
}

#[derive(Template)]
#[template(path = "coop/investment.html")]
struct InvestmentPage {
    page: Page,
    coop: Cooperative,
    project: ProjectLine,
    description: String,
    milestones: Vec<MilestoneLine>,
    documents: Vec<DocumentLine>,
    pledges: Vec<PledgeLine>,
    orgs: Vec<super::OrgChoice>,
    manages: bool,
    may_pledge: bool,
    takes_pledges: bool,
}

pub async fn investment_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let v = s
        .app
        .investment_view(&subject, coop.space.id, id)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, v.investment.title.clone()).with_notice(q.ok.as_deref());
    let anonymous = page.t("coop-pledger-member");
    let t = InvestmentPage {
        description: wspolnota_app::markdown::to_safe_html_nested(&v.investment.description_md, 1)
            .to_string(),
        milestones: v
            .milestones
            .iter()
            .map(|m| MilestoneLine {
                id: m.id,
                title: m.title.clone(),
                state: m
                    .done_on
                    .clone()
                    .unwrap_or_else(|| page.t("coop-milestone-open")),
                reached: m.done_on.is_some(),
            })
            .collect(),
        documents: v
            .documents
            .iter()
            .map(|d| DocumentLine {
                id: d.id,
                title: d.title.clone(),
                about: about_file(&d.content_type, d.size),
            })
            .collect(),
        orgs: super::org_choices(&s, &ctx, &subject).await?,
        pledges: v
            .pledges
            .iter()
            .map(|p| PledgeLine {
                id: p.id,
                pledger: if p.pledger.is_empty() {
                    anonymous.clone()
                } else {
                    p.pledger.clone()
                },
                amount: Money(p.amount).to_human(),
                paid: Money(p.paid).to_human(),
                open: p.paid < p.amount,
            })
            .collect(),
        project: ProjectLine {
            id: v.investment.id,
            status: page.t(&format!("coop-investment-{}", v.status.as_str())),
            percent_paid: v.progress.percent_paid().min(100),
            goal: v.progress.goal.to_human(),
            pledged: v.progress.pledged.to_human(),
            paid: v.progress.paid.to_human(),
            milestones_done: v.milestones.iter().filter(|m| m.done_on.is_some()).count(),
            milestones: v.milestones.len(),
            title: v.investment.title.clone(),
            summary: v.investment.summary.clone(),
        },
        manages: allowed(&subject, CoopAction::ManageInvestments),
        may_pledge: allowed(&subject, CoopAction::Pledge { on_behalf_of: None }),
        takes_pledges: v.status.takes_pledges(),
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize, Default)]
pub struct NewProjectForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub milestones: String,
}

pub async fn create(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<NewProjectForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let form = InvestmentForm {
        title: f.title,
        summary: f.summary,
        description: f.description,
        goal: f.goal,
        milestones: f.milestones,
    };
    let id = s
        .app
        .create_investment(&subject, coop.space.id, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}"),
        "coop-investment-created",
    ))
}

#[derive(Deserialize, Default)]
pub struct PledgeFormIn {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub partner: String,
    #[serde(default)]
    pub on_behalf: String,
}

pub async fn pledge(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<PledgeFormIn>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let on_behalf_of = match f.on_behalf.trim() {
        "" | "self" => None,
        o => Some(OrgId(crate::ui::budget::parse_id(&ctx, o)?)),
    };
    let form = PledgeForm {
        amount: f.amount,
        partner: f.partner,
        on_behalf_of,
    };
    s.app
        .pledge(&subject, coop.space.id, id, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}"),
        "coop-pledged-ok",
    ))
}

#[derive(Deserialize, Default)]
pub struct PledgePaymentForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub paid_on: String,
    #[serde(default)]
    pub reference: String,
}

pub async fn pay_pledge(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, pledge)): Path<(String, String, String)>,
    Form(f): Form<PledgePaymentForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let pledge = crate::ui::budget::parse_id(&ctx, &pledge)?;
    s.app
        .pay_pledge(
            &subject,
            coop.space.id,
            pledge,
            &f.amount,
            &f.paid_on,
            &f.reference,
        )
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}"),
        "coop-pledge-paid-ok",
    ))
}

#[derive(Deserialize, Default)]
pub struct NewAssetForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub location: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub acquired_on: String,
    #[serde(default)]
    pub value: String,
    /// The project this asset completes, if any.
    #[serde(default)]
    pub investment: String,
}

pub async fn add_asset(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<NewAssetForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let investment = match f.investment.trim() {
        "" => None,
        i => Some(crate::ui::budget::parse_id(&ctx, i)?),
    };
    let form = AssetForm {
        name: f.name,
        kind: f.kind,
        location: f.location,
        description: f.description,
        acquired_on: f.acquired_on,
        value: f.value,
    };
    s.app
        .add_asset(&subject, coop.space.id, investment, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje"),
        "coop-asset-added",
    ))
}

#[derive(Deserialize, Default)]
pub struct MilestoneForm {
    #[serde(default)]
    pub done_on: String,
}

pub async fn complete_milestone(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, milestone)): Path<(String, String, String)>,
    Form(f): Form<MilestoneForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let milestone = crate::ui::budget::parse_id(&ctx, &milestone)?;
    s.app
        .complete_milestone(&subject, coop.space.id, id, milestone, &f.done_on)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}"),
        "coop-milestone-reached",
    ))
}

/// A document attached to a project (a multipart form; the CSRF token travels in the
/// address, as for every upload).
pub async fn add_document(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let mut f = crate::ui::upload::read(multipart).await.or_page(&ctx)?;
    let upload = f.file("file").unwrap_or_default();
    s.app
        .add_investment_document(&subject, coop.space.id, id, &f.text("title"), upload)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}"),
        "coop-document-added",
    ))
}

/// A project's document, public as the project is.
pub async fn document(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, document)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    use axum::response::IntoResponse;
    let (coop, _) = load(&s, &ctx, &slug).await?;
    let id = crate::ui::budget::parse_id(&ctx, &id)?;
    let document = crate::ui::budget::parse_id(&ctx, &document)?;
    let (doc, bytes) = s
        .app
        .investment_document(coop.space.id, id, document)
        .await
        .or_page(&ctx)?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, doc.content_type),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"dokument-{id}-{document}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct ValuationForm {
    #[serde(default)]
    pub valued_on: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub note: String,
}

pub async fn value_asset(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, asset)): Path<(String, String)>,
    Form(f): Form<ValuationForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageInvestments)?;
    let asset = crate::ui::budget::parse_id(&ctx, &asset)?;
    s.app
        .value_asset(
            &subject,
            coop.space.id,
            asset,
            &f.valued_on,
            &f.value,
            &f.note,
        )
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/inwestycje"),
        "coop-asset-valued",
    ))
}
