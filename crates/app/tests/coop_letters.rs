//! Printable letters for people without e-mail, on both backends: the board's decision
//! on a declaration (admitted, refused with reasons and the appeal's deadline) and an
//! exclusion with its resolution and reasons; read back from the PDF as a viewer would.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_app::coop::EndForm;
use wspolnota_app::i18n::Locale;
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_domain::coop::{CoopError, CoopSettings};
use wspolnota_testkit::{on_both_backends, Backend};

mod coop_world;
use coop_world::*;

#[path = "../../pdf/tests/support/mod.rs"]
mod pdf_support;

/// The letter's text, lines joined with spaces.
fn text_of(pdf: &[u8]) -> String {
    let doc = pdf_support::load(pdf);
    let pages = pdf_support::page_texts(&doc);
    assert_eq!(pages.len(), 1, "a letter fits on one page");
    pages[0].join(" ")
}

async fn decision_letters(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let l = Locale::Pl;
    let admitted = w.declare(0, "2").await.unwrap();
    let refused = w.declare(1, "1").await.unwrap();
    let pending = w.declare(2, "1").await.unwrap();
    assert_eq!(
        coop_err(w.app.decision_letter(&board, w.space, pending, l).await),
        CoopError::NotPending,
        "no letter before the decision"
    );
    w.app
        .decide_declaration(&board, w.space, admitted, Decision::Admit)
        .await
        .unwrap();
    w.app
        .decide_declaration(
            &board,
            w.space,
            refused,
            Decision::Refuse {
                reasons: "Brak miejsca zamieszkania na terenie gminy".into(),
            },
        )
        .await
        .unwrap();
    let text = text_of(
        &w.app
            .decision_letter(&board, w.space, admitted, l)
            .await
            .unwrap(),
    );
    assert!(text.contains("Mieszkanka 0"), "{text}");
    assert!(
        text.contains("Decyzja w sprawie deklaracji członkowskiej"),
        "{text}"
    );
    assert!(text.contains("Numer w rejestrze członków: 1."), "{text}");
    assert!(text.contains("Zadeklarowane udziały: 2"), "{text}");
    // The applicant may print their own letter; another resident may not.
    let own = w.resident(1).await;
    let text = text_of(
        &w.app
            .decision_letter(&own, w.space, refused, l)
            .await
            .unwrap(),
    );
    assert!(text.contains("odmówił przyjęcia"), "{text}");
    assert!(
        text.contains("Brak miejsca zamieszkania na terenie gminy"),
        "{text}"
    );
    assert!(text.contains("rady nadzorczej"), "{text}");
    assert!(matches!(
        w.app
            .decision_letter(&w.resident(2).await, w.space, refused, l)
            .await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        w.app
            .decision_letter(&Subject::default(), w.space, refused, l)
            .await,
        Err(AppError::LoginRequired)
    ));
    assert!(matches!(
        w.app
            .decision_letter(&board, w.space, refused + 100, l)
            .await,
        Err(AppError::NotFound)
    ));
}

async fn exclusion_letters(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let l = Locale::Pl;
    let d = w.declare(0, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d, Decision::Admit)
        .await
        .unwrap();
    assert_eq!(
        coop_err(w.app.end_letter(&board, w.space, 1, l).await),
        CoopError::NotAMember,
        "no letter while the membership lasts"
    );
    w.app
        .end_membership(
            &board,
            w.space,
            1,
            EndForm {
                reason: "exclusion".into(),
                resolution: "Uchwała Zarządu nr 7/2026".into(),
                reasons: "Uporczywe niewpłacanie udziałów".into(),
                ..EndForm::default()
            },
        )
        .await
        .unwrap();
    let text = text_of(&w.app.end_letter(&board, w.space, 1, l).await.unwrap());
    assert!(text.contains("Uchwała Zarządu nr 7/2026"), "{text}");
    assert!(text.contains("Uporczywe niewpłacanie udziałów"), "{text}");
    assert!(text.contains("wykluczenie"), "{text}");
    assert!(matches!(
        w.app.end_letter(&w.resident(0).await, w.space, 1, l).await,
        Err(AppError::Forbidden)
    ));
}

on_both_backends!(decision_letters, exclusion_letters);
