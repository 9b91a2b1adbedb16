//! Mail leaves through a real SMTP conversation with a relay on 127.0.0.1, and is
//! marked sent only when the relay accepted it. On both backends.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use wspolnota_app::accounts::SignUp;
use wspolnota_app::{App, AppConfig, PasswordCost, SmtpConfig};
use wspolnota_domain::clock::FixedClock;
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

/// A minimal SMTP relay that accepts every message and records the conversation.
fn smtp_sink() -> (u16, Arc<Mutex<String>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let log = Arc::new(Mutex::new(String::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut out) = stream else { return };
            let mut input = BufReader::new(out.try_clone().unwrap());
            let _ = out.write_all(b"220 sink ESMTP\r\n");
            let mut in_data = false;
            let mut line = String::new();
            while input.read_line(&mut line).map(|n| n > 0).unwrap_or(false) {
                seen.lock().unwrap().push_str(&line);
                let reply: &[u8] = if in_data {
                    if line == ".\r\n" {
                        in_data = false;
                        b"250 queued\r\n"
                    } else {
                        b""
                    }
                } else {
                    let upper = line.to_ascii_uppercase();
                    if upper.starts_with("EHLO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = out.write_all(b"221 bye\r\n");
                        break;
                    } else {
                        b"250 ok\r\n"
                    }
                };
                let _ = out.write_all(reply);
                line.clear();
            }
        }
    });
    (port, log)
}

async fn queued_mail_goes_out_through_smtp(backend: Backend) {
    let db = TestDb::new(backend).await;
    let (port, log) = smtp_sink();
    let config = AppConfig {
        base_url: "http://test.local".into(),
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            username: None,
            password: None,
            from: "Wspólnota <no-reply@test.local>".into(),
        }),
        password_cost: PasswordCost {
            memory_kib: 64,
            iterations: 1,
        },
        ..AppConfig::default()
    };
    let app = App::new(
        db.store.clone(),
        Arc::new(FixedClock::at(1_780_000_000)),
        config,
    );
    app.sign_up(SignUp {
        email: "poczta@example.pl".into(),
        password: "dlugie-haslo-1".into(),
        display_name: "Poczta".into(),
        ..SignUp::default()
    })
    .await
    .unwrap();
    assert!(!app.recent_mail(10).await.unwrap()[0].sent);
    assert_eq!(app.send_queued_mail().await.unwrap(), 1);
    assert!(app.recent_mail(10).await.unwrap()[0].sent);
    assert_eq!(
        app.send_queued_mail().await.unwrap(),
        0,
        "nothing is sent twice"
    );
    let conversation = log.lock().unwrap().clone();
    assert!(
        conversation.contains("RCPT TO:<poczta@example.pl>"),
        "{conversation}"
    );
    assert!(
        conversation.contains("/konto/potwierdz/"),
        "the link travels in the body"
    );
}

async fn mail_stays_queued_when_the_relay_is_down(backend: Backend) {
    let db = TestDb::new(backend).await;
    // A port nobody listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = AppConfig {
        smtp: Some(SmtpConfig {
            host: "127.0.0.1".into(),
            port,
            username: None,
            password: None,
            from: "x@test.local".into(),
        }),
        password_cost: PasswordCost {
            memory_kib: 64,
            iterations: 1,
        },
        ..AppConfig::default()
    };
    let app = App::new(
        db.store.clone(),
        Arc::new(FixedClock::at(1_780_000_000)),
        config,
    );
    app.request_password_reset("nikt@example.pl").await.unwrap();
    app.sign_up(SignUp {
        email: "a@example.pl".into(),
        password: "dlugie-haslo-1".into(),
        display_name: "A".into(),
        ..SignUp::default()
    })
    .await
    .unwrap();
    assert_eq!(app.send_queued_mail().await.unwrap(), 0);
    assert!(
        !app.recent_mail(10).await.unwrap()[0].sent,
        "kept for the next round"
    );
}

on_both_backends!(
    queued_mail_goes_out_through_smtp,
    mail_stays_queued_when_the_relay_is_down
);
