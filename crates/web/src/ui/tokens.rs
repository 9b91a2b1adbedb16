//! Personal access tokens on the profile page: made (and shown once) and revoked.

use super::layout::Page;
use super::{render, see_other, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Extension;
use wspolnota_app::api_tokens::{parse_scopes, ApiToken, Scope};
use wspolnota_app::AppError;

/// A token as the profile lists it.
pub struct TokenLine {
    pub id: i64,
    pub name: String,
    pub scopes: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked: bool,
}

pub fn lines(page: &Page, tokens: Vec<ApiToken>) -> Vec<TokenLine> {
    tokens
        .into_iter()
        .map(|t| TokenLine {
            id: t.id,
            scopes: parse_scopes(&t.scopes)
                .iter()
                .map(|s| page.t(&format!("tokens-scope-{}", s.as_str())))
                .collect::<Vec<_>>()
                .join(", "),
            name: t.name,
            created_at: t.created_at.0,
            last_used_at: t.last_used_at.map(|t| t.0),
            revoked: t.revoked,
        })
        .collect()
}

/// The form's fields: a name and one checkbox per scope, read as pairs so that any
/// number of boxes can be ticked.
fn read_form(pairs: &[(String, String)]) -> (String, Vec<Scope>) {
    let name = pairs
        .iter()
        .find(|(k, _)| k == "name")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let scopes = pairs
        .iter()
        .filter(|(k, _)| k == "scope")
        .filter_map(|(_, v)| Scope::parse(v))
        .collect();
    (name, scopes)
}

#[derive(Template)]
#[template(path = "token_new.html")]
struct NewTokenPage {
    page: Page,
    name: String,
    secret: String,
}

pub async fn create(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    body: axum::body::Bytes,
) -> Result<Response, UiError> {
    let user = ctx
        .user_id()
        .ok_or_else(|| UiError::new(&ctx, AppError::LoginRequired))?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let (name, scopes) = read_form(&pairs);
    let token = s
        .app
        .create_api_token(user, &name, &scopes)
        .await
        .or_page(&ctx)?;
    Ok(render(
        &ctx,
        NewTokenPage {
            page: Page::new(&ctx, ctx.locale.t("tokens-new-title")),
            name: name.trim().to_string(),
            secret: token.secret,
        },
    ))
}

pub async fn revoke(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, UiError> {
    let user = ctx
        .user_id()
        .ok_or_else(|| UiError::new(&ctx, AppError::LoginRequired))?;
    let id = super::budget::parse_id(&ctx, &id)?;
    s.app.revoke_api_token(user, id).await.or_page(&ctx)?;
    Ok(see_other("/konto/profil", "tokens-revoked-done"))
}
