//! Per-person limits: proposals per person in a round, images per proposal.

use crate::common::{Client, Resp, TestApp};
use crate::setup::setup;
use axum::http::StatusCode;
use wspolnota_domain::budget::ProposalLimits;
use wspolnota_testkit::{on_both_backends, Backend};

async fn submit(t: &TestApp, c: &mut Client, round: &str, pool: &str, title: &str) -> Resp {
    let fields = [
        ("pool", pool),
        ("title", title),
        ("description", "Opis."),
        ("item_label_1", "zieleń"),
        ("item_amount_1", "1 000"),
    ];
    t.post_form(c, &format!("{round}/projekty"), &fields).await
}

async fn limits_on_proposals_and_images(backend: Backend) {
    let t = TestApp::with_config(backend, |c| {
        c.proposal_limits = ProposalLimits {
            per_person: 2,
            images: 1,
        }
    })
    .await;
    let (_admin, round, pool_id) = setup(&t).await;
    t.user("m0@example.pl", "Mieszkanka", false).await;
    t.user("m1@example.pl", "Mieszkaniec", false).await;
    let mut c0 = t.login("m0@example.pl").await;
    let first = submit(&t, &mut c0, &round, &pool_id, "Pierwszy").await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);
    assert_eq!(
        submit(&t, &mut c0, &round, &pool_id, "Drugi").await.status,
        StatusCode::SEE_OTHER
    );
    let r = submit(&t, &mut c0, &round, &pool_id, "Trzeci projekt").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("W tej edycji zgłoszono już z tego konta tyle projektów"),
        "the reason beside the form: {}",
        r.body
    );
    assert!(r.body.contains("value=\"Trzeci projekt\""), "input kept");
    assert_eq!(t.count("proposals").await, 2, "nothing written");
    // The API refuses alike, as JSON.
    let round_id = round.rsplit('/').next().unwrap();
    let json = format!(
        r#"{{"pool_id": {pool_id}, "title": "Czwarty", "description_markdown": "Opis", "items": [{{"label": "x", "amount_grosze": 100}}]}}"#
    );
    let r = t
        .post_json(
            &mut c0,
            &format!("/api/v1/budget/rounds/{round_id}/proposals"),
            &json,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.json()["error"], "budget.too_many_proposals");
    assert_eq!(t.count("proposals").await, 2);
    // The limit is per person.
    let mut c1 = t.login("m1@example.pl").await;
    assert_eq!(
        submit(&t, &mut c1, &round, &pool_id, "Cudzy").await.status,
        StatusCode::SEE_OTHER
    );
    // One image per proposal here.
    let id = first
        .location()
        .split('?')
        .next()
        .unwrap()
        .rsplit('/')
        .next()
        .unwrap()
        .to_string();
    let upload = format!("{round}/projekty/{id}/zdjecia");
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    let fields: [(&str, Option<&str>, &[u8]); 2] = [
        ("alt", None, "Plan".as_bytes()),
        ("image", Some("plan.png"), png),
    ];
    let r = t.post_multipart(&mut c0, &upload, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.post_multipart(&mut c0, &upload, &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("Ten projekt ma już tyle zdjęć, ile może mieć."),
        "{}",
        r.body
    );
    assert_eq!(t.count("proposal_images").await, 1);
}

on_both_backends!(limits_on_proposals_and_images);
