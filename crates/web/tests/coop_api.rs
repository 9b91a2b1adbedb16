//! The development cooperative's API on both backends: declaring, the board's
//! decision, payments, the register and the ledger as each role may see them, bad
//! input refused with a stable code and nothing written, and the append-only register.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use common::{Client, Resp, TestApp};
use wspolnota_app::coop::FoundingChoice;
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::{SpaceRole, Subject};
use wspolnota_domain::coop::CoopSettings;
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_domain::module::Module;
use wspolnota_testkit::{on_both_backends, Backend};

const ADDRESS: &str = "ul. Hutnicza 1, 41-300 Dąbrowa Górnicza";
const BASE: &str = "/api/v1/spaces/sr-dabrowa";

/// A cooperative "sr-dabrowa" with a board, a supervisory board and three residents
/// (mieszkanka0…2), as in the app's cooperative tests.
struct World {
    t: TestApp,
    admin: Subject,
    space: SpaceId,
    residents: Vec<UserId>,
}

async fn world(backend: Backend) -> World {
    let t = TestApp::new(backend).await;
    let admin_id = t.user("admin@example.pl", "Admin", true).await;
    let platform = Subject {
        user: Some(admin_id),
        platform_admin: true,
        ..Subject::default()
    };
    let space = t
        .app
        .create_space(
            &platform,
            NewSpaceForm {
                name: "Spółdzielnia Rozwojowa Dąbrowa".into(),
                slug: "sr-dabrowa".into(),
                kind: "development_cooperative".into(),
                document_title: "Statut".into(),
                document_md: "Statut spółdzielni".into(),
                cooperative: FoundingChoice {
                    model: None,
                    settings: CoopSettings::default(),
                },
                ..NewSpaceForm::default()
            },
        )
        .await
        .unwrap();
    let admin = t
        .app
        .subject(Some(&t.app.user(admin_id).await.unwrap()), Some(space))
        .await
        .unwrap();
    t.user("zarzad@example.pl", "Zarząd", false).await;
    t.user("rada@example.pl", "Rada", false).await;
    for (email, role) in [
        ("zarzad@example.pl", SpaceRole::Board),
        ("rada@example.pl", SpaceRole::SupervisoryBoard),
    ] {
        assert!(t
            .app
            .grant_coop_role(&admin, space, email, role)
            .await
            .unwrap());
    }
    let mut residents = Vec::new();
    for i in 0..3 {
        residents.push(
            t.user(
                &format!("mieszkanka{i}@example.pl"),
                &format!("Mieszkanka {i}"),
                false,
            )
            .await,
        );
    }
    World {
        t,
        admin,
        space,
        residents,
    }
}

impl World {
    async fn login(&self, email: &str) -> Client {
        self.t.login(email).await
    }

    async fn resident(&self, i: usize) -> Client {
        self.login(&format!("mieszkanka{i}@example.pl")).await
    }

    async fn post(&self, c: &mut Client, path: &str, json: &str) -> Resp {
        self.t.post_json(c, &format!("{BASE}{path}"), json).await
    }

    async fn get(&self, c: &mut Client, path: &str) -> Resp {
        self.t.get(c, &format!("{BASE}{path}")).await
    }

    /// A write with the session cookie, its CSRF header and a JSON body.
    async fn send(&self, c: &mut Client, method: Method, path: &str, json: &str) -> Resp {
        let cookies = c
            .cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ");
        let req = Request::builder()
            .method(method)
            .uri(format!("{BASE}{path}"))
            .header(header::COOKIE, cookies)
            .header(header::CONTENT_TYPE, "application/json")
            .header("x-csrf-token", c.csrf())
            .body(Body::from(json.to_string()))
            .unwrap();
        self.t.send(c, req).await
    }

    async fn declare(&self, c: &mut Client, i: usize, shares: &str) -> Resp {
        self.post(
            c,
            "/declarations",
            &format!(
                r#"{{"shares": {shares}, "name": "Mieszkanka {i}", "address": "{ADDRESS}", "accept_statute": true, "on_behalf_of": null}}"#
            ),
        )
        .await
    }

    /// Rows of every table a declaration, admission or payment writes to.
    async fn written(&self) -> [i64; 5] {
        [
            self.t.count("coop_declarations").await,
            self.t.count("coop_members").await,
            self.t.count("coop_register").await,
            self.t.count("coop_ledger").await,
            self.t.count("audit_log").await,
        ]
    }
}

fn refused(r: &Resp, status: StatusCode, code: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    let body = r.json();
    assert_eq!(body["error"], code, "{}", r.body);
    assert!(
        body["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{}",
        r.body
    );
}

async fn declare_admit_pay_and_read(backend: Backend) {
    let w = world(backend).await;
    let mut ala = w.resident(0).await;
    let mut board = w.login("zarzad@example.pl").await;
    let mut rada = w.login("rada@example.pl").await;
    // A whole number written as 2.0 is 2.
    let r = w.declare(&mut ala, 0, "2.0").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let d = r.json();
    assert_eq!(d["shares"], 2);
    assert_eq!(d["status"], "pending");
    assert_eq!(d["kind"], "natural");
    assert_eq!(d["address"], ADDRESS);
    assert!(d.get("email").is_none(), "no e-mail address in the API");
    let id = d["id"].as_i64().unwrap();
    // The applicant reads their declaration; only those who decide list them.
    let r = w.get(&mut ala, &format!("/declarations/{id}")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["id"], id);
    refused(
        &w.get(&mut ala, "/declarations").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    let r = w.get(&mut rada, "/declarations").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    // The board admits.
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            r#"{"admit": true}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "admitted");
    assert!(r.json()["decided_on"].is_string());
    refused(
        &w.post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            r#"{"admit": true}"#,
        )
        .await,
        StatusCode::CONFLICT,
        "coop.not_pending",
    );
    // A payment towards the shares, as a decimal string.
    let r = w
        .post(
            &mut board,
            "/members/1/payments",
            r#"{"amount": "120.50", "purpose": "shares", "paid_on": "2026-05-28", "method": "przelew", "reference": "PL61 1090", "record_excess": false}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let moves = r.json();
    assert_eq!(moves.as_array().unwrap().len(), 1, "{moves}");
    assert_eq!(moves[0]["kind"], "payment");
    assert_eq!(moves[0]["amount_grosze"], 12_050);
    assert_eq!(moves[0]["member"], 1);
    assert_eq!(moves[0]["on_date"], "2026-05-28");
    assert_eq!(moves[0]["method"], "przelew");
    // The entry fee, exactly; a comma reads as the decimal point.
    let r = w
        .post(
            &mut board,
            "/members/1/payments",
            r#"{"amount": "50,00", "purpose": "entry_fee"}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()[0]["kind"], "entry_fee");
    // Beyond the declared shares only as money to return.
    let r = w
        .post(
            &mut board,
            "/members/1/payments",
            r#"{"amount": "100", "record_excess": true}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let kinds: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, ["payment", "overpayment"]);
    // The member reads their own record, address and all.
    let r = w.get(&mut ala, "/members/1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let m = r.json();
    assert_eq!(m["number"], 1);
    assert_eq!(m["name"], "Mieszkanka 0");
    assert_eq!(m["address"], ADDRESS);
    assert_eq!(m["standing"], "active");
    assert_eq!(m["founder"], true);
    assert_eq!(m["declared_shares"], 2);
    assert_eq!(m["declared_grosze"], 20_000);
    assert_eq!(m["paid_in_grosze"], 20_000);
    assert_eq!(m["unpaid_grosze"], 0);
    assert_eq!(m["entry_fee_paid_grosze"], 5_000);
    assert_eq!(m["to_return_grosze"], 2_050);
    assert_eq!(m["admitted_on"], "2026-05-28");
    assert!(m["end_reason"].is_null() && m["ends_on"].is_null());
    let entries = m["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 2, "{m}");
    assert_eq!(entries[0]["entry"], "admitted");
    assert_eq!(entries[1]["entry"], "details");
    assert!(entries[1]["body"].is_object());
    assert_eq!(entries[1]["body"]["address"], ADDRESS);
    assert_eq!(entries[1]["effective_on"], "2026-05-28");
    assert_eq!(m["movements"].as_array().unwrap().len(), 5, "{m}");
    // A second member; the first sees the register without the second's address.
    let mut ola = w.resident(1).await;
    let r = w.declare(&mut ola, 1, "1").await;
    let id2 = r.json()["id"].as_i64().unwrap();
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id2}/decision"),
            r#"{"admit": true}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = w.get(&mut ala, "/members").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let rows = r.json();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    assert_eq!(rows[0]["address"], ADDRESS, "one's own address");
    assert!(rows[1]["address"].is_null(), "{rows}");
    assert_eq!(rows[1]["name"], "Mieszkanka 1");
    assert!(!r.body.contains("mieszkanka1@"), "no e-mail addresses");
    let r = w.get(&mut ala, "/members/2").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.json()["address"].is_null());
    assert!(!r.body.contains("Hutnicza"), "{}", r.body);
    assert!(r.json()["entries"][1]["body"]["address"].is_null());
    // The board sees every address.
    let r = w.get(&mut board, "/members").await;
    assert_eq!(r.json()[1]["address"], ADDRESS);
    // The ledger, newest first, a page at a time with a Link header.
    let r = w.get(&mut board, "/shares").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let ledger = r.json();
    assert_eq!(ledger.as_array().unwrap().len(), 6, "{ledger}");
    assert_eq!(ledger[0]["kind"], "declared");
    assert_eq!(ledger[0]["member"], 2);
    assert_eq!(ledger[5]["kind"], "declared");
    assert_eq!(ledger[5]["member"], 1);
    let r = w.get(&mut rada, "/shares?page=2&per_page=2").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json().as_array().unwrap().len(), 2);
    let link = r.headers[header::LINK].to_str().unwrap();
    assert!(
        link.contains("</api/v1/spaces/sr-dabrowa/shares?page=3&per_page=2>; rel=\"next\"")
            && link.contains("page=1&per_page=2>; rel=\"prev\""),
        "{link}"
    );
    let r = w.get(&mut board, "/members?per_page=1").await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert!(r.headers[header::LINK]
        .to_str()
        .unwrap()
        .contains("/members?page=2&per_page=1>; rel=\"next\""));
    refused(
        &w.get(&mut board, "/members?per_page=0").await,
        StatusCode::BAD_REQUEST,
        "request.bad_page",
    );
    // Members do not read the ledger or the declarations.
    refused(
        &w.get(&mut ala, "/shares").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    refused(
        &w.get(&mut ala, &format!("/declarations/{id2}")).await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
}

async fn organisations_show_their_seat(backend: Backend) {
    let w = world(backend).await;
    let rep = Subject {
        user: Some(w.residents[2]),
        ..Subject::default()
    };
    let org =
        w.t.app
            .create_org(
                &rep,
                wspolnota_app::orgs::NewOrgForm {
                    name: "Fundacja Hałdy".into(),
                    kind: "ngo".into(),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    let mut zosia = w.resident(2).await;
    let mut ala = w.resident(0).await;
    let mut board = w.login("zarzad@example.pl").await;
    // Someone who does not represent the organisation is refused before their input is read.
    refused(
        &w.post(
            &mut ala,
            "/declarations",
            &format!(r#"{{"shares": 1.5, "address": "Dąbrowa", "accept_statute": true, "on_behalf_of": {}}}"#, org.0),
        )
        .await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    let r = w
        .post(
            &mut zosia,
            "/declarations",
            &format!(
                r#"{{"shares": 3, "address": "ul. Szkolna 2, Dąbrowa", "accept_statute": true, "on_behalf_of": {}}}"#,
                org.0
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["kind"], "legal");
    assert_eq!(r.json()["name"], "Fundacja Hałdy");
    assert_eq!(r.json()["on_behalf_of"], org.0);
    let id = r.json()["id"].as_i64().unwrap();
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            r#"{"admit": true}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let r = w.declare(&mut ala, 0, "1").await;
    let id = r.json()["id"].as_i64().unwrap();
    w.post(
        &mut board,
        &format!("/declarations/{id}/decision"),
        r#"{"admit": true}"#,
    )
    .await;
    // A member sees the organisation's seat, never a person's address.
    let r = w.get(&mut ala, "/members").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()[0]["kind"], "legal");
    assert_eq!(r.json()[0]["address"], "ul. Szkolna 2, Dąbrowa");
    // The organisation's representative reads its record.
    let r = w.get(&mut zosia, "/members/1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["declared_shares"], 3);
}

async fn bad_input_writes_nothing(backend: Backend) {
    let w = world(backend).await;
    let mut ala = w.resident(0).await;
    let mut board = w.login("zarzad@example.pl").await;
    let before = w.written().await;
    let declare = |body: &'static str| {
        let w = &w;
        let mut c = ala.clone();
        async move { w.post(&mut c, "/declarations", body).await }
    };
    for (body, status, code) in [
        (
            r#"{"shares": 0, "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.shares_too_few",
        ),
        (
            r#"{"shares": -1, "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.shares_too_few",
        ),
        (
            r#"{"shares": 1.5, "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_shares",
        ),
        (
            r#"{"shares": "2", "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_shares",
        ),
        (
            r#"{"shares": 1e30, "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.shares_too_many",
        ),
        (
            r#"{"shares": null, "name": "A", "address": "B", "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_shares",
        ),
        (r#"{}"#, StatusCode::UNPROCESSABLE_ENTITY, "coop.bad_shares"),
        (
            r#"{"shares": 2, "name": "A", "address": "B"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.statute_not_accepted",
        ),
        (
            r#"{"shares": 2, "accept_statute": true}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "input.required",
        ),
        (
            r#"{"shares": 2, "name": "A", "address": 7, "accept_statute": true}"#,
            StatusCode::BAD_REQUEST,
            "request.malformed",
        ),
        (
            r#"{"shares": 2, "name": "A", "address": "B", "accept_statute": true, "on_behalf_of": 1.5}"#,
            StatusCode::BAD_REQUEST,
            "request.malformed",
        ),
        (
            r#"[{"shares": 2}]"#,
            StatusCode::BAD_REQUEST,
            "request.malformed",
        ),
        (r#""x""#, StatusCode::BAD_REQUEST, "request.malformed"),
        ("not json", StatusCode::BAD_REQUEST, "request.malformed"),
    ] {
        let r = declare(body).await;
        refused(&r, status, code);
    }
    let long = "x".repeat(121);
    let r = w
        .post(
            &mut ala,
            "/declarations",
            &format!(
                r#"{{"shares": 1, "name": "{long}", "address": "B", "accept_statute": true}}"#
            ),
        )
        .await;
    refused(&r, StatusCode::UNPROCESSABLE_ENTITY, "input.too_long");
    assert_eq!(r.json()["field"], "name");
    assert_eq!(
        w.written().await,
        before,
        "refused declarations write nothing"
    );
    // An admitted member to pay for.
    let id = w.declare(&mut ala, 0, "2").await.json()["id"]
        .as_i64()
        .unwrap();
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            r#"{"admit": false}"#,
        )
        .await;
    refused(
        &r,
        StatusCode::UNPROCESSABLE_ENTITY,
        "coop.reasons_required",
    );
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            &format!(r#"{{"admit": false, "reasons": "{}"}}"#, "r".repeat(5001)),
        )
        .await;
    refused(&r, StatusCode::UNPROCESSABLE_ENTITY, "input.too_long");
    for body in [r#"{}"#, r#"{"admit": "yes"}"#, "[]"] {
        refused(
            &w.post(&mut board, &format!("/declarations/{id}/decision"), body)
                .await,
            StatusCode::BAD_REQUEST,
            "request.malformed",
        );
    }
    refused(
        &w.post(
            &mut board,
            "/declarations/999/decision",
            r#"{"admit": true}"#,
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    w.post(
        &mut board,
        &format!("/declarations/{id}/decision"),
        r#"{"admit": true}"#,
    )
    .await;
    let before = w.written().await;
    for (path, body, status, code) in [
        (
            "/members/1/payments",
            r#"{"amount": 120.5}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{"amount": 120}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "12.345"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.too_precise",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "1e3"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{"amount": " 12"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "-5"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.amount_not_positive",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "0"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.amount_not_positive",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "99999999999999999999"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_amount",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "200.01"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.beyond_declared",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "40", "purpose": "entry_fee"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.entry_fee_mismatch",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "10", "paid_on": "2026-05-29"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_date",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "10", "paid_on": "28.05.2026"}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_date",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "10", "paid_on": ""}"#,
            StatusCode::UNPROCESSABLE_ENTITY,
            "coop.bad_date",
        ),
        (
            "/members/1/payments",
            r#"{"amount": "10", "purpose": "gift"}"#,
            StatusCode::BAD_REQUEST,
            "request.malformed",
        ),
        (
            "/members/1/payments",
            "[]",
            StatusCode::BAD_REQUEST,
            "request.malformed",
        ),
        (
            "/members/99/payments",
            r#"{"amount": "10"}"#,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "/members/abc/payments",
            r#"{"amount": "10"}"#,
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ] {
        let r = w.post(&mut board, path, body).await;
        refused(&r, status, code);
    }
    let r = w
        .post(
            &mut board,
            "/members/1/payments",
            &format!(r#"{{"amount": "10", "method": "{}"}}"#, "m".repeat(201)),
        )
        .await;
    refused(&r, StatusCode::UNPROCESSABLE_ENTITY, "input.too_long");
    assert_eq!(w.written().await, before, "refused payments write nothing");
    // The register is append-only: the board is told so; others are refused first.
    for method in [Method::PUT, Method::DELETE] {
        let r = w
            .send(
                &mut board,
                method.clone(),
                "/members/1/entries/1",
                r#"{"name": "X"}"#,
            )
            .await;
        refused(&r, StatusCode::CONFLICT, "coop.register_append_only");
        let r = w
            .send(&mut ala, method.clone(), "/members/1/entries/1", "")
            .await;
        refused(&r, StatusCode::FORBIDDEN, "auth.forbidden");
        let r = w
            .send(
                &mut Client::new(),
                method.clone(),
                "/members/1/entries/1",
                "",
            )
            .await;
        refused(&r, StatusCode::UNAUTHORIZED, "auth.login_required");
    }
    assert_eq!(w.written().await, before, "nothing changed in the register");
    // A NUL byte (which PostgreSQL refuses in text) is dropped, never a 500.
    let mut ola = w.resident(1).await;
    let r = w
        .post(
            &mut ola,
            "/declarations",
            r#"{"shares": 1, "name": "Ola\u0000 K", "address": "ul. A\u0000 1", "accept_statute": true}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["name"], "Ola K");
    let id = r.json()["id"].as_i64().unwrap();
    let r = w
        .post(
            &mut board,
            &format!("/declarations/{id}/decision"),
            r#"{"admit": false, "reasons": "Brak\u0000 wkładu"}"#,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()["status"], "refused");
    assert_eq!(r.json()["reasons"], "Brak wkładu");
}

async fn refusals_by_role(backend: Backend) {
    let w = world(backend).await;
    let mut visitor = Client::new();
    let mut ola = w.resident(1).await;
    let mut board = w.login("zarzad@example.pl").await;
    let mut admin = w.login("admin@example.pl").await;
    refused(
        &w.get(&mut visitor, "/members").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    // In the caller's language.
    let r =
        w.t.get_lang(&mut visitor, &format!("{BASE}/members"), "en")
            .await;
    assert_eq!(
        r.json()["message"],
        wspolnota_app::i18n::Locale::En.t("error-auth-login_required")
    );
    refused(
        &w.get(&mut visitor, "/members/1").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    refused(
        &w.get(&mut visitor, "/declarations").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    refused(
        &w.get(&mut visitor, "/shares").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    refused(
        &w.declare(&mut visitor, 0, "1").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    // A visitor's unreadable body is refused as a visitor, not as bad input.
    refused(
        &w.post(&mut visitor, "/declarations", "[]").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    refused(
        &w.get(&mut ola, "/members").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    refused(
        &w.get(&mut ola, "/declarations").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    refused(
        &w.get(&mut ola, "/members/1").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    refused(
        &w.get(&mut ola, "/declarations/1").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
    // Only the board decides and records payments, whatever the body.
    for body in [r#"{"admit": true}"#, "", "[]"] {
        refused(
            &w.post(&mut ola, "/declarations/1/decision", body).await,
            StatusCode::FORBIDDEN,
            "auth.forbidden",
        );
        refused(
            &w.post(&mut admin, "/declarations/1/decision", body).await,
            StatusCode::FORBIDDEN,
            "auth.forbidden",
        );
    }
    for body in [r#"{"amount": 12.5}"#, "", r#"{"amount": "10"}"#] {
        refused(
            &w.post(&mut ola, "/members/1/payments", body).await,
            StatusCode::FORBIDDEN,
            "auth.forbidden",
        );
        refused(
            &w.post(&mut visitor, "/members/1/payments", body).await,
            StatusCode::UNAUTHORIZED,
            "auth.login_required",
        );
    }
    // Platform admins oversee: they read the register, declarations and ledger.
    for path in ["/members", "/declarations", "/shares"] {
        let r = w.get(&mut admin, path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
    }
    let r = w.get(&mut board, "/members/1").await;
    refused(&r, StatusCode::NOT_FOUND, "not_found");
    let r = w.get(&mut board, "/declarations/1").await;
    refused(&r, StatusCode::NOT_FOUND, "not_found");
    // Not a cooperative, or the register switched off: 404 for everyone.
    common::coalition(&w.t, w.admin.user.unwrap(), false).await;
    for path in [
        "/members",
        "/members/1",
        "/declarations",
        "/declarations/1",
        "/shares",
    ] {
        let r =
            w.t.get(&mut admin, &format!("/api/v1/spaces/koalicja{path}"))
                .await;
        refused(&r, StatusCode::NOT_FOUND, "not_found");
    }
    let r =
        w.t.post_json(
            &mut admin,
            "/api/v1/spaces/koalicja/declarations",
            r#"{"shares": 1, "name": "A", "address": "B", "accept_statute": true}"#,
        )
        .await;
    refused(&r, StatusCode::NOT_FOUND, "not_found");
    assert!(w
        .t
        .app
        .set_module(&w.admin, w.space, Module::Register, false)
        .await
        .unwrap());
    for path in ["/members", "/declarations", "/shares", "/members/1"] {
        refused(
            &w.get(&mut board, path).await,
            StatusCode::NOT_FOUND,
            "not_found",
        );
    }
    refused(
        &w.send(&mut board, Method::PUT, "/members/1/entries/1", "")
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    refused(
        &w.declare(&mut ola, 1, "1").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    refused(
        &w.post(&mut board, "/members/1/payments", r#"{"amount": "1"}"#)
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

/// An assembly held and counted through the use cases, read through the API: its
/// agenda, attendance and results, for members only.
async fn assemblies_with_attendance_and_results(backend: Backend) {
    use wspolnota_app::assembly::{AgendaForm, BallotForm, CheckInForm, ConveneForm};
    let w = world(backend).await;
    let (app, space, store) = (&w.t.app, w.space, &w.t.db.store);
    let who = |email: &'static str| async move {
        let mut c = store.read().await.unwrap();
        let u = wspolnota_store::users::by_email(&mut c, email)
            .await
            .unwrap()
            .unwrap();
        drop(c);
        app.subject(Some(&u), Some(space)).await.unwrap()
    };
    let board = who("zarzad@example.pl").await;
    for (i, email) in ["mieszkanka0@example.pl", "mieszkanka1@example.pl"]
        .into_iter()
        .enumerate()
    {
        let form = wspolnota_app::coop::DeclarationForm {
            name: format!("Mieszkanka {i}"),
            address: ADDRESS.into(),
            shares: "1".into(),
            accept_statute: true,
            ..Default::default()
        };
        let d = app
            .declare_membership(&who(email).await, space, form)
            .await
            .unwrap();
        app.decide_declaration(
            &board,
            space,
            d,
            wspolnota_domain::coop::declaration::Decision::Admit,
        )
        .await
        .unwrap();
    }
    let id = app
        .convene_assembly(
            &board,
            space,
            ConveneForm {
                title: "Walne Zgromadzenie".into(),
                convener: "board".into(),
                held_on: "2026-06-15".into(),
                starts_at: "17:00".into(),
                place: "ul. Hutnicza 1".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let item = app
        .add_agenda_item(
            &board,
            space,
            id,
            AgendaForm {
                title: "Zmiana statutu".into(),
                resolution: "statute_change".into(),
                description: String::new(),
            },
        )
        .await
        .unwrap();
    app.send_assembly_notice(&board, space, id).await.unwrap();
    w.t.clock.advance(18 * 86_400);
    app.name_assembly_officer(&board, space, id, "mieszkanka0@example.pl", "chair")
        .await
        .unwrap();
    let chair = who("mieszkanka0@example.pl").await;
    for (member, presence) in [("1", "in_person"), ("2", "remote")] {
        let form = CheckInForm {
            member: member.into(),
            presence: presence.into(),
            ..Default::default()
        };
        app.check_in(&chair, space, id, form).await.unwrap();
    }
    let vote = app
        .open_vote(&chair, space, id, item, "Uchwała nr 1")
        .await
        .unwrap();
    let ballot = |member, remote| BallotForm {
        vote,
        member,
        choice: "yes".into(),
        remote,
    };
    app.cast_assembly_vote(&chair, space, id, ballot(1, false))
        .await
        .unwrap();
    app.cast_assembly_vote(
        &who("mieszkanka1@example.pl").await,
        space,
        id,
        ballot(2, true),
    )
    .await
    .unwrap();
    app.close_vote(&chair, space, id, vote).await.unwrap();

    let r = w.get(&mut w.resident(1).await, "/assemblies").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let a = &r.json()[0];
    assert_eq!(a["agenda"][0]["resolution"], "statute_change");
    assert_eq!(a["attendance"].as_array().unwrap().len(), 2);
    assert_eq!(a["attendance"][1]["presence"], "remote");
    let res = &a["resolutions"][0];
    assert_eq!(
        (
            &res["yes"],
            &res["present"],
            &res["entitled"],
            &res["outcome"]
        ),
        (
            &serde_json::json!(2),
            &serde_json::json!(2),
            &serde_json::json!(2),
            &serde_json::json!("passed")
        )
    );
    assert_eq!(a["challenge_until"], "2026-07-27");
    refused(
        &w.get(&mut Client::new(), "/assemblies").await,
        StatusCode::UNAUTHORIZED,
        "auth.login_required",
    );
    refused(
        &w.get(&mut w.resident(2).await, "/assemblies").await,
        StatusCode::FORBIDDEN,
        "auth.forbidden",
    );
}

on_both_backends!(declare_admit_pay_and_read);
on_both_backends!(assemblies_with_attendance_and_results);
on_both_backends!(organisations_show_their_seat);
on_both_backends!(bad_input_writes_nothing);
on_both_backends!(refusals_by_role);
