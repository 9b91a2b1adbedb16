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
