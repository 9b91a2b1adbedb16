//! The home page, the language switch and the stylesheet.

use super::layout::Page;
use super::{render, Notice, OrPage};
use crate::cookies;
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use wspolnota_app::i18n::Locale;

pub struct SpaceCard {
    pub slug: String,
    pub name: String,
    pub kind: String,
    pub place: String,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    spaces: Vec<SpaceCard>,
}

pub async fn home(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let spaces = s.app.spaces().await.or_page(&ctx)?;
    let cards = spaces
        .into_iter()
        .map(|sp| SpaceCard {
            kind: ctx.locale.t(&format!("kind-{}", sp.kind.as_str())),
            place: [sp.city.unwrap_or_default(), sp.region.unwrap_or_default()]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            slug: sp.slug,
            name: sp.name,
        })
        .collect();
    let page = Page::new(&ctx, ctx.locale.t("home-title")).with_notice(n.ok.as_deref());
    Ok(render(
        &ctx,
        HomePage {
            page,
            spaces: cards,
        },
    ))
}

#[derive(serde::Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Remembers the chosen language (cookie, and the account when logged in) and goes back.
pub async fn switch_language(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<LanguageForm>,
) -> Result<Response, UiError> {
    let locale = Locale::parse(&f.lang).unwrap_or(Locale::Pl);
    if let Some(user) = ctx.user_id() {
        s.app.set_locale(user, locale.code()).await.or_page(&ctx)?;
    }
    let back = if same_site_path(&f.back) {
        f.back
    } else {
        "/".into()
    };
    let mut res = Redirect::to(&back).into_response();
    if let Ok(v) = cookies::set(cookies::LANG, locale.code(), 365 * 86400, ctx.secure).parse() {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(res)
}

/// A path on this site, so a redirect to it cannot send people elsewhere. Browsers
/// read `\\` as `/`, so `/\\evil.example` would leave the site like `//evil.example`.
pub fn same_site_path(p: &str) -> bool {
    let mut chars = p.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/') | Some('\\'))
        && !p
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace())
}

pub async fn ballot_script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/ballot.js"),
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/style.css"),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::same_site_path;

    #[test]
    fn only_paths_of_this_site_are_followed() {
        assert!(same_site_path("/wspolnoty/konin?x=1"));
        assert!(same_site_path("/"));
        for evil in [
            "//evil.example",
            "/\\evil.example",
            "/\\/evil.example",
            "https://evil.example",
            "",
            "/\tevil",
            "/a\\b",
            "evil",
        ] {
            assert!(!same_site_path(evil), "{evil:?}");
        }
    }
}
