//! Operations endpoints: `/healthz` for load balancers and `/metrics` in the
//! Prometheus text format.

use crate::routes::Routes;
use crate::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
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

/// The id of one request: the one a trusted front sent, if it looks like an id, or a
/// fresh one. Every response carries it, and so does the log line of a failure, so a
/// person reporting a problem can point at the exact request.
#[derive(Clone, Debug)]
pub struct RequestId(pub String);

/// The error behind a 5xx answer, left by the error responders for the log line.
#[derive(Clone, Debug)]
pub struct FailureChain(pub String);

const REQUEST_ID: &str = "x-request-id";

fn fresh_request_id() -> String {
    use rand::RngCore;
    let mut b = [0u8; 8];
    rand::thread_rng().fill_bytes(&mut b);
    hex::encode(b)
}

pub async fn request_id(mut req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_string)
        .unwrap_or_else(fresh_request_id);
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    let mut res = next.run(req).await;
    if res.status().is_server_error() {
        let chain = res
            .extensions()
            .get::<FailureChain>()
            .map(|c| c.0.clone())
            .unwrap_or_default();
        tracing::error!(
            %method,
            %path,
            request_id = %id,
            status = res.status().as_u16(),
            error = %chain,
            "request failed"
        );
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(REQUEST_ID, v);
    }
    res
}

pub fn routes() -> Routes {
    Routes::new()
        .get("/healthz", healthz)
        .get("/metrics", metrics)
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
    let mut text = s.metrics.render();
    text.push_str(&format!(
        "# HELP wspolnota_hashing_slots_free Password hashing slots free now.\n\
         # TYPE wspolnota_hashing_slots_free gauge\n\
         wspolnota_hashing_slots_free {}\n",
        s.app.hashing_slots_free()
    ));
    if let Ok((queued, failed)) = s.app.mail_counts().await {
        text.push_str(&format!(
            "# HELP wspolnota_mail_queued Mails waiting to be sent.\n\
             # TYPE wspolnota_mail_queued gauge\n\
             wspolnota_mail_queued {queued}\n\
             # HELP wspolnota_mail_failed Mails given up on.\n\
             # TYPE wspolnota_mail_failed gauge\n\
             wspolnota_mail_failed {failed}\n"
        ));
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}
