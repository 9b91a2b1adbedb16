//! `/api/v1/spaces/{slug}/bodies`: the bodies of a space with who sits on them today
//! and who sat before (public, as the page is; 404 when the space has neither the
//! assemblies nor the groups module); `/assemblies`: a cooperative's general
//! assemblies with their agenda, for its members and boards.

use super::OrApi;
use crate::error::ApiError;
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde::Serialize;
use utoipa::ToSchema;
use wspolnota_app::assembly::SeatRow;

#[derive(Serialize, ToSchema)]
pub struct SeatDto {
    pub id: i64,
    /// The person's display name.
    pub name: String,
    /// `chair`, `deputy`, `secretary` or `member`.
    pub position: String,
    #[schema(format = Date, example = "2026-06-20")]
    pub from: String,
    /// The planned end of the term, when set.
    #[schema(format = Date)]
    pub until: Option<String>,
    /// The day the seat ended early (resignation, dismissal), with the reason.
    #[schema(format = Date)]
    pub ended_on: Option<String>,
    pub end_reason: Option<String>,
}

impl From<SeatRow> for SeatDto {
    fn from(s: SeatRow) -> Self {
        SeatDto {
            id: s.id,
            name: s.name,
            position: s.position,
            from: s.term_from,
            until: s.term_until,
            ended_on: s.ended_on,
            end_reason: s.end_reason,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct BodyDto {
    pub id: i64,
    /// `general_assembly`, `supervisory_board`, `board`, `working_group` or
    /// `coordinating_team`.
    pub kind: String,
    pub name: String,
    pub purpose: String,
    /// Seats held today.
    pub current: Vec<SeatDto>,
    /// Seats that ended, or whose term has not started.
    pub history: Vec<SeatDto>,
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/bodies", tag = "assemblies",
    params(("slug" = String, Path, description = "The space's slug")),
    responses((status = 200, description = "The space's bodies with their seats", body = [BodyDto])))]
pub async fn bodies(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<BodyDto>>, ApiError> {
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    let views = s.app.bodies(space.id).await.or_api(&ctx)?;
    Ok(Json(
        views
            .into_iter()
            .map(|v| BodyDto {
                id: v.body.id,
                kind: v.kind.code().to_string(),
                name: v.body.name,
                purpose: v.body.purpose,
                current: v.current.into_iter().map(SeatDto::from).collect(),
                history: v.history.into_iter().map(SeatDto::from).collect(),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct AgendaItemDto {
    pub position: i64,
    pub title: String,
    /// The resolution the item asks for (`ordinary`, `statute_change`, `merger`,
    /// `liquidation`, `election`, `dismissal`); absent for a report or a discussion.
    pub resolution: Option<String>,
    pub description: String,
    /// Added after the notice went out, within the statute's time.
    pub after_notice: bool,
}

#[derive(Serialize, ToSchema)]
pub struct ResolutionDto {
    pub vote_id: i64,
    /// The agenda item's position.
    pub item: i64,
    /// `ordinary`, `statute_change`, `merger` or `liquidation`.
    pub kind: String,
    pub text: String,
    /// While the vote is open: the votes so far; once closed, the count.
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
    /// Present at the close of the vote, and members entitled; absent while open.
    pub present: Option<i64>,
    pub entitled: Option<i64>,
    /// `passed`, `rejected` or `no_quorum` (no resolution exists); absent while open.
    pub outcome: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct AttendeeDto {
    pub member: i64,
    pub name: String,
    /// `in_person`, `remote` or `proxy`.
    pub presence: String,
    pub proxy_name: Option<String>,
    /// Unix seconds.
    pub arrived_at: i64,
    pub left_at: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct AssemblyDto {
    pub id: i64,
    pub title: String,
    /// `board`, `supervisory_board` (on its demand) or `members` (on their demand).
    pub convener: String,
    /// Members who signed a members' demand.
    pub demand_signatures: Option<i64>,
    #[schema(format = Date)]
    pub demanded_on: Option<String>,
    /// The last day a demanded assembly may be held (six weeks after the demand).
    #[schema(format = Date)]
    pub demand_deadline: Option<String>,
    #[schema(format = Date, example = "2026-06-20")]
    pub held_on: String,
    /// `HH:MM`.
    pub starts_at: String,
    pub place: String,
    pub remote: bool,
    #[schema(format = Date)]
    pub notice_sent_on: Option<String>,
    /// The last day to challenge its resolutions in court.
    #[schema(format = Date)]
    pub challenge_until: String,
    pub agenda: Vec<AgendaItemDto>,
    /// The attendance register, in the order members arrived.
    pub attendance: Vec<AttendeeDto>,
    pub resolutions: Vec<ResolutionDto>,
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/assemblies", tag = "assemblies",
    params(("slug" = String, Path, description = "The cooperative's slug")),
    responses((status = 200, description = "The cooperative's general assemblies, the latest first, for its members and boards", body = [AssemblyDto])))]
pub async fn assemblies(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<AssemblyDto>>, ApiError> {
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    s.app
        .require_module(space.id, wspolnota_domain::module::Module::Assemblies)
        .await
        .or_api(&ctx)?;
    s.app.cooperative(space.id).await.or_api(&ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_api(&ctx)?;
    let views = s.app.assemblies(&subject, space.id).await.or_api(&ctx)?;
    let mut out = Vec::with_capacity(views.len());
    for v in views {
        let sitting = s
            .app
            .sitting(&subject, space.id, v.meeting.id)
            .await
            .or_api(&ctx)?;
        let position = |item: i64| {
            v.agenda
                .iter()
                .find(|i| i.id == item)
                .map_or(0, |i| i.position)
        };
        let resolutions = sitting
            .votes
            .iter()
            .map(|x| ResolutionDto {
                vote_id: x.vote.id,
                item: position(x.vote.item_id),
                kind: x.vote.kind.clone(),
                text: x.vote.text.clone(),
                yes: x.vote.yes.unwrap_or(x.yes),
                no: x.vote.no.unwrap_or(x.no),
                abstain: x.vote.abstain.unwrap_or(x.abstain),
                present: x.vote.present,
                entitled: x.vote.entitled,
                outcome: x.vote.outcome.clone(),
            })
            .collect();
        let attendance = sitting
            .attendance
            .into_iter()
            .map(|a| AttendeeDto {
                member: a.arrival.member_number,
                name: a.name,
                presence: a.arrival.presence,
                proxy_name: a.arrival.proxy_name,
                arrived_at: a.arrival.arrived_at,
                left_at: a.arrival.left_at,
            })
            .collect();
        out.push((v, attendance, resolutions));
    }
    Ok(Json(
        out.into_iter()
            .map(|(v, attendance, resolutions)| AssemblyDto {
                attendance,
                resolutions,
                id: v.meeting.id,
                title: v.meeting.title,
                convener: v.meeting.convener,
                demand_signatures: v.meeting.demand_signatures,
                demanded_on: v.meeting.demanded_on,
                demand_deadline: v.demand_deadline,
                held_on: v.meeting.held_on,
                starts_at: v.meeting.starts_at,
                place: v.meeting.place,
                remote: v.meeting.remote,
                notice_sent_on: v.meeting.notice_sent_on,
                challenge_until: v.challenge_until,
                agenda: v
                    .agenda
                    .into_iter()
                    .map(|i| AgendaItemDto {
                        position: i.position,
                        title: i.title,
                        resolution: i.resolution_kind,
                        description: i.description,
                        after_notice: i.after_notice,
                    })
                    .collect(),
            })
            .collect(),
    ))
}
