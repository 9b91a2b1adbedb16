//! Published files of a counted round on both backends: the `.pb` built once and
//! served with its tag, the results CSV neutralising formulas.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::{Client, TestApp};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_domain::access::Subject;
use wspolnota_testkit::{on_both_backends, Backend};

/// A finished election of 12 voters with a project whose name is a spreadsheet formula.
fn election() -> String {
    let mut pb = String::from(
        "META\nkey;value\ndescription;Test\ncountry;Poland\nunit;Konin\ninstance;2025\n\
         num_projects;2\nnum_votes;12\nbudget;1000\nvote_type;approval\nrule;greedy\n\
         PROJECTS\nproject_id;cost;name\n1;600;=HYPERLINK(\"http://evil\")\n2;300;Ławka przy stawie\n\
         VOTES\nvoter_id;vote\n",
    );
    for i in 1..=12 {
        pb.push_str(&format!("{i};{}\n", if i % 3 == 0 { "2" } else { "1,2" }));
    }
    pb
}

async fn counted_round(t: &TestApp) -> i64 {
    let admin = t.user("admin@example.pl", "Admin", true).await;
    let subject = Subject {
        user: Some(admin),
        platform_admin: true,
        ..Subject::default()
    };
    let space = t
        .app
        .create_space(
            &subject,
            NewSpaceForm {
                name: "Konin".into(),
                kind: "city".into(),
                document_title: "R".into(),
                document_md: "Z".into(),
                ..NewSpaceForm::default()
            },
        )
        .await
        .unwrap();
    t.app
        .import_finished_round(&subject, space, "BO 2025", &election())
        .await
        .unwrap()
}

async fn the_pb_is_built_once_and_served_with_its_tag(backend: Backend) {
    let t = TestApp::new(backend).await;
    let round = counted_round(&t).await;
    let pools = t.app.pools(round).await.unwrap();
    let pool = pools[0].id;
    let path = format!("/budzet/{round}/pule/{pool}/glosy.pb");
    let mut v = Client::new();
    assert_eq!(
        t.count("budget_exports").await,
        0,
        "built on first download"
    );
    let first = t.get(&mut v, &path).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    let inst = wspolnota_domain::pb::parse_str(&first.body).unwrap();
    assert_eq!(inst.ballots.len(), 12);
    let etag = first.headers[header::ETAG].to_str().unwrap().to_string();
    assert!(etag.starts_with('"') && etag.ends_with('"'), "{etag}");
    assert_eq!(
        first.headers[header::CACHE_CONTROL].to_str().unwrap(),
        "public, max-age=3600"
    );
    assert_eq!(
        first.headers[header::CONTENT_LENGTH].to_str().unwrap(),
        first.body.len().to_string()
    );
    assert_eq!(t.count("budget_exports").await, 1, "stored once");
    let again = t.get(&mut v, &path).await;
    assert_eq!(again.body, first.body);
    assert_eq!(again.headers[header::ETAG].to_str().unwrap(), etag);
    assert_eq!(t.count("budget_exports").await, 1, "not built again");
    // A second node (a fresh app on the same database) serves the stored bytes.
    let other = wspolnota_web::router(wspolnota_app::App::new(
        t.db.store.clone(),
        t.clock.clone(),
        t.app.config.clone(),
    ));
    use tower::ServiceExt;
    let res = other
        .clone()
        .oneshot(
            Request::get(&path)
                .extension(axum::extract::ConnectInfo(v.peer))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.headers()[header::ETAG].to_str().unwrap(), etag);
    // A client that holds this version is told so, without the body.
    let res = other
        .oneshot(
            Request::get(&path)
                .header(header::IF_NONE_MATCH, &etag)
                .extension(axum::extract::ConnectInfo(v.peer))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);
}

on_both_backends!(the_pb_is_built_once_and_served_with_its_tag);

async fn the_results_csv_neutralises_formulas(backend: Backend) {
    let t = TestApp::new(backend).await;
    let round = counted_round(&t).await;
    let pool = t.app.pools(round).await.unwrap()[0].id;
    let mut v = Client::new();
    let r = t
        .get(&mut v, &format!("/budzet/{round}/pule/{pool}/wyniki.csv"))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r
        .body
        .starts_with("project_id,name,cost,votes,funded,explanation\r\n"));
    assert!(
        r.body.contains(",\"'=HYPERLINK(\"\"http://evil\"\")\","),
        "the formula is text: {}",
        r.body
    );
    assert!(!r.body.contains(",=HYPERLINK"), "{}", r.body);
    assert!(
        r.body.contains(",Ławka przy stawie,300,12,true,"),
        "{}",
        r.body
    );
}

on_both_backends!(the_results_csv_neutralises_formulas);
