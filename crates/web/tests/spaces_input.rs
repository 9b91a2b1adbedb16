//! Spaces, tried with odd input: markup in text fields, unknown slugs and ids, and a
//! platform admin creating a space; on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{coalition, Client, TestApp};
use wspolnota_testkit::{on_both_backends, Backend};

async fn markup_in_text_fields_is_shown_as_text(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    coalition(&t, admin, false).await;
    let evil = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let mut c = Client::new();
    let r = t
        .post_form(
            &mut c,
            "/konto/rejestracja",
            &[
                ("email", "e@example.pl"),
                ("password", common::PASSWORD),
                ("display_name", evil),
                ("city", evil),
                ("list_publicly", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut tx = t.db.store.begin().await.unwrap();
    let u = wspolnota_store::users::by_email(&mut tx, "e@example.pl")
        .await
        .unwrap()
        .unwrap();
    wspolnota_store::users::confirm_email(&mut tx, u.id, t.app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut e = t.login("e@example.pl").await;
    let r = t
        .post_form(
            &mut e,
            "/organizacje/nowa",
            &[("name", evil), ("kind", "ngo"), ("city", evil)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let org_page = r.location().split('?').next().unwrap().to_string();
    let org_id = org_page.rsplit('/').next().unwrap().to_string();
    let r = t
        .post_form(
            &mut e,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", &org_id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .post_form(
            &mut e,
            "/wspolnoty/koalicja/podpisz",
            &[("on_behalf", "self")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mut a = t.login("admin@example.pl").await;
    t.post_form(
        &mut a,
        "/wspolnoty/koalicja/dokument",
        &[("title", evil), ("text", evil)],
    )
    .await;
    let pages = [
        "/wspolnoty/koalicja",
        "/wspolnoty/koalicja/sojusznicy",
        "/wspolnoty/koalicja/dokument",
        "/organizacje",
        &org_page,
        "/konto/profil",
    ];
    let visits = pages.iter().flat_map(|p| [(*p, 0), (*p, 1)]).chain([
        ("/wspolnoty/koalicja/dziennik", 1),
        ("/wspolnoty/koalicja/admin", 1),
    ]);
    for (path, who) in visits {
        {
            let client = if who == 0 { &mut e } else { &mut a };
            let r = t.get(client, path).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            assert!(!r.body.contains("<script>alert"), "{path} runs a script");
            assert!(
                !r.body.contains("<img src=x onerror") && !r.body.contains("onerror=\"alert"),
                "{path} has an event handler"
            );
        }
    }
    let r = t.get(&mut a, "/wspolnoty/koalicja/sojusznicy").await;
    let at = r.body.find("alert(1)").unwrap_or(0);
    assert!(
        r.body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "shown as text: {}",
        &r.body[at.saturating_sub(40)..at + 40]
    );
}

async fn unknown_slugs_and_ids(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("u@example.pl", "U", false).await;
    let mut c = t.login("u@example.pl").await;
    for path in [
        "/wspolnoty/nie-ma",
        "/wspolnoty/nie-ma/sojusznicy",
        "/wspolnoty/nie-ma/dokument",
        "/organizacje/999999",
        "/zupelnie/nic",
    ] {
        let r = t.get(&mut c, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.body.contains("Nie znaleziono"));
    }
    for path in ["/organizacje/abc", "/organizacje/99999999999999999999"] {
        let r = t.get(&mut c, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
    let r = t
        .post_form(&mut c, "/wspolnoty/nie-ma/podpisy/abc/wycofaj", &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    for path in [
        "/api/v1/spaces/nie-ma",
        "/api/v1/spaces/nie-ma/allies",
        "/api/v1/organisations/999999",
        "/api/v1/organisations/abc",
        "/api/v1/nic",
    ] {
        let r = t.get(&mut c, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.json()["error"], "not_found");
    }
    let r = t
        .post_form(
            &mut c,
            "/wspolnoty/nie-ma/podpisz",
            &[("on_behalf", "self")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .post_json(&mut c, "/api/v1/spaces/nie-ma/signatures", "{}")
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t
        .post_form(&mut c, "/wspolnoty/nie-ma/podpisy/1/wycofaj", &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn platform_admin_creates_a_space(backend: Backend) {
    let t = TestApp::new(backend).await;
    t.user("admin@example.pl", "Admin", true).await;
    let mut a = t.login("admin@example.pl").await;
    let fields = [
        ("name", "Spółdzielnia Rozwojowa Wałbrzych"),
        ("kind", "development_cooperative"),
        ("city", "Wałbrzych"),
        ("document_title", "Statut"),
        ("document", "## §1\n\nCel."),
    ];
    let r = t.post_form(&mut a, "/admin/wspolnoty/nowa", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with("/wspolnoty/spoldzielnia-rozwojowa-walbrzych"),
        "slug made from the name"
    );
    // The same slug again, a bad slug, an unknown kind, a missing document: refused, nothing written.
    let spaces = t.count("spaces").await;
    let r = t.post_form(&mut a, "/admin/wspolnoty/nowa", &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("już zajęty"));
    let mut bad_slug = fields.to_vec();
    bad_slug.push(("slug", "Zła Nazwa"));
    let r = t
        .post_form(&mut a, "/admin/wspolnoty/nowa", &bad_slug)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post_form(
            &mut a,
            "/admin/wspolnoty/nowa",
            &[
                ("name", "X"),
                ("kind", "club"),
                ("document_title", "T"),
                ("document", "D"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post_form(
            &mut a,
            "/admin/wspolnoty/nowa",
            &[
                ("name", "X"),
                ("kind", "coalition"),
                ("document_title", "T"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(t.count("spaces").await, spaces);
    let mut v = Client::new();
    let r = t
        .get(&mut v, "/wspolnoty/spoldzielnia-rozwojowa-walbrzych")
        .await;
    assert!(
        r.body.contains("<h3>§1</h3>"),
        "document headings sit under the page's"
    );
}

on_both_backends!(
    markup_in_text_fields_is_shown_as_text,
    unknown_slugs_and_ids,
    platform_admin_creates_a_space
);
