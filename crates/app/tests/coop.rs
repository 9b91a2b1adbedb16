//! The development cooperative through its use cases, on both backends: declaring,
//! admitting, paying, leaving, refunds, appeals, the append-only register, and bad
//! input refused with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_app::coop::{DeclarationForm, EndForm, Purpose, StatementsForm};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::declaration::{Decision, DeclarationStatus};
use wspolnota_domain::coop::register::Standing;
use wspolnota_domain::coop::{CoopError, CoopSettings};
use wspolnota_domain::paging::Paging;
use wspolnota_domain::pb::Money;
use wspolnota_store::StoreError;
use wspolnota_testkit::{on_both_backends, Backend};

mod coop_world;
use coop_world::*;

async fn declare_admit_pay_and_reconcile(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let d = w.declare(0, "2").await.unwrap();
    let board = w.board().await;
    let status = w
        .app
        .decide_declaration(&board, w.space, d, Decision::Admit)
        .await
        .unwrap();
    assert_eq!(status, DeclarationStatus::Admitted);
    // The new member sees their own entry.
    let member = w.resident(0).await;
    assert!(member.space_member, "admitted means a member of the space");
    let view = w.app.member_view(&member, w.space, 1).await.unwrap();
    assert_eq!(view.row.member.number, 1);
    assert_eq!(view.row.balance.declared_shares, 2);
    assert_eq!(view.row.balance.declared, Money(20_000));
    assert_eq!(view.row.state.details.name, "Mieszkanka 0");
    assert!(
        view.row.state.founder,
        "admitted in the founding stage: a founder"
    );
    // Payments: the entry fee exactly, then shares up to what was declared.
    let before = w.written().await;
    assert_eq!(
        coop_err(
            w.app
                .record_payment(&board, w.space, 1, World::pay("40", Purpose::EntryFee))
                .await
        ),
        CoopError::EntryFeeMismatch
    );
    assert_eq!(
        coop_err(
            w.app
                .record_payment(&board, w.space, 1, World::pay("200,01", Purpose::Shares))
                .await
        ),
        CoopError::BeyondDeclared
    );
    assert_eq!(
        coop_err(
            w.app
                .record_payment(&board, w.space, 1, World::pay("12.345", Purpose::Shares))
                .await
        ),
        CoopError::TooPrecise
    );
    assert_eq!(
        coop_err(
            w.app
                .record_payment(&board, w.space, 1, World::pay("1e3", Purpose::Shares))
                .await
        ),
        CoopError::BadAmount
    );
    assert_eq!(
        coop_err(
            w.app
                .record_payment(&board, w.space, 1, World::pay("-5", Purpose::Shares))
                .await
        ),
        CoopError::AmountNotPositive
    );
    assert_eq!(w.written().await, before, "refused payments write nothing");
    w.app
        .record_payment(&board, w.space, 1, World::pay("50", Purpose::EntryFee))
        .await
        .unwrap();
    w.app
        .record_payment(&board, w.space, 1, World::pay("120,50", Purpose::Shares))
        .await
        .unwrap();
    // Over-payment accepted only as money to return.
    let mut over = World::pay("100", Purpose::Shares);
    over.record_excess = true;
    assert_eq!(
        w.app
            .record_payment(&board, w.space, 1, over)
            .await
            .unwrap()
            .len(),
        2
    );
    let view = w.app.member_view(&member, w.space, 1).await.unwrap();
    assert_eq!(view.row.balance.paid_in, Money(20_000));
    assert_eq!(view.row.balance.to_return, Money(2_050));
    assert_eq!(view.row.balance.entry_fee_paid, Money(5_000));
    // A second member, and the register as each role sees it.
    let d2 = w.declare(1, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d2, Decision::Admit)
        .await
        .unwrap();
    let page = w
        .app
        .register_page(&member, w.space, Paging::default())
        .await
        .unwrap();
    assert_eq!(page.total, 2);
    assert!(
        !page.addresses,
        "members do not see other persons' addresses by default"
    );
    assert!(
        w.app
            .register_page(&board, w.space, Paging::default())
            .await
            .unwrap()
            .addresses
    );
    let outsider = w.resident(2).await;
    assert!(matches!(
        w.app
            .register_page(&outsider, w.space, Paging::default())
            .await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        w.app.member_view(&outsider, w.space, 1).await,
        Err(AppError::Forbidden)
    ));
    let public = w.app.coop_public(w.space).await.unwrap();
    assert_eq!((public.natural_members, public.legal_members), (2, 0));
    let r = w.app.reconcile_register(&board, w.space).await.unwrap();
    assert_eq!(r.members, 2);
    assert_eq!(r.movements, 6);
    assert!(r.mismatches.is_empty(), "{r:?}");
    // The register exports as the reader may see it.
    let l = wspolnota_app::i18n::Locale::Pl;
    let csv = w.app.register_export_csv(&board, w.space, l).await.unwrap();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        csv.contains("Mieszkanka 0") && csv.contains("ul. Hutnicza 1"),
        "{csv}"
    );
    let members_csv = w
        .app
        .register_export_csv(&member, w.space, l)
        .await
        .unwrap();
    assert!(
        !members_csv.contains("ul. Hutnicza 1"),
        "members do not see addresses"
    );
    let pdf = w.app.register_export_pdf(&board, w.space, l).await.unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7"));
    assert!(
        pdf.windows(9).any(|w| w == b"FontFile2"),
        "the font is embedded"
    );
    assert!(matches!(
        w.app.register_export_pdf(&outsider, w.space, l).await,
        Err(AppError::Forbidden)
    ));
    // Voluntary shares: declared on paper, recorded by the board.
    assert_eq!(
        coop_err(w.app.declare_more_shares(&board, w.space, 1, "0").await),
        CoopError::SharesTooFew
    );
    assert_eq!(
        coop_err(w.app.declare_more_shares(&board, w.space, 1, "dwa").await),
        CoopError::BadShares
    );
    assert!(matches!(
        w.app.declare_more_shares(&member, w.space, 1, "1").await,
        Err(AppError::Forbidden)
    ));
    w.app
        .declare_more_shares(&board, w.space, 1, "1")
        .await
        .unwrap();
    assert_eq!(
        w.app
            .member_view(&board, w.space, 1)
            .await
            .unwrap()
            .row
            .balance
            .declared_shares,
        3
    );
    // Declaring again while a member is refused.
    assert_eq!(coop_err(w.declare(0, "1").await), CoopError::AlreadyMember);
}

async fn bad_declarations_write_nothing(backend: Backend) {
    let settings = CoopSettings {
        min_shares: 1,
        max_shares: Some(10),
        legal_persons_allowed: false,
        ..CoopSettings::default()
    };
    let w = world(backend, settings).await;
    let before = w.written().await;
    assert_eq!(coop_err(w.declare(0, "0").await), CoopError::SharesTooFew);
    assert_eq!(coop_err(w.declare(0, "-2").await), CoopError::SharesTooFew);
    assert_eq!(coop_err(w.declare(0, "11").await), CoopError::SharesTooMany);
    assert_eq!(coop_err(w.declare(0, "1.5").await), CoopError::BadShares);
    assert_eq!(
        coop_err(w.declare(0, "99999999999").await),
        CoopError::SharesTooMany
    );
    // An organisation through someone who does not represent it.
    let r = w.resident(0).await;
    let org = w
        .app
        .create_org(
            &w.resident(1).await,
            wspolnota_app::orgs::NewOrgForm {
                name: "Fundacja Hałdy".into(),
                kind: "ngo".into(),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let form = DeclarationForm {
        on_behalf_of: Some(org),
        address: "Dąbrowa".into(),
        shares: "1".into(),
        accept_statute: true,
        ..DeclarationForm::default()
    };
    assert!(matches!(
        w.app.declare_membership(&r, w.space, form.clone()).await,
        Err(AppError::Forbidden)
    ));
    // A legal person where the statute excludes them.
    let rep = w.resident(1).await;
    assert_eq!(
        coop_err(w.app.declare_membership(&rep, w.space, form).await),
        CoopError::LegalPersonsExcluded
    );
    let mut unaccepted = DeclarationForm {
        name: "A".into(),
        address: "B".into(),
        shares: "1".into(),
        ..DeclarationForm::default()
    };
    unaccepted.accept_statute = false;
    assert_eq!(
        coop_err(w.app.declare_membership(&r, w.space, unaccepted).await),
        CoopError::StatuteNotAccepted
    );
    let before_orgs = before;
    assert_eq!(w.written().await[..4], before_orgs[..4], "nothing written");
    // Two open declarations of one person are refused.
    w.declare(0, "1").await.unwrap();
    assert_eq!(
        coop_err(w.declare(0, "1").await),
        CoopError::DeclarationPending
    );
}

async fn refusal_appeal_and_late_decisions(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let d = w.declare(0, "1").await.unwrap();
    let refuse = |r: &str| Decision::Refuse { reasons: r.into() };
    assert_eq!(
        coop_err(
            w.app
                .decide_declaration(&board, w.space, d, refuse("  "))
                .await
        ),
        CoopError::ReasonsRequired
    );
    let outbox = w.rows("outbox").await;
    w.app
        .decide_declaration(
            &board,
            w.space,
            d,
            refuse("Brak wkładu w cele spółdzielni."),
        )
        .await
        .unwrap();
    assert_eq!(
        w.rows("outbox").await,
        outbox + 1,
        "the refusal is sent to the applicant"
    );
    assert_eq!(
        coop_err(
            w.app
                .decide_declaration(&board, w.space, d, Decision::Admit)
                .await
        ),
        CoopError::NotPending
    );
    // Only the applicant appeals; the supervisory board (the statute's default) decides.
    let other = w.resident(1).await;
    assert!(matches!(
        w.app.appeal_refusal(&other, w.space, d, "Proszę").await,
        Err(AppError::Forbidden)
    ));
    let applicant = w.resident(0).await;
    w.app
        .appeal_refusal(&applicant, w.space, d, "Wnoszę o ponowne rozpatrzenie.")
        .await
        .unwrap();
    assert!(matches!(
        w.app
            .decide_membership_appeal(&board, w.space, d, true, "x")
            .await,
        Err(AppError::Forbidden)
    ));
    let sup = w.as_user("rada@example.pl").await;
    let s = w
        .app
        .decide_membership_appeal(&sup, w.space, d, true, "Rada uwzględnia odwołanie.")
        .await
        .unwrap();
    assert_eq!(s, DeclarationStatus::AdmittedOnAppeal);
    assert!(w.resident(0).await.space_member);
    // An appeal after the deadline is refused.
    let d2 = w.declare(1, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d2, refuse("Powód"))
        .await
        .unwrap();
    w.clock.advance(15 * DAY);
    assert_eq!(
        coop_err(w.app.appeal_refusal(&other, w.space, d2, "Za późno").await),
        CoopError::AppealTooLate
    );
    // A decision after the board's deadline is taken and flagged.
    let d3 = w.declare(2, "1").await.unwrap();
    w.clock.advance(31 * DAY);
    let overview = w.app.coop_overview(&board, w.space).await.unwrap();
    assert_eq!((overview.pending, overview.overdue), (1, 1));
    w.app
        .decide_declaration(&board, w.space, d3, Decision::Admit)
        .await
        .unwrap();
    let decided = w.app.declaration(&board, w.space, d3).await.unwrap();
    assert!(decided.late);
}

async fn leaving_and_refunds(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let d = w.declare(0, "3").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d, Decision::Admit)
        .await
        .unwrap();
    w.app
        .record_payment(&board, w.space, 1, World::pay("300", Purpose::Shares))
        .await
        .unwrap();
    let member = w.resident(0).await;
    // 2026-05-28 + 3 months = 2026-08-28; membership ends the day after.
    let ends = w.app.give_notice(&member, w.space, 1, "").await.unwrap();
    assert_eq!(wspolnota_domain::date::format(ends), "2026-08-29");
    assert_eq!(
        coop_err(w.app.give_notice(&member, w.space, 1, "").await),
        CoopError::AlreadyLeaving
    );
    // Before the statements of 2026 are approved no refund is due.
    let refund = World::pay("300", Purpose::Shares);
    assert_eq!(
        coop_err(w.app.pay_refund(&board, w.space, 1, refund.clone()).await),
        CoopError::StatementsNotApproved
    );
    w.clock.advance(120 * DAY);
    let view = w.app.member_view(&board, w.space, 1).await.unwrap();
    assert_eq!(view.row.standing, Standing::Ended);
    // Statements of 2026 approved in 2027: the refund falls due.
    w.clock.advance(370 * DAY);
    let due = w
        .app
        .approve_statements(
            &board,
            w.space,
            StatementsForm {
                year: "2026".into(),
                approved_on: "2027-06-01".into(),
                surplus: "1000".into(),
                reserve_fund: "50".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(due, 1);
    assert_eq!(
        coop_err(
            w.app
                .pay_refund(&board, w.space, 1, World::pay("300,01", Purpose::Shares))
                .await
        ),
        CoopError::RefundExceedsDue
    );
    w.app.pay_refund(&board, w.space, 1, refund).await.unwrap();
    let view = w.app.member_view(&board, w.space, 1).await.unwrap();
    assert_eq!(view.row.balance.refunded, Money(30_000));
    assert_eq!(view.row.balance.refund_outstanding, Money::ZERO);
    assert!(w
        .app
        .reconcile_register(&board, w.space)
        .await
        .unwrap()
        .mismatches
        .is_empty());
    // Exclusion needs a resolution with reasons; ending twice is refused.
    let d2 = w.declare(1, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d2, Decision::Admit)
        .await
        .unwrap();
    let bare = EndForm {
        reason: "exclusion".into(),
        ..EndForm::default()
    };
    assert_eq!(
        coop_err(w.app.end_membership(&board, w.space, 2, bare).await),
        CoopError::ExclusionNeedsResolution
    );
    let ok = EndForm {
        reason: "exclusion".into(),
        resolution: "Uchwała Zarządu 3/2027".into(),
        reasons: "Uporczywe nieopłacanie udziałów".into(),
        ..EndForm::default()
    };
    let outbox = w.rows("outbox").await;
    w.app
        .end_membership(&board, w.space, 2, ok.clone())
        .await
        .unwrap();
    assert_eq!(
        w.rows("outbox").await,
        outbox + 1,
        "the excluded member is told, with the reasons"
    );
    assert_eq!(
        coop_err(w.app.end_membership(&board, w.space, 2, ok).await),
        CoopError::AlreadyEnded
    );
}

async fn the_register_is_append_only(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let d = w.declare(0, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d, Decision::Admit)
        .await
        .unwrap();
    for sql in [
        "UPDATE coop_register SET body = '{}'",
        "DELETE FROM coop_register",
        "UPDATE coop_ledger SET amount = 1",
        "DELETE FROM coop_ledger",
    ] {
        let r = w.db.store.execute_raw(sql).await;
        assert!(matches!(r, Err(StoreError::AppendOnly(_))), "{sql}: {r:?}");
    }
    // A correction is a new entry; the corrected one stays.
    let view = w.app.member_view(&board, w.space, 1).await.unwrap();
    let details = view
        .entries
        .iter()
        .find(|e| e.entry == "details")
        .unwrap()
        .id;
    let entries = view.entries.len();
    let fixed = wspolnota_domain::coop::register::Details {
        name: "Mieszkanka Zero".into(),
        address: "ul. Hutnicza 2".into(),
        krs: None,
    };
    w.app
        .correct_details(&board, w.space, 1, details, fixed, "Błąd w nazwisku")
        .await
        .unwrap();
    let view = w.app.member_view(&board, w.space, 1).await.unwrap();
    assert_eq!(view.entries.len(), entries + 1);
    assert_eq!(view.row.state.details.name, "Mieszkanka Zero");
    let _ = &w.admin;
    let _ = &w.residents;
}

async fn founding_and_opening(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let public = w.app.coop_public(w.space).await.unwrap();
    assert_eq!(
        public.founders_missing,
        Some(wspolnota_domain::coop::founding::FoundersMissing::LegalOrAny { legal: 3, any: 10 })
    );
    assert_eq!(
        coop_err(
            w.app
                .open_cooperative(&w.admin, w.space, "0000123456", "2026-05-20")
                .await
        ),
        CoopError::TooFewFounders
    );
    assert!(matches!(
        w.app
            .open_cooperative(&w.board().await, w.space, "0000123456", "2026-05-20")
            .await,
        Err(AppError::Forbidden)
    ));
}

async fn investments_become_assets(backend: Backend) {
    use wspolnota_app::coop::{AssetForm, InvestmentForm, PledgeForm};
    use wspolnota_domain::coop::invest::InvestmentStatus;
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let d = w.declare(0, "1").await.unwrap();
    w.app
        .decide_declaration(&board, w.space, d, Decision::Admit)
        .await
        .unwrap();
    let form = InvestmentForm {
        title: "Fotowoltaika 50 kWp na dachu SP nr 5".into(),
        summary: "Panele na dachu szkoły".into(),
        goal: "250000".into(),
        milestones: "Projekt\nMontaż\nOdbiór".into(),
        ..InvestmentForm::default()
    };
    assert!(matches!(
        w.app
            .create_investment(&w.resident(1).await, w.space, form.clone())
            .await,
        Err(AppError::Forbidden)
    ));
    let id = w
        .app
        .create_investment(&board, w.space, form)
        .await
        .unwrap();
    let gmina = w
        .app
        .pledge(
            &board,
            w.space,
            id,
            PledgeForm {
                amount: "240000".into(),
                partner: "Gmina Dąbrowa Górnicza".into(),
                ..PledgeForm::default()
            },
        )
        .await
        .unwrap();
    let member = w.resident(0).await;
    let own = w
        .app
        .pledge(
            &member,
            w.space,
            id,
            PledgeForm {
                amount: "10000".into(),
                ..PledgeForm::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        coop_err(
            w.app
                .pledge(
                    &member,
                    w.space,
                    id,
                    PledgeForm {
                        amount: "0,001".into(),
                        ..PledgeForm::default()
                    }
                )
                .await
        ),
        CoopError::TooPrecise
    );
    assert_eq!(
        coop_err(
            w.app
                .pay_pledge(&board, w.space, gmina, "240000,01", "", "")
                .await
        ),
        CoopError::PledgeExceeded
    );
    w.app
        .pay_pledge(&board, w.space, gmina, "240000", "", "uchwała RM")
        .await
        .unwrap();
    let public = w
        .app
        .investment_view(&Subject::default(), w.space, id)
        .await
        .unwrap();
    assert_eq!(public.progress.percent_paid(), 96);
    assert_eq!(public.progress.percent_pledged(), 100);
    assert_eq!(public.milestones.len(), 3);
    assert!(public
        .pledges
        .iter()
        .any(|p| p.pledger == "Gmina Dąbrowa Górnicza"));
    assert!(
        public.pledges.iter().any(|p| p.pledger.is_empty()),
        "persons' names are for members only"
    );
    w.app
        .pay_pledge(&board, w.space, own, "10000", "", "")
        .await
        .unwrap();
    assert_eq!(
        w.app
            .investment_view(&board, w.space, id)
            .await
            .unwrap()
            .status,
        InvestmentStatus::Funded
    );
    let asset = AssetForm {
        name: "Instalacja PV 50 kWp".into(),
        kind: "installation".into(),
        location: "SP nr 5, ul. Szkolna 1".into(),
        acquired_on: "2026-05-20".into(),
        value: "250000".into(),
        ..AssetForm::default()
    };
    let a = w
        .app
        .add_asset(&board, w.space, Some(id), asset.clone())
        .await
        .unwrap();
    assert_eq!(
        coop_err(w.app.add_asset(&board, w.space, Some(id), asset).await),
        CoopError::WrongStage
    );
    w.app
        .value_asset(&board, w.space, a, "2026-05-27", "240000", "amortyzacja")
        .await
        .unwrap();
    let assets = w.app.assets(w.space).await.unwrap();
    assert_eq!(assets[0].value, 24_000_000);
    assert_eq!(
        w.app
            .investment_view(&board, w.space, id)
            .await
            .unwrap()
            .status,
        InvestmentStatus::Completed
    );
    assert_eq!(
        coop_err(
            w.app
                .pledge(
                    &member,
                    w.space,
                    id,
                    PledgeForm {
                        amount: "5".into(),
                        ..PledgeForm::default()
                    }
                )
                .await
        ),
        CoopError::WrongStage
    );
}

async fn surplus_proposal_and_report(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    // Two members: 3 shares paid in full, 1 share unpaid.
    for (i, shares) in [(0, "3"), (1, "1")] {
        let d = w.declare(i, shares).await.unwrap();
        w.app
            .decide_declaration(&board, w.space, d, Decision::Admit)
            .await
            .unwrap();
    }
    w.app
        .record_payment(&board, w.space, 1, World::pay("300", Purpose::Shares))
        .await
        .unwrap();
    w.app
        .record_payment(&board, w.space, 1, World::pay("50", Purpose::EntryFee))
        .await
        .unwrap();
    assert!(w
        .app
        .surplus_proposal(&board, w.space)
        .await
        .unwrap()
        .is_none());
    // Statements of 2025 approved: 1,000 zł surplus, an empty reserve fund.
    let form = StatementsForm {
        year: "2025".into(),
        approved_on: "2026-05-20".into(),
        surplus: "1000".into(),
        reserve_fund: "0".into(),
    };
    w.app
        .approve_statements(&board, w.space, form.clone())
        .await
        .unwrap();
    assert_eq!(
        coop_err(w.app.approve_statements(&board, w.space, form).await),
        CoopError::StatementsRecorded
    );
    let p = w
        .app
        .surplus_proposal(&board, w.space)
        .await
        .unwrap()
        .unwrap();
    // Obligatory shares paid in: 100 zł (member 1; member 2 paid nothing). 5% of 1,000
    // zł is 50 zł, which is below the 100 zł gap: 50 zł to the reserve.
    assert_eq!(p.paid_in_obligatory, Money(10_000));
    assert_eq!(p.division.to_reserve, Money(5_000));
    // The rest by paid-in shares: all 950 zł to member 1 (member 2 has paid nothing).
    assert_eq!(
        p.division
            .parts
            .iter()
            .map(|x| (x.member, x.amount.0))
            .collect::<Vec<_>>(),
        vec![(1, 95_000), (2, 0)]
    );
    assert!(matches!(
        w.app.surplus_proposal(&w.resident(2).await, w.space).await,
        Err(AppError::Forbidden)
    ));
    // The report: capital after the day, and members by kind.
    let report = w.app.coop_report(&board, w.space).await.unwrap();
    let last = report.capital.last().unwrap();
    assert_eq!(
        (last.declared, last.paid_in, last.reserve),
        (Money(40_000), Money(30_000), Money(5_000))
    );
    assert_eq!(
        report.members.last().map(|m| (m.natural, m.legal)),
        Some((2, 0))
    );
    // A cooperative is not joined by signing its statute.
    let r = w.resident(2).await;
    assert!(matches!(
        w.app.sign(&r, w.space, None).await,
        Err(AppError::Space(
            wspolnota_app::spaces::SpaceError::JoinByDeclaration
        ))
    ));
}

async fn founded_from_a_model_statute(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let choice =
        wspolnota_app::coop::FoundingChoice::from_form("energy", "250,00", "20", "2").unwrap();
    assert_eq!(choice.settings.share_value, Money(25_000));
    let form = NewSpaceForm {
        name: "Spółdzielnia Energetyczna Kleczew".into(),
        kind: "development_cooperative".into(),
        city: "Kleczew".into(),
        cooperative: choice,
        ..NewSpaceForm::default()
    };
    let space = w.app.create_space(&w.admin, form).await.unwrap();
    let docs = w.app.documents(space).await.unwrap();
    assert_eq!(docs[0].title, "Statut Spółdzielni Energetycznej");
    assert!(docs[0].body_md.contains("250 zł") && !docs[0].body_md.contains("{{"));
    let coop = w.app.cooperative(space).await.unwrap();
    assert_eq!(
        (coop.model.as_str(), coop.settings.min_shares),
        ("energy", 2)
    );
    // Settings change only with a new statute version; declarations keep the version
    // they accepted.
    let mut f = wspolnota_app::coop::SettingsForm::of(&coop.settings);
    f.share_value = "300".into();
    let settings = f.read(&coop.settings).unwrap();
    assert!(matches!(
        w.app
            .change_statute(
                &w.resident(0).await,
                space,
                "Statut",
                "Tekst",
                settings.clone()
            )
            .await,
        Err(AppError::Forbidden)
    ));
    let docs_before = w.app.documents(space).await.unwrap().len();
    let bad = CoopSettings {
        reserve_percent: 3,
        ..settings.clone()
    };
    assert_eq!(
        coop_err(
            w.app
                .change_statute(&w.admin, space, "Statut", "Tekst", bad)
                .await
        ),
        CoopError::BadSettings
    );
    assert_eq!(
        w.app.documents(space).await.unwrap().len(),
        docs_before,
        "nothing written"
    );
    let version = w
        .app
        .change_statute(
            &w.admin,
            space,
            "Statut Spółdzielni Energetycznej",
            "Nowy tekst",
            settings,
        )
        .await
        .unwrap();
    let after = w.app.cooperative(space).await.unwrap();
    assert_eq!(
        (after.statute_version, after.settings.share_value),
        (version, Money(30_000))
    );
    // The general assembly's rules: a statute may ask for more than the law, never less.
    let mut g = wspolnota_app::coop::SettingsForm::of(&after.settings);
    assert_eq!(
        (g.quorum.as_str(), g.majority_liquidation.as_str()),
        ("1/2", "3/4")
    );
    g.quorum = "1/3".into();
    g.majority_statute_change = "3/4".into();
    g.abstentions_count = true;
    let read = g.read(&after.settings).unwrap();
    assert_eq!(
        (
            read.quorum,
            read.majority_statute_change,
            read.abstentions_count
        ),
        (
            wspolnota_domain::coop::settings::Fraction::new(1, 3),
            wspolnota_domain::coop::settings::Fraction::new(3, 4),
            true
        )
    );
    for (field, value) in [
        ("quorum", "3/2"),
        ("quorum", "pół"),
        ("liquidation", "2/3"),
        ("merger", "1/2"),
        ("statute", "0/3"),
    ] {
        let mut h = g.clone();
        match field {
            "quorum" => h.quorum = value.into(),
            "liquidation" => h.majority_liquidation = value.into(),
            "merger" => h.majority_merger = value.into(),
            _ => h.majority_statute_change = value.into(),
        }
        assert!(
            matches!(
                h.read(&after.settings),
                Err(AppError::Coop(CoopError::BadSettings))
            ),
            "{field} {value}"
        );
    }
    f.reserve_percent = "4".into();
    assert!(f.read(&after.settings).is_err());
    f.reserve_percent = "5".into();
    f.appeal_body = "sąd".into();
    assert!(f.read(&after.settings).is_err());
    for bad in [
        ("nie-ma", "", "", ""),
        ("", "0", "", ""),
        ("", "1,005", "", ""),
        ("", "", "", "0"),
    ] {
        assert!(
            wspolnota_app::coop::FoundingChoice::from_form(bad.0, bad.1, bad.2, bad.3).is_err(),
            "{bad:?}"
        );
    }
}

async fn paper_declarations_carry_their_scan(backend: Backend) {
    use wspolnota_app::coop::PaperDeclarationForm;
    use wspolnota_app::files::Upload;
    let w = world(backend, CoopSettings::default()).await;
    let board = w.board().await;
    let scan = |bytes: &[u8]| {
        Some(Upload {
            name: "skan.pdf".into(),
            bytes: bytes.to_vec(),
        })
    };
    let form = PaperDeclarationForm {
        kind: "natural".into(),
        name: "Jan Papier".into(),
        address: "ul. Polna 1, Konin".into(),
        shares: "2".into(),
        submitted_on: "2026-05-20".into(),
        scan: scan(b"%PDF-1.4 skan"),
        ..PaperDeclarationForm::default()
    };
    let before = w.written().await;
    for (bad, code) in [
        (
            PaperDeclarationForm {
                scan: None,
                ..form.clone()
            },
            CoopError::BadScan,
        ),
        (
            PaperDeclarationForm {
                scan: scan(b"to nie jest skan"),
                ..form.clone()
            },
            CoopError::BadScan,
        ),
        (
            PaperDeclarationForm {
                submitted_on: "2026-06-30".into(),
                ..form.clone()
            },
            CoopError::BadDate,
        ),
        (
            PaperDeclarationForm {
                shares: "0".into(),
                ..form.clone()
            },
            CoopError::SharesTooFew,
        ),
    ] {
        assert_eq!(
            coop_err(w.app.enter_paper_declaration(&board, w.space, bad).await),
            code
        );
    }
    assert_eq!(w.written().await, before, "nothing written");
    assert!(matches!(
        w.app
            .enter_paper_declaration(&w.resident(0).await, w.space, form.clone())
            .await,
        Err(AppError::Forbidden)
    ));
    let id = w
        .app
        .enter_paper_declaration(&board, w.space, form)
        .await
        .unwrap();
    let d = w.app.declaration(&board, w.space, id).await.unwrap();
    assert_eq!(
        (d.channel.as_str(), d.submitted_on.as_str()),
        ("paper", "2026-05-20")
    );
    let (kind, bytes) = w.app.declaration_scan(&board, w.space, id).await.unwrap();
    assert_eq!(
        (kind.as_str(), bytes.as_slice()),
        ("application/pdf", &b"%PDF-1.4 skan"[..])
    );
}

on_both_backends!(
    paper_declarations_carry_their_scan,
    founded_from_a_model_statute,
    surplus_proposal_and_report,
    investments_become_assets,
    declare_admit_pay_and_reconcile,
    bad_declarations_write_nothing,
    refusal_appeal_and_late_decisions,
    leaving_and_refunds,
    the_register_is_append_only,
    founding_and_opening,
);
