//! Routes declared once. Axum keeps its routing table to itself, so every route of the
//! site is added through [`Routes`], which builds the router and, from the very same
//! calls, the list of `(method, path pattern)` that the route × role test walks: a
//! route cannot be served without being listed.

use crate::AppState;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{delete, get, patch, post, put, MethodRouter};
use axum::Router;

/// A router under construction with the list of what it serves.
pub struct Routes {
    router: Router<AppState>,
    list: Vec<(Method, String)>,
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}

impl Routes {
    pub fn new() -> Routes {
        Routes {
            router: Router::new(),
            list: Vec::new(),
        }
    }

    fn add(mut self, method: Method, path: &'static str, route: MethodRouter<AppState>) -> Self {
        self.list.push((method, path.to_string()));
        // Axum merges a second method on a path already routed.
        self.router = self.router.route(path, route);
        self
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::GET, path, get(h))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::POST, path, post(h))
    }

    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::PUT, path, put(h))
    }

    pub fn patch<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::PATCH, path, patch(h))
    }

    pub fn delete<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, h: H) -> Self {
        self.add(Method::DELETE, path, delete(h))
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.list.extend(other.list);
        self.router = self.router.merge(other.router);
        self
    }

    pub fn nest(mut self, prefix: &'static str, other: Routes) -> Self {
        self.list.extend(
            other
                .list
                .into_iter()
                .map(|(m, p)| (m, format!("{prefix}{p}"))),
        );
        self.router = self.router.nest(prefix, other.router);
        self
    }

    /// What answers a path no route matches (not listed: it is not a route).
    pub fn fallback<H: Handler<T, AppState>, T: 'static>(mut self, h: H) -> Self {
        self.router = self.router.fallback(h);
        self
    }

    pub fn into_router(self) -> Router<AppState> {
        self.router
    }

    pub fn into_list(self) -> Vec<(Method, String)> {
        self.list
    }
}
