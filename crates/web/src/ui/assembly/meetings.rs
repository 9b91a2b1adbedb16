//! A cooperative's general assemblies: the list with the board's form to convene one,
//! and one assembly with its agenda, the notice and the printed letters.

use super::{id_in_path, NoticeQuery};
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{download, render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::assembly::{AgendaForm, ConveneForm, MeetingView};
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::resolution::ResolutionKind;
use wspolnota_domain::ids::SpaceId;

/// An assembly as the pages show it.
pub struct MeetingLine {
    pub id: i64,
    pub title: String,
    pub held_on: String,
    pub starts_at: String,
    pub place: String,
    pub convener: String,
    pub noticed: String,
    pub demand_deadline: String,
    pub late: bool,
    pub notice_by: String,
    pub agenda_open_until: String,
    pub challenge_until: String,
}

pub struct ItemLine {
    pub title: String,
    pub resolution: String,
    pub description: String,
    pub after_notice: bool,
}

pub struct KindChoice {
    pub code: &'static str,
    pub label: String,
}

fn line(page: &Page, v: &MeetingView) -> MeetingLine {
    let m = &v.meeting;
    let convener = match (m.convener.as_str(), m.demand_signatures) {
        ("members", Some(n)) => page.t_args("assembly-convener-members", "count", &n.to_string()),
        (code, _) => page.t(&format!("assembly-convener-{code}")),
    };
    MeetingLine {
        id: m.id,
        title: m.title.clone(),
        held_on: m.held_on.clone(),
        starts_at: m.starts_at.clone(),
        place: if m.remote && m.place.is_empty() {
            page.t("assembly-remote")
        } else if m.remote {
            format!("{} ({})", m.place, page.t("assembly-remote"))
        } else {
            m.place.clone()
        },
        convener,
        noticed: m.notice_sent_on.clone().unwrap_or_default(),
        demand_deadline: v.demand_deadline.clone().unwrap_or_default(),
        late: v.late,
        notice_by: v.notice_by.clone(),
        agenda_open_until: v.agenda_open_until.clone(),
        challenge_until: v.challenge_until.clone(),
    }
}

pub(super) async fn load(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> Result<(SpaceId, String, Subject), UiError> {
    let space = s.app.space_by_slug(slug).await.or_page(ctx)?;
    // Assemblies belong to cooperatives with the module on: 404 before any permission.
    s.app
        .require_module(space.id, wspolnota_domain::module::Module::Assemblies)
        .await
        .or_page(ctx)?;
    s.app.cooperative(space.id).await.or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(ctx)?;
    Ok((space.id, space.name, subject))
}

fn require(ctx: &Ctx, subject: &Subject, action: AssemblyAction) -> Result<(), UiError> {
    wspolnota_app::authorise(subject, Action::Assembly(action)).or_page(ctx)
}

#[derive(Template)]
#[template(path = "assembly/meetings.html")]
struct MeetingsPage {
    page: Page,
    slug: String,
    space_name: String,
    meetings: Vec<MeetingLine>,
    convenes: bool,
}

pub async fn meetings_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (space, space_name, subject) = load(&s, &ctx, &slug).await?;
    let views = s.app.assemblies(&subject, space).await.or_page(&ctx)?;
    let page =
        Page::new(&ctx, ctx.locale.t("assembly-meetings-title")).with_notice(q.ok.as_deref());
    let t = MeetingsPage {
        meetings: views.iter().map(|v| line(&page, v)).collect(),
        convenes: can(&subject, Action::Assembly(AssemblyAction::ConveneAssembly)),
        slug,
        space_name,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize, Default)]
pub struct ConveneIn {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub convener: String,
    #[serde(default)]
    pub signatures: String,
    #[serde(default)]
    pub demanded_on: String,
    #[serde(default)]
    pub held_on: String,
    #[serde(default)]
    pub starts_at: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub remote: Option<String>,
}

pub async fn convene(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<ConveneIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, AssemblyAction::ConveneAssembly)?;
    let form = ConveneForm {
        title: f.title,
        convener: f.convener,
        signatures: f.signatures,
        demanded_on: f.demanded_on,
        held_on: f.held_on,
        starts_at: f.starts_at,
        place: f.place,
        remote: f.remote.is_some(),
    };
    let id = s
        .app
        .convene_assembly(&subject, space, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}"),
        "assembly-convened",
    ))
}

#[derive(Template)]
#[template(path = "assembly/meeting.html")]
struct MeetingPage {
    page: Page,
    documents: Vec<(i64, String)>,
    slug: String,
    space_name: String,
    m: MeetingLine,
    agenda: Vec<ItemLine>,
    convenes: bool,
    kinds: Vec<KindChoice>,
}

pub async fn meeting_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (space, space_name, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let v = s.app.assembly(&subject, space, id).await.or_page(&ctx)?;
    let page = Page::new(&ctx, v.meeting.title.clone()).with_notice(q.ok.as_deref());
    let agenda = v
        .agenda
        .iter()
        .map(|i| ItemLine {
            title: i.title.clone(),
            resolution: i
                .resolution_kind
                .as_deref()
                .map(|k| page.t(&format!("assembly-resolution-{k}")))
                .unwrap_or_default(),
            description: i.description.clone(),
            after_notice: i.after_notice,
        })
        .collect();
    let kinds = ResolutionKind::ALL
        .into_iter()
        .map(|k| KindChoice {
            code: k.code(),
            label: page.t(&format!("assembly-resolution-{}", k.code())),
        })
        .collect();
    let t = MeetingPage {
        documents: v
            .documents
            .iter()
            .map(|d| (d.id, d.title.clone()))
            .collect(),
        m: line(&page, &v),
        agenda,
        convenes: can(&subject, Action::Assembly(AssemblyAction::ConveneAssembly)),
        kinds,
        slug,
        space_name,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize, Default)]
pub struct ItemIn {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub description: String,
}

pub async fn add_item(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<ItemIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, AssemblyAction::ConveneAssembly)?;
    let id = id_in_path(&ctx, &id)?;
    let form = AgendaForm {
        title: f.title,
        resolution: f.resolution,
        description: f.description,
    };
    s.app
        .add_agenda_item(&subject, space, id, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}"),
        "assembly-item-added",
    ))
}

pub async fn send_notice(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, AssemblyAction::ConveneAssembly)?;
    let id = id_in_path(&ctx, &id)?;
    s.app
        .send_assembly_notice(&subject, space, id)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}"),
        "assembly-notice-sent",
    ))
}

pub async fn notice_letters(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let pdf = s
        .app
        .assembly_notice_letters(&subject, space, id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(download(
        "application/pdf",
        format!("zawiadomienia-{slug}-{id}.pdf"),
        pdf,
    ))
}

pub async fn add_document(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    require(&ctx, &subject, AssemblyAction::ConveneAssembly)?;
    let id = id_in_path(&ctx, &id)?;
    let mut f = crate::ui::upload::read(multipart).await.or_page(&ctx)?;
    let upload = f.file("file").unwrap_or_default();
    s.app
        .add_assembly_document(&subject, space, id, &f.text("title"), upload)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}"),
        "assembly-document-added",
    ))
}

pub async fn document(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, document)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let document = id_in_path(&ctx, &document)?;
    let (content_type, bytes) = s
        .app
        .assembly_document(&subject, space, id, document)
        .await
        .or_page(&ctx)?;
    Ok(crate::ui::download_typed(
        content_type,
        format!("zgromadzenie-{id}-dokument-{document}"),
        bytes,
    ))
}
