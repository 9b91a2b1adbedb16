//! Every route of the cooperative with every role of a cooperative, on both backends:
//! the public, an applicant (refused, may appeal), a member, the board, the supervisory
//! board, the space's admin and the platform admin. The table is checked against the
//! router: a cooperative route without a row fails by name.
//!
//! GET rows give the exact status; writes say whether the role passes authorisation,
//! and refused roles are also tried with an empty body, refused the same way.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::Method;
use common::{Client, Resp, TestApp};
use std::collections::BTreeSet;
use wspolnota_app::coop::DeclarationForm;
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::SpaceRole;
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_testkit::{on_both_backends, Backend};

const ROLES: [&str; 7] = [
    "visitor",
    "applicant",
    "member",
    "board",
    "supervisory",
    "space admin",
    "platform admin",
];

fn email_of(i: usize) -> Option<&'static str> {
    [
        None,
        Some("applicant@example.pl"),
        Some("member@example.pl"),
        Some("board@example.pl"),
        Some("rada@example.pl"),
        Some("spaceadmin@example.pl"),
        Some("platform@example.pl"),
    ][i]
}

struct Row {
    method: Method,
    pattern: &'static str,
    path: &'static str,
    body: Option<&'static [(&'static str, &'static str)]>,
    json: Option<&'static str>,
    expect: &'static str,
}

fn get(pattern: &'static str, expect: &'static str) -> Row {
    Row {
        method: Method::GET,
        pattern,
        path: pattern,
        body: None,
        json: None,
        expect,
    }
}

fn api(
    method: Method,
    pattern: &'static str,
    path: &'static str,
    json: &'static str,
    expect: &'static str,
) -> Row {
    Row {
        method,
        pattern,
        path,
        body: None,
        json: Some(json),
        expect,
    }
}

fn post(
    pattern: &'static str,
    path: &'static str,
    body: &'static [(&'static str, &'static str)],
    expect: &'static str,
) -> Row {
    Row {
        method: Method::POST,
        pattern,
        path,
        body: Some(body),
        json: None,
        expect,
    }
}

/// `O` 200, `L` login (401 under /api), `F` 403, `N` 404; for writes `A` allowed.
fn table() -> Vec<Row> {
    let overseers = "LFOOOFO";
    vec![
        get("/wspolnoty/{slug}/spoldzielnia", "OOOOOOO"),
        post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje",
            "/wspolnoty/{slug}/spoldzielnia/deklaracje",
            &[
                ("name", "Ktoś"),
                ("address", "Konin"),
                ("shares", "1"),
                ("accept", "yes"),
            ],
            "LAAAAAA",
        ),
        get("/wspolnoty/{slug}/spoldzielnia/deklaracje", "LFFOOFO"),
        post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/decyzja",
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{pending}/decyzja",
            &[("decision", "admit")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/odwolanie",
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{refused}/odwolanie",
            &[("text", "Proszę o ponowne rozpatrzenie")],
            "LAFFFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/rozpatrzenie",
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{appealed}/rozpatrzenie",
            &[
                ("decision", "admit"),
                ("reasons", "Rada uwzględnia odwołanie"),
            ],
            "LFFFAFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/role",
            "/wspolnoty/{slug}/spoldzielnia/role",
            &[("email", "member@example.pl"), ("role", "board")],
            "LFFFFAA",
        ),
        get("/wspolnoty/{slug}/spoldzielnia/rejestr", overseers),
        get("/wspolnoty/{slug}/spoldzielnia/rejestr.csv", overseers),
        get("/wspolnoty/{slug}/spoldzielnia/rejestr.pdf", overseers),
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}",
            ..get(
                "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}",
                overseers,
            )
        },
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wplaty",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/wplaty",
            &[("amount", "10"), ("purpose", "shares")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wypowiedzenie",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/wypowiedzenie",
            &[],
            "LFAAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/ustanie",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/ustanie",
            &[("reason", "death")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/zwrot",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/zwrot",
            &[("amount", "10")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/rejestracja",
            "/wspolnoty/{slug}/spoldzielnia/rejestracja",
            &[("krs", "0000123456"), ("registered_on", "2026-05-01")],
            "LFFFFAA",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/korekta",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/korekta",
            &[
                ("entry", "2"),
                ("name", "Imię Nazwisko"),
                ("address", "ul. Hutnicza 2"),
                ("reason", "Literówka"),
            ],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/papier",
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/papier",
            &[],
            "LFFAFFF",
        ),
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/deklaracje/{refused}/pismo.pdf",
            ..get(
                "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/pismo.pdf",
                "LOFOOFO",
            )
        },
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/czlonkowie/2/pismo.pdf",
            ..get(
                "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/pismo.pdf",
                "LFFOFFF",
            )
        },
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/deklaracje/{paper}/skan",
            ..get(
                "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/skan",
                "LFFOOFO",
            )
        },
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/udzialy",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/udzialy",
            &[("shares", "1")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wklady",
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{member}/wklady",
            &[("kind", "praca"), ("value", "100")],
            "LFFAFFF",
        ),
        get("/wspolnoty/{slug}/spoldzielnia/statut", "LFFFFOO"),
        post(
            "/wspolnoty/{slug}/spoldzielnia/statut",
            "/wspolnoty/{slug}/spoldzielnia/statut",
            &[
                ("title", "Statut"),
                ("body", "Tekst statutu"),
                ("share_value", "200"),
                ("min_shares", "1"),
                ("entry_fee", "50"),
                ("payment_days", "30"),
                ("decision_days", "30"),
                ("appeal_body", "supervisory_board"),
                ("appeal_days", "14"),
                ("exit_notice_months", "3"),
                ("refund_months", "1"),
                ("legal_persons_allowed", "yes"),
                ("reserve_percent", "5"),
                ("surplus_rule", "interest_on_shares"),
                ("members_see", "without_addresses"),
            ],
            "LFFFFAA",
        ),
        get("/wspolnoty/{slug}/spoldzielnia/raporty", overseers),
        get("/wspolnoty/{slug}/spoldzielnia/nadwyzka", "LFFOOFO"),
        post(
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka",
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka",
            &[
                ("year", "2025"),
                ("approved_on", "2026-05-01"),
                ("surplus", "1000"),
                ("reserve_fund", "0"),
            ],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka/uzytkowanie",
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka/uzytkowanie",
            &[("year", "2025"), ("lines", "1; 100")],
            "LFFAFFF",
        ),
        get("/wspolnoty/{slug}/spoldzielnia/inwestycje", "OOOOOOO"),
        post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje",
            "/wspolnoty/{slug}/spoldzielnia/inwestycje",
            &[
                ("title", "Kawiarenka naprawcza"),
                ("summary", "Naprawiamy razem"),
                ("goal", "20000"),
            ],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/majatek",
            "/wspolnoty/{slug}/spoldzielnia/majatek",
            &[
                ("name", "Narzędzia"),
                ("kind", "equipment"),
                ("location", "ul. Hutnicza 1"),
                ("acquired_on", "2026-01-10"),
                ("value", "1500"),
            ],
            "LFFAFFF",
        ),
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}",
            ..get("/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}", "OOOOOOO")
        },
        post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/deklaracje",
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}/deklaracje",
            &[("amount", "100")],
            "LAAAAAA",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/deklaracje/{pledge}/wplaty",
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}/deklaracje/{pledge}/wplaty",
            &[("amount", "100")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/etapy/{milestone}",
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}/etapy/{milestone}",
            &[("done_on", "")],
            "LFFAFFF",
        ),
        post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/dokumenty",
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}/dokumenty",
            &[],
            "LFFAFFF",
        ),
        Row {
            path: "/wspolnoty/{slug}/spoldzielnia/inwestycje/{investment}/dokumenty/{document}",
            ..get(
                "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/dokumenty/{document}",
                "OOOOOOO",
            )
        },
        post(
            "/wspolnoty/{slug}/spoldzielnia/majatek/{asset}/wyceny",
            "/wspolnoty/{slug}/spoldzielnia/majatek/{asset}/wyceny",
            &[("valued_on", "2026-01-10"), ("value", "1200")],
            "LFFAFFF",
        ),
        get("/api/v1/spaces/{slug}/members", overseers),
        Row {
            path: "/api/v1/spaces/{slug}/members/{member}",
            ..get("/api/v1/spaces/{slug}/members/{number}", overseers)
        },
        api(
            Method::PUT,
            "/api/v1/spaces/{slug}/members/{number}/entries/{id}",
            "/api/v1/spaces/{slug}/members/{member}/entries/1",
            r#"{"body": {}}"#,
            "LFFAFFF",
        ),
        api(
            Method::DELETE,
            "/api/v1/spaces/{slug}/members/{number}/entries/{id}",
            "/api/v1/spaces/{slug}/members/{member}/entries/1",
            "{}",
            "LFFAFFF",
        ),
        get("/api/v1/spaces/{slug}/declarations", "LFFOOFO"),
        Row {
            path: "/api/v1/spaces/{slug}/declarations/{refused}",
            ..get("/api/v1/spaces/{slug}/declarations/{id}", "LOFOOFO")
        },
        api(
            Method::POST,
            "/api/v1/spaces/{slug}/declarations",
            "/api/v1/spaces/{slug}/declarations",
            r#"{"shares": 1, "name": "Ktoś", "address": "Konin", "accept_statute": true}"#,
            "LAAAAAA",
        ),
        api(
            Method::POST,
            "/api/v1/spaces/{slug}/declarations/{id}/decision",
            "/api/v1/spaces/{slug}/declarations/{pending}/decision",
            r#"{"admit": true}"#,
            "LFFAFFF",
        ),
        get("/api/v1/spaces/{slug}/shares", "LFFOOFO"),
        get("/api/v1/spaces/{slug}/investments", "OOOOOOO"),
        get("/api/v1/spaces/{slug}/assets", "OOOOOOO"),
        get("/wspolnoty/{slug}/organy", "OOOOOOO"),
        post(
            "/wspolnoty/{slug}/organy",
            "/wspolnoty/{slug}/organy",
            &[("kind", "working_group"), ("name", "Grupa remontowa")],
            "LFFAFAA",
        ),
        post(
            "/wspolnoty/{slug}/organy/{body}/miejsca",
            "/wspolnoty/{slug}/organy/{body}/miejsca",
            &[("email", "third@example.pl"), ("position", "member")],
            "LFFAFAA",
        ),
        post(
            "/wspolnoty/{slug}/organy/miejsca/{seat}/koniec",
            "/wspolnoty/{slug}/organy/miejsca/{seat}/koniec",
            &[("reason", "rezygnacja")],
            "LFFAFAA",
        ),
        get("/api/v1/spaces/{slug}/bodies", "OOOOOOO"),
        get("/wspolnoty/{slug}/zgromadzenia", "LFOOOOO"),
        get("/api/v1/spaces/{slug}/assemblies", "LFOOOOO"),
        post(
            "/wspolnoty/{slug}/zgromadzenia",
            "/wspolnoty/{slug}/zgromadzenia",
            &[
                ("title", "Walne Zgromadzenie"),
                ("convener", "board"),
                ("held_on", "2026-09-01"),
                ("starts_at", "17:00"),
                ("place", "ul. Hutnicza 1"),
            ],
            "LFFAFFA",
        ),
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{meeting}",
            ..get("/wspolnoty/{slug}/zgromadzenia/{id}", "LFOOOOO")
        },
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/porzadek",
            "/wspolnoty/{slug}/zgromadzenia/{meeting}/porzadek",
            &[("title", "Sprawozdanie zarządu")],
            "LFFAFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/zawiadomienie",
            "/wspolnoty/{slug}/zgromadzenia/{meeting}/zawiadomienie",
            &[],
            "LFFAFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/dokumenty",
            "/wspolnoty/{slug}/zgromadzenia/{meeting}/dokumenty",
            &[],
            "LFFAFFA",
        ),
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{meeting}/dokumenty/{mdoc}",
            ..get(
                "/wspolnoty/{slug}/zgromadzenia/{id}/dokumenty/{document}",
                "LFOOOOO",
            )
        },
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{sitting}/obrady",
            ..get("/wspolnoty/{slug}/zgromadzenia/{id}/obrady", "LFOOOOO")
        },
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/funkcje",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/funkcje",
            &[("email", "member@example.pl"), ("role", "teller")],
            "LFFAFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/obecnosc",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/obecnosc",
            &[],
            "LFFAFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/obecnosc/{member}/wyjscie",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/obecnosc/1/wyjscie",
            &[],
            "LFFAFFA",
        ),
        // Only the assembly's chair (here nobody but the platform admin) runs the votes,
        // and only its officers enter the room's votes.
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/glosowania",
            &[("item", "0"), ("text", "Uchwała")],
            "LFFFFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania/{vote}/glosy",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/glosowania/{vote}/glosy",
            &[("member", "1"), ("choice", "yes")],
            "LFFFFFA",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/glosowania/{vote}/zamkniecie",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/glosowania/{vote}/zamkniecie",
            &[],
            "LFFFFFA",
        ),
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{sitting}/protokol",
            ..get("/wspolnoty/{slug}/zgromadzenia/{id}/protokol", "LFOOOOO")
        },
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{sitting}/protokol.pdf",
            ..get(
                "/wspolnoty/{slug}/zgromadzenia/{id}/protokol.pdf",
                "LFOOOOO",
            )
        },
        // Nobody here chairs or takes the minutes of this assembly: nobody may sign.
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/podpis",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/protokol/podpis",
            &[],
            "LFFFFFF",
        ),
        post(
            "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/skan",
            "/wspolnoty/{slug}/zgromadzenia/{sitting}/protokol/skan",
            &[],
            "LFFAFFA",
        ),
        // No scan attached yet: 404 for those who see the assembly.
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{sitting}/protokol/skan",
            ..get(
                "/wspolnoty/{slug}/zgromadzenia/{id}/protokol/skan",
                "LFNNNNN",
            )
        },
        // Every member of this cooperative has an e-mail: no letters to print (404).
        Row {
            path: "/wspolnoty/{slug}/zgromadzenia/{noticed}/zawiadomienia.pdf",
            ..get(
                "/wspolnoty/{slug}/zgromadzenia/{id}/zawiadomienia.pdf",
                "LFFNFFN",
            )
        },
        api(
            Method::POST,
            "/api/v1/spaces/{slug}/members/{number}/payments",
            "/api/v1/spaces/{slug}/members/{member}/payments",
            r#"{"amount": "10", "purpose": "shares"}"#,
            "LFFAFFF",
        ),
    ]
}

struct World {
    t: TestApp,
    pending: i64,
    refused: i64,
    appealed: i64,
    member: i64,
    investment: i64,
    pledge: i64,
    paper: i64,
    milestone: i64,
    document: i64,
    asset: i64,
    body: i64,
    seat: i64,
    meeting: i64,
    noticed: i64,
    sitting: i64,
    vote: i64,
    mdoc: i64,
}

fn concrete(path: &str, w: &World) -> String {
    path.replace("{slug}", "spoldzielnia")
        .replace("{pending}", &w.pending.to_string())
        .replace("{refused}", &w.refused.to_string())
        .replace("{appealed}", &w.appealed.to_string())
        .replace("{member}", &w.member.to_string())
        .replace("{investment}", &w.investment.to_string())
        .replace("{pledge}", &w.pledge.to_string())
        .replace("{paper}", &w.paper.to_string())
        .replace("{milestone}", &w.milestone.to_string())
        .replace("{document}", &w.document.to_string())
        .replace("{asset}", &w.asset.to_string())
        .replace("{body}", &w.body.to_string())
        .replace("{seat}", &w.seat.to_string())
        .replace("{meeting}", &w.meeting.to_string())
        .replace("{noticed}", &w.noticed.to_string())
        .replace("{sitting}", &w.sitting.to_string())
        .replace("{vote}", &w.vote.to_string())
        .replace("{mdoc}", &w.mdoc.to_string())
}

async fn world(backend: Backend) -> World {
    let t = TestApp::new(backend).await;
    let platform = t.user("platform@example.pl", "Platform Admin", true).await;
    let space_admin = t.user("spaceadmin@example.pl", "Space Admin", false).await;
    for (e, n) in [
        ("applicant@example.pl", "Applicant"),
        ("member@example.pl", "Member"),
        ("board@example.pl", "Board"),
        ("rada@example.pl", "Rada"),
        ("other@example.pl", "Other"),
        ("third@example.pl", "Third"),
        ("gone@example.pl", "Gone"),
    ] {
        t.user(e, n, false).await;
    }
    let admin = t.app.subject_of(platform).await.unwrap();
    let form = NewSpaceForm {
        name: "Spółdzielnia".into(),
        slug: "spoldzielnia".into(),
        kind: "development_cooperative".into(),
        document_title: "Statut".into(),
        document_md: "Statut".into(),
        ..NewSpaceForm::default()
    };
    let space = t.app.create_space(&admin, form).await.unwrap();
    let mut tx = t.db.store.begin().await.unwrap();
    wspolnota_store::spaces::add_admin(&mut tx, space, space_admin, t.app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let admin = t
        .app
        .subject(Some(&t.app.user(platform).await.unwrap()), Some(space))
        .await
        .unwrap();
    t.app
        .grant_coop_role(&admin, space, "board@example.pl", SpaceRole::Board)
        .await
        .unwrap();
    t.app
        .grant_coop_role(
            &admin,
            space,
            "rada@example.pl",
            SpaceRole::SupervisoryBoard,
        )
        .await
        .unwrap();
    let who = |email: &'static str| {
        let t = &t;
        async move {
            let mut c = t.db.store.read().await.unwrap();
            let u = wspolnota_store::users::by_email(&mut c, email)
                .await
                .unwrap()
                .unwrap();
            drop(c);
            t.app.subject(Some(&u), Some(space)).await.unwrap()
        }
    };
    let declare = |email: &'static str| {
        let who = &who;
        let t = &t;
        async move {
            let s = who(email).await;
            let form = DeclarationForm {
                name: email.into(),
                address: "ul. Hutnicza 1".into(),
                shares: "2".into(),
                accept_statute: true,
                ..DeclarationForm::default()
            };
            t.app.declare_membership(&s, space, form).await.unwrap()
        }
    };
    let board = who("board@example.pl").await;
    let m = declare("member@example.pl").await;
    t.app
        .decide_declaration(&board, space, m, Decision::Admit)
        .await
        .unwrap();
    // Member 2, excluded: the board prints the letter notifying it.
    let gone = declare("gone@example.pl").await;
    t.app
        .decide_declaration(&board, space, gone, Decision::Admit)
        .await
        .unwrap();
    t.app
        .end_membership(
            &board,
            space,
            2,
            wspolnota_app::coop::EndForm {
                reason: "exclusion".into(),
                resolution: "Uchwała Zarządu nr 1/2026".into(),
                reasons: "Działanie na szkodę spółdzielni".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let refused = declare("applicant@example.pl").await;
    t.app
        .decide_declaration(
            &board,
            space,
            refused,
            Decision::Refuse {
                reasons: "Powód".into(),
            },
        )
        .await
        .unwrap();
    let appealed = declare("other@example.pl").await;
    t.app
        .decide_declaration(
            &board,
            space,
            appealed,
            Decision::Refuse {
                reasons: "Powód".into(),
            },
        )
        .await
        .unwrap();
    t.app
        .appeal_refusal(&who("other@example.pl").await, space, appealed, "Odwołanie")
        .await
        .unwrap();
    let pending = declare("third@example.pl").await;
    let investment = t
        .app
        .create_investment(
            &board,
            space,
            wspolnota_app::coop::InvestmentForm {
                title: "PV".into(),
                summary: "Panele".into(),
                goal: "250000".into(),
                milestones: "Projekt\nMontaż".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let pledge = t
        .app
        .pledge(
            &board,
            space,
            investment,
            wspolnota_app::coop::PledgeForm {
                amount: "150000".into(),
                partner: "Gmina".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let paper = t
        .app
        .enter_paper_declaration(
            &board,
            space,
            wspolnota_app::coop::PaperDeclarationForm {
                kind: "natural".into(),
                name: "Zofia Papierowa".into(),
                address: "ul. Polna 1".into(),
                shares: "1".into(),
                submitted_on: "2026-05-01".into(),
                scan: Some(wspolnota_app::files::Upload {
                    name: "skan.png".into(),
                    bytes: PNG.to_vec(),
                }),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let milestone = t
        .app
        .investment_view(&board, space, investment)
        .await
        .unwrap()
        .milestones[0]
        .id;
    let document = t
        .app
        .add_investment_document(
            &board,
            space,
            investment,
            "Audyt energetyczny",
            wspolnota_app::files::Upload {
                name: "audyt.png".into(),
                bytes: PNG.to_vec(),
            },
        )
        .await
        .unwrap();
    let asset = t
        .app
        .add_asset(
            &board,
            space,
            None,
            wspolnota_app::coop::AssetForm {
                name: "Narzędzia".into(),
                kind: "equipment".into(),
                location: "ul. Hutnicza 1".into(),
                acquired_on: "2026-01-10".into(),
                value: "1500".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let body = t
        .app
        .create_body(
            &admin,
            space,
            wspolnota_app::assembly::BodyForm {
                kind: "working_group".into(),
                name: "Grupa energetyczna".into(),
                purpose: String::new(),
            },
        )
        .await
        .unwrap();
    let seat = t
        .app
        .add_seat(
            &admin,
            space,
            body,
            wspolnota_app::assembly::SeatForm {
                email: "other@example.pl".into(),
                position: "chair".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let convene = |title: &str| wspolnota_app::assembly::ConveneForm {
        title: title.into(),
        convener: "board".into(),
        held_on: "2026-08-01".into(),
        starts_at: "17:00".into(),
        place: "ul. Hutnicza 1".into(),
        ..Default::default()
    };
    let meeting = t
        .app
        .convene_assembly(&board, space, convene("Walne Zgromadzenie 2026"))
        .await
        .unwrap();
    t.app
        .add_agenda_item(
            &board,
            space,
            meeting,
            wspolnota_app::assembly::AgendaForm {
                title: "Zatwierdzenie sprawozdania".into(),
                resolution: "ordinary".into(),
                description: String::new(),
            },
        )
        .await
        .unwrap();
    let mdoc = t
        .app
        .add_assembly_document(
            &board,
            space,
            meeting,
            "Sprawozdanie finansowe",
            wspolnota_app::files::Upload {
                name: "sprawozdanie.png".into(),
                bytes: PNG.to_vec(),
            },
        )
        .await
        .unwrap();
    let noticed = t
        .app
        .convene_assembly(&board, space, convene("Nadzwyczajne Walne Zgromadzenie"))
        .await
        .unwrap();
    t.app
        .add_agenda_item(
            &board,
            space,
            noticed,
            wspolnota_app::assembly::AgendaForm {
                title: "Zmiana statutu".into(),
                resolution: "statute_change".into(),
                description: String::new(),
            },
        )
        .await
        .unwrap();
    t.app
        .send_assembly_notice(&board, space, noticed)
        .await
        .unwrap();
    // An assembly on 15 June, noticed now; the clock then moves to its day, and a
    // vote is open on it.
    let sitting = t
        .app
        .convene_assembly(
            &board,
            space,
            wspolnota_app::assembly::ConveneForm {
                held_on: "2026-06-15".into(),
                ..convene("Walne w sesji")
            },
        )
        .await
        .unwrap();
    let item = t
        .app
        .add_agenda_item(
            &board,
            space,
            sitting,
            wspolnota_app::assembly::AgendaForm {
                title: "Zmiana statutu".into(),
                resolution: "statute_change".into(),
                description: String::new(),
            },
        )
        .await
        .unwrap();
    t.app
        .send_assembly_notice(&board, space, sitting)
        .await
        .unwrap();
    t.clock.advance(18 * 86_400);
    let vote = t
        .app
        .open_vote(
            &admin,
            space,
            sitting,
            item,
            "Uchwała w sprawie zmiany statutu",
        )
        .await
        .unwrap();
    World {
        t,
        body,
        seat,
        meeting,
        noticed,
        sitting,
        vote,
        mdoc,
        milestone,
        document,
        asset,
        pending,
        refused,
        appealed,
        member: 1,
        investment,
        pledge,
        paper,
    }
}

async fn client_for(w: &World, role: usize) -> Client {
    match email_of(role) {
        Some(e) => w.t.login(e).await,
        None => Client::new(),
    }
}

fn letter(r: &Resp, api: bool, write: bool) -> char {
    let location = r.location();
    let to_login = location == "/konto/logowanie" || location.starts_with("/konto/logowanie?next=");
    let c = match r.status.as_u16() {
        200 => 'O',
        401 if api => 'L',
        303 if to_login && !api => 'L',
        403 => 'F',
        404 => 'N',
        s if s >= 500 => '!',
        _ => '?',
    };
    if write && !matches!(c, 'L' | 'F' | 'N' | '!') {
        'A'
    } else {
        c
    }
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

async fn send(w: &World, c: &mut Client, row: &Row, path: &str, empty: bool) -> Resp {
    if row.pattern.ends_with("/papier") {
        let fields: &[(&str, Option<&str>, &[u8])] = if empty {
            &[]
        } else {
            &[
                ("kind", None, b"natural"),
                ("name", None, b"Jan Papier"),
                ("address", None, b"Konin"),
                ("shares", None, b"1"),
                ("submitted_on", None, b"2026-05-01"),
                ("scan", Some("skan.png"), PNG),
            ]
        };
        return w.t.post_multipart(c, path, fields).await;
    }
    if row.pattern.ends_with("/dokumenty") {
        let fields: &[(&str, Option<&str>, &[u8])] = if empty {
            &[]
        } else {
            &[("title", None, b"Umowa"), ("file", Some("umowa.png"), PNG)]
        };
        return w.t.post_multipart(c, path, fields).await;
    }
    if row.pattern.ends_with("/protokol/skan") {
        let fields: &[(&str, Option<&str>, &[u8])] = if empty {
            &[]
        } else {
            &[("scan", Some("protokol.png"), PNG)]
        };
        return w.t.post_multipart(c, path, fields).await;
    }
    if row.pattern.ends_with("/obecnosc") {
        let fields: &[(&str, Option<&str>, &[u8])] = if empty {
            &[]
        } else {
            &[("member", None, b"1"), ("presence", None, b"in_person")]
        };
        return w.t.post_multipart(c, path, fields).await;
    }
    match (row.json, row.body) {
        (Some(j), _) if row.method == Method::POST => {
            w.t.post_json(c, path, if empty { "{}" } else { j }).await
        }
        (Some(j), _) => {
            let req = axum::http::Request::builder()
                .method(row.method.clone())
                .uri(path)
                .header(
                    axum::http::header::COOKIE,
                    c.cookies
                        .iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                )
                .header(axum::http::header::CONTENT_TYPE, "application/json")
                .header("x-csrf-token", c.csrf())
                .body(axum::body::Body::from(
                    if empty { "{}" } else { j }.to_string(),
                ))
                .unwrap();
            w.t.send(c, req).await
        }
        (None, Some(fields)) if !empty => w.t.post_form(c, path, fields).await,
        _ => w.t.post_form(c, path, &[]).await,
    }
}

#[test]
fn every_cooperative_route_has_a_row() {
    let routes: BTreeSet<(String, String)> = wspolnota_web::route_list()
        .into_iter()
        .filter(|(_, p)| common::is_coop_route(p))
        .map(|(m, p)| (m.to_string(), p))
        .collect();
    let rows: BTreeSet<(String, String)> = table()
        .iter()
        .map(|r| (r.method.to_string(), r.pattern.to_string()))
        .collect();
    let missing: Vec<_> = routes.difference(&rows).collect();
    let stale: Vec<_> = rows.difference(&routes).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "without a row: {missing:?}; not routed: {stale:?}"
    );
    for r in table() {
        assert_eq!(r.expect.len(), ROLES.len(), "{}", r.pattern);
    }
}

async fn every_page_with_every_role(backend: Backend) {
    let w = world(backend).await;
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        let mut c = client_for(&w, i).await;
        for row in table().iter().filter(|r| r.method == Method::GET) {
            let path = concrete(row.path, &w);
            let resp = w.t.get(&mut c, &path).await;
            let got = letter(&resp, path.starts_with("/api/"), false);
            let expected = row.expect.as_bytes()[i] as char;
            if got != expected {
                failures.push(format!(
                    "GET {path} as {role}: {} (expected {expected})",
                    resp.status
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

async fn every_write_with_every_role(backend: Backend) {
    let mut failures = Vec::new();
    for (i, role) in ROLES.iter().enumerate() {
        // A world per role, so one role's writes never change another's answers.
        let w = world(backend).await;
        let mut c = client_for(&w, i).await;
        for row in table().iter().filter(|r| r.method != Method::GET) {
            let path = concrete(row.path, &w);
            let api = path.starts_with("/api/");
            let expected = row.expect.as_bytes()[i] as char;
            if matches!(expected, 'L' | 'F') {
                let resp = send(&w, &mut c, row, &path, true).await;
                let got = letter(&resp, api, true);
                if got != expected {
                    failures.push(format!(
                        "{} {path} as {role}, empty body: {} (expected {expected})",
                        row.method, resp.status
                    ));
                }
            }
            let resp = send(&w, &mut c, row, &path, false).await;
            let got = letter(&resp, api, true);
            if got != expected {
                failures.push(format!(
                    "{} {path} as {role}: {} {} (expected {expected})",
                    row.method,
                    resp.status,
                    resp.body.chars().take(200).collect::<String>()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

on_both_backends!(every_page_with_every_role, every_write_with_every_role);
