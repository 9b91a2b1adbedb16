//! The assembly in session: the chair and tellers, the attendance register with its
//! check-in form, and the votes — the chair opens and closes them, tellers enter the
//! room's votes, members present remotely vote from their own device.

use super::id_in_path;
use super::meetings::load;
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::assembly::{BallotForm, CheckInForm};
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::assembly::access::AssemblyAction;

pub struct ArrivalLine {
    pub member: i64,
    pub name: String,
    pub presence: String,
    pub proxy: String,
    pub here: bool,
}

pub struct VoteLine {
    pub id: i64,
    pub item: String,
    pub text: String,
    pub open: bool,
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    pub cast: i64,
    pub result: String,
    pub quorum: String,
}

pub struct ItemChoice {
    pub id: i64,
    pub title: String,
}

#[derive(Template)]
#[template(path = "assembly/sitting.html")]
struct SittingPage {
    page: Page,
    slug: String,
    id: i64,
    title: String,
    officers: Vec<(String, String)>,
    arrivals: Vec<ArrivalLine>,
    present: u64,
    entitled: u64,
    votes: Vec<VoteLine>,
    items: Vec<ItemChoice>,
    names_officers: bool,
    keeps_attendance: bool,
    chairs: bool,
    tells: bool,
    remote_for: Vec<i64>,
}

#[derive(Deserialize)]
pub struct NoticeQuery {
    pub ok: Option<String>,
}

pub async fn sitting_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<NoticeQuery>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let meeting = s.app.assembly(&subject, space, id).await.or_page(&ctx)?;
    let v = s.app.sitting(&subject, space, id).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("assembly-sitting-title")).with_notice(q.ok.as_deref());
    let chair = v.roles.iter().any(|r| r == "chair");
    let officer = chair || v.roles.iter().any(|r| r == "teller");
    let allowed = |a: AssemblyAction| can(&subject, Action::Assembly(a));
    let arrivals = v
        .attendance
        .iter()
        .map(|a| ArrivalLine {
            member: a.arrival.member_number,
            name: a.name.clone(),
            presence: page.t(&format!("assembly-presence-{}", a.arrival.presence)),
            proxy: a.arrival.proxy_name.clone().unwrap_or_default(),
            here: a.arrival.left_at.is_none(),
        })
        .collect();
    let votes = v
        .votes
        .iter()
        .map(|x| VoteLine {
            id: x.vote.id,
            item: x.item_title.clone(),
            text: x.vote.text.clone(),
            open: x.vote.closed_at.is_none(),
            yes: x.vote.yes.unwrap_or(x.yes),
            no: x.vote.no.unwrap_or(x.no),
            abstain: x.vote.abstain.unwrap_or(x.abstain),
            cast: x.cast,
            result: x
                .vote
                .outcome
                .as_deref()
                .map(|o| page.t(&format!("assembly-outcome-{o}")))
                .unwrap_or_default(),
            quorum: match (x.vote.present, x.vote.entitled) {
                (Some(p), Some(e)) => format!("{p} / {e}"),
                _ => String::new(),
            },
        })
        .collect();
    let items = meeting
        .agenda
        .iter()
        .filter(|i| {
            i.resolution_kind
                .as_deref()
                .is_some_and(|k| k != "election" && k != "dismissal")
        })
        .map(|i| ItemChoice {
            id: i.id,
            title: i.title.clone(),
        })
        .collect();
    let t = SittingPage {
        names_officers: chair || allowed(AssemblyAction::ConveneAssembly),
        keeps_attendance: allowed(AssemblyAction::KeepAttendance { officer }),
        chairs: allowed(AssemblyAction::ChairAssembly { chair }),
        tells: allowed(AssemblyAction::EnterRoomVotes { officer }),
        title: meeting.meeting.title,
        officers: v.officers,
        present: v.present,
        entitled: v.entitled,
        remote_for: v.remote_for,
        arrivals,
        votes,
        items,
        slug,
        id,
        page,
    };
    Ok(render(&ctx, t))
}

fn back(slug: &str, id: i64, notice: &str) -> Response {
    see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}/obrady"),
        notice,
    )
}

#[derive(Deserialize, Default)]
pub struct OfficerIn {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub role: String,
}

pub async fn name_officer(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<OfficerIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    s.app
        .name_assembly_officer(&subject, space, id, &f.email, &f.role)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-officer-named"))
}

pub async fn check_in(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let mut f = crate::ui::upload::read(multipart).await.or_page(&ctx)?;
    let form = CheckInForm {
        member: f.text("member"),
        presence: f.text("presence"),
        proxy_name: f.text("proxy_name"),
        proxy_email: f.text("proxy_email"),
        power_of_attorney: f.file("power_of_attorney"),
    };
    s.app
        .check_in(&subject, space, id, form)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-checked-in"))
}

pub async fn check_out(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, member)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let member = id_in_path(&ctx, &member)?;
    s.app
        .check_out(&subject, space, id, member)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-checked-out"))
}

#[derive(Deserialize, Default)]
pub struct OpenVoteIn {
    #[serde(default)]
    pub item: String,
    #[serde(default)]
    pub text: String,
}

pub async fn open_vote(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Form(f): Form<OpenVoteIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let item = f.item.trim().parse().unwrap_or(0);
    s.app
        .open_vote(&subject, space, id, item, &f.text)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-vote-opened"))
}

#[derive(Deserialize, Default)]
pub struct BallotIn {
    #[serde(default)]
    pub member: String,
    #[serde(default)]
    pub choice: String,
    #[serde(default)]
    pub remote: Option<String>,
}

pub async fn cast(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, vote)): Path<(String, String, String)>,
    Form(f): Form<BallotIn>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let vote = id_in_path(&ctx, &vote)?;
    let ballot = BallotForm {
        vote,
        member: f.member.trim().parse().unwrap_or(0),
        choice: f.choice,
        remote: f.remote.is_some(),
    };
    s.app
        .cast_assembly_vote(&subject, space, id, ballot)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-vote-cast"))
}

pub async fn close_vote(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id, vote)): Path<(String, String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let vote = id_in_path(&ctx, &vote)?;
    s.app
        .close_vote(&subject, space, id, vote)
        .await
        .or_page(&ctx)?;
    Ok(back(&slug, id, "assembly-vote-closed"))
}

#[derive(Template)]
#[template(path = "assembly/minutes.html")]
struct MinutesPage {
    page: Page,
    slug: String,
    id: i64,
    meeting_title: String,
    m: wspolnota_app::assembly::Minutes,
    may_sign: bool,
    may_attach: bool,
}

#[derive(Deserialize)]
pub struct MinutesQuery {
    pub ok: Option<String>,
}

pub async fn minutes_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    Query(q): Query<MinutesQuery>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let meeting = s.app.assembly(&subject, space, id).await.or_page(&ctx)?;
    let sitting = s.app.sitting(&subject, space, id).await.or_page(&ctx)?;
    let signed: Vec<&str> = sitting.signatures.iter().map(|x| x.role.as_str()).collect();
    let may_sign = sitting
        .roles
        .iter()
        .any(|r| (r == "chair" || r == "secretary") && !signed.contains(&r.as_str()));
    let m = s
        .app
        .assembly_minutes(&subject, space, id, ctx.locale)
        .await
        .or_page(&ctx)?;
    let t = MinutesPage {
        page: Page::new(&ctx, m.title.clone()).with_notice(q.ok.as_deref()),
        may_sign,
        may_attach: can(&subject, Action::Assembly(AssemblyAction::ConveneAssembly))
            && !signed.contains(&"scan"),
        meeting_title: meeting.meeting.title,
        slug,
        id,
        m,
    };
    Ok(render(&ctx, t))
}

pub async fn minutes_pdf(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let pdf = s
        .app
        .assembly_minutes_pdf(&subject, space, id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(crate::ui::download(
        "application/pdf",
        format!("protokol-{slug}-{id}.pdf"),
        pdf,
    ))
}

fn to_minutes(slug: &str, id: i64, notice: &str) -> Response {
    see_other(
        &format!("/wspolnoty/{slug}/zgromadzenia/{id}/protokol"),
        notice,
    )
}

pub async fn sign_minutes(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    s.app
        .sign_minutes(&subject, space, id)
        .await
        .or_page(&ctx)?;
    Ok(to_minutes(&slug, id, "minutes-signed-done"))
}

pub async fn attach_scan(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    multipart: Result<axum::extract::Multipart, axum::extract::multipart::MultipartRejection>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    wspolnota_app::authorise(&subject, Action::Assembly(AssemblyAction::ConveneAssembly))
        .or_page(&ctx)?;
    let id = id_in_path(&ctx, &id)?;
    let upload = crate::ui::upload::read(multipart)
        .await
        .or_page(&ctx)?
        .file("scan")
        .unwrap_or_default();
    s.app
        .attach_signed_minutes(&subject, space, id, upload)
        .await
        .or_page(&ctx)?;
    Ok(to_minutes(&slug, id, "minutes-scan-attached-done"))
}

pub async fn scan(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (space, _, subject) = load(&s, &ctx, &slug).await?;
    let id = id_in_path(&ctx, &id)?;
    let (content_type, bytes) = s
        .app
        .signed_minutes_scan(&subject, space, id)
        .await
        .or_page(&ctx)?;
    let name = format!("protokol-podpisany-{slug}-{id}");
    Ok(crate::ui::download_typed(content_type, name, bytes))
}
