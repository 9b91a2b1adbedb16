//! The demo's cooperatives: their boards, and their founders declared, admitted and
//! paying through the use cases, so the register, the ledger and the audit log are
//! what real use would leave.

use super::{DeclarationForm, PaymentForm, Purpose};
use crate::{App, AppError};
use wspolnota_domain::access::{SpaceRole, Subject};
use wspolnota_domain::coop::declaration::Decision;
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};

/// One founder of a demo cooperative: who declares, for which organisation, how many
/// shares, and how much of them is paid so far (in per cent).
pub(crate) struct DemoFounder {
    pub person: UserId,
    pub org: Option<OrgId>,
    pub shares: u32,
    pub paid_percent: i64,
}

impl App {
    /// Grants the boards and admits the founders of a demo cooperative.
    pub(crate) async fn load_demo_coop(
        &self,
        admin: &Subject,
        space: SpaceId,
        board: UserId,
        supervisory: UserId,
        founders: &[DemoFounder],
    ) -> Result<(), AppError> {
        let admin = self
            .subject(
                Some(
                    &self
                        .user(admin.user.ok_or(AppError::LoginRequired)?)
                        .await?,
                ),
                Some(space),
            )
            .await?;
        for (user, role) in [
            (board, SpaceRole::Board),
            (supervisory, SpaceRole::SupervisoryBoard),
        ] {
            let email = self.user(user).await?.email.unwrap_or_default();
            self.grant_coop_role(&admin, space, &email, role).await?;
        }
        let board_user = board;
        let board = self
            .subject(Some(&self.user(board).await?), Some(space))
            .await?;
        let coop = self.cooperative(space).await?;
        for f in founders {
            let person = self.user(f.person).await?;
            let subject = self.subject(Some(&person), Some(space)).await?;
            let city = person.city.clone().unwrap_or_default();
            let form = DeclarationForm {
                on_behalf_of: f.org,
                name: person.display_name.clone(),
                address: format!("ul. Sienkiewicza {}, {city}", f.person.0 % 40 + 1),
                shares: f.shares.to_string(),
                accept_statute: true,
            };
            let id = self.declare_membership(&subject, space, form).await?;
            self.decide_declaration(&board, space, id, Decision::Admit)
                .await?;
            let number = self
                .declaration(&board, space, id)
                .await?
                .member_id
                .unwrap_or_default();
            let number = self.member_number(space, number).await?;
            let fee = coop.settings.entry_fee;
            let pay = |amount: wspolnota_domain::pb::Money, purpose| PaymentForm {
                amount: amount.to_plain(),
                purpose,
                method: "przelew".into(),
                reference: format!("deklaracja {id}"),
                ..PaymentForm::default()
            };
            if fee.0 > 0 {
                self.record_payment(&board, space, number, pay(fee, Purpose::EntryFee))
                    .await?;
            }
            let paid = coop.settings.value_of(f.shares).0 * f.paid_percent / 100;
            if paid > 0 {
                self.record_payment(
                    &board,
                    space,
                    number,
                    pay(wspolnota_domain::pb::Money(paid), Purpose::Shares),
                )
                .await?;
            }
        }
        self.load_demo_bodies(&admin, space, board_user, supervisory, founders)
            .await
    }

    /// The cooperative's bodies: the general assembly, the board with its chair, and a
    /// supervisory board of three members, from today (when the demo's members are
    /// admitted) for a three-year term.
    async fn load_demo_bodies(
        &self,
        admin: &Subject,
        space: SpaceId,
        board: UserId,
        supervisory: UserId,
        founders: &[DemoFounder],
    ) -> Result<(), AppError> {
        use crate::assembly::{BodyForm, SeatForm};
        let body = |kind: &str, name: &str| BodyForm {
            kind: kind.into(),
            name: name.into(),
            purpose: String::new(),
        };
        self.create_body(admin, space, body("general_assembly", "Walne Zgromadzenie"))
            .await?;
        let rada = self
            .create_body(admin, space, body("supervisory_board", "Rada Nadzorcza"))
            .await?;
        let zarzad = self
            .create_body(admin, space, body("board", "Zarząd"))
            .await?;
        let others = founders
            .iter()
            .filter(|f| f.org.is_none() && f.person != board && f.person != supervisory)
            .map(|f| f.person);
        let seats = [(zarzad, board, "chair"), (rada, supervisory, "chair")]
            .into_iter()
            .chain(
                others
                    .zip(["deputy", "secretary"])
                    .map(|(p, pos)| (rada, p, pos)),
            );
        let until =
            wspolnota_domain::date::format(wspolnota_domain::date::plus_months(self.today(), 36));
        for (body, person, position) in seats {
            let email = self.user(person).await?.email.unwrap_or_default();
            let form = SeatForm {
                email,
                position: position.into(),
                from: String::new(),
                until: until.clone(),
            };
            self.add_seat(admin, space, body, form).await?;
        }
        Ok(())
    }

    /// The year's ordinary general assembly, a month ahead, with its notice sent.
    pub(crate) async fn load_demo_assembly(
        &self,
        admin: &Subject,
        space: SpaceId,
    ) -> Result<(), AppError> {
        use crate::assembly::{AgendaForm, ConveneForm};
        use wspolnota_domain::date;
        let held_on = date::format(date::plus_days(self.today(), 30));
        let id = self
            .convene_assembly(
                admin,
                space,
                ConveneForm {
                    title: "Zwyczajne Walne Zgromadzenie".into(),
                    convener: "board".into(),
                    held_on,
                    starts_at: "17:00".into(),
                    place: "Pałac Kultury Zagłębia, ul. Teatralna 4, sala kameralna".into(),
                    remote: true,
                    ..ConveneForm::default()
                },
            )
            .await?;
        for (title, resolution) in [
            ("Otwarcie zgromadzenia i wybór przewodniczącego", ""),
            ("Sprawozdanie zarządu z działalności spółdzielni", ""),
            ("Zatwierdzenie sprawozdania finansowego", "ordinary"),
            ("Podział nadwyżki bilansowej", "ordinary"),
            ("Zmiana § 8 statutu (wysokość udziału)", "statute_change"),
            ("Wybory uzupełniające do rady nadzorczej", "election"),
        ] {
            let form = AgendaForm {
                title: title.into(),
                resolution: resolution.into(),
                description: String::new(),
            };
            self.add_agenda_item(admin, space, id, form).await?;
        }
        self.send_assembly_notice(admin, space, id).await?;
        Ok(())
    }

    /// What happens in a living cooperative, for the demo: a declaration waiting, a
    /// refusal under appeal, a member in their notice period, and, with the
    /// municipality's name, two projects — a school-roof photovoltaic installation
    /// partly funded with the municipality's pledge, and a repair café funded and now
    /// an asset.
    pub(crate) async fn load_demo_coop_life(
        &self,
        space: SpaceId,
        board: UserId,
        waiting: UserId,
        refused: UserId,
        leaving_member: i64,
        municipality: Option<&str>,
    ) -> Result<(), AppError> {
        use super::{AssetForm, InvestmentForm, PledgeForm};
        let board = self
            .subject(Some(&self.user(board).await?), Some(space))
            .await?;
        let declare = |user: UserId| async move {
            let person = self.user(user).await?;
            let subject = self.subject(Some(&person), Some(space)).await?;
            let form = DeclarationForm {
                name: person.display_name.clone(),
                address: format!(
                    "ul. Okrzei {}, {}",
                    user.0 % 30 + 1,
                    person.city.clone().unwrap_or_default()
                ),
                shares: "1".into(),
                accept_statute: true,
                ..DeclarationForm::default()
            };
            let id = self.declare_membership(&subject, space, form).await?;
            Ok::<_, AppError>((subject, id))
        };
        declare(waiting).await?;
        let (applicant, d) = declare(refused).await?;
        let reasons =
            "Deklaracja nie wskazuje adresu na terenie działania Spółdzielni (§ 6 statutu).";
        self.decide_declaration(
            &board,
            space,
            d,
            Decision::Refuse {
                reasons: reasons.into(),
            },
        )
        .await?;
        self.appeal_refusal(
            &applicant,
            space,
            d,
            "Mieszkam w Dąbrowie Górniczej od 2019 r.; adres korespondencyjny podałem omyłkowo.",
        )
        .await?;
        self.give_notice(&board, space, leaving_member, "").await?;
        let Some(municipality) = municipality else {
            return Ok(());
        };
        let pv = self
            .create_investment(
                &board,
                space,
                InvestmentForm {
                    title: "Fotowoltaika 50 kWp na dachu Szkoły Podstawowej nr 5".into(),
                    summary: "Panele na dachu szkoły: tańszy prąd dla szkoły, zysk dla członków.".into(),
                    description: "Instalacja 50 kWp na dachu SP nr 5 przy ul. Szkolnej. Szkoła kupuje energię po stałej cenie, nadwyżka trafia do sieci.".into(),
                    goal: "250000".into(),
                    milestones: "Audyt dachu i projekt\nPozwolenia i przyłącze\nMontaż\nOdbiór i uruchomienie".into(),
                },
            )
            .await?;
        let gmina = self
            .pledge(
                &board,
                space,
                pv,
                PledgeForm {
                    amount: "150000".into(),
                    partner: municipality.into(),
                    ..PledgeForm::default()
                },
            )
            .await?;
        self.pay_pledge(&board, space, gmina, "100000", "", "Uchwała Rady Miejskiej")
            .await?;
        let firm = self
            .pledge(
                &board,
                space,
                pv,
                PledgeForm {
                    amount: "30000".into(),
                    partner: "Fundacja Energia dla Zagłębia".into(),
                    ..PledgeForm::default()
                },
            )
            .await?;
        self.pay_pledge(&board, space, firm, "30000", "", "umowa darowizny")
            .await?;
        let pv_milestones = super::invest::milestone_ids(self, space, pv).await?;
        for m in pv_milestones.iter().take(2) {
            self.complete_milestone(&board, space, pv, *m, "").await?;
        }
        self.add_investment_document(
            &board,
            space,
            pv,
            "Audyt dachu SP nr 5: streszczenie",
            crate::files::Upload {
                name: "audyt-dachu-sp5.pdf".into(),
                bytes: demo_document(
                    "Audyt dachu Szkoły Podstawowej nr 5",
                    "Dach o powierzchni 420 m² przyjmie 112 paneli (50 kWp). Konstrukcja nośna wystarcza bez wzmocnień. Przewidywana produkcja: ok. 48 MWh rocznie, z czego szkoła zużyje na miejscu około 60%.",
                )?,
            },
        )
        .await?;
        // A member brings tools in kind for the repair café.
        self.record_contribution(
            &board,
            space,
            1,
            "aport: elektronarzędzia do kawiarenki naprawczej",
            "1500",
            "",
        )
        .await?;
        let cafe = self
            .create_investment(
                &board,
                space,
                InvestmentForm {
                    title: "Kawiarenka naprawcza".into(),
                    summary: "Miejsce, w którym sąsiedzi naprawiają sprzęt razem z fachowcami."
                        .into(),
                    goal: "20000".into(),
                    milestones: "Lokal\nNarzędzia\nOtwarcie".into(),
                    ..InvestmentForm::default()
                },
            )
            .await?;
        let p = self
            .pledge(
                &board,
                space,
                cafe,
                PledgeForm {
                    amount: "20000".into(),
                    partner: municipality.into(),
                    ..PledgeForm::default()
                },
            )
            .await?;
        self.pay_pledge(&board, space, p, "20000", "", "dotacja")
            .await?;
        for m in super::invest::milestone_ids(self, space, cafe).await? {
            self.complete_milestone(&board, space, cafe, m, "").await?;
        }
        let today = wspolnota_domain::date::format(self.today());
        self.add_asset(
            &board,
            space,
            Some(cafe),
            AssetForm {
                name: "Kawiarenka naprawcza: narzędzia i wyposażenie".into(),
                kind: "equipment".into(),
                location: "ul. Kościuszki 12, Dąbrowa Górnicza".into(),
                acquired_on: today,
                value: "20000".into(),
                ..AssetForm::default()
            },
        )
        .await?;
        Ok(())
    }

    /// The building retrofit the Konin cooperative prepares while it is being founded.
    pub(crate) async fn load_demo_retrofit(
        &self,
        space: SpaceId,
        board: UserId,
    ) -> Result<(), AppError> {
        let board = self
            .subject(Some(&self.user(board).await?), Some(space))
            .await?;
        self.create_investment(
            &board,
            space,
            super::InvestmentForm {
                title: "Termomodernizacja bloku przy ul. Wyszyńskiego 4".into(),
                summary: "Ocieplenie, pompy ciepła i panele: niższe rachunki dla 60 rodzin.".into(),
                goal: "1800000".into(),
                milestones: "Audyt energetyczny\nZgoda wspólnoty mieszkaniowej\nWniosek o dofinansowanie\nRoboty".into(),
                ..super::InvestmentForm::default()
            },
        )
        .await?;
        Ok(())
    }

    /// The member number of the member with id `member`.
    async fn member_number(&self, space: SpaceId, member: i64) -> Result<i64, AppError> {
        let mut c = self.store.read().await?;
        let total = wspolnota_store::coop::members::count(&mut c, space).await?;
        let all = wspolnota_store::coop::members::page(&mut c, space, total.max(1), 0).await?;
        all.iter()
            .find(|m| m.id == member)
            .map(|m| m.number)
            .ok_or(AppError::NotFound)
    }
}

/// A short PDF standing for a document of a demo project.
fn demo_document(title: &str, text: &str) -> Result<Vec<u8>, AppError> {
    let mut doc = wspolnota_pdf::Document::new(title);
    doc.lang = "pl".into();
    doc.push(wspolnota_pdf::Block::heading(1, title));
    doc.push(wspolnota_pdf::Block::Paragraph(text.into()));
    wspolnota_pdf::render(&doc).map_err(|e| AppError::Internal(format!("demo PDF: {e}")))
}
