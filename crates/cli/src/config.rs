//! Configuration: a TOML file, overridden by environment variables and flags.

use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub server: Server,
    pub database: Database,
    pub mail: Mail,
    pub security: Security,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Server {
    pub bind: String,
    pub base_url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    pub url: Option<String>,
    pub data_dir: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Mail {
    pub smtp_host: Option<String>,
    pub smtp_port: u16,
    /// "starttls", "tls" or "plain".
    pub smtp_security: String,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub from: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Security {
    pub session_days: i64,
    pub login_max_failures: i64,
    pub login_window_minutes: i64,
    /// Login attempts allowed from one client address within the window.
    pub login_max_per_address: i64,
    /// Reverse proxies whose `X-Forwarded-For` is believed (addresses or blocks).
    pub trusted_proxies: Vec<String>,
    /// Passwords hashed at once; 0 means one per CPU core.
    pub hashing_slots: usize,
    /// File with the instance's secret key (hashes of PESELs and paper entries); by
    /// default `instance.secret` in `data_dir`, created on first start.
    pub secret_file: Option<PathBuf>,
}

impl Default for Server {
    fn default() -> Self {
        Server {
            bind: "127.0.0.1:8080".into(),
            base_url: "http://127.0.0.1:8080".into(),
        }
    }
}

impl Default for Database {
    fn default() -> Self {
        Database {
            url: None,
            data_dir: PathBuf::from("./data"),
        }
    }
}

impl Default for Mail {
    fn default() -> Self {
        Mail {
            smtp_host: None,
            smtp_port: 587,
            smtp_security: "starttls".into(),
            smtp_username: None,
            smtp_password: None,
            from: "Wspólnota <no-reply@localhost>".into(),
        }
    }
}

impl Default for Security {
    fn default() -> Self {
        Security {
            session_days: 14,
            login_max_failures: 5,
            login_window_minutes: 15,
            login_max_per_address: 100,
            trusted_proxies: Vec::new(),
            hashing_slots: 0,
            secret_file: None,
        }
    }
}

/// The commented sample printed by `wspolnota config example`. A test checks that it
/// parses and equals the defaults, so it cannot drift from the code.
pub const EXAMPLE: &str = r#"# Wspólnota configuration. Every setting shown is the default.
# Environment variables and command-line flags override this file:
#   WSPOLNOTA_BIND, WSPOLNOTA_BASE_URL, DATABASE_URL, WSPOLNOTA_DATA_DIR,
#   WSPOLNOTA_SMTP_HOST, WSPOLNOTA_SMTP_PORT, WSPOLNOTA_SMTP_USERNAME,
#   WSPOLNOTA_SMTP_PASSWORD, WSPOLNOTA_MAIL_FROM.

[server]
# Address and port to listen on.
bind = "127.0.0.1:8080"
# Where people reach the site; links in e-mails start with it. Use https:// in
# production: session cookies are then marked Secure.
base_url = "http://127.0.0.1:8080"

[database]
# PostgreSQL for several web nodes, e.g. "postgres://wspolnota:secret@db/wspolnota".
# Without it, an embedded SQLite file in data_dir is used.
# url = "postgres://wspolnota@localhost/wspolnota"
# Directory of the SQLite database (created on first start).
data_dir = "./data"

[mail]
# SMTP relay for outgoing mail. Without smtp_host, mails stay in the outbox,
# which platform admins read at /admin/skrzynka.
# smtp_host = "localhost"
smtp_port = 587
# "starttls" (required: a relay that does not offer it gets no mail), "tls" (TLS from
# the first byte, usually port 465) or "plain" (no encryption; only for a relay on
# the same machine).
smtp_security = "starttls"
# smtp_username = "wspolnota"
# smtp_password = "secret"
from = "Wspólnota <no-reply@localhost>"

[security]
# How long a login lasts, in days.
session_days = 14
# Login attempts allowed per e-mail address within the window below (a browser that
# logged in to the account before has its own allowance, so a stranger's guesses do
# not lock the owner out), and per client address (many people may share one).
login_max_failures = 5
login_window_minutes = 15
login_max_per_address = 100
# Reverse proxies in front of the server, whose X-Forwarded-For is believed when
# telling clients apart, e.g. ["127.0.0.1", "10.0.0.0/8"].
trusted_proxies = []
# Passwords hashed at once (each argon2id hash takes 19 MiB); 0 means one per core.
# Beyond them a login waits up to two seconds, then is asked to retry (503).
hashing_slots = 0
# The instance's secret key: it keys the hashes of PESEL numbers and of paper-ballot
# entries, so a copy of the database alone cannot search them. Keep it out of database
# backups; every web node of one database needs the same file. Created on first start.
# secret_file = "./data/instance.secret"
"#;

impl Config {
    /// Reads the file if given; defaults otherwise.
    pub fn load(path: Option<&Path>) -> anyhow::Result<Config> {
        match path {
            None => Ok(Config::default()),
            Some(p) => {
                let text = std::fs::read_to_string(p)
                    .map_err(|e| anyhow::anyhow!("cannot read config file {}: {e}", p.display()))?;
                toml::from_str(&text)
                    .map_err(|e| anyhow::anyhow!("config file {}: {e}", p.display()))
            }
        }
    }

    /// Where the instance's secret key lives.
    pub fn secret_path(&self) -> PathBuf {
        self.security
            .secret_file
            .clone()
            .unwrap_or_else(|| self.database.data_dir.join("instance.secret"))
    }

    /// The database URL: the configured one, or the SQLite file in `data_dir`.
    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}?mode=rwc", self.sqlite_path().display()),
        }
    }

    pub fn sqlite_path(&self) -> PathBuf {
        self.database.data_dir.join("wspolnota.db")
    }

    pub fn is_sqlite(&self) -> bool {
        self.database
            .url
            .as_deref()
            .is_none_or(|u| u.starts_with("sqlite:"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_parses_to_the_defaults() {
        let parsed: Config =
            toml::from_str(EXAMPLE).unwrap_or_else(|e| panic!("example does not parse: {e}"));
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn commented_settings_in_the_example_are_real_settings() {
        let uncommented: String = EXAMPLE
            .lines()
            .map(|l| {
                if l.starts_with("# ") && l.contains(" = ") {
                    &l[2..]
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let parsed: Result<Config, _> = toml::from_str(&uncommented);
        assert!(parsed.is_ok(), "{parsed:?}");
        let parsed = parsed.unwrap_or_default();
        assert_eq!(parsed.mail.smtp_host.as_deref(), Some("localhost"));
        assert!(parsed.database.url.is_some());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Config>("[server]\nbnid = \"x\"").is_err());
    }
}
