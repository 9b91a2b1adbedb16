//! Spaces, their admins and the versions of their founding documents.

use crate::{Conn, StoreError};
use sqlx::any::AnyRow;
use sqlx::Row;
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::{DocumentId, SpaceId, UserId};
use wspolnota_domain::space::SpaceKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Space {
    pub id: SpaceId,
    pub slug: String,
    pub name: String,
    pub kind: SpaceKind,
    pub city: Option<String>,
    pub region: Option<String>,
    pub description_md: String,
    pub requires_approval: bool,
}

const SPACE_COLUMNS: &str = "id, slug, name, kind, city, region, description_md, requires_approval";

fn space_from_row(r: &AnyRow) -> Result<Space, StoreError> {
    let kind: String = r.try_get("kind")?;
    Ok(Space {
        id: SpaceId(r.try_get("id")?),
        slug: r.try_get("slug")?,
        name: r.try_get("name")?,
        kind: SpaceKind::parse(&kind)
            .map_err(|_| StoreError::Other(format!("unknown space kind {kind}")))?,
        city: r.try_get("city")?,
        region: r.try_get("region")?,
        description_md: r.try_get("description_md")?,
        requires_approval: r.try_get::<i64, _>("requires_approval")? != 0,
    })
}

pub struct NewSpace<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: SpaceKind,
    pub city: Option<&'a str>,
    pub region: Option<&'a str>,
    pub description_md: &'a str,
    pub requires_approval: bool,
}

pub async fn insert(c: &mut Conn, s: &NewSpace<'_>, now: Timestamp) -> Result<SpaceId, StoreError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO spaces (slug, name, kind, city, region, description_md, requires_approval, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(s.slug)
    .bind(s.name)
    .bind(s.kind.as_str())
    .bind(s.city)
    .bind(s.region)
    .bind(s.description_md)
    .bind(s.requires_approval as i64)
    .bind(now.0)
    .fetch_one(c)
    .await?;
    Ok(SpaceId(id))
}

pub async fn by_slug(c: &mut Conn, slug: &str) -> Result<Option<Space>, StoreError> {
    let sql = format!("SELECT {SPACE_COLUMNS} FROM spaces WHERE slug = $1");
    let row = sqlx::query(&sql).bind(slug).fetch_optional(c).await?;
    row.as_ref().map(space_from_row).transpose()
}

pub async fn list(c: &mut Conn) -> Result<Vec<Space>, StoreError> {
    let sql = format!("SELECT {SPACE_COLUMNS} FROM spaces ORDER BY name, id");
    let rows = sqlx::query(&sql).fetch_all(c).await?;
    rows.iter().map(space_from_row).collect()
}

/// One page of spaces in list order: `limit` rows from `offset`.
pub async fn list_page(c: &mut Conn, limit: i64, offset: i64) -> Result<Vec<Space>, StoreError> {
    let sql = format!("SELECT {SPACE_COLUMNS} FROM spaces ORDER BY name, id LIMIT $1 OFFSET $2");
    let rows = sqlx::query(&sql)
        .bind(limit)
        .bind(offset)
        .fetch_all(c)
        .await?;
    rows.iter().map(space_from_row).collect()
}

pub async fn update_description(
    c: &mut Conn,
    id: SpaceId,
    description_md: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE spaces SET description_md = $1 WHERE id = $2")
        .bind(description_md)
        .bind(id.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn add_admin(
    c: &mut Conn,
    space: SpaceId,
    user: UserId,
    now: Timestamp,
) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO space_admins (space_id, user_id, granted_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .bind(space.0)
        .bind(user.0)
        .bind(now.0)
        .execute(c)
        .await?;
    Ok(())
}

pub async fn is_admin(c: &mut Conn, space: SpaceId, user: UserId) -> Result<bool, StoreError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM space_admins WHERE space_id = $1 AND user_id = $2",
    )
    .bind(space.0)
    .bind(user.0)
    .fetch_one(c)
    .await?;
    Ok(n > 0)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocumentId,
    pub version: i64,
    pub title: String,
    pub body_md: String,
    pub text_hash: String,
    pub created_at: Timestamp,
}

fn document_from_row(r: &AnyRow) -> Result<Document, sqlx::Error> {
    Ok(Document {
        id: DocumentId(r.try_get("id")?),
        version: r.try_get("version")?,
        title: r.try_get("title")?,
        body_md: r.try_get("body_md")?,
        text_hash: r.try_get("text_hash")?,
        created_at: Timestamp(r.try_get("created_at")?),
    })
}

/// Adds the next version of the space's founding document; earlier versions stay.
pub async fn add_document(
    c: &mut Conn,
    space: SpaceId,
    title: &str,
    body_md: &str,
    text_hash: &str,
    by: Option<UserId>,
    now: Timestamp,
) -> Result<Document, StoreError> {
    let row = sqlx::query(
        "INSERT INTO space_documents (space_id, version, title, body_md, text_hash, created_by, created_at) \
         VALUES ($1, (SELECT COALESCE(MAX(version), 0) + 1 FROM space_documents WHERE space_id = $1), $2, $3, $4, $5, $6) \
         RETURNING id, version, title, body_md, text_hash, created_at",
    )
    .bind(space.0)
    .bind(title)
    .bind(body_md)
    .bind(text_hash)
    .bind(by.map(|u| u.0))
    .bind(now.0)
    .fetch_one(c)
    .await?;
    Ok(document_from_row(&row)?)
}

pub async fn current_document(
    c: &mut Conn,
    space: SpaceId,
) -> Result<Option<Document>, StoreError> {
    let row = sqlx::query(
        "SELECT id, version, title, body_md, text_hash, created_at FROM space_documents \
         WHERE space_id = $1 ORDER BY version DESC LIMIT 1",
    )
    .bind(space.0)
    .fetch_optional(c)
    .await?;
    Ok(row.as_ref().map(document_from_row).transpose()?)
}

pub async fn documents(c: &mut Conn, space: SpaceId) -> Result<Vec<Document>, StoreError> {
    let rows = sqlx::query(
        "SELECT id, version, title, body_md, text_hash, created_at FROM space_documents \
         WHERE space_id = $1 ORDER BY version DESC",
    )
    .bind(space.0)
    .fetch_all(c)
    .await?;
    Ok(rows
        .iter()
        .map(document_from_row)
        .collect::<Result<_, _>>()?)
}

pub async fn by_id(c: &mut Conn, id: SpaceId) -> Result<Space, StoreError> {
    let sql = format!("SELECT {SPACE_COLUMNS} FROM spaces WHERE id = $1");
    let row = sqlx::query(&sql).bind(id.0).fetch_one(c).await?;
    space_from_row(&row)
}

/// Everything a space's front page shows, in one query: the space, its current
/// document and the number of active members.
pub async fn front_page(
    c: &mut Conn,
    slug: &str,
) -> Result<Option<(Space, Option<Document>, i64)>, StoreError> {
    let sql = "SELECT s.id, s.slug, s.name, s.kind, s.city, s.region, s.description_md, s.requires_approval, \
         d.id AS doc_id, d.version, d.title, d.body_md, d.text_hash, d.created_at, \
         (SELECT COUNT(*) FROM signatures g WHERE g.space_id = s.id AND g.status = 'active') AS members \
         FROM spaces s LEFT JOIN space_documents d ON d.space_id = s.id \
         AND d.version = (SELECT MAX(version) FROM space_documents m WHERE m.space_id = s.id) \
         WHERE s.slug = $1";
    let Some(row) = sqlx::query(sql).bind(slug).fetch_optional(c).await? else {
        return Ok(None);
    };
    let space = space_from_row(&row)?;
    let document = match row.try_get::<Option<i64>, _>("doc_id")? {
        Some(id) => Some(Document {
            id: DocumentId(id),
            version: row.try_get("version")?,
            title: row.try_get("title")?,
            body_md: row.try_get("body_md")?,
            text_hash: row.try_get("text_hash")?,
            created_at: Timestamp(row.try_get("created_at")?),
        }),
        None => None,
    };
    Ok(Some((space, document, row.try_get("members")?)))
}
