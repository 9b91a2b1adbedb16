//! What the register and a project record besides shares, on both backends:
//! contributions in kind, milestones reached, a project's documents, and pledges made
//! for an organisation; bad input refused with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_app::coop::{InvestmentForm, PledgeForm};
use wspolnota_app::files::Upload;
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_domain::coop::{CoopError, CoopSettings};
use wspolnota_domain::error::DomainError;
use wspolnota_domain::pb::Money;
use wspolnota_testkit::{on_both_backends, Backend};

mod coop_world;
use coop_world::*;

/// A cooperative with resident 0 admitted as member number 1.
async fn with_member(backend: Backend) -> World {
    let w = world(backend, CoopSettings::default()).await;
    let d = w.declare(0, "1").await.unwrap();
    w.app
        .decide_declaration(&w.board().await, w.space, d, Decision::Admit)
        .await
        .unwrap();
    w
}

async fn contributions_are_entries_of_the_register(backend: Backend) {
    let w = with_member(backend).await;
    let board = w.board().await;
    let before = w.written().await;
    for (kind, value, on, refusal) in [
        ("praca", "0", "", CoopError::AmountNotPositive),
        ("praca", "-5", "", CoopError::AmountNotPositive),
        ("praca", "12,345", "", CoopError::TooPrecise),
        ("praca", "1e3", "", CoopError::BadAmount),
        ("praca", "100", "2030-01-01", CoopError::BadDate),
    ] {
        assert_eq!(
            coop_err(
                w.app
                    .record_contribution(&board, w.space, 1, kind, value, on)
                    .await
            ),
            refusal,
            "{kind} {value} {on}"
        );
    }
    assert!(matches!(
        w.app
            .record_contribution(&board, w.space, 1, "  ", "100", "")
            .await,
        Err(AppError::Invalid(DomainError::Required { field: "kind" }))
    ));
    assert!(matches!(
        w.app
            .record_contribution(&w.resident(0).await, w.space, 1, "praca", "100", "")
            .await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(w.written().await, before, "nothing written");
    w.app
        .record_contribution(&board, w.space, 1, "aport: falownik 10 kW", "4500", "")
        .await
        .unwrap();
    w.app
        .record_contribution(&board, w.space, 1, "praca przy montażu", "120,50", "")
        .await
        .unwrap();
    let view = w.app.member_view(&board, w.space, 1).await.unwrap();
    assert_eq!(view.row.state.contributions, Money(462_050));
    assert_eq!(
        view.entries
            .iter()
            .filter(|e| e.entry == "contribution")
            .count(),
        2
    );
    // The register's exports carry the total.
    let csv = w
        .app
        .register_export_csv(&board, w.space, wspolnota_app::i18n::Locale::Pl)
        .await
        .unwrap();
    assert!(csv.contains("4620.50"), "{csv}");
}

async fn milestones_and_documents(backend: Backend) {
    let w = with_member(backend).await;
    let board = w.board().await;
    let id = w
        .app
        .create_investment(
            &board,
            w.space,
            InvestmentForm {
                title: "Kawiarenka naprawcza".into(),
                summary: "Narzędzia i lokal".into(),
                goal: "30000".into(),
                milestones: "Lokal\nNarzędzia".into(),
                ..InvestmentForm::default()
            },
        )
        .await
        .unwrap();
    let view = w.app.investment_view(&board, w.space, id).await.unwrap();
    let first = view.milestones[0].id;
    assert!(matches!(
        w.app
            .complete_milestone(&w.resident(0).await, w.space, id, first, "")
            .await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(
        coop_err(
            w.app
                .complete_milestone(&board, w.space, id, first, "2031-01-01")
                .await
        ),
        CoopError::BadDate
    );
    assert!(matches!(
        w.app
            .complete_milestone(&board, w.space, id, first + 100, "")
            .await,
        Err(AppError::NotFound)
    ));
    w.app
        .complete_milestone(&board, w.space, id, first, "2026-05-01")
        .await
        .unwrap();
    assert_eq!(
        coop_err(
            w.app
                .complete_milestone(&board, w.space, id, first, "")
                .await
        ),
        CoopError::MilestoneReached
    );
    let view = w
        .app
        .investment_view(&Subject::default(), w.space, id)
        .await
        .unwrap();
    assert_eq!(view.milestones[0].done_on.as_deref(), Some("2026-05-01"));
    assert_eq!(view.milestones[1].done_on, None);

    // Documents: the type from the bytes, never from the name.
    let files_before = w.rows("files").await;
    let fake = Upload {
        name: "umowa.pdf".into(),
        bytes: b"<html>not a pdf</html>".to_vec(),
    };
    assert!(matches!(
        w.app
            .add_investment_document(&board, w.space, id, "Umowa", fake)
            .await,
        Err(AppError::Invalid(DomainError::FileType { field: "file" }))
    ));
    let pdf = Upload {
        name: "umowa.pdf".into(),
        bytes: b"%PDF-1.7\n%umowa najmu lokalu\n".to_vec(),
    };
    assert!(matches!(
        w.app
            .add_investment_document(&w.resident(0).await, w.space, id, "Umowa", pdf.clone())
            .await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        w.app
            .add_investment_document(&board, w.space, id, " ", pdf.clone())
            .await,
        Err(AppError::Invalid(DomainError::Required { field: "title" }))
    ));
    assert_eq!(w.rows("files").await, files_before, "nothing written");
    let doc = w
        .app
        .add_investment_document(&board, w.space, id, "Umowa najmu lokalu", pdf.clone())
        .await
        .unwrap();
    let view = w
        .app
        .investment_view(&Subject::default(), w.space, id)
        .await
        .unwrap();
    assert_eq!(view.documents.len(), 1);
    assert_eq!(view.documents[0].title, "Umowa najmu lokalu");
    assert_eq!(view.documents[0].content_type, "application/pdf");
    let (_, bytes) = w.app.investment_document(w.space, id, doc).await.unwrap();
    assert_eq!(bytes, pdf.bytes);
    assert!(matches!(
        w.app.investment_document(w.space, id + 1, doc).await,
        Err(AppError::NotFound)
    ));
}

async fn pledges_for_an_organisation(backend: Backend) {
    let w = with_member(backend).await;
    let board = w.board().await;
    let id = w
        .app
        .create_investment(
            &board,
            w.space,
            InvestmentForm {
                title: "Termomodernizacja".into(),
                summary: "Ocieplenie budynku".into(),
                goal: "100000".into(),
                ..InvestmentForm::default()
            },
        )
        .await
        .unwrap();
    let rep = w.resident(1).await;
    let org = w
        .app
        .create_org(
            &rep,
            wspolnota_app::orgs::NewOrgForm {
                name: "Fundacja Hałdy".into(),
                kind: "ngo".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let form = PledgeForm {
        amount: "5000".into(),
        on_behalf_of: Some(org),
        ..PledgeForm::default()
    };
    // Someone who does not represent it may not pledge in its name.
    assert!(matches!(
        w.app
            .pledge(&w.resident(0).await, w.space, id, form.clone())
            .await,
        Err(AppError::Forbidden)
    ));
    assert!(
        w.app
            .investment_view(&board, w.space, id)
            .await
            .unwrap()
            .pledges
            .is_empty(),
        "nothing written"
    );
    let rep = w.resident(1).await;
    w.app.pledge(&rep, w.space, id, form).await.unwrap();
    let view = w
        .app
        .investment_view(&Subject::default(), w.space, id)
        .await
        .unwrap();
    assert_eq!(view.pledges.len(), 1);
    assert_eq!(view.pledges[0].pledger, "Fundacja Hałdy");
    assert_eq!(view.pledges[0].org_id, Some(org));
    assert_eq!(view.progress.pledged, Money(500_000));
}

async fn surplus_divided_by_use(backend: Backend) {
    use wspolnota_app::coop::StatementsForm;
    use wspolnota_domain::coop::settings::SurplusRule;
    let w = world(
        backend,
        CoopSettings {
            surplus_rule: SurplusRule::ByUse,
            ..CoopSettings::default()
        },
    )
    .await;
    let board = w.board().await;
    for i in 0..2 {
        let d = w.declare(i, "1").await.unwrap();
        w.app
            .decide_declaration(&board, w.space, d, Decision::Admit)
            .await
            .unwrap();
    }
    w.app
        .approve_statements(
            &board,
            w.space,
            StatementsForm {
                year: "2025".into(),
                approved_on: "2026-05-20".into(),
                surplus: "1000".into(),
                reserve_fund: "0".into(),
            },
        )
        .await
        .unwrap();
    // Without a record of use the rest stays for the assembly to decide.
    let p = w
        .app
        .surplus_proposal(&board, w.space)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.division.undivided, Money(100_000));
    let before = w.rows("audit_log").await;
    for bad in ["1; 300\n2; -1", "1; 300\n9; 100", "1 300", ""] {
        assert_eq!(
            coop_err(w.app.record_use(&board, w.space, "2025", bad).await),
            CoopError::BadUse,
            "{bad:?}"
        );
    }
    assert_eq!(
        coop_err(w.app.record_use(&board, w.space, "2031", "1; 1").await),
        CoopError::BadDate
    );
    assert!(matches!(
        w.app
            .record_use(&w.resident(0).await, w.space, "2025", "1; 1")
            .await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(w.rows("audit_log").await, before, "nothing written");
    // A first record, then a correction of member 1's use: the later one counts.
    w.app
        .record_use(&board, w.space, "2025", "1; 100\n2; 100")
        .await
        .unwrap();
    w.app
        .record_use(&board, w.space, "2025", "1; 300")
        .await
        .unwrap();
    let p = w
        .app
        .surplus_proposal(&board, w.space)
        .await
        .unwrap()
        .unwrap();
    // No obligatory shares paid in: nothing to the reserve; 1,000 zł by use 3:1.
    assert_eq!(p.division.to_reserve, Money(0));
    assert_eq!(p.division.undivided, Money(0));
    let parts: Vec<(i64, i64, i64)> = p
        .division
        .parts
        .iter()
        .map(|x| (x.member, x.amount.0, x.to_shares.0))
        .collect();
    // Each part first pays the member's unpaid share (100 zł).
    assert_eq!(parts, vec![(1, 75_000, 10_000), (2, 25_000, 10_000)]);
}

on_both_backends!(
    surplus_divided_by_use,
    contributions_are_entries_of_the_register,
    milestones_and_documents,
    pledges_for_an_organisation,
);
