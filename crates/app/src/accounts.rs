//! Accounts: sign-up, e-mail confirmation, login sessions, password reset, deletion.

use crate::limits::Origin;
use crate::{audit, mail, tokens, App, AppError, PasswordCost};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use serde_json::json;
use wspolnota_domain::ids::UserId;
use wspolnota_domain::text;
use wspolnota_store::{sessions, users, StoreError};

/// The account as the use cases hand it out.
pub use wspolnota_store::users::User;

crate::error::refusals! {
    /// Refusals of accounts, logins and e-mail links.
    AccountError {
        BadCredentials => "account.bad_credentials", Unauthorized;
        Unconfirmed => "account.unconfirmed", Unauthorized;
        WrongPassword => "account.wrong_password", Unacceptable;
        TokenInvalid => "token.invalid", BadRequest;
        TokenExpired => "token.expired", BadRequest;
        TokenUsed => "token.used", BadRequest;
    }
}

const CONFIRM: &str = "confirm";
const RESET: &str = "reset";
const CONFIRM_VALID_SECS: i64 = 7 * 24 * 3600;
const RESET_VALID_SECS: i64 = 3600;

fn argon2(cost: PasswordCost) -> Result<Argon2<'static>, AppError> {
    let params = Params::new(cost.memory_kib, cost.iterations, 1, None)
        .map_err(|e| AppError::Internal(format!("argon2 parameters: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password with argon2id on a blocking thread (it is meant to be slow).
/// Callers on a request path go through [`App::hash_password`], which bounds how
/// many run at once.
pub async fn hash_password(cost: PasswordCost, password: String) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        argon2(cost)?
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| AppError::Internal(format!("argon2: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
}

impl App {
    /// Waits briefly for a hashing slot; a flood of logins gets 503 instead of piling
    /// up argon2's memory, and the rest of the site keeps answering.
    async fn hashing_slot(&self) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
        let wait = std::time::Duration::from_millis(self.config.hashing_wait_ms);
        match tokio::time::timeout(wait, self.hashing.acquire()).await {
            Ok(Ok(permit)) => Ok(permit),
            Ok(Err(_)) => Err(AppError::Internal("hashing semaphore closed".into())),
            Err(_) => Err(AppError::Busy {
                retry_after_secs: 2,
            }),
        }
    }

    /// Hashing slots free at this moment, for the metrics.
    pub fn hashing_slots_free(&self) -> usize {
        self.hashing.available_permits()
    }

    pub(crate) async fn hash_password(&self, password: &str) -> Result<String, AppError> {
        let _slot = self.hashing_slot().await?;
        let (cost, password) = (self.config.password_cost, password.to_string());
        self.hasher
            .run(move || {
                let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
                argon2(cost)?
                    .hash_password(password.as_bytes(), &salt)
                    .map(|h| h.to_string())
                    .map_err(|e| AppError::Internal(format!("argon2: {e}")))
            })
            .await
            .ok_or_else(|| AppError::Internal("the hashing threads are gone".into()))?
    }

    async fn verify_password(&self, password: &str, hash: String) -> Result<bool, AppError> {
        let _slot = self.hashing_slot().await?;
        let (cost, password) = (self.config.password_cost, password.to_string());
        self.hasher
            .run(move || {
                let parsed = PasswordHash::new(&hash)
                    .map_err(|e| AppError::Internal(format!("stored hash: {e}")))?;
                Ok(argon2(cost)?
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok())
            })
            .await
            .ok_or_else(|| AppError::Internal("the hashing threads are gone".into()))?
    }
}

/// A single-use secret for a link in a mail; only its hash is stored.
async fn new_link_token(
    tx: &mut wspolnota_store::Tx,
    user: UserId,
    purpose: &str,
    expires_at: wspolnota_domain::clock::Timestamp,
) -> Result<String, AppError> {
    let secret = tokens::new_secret();
    users::insert_token(tx, &tokens::hash(&secret), user, purpose, expires_at).await?;
    Ok(secret)
}

/// What a person fills in to sign up.
#[derive(Debug, Clone, Default)]
pub struct SignUp {
    pub email: String,
    pub password: String,
    pub display_name: String,
    pub city: String,
    pub list_publicly: bool,
    pub locale: String,
}

/// A live login: the secret for the cookie.
#[derive(Debug, Clone)]
pub struct SessionSecret(pub String);

/// What a successful login hands back: the session, the person, and a fresh device
/// cookie that spares this browser the per-address limit next time.
#[derive(Debug, Clone)]
pub struct Login {
    pub session: SessionSecret,
    pub user: users::User,
    pub device: String,
}

impl App {
    /// Creates an unconfirmed account and queues the confirmation mail. For an address
    /// that has an account it answers the same and mails the owner instead, so the form
    /// cannot tell anyone who has an account.
    pub async fn sign_up(&self, form: SignUp, origin: &Origin) -> Result<(), AppError> {
        let email = mail::address(&form.email)?;
        let display_name = text::required("display_name", &form.display_name, text::NAME_MAX)?;
        let city = text::optional("city", &form.city, text::CITY_MAX)?;
        text::password(&form.password)?;
        if let Some(key) = origin.ip_key("signup") {
            self.hit_limit(&key, self.config.limits.signup_per_ip)
                .await?;
        }
        let existing = {
            let mut c = self.store.read().await?;
            users::by_email(&mut c, &email).await?
        };
        // Hash either way, so that the answer takes as long for a known address.
        let hash = self.hash_password(&form.password).await?;
        if let Some(owner) = existing {
            return self.tell_owner_of_sign_up(&owner).await;
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let new = users::NewUser {
            email: &email,
            password_hash: &hash,
            display_name: &display_name,
            city: city.as_deref(),
            list_publicly: form.list_publicly,
            locale: Some(if form.locale == "en" { "en" } else { "pl" }),
            is_platform_admin: false,
            confirmed: false,
        };
        let id = match users::insert(&mut tx, &new, now).await {
            Ok(id) => id,
            // Two sign-ups raced for one address; the unique index decided, and the
            // second person is answered as if it had gone through.
            Err(StoreError::Conflict(_)) => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let secret =
            new_link_token(&mut tx, id, CONFIRM, now.plus_seconds(CONFIRM_VALID_SECS)).await?;
        let link_base = format!("{}/konto/potwierdz/", self.config.base_url);
        mail::queue(
            &mut tx,
            &email,
            mail::Message::Confirm {
                name: &display_name,
                link_base: &link_base,
                secret: &secret,
            },
            new.locale,
            &self.config.instance_secret,
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Mails the owner of an address someone tried to sign up with (a few times an hour
    /// at most, so the form cannot flood their mailbox).
    async fn tell_owner_of_sign_up(&self, owner: &users::User) -> Result<(), AppError> {
        let Some(email) = owner.email.clone() else {
            return Ok(());
        };
        if !self.may_mail(&email).await? {
            return Ok(());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let base = &self.config.base_url;
        mail::queue(
            &mut tx,
            &email,
            mail::Message::Known {
                name: &owner.display_name,
                login: &format!("{base}/konto/logowanie"),
                reset: &format!("{base}/konto/reset"),
            },
            owner.locale.as_deref(),
            &self.config.instance_secret,
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Checks a single-use e-mail token without spending it.
    async fn live_token(
        &self,
        c: &mut wspolnota_store::Conn,
        secret: &str,
        purpose: &str,
    ) -> Result<UserId, AppError> {
        let token = users::token(c, &tokens::hash(secret.trim()), purpose)
            .await?
            .ok_or(AppError::Account(AccountError::TokenInvalid))?;
        if token.used {
            return Err(AppError::Account(AccountError::TokenUsed));
        }
        if token.expires_at <= self.now() {
            return Err(AppError::Account(AccountError::TokenExpired));
        }
        Ok(token.user_id)
    }

    /// Checks and spends a single-use e-mail token.
    async fn spend_token(
        &self,
        tx: &mut wspolnota_store::Tx,
        secret: &str,
        purpose: &str,
    ) -> Result<UserId, AppError> {
        let user = self.live_token(tx, secret, purpose).await?;
        if !users::use_token(tx, &tokens::hash(secret.trim()), self.now()).await? {
            return Err(AppError::Account(AccountError::TokenUsed));
        }
        Ok(user)
    }

    /// Whether a confirmation link is live, for the page the link opens (which asks for
    /// a click before anything changes, so that mail scanners opening links do not).
    pub async fn check_confirmation(&self, secret: &str) -> Result<(), AppError> {
        let mut c = self.store.read().await?;
        self.live_token(&mut c, secret, CONFIRM).await.map(|_| ())
    }

    /// Whether a reset link is live, for its page.
    pub async fn check_reset(&self, secret: &str) -> Result<(), AppError> {
        let mut c = self.store.read().await?;
        self.live_token(&mut c, secret, RESET).await.map(|_| ())
    }

    pub async fn confirm_email(&self, secret: &str) -> Result<UserId, AppError> {
        let mut tx = self.store.begin().await?;
        let user = self.spend_token(&mut tx, secret, CONFIRM).await?;
        users::confirm_email(&mut tx, user, self.now()).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(user)
    }

    /// Logs in. Attempts are counted per client address and per account address (or,
    /// from a device that logged in to the account before, per device) before any
    /// password is hashed; past a limit the answer is "wait", never a lock the owner
    /// cannot get past.
    pub async fn log_in(
        &self,
        email: &str,
        password: &str,
        origin: &Origin,
    ) -> Result<Login, AppError> {
        let email = email.trim().to_lowercase();
        if email.is_empty()
            || email.len() > text::EMAIL_MAX
            || password.is_empty()
            || password.chars().count() > text::PASSWORD_MAX
        {
            return Err(AppError::Account(AccountError::BadCredentials));
        }
        if let Some(key) = origin.ip_key("login") {
            self.hit_limit(&key, self.config.limits.login_per_ip)
                .await?;
        }
        let device = origin
            .device
            .as_deref()
            .and_then(|c| tokens::device_id(&self.config.instance_secret, &email, c));
        let (account_key, limit) = match &device {
            Some(id) => (
                format!("login-device:{id}"),
                self.config.limits.login_per_device,
            ),
            None => (
                crate::limits::login_address_key(&email),
                self.config.limits.login_per_address,
            ),
        };
        self.hit_limit(&account_key, limit).await?;
        let user = {
            let mut c = self.store.read().await?;
            users::by_email(&mut c, &email).await?
        };
        let verified = match user.as_ref().and_then(|u| u.password_hash.clone()) {
            Some(hash) => self.verify_password(password, hash).await?,
            None => {
                // Spend the same effort for unknown addresses, so timing does not reveal accounts.
                let _ = self.hash_password(password).await?;
                false
            }
        };
        let user = match (user, verified) {
            (Some(u), true) => u,
            _ => return Err(AppError::Account(AccountError::BadCredentials)),
        };
        if !user.email_confirmed {
            return Err(AppError::Account(AccountError::Unconfirmed));
        }
        self.clear_limit(&account_key).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let secret = tokens::new_secret();
        sessions::insert(
            &mut tx,
            &tokens::hash(&secret),
            user.id,
            now,
            now.plus_seconds(self.config.session_days * 86400),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(Login {
            session: SessionSecret(secret),
            device: tokens::device_cookie(&self.config.instance_secret, &email),
            user,
        })
    }

    /// The person behind a session cookie, if the session is live.
    pub async fn session_user(&self, secret: &str) -> Result<Option<users::User>, AppError> {
        let mut c = self.store.read().await?;
        let Some(id) = sessions::user_of(&mut c, &tokens::hash(secret), self.now()).await? else {
            return Ok(None);
        };
        let user = users::by_id(&mut c, id).await?;
        Ok(if user.deleted { None } else { Some(user) })
    }

    pub async fn log_out(&self, secret: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        sessions::delete(&mut tx, &tokens::hash(secret)).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Queues a reset link if the address has an account. Answers the same either
    /// way, so the form cannot be used to find out who has an account.
    pub async fn request_password_reset(
        &self,
        email: &str,
        origin: &Origin,
    ) -> Result<(), AppError> {
        if let Some(key) = origin.ip_key("reset") {
            self.hit_limit(&key, self.config.limits.reset_per_ip)
                .await?;
        }
        let Ok(email) = text::email(email) else {
            return Ok(());
        };
        let user = {
            let mut c = self.store.read().await?;
            users::by_email(&mut c, &email).await?
        };
        let Some(user) = user else {
            return Ok(());
        };
        if !self.may_mail(&email).await? {
            return Ok(());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let secret =
            new_link_token(&mut tx, user.id, RESET, now.plus_seconds(RESET_VALID_SECS)).await?;
        let link_base = format!("{}/konto/nowe-haslo/", self.config.base_url);
        mail::queue(
            &mut tx,
            &email,
            mail::Message::Reset {
                name: &user.display_name,
                link_base: &link_base,
                secret: &secret,
            },
            user.locale.as_deref(),
            &self.config.instance_secret,
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Sets a new password with a reset token and ends every session of the account.
    /// The token is checked before the password is hashed, so a made-up token costs
    /// the server nothing.
    pub async fn reset_password(
        &self,
        secret: &str,
        new_password: &str,
    ) -> Result<UserId, AppError> {
        self.check_reset(secret).await?;
        text::password(new_password)?;
        let hash = self.hash_password(new_password).await?;
        let mut tx = self.store.begin().await?;
        let user = self.spend_token(&mut tx, secret, RESET).await?;
        users::set_password(&mut tx, user, &hash).await?;
        // Following the link proves the address too.
        users::confirm_email(&mut tx, user, self.now()).await?;
        sessions::delete_for_user(&mut tx, user).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(user)
    }

    pub async fn update_profile(
        &self,
        user: UserId,
        display_name: &str,
        city: &str,
        list_publicly: bool,
    ) -> Result<(), AppError> {
        let display_name = text::required("display_name", display_name, text::NAME_MAX)?;
        let city = text::optional("city", city, text::CITY_MAX)?;
        let mut tx = self.store.begin().await?;
        users::update_profile(&mut tx, user, &display_name, city.as_deref(), list_publicly).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    pub async fn set_locale(&self, user: UserId, locale: &str) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        users::set_locale(&mut tx, user, if locale == "en" { "en" } else { "pl" }).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Deletes an account after checking the password: personal data is removed,
    /// personal signatures are withdrawn and unlisted; what the person signed for an
    /// organisation stays, attributed to the organisation.
    pub async fn delete_account(&self, user: UserId, password: &str) -> Result<(), AppError> {
        let current = self.user(user).await?;
        let hash = current.password_hash.clone().ok_or(AppError::NotFound)?;
        if !self.verify_password(password, hash).await? {
            return Err(AppError::Account(AccountError::WrongPassword));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let withdrawn = wspolnota_store::signatures::withdraw_personal(&mut tx, user, now).await?;
        if let Some(email) = &current.email {
            wspolnota_store::outbox::forget_recipient(&mut tx, email).await?;
        }
        users::anonymise(&mut tx, user, now).await?;
        wspolnota_store::api_tokens::revoke_all(&mut tx, user, now).await?;
        for space in withdrawn {
            audit::record(
                &mut tx,
                audit::Change::in_space(
                    Some(user),
                    space,
                    "signature.withdrawn",
                    Some(json!({"status": "active"})),
                    Some(json!({"status": "withdrawn", "reason": "account_deleted"})),
                ),
                now,
            )
            .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }
}

impl App {
    /// Removes what can no longer be used: sessions past their expiry, dead e-mail
    /// tokens, rate counters whose windows ended. Run now and then by the server; on
    /// several nodes it is harmless to run twice.
    pub async fn clean_up(&self) -> Result<u64, AppError> {
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let mut n = sessions::delete_expired(&mut tx, now).await?;
        n += users::delete_dead_tokens(&mut tx, now.plus_seconds(-86400)).await?;
        n += wspolnota_store::limits::delete_stale(
            &mut tx,
            now.plus_seconds(-crate::limits::LONGEST_WINDOW_SECS),
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(n)
    }
}
