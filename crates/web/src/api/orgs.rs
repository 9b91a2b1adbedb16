//! `/api/v1/organisations` and `/api/v1/me`.

use super::{JsonBody, OrApi};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use wspolnota_app::orgs::NewOrgForm;
use wspolnota_app::AppError;
use wspolnota_domain::ids::OrgId;

#[derive(Serialize, ToSchema)]
pub struct OrgDto {
    pub id: i64,
    pub name: String,
    /// `municipality`, `public_institution`, `ngo`, `cooperative`, `company` or `informal_group`.
    pub kind: String,
    pub city: Option<String>,
    pub krs: Option<String>,
    pub nip: Option<String>,
    pub regon: Option<String>,
}

impl From<wspolnota_app::orgs::Org> for OrgDto {
    fn from(o: wspolnota_app::orgs::Org) -> Self {
        OrgDto {
            id: o.id.0,
            name: o.name,
            kind: o.kind.as_str().into(),
            city: o.city,
            krs: o.krs,
            nip: o.nip,
            regon: o.regon,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct RepresentativeDto {
    pub user_id: i64,
    pub name: String,
    /// `admin` or `representative`.
    pub role: String,
}

#[derive(Serialize, ToSchema)]
pub struct OrgDetailDto {
    #[serde(flatten)]
    pub org: OrgDto,
    pub representatives: Vec<RepresentativeDto>,
}

#[utoipa::path(get, path = "/api/v1/organisations", tag = "organisations", params(super::spaces::PageQuery),
    responses((status = 200, body = [OrgDto], headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist"))),
        (status = 400, body = ErrorBody)))]
pub async fn list(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    super::QueryParams(q): super::QueryParams<super::spaces::PageQuery>,
) -> Result<Response, ApiError> {
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let page = s.app.orgs(paging).await.or_api(&ctx)?;
    let link = crate::paging::link_header(&page, "/api/v1/organisations", &[]);
    let body: Vec<OrgDto> = page.items.into_iter().map(OrgDto::from).collect();
    Ok(super::spaces::paged_json(body, link))
}

#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "organisations",
    params(("id" = i64, Path, description = "The organisation's id")),
    responses((status = 200, body = OrgDetailDto), (status = 404, body = ErrorBody)))]
pub async fn get_org(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Json<OrgDetailDto>, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::new(ctx.locale, AppError::NotFound))?;
    let (org, reps) = s.app.org(OrgId(id)).await.or_api(&ctx)?;
    Ok(Json(OrgDetailDto {
        org: org.into(),
        representatives: reps
            .into_iter()
            .map(|r| RepresentativeDto {
                user_id: r.user_id.0,
                name: r.display_name,
                role: r.role.as_str().into(),
            })
            .collect(),
    }))
}

/// The kinds of organisation, as the API names them.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[allow(dead_code)]
pub enum OrgKindName {
    Municipality,
    PublicInstitution,
    Ngo,
    Cooperative,
    Company,
    InformalGroup,
}

#[derive(Deserialize, ToSchema)]
pub struct NewOrgRequest {
    #[schema(min_length = 1, max_length = 120)]
    pub name: String,
    #[schema(value_type = OrgKindName)]
    pub kind: String,
    #[serde(default)]
    #[schema(max_length = 80)]
    pub city: String,
    /// The National Court Register number: 10 digits, or empty.
    #[serde(default)]
    #[schema(pattern = "^([0-9]{10})?$")]
    pub krs: String,
    /// The tax number: 10 digits with a valid check digit, or empty.
    #[serde(default)]
    #[schema(pattern = "^([0-9]{10})?$", format = "pl-nip")]
    pub nip: String,
    /// The statistical number: 9 or 14 digits with valid check digits, or empty.
    #[serde(default)]
    #[schema(pattern = "^([0-9]{9}|[0-9]{14})?$", format = "pl-regon")]
    pub regon: String,
}

#[utoipa::path(post, path = "/api/v1/organisations", tag = "organisations", request_body = NewOrgRequest,
    responses((status = 201, body = OrgDto), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    body: Result<JsonBody<NewOrgRequest>, ApiError>,
) -> Result<Response, ApiError> {
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_api(&ctx)?;
    // The body is read after the policy is asked, so a refusal comes first.
    wspolnota_app::authorise(
        &subject,
        wspolnota_domain::access::Action::CreateOrganisation,
    )
    .or_api(&ctx)?;
    let JsonBody(r) = body?;
    let form = NewOrgForm {
        name: r.name,
        kind: r.kind,
        city: r.city,
        krs: r.krs,
        nip: r.nip,
        regon: r.regon,
    };
    let id = s.app.create_org(&subject, form).await.or_api(&ctx)?;
    let (org, _) = s.app.org(id).await.or_api(&ctx)?;
    Ok((StatusCode::CREATED, Json(OrgDto::from(org))).into_response())
}

#[derive(Serialize, ToSchema)]
pub struct MeDto {
    pub id: i64,
    pub display_name: String,
    /// Visible only to the person themselves.
    pub email: Option<String>,
    pub city: Option<String>,
    pub list_publicly: bool,
    pub platform_admin: bool,
    pub organisations: Vec<MyOrgDto>,
}

#[derive(Serialize, ToSchema)]
pub struct MyOrgDto {
    pub id: i64,
    pub role: String,
}

#[utoipa::path(get, path = "/api/v1/me", tag = "account", responses((status = 200, body = MeDto), (status = 401, body = ErrorBody)))]
pub async fn me(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Json<MeDto>, ApiError> {
    let user = ctx
        .user
        .clone()
        .ok_or_else(|| ApiError::new(ctx.locale, AppError::LoginRequired))?;
    let subject = s.app.subject(Some(&user), None).await.or_api(&ctx)?;
    Ok(Json(MeDto {
        id: user.id.0,
        display_name: user.display_name.clone(),
        email: user.email.clone(),
        city: user.city.clone(),
        list_publicly: user.list_publicly,
        platform_admin: user.is_platform_admin,
        organisations: subject
            .org_roles
            .iter()
            .map(|(o, r)| MyOrgDto {
                id: o.0,
                role: r.as_str().into(),
            })
            .collect(),
    }))
}
