//! Lists a page at a time on both backends: `?strona=` on pages, `?page=&per_page=`
//! on the API with a `Link` header, and a clear 400 for pages out of range.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::http::{header, StatusCode};
use common::{Client, TestApp};
use wspolnota_app::orgs::NewOrgForm;
use wspolnota_domain::ids::OrgId;
use wspolnota_testkit::{on_both_backends, Backend};

/// `n` organisations made by one person, who represents them all.
async fn orgs(t: &TestApp, n: usize) -> (wspolnota_domain::ids::UserId, Vec<OrgId>) {
    let user = t.user("rep@example.pl", "Rep", false).await;
    let u = t.app.user(user).await.unwrap();
    let mut ids = Vec::new();
    for i in 0..n {
        let subject = t.app.subject(Some(&u), None).await.unwrap();
        let id = t
            .app
            .create_org(
                &subject,
                NewOrgForm {
                    name: format!("Stowarzyszenie {i:03}"),
                    kind: "ngo".into(),
                    city: "Kraków".into(),
                    ..NewOrgForm::default()
                },
            )
            .await
            .unwrap();
        ids.push(id);
    }
    (user, ids)
}

async fn the_api_pages_and_refuses_odd_pages(backend: Backend) {
    let t = TestApp::new(backend).await;
    orgs(&t, 5).await;
    let mut c = Client::new();
    let r = t.get(&mut c, "/api/v1/organisations?per_page=2").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let names: Vec<String> = r
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["name"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names, ["Stowarzyszenie 000", "Stowarzyszenie 001"]);
    assert_eq!(
        r.headers[header::LINK].to_str().unwrap(),
        "</api/v1/organisations?page=2&per_page=2>; rel=\"next\""
    );
    let r = t
        .get(&mut c, "/api/v1/organisations?page=3&per_page=2")
        .await;
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(
        r.headers[header::LINK].to_str().unwrap(),
        "</api/v1/organisations?page=2&per_page=2>; rel=\"prev\"",
        "the last page links back only"
    );
    let r = t.get(&mut c, "/api/v1/organisations?page=9").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json().as_array().unwrap().len(), 0, "past the end: empty");
    let r = t.get(&mut c, "/api/v1/organisations").await;
    assert_eq!(r.json().as_array().unwrap().len(), 5, "default 50 per page");
    assert!(r.headers.get(header::LINK).is_none());
    for path in [
        "/api/v1/organisations?page=0",
        "/api/v1/organisations?page=abc",
        "/api/v1/organisations?per_page=201",
        "/api/v1/organisations?per_page=0",
        "/api/v1/spaces?page=-1",
        "/api/v1/spaces?per_page=x",
        "/api/v1/spaces/koalicja/allies?page=0",
        "/api/v1/budget/rounds/1/proposals?per_page=1000",
    ] {
        let r = t.get(&mut c, path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}: {}", r.body);
        assert_eq!(r.json()["error"], "request.bad_page", "{path}");
        assert!(
            r.json()["message"].as_str().unwrap().contains("strony"),
            "in Polish: {}",
            r.body
        );
    }
    let r = t.get_lang(&mut c, "/api/v1/spaces?page=0", "en").await;
    assert!(
        r.json()["message"].as_str().unwrap().contains("page"),
        "{}",
        r.body
    );
}

on_both_backends!(the_api_pages_and_refuses_odd_pages);

async fn pages_link_the_pages_around_them(backend: Backend) {
    let t = TestApp::new(backend).await;
    orgs(&t, 51).await;
    let mut c = Client::new();
    let r = t.get(&mut c, "/organizacje").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("<li class=\"card\">").count(), 50);
    assert!(
        r.body
            .contains("<nav class=\"pager\" aria-label=\"Strony listy\">"),
        "{}",
        r.body
    );
    assert!(r
        .body
        .contains("<a href=\"/organizacje?strona=2\" rel=\"next\">"));
    assert!(!r.body.contains("rel=\"prev\""));
    let r = t.get(&mut c, "/organizacje?strona=2").await;
    assert_eq!(r.body.matches("<li class=\"card\">").count(), 1);
    assert!(r.body.contains("Stowarzyszenie 050"));
    assert!(r.body.contains("<a href=\"/organizacje\" rel=\"prev\">"));
    // Odd numbers give a sensible page, never an error.
    for q in ["abc", "0", "-3", ""] {
        let r = t.get(&mut c, &format!("/organizacje?strona={q}")).await;
        assert_eq!(r.status, StatusCode::OK, "{q}");
        assert!(r.body.contains("Stowarzyszenie 000"), "{q}: the first page");
    }
    let r = t.get(&mut c, "/organizacje?strona=40").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Na tej stronie nie ma już pozycji."));
    assert!(r.body.contains("<a href=\"/organizacje\">"), "a way back");
}

on_both_backends!(pages_link_the_pages_around_them);

async fn allies_are_paged_with_their_filter(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    common::coalition(&t, admin, false).await;
    let (rep, ids) = orgs(&t, 3).await;
    let space = t.app.space_by_slug("koalicja").await.unwrap();
    let u = t.app.user(rep).await.unwrap();
    for id in &ids {
        let subject = t.app.subject(Some(&u), Some(space.id)).await.unwrap();
        t.app.sign(&subject, space.id, Some(*id)).await.unwrap();
    }
    let subject = t.app.subject(Some(&u), Some(space.id)).await.unwrap();
    t.app.sign(&subject, space.id, None).await.unwrap();
    let mut c = Client::new();
    let r = t
        .get(&mut c, "/api/v1/spaces/koalicja/allies?kind=ngo&per_page=2")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let j = r.json();
    assert_eq!(j["allies"].as_array().unwrap().len(), 2);
    assert_eq!(
        (j["total"].as_i64(), j["next_page"].as_i64()),
        (Some(3), Some(2))
    );
    assert_eq!(
        r.headers[header::LINK].to_str().unwrap(),
        "</api/v1/spaces/koalicja/allies?kind=ngo&page=2&per_page=2>; rel=\"next\""
    );
    let r = t
        .get(&mut c, "/api/v1/spaces/koalicja/allies?per_page=2&page=2")
        .await;
    let j = r.json();
    assert_eq!(
        j["allies"].as_array().unwrap().len(),
        2,
        "3 organisations and 1 person"
    );
    assert_eq!(j["total"], 4);
    assert!(j["next_page"].is_null());
    assert_eq!(
        j["counts"].as_array().unwrap().len(),
        2,
        "persons and ngos: {j}"
    );
    let r = t
        .get(&mut c, "/wspolnoty/koalicja/sojusznicy?rodzaj=ngo&strona=x")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.matches("Stowarzyszenie 00").count(), 3, "{}", r.body);
}

on_both_backends!(allies_are_paged_with_their_filter);

async fn the_api_proposal_list_is_paged_with_cost_lines(backend: Backend) {
    let t = TestApp::new(backend).await;
    let admin = t.user("admin@example.pl", "Admin", true).await;
    let subject = wspolnota_domain::access::Subject {
        user: Some(admin),
        platform_admin: true,
        ..Default::default()
    };
    let space = t
        .app
        .create_space(
            &subject,
            wspolnota_app::spaces::NewSpaceForm {
                name: "Konin".into(),
                kind: "city".into(),
                document_title: "R".into(),
                document_md: "Z".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let mut pb = String::from(
        "META\nkey;value\ndescription;T\ncountry;Poland\nunit;Konin\ninstance;2025\nnum_projects;3\n\
         num_votes;2\nbudget;1000\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;name\n\
         1;100;Park\n2;200;Ławka\n3;300;Rower\nVOTES\nvoter_id;vote\n",
    );
    pb.push_str("1;1,2\n2;3\n");
    let round = t
        .app
        .import_finished_round(&subject, space, "BO", &pb)
        .await
        .unwrap();
    let mut c = Client::new();
    let path = format!("/api/v1/budget/rounds/{round}/proposals");
    let r = t.get(&mut c, &format!("{path}?per_page=2")).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let list = r.json();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    for (p, (title, cost)) in list.iter().zip([("Park", 10_000), ("Ławka", 20_000)]) {
        assert_eq!(p["title"], title);
        assert_eq!(
            p["items"][0]["amount_grosze"], cost,
            "its own cost line: {p}"
        );
        assert_eq!(p["items"].as_array().unwrap().len(), 1);
    }
    assert_eq!(
        r.headers[header::LINK].to_str().unwrap(),
        format!("<{path}?page=2&per_page=2>; rel=\"next\"")
    );
    let r = t.get(&mut c, &format!("{path}?per_page=2&page=2")).await;
    let list = r.json();
    assert_eq!(list[0]["title"], "Rower");
    assert_eq!(list[0]["items"][0]["amount_grosze"], 30_000);
}

on_both_backends!(the_api_proposal_list_is_paged_with_cost_lines);
