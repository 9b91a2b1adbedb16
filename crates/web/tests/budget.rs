//! A participatory-budget round through the pages, on both backends: set-up by
//! forms, a proposal with cost lines, verification, voting without JavaScript,
//! results with a chart, and downloads that recount to the same winners.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_domain::pb;
use wspolnota_testkit::{on_both_backends, Backend};

async fn setup(t: &TestApp) -> (Client, String) {
    let admin = t.user("admin@example.pl", "Admin", true).await;
    let subject = Subject {
        user: Some(admin),
        platform_admin: true,
        ..Subject::default()
    };
    let form = NewSpaceForm {
        name: "Miasto Konin".into(),
        slug: "konin".into(),
        kind: "city_network".into(),
        document_title: "Regulamin".into(),
        document_md: "Zasady.".into(),
        ..NewSpaceForm::default()
    };
    t.app.create_space(&subject, form).await.unwrap();
    let mut a = t.login("admin@example.pl").await;
    // Dates are days in Warsaw; the test clock starts on 2026-05-28.
    let fields = [
        ("title", "Budżet obywatelski 2027"),
        ("submission", "2026-05-01"),
        ("verification", "2026-06-10"),
        ("appeals", "2026-06-20"),
        ("voting", "2026-07-01"),
        ("results", "2026-07-15"),
        ("supports_required", "0"),
        ("appeal_days", "7"),
    ];
    let r = t
        .post_form(&mut a, "/wspolnoty/konin/budzet", &fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let round = r.location().split('?').next().unwrap().to_string();
    (a, round)
}

async fn a_round_through_the_pages(backend: Backend) {
    let t = TestApp::new(backend).await;
    let (mut a, round) = setup(&t).await;
    let r = t.get(&mut a, &round).await;
    assert!(
        r.body.contains("Zgłaszanie projektów"),
        "the phase is shown"
    );
    let pool = [
        ("name", "Ogólnomiejska"),
        ("budget", "100 000"),
        ("ballot", "approval"),
        ("max", "2"),
        ("min", "1"),
        ("rule", "greedy"),
        ("min_votes", "0"),
    ];
    let r = t.post_form(&mut a, &format!("{round}/pule"), &pool).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/pule"),
            &[
                ("name", "Zła"),
                ("budget", "zero"),
                ("ballot", "approval"),
                ("rule", "greedy"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t.get(&mut a, &round).await;
    let pool_id = r
        .body
        .split("id=\"pool-")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    t.user("urzednik@example.pl", "Urzędnik", false).await;
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/urzednicy"),
            &[("email", "urzednik@example.pl")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // Residents submit proposals with cost lines.
    let mut ids = Vec::new();
    for (i, (title, lines)) in [
        (
            "Park kieszonkowy",
            [("zieleń", "40 000"), ("ławki", "20 000,50")],
        ),
        ("Ławki", [("ławki", "30 000"), ("", "")]),
        ("Biblioteczka", [("regały", "45 000"), ("", "")]),
    ]
    .iter()
    .enumerate()
    {
        let email = format!("m{i}@example.pl");
        t.user(&email, &format!("Mieszkaniec {i}"), false).await;
        let mut c = t.login(&email).await;
        let r = t.get(&mut c, &format!("{round}/projekty/nowy")).await;
        assert_eq!(r.status, StatusCode::OK);
        let fields = [
            ("pool", pool_id.as_str()),
            ("title", title),
            ("description", "Opis **projektu**."),
            ("place", "Konin"),
            ("item_label_1", lines[0].0),
            ("item_amount_1", lines[0].1),
            ("item_label_2", lines[1].0),
            ("item_amount_2", lines[1].1),
        ];
        let r = t
            .post_form(&mut c, &format!("{round}/projekty"), &fields)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        ids.push(
            r.location()
                .split('?')
                .next()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string(),
        );
    }
    let mut c0 = t.login("m0@example.pl").await;
    let r = t
        .get(&mut c0, &format!("{round}/projekty/{}", ids[0]))
        .await;
    assert!(
        r.body.contains("60 000,50 zł"),
        "the total is the sum of the lines"
    );
    // A zero cost is refused with the input kept.
    let r = t
        .post_form(
            &mut c0,
            &format!("{round}/projekty"),
            &[
                ("pool", &pool_id),
                ("title", "Darmowe"),
                ("description", "x"),
                ("item_label_1", "nic"),
                ("item_amount_1", "0"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("value=\"Darmowe\""));

    // Verification by the official: one positive with a lower cost, one negative.
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/etap"),
            &[("phase", "verification")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut o = t.login("urzednik@example.pl").await;
    let verify = |id: &str| format!("{round}/projekty/{id}/weryfikacja");
    let r = t
        .post_form(&mut c0, &verify(&ids[0]), &[("decision", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "authors do not verify");
    let r = t
        .post_form(&mut o, &verify(&ids[0]), &[("decision", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut o,
            &verify(&ids[1]),
            &[
                ("decision", "accept"),
                ("verified_cost", "25 000"),
                ("cost_justification", "Ceny z przetargu."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(&mut o, &verify(&ids[2]), &[("decision", "reject")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a negative needs a reason"
    );
    let r = t
        .post_form(
            &mut o,
            &verify(&ids[2]),
            &[("decision", "reject"), ("reason", "Teren prywatny.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut v = Client::new();
    let r = t.get(&mut v, &format!("{round}/projekty/{}", ids[1])).await;
    assert!(
        r.body.contains("30 000 zł") && r.body.contains("25 000 zł"),
        "both costs are public"
    );

    // Voting, without JavaScript: checkboxes, the limits checked by the server.
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "voting")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let vote = format!("{round}/glosowanie/{pool_id}");
    let r = t.post_form(&mut c0, &vote, &[("p", &ids[0])]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("adres"), "address first");
    let r = t
        .post_form(
            &mut c0,
            &format!("{round}/adres"),
            &[("address", "ul. Kolejowa 1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.get(&mut c0, &format!("{round}/glosowanie")).await;
    assert!(r.body.contains("type=\"checkbox\" name=\"p\""));
    let r = t
        .post_form(
            &mut c0,
            &vote,
            &[("p", &ids[0]), ("p", &ids[1]), ("p", &ids[2])],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the rejected proposal is not on the ballot"
    );
    let r = t
        .post_form(&mut c0, &vote, &[("p", &ids[0]), ("p", &ids[1])])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("receipt-code"), "the receipt is shown once");
    let receipt = r
        .body
        .split("<code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap()
        .to_string();
    let r = t.post_form(&mut c0, &vote, &[("p", &ids[0])]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    for i in 1..3 {
        let mut c = t.login(&format!("m{i}@example.pl")).await;
        t.post_form(
            &mut c,
            &format!("{round}/adres"),
            &[("address", "ul. Dworcowa 2")],
        )
        .await;
        let r = t.post_form(&mut c, &vote, &[("p", &ids[0])]).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = t.get(&mut v, &format!("{round}/wyniki")).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no results before the results phase"
    );

    // Results.
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "results")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.post_form(&mut c0, &format!("{round}/wyniki"), &[]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t.post_form(&mut a, &format!("{round}/wyniki"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.get(&mut v, &format!("{round}/wyniki")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("<svg class=\"chart\" role=\"img\""),
        "a chart"
    );
    assert!(r.body.contains("wybrany"));
    assert!(r.body.contains("3 głosujących"));
    let r = t
        .get(&mut v, &format!("{round}/pule/{pool_id}/glosy.pb"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let inst = pb::parse_str(&r.body).unwrap();
    assert_eq!(inst.ballots.len(), 3);
    assert!(
        r.body.contains(&wspolnota_app::tokens::hash(&receipt)),
        "her receipt is in the file"
    );
    let recount = pb::count(&inst, pb::Rule::Greedy).unwrap();
    let mut winners = recount.winner_ids(&inst);
    winners.sort();
    let mut expected = vec![ids[0].clone(), ids[1].clone()];
    expected.sort();
    assert_eq!(winners, expected);
    let r = t
        .get(&mut v, &format!("{round}/pule/{pool_id}/wyniki.csv"))
        .await;
    assert!(r
        .body
        .starts_with("project_id,name,cost,votes,funded,explanation\n"));
    assert_eq!(r.body.lines().count(), 3);
    // Unknown rounds and pools.
    for path in [
        "/budzet/999999",
        "/budzet/abc",
        &format!("{round}/pule/999999/glosy.pb"),
        &format!("{round}/projekty/999999"),
    ] {
        let r = t.get(&mut v, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
}

on_both_backends!(a_round_through_the_pages);
