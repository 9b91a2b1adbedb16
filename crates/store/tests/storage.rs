//! Storage on both backends: the same schema, the same answers, the same refusals.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::UserId;
use wspolnota_domain::module::Module;
use wspolnota_domain::space::{MembershipStatus, SpaceKind};
use wspolnota_store::{audit, modules, signatures, spaces, users, StoreError};
use wspolnota_testkit::{on_both_backends, Backend, TestDb};

const NOW: Timestamp = Timestamp(1_780_000_000);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_backends_have_the_same_tables_and_columns() {
    let sqlite = TestDb::new(Backend::Sqlite).await;
    let postgres = TestDb::new(Backend::Postgres).await;
    let a = sqlite.store.schema_columns().await.unwrap();
    let b = postgres.store.schema_columns().await.unwrap();
    assert!(a.len() > 50, "{} columns", a.len());
    assert_eq!(a, b);
}

async fn person(db: &TestDb, email: &str) -> UserId {
    let mut tx = db.store.begin().await.unwrap();
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email,
            password_hash: "x",
            display_name: "Osoba",
            city: None,
            list_publicly: false,
            locale: None,
            is_platform_admin: false,
            confirmed: true,
        },
        NOW,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

async fn duplicate_email_is_a_conflict(backend: Backend) {
    let db = TestDb::new(backend).await;
    person(&db, "a@example.pl").await;
    let mut tx = db.store.begin().await.unwrap();
    let again = users::insert(
        &mut tx,
        &users::NewUser {
            email: "a@example.pl",
            password_hash: "x",
            display_name: "B",
            city: None,
            list_publicly: false,
            locale: None,
            is_platform_admin: false,
            confirmed: false,
        },
        NOW,
    )
    .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
}

async fn audit_log_is_append_only(backend: Backend) {
    let db = TestDb::new(backend).await;
    let mut tx = db.store.begin().await.unwrap();
    audit::append(
        &mut tx,
        &audit::Entry {
            actor: None,
            space: None,
            org: None,
            action: "test.entry",
            before: None,
            after: Some("{}".into()),
        },
        NOW,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    for sql in [
        "UPDATE audit_log SET action = 'changed'",
        "DELETE FROM audit_log",
    ] {
        let r = db.store.execute_raw(sql).await;
        assert!(r.is_err(), "{sql} was allowed");
    }
    let mut c = db.store.read().await.unwrap();
    assert_eq!(audit::count(&mut c).await.unwrap(), 1);
}

async fn documents_keep_every_version_and_one_standing_signature(backend: Backend) {
    let db = TestDb::new(backend).await;
    let user = person(&db, "s@example.pl").await;
    let mut tx = db.store.begin().await.unwrap();
    let space = spaces::insert(
        &mut tx,
        &spaces::NewSpace {
            slug: "s",
            name: "S",
            kind: SpaceKind::Coalition,
            city: None,
            region: None,
            description_md: "",
            requires_approval: false,
        },
        NOW,
    )
    .await
    .unwrap();
    let v1 = spaces::add_document(&mut tx, space, "T", "one", "h1", None, NOW)
        .await
        .unwrap();
    let v2 = spaces::add_document(&mut tx, space, "T", "two", "h2", None, NOW)
        .await
        .unwrap();
    assert_eq!((v1.version, v2.version), (1, 2));
    assert_eq!(
        spaces::current_document(&mut tx, space)
            .await
            .unwrap()
            .unwrap()
            .body_md,
        "two"
    );
    assert_eq!(spaces::documents(&mut tx, space).await.unwrap().len(), 2);
    let new = signatures::NewSignature {
        space,
        document: v2.id,
        user,
        org: None,
        signer_name: "Osoba",
        status: MembershipStatus::Active,
    };
    let first = signatures::insert(&mut tx, &new, NOW).await.unwrap();
    tx.commit().await.unwrap();
    // A second standing signature is refused by the database itself.
    let mut tx = db.store.begin().await.unwrap();
    let second = signatures::insert(&mut tx, &new, NOW).await;
    assert!(matches!(second, Err(StoreError::Conflict(_))), "{second:?}");
    drop(tx);
    // After withdrawal a new one is allowed, and both stay in history.
    let mut tx = db.store.begin().await.unwrap();
    assert!(signatures::set_status(
        &mut tx,
        first,
        MembershipStatus::Active,
        MembershipStatus::Withdrawn,
        user,
        NOW
    )
    .await
    .unwrap());
    assert!(!signatures::set_status(
        &mut tx,
        first,
        MembershipStatus::Active,
        MembershipStatus::Withdrawn,
        user,
        NOW
    )
    .await
    .unwrap());
    signatures::insert(&mut tx, &new, NOW).await.unwrap();
    assert_eq!(
        signatures::of_user_in_space(&mut tx, space, user)
            .await
            .unwrap()
            .len(),
        2
    );
    tx.commit().await.unwrap();
}

async fn tokens_are_single_use(backend: Backend) {
    let db = TestDb::new(backend).await;
    let user = person(&db, "t@example.pl").await;
    let mut tx = db.store.begin().await.unwrap();
    users::insert_token(&mut tx, "hash", user, "reset", NOW.plus_seconds(60))
        .await
        .unwrap();
    assert!(
        users::token(&mut tx, "hash", "confirm")
            .await
            .unwrap()
            .is_none(),
        "purpose matters"
    );
    assert!(users::use_token(&mut tx, "hash", NOW).await.unwrap());
    assert!(!users::use_token(&mut tx, "hash", NOW).await.unwrap());
    assert!(
        users::token(&mut tx, "hash", "reset")
            .await
            .unwrap()
            .unwrap()
            .used
    );
    tx.commit().await.unwrap();
}

async fn rolled_back_transactions_leave_nothing(backend: Backend) {
    let db = TestDb::new(backend).await;
    {
        let mut tx = db.store.begin().await.unwrap();
        users::insert(
            &mut tx,
            &users::NewUser {
                email: "r@example.pl",
                password_hash: "x",
                display_name: "R",
                city: None,
                list_publicly: false,
                locale: None,
                is_platform_admin: false,
                confirmed: true,
            },
            NOW,
        )
        .await
        .unwrap();
        // Dropped without commit.
    }
    let mut c = db.store.read().await.unwrap();
    assert_eq!(users::count(&mut c).await.unwrap(), 0);
}

async fn a_module_choice_is_stored_once_and_replaced(backend: Backend) {
    let db = TestDb::new(backend).await;
    let mut tx = db.store.begin().await.unwrap();
    let space = spaces::insert(
        &mut tx,
        &spaces::NewSpace {
            slug: "m",
            name: "M",
            kind: SpaceKind::Movement,
            city: None,
            region: None,
            description_md: "",
            requires_approval: false,
        },
        NOW,
    )
    .await
    .unwrap();
    assert!(modules::choices(&mut tx, space).await.unwrap().is_empty());
    assert_eq!(
        modules::choice(&mut tx, space, Module::Budget)
            .await
            .unwrap(),
        Some((SpaceKind::Movement, None))
    );
    modules::set(&mut tx, space, Module::Budget, true)
        .await
        .unwrap();
    modules::set(&mut tx, space, Module::Budget, false)
        .await
        .unwrap();
    modules::set(&mut tx, space, Module::Events, true)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut c = db.store.read().await.unwrap();
    let mut choices = modules::choices(&mut c, space).await.unwrap();
    choices.sort();
    assert_eq!(
        choices,
        vec![(Module::Budget, false), (Module::Events, true)]
    );
    assert_eq!(
        modules::choice(&mut c, space, Module::Budget)
            .await
            .unwrap(),
        Some((SpaceKind::Movement, Some(false)))
    );
    let missing = wspolnota_domain::ids::SpaceId(space.0 + 100);
    assert_eq!(
        modules::choice(&mut c, missing, Module::Budget)
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        wspolnota_store::count_rows(&mut c, "space_modules")
            .await
            .unwrap(),
        2
    );
}

on_both_backends!(
    a_module_choice_is_stored_once_and_replaced,
    duplicate_email_is_a_conflict,
    audit_log_is_append_only,
    documents_keep_every_version_and_one_standing_signature,
    tokens_are_single_use,
    rolled_back_transactions_leave_nothing,
);
