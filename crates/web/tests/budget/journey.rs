//! A participatory-budget round through the pages: set-up by forms, proposals with
//! cost lines, the committee's key, verification, voting without JavaScript, paper
//! sheets, the committee's count, results with a chart, and downloads that recount to
//! the same winners.

use crate::common::{Client, TestApp};
use crate::setup::setup;
use axum::http::StatusCode;
use wspolnota_domain::pb;
use wspolnota_testkit::{on_both_backends, Backend};

pub async fn a_round_through_the_pages(backend: Backend) {
    let t = TestApp::new(backend).await;
    let (mut a, round, pool_id) = setup(&t).await;
    let r = t.get(&mut a, &round).await;
    assert!(
        r.body.contains("Zgłaszanie projektów"),
        "the phase is shown"
    );
    t.user("urzednik@example.pl", "Urzędnik", false).await;
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/urzednicy"),
            &[("email", "urzednik@example.pl")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The election committee's key: made on the round's page, its parts shown once.
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/komisja"),
            &[("members", "3"), ("threshold", "2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let shares: Vec<String> = r
        .body
        .split("<p class=\"share\"><code>")
        .skip(1)
        .map(|p| p.split("</code>").next().unwrap().to_string())
        .collect();
    assert_eq!(shares.len(), 3);
    let r = t
        .post_form(&mut a, &format!("{round}/komisja"), &[("members", "1")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "the key is set once");
    let r = t.get(&mut a, &round).await;
    assert!(r.body.contains("Klucz komisji ustawiony"));
    // Printed voting codes: shown once to the admin, refused to others and to nonsense counts.
    let r = t
        .post_form(&mut a, &format!("{round}/kody"), &[("count", "3")])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("<li><code>").count(), 3);
    for bad in ["0", "abc", "10001"] {
        let r = t
            .post_form(&mut a, &format!("{round}/kody"), &[("count", bad)])
            .await;
        assert!(r.status.is_client_error(), "{bad}");
    }
    t.user("ciekawski@example.pl", "Ciekawski", false).await;
    let mut curious = t.login("ciekawski@example.pl").await;
    let r = t
        .post_form(&mut curious, &format!("{round}/kody"), &[("count", "3")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // Residents submit proposals with cost lines.
    let mut ids = Vec::new();
    for (i, (title, lines)) in [
        (
            "Park kieszonkowy",
            [("zieleń", "40 000"), ("ławki", "20 000,50")],
        ),
        ("Ławki", [("ławki", "30 000"), ("", "")]),
        ("Biblioteczka", [("regały", "45 000"), ("", "")]),
    ]
    .iter()
    .enumerate()
    {
        let email = format!("m{i}@example.pl");
        t.user(&email, &format!("Mieszkaniec {i}"), false).await;
        let mut c = t.login(&email).await;
        let r = t.get(&mut c, &format!("{round}/projekty/nowy")).await;
        assert_eq!(r.status, StatusCode::OK);
        let fields = [
            ("pool", pool_id.as_str()),
            ("title", title),
            ("description", "Opis **projektu**."),
            ("place", "Konin"),
            ("item_label_1", lines[0].0),
            ("item_amount_1", lines[0].1),
            ("item_label_2", lines[1].0),
            ("item_amount_2", lines[1].1),
        ];
        let r = t
            .post_form(&mut c, &format!("{round}/projekty"), &fields)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        ids.push(
            r.location()
                .split('?')
                .next()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string(),
        );
    }
    let mut c0 = t.login("m0@example.pl").await;
    // Verification by the official: one positive with a lower cost, one negative.
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/etap"),
            &[("phase", "verification")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut o = t.login("urzednik@example.pl").await;
    let verify = |id: &str| format!("{round}/projekty/{id}/weryfikacja");
    let r = t
        .post_form(&mut c0, &verify(&ids[0]), &[("decision", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "authors do not verify");
    let r = t
        .post_form(&mut o, &verify(&ids[0]), &[("decision", "accept")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(
            &mut o,
            &verify(&ids[1]),
            &[
                ("decision", "accept"),
                ("verified_cost", "25 000"),
                ("cost_justification", "Ceny z przetargu."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post_form(&mut o, &verify(&ids[2]), &[("decision", "reject")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "a negative needs a reason"
    );
    let r = t
        .post_form(
            &mut o,
            &verify(&ids[2]),
            &[("decision", "reject"), ("reason", "Teren prywatny.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mut v = Client::new();
    let r = t.get(&mut v, &format!("{round}/projekty/{}", ids[1])).await;
    assert!(
        r.body.contains("30 000 zł") && r.body.contains("25 000 zł"),
        "both costs are public"
    );

    // Voting, without JavaScript: checkboxes, the limits checked by the server.
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "voting")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let vote = format!("{round}/glosowanie/{pool_id}");
    let r = t.post_form(&mut c0, &vote, &[("p", &ids[0])]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("adres"), "address first");
    let r = t
        .post_form(
            &mut c0,
            &format!("{round}/adres"),
            &[("name", "Maria Zero"), ("address", "ul. Kolejowa 1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t.get(&mut c0, &format!("{round}/glosowanie")).await;
    assert!(r.body.contains("type=\"checkbox\" name=\"p\""));
    let r = t
        .post_form(
            &mut c0,
            &vote,
            &[("p", &ids[0]), ("p", &ids[1]), ("p", &ids[2])],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the rejected proposal is not on the ballot"
    );
    let r = t
        .post_form(&mut c0, &vote, &[("p", &ids[0]), ("p", &ids[1])])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("receipt-code"), "the receipt is shown once");
    let receipt = r
        .body
        .split("<code>")
        .nth(1)
        .unwrap()
        .split("</code>")
        .next()
        .unwrap()
        .to_string();
    let r = t.post_form(&mut c0, &vote, &[("p", &ids[0])]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    for i in 1..3 {
        let mut c = t.login(&format!("m{i}@example.pl")).await;
        let name = format!("Mieszkaniec {i}");
        t.post_form(
            &mut c,
            &format!("{round}/adres"),
            &[("name", &name), ("address", "ul. Dworcowa 2")],
        )
        .await;
        let r = t.post_form(&mut c, &vote, &[("p", &ids[0])]).await;
        assert_eq!(r.status, StatusCode::OK);
    }
    let r = t.get(&mut v, &format!("{round}/wyniki")).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no results before the results phase"
    );

    // Paper ballots: from the issued sheets, entered twice by two different people.
    let paper = format!("{round}/papier/{pool_id}");
    let r = t
        .post_form(
            &mut a,
            &format!("{round}/arkusze"),
            &[("numbers", "K-7..K-8")],
        )
        .await;
    assert!(
        r.location().contains("budget-sheets-registered"),
        "{}",
        r.body
    );
    let who = |n: &'static str| [("name", n), ("address", "ul. Papierowa 3")];
    let r = t.get(&mut c0, &format!("{round}/papier")).await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "residents do not enter paper ballots"
    );
    let r = t
        .post_form(
            &mut o,
            &paper,
            &[
                ("sheet", "K-7"),
                ("p", &ids[0]),
                who("Jan Papier")[0],
                who("Jan Papier")[1],
            ],
        )
        .await;
    assert!(
        r.location().contains("budget-paper-entered-once"),
        "{}",
        r.location()
    );
    let r = t
        .post_form(
            &mut o,
            &paper,
            &[
                ("sheet", "K-7"),
                ("p", &ids[0]),
                who("Jan Papier")[0],
                who("Jan Papier")[1],
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "the same person cannot enter it twice"
    );
    let r = t
        .post_form(
            &mut a,
            &paper,
            &[
                ("sheet", "k-7"),
                ("p", &ids[0]),
                who("Jan Papier")[0],
                who("Jan Papier")[1],
            ],
        )
        .await;
    assert!(r.location().contains("budget-paper-entered-counted"));
    t.post_form(
        &mut o,
        &paper,
        &[
            ("sheet", "K-8"),
            ("p", &ids[0]),
            who("Ewa Papier")[0],
            who("Ewa Papier")[1],
        ],
    )
    .await;
    let r = t
        .post_form(
            &mut a,
            &paper,
            &[
                ("sheet", "K-8"),
                ("p", &ids[1]),
                who("Ewa Papier")[0],
                who("Ewa Papier")[1],
            ],
        )
        .await;
    assert!(r.location().contains("budget-paper-entered-mismatch"));
    let r = t.get(&mut o, &format!("{round}/papier")).await;
    assert!(r.body.contains("rozbieżna, niepoliczona"));
    assert!(
        !r.body.contains("/rozstrzygnij"),
        "officials do not settle disagreements"
    );
    let r = t.get(&mut a, &format!("{round}/papier")).await;
    assert!(r.body.contains("/rozstrzygnij"));
    let r = t
        .post_form(
            &mut a,
            &format!("{paper}/rozstrzygnij"),
            &[
                ("sheet", "K-8"),
                ("p", &ids[1]),
                who("Ewa Papier")[0],
                who("Ewa Papier")[1],
            ],
        )
        .await;
    assert!(r.location().contains("budget-paper-resolved"));

    // Voting closes; results are published only by the committee's count.
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "results")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .post_form(&mut a, &format!("{round}/etap"), &[("phase", "counting")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let count = format!("{round}/liczenie");
    let r = t
        .post_form(&mut c0, &count, &[("shares", &shares.join("\n"))])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t.post_form(&mut a, &count, &[("shares", &shares[0])]).await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "one part is not enough"
    );
    assert!(r.body.contains("Te części klucza nie otwierają głosów"));
    let r = t
        .post_form(&mut a, &count, &[("shares", &shares[1..].join("\n"))])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.post_form(&mut a, &format!("{round}/wyniki"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "a recount is explicit");
    let r = t.get(&mut v, &format!("{round}/wyniki")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains("<svg class=\"chart\" role=\"img\""),
        "a chart"
    );
    assert!(r.body.contains("wybrany"));
    assert!(
        r.body.contains("5 głosujących"),
        "three online and two on paper"
    );
    assert!(
        r.body
            .contains("wybrany jako 1. w kolejności (liczba głosów: 4)"),
        "why, in Polish: {}",
        r.body
    );
    let r = t
        .get(&mut v, &format!("{round}/pule/{pool_id}/glosy.pb"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let inst = pb::parse_str(&r.body).unwrap();
    assert_eq!(inst.ballots.len(), 5);
    let hash = wspolnota_app::tokens::hash(&receipt);
    assert!(
        !r.body.contains(&hash),
        "receipts are not beside the choices"
    );
    let r = t
        .get(&mut v, &format!("{round}/pule/{pool_id}/potwierdzenia.txt"))
        .await;
    assert!(
        r.body.contains(&hash),
        "her receipt is in the published list"
    );
    let r = t
        .get(
            &mut v,
            &format!("{round}/potwierdzenie?pula={pool_id}&kod={receipt}"),
        )
        .await;
    assert!(r.body.contains("Twój głos został policzony"));
    let r = t
        .get(
            &mut v,
            &format!("{round}/potwierdzenie?pula={pool_id}&kod=zly"),
        )
        .await;
    assert!(r.body.contains("Nie ma policzonego głosu"));
    let recount = pb::count(&inst, pb::Rule::Greedy).unwrap();
    let mut winners = recount.winner_ids(&inst);
    winners.sort();
    let mut expected = vec![ids[0].clone(), ids[1].clone()];
    expected.sort();
    assert_eq!(winners, expected);
    let r = t
        .get(&mut v, &format!("{round}/pule/{pool_id}/wyniki.csv"))
        .await;
    assert!(r
        .body
        .starts_with("project_id,name,cost,votes,funded,explanation\r\n"));
    assert_eq!(r.body.lines().count(), 3);
    // Unknown rounds and pools.
    for path in [
        "/budzet/999999",
        "/budzet/abc",
        &format!("{round}/pule/999999/glosy.pb"),
        &format!("{round}/projekty/999999"),
    ] {
        let r = t.get(&mut v, path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
    }
}

on_both_backends!(a_round_through_the_pages);
