//! Errors of the domain. Each has a stable code, which is also the id of its
//! translated message in every locale.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("field {field} is required")]
    Required { field: &'static str },
    #[error("field {field} is longer than {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("field {field} is shorter than {min} characters")]
    TooShort { field: &'static str, min: usize },
    #[error("invalid e-mail address")]
    InvalidEmail,
    #[error("invalid slug")]
    InvalidSlug,
    #[error("invalid NIP number")]
    InvalidNip,
    #[error("invalid REGON number")]
    InvalidRegon,
    #[error("invalid KRS number")]
    InvalidKrs,
    #[error("unknown kind")]
    UnknownKind,
    #[error("not allowed")]
    Forbidden,
    #[error("field {field}: the file is not a PDF, PNG, JPEG or WebP")]
    FileType { field: &'static str },
    #[error("field {field}: the file is too large")]
    FileTooLarge { field: &'static str },
}

impl DomainError {
    /// The stable code, used in API errors and as the translation id.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::Required { .. } => "input.required",
            DomainError::TooLong { .. } => "input.too_long",
            DomainError::TooShort { .. } => "input.too_short",
            DomainError::InvalidEmail => "input.invalid_email",
            DomainError::InvalidSlug => "input.invalid_slug",
            DomainError::InvalidNip => "org.invalid_nip",
            DomainError::InvalidRegon => "org.invalid_regon",
            DomainError::InvalidKrs => "org.invalid_krs",
            DomainError::UnknownKind => "input.unknown_kind",
            DomainError::Forbidden => "auth.forbidden",
            DomainError::FileType { .. } => "input.file_type",
            DomainError::FileTooLarge { .. } => "input.file_too_large",
        }
    }

    /// The form field the error belongs to, when it belongs to one.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            DomainError::Required { field }
            | DomainError::TooLong { field, .. }
            | DomainError::TooShort { field, .. }
            | DomainError::FileType { field }
            | DomainError::FileTooLarge { field } => Some(field),
            DomainError::InvalidEmail => Some("email"),
            DomainError::InvalidSlug => Some("slug"),
            DomainError::InvalidNip => Some("nip"),
            DomainError::InvalidRegon => Some("regon"),
            DomainError::InvalidKrs => Some("krs"),
            _ => None,
        }
    }
}
