//! Mail leaves through a real SMTP conversation with a relay on 127.0.0.1, is marked
//! sent only when the relay accepted it, never stalls the queue when one mail fails,
//! never goes out twice from two senders, and never leaves unencrypted when TLS is
//! required. On both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::TcpListener;
use std::sync::Arc;
use wspolnota_app::accounts::SignUp;
use wspolnota_app::limits::Origin;
use wspolnota_app::mail::{MailStatus, SendRound};
use wspolnota_app::{App, AppConfig, PasswordCost, SmtpConfig, SmtpSecurity};
use wspolnota_domain::clock::FixedClock;
use wspolnota_testkit::smtp::SmtpSink;
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

/// The relay's port and a way to read what it was told.
fn smtp_sink() -> (u16, SmtpSink) {
    let sink = SmtpSink::start();
    (sink.port, sink)
}

const START: i64 = 1_780_000_000;

fn app_with_relay(
    db: &TestDb,
    port: u16,
    security: SmtpSecurity,
    clock: Arc<FixedClock>,
) -> Arc<App> {
    let config = AppConfig {
        base_url: "http://test.local".into(),
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            security,
            username: None,
            password: None,
            from: "Wspólnota <no-reply@test.local>".into(),
        }),
        password_cost: PasswordCost {
            memory_kib: 64,
            iterations: 1,
        },
        instance_secret: b"test instance secret".to_vec(),
        ..AppConfig::default()
    };
    App::new(db.store.clone(), clock, config)
}

async fn sign_up(app: &App, email: &str) {
    app.sign_up(
        SignUp {
            email: email.into(),
            password: "dlugie-haslo-1".into(),
            display_name: "Poczta".into(),
            ..SignUp::default()
        },
        &Origin::default(),
    )
    .await
    .unwrap();
}

fn sent(n: usize) -> SendRound {
    SendRound {
        sent: n,
        ..SendRound::default()
    }
}

/// Every stored text of the outbox, as someone with a copy of the database reads it.
async fn outbox_dump(db: &TestDb) -> String {
    let mut c = db.store.read().await.unwrap();
    let rows: Vec<(String, Option<String>)> =
        sqlx::query_as("SELECT body, sealed_secret FROM outbox")
            .fetch_all(&mut *c)
            .await
            .unwrap();
    format!("{rows:?}")
}

async fn queued_mail_goes_out_through_smtp(backend: Backend) {
    let db = TestDb::new(backend).await;
    let (port, log) = smtp_sink();
    let app = app_with_relay(
        &db,
        port,
        SmtpSecurity::Plain,
        Arc::new(FixedClock::at(START)),
    );
    sign_up(&app, "poczta@example.pl").await;
    assert!(!app.recent_mail(10).await.unwrap()[0].sent());
    assert_eq!(app.send_queued_mail().await.unwrap(), sent(1));
    assert!(app.recent_mail(10).await.unwrap()[0].sent());
    assert_eq!(
        app.send_queued_mail().await.unwrap(),
        sent(0),
        "nothing is sent twice"
    );
    let conversation = log.conversation();
    assert!(
        conversation.contains("RCPT TO:<poczta@example.pl>"),
        "{conversation}"
    );
    // The body travels quoted-printable: undo its soft line breaks.
    let secret = conversation
        .replace("=\r\n", "")
        .split("/konto/potwierdz/")
        .nth(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_hexdigit())
                .collect::<String>()
        })
        .expect("the link travels in the body");
    assert_eq!(secret.len(), 64, "the whole secret, not a placeholder");
    assert!(
        !outbox_dump(&db).await.contains(&secret),
        "a copy of the database does not hold the live link"
    );
    let shown = &app.recent_mail(10).await.unwrap()[0].body;
    assert!(shown.contains("/konto/potwierdz/[ukryte]"), "{shown}");
}

/// The outbox hides the secret from admins and from a database dump even before the
/// mail is sent.
async fn queued_links_are_sealed(backend: Backend) {
    let db = TestDb::new(backend).await;
    let app = app_with_relay(&db, 9, SmtpSecurity::Plain, Arc::new(FixedClock::at(START)));
    app.request_password_reset("nikt@example.pl", &Origin::default())
        .await
        .unwrap();
    sign_up(&app, "ala@example.pl").await;
    app.request_password_reset("ala@example.pl", &Origin::default())
        .await
        .unwrap();
    let mails = app.recent_mail(10).await.unwrap();
    assert_eq!(mails.len(), 2, "no mail for an address without an account");
    for m in &mails {
        assert!(m.body.contains("[ukryte]"), "{}", m.body);
        assert!(m.sealed_secret.is_none());
    }
    let dump = outbox_dump(&db).await;
    assert!(dump.contains("{sekret}"), "{dump}");
    assert!(
        !dump.contains("/konto/nowe-haslo/0") && !regex_like_secret(&dump),
        "no 64-hex secret stored readable: {dump}"
    );
}

/// Whether the text holds a run of 64 hexadecimal digits right after a link path.
fn regex_like_secret(text: &str) -> bool {
    ["/konto/potwierdz/", "/konto/nowe-haslo/"]
        .iter()
        .any(|path| {
            text.split(path)
                .skip(1)
                .any(|rest| rest.chars().take_while(|c| c.is_ascii_hexdigit()).count() >= 64)
        })
}

/// A relay that refuses one address for good: that mail is marked failed at once and
/// the mails behind it still go out.
async fn a_refused_mail_does_not_stall_the_queue(backend: Backend) {
    let db = TestDb::new(backend).await;
    let (port, log) = smtp_sink();
    let app = app_with_relay(
        &db,
        port,
        SmtpSecurity::Plain,
        Arc::new(FixedClock::at(START)),
    );
    sign_up(&app, "odmowa@example.pl").await;
    sign_up(&app, "druga@example.pl").await;
    sign_up(&app, "trzecia@example.pl").await;
    let round = app.send_queued_mail().await.unwrap();
    assert_eq!(
        round,
        SendRound {
            sent: 2,
            retried: 0,
            failed: 1
        }
    );
    let mails = app.recent_mail(10).await.unwrap();
    let refused = mails.iter().find(|m| m.to == "odmowa@example.pl").unwrap();
    assert_eq!(refused.status, MailStatus::Failed);
    assert!(refused.last_error.as_deref().unwrap_or("").contains("550"));
    assert_eq!(app.mail_counts().await.unwrap(), (0, 1));
    assert!(log.conversation().contains("RCPT TO:<trzecia@example.pl>"));
}

/// With the relay down, mail is retried later with a growing delay, and given up on
/// after the last attempt; it is never tried before its time.
async fn mail_is_retried_with_backoff_and_then_given_up(backend: Backend) {
    let db = TestDb::new(backend).await;
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let clock = Arc::new(FixedClock::at(START));
    let app = app_with_relay(&db, port, SmtpSecurity::Plain, clock.clone());
    sign_up(&app, "a@example.pl").await;
    let retried = SendRound {
        retried: 1,
        ..SendRound::default()
    };
    assert_eq!(app.send_queued_mail().await.unwrap(), retried);
    assert_eq!(
        app.send_queued_mail().await.unwrap(),
        SendRound::default(),
        "not tried again before its time"
    );
    let mail = &app.recent_mail(1).await.unwrap()[0];
    assert_eq!((mail.status, mail.attempts), (MailStatus::Queued, 1));
    for attempt in 2..wspolnota_app::mail::MAX_ATTEMPTS {
        clock.advance(6 * 3600);
        assert_eq!(
            app.send_queued_mail().await.unwrap(),
            retried,
            "attempt {attempt}"
        );
    }
    clock.advance(6 * 3600);
    assert_eq!(
        app.send_queued_mail().await.unwrap(),
        SendRound {
            failed: 1,
            ..SendRound::default()
        }
    );
    let mail = &app.recent_mail(1).await.unwrap()[0];
    assert_eq!(mail.status, MailStatus::Failed);
    assert_eq!(mail.attempts, wspolnota_app::mail::MAX_ATTEMPTS);
}

/// STARTTLS required and a relay that does not offer it: the mail does not go out in
/// plain text.
async fn required_tls_is_never_dropped(backend: Backend) {
    let db = TestDb::new(backend).await;
    let (port, log) = smtp_sink();
    let app = app_with_relay(
        &db,
        port,
        SmtpSecurity::StartTls,
        Arc::new(FixedClock::at(START)),
    );
    sign_up(&app, "tajne@example.pl").await;
    let round = app.send_queued_mail().await.unwrap();
    assert_eq!(round.sent, 0);
    assert!(
        !log.conversation().contains("DATA"),
        "no message was handed over without TLS"
    );
}

/// Two web nodes run the sender at once on one database: every mail goes out once.
async fn two_senders_never_send_a_mail_twice(backend: Backend) {
    let db = TestDb::new(backend).await;
    let (port, log) = smtp_sink();
    let clock = Arc::new(FixedClock::at(START));
    let one = app_with_relay(&db, port, SmtpSecurity::Plain, clock.clone());
    let two = app_with_relay(&db, port, SmtpSecurity::Plain, clock.clone());
    for i in 0..30 {
        sign_up(&one, &format!("osoba{i}@example.pl")).await;
    }
    let mut total = 0;
    for _ in 0..3 {
        let (a, b) = tokio::join!(one.send_queued_mail(), two.send_queued_mail());
        total += a.unwrap().sent + b.unwrap().sent;
    }
    assert_eq!(total, 30);
    let conversation = log.conversation();
    for i in 0..30 {
        let rcpt = format!("RCPT TO:<osoba{i}@example.pl>");
        assert_eq!(conversation.matches(&rcpt).count(), 1, "{rcpt}");
    }
}

on_both_backends!(
    queued_mail_goes_out_through_smtp,
    queued_links_are_sealed,
    a_refused_mail_does_not_stall_the_queue,
    mail_is_retried_with_backoff_and_then_given_up,
    required_tls_is_never_dropped,
    two_senders_never_send_a_mail_twice
);
