//! Verification of a proposal and the appeal against a rejection.

use super::view::act;
use crate::error::UiError;
use crate::ui::budget::parse_money;
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::budget::VerificationForm;
use wspolnota_app::AppError;
use wspolnota_domain::access::Action;

#[derive(serde::Deserialize)]
pub struct VerifyForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    verified_cost: String,
    #[serde(default)]
    cost_justification: String,
}

pub async fn verify(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<VerifyForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-proposal-verified",
        |app, l, id| async move {
            wspolnota_app::authorise(&l.subject, Action::VerifyProposals)?;
            let accepted = match f.decision.as_str() {
                "accept" => true,
                "reject" => false,
                _ => {
                    return Err(AppError::Request(
                        wspolnota_app::error::RequestError::Malformed,
                    ))
                }
            };
            let verified_cost = if f.verified_cost.trim().is_empty() {
                None
            } else {
                Some(parse_money(&f.verified_cost).ok_or(AppError::Budget(
                    wspolnota_app::budget::BudgetError::Proposal(
                        wspolnota_domain::budget::ProposalError::NotPositive,
                    ),
                ))?)
            };
            let form = VerificationForm {
                accepted,
                reason: f.reason,
                verified_cost,
                cost_justification: f.cost_justification,
            };
            app.verify_proposal(&l.subject, &l.round, id, form).await
        },
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct AppealForm {
    #[serde(default)]
    appeal: String,
}

pub async fn appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<AppealForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-appeal-lodged",
        |app, l, id| async move {
            app.appeal_proposal(&l.subject, &l.round, id, &f.appeal)
                .await
        },
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

pub async fn decide_appeal(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((round, id)): Path<(String, String)>,
    Form(f): Form<DecideForm>,
) -> Result<Response, UiError> {
    act(
        &s,
        &ctx,
        &round,
        &id,
        "budget-appeal-decided",
        |app, l, id| async move {
            wspolnota_app::authorise(&l.subject, Action::VerifyProposals)?;
            let upheld = match f.decision.as_str() {
                "uphold" => true,
                "dismiss" => false,
                _ => {
                    return Err(AppError::Request(
                        wspolnota_app::error::RequestError::Malformed,
                    ))
                }
            };
            app.decide_appeal(&l.subject, &l.round, id, upheld, &f.reason)
                .await
        },
    )
    .await
}
