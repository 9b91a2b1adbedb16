//! Test support: a throwaway database on either backend, and a macro that runs
//! one test body on both.
//!
//! PostgreSQL tests need `TEST_DATABASE_URL`, a superuser URL of a throwaway
//! cluster (`./scripts/test` starts one). Each test gets a database of its own,
//! cloned from a migrated template, so tests run in parallel and leave no trace
//! that matters when the cluster is thrown away.
#![allow(clippy::expect_used, clippy::unwrap_used)]

pub mod smtp;

use rand::Rng;
use std::path::PathBuf;
use wspolnota_store::Store;

pub use wspolnota_store::Backend;

pub struct TestDb {
    pub store: Store,
    pub url: String,
    dir: Option<PathBuf>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn random_suffix() -> String {
    let n: u64 = rand::thread_rng().gen();
    format!("{n:016x}")
}

/// The admin URL of the throwaway PostgreSQL cluster.
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "TEST_DATABASE_URL is not set: storage and HTTP tests run on PostgreSQL too. \
             Run ./scripts/test, which starts a throwaway cluster, or point TEST_DATABASE_URL \
             at a superuser URL of a cluster you may scribble on."
        )
    })
}

fn with_database(admin_url: &str, db: &str) -> String {
    match admin_url.rfind('/') {
        Some(i) if admin_url[..i].contains('@') || admin_url[..i].matches('/').count() >= 2 => {
            let (base, rest) = admin_url.split_at(i);
            let query = rest.find('?').map(|q| &rest[q..]).unwrap_or("");
            format!("{base}/{db}{query}")
        }
        _ => format!("{admin_url}/{db}"),
    }
}

static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();

async fn postgres_template(admin_url: &str) -> String {
    TEMPLATE
        .get_or_init(|| async {
            let name = format!("tmpl_{}_{}", std::process::id(), random_suffix());
            let admin = Store::connect(admin_url)
                .await
                .expect("connect to the test cluster");
            admin
                .execute_raw(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create template");
            admin.close().await;
            let store = Store::connect(&with_database(admin_url, &name))
                .await
                .expect("connect to template");
            store.migrate().await.expect("migrate template");
            store.close().await;
            name
        })
        .await
        .clone()
}

impl TestDb {
    /// A fresh, migrated database on `backend`.
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("wspolnota-test-{}", random_suffix()));
                std::fs::create_dir_all(&dir).expect("temp dir");
                let url = format!("sqlite://{}?mode=rwc", dir.join("test.db").display());
                let store = Store::connect(&url).await.expect("open SQLite");
                store.migrate().await.expect("migrate SQLite");
                TestDb {
                    store,
                    url,
                    dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let admin_url = postgres_admin_url();
                let template = postgres_template(&admin_url).await;
                let name = format!("t_{}", random_suffix());
                let admin = Store::connect(&admin_url)
                    .await
                    .expect("connect to the test cluster");
                admin
                    .execute_raw(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                    .await
                    .expect("create test database");
                admin.close().await;
                let url = with_database(&admin_url, &name);
                let store = Store::connect(&url)
                    .await
                    .expect("connect to test database");
                TestDb {
                    store,
                    url,
                    dir: None,
                }
            }
        }
    }
}

/// Runs each named `async fn(TestDb)` (or any async fn taking a [`Backend`]) on
/// SQLite and on PostgreSQL, as `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name($crate::Backend::Postgres).await
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_name_replaces_the_path() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t_1"),
            "postgres://postgres@127.0.0.1:5432/t_1"
        );
        assert_eq!(
            with_database(
                "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
                "t_1"
            ),
            "postgres://postgres@127.0.0.1:5432/t_1?sslmode=disable"
        );
    }
}
