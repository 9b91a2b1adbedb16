//! Server-rendered pages. Each page is one askama template struct; handlers parse,
//! call one use case and render.

mod account;
mod admin;
mod assembly;
pub(crate) mod budget;
mod coop;
mod home;
pub mod layout;
mod modules;
mod my_data;
mod orgs;
mod publication;
mod spaces;
mod tokens;
pub(crate) mod upload;

use crate::error::UiError;
use crate::routes::Routes;
use crate::Ctx;
use askama::Template;
use axum::response::{Html, IntoResponse, Redirect, Response};
use wspolnota_app::AppError;

pub fn routes() -> Routes {
    Routes::new()
        .get("/", home::home)
        .post("/jezyk", home::switch_language)
        .get("/static/style.css", home::stylesheet)
        .get("/static/ballot.js", home::ballot_script)
        .get("/wspolnoty/{slug}", spaces::space_page)
        .get("/wspolnoty/{slug}/sojusznicy", spaces::allies_page)
        .get("/wspolnoty/{slug}/dokument", spaces::documents_page)
        .post("/wspolnoty/{slug}/dokument", spaces::publish)
        .post("/wspolnoty/{slug}/podpisz", spaces::sign)
        .post("/wspolnoty/{slug}/podpisy/{id}/wycofaj", spaces::withdraw)
        .post("/wspolnoty/{slug}/podpisy/{id}/decyzja", spaces::decide)
        .get("/wspolnoty/{slug}/admin", spaces::admin_page)
        .post("/wspolnoty/{slug}/moduly", modules::switch)
        .get("/wspolnoty/{slug}/dziennik", spaces::audit_page)
        .get("/konto/rejestracja", account::signup_page)
        .post("/konto/rejestracja", account::signup)
        .get("/konto/potwierdz/{token}", account::confirm_page)
        .post("/konto/potwierdz/{token}", account::confirm)
        .get("/konto/logowanie", account::login_page)
        .post("/konto/logowanie", account::login)
        .post("/konto/wyloguj", account::logout)
        .get("/konto/reset", account::reset_request_page)
        .post("/konto/reset", account::reset_request)
        .get("/konto/nowe-haslo/{token}", account::reset_page)
        .post("/konto/nowe-haslo/{token}", account::reset)
        .get("/konto/profil", account::profile_page)
        .post("/konto/profil", account::profile_save)
        .post("/konto/usun", account::delete)
        .post("/konto/tokeny", tokens::create)
        .post("/konto/tokeny/{id}/odwolaj", tokens::revoke)
        .get("/organizacje", orgs::list_page)
        .get("/organizacje/nowa", orgs::new_page)
        .post("/organizacje/nowa", orgs::create)
        .get("/organizacje/{id}", orgs::org_page)
        .post("/organizacje/{id}/reprezentanci", orgs::grant)
        .get("/organizacje/zaproszenie/{token}", orgs::invite_page)
        .post("/organizacje/zaproszenie/{token}", orgs::accept_invite)
        .post(
            "/organizacje/{id}/reprezentanci/{user}/odbierz",
            orgs::revoke,
        )
        .get("/admin/skrzynka", admin::outbox_page)
        .get("/admin/wspolnoty/nowa", admin::new_space)
        .post("/admin/wspolnoty/nowa", admin::create_space)
        .merge(budget::routes())
        .merge(coop::routes())
        .merge(assembly::routes())
        .merge(publication::routes())
        .merge(my_data::routes())
        .fallback(not_found)
}

async fn not_found(axum::Extension(ctx): axum::Extension<Ctx>) -> Response {
    UiError::new(&ctx, AppError::NotFound).into_response()
}

/// Renders a page template.
pub(crate) fn render(ctx: &Ctx, t: impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => UiError::new(ctx, AppError::Internal(format!("template: {e}"))).into_response(),
    }
}

/// A file to save (a PDF, a CSV), under `name`.
pub(crate) fn download(content_type: &'static str, name: String, body: Vec<u8>) -> Response {
    download_typed(content_type.to_string(), name, body)
}

/// A stored file whose type was told from its bytes when it came in.
pub(crate) fn download_typed(content_type: String, name: String, body: Vec<u8>) -> Response {
    (
        [
            (axum::http::header::CONTENT_TYPE, content_type),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// Redirect after a successful POST, with a notice to show.
pub(crate) fn see_other(path: &str, notice: &str) -> Response {
    let sep = if path.contains('?') { '&' } else { '?' };
    Redirect::to(&format!("{path}{sep}ok={notice}")).into_response()
}

/// `?ok=` on a page after a redirect.
#[derive(serde::Deserialize, Default)]
pub(crate) struct Notice {
    pub ok: Option<String>,
}

/// Lets a handler write `result.or_page(&ctx)?`.
pub(crate) trait OrPage<T> {
    fn or_page(self, ctx: &Ctx) -> Result<T, UiError>;
}

impl<T> OrPage<T> for Result<T, AppError> {
    fn or_page(self, ctx: &Ctx) -> Result<T, UiError> {
        self.map_err(|e| UiError::new(ctx, e))
    }
}

/// One line of an audit log as shown on a page.
pub struct AuditRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub before: String,
    pub after: String,
}

pub(crate) fn audit_rows(
    page: &layout::Page,
    entries: Vec<wspolnota_app::spaces::AuditEntry>,
) -> Vec<AuditRow> {
    entries
        .into_iter()
        .map(|e| AuditRow {
            when: page.datetime(e.at.0),
            who: e.actor_name.unwrap_or_default(),
            what: e.action,
            before: e.before.unwrap_or_default(),
            after: e.after.unwrap_or_default(),
        })
        .collect()
}
