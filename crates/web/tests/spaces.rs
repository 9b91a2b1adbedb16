//! Spaces, organisations and joining by declaration over HTTP, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{coalition, Client, TestApp};
use wspolnota_testkit::{on_both_backends, Backend};

async fn sign_for_an_organisation_and_find_it_among_allies(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    coalition(&t, admin, false).await;
    t.user("ala@example.pl", "Ala Sąsiadka", false).await;
    let mut c = t.login("ala@example.pl").await;
    let r = t
        .post_form(
            &mut c,
            "/organizacje/nowa",
            &[
                ("name", "Stowarzyszenie Nasze Podwórko"),
                ("kind", "ngo"),
                ("nip", "526-000-12-46"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let org_path = r.location().split('?').next().unwrap().to_string();
    let org_id = org_path.rsplit('/').next().unwrap().to_string();
    let r = t.get(&mut c, "/wspolnoty/koalicja").await;
    assert!(
        r.body.contains("Stowarzyszenie Nasze Podwórko"),
        "the org is offered for signing"
    );
    let r = t
        .post_form(
            &mut c,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", &org_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().contains("ok=space-signed-ok"));
    // Signing twice for the same organisation is refused and writes nothing.
    let before = t.count("signatures").await;
    let r = t
        .post_form(
            &mut c,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", &org_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("już podpisana"));
    let r = t
        .post_json(
            &mut c,
            "/api/v1/spaces/koalicja/signatures",
            &format!(r#"{{"on_behalf_of":{org_id}}}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json()["error"], "signature.already_signed");
    assert_eq!(t.count("signatures").await, before);
    // In her own name too, through the API.
    let r = t
        .post_json(&mut c, "/api/v1/spaces/koalicja/signatures", "{}")
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["status"], "active");
    assert_eq!(r.json()["document_version"], 1);
    let own = r.json()["id"].as_i64().unwrap();
    // Nobody else may withdraw it; she may, once; then she may sign again.
    t.user("obcy@example.pl", "Obcy", false).await;
    let mut stranger = t.login("obcy@example.pl").await;
    let path = format!("/api/v1/spaces/koalicja/signatures/{own}");
    assert_eq!(
        t.delete(&mut stranger, &path).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(t.delete(&mut c, &path).await.status, StatusCode::NO_CONTENT);
    assert_eq!(t.delete(&mut c, &path).await.status, StatusCode::CONFLICT);
    let r = t
        .post_json(&mut c, "/api/v1/spaces/koalicja/signatures", "{}")
        .await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "signs again after withdrawing"
    );
    let r = t.get(&mut c, "/api/v1/spaces/koalicja/documents").await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(r.json()[0]["text_hash"].as_str().unwrap().len(), 64);
    // The public list of allies, filterable by kind.
    let mut v = Client::new();
    let r = t.get(&mut v, "/wspolnoty/koalicja/sojusznicy").await;
    assert!(r.body.contains("Stowarzyszenie Nasze Podwórko"));
    assert!(
        r.body.contains("Ala Sąsiadka"),
        "she consented to be listed"
    );
    let r = t
        .get(&mut v, "/wspolnoty/koalicja/sojusznicy?rodzaj=ngo")
        .await;
    assert!(r.body.contains("Stowarzyszenie Nasze Podwórko"));
    assert!(!r.body.contains("<td>Ala Sąsiadka"));
    let r = t
        .get(&mut v, "/api/v1/spaces/koalicja/allies?kind=person")
        .await;
    let j = r.json();
    assert_eq!(j["allies"].as_array().unwrap().len(), 1);
    assert_eq!(j["allies"][0]["kind"], "person");
    let counts = j["counts"].as_array().unwrap();
    assert!(counts.iter().any(|c| c["kind"] == "ngo" && c["count"] == 1));
    let r = t
        .get(&mut v, "/wspolnoty/koalicja/sojusznicy?rodzaj=bank")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The audit log has the signatures, and only admins see it.
    let r = t.get(&mut c, "/wspolnoty/koalicja/dziennik").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut a = t.login("admin@example.pl").await;
    let r = t.get(&mut a, "/wspolnoty/koalicja/dziennik").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("signature.created").count(), 3);
    assert_eq!(r.body.matches("signature.withdrawn").count(), 1);
}

async fn approval_withdrawal_and_history(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    coalition(&t, admin, true).await;
    t.user("bartek@example.pl", "Bartek", false).await;
    let mut b = t.login("bartek@example.pl").await;
    let r = t
        .post_form(
            &mut b,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", "self")],
        )
        .await;
    assert!(r.location().contains("space-signed-pending"));
    let r = t.get(&mut b, "/api/v1/spaces/koalicja").await;
    assert_eq!(r.json()["members"], 0, "pending is not yet a member");
    let mut a = t.login("admin@example.pl").await;
    let r = t.get(&mut a, "/wspolnoty/koalicja/admin").await;
    assert!(r.body.contains("Bartek"));
    let sig_id = r
        .body
        .split("/podpisy/")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_string();
    // A member cannot decide.
    let r = t
        .post_form(
            &mut b,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/decyzja"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post_form(
            &mut a,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/decyzja"),
            &[("decision", "maybe")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .post_form(
            &mut a,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/decyzja"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut a,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/decyzja"),
            &[("decision", "approve")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "decided already");
    let r = t.get(&mut b, "/api/v1/spaces/koalicja").await;
    assert_eq!(r.json()["members"], 1);
    // A new version of the declaration keeps the old one and its signatures.
    let r = t
        .post_form(
            &mut a,
            "/wspolnoty/koalicja/dokument",
            &[("title", "Deklaracja"), ("text", "Miasto to my. Wszyscy.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut a,
            "/wspolnoty/koalicja/dokument",
            &[("title", ""), ("text", "x")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t.get(&mut b, "/wspolnoty/koalicja/dokument").await;
    assert!(r.body.contains("Wersja 2") && r.body.contains("Wersja 1"));
    let r = t.get(&mut b, "/wspolnoty/koalicja").await;
    assert!(
        r.body.contains("v1"),
        "his signature names the version he signed"
    );
    // He withdraws; history stays; he may sign again.
    let r = t
        .post_form(
            &mut b,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/wycofaj"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut b,
            &format!("/wspolnoty/koalicja/podpisy/{sig_id}/wycofaj"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let r = t.get(&mut b, "/wspolnoty/koalicja").await;
    assert!(r.body.contains("wycofany"));
    let r = t
        .post_form(
            &mut b,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", "self")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.count("signatures").await, 2);
    let r = t.get(&mut a, "/wspolnoty/koalicja/dziennik").await;
    for action in [
        "signature.created",
        "signature.approved",
        "signature.withdrawn",
        "document.published",
    ] {
        assert!(r.body.contains(action), "{action} logged");
    }
}

async fn signing_for_an_organisation_one_does_not_represent(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    coalition(&t, admin, false).await;
    t.user("owner@example.pl", "Owner", false).await;
    t.user("stranger@example.pl", "Stranger", false).await;
    let mut o = t.login("owner@example.pl").await;
    let r = t
        .post_json(
            &mut o,
            "/api/v1/organisations",
            r#"{"name":"Spółdzielnia X","kind":"cooperative","regon":"123456785"}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let org = r.json()["id"].as_i64().unwrap();
    let mut s = t.login("stranger@example.pl").await;
    let before = t.count("signatures").await;
    let r = t
        .post_form(
            &mut s,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", &org.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post_json(
            &mut s,
            "/api/v1/spaces/koalicja/signatures",
            &format!(r#"{{"on_behalf_of":{org}}}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(r.json()["error"], "auth.forbidden");
    assert_eq!(t.count("signatures").await, before);
    // Once invited and accepted, the stranger may; once revoked, no more. The inviter
    // is answered alike for an address with an account and one without.
    let r = t
        .post_form(
            &mut o,
            &format!("/organizacje/{org}/reprezentanci"),
            &[("email", "stranger@example.pl"), ("role", "representative")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let unknown = t
        .post_form(
            &mut o,
            &format!("/organizacje/{org}/reprezentanci"),
            &[("email", "nikt@example.pl"), ("role", "representative")],
        )
        .await;
    assert_eq!(
        (unknown.status, unknown.location()),
        (r.status, r.location())
    );
    let page = t.get(&mut o, &format!("/organizacje/{org}")).await;
    assert!(page.body.contains("stranger@example.pl") && page.body.contains("nikt@example.pl"));
    let link = t.link_in_mail("stranger@example.pl").await;
    assert!(link.starts_with("/organizacje/zaproszenie/"), "{link}");
    assert!(t
        .link_in_mail("nikt@example.pl")
        .await
        .starts_with("/organizacje/zaproszenie/"));
    // Not yet a representative: the invitation is only a mail.
    let r = t
        .post_form(
            &mut s,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", &org.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Someone else logged in cannot take it; the invited person can, once.
    let r = t.post_form(&mut o, &link, &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("innego adresu"), "{}", r.body);
    let r = t.get(&mut s, &link).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Spółdzielnia X"));
    let r = t.post_form(&mut s, &link, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.post_form(&mut s, &link, &[]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .get(
            &mut s,
            &format!("/organizacje/zaproszenie/{}", "0".repeat(64)),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // A representative cannot manage the organisation.
    let r = t
        .post_form(
            &mut s,
            &format!("/organizacje/{org}/reprezentanci"),
            &[("email", "admin@example.pl"), ("role", "admin")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let stranger = t.db.store.read().await.unwrap();
    drop(stranger);
    let r = t.get(&mut s, "/api/v1/me").await;
    let stranger_id = r.json()["id"].as_i64().unwrap();
    let r = t
        .post_form(
            &mut o,
            &format!("/organizacje/{org}/reprezentanci/{stranger_id}/odbierz"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_json(
            &mut s,
            "/api/v1/spaces/koalicja/signatures",
            &format!(r#"{{"on_behalf_of":{org}}}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // The last admin cannot be removed.
    let r = t.get(&mut o, "/api/v1/me").await;
    let owner_id = r.json()["id"].as_i64().unwrap();
    let r = t
        .post_form(
            &mut o,
            &format!("/organizacje/{org}/reprezentanci/{owner_id}/odbierz"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
}

async fn registry_numbers_and_lengths_are_checked(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("o@example.pl", "O", false).await;
    let mut c = t.login("o@example.pl").await;
    let long = "x".repeat(121);
    let cases: &[(&str, &str, &str)] = &[
        (
            r#"{"name":"A","kind":"ngo","nip":"5260001247"}"#,
            "org.invalid_nip",
            "nip",
        ),
        (
            r#"{"name":"A","kind":"ngo","regon":"123456786"}"#,
            "org.invalid_regon",
            "regon",
        ),
        (
            r#"{"name":"A","kind":"ngo","krs":"12345"}"#,
            "org.invalid_krs",
            "krs",
        ),
        (r#"{"name":"","kind":"ngo"}"#, "input.required", "name"),
        (r#"{"name":"A","kind":"bank"}"#, "input.unknown_kind", ""),
        (r#"{"name":"A"}"#, "request.malformed", ""),
        (r#"{"name":"A","#, "request.malformed", ""),
    ];
    for (body, code, field) in cases {
        let r = t.post_json(&mut c, "/api/v1/organisations", body).await;
        assert!(r.status.is_client_error(), "{body}: {}", r.status);
        assert_eq!(r.json()["error"], *code, "{body}");
        assert!(!r.json()["message"].as_str().unwrap().is_empty());
        if !field.is_empty() {
            assert_eq!(r.json()["field"], *field);
        }
    }
    let body = format!(r#"{{"name":"{long}","kind":"ngo"}}"#);
    let r = t.post_json(&mut c, "/api/v1/organisations", &body).await;
    assert_eq!(r.json()["error"], "input.too_long");
    let r = t
        .post_form(
            &mut c,
            "/organizacje/nowa",
            &[("name", "A"), ("kind", "ngo"), ("nip", "123")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Nieprawidłowy NIP"));
    assert!(r.body.contains("value=\"123\""), "input kept");
    assert_eq!(t.count("organisations").await, 0);
    assert_eq!(t.count("audit_log").await, 0);
}

on_both_backends!(
    sign_for_an_organisation_and_find_it_among_allies,
    approval_withdrawal_and_history,
    signing_for_an_organisation_one_does_not_represent,
    registry_numbers_and_lengths_are_checked,
);
