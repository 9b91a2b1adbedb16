//! Membership declarations: declaring online, the list and one declaration for those
//! who decide (and its applicant), and the board's decision.

use super::{coop, number_in_path, within, MemberKind};
use crate::api::spaces::{paged_json, PageQuery};
use crate::api::{JsonBody, OrApi, QueryParams};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use wspolnota_app::coop::{Declaration, DeclarationForm};
use wspolnota_app::AppError;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::declaration::{Decision, DeclarationStatus};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::ids::OrgId;
use wspolnota_domain::text::{self, NAME_MAX};

const ADDRESS_MAX: usize = 300;
const REASONS_MAX: usize = 5_000;

/// Where a declaration stands.
#[derive(Serialize, ToSchema, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationState {
    Pending,
    Admitted,
    Refused,
    /// Refused, and the applicant appealed; the appeal body has not decided.
    Appealed,
    AdmittedOnAppeal,
    AppealDismissed,
    Withdrawn,
}

impl From<DeclarationStatus> for DeclarationState {
    fn from(s: DeclarationStatus) -> Self {
        match s {
            DeclarationStatus::Pending => DeclarationState::Pending,
            DeclarationStatus::Admitted => DeclarationState::Admitted,
            DeclarationStatus::Refused => DeclarationState::Refused,
            DeclarationStatus::Appealed => DeclarationState::Appealed,
            DeclarationStatus::AdmittedOnAppeal => DeclarationState::AdmittedOnAppeal,
            DeclarationStatus::AppealDismissed => DeclarationState::AppealDismissed,
            DeclarationStatus::Withdrawn => DeclarationState::Withdrawn,
        }
    }
}

/// How a declaration reached the board: `online`, or a signed `paper` form the board
/// entered with its scan.
#[derive(Serialize, ToSchema, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
pub enum DeclarationChannel {
    Online,
    Paper,
}

/// A membership declaration and what became of it.
#[derive(Serialize, ToSchema)]
pub struct DeclarationDto {
    pub id: i64,
    pub kind: MemberKind,
    /// The organisation declared for, when not in one's own name.
    pub on_behalf_of: Option<i64>,
    pub name: String,
    /// The person's address, or the organisation's seat.
    pub address: String,
    pub krs: Option<String>,
    pub shares: i64,
    /// The version of the statute the applicant accepted.
    pub statute_version: i64,
    pub channel: DeclarationChannel,
    /// A paper declaration's scan is kept (for the boards, on the pages).
    pub has_scan: bool,
    /// Declared while the cooperative was being founded.
    pub founder: bool,
    #[schema(format = Date, example = "2026-05-28")]
    pub submitted_on: String,
    /// The last day the board has to decide, by the statute; a later decision is
    /// taken and flagged `late`.
    #[schema(format = Date)]
    pub decision_due: String,
    pub status: DeclarationState,
    #[schema(format = Date)]
    pub decided_on: Option<String>,
    pub late: bool,
    /// The written reasons of a refusal.
    pub reasons: Option<String>,
    /// The last day to appeal a refusal.
    #[schema(format = Date)]
    pub appeal_due: Option<String>,
    #[schema(format = Date)]
    pub appealed_on: Option<String>,
    pub appeal_text: Option<String>,
    #[schema(format = Date)]
    pub appeal_decided_on: Option<String>,
    pub appeal_reasons: Option<String>,
}

impl TryFrom<Declaration> for DeclarationDto {
    type Error = AppError;

    fn try_from(d: Declaration) -> Result<Self, AppError> {
        let status = DeclarationStatus::parse(&d.status)
            .ok_or_else(|| AppError::Internal(format!("declaration status {}", d.status)))?;
        Ok(DeclarationDto {
            id: d.id,
            kind: MemberKind::of(&d.kind),
            on_behalf_of: d.org_id.map(|o| o.0),
            name: d.name,
            address: d.address,
            krs: d.krs,
            shares: d.shares,
            statute_version: d.document_version,
            channel: if d.channel == "paper" {
                DeclarationChannel::Paper
            } else {
                DeclarationChannel::Online
            },
            has_scan: d.scan_file_id.is_some(),
            founder: d.founder,
            submitted_on: d.submitted_on,
            decision_due: d.decision_due,
            status: status.into(),
            decided_on: d.decided_on,
            late: d.late,
            reasons: d.reasons,
            appeal_due: d.appeal_due,
            appealed_on: d.appealed_on,
            appeal_text: d.appeal_text,
            appeal_decided_on: d.appeal_decided_on,
            appeal_reasons: d.appeal_reasons,
        })
    }
}

fn dto(ctx: &Ctx, d: Declaration) -> Result<DeclarationDto, ApiError> {
    DeclarationDto::try_from(d).or_api(ctx)
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/declarations", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), PageQuery),
    responses((status = 200, description = "Open declarations first, for the board, the supervisory board and platform admins", body = [DeclarationDto],
            headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist")))))]
pub async fn list(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Response, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    c.allow(&ctx, CoopAction::ViewDeclarations)?;
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let page = s
        .app
        .declarations(&c.subject, c.space, paging)
        .await
        .or_api(&ctx)?;
    let link = crate::paging::link_header(
        &page,
        &format!("/api/v1/spaces/{}/declarations", c.slug),
        &[],
    );
    let body = page
        .items
        .into_iter()
        .map(|d| dto(&ctx, d))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(paged_json(body, link))
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/declarations/{id}", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("id" = i64, Path, description = "The declaration's id")),
    responses((status = 200, description = "For its applicant, the boards and platform admins", body = DeclarationDto)))]
pub async fn get_declaration(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Json<DeclarationDto>, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let id = number_in_path(&ctx, &id)?;
    let d = s
        .app
        .declaration(&c.subject, c.space, id)
        .await
        .or_api(&ctx)?;
    Ok(Json(dto(&ctx, d)?))
}

#[derive(Deserialize, ToSchema)]
pub struct DeclarationRequest {
    /// How many shares: a whole JSON number (`2`, and `2.0` is 2), within the
    /// statute's minimum and maximum. A fraction (`1.5`), a string (`"2"`) or `null`
    /// is refused with `coop.bad_shares`.
    #[serde(default)]
    #[schema(value_type = u32, minimum = 1, required = true, example = 2)]
    pub shares: Value,
    /// A person's full name; for an organisation its registered name is used instead.
    #[serde(default)]
    #[schema(max_length = 120)]
    pub name: String,
    /// A person's address, or the organisation's seat.
    #[serde(default)]
    #[schema(min_length = 1, max_length = 300, required = true)]
    pub address: String,
    /// Acceptance of the statute in force; must be `true` (`coop.statute_not_accepted`).
    #[serde(default)]
    #[schema(required = true)]
    pub accept_statute: bool,
    /// Declare for this organisation (one the caller represents, not an informal group);
    /// in one's own name when absent or `null`.
    #[serde(default, deserialize_with = "crate::api::whole::option_i64")]
    pub on_behalf_of: Option<i64>,
}

/// The shares as the use case reads them (as typed), from a JSON value: a whole number
/// as its digits; anything else is refused here with a stable code.
fn shares_typed(value: &Value) -> Result<String, CoopError> {
    if let Ok(n) = crate::api::whole::i64(value) {
        return Ok(n.to_string());
    }
    match value.as_f64() {
        // Whole, but beyond any count of shares.
        Some(f) if f.is_finite() && f.fract() == 0.0 => Err(if f < 0.0 {
            CoopError::SharesTooFew
        } else {
            CoopError::SharesTooMany
        }),
        _ => Err(CoopError::BadShares),
    }
}

#[utoipa::path(post, path = "/api/v1/spaces/{slug}/declarations", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug")),
    request_body = DeclarationRequest,
    responses((status = 201, description = "Declared; the board decides within the statute's days", body = DeclarationDto),
        (status = 409, description = "A member already (`coop.already_member`), or a declaration is waiting (`coop.declaration_pending`)", body = ErrorBody),
        (status = 422, description = "Refused by the statute or the input: `coop.bad_shares`, `coop.shares_too_few`, `coop.shares_too_many`, `coop.statute_not_accepted`, `coop.legal_persons_excluded`, `coop.not_a_legal_person`, `input.required`, `input.too_long`", body = ErrorBody)))]
pub async fn declare(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    body: Result<JsonBody<DeclarationRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    // Logged in, before the body is read; then for the organisation it names.
    c.allow(&ctx, CoopAction::Declare { on_behalf_of: None })?;
    let JsonBody(req) = body?;
    let on_behalf_of = req.on_behalf_of.map(OrgId);
    c.allow(&ctx, CoopAction::Declare { on_behalf_of })?;
    let shares = shares_typed(&req.shares)
        .map_err(AppError::Coop)
        .or_api(&ctx)?;
    within(&ctx, "name", &req.name, NAME_MAX)?;
    within(&ctx, "address", &req.address, ADDRESS_MAX)?;
    let id = s
        .app
        .declare_membership(
            &c.subject,
            c.space,
            DeclarationForm {
                on_behalf_of,
                name: req.name,
                address: req.address,
                shares,
                accept_statute: req.accept_statute,
            },
        )
        .await
        .or_api(&ctx)?;
    let d = s
        .app
        .declaration(&c.subject, c.space, id)
        .await
        .or_api(&ctx)?;
    Ok((StatusCode::CREATED, Json(dto(&ctx, d)?)).into_response())
}

#[derive(Deserialize, ToSchema)]
pub struct DecisionRequest {
    /// `true` admits the applicant (the next member number, their register entries and
    /// declared shares); `false` refuses, with written `reasons`.
    pub admit: bool,
    /// Required for a refusal (`coop.reasons_required`); sent to the applicant.
    #[serde(default)]
    #[schema(max_length = 5000)]
    pub reasons: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/spaces/{slug}/declarations/{id}/decision", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("id" = i64, Path, description = "The declaration's id")),
    request_body = DecisionRequest,
    responses((status = 200, description = "Decided (by the board); a decision after the deadline is flagged `late`", body = DeclarationDto),
        (status = 409, description = "Decided already (`coop.not_pending`), or the applicant is a member already (`coop.already_member`)", body = ErrorBody),
        (status = 422, description = "A refusal without reasons (`coop.reasons_required`), or reasons too long (`input.too_long`)", body = ErrorBody)))]
pub async fn decide(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
    body: Result<JsonBody<DecisionRequest>, ApiError>,
) -> Result<Json<DeclarationDto>, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let id = number_in_path(&ctx, &id)?;
    c.allow(&ctx, CoopAction::DecideDeclarations)?;
    let JsonBody(req) = body?;
    let decision = if req.admit {
        Decision::Admit
    } else {
        let reasons = req.reasons.unwrap_or_default();
        within(&ctx, "reasons", &reasons, REASONS_MAX)?;
        // The use case stores the reasons as given; without control characters (a NUL
        // byte, which PostgreSQL refuses in text), as every other field is kept.
        let reasons = text::optional("reasons", &reasons, REASONS_MAX)
            .map_err(AppError::from)
            .or_api(&ctx)?
            .unwrap_or_default();
        Decision::Refuse { reasons }
    };
    s.app
        .decide_declaration(&c.subject, c.space, id, decision)
        .await
        .or_api(&ctx)?;
    let d = s
        .app
        .declaration(&c.subject, c.space, id)
        .await
        .or_api(&ctx)?;
    Ok(Json(dto(&ctx, d)?))
}
