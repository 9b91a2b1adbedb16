//! `/api/v1/spaces/{slug}/bodies`: the bodies of a space with who sits on them today
//! and who sat before. Public, as the page is; 404 when the space has neither the
//! assemblies nor the groups module.

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
