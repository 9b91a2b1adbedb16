//! Use cases of Wspólnota, shared by the web server and the command line.
//!
//! Each use case follows one shape: decide permission (through
//! [`wspolnota_domain::access`]), load, apply domain rules, write in one
//! transaction together with the audit entry and any outgoing mail.

pub mod accounts;
pub mod api_tokens;
pub mod assembly;
mod audit;
pub mod budget;
pub mod coop;
pub mod csv;
pub mod demo;
pub mod error;
pub mod files;
mod hashing;
pub mod i18n;
pub mod limits;
pub mod mail;
pub mod markdown;
pub mod modules;
pub mod net;
pub mod orgs;
pub mod personal_data;
pub mod publication;
pub mod spaces;
pub mod tokens;

pub use error::{all_codes, AppError, ALL_CODES};

use std::sync::Arc;
use wspolnota_domain::access::Subject;
use wspolnota_domain::clock::{Clock, Timestamp};
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_store::{orgs as org_store, signatures, spaces as space_store, users, Store};

/// Asks the permission policy; a refusal is `LoginRequired` for visitors (so the
/// page can offer the login form) and `Forbidden` for everyone else.
pub fn authorise(
    subject: &Subject,
    action: wspolnota_domain::access::Action,
) -> Result<(), AppError> {
    if wspolnota_domain::access::can(subject, action) {
        Ok(())
    } else if subject.is_logged_in() {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::LoginRequired)
    }
}

/// Cost settings of argon2id. Production uses the defaults of the argon2 crate
/// (19 MiB, 2 passes); tests may lower them to keep the suite quick.
#[derive(Debug, Clone, Copy)]
pub struct PasswordCost {
    pub memory_kib: u32,
    pub iterations: u32,
}

impl Default for PasswordCost {
    fn default() -> Self {
        PasswordCost {
            memory_kib: 19 * 1024,
            iterations: 2,
        }
    }
}

/// How the connection to the SMTP relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpSecurity {
    /// STARTTLS, required: a relay that does not offer it gets no mail.
    StartTls,
    /// TLS from the first byte (usually port 465).
    Tls,
    /// No encryption; only for a relay on the same machine, chosen explicitly.
    Plain,
}

impl SmtpSecurity {
    pub fn parse(s: &str) -> Option<SmtpSecurity> {
        match s {
            "starttls" => Some(SmtpSecurity::StartTls),
            "tls" => Some(SmtpSecurity::Tls),
            "plain" => Some(SmtpSecurity::Plain),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SmtpConfig {
    pub host: String,
    pub port: u16,
    pub security: SmtpSecurity,
    pub username: Option<String>,
    pub password: Option<String>,
    pub from: String,
}

#[derive(Debug, Clone)]
pub struct AppConfig {
    /// Where people reach the site; links in e-mails start with it.
    pub base_url: String,
    pub smtp: Option<SmtpConfig>,
    pub session_days: i64,
    pub password_cost: PasswordCost,
    /// How many passwords are hashed at once (each argon2id hash holds its memory
    /// cost), and how long a request waits for a turn before it is told to come back.
    pub hashing_slots: usize,
    pub hashing_wait_ms: u64,
    /// Limits on logins, sign-ups and reset requests.
    pub limits: limits::Limits,
    /// Only for demonstrations and tests: the admin's outbox shows live links in mails
    /// instead of hiding their secret part.
    pub outbox_shows_links: bool,
    /// The instance's secret key, kept outside the database (a file beside it, or the
    /// configuration): it keys the hashes of PESEL numbers and of paper-sheet entries, so
    /// a copy of the database alone cannot search them by brute force. Every web node of
    /// one database needs the same.
    pub instance_secret: Vec<u8>,
    /// What the accessibility statement and the privacy notice say about the body.
    pub publication: publication::Publication,
    /// How many proposals one person may submit in a round, and images per proposal.
    pub proposal_limits: wspolnota_domain::budget::ProposalLimits,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            base_url: "http://127.0.0.1:8080".into(),
            smtp: None,
            session_days: 14,
            password_cost: PasswordCost::default(),
            // Half the cores: a flood of logins leaves the others to the pages.
            hashing_slots: std::thread::available_parallelism()
                .map(|n| (n.get() / 2).max(1))
                .unwrap_or(1),
            hashing_wait_ms: 2_000,
            limits: limits::Limits::default(),
            outbox_shows_links: false,
            // Random per process unless the binary loads a persistent one.
            instance_secret: {
                use rand::RngCore;
                let mut k = vec![0u8; 32];
                rand::thread_rng().fill_bytes(&mut k);
                k
            },
            publication: publication::Publication::default(),
            proposal_limits: wspolnota_domain::budget::ProposalLimits::default(),
        }
    }
}

/// Everything a use case needs: the database, the time and the settings.
pub struct App {
    /// Only the use cases touch the database; the web and the CLI go through them.
    store: Store,
    pub clock: Arc<dyn Clock>,
    pub config: AppConfig,
    /// Turns to hash a password; see `AppConfig::hashing_slots`.
    hashing: tokio::sync::Semaphore,
    /// The threads that hash, one per slot.
    hasher: hashing::HashPool,
    /// Published files built once (see `budget::Export`).
    exports: budget::ExportCache,
}

impl App {
    pub fn new(store: Store, clock: Arc<dyn Clock>, config: AppConfig) -> Arc<App> {
        Arc::new(App {
            store,
            clock,
            hashing: tokio::sync::Semaphore::new(config.hashing_slots.max(1)),
            hasher: hashing::HashPool::new(config.hashing_slots),
            exports: budget::ExportCache::default(),
            config,
        })
    }

    /// Checks that the database answers; for `/healthz`.
    pub async fn ping(&self) -> Result<(), AppError> {
        Ok(self.store.ping().await?)
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Gathers the facts the permission policy needs about `user`, relative to `space`.
    pub async fn subject(
        &self,
        user: Option<&users::User>,
        space: Option<SpaceId>,
    ) -> Result<Subject, AppError> {
        let Some(user) = user else {
            return Ok(Subject::visitor());
        };
        let mut c = self.store.read().await?;
        let mut subject = Subject {
            user: Some(user.id),
            platform_admin: user.is_platform_admin,
            org_roles: org_store::roles_of(&mut c, user.id).await?,
            ..Subject::default()
        };
        if let Some(space) = space {
            subject.space_admin = space_store::is_admin(&mut c, space, user.id).await?;
            subject.space_member = signatures::is_member(&mut c, space, user.id).await?;
            subject.space_roles = wspolnota_store::coop::roles_of(&mut c, space, user.id)
                .await?
                .iter()
                .filter_map(|r| wspolnota_domain::access::SpaceRole::parse(r))
                .collect();
            // A current seat on the board or the supervisory board gives its role too.
            let today = self.today();
            for seat in wspolnota_store::assembly::seats_of(&mut c, space, user.id).await? {
                let role = wspolnota_domain::access::SpaceRole::parse(&seat.body_kind);
                if let Some(role) = role.filter(|_| assembly::holds_on(&seat, today)) {
                    if !subject.space_roles.contains(&role) {
                        subject.space_roles.push(role);
                    }
                }
            }
            // In a cooperative, membership is what the register says (in one's own name
            // or as the representative of a member organisation), never a signature.
            if wspolnota_store::coop::get(&mut c, space).await?.is_some() {
                let today = wspolnota_domain::date::format(self.today());
                subject.space_member = !wspolnota_store::coop::members::current_for_user(
                    &mut c, space, user.id, &today,
                )
                .await?
                .is_empty();
            }
        }
        Ok(subject)
    }

    pub async fn user(&self, id: UserId) -> Result<users::User, AppError> {
        let mut c = self.store.read().await?;
        Ok(users::by_id(&mut c, id).await?)
    }
}
