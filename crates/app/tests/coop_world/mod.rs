//! A development cooperative to test against: a space with a board member, a
//! supervisory board member and three residents, on either backend, on a fixed clock.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use wspolnota_app::coop::{DeclarationForm, PaymentForm, Purpose};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_app::{App, AppConfig, AppError, PasswordCost};
use wspolnota_domain::access::{SpaceRole, Subject};
use wspolnota_domain::clock::FixedClock;
use wspolnota_domain::coop::{CoopError, CoopSettings};
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_store::{count_rows, users};
use wspolnota_testkit::{Backend, TestDb};

pub const DAY: i64 = 86_400;
/// 2026-05-28 in Warsaw.
pub const T0: i64 = 1_780_000_000;

pub struct World {
    pub app: Arc<App>,
    pub clock: Arc<FixedClock>,
    pub db: TestDb,
    pub admin: Subject,
    pub space: SpaceId,
    pub residents: Vec<UserId>,
}

pub async fn person(db: &TestDb, app: &App, email: &str, admin: bool) -> UserId {
    let mut tx = db.store.begin().await.unwrap();
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email,
            password_hash: "x",
            display_name: email,
            city: Some("Dąbrowa Górnicza"),
            list_publicly: false,
            locale: None,
            is_platform_admin: admin,
            confirmed: true,
        },
        app.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

pub async fn world(backend: Backend, settings: CoopSettings) -> World {
    let db = TestDb::new(backend).await;
    let clock = Arc::new(FixedClock::at(T0));
    let config = AppConfig {
        password_cost: PasswordCost {
            memory_kib: 64,
            iterations: 1,
        },
        ..AppConfig::default()
    };
    let app = App::new(db.store.clone(), clock.clone(), config);
    let admin_id = person(&db, &app, "admin@example.pl", true).await;
    let admin = app.subject_of(admin_id).await.unwrap();
    let form = NewSpaceForm {
        name: "Spółdzielnia Rozwojowa Dąbrowa".into(),
        slug: "sr-dabrowa".into(),
        kind: "development_cooperative".into(),
        document_title: "Statut".into(),
        document_md: "Statut spółdzielni".into(),
        cooperative: wspolnota_app::coop::FoundingChoice {
            model: None,
            settings,
        },
        ..NewSpaceForm::default()
    };
    let space = app.create_space(&admin, form).await.unwrap();
    let admin = app
        .subject(Some(&app.user(admin_id).await.unwrap()), Some(space))
        .await
        .unwrap();
    person(&db, &app, "zarzad@example.pl", false).await;
    person(&db, &app, "rada@example.pl", false).await;
    assert!(app
        .grant_coop_role(&admin, space, "zarzad@example.pl", SpaceRole::Board)
        .await
        .unwrap());
    assert!(app
        .grant_coop_role(
            &admin,
            space,
            "rada@example.pl",
            SpaceRole::SupervisoryBoard
        )
        .await
        .unwrap());
    let mut residents = Vec::new();
    for i in 0..3 {
        residents.push(person(&db, &app, &format!("mieszkanka{i}@example.pl"), false).await);
    }
    World {
        app,
        clock,
        db,
        admin,
        space,
        residents,
    }
}

impl World {
    pub async fn as_user(&self, email: &str) -> Subject {
        let mut c = self.db.store.read().await.unwrap();
        let u = users::by_email(&mut c, email).await.unwrap().unwrap();
        drop(c);
        self.app.subject(Some(&u), Some(self.space)).await.unwrap()
    }

    pub async fn board(&self) -> Subject {
        self.as_user("zarzad@example.pl").await
    }

    pub async fn resident(&self, i: usize) -> Subject {
        self.as_user(&format!("mieszkanka{i}@example.pl")).await
    }

    pub async fn declare(&self, i: usize, shares: &str) -> Result<i64, AppError> {
        let r = self.resident(i).await;
        self.app
            .declare_membership(
                &r,
                self.space,
                DeclarationForm {
                    name: format!("Mieszkanka {i}"),
                    address: "ul. Hutnicza 1, 41-300 Dąbrowa Górnicza".into(),
                    shares: shares.into(),
                    accept_statute: true,
                    ..DeclarationForm::default()
                },
            )
            .await
    }

    pub async fn rows(&self, table: &str) -> i64 {
        let mut c = self.db.store.read().await.unwrap();
        count_rows(&mut c, table).await.unwrap()
    }

    pub async fn written(&self) -> [i64; 5] {
        [
            self.rows("coop_declarations").await,
            self.rows("coop_members").await,
            self.rows("coop_register").await,
            self.rows("coop_ledger").await,
            self.rows("audit_log").await,
        ]
    }

    pub fn pay(amount: &str, purpose: Purpose) -> PaymentForm {
        PaymentForm {
            amount: amount.into(),
            purpose,
            method: "przelew".into(),
            reference: "PL61 1090".into(),
            ..PaymentForm::default()
        }
    }
}

pub fn coop_err(r: Result<impl std::fmt::Debug, AppError>) -> CoopError {
    match r {
        Err(AppError::Coop(e)) => e,
        other => panic!("expected a cooperative refusal, got {other:?}"),
    }
}
