//! Accounts: sign-up, e-mail confirmation, login sessions, password reset, deletion.

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
        EmailTaken => "account.email_taken", Conflict;
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

async fn verify_password(
    cost: PasswordCost,
    password: String,
    hash: String,
) -> Result<bool, AppError> {
    tokio::task::spawn_blocking(move || {
        let parsed = PasswordHash::new(&hash)
            .map_err(|e| AppError::Internal(format!("stored hash: {e}")))?;
        Ok(argon2(cost)?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok())
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
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

impl App {
    /// Creates an unconfirmed account and queues the confirmation mail.
    pub async fn sign_up(&self, form: SignUp) -> Result<UserId, AppError> {
        let email = text::email(&form.email)?;
        let display_name = text::required("display_name", &form.display_name, text::NAME_MAX)?;
        let city = text::optional("city", &form.city, text::CITY_MAX)?;
        text::password(&form.password)?;
        {
            let mut c = self.store.read().await?;
            if users::email_taken(&mut c, &email).await? {
                return Err(AppError::Account(AccountError::EmailTaken));
            }
        }
        let hash = hash_password(self.config.password_cost, form.password).await?;
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
            // Two sign-ups raced for one address; the unique index decided.
            Err(StoreError::Conflict(_)) => {
                return Err(AppError::Account(AccountError::EmailTaken))
            }
            Err(e) => return Err(e.into()),
        };
        let secret = tokens::new_secret();
        users::insert_token(
            &mut tx,
            &tokens::hash(&secret),
            id,
            CONFIRM,
            now.plus_seconds(CONFIRM_VALID_SECS),
        )
        .await?;
        let link = format!("{}/konto/potwierdz/{secret}", self.config.base_url);
        mail::queue(
            &mut tx,
            &email,
            mail::Message::Confirm {
                name: &display_name,
                link: &link,
            },
            new.locale,
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// Checks and spends a single-use e-mail token.
    async fn spend_token(
        &self,
        tx: &mut wspolnota_store::Tx,
        secret: &str,
        purpose: &str,
    ) -> Result<UserId, AppError> {
        let hash = tokens::hash(secret.trim());
        let token = users::token(tx, &hash, purpose)
            .await?
            .ok_or(AppError::Account(AccountError::TokenInvalid))?;
        if token.used {
            return Err(AppError::Account(AccountError::TokenUsed));
        }
        if token.expires_at <= self.now() {
            return Err(AppError::Account(AccountError::TokenExpired));
        }
        if !users::use_token(tx, &hash, self.now()).await? {
            return Err(AppError::Account(AccountError::TokenUsed));
        }
        Ok(token.user_id)
    }

    pub async fn confirm_email(&self, secret: &str) -> Result<UserId, AppError> {
        let mut tx = self.store.begin().await?;
        let user = self.spend_token(&mut tx, secret, CONFIRM).await?;
        users::confirm_email(&mut tx, user, self.now()).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(user)
    }

    /// Logs in; failures are counted per address and, past the limit, refused for a while.
    pub async fn log_in(
        &self,
        email: &str,
        password: &str,
    ) -> Result<(SessionSecret, users::User), AppError> {
        let email = email.trim().to_lowercase();
        let key = format!("email:{email}");
        let now = self.now();
        let user = {
            let mut c = self.store.read().await?;
            let since = now.plus_seconds(-self.config.login_window_secs);
            if users::login_failures_since(&mut c, &key, since).await?
                >= self.config.login_max_failures
            {
                return Err(AppError::RateLimited);
            }
            users::by_email(&mut c, &email).await?
        };
        let verified = match user.as_ref().and_then(|u| u.password_hash.clone()) {
            Some(hash) => {
                verify_password(self.config.password_cost, password.to_string(), hash).await?
            }
            None => {
                // Spend the same effort for unknown addresses, so timing does not reveal accounts.
                let _ = hash_password(self.config.password_cost, password.to_string()).await?;
                false
            }
        };
        let mut tx = self.store.begin().await?;
        let user = match (user, verified) {
            (Some(u), true) => u,
            _ => {
                users::record_login_failure(&mut tx, &key, now).await?;
                tx.commit().await.map_err(StoreError::from)?;
                return Err(AppError::Account(AccountError::BadCredentials));
            }
        };
        if !user.email_confirmed {
            return Err(AppError::Account(AccountError::Unconfirmed));
        }
        users::clear_login_failures(&mut tx, &key).await?;
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
        Ok((SessionSecret(secret), user))
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
    pub async fn request_password_reset(&self, email: &str) -> Result<(), AppError> {
        let Ok(email) = text::email(email) else {
            return Ok(());
        };
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if let Some(user) = users::by_email(&mut tx, &email).await? {
            let secret = tokens::new_secret();
            users::insert_token(
                &mut tx,
                &tokens::hash(&secret),
                user.id,
                RESET,
                now.plus_seconds(RESET_VALID_SECS),
            )
            .await?;
            let link = format!("{}/konto/nowe-haslo/{secret}", self.config.base_url);
            mail::queue(
                &mut tx,
                &email,
                mail::Message::Reset {
                    name: &user.display_name,
                    link: &link,
                },
                user.locale.as_deref(),
                now,
            )
            .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Sets a new password with a reset token and ends every session of the account.
    pub async fn reset_password(
        &self,
        secret: &str,
        new_password: &str,
    ) -> Result<UserId, AppError> {
        text::password(new_password)?;
        let hash = hash_password(self.config.password_cost, new_password.to_string()).await?;
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
        if !verify_password(self.config.password_cost, password.to_string(), hash).await? {
            return Err(AppError::Account(AccountError::WrongPassword));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let withdrawn = wspolnota_store::signatures::withdraw_personal(&mut tx, user, now).await?;
        users::anonymise(&mut tx, user, now).await?;
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
    /// Removes sessions past their expiry; run now and then by the server.
    pub async fn delete_expired_sessions(&self) -> Result<u64, AppError> {
        let mut tx = self.store.begin().await?;
        let n = sessions::delete_expired(&mut tx, self.now()).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(n)
    }
}
