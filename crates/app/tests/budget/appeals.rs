//! Late appeals and pools of other rounds are refused.

use crate::world::*;
use wspolnota_app::budget::{NewRound, VerificationForm};
use wspolnota_domain::budget::{BallotKind, Choice, CountingRule, Phase};
use wspolnota_domain::pb::Money;
use wspolnota_testkit::{on_both_backends, Backend};

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
                rules: small_rules(),
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
        .declare_residence(&w.residents[0], &r, &resident(0, "ul. A 1", ""))
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

on_both_backends!(late_appeals_and_foreign_pools);
