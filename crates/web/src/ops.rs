//! Operations endpoints: `/healthz` for load balancers and `/metrics` in the
//! Prometheus text format.

use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use std::sync::atomic::{AtomicU64, Ordering};

/// Request counters by status class and a latency histogram.
#[derive(Default)]
pub struct Metrics {
    by_class: [AtomicU64; 6],
    latency_buckets: [AtomicU64; LATENCY_BOUNDS_MS.len()],
    latency_sum_us: AtomicU64,
    latency_count: AtomicU64,
}

const LATENCY_BOUNDS_MS: [u64; 8] = [1, 5, 10, 25, 50, 100, 500, 2500];

impl Metrics {
    fn observe(&self, status: StatusCode, micros: u64) {
        let class = (status.as_u16() / 100) as usize;
        if let Some(c) = self.by_class.get(class) {
            c.fetch_add(1, Ordering::Relaxed);
        }
        for (i, bound) in LATENCY_BOUNDS_MS.iter().enumerate() {
            if micros <= bound * 1000 {
                self.latency_buckets[i].fetch_add(1, Ordering::Relaxed);
            }
        }
        self.latency_sum_us.fetch_add(micros, Ordering::Relaxed);
        self.latency_count.fetch_add(1, Ordering::Relaxed);
    }

    /// The Prometheus text exposition of the counters.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# HELP wspolnota_http_requests_total HTTP requests answered, by status class.\n\
             # TYPE wspolnota_http_requests_total counter\n",
        );
        for class in 1..=5 {
            out.push_str(&format!(
                "wspolnota_http_requests_total{{class=\"{class}xx\"}} {}\n",
                self.by_class[class].load(Ordering::Relaxed)
            ));
        }
        out.push_str(
            "# HELP wspolnota_http_request_duration_seconds Time to answer a request.\n\
             # TYPE wspolnota_http_request_duration_seconds histogram\n",
        );
        for (i, bound) in LATENCY_BOUNDS_MS.iter().enumerate() {
            out.push_str(&format!(
                "wspolnota_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n",
                *bound as f64 / 1000.0,
                self.latency_buckets[i].load(Ordering::Relaxed)
            ));
        }
        let count = self.latency_count.load(Ordering::Relaxed);
        out.push_str(&format!(
            "wspolnota_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}\n"
        ));
        out.push_str(&format!(
            "wspolnota_http_request_duration_seconds_sum {}\n",
            self.latency_sum_us.load(Ordering::Relaxed) as f64 / 1e6
        ));
        out.push_str(&format!(
            "wspolnota_http_request_duration_seconds_count {count}\n"
        ));
        out
    }
}

pub async fn count_requests(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let start = std::time::Instant::now();
    let res = next.run(req).await;
    s.metrics
        .observe(res.status(), start.elapsed().as_micros() as u64);
    res
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
}

async fn healthz(State(s): State<AppState>) -> Response {
    match s.app.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n").into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n").into_response()
        }
    }
}

async fn metrics(State(s): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        s.metrics.render(),
    )
        .into_response()
}
