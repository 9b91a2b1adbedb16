//! The participatory-budget API on both backends: the same rules as the pages, from
//! proposals through residence and ballots to the committee's count and receipts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_testkit::{on_both_backends, Backend};

async fn the_api_follows_the_same_rules(backend: Backend) {
    use wspolnota_app::budget::{NewRound, VerificationForm};
    use wspolnota_domain::budget::{BallotKind, Calendar, CountingRule, Phase};
    use wspolnota_domain::clock::Timestamp;
    use wspolnota_domain::pb::Money;
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    let subject = Subject {
        user: Some(admin),
        platform_admin: true,
        ..Subject::default()
    };
    let space = t
        .app
        .create_space(
            &subject,
            NewSpaceForm {
                name: "Konin".into(),
                kind: "city".into(),
                document_title: "R".into(),
                document_md: "Z".into(),
                ..NewSpaceForm::default()
            },
        )
        .await
        .unwrap();
    let now = t.app.now().0;
    let cal = Calendar::new(
        Timestamp(now - 10),
        Timestamp(now + 100),
        Timestamp(now + 200),
        Timestamp(now + 300),
        Timestamp(now + 400),
    )
    .unwrap();
    let rid = t
        .app
        .create_round(
            &subject,
            space,
            NewRound {
                title: "BO".into(),
                calendar: cal,
                supports_required: 0,
                appeal_days: 7,
                allow_ballot_change: false,
                districts: vec![],
                rules: wspolnota_app::budget::RoundRules {
                    min_public_voters: 1,
                    ..Default::default()
                },
            },
        )
        .await
        .unwrap();
    let round = t.app.round(rid).await.unwrap();
    let (_, key_shares) = t
        .app
        .create_committee_key(&subject, &round, 1, 1)
        .await
        .unwrap();
    let shares: Vec<String> = key_shares.iter().map(|s| s.as_text()).collect();
    let mut admin_client = t.login("admin@example.pl").await;
    let pool = t
        .app
        .add_pool(
            &subject,
            &round,
            "Miasto",
            Money::from_zloty(1000),
            BallotKind::Approval { max: 1, min: 1 },
            CountingRule::Greedy { min_votes: 0 },
        )
        .await
        .unwrap();
    t.user("ala@example.pl", "Ala", false).await;
    let mut ala = t.login("ala@example.pl").await;
    let body = format!(
        r#"{{"pool_id":{pool},"title":"Ławka","description_markdown":"Ławka.","items":[{{"label":"ławka","amount_grosze":50000}}]}}"#
    );
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/proposals"),
            &body,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let proposal = r.json()["id"].as_i64().unwrap();
    let bad = format!(
        r#"{{"pool_id":{pool},"title":"Nic","description_markdown":"x","items":[{{"label":"x","amount_grosze":-5}}]}}"#
    );
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/proposals"),
            &bad,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["error"], "budget.cost_not_positive");
    let round = t.app.round(rid).await.unwrap();
    t.app
        .advance_round(&subject, &round, Phase::Verification)
        .await
        .unwrap();
    let round = t.app.round(rid).await.unwrap();
    t.app
        .verify_proposal(
            &subject,
            &round,
            proposal,
            VerificationForm {
                accepted: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    t.app
        .advance_round(&subject, &round, Phase::Voting)
        .await
        .unwrap();
    let r = t
        .get(&mut ala, &format!("/api/v1/budget/rounds/{rid}"))
        .await;
    assert_eq!(r.json()["phase"], "voting");
    assert_eq!(r.json()["pools"][0]["ballot"], "approval");
    let ballot = format!(r#"{{"choices":[{{"project":{proposal}}}]}}"#);
    let mut visitor = Client::new();
    let r = t
        .post_json(
            &mut visitor,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/ballots"),
            &ballot,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/ballots"),
            &ballot,
        )
        .await;
    assert_eq!(r.json()["error"], "budget.not_a_resident");
    let req = axum::http::Request::put(format!("/api/v1/budget/rounds/{rid}/residence"))
        .header(
            "cookie",
            format!(
                "wsp_session={}; wsp_csrf={}",
                ala.cookies["wsp_session"],
                ala.csrf()
            ),
        )
        .header("x-csrf-token", ala.csrf())
        .header("content-type", "application/json")
        .body(axum::body::Body::from(
            r#"{"name":"Ala Kowalska","address":"ul. Kolejowa 1"}"#,
        ))
        .unwrap();
    assert_eq!(t.send(&mut ala, req).await.status, StatusCode::NO_CONTENT);
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/ballots"),
            r#"{"choices":[{"project":999}]}"#,
        )
        .await;
    assert_eq!(r.json()["error"], "budget.ballot_unknown_project");
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/ballots"),
            &ballot,
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    assert_eq!(r.json()["receipt"].as_str().unwrap().len(), 20);
    let receipt = r.json()["receipt"].as_str().unwrap().to_string();
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/ballots"),
            &ballot,
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(r.json()["error"], "budget.already_voted");
    let r = t
        .get(&mut ala, &format!("/api/v1/budget/rounds/{rid}/results"))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let round = t.app.round(rid).await.unwrap();
    t.app
        .advance_round(&subject, &round, Phase::Counting)
        .await
        .unwrap();
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/count"),
            &format!(r#"{{"shares":["{}"]}}"#, shares[0]),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "residents do not count");
    let r = t
        .post_json(
            &mut admin_client,
            &format!("/api/v1/budget/rounds/{rid}/count"),
            &format!(r#"{{"shares":["{}"]}}"#, shares[0]),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.json()[0]["voters"], 1);
    let r = t
        .post_json(
            &mut ala,
            &format!("/api/v1/budget/rounds/{rid}/pools/{pool}/receipt"),
            &format!(r#"{{"receipt":"{receipt}"}}"#),
        )
        .await;
    assert_eq!(r.json()["counted"], true);
    let r = t
        .get(
            &mut visitor,
            &format!("/api/v1/budget/rounds/{rid}/results"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()[0]["winners"][0], proposal.to_string());
    assert_eq!(r.json()[0]["voters"], 1);
    let r = t
        .get(
            &mut visitor,
            &format!("/api/v1/budget/rounds/{rid}/proposals"),
        )
        .await;
    assert_eq!(r.json()[0]["items"][0]["amount_grosze"], 50000);
    let r = t.get(&mut visitor, "/api/v1/budget/rounds/abc").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

on_both_backends!(the_api_follows_the_same_rules);
