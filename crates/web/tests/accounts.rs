//! Accounts over HTTP, on both backends: sign-up, confirmation, login, reset,
//! CSRF, rate limit, deletion.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp, PASSWORD};
use wspolnota_testkit::{on_both_backends, Backend};

async fn link_in_mail(t: &TestApp, to: &str) -> String {
    t.link_in_mail(to).await
}

async fn sign_up_and_confirm(backend: Backend) {
    let t = TestApp::new(backend).await;
    let mut c = Client::new();
    let r = t.get(&mut c, "/konto/rejestracja").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("name=\"csrf\""));
    let r = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "Nowa@Example.PL"),
                ("password", PASSWORD),
                ("display_name", "Nowa Osoba"),
                ("city", "Konin"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Not confirmed yet: login refused with a clear message.
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "nowa@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("potwierdź adres e-mail"), "{}", r.body);
    let link = link_in_mail(&t, "nowa@example.pl").await;
    assert!(link.starts_with("/konto/potwierdz/"));
    // Opening the link changes nothing (mail scanners open links too): it shows a
    // button, and the address is confirmed by the POST it sends.
    let r = t.get(&mut c, &link).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains(&format!("action=\"{link}\"")), "{}", r.body);
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "nowa@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "still unconfirmed");
    let r = t.post_raw_form(&mut c, &link, &[]).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "the POST needs the CSRF token"
    );
    let r = t.post_form(&mut c, &link, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The link works once.
    let r = t.post_form(&mut c, &link, &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("został już użyty"));
    let r = t.get(&mut c, &link).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "nowa@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.get(&mut c, "/api/v1/me").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["email"], "nowa@example.pl");
}

async fn duplicate_email_and_bad_fields(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("zajety@example.pl", "Zajęty", false).await;
    let mut c = Client::new();
    let users_before = t.count("users").await;
    // An address with an account is answered as a new one would be; its owner is
    // told by mail, so the form reveals nothing about who has an account.
    let r = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "zajety@example.pl"),
                ("password", PASSWORD),
                ("display_name", "X"),
            ],
        )
        .await;
    let fresh = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "wolny@example.pl"),
                ("password", PASSWORD),
                ("display_name", "X"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!((r.status, r.location()), (fresh.status, fresh.location()));
    assert_eq!(t.count("users").await, users_before + 1, "only the new one");
    let mails = t.app.recent_mail(10).await.unwrap();
    let owner = mails.iter().find(|m| m.to == "zajety@example.pl").unwrap();
    assert!(owner.body.contains("/konto/reset"), "{}", owner.body);
    let users_before = t.count("users").await;
    let outbox_before = t.count("outbox").await;
    let cases: &[(&[(&str, &str)], &str)] = &[
        (
            &[
                ("email", "a..b@example.pl"),
                ("password", PASSWORD),
                ("display_name", "X"),
            ],
            "nie wygląda na adres",
        ),
        (
            &[
                ("email", &format!("{}@example.pl", "a".repeat(250))),
                ("password", PASSWORD),
                ("display_name", "X"),
            ],
            "za długi",
        ),
        (
            &[
                ("email", "nie-email"),
                ("password", PASSWORD),
                ("display_name", "X"),
            ],
            "nie wygląda na adres",
        ),
        (
            &[
                ("email", "a@example.pl"),
                ("password", "krotkie"),
                ("display_name", "X"),
            ],
            "za krótki",
        ),
        (
            &[
                ("email", "a@example.pl"),
                ("password", PASSWORD),
                ("display_name", "   "),
            ],
            "wymagane",
        ),
        (
            &[
                ("email", "a@example.pl"),
                ("password", PASSWORD),
                ("display_name", &"x".repeat(121)),
            ],
            "za długi",
        ),
    ];
    for (fields, message) in cases {
        let r = t.post_form(&mut c, "/konto/rejestracja", fields).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{fields:?}");
        assert!(r.body.contains(message), "{fields:?}: expected {message}");
        assert!(
            r.body.contains("aria-invalid=\"true\""),
            "the field is marked"
        );
    }
    assert_eq!(t.count("users").await, users_before, "nothing was written");
    assert_eq!(t.count("outbox").await, outbox_before);
}

async fn wrong_password_and_rate_limit(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("ola@example.pl", "Ola", false).await;
    let mut c = Client::new();
    for _ in 0..5 {
        let r = t
            .post_form(
                &mut c,
                "/konto/logowanie",
                &[("email", "ola@example.pl"), ("password", "zle-haslo-123")],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(r.body.contains("Nieprawidłowy e-mail lub hasło"));
    }
    // Even the right password is refused while the limit holds.
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "ola@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    t.clock.advance(16 * 60);
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "ola@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // An unknown address answers like a wrong password.
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[("email", "nikt@example.pl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

async fn password_reset(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("reset@example.pl", "Reset", false).await;
    let mut old_session = t.login("reset@example.pl").await;
    let mut c = Client::new();
    // Unknown addresses get the same answer and no mail.
    let r = t
        .post_form(&mut c, "/konto/reset", &[("email", "nikt@example.pl")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.count("outbox").await, 0);
    let r = t
        .post_form(&mut c, "/konto/reset", &[("email", "reset@example.pl")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let link = link_in_mail(&t, "reset@example.pl").await;
    assert!(link.starts_with("/konto/nowe-haslo/"));
    let r = t.post_form(&mut c, &link, &[("password", "krotkie")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post_form(&mut c, &link, &[("password", "nowe-dlugie-haslo")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Reused token.
    let r = t
        .post_form(&mut c, &link, &[("password", "jeszcze-inne-haslo")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("został już użyty"));
    // The old session ended with the reset.
    let r = t.get(&mut old_session, "/api/v1/me").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = t
        .post_form(
            &mut c,
            "/konto/logowanie",
            &[
                ("email", "reset@example.pl"),
                ("password", "nowe-dlugie-haslo"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // An expired token.
    let r = t
        .post_form(&mut c, "/konto/reset", &[("email", "reset@example.pl")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let link = link_in_mail(&t, "reset@example.pl").await;
    t.clock.advance(3601);
    let r = t
        .post_form(&mut c, &link, &[("password", "nowe-dlugie-haslo-2")])
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("wygasł"));
    // A made-up token.
    let r = t
        .post_form(
            &mut c,
            &format!("/konto/nowe-haslo/{}", "0".repeat(64)),
            &[("password", "nowe-dlugie-haslo-2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

async fn csrf_is_required(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("csrf@example.pl", "Csrf", false).await;
    let mut c = Client::new();
    let users_before = t.count("users").await;
    let fields = [
        ("email", "x@example.pl"),
        ("password", PASSWORD),
        ("display_name", "X"),
    ];
    let r = t.post_raw_form(&mut c, "/konto/rejestracja", &fields).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "missing token");
    assert!(r.body.contains("Formularz wygasł"));
    let forged = "cd".repeat(32);
    let mut all = vec![("csrf", forged.as_str())];
    all.extend_from_slice(&fields);
    let r = t.post_raw_form(&mut c, "/konto/rejestracja", &all).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "forged token");
    // A client without the cookie cannot post even with a token.
    let mut bare = Client::new();
    bare.cookies.clear();
    let r = t.post_raw_form(&mut bare, "/konto/rejestracja", &all).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(t.count("users").await, users_before);
    // The API wants the header.
    let mut logged = t.login("csrf@example.pl").await;
    logged.cookies.insert("wsp_csrf".into(), "ef".repeat(32));
    let req = axum::http::Request::post("/api/v1/organisations")
        .header(
            "cookie",
            format!(
                "wsp_session={}; wsp_csrf={}",
                logged.cookies["wsp_session"],
                "ef".repeat(32)
            ),
        )
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"name":"X","kind":"ngo"}"#))
        .unwrap();
    let r = t.send(&mut logged, req).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json()["error"], "auth.csrf");
    assert_eq!(t.count("organisations").await, 0);
}

async fn account_deletion(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("znikam@example.pl", "Znikająca Osoba", false).await;
    let mut c = t.login("znikam@example.pl").await;
    let r = t
        .post_json(
            &mut c,
            "/api/v1/organisations",
            r#"{"name":"Fundacja Trwała","kind":"ngo"}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let r = t
        .post_form(&mut c, "/konto/usun", &[("password", "zle-haslo-123")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    t.app
        .request_password_reset("znikam@example.pl", &Default::default())
        .await
        .unwrap();
    let r = t
        .post_form(&mut c, "/konto/usun", &[("password", PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mails = t.app.recent_mail(50).await.unwrap();
    assert!(
        mails.iter().all(|m| m.to != "znikam@example.pl"),
        "the outbox forgets the address"
    );
    let r = t.get(&mut c, "/api/v1/me").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let mut v = Client::new();
    let r = t.get(&mut v, "/organizacje").await;
    assert!(r.body.contains("Fundacja Trwała"), "the organisation stays");
    assert!(!r.body.contains("Znikająca"));
    // The address is free again.
    let mut c = Client::new();
    let r = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "znikam@example.pl"),
                ("password", PASSWORD),
                ("display_name", "Ktoś Nowy"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

async fn language_choice(backend: Backend) {
    let t = TestApp::new(backend).await;
    let mut c = Client::new();
    let r = t.get(&mut c, "/").await;
    assert!(r.body.contains("<html lang=\"pl\">"));
    let r = t.get_lang(&mut c, "/", "en-GB,en;q=0.9").await;
    assert!(r.body.contains("<html lang=\"en\">"));
    assert!(r.body.contains("Log in"));
    let r = t
        .post_form(
            &mut c,
            "/jezyk",
            &[("lang", "en"), ("back", "/organizacje")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/organizacje");
    let r = t.get_lang(&mut c, "/", "pl").await;
    assert!(
        r.body.contains("<html lang=\"en\">"),
        "the choice beats Accept-Language"
    );
    // The switch never sends people elsewhere.
    let r = t
        .post_form(
            &mut c,
            "/jezyk",
            &[("lang", "pl"), ("back", "//evil.example")],
        )
        .await;
    assert_eq!(r.location(), "/");
    // The API speaks the chosen language too.
    let r = t.get(&mut c, "/api/v1/spaces/nie-ma").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json()["error"], "not_found");
    assert!(r.json()["message"]
        .as_str()
        .unwrap()
        .contains("Nie znaleziono"));
}

on_both_backends!(
    sign_up_and_confirm,
    duplicate_email_and_bad_fields,
    wrong_password_and_rate_limit,
    password_reset,
    csrf_is_required,
    account_deletion,
    language_choice,
);
