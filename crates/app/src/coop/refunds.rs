//! The year's approved financial statements and the share refunds they make due:
//! everyone whose membership ended in that year is owed the paid-in shares they hold,
//! payable the statute's months after the approval, and tracked until paid.

use super::ledger::{add_movement, amount, current, day_or_today, PaymentForm, FIELD_MAX};
use super::{authorise, load};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::ledger::{self as rules, Movement};
use wspolnota_domain::coop::register as reg;
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::Money;
use wspolnota_domain::text;
use wspolnota_store::coop::members;
use wspolnota_store::StoreError;

#[derive(Debug, Clone, Default)]
pub struct StatementsForm {
    pub year: String,
    pub approved_on: String,
    pub surplus: String,
    pub reserve_fund: String,
}

impl App {
    /// Records the approval of a year's financial statements. Every member whose
    /// membership ended in that year is then owed the paid-in shares they hold, due
    /// the statute's months after the approval. Returns how many refunds fell due.
    pub async fn approve_statements(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: StatementsForm,
    ) -> Result<usize, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let year: i32 = form.year.trim().parse().map_err(|_| CoopError::BadDate)?;
        let approved = date::parse(&form.approved_on).ok_or(CoopError::BadDate)?;
        let today = self.today();
        if approved > today || date::year(approved) < year || year < 1900 {
            return Err(CoopError::BadDate.into());
        }
        let surplus = amount(&form.surplus)?;
        let reserve = amount(&form.reserve_fund)?;
        if reserve.0 < 0 {
            return Err(CoopError::BadAmount.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        match members::insert_statements(
            &mut tx,
            space,
            i64::from(year),
            &date::format(approved),
            surplus.0,
            reserve.0,
            subject.user,
            now,
        )
        .await
        {
            Ok(()) => {}
            Err(StoreError::Conflict(_)) => return Err(CoopError::StatementsRecorded.into()),
            Err(e) => return Err(e.into()),
        }
        let total = members::count(&mut tx, space).await?;
        let all = members::page(&mut tx, space, total.max(1), 0).await?;
        let mut due = 0;
        for m in all {
            let Some(end) = m.ends_on.as_deref().and_then(date::parse) else {
                continue;
            };
            // The exit ends the day after the notice runs out; the year of leaving is the
            // year of the last day of membership.
            let last_day = end.pred_opt().unwrap_or(end);
            if date::year(last_day) != year {
                continue;
            }
            let cur = current(&mut tx, space, m.number).await?;
            let owed = cur.balance.held().0 - cur.balance.refund_outstanding.0;
            if owed <= 0 {
                continue;
            }
            let on = reg::refund_due_on(Some(approved), coop.settings.refund_months)?;
            add_movement(
                &mut tx,
                &coop,
                m.id,
                &Movement::RefundDue {
                    amount: Money(owed),
                },
                on,
                (None, None, Some(&format!("sprawozdanie {year}"))),
                (subject.user, now),
            )
            .await?;
            due += 1;
        }
        audit::commit(
            tx,
            audit::Change::in_space(subject.user, space, "coop.statements_approved", None, Some(json!({"year": year, "approved_on": date::format(approved), "surplus": surplus, "reserve_fund": reserve, "refunds_due": due}))),
            now,
        )
        .await?;
        Ok(due)
    }

    /// Pays out (part of) a refund that is due; refused before the statements of the
    /// year of leaving are approved (no refund is due then).
    pub async fn pay_refund(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        form: PaymentForm,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let money = amount(&form.amount)?;
        let today = self.today();
        let on = day_or_today(&form.paid_on, today)?;
        let reference = text::optional("reference", &form.reference, FIELD_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        if cur.balance.refund_outstanding.0 <= 0 && cur.state.ends_on.is_some() {
            return Err(CoopError::StatementsNotApproved.into());
        }
        let m = rules::pay_refund(&cur.balance, money)?;
        add_movement(
            &mut tx,
            &coop,
            cur.member.id,
            &m,
            on,
            (None, reference.as_deref(), None),
            (subject.user, now),
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.refund_paid",
                None,
                Some(json!({"member": number, "amount": money})),
            ),
            now,
        )
        .await?;
        Ok(())
    }
}
