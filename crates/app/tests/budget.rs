//! A whole participatory-budget round through the use cases, on both backends:
//! set-up, proposals, verification and appeals, voting with receipts, results, and
//! the published `.pb` file recounting to the same winners.
#![allow(clippy::unwrap_used, clippy::expect_used)]
// Amounts are written as złoty_grosze (`40_000_00` is 40 000 zł), which clippy reads as odd grouping.
#![allow(clippy::inconsistent_digit_grouping)]

use std::sync::Arc;
use wspolnota_app::budget::{NewRound, ProposalForm, VerificationForm};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_app::{App, AppConfig, AppError, PasswordCost};
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::{BallotKind, Calendar, Choice, CountingRule, LineItem, Phase};
use wspolnota_domain::clock::{FixedClock, Timestamp};
use wspolnota_domain::ids::UserId;
use wspolnota_domain::pb::{self, Money};
use wspolnota_store::users;
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

const DAY: i64 = 86_400;
const T0: i64 = 1_780_000_000;

struct World {
    app: Arc<App>,
    clock: Arc<FixedClock>,
    _db: TestDb,
    admin: Subject,
    official: Subject,
    residents: Vec<Subject>,
    round: i64,
    city_pool: i64,
    district_pool: i64,
}

async fn person(app: &App, email: &str, platform_admin: bool) -> UserId {
    let mut tx = app.store.begin().await.unwrap();
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email,
            password_hash: "x",
            display_name: email,
            city: Some("Konin"),
            list_publicly: false,
            locale: None,
            is_platform_admin: platform_admin,
            confirmed: true,
        },
        app.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

fn items(grosze: &[i64]) -> Vec<LineItem> {
    grosze
        .iter()
        .enumerate()
        .map(|(i, g)| LineItem {
            label: format!("pozycja {i}"),
            amount: Money(*g),
        })
        .collect()
}

async fn world(backend: Backend) -> World {
    let db = TestDb::new(backend).await;
    let clock = Arc::new(FixedClock::at(T0));
    let config = AppConfig {
        password_cost: PasswordCost {
            memory_kib: 64,
            iterations: 1,
        },
        ..AppConfig::default()
    };
    let app = App::new(db.store.clone(), clock.clone(), config);
    let admin_id = person(&app, "admin@example.pl", true).await;
    let admin = Subject {
        user: Some(admin_id),
        platform_admin: true,
        ..Subject::default()
    };
    let space = app
        .create_space(
            &admin,
            NewSpaceForm {
                name: "Miasto Konin".into(),
                kind: "city_network".into(),
                document_title: "Regulamin".into(),
                document_md: "Zasady.".into(),
                ..NewSpaceForm::default()
            },
        )
        .await
        .unwrap();
    let calendar = Calendar::new(
        Timestamp(T0 + DAY),
        Timestamp(T0 + 10 * DAY),
        Timestamp(T0 + 20 * DAY),
        Timestamp(T0 + 30 * DAY),
        Timestamp(T0 + 40 * DAY),
    )
    .unwrap();
    let round = app
        .create_round(
            &admin,
            space,
            NewRound {
                title: "Budżet obywatelski 2027".into(),
                calendar,
                supports_required: 1,
                appeal_days: 5,
                allow_ballot_change: true,
                districts: vec![],
            },
        )
        .await
        .unwrap();
    let r = app.round(round).await.unwrap();
    let city_pool = app
        .add_pool(
            &admin,
            &r,
            "Ogólnomiejska",
            Money(100_000_00),
            BallotKind::Approval { max: 2, min: 1 },
            CountingRule::Greedy { min_votes: 0 },
        )
        .await
        .unwrap();
    let district_pool = app
        .add_pool(
            &admin,
            &r,
            "Osiedle Zatorze",
            Money(50_000_00),
            BallotKind::Points { total: 5 },
            CountingRule::EqualShares,
        )
        .await
        .unwrap();
    person(&app, "urzednik@example.pl", false).await;
    app.add_official(&admin, &r, "urzednik@example.pl")
        .await
        .unwrap();
    let official_user = app.user(UserId(admin_id.0 + 1)).await.unwrap();
    let official = app.round_subject(Some(&official_user), &r).await.unwrap();
    assert!(official.budget_official);
    let mut residents = Vec::new();
    for i in 0..6 {
        let id = person(&app, &format!("mieszkaniec{i}@example.pl"), false).await;
        residents.push(Subject {
            user: Some(id),
            ..Subject::default()
        });
    }
    World {
        app,
        clock,
        _db: db,
        admin,
        official,
        residents,
        round,
        city_pool,
        district_pool,
    }
}

impl World {
    async fn round(&self) -> wspolnota_store::budget::Round {
        self.app.round(self.round).await.unwrap()
    }

    fn form(&self, pool: i64, title: &str, cost: &[i64]) -> ProposalForm {
        ProposalForm {
            pool_id: pool,
            title: title.into(),
            description_md: "Opis projektu.".into(),
            place: "Konin".into(),
            items: items(cost),
        }
    }
}

fn refused(r: Result<impl std::fmt::Debug, AppError>) -> &'static str {
    match r {
        Err(e) => e.code(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

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
    for s in &w.residents {
        w.app
            .declare_residence(s, &r, "ul. Kolejowa 1, Konin", None)
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
                .unwrap(),
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
        refused(w.app.compute_results(&w.admin, &r).await),
        "budget.wrong_phase"
    );

    // Results.
    w.clock.advance(10 * DAY);
    let r = w.round().await;
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[5], &r, w.city_pool, &tick(&[park]))
                .await
        ),
        "budget.voting_closed"
    );
    assert_eq!(
        refused(w.app.compute_results(&w.official, &r).await),
        "auth.forbidden"
    );
    let results = w.app.compute_results(&w.admin, &r).await.unwrap();
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
    let report: serde_json::Value = serde_json::from_str(&stored.report_json).unwrap();
    let lib = report["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"].as_str() == Some(library.to_string().as_str()))
        .unwrap();
    assert_eq!(lib["funded"], false);
    assert!(
        !lib["explanation"].as_str().unwrap().is_empty(),
        "every project says why"
    );
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
    for receipt in &receipts {
        assert!(
            text.contains(&wspolnota_app::tokens::hash(receipt)),
            "receipt hash published"
        );
        assert!(
            !text.contains(receipt.as_str()),
            "the code itself stays with the voter"
        );
    }
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
    let mut c = w.app.store.read().await.unwrap();
    assert_eq!(
        wspolnota_store::count_rows(&mut c, "budget_results")
            .await
            .unwrap(),
        4
    );
}

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
    w.app
        .advance_round(&w.admin, &r, Phase::Voting)
        .await
        .unwrap();
    let r = w.round().await;
    w.app
        .declare_residence(&w.residents[0], &r, "ul. Słowackiego 3", None)
        .await
        .unwrap();
    let audit_before = {
        let mut c = w.app.store.read().await.unwrap();
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
    // Printed codes for residents without accounts: one ballot per code and pool.
    assert_eq!(
        refused(w.app.issue_voting_codes(&w.official, &r, 2).await),
        "auth.forbidden"
    );
    let codes = w.app.issue_voting_codes(&w.admin, &r, 2).await.unwrap();
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
    assert_eq!(w.app.receipt_hashes(w.city_pool).await.unwrap().len(), 3);
    // Who voted and what was voted share no column but the pool: nothing joins them.
    let cols = w.app.store.schema_columns().await.unwrap();
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
    let mut c = w.app.store.read().await.unwrap();
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
        audit_before + 1,
        "voting leaves no trace in the audit log; only issuing the codes does"
    );
}

async fn paper_ballots_are_entered_twice(backend: Backend) {
    use wspolnota_app::budget::PaperOutcome;
    let w = world(backend).await;
    let r = w.round().await;
    w.app
        .advance_round(&w.admin, &r, Phase::Submission)
        .await
        .unwrap();
    let r = w.round().await;
    let a = w
        .app
        .submit_proposal(&w.residents[0], &r, w.form(w.city_pool, "A", &[10_000_00]))
        .await
        .unwrap();
    let b = w
        .app
        .submit_proposal(&w.residents[1], &r, w.form(w.city_pool, "B", &[10_000_00]))
        .await
        .unwrap();
    for id in [a, b] {
        w.app
            .support_proposal(&w.residents[2], &r, id)
            .await
            .unwrap();
    }
    w.app
        .advance_round(&w.admin, &r, Phase::Verification)
        .await
        .unwrap();
    let r = w.round().await;
    for id in [a, b] {
        w.app
            .verify_proposal(
                &w.official,
                &r,
                id,
                VerificationForm {
                    accepted: true,
                    ..Default::default()
                },
            )
            .await
            .unwrap();
    }
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
                .enter_paper_ballot(&w.official, &r, w.city_pool, "K-1", &tick(&[a]))
                .await
        ),
        "budget.voting_closed"
    );
    w.app
        .advance_round(&w.admin, &r, Phase::Voting)
        .await
        .unwrap();
    let r = w.round().await;
    // Two staff members: the official and the admin.
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.residents[0], &r, w.city_pool, "K-1", &tick(&[a]))
                .await
        ),
        "auth.forbidden"
    );
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.official, &r, w.city_pool, "k-1", &tick(&[a]))
            .await
            .unwrap(),
        PaperOutcome::WaitingForSecondEntry
    );
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.official, &r, w.city_pool, "K-1", &tick(&[a]))
                .await
        ),
        "budget.paper_same_staff"
    );
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.admin, &r, w.city_pool, "K-1", &tick(&[a]))
            .await
            .unwrap(),
        PaperOutcome::Counted
    );
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.admin, &r, w.city_pool, "K-1", &tick(&[a]))
                .await
        ),
        "budget.paper_already_entered"
    );
    // A mismatch is flagged and not counted until resolved.
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.official, &r, w.city_pool, "K-2", &tick(&[a]))
            .await
            .unwrap(),
        PaperOutcome::WaitingForSecondEntry
    );
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.admin, &r, w.city_pool, "K-2", &tick(&[b]))
            .await
            .unwrap(),
        PaperOutcome::Mismatch
    );
    assert_eq!(w.app.tally(w.city_pool).await.unwrap(), (1, 1));
    assert_eq!(
        refused(
            w.app
                .resolve_paper_ballot(&w.official, &r, w.city_pool, "K-2", &tick(&[b]))
                .await
        ),
        "auth.forbidden"
    );
    assert_eq!(
        refused(
            w.app
                .resolve_paper_ballot(&w.admin, &r, w.city_pool, "K-1", &tick(&[b]))
                .await
        ),
        "budget.paper_not_mismatch"
    );
    w.app
        .resolve_paper_ballot(&w.admin, &r, w.city_pool, "K-2", &tick(&[b]))
        .await
        .unwrap();
    assert_eq!(w.app.tally(w.city_pool).await.unwrap(), (2, 2));
    let sheets = w.app.paper_sheets(&w.official, w.city_pool).await.unwrap();
    let states: Vec<&str> = sheets.iter().map(|s| s.status.as_str()).collect();
    assert_eq!(states, vec!["counted", "resolved"]);
    // An invalid paper ballot is refused like any other.
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.official, &r, w.city_pool, "K-3", &tick(&[a, b, 999]))
                .await
        ),
        "budget.ballot_unknown_project"
    );
}

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
    };
    let id = w
        .app
        .create_round(&w.admin, r.space_id, form)
        .await
        .unwrap();
    let r = w.app.round(id).await.unwrap();
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
                .declare_residence(&w.residents[0], &r, "ul. A 1", None)
                .await
        ),
        "input.required"
    );
    assert_eq!(
        refused(
            w.app
                .declare_residence(&w.residents[0], &r, "ul. A 1", Some("Mars"))
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
            .declare_residence(&w.residents[i], &r, "ul. A 1", Some(d))
            .await
            .unwrap();
        w.app
            .cast_ballot(&w.residents[i], &r, pool, &ballot)
            .await
            .unwrap();
    }
    let codes = w.app.issue_voting_codes(&w.admin, &r, 1).await.unwrap();
    w.app
        .cast_ballot_with_code(&r, pool, &codes[0], &ballot)
        .await
        .unwrap();
    let turnout = w.app.turnout_by_district(&r, pool).await.unwrap();
    let get = |d: Option<&str>| {
        turnout
            .iter()
            .find(|(k, _)| k.as_deref() == d)
            .map(|(_, n)| *n)
    };
    assert_eq!(
        (get(Some("Centrum")), get(Some("Zatorze")), get(None)),
        (Some(2), Some(1), Some(1))
    );
}

async fn late_appeals_and_foreign_pools(backend: Backend) {
    let w = world(backend).await;
    let r = w.round().await;
    w.app
        .advance_round(&w.admin, &r, Phase::Submission)
        .await
        .unwrap();
    let r = w.round().await;
    let p = w
        .app
        .submit_proposal(
            &w.residents[0],
            &r,
            w.form(w.city_pool, "Fontanna", &[20_000_00]),
        )
        .await
        .unwrap();
    w.app
        .support_proposal(&w.residents[1], &r, p)
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Verification)
        .await
        .unwrap();
    let r = w.round().await;
    let no = VerificationForm {
        accepted: false,
        reason: "Za drogo.".into(),
        ..Default::default()
    };
    w.app.verify_proposal(&w.official, &r, p, no).await.unwrap();
    // The round allows 5 days; on the sixth the appeal is refused and nothing changes.
    w.clock.advance(6 * DAY);
    assert_eq!(
        refused(
            w.app
                .appeal_proposal(&w.residents[0], &r, p, "Proszę o ponowną ocenę.")
                .await
        ),
        "budget.appeal_too_late"
    );
    let after = w.app.proposal(p).await.unwrap();
    assert_eq!(
        (after.status.as_str(), after.appeal_text),
        ("rejected", None)
    );
    // A pool of another round is not this round's.
    let other = w
        .app
        .create_round(
            &w.admin,
            r.space_id,
            NewRound {
                title: "Inna".into(),
                calendar: r.calendar,
                supports_required: 0,
                appeal_days: 7,
                allow_ballot_change: false,
                districts: vec![],
            },
        )
        .await
        .unwrap();
    let other = w.app.round(other).await.unwrap();
    let foreign = w
        .app
        .add_pool(
            &w.admin,
            &other,
            "Obca",
            Money(1_000_00),
            BallotKind::ChooseOne,
            CountingRule::EqualShares,
        )
        .await
        .unwrap();
    w.app
        .advance_round(&w.admin, &r, Phase::Voting)
        .await
        .unwrap();
    let r = w.round().await;
    w.app
        .declare_residence(&w.residents[0], &r, "ul. A 1", None)
        .await
        .unwrap();
    let ballot = [Choice {
        project: p,
        points: 1,
    }];
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[0], &r, foreign, &ballot)
                .await
        ),
        "not_found"
    );
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[0], &r, w.city_pool, &ballot)
                .await
        ),
        "budget.ballot_unknown_project",
        "a rejected proposal is not on the ballot"
    );
}

on_both_backends!(
    a_whole_round,
    phases_and_secrecy,
    paper_ballots_are_entered_twice,
    turnout_by_declared_district,
    late_appeals_and_foreign_pools
);
