//! Errors of the use cases, each with a stable code that is also its translation id.

use thiserror::Error;
use wspolnota_domain::DomainError;
use wspolnota_store::StoreError;

#[derive(Debug, Error)]
pub enum AppError {
    #[error(transparent)]
    Invalid(#[from] DomainError),
    #[error("not found")]
    NotFound,
    #[error("login required")]
    LoginRequired,
    #[error("forbidden")]
    Forbidden,
    /// A rule of the platform refused the request; the code says which.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// A rule of the participatory budget refused the request.
    #[error("refused: {0}")]
    Budget(#[from] crate::budget::BudgetError),
    #[error("too many attempts")]
    RateLimited,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

impl AppError {
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(e) => e.code(),
            AppError::NotFound => "not_found",
            AppError::LoginRequired => "auth.login_required",
            AppError::Forbidden => "auth.forbidden",
            AppError::Refused(code) => code,
            AppError::Budget(e) => e.code(),
            AppError::RateLimited => "auth.rate_limited",
            AppError::Unavailable(_) => "service.unavailable",
            AppError::Internal(_) => "service.internal",
        }
    }

    /// A refusal the person can act on (bad input or a rule), shown next to the form
    /// rather than as an error page.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            AppError::Invalid(_) | AppError::Refused(_) | AppError::Budget(_)
        )
    }

    /// The form field the error belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Invalid(e) => e.field(),
            AppError::Refused("account.email_taken") => Some("email"),
            _ => None,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(m) => AppError::Internal(format!("unexpected conflict: {m}")),
            StoreError::Unavailable(m) => AppError::Unavailable(m),
            StoreError::Other(m) => AppError::Internal(m),
        }
    }
}

/// Every code an [`AppError`] can carry, for the test that each has a translation.
pub fn all_codes() -> Vec<&'static str> {
    let mut codes = ALL_CODES.to_vec();
    codes.extend(crate::budget::all_codes());
    codes
}

/// The codes outside the capabilities' own error types.
pub const ALL_CODES: &[&str] = &[
    "input.required",
    "input.too_long",
    "input.too_short",
    "input.invalid_email",
    "input.invalid_slug",
    "input.unknown_kind",
    "org.invalid_nip",
    "org.invalid_regon",
    "org.invalid_krs",
    "not_found",
    "auth.login_required",
    "auth.forbidden",
    "auth.rate_limited",
    "auth.csrf",
    "service.unavailable",
    "service.internal",
    "account.email_taken",
    "account.bad_credentials",
    "account.unconfirmed",
    "account.wrong_password",
    "token.invalid",
    "token.expired",
    "token.used",
    "signature.already_signed",
    "signature.no_document",
    "signature.not_pending",
    "signature.not_standing",
    "org.unknown_person",
    "org.last_admin",
    "space.slug_taken",
    "module.unknown",
    "request.malformed",
];
