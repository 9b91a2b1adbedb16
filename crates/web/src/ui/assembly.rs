//! The bodies of a space: who sits on them today and who sat before, with the forms
//! that create a body, give a seat and end one (for those who manage the bodies); and
//! a cooperative's general assemblies (`meetings`).

mod meetings;
mod sitting;

use super::layout::Page;
use super::{render, see_other, OrPage};
use crate::error::UiError;
use crate::routes::Routes;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::assembly::SeatRow;
use wspolnota_app::assembly::{BodyForm, SeatEndForm, SeatForm};
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::body::{BodyKind, Position};
use wspolnota_domain::ids::SpaceId;

pub fn routes() -> Routes {
    Routes::new()
        .get("/wspolnoty/{slug}/organy", bodies_page)
        .post("/wspolnoty/{slug}/organy", create_body)
        .post("/wspolnoty/{slug}/organy/{body}/miejsca", add_seat)
        .post("/wspolnoty/{slug}/organy/miejsca/{seat}/koniec", end_seat)
        .get("/wspolnoty/{slug}/zgromadzenia", meetings::meetings_page)
        .post("/wspolnoty/{slug}/zgromadzenia", meetings::convene)
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}",
            meetings::meeting_page,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/porzadek",
            meetings::add_item,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/zawiadomienie",
            meetings::send_notice,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/zawiadomienia.pdf",
            meetings::notice_letters,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/dokumenty",
            meetings::add_document,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/dokumenty/{document}",
            meetings::document,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/obrady",
            sitting::sitting_page,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/funkcje",
            sitting::name_officer,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/obecnosc",
            sitting::check_in,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/obecnosc/{member}/wyjscie",
            sitting::check_out,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania",
            sitting::open_vote,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania/{vote}/glosy",
            sitting::cast,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania/{vote}/zamkniecie",
            sitting::close_vote,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol",
            sitting::minutes_page,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol.pdf",
            sitting::minutes_pdf,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/podpis",
            sitting::sign_minutes,
        )
        .post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/skan",
            sitting::attach_scan,
        )
        .get(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/skan",
            sitting::scan,
        )
}

/// A seat as the page lists it.
pub struct SeatLine {
    pub id: i64,
    pub name: String,
    pub position: String,
    pub from: String,
    pub until: String,
    pub ended: String,
}

pub struct BodyBlock {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub purpose: String,
    pub has_seats: bool,
    pub current: Vec<SeatLine>,
    pub history: Vec<SeatLine>,
}

pub struct Choice {
    pub code: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "assembly/bodies.html")]
struct BodiesPage {
    page: Page,
    slug: String,
    space_name: String,
    bodies: Vec<BodyBlock>,
    manages: bool,
    kinds: Vec<Choice>,
    positions: Vec<Choice>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    pub ok: Option<String>,
}

async fn load(s: &AppState, ctx: &Ctx, slug: &str) -> Result<(SpaceId, String, Subject), UiError> {
    let space = s.app.space_by_slug(slug).await.or_page(ctx)?;
    // A space without the module answers 404 to everyone, before any permission.
    s.app.require_bodies(space.id).await.or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(ctx)?;
    Ok((space.id, space.name, subject))
}

fn require(ctx: &Ctx, subject: &Subject) -> Result<(), UiError> {
    wspolnota_app::authorise(subject, Action::Assembly(AssemblyAction::ManageBodies)).or_page(ctx)
}

fn line(page: &Page, s: SeatRow) -> SeatLine {
    SeatLine {
        id: s.id,
        position: page.t(&format!("assembly-position-{}", s.position)),
        from: s.term_from,
        until: s.term_until.unwrap_or_default(),
        ended: match (s.ended_on, s.end_reason) {
            (Some(on), Some(reason)) => format!("{on}: {reason}"),
            (Some(on), None) => on,
            _ => String::new(),
        },
        name: s.name,
    }
}

pub async fn bodies_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (space, space_name, subject) = load(&s, &ctx, &slug).await?;
    let kind = s.app.space(space).await.or_page(&ctx)?.kind;
    let views = s.app.bodies(space).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("assembly-bodies-title")).with_notice(q.ok.as_deref());
    let bodies = views
        .into_iter()
        .map(|v| BodyBlock {
            id: v.body.id,
            kind: page.t(&format!("assembly-kind-{}", v.kind.code())),
            has_seats: v.kind.has_seats(),
            current: v.current.into_iter().map(|s| line(&page, s)).collect(),
            history: v.history.into_iter().map(|s| line(&page, s)).collect(),
            name: v.body.name,
            purpose: v.body.purpose,
        })
        .collect();
    let kinds = BodyKind::ALL
        .into_iter()
        .filter(|k| k.allowed_in(kind))
        .map(|k| Choice {
            code: k.code(),
            label: page.t(&format!("assembly-kind-{}", k.code())),
        })
        .collect();
    let positions = Position::ALL
        .into_iter()
        .map(|p| Choice {
            code: p.code(),
            label: page.t(&format!("assembly-position-{}", p.code())),
        })
        .collect();
    let t = BodiesPage {
        manages: can(&subject, Action::Assembly(AssemblyAction::ManageBodies)),
        slug,
        space_name,
        bodies,
        kinds,
        positions,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize, Default)]
pub struct BodyIn {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub purpose: String,
}

pub async fn create_body(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<BodyIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject)?;
    let form = BodyForm {
        kind: f.kind,
        name: f.name,
        purpose: f.purpose,
    };
    s.app
        .create_body(&subject, space, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/organy"),
        "assembly-body-created",
    ))
}

#[derive(Deserialize, Default)]
pub struct SeatIn {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub position: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub until: String,
}

fn id_in_path(ctx: &Ctx, text: &str) -> Result<i64, UiError> {
    text.parse()
        .map_err(|_| UiError::new(ctx, AppError::NotFound))
}

pub async fn add_seat(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, body)): Path<(String, String)>,
    Form(f): Form<SeatIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject)?;
    let body = id_in_path(&ctx, &body)?;
    let form = SeatForm {
        email: f.email,
        position: f.position,
        from: f.from,
        until: f.until,
    };
    s.app
        .add_seat(&subject, space, body, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/organy"),
        "assembly-seat-given",
    ))
}

#[derive(Deserialize, Default)]
pub struct SeatEndIn {
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn end_seat(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, seat)): Path<(String, String)>,
    Form(f): Form<SeatEndIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject)?;
    let seat = id_in_path(&ctx, &seat)?;
    let form = SeatEndForm {
        on: f.on,
        reason: f.reason,
    };
    s.app
        .end_seat(&subject, space, seat, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/organy"),
        "assembly-seat-ended",
    ))
}
