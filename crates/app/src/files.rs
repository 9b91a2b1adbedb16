//! Files sent with forms, stored once for every module: checked by their bytes and
//! size (`domain::file`), kept with their SHA-256 so a copy can be told from the one
//! received.

use crate::AppError;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_domain::text;
use wspolnota_store::files::{self as store, NewFile};
use wspolnota_store::Conn;

/// A file sent with a form: its name as sent, and its bytes.
#[derive(Debug, Clone, Default)]
pub struct Upload {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A file as stored: its id, and the SHA-256 of its bytes (hex) for the audit log.
#[derive(Debug, Clone)]
pub struct Saved {
    pub id: i64,
    pub sha256: String,
}

/// Stores `upload` of type `content_type` (already checked) in `space`; `fallback`
/// names it when it came without a name.
pub(crate) async fn save(
    c: &mut Conn,
    space: SpaceId,
    upload: &Upload,
    content_type: &str,
    fallback: &str,
    by: (Option<UserId>, Timestamp),
) -> Result<Saved, AppError> {
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&upload.bytes));
    let name = text::optional("file", &upload.name, 200)?.unwrap_or_else(|| fallback.into());
    let id = store::insert_file(
        c,
        &NewFile {
            space,
            name: &name,
            content_type,
            bytes: &upload.bytes,
            sha256: &hash,
            by: by.0,
        },
        by.1,
    )
    .await?;
    Ok(Saved { id, sha256: hash })
}
