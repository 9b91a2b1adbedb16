//! `/api/v1/spaces/{slug}/investments` and `/assets`: the cooperative's co-investment
//! projects (goal, pledged and paid in grosze, milestones) and what the members own
//! together. Public, as the pages are; pledges name persons only to members.

use super::coop;
use crate::api::OrApi;
use crate::error::ApiError;
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::{Extension, Json};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct MilestoneDto {
    pub title: String,
    /// `YYYY-MM-DD`, when reached.
    pub done_on: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct InvestmentDto {
    pub id: i64,
    pub title: String,
    pub summary: String,
    /// `planned`, `fundraising`, `funded`, `completed` or `cancelled`.
    pub status: String,
    pub goal_grosze: i64,
    pub pledged_grosze: i64,
    pub paid_grosze: i64,
    /// Paid share of the goal, whole per cent rounded down.
    pub percent_paid: u32,
    pub milestones: Vec<MilestoneDto>,
}

#[derive(Serialize, ToSchema)]
pub struct AssetDto {
    pub id: i64,
    pub name: String,
    /// `installation`, `premises`, `equipment` or `land`.
    pub kind: String,
    pub location: String,
    pub acquired_on: String,
    pub acquisition_value_grosze: i64,
    /// The latest valuation (or the value at acquisition) and its date.
    pub value_grosze: i64,
    pub valued_on: String,
    /// The project it came from.
    pub investment_id: Option<i64>,
    pub status: String,
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/investments", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug")),
    responses((status = 200, description = "The cooperative's co-investment projects with their money and milestones", body = [InvestmentDto])))]
pub async fn investments(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<InvestmentDto>>, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let rows = s.app.investments(c.space).await.or_api(&ctx)?;
    Ok(Json(
        rows.into_iter()
            .map(|v| InvestmentDto {
                id: v.investment.id,
                status: v.status.as_str().to_string(),
                goal_grosze: v.progress.goal.0,
                pledged_grosze: v.progress.pledged.0,
                paid_grosze: v.progress.paid.0,
                percent_paid: v.progress.percent_paid(),
                milestones: v
                    .milestones
                    .into_iter()
                    .map(|m| MilestoneDto {
                        title: m.title,
                        done_on: m.done_on,
                    })
                    .collect(),
                title: v.investment.title,
                summary: v.investment.summary,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/assets", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug")),
    responses((status = 200, description = "What the members own together, with the latest valuation", body = [AssetDto])))]
pub async fn assets(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<AssetDto>>, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let rows = s.app.assets(c.space).await.or_api(&ctx)?;
    Ok(Json(
        rows.into_iter()
            .map(|a| AssetDto {
                id: a.id,
                name: a.name,
                kind: a.kind,
                location: a.location,
                acquired_on: a.acquired_on,
                acquisition_value_grosze: a.acquisition_value,
                value_grosze: a.value,
                valued_on: a.valued_on,
                investment_id: a.investment_id,
                status: a.status,
            })
            .collect(),
    ))
}
