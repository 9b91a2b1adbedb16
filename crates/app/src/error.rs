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
            AppError::RateLimited => "auth.rate_limited",
            AppError::Unavailable(_) => "service.unavailable",
            AppError::Internal(_) => "service.internal",
        }
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
    "request.malformed",
    "budget.calendar_out_of_order",
    "budget.phase_backwards",
    "budget.ballot_empty",
    "budget.ballot_too_many",
    "budget.ballot_too_few",
    "budget.ballot_unknown_project",
    "budget.ballot_duplicate",
    "budget.ballot_too_many_points",
    "budget.ballot_zero_points",
    "budget.ballot_settings",
    "module.unknown",
    "budget.cost_required",
    "budget.cost_not_positive",
    "budget.cost_too_many_items",
    "budget.cost_too_large",
    "budget.proposal_wrong_state",
    "budget.bad_settings",
    "budget.wrong_phase",
    "budget.pool_budget",
    "budget.unknown_pool",
    "budget.already_supported",
    "budget.not_enough_supports",
    "budget.appeal_too_late",
    "budget.voting_closed",
    "budget.not_a_resident",
    "budget.already_voted",
    "budget.change_not_allowed",
    "budget.unknown_receipt",
    "budget.unknown_code",
    "budget.paper_same_staff",
    "budget.paper_already_entered",
    "budget.paper_not_mismatch",
    "budget.image_too_large",
    "budget.image_type",
    "budget.image_too_many",
    "budget.unknown_district",
    "budget.import_unreadable",
    "budget.import_unsupported",
];
