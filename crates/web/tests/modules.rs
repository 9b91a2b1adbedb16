//! Modules of a space over HTTP, on both backends: a space admin switches the
//! participatory budget on and off, others may not, the space page links only what
//! the space has, and a switched-off budget's pages answer 404.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::StatusCode;
use common::{Client, TestApp};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_domain::ids::SpaceId;
use wspolnota_testkit::{on_both_backends, Backend};

/// A space of `kind` at `/wspolnoty/{slug}`, made by a platform admin, with
/// `spaceadmin@example.pl` as its admin.
async fn space(t: &TestApp, slug: &str, kind: &str) -> SpaceId {
    let platform = t.user("platform@example.pl", "Platform", true).await;
    let admin = t.user("spaceadmin@example.pl", "Space Admin", false).await;
    let subject = Subject {
        user: Some(platform),
        platform_admin: true,
        ..Subject::default()
    };
    let form = NewSpaceForm {
        name: "Przestrzeń".into(),
        slug: slug.into(),
        kind: kind.into(),
        document_title: "Deklaracja".into(),
        document_md: "Tekst.".into(),
        ..NewSpaceForm::default()
    };
    let id = t.app.create_space(&subject, form).await.unwrap();
    let mut tx = t.db.store.begin().await.unwrap();
    wspolnota_store::spaces::add_admin(&mut tx, id, admin, t.app.now())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    id
}

/// Creates a round through the form; returns its path.
async fn round(t: &TestApp, c: &mut Client, slug: &str) -> String {
    let fields = [
        ("title", "Budżet obywatelski 2027"),
        ("submission", "2026-05-01"),
        ("verification", "2026-06-10"),
        ("appeals", "2026-06-20"),
        ("voting", "2026-07-01"),
        ("results", "2026-07-15"),
    ];
    let r = t
        .post_form(c, &format!("/wspolnoty/{slug}/budzet"), &fields)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location().split('?').next().unwrap().to_string()
}

/// Sends the modules form with the budget checked or not.
async fn switch_budget(t: &TestApp, c: &mut Client, slug: &str, on: bool) -> common::Resp {
    let mut fields = vec![("shown", "budget")];
    if on {
        fields.push(("budget", "on"));
    }
    t.post_form(c, &format!("/wspolnoty/{slug}/moduly"), &fields)
        .await
}

fn links_budget(body: &str, slug: &str) -> bool {
    body.contains(&format!("href=\"/wspolnoty/{slug}/budzet\""))
}

async fn a_space_admin_switches_the_budget_off_and_on(backend: Backend) {
    let t = TestApp::new(backend).await;
    space(&t, "konin", "city").await;
    let mut a = t.login("spaceadmin@example.pl").await;
    let round = round(&t, &mut a, "konin").await;
    let round_id = round.rsplit('/').next().unwrap().to_string();

    // A city has its budget from the start.
    let r = t.get(&mut Client::new(), "/wspolnoty/konin").await;
    assert!(links_budget(&r.body, "konin"), "{}", r.body);
    let r = t.get(&mut a, "/wspolnoty/konin/admin").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("action=\"/wspolnoty/konin/moduly\""));
    assert!(r.body.contains("<legend>"));
    assert!(r
        .body
        .contains("<label for=\"module-budget\">Budżet obywatelski</label>"));
    assert!(r
        .body
        .contains("aria-describedby=\"module-budget-about\" checked"));
    // Modules not implemented yet are not offered.
    assert!(!r.body.contains("module-consultations"));

    let audit = t.count("audit_log").await;
    let r = switch_budget(&t, &mut a, "konin", false).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        "/wspolnoty/konin/admin?ok=space-modules-saved"
    );
    assert_eq!(t.count("audit_log").await, audit + 1);
    assert_eq!(t.count("space_modules").await, 1);
    let r = t
        .get(&mut a, "/wspolnoty/konin/admin?ok=space-modules-saved")
        .await;
    assert!(r.body.contains("Moduły wspólnoty zostały zapisane."));
    assert!(!r
        .body
        .contains("aria-describedby=\"module-budget-about\" checked"));
    let r = t.get(&mut a, "/wspolnoty/konin/dziennik").await;
    assert!(r.body.contains("space.module_switched"));

    // Off: no link, and every page of the budget is gone, for its admin too.
    let mut v = Client::new();
    let r = t.get(&mut v, "/wspolnoty/konin").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!links_budget(&r.body, "konin"), "{}", r.body);
    for path in [
        "/wspolnoty/konin/budzet".to_string(),
        round.clone(),
        format!("{round}/glosowanie"),
        format!("{round}/wyniki"),
        format!("/api/v1/budget/rounds/{round_id}"),
        format!("/api/v1/budget/rounds/{round_id}/proposals"),
    ] {
        assert_eq!(
            t.get(&mut v, &path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
        assert_eq!(
            t.get(&mut a, &path).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
    let rounds = t.count("budget_rounds").await;
    let r = t
        .post_form(&mut a, "/wspolnoty/konin/budzet", &[("title", "Druga")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(t.count("budget_rounds").await, rounds);

    // Asking for the state it is already in records nothing.
    let r = switch_budget(&t, &mut a, "konin", false).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.count("audit_log").await, audit + 1);

    // On again: the round is back as it was.
    let r = switch_budget(&t, &mut a, "konin", true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.count("audit_log").await, audit + 2);
    let r = t.get(&mut v, "/wspolnoty/konin").await;
    assert!(links_budget(&r.body, "konin"));
    let r = t.get(&mut v, &round).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Budżet obywatelski 2027"));
    let r = t
        .get(&mut v, &format!("/api/v1/budget/rounds/{round_id}"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

async fn only_admins_switch_modules(backend: Backend) {
    let t = TestApp::new(backend).await;
    let id = space(&t, "konin", "city").await;
    t.user("ala@example.pl", "Ala", false).await;
    let mut ala = t.login("ala@example.pl").await;
    // A member is refused as well as a resident.
    let r = t.post_form(&mut ala, "/wspolnoty/konin/podpisz", &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let audit = t.count("audit_log").await;
    let r = switch_budget(&t, &mut ala, "konin", false).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // An unknown module does not change the answer: permission comes first.
    let r = t
        .post_form(&mut ala, "/wspolnoty/konin/moduly", &[("shown", "wiedza")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let mut visitor = Client::new();
    let r = switch_budget(&t, &mut visitor, "konin", false).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), "/konto/logowanie");
    // Without the CSRF token even the admin is refused.
    let mut a = t.login("spaceadmin@example.pl").await;
    let r = t
        .post_raw_form(&mut a, "/wspolnoty/konin/moduly", &[("shown", "budget")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(t.count("space_modules").await, 0);
    assert_eq!(t.count("audit_log").await, audit);
    let budget = wspolnota_domain::module::Module::Budget;
    assert!(t.app.module_enabled(id, budget).await.unwrap());
    // The admin page is not theirs either.
    let r = t.get(&mut ala, "/wspolnoty/konin/admin").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

async fn unknown_and_unimplemented_modules_are_refused(backend: Backend) {
    let t = TestApp::new(backend).await;
    space(&t, "konin", "city").await;
    let mut a = t.login("spaceadmin@example.pl").await;
    for shown in ["budget,wiedza", "knowledge"] {
        let r = t
            .post_form(&mut a, "/wspolnoty/konin/moduly", &[("shown", shown)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{shown}");
        assert!(r.body.contains("Nie ma takiego modułu."), "{}", r.body);
    }
    assert_eq!(t.count("space_modules").await, 0);
    let r = t
        .post_form(&mut a, "/wspolnoty/nie-ma/moduly", &[("shown", "budget")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

async fn a_coalition_has_no_budget_until_it_switches_one_on(backend: Backend) {
    let t = TestApp::new(backend).await;
    space(&t, "koalicja", "coalition").await;
    let mut a = t.login("spaceadmin@example.pl").await;
    let r = t.get(&mut a, "/wspolnoty/koalicja").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!links_budget(&r.body, "koalicja"));
    let r = t.get(&mut a, "/wspolnoty/koalicja/budzet").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = t.get(&mut a, "/wspolnoty/koalicja/admin").await;
    assert!(r.body.contains("id=\"module-budget\""));
    assert!(!r
        .body
        .contains("aria-describedby=\"module-budget-about\" checked"));
    let r = switch_budget(&t, &mut a, "koalicja", true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t.get(&mut Client::new(), "/wspolnoty/koalicja").await;
    assert!(links_budget(&r.body, "koalicja"));
    let r = t.get(&mut a, "/wspolnoty/koalicja/budzet").await;
    assert_eq!(r.status, StatusCode::OK);
    round(&t, &mut a, "koalicja").await;
    // The English page names the module in English.
    let r = t
        .get_lang(&mut Client::new(), "/wspolnoty/koalicja", "en")
        .await;
    assert!(r.body.contains(">Participatory budget</a>"), "{}", r.body);
}

/// The demo's two cities run their budgets; the browser tests rely on it.
async fn the_demo_cities_have_their_budgets(backend: Backend) {
    let t = TestApp::new(backend).await;
    assert!(t.app.load_demo().await.unwrap());
    let mut v = Client::new();
    for slug in ["warszawa-wawer", "konin"] {
        let r = t.get(&mut v, &format!("/wspolnoty/{slug}")).await;
        assert!(links_budget(&r.body, slug), "{slug}");
        let r = t.get(&mut v, &format!("/wspolnoty/{slug}/budzet")).await;
        assert_eq!(r.status, StatusCode::OK, "{slug}");
    }
    let r = t.get(&mut v, "/wspolnoty/koalicja-dla-sasiedztw").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!links_budget(&r.body, "koalicja-dla-sasiedztw"));
    // The Dąbrowa cooperative's projects show their progress: the repair café's
    // milestones all reached, the PV project's first two and its roof audit.
    let r = t
        .get(
            &mut v,
            "/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza/spoldzielnia/inwestycje",
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("3 / 3"), "{}", r.body);
    assert!(r.body.contains("2 / 4"), "{}", r.body);
    let pv = r
        .body
        .split("/spoldzielnia/inwestycje/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the first project")
        .to_string();
    let r = t
        .get(
            &mut v,
            &format!(
                "/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza/spoldzielnia/inwestycje/{pv}"
            ),
        )
        .await;
    assert!(r.body.contains("Audyt dachu SP nr 5"), "{}", r.body);
    let doc = r
        .body
        .split("/dokumenty/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the document")
        .to_string();
    let r = t
        .get(
            &mut v,
            &format!("/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza/spoldzielnia/inwestycje/{pv}/dokumenty/{doc}"),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("%PDF-"));
    // Its bodies: the board with its chair, a supervisory board of three.
    let dabrowa = "/wspolnoty/spoldzielnia-rozwojowa-dabrowa-gornicza";
    let r = t.get(&mut v, dabrowa).await;
    assert!(
        r.body.contains(&format!("href=\"{dabrowa}/organy\"")),
        "{}",
        r.body
    );
    let r = t.get(&mut v, &format!("{dabrowa}/organy")).await;
    assert_eq!(r.status, StatusCode::OK);
    let rada = r
        .body
        .split("Rada Nadzorcza</h2>")
        .nth(1)
        .and_then(|rest| rest.split("</table>").next())
        .expect("the supervisory board's table");
    assert_eq!(rada.matches("<tr><td>").count(), 3, "{rada}");
    assert!(rada.contains("przewodniczący(-a)") && rada.contains("sekretarz"));
    assert!(r.body.contains("Zarząd</h2>"));
    // An ordinary assembly a month ahead, its notice sent, as the board sees it.
    let space = t
        .app
        .space_by_slug("spoldzielnia-rozwojowa-dabrowa-gornicza")
        .await
        .unwrap()
        .id;
    let mut c = t.db.store.read().await.unwrap();
    let marek = wspolnota_store::users::by_email(&mut c, "marek.kowalski@wspolnota.demo")
        .await
        .unwrap()
        .unwrap();
    drop(c);
    let board = t.app.subject(Some(&marek), Some(space)).await.unwrap();
    let assemblies = t.app.assemblies(&board, space).await.unwrap();
    assert_eq!(assemblies.len(), 1);
    assert!(assemblies[0].meeting.notice_sent_on.is_some());
    assert_eq!(assemblies[0].agenda.len(), 6);
    // A coalition's working groups lead to the same page.
    let r = t.get(&mut v, "/wspolnoty/koalicja-dla-sasiedztw").await;
    assert!(r
        .body
        .contains("href=\"/wspolnoty/koalicja-dla-sasiedztw/organy\">Grupy robocze</a>"));
}

on_both_backends!(
    a_space_admin_switches_the_budget_off_and_on,
    only_admins_switch_modules,
    unknown_and_unimplemented_modules_are_refused,
    a_coalition_has_no_budget_until_it_switches_one_on,
    the_demo_cities_have_their_budgets,
);
