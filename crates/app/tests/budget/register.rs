//! One person, one vote across every channel: accounts, codes issued at a desk, bulk
//! codes and paper sheets share one register, and the round's rule decides what
//! happens to a person found twice. Every timing rule is checked too.

use crate::world::*;
use wspolnota_app::budget::{Desk, PaperEntry, PaperOutcome, RoundRules};
use wspolnota_domain::budget::register::{DuplicateRule, Identification};
use wspolnota_domain::budget::Phase;
use wspolnota_testkit::{on_both_backends, Backend};

fn jan() -> Desk {
    Desk {
        name: "Jan Kowalski".into(),
        address: "ul. Długa 5 m. 3".into(),
        ..Desk::default()
    }
}

/// The same person as the clerk at the desk types it.
fn jan_at_the_desk() -> Desk {
    Desk {
        name: "KOWALSKI Jan".into(),
        address: "Dluga 5/3".into(),
        ..Desk::default()
    }
}

async fn one_person_one_vote_across_channels(backend: Backend) {
    let w = world(backend).await;
    let (r, ids) = w.open_voting(&[(w.city_pool, "A", 10_000_00)]).await;
    let a = tick(&ids);
    // Account first, then a code issued at a desk to the same person: refused.
    w.app
        .declare_residence(&w.residents[0], &r, &jan())
        .await
        .unwrap();
    w.app
        .cast_ballot(&w.residents[0], &r, w.city_pool, &a)
        .await
        .unwrap();
    let code = w
        .app
        .issue_desk_code(&w.official, &r, &jan_at_the_desk())
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot_with_code(&r, w.city_pool, &code, &a)
                .await
        ),
        "budget.already_voted"
    );
    // A second account declaring the same person cannot vote either.
    w.app
        .declare_residence(&w.residents[1], &r, &jan_at_the_desk())
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[1], &r, w.city_pool, &a)
                .await
        ),
        "budget.already_voted"
    );
    // Desk code first, then the account: refused.
    let anna = Desk {
        name: "Anna Nowak".into(),
        address: "ul. Krótka 1".into(),
        ..Desk::default()
    };
    let code = w.app.issue_desk_code(&w.official, &r, &anna).await.unwrap();
    w.app
        .cast_ballot_with_code(&r, w.city_pool, &code, &a)
        .await
        .unwrap();
    w.app
        .declare_residence(&w.residents[2], &r, &anna)
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[2], &r, w.city_pool, &a)
                .await
        ),
        "budget.already_voted"
    );
    // Desk codes need staff; bulk codes are only issued before voting opens.
    assert_eq!(
        refused(w.app.issue_desk_code(&w.residents[3], &r, &anna).await),
        "auth.forbidden"
    );
    assert_eq!(
        refused(w.app.issue_voting_codes(&w.admin, &r, 5).await),
        "budget.bulk_codes_closed"
    );
    // Paper: Jan's sheet comes in after his online vote. The first ballot counts; the
    // sheet is void and listed for the committee.
    w.app
        .register_sheets(&w.admin, &r, &["P-1".into(), "P-2".into()])
        .await
        .unwrap();
    let sheet = |n: &str, who: Desk| PaperEntry {
        sheet: n.into(),
        voter: who,
        choices: a.clone(),
    };
    w.app
        .enter_paper_ballot(&w.official, &r, w.city_pool, &sheet("P-1", jan()))
        .await
        .unwrap();
    // The second entry reads the name another way; the register key is the same.
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.admin, &r, w.city_pool, &sheet("P-1", jan_at_the_desk()))
            .await
            .unwrap(),
        PaperOutcome::Duplicate
    );
    let duplicates = w.app.duplicates(&w.official, w.city_pool).await.unwrap();
    assert_eq!(duplicates.len(), 1);
    assert_eq!(
        (duplicates[0].channel.as_str(), duplicates[0].rule.as_str()),
        ("paper", "first_counts")
    );
    assert_eq!(
        w.app.counts(w.city_pool).await.unwrap(),
        (2, 0, 2),
        "never counted twice"
    );
    // Paper first, account after: Ola's sheet is counted, then her account is refused.
    let ola = Desk {
        name: "Ola Papierowa".into(),
        address: "ul. Wodna 7".into(),
        ..Desk::default()
    };
    w.app
        .register_sheets(&w.admin, &r, &["P-3".into(), "P-4".into()])
        .await
        .unwrap();
    for staff in [&w.official, &w.admin] {
        w.app
            .enter_paper_ballot(staff, &r, w.city_pool, &sheet("P-3", ola.clone()))
            .await
            .unwrap();
    }
    w.app
        .declare_residence(&w.residents[3], &r, &ola)
        .await
        .unwrap();
    assert_eq!(
        refused(
            w.app
                .cast_ballot(&w.residents[3], &r, w.city_pool, &a)
                .await
        ),
        "budget.already_voted"
    );
    // A second sheet of the same person is void and listed too.
    w.app
        .enter_paper_ballot(&w.official, &r, w.city_pool, &sheet("P-4", ola.clone()))
        .await
        .unwrap();
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.admin, &r, w.city_pool, &sheet("P-4", ola.clone()))
            .await
            .unwrap(),
        PaperOutcome::Duplicate
    );
    assert_eq!(
        w.app
            .duplicates(&w.official, w.city_pool)
            .await
            .unwrap()
            .len(),
        2
    );
    // A misspelt name at the same address is not caught by the register, but listed
    // for the committee as a possible double vote.
    let jan_typo = Desk {
        name: "Jan Kowalsky".into(),
        address: "ul. Długa 5 m. 3".into(),
        ..Desk::default()
    };
    let code = w
        .app
        .issue_desk_code(&w.official, &r, &jan_typo)
        .await
        .unwrap();
    w.app
        .cast_ballot_with_code(&r, w.city_pool, &code, &a)
        .await
        .unwrap();
    let near = w
        .app
        .possible_duplicates(&w.official, w.city_pool)
        .await
        .unwrap();
    assert_eq!(near.len(), 1, "{near:?}");
    assert!(near[0].0.contains("kowalski") && near[0].1.contains("kowalsky"));
    assert_eq!(
        refused(
            w.app
                .possible_duplicates(&w.residents[0], w.city_pool)
                .await
        ),
        "auth.forbidden"
    );
    // A ballot after the close is refused in every channel.
    let late = Desk {
        name: "Ewa Późna".into(),
        address: "ul. Ostatnia 9".into(),
        ..Desk::default()
    };
    let late_code = w.app.issue_desk_code(&w.official, &r, &late).await.unwrap();
    w.clock.advance(40 * DAY);
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Counting);
    assert_eq!(
        refused(
            w.app
                .cast_ballot_with_code(&r, w.city_pool, &late_code, &a)
                .await
        ),
        "budget.voting_closed"
    );
    assert_eq!(
        refused(w.app.issue_desk_code(&w.official, &r, &late).await),
        "budget.voting_closed"
    );
    // Sheets cast before the close are still entered in the counting window.
    w.app
        .enter_paper_ballot(&w.official, &r, w.city_pool, &sheet("P-2", late.clone()))
        .await
        .unwrap();
    assert_eq!(
        w.app
            .enter_paper_ballot(&w.admin, &r, w.city_pool, &sheet("P-2", late.clone()))
            .await
            .unwrap(),
        PaperOutcome::Counted
    );
    let results = w.app.count_round(&w.admin, &r, &w.shares).await.unwrap();
    let city = results.iter().find(|p| p.pool.id == w.city_pool).unwrap();
    let report = city.report.as_ref().unwrap();
    assert_eq!((report.ballots, city.voters), (5, 5));
    assert_eq!(report.voided.len(), 1);
    assert_eq!(
        (report.voided[0].reason.as_str(), report.voided[0].count),
        ("duplicate_later", 2)
    );
}

async fn all_ballots_of_a_double_voter_are_void_where_the_rule_says(backend: Backend) {
    let w = world(backend).await;
    let rules = RoundRules {
        identification: Identification::Pesel,
        duplicates: DuplicateRule::AllVoid,
        min_public_voters: 3,
        ..RoundRules::default()
    };
    let SmallRound {
        round: r,
        pool,
        proposal: p,
        shares,
    } = w.small_round("PESEL", rules).await;
    let id = r.id;
    let person = |pesel: &str, name: &str| Desk {
        name: name.into(),
        address: "ul. Nowa 1".into(),
        pesel: pesel.into(),
        ..Desk::default()
    };
    assert_eq!(
        refused(
            w.app
                .declare_residence(&w.residents[0], &r, &person("44051401358", "Jan"))
                .await
        ),
        "budget.invalid_pesel"
    );
    assert_eq!(
        refused(
            w.app
                .declare_residence(&w.residents[0], &r, &person("", "Jan"))
                .await
        ),
        "input.required"
    );
    let ballot = tick(&[p]);
    for (i, pesel) in ["44051401359", "02070803628"].iter().enumerate() {
        w.app
            .declare_residence(&w.residents[i], &r, &person(pesel, &format!("Osoba {i}")))
            .await
            .unwrap();
        w.app
            .cast_ballot(&w.residents[i], &r, pool, &ballot)
            .await
            .unwrap();
    }
    // The first person's paper sheet, under another spelling of the name: the PESEL is
    // the same, so it is the same person, and the rule voids both ballots.
    w.app
        .register_sheets(&w.admin, &r, &["Z-1".into()])
        .await
        .unwrap();
    let entry = PaperEntry {
        sheet: "Z-1".into(),
        voter: person("44051401359", "Osoba zero"),
        choices: ballot.clone(),
    };
    let official = w.official_in(&r).await;
    w.app
        .enter_paper_ballot(&official, &r, pool, &entry)
        .await
        .unwrap();
    let outcome = w
        .app
        .enter_paper_ballot(&w.admin, &r, pool, &entry)
        .await
        .unwrap();
    assert_eq!(outcome, PaperOutcome::Duplicate);
    assert_eq!(
        w.app.counts(pool).await.unwrap(),
        (2, 0, 1),
        "the first vote is void too"
    );
    w.clock.advance(40 * DAY);
    let r = w.app.round(id).await.unwrap();
    let results = w.app.count_round(&w.admin, &r, &shares).await.unwrap();
    let report = results[0].report.as_ref().unwrap();
    assert_eq!(report.ballots, 1);
    let voided: Vec<(&str, i64)> = report
        .voided
        .iter()
        .map(|v| (v.reason.as_str(), v.count))
        .collect();
    assert_eq!(
        voided,
        vec![("duplicate_later", 1), ("duplicate_earlier", 1)]
    );
    // One voter left, fewer than the round's minimum of three: ballots only in aggregate.
    assert!(!results[0].publication.ballots);
}

on_both_backends!(
    one_person_one_vote_across_channels,
    all_ballots_of_a_double_voter_are_void_where_the_rule_says
);
