//! Starting the server, migrating and backing up.

use crate::config::Config;
use crate::{DbArgs, ServeArgs};
use anyhow::Context;
use std::fs::File;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use wspolnota_app::limits::{Limit, Limits};
use wspolnota_app::net::Cidr;
use wspolnota_app::{App, AppConfig, SmtpConfig, SmtpSecurity};
use wspolnota_domain::clock::{Clock, Timestamp};
use wspolnota_store::Store;

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        Timestamp(secs)
    }
}

/// Reads the instance's secret key, or creates it (32 random bytes, hex, readable by
/// the owner only) on first start.
pub fn instance_secret(config: &Config) -> anyhow::Result<Vec<u8>> {
    let path = config.secret_path();
    match std::fs::read_to_string(&path) {
        Ok(text) => hex::decode(text.trim())
            .ok()
            .filter(|k| k.len() >= 16)
            .with_context(|| {
                format!(
                    "{} does not hold a hex key of 16 bytes or more",
                    path.display()
                )
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            use rand::RngCore;
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
            }
            let mut key = vec![0u8; 32];
            rand::thread_rng().fill_bytes(&mut key);
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            use std::io::Write;
            let mut file = options
                .open(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            writeln!(file, "{}", hex::encode(&key))?;
            Ok(key)
        }
        Err(e) => Err(e).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// Holds an exclusive lock next to the SQLite file for the life of the server, so a
/// second server on the same file refuses to start instead of corrupting sessions.
fn lock_data_dir(config: &Config) -> anyhow::Result<Option<File>> {
    if !config.is_sqlite() || config.database.url.is_some() {
        return Ok(None);
    }
    let dir = &config.database.data_dir;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create data directory {}", dir.display()))?;
    let lock_path = dir.join("wspolnota.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
        .with_context(|| format!("cannot open lock file {}", lock_path.display()))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(std::fs::TryLockError::WouldBlock) => anyhow::bail!(
            "the database {} is already in use by another Wspólnota server (lock {} is held); \
             stop that server or use another --data-dir",
            config.sqlite_path().display(),
            lock_path.display()
        ),
        Err(std::fs::TryLockError::Error(e)) => {
            Err(e).with_context(|| format!("cannot lock {}", lock_path.display()))
        }
    }
}

pub async fn open_store(config: &Config) -> anyhow::Result<Store> {
    let url = config.database_url();
    let store = Store::connect(&url)
        .await
        .with_context(|| format!("cannot open the database ({})", redact(&url)))?;
    store
        .migrate()
        .await
        .context("cannot apply database migrations")?;
    Ok(store)
}

/// Hides a password in a database URL before it is printed.
fn redact(url: &str) -> String {
    match (url.find("://"), url.find('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

fn init_logs(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

pub async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    init_logs(&args.log_format);
    let mut config = args.db.config()?;
    if let Some(b) = args.bind {
        config.server.bind = b;
    }
    if let Some(u) = args.base_url {
        config.server.base_url = u;
    }
    if let Some(h) = args.smtp_host {
        config.mail.smtp_host = Some(h);
    }
    if let Some(p) = args.smtp_port {
        config.mail.smtp_port = p;
    }
    if args.smtp_username.is_some() {
        config.mail.smtp_username = args.smtp_username;
    }
    if args.smtp_password.is_some() {
        config.mail.smtp_password = args.smtp_password;
    }
    if let Some(f) = args.mail_from {
        config.mail.from = f;
    }
    let _lock = lock_data_dir(&config)?;
    let store = open_store(&config).await?;
    // With --demo, mail never leaves the machine.
    let smtp = match (&config.mail.smtp_host, args.demo) {
        (Some(host), false) => Some(SmtpConfig {
            host: host.clone(),
            port: config.mail.smtp_port,
            security: SmtpSecurity::parse(&config.mail.smtp_security).with_context(|| {
                format!(
                    "mail.smtp_security is {:?}; choose starttls, tls or plain",
                    config.mail.smtp_security
                )
            })?,
            username: config.mail.smtp_username.clone(),
            password: config.mail.smtp_password.clone(),
            from: config.mail.from.clone(),
        }),
        _ => None,
    };
    let app_config = AppConfig {
        base_url: config.server.base_url.trim_end_matches('/').to_string(),
        smtp,
        session_days: config.security.session_days,
        hashing_slots: match config.security.hashing_slots {
            0 => AppConfig::default().hashing_slots,
            n => n,
        },
        limits: limits(&config.security)?,
        instance_secret: instance_secret(&config)?,
        publication: config.publication.to_app()?,
        proposal_limits: wspolnota_domain::budget::ProposalLimits {
            per_person: config.budget.proposals_per_person,
            images: config.budget.images_per_proposal,
        },
        ..AppConfig::default()
    };
    let app = App::new(
        store.clone(),
        Arc::new(SystemClock),
        AppConfig {
            // A demonstration keeps mail in the outbox; its links must be usable there.
            outbox_shows_links: args.demo,
            ..app_config
        },
    );
    if args.demo {
        if app.load_demo().await? {
            tracing::info!("demo data loaded");
        }
        println!(
            "Demo accounts (password: {}):",
            wspolnota_app::demo::DEMO_PASSWORD
        );
        for (email, what) in wspolnota_app::demo::DEMO_LOGINS {
            println!("  {email:<34} {what}");
        }
        let (_, shares) = wspolnota_app::demo::demo_committee()?;
        println!("Demo election committee of the Konin round (any two shares count the votes):");
        for share in shares {
            println!("  {}", share.as_text());
        }
    }
    spawn_background_jobs(app.clone());
    let listener = tokio::net::TcpListener::bind(&config.server.bind)
        .await
        .with_context(|| format!("cannot listen on {}", config.server.bind))?;
    println!("Wspólnota listens on http://{}", listener.local_addr()?);
    tracing::info!(bind = %config.server.bind, database = %redact(&config.database_url()), "serving");
    // The peer's address reaches the limits on logins and sign-ups.
    axum::serve(
        listener,
        wspolnota_web::router(app).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await
    .context("server failed")?;
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

fn limits(security: &crate::config::Security) -> anyhow::Result<Limits> {
    let window = security.login_window_minutes * 60;
    let mut trusted_proxies = Vec::new();
    for p in &security.trusted_proxies {
        trusted_proxies.push(Cidr::parse(p).with_context(|| {
            format!("security.trusted_proxies: {p:?} is not an address or a block")
        })?);
    }
    Ok(Limits {
        login_per_address: Limit::new(security.login_max_failures, window),
        login_per_device: Limit::new(security.login_max_failures * 2, window),
        login_per_ip: Limit::new(security.login_max_per_address, window),
        trusted_proxies,
        ..Limits::default()
    })
}

fn spawn_background_jobs(app: Arc<App>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(10));
        let mut rounds: u64 = 0;
        loop {
            tick.tick().await;
            rounds += 1;
            if let Err(e) = app.send_queued_mail().await {
                tracing::warn!(error = %e, "mail job failed");
            }
            if rounds.is_multiple_of(360) {
                if let Err(e) = app.clean_up().await {
                    tracing::warn!(error = %e, "clean-up failed");
                }
            }
        }
    });
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

pub async fn migrate(db: DbArgs) -> anyhow::Result<()> {
    let config = db.config()?;
    if config.is_sqlite() {
        std::fs::create_dir_all(&config.database.data_dir)?;
    }
    let store = open_store(&config).await?;
    store.close().await;
    println!("migrations applied");
    Ok(())
}

pub async fn backup(db: DbArgs, out: PathBuf) -> anyhow::Result<()> {
    let config = db.config()?;
    anyhow::ensure!(
        config.is_sqlite(),
        "backup copies the SQLite database; for PostgreSQL use pg_dump"
    );
    anyhow::ensure!(
        config.sqlite_path().exists() || config.database.url.is_some(),
        "no database at {}",
        config.sqlite_path().display()
    );
    anyhow::ensure!(
        !out.exists(),
        "{} exists already; choose a new file",
        out.display()
    );
    let store = Store::connect(&config.database_url())
        .await
        .context("cannot open the database")?;
    let dest = out.to_str().context("backup path is not valid UTF-8")?;
    store.backup_sqlite(dest).await.context("backup failed")?;
    store.close().await;
    println!("backup written to {}", out.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn passwords_are_hidden_in_urls() {
        assert_eq!(redact("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(redact("sqlite://./data/x.db"), "sqlite://./data/x.db");
    }
}
