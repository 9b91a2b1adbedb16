//! Outgoing mail. Every mail is first written to the outbox table in the same
//! transaction as the change that caused it; a background job sends it through
//! SMTP when one is configured. Without SMTP (or with `--demo`) mails stay in the
//! outbox, which platform admins read in the browser.
//!
//! A link's secret (confirming an address, setting a new password) is never stored
//! readable: the body holds a placeholder and the secret is sealed with the
//! instance's key, opened only to send the mail and forgotten once it is sent.
//!
//! A mail that fails is retried later with a growing delay and, after a limit or a
//! permanent refusal, marked failed for the admin to see; the queue always moves on.

use crate::i18n::Locale;
use crate::{tokens, App, AppError, SmtpConfig, SmtpSecurity};
use std::time::Duration;
use wspolnota_domain::clock::Timestamp;
use wspolnota_store::{outbox, Conn, StoreError};

/// A mail of the outbox, as the admin's page shows it.
pub use wspolnota_store::outbox::{Mail, MailStatus};

/// Where a link's secret sits in a stored body.
const SECRET_SLOT: &str = "{sekret}";
/// What the admin sees instead of the secret.
const REDACTED: &str = "[ukryte]";

/// Attempts before a mail is given up on.
pub const MAX_ATTEMPTS: i64 = 8;
/// How long one sender owns the mails it claimed.
const CLAIM_SECS: i64 = 300;
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

pub enum Message<'a> {
    /// `link_base` ends where the secret goes.
    Confirm {
        name: &'a str,
        link_base: &'a str,
        secret: &'a str,
    },
    Reset {
        name: &'a str,
        link_base: &'a str,
        secret: &'a str,
    },
    /// An invitation to act for an organisation.
    Invite {
        org: &'a str,
        role: wspolnota_domain::org::OrgRole,
        link_base: &'a str,
        secret: &'a str,
    },
    /// A notice without a link secret: translation ids of its subject and body, and
    /// the body's arguments (a decision on a declaration, a reminder…).
    Notice {
        subject: &'a str,
        body: &'a str,
        args: &'a [(&'static str, String)],
    },
    /// Someone tried to sign up with an address that has an account.
    Known {
        name: &'a str,
        login: &'a str,
        reset: &'a str,
    },
}

/// Checks an address with the parser that sends mail, so that an address accepted at
/// sign-up is one the mail can go to.
pub fn deliverable(address: &str) -> bool {
    address.parse::<lettre::Address>().is_ok()
}

/// An address someone typed, for an account or an invitation: normalised and checked
/// for structure, then by the parser that sends mail.
pub fn address(raw: &str) -> Result<String, AppError> {
    let email = wspolnota_domain::text::email(raw)?;
    if !deliverable(&email) {
        return Err(wspolnota_domain::error::DomainError::InvalidEmail.into());
    }
    Ok(email)
}

pub async fn queue(
    c: &mut Conn,
    to: &str,
    message: Message<'_>,
    locale: Option<&str>,
    instance_secret: &[u8],
    now: Timestamp,
) -> Result<(), StoreError> {
    let l = locale.and_then(Locale::parse).unwrap_or(Locale::Pl);
    let with_link = |subject: &str, body: &str, name: &str, link_base: &str| {
        (
            l.t(subject),
            l.t_args(
                body,
                &[
                    ("name", name.to_string()),
                    ("link", format!("{link_base}{SECRET_SLOT}")),
                ],
            ),
        )
    };
    let (subject, body, secret) = match message {
        Message::Confirm {
            name,
            link_base,
            secret,
        } => {
            let (s, b) = with_link("mail-confirm-subject", "mail-confirm-body", name, link_base);
            (s, b, Some(secret))
        }
        Message::Reset {
            name,
            link_base,
            secret,
        } => {
            let (s, b) = with_link("mail-reset-subject", "mail-reset-body", name, link_base);
            (s, b, Some(secret))
        }
        Message::Invite {
            org,
            role,
            link_base,
            secret,
        } => (
            l.t_args("mail-invite-subject", &[("org", org.to_string())]),
            l.t_args(
                "mail-invite-body",
                &[
                    ("org", org.to_string()),
                    ("role", l.t(&format!("role-{}", role.as_str()))),
                    ("link", format!("{link_base}{SECRET_SLOT}")),
                ],
            ),
            Some(secret),
        ),
        Message::Notice {
            subject,
            body,
            args,
        } => (l.t_args(subject, args), l.t_args(body, args), None),
        Message::Known { name, login, reset } => (
            l.t("mail-known-subject"),
            l.t_args(
                "mail-known-body",
                &[
                    ("name", name.to_string()),
                    ("login", login.to_string()),
                    ("reset", reset.to_string()),
                ],
            ),
            None,
        ),
    };
    let sealed = secret.map(|s| tokens::seal(instance_secret, s));
    outbox::push(c, to, &subject, &body, sealed.as_deref(), now)
        .await
        .map(|_| ())
}

/// When to try a mail again after its `attempts`-th failure: a minute, doubling up to
/// six hours; `None` once the attempts are spent.
pub fn retry_at(attempts: i64, now: Timestamp) -> Option<Timestamp> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    let delay = 60i64.saturating_mul(1i64 << exponent).min(6 * 3600);
    Some(now.plus_seconds(delay))
}

/// Why a mail did not go out.
struct SendFailure {
    /// The relay refused for good (e.g. no such mailbox); retrying will not help.
    permanent: bool,
    message: String,
}

impl SendFailure {
    fn permanent(message: String) -> SendFailure {
        SendFailure {
            permanent: true,
            message,
        }
    }
}

/// What one round of the sender did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SendRound {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

impl App {
    /// The newest mails, with link secrets hidden (or shown, in a demonstration).
    pub async fn recent_mail(&self, limit: i64) -> Result<Vec<Mail>, AppError> {
        let mut c = self.store.read().await?;
        let mut mails = outbox::recent(&mut c, limit).await?;
        for mail in &mut mails {
            let shown = match (&mail.sealed_secret, self.config.outbox_shows_links) {
                (Some(sealed), true) => tokens::open(&self.config.instance_secret, sealed)
                    .unwrap_or_else(|| REDACTED.to_string()),
                _ => REDACTED.to_string(),
            };
            mail.body = mail.body.replace(SECRET_SLOT, &shown);
            mail.sealed_secret = None;
        }
        Ok(mails)
    }

    /// Queued and failed mails, for the admin's page and the metrics.
    pub async fn mail_counts(&self) -> Result<(i64, i64), AppError> {
        let mut c = self.store.read().await?;
        Ok(outbox::counts(&mut c).await?)
    }

    /// Sends the mails that are due through SMTP. Without SMTP, does nothing. A mail
    /// that fails is put back for later or marked failed; the others still go.
    pub async fn send_queued_mail(&self) -> Result<SendRound, AppError> {
        let Some(smtp) = &self.config.smtp else {
            return Ok(SendRound::default());
        };
        let now = self.now();
        let claimed = {
            let mut tx = self.store.begin().await?;
            let mails = outbox::claim_due(&mut tx, now, now.plus_seconds(CLAIM_SECS), 20).await?;
            tx.commit().await.map_err(StoreError::from)?;
            mails
        };
        let mut round = SendRound::default();
        for mail in claimed {
            let result = match self.body_to_send(&mail) {
                Some(body) => send_one(smtp, &mail, body).await,
                None => Err(SendFailure::permanent(
                    "the link's secret cannot be opened with this instance's key".into(),
                )),
            };
            let now = self.now();
            let mut tx = self.store.begin().await?;
            match result {
                Ok(()) => {
                    outbox::mark_sent(&mut tx, mail.id, now).await?;
                    round.sent += 1;
                }
                Err(failure) => {
                    let retry = if failure.permanent {
                        None
                    } else {
                        retry_at(mail.attempts + 1, now)
                    };
                    tracing::warn!(
                        mail_id = mail.id,
                        attempt = mail.attempts + 1,
                        gives_up = retry.is_none(),
                        error = %failure.message,
                        "sending mail failed"
                    );
                    outbox::mark_attempt_failed(&mut tx, mail.id, &failure.message, retry, now)
                        .await?;
                    if retry.is_some() {
                        round.retried += 1;
                    } else {
                        round.failed += 1;
                    }
                }
            }
            tx.commit().await.map_err(StoreError::from)?;
        }
        Ok(round)
    }

    fn body_to_send(&self, mail: &Mail) -> Option<String> {
        match &mail.sealed_secret {
            None => Some(mail.body.clone()),
            Some(sealed) => tokens::open(&self.config.instance_secret, sealed)
                .map(|secret| mail.body.replace(SECRET_SLOT, &secret)),
        }
    }
}

async fn send_one(smtp: &SmtpConfig, mail: &Mail, body: String) -> Result<(), SendFailure> {
    use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};
    let from = smtp
        .from
        .parse()
        .map_err(|e| SendFailure::permanent(format!("from address: {e}")))?;
    let to = mail
        .to
        .parse()
        .map_err(|e| SendFailure::permanent(format!("to address: {e}")))?;
    let email = Email::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .body(body)
        .map_err(|e| SendFailure::permanent(e.to_string()))?;
    let transient = |e: lettre::transport::smtp::Error| SendFailure {
        permanent: e.is_permanent(),
        message: e.to_string(),
    };
    let builder = match smtp.security {
        SmtpSecurity::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host),
        SmtpSecurity::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host),
        SmtpSecurity::Plain => Ok(AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(
            &smtp.host,
        )),
    }
    .map_err(transient)?;
    let mut builder = builder.port(smtp.port).timeout(Some(SMTP_TIMEOUT));
    if let (Some(u), Some(p)) = (&smtp.username, &smtp.password) {
        builder = builder.credentials(lettre::transport::smtp::authentication::Credentials::new(
            u.clone(),
            p.clone(),
        ));
    }
    builder
        .build()
        .send(email)
        .await
        .map(|_| ())
        .map_err(transient)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_and_end() {
        let now = Timestamp(1_000_000);
        assert_eq!(retry_at(1, now), Some(now.plus_seconds(60)));
        assert_eq!(retry_at(2, now), Some(now.plus_seconds(120)));
        assert_eq!(retry_at(7, now), Some(now.plus_seconds(64 * 60)));
        assert_eq!(retry_at(MAX_ATTEMPTS, now), None);
    }

    #[test]
    fn the_sending_parser_decides_what_is_deliverable() {
        assert!(deliverable("ala@example.pl"));
        assert!(!deliverable("a..b@example.pl"));
        assert!(!deliverable(".ala@example.pl"));
    }
}
