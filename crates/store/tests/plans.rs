//! Query plans of the hot read paths: they must use their index, on both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use sqlx::Row;
use wspolnota_store::budget::TURNOUT_BY_DISTRICT;
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

async fn the_turnout_query_reads_its_index(backend: Backend) {
    let db = TestDb::new(backend).await;
    let mut c = db.store.read().await.unwrap();
    let plan: Vec<String> = match backend {
        Backend::Sqlite => sqlx::query(&format!("EXPLAIN QUERY PLAN {TURNOUT_BY_DISTRICT}"))
            .bind(1_i64)
            .fetch_all(&mut *c)
            .await
            .unwrap()
            .iter()
            .map(|r| r.try_get::<String, _>("detail").unwrap())
            .collect(),
        Backend::Postgres => {
            // An empty table is cheapest to read whole; ask for the plan an index allows.
            sqlx::query("SET enable_seqscan = off")
                .execute(&mut *c)
                .await
                .unwrap();
            let rows = sqlx::query(&format!("EXPLAIN {TURNOUT_BY_DISTRICT}"))
                .bind(1_i64)
                .fetch_all(&mut *c)
                .await
                .unwrap();
            let plan = rows
                .iter()
                .map(|r| r.try_get::<String, _>(0).unwrap())
                .collect();
            sqlx::query("RESET enable_seqscan")
                .execute(&mut *c)
                .await
                .unwrap();
            plan
        }
    };
    let text = plan.join("\n");
    assert!(text.contains("budget_voters_turnout"), "{text}");
    match backend {
        Backend::Sqlite => {
            assert!(text.contains("COVERING INDEX"), "{text}");
            assert!(
                !text.contains("TEMP B-TREE"),
                "no sort for the grouping: {text}"
            );
        }
        Backend::Postgres => assert!(text.contains("Index Only Scan"), "{text}"),
    }
}

on_both_backends!(the_turnout_query_reads_its_index);
