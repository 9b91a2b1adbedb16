//! Server-rendered pages. Each page is one askama template struct; handlers parse,
//! call one use case and render.

mod account;
mod admin;
pub(crate) mod budget;
mod home;
pub mod layout;
mod modules;
mod my_data;
mod orgs;
mod publication;
mod spaces;
mod tokens;

use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use wspolnota_app::AppError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/jezyk", post(home::switch_language))
        .route("/static/style.css", get(home::stylesheet))
        .route("/static/ballot.js", get(home::ballot_script))
        .route("/wspolnoty/{slug}", get(spaces::space_page))
        .route("/wspolnoty/{slug}/sojusznicy", get(spaces::allies_page))
        .route(
            "/wspolnoty/{slug}/dokument",
            get(spaces::documents_page).post(spaces::publish),
        )
        .route("/wspolnoty/{slug}/podpisz", post(spaces::sign))
        .route(
            "/wspolnoty/{slug}/podpisy/{id}/wycofaj",
            post(spaces::withdraw),
        )
        .route(
            "/wspolnoty/{slug}/podpisy/{id}/decyzja",
            post(spaces::decide),
        )
        .route("/wspolnoty/{slug}/admin", get(spaces::admin_page))
        .route("/wspolnoty/{slug}/moduly", post(modules::switch))
        .route("/wspolnoty/{slug}/dziennik", get(spaces::audit_page))
        .route(
            "/konto/rejestracja",
            get(account::signup_page).post(account::signup),
        )
        .route(
            "/konto/potwierdz/{token}",
            get(account::confirm_page).post(account::confirm),
        )
        .route(
            "/konto/logowanie",
            get(account::login_page).post(account::login),
        )
        .route("/konto/wyloguj", post(account::logout))
        .route(
            "/konto/reset",
            get(account::reset_request_page).post(account::reset_request),
        )
        .route(
            "/konto/nowe-haslo/{token}",
            get(account::reset_page).post(account::reset),
        )
        .route(
            "/konto/profil",
            get(account::profile_page).post(account::profile_save),
        )
        .route("/konto/usun", post(account::delete))
        .route("/konto/tokeny", post(tokens::create))
        .route("/konto/tokeny/{id}/odwolaj", post(tokens::revoke))
        .route("/organizacje", get(orgs::list_page))
        .route("/organizacje/nowa", get(orgs::new_page).post(orgs::create))
        .route("/organizacje/{id}", get(orgs::org_page))
        .route("/organizacje/{id}/reprezentanci", post(orgs::grant))
        .route(
            "/organizacje/zaproszenie/{token}",
            get(orgs::invite_page).post(orgs::accept_invite),
        )
        .route(
            "/organizacje/{id}/reprezentanci/{user}/odbierz",
            post(orgs::revoke),
        )
        .route("/admin/skrzynka", get(admin::outbox_page))
        .route(
            "/admin/wspolnoty/nowa",
            get(admin::new_space).post(admin::create_space),
        )
        .merge(budget::routes())
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
