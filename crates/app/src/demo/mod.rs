//! Demo data, inspired by the institutions the platform is built for. Loaded by
//! `serve --demo` into an empty database; a database that has spaces is left alone.

use crate::{accounts, App, AppError};
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::secrecy::{self, CommitteeKey, KeyShare};
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};
use wspolnota_domain::org::OrgRole;
use wspolnota_domain::space::MembershipStatus;
use wspolnota_store::{orgs, spaces, users, StoreError};

mod data;
use data::{DemoProposal, ORGS, PEOPLE, SPACES};

/// The password of every demo account; printed at start.
pub const DEMO_PASSWORD: &str = "demo-wspolnota";
pub const DEMO_ADMIN: &str = "admin@wspolnota.demo";

/// Demo logins to print: (e-mail, what the account can do).
pub const DEMO_LOGINS: &[(&str, &str)] = &[
    (DEMO_ADMIN, "platform admin"),
    (
        "anna.nowak@wspolnota.demo",
        "admin of the Kraków coalition, representative of Stowarzyszenie Podgórze.pl",
    ),
    (
        "marek.kowalski@wspolnota.demo",
        "admin of the Dąbrowa Górnicza cooperative",
    ),
    (
        "ewa.wisniewska@wspolnota.demo",
        "resident of Konin, member of nothing yet",
    ),
];

fn email_of(name: &str) -> String {
    let ascii = wspolnota_domain::text::slugify(name).replace('-', ".");
    format!("{ascii}@wspolnota.demo")
}

/// The election committee of the demo's open round in Konin: its public key and the
/// three members' shares (any two open the ballots). Derived from a fixed seed so the
/// demo's shares can be printed at start; a real round's key is random
/// (`App::create_committee_key`) or made by the committee itself.
pub fn demo_committee() -> Result<(CommitteeKey, Vec<KeyShare>), AppError> {
    use rand::SeedableRng;
    let mut rng = rand::rngs::StdRng::seed_from_u64(2027);
    secrecy::new_committee(&mut rng, 3, 2).map_err(|e| AppError::Budget(e.into()))
}

impl App {
    /// Loads the demo data unless the database already has spaces. Returns whether it loaded.
    pub async fn load_demo(&self) -> Result<bool, AppError> {
        if !self.spaces().await?.is_empty() {
            return Ok(false);
        }
        let hash =
            accounts::hash_password(self.config.password_cost, DEMO_PASSWORD.to_string()).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let admin = users::insert(
            &mut tx,
            &users::NewUser {
                email: DEMO_ADMIN,
                password_hash: &hash,
                display_name: "Administrator platformy",
                city: None,
                list_publicly: false,
                locale: Some("pl"),
                is_platform_admin: true,
                confirmed: true,
            },
            now,
        )
        .await?;
        let mut people: Vec<UserId> = Vec::new();
        for (name, city, listed) in PEOPLE {
            let email = email_of(name);
            let new = users::NewUser {
                email: &email,
                password_hash: &hash,
                display_name: name,
                city: Some(city),
                list_publicly: *listed,
                locale: Some("pl"),
                is_platform_admin: false,
                confirmed: true,
            };
            people.push(users::insert(&mut tx, &new, now).await?);
        }
        tx.commit().await.map_err(StoreError::from)?;

        // Organisations and spaces go through the use cases, so the demo has a real audit log.
        let mut org_ids: Vec<OrgId> = Vec::new();
        for (name, kind, city, rep) in ORGS {
            let subject = Subject {
                user: Some(people[*rep]),
                ..Subject::default()
            };
            let form = crate::orgs::NewOrgForm {
                name: name.to_string(),
                kind: kind.to_string(),
                city: city.to_string(),
                ..Default::default()
            };
            org_ids.push(self.create_org(&subject, form).await?);
        }
        let admin_subject = Subject {
            user: Some(admin),
            platform_admin: true,
            ..Subject::default()
        };
        for s in SPACES {
            let form = crate::spaces::NewSpaceForm {
                name: s.name.into(),
                slug: s.slug.into(),
                kind: s.kind.into(),
                city: s.city.into(),
                region: s.region.into(),
                description_md: s.description.into(),
                requires_approval: s.requires_approval,
                document_title: s.document_title.into(),
                document_md: s.document.into(),
                cooperative: crate::coop::FoundingChoice {
                    model: Some(
                        wspolnota_domain::coop::founding::ModelStatute::DevelopmentWithMunicipality,
                    ),
                    settings: wspolnota_domain::coop::CoopSettings {
                        share_value: wspolnota_domain::pb::Money::from_zloty(500),
                        ..Default::default()
                    },
                },
            };
            let space = self.create_space(&admin_subject, form).await?;
            self.make_space_admin(space, people[s.admin]).await?;
            if s.kind == "development_cooperative" {
                // A cooperative's members are in its register, not among signatures: the
                // founders declare and the board admits them; most have paid in full.
                let founders: Vec<crate::coop::DemoFounder> = s
                    .signers
                    .iter()
                    .enumerate()
                    .map(|(i, (person, org))| crate::coop::DemoFounder {
                        person: people[*person],
                        org: org.map(|o| org_ids[o]),
                        shares: if org.is_some() { 20 } else { 2 },
                        paid_percent: if i % 4 == 3 { 50 } else { 100 },
                    })
                    .collect();
                let supervisory = people[s.signers.get(1).map_or(s.admin, |(p, _)| *p)];
                self.load_demo_coop(
                    &admin_subject,
                    space,
                    people[s.admin],
                    supervisory,
                    &founders,
                )
                .await?;
                if s.slug.ends_with("dabrowa-gornicza") {
                    // Registered, so open to residents and local organisations.
                    let admin = self
                        .subject(Some(&self.user(admin).await?), Some(space))
                        .await?;
                    self.open_cooperative(&admin, space, "0000912345", "2025-03-14")
                        .await?;
                    self.load_demo_coop_life(
                        space,
                        people[s.admin],
                        people[15],
                        people[19],
                        6,
                        Some("Gmina Dąbrowa Górnicza"),
                    )
                    .await?;
                    self.load_demo_assembly(&admin, space).await?;
                } else {
                    self.load_demo_coop_life(
                        space,
                        people[s.admin],
                        people[15],
                        people[19],
                        8,
                        None,
                    )
                    .await?;
                    self.load_demo_retrofit(space, people[s.admin]).await?;
                }
                continue;
            }
            for (person, org) in s.signers {
                let subject = self.subject_of(people[*person]).await?;
                let sig = self.sign(&subject, space, org.map(|o| org_ids[o])).await?;
                if sig.status == MembershipStatus::Pending && org.is_some() {
                    let admin_of_space = Subject {
                        user: Some(people[s.admin]),
                        space_admin: true,
                        ..Subject::default()
                    };
                    self.decide_signature(&admin_of_space, space, sig.id, true)
                        .await?;
                }
            }
        }
        self.load_demo_budgets(&admin_subject, &people).await?;
        // Anna also represents the coalition's neighbourhood group, to show several roles.
        let mut tx = self.store.begin().await?;
        orgs::grant(
            &mut tx,
            org_ids[9],
            people[0],
            OrgRole::Representative,
            Some(people[8]),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(true)
    }

    async fn make_space_admin(&self, space: SpaceId, user: UserId) -> Result<(), AppError> {
        let mut tx = self.store.begin().await?;
        spaces::add_admin(&mut tx, space, user, self.now()).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// The subject of a user without a space in view.
    pub async fn subject_of(&self, user: UserId) -> Result<Subject, AppError> {
        let u = self.user(user).await?;
        self.subject(Some(&u), None).await
    }

    /// Two city spaces: one with a finished round loaded from a real election
    /// (Warszawa-Wawer, Anin 2019, from pabulib), one with a round open for voting.
    async fn load_demo_budgets(&self, admin: &Subject, people: &[UserId]) -> Result<(), AppError> {
        use crate::budget::{NewRound, ProposalForm, VerificationForm};
        use wspolnota_domain::budget::{
            BallotKind, Calendar, Choice, CountingRule, LineItem, Phase,
        };
        use wspolnota_domain::pb::Money;

        let city = |name: &str, slug: &str, city: &str, region: &str, description: &str| {
            crate::spaces::NewSpaceForm {
            name: name.into(),
            slug: slug.into(),
            kind: "city".into(),
            city: city.into(),
            region: region.into(),
            description_md: description.into(),
            requires_approval: false,
            document_title: "Regulamin budżetu obywatelskiego".into(),
            document_md: "Budżet obywatelski jest równy i bezpośredni. Głosować mogą mieszkańcy miasta; wystarczy imię, nazwisko i adres.\n".into(),
            ..Default::default()
        }
        };
        let wawer = self
            .create_space(
                admin,
                city(
                    "Warszawa-Wawer: budżet obywatelski",
                    "warszawa-wawer",
                    "Warszawa",
                    "mazowieckie",
                    "Archiwum prawdziwej edycji: Anin 2019 (dane z otwartego zbioru pabulib). Każdy może przeliczyć wynik.",
                ),
            )
            .await?;
        self.import_finished_round(
            admin,
            wawer,
            "Budżet obywatelski 2019 — Anin",
            include_str!("../../demo/Poland_Warszawa_2019_Anin.pb"),
        )
        .await?;

        let konin = self
            .create_space(admin, city("Miasto Konin", "konin", "Konin", "wielkopolskie", "Budżet obywatelski Konina: mieszkańcy zgłaszają projekty i decydują, które miasto zrealizuje."))
            .await?;
        self.make_space_admin(konin, people[5]).await?;
        let now = self.now();
        let day = 86_400;
        let calendar = Calendar::new(
            now.plus_seconds(-day),
            now.plus_seconds(10 * day),
            now.plus_seconds(20 * day),
            now.plus_seconds(25 * day),
            now.plus_seconds(40 * day),
        )
        .map_err(|e| AppError::Budget(e.into()))?;
        let round_id = self
            .create_round(
                admin,
                konin,
                NewRound {
                    title: "Budżet obywatelski Konina 2027".into(),
                    districts: [
                        "Centrum",
                        "Chorzeń",
                        "Czarków",
                        "Glinka",
                        "Starówka",
                        "Zatorze",
                    ]
                    .map(String::from)
                    .to_vec(),
                    calendar,
                    supports_required: 0,
                    appeal_days: 7,
                    allow_ballot_change: true,
                    rules: Default::default(),
                },
            )
            .await?;
        let round = self.round(round_id).await?;
        let city_pool = self
            .add_pool(
                admin,
                &round,
                "Ogólnomiejska",
                Money::from_zloty(1_500_000),
                BallotKind::Approval { max: 3, min: 1 },
                CountingRule::Greedy { min_votes: 0 },
            )
            .await?;
        let district_pool = self
            .add_pool(
                admin,
                &round,
                "Osiedle Zatorze",
                Money::from_zloty(200_000),
                BallotKind::Points { total: 5 },
                CountingRule::EqualShares,
            )
            .await?;
        let official = people[13];
        let official_email = self.user(official).await?.email.unwrap_or_default();
        self.add_official(admin, &round, &official_email).await?;
        let proposals: [DemoProposal; 9] = [
            (
                5,
                city_pool,
                "Zielone podwórka przy Kolejowej",
                &[
                    ("nasadzenia i mała architektura", 320_000),
                    ("projekt i nadzór", 100_000),
                ],
            ),
            (
                6,
                city_pool,
                "Rowerowe połączenie Starówka–Czarków",
                &[("droga rowerowa 1,8 km", 700_000), ("oznakowanie", 80_000)],
            ),
            (
                13,
                city_pool,
                "Naprawialnia: punkt napraw i wymiany",
                &[
                    ("wyposażenie warsztatu", 120_000),
                    ("prowadzenie przez rok", 60_000),
                ],
            ),
            (
                21,
                city_pool,
                "Cyfrowe kompetencje dla seniorów",
                &[("zajęcia w bibliotekach", 65_000), ("sprzęt", 30_000)],
            ),
            (
                2,
                city_pool,
                "Integracyjny plac zabaw w Parku Chopina",
                &[("urządzenia", 480_000), ("nawierzchnia", 130_000)],
            ),
            (
                6,
                district_pool,
                "Łąka kwietna przy szkole",
                &[("przygotowanie gruntu i nasiona", 45_000)],
            ),
            (
                21,
                district_pool,
                "Ławki i cień na Zatorzu",
                &[("ławki", 35_000), ("drzewa", 25_000)],
            ),
            (
                13,
                district_pool,
                "Sąsiedzka lodówka społeczna",
                &[("lodówka i wiata", 25_000)],
            ),
            (
                5,
                district_pool,
                "Mural o historii kopalni",
                &[("projekt i wykonanie", 80_000)],
            ),
        ];
        let mut ids = Vec::new();
        for (author, pool, title, lines) in proposals {
            let subject = self.subject_of(people[author]).await?;
            let form = ProposalForm {
                pool_id: pool,
                title: title.into(),
                description_md: format!("{title}: projekt zgłoszony przez mieszkańców Konina."),
                place: "Konin".into(),
                items: lines
                    .iter()
                    .map(|(label, zl)| LineItem {
                        label: (*label).into(),
                        amount: Money::from_zloty(*zl),
                    })
                    .collect(),
            };
            ids.push(self.submit_proposal(&subject, &round, form).await?);
        }
        self.advance_round(admin, &round, Phase::Verification)
            .await?;
        let round = self.round(round_id).await?;
        let official_subject = self
            .round_subject(Some(&self.user(official).await?), &round)
            .await?;
        for id in &ids {
            self.verify_proposal(
                &official_subject,
                &round,
                *id,
                VerificationForm {
                    accepted: true,
                    ..VerificationForm::default()
                },
            )
            .await?;
        }
        let (committee, _) = demo_committee()?;
        self.set_committee_key(admin, &round, &committee).await?;
        self.advance_round(admin, &round, Phase::Voting).await?;
        let round = self.round(round_id).await?;
        // A few residents of Konin have voted already; Ewa Wiśniewska has not, so she can try.
        let tick = |v: &[usize]| {
            v.iter()
                .map(|i| Choice {
                    project: ids[*i],
                    points: 1,
                })
                .collect::<Vec<_>>()
        };
        let pts = |v: &[(usize, u32)]| {
            v.iter()
                .map(|(i, n)| Choice {
                    project: ids[*i],
                    points: *n,
                })
                .collect::<Vec<_>>()
        };
        for (voter, city_ballot, district_ballot) in [
            (5, tick(&[0, 2, 3]), pts(&[(5, 3), (6, 2)])),
            (6, tick(&[1, 2]), pts(&[(6, 5)])),
            (13, tick(&[2, 3, 4]), pts(&[(7, 2), (5, 3)])),
            (21, tick(&[0, 4]), pts(&[(8, 5)])),
        ] {
            let subject = self.subject_of(people[voter]).await?;
            let name = self.user(people[voter]).await?.display_name;
            let who = crate::budget::Desk {
                name,
                address: format!("ul. Kolejowa {voter}, Konin"),
                district: if voter % 2 == 0 { "Centrum" } else { "Zatorze" }.into(),
                ..Default::default()
            };
            self.declare_residence(&subject, &round, &who).await?;
            self.cast_ballot(&subject, &round, city_pool, &city_ballot)
                .await?;
            self.cast_ballot(&subject, &round, district_pool, &district_ballot)
                .await?;
        }
        Ok(())
    }
}
