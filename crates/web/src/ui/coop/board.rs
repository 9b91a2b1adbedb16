//! The board's pages: declarations waiting and decided (with what is overdue), the
//! decision, the appeal and its decision, and who sits on the boards.

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
use wspolnota_app::coop::{Cooperative, Declaration, Overview};
use wspolnota_app::AppError;
use wspolnota_domain::access::SpaceRole;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_domain::paging::Paging;

/// A declaration as the board's list shows it.
pub struct DeclarationLine {
    pub d: Declaration,
    pub status: String,
    pub kind: String,
    pub channel: String,
    pub overdue: bool,
    pub open: bool,
}

#[derive(Template)]
#[template(path = "coop/declarations.html")]
struct DeclarationsPage {
    page: Page,
    coop: Cooperative,
    overview: Overview,
    lines: Vec<DeclarationLine>,
    pager: crate::paging::Pager,
    decides: bool,
    decides_appeals: bool,
    manages: bool,
    founding: bool,
    holders: Vec<(String, String)>,
}

#[derive(Deserialize)]
pub struct PageQuery {
    pub strona: Option<String>,
    pub ok: Option<String>,
}

pub async fn declarations_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let paging = Paging::lenient(q.strona.as_deref());
    let rows = s
        .app
        .declarations(&subject, coop.space.id, paging)
        .await
        .or_page(&ctx)?;
    let overview = s
        .app
        .coop_overview(&subject, coop.space.id)
        .await
        .or_page(&ctx)?;
    let today = wspolnota_domain::date::format(s.app.today());
    let page =
        Page::new(&ctx, ctx.locale.t("coop-declarations-title")).with_notice(q.ok.as_deref());
    let pager = crate::paging::Pager::new(
        &page,
        &rows,
        &format!("/wspolnoty/{slug}/spoldzielnia/deklaracje"),
        &[],
    );
    let lines = rows
        .items
        .into_iter()
        .map(|d| DeclarationLine {
            status: page.t(&format!("coop-status-{}", d.status)),
            kind: page.t(&format!("coop-kind-{}", d.kind)),
            channel: page.t(&format!("coop-channel-{}", d.channel)),
            overdue: d.status == "pending" && d.decision_due < today,
            open: d.status == "pending",
            d,
        })
        .collect();
    let holders = s
        .app
        .coop_role_holders(&subject, coop.space.id)
        .await
        .or_page(&ctx)?
        .into_iter()
        .map(|(name, role)| (name, page.t(&format!("coop-role-{role}"))))
        .collect();
    let t = DeclarationsPage {
        decides: allowed(&subject, CoopAction::DecideDeclarations),
        decides_appeals: allowed(
            &subject,
            CoopAction::DecideAppeal {
                body: coop.settings.appeal_body,
            },
        ),
        manages: allowed(&subject, CoopAction::ManageCooperative),
        founding: coop.stage == wspolnota_domain::coop::founding::Stage::Founding,
        overview,
        lines,
        pager,
        holders,
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize)]
pub struct DecisionForm {
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reasons: String,
}

fn id_of(ctx: &Ctx, id: &str) -> Result<i64, UiError> {
    crate::ui::budget::parse_id(ctx, id)
}

pub async fn decide(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = id_of(&ctx, &id)?;
    require(&ctx, &subject, CoopAction::DecideDeclarations)?;
    let decision = match f.decision.as_str() {
        "admit" => Decision::Admit,
        "refuse" => Decision::Refuse { reasons: f.reasons },
        _ => {
            return Err(UiError::new(
                &ctx,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            ))
        }
    };
    s.app
        .decide_declaration(&subject, coop.space.id, id, decision)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/deklaracje"),
        "coop-decided",
    ))
}

#[derive(Deserialize)]
pub struct AppealForm {
    #[serde(default)]
    pub text: String,
}

pub async fn appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<AppealForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = id_of(&ctx, &id)?;
    s.app
        .appeal_refusal(&subject, coop.space.id, id, &f.text)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia"),
        "coop-appealed",
    ))
}

pub async fn decide_appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<DecisionForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = id_of(&ctx, &id)?;
    require(
        &ctx,
        &subject,
        CoopAction::DecideAppeal {
            body: coop.settings.appeal_body,
        },
    )?;
    let admit = match f.decision.as_str() {
        "admit" => true,
        "dismiss" => false,
        _ => {
            return Err(UiError::new(
                &ctx,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            ))
        }
    };
    s.app
        .decide_membership_appeal(&subject, coop.space.id, id, admit, &f.reasons)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/deklaracje"),
        "coop-appeal-decided",
    ))
}

/// A signed paper declaration with its scan, entered by the board (a multipart form;
/// the CSRF token travels in the address, as for every upload).
pub async fn enter_paper(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::DecideDeclarations)?;
    let mut f = crate::ui::upload::read(multipart).await.or_page(&ctx)?;
    let form = wspolnota_app::coop::PaperDeclarationForm {
        kind: f.text("kind"),
        name: f.text("name"),
        address: f.text("address"),
        krs: f.text("krs"),
        email: f.text("email"),
        shares: f.text("shares"),
        submitted_on: f.text("submitted_on"),
        scan: f.file("scan"),
    };
    s.app
        .enter_paper_declaration(&subject, coop.space.id, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/deklaracje"),
        "coop-paper-entered",
    ))
}

/// The scan of a paper declaration.
pub async fn scan(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    use axum::response::IntoResponse;
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = id_of(&ctx, &id)?;
    let (content_type, bytes) = s
        .app
        .declaration_scan(&subject, coop.space.id, id)
        .await
        .or_page(&ctx)?;
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, content_type),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"deklaracja-{id}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

#[derive(Deserialize, Default)]
pub struct OpenForm {
    #[serde(default)]
    pub krs: String,
    #[serde(default)]
    pub registered_on: String,
}

pub async fn open(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<OpenForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageCooperative)?;
    s.app
        .open_cooperative(&subject, coop.space.id, &f.krs, &f.registered_on)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia"),
        "coop-opened",
    ))
}

#[derive(Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

pub async fn grant_role(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<RoleForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, CoopAction::ManageCooperative)?;
    let role = SpaceRole::parse(f.role.trim()).ok_or_else(|| {
        UiError::new(
            &ctx,
            AppError::Invalid(wspolnota_domain::DomainError::UnknownKind),
        )
    })?;
    s.app
        .grant_coop_role(&subject, coop.space.id, &f.email, role)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/deklaracje"),
        "coop-role-granted",
    ))
}
