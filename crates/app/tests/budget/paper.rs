//! Paper ballots: sheets from the register of issued numbers, entered twice and
//! compared by digest, mismatches settled by an admin, entered only until the count.

use crate::world::*;
use wspolnota_app::budget::{Desk, PaperEntry, PaperOutcome};
use wspolnota_domain::budget::{Choice, Phase};
use wspolnota_testkit::{on_both_backends, Backend};

fn sheet(number: &str, who: usize, choices: Vec<Choice>) -> PaperEntry {
    PaperEntry {
        sheet: number.into(),
        voter: Desk {
            name: format!("Osoba z kartki {who}"),
            address: format!("ul. Papierowa {who}"),
            ..Desk::default()
        },
        choices,
    }
}

async fn paper_ballots_are_entered_twice(backend: Backend) {
    let w = world(backend).await;
    let (r, ids) = w
        .open_voting(&[(w.city_pool, "A", 10_000_00), (w.city_pool, "B", 10_000_00)])
        .await;
    let (a, b) = (ids[0], ids[1]);
    // Only registered sheets can be entered.
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.official, &r, w.city_pool, &sheet("K-1", 1, tick(&[a])))
                .await
        ),
        "budget.unknown_sheet"
    );
    assert_eq!(
        refused(
            w.app
                .register_sheets(&w.official, &r, &["K-1".into()])
                .await
        ),
        "auth.forbidden"
    );
    let numbers: Vec<String> = (1..=4).map(|i| format!("K-{i}")).collect();
    assert_eq!(
        w.app.register_sheets(&w.admin, &r, &numbers).await.unwrap(),
        4
    );
    assert_eq!(
        w.app.register_sheets(&w.admin, &r, &numbers).await.unwrap(),
        0
    );
    // Two staff members: the official and the admin.
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(
                    &w.residents[0],
                    &r,
                    w.city_pool,
                    &sheet("K-1", 1, tick(&[a]))
                )
                .await
        ),
        "auth.forbidden"
    );
    let enter = |who: &'static str, s: PaperEntry| {
        let staff = if who == "official" {
            &w.official
        } else {
            &w.admin
        };
        let r = &r;
        let app = &w.app;
        let pool = w.city_pool;
        async move { app.enter_paper_ballot(staff, r, pool, &s).await }
    };
    assert_eq!(
        enter("official", sheet("k-1", 1, tick(&[a])))
            .await
            .unwrap(),
        PaperOutcome::WaitingForSecondEntry
    );
    assert_eq!(
        refused(enter("official", sheet("K-1", 1, tick(&[a]))).await),
        "budget.paper_same_staff"
    );
    assert_eq!(
        enter("admin", sheet("K-1", 1, tick(&[a]))).await.unwrap(),
        PaperOutcome::Counted
    );
    assert_eq!(
        refused(enter("admin", sheet("K-1", 1, tick(&[a]))).await),
        "budget.paper_already_entered"
    );
    // The entries hold digests, never the choices.
    let sheets = w.app.paper_sheets(&w.official, w.city_pool).await.unwrap();
    assert!(sheets[0].first_digest.len() == 64 && !sheets[0].first_digest.contains(':'));
    // A mismatch (other choices, or another person read) waits, uncounted.
    enter("official", sheet("K-2", 2, tick(&[a])))
        .await
        .unwrap();
    assert_eq!(
        enter("admin", sheet("K-2", 2, tick(&[b]))).await.unwrap(),
        PaperOutcome::Mismatch
    );
    enter("official", sheet("K-3", 3, tick(&[a])))
        .await
        .unwrap();
    assert_eq!(
        enter("admin", sheet("K-3", 4, tick(&[a]))).await.unwrap(),
        PaperOutcome::Mismatch,
        "a different name is a mismatch too"
    );
    assert_eq!(w.app.counts(w.city_pool).await.unwrap(), (1, 0, 1));
    assert_eq!(
        refused(
            w.app
                .resolve_paper_ballot(&w.official, &r, w.city_pool, &sheet("K-2", 2, tick(&[b])))
                .await
        ),
        "auth.forbidden"
    );
    assert_eq!(
        refused(
            w.app
                .resolve_paper_ballot(&w.admin, &r, w.city_pool, &sheet("K-1", 1, tick(&[b])))
                .await
        ),
        "budget.paper_not_mismatch"
    );
    w.app
        .resolve_paper_ballot(&w.admin, &r, w.city_pool, &sheet("K-2", 2, tick(&[b])))
        .await
        .unwrap();
    assert_eq!(w.app.counts(w.city_pool).await.unwrap(), (2, 0, 2));
    // An invalid paper ballot is refused like any other.
    assert_eq!(
        refused(enter("official", sheet("K-4", 5, tick(&[a, b, 999]))).await),
        "budget.ballot_unknown_project"
    );
    // Voting closes; sheets cast before the close are still entered, but the count
    // waits until every sheet is settled.
    w.clock.advance(40 * DAY);
    let r = w.round().await;
    assert_eq!(w.app.phase(&r), Phase::Counting);
    assert_eq!(
        refused(w.app.count_round(&w.admin, &r, &w.shares).await),
        "budget.paper_unsettled"
    );
    w.app
        .resolve_paper_ballot(&w.admin, &r, w.city_pool, &sheet("K-3", 3, tick(&[a])))
        .await
        .unwrap();
    let results = w.app.count_round(&w.admin, &r, &w.shares).await.unwrap();
    let city = results.iter().find(|p| p.pool.id == w.city_pool).unwrap();
    assert_eq!((city.report.as_ref().unwrap().ballots, city.voters), (3, 3));
    let states: Vec<String> = w
        .app
        .paper_sheets(&w.official, w.city_pool)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.status.as_str().to_string())
        .collect();
    assert_eq!(states, vec!["counted", "resolved", "resolved"]);
    // Nothing is entered after the count.
    let r = w.round().await;
    assert_eq!(
        refused(
            w.app
                .enter_paper_ballot(&w.official, &r, w.city_pool, &sheet("K-4", 5, tick(&[a])))
                .await
        ),
        "budget.voting_closed"
    );
}

on_both_backends!(paper_ballots_are_entered_twice);
