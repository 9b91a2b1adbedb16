//! Outgoing mail. Every mail is first written to the outbox table in the same
//! transaction as the change that caused it; a background job sends it through
//! SMTP when one is configured. Without SMTP (or with `--demo`) mails stay in the
//! outbox, which platform admins read in the browser.

use crate::i18n::Locale;
use crate::{App, AppError, SmtpConfig};
use wspolnota_domain::clock::Timestamp;
use wspolnota_store::{outbox, Conn, StoreError};

/// A mail of the outbox, as the admin's page shows it.
pub use wspolnota_store::outbox::Mail;

pub enum Message<'a> {
    Confirm { name: &'a str, link: &'a str },
    Reset { name: &'a str, link: &'a str },
}

pub async fn queue(
    c: &mut Conn,
    to: &str,
    message: Message<'_>,
    locale: Option<&str>,
    now: Timestamp,
) -> Result<(), StoreError> {
    let l = locale.and_then(Locale::parse).unwrap_or(Locale::Pl);
    let (subject, body) = match message {
        Message::Confirm { name, link } => (
            l.t("mail-confirm-subject"),
            l.t_args(
                "mail-confirm-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        ),
        Message::Reset { name, link } => (
            l.t("mail-reset-subject"),
            l.t_args(
                "mail-reset-body",
                &[("name", name.to_string()), ("link", link.to_string())],
            ),
        ),
    };
    outbox::push(c, to, &subject, &body, now).await.map(|_| ())
}

impl App {
    pub async fn recent_mail(&self, limit: i64) -> Result<Vec<outbox::Mail>, AppError> {
        let mut c = self.store.read().await?;
        Ok(outbox::recent(&mut c, limit).await?)
    }

    /// Sends queued mails through SMTP; returns how many went out. Without SMTP, does nothing.
    pub async fn send_queued_mail(&self) -> Result<usize, AppError> {
        let Some(smtp) = &self.config.smtp else {
            return Ok(0);
        };
        let pending = {
            let mut c = self.store.read().await?;
            outbox::unsent(&mut c, 50).await?
        };
        let mut sent = 0;
        for mail in pending {
            match send_one(smtp, &mail).await {
                Ok(()) => {
                    let mut tx = self.store.begin().await?;
                    outbox::mark_sent(&mut tx, mail.id, self.now()).await?;
                    tx.commit().await.map_err(StoreError::from)?;
                    sent += 1;
                }
                Err(e) => {
                    // Left unsent; the next round tries again.
                    tracing::warn!(mail_id = mail.id, error = %e, "sending mail failed");
                    break;
                }
            }
        }
        Ok(sent)
    }
}

async fn send_one(smtp: &SmtpConfig, mail: &outbox::Mail) -> Result<(), String> {
    use lettre::{AsyncSmtpTransport, AsyncTransport, Message as Email, Tokio1Executor};
    let email = Email::builder()
        .from(
            smtp.from
                .parse()
                .map_err(|e| format!("from address: {e}"))?,
        )
        .to(mail.to.parse().map_err(|e| format!("to address: {e}"))?)
        .subject(mail.subject.clone())
        .body(mail.body.clone())
        .map_err(|e| e.to_string())?;
    let mut builder =
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host).port(smtp.port);
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
        .map_err(|e| e.to_string())
}
