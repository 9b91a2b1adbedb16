//! Acknowledged means durable: SQLite flushes every commit (`synchronous=FULL`), and
//! transactions arriving together share one flush without changing what each of them
//! means. On both backends, so grouping on SQLite answers exactly as PostgreSQL does.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use wspolnota_domain::clock::Timestamp;
use wspolnota_store::limits;
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

const NOW: Timestamp = Timestamp(1_780_000_000);

async fn counters(db: &TestDb) -> Vec<String> {
    let mut c = db.store.read().await.unwrap();
    let mut keys: Vec<String> = sqlx::query_scalar("SELECT counter_key FROM rate_counters")
        .fetch_all(&mut *c)
        .await
        .unwrap();
    keys.sort();
    keys
}

/// 200 transactions at once: those that commit are all there once `commit` returns;
/// those dropped without commit, and those that failed half-way, left nothing behind,
/// not even the statements they ran before failing.
async fn grouped_transactions_keep_their_own_fate(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let mut tasks = Vec::new();
    for i in 0..200u32 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.store.begin().await.unwrap();
            limits::hit(&mut tx, &format!("k{i:03}"), NOW, 60)
                .await
                .unwrap();
            match i % 10 {
                // Dropped without commit: rolled back.
                3 => {
                    drop(tx);
                    false
                }
                // A failing statement after a good one; the use case gives up.
                7 => {
                    let bad = sqlx::query("INSERT INTO no_such_table VALUES (1)")
                        .execute(&mut *tx)
                        .await;
                    assert!(bad.is_err());
                    drop(tx);
                    false
                }
                _ => {
                    tx.commit().await.unwrap();
                    true
                }
            }
        }));
    }
    let mut expected = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        if task.await.unwrap() {
            expected.push(format!("k{i:03}"));
        }
    }
    assert_eq!(expected.len(), 160);
    assert_eq!(counters(&db).await, expected);
}

/// What one transaction wrote is seen by the next, in the same group or not.
async fn a_group_sees_its_own_writes_in_order(backend: Backend) {
    let db = Arc::new(TestDb::new(backend).await);
    let mut tasks = Vec::new();
    for _ in 0..50 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut tx = db.store.begin().await.unwrap();
            let c = limits::hit(&mut tx, "shared", NOW, 60).await.unwrap();
            tx.commit().await.unwrap();
            c.hits
        }));
    }
    let mut hits = Vec::new();
    for t in tasks {
        hits.push(t.await.unwrap());
    }
    hits.sort();
    assert_eq!(
        hits,
        (1..=50).collect::<Vec<i64>>(),
        "each counted once, in turn"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_flushes_every_commit() {
    let db = TestDb::new(Backend::Sqlite).await;
    let mut tx = db.store.begin().await.unwrap();
    let writer: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut c = db.store.read().await.unwrap();
    let reader: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    // 2 is FULL: the write-ahead log reaches the disk before a commit returns.
    assert_eq!((writer, reader), (2, 2));
}

on_both_backends!(
    grouped_transactions_keep_their_own_fate,
    a_group_sees_its_own_writes_in_order
);
