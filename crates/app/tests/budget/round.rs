//! A whole round: set-up, proposals, verification, voting sealed to the committee,
//! the count, and the published `.pb` file recounting to the same winners.

use crate::world::*;
use wspolnota_app::budget::VerificationForm;
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::{Choice, Phase};
use wspolnota_domain::pb::{self, Money};
use wspolnota_testkit::{on_both_backends, Backend};

async fn a_whole_round(backend: Backend) {
    let w = world(backend).await;
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Preparation);
    // Submission not open yet.
    assert_eq!(
        refused(
            w.app
                .submit_proposal(
                    &w.residents[0],
                    &r,
                    w.form(w.city_pool, "Ławki", &[10_000_00])
                )
                .await
        ),
        "budget.wrong_phase"
    );
    w.clock.advance(DAY);
    let r = w.round().await;
    let park = w
        .app
        .submit_proposal(
            &w.residents[0],
            &r,
            w.form(w.city_pool, "Park kieszonkowy", &[40_000_00, 20_000_00]),
        )
        .await
        .unwrap();
    let benches = w
        .app
        .submit_proposal(
            &w.residents[1],
            &r,
            w.form(w.city_pool, "Ławki", &[30_000_00]),
        )
        .await
        .unwrap();
    let library = w
        .app
        .submit_proposal(
            &w.residents[2],
            &r,
            w.form(w.city_pool, "Biblioteczka", &[45_000_00]),
        )
        .await
        .unwrap();
    let garden = w
        .app
        .submit_proposal(
            &w.residents[3],
            &r,
            w.form(w.district_pool, "Ogród społeczny", &[30_000_00]),
        )
        .await
        .unwrap();
    let trees = w
        .app
        .submit_proposal(
            &w.residents[4],
            &r,
            w.form(w.district_pool, "Drzewa", &[25_000_00]),
        )
        .await
        .unwrap();
    let p = w.app.proposal(park).await.unwrap();
    assert_eq!(
        p.cost,
        Money(60_000_00),
        "the total is the sum of the lines"
    );
    assert_eq!(p.items.len(), 2);
    // Bad proposals change nothing.
    assert_eq!(
        refused(
            w.app
                .submit_proposal(&w.residents[0], &r, w.form(w.city_pool, "Zero", &[0]))
                .await
        ),
        "budget.cost_not_positive"
    );
    assert_eq!(
        refused(
            w.app
                .submit_proposal(&w.residents[0], &r, w.form(w.city_pool, "Nic", &[]))
                .await
        ),
        "budget.cost_required"
    );
    assert_eq!(
        refused(
            w.app
                .submit_proposal(&w.residents[0], &r, w.form(9999, "Gdzie", &[1]))
                .await
        ),
        "budget.unknown_pool"
    );
    assert_eq!(
        refused(
            w.app
                .submit_proposal(&Subject::visitor(), &r, w.form(w.city_pool, "Anonim", &[1]))
                .await
        ),
        "auth.login_required"
    );
    assert_eq!(w.app.proposals(r.id).await.unwrap().len(), 5);
    // Only the author edits.
    assert_eq!(
        refused(
            w.app
                .edit_proposal(
                    &w.residents[1],
                    &r,
                    park,
                    w.form(w.city_pool, "Mój park", &[1])
                )
                .await
        ),
        "auth.forbidden"
    );
    w.app
        .edit_proposal(
            &w.residents[0],
            &r,
            park,
            w.form(w.city_pool, "Park kieszonkowy", &[50_000_00]),
        )
        .await
        .unwrap();
    // Supporting signatures: one is required; a second from the same person is refused.
    for (who, id) in [
        (5, park),
        (5, benches),
        (5, library),
        (5, garden),
        (5, trees),
    ] {
        w.app
            .support_proposal(&w.residents[who], &r, id)
            .await
            .unwrap();
    }
    assert_eq!(
        refused(w.app.support_proposal(&w.residents[5], &r, park).await),
        "budget.already_supported"
    );

    // Verification.
    w.clock.advance(9 * DAY);
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Verification);
    assert_eq!(
        refused(
            w.app
                .edit_proposal(
                    &w.residents[0],
                    &r,
                    park,
                    w.form(w.city_pool, "Za późno", &[1])
                )
                .await
        ),
        "budget.proposal_wrong_state"
    );
    let ok = VerificationForm {
        accepted: true,
        ..Default::default()
    };
    assert_eq!(
        refused(
            w.app
                .verify_proposal(&w.residents[0], &r, park, ok.clone())
                .await
        ),
        "auth.forbidden"
    );
    w.app
        .verify_proposal(&w.official, &r, park, ok.clone())
        .await
        .unwrap();
    let cheaper = VerificationForm {
        accepted: true,
        verified_cost: Some(Money(25_000_00)),
        ..Default::default()
    };
    assert_eq!(
        refused(
            w.app
                .verify_proposal(&w.official, &r, benches, cheaper.clone())
                .await
        ),
        "input.required",
    );
    let cheaper = VerificationForm {
        cost_justification: "Ceny z przetargu 2026.".into(),
        ..cheaper
    };
    w.app
        .verify_proposal(&w.official, &r, benches, cheaper)
        .await
        .unwrap();
    let b = w.app.proposal(benches).await.unwrap();
    assert_eq!(
        (b.cost, b.final_cost()),
        (Money(30_000_00), Money(25_000_00)),
        "the author sees both costs"
    );
    assert_eq!(
        refused(
            w.app
                .verify_proposal(&w.official, &r, library, VerificationForm::default())
                .await
        ),
        "input.required",
    );
    let no = VerificationForm {
        accepted: false,
        reason: "Teren nie należy do miasta.".into(),
        ..Default::default()
    };
    w.app
        .verify_proposal(&w.official, &r, library, no.clone())
        .await
        .unwrap();
    w.app
        .verify_proposal(&w.official, &r, garden, ok.clone())
        .await
        .unwrap();
    w.app
        .verify_proposal(&w.official, &r, trees, ok.clone())
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .verify_proposal(&w.official, &r, trees, ok.clone())
                .await
        ),
        "budget.proposal_wrong_state"
    );
    // Appeal within the days allowed, decided publicly.
    w.clock.advance(2 * DAY);
    assert_eq!(
        refused(
            w.app
                .appeal_proposal(&w.residents[1], &r, library, "Nie zgadzam się")
                .await
        ),
        "auth.forbidden"
    );
    w.app
        .appeal_proposal(
            &w.residents[2],
            &r,
            library,
            "Teren jest miejski: działka 12/3.",
        )
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .appeal_proposal(&w.residents[2], &r, library, "Jeszcze raz")
                .await
        ),
        "budget.proposal_wrong_state"
    );
    w.app
        .decide_appeal(
            &w.official,
            &r,
            library,
            true,
            "Odwołanie zasadne: działka jest miejska.",
        )
        .await
        .unwrap();
    assert!(w.app.proposal(library).await.unwrap().status.on_ballot());

    // Voting.
    w.clock.advance(20 * DAY);
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Voting);
    let tick = |ids: &[i64]| {
        ids.iter()
            .map(|p| Choice {
                project: *p,
                points: 1,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[0], &r, w.city_pool, &tick(&[park]))
                .await
        ),
        "budget.not_a_resident"
    );
    for (i, s) in w.residents.iter().enumerate() {
        w.app
            .declare_residence(s, &r, &resident(i, "ul. Kolejowa 1, Konin", ""))
            .await
            .unwrap();
    }
    let mut receipts = Vec::new();
    for (voter, ballot) in [
        (0, vec![park, benches]),
        (1, vec![park]),
        (2, vec![library, park]),
        (3, vec![benches]),
        (4, vec![library]),
    ] {
        receipts.push(
            w.app
                .cast_ballot(&w.residents[voter], &r, w.city_pool, &tick(&ballot))
                .await
                .unwrap()
                .receipt,
        );
    }
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[0], &r, w.city_pool, &tick(&[library]))
                .await
        ),
        "budget.already_voted"
    );
    assert_eq!(
        refused(
            w.app
                .cast_ballot(
                    &w.residents[5],
                    &r,
                    w.city_pool,
                    &tick(&[park, benches, library])
                )
                .await
        ),
        "budget.ballot_too_many"
    );
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[5], &r, w.city_pool, &tick(&[garden]))
                .await
        ),
        "budget.ballot_unknown_project"
    );
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[5], &r, w.city_pool, &[])
                .await
        ),
        "budget.ballot_empty"
    );
    // Resident 4 changes her mind, proving the ballot is hers with its receipt.
    assert_eq!(
        refused(
            w.app
                .change_ballot(
                    &w.residents[4],
                    &r,
                    w.city_pool,
                    "nie-ten-kod",
                    &tick(&[benches])
                )
                .await
        ),
        "budget.unknown_receipt"
    );
    assert_eq!(
        refused(
            w.app
                .change_ballot(
                    &w.residents[5],
                    &r,
                    w.city_pool,
                    &receipts[4],
                    &tick(&[benches])
                )
                .await
        ),
        "budget.unknown_receipt"
    );
    w.app
        .change_ballot(
            &w.residents[4],
            &r,
            w.city_pool,
            &receipts[4],
            &tick(&[benches]),
        )
        .await
        .unwrap();
    // Points in the district: 5 to spread.
    let pts = |v: &[(i64, u32)]| {
        v.iter()
            .map(|(p, n)| Choice {
                project: *p,
                points: *n,
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        refused(
            w.app
                .cast_ballot(
                    &w.residents[0],
                    &r,
                    w.district_pool,
                    &pts(&[(garden, 4), (trees, 2)])
                )
                .await
        ),
        "budget.ballot_too_many_points"
    );
    for (voter, ballot) in [
        (0, vec![(garden, 5)]),
        (1, vec![(garden, 3), (trees, 2)]),
        (2, vec![(trees, 5)]),
    ] {
        w.app
            .cast_ballot(&w.residents[voter], &r, w.district_pool, &pts(&ballot))
            .await
            .unwrap();
    }
    assert_eq!(
        refused(w.app.count_round(&w.admin, &r, &w.shares).await),
        "budget.wrong_phase",
        "no count while voting runs"
    );
    assert_eq!(
        refused(w.app.compute_results(&w.admin, &r).await),
        "budget.not_tallied"
    );

    // Voting closes; the committee counts.
    w.clock.advance(10 * DAY);
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Counting);
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[5], &r, w.city_pool, &tick(&[park]))
                .await
        ),
        "budget.voting_closed"
    );
    assert_eq!(
        refused(w.app.count_round(&w.official, &r, &w.shares).await),
        "auth.forbidden"
    );
    assert_eq!(
        refused(w.app.count_round(&w.admin, &r, &w.shares[..1]).await),
        "budget.wrong_key_shares",
        "one member alone cannot open the ballots"
    );
    assert_eq!(
        refused(
            w.app
                .count_round(&w.admin, &r, &["wsp-share1-zly".to_string()])
                .await
        ),
        "budget.bad_key_share"
    );
    let results = w.app.count_round(&w.admin, &r, &w.shares).await.unwrap();
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Results);
    assert_eq!(
        refused(w.app.count_round(&w.admin, &r, &w.shares).await),
        "budget.already_tallied"
    );
    let city = results.iter().find(|p| p.pool.id == w.city_pool).unwrap();
    let stored = city.result.as_ref().unwrap();
    // Votes: park 3, benches 3 (one changed ballot), library 1. Budget 100 000 zł:
    // park 50 000 + benches 25 000 (verified cost) fit; library 45 000 does not.
    let mut want = vec![park.to_string(), benches.to_string()];
    want.sort();
    let mut got: Vec<String> = stored.winners.split(',').map(str::to_string).collect();
    got.sort();
    assert_eq!(got, want);
    assert_eq!((stored.ballots, city.voters), (5, 5));
    let report = city.report.as_ref().unwrap();
    let votes = |id: i64| {
        report
            .projects
            .iter()
            .find(|p| p.id == id.to_string())
            .unwrap()
            .votes
    };
    assert_eq!((votes(park), votes(benches), votes(library)), (3, 3, 1));
    let lib = report
        .projects
        .iter()
        .find(|p| p.id == library.to_string())
        .unwrap();
    assert!(!lib.funded);
    assert!(!lib.explanation.is_empty(), "every project says why");
    assert!(lib.reason.is_some(), "and why in numbers");
    // Anyone can recount the published file and get the same winners, and find their receipt.
    let pool = w
        .app
        .pools(r.id)
        .await
        .unwrap()
        .into_iter()
        .find(|p| p.id == w.city_pool)
        .unwrap();
    let text = w.app.pool_pabulib(&r, &pool).await.unwrap();
    let inst = pb::parse_str(&text).unwrap();
    let recount = pb::count(&inst, pb::Rule::Greedy).unwrap();
    assert_eq!(recount.winner_ids(&inst).join(","), stored.winners);
    // By default receipts are published apart from the choices: a voter checks that
    // their ballot was counted, and cannot show anyone what it said.
    let hashes = w.app.receipt_hashes(w.city_pool).await.unwrap();
    assert_eq!(hashes.len(), 5);
    for receipt in &receipts {
        let hash = wspolnota_app::tokens::hash(receipt);
        assert!(hashes.contains(&hash), "receipt hash published");
        assert!(w.app.receipt_counted(w.city_pool, receipt).await.unwrap());
        assert!(!text.contains(&hash), "not beside the choices");
        assert!(
            !text.contains(receipt.as_str()),
            "the code stays with the voter"
        );
    }
    assert!(!w
        .app
        .receipt_counted(w.city_pool, "nie-ten-kod")
        .await
        .unwrap());
    let district = results
        .iter()
        .find(|p| p.pool.id == w.district_pool)
        .unwrap();
    assert_eq!(district.result.as_ref().unwrap().rule, "mes-cost-add1");
    assert!(district
        .result
        .as_ref()
        .unwrap()
        .winners
        .contains(&garden.to_string()));
    // Recomputing is explicit and every computation is kept.
    w.app.compute_results(&w.admin, &r).await.unwrap();
    let mut c = w.db.store.read().await.unwrap();
    assert_eq!(
        wspolnota_store::count_rows(&mut c, "budget_results")
            .await
            .unwrap(),
        4
    );
    assert_eq!(
        wspolnota_store::count_rows(&mut c, "budget_envelopes")
            .await
            .unwrap(),
        0,
        "the sealed ballots are gone once counted"
    );
}

on_both_backends!(a_whole_round);
