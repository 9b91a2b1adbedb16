//! The JSON API under `/api/v1`. Same use cases and permission rules as the
//! pages; errors are `{ "error": code, "message": localised }` with a 4xx status.
//! Callers are anonymous, logged in with the session cookie (whose state-changing
//! calls need the `X-CSRF-Token` header with the value of the `wsp_csrf` cookie, like
//! every form of the site), or scripts with a personal access token
//! (`Authorization: Bearer`), limited to its scopes.

mod assembly;
mod budget;
mod coop;
mod orgs;
mod spaces;
mod whole;

use crate::error::ApiError;
use crate::routes::Routes;
use crate::Ctx;
use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use axum::Json;
use utoipa::OpenApi;
use wspolnota_app::AppError;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Wspólnota API",
        version = "1",
        description = "Spaces, organisations, declarations, participatory budgets and development cooperatives of Wspólnota."
    ),
    paths(
        spaces::list,
        spaces::get_space,
        spaces::allies,
        spaces::sign,
        spaces::withdraw,
        spaces::documents,
        orgs::list,
        orgs::get_org,
        orgs::create,
        orgs::me,
        budget::get_round,
        budget::proposals,
        budget::submit,
        budget::residence,
        budget::ballot,
        budget::results,
        budget::count,
        budget::receipt,
        coop::members::list,
        coop::members::get_member,
        coop::members::put_entry,
        coop::members::delete_entry,
        coop::declarations::list,
        coop::declarations::get_declaration,
        coop::declarations::declare,
        coop::declarations::decide,
        coop::shares::ledger,
        coop::shares::pay,
        coop::invest::investments,
        coop::invest::assets,
        assembly::bodies,
        assembly::assemblies
    ),
    components(schemas(crate::error::ErrorBody)),
    modifiers(&Credentials, &CommonErrors)
)]
pub struct ApiDoc;

/// The answers every operation can give besides its own: documented on each, so a
/// client (and the schema checker in `scripts/test`) knows every status it may meet.
struct CommonErrors;

const COMMON_ERRORS: &[(&str, &str)] = &[
    (
        "400",
        "The request could not be read: a body that is not the JSON described, or a path \
         or query parameter of the wrong form (`request.malformed`).",
    ),
    (
        "401",
        "Not logged in (`auth.login_required`), or the API token is unknown or revoked \
         (`auth.token_invalid`).",
    ),
    (
        "403",
        "Refused: the permission policy (`auth.forbidden`), a missing or wrong CSRF token \
         on a write with the session cookie (`auth.csrf`), or a token without the scope \
         (`auth.token_scope`).",
    ),
    ("404", "No such resource (`not_found`)."),
    (
        "503",
        "The database is unavailable for a moment (`service.unavailable`) or the server is \
         busy (`service.busy`); `Retry-After` says when to come back.",
    ),
];

impl utoipa::Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        for item in openapi.paths.paths.values_mut() {
            for op in [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                for (status, description) in COMMON_ERRORS {
                    if op.responses.responses.contains_key(*status) {
                        continue;
                    }
                    let response = ResponseBuilder::new()
                        .description(*description)
                        .content(
                            "application/json",
                            ContentBuilder::new()
                                .schema(Some(Ref::from_schema_name("ErrorBody")))
                                .build(),
                        )
                        .build();
                    op.responses
                        .responses
                        .insert(status.to_string(), response.into());
                }
            }
        }
    }
}

/// The two ways to call the API as someone: a personal access token, or the
/// browser's session cookie (whose writes also need the `X-CSRF-Token` header).
struct Credentials;

impl utoipa::Modify for Credentials {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token made on the profile page (`wsp_…`), with the \
                         scopes `read` (every GET, checking a receipt), `vote` (residence and \
                         ballots) and `manage` (every other change). No CSRF header is needed.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "wsp_session",
                "The browser's login session; writes also need the `X-CSRF-Token` header \
                 with the value of the `wsp_csrf` cookie.",
            ))),
        );
        openapi.security = Some(vec![
            SecurityRequirement::default(),
            SecurityRequirement::new("token", ["read", "vote", "manage"]),
            SecurityRequirement::new::<_, _, &str>("session", []),
        ]);
    }
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/spaces", spaces::list)
        .get("/spaces/{slug}", spaces::get_space)
        .get("/spaces/{slug}/allies", spaces::allies)
        .post("/spaces/{slug}/signatures", spaces::sign)
        .delete("/spaces/{slug}/signatures/{id}", spaces::withdraw)
        .get("/spaces/{slug}/documents", spaces::documents)
        .get("/spaces/{slug}/members", coop::members::list)
        .get("/spaces/{slug}/members/{number}", coop::members::get_member)
        .put(
            "/spaces/{slug}/members/{number}/entries/{id}",
            coop::members::put_entry,
        )
        .delete(
            "/spaces/{slug}/members/{number}/entries/{id}",
            coop::members::delete_entry,
        )
        .post(
            "/spaces/{slug}/members/{number}/payments",
            coop::shares::pay,
        )
        .get("/spaces/{slug}/declarations", coop::declarations::list)
        .post("/spaces/{slug}/declarations", coop::declarations::declare)
        .get(
            "/spaces/{slug}/declarations/{id}",
            coop::declarations::get_declaration,
        )
        .post(
            "/spaces/{slug}/declarations/{id}/decision",
            coop::declarations::decide,
        )
        .get("/spaces/{slug}/shares", coop::shares::ledger)
        .get("/spaces/{slug}/investments", coop::invest::investments)
        .get("/spaces/{slug}/assets", coop::invest::assets)
        .get("/spaces/{slug}/bodies", assembly::bodies)
        .get("/spaces/{slug}/assemblies", assembly::assemblies)
        .get("/organisations", orgs::list)
        .post("/organisations", orgs::create)
        .get("/organisations/{id}", orgs::get_org)
        .get("/me", orgs::me)
        .get("/budget/rounds/{id}", budget::get_round)
        .get("/budget/rounds/{id}/proposals", budget::proposals)
        .post("/budget/rounds/{id}/proposals", budget::submit)
        .put("/budget/rounds/{id}/residence", budget::residence)
        .post("/budget/rounds/{id}/pools/{pool}/ballots", budget::ballot)
        .get("/budget/rounds/{id}/results", budget::results)
        .post("/budget/rounds/{id}/count", budget::count)
        .post("/budget/rounds/{id}/pools/{pool}/receipt", budget::receipt)
        .get("/openapi.json", openapi)
        .fallback(not_found)
}

async fn openapi() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

async fn not_found(axum::Extension(ctx): axum::Extension<Ctx>) -> Response {
    ApiError::new(ctx.locale, AppError::NotFound).into_response()
}

/// Query parameters whose parse errors (a repeated parameter, say) answer in the API's
/// error format rather than as plain text.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequestParts<S>
    for QueryParams<T>
{
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        let locale = parts
            .extensions
            .get::<Ctx>()
            .map(|c| c.locale)
            .unwrap_or(wspolnota_app::i18n::Locale::Pl);
        serde_urlencoded::from_str(parts.uri.query().unwrap_or(""))
            .map(QueryParams)
            .map_err(|_| {
                ApiError::new(
                    locale,
                    AppError::Request(wspolnota_app::error::RequestError::Malformed),
                )
            })
    }
}

/// A JSON body whose parse errors answer in the API's error format.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let locale = req
            .extensions()
            .get::<Ctx>()
            .map(|c| c.locale)
            .unwrap_or(wspolnota_app::i18n::Locale::Pl);
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| {
                ApiError::new(
                    locale,
                    AppError::Request(wspolnota_app::error::RequestError::Malformed),
                )
            })?;
        let malformed = || {
            ApiError::new(
                locale,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            )
        };
        // Every body is a JSON object; serde would also read a struct from an array.
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|_| malformed())?;
        if !value.is_object() {
            return Err(malformed());
        }
        serde_json::from_value(value)
            .map(JsonBody)
            .map_err(|_| malformed())
    }
}

/// Lets a handler write `result.or_api(&ctx)?`.
pub(crate) trait OrApi<T> {
    fn or_api(self, ctx: &Ctx) -> Result<T, ApiError>;
}

impl<T> OrApi<T> for Result<T, AppError> {
    fn or_api(self, ctx: &Ctx) -> Result<T, ApiError> {
        self.map_err(|e| ApiError::new(ctx.locale, e))
    }
}
