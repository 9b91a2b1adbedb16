//! Turnout by declared district, small groups only in a total.

use crate::world::*;
use wspolnota_app::budget::{NewRound, VerificationForm};
use wspolnota_domain::budget::{BallotKind, Choice, CountingRule, Phase};
use wspolnota_domain::pb::Money;
use wspolnota_testkit::{on_both_backends, Backend};

async fn turnout_by_declared_district(backend: Backend) {
    let w = world(backend).await;
    let r = w.round().await;
    let form = NewRound {
        title: "Z dzielnicami".into(),
        calendar: r.calendar,
        supports_required: 0,
        appeal_days: 7,
        allow_ballot_change: false,
        districts: vec![
            "Centrum".into(),
            " Zatorze ".into(),
            "".into(),
            "Centrum".into(),
        ],
        rules: wspolnota_app::budget::RoundRules {
            min_public_voters: 2,
            ..Default::default()
        },
    };
    let id = w
        .app
        .create_round(&w.admin, r.space_id, form)
        .await
        .unwrap();
    let r = w.app.round(id).await.unwrap();
    let shares = committee(&w.app, &w.admin, &r).await;
    assert_eq!(
        r.districts,
        vec!["Centrum".to_string(), "Zatorze".to_string()],
        "trimmed, no blanks, no repeats"
    );
    let pool = w
        .app
        .add_pool(
            &w.admin,
            &r,
            "Miasto",
            Money(1_000_00),
            BallotKind::Approval { max: 1, min: 1 },
            CountingRule::Greedy { min_votes: 0 },
        )
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Submission)
        .await
        .unwrap();
    let r = w.app.round(id).await.unwrap();
    let p = w
        .app
        .submit_proposal(&w.residents[0], &r, w.form(pool, "P", &[500_00]))
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Verification)
        .await
        .unwrap();
    let r = w.app.round(id).await.unwrap();
    // Space and platform admins verify too; no supports are required in this round.
    w.app
        .verify_proposal(
            &w.admin,
            &r,
            p,
            VerificationForm {
                accepted: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Voting)
        .await
        .unwrap();
    let r = w.app.round(id).await.unwrap();
    assert_eq!(
        refused(
            w.app
                .declare_residence(&w.residents[0], &r, &resident(0, "ul. A 1", ""))
                .await
        ),
        "input.required"
    );
    assert_eq!(
        refused(
            w.app
                .declare_residence(&w.residents[0], &r, &resident(0, "ul. A 1", "Mars"))
                .await
        ),
        "budget.unknown_district"
    );
    let ballot = [Choice {
        project: p,
        points: 1,
    }];
    for (i, d) in ["Centrum", "Zatorze", "Centrum"].iter().enumerate() {
        w.app
            .declare_residence(&w.residents[i], &r, &resident(i, "ul. A 1", d))
            .await
            .unwrap();
        w.app
            .cast_ballot(&w.residents[i], &r, pool, &ballot)
            .await
            .unwrap();
    }
    let code = w
        .app
        .issue_desk_code(&w.admin, &r, &resident(9, "ul. B 2", ""))
        .await
        .unwrap();
    w.app
        .cast_ballot_with_code(&r, pool, &code, &ballot)
        .await
        .unwrap();
    w.clock.advance(40 * DAY);
    let r = w.app.round(id).await.unwrap();
    let results = w.app.count_round(&w.admin, &r, &shares).await.unwrap();
    let publication = &results[0].publication;
    let get = |d: Option<&str>| {
        publication
            .districts
            .iter()
            .find(|(k, _)| k.as_deref() == d)
            .map(|(_, n)| *n)
    };
    // Zatorze has one voter, fewer than the round's minimum of two: only in the total.
    assert_eq!(
        (get(Some("Centrum")), get(Some("Zatorze")), get(None)),
        (Some(2), None, None)
    );
    assert_eq!(
        publication.districts_hidden, 2,
        "Zatorze and the code without a district"
    );
    assert!(publication.ballots);
}

on_both_backends!(turnout_by_declared_district);
