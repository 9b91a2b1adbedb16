//! Personal access tokens, on both backends: made on the profile page and shown once,
//! stored hashed, used as `Authorization: Bearer` without CSRF, limited to their
//! scopes, refused when wrong or revoked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Client, Resp, TestApp, PASSWORD};
use wspolnota_testkit::{on_both_backends, Backend};

/// Makes a token on the profile page and returns its secret, read off the page.
async fn make_token(t: &TestApp, c: &mut Client, name: &str, scopes: &[&str]) -> String {
    let mut fields = vec![("name", name)];
    fields.extend(scopes.iter().map(|s| ("scope", *s)));
    let r = t.post_form(c, "/konto/tokeny", &fields).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    let start = r.body.find("value=\"wsp_").expect("the token is shown") + 7;
    r.body[start..start + 68].to_string()
}

async fn call(t: &TestApp, method: &str, path: &str, token: &str, body: Option<&str>) -> Resp {
    let mut nobody = Client::new();
    nobody.cookies.clear();
    let mut req = Request::builder()
        .method(method)
        .uri(path)
        .header(header::AUTHORIZATION, format!("Bearer {token}"));
    if body.is_some() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let req = req
        .body(body.map(|b| Body::from(b.to_string())).unwrap_or_default())
        .unwrap();
    t.send(&mut nobody, req).await
}

const NEW_ORG: &str = r#"{"name":"Fundacja Skryptowa","kind":"ngo"}"#;

async fn tokens_work_within_their_scopes(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("skrypt@example.pl", "Skrypt", false).await;
    let mut c = t.login("skrypt@example.pl").await;
    let reader = make_token(&t, &mut c, "Odczyt", &["read"]).await;
    let manager = make_token(&t, &mut c, "Zmiany", &["read", "manage"]).await;
    assert!(reader.starts_with("wsp_") && reader.len() == 68, "{reader}");
    // Listed on the profile, never shown again; stored only as a hash.
    let profile = t.get(&mut c, "/konto/profil").await;
    assert!(profile.body.contains("Odczyt") && profile.body.contains("Zmiany"));
    assert!(!profile.body.contains(&reader));
    let mut db = t.db.store.read().await.unwrap();
    let stored: Vec<(String,)> = sqlx::query_as("SELECT token_hash FROM api_tokens")
        .fetch_all(&mut *db)
        .await
        .unwrap();
    drop(db);
    assert_eq!(stored.len(), 2);
    assert!(stored.iter().all(|(h,)| !h.contains(&reader[4..])));

    let r = call(&t, "GET", "/api/v1/me", &reader, None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["email"], "skrypt@example.pl");
    // A read token may not write.
    let r = call(&t, "POST", "/api/v1/organisations", &reader, Some(NEW_ORG)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json()["error"], "auth.token_scope");
    assert_eq!(t.count("organisations").await, 0);
    // A manage token writes without any CSRF header or cookie.
    let r = call(&t, "POST", "/api/v1/organisations", &manager, Some(NEW_ORG)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(t.count("organisations").await, 1);
    // A token means nothing to the pages: they go by the session cookie only.
    let r = call(&t, "GET", "/konto/profil", &manager, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

async fn wrong_and_revoked_tokens_are_refused(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("odwolany@example.pl", "Odwołany", false).await;
    t.user("inny@example.pl", "Inny", false).await;
    let mut c = t.login("odwolany@example.pl").await;
    let token = make_token(&t, &mut c, "Na chwilę", &["read"]).await;
    for bad in [
        "wsp_".to_string() + &"0".repeat(64),
        "nonsense".to_string(),
        String::new(),
        token[..40].to_string(),
    ] {
        let r = call(&t, "GET", "/api/v1/me", &bad, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad}");
        assert_eq!(r.json()["error"], "auth.token_invalid");
        assert!(r.json()["message"].as_str().unwrap().contains("Token"));
    }
    // Someone else cannot revoke it.
    let mut other = t.login("inny@example.pl").await;
    let id: i64 = {
        let mut db = t.db.store.read().await.unwrap();
        sqlx::query_scalar("SELECT id FROM api_tokens")
            .fetch_one(&mut *db)
            .await
            .unwrap()
    };
    let r = t
        .post_form(&mut other, &format!("/konto/tokeny/{id}/odwolaj"), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        call(&t, "GET", "/api/v1/me", &token, None).await.status,
        StatusCode::OK
    );
    let r = t
        .post_form(&mut c, &format!("/konto/tokeny/{id}/odwolaj"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = call(&t, "GET", "/api/v1/me", &token, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Deleting the account ends every token.
    let token = make_token(&t, &mut c, "Drugi", &["read"]).await;
    let r = t
        .post_form(&mut c, "/konto/usun", &[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = call(&t, "GET", "/api/v1/me", &token, None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

async fn bad_token_requests_write_nothing(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("formularz@example.pl", "Formularz", false).await;
    let mut c = t.login("formularz@example.pl").await;
    let r = t
        .post_form(&mut c, "/konto/tokeny", &[("name", "Bez uprawnień")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("co najmniej jedno uprawnienie"),
        "{}",
        r.body
    );
    let r = t
        .post_form(
            &mut c,
            "/konto/tokeny",
            &[("name", "  "), ("scope", "read")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long = "x".repeat(81);
    let r = t
        .post_form(
            &mut c,
            "/konto/tokeny",
            &[("name", &long), ("scope", "read")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post_raw_form(&mut c, "/konto/tokeny", &[("name", "X"), ("scope", "read")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the form needs its CSRF token"
    );
    let mut visitor = Client::new();
    let r = t
        .post_form(
            &mut visitor,
            "/konto/tokeny",
            &[("name", "X"), ("scope", "read")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "visitors go to the login");
    assert_eq!(t.count("api_tokens").await, 0);
    for _ in 0..wspolnota_app::api_tokens::MAX_LIVE_TOKENS {
        make_token(&t, &mut c, "Jeden z wielu", &["read"]).await;
    }
    let r = t
        .post_form(
            &mut c,
            "/konto/tokeny",
            &[("name", "Za dużo"), ("scope", "read")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        t.count("api_tokens").await,
        wspolnota_app::api_tokens::MAX_LIVE_TOKENS
    );
}

on_both_backends!(
    tokens_work_within_their_scopes,
    wrong_and_revoked_tokens_are_refused,
    bad_token_requests_write_nothing
);
