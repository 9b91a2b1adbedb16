//! How often anonymous work may be asked for: logins, sign-ups and reset requests,
//! per address and per client address. Counted atomically in the database (see
//! `wspolnota_store::limits`), so every web node shares the counts and parallel
//! requests cannot slip past a limit.
//!
//! Limits slow guessing down without locking an owner out: failed logins on a
//! device where the person logged in before are counted for that device alone (a
//! signed device cookie), so a stranger flooding an address does not stop its owner.

use crate::{App, AppError};
use std::net::IpAddr;
use wspolnota_store::{limits, StoreError};

/// At most `max` hits within `window_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub max: i64,
    pub window_secs: i64,
}

impl Limit {
    pub const fn new(max: i64, window_secs: i64) -> Limit {
        Limit { max, window_secs }
    }
}

#[derive(Debug, Clone)]
pub struct Limits {
    /// Login attempts for one address from devices it has not logged in on before.
    pub login_per_address: Limit,
    /// Login attempts from one device cookie of a known device.
    pub login_per_device: Limit,
    /// Login attempts from one client address, whatever the account.
    pub login_per_ip: Limit,
    pub signup_per_ip: Limit,
    pub reset_per_ip: Limit,
    /// Reset mails to one address (and notices to an owner whose address someone tried
    /// to sign up with), so the forms cannot be used to flood a mailbox.
    pub mail_per_address: Limit,
    /// Proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<crate::net::Cidr>,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;

impl Default for Limits {
    fn default() -> Self {
        Limits {
            login_per_address: Limit::new(5, 15 * MINUTE),
            login_per_device: Limit::new(10, 15 * MINUTE),
            // A library or a school may put many people behind one address.
            login_per_ip: Limit::new(100, 15 * MINUTE),
            signup_per_ip: Limit::new(20, HOUR),
            reset_per_ip: Limit::new(20, HOUR),
            mail_per_address: Limit::new(3, HOUR),
            trusted_proxies: Vec::new(),
        }
    }
}

/// The longest window of any limit: counters older than this are dead.
pub const LONGEST_WINDOW_SECS: i64 = 24 * HOUR;

/// Where a request comes from, as far as limits care.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    /// The client's address (behind trusted proxies); `None` for in-process callers.
    pub ip: Option<IpAddr>,
    /// The device cookie, if the browser sent one.
    pub device: Option<String>,
}

/// The counter of login attempts for an address from devices it has not logged in on.
pub fn login_address_key(email: &str) -> String {
    format!("login-address:{email}")
}

impl Origin {
    pub fn ip_key(&self, what: &str) -> Option<String> {
        self.ip
            .map(|ip| format!("{what}-ip:{}", crate::net::limit_bucket(ip)))
    }
}

impl App {
    /// Counts a hit of `key`; refuses with the seconds until the window ends when the
    /// limit is passed.
    pub(crate) async fn hit_limit(&self, key: &str, limit: Limit) -> Result<(), AppError> {
        let count = self.count_hit(key, limit).await?;
        if count.hits > limit.max {
            let retry = (count.window_start.0 + limit.window_secs - self.now().0).max(1);
            return Err(AppError::RateLimited {
                retry_after_secs: retry,
            });
        }
        Ok(())
    }

    /// Counts a hit and says whether it went past the limit, without refusing.
    pub(crate) async fn over_limit(&self, key: &str, limit: Limit) -> Result<bool, AppError> {
        Ok(self.count_hit(key, limit).await?.hits > limit.max)
    }

    async fn count_hit(&self, key: &str, limit: Limit) -> Result<limits::Count, AppError> {
        let mut tx = self.store.begin().await?;
        let count = limits::hit(&mut tx, key, self.now(), limit.window_secs).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(count)
    }

    /// Whether a mail that anyone can make the platform send (a reset link, an
    /// invitation, a notice to an owner) may still go to `email` in this window; counted.
    pub(crate) async fn may_mail(&self, email: &str) -> Result<bool, AppError> {
        Ok(!self
            .over_limit(
                &format!("mail-address:{email}"),
                self.config.limits.mail_per_address,
            )
            .await?)
    }

    pub(crate) async fn clear_limit(&self, key: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        limits::clear(&mut tx, key).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }
}
