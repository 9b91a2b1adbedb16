//! What the platform accepts as an uploaded file: its type told from the bytes (never
//! from the name or the browser's word, which anyone can set), and a size that fits
//! within the request limit.

use crate::error::DomainError;

/// Largest file one form may attach.
pub const FILE_MAX: usize = 2 * 1024 * 1024;

/// The type of a document or a scan: PDF, PNG, JPEG or WebP; `None` for anything else.
pub fn document_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        crate::budget::image_type(bytes)
    }
}

/// Checks an upload for `field`: not empty, at most [`FILE_MAX`], a known type.
pub fn accept_document(field: &'static str, bytes: &[u8]) -> Result<&'static str, DomainError> {
    if bytes.is_empty() {
        return Err(DomainError::Required { field });
    }
    if bytes.len() > FILE_MAX {
        return Err(DomainError::FileTooLarge { field });
    }
    document_type(bytes).ok_or(DomainError::FileType { field })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_comes_from_the_bytes() {
        assert_eq!(
            accept_document("file", b"%PDF-1.7\n..."),
            Ok("application/pdf")
        );
        assert_eq!(
            accept_document("file", &[0xFF, 0xD8, 0xFF, 0xE0]),
            Ok("image/jpeg")
        );
        assert_eq!(
            accept_document("file", b"<html>%PDF-"),
            Err(DomainError::FileType { field: "file" })
        );
        assert_eq!(
            accept_document("file", b""),
            Err(DomainError::Required { field: "file" })
        );
        let big = [b"%PDF-".as_slice(), &vec![0u8; FILE_MAX]].concat();
        assert_eq!(
            accept_document("file", &big),
            Err(DomainError::FileTooLarge { field: "file" })
        );
    }
}
