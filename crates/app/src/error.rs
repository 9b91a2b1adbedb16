//! Errors of the use cases, each with a stable code that is also its translation id.

use thiserror::Error;
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::DomainError;
use wspolnota_store::StoreError;

/// What kind of refusal an error is; the web turns each kind into its HTTP status, so
/// the status of every code is decided in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The request cannot be accepted as it is (422).
    Unacceptable,
    /// It clashes with what has already happened (409).
    Conflict,
    /// It is malformed or its link is no good (400).
    BadRequest,
    /// The credentials are not accepted (401).
    Unauthorized,
    /// It may not be done by anyone asking this way (403).
    Forbidden,
}

/// Declares a capability's refusals: each variant with its stable code (also its
/// translation id, with `error-` before it and dots as hyphens) and its kind.
macro_rules! refusals {
    ($(#[$meta:meta])* $name:ident { $( $variant:ident => $code:literal, $kind:ident; )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
        pub enum $name {
            $( #[error($code)] $variant, )*
        }

        impl $name {
            pub const CODES: &'static [&'static str] = &[$($code),*];

            pub fn code(self) -> &'static str {
                match self { $( $name::$variant => $code, )* }
            }

            pub fn kind(self) -> $crate::error::Kind {
                match self { $( $name::$variant => $crate::error::Kind::$kind, )* }
            }
        }
    };
}
pub(crate) use refusals;

refusals! {
    /// A request the server could not read.
    RequestError {
        Malformed => "request.malformed", BadRequest;
        BadPage => "request.bad_page", BadRequest;
        Csrf => "auth.csrf", Forbidden;
    }
}

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
    #[error("refused: {0}")]
    Request(#[from] RequestError),
    #[error("refused: {0}")]
    Account(#[from] crate::accounts::AccountError),
    #[error("refused: {0}")]
    Org(#[from] crate::orgs::OrgError),
    #[error("refused: {0}")]
    Space(#[from] crate::spaces::SpaceError),
    #[error("refused: {0}")]
    Token(#[from] crate::api_tokens::TokenError),
    /// A rule of the participatory budget refused the request.
    #[error("refused: {0}")]
    Budget(#[from] crate::budget::BudgetError),
    /// A rule of the cooperative (the law or its statute) refused the request.
    #[error("refused: {0}")]
    Coop(#[from] CoopError),
    /// A rule of assemblies and bodies refused the request.
    #[error("refused: {0}")]
    Assembly(#[from] wspolnota_domain::assembly::AssemblyError),
    #[error("too many attempts")]
    RateLimited { retry_after_secs: i64 },
    /// Every slot for slow work (password hashing) is taken; come back shortly.
    #[error("busy")]
    Busy { retry_after_secs: i64 },
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
            AppError::Request(e) => e.code(),
            AppError::Account(e) => e.code(),
            AppError::Org(e) => e.code(),
            AppError::Space(e) => e.code(),
            AppError::Token(e) => e.code(),
            AppError::Budget(e) => e.code(),
            AppError::Coop(e) => e.code(),
            AppError::Assembly(e) => e.code(),
            AppError::RateLimited { .. } => "auth.rate_limited",
            AppError::Busy { .. } => "service.busy",
            AppError::Unavailable(_) => "service.unavailable",
            AppError::Internal(_) => "service.internal",
        }
    }

    /// The kind of a capability's refusal; `None` for the errors that are not refusals
    /// (not found, login, rate limits, outages), whose status is fixed.
    pub fn refusal_kind(&self) -> Option<Kind> {
        match self {
            AppError::Request(e) => Some(e.kind()),
            AppError::Account(e) => Some(e.kind()),
            AppError::Org(e) => Some(e.kind()),
            AppError::Space(e) => Some(e.kind()),
            AppError::Token(e) => Some(e.kind()),
            AppError::Budget(e) => Some(if e.is_conflict() {
                Kind::Conflict
            } else {
                Kind::Unacceptable
            }),
            AppError::Coop(e) => Some(if e.is_conflict() {
                Kind::Conflict
            } else {
                Kind::Unacceptable
            }),
            AppError::Assembly(e) => Some(if e.is_conflict() {
                Kind::Conflict
            } else {
                Kind::Unacceptable
            }),
            _ => None,
        }
    }

    /// A refusal the person can act on (bad input or a rule), shown next to the form
    /// rather than as an error page.
    pub fn is_user_error(&self) -> bool {
        matches!(self, AppError::Invalid(_)) || self.refusal_kind().is_some()
    }

    /// When to ask again, for `Retry-After`.
    pub fn retry_after_secs(&self) -> Option<i64> {
        match self {
            AppError::RateLimited { retry_after_secs } | AppError::Busy { retry_after_secs } => {
                Some(*retry_after_secs)
            }
            _ => None,
        }
    }

    /// The form field the error belongs to, if any.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            AppError::Invalid(e) => e.field(),
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
            StoreError::AppendOnly(_) => AppError::Coop(CoopError::RegisterIsAppendOnly),
            StoreError::Other(m) => AppError::Internal(m),
        }
    }
}

/// Every code an [`AppError`] can carry, for the test that each has a translation.
pub fn all_codes() -> Vec<&'static str> {
    let mut codes = ALL_CODES.to_vec();
    codes.extend(RequestError::CODES);
    codes.extend(crate::accounts::AccountError::CODES);
    codes.extend(crate::orgs::OrgError::CODES);
    codes.extend(crate::spaces::SpaceError::CODES);
    codes.extend(crate::api_tokens::TokenError::CODES);
    codes.extend(crate::budget::all_codes());
    codes.extend(CoopError::CODES);
    codes.extend(wspolnota_domain::assembly::AssemblyError::CODES);
    codes
}

/// The codes outside the capabilities' own error types (input, access, outages).
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
    "service.unavailable",
    "service.internal",
    "service.busy",
];
