//! `/api/v1/spaces`: spaces, their documents, allies and signing.

use super::{JsonBody, OrApi};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use wspolnota_app::spaces::AllyFilter;
use wspolnota_domain::ids::OrgId;

#[derive(Serialize, ToSchema)]
pub struct SpaceDto {
    pub slug: String,
    pub name: String,
    /// `development_cooperative`, `coalition`, `city_network` or `movement`.
    pub kind: String,
    pub city: Option<String>,
    pub region: Option<String>,
    pub requires_approval: bool,
}

impl From<wspolnota_app::spaces::Space> for SpaceDto {
    fn from(s: wspolnota_app::spaces::Space) -> Self {
        SpaceDto {
            slug: s.slug,
            name: s.name,
            kind: s.kind.as_str().into(),
            city: s.city,
            region: s.region,
            requires_approval: s.requires_approval,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct DocumentDto {
    pub version: i64,
    pub title: String,
    pub text_markdown: String,
    /// SHA-256 of the title and text: identifies exactly what was signed.
    pub text_hash: String,
    /// Unix seconds, UTC.
    pub published_at: i64,
}

#[derive(Serialize, ToSchema)]
pub struct SpaceDetailDto {
    #[serde(flatten)]
    pub space: SpaceDto,
    pub description_markdown: String,
    pub members: i64,
    pub document: Option<DocumentDto>,
}

#[utoipa::path(get, path = "/api/v1/spaces", tag = "spaces", params(PageQuery),
    responses((status = 200, body = [SpaceDto], headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist"))),
        (status = 400, body = ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    super::QueryParams(q): super::QueryParams<PageQuery>,
) -> Result<Response, ApiError> {
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let page = s.app.spaces_page(paging).await.or_api(&ctx)?;
    let link = crate::paging::link_header(&page, "/api/v1/spaces", &[]);
    let body: Vec<SpaceDto> = page.items.into_iter().map(SpaceDto::from).collect();
    Ok(paged_json(body, link))
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}", tag = "spaces",
    params(("slug" = String, Path, description = "The space's slug")),
    responses((status = 200, body = SpaceDetailDto), (status = 404, body = ErrorBody)))]
pub async fn get_space(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<SpaceDetailDto>, ApiError> {
    let v = s.app.space_view(&slug).await.or_api(&ctx)?;
    Ok(Json(SpaceDetailDto {
        description_markdown: v.space.description_md.clone(),
        members: v.members,
        document: v.document.map(|d| DocumentDto {
            version: d.version,
            title: d.title,
            text_markdown: d.body_md,
            text_hash: d.text_hash,
            published_at: d.created_at.0,
        }),
        space: v.space.into(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct AllyDto {
    pub name: String,
    /// The organisation's kind, or `person`.
    pub kind: String,
    pub city: Option<String>,
    pub since: i64,
}

#[derive(Serialize, ToSchema)]
pub struct KindCount {
    pub kind: String,
    pub count: usize,
}

#[derive(Serialize, ToSchema)]
pub struct AlliesDto {
    /// One page of the list, oldest first.
    pub allies: Vec<AllyDto>,
    /// How many allies the filter keeps, on every page.
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    /// The next page's number, when there is one.
    pub next_page: Option<u32>,
    /// Persons who signed but did not consent to be listed by name.
    pub unlisted_persons: i64,
    pub counts: Vec<KindCount>,
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AlliesQuery {
    /// `person` or an organisation kind; all when absent.
    #[param(
        pattern = "^(person|municipality|public_institution|ngo|cooperative|company|informal_group)?$"
    )]
    kind: Option<String>,
    /// The page, from 1 (default 1).
    #[param(value_type = u32, required = false, minimum = 1, maximum = 1000000)]
    page: Option<String>,
    /// Allies per page, 1 to 200 (default 50).
    #[param(value_type = u32, required = false, minimum = 1, maximum = 200)]
    per_page: Option<String>,
}

/// `?page=&per_page=` of the API's lists.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageQuery {
    /// The page, from 1 (default 1).
    #[param(value_type = u32, required = false, minimum = 1, maximum = 1000000)]
    pub page: Option<String>,
    /// Rows per page, 1 to 200 (default 50).
    #[param(value_type = u32, required = false, minimum = 1, maximum = 200)]
    pub per_page: Option<String>,
}

/// A page of a list as JSON, with the `Link` header to the pages around it.
pub(super) fn paged_json<T: Serialize>(body: T, link: Option<String>) -> Response {
    let mut res = Json(body).into_response();
    if let Some(v) = link.and_then(|l| axum::http::HeaderValue::from_str(&l).ok()) {
        res.headers_mut().insert(axum::http::header::LINK, v);
    }
    res
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/allies", tag = "spaces",
    params(("slug" = String, Path, description = "The space's slug"), AlliesQuery),
    responses((status = 200, body = AlliesDto, headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist"))),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn allies(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    super::QueryParams(q): super::QueryParams<AlliesQuery>,
) -> Result<Response, ApiError> {
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    let filter = AllyFilter::parse(q.kind.as_deref()).or_api(&ctx)?;
    let v = s.app.allies(space.id, filter, paging).await.or_api(&ctx)?;
    let link = crate::paging::link_header(
        &v.allies,
        &format!("/api/v1/spaces/{}/allies", space.slug),
        &[("kind", q.kind.as_deref().unwrap_or(""))],
    );
    let kind = |k: Option<wspolnota_domain::org::OrgKind>| {
        k.map(|k| k.as_str()).unwrap_or("person").to_string()
    };
    let (page, per_page, next_page) = (
        v.allies.paging.page,
        v.allies.paging.per_page,
        v.allies.next_page(),
    );
    let body = AlliesDto {
        total: v.total,
        page,
        per_page,
        next_page,
        allies: v
            .allies
            .items
            .into_iter()
            .map(|a| AllyDto {
                kind: kind(a.org_kind),
                name: a.name,
                city: a.city,
                since: a.since.0,
            })
            .collect(),
        unlisted_persons: v.unlisted_persons,
        counts: v
            .counts
            .into_iter()
            .map(|(k, count)| KindCount {
                kind: kind(k),
                count,
            })
            .collect(),
    };
    Ok(paged_json(body, link))
}

#[derive(Deserialize, ToSchema)]
pub struct SignRequest {
    /// Sign for this organisation (one the caller represents); in one's own name when absent.
    #[serde(default, deserialize_with = "super::whole::option_i64")]
    pub on_behalf_of: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SignatureDto {
    pub id: i64,
    pub document_version: i64,
    pub on_behalf_of: Option<i64>,
    /// `active`, or `pending` when the space's admins approve new members.
    pub status: String,
    pub signed_at: i64,
}

#[utoipa::path(post, path = "/api/v1/spaces/{slug}/signatures", tag = "spaces",
    params(("slug" = String, Path, description = "The space's slug")),
    request_body = SignRequest,
    responses((status = 201, body = SignatureDto), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn sign(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    JsonBody(req): JsonBody<SignRequest>,
) -> Result<Response, ApiError> {
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_api(&ctx)?;
    let sig = s
        .app
        .sign(&subject, space.id, req.on_behalf_of.map(OrgId))
        .await
        .or_api(&ctx)?;
    let dto = SignatureDto {
        id: sig.id.0,
        document_version: sig.document_version,
        on_behalf_of: sig.org_id.map(|o| o.0),
        status: sig.status.as_str().into(),
        signed_at: sig.signed_at.0,
    };
    Ok((StatusCode::CREATED, Json(dto)).into_response())
}

#[utoipa::path(delete, path = "/api/v1/spaces/{slug}/signatures/{id}", tag = "spaces",
    params(("slug" = String, Path, description = "The space's slug"), ("id" = i64, Path, description = "The signature's id")),
    responses((status = 204, description = "Withdrawn; the signature stays in history as withdrawn"), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn withdraw(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::new(ctx.locale, wspolnota_app::AppError::NotFound))?;
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_api(&ctx)?;
    s.app
        .withdraw_signature(&subject, space.id, wspolnota_domain::ids::SignatureId(id))
        .await
        .or_api(&ctx)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/documents", tag = "spaces",
    params(("slug" = String, Path, description = "The space's slug")),
    responses((status = 200, description = "Every version of the founding document, newest first", body = [DocumentDto]), (status = 404, body = ErrorBody)))]
pub async fn documents(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Json<Vec<DocumentDto>>, ApiError> {
    let space = s.app.space_by_slug(&slug).await.or_api(&ctx)?;
    let docs = s.app.documents(space.id).await.or_api(&ctx)?;
    Ok(Json(
        docs.into_iter()
            .map(|d| DocumentDto {
                version: d.version,
                title: d.title,
                text_markdown: d.body_md,
                text_hash: d.text_hash,
                published_at: d.created_at.0,
            })
            .collect(),
    ))
}
