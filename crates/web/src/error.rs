//! Turning use-case errors into answers: a page in the person's language, or
//! under `/api` a JSON body `{ "error": code, "message": localised }`.

use crate::ui::layout::Page;
use crate::Ctx;
use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::Json;
use wspolnota_app::error::Kind;
use wspolnota_app::i18n::Locale;
use wspolnota_app::AppError;

/// The HTTP status for an error.
pub fn status_of(e: &AppError) -> StatusCode {
    if let Some(kind) = e.refusal_kind() {
        return match kind {
            Kind::Unacceptable => StatusCode::UNPROCESSABLE_ENTITY,
            Kind::Conflict => StatusCode::CONFLICT,
            Kind::BadRequest => StatusCode::BAD_REQUEST,
            Kind::Unauthorized => StatusCode::UNAUTHORIZED,
            Kind::Forbidden => StatusCode::FORBIDDEN,
        };
    }
    match e {
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::LoginRequired => StatusCode::UNAUTHORIZED,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Busy { .. } => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

/// The translation id of an error code (Fluent ids cannot contain dots).
pub fn message_id(code: &str) -> String {
    format!("error-{}", code.replace('.', "-"))
}

pub fn message(locale: Locale, e: &AppError) -> String {
    locale.t(&message_id(e.code()))
}

/// What every error answer carries besides its body: `Retry-After` when the person
/// should come back later, and for a 5xx the error chain, which the request-id layer
/// logs with the method, path and request id.
fn annotate(mut res: Response, e: &AppError) -> Response {
    if let Some(secs) = e.retry_after_secs() {
        if let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string()) {
            res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
        }
    }
    if res.status().is_server_error() {
        let mut chain = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            chain.push_str(": ");
            chain.push_str(&s.to_string());
            source = s.source();
        }
        res.extensions_mut()
            .insert(crate::ops::FailureChain(format!("{}: {chain}", e.code())));
    }
    res
}

/// An error shown as a page.
pub struct UiError {
    /// Boxed: the context is large and every page handler returns this error.
    ctx: Box<Ctx>,
    err: AppError,
}

impl UiError {
    pub fn new(ctx: &Ctx, err: AppError) -> UiError {
        UiError {
            ctx: Box::new(ctx.clone()),
            err,
        }
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    page: Page,
    message: String,
}

impl IntoResponse for UiError {
    fn into_response(self) -> Response {
        // A page that needs a login sends the visitor to the login form.
        if matches!(self.err, AppError::LoginRequired) {
            return axum::response::Redirect::to("/konto/logowanie").into_response();
        }
        let status = status_of(&self.err);
        let page = Page::new(&self.ctx, self.ctx.locale.t("error-title"));
        let body = ErrorPage {
            message: message(self.ctx.locale, &self.err),
            page,
        };
        let res = match body.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(_) => (status, message(self.ctx.locale, &self.err)).into_response(),
        };
        annotate(res, &self.err)
    }
}

/// An error answered as JSON.
pub struct ApiError {
    locale: Locale,
    err: AppError,
}

impl ApiError {
    pub fn new(locale: Locale, err: AppError) -> ApiError {
        ApiError { locale, err }
    }
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// Stable code, e.g. `signature.already_signed`.
    pub error: String,
    /// The message in the caller's language.
    pub message: String,
    /// The input field the error is about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = status_of(&self.err);
        let body = ErrorBody {
            error: self.err.code().to_string(),
            message: message(self.locale, &self.err),
            field: self.err.field().map(str::to_string),
        };
        annotate((status, Json(body)).into_response(), &self.err)
    }
}
