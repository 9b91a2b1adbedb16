//! Bodies of a space and their seats, and convening a general assembly, on both
//! backends: a cooperative's supervisory board (members only), board and working group,
//! seats ending into history, a seat on the board giving its role; an assembly on a
//! members' demand with its six weeks, the agenda the notice locks, the notice by e-mail
//! and by printed letter; the law's refusals with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_app::assembly::{
    AgendaForm, BallotForm, BodyForm, CheckInForm, ConveneForm, SeatEndForm, SeatForm,
};
use wspolnota_app::coop::PaperDeclarationForm;
use wspolnota_app::i18n::Locale;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action, SpaceRole, Subject};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_domain::coop::CoopSettings;
use wspolnota_domain::error::DomainError;
use wspolnota_domain::module::Module;
use wspolnota_domain::vote::MotionOutcome;
use wspolnota_store::StoreError;
use wspolnota_testkit::{on_both_backends, Backend};

mod coop_world;
use coop_world::*;

#[path = "../../pdf/tests/support/mod.rs"]
mod support;

fn body(kind: &str, name: &str) -> BodyForm {
    BodyForm {
        kind: kind.into(),
        name: name.into(),
        purpose: String::new(),
    }
}

fn seat(email: &str, position: &str, from: &str, until: &str) -> SeatForm {
    SeatForm {
        email: email.into(),
        position: position.into(),
        from: from.into(),
        until: until.into(),
    }
}

fn refusal(r: Result<impl std::fmt::Debug, AppError>) -> AssemblyError {
    match r {
        Err(AppError::Assembly(e)) => e,
        other => panic!("expected a refusal of the assemblies module, got {other:?}"),
    }
}

impl World {
    async fn seats_written(&self) -> [i64; 3] {
        [
            self.rows("assembly_bodies").await,
            self.rows("assembly_seats").await,
            self.rows("audit_log").await,
        ]
    }

    async fn admit(&self, i: usize) {
        let d = self.declare(i, "1").await.unwrap();
        self.app
            .decide_declaration(&self.board().await, self.space, d, Decision::Admit)
            .await
            .unwrap();
    }
}

async fn bodies_and_their_seats(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let admin = w.admin.clone();
    let (app, space) = (&w.app, w.space);
    let rada = app
        .create_body(&admin, space, body("supervisory_board", "Rada Nadzorcza"))
        .await
        .unwrap();
    let zarzad = app
        .create_body(&admin, space, body("board", "Zarząd"))
        .await
        .unwrap();
    app.create_body(
        &admin,
        space,
        body("general_assembly", "Walne Zgromadzenie"),
    )
    .await
    .unwrap();
    let before = w.seats_written().await;
    assert_eq!(
        refusal(
            app.create_body(&admin, space, body("general_assembly", "Drugie walne"))
                .await
        ),
        AssemblyError::GeneralAssemblyExists
    );
    assert_eq!(
        refusal(
            app.create_body(&admin, space, body("board", "Zarząd"))
                .await
        ),
        AssemblyError::BodyNameTaken
    );
    assert_eq!(
        refusal(
            app.create_body(&admin, space, body("coordinating_team", "Zespół"))
                .await
        ),
        AssemblyError::BodyNotForSpace
    );
    assert!(matches!(
        app.create_body(&admin, space, body("senate", "Senat"))
            .await,
        Err(AppError::Invalid(DomainError::UnknownKind))
    ));
    assert!(matches!(
        app.create_body(&admin, space, body("board", "  ")).await,
        Err(AppError::Invalid(DomainError::Required { field: "name" }))
    ));
    // The supervisory board is elected from the members: resident 0 is not one yet.
    let m0 = "mieszkanka0@example.pl";
    assert_eq!(
        refusal(
            app.add_seat(&admin, space, rada, seat(m0, "chair", "", ""))
                .await
        ),
        AssemblyError::NotEntitled
    );
    assert_eq!(
        refusal(
            app.add_seat(
                &admin,
                space,
                rada,
                seat("nikt@example.pl", "member", "", "")
            )
            .await
        ),
        AssemblyError::PersonUnknown
    );
    assert_eq!(w.seats_written().await, before, "nothing written");
    w.admit(0).await;
    w.admit(1).await;
    let before = w.seats_written().await;
    for (form, expected) in [
        (seat(m0, "chair", "2026-13-01", ""), AssemblyError::BadDate),
        (
            seat(m0, "chair", "2026-06-01", "2026-05-01"),
            AssemblyError::TermOrder,
        ),
    ] {
        assert_eq!(
            refusal(app.add_seat(&admin, space, rada, form).await),
            expected
        );
    }
    assert!(matches!(
        app.add_seat(&admin, space, rada, seat(m0, "king", "", ""))
            .await,
        Err(AppError::Invalid(DomainError::UnknownKind))
    ));
    assert_eq!(w.seats_written().await[1], before[1]);
    let chair = app
        .add_seat(
            &admin,
            space,
            rada,
            seat(m0, "chair", "2026-05-01", "2029-06-30"),
        )
        .await
        .unwrap();
    // A second chair, the same person twice, and the chair on the board too.
    let m1 = "mieszkanka1@example.pl";
    assert_eq!(
        refusal(
            app.add_seat(&admin, space, rada, seat(m1, "chair", "", ""))
                .await
        ),
        AssemblyError::ChairTaken
    );
    assert_eq!(
        refusal(
            app.add_seat(&admin, space, rada, seat(m0, "member", "", ""))
                .await
        ),
        AssemblyError::SeatOverlaps
    );
    assert_eq!(
        refusal(
            app.add_seat(&admin, space, zarzad, seat(m0, "member", "", ""))
                .await
        ),
        AssemblyError::SeatOverlaps
    );
    app.add_seat(&admin, space, rada, seat(m1, "secretary", "", ""))
        .await
        .unwrap();
    // Someone from outside the cooperative may sit on the board.
    person(&w.db, app, "prezes@example.pl", false).await;
    app.add_seat(
        &admin,
        space,
        zarzad,
        seat("prezes@example.pl", "chair", "", ""),
    )
    .await
    .unwrap();

    let views = app.bodies(space).await.unwrap();
    let rada_view = views.iter().find(|v| v.body.id == rada).unwrap();
    let names: Vec<&str> = rada_view.current.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, vec![m0, m1]);
    assert!(rada_view.history.is_empty());
    assert_eq!(views.len(), 3);

    // Ending a seat: not before its term, with a reason, once.
    let end = |on: &str, reason: &str| SeatEndForm {
        on: on.into(),
        reason: reason.into(),
    };
    assert_eq!(
        refusal(
            app.end_seat(&admin, space, chair, end("2026-04-30", "rezygnacja"))
                .await
        ),
        AssemblyError::EndBeforeStart
    );
    assert!(matches!(
        app.end_seat(&admin, space, chair, end("", " ")).await,
        Err(AppError::Invalid(DomainError::Required { field: "reason" }))
    ));
    app.end_seat(&admin, space, chair, end("2026-05-27", "rezygnacja"))
        .await
        .unwrap();
    assert_eq!(
        refusal(app.end_seat(&admin, space, chair, end("", "znowu")).await),
        AssemblyError::SeatEnded
    );
    let views = app.bodies(space).await.unwrap();
    let rada_view = views.iter().find(|v| v.body.id == rada).unwrap();
    assert_eq!(rada_view.current.len(), 1);
    assert_eq!(rada_view.history.len(), 1);
    assert_eq!(rada_view.history[0].ended_on.as_deref(), Some("2026-05-27"));
    assert_eq!(
        rada_view.history[0].end_reason.as_deref(),
        Some("rezygnacja")
    );
    // The chair is free again, though not for the secretary, who already sits there.
    assert_eq!(
        refusal(
            app.add_seat(&admin, space, rada, seat(m1, "chair", "2026-06-01", ""))
                .await
        ),
        AssemblyError::SeatOverlaps
    );
    // The database itself keeps seats: no change but their end, once, and no deletion.
    for sql in [
        "UPDATE assembly_seats SET position = 'member'",
        "UPDATE assembly_seats SET ended_on = '2026-05-28' WHERE ended_on IS NOT NULL",
        "UPDATE assembly_seats SET term_until = NULL",
        "DELETE FROM assembly_seats",
    ] {
        let r = w.db.store.execute_raw(sql).await;
        assert!(matches!(r, Err(StoreError::AppendOnly(_))), "{sql}: {r:?}");
    }
    let m2 = "mieszkanka2@example.pl";
    w.admit(2).await;
    app.add_seat(&admin, space, rada, seat(m2, "chair", "", ""))
        .await
        .unwrap();
}

async fn a_seat_on_the_board_gives_its_role(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    let zarzad = w
        .app
        .create_body(&w.admin, w.space, body("board", "Zarząd"))
        .await
        .unwrap();
    let decides = |s: &Subject| can(s, Action::Coop(CoopAction::DecideDeclarations));
    assert!(!decides(&w.resident(1).await));
    let s = w
        .app
        .add_seat(
            &w.admin,
            w.space,
            zarzad,
            seat("mieszkanka1@example.pl", "member", "", ""),
        )
        .await
        .unwrap();
    let now = w.resident(1).await;
    assert!(now.has(SpaceRole::Board) && decides(&now));
    // The board may record the bodies too; a member of nothing may not.
    w.app
        .create_body(&now, w.space, body("working_group", "Grupa energetyczna"))
        .await
        .unwrap();
    assert!(matches!(
        w.app
            .create_body(&w.resident(2).await, w.space, body("working_group", "Inna"))
            .await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        w.app
            .create_body(&Subject::visitor(), w.space, body("working_group", "Inna"))
            .await,
        Err(AppError::LoginRequired)
    ));
    // The seat ends today: the role lasts through the day and is gone the next.
    w.app
        .end_seat(
            &w.admin,
            w.space,
            s,
            SeatEndForm {
                on: String::new(),
                reason: "odwołanie przez radę".into(),
            },
        )
        .await
        .unwrap();
    assert!(decides(&w.resident(1).await));
    w.clock.advance(86_400);
    assert!(!decides(&w.resident(1).await));
}

async fn without_the_module_there_are_no_bodies(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    w.app
        .set_module(&w.admin, w.space, Module::Assemblies, false)
        .await
        .unwrap();
    assert!(matches!(
        w.app.bodies(w.space).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        w.app
            .create_body(&w.admin, w.space, body("board", "Zarząd"))
            .await,
        Err(AppError::NotFound)
    ));
    // Working groups alone bring the page back.
    w.app
        .set_module(&w.admin, w.space, Module::Groups, true)
        .await
        .unwrap();
    assert!(w.app.bodies(w.space).await.unwrap().is_empty());
}

fn convene(title: &str, held_on: &str) -> ConveneForm {
    ConveneForm {
        title: title.into(),
        convener: "board".into(),
        held_on: held_on.into(),
        starts_at: "17:00".into(),
        place: "Sala Rady Miejskiej, ul. Graniczna 21".into(),
        ..ConveneForm::default()
    }
}

fn item(title: &str, resolution: &str) -> AgendaForm {
    AgendaForm {
        title: title.into(),
        resolution: resolution.into(),
        description: String::new(),
    }
}

impl World {
    async fn meetings_written(&self) -> [i64; 4] {
        [
            self.rows("assembly_meetings").await,
            self.rows("assembly_agenda").await,
            self.rows("outbox").await,
            self.rows("audit_log").await,
        ]
    }
}

/// Today is 2026-05-28 on the test clock.
async fn an_assembly_on_demand_its_agenda_and_notice(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    for i in 0..3 {
        w.admit(i).await;
    }
    let board = w.board().await;
    let (app, space) = (&w.app, w.space);
    let before = w.meetings_written().await;
    let demand = |signatures: &str, on: &str| ConveneForm {
        convener: "members".into(),
        signatures: signatures.into(),
        demanded_on: on.into(),
        ..convene("Nadzwyczajne Walne Zgromadzenie", "2026-07-20")
    };
    for (form, expected) in [
        (convene("Walne", "2026-05-27"), AssemblyError::DateInPast),
        (convene("Walne", "2026-07-32"), AssemblyError::BadDate),
        (
            ConveneForm {
                starts_at: "25:00".into(),
                ..convene("Walne", "2026-07-20")
            },
            AssemblyError::BadTime,
        ),
        // Three members: a tenth is one, but the law asks for at least three.
        (demand("2", "2026-05-28"), AssemblyError::DemandTooFew),
        (demand("dwóch", "2026-05-28"), AssemblyError::DemandTooFew),
        (demand("3", ""), AssemblyError::DemandDateMissing),
        (demand("3", "2026-06-01"), AssemblyError::BadDate),
    ] {
        assert_eq!(
            refusal(app.convene_assembly(&board, space, form).await),
            expected
        );
    }
    assert!(matches!(
        app.convene_assembly(
            &board,
            space,
            ConveneForm {
                place: " ".into(),
                ..convene("Walne", "2026-07-20")
            }
        )
        .await,
        Err(AppError::Invalid(DomainError::Required { field: "place" }))
    ));
    // Only the board convenes: not a member, the supervisory board or a visitor.
    for who in [w.resident(0).await, w.as_user("rada@example.pl").await] {
        assert!(matches!(
            app.convene_assembly(&who, space, convene("Walne", "2026-07-20"))
                .await,
            Err(AppError::Forbidden)
        ));
    }
    assert!(matches!(
        app.convene_assembly(&Subject::visitor(), space, convene("Walne", "2026-07-20"))
            .await,
        Err(AppError::LoginRequired)
    ));
    assert_eq!(w.meetings_written().await, before, "nothing written");

    // On the demand of all three members: to be held by 9 July, set for 20 July.
    let id = app
        .convene_assembly(&board, space, demand("3", "2026-05-28"))
        .await
        .unwrap();
    let v = app.assembly(&board, space, id).await.unwrap();
    assert_eq!(v.demand_deadline.as_deref(), Some("2026-07-09"));
    assert!(v.late);
    assert_eq!(v.notice_by, "2026-07-06");
    assert_eq!(v.challenge_until, "2026-08-31");
    // The general assembly became a body of the space.
    assert!(app
        .bodies(space)
        .await
        .unwrap()
        .iter()
        .any(|b| b.body.kind == "general_assembly"));
    // A member sees it; a visitor does not.
    assert_eq!(
        app.assemblies(&w.resident(1).await, space)
            .await
            .unwrap()
            .len(),
        1
    );
    assert!(matches!(
        app.assemblies(&Subject::visitor(), space).await,
        Err(AppError::LoginRequired)
    ));

    // Documents for the members: checked by their bytes, for members only.
    let file = |bytes: &[u8]| wspolnota_app::files::Upload {
        name: "projekt-uchwaly.pdf".into(),
        bytes: bytes.to_vec(),
    };
    assert!(matches!(
        app.add_assembly_document(&board, space, id, "Projekt uchwały", file(b"MZ\x90\x00"))
            .await,
        Err(AppError::Invalid(DomainError::FileType { .. }))
    ));
    assert!(matches!(
        app.add_assembly_document(
            &w.resident(0).await,
            space,
            id,
            "Projekt",
            file(b"%PDF-1.4")
        )
        .await,
        Err(AppError::Forbidden)
    ));
    let doc = app
        .add_assembly_document(
            &board,
            space,
            id,
            "Projekt uchwały",
            file(b"%PDF-1.4\n%projekt\n"),
        )
        .await
        .unwrap();
    let (kind, bytes) = app
        .assembly_document(&w.resident(2).await, space, id, doc)
        .await
        .unwrap();
    assert_eq!(kind, "application/pdf");
    assert!(bytes.starts_with(b"%PDF-1.4"));
    assert!(matches!(
        app.assembly_document(&Subject::visitor(), space, id, doc)
            .await,
        Err(AppError::LoginRequired)
    ));
    // No notice without an agenda.
    assert_eq!(
        refusal(app.send_assembly_notice(&board, space, id).await),
        AssemblyError::AgendaEmpty
    );
    app.add_agenda_item(&board, space, id, item("Sprawozdanie zarządu", ""))
        .await
        .unwrap();
    app.add_agenda_item(
        &board,
        space,
        id,
        item("Zmiana § 12 statutu", "statute_change"),
    )
    .await
    .unwrap();
    assert!(matches!(
        app.add_agenda_item(&board, space, id, item("Coś", "acclamation"))
            .await,
        Err(AppError::Invalid(DomainError::UnknownKind))
    ));
    let outbox = w.rows("outbox").await;
    let sent = app.send_assembly_notice(&board, space, id).await.unwrap();
    assert_eq!((sent.emails, sent.letters), (3, 0));
    assert_eq!(w.rows("outbox").await, outbox + 3);
    let mail = app.recent_mail(1).await.unwrap().remove(0);
    assert!(
        mail.subject.contains("Zawiadomienie o walnym zgromadzeniu"),
        "{}",
        mail.subject
    );
    assert!(mail.body.contains("Zmiana § 12 statutu"), "{}", mail.body);
    assert!(mail.body.contains("2026-07-20"), "{}", mail.body);
    assert_eq!(
        refusal(app.send_assembly_notice(&board, space, id).await),
        AssemblyError::NoticeAlreadySent
    );
    // After the notice the agenda takes additions until 7 days before (13 July).
    app.add_agenda_item(&board, space, id, item("Wybór rady nadzorczej", "election"))
        .await
        .unwrap();
    let v = app.assembly(&board, space, id).await.unwrap();
    let flags: Vec<bool> = v.agenda.iter().map(|i| i.after_notice).collect();
    assert_eq!(flags, vec![false, false, true]);
    assert_eq!(
        v.agenda[1].resolution_kind.as_deref(),
        Some("statute_change")
    );
    w.clock.advance(47 * 86_400); // 14 July
    let before = w.meetings_written().await;
    assert_eq!(
        refusal(
            app.add_agenda_item(&board, space, id, item("Wolne wnioski", ""))
                .await
        ),
        AssemblyError::AgendaLocked
    );
    assert_eq!(w.meetings_written().await, before);
}

async fn notice_too_short_and_letters_on_paper(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    w.admit(0).await;
    let board = w.board().await;
    let (app, space) = (&w.app, w.space);
    // A member from a paper form, with no e-mail: the notice is a printed letter.
    let paper = app
        .enter_paper_declaration(
            &board,
            space,
            PaperDeclarationForm {
                kind: "natural".into(),
                name: "Zofia Papierowa".into(),
                address: "ul. Polna 1, 41-300 Dąbrowa Górnicza".into(),
                shares: "1".into(),
                submitted_on: "2026-05-20".into(),
                scan: Some(wspolnota_app::files::Upload {
                    name: "skan.pdf".into(),
                    bytes: b"%PDF-1.4\n%skan\n".to_vec(),
                }),
                ..PaperDeclarationForm::default()
            },
        )
        .await
        .unwrap();
    app.decide_declaration(&board, space, paper, Decision::Admit)
        .await
        .unwrap();
    // Ten days before: the statute's fourteen are not there.
    let soon = app
        .convene_assembly(&board, space, convene("Walne", "2026-06-07"))
        .await
        .unwrap();
    app.add_agenda_item(&board, space, soon, item("Sprawozdanie", ""))
        .await
        .unwrap();
    let before = w.meetings_written().await;
    assert_eq!(
        refusal(app.send_assembly_notice(&board, space, soon).await),
        AssemblyError::NoticeTooShort
    );
    assert_eq!(w.meetings_written().await, before);
    assert_eq!(
        refusal(
            app.assembly_notice_letters(&board, space, soon, Locale::Pl)
                .await
        ),
        AssemblyError::NoticeNotSent
    );
    // Exactly fourteen days before is enough.
    let id = app
        .convene_assembly(&board, space, convene("Zwyczajne Walne", "2026-06-11"))
        .await
        .unwrap();
    app.add_agenda_item(
        &board,
        space,
        id,
        item("Zatwierdzenie sprawozdania finansowego", "ordinary"),
    )
    .await
    .unwrap();
    let sent = app.send_assembly_notice(&board, space, id).await.unwrap();
    assert_eq!((sent.emails, sent.letters), (1, 1));
    let pdf = app
        .assembly_notice_letters(&board, space, id, Locale::Pl)
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pages = support::page_texts(&support::load(&pdf));
    assert_eq!(pages.len(), 1, "one member without e-mail, one letter");
    let text = pages[0].join(" ");
    assert!(text.contains("Zofia Papierowa"), "{text}");
    assert!(
        text.contains("Zatwierdzenie sprawozdania finansowego"),
        "{text}"
    );
    // The letters are the board's to print.
    assert!(matches!(
        app.assembly_notice_letters(&w.resident(0).await, space, id, Locale::Pl)
            .await,
        Err(AppError::Forbidden)
    ));
}

fn ballot(vote: i64, member: i64, choice: &str, remote: bool) -> BallotForm {
    BallotForm {
        vote,
        member,
        choice: choice.into(),
        remote,
    }
}

fn pdf(name: &str) -> Option<wspolnota_app::files::Upload> {
    Some(wspolnota_app::files::Upload {
        name: name.into(),
        bytes: b"%PDF-1.4\n% pelnomocnictwo\n".to_vec(),
    })
}

fn arrive(member: &str, presence: &str, proxy: &str) -> CheckInForm {
    CheckInForm {
        member: member.into(),
        presence: presence.into(),
        proxy_name: proxy.into(),
        proxy_email: String::new(),
        power_of_attorney: if proxy.is_empty() {
            None
        } else {
            pdf("pelnomocnictwo.pdf")
        },
    }
}

/// Five members; an assembly on 15 June, noticed on 28 May. Member 1 chairs, member 2
/// tells (and takes part remotely), member 3 comes through a proxy.
async fn an_assembly_in_session(backend: Backend) {
    let w = world(backend, CoopSettings::default()).await;
    for i in 3..5 {
        person(&w.db, &w.app, &format!("mieszkanka{i}@example.pl"), false).await;
    }
    for i in 0..5 {
        w.admit(i).await;
    }
    let board = w.board().await;
    let (app, space) = (&w.app, w.space);
    let id = app
        .convene_assembly(&board, space, convene("Walne", "2026-06-15"))
        .await
        .unwrap();
    let report = app
        .add_agenda_item(&board, space, id, item("Sprawozdanie zarządu", ""))
        .await
        .unwrap();
    let statute = app
        .add_agenda_item(
            &board,
            space,
            id,
            item("Zmiana § 8 statutu", "statute_change"),
        )
        .await
        .unwrap();
    let surplus = app
        .add_agenda_item(&board, space, id, item("Podział nadwyżki", "ordinary"))
        .await
        .unwrap();
    let election = app
        .add_agenda_item(&board, space, id, item("Wybory do rady", "election"))
        .await
        .unwrap();
    app.send_assembly_notice(&board, space, id).await.unwrap();
    let (chair_email, teller_email) = ("mieszkanka0@example.pl", "mieszkanka1@example.pl");
    assert!(app
        .name_assembly_officer(&board, space, id, chair_email, "chair")
        .await
        .unwrap());
    assert_eq!(
        refusal(
            app.name_assembly_officer(&board, space, id, teller_email, "president")
                .await
        ),
        AssemblyError::BadRole
    );
    assert!(matches!(
        app.name_assembly_officer(&w.resident(2).await, space, id, teller_email, "teller")
            .await,
        Err(AppError::Forbidden)
    ));
    let chair = w.resident(0).await;
    assert!(app
        .name_assembly_officer(&chair, space, id, teller_email, "teller")
        .await
        .unwrap());
    let teller = w.resident(1).await;
    assert_eq!(
        refusal(
            app.check_in(&teller, space, id, arrive("1", "in_person", ""))
                .await
        ),
        AssemblyError::BeforeTheDay
    );
    w.clock.advance(18 * 86_400); // 15 June
    app.check_in(&teller, space, id, arrive("1", "in_person", ""))
        .await
        .unwrap();
    app.check_in(&teller, space, id, arrive("2", "remote", ""))
        .await
        .unwrap();
    app.check_in(&teller, space, id, arrive("3", "proxy", "Jan Kowalski"))
        .await
        .unwrap();
    let before = w.rows("assembly_attendance").await;
    for (form, expected) in [
        (arrive("1", "remote", ""), AssemblyError::AlreadyPresent),
        // The same proxy, spelled differently, for a second member.
        (
            arrive("4", "proxy", "kowalski  JAN"),
            AssemblyError::ProxyForTwo,
        ),
        (
            CheckInForm {
                power_of_attorney: None,
                ..arrive("4", "proxy", "Ewa Nowak")
            },
            AssemblyError::PowerOfAttorneyMissing,
        ),
        (arrive("99", "in_person", ""), AssemblyError::NotEntitled),
    ] {
        assert_eq!(
            refusal(app.check_in(&teller, space, id, form).await),
            expected
        );
    }
    assert!(matches!(
        app.check_in(
            &w.resident(4).await,
            space,
            id,
            arrive("5", "in_person", "")
        )
        .await,
        Err(AppError::Forbidden)
    ));
    assert_eq!(
        w.rows("assembly_attendance").await,
        before,
        "nothing written"
    );
    // A board member may be a proxy here: the cooperative has at most ten members.
    app.check_in(
        &teller,
        space,
        id,
        CheckInForm {
            proxy_email: "zarzad@example.pl".into(),
            ..arrive("4", "proxy", "Zarząd Osoba")
        },
    )
    .await
    .unwrap();

    // Votes: only the chair opens them, only on a resolution, one at a time.
    assert_eq!(
        refusal(app.open_vote(&chair, space, id, report, "Przyjęcie").await),
        AssemblyError::NoResolutionOnItem
    );
    assert_eq!(
        refusal(app.open_vote(&chair, space, id, election, "Wybór").await),
        AssemblyError::OpenBallotForElection
    );
    assert!(matches!(
        app.open_vote(&teller, space, id, statute, "Uchwała").await,
        Err(AppError::Forbidden)
    ));
    let v1 = app
        .open_vote(
            &chair,
            space,
            id,
            statute,
            "Uchwała nr 1 w sprawie zmiany § 8 statutu",
        )
        .await
        .unwrap();
    assert_eq!(
        refusal(app.open_vote(&chair, space, id, surplus, "Uchwała").await),
        AssemblyError::AnotherVoteOpen
    );
    // From the room through the teller; remotely by the member; each once.
    for (member, choice) in [(1, "yes"), (3, "yes"), (4, "no")] {
        app.cast_assembly_vote(&teller, space, id, ballot(v1, member, choice, false))
            .await
            .unwrap();
    }
    app.cast_assembly_vote(&teller, space, id, ballot(v1, 2, "yes", true))
        .await
        .unwrap();
    for (who, member, choice, remote, expected) in [
        (&teller, 2, "no", false, AssemblyError::VotedTwice),
        (&teller, 1, "no", false, AssemblyError::VotedTwice),
        (&teller, 5, "yes", false, AssemblyError::NotPresent),
        (&teller, 3, "maybe", false, AssemblyError::BadChoice),
        // Member 1 is in the room, not connected: no remote vote.
        (&chair, 1, "yes", true, AssemblyError::NotPresent),
    ] {
        assert_eq!(
            refusal(
                app.cast_assembly_vote(who, space, id, ballot(v1, member, choice, remote))
                    .await
            ),
            expected,
            "{member} {choice}"
        );
    }
    // Someone else's membership cannot be voted from a phone.
    assert!(matches!(
        app.cast_assembly_vote(&w.resident(4).await, space, id, ballot(v1, 2, "no", true))
            .await,
        Err(AppError::Forbidden)
    ));
    let live = app.sitting(&chair, space, id).await.unwrap();
    assert_eq!((live.present, live.entitled), (4, 5));
    assert_eq!((live.votes[0].yes, live.votes[0].no), (3, 1));
    assert_eq!(live.remote_for, Vec::<i64>::new());
    assert_eq!(
        app.sitting(&teller, space, id).await.unwrap().remote_for,
        vec![2]
    );
    // 3 yes of 4 counted: at least 2/3, with 4 of 5 present.
    assert_eq!(
        app.close_vote(&chair, space, id, v1).await.unwrap(),
        MotionOutcome::Passed
    );
    assert_eq!(
        refusal(
            app.cast_assembly_vote(&teller, space, id, ballot(v1, 1, "no", false))
                .await
        ),
        AssemblyError::VoteClosed
    );

    // Three leave; two of five remain, fewer than half: the next vote has no quorum.
    for member in [2, 3, 4] {
        app.check_out(&teller, space, id, member).await.unwrap();
    }
    assert_eq!(
        refusal(app.check_out(&teller, space, id, 3).await),
        AssemblyError::NotPresent
    );
    app.check_in(&teller, space, id, arrive("5", "in_person", ""))
        .await
        .unwrap();
    let v2 = app
        .open_vote(
            &chair,
            space,
            id,
            surplus,
            "Uchwała nr 2 w sprawie podziału nadwyżki",
        )
        .await
        .unwrap();
    assert_eq!(
        refusal(app.sign_minutes(&chair, space, id).await),
        AssemblyError::AnotherVoteOpen
    );
    for member in [1, 5] {
        app.cast_assembly_vote(&teller, space, id, ballot(v2, member, "yes", false))
            .await
            .unwrap();
    }
    assert_eq!(
        app.close_vote(&chair, space, id, v2).await.unwrap(),
        MotionOutcome::NoQuorum
    );
    assert_eq!(
        refusal(app.close_vote(&chair, space, id, v2).await),
        AssemblyError::VoteClosed
    );
    assert_eq!(
        refusal(
            app.cast_assembly_vote(&teller, space, id, ballot(v2, 1, "no", false))
                .await
        ),
        AssemblyError::VoteClosed
    );
    // Recounted from the ballots with the rules stored at each close: the same.
    let recount = app.recount_assembly(&board, space, id).await.unwrap();
    assert_eq!(recount.len(), 2);
    assert!(recount.iter().all(|r| r.matches()), "{recount:?}");
    assert_eq!(recount[0].recounted, (3, 1, 0, "passed".to_string()));
    assert_eq!(recount[1].recounted.3, "no_quorum");
    // A closed count cannot be edited or removed, even by hand.
    for sql in [
        "UPDATE assembly_votes SET yes = 5".to_string(),
        format!("DELETE FROM assembly_votes WHERE id = {v1}"),
    ] {
        let r = w.db.store.execute_raw(&sql).await;
        assert!(matches!(r, Err(StoreError::AppendOnly(_))), "{sql}: {r:?}");
    }
    let s = app.sitting(&board, space, id).await.unwrap();
    let outcomes: Vec<Option<&str>> = s.votes.iter().map(|v| v.vote.outcome.as_deref()).collect();
    assert_eq!(outcomes, vec![Some("passed"), Some("no_quorum")]);
    assert_eq!(
        (s.votes[1].vote.present, s.votes[1].vote.entitled),
        (Some(2), Some(5))
    );
    assert_eq!(s.attendance.len(), 5);
    assert_eq!(
        s.attendance[2].arrival.proxy_name.as_deref(),
        Some("Jan Kowalski")
    );
    assert_eq!(s.attendance[0].name, "Mieszkanka 0");
    // The minutes, from what was recorded.
    let minutes = app
        .assembly_minutes(&w.resident(3).await, space, id, Locale::Pl)
        .await
        .unwrap();
    assert_eq!(minutes.resolutions.len(), 2);
    assert!(minutes.resolutions[0]
        .result
        .starts_with("Uchwała podjęta."));
    assert!(minutes.resolutions[0].result.contains("2026-07-27"));
    assert!(minutes.resolutions[0].counts.contains("Za: 3"));
    assert_eq!(
        minutes.resolutions[1].result,
        "Brak kworum: uchwała nie istnieje."
    );
    assert!(minutes.resolutions[1].quorum.ends_with("2 / 5"));
    assert_eq!(minutes.attendance.len(), 5);
    assert_eq!(minutes.attendance[2][3], "Jan Kowalski");
    assert!(minutes.facts.contains(&(
        "Członkowie na liście obecności spośród uprawnionych".to_string(),
        "5 / 5".to_string()
    )));
    let pdf = app
        .assembly_minutes_pdf(&board, space, id, Locale::Pl)
        .await
        .unwrap();
    let text = support::page_texts(&support::load(&pdf)).concat().join(" ");
    for expected in [
        "Protokół: Walne",
        "Uchwała nr 1 w sprawie zmiany § 8 statutu",
        "Brak kworum: uchwała nie istnieje.",
        "Jan Kowalski",
        "mieszkanka0@example.pl — przewodniczący(-a) zgromadzenia",
    ] {
        assert!(text.contains(expected), "{expected} in {text}");
    }
    assert!(matches!(
        app.assembly_minutes(&Subject::visitor(), space, id, Locale::Pl)
            .await,
        Err(AppError::LoginRequired)
    ));
    // Signing: the chair and the minute-taker, once each; the chair's closes the session.
    app.name_assembly_officer(&chair, space, id, "mieszkanka2@example.pl", "secretary")
        .await
        .unwrap();
    assert!(matches!(
        app.sign_minutes(&teller, space, id).await,
        Err(AppError::Forbidden)
    ));
    app.sign_minutes(&chair, space, id).await.unwrap();
    assert_eq!(
        refusal(app.sign_minutes(&chair, space, id).await),
        AssemblyError::AlreadySigned
    );
    assert_eq!(
        refusal(
            app.check_in(&teller, space, id, arrive("2", "in_person", ""))
                .await
        ),
        AssemblyError::MinutesSigned
    );
    assert_eq!(
        refusal(
            app.open_vote(&chair, space, id, surplus, "Jeszcze raz")
                .await
        ),
        AssemblyError::MinutesSigned
    );
    app.sign_minutes(&w.resident(2).await, space, id)
        .await
        .unwrap();
    let scan = wspolnota_app::files::Upload {
        name: "protokol.pdf".into(),
        bytes: b"%PDF-1.4\n% podpisany\n".to_vec(),
    };
    assert!(matches!(
        app.attach_signed_minutes(&chair, space, id, scan.clone())
            .await,
        Err(AppError::Forbidden)
    ));
    app.attach_signed_minutes(&board, space, id, scan.clone())
        .await
        .unwrap();
    assert_eq!(
        refusal(app.attach_signed_minutes(&board, space, id, scan).await),
        AssemblyError::AlreadySigned
    );
    let (kind, bytes) = app
        .signed_minutes_scan(&w.resident(4).await, space, id)
        .await
        .unwrap();
    assert_eq!(kind, "application/pdf");
    assert!(bytes.starts_with(b"%PDF-1.4"));
    let signed = app
        .assembly_minutes(&board, space, id, Locale::Pl)
        .await
        .unwrap()
        .signed;
    assert_eq!(signed.len(), 3, "{signed:?}");
    assert!(signed
        .iter()
        .any(|x| x
            .starts_with("przewodniczący(-a) zgromadzenia: mieszkanka0@example.pl, 2026-06-15")));
    for sql in [
        "UPDATE assembly_ballots SET choice = 'no'",
        "DELETE FROM assembly_ballots",
    ] {
        let r = w.db.store.execute_raw(sql).await;
        assert!(matches!(r, Err(StoreError::AppendOnly(_))), "{sql}: {r:?}");
    }
}

on_both_backends!(
    an_assembly_in_session,
    an_assembly_on_demand_its_agenda_and_notice,
    notice_too_short_and_letters_on_paper,
    bodies_and_their_seats,
    a_seat_on_the_board_gives_its_role,
    without_the_module_there_are_no_bodies,
);
