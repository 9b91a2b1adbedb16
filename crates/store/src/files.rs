//! Files attached to records (scans of paper forms, a project's documents), kept in
//! the database so web nodes stay stateless. Every module stores its files here.

use crate::{Conn, StoreError};
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{SpaceId, UserId};

/// A stored file, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    pub id: i64,
    pub name: String,
    pub content_type: String,
    pub size: i64,
}

/// A file to store: its space, name as uploaded, type, bytes and their SHA-256.
pub struct NewFile<'a> {
    pub space: SpaceId,
    pub name: &'a str,
    pub content_type: &'a str,
    pub bytes: &'a [u8],
    pub sha256: &'a str,
    pub by: Option<UserId>,
}

pub async fn insert_file(c: &mut Conn, f: &NewFile<'_>, now: Timestamp) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar(
        "INSERT INTO files (space_id, name, content_type, size, sha256, bytes, uploaded_by, uploaded_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(f.space.0)
    .bind(f.name)
    .bind(f.content_type)
    .bind(i64::try_from(f.bytes.len()).unwrap_or(i64::MAX))
    .bind(f.sha256)
    .bind(f.bytes.to_vec())
    .bind(f.by.map(|u| u.0))
    .bind(now.0)
    .fetch_one(c)
    .await?)
}

/// A file of `space` with its bytes.
pub async fn file(
    c: &mut Conn,
    space: SpaceId,
    id: i64,
) -> Result<(FileInfo, Vec<u8>), StoreError> {
    let r = sqlx::query(
        "SELECT id, name, content_type, size, bytes FROM files WHERE id = $1 AND space_id = $2",
    )
    .bind(id)
    .bind(space.0)
    .fetch_one(c)
    .await?;
    Ok((
        FileInfo {
            id: r.try_get("id")?,
            name: r.try_get("name")?,
            content_type: r.try_get("content_type")?,
            size: r.try_get("size")?,
        },
        r.try_get("bytes")?,
    ))
}
