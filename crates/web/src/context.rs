//! The request context: who is asking (from the session cookie), in which
//! language, and the CSRF check every state-changing request passes first.
//!
//! API calls may instead carry a personal access token (`Authorization: Bearer`),
//! which names the person and limits them to the token's scopes; they need no CSRF
//! token, since no other site can make a browser send that header.
//!
//! CSRF uses a double-submit token: a random cookie, echoed by every form as a
//! hidden `csrf` field and by API clients as the `X-CSRF-Token` header. A cross-site
//! page can neither read the cookie nor set the header, so it cannot forge either.

use crate::cookies;
use crate::error::{ApiError, UiError};
use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use wspolnota_app::accounts::User;
use wspolnota_app::api_tokens::{self, TokenError};
use wspolnota_app::i18n::Locale;
use wspolnota_app::limits::Origin;
use wspolnota_app::{net, tokens, AppError};

/// Largest request body accepted: an image of a proposal (2 MiB) with its form.
pub const BODY_LIMIT: usize = 3 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct Ctx {
    pub locale: Locale,
    pub user: Option<Arc<User>>,
    /// The session secret from the cookie, when logged in.
    pub session: Option<String>,
    pub csrf: String,
    /// The path asked for, so the language switch can come back to it.
    pub path: String,
    /// Whether cookies must be `Secure` (the site runs on HTTPS).
    pub secure: bool,
    /// The client's address and device cookie, for the limits on logins and sign-ups.
    pub origin: Origin,
}

impl Ctx {
    pub fn user_id(&self) -> Option<wspolnota_domain::ids::UserId> {
        self.user.as_ref().map(|u| u.id)
    }
}

fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

fn valid_token(t: &str) -> bool {
    t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit())
}

pub async fn middleware(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let secure = state.app.config.base_url.starts_with("https://");
    let headers = req.headers();
    let client_ip = req
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|info| {
            net::client_ip(
                info.0.ip(),
                headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()),
                &state.app.config.limits.trusted_proxies,
            )
        });
    let device = cookies::get(headers, cookies::DEVICE, secure);
    // A script's personal access token, on the API only; it stands instead of the
    // session and the CSRF token.
    let bearer = is_api(&path)
        .then(|| headers.get(header::AUTHORIZATION))
        .flatten()
        .map(|v| {
            v.to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .unwrap_or("")
                .to_string()
        });
    let by_token = bearer.is_some();
    let session =
        cookies::get(headers, cookies::SESSION, secure).filter(|s| valid_token(s) && !by_token);
    let user = if let Some(token) = &bearer {
        let early_locale = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Locale::from_accept_language)
            .unwrap_or(Locale::Pl);
        match state.app.token_user(token).await {
            Ok((user, scopes)) => {
                let needed = api_tokens::required_scope(req.method().as_str(), &path);
                if !scopes.contains(&needed) {
                    return failure(&path, early_locale, TokenError::Scope.into());
                }
                Some(Arc::new(user))
            }
            Err(e) => return failure(&path, early_locale, e),
        }
    } else {
        match &session {
            Some(secret) => match state.app.session_user(secret).await {
                Ok(u) => u.map(Arc::new),
                Err(e) => return failure(&path, Locale::Pl, e),
            },
            None => None,
        }
    };
    let locale = user
        .as_ref()
        .and_then(|u| u.locale.as_deref())
        .and_then(Locale::parse)
        .or_else(|| {
            cookies::get(headers, cookies::LANG, secure)
                .as_deref()
                .and_then(Locale::parse)
        })
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::from_accept_language)
        })
        .unwrap_or(Locale::Pl);
    let existing_csrf = cookies::get(headers, cookies::CSRF, secure).filter(|t| valid_token(t));
    let csrf = existing_csrf.clone().unwrap_or_else(tokens::new_secret);
    let ctx = Ctx {
        locale,
        user,
        session,
        csrf: csrf.clone(),
        path: path.clone(),
        secure,
        origin: Origin {
            ip: client_ip,
            device,
        },
    };

    let unsafe_method =
        !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) && !by_token;
    let mut req = req;
    if unsafe_method {
        let multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let presented = if is_api(&path) {
            req.headers()
                .get("x-csrf-token")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        } else if multipart {
            // File uploads carry the token in the form's address, so the body (an image)
            // need not be read here.
            req.uri()
                .query()
                .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
                .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v))
        } else {
            let (parts, body) = req.into_parts();
            let bytes = match axum::body::to_bytes(body, BODY_LIMIT).await {
                Ok(b) => b,
                Err(_) => {
                    return failure(
                        &path,
                        locale,
                        AppError::Request(wspolnota_app::error::RequestError::Malformed),
                    )
                }
            };
            let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&bytes)
                .ok()
                .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "csrf").map(|(_, v)| v));
            req = Request::from_parts(parts, Body::from(bytes));
            token
        };
        let ok =
            matches!((&existing_csrf, &presented), (Some(a), Some(b)) if tokens::same_secret(a, b));
        if !ok {
            return if is_api(&path) {
                ApiError::new(
                    locale,
                    AppError::Request(wspolnota_app::error::RequestError::Csrf),
                )
                .into_response()
            } else {
                UiError::new(
                    &ctx,
                    AppError::Request(wspolnota_app::error::RequestError::Csrf),
                )
                .into_response()
            };
        }
    }
    req.extensions_mut().insert(ctx);
    let mut res = next.run(req).await;
    if existing_csrf.is_none() {
        if let Ok(v) =
            HeaderValue::from_str(&cookies::set(cookies::CSRF, &csrf, 30 * 86400, secure))
        {
            res.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    res
}

fn failure(path: &str, locale: Locale, e: AppError) -> Response {
    if is_api(path) {
        ApiError::new(locale, e).into_response()
    } else {
        let ctx = Ctx {
            locale,
            user: None,
            session: None,
            csrf: String::new(),
            path: path.to_string(),
            secure: false,
            origin: Origin::default(),
        };
        UiError::new(&ctx, e).into_response()
    }
}
