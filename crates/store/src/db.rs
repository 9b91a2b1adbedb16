//! Connecting, migrating and transactions.

use crate::group_commit::{Group, GroupTx};
use crate::StoreError;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

/// A connection to run queries on: a pooled connection or an open transaction.
pub type Conn = sqlx::AnyConnection;
/// A write transaction; commit it or it rolls back when dropped. On SQLite it is one of
/// a group sharing a durable commit (see `group_commit`); `commit` returns once the
/// disk holds it, on both backends.
pub struct Tx(TxKind);

enum TxKind {
    Plain(sqlx::Transaction<'static, sqlx::Any>),
    Grouped(GroupTx),
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.0 {
            TxKind::Plain(t) => t.commit().await,
            TxKind::Grouped(t) => t.commit().await,
        }
    }
}

impl std::ops::Deref for Tx {
    type Target = Conn;
    fn deref(&self) -> &Conn {
        match &self.0 {
            TxKind::Plain(t) => t,
            TxKind::Grouped(t) => t.conn_ref(),
        }
    }
}

impl std::ops::DerefMut for Tx {
    fn deref_mut(&mut self) -> &mut Conn {
        match &mut self.0 {
            TxKind::Plain(t) => &mut *t,
            TxKind::Grouped(t) => t.conn(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database, shared by all requests of a process.
#[derive(Clone, Debug)]
pub struct Store {
    read: AnyPool,
    /// On SQLite one writer at a time, so write transactions queue here instead of
    /// failing with "database is locked"; on PostgreSQL the same pool as `read`.
    write: AnyPool,
    /// On SQLite, the writer connection and its group of transactions.
    group: Option<Arc<Group>>,
    backend: Backend,
}

static MIGRATE_SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static MIGRATE_POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

impl Store {
    /// Connects to `url`: `sqlite://path/to/file.db` or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::Unavailable(format!(
                "unsupported database URL (use sqlite:// or postgres://): {url}"
            )));
        };
        let opts =
            AnyConnectOptions::from_str(url).map_err(|e| StoreError::Unavailable(e.to_string()))?;
        match backend {
            Backend::Sqlite => {
                let read = sqlite_pool(8).connect_with(opts.clone()).await?;
                // WAL lets readers go on while one connection writes.
                sqlx::query("PRAGMA journal_mode=WAL")
                    .execute(&read)
                    .await?;
                let write = sqlite_pool(1).connect_with(opts).await?;
                Ok(Store {
                    read,
                    group: Some(Group::new(write.clone())),
                    write,
                    backend,
                })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(opts)
                    .await?;
                Ok(Store {
                    read: pool.clone(),
                    write: pool,
                    group: None,
                    backend,
                })
            }
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match &self.group {
            Some(group) => {
                let mut writer = group.exclusive().await?;
                let conn: &mut Conn = &mut writer;
                MIGRATE_SQLITE.run(conn).await?
            }
            None => MIGRATE_POSTGRES.run(&self.write).await?,
        }
        Ok(())
    }

    /// A pooled connection for reads.
    pub async fn read(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>, StoreError> {
        Ok(self.read.acquire().await?)
    }

    /// Starts a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(Tx(match &self.group {
            Some(group) => TxKind::Grouped(group.begin().await?),
            None => TxKind::Plain(self.write.begin().await?),
        }))
    }

    /// Checks that the database answers; for `/healthz`.
    pub async fn ping(&self) -> Result<(), StoreError> {
        sqlx::query("SELECT 1").execute(&self.read).await?;
        Ok(())
    }

    /// Writes a consistent copy of a SQLite database to `dest`, even while a server
    /// uses it (SQLite's `VACUUM INTO` reads one snapshot).
    pub async fn backup_sqlite(&self, dest: &str) -> Result<(), StoreError> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Other(
                "backup is for SQLite; use pg_dump for PostgreSQL".into(),
            ));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(dest)
            .execute(&self.read)
            .await?;
        Ok(())
    }

    /// Table and column names of the schema, sorted; lets a test prove both backends match.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String)>, StoreError> {
        let sql = match self.backend {
            Backend::Sqlite => {
                "SELECT m.name AS t, p.name AS c FROM sqlite_master m, pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'"
            }
            Backend::Postgres => {
                "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'"
            }
        };
        use sqlx::Row;
        let rows = sqlx::query(sql).fetch_all(&self.read).await?;
        let mut cols = rows
            .iter()
            .map(|r| Ok((r.try_get::<String, _>("t")?, r.try_get::<String, _>("c")?)))
            .collect::<Result<Vec<_>, sqlx::Error>>()?;
        cols.sort();
        Ok(cols)
    }

    pub async fn close(&self) {
        if let Some(group) = &self.group {
            group.close().await;
        }
        self.read.close().await;
        self.write.close().await;
    }
}

fn sqlite_pool(size: u32) -> AnyPoolOptions {
    AnyPoolOptions::new()
        .max_connections(size)
        .acquire_timeout(Duration::from_secs(30))
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;")
                    .await?;
                Ok(())
            })
        })
}

impl Store {
    /// Runs a statement that takes no parameters, such as `CREATE DATABASE`; for tools and tests.
    pub async fn execute_raw(&self, sql: &str) -> Result<(), StoreError> {
        match &self.group {
            Some(group) => {
                group.exclusive().await?.execute(sql).await?;
            }
            None => {
                self.write.acquire().await?.execute(sql).await?;
            }
        }
        Ok(())
    }
}

/// Rows in one of the platform's tables; for tests that prove nothing was written.
pub async fn count_rows(c: &mut Conn, table: &str) -> Result<i64, StoreError> {
    const TABLES: &[&str] = &[
        "users",
        "email_tokens",
        "sessions",
        "rate_counters",
        "api_tokens",
        "organisations",
        "org_representatives",
        "org_invitations",
        "spaces",
        "space_admins",
        "space_documents",
        "space_modules",
        "signatures",
        "audit_log",
        "outbox",
        "budget_rounds",
        "budget_pools",
        "budget_officials",
        "proposals",
        "proposal_cost_items",
        "proposal_supports",
        "budget_residents",
        "budget_voters",
        "budget_ballots",
        "budget_results",
        "budget_exports",
        "budget_codes",
        "budget_paper",
        "proposal_images",
        "budget_envelopes",
        "budget_receipts",
        "budget_sheets",
        "budget_duplicates",
        "files",
        "space_roles",
        "coops",
        "coop_declarations",
        "coop_members",
        "coop_register",
        "coop_ledger",
        "coop_statements",
        "assembly_bodies",
        "assembly_seats",
        "assembly_meetings",
        "assembly_agenda",
        "assembly_officers",
        "assembly_attendance",
        "assembly_votes",
        "assembly_ballots",
        "assembly_signatures",
        "assembly_documents",
    ];
    if !TABLES.contains(&table) {
        return Err(StoreError::Other(format!("unknown table {table}")));
    }
    // The name comes from the fixed list above, never from input.
    Ok(sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(c)
        .await?)
}

/// Keeps a count from starting while votes are being written, and votes from being
/// written once a count has started. Each voting transaction takes the round's lock
/// shared, the count takes it exclusively. SQLite needs none: it has one writer.
pub async fn lock_round(c: &mut Conn, round: i64, exclusive: bool) -> Result<(), StoreError> {
    if c.backend_name() != "PostgreSQL" {
        return Ok(());
    }
    // One key space per kind of lock: rounds are 1 << 40 on.
    let key = (1i64 << 40) + round;
    let sql = if exclusive {
        "SELECT pg_advisory_xact_lock($1)"
    } else {
        "SELECT pg_advisory_xact_lock_shared($1)"
    };
    sqlx::query(sql).bind(key).execute(c).await?;
    Ok(())
}
