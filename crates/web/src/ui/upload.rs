//! Multipart forms (those that carry a file) read whole, once, for every module: the
//! text fields and the files by name. The request's size limit bounds what is read.

use axum::extract::multipart::MultipartRejection;
use axum::extract::Multipart;
use std::collections::HashMap;
use wspolnota_app::error::RequestError;
use wspolnota_app::files::Upload;
use wspolnota_app::AppError;

/// A multipart form's fields: a field sent with a file name is a file, any other is
/// text. A field sent twice keeps its last value.
#[derive(Debug, Default)]
pub(crate) struct FormData {
    texts: HashMap<String, String>,
    files: HashMap<String, Upload>,
}

impl FormData {
    /// The text of `name`; empty when it was not sent.
    pub fn text(&mut self, name: &str) -> String {
        self.texts.remove(name).unwrap_or_default()
    }

    /// The file sent as `name`; `None` when none was chosen (browsers send an empty
    /// part for an empty file input).
    pub fn file(&mut self, name: &str) -> Option<Upload> {
        self.files.remove(name).filter(|u| !u.bytes.is_empty())
    }
}

/// Reads the whole form; a body that is not multipart, or is cut off, is malformed.
pub(crate) async fn read(
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<FormData, AppError> {
    let malformed = || AppError::Request(RequestError::Malformed);
    let mut multipart = multipart.map_err(|_| malformed())?;
    let mut form = FormData::default();
    while let Some(field) = multipart.next_field().await.map_err(|_| malformed())? {
        let name = field.name().unwrap_or_default().to_string();
        match field.file_name().map(str::to_string) {
            Some(file_name) => {
                let bytes = field.bytes().await.map_err(|_| malformed())?.to_vec();
                form.files.insert(
                    name,
                    Upload {
                        name: file_name,
                        bytes,
                    },
                );
            }
            None => {
                let text = field.text().await.map_err(|_| malformed())?;
                form.texts.insert(name, text);
            }
        }
    }
    Ok(form)
}
