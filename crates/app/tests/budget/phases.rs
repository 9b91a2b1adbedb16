//! Phases move forward only; codes vote once per pool; voting leaves no trace in the audit log.

use crate::world::*;
use wspolnota_app::budget::VerificationForm;
use wspolnota_domain::budget::{BallotKind, Choice, CountingRule, Phase};
use wspolnota_domain::pb::Money;
use wspolnota_testkit::{on_both_backends, Backend};

async fn phases_and_secrecy(backend: Backend) {
    let w = world(backend).await;
    let r = w.round().await;
    // Admins advance the round ahead of its calendar, never back; each step is logged.
    assert_eq!(
        refused(
            w.app
                .advance_round(&w.official, &r, Phase::Submission)
                .await
        ),
        "auth.forbidden"
    );
    w.app
        .advance_round(&w.admin, &r, Phase::Submission)
        .await
        .unwrap();
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Submission);
    assert_eq!(
        refused(w.app.advance_round(&w.admin, &r, Phase::Preparation).await),
        "budget.phase_backwards"
    );
    let park = w
        .app
        .submit_proposal(
            &w.residents[0],
            &r,
            w.form(w.city_pool, "Park", &[10_000_00]),
        )
        .await
        .unwrap();
    w.app
        .support_proposal(&w.residents[1], &r, park)
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Verification)
        .await
        .unwrap();
    let r = w.round().await;
    // Pools are fixed once proposals are being verified.
    assert_eq!(
        refused(
            w.app
                .add_pool(
                    &w.admin,
                    &r,
                    "Nowa",
                    Money(1),
                    BallotKind::ChooseOne,
                    CountingRule::EqualShares
                )
                .await
        ),
        "budget.wrong_phase"
    );
    w.app
        .verify_proposal(
            &w.official,
            &r,
            park,
            VerificationForm {
                accepted: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    // Printed codes in bulk: only before voting opens, so their number is known first.
    assert_eq!(
        refused(w.app.issue_voting_codes(&w.official, &r, 2).await),
        "auth.forbidden"
    );
    let codes = w.app.issue_voting_codes(&w.admin, &r, 2).await.unwrap();
    assert_eq!(w.app.codes_issued(&r).await.unwrap(), (2, 0));
    w.app
        .advance_round(&w.admin, &r, Phase::Voting)
        .await
        .unwrap();
    let r = w.round().await;
    w.app
        .declare_residence(&w.residents[0], &r, &resident(0, "ul. Słowackiego 3", ""))
        .await
        .unwrap();
    let audit_before = {
        let mut c = w.db.store.read().await.unwrap();
        wspolnota_store::count_rows(&mut c, "audit_log")
            .await
            .unwrap()
    };
    w.app
        .cast_ballot(
            &w.residents[0],
            &r,
            w.city_pool,
            &[Choice {
                project: park,
                points: 1,
            }],
        )
        .await
        .unwrap();
    // One ballot per code and pool.
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0].len(), 14, "XXXX-XXXX-XXXX");
    let typed = codes[0].replace('-', " ").to_lowercase();
    let ballot = [Choice {
        project: park,
        points: 1,
    }];
    w.app
        .cast_ballot_with_code(&r, w.city_pool, &typed, &ballot)
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot_with_code(&r, w.city_pool, &codes[0], &ballot)
                .await
        ),
        "budget.already_voted"
    );
    assert_eq!(
        refused(
            w.app
                .cast_ballot_with_code(&r, w.city_pool, "AAAA-BBBB-CCCC", &ballot)
                .await
        ),
        "budget.unknown_code"
    );
    w.app
        .cast_ballot_with_code(&r, w.city_pool, &codes[1], &ballot)
        .await
        .unwrap();
    assert_eq!(
        w.app.counts(w.city_pool).await.unwrap(),
        (3, 0, 3),
        "all sealed"
    );
    // Who voted and what was voted share no column but the pool: nothing joins them.
    let cols = w.db.store.schema_columns().await.unwrap();
    let of = |t: &str| {
        cols.iter()
            .filter(|(table, _)| table == t)
            .map(|(_, c)| c.clone())
            .collect::<Vec<_>>()
    };
    let voters = of("budget_voters");
    let ballots = of("budget_ballots");
    let shared: Vec<_> = voters.iter().filter(|c| ballots.contains(c)).collect();
    assert_eq!(shared, vec!["pool_id"]);
    assert!(
        !ballots
            .iter()
            .any(|c| c.contains("at") && c != "choices" && c != "token"),
        "no time on ballots: {ballots:?}"
    );
    let mut c = w.db.store.read().await.unwrap();
    let log = wspolnota_store::audit::for_space(&mut c, r.space_id, 100)
        .await
        .unwrap();
    assert_eq!(
        log.iter()
            .filter(|e| e.action == "budget.phase_advanced")
            .count(),
        3
    );
    drop(log);
    assert_eq!(
        wspolnota_store::count_rows(&mut c, "audit_log")
            .await
            .unwrap(),
        audit_before,
        "voting leaves no trace in the audit log"
    );
}

/// A round that reaches voting without a committee key takes no vote until its admin
/// sets one; after voting closes it is too late to set one.
async fn no_vote_without_a_committee_key(backend: Backend) {
    let w = world(backend).await;
    let small = w
        .small_round_keyed("Bez klucza", small_rules(), false)
        .await;
    let r = small.round;
    w.app
        .declare_residence(&w.residents[0], &r, &resident(0, "ul. A 1", ""))
        .await
        .unwrap();
    let ballot = tick(&[small.proposal]);
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[0], &r, small.pool, &ballot)
                .await
        ),
        "budget.no_committee_key"
    );
    assert_eq!(
        w.app.counts(small.pool).await.unwrap(),
        (0, 0, 0),
        "nothing written"
    );
    let (_, shares) = w
        .app
        .create_committee_key(&w.admin, &r, 1, 1)
        .await
        .unwrap();
    let r = w.app.round(r.id).await.unwrap();
    w.app
        .cast_ballot(&w.residents[0], &r, small.pool, &ballot)
        .await
        .unwrap();
    // A ballot cast before ballots were sealed (a round open during the upgrade) is
    // already plain; the count keeps it beside the opened ones.
    let mut tx = w.db.store.begin().await.unwrap();
    let legacy = format!("{}:1", small.proposal);
    let earlier = format!("user:{}", w.residents[1].user.unwrap().0);
    wspolnota_store::budget::record_voter(&mut tx, small.pool, &earlier, "account", None)
        .await
        .unwrap();
    wspolnota_store::budget::insert_ballot(&mut tx, "legacy-token", small.pool, None, &legacy)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    // That voter, registered by account before, cannot vote again by the new register.
    w.app
        .declare_residence(&w.residents[1], &r, &resident(1, "ul. B 2", ""))
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[1], &r, small.pool, &ballot)
                .await
        ),
        "budget.already_voted"
    );
    w.clock.advance(40 * DAY);
    let r = w.app.round(r.id).await.unwrap();
    assert_eq!(
        refused(w.app.create_committee_key(&w.admin, &r, 1, 1).await),
        "budget.committee_key_set"
    );
    let parts: Vec<String> = shares.iter().map(|s| s.as_text()).collect();
    let results = w.app.count_round(&w.admin, &r, &parts).await.unwrap();
    assert_eq!(results[0].voters, 2);
    assert_eq!(results[0].report.as_ref().unwrap().ballots, 2);
}

on_both_backends!(phases_and_secrecy, no_vote_without_a_committee_key);
