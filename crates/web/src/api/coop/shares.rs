//! The share ledger: a page of movements, newest first, and recording a payment.

use super::{coop, number_in_path, within, MovementDto};
use crate::api::spaces::{paged_json, PageQuery};
use crate::api::{JsonBody, OrApi, QueryParams};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;
use wspolnota_app::coop::{PaymentForm, Purpose};
use wspolnota_app::AppError;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::CoopError;

const FIELD_MAX: usize = 200;
/// Whole złoty an amount may have: fifteen digits, well inside 64-bit grosze.
const ZLOTY_DIGITS: usize = 15;

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/shares", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), PageQuery),
    responses((status = 200, description = "Every movement of shares and money, newest first, for the board, the supervisory board and platform admins", body = [MovementDto],
            headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist")))))]
pub async fn ledger(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Response, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    c.allow(&ctx, CoopAction::ViewRegisterInFull)?;
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let page = s
        .app
        .ledger_page(&c.subject, c.space, paging)
        .await
        .or_api(&ctx)?;
    let link = crate::paging::link_header(&page, &format!("/api/v1/spaces/{}/shares", c.slug), &[]);
    let body: Vec<MovementDto> = page
        .items
        .into_iter()
        .map(|(number, m)| MovementDto::of(number, m))
        .collect();
    Ok(paged_json(body, link))
}

/// What a payment pays for.
#[derive(Deserialize, ToSchema, Clone, Copy, Debug, Default)]
#[serde(rename_all = "snake_case")]
pub enum PaymentPurpose {
    /// Towards the member's declared shares.
    #[default]
    Shares,
    /// The statute's entry fee: exactly the fee, once.
    EntryFee,
}

#[derive(Deserialize, ToSchema)]
pub struct PaymentRequest {
    /// The amount in złoty as a decimal STRING with at most two decimals: `"120"`,
    /// `"120.50"` (a comma is read as the decimal point too). A JSON number (`120.5`)
    /// is refused with `coop.bad_amount`, so that money never travels as a binary
    /// float; a third decimal is refused with `coop.too_precise`.
    #[serde(default)]
    #[schema(value_type = String, pattern = r"^[0-9]{1,15}([.,][0-9]{1,2})?$", example = "120.50", required = true)]
    pub amount: Value,
    /// `shares` when absent.
    #[serde(default)]
    pub purpose: PaymentPurpose,
    /// The day the money was paid, `YYYY-MM-DD`, not later than today; today when absent.
    #[serde(default)]
    #[schema(format = Date, example = "2026-05-28")]
    pub paid_on: Option<String>,
    /// How it was paid, e.g. `przelew`.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub method: Option<String>,
    /// The transfer's title or a receipt number.
    #[serde(default)]
    #[schema(max_length = 200)]
    pub reference: Option<String>,
    /// Accept money beyond the unpaid declared shares and record the excess as money
    /// to return; without it such a payment is refused (`coop.beyond_declared`).
    #[serde(default)]
    pub record_excess: bool,
}

/// The amount as the use case reads it (as typed), from a JSON value: only a string
/// of the documented form; a number, or any other text, is refused here.
fn amount_typed(value: &Value) -> Result<&str, CoopError> {
    let Value::String(text) = value else {
        return Err(CoopError::BadAmount);
    };
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = match unsigned.split_once(['.', ',']) {
        Some((w, f)) => (w, Some(f)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || whole.len() > ZLOTY_DIGITS || !fraction.is_none_or(digits) {
        return Err(CoopError::BadAmount);
    }
    if fraction.is_some_and(|f| f.len() > 2) {
        return Err(CoopError::TooPrecise);
    }
    if negative {
        return Err(CoopError::AmountNotPositive);
    }
    Ok(text)
}

#[utoipa::path(post, path = "/api/v1/spaces/{slug}/members/{number}/payments", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("number" = i64, Path, description = "The member number")),
    request_body = PaymentRequest,
    responses((status = 201, description = "Recorded (by the board): the movements written, a payment and, with `record_excess`, the over-payment to return", body = [MovementDto]),
        (status = 409, description = "The membership has ended (`coop.not_still_member`), or the entry fee is paid already (`coop.entry_fee_paid`)", body = ErrorBody),
        (status = 422, description = "Refused: `coop.bad_amount` (not a decimal string, e.g. a JSON number), `coop.too_precise`, `coop.amount_not_positive`, `coop.beyond_declared`, `coop.entry_fee_mismatch`, `coop.bad_date`, `input.too_long`", body = ErrorBody)))]
pub async fn pay(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    body: Result<JsonBody<PaymentRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let number = number_in_path(&ctx, &number)?;
    c.allow(&ctx, CoopAction::KeepRegister)?;
    let JsonBody(req) = body?;
    let amount = amount_typed(&req.amount)
        .map_err(AppError::Coop)
        .or_api(&ctx)?
        .to_string();
    let method = req.method.unwrap_or_default();
    let reference = req.reference.unwrap_or_default();
    within(&ctx, "method", &method, FIELD_MAX)?;
    within(&ctx, "reference", &reference, FIELD_MAX)?;
    let form = PaymentForm {
        amount,
        // Absent means today; a present value must be a date as documented, untrimmed.
        paid_on: match req.paid_on {
            Some(d) if d.is_empty() || d.trim() != d => {
                return Err(ApiError::new(ctx.locale, CoopError::BadDate.into()))
            }
            Some(d) => d,
            None => String::new(),
        },
        method,
        reference,
        purpose: match req.purpose {
            PaymentPurpose::Shares => Purpose::Shares,
            PaymentPurpose::EntryFee => Purpose::EntryFee,
        },
        record_excess: req.record_excess,
    };
    let ids = s
        .app
        .record_payment(&c.subject, c.space, number, form)
        .await
        .or_api(&ctx)?;
    let view = s
        .app
        .member_view(&c.subject, c.space, number)
        .await
        .or_api(&ctx)?;
    let written: Vec<MovementDto> = view
        .movements
        .into_iter()
        .filter(|m| ids.contains(&m.id))
        .map(|m| MovementDto::of(number, m))
        .collect();
    Ok((StatusCode::CREATED, Json(written)).into_response())
}
