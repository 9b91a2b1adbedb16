//! The site as an attacker meets it, on both backends: parallel guesses, floods from
//! one address, a known device during a flood, busy hashing, security headers, HTTPS
//! cookies, CSRF rotation, open redirects, request ids.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, StatusCode};
use common::{Client, TestApp, PASSWORD};
use std::sync::Arc;
use wspolnota_app::limits::{Limit, Origin};
use wspolnota_app::net::Cidr;
use wspolnota_app::AppError;
use wspolnota_testkit::{on_both_backends, Backend};

async fn login(t: &TestApp, c: &mut Client, email: &str, password: &str) -> StatusCode {
    t.post_form(
        c,
        "/konto/logowanie",
        &[("email", email), ("password", password)],
    )
    .await
    .status
}

/// Twenty guesses at once for one address: the limit (5) lets exactly five be
/// checked, however they interleave.
async fn parallel_guesses_cannot_pass_the_limit(backend: Backend) {
    let t = Arc::new(TestApp::new(backend).await);
    t.user("cel@example.pl", "Cel", false).await;
    let mut tasks = Vec::new();
    for i in 0..20u8 {
        let t = t.clone();
        tasks.push(tokio::spawn(async move {
            let mut c = Client::new();
            // From many addresses, so only the per-address limit is in play.
            c.peer = std::net::SocketAddr::from(([198, 51, 100, i], 5000));
            login(&t, &mut c, "cel@example.pl", "zgadywane-haslo").await
        }));
    }
    let mut checked = 0;
    let mut limited = 0;
    for task in tasks {
        match task.await.unwrap() {
            StatusCode::UNAUTHORIZED => checked += 1,
            StatusCode::TOO_MANY_REQUESTS => limited += 1,
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((checked, limited), (5, 15));
}

/// A stranger floods an address; its owner, on a browser that logged in before, still
/// gets in, while a new browser is told to wait (with `Retry-After`).
async fn a_known_device_logs_in_during_a_flood(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("wlasciciel@example.pl", "Właściciel", false).await;
    let mut owner = Client::new();
    assert_eq!(
        login(&t, &mut owner, "wlasciciel@example.pl", PASSWORD).await,
        StatusCode::SEE_OTHER
    );
    assert!(owner.cookies.contains_key("wsp_device"));
    let mut stranger = Client::new();
    stranger.peer = std::net::SocketAddr::from(([203, 0, 113, 66], 1234));
    for _ in 0..10 {
        login(&t, &mut stranger, "wlasciciel@example.pl", "zle-haslo-123").await;
    }
    let r = t
        .post_form(
            &mut stranger,
            "/konto/logowanie",
            &[("email", "wlasciciel@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=15 * 60).contains(&retry), "{retry}");
    // The owner's device cookie is worth nothing for another flooded address.
    for _ in 0..6 {
        login(&t, &mut stranger, "inny@example.pl", "zle-haslo-123").await;
    }
    let mut thief = stranger.clone();
    thief
        .cookies
        .insert("wsp_device".into(), owner.cookies["wsp_device"].clone());
    assert_eq!(
        login(&t, &mut thief, "inny@example.pl", "zle-haslo-123").await,
        StatusCode::TOO_MANY_REQUESTS,
        "the device cookie belongs to one address"
    );
    let mut forged = Client::new();
    forged
        .cookies
        .insert("wsp_device".into(), "00".repeat(12) + ".ff");
    assert_eq!(
        login(&t, &mut forged, "wlasciciel@example.pl", PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "a forged device cookie counts as none"
    );
    assert_eq!(
        login(&t, &mut owner, "wlasciciel@example.pl", PASSWORD).await,
        StatusCode::SEE_OTHER,
        "the owner's known device is not locked out"
    );
}

/// One client address trying many accounts is slowed down; behind a trusted proxy the
/// address comes from `X-Forwarded-For`, which nobody else can forge.
async fn one_address_trying_many_accounts_is_limited(backend: Backend) {
    let t = TestApp::with_config(backend, |c| {
        c.limits.login_per_ip = Limit::new(3, 900);
        c.limits.trusted_proxies = vec![Cidr::parse("10.0.0.1").unwrap()];
    })
    .await;
    let mut c = Client::new();
    for i in 0..3 {
        let email = format!("k{i}@example.pl");
        assert_eq!(
            login(&t, &mut c, &email, "zle-haslo-123").await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login(&t, &mut c, "k9@example.pl", "zle-haslo-123").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Forging X-Forwarded-For from outside changes nothing.
    let forged = post_login_from(&t, &mut c, "6.6.6.6", "k10@example.pl").await;
    assert_eq!(forged, StatusCode::TOO_MANY_REQUESTS);
    // Behind the trusted proxy, each client is told apart by the header.
    let mut proxied = Client::new();
    proxied.peer = std::net::SocketAddr::from(([10, 0, 0, 1], 80));
    for i in 0..3 {
        let status = post_login_from(
            &t,
            &mut proxied,
            "198.51.100.20",
            &format!("p{i}@example.pl"),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(
        post_login_from(&t, &mut proxied, "198.51.100.20", "p9@example.pl").await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        post_login_from(&t, &mut proxied, "198.51.100.21", "p9@example.pl").await,
        StatusCode::UNAUTHORIZED,
        "another client behind the same proxy is not affected"
    );
}

async fn post_login_from(t: &TestApp, c: &mut Client, xff: &str, email: &str) -> StatusCode {
    let body = serde_urlencoded::to_string([
        ("csrf", c.csrf().as_str()),
        ("email", email),
        ("password", "zle-haslo-123"),
    ])
    .unwrap();
    let cookie = c
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let req = axum::http::Request::post("/konto/logowanie")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", xff)
        .body(axum::body::Body::from(body))
        .unwrap();
    t.send(c, req).await.status
}

/// Sign-ups and reset requests from one address are limited; the answer says when
/// to come back and nothing is written.
async fn sign_ups_and_resets_are_limited_per_address(backend: Backend) {
    let t = TestApp::with_config(backend, |c| {
        c.limits.signup_per_ip = Limit::new(2, 3600);
        c.limits.reset_per_ip = Limit::new(2, 3600);
    })
    .await;
    let mut c = Client::new();
    for i in 0..2 {
        let email = format!("n{i}@example.pl");
        let r = t
            .post_form(
                &mut c,
                "/konto/rejestracja",
                &[
                    ("email", &email),
                    ("password", PASSWORD),
                    ("display_name", "N"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let users = t.count("users").await;
    let r = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "n9@example.pl"),
                ("password", PASSWORD),
                ("display_name", "N"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    assert!(r.body.contains("Za dużo prób"), "{}", r.body);
    assert_eq!(t.count("users").await, users);
    for _ in 0..2 {
        let r = t
            .post_form(&mut c, "/konto/reset", &[("email", "n0@example.pl")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let r = t
        .post_form(&mut c, "/konto/reset", &[("email", "n0@example.pl")])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // Past the window, the address may ask again.
    t.clock.advance(3601);
    let r = t
        .post_form(&mut c, "/konto/reset", &[("email", "n0@example.pl")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

/// With every hashing slot taken, a login is answered 503 at once instead of queuing
/// another 19 MiB hash; the site itself keeps answering.
async fn busy_hashing_answers_503(backend: Backend) {
    let t = Arc::new(
        TestApp::with_config(backend, |c| {
            c.hashing_slots = 1;
            c.hashing_wait_ms = 0;
            // Costly enough that the first hash is still running when the second asks.
            c.password_cost.memory_kib = 64 * 1024;
            c.password_cost.iterations = 4;
        })
        .await,
    );
    let first = {
        let app = t.app.clone();
        tokio::spawn(async move {
            app.log_in("ktos@example.pl", "jakies-haslo-1", &Origin::default())
                .await
        })
    };
    while t.app.hashing_slots_free() > 0 {
        tokio::task::yield_now().await;
    }
    let mut c = Client::new();
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "ktos@example.pl"), ("password", "inne-haslo-12")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.headers.contains_key(header::RETRY_AFTER));
    assert!(r.body.contains("Spróbuj ponownie za chwilę"), "{}", r.body);
    let page = t.get(&mut c, "/").await;
    assert_eq!(page.status, StatusCode::OK, "the rest of the site answers");
    assert!(matches!(first.await.unwrap(), Err(AppError::Account(_))));
    assert_eq!(t.app.hashing_slots_free(), 1);
}

/// A made-up reset token is refused before any password is hashed.
async fn reset_tokens_are_checked_before_hashing(backend: Backend) {
    let t = TestApp::with_config(backend, |c| {
        c.hashing_slots = 1;
        c.hashing_wait_ms = 0;
    })
    .await;
    let mut c = Client::new();
    let fake = format!("/konto/nowe-haslo/{}", "1".repeat(64));
    let r = t.get(&mut c, &fake).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .post_form(&mut c, &fake, &[("password", "nowe-dlugie-haslo")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

fn header_of<'a>(r: &'a common::Resp, name: &str) -> &'a str {
    r.headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

/// Every answer, page, API, error or asset, carries the security headers and a
/// request id; dynamic answers are not cached.
async fn every_answer_carries_the_security_headers(backend: Backend) {
    let t = TestApp::new(backend).await;
    let mut c = Client::new();
    for path in [
        "/",
        "/konto/logowanie",
        "/api/v1/spaces",
        "/nie-ma-takiej-strony",
        "/api/v1/nie-ma",
        "/static/style.css",
    ] {
        let r = t.get(&mut c, path).await;
        let csp = header_of(&r, "content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert_eq!(header_of(&r, "x-content-type-options"), "nosniff", "{path}");
        assert_eq!(header_of(&r, "referrer-policy"), "no-referrer", "{path}");
        assert_eq!(header_of(&r, "x-frame-options"), "DENY", "{path}");
        assert_eq!(
            header_of(&r, "strict-transport-security"),
            "",
            "{path}: not on http"
        );
        assert_eq!(header_of(&r, "x-request-id").len(), 16, "{path}");
        let cache = header_of(&r, "cache-control");
        if path.starts_with("/static/") {
            assert!(cache.starts_with("public"), "{path}: {cache}");
        } else {
            assert_eq!(cache, "no-store", "{path}");
        }
    }
    // A refused form answer carries them as well.
    let r = t
        .post_raw_form(&mut c, "/konto/logowanie", &[("email", "x")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(header_of(&r, "content-security-policy").contains("frame-ancestors"));
    // A request id sent by a front is kept; a hostile one is replaced.
    let req = axum::http::Request::get("/")
        .header("x-request-id", "lb-1234")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(
        header_of(&t.send(&mut c, req).await, "x-request-id"),
        "lb-1234"
    );
    let req = axum::http::Request::get("/")
        .header("x-request-id", "a b<script>")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_ne!(
        header_of(&t.send(&mut c, req).await, "x-request-id"),
        "a b<script>"
    );
}

/// On HTTPS: HSTS, and every cookie `Secure` and `__Host-` prefixed; the login sets a
/// new CSRF token.
async fn https_cookies_and_csrf_rotation(backend: Backend) {
    let t = TestApp::with_config(backend, |c| c.base_url = "https://miasto.example".into()).await;
    t.user("https@example.pl", "Https", false).await;
    let mut c = Client::new();
    c.cookies.clear();
    let r = t.get(&mut c, "/konto/logowanie").await;
    assert!(header_of(&r, "strict-transport-security").contains("max-age="));
    let set: Vec<String> = r
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .collect();
    assert!(!set.is_empty());
    for cookie in &set {
        assert!(cookie.starts_with("__Host-"), "{cookie}");
        assert!(cookie.contains("; Secure"), "{cookie}");
    }
    let before = c.cookies["__Host-wsp_csrf"].clone();
    let body = serde_urlencoded::to_string([
        ("csrf", before.as_str()),
        ("email", "https@example.pl"),
        ("password", PASSWORD),
    ])
    .unwrap();
    let cookie = format!("__Host-wsp_csrf={before}");
    let req = axum::http::Request::post("/konto/logowanie")
        .header(header::COOKIE, cookie)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(body))
        .unwrap();
    let r = t.send(&mut c, req).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let after = c.cookies["__Host-wsp_csrf"].clone();
    assert_ne!(before, after, "the CSRF token is rotated at login");
    assert!(c.cookies.contains_key("__Host-wsp_session"));
    // An unprefixed session cookie (planted by a neighbouring subdomain) is ignored.
    let session = c.cookies["__Host-wsp_session"].clone();
    let mut planted = Client::new();
    planted.cookies.insert("wsp_session".into(), session);
    let r = t.get(&mut planted, "/api/v1/me").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

/// The language switch goes back only to paths of this site.
async fn no_open_redirect(backend: Backend) {
    let t = TestApp::new(backend).await;
    let mut c = Client::new();
    for (back, expected) in [
        ("/wspolnoty/konin", "/wspolnoty/konin"),
        ("/\\evil.example", "/"),
        ("//evil.example", "/"),
        ("https://evil.example", "/"),
        ("/\\/evil.example", "/"),
    ] {
        let r = t
            .post_form(&mut c, "/jezyk", &[("lang", "en"), ("back", back)])
            .await;
        assert_eq!(r.location(), expected, "{back}");
    }
}

on_both_backends!(
    parallel_guesses_cannot_pass_the_limit,
    a_known_device_logs_in_during_a_flood,
    one_address_trying_many_accounts_is_limited,
    sign_ups_and_resets_are_limited_per_address,
    busy_hashing_answers_503,
    reset_tokens_are_checked_before_hashing,
    every_answer_carries_the_security_headers,
    https_cookies_and_csrf_rotation,
    no_open_redirect
);

/// The clean-up job deletes expired sessions, dead e-mail tokens and finished rate
/// windows, and nothing still in use.
async fn the_clean_up_forgets_only_what_no_one_can_use(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("sprzatanie@example.pl", "Sprzątanie", false).await;
    let mut c = Client::new();
    login(&t, &mut c, "sprzatanie@example.pl", "zle-haslo-123").await;
    t.post_form(
        &mut c,
        "/konto/reset",
        &[("email", "sprzatanie@example.pl")],
    )
    .await;
    let _live = t.login("sprzatanie@example.pl").await;
    let before = (
        t.count("sessions").await,
        t.count("email_tokens").await,
        t.count("rate_counters").await,
    );
    assert!(
        before.0 >= 1 && before.1 >= 1 && before.2 >= 1,
        "{before:?}"
    );
    assert_eq!(t.app.clean_up().await.unwrap(), 0, "all still in use");
    // Past every window, token expiry and session lifetime.
    t.clock.advance(15 * 86400);
    assert!(t.app.clean_up().await.unwrap() >= 3);
    assert_eq!(
        (
            t.count("sessions").await,
            t.count("email_tokens").await,
            t.count("rate_counters").await
        ),
        (0, 0, 0)
    );
}

on_both_backends!(the_clean_up_forgets_only_what_no_one_can_use);

/// A body must be the JSON object the schema describes: an array or a bare value is
/// refused, though serde alone would read a struct from an array.
async fn only_json_objects_are_bodies(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("json@example.pl", "Json", false).await;
    let mut c = t.login("json@example.pl").await;
    for body in ["[]", r#"["Fundacja", "ngo"]"#, "null", "\"x\"", "7"] {
        let r = t.post_json(&mut c, "/api/v1/organisations", body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(r.json()["error"], "request.malformed");
    }
    assert_eq!(t.count("organisations").await, 0);
    let r = t
        .post_json(
            &mut c,
            "/api/v1/organisations",
            r#"{"name":"Fundacja","kind":"ngo"}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
}

on_both_backends!(only_json_objects_are_bodies);
