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
    pub budget: Budget,
    pub publication: Publication,
}

/// Limits of the participatory budget per person.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Budget {
    pub proposals_per_person: u32,
    pub images_per_proposal: u32,
}

impl Default for Budget {
    fn default() -> Self {
        let d = wspolnota_domain::budget::ProposalLimits::default();
        Budget {
            proposals_per_person: d.per_person,
            images_per_proposal: d.images,
        }
    }
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
    /// Passwords hashed at once; 0 means half the CPU cores (at least one).
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
# Passwords hashed at once (each argon2id hash takes 19 MiB); 0 means half the cores,
# at least one, so that a flood of logins leaves the other cores to the pages.
# Beyond them a login waits up to two seconds, then is asked to retry (503).
hashing_slots = 0
# The instance's secret key: it keys the hashes of PESEL numbers and of paper-ballot
# entries, so a copy of the database alone cannot search them. Keep it out of database
# backups; every web node of one database needs the same file. Created on first start.
# secret_file = "./data/instance.secret"

[budget]
# Proposals one person may submit in one round of a participatory budget (withdrawn
# ones count), and images one proposal may carry.
proposals_per_person = 10
images_per_proposal = 3

[publication]
# What the accessibility statement (/deklaracja-dostepnosci) and the privacy notice
# (/prywatnosc) say about the body that runs this site. Free texts are shown as written,
# in both languages. Until example is false, both pages say they show example data.
example = true
# The body: the public body of the statement and the controller of personal data.
body_name = "Urząd Miasta Przykładowo"
body_address = "ul. Przykładowa 1, 00-001 Przykładowo"
body_email = "urzad@przykladowo.example"
# Dates, written YYYY-MM-DD: the site's publication and its last significant update,
# when the statement was prepared and when it was last reviewed (at least yearly).
published_on = "2026-01-15"
updated_on = "2026-05-04"
prepared_on = "2026-01-15"
reviewed_on = "2026-05-04"
# "full", "partial" or "none"; unless "full", list below what is not accessible.
compliance = "partial"
# Who assessed the site; empty for the body's own self-assessment.
assessed_by = ""
# The person to contact about accessibility.
contact_name = "Anna Przykładowa"
contact_email = "dostepnosc@przykladowo.example"
contact_phone = "+48 61 000 00 00"
# Architectural accessibility of the body's building.
building = """\
  Urząd mieści się w budynku przy ul. Przykładowej 1. Do wejścia głównego prowadzi \
  podjazd dla wózków, a drzwi otwierają się automatycznie. Na parterze jest biuro \
  obsługi mieszkańców z pętlą indukcyjną i toaleta dostosowana do potrzeb osób \
  z niepełnosprawnościami. Przed budynkiem są dwa miejsca parkingowe dla osób \
  z niepełnosprawnościami. Do budynku można wejść z psem asystującym. Tłumacza \
  polskiego języka migowego zapewniamy po zgłoszeniu co najmniej 3 dni robocze \
  przed wizytą."""
# The body's mobile applications; empty when it has none.
mobile_apps = ""
# The data protection officer; leave both out where there is none.
dpo_name = "Jan Przykładowy"
dpo_email = "iod@przykladowo.example"
# Who processes personal data for the body (hosting, mail); an empty list for none.
processors = [
  "Przykładowy Hosting sp. z o.o. — utrzymanie serwerów (w Polsce)",
  "Przykładowa Poczta sp. z o.o. — wysyłka wiadomości e-mail",
]
# Transfers of personal data outside the European Economic Area; empty when none.
transfers = ""
# How long records (budgets, consultations, the audit log) are kept after their matter
# ends, and copies of sent e-mails. The operator removes older ones; the platform does
# not do it by itself yet.
records_retention_years = 5
mail_retention_days = 90

# What is not accessible, and why: one block each. With compliance "full", write
# an empty list in [publication] instead.
[[publication.non_accessible]]
content = "Zdjęcia dodawane przez mieszkańców do projektów mogą mieć niepełne opisy alternatywne."
reason = "Zdjęcia i ich opisy dodają autorzy projektów; to treści osób trzecich, których urząd nie przygotowuje i nie kontroluje."

[[publication.non_accessible]]
content = "Pliki z wynikami głosowania (formaty .pb i CSV) są plikami danych, a nie dokumentami tekstowymi."
reason = "Służą do ponownego przeliczenia wyników; te same wyniki są przedstawione na stronie w tabelach."
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

/// What the accessibility statement and the privacy notice say about the body running
/// the site (`[publication]`); the defaults are marked example values.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Publication {
    pub example: bool,
    pub body_name: String,
    pub body_address: String,
    pub body_email: String,
    pub published_on: String,
    pub updated_on: String,
    pub prepared_on: String,
    pub reviewed_on: String,
    /// `full`, `partial` or `none`.
    pub compliance: String,
    pub assessed_by: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub building: String,
    pub mobile_apps: String,
    pub dpo_name: Option<String>,
    pub dpo_email: Option<String>,
    pub processors: Vec<String>,
    pub transfers: String,
    pub records_retention_years: u32,
    pub mail_retention_days: u32,
    pub non_accessible: Vec<NonAccessible>,
}

/// One part of the site that is not accessible (`[[publication.non_accessible]]`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NonAccessible {
    pub content: String,
    pub reason: String,
}

impl Default for Publication {
    fn default() -> Self {
        use wspolnota_app::publication::Publication as App;
        let a = App::default();
        Publication {
            example: a.example,
            body_name: a.body_name,
            body_address: a.body_address,
            body_email: a.body_email,
            published_on: a.published_on,
            updated_on: a.updated_on,
            prepared_on: a.prepared_on,
            reviewed_on: a.reviewed_on,
            compliance: a.compliance.code().into(),
            assessed_by: a.assessed_by,
            contact_name: a.contact_name,
            contact_email: a.contact_email,
            contact_phone: a.contact_phone,
            building: a.building,
            mobile_apps: a.mobile_apps,
            dpo_name: a.dpo_name,
            dpo_email: a.dpo_email,
            processors: a.processors,
            transfers: a.transfers,
            records_retention_years: a.records_retention_years,
            mail_retention_days: a.mail_retention_days,
            non_accessible: a
                .non_accessible
                .into_iter()
                .map(|n| NonAccessible {
                    content: n.content,
                    reason: n.reason,
                })
                .collect(),
        }
    }
}

impl Publication {
    /// The settings as the app reads them, checked: the server does not start with a
    /// statement that lacks what the statute requires.
    pub fn to_app(&self) -> anyhow::Result<wspolnota_app::publication::Publication> {
        use wspolnota_app::publication::{self as p, Compliance};
        let compliance = Compliance::parse(&self.compliance).ok_or_else(|| {
            anyhow::anyhow!(
                "publication.compliance must be \"full\", \"partial\" or \"none\", not {:?}",
                self.compliance
            )
        })?;
        let optional = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let publication = p::Publication {
            example: self.example,
            body_name: self.body_name.clone(),
            body_address: self.body_address.clone(),
            body_email: self.body_email.clone(),
            published_on: self.published_on.clone(),
            updated_on: self.updated_on.clone(),
            compliance,
            non_accessible: self
                .non_accessible
                .iter()
                .map(|n| p::NonAccessible {
                    content: n.content.clone(),
                    reason: n.reason.clone(),
                })
                .collect(),
            prepared_on: self.prepared_on.clone(),
            reviewed_on: self.reviewed_on.clone(),
            assessed_by: self.assessed_by.clone(),
            contact_name: self.contact_name.clone(),
            contact_email: self.contact_email.clone(),
            contact_phone: self.contact_phone.clone(),
            building: self.building.clone(),
            mobile_apps: self.mobile_apps.clone(),
            dpo_name: optional(&self.dpo_name),
            dpo_email: optional(&self.dpo_email),
            processors: self.processors.clone(),
            transfers: self.transfers.clone(),
            records_retention_years: self.records_retention_years,
            mail_retention_days: self.mail_retention_days,
        };
        publication.check()?;
        Ok(publication)
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
    fn the_default_publication_is_the_apps_example() {
        let app = Config::default().publication.to_app();
        assert_eq!(
            app.ok(),
            Some(wspolnota_app::publication::Publication::default())
        );
        let bad = Publication {
            compliance: "mostly".into(),
            ..Publication::default()
        };
        assert!(bad.to_app().is_err());
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Config>("[server]\nbnid = \"x\"").is_err());
    }
}
