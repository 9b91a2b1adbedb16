//! Images of proposals, kept in the database so web nodes stay stateless.

use crate::{Conn, StoreError};
use sqlx::Row;

/// An image of a proposal, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageInfo {
    pub id: i64,
    pub content_type: String,
    pub alt: String,
}

pub async fn insert_image(
    c: &mut Conn,
    proposal: i64,
    content_type: &str,
    alt: &str,
    bytes: &[u8],
) -> Result<i64, StoreError> {
    Ok(sqlx::query_scalar("INSERT INTO proposal_images (proposal_id, content_type, alt, bytes) VALUES ($1, $2, $3, $4) RETURNING id")
        .bind(proposal)
        .bind(content_type)
        .bind(alt)
        .bind(bytes.to_vec())
        .fetch_one(c)
        .await?)
}

pub async fn images(c: &mut Conn, proposal: i64) -> Result<Vec<ImageInfo>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, content_type, alt FROM proposal_images WHERE proposal_id = $1 ORDER BY id",
    )
    .bind(proposal)
    .fetch_all(c)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ImageInfo {
                id: r.try_get("id")?,
                content_type: r.try_get("content_type")?,
                alt: r.try_get("alt")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// The content type and bytes of one image of a proposal.
pub async fn image(c: &mut Conn, proposal: i64, id: i64) -> Result<(String, Vec<u8>), StoreError> {
    let r = sqlx::query(
        "SELECT content_type, bytes FROM proposal_images WHERE proposal_id = $1 AND id = $2",
    )
    .bind(proposal)
    .bind(id)
    .fetch_one(c)
    .await?;
    Ok((r.try_get("content_type")?, r.try_get("bytes")?))
}
