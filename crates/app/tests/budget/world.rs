//! The world every budget test starts from: a city space, a round with two pools, its
//! committee, an official and six residents.

use std::sync::Arc;
use wspolnota_app::budget::{
    Desk, NewRound, PoolResult, ProposalForm, Round, RoundRules, VerificationForm,
};
use wspolnota_app::spaces::NewSpaceForm;
use wspolnota_app::{App, AppConfig, AppError, PasswordCost};
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::{BallotKind, Calendar, Choice, CountingRule, LineItem, Phase};
use wspolnota_domain::clock::{FixedClock, Timestamp};
use wspolnota_domain::ids::UserId;
use wspolnota_domain::pb::Money;
use wspolnota_store::{users, Store};
use wspolnota_testkit::{Backend, TestDb};

pub const DAY: i64 = 86_400;
pub const T0: i64 = 1_780_000_000;

pub struct World {
    pub app: Arc<App>,
    pub clock: Arc<FixedClock>,
    pub db: TestDb,
    pub admin: Subject,
    pub official: Subject,
    pub residents: Vec<Subject>,
    pub round: i64,
    pub city_pool: i64,
    pub district_pool: i64,
    /// The election committee's key shares (any two of three open the ballots).
    pub shares: Vec<String>,
}

pub async fn person(app: &App, store: &Store, email: &str, platform_admin: bool) -> UserId {
    let mut tx = store.begin().await.unwrap();
    let id = users::insert(
        &mut tx,
        &users::NewUser {
            email,
            password_hash: "x",
            display_name: email,
            city: Some("Konin"),
            list_publicly: false,
            locale: None,
            is_platform_admin: platform_admin,
            confirmed: true,
        },
        app.now(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    id
}

pub fn items(grosze: &[i64]) -> Vec<LineItem> {
    grosze
        .iter()
        .enumerate()
        .map(|(i, g)| LineItem {
            label: format!("pozycja {i}"),
            amount: Money(*g),
        })
        .collect()
}

pub async fn world(backend: Backend) -> World {
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
    let admin_id = person(&app, &db.store, "admin@example.pl", true).await;
    let admin = Subject {
        user: Some(admin_id),
        platform_admin: true,
        ..Subject::default()
    };
    let space = app
        .create_space(
            &admin,
            NewSpaceForm {
                name: "Miasto Konin".into(),
                kind: "city_network".into(),
                document_title: "Regulamin".into(),
                document_md: "Zasady.".into(),
                ..NewSpaceForm::default()
            },
        )
        .await
        .unwrap();
    let calendar = Calendar::new(
        Timestamp(T0 + DAY),
        Timestamp(T0 + 10 * DAY),
        Timestamp(T0 + 20 * DAY),
        Timestamp(T0 + 30 * DAY),
        Timestamp(T0 + 40 * DAY),
    )
    .unwrap();
    let round = app
        .create_round(
            &admin,
            space,
            NewRound {
                title: "Budżet obywatelski 2027".into(),
                calendar,
                supports_required: 1,
                appeal_days: 5,
                allow_ballot_change: true,
                districts: vec![],
                rules: small_rules(),
            },
        )
        .await
        .unwrap();
    let r = app.round(round).await.unwrap();
    let shares = committee(&app, &admin, &r).await;
    let city_pool = app
        .add_pool(
            &admin,
            &r,
            "Ogólnomiejska",
            Money(100_000_00),
            BallotKind::Approval { max: 2, min: 1 },
            CountingRule::Greedy { min_votes: 0 },
        )
        .await
        .unwrap();
    let district_pool = app
        .add_pool(
            &admin,
            &r,
            "Osiedle Zatorze",
            Money(50_000_00),
            BallotKind::Points { total: 5 },
            CountingRule::EqualShares,
        )
        .await
        .unwrap();
    person(&app, &db.store, "urzednik@example.pl", false).await;
    app.add_official(&admin, &r, "urzednik@example.pl")
        .await
        .unwrap();
    let official_user = app.user(UserId(admin_id.0 + 1)).await.unwrap();
    let official = app.round_subject(Some(&official_user), &r).await.unwrap();
    assert!(official.budget_official);
    let mut residents = Vec::new();
    for i in 0..6 {
        let id = person(
            &app,
            &db.store,
            &format!("mieszkaniec{i}@example.pl"),
            false,
        )
        .await;
        residents.push(Subject {
            user: Some(id),
            ..Subject::default()
        });
    }
    World {
        app,
        clock,
        db,
        shares,
        admin,
        official,
        residents,
        round,
        city_pool,
        district_pool,
    }
}

impl World {
    pub async fn round(&self) -> wspolnota_store::budget::Round {
        self.app.round(self.round).await.unwrap()
    }

    pub fn form(&self, pool: i64, title: &str, cost: &[i64]) -> ProposalForm {
        ProposalForm {
            pool_id: pool,
            title: title.into(),
            description_md: "Opis projektu.".into(),
            place: "Konin".into(),
            items: items(cost),
        }
    }
}

pub fn refused(r: Result<impl std::fmt::Debug, AppError>) -> &'static str {
    match r {
        Err(e) => e.code(),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}

/// A round made by [`World::small_round`].
pub struct SmallRound {
    pub round: Round,
    pub pool: i64,
    pub proposal: i64,
    pub shares: Vec<String>,
}

/// Rules for small test rounds: everything published from the first voter on.
pub fn small_rules() -> RoundRules {
    RoundRules {
        min_public_voters: 1,
        ..RoundRules::default()
    }
}

/// Gives a round its election committee (three members, two needed); returns the shares.
pub async fn committee(app: &App, admin: &Subject, round: &Round) -> Vec<String> {
    let (_, shares) = app.create_committee_key(admin, round, 3, 2).await.unwrap();
    shares[1..].iter().map(|s| s.as_text()).collect()
}

/// Resident `i` as they declare themselves: a name of their own and an address.
pub fn resident(i: usize, address: &str, district: &str) -> Desk {
    Desk {
        name: format!("Mieszkaniec {i}"),
        address: address.into(),
        district: district.into(),
        ..Desk::default()
    }
}

pub fn tick(ids: &[i64]) -> Vec<Choice> {
    ids.iter()
        .map(|p| Choice {
            project: *p,
            points: 1,
        })
        .collect()
}

impl World {
    /// The world's official, made an official of another round too.
    pub async fn official_in(&self, round: &Round) -> Subject {
        self.app
            .add_official(&self.admin, round, "urzednik@example.pl")
            .await
            .unwrap();
        let user = self.app.user(self.official.user.unwrap()).await.unwrap();
        self.app.round_subject(Some(&user), round).await.unwrap()
    }

    /// A second round of the world's space with its own rules: one choose-one pool of
    /// 1 000 zł with one accepted proposal, its committee, and voting open. Returns the
    /// round, the pool, the proposal and the committee's shares.
    pub async fn small_round(&self, title: &str, rules: RoundRules) -> SmallRound {
        self.small_round_keyed(title, rules, true).await
    }

    /// [`World::small_round`], with or without a committee key.
    pub async fn small_round_keyed(
        &self,
        title: &str,
        rules: RoundRules,
        keyed: bool,
    ) -> SmallRound {
        let base = self.round().await;
        let form = NewRound {
            title: title.into(),
            calendar: base.calendar,
            supports_required: 0,
            appeal_days: 7,
            allow_ballot_change: false,
            districts: vec![],
            rules,
        };
        let id = self
            .app
            .create_round(&self.admin, base.space_id, form)
            .await
            .unwrap();
        let r = self.app.round(id).await.unwrap();
        let shares = if keyed {
            committee(&self.app, &self.admin, &r).await
        } else {
            Vec::new()
        };
        let pool = self
            .app
            .add_pool(
                &self.admin,
                &r,
                "Miasto",
                Money(1_000_00),
                BallotKind::ChooseOne,
                CountingRule::Greedy { min_votes: 0 },
            )
            .await
            .unwrap();
        self.app
            .advance_round(&self.admin, &r, Phase::Submission)
            .await
            .unwrap();
        let r = self.app.round(id).await.unwrap();
        let proposal = self
            .app
            .submit_proposal(&self.residents[0], &r, self.form(pool, "P", &[500_00]))
            .await
            .unwrap();
        self.app
            .advance_round(&self.admin, &r, Phase::Verification)
            .await
            .unwrap();
        let r = self.app.round(id).await.unwrap();
        let yes = VerificationForm {
            accepted: true,
            ..Default::default()
        };
        self.app
            .verify_proposal(&self.admin, &r, proposal, yes)
            .await
            .unwrap();
        self.app
            .advance_round(&self.admin, &r, Phase::Voting)
            .await
            .unwrap();
        SmallRound {
            round: self.app.round(id).await.unwrap(),
            pool,
            proposal,
            shares,
        }
    }

    /// Closes voting by the clock and counts with the committee's shares.
    pub async fn close_and_count(&self, round: &Round) -> Vec<PoolResult> {
        let now = self.app.now().0;
        let close = round.calendar.results.0;
        if now < close {
            self.clock.advance(close - now);
        }
        let r = self.app.round(round.id).await.unwrap();
        self.app
            .count_round(&self.admin, &r, &self.shares)
            .await
            .unwrap()
    }

    /// Puts the world's round through submission and verification with the given
    /// proposals (pool, title, cost) accepted, and opens voting; returns their ids.
    pub async fn open_voting(&self, proposals: &[(i64, &str, i64)]) -> (Round, Vec<i64>) {
        let r = self.round().await;
        self.app
            .advance_round(&self.admin, &r, Phase::Submission)
            .await
            .unwrap();
        let r = self.round().await;
        let mut ids = Vec::new();
        for (i, (pool, title, cost)) in proposals.iter().enumerate() {
            let id = self
                .app
                .submit_proposal(
                    &self.residents[i % 5],
                    &r,
                    self.form(*pool, title, &[*cost]),
                )
                .await
                .unwrap();
            self.app
                .support_proposal(&self.residents[5], &r, id)
                .await
                .unwrap();
            ids.push(id);
        }
        self.app
            .advance_round(&self.admin, &r, Phase::Verification)
            .await
            .unwrap();
        let r = self.round().await;
        for id in &ids {
            let yes = VerificationForm {
                accepted: true,
                ..Default::default()
            };
            self.app
                .verify_proposal(&self.official, &r, *id, yes)
                .await
                .unwrap();
        }
        self.app
            .advance_round(&self.admin, &r, Phase::Voting)
            .await
            .unwrap();
        (self.round().await, ids)
    }
}
