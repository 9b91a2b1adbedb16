//! Every route with every role, on both backends: the answer each role gets, and
//! that no answer shows an e-mail address to someone not allowed to see it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_domain::module::Module;
use wspolnota_testkit::{on_both_backends, Backend};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Visitor,
    Resident,
    Representative,
    Member,
    SpaceAdmin,
    PlatformAdmin,
}

const ROLES: [Role; 6] = [
    Role::Visitor,
    Role::Resident,
    Role::Representative,
    Role::Member,
    Role::SpaceAdmin,
    Role::PlatformAdmin,
];

fn email_of(role: Role) -> Option<&'static str> {
    match role {
        Role::Visitor => None,
        Role::Resident => Some("resident@example.pl"),
        Role::Representative => Some("rep@example.pl"),
        Role::Member => Some("member@example.pl"),
        Role::SpaceAdmin => Some("spaceadmin@example.pl"),
        Role::PlatformAdmin => Some("platform@example.pl"),
    }
}

/// A form post: path, fields, expected status per role.
type Action = (String, Vec<(&'static str, String)>, [u16; 6]);

/// Expected status of a route for each role, in the order of `ROLES`.
type Row = (&'static str, &'static str, [u16; 6]);

const OK: u16 = 200;
const SEE: u16 = 303;
const FORB: u16 = 403;

fn get_routes(org: i64, other_org: i64, round: i64) -> Vec<(String, [u16; 6])> {
    let table: Vec<Row> = vec![
        ("GET", "/", [OK; 6]),
        ("GET", "/wspolnoty/koalicja", [OK; 6]),
        ("GET", "/wspolnoty/koalicja/sojusznicy", [OK; 6]),
        ("GET", "/wspolnoty/koalicja/dokument", [OK; 6]),
        (
            "GET",
            "/wspolnoty/koalicja/admin",
            [SEE, FORB, FORB, FORB, OK, OK],
        ),
        (
            "GET",
            "/wspolnoty/koalicja/dziennik",
            [SEE, FORB, FORB, FORB, OK, OK],
        ),
        ("GET", "/organizacje", [OK; 6]),
        ("GET", "/organizacje/nowa", [SEE, OK, OK, OK, OK, OK]),
        ("GET", "/organizacje/{org}", [OK; 6]),
        ("GET", "/organizacje/{other}", [OK; 6]),
        // An invitation link that was never sent.
        ("GET", "/organizacje/zaproszenie/0000000000000000000000000000000000000000000000000000000000000000", [400; 6]),
        ("GET", "/admin/skrzynka", [SEE, FORB, FORB, FORB, FORB, OK]),
        (
            "GET",
            "/admin/wspolnoty/nowa",
            [SEE, FORB, FORB, FORB, FORB, OK],
        ),
        ("GET", "/konto/profil", [SEE, OK, OK, OK, OK, OK]),
        // One's own data: always the session's person, so every role gets its own.
        ("GET", "/konto/moje-dane", [SEE, OK, OK, OK, OK, OK]),
        ("GET", "/konto/moje-dane.json", [SEE, OK, OK, OK, OK, OK]),
        ("GET", "/deklaracja-dostepnosci", [OK; 6]),
        ("GET", "/prywatnosc", [OK; 6]),
        ("GET", "/konto/logowanie", [OK; 6]),
        ("GET", "/konto/rejestracja", [OK; 6]),
        ("GET", "/konto/reset", [OK; 6]),
        ("GET", "/api/v1/spaces", [OK; 6]),
        ("GET", "/api/v1/spaces/koalicja", [OK; 6]),
        ("GET", "/api/v1/spaces/koalicja/allies", [OK; 6]),
        ("GET", "/api/v1/organisations", [OK; 6]),
        ("GET", "/api/v1/organisations/{org}", [OK; 6]),
        ("GET", "/api/v1/me", [401, OK, OK, OK, OK, OK]),
        ("GET", "/api/v1/openapi.json", [OK; 6]),
        ("GET", "/healthz", [OK; 6]),
        ("GET", "/metrics", [OK; 6]),
        ("GET", "/wspolnoty/koalicja/budzet", [OK; 6]),
        ("GET", "/budzet/{round}", [OK; 6]),
        // The network has not switched its budget on: the module's pages do not exist.
        ("GET", "/wspolnoty/siec/budzet", [404; 6]),
        (
            "GET",
            "/budzet/{round}/projekty/nowy",
            [SEE, OK, OK, OK, OK, OK],
        ),
        ("GET", "/budzet/{round}/glosowanie", [OK; 6]),
        (
            "GET",
            "/budzet/{round}/papier",
            [SEE, FORB, FORB, FORB, OK, OK],
        ),
        (
            "GET",
            "/budzet/{round}/wyniki",
            [422, 422, 422, 422, OK, OK],
        ),
        // Anyone checks a receipt; before the count the page says so.
        ("GET", "/budzet/{round}/potwierdzenie", [OK; 6]),
        ("GET", "/api/v1/budget/rounds/{round}", [OK; 6]),
        ("GET", "/api/v1/budget/rounds/{round}/proposals", [OK; 6]),
    ];
    table
        .into_iter()
        .map(|(_, p, s)| {
            (
                p.replace("{org}", &org.to_string())
                    .replace("{other}", &other_org.to_string())
                    .replace("{round}", &round.to_string()),
                s,
            )
        })
        .collect()
}

struct World {
    t: TestApp,
    org: i64,
    other_org: i64,
    other_user: i64,
    /// The member's own signature in the coalition.
    member_signature: i64,
    /// A signature awaiting approval in a second space, which the space admin does not run.
    pending_elsewhere: i64,
    /// A participatory-budget round of the coalition, open for proposals.
    round: i64,
    emails: Vec<&'static str>,
}

async fn world(backend: Backend) -> World {
    let t = TestApp::new(backend).await;
    let platform = t.user("platform@example.pl", "Platform Admin", true).await;
    let space_admin = t.user("spaceadmin@example.pl", "Space Admin", false).await;
    let member = t.user("member@example.pl", "Member", false).await;
    let rep = t.user("rep@example.pl", "Representative", false).await;
    t.user("resident@example.pl", "Resident", false).await;
    let other = t.user("other@example.pl", "Other Person", false).await;
    let admin_subject = Subject {
        user: Some(platform),
        platform_admin: true,
        ..Subject::default()
    };
    let form = NewSpaceForm {
        name: "Koalicja".into(),
        slug: "koalicja".into(),
        kind: "coalition".into(),
        description_md: "Opis".into(),
        document_title: "Deklaracja".into(),
        document_md: "Tekst".into(),
        ..NewSpaceForm::default()
    };
    let space = t.app.create_space(&admin_subject, form).await.unwrap();
    // Budgets are off by default in a coalition; this one runs a round.
    t.app
        .set_module(&admin_subject, space, Module::Budget, true)
        .await
        .unwrap();
    // The platform admin who created the space is not its admin for this table.
    let mut tx = t.db.store.begin().await.unwrap();
    wspolnota_store::spaces::add_admin(&mut tx, space, space_admin, t.app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let m = t.app.subject_of(member).await.unwrap();
    let member_signature = t.app.sign(&m, space, None).await.unwrap().id.0;
    let network = NewSpaceForm {
        name: "Sieć".into(),
        slug: "siec".into(),
        kind: "city_network".into(),
        requires_approval: true,
        document_title: "Porozumienie".into(),
        document_md: "Tekst".into(),
        ..NewSpaceForm::default()
    };
    let network = t.app.create_space(&admin_subject, network).await.unwrap();
    let org_form = |name: &str| wspolnota_app::orgs::NewOrgForm {
        name: name.into(),
        kind: "ngo".into(),
        ..Default::default()
    };
    let org = t
        .app
        .create_org(
            &t.app.subject_of(rep).await.unwrap(),
            org_form("Fundacja Rep"),
        )
        .await
        .unwrap();
    let other_org = t
        .app
        .create_org(
            &t.app.subject_of(other).await.unwrap(),
            org_form("Fundacja Inna"),
        )
        .await
        .unwrap();
    // Other signs for his organisation, so allies and audit log have content.
    let o = t.app.subject_of(other).await.unwrap();
    t.app.sign(&o, space, Some(other_org)).await.unwrap();
    t.app.sign(&o, space, None).await.unwrap();
    let pending_elsewhere = t.app.sign(&o, network, None).await.unwrap().id.0;
    // Other also represents the representative's organisation, so revoking can be tried.
    let rep_subject = t.app.subject_of(rep).await.unwrap();
    t.app
        .grant_representative(&rep_subject, org, "other@example.pl", "representative")
        .await
        .unwrap();
    // Mail in the outbox, with an address in it.
    t.app
        .request_password_reset("other@example.pl", &Default::default())
        .await
        .unwrap();
    let now = t.app.now().0;
    let calendar = wspolnota_domain::budget::Calendar::new(
        wspolnota_domain::clock::Timestamp(now - 10),
        wspolnota_domain::clock::Timestamp(now + 100),
        wspolnota_domain::clock::Timestamp(now + 200),
        wspolnota_domain::clock::Timestamp(now + 300),
        wspolnota_domain::clock::Timestamp(now + 400),
    )
    .unwrap();
    let round_form = wspolnota_app::budget::NewRound {
        title: "BO".into(),
        calendar,
        supports_required: 0,
        appeal_days: 7,
        allow_ballot_change: false,
        districts: vec![],
        rules: wspolnota_app::budget::RoundRules {
            min_public_voters: 1,
            ..Default::default()
        },
    };
    let round = t
        .app
        .create_round(&admin_subject, space, round_form)
        .await
        .unwrap();
    let emails = vec![
        "platform@example.pl",
        "spaceadmin@example.pl",
        "member@example.pl",
        "rep@example.pl",
        "resident@example.pl",
        "other@example.pl",
    ];
    World {
        t,
        org: org.0,
        other_org: other_org.0,
        other_user: other.0,
        member_signature,
        pending_elsewhere,
        round,
        emails,
    }
}

async fn client_for(w: &World, role: Role) -> Client {
    match email_of(role) {
        Some(e) => w.t.login(e).await,
        None => Client::new(),
    }
}

async fn every_page_with_every_role(backend: Backend) {
    let w = world(backend).await;
    let routes = get_routes(w.org, w.other_org, w.round);
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let mut c = client_for(&w, *role).await;
        for (path, expected) in &routes {
            let r = w.t.get(&mut c, path).await;
            if r.status.as_u16() != expected[i] {
                failures.push(format!(
                    "GET {path} as {role:?}: {} (expected {})",
                    r.status, expected[i]
                ));
            }
            // E-mail addresses: one's own may show; only the platform admin sees others'.
            for email in &w.emails {
                let own = email_of(*role) == Some(*email);
                if r.body.contains(email) && !own && *role != Role::PlatformAdmin {
                    failures.push(format!("GET {path} as {role:?} shows {email}"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_action_with_every_role(backend: Backend) {
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        // A fresh world for each role, so that one role's action never changes another's answer.
        let w = world(backend).await;
        let org = w.org.to_string();
        let actions: Vec<Action> = vec![
            (
                "/wspolnoty/koalicja/podpisz".into(),
                vec![("on_behalf", "self".into())],
                [SEE, SEE, SEE, 409, SEE, SEE],
            ),
            (
                "/wspolnoty/koalicja/podpisz".into(),
                vec![("on_behalf", org.clone())],
                [SEE, FORB, SEE, FORB, FORB, FORB],
            ),
            (
                "/wspolnoty/koalicja/dokument".into(),
                vec![("title", "Deklaracja".into()), ("text", "Nowa".into())],
                [SEE, FORB, FORB, FORB, SEE, SEE],
            ),
            (
                format!("/wspolnoty/koalicja/podpisy/{}/wycofaj", w.member_signature),
                vec![],
                [SEE, FORB, FORB, SEE, SEE, SEE],
            ),
            (
                format!("/wspolnoty/siec/podpisy/{}/decyzja", w.pending_elsewhere),
                vec![("decision", "approve".into())],
                [SEE, FORB, FORB, FORB, FORB, SEE],
            ),
            (
                format!("/organizacje/{org}/reprezentanci"),
                vec![
                    ("email", "resident@example.pl".into()),
                    ("role", "representative".into()),
                ],
                [SEE, FORB, SEE, FORB, FORB, SEE],
            ),
            (
                format!("/organizacje/{org}/reprezentanci/{}/odbierz", w.other_user),
                vec![],
                [SEE, FORB, SEE, FORB, FORB, SEE],
            ),
            (
                "/organizacje/nowa".into(),
                vec![("name", "Nowa Org".into()), ("kind", "company".into())],
                [SEE; 6],
            ),
            (
                "/konto/profil".into(),
                vec![("display_name", "Nowe Imię".into())],
                [SEE; 6],
            ),
            (
                "/admin/wspolnoty/nowa".into(),
                vec![
                    ("name", "Sieć Druga".into()),
                    ("kind", "city_network".into()),
                    ("document_title", "Porozumienie".into()),
                    ("document", "Tekst".into()),
                ],
                [SEE, FORB, FORB, FORB, FORB, SEE],
            ),
            // The round takes proposals: its committee key and bulk codes are made now;
            // counting and desk codes wait for their phases.
            (
                format!("/budzet/{}/komisja", w.round),
                vec![("members", "3".into()), ("threshold", "2".into())],
                [SEE, FORB, FORB, FORB, OK, OK],
            ),
            (
                format!("/budzet/{}/kody", w.round),
                vec![("count", "2".into())],
                [SEE, FORB, FORB, FORB, OK, OK],
            ),
            (
                format!("/budzet/{}/arkusze", w.round),
                vec![("numbers", "K-1..K-3".into())],
                [SEE, FORB, FORB, FORB, SEE, SEE],
            ),
            (
                format!("/budzet/{}/punkt", w.round),
                vec![("name", "Jan".into()), ("address", "ul. A 1".into())],
                [SEE, FORB, FORB, FORB, 422, 422],
            ),
            (
                format!("/budzet/{}/liczenie", w.round),
                vec![("shares", "wsp-share1-x".into())],
                [SEE, FORB, FORB, FORB, 422, 422],
            ),
            (
                "/wspolnoty/koalicja/moduly".into(),
                vec![("shown", "budget".into())],
                [SEE, FORB, FORB, FORB, SEE, SEE],
            ),
            (
                "/wspolnoty/koalicja/moduly".into(),
                vec![("shown", "budget".into()), ("budget", "on".into())],
                [SEE, FORB, FORB, FORB, SEE, SEE],
            ),
            (
                "/konto/moje-dane/zgody/wycofaj".into(),
                vec![("consent", "list_publicly".into())],
                [SEE; 6],
            ),
            (
                "/organizacje/zaproszenie/0000000000000000000000000000000000000000000000000000000000000000".into(),
                vec![],
                [SEE, 400, 400, 400, 400, 400],
            ),
            (
                "/konto/tokeny".into(),
                vec![("name", "Skrypt".into()), ("scope", "read".into())],
                [SEE, OK, OK, OK, OK, OK],
            ),
            // Only one's own tokens can be revoked; there is no token 999999.
            (
                "/konto/tokeny/999999/odwolaj".into(),
                vec![],
                [SEE, 404, 404, 404, 404, 404],
            ),
            (
                "/konto/usun".into(),
                vec![("password", "nie-to-haslo".into())],
                [SEE, 422, 422, 422, 422, 422],
            ),
            (
                "/jezyk".into(),
                vec![("lang", "en".into()), ("back", "/".into())],
                [SEE; 6],
            ),
            ("/konto/wyloguj".into(), vec![], [SEE; 6]),
        ];
        let mut c = client_for(&w, *role).await;
        for (path, fields, expected) in &actions {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let r = w.t.post_form(&mut c, path, &fields).await;
            let to_login = r.location() == "/konto/logowanie";
            // A visitor is always sent to the login form, except where visitors may act.
            let visitor_ok =
                *role != Role::Visitor || to_login || path == "/jezyk" || path == "/konto/wyloguj";
            if r.status.as_u16() != expected[i] || !visitor_ok {
                failures.push(format!(
                    "POST {path} as {role:?}: {} → {} (expected {})",
                    r.status,
                    r.location(),
                    expected[i]
                ));
            }
        }
        // API writes, in a fresh world again: 401 for visitors, a JSON error otherwise when refused.
        let w = world(backend).await;
        let org = w.org.to_string();
        let mut c = client_for(&w, *role).await;
        let r =
            w.t.post_json(
                &mut c,
                "/api/v1/spaces/koalicja/signatures",
                &format!(r#"{{"on_behalf_of":{org}}}"#),
            )
            .await;
        let expected = match role {
            Role::Visitor => StatusCode::UNAUTHORIZED,
            Role::Representative => StatusCode::CREATED,
            _ => StatusCode::FORBIDDEN,
        };
        if r.status != expected {
            failures.push(format!(
                "POST /api/v1/spaces/koalicja/signatures as {role:?}: {} (expected {expected})",
                r.status
            ));
        }
        let r =
            w.t.delete(
                &mut c,
                &format!("/api/v1/spaces/koalicja/signatures/{}", w.member_signature),
            )
            .await;
        let expected = match role {
            Role::Visitor => StatusCode::UNAUTHORIZED,
            Role::Member | Role::SpaceAdmin | Role::PlatformAdmin => StatusCode::NO_CONTENT,
            _ => StatusCode::FORBIDDEN,
        };
        if r.status != expected {
            failures.push(format!(
                "DELETE member's signature as {role:?}: {} (expected {expected})",
                r.status
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

on_both_backends!(every_page_with_every_role, every_action_with_every_role);
