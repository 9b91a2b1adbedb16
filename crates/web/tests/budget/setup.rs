//! The round every page test starts from.

use crate::common::{Client, TestApp};
use axum::http::StatusCode;
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;

/// A city, its round taking proposals, and the round's first pool, made through the
/// pages by the platform admin: their client, the round's path and the pool's id.
pub async fn setup(t: &TestApp) -> (Client, String, String) {
    let admin = t.user("admin@example.pl", "Admin", true).await;
    let subject = Subject {
        user: Some(admin),
        platform_admin: true,
        ..Subject::default()
    };
    let form = NewSpaceForm {
        name: "Miasto Konin".into(),
        slug: "konin".into(),
        kind: "city".into(),
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
        // Five voters are enough to publish single ballots in this small test.
        ("min_public_voters", "5"),
    ];
    let r = t
        .post_form(&mut a, "/wspolnoty/konin/budzet", &fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let round = r.location().split('?').next().unwrap().to_string();
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
    (a, round, pool_id)
}
