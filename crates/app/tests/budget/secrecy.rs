//! Secret ballots tried as a database administrator would: 200 ballots cast through
//! the app (by account and by desk code), each identifiable by its content, then every
//! link raw access offers is tried — shared transaction ids, row ids and physical
//! order, time columns, receipts, and what the sealed envelopes leave behind — and none
//! may beat chance. The stated anonymity set is every ballot of the pool: they are
//! written in one transaction, in random order, by the committee's count.

use crate::world::*;
use sqlx::Row;
use std::collections::HashMap;
use wspolnota_app::budget::{Desk, RoundRules};
use wspolnota_domain::budget::register::ReceiptMode;
use wspolnota_domain::budget::{encode_ballot, Choice};
use wspolnota_testkit::{on_both_backends, Backend};

const VOTERS: usize = 200;

/// Kendall's tau between two orderings given as rank lists of equal length.
fn kendall_tau(a: &[usize], b: &[usize]) -> f64 {
    let n = a.len();
    let mut concordant = 0i64;
    let mut discordant = 0i64;
    for i in 0..n {
        for j in i + 1..n {
            let s = (a[i] as i64 - a[j] as i64) * (b[i] as i64 - b[j] as i64);
            if s > 0 {
                concordant += 1;
            } else if s < 0 {
                discordant += 1;
            }
        }
    }
    (concordant - discordant) as f64 / ((n * (n - 1) / 2) as f64)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Raw bytes of the SQLite database file and its write-ahead log.
fn sqlite_bytes(url: &str) -> Vec<u8> {
    let path = url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let mut bytes = std::fs::read(&path).unwrap();
    if let Ok(wal) = std::fs::read(format!("{path}-wal")) {
        bytes.extend(wal);
    }
    bytes
}

/// Raw bytes of a PostgreSQL table's data file, after a checkpoint wrote them out;
/// `None` when the test database's user may not read server files.
async fn postgres_bytes(c: &mut sqlx::AnyConnection, table: &str) -> Option<Vec<u8>> {
    let superuser: bool = sqlx::query_scalar::<_, i64>(
        "SELECT CASE WHEN rolsuper THEN 1 ELSE 0 END FROM pg_roles WHERE rolname = current_user",
    )
    .fetch_one(&mut *c)
    .await
    .unwrap()
        == 1;
    if !superuser {
        eprintln!("skipping the raw file check: the test database user is not a superuser");
        return None;
    }
    sqlx::query("CHECKPOINT").execute(&mut *c).await.unwrap();
    let sql = format!("SELECT pg_read_binary_file(pg_relation_filepath('{table}')) AS b");
    Some(
        sqlx::query(&sql)
            .fetch_one(&mut *c)
            .await
            .unwrap()
            .get::<Vec<u8>, _>("b"),
    )
}

async fn no_link_survives_the_count(backend: Backend) {
    let w = world(backend).await;
    let specs: Vec<(i64, String, i64)> = (0..21)
        .map(|i| (w.city_pool, format!("Projekt {i}"), 1_000_00))
        .collect();
    let specs: Vec<(i64, &str, i64)> = specs.iter().map(|(p, t, c)| (*p, t.as_str(), *c)).collect();
    let (r, ids) = w.open_voting(&specs).await;
    // 210 pairs of the 21 projects: every voter's ballot is unique, so an attacker who
    // could tell which ballot is whose would be caught at once.
    let mut pairs = Vec::new();
    for a in 0..ids.len() {
        for b in a + 1..ids.len() {
            pairs.push(vec![
                Choice {
                    project: ids[a],
                    points: 1,
                },
                Choice {
                    project: ids[b],
                    points: 1,
                },
            ]);
        }
    }
    let mut voter_keys = Vec::new();
    let mut receipts = Vec::new();
    for (i, ballot) in pairs.iter().take(VOTERS).enumerate() {
        let who = Desk {
            name: format!("Głosujący {i}"),
            address: format!("ul. Tajna {i}"),
            ..Desk::default()
        };
        let cast = if i % 3 == 0 {
            let code = w.app.issue_desk_code(&w.official, &r, &who).await.unwrap();
            w.app
                .cast_ballot_with_code(&r, w.city_pool, &code, ballot)
                .await
                .unwrap()
        } else {
            let id = person(&w.app, &w.db.store, &format!("v{i}@example.pl"), false).await;
            let voter = wspolnota_domain::access::Subject {
                user: Some(id),
                ..Default::default()
            };
            w.app.declare_residence(&voter, &r, &who).await.unwrap();
            w.app
                .cast_ballot(&voter, &r, w.city_pool, ballot)
                .await
                .unwrap()
        };
        voter_keys.push(wspolnota_domain::budget::register::person_key(
            &who.name,
            &who.address,
        ));
        receipts.push(wspolnota_app::tokens::hash(&cast.receipt));
    }
    let texts: Vec<String> = pairs
        .iter()
        .take(VOTERS)
        .map(|b| encode_ballot(b))
        .collect();

    // While voting runs the database holds no ballot in readable form at all.
    let mut c = w.db.store.read().await.unwrap();
    match backend {
        Backend::Sqlite => {
            let bytes = sqlite_bytes(&w.db.url);
            assert!(
                contains(&bytes, &voter_keys[7]),
                "the scan reads the register"
            );
            for (t, h) in texts.iter().zip(&receipts) {
                assert!(!contains(&bytes, t), "plaintext ballot {t} in the database");
                assert!(!contains(&bytes, h), "a receipt hash in the database");
            }
        }
        Backend::Postgres => {
            if let Some(voters) = postgres_bytes(&mut c, "budget_voters").await {
                assert!(
                    contains(&voters, &voter_keys[7]),
                    "the scan reads the register"
                );
                let sealed = postgres_bytes(&mut c, "budget_envelopes").await.unwrap();
                assert!(sealed.len() > 8192 * 2, "envelopes on disk");
                for (t, h) in texts.iter().zip(&receipts) {
                    assert!(!contains(&sealed, t) && !contains(&sealed, h));
                }
            }
        }
    }
    let lengths: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT LENGTH(sealed) FROM budget_envelopes")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    assert_eq!(
        lengths.len(),
        1,
        "every envelope of the pool has one length"
    );
    drop(c);

    w.close_and_count(&r).await;
    let mut c = w.db.store.read().await.unwrap();
    let whose: HashMap<&str, usize> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (t.as_str(), i))
        .collect();

    // Physical order of the counted ballots against the order of voting.
    let order_sql = match backend {
        Backend::Sqlite => "SELECT choices FROM budget_ballots WHERE pool_id = $1",
        Backend::Postgres => {
            "SELECT choices FROM budget_ballots WHERE pool_id = $1 \
             ORDER BY (ctid::text::point)[0], (ctid::text::point)[1]"
        }
    };
    let physical: Vec<String> = sqlx::query_scalar(order_sql)
        .bind(w.city_pool)
        .fetch_all(&mut *c)
        .await
        .unwrap();
    assert_eq!(physical.len(), VOTERS);
    let voting_index: Vec<usize> = physical.iter().map(|t| whose[t.as_str()]).collect();
    let positions: Vec<usize> = (0..VOTERS).collect();
    let tau = kendall_tau(&positions, &voting_index);
    // Under a random order tau has a standard deviation of about 0.048 for 200 ballots;
    // 0.25 is over five of them (a chance of about 1 in 10⁷ to fail by bad luck).
    assert!(
        tau.abs() < 0.25,
        "storage order follows voting order: tau = {tau}"
    );
    // Pairing the k-th voter row with the k-th ballot row finds about one by chance.
    let same_place = voting_index
        .iter()
        .enumerate()
        .filter(|(k, v)| k == *v)
        .count();
    assert!(
        same_place <= 8,
        "{same_place} ballots sit where their voter sits"
    );

    if backend == Backend::Postgres {
        // Transaction ids: the voters' are their own; every ballot shares the count's.
        let voter_x: Vec<String> =
            sqlx::query_scalar("SELECT xmin::text FROM budget_voters WHERE pool_id = $1")
                .bind(w.city_pool)
                .fetch_all(&mut *c)
                .await
                .unwrap();
        let ballot_x: Vec<String> =
            sqlx::query_scalar("SELECT DISTINCT xmin::text FROM budget_ballots WHERE pool_id = $1")
                .bind(w.city_pool)
                .fetch_all(&mut *c)
                .await
                .unwrap();
        assert_eq!(ballot_x.len(), 1, "all ballots written by one transaction");
        assert!(!voter_x.contains(&ballot_x[0]), "no voter shares it");
        // What the envelopes leave in the data files is ciphertext only.
        if let Some(sealed) = postgres_bytes(&mut c, "budget_envelopes").await {
            for t in &texts {
                assert!(!contains(&sealed, t));
            }
        }
    }
    // No time on anything that holds or holds back a ballot.
    let cols = w.db.store.schema_columns().await.unwrap();
    for (table, col) in &cols {
        if [
            "budget_voters",
            "budget_ballots",
            "budget_envelopes",
            "budget_receipts",
        ]
        .contains(&table.as_str())
        {
            assert!(
                !(col.ends_with("_at") || col.contains("time") || col.contains("date")),
                "{table}.{col} is a time"
            );
        }
    }
    // Receipts are published apart from the choices, in hash order.
    let with_receipt: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM budget_ballots WHERE receipt_hash IS NOT NULL")
            .fetch_one(&mut *c)
            .await
            .unwrap();
    assert_eq!(with_receipt, 0);
    let stored = w.app.receipt_hashes(w.city_pool).await.unwrap();
    let mut sorted = stored.clone();
    sorted.sort();
    assert_eq!(stored, sorted);
    assert!(
        receipts.iter().all(|h| stored.contains(h)),
        "every receipt was counted"
    );
    // And the sealed ballots are gone.
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM budget_envelopes")
        .fetch_one(&mut *c)
        .await
        .unwrap();
    assert_eq!(left, 0);
}

/// Where a round chooses to publish receipts beside the choices, each voter can check
/// what was counted (and, the documented risk, show it to anyone).
async fn receipts_beside_choices_when_the_round_says_so(backend: Backend) {
    let w = world(backend).await;
    let rules = RoundRules {
        receipts: ReceiptMode::WithChoices,
        min_public_voters: 1,
        ..RoundRules::default()
    };
    let SmallRound {
        round: r,
        pool,
        proposal: p,
        shares,
    } = w.small_round("Jawne potwierdzenia", rules).await;
    let id = r.id;
    w.app
        .declare_residence(&w.residents[0], &r, &resident(0, "ul. Jawna 1", ""))
        .await
        .unwrap();
    let cast = w
        .app
        .cast_ballot(&w.residents[0], &r, pool, &tick(&[p]))
        .await
        .unwrap();
    w.clock.advance(40 * DAY);
    let r = w.app.round(id).await.unwrap();
    w.app.count_round(&w.admin, &r, &shares).await.unwrap();
    let r = w.app.round(id).await.unwrap();
    let pool = w.app.pools(r.id).await.unwrap().remove(0);
    let text = w.app.pool_pabulib(&r, &pool).await.unwrap();
    assert!(text.contains("receipt_hash"));
    assert!(text.contains(&wspolnota_app::tokens::hash(&cast.receipt)));
}

on_both_backends!(
    no_link_survives_the_count,
    receipts_beside_choices_when_the_round_says_so
);
