//! The HTTP face of Wspólnota: server-rendered pages (Polish first, English
//! second, working without JavaScript) and the JSON API under `/api/v1`.

pub mod api;
mod context;
mod cookies;
mod error;
pub mod ops;
mod paging;
pub mod routes;
mod security;
pub mod ui;

use axum::Router;
use std::sync::Arc;
use wspolnota_app::App;

pub use context::Ctx;
pub use ops::Metrics;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
    pub metrics: Arc<Metrics>,
}

fn site() -> routes::Routes {
    routes::Routes::new()
        .merge(ui::routes())
        .nest("/api/v1", api::routes())
        .merge(ops::routes())
}

/// Every route the site serves, as `(method, path pattern)`, from the same
/// declarations that build [`router`].
pub fn route_list() -> Vec<(axum::http::Method, String)> {
    site().into_list()
}

/// The whole site: pages, API, operations endpoints, with the request context
/// (session, language, CSRF check) in front of everything.
pub fn router(app: Arc<App>) -> Router {
    let state = AppState {
        app,
        metrics: Arc::new(Metrics::default()),
    };
    site()
        .into_router()
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            context::middleware,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            ops::count_requests,
        ))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            context::BODY_LIMIT,
        ))
        // The extractors' own limit (2 MB by default) would refuse an image before the
        // use case could say why; one limit for all.
        .layer(axum::extract::DefaultBodyLimit::max(context::BODY_LIMIT))
        // A request that takes longer than this is stuck; answer 408 and free the worker.
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(30),
        ))
        // A panic in a handler is answered 500 (and logged below), never a dropped
        // connection.
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        // Outside the limits and the timeout, so their answers carry the headers too.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(axum::middleware::from_fn(ops::request_id))
        // One span per request (method, path, status, latency) at DEBUG, so the
        // default INFO level costs nothing on the hot path.
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(
                    tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::DEBUG),
                )
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::DEBUG),
                ),
        )
        .with_state(state)
}

pub use error::message_id as error_message_id;
