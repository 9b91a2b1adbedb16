//! Writing to the register and the ledger: payments (shares, entry fee), notice of
//! exit, the end of a membership, approved statements (which make refunds due),
//! refunds paid, and corrections. Each is checked against the member's current
//! state folded from what is recorded, and only ever adds entries.

use super::register::{parse_entry, parse_movement};
use super::{authorise, load, Cooperative};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::ledger::{self as rules, Balance, Excess, Movement};
use wspolnota_domain::coop::register::{self as reg, Details, EndReason, Entry, MemberState};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::{SpaceId, UserId};
use wspolnota_domain::pb::{Money, MoneyParseError};
use wspolnota_domain::text;
use wspolnota_store::coop::members::{self, Member};
use wspolnota_store::Conn;

/// What a payment pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Purpose {
    #[default]
    Shares,
    EntryFee,
}

#[derive(Debug, Clone, Default)]
pub struct PaymentForm {
    /// Złoty as typed: `120`, `120,50`; at most two decimals.
    pub amount: String,
    /// `YYYY-MM-DD`; empty for today.
    pub paid_on: String,
    pub method: String,
    pub reference: String,
    pub purpose: Purpose,
    /// Accept money beyond the unpaid shares and record the excess as money to return.
    pub record_excess: bool,
}

#[derive(Debug, Clone, Default)]
pub struct EndForm {
    /// `exclusion`, `removal` or `death`.
    pub reason: String,
    pub on: String,
    /// The resolution (exclusion) and its specific reasons (exclusion, removal).
    pub resolution: String,
    pub reasons: String,
}

pub(super) const FIELD_MAX: usize = 200;

/// Reads an amount typed in złoty, exactly.
pub fn amount(typed: &str) -> Result<Money, CoopError> {
    match Money::parse(typed) {
        Ok(m) => Ok(m),
        Err(MoneyParseError::TooPrecise) => Err(CoopError::TooPrecise),
        Err(_) => Err(CoopError::BadAmount),
    }
}

pub(super) fn day_or_today(typed: &str, today: Date) -> Result<Date, CoopError> {
    match typed.trim() {
        "" => Ok(today),
        t => date::parse(t).ok_or(CoopError::BadDate),
    }
}

/// A member with their folded state and balance, read inside the writing transaction.
pub(super) struct Current {
    pub member: Member,
    pub state: MemberState,
    pub balance: Balance,
}

pub(super) async fn current(
    c: &mut Conn,
    space: SpaceId,
    number: i64,
) -> Result<Current, AppError> {
    let member = members::by_number(c, space, number).await?;
    let entries = members::entries_of(c, space, &[member.id]).await?;
    let movements = members::movements_of(c, space, &[member.id]).await?;
    let entries = entries
        .iter()
        .map(|e| Ok((e.id, parse_entry(e)?)))
        .collect::<Result<Vec<_>, AppError>>()?;
    let movements = movements
        .iter()
        .map(parse_movement)
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(Current {
        state: MemberState::fold(&entries),
        balance: Balance::of(&movements),
        member,
    })
}

pub(super) async fn add_movement(
    c: &mut Conn,
    coop: &Cooperative,
    member: i64,
    m: &Movement,
    on: Date,
    extra: (Option<&str>, Option<&str>, Option<&str>),
    (by, now): (Option<UserId>, wspolnota_domain::clock::Timestamp),
) -> Result<i64, AppError> {
    Ok(members::add_movement(
        c,
        &members::NewMovement {
            space: coop.space.id,
            member,
            kind: m.kind(),
            shares: i64::from(m.shares()),
            amount: m.amount().0,
            on_date: &date::format(on),
            method: extra.0,
            reference: extra.1,
            note: extra.2,
            by,
        },
        now,
    )
    .await?)
}

async fn add_entry(
    c: &mut Conn,
    coop: &Cooperative,
    member: i64,
    e: &Entry,
    on: Date,
    corrects: Option<(i64, &str)>,
    (by, now): (Option<UserId>, wspolnota_domain::clock::Timestamp),
) -> Result<i64, AppError> {
    let body = serde_json::to_string(e).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(members::add_entry(
        c,
        &members::NewEntry {
            space: coop.space.id,
            member,
            entry: e.code(),
            body: &body,
            effective_on: &date::format(on),
            corrects: corrects.map(|(id, _)| id),
            reason: corrects.map(|(_, r)| r),
            by,
        },
        now,
    )
    .await?)
}

impl App {
    /// Records a payment of a member: towards shares (never silently beyond what was
    /// declared) or the entry fee (exactly the fee).
    pub async fn record_payment(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        form: PaymentForm,
    ) -> Result<Vec<i64>, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let money = amount(&form.amount)?;
        let today = self.today();
        let paid_on = day_or_today(&form.paid_on, today)?;
        if paid_on > today {
            return Err(CoopError::BadDate.into());
        }
        let method = text::optional("method", &form.method, FIELD_MAX)?;
        let reference = text::optional("reference", &form.reference, FIELD_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        if cur.state.standing(today) == reg::Standing::Ended {
            return Err(CoopError::NotStillMember.into());
        }
        let moves = match form.purpose {
            Purpose::Shares => {
                let excess = if form.record_excess {
                    Excess::RecordToReturn
                } else {
                    Excess::Refuse
                };
                rules::pay_shares(&cur.balance, money, excess)?
            }
            Purpose::EntryFee => vec![rules::pay_entry_fee(
                &cur.balance,
                coop.settings.entry_fee,
                money,
            )?],
        };
        let mut ids = Vec::new();
        for m in &moves {
            ids.push(
                add_movement(
                    &mut tx,
                    &coop,
                    cur.member.id,
                    m,
                    paid_on,
                    (method.as_deref(), reference.as_deref(), None),
                    (subject.user, now),
                )
                .await?,
            );
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.payment",
                None,
                Some(
                    json!({"member": number, "movements": moves, "paid_on": date::format(paid_on)}),
                ),
            ),
            now,
        )
        .await?;
        Ok(ids)
    }

    /// Written notice of exit: by the member, or entered by the board from a letter
    /// (then `given_on` is the letter's date). Returns the day membership ends.
    pub async fn give_notice(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        given_on: &str,
    ) -> Result<Date, AppError> {
        self.cooperative(space).await?;
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        let own = cur
            .member
            .user_id
            .filter(|u| Some(*u) == subject.user)
            .or_else(|| {
                cur.member
                    .org_id
                    .filter(|o| subject.represents(*o))
                    .and(subject.user)
            });
        authorise(subject, CoopAction::GiveNotice { member_user: own })?;
        // Only the board may date a notice from a letter; a member gives it today.
        let on = if own.is_some() && !subject.has(wspolnota_domain::access::SpaceRole::Board) {
            today
        } else {
            day_or_today(given_on, today)?
        };
        let entry = reg::give_notice(&cur.state, coop.settings.exit_notice_months, on)?;
        let Entry::NoticeOfExit { ends_on, .. } = entry else {
            return Err(AppError::Internal("notice".into()));
        };
        add_entry(
            &mut tx,
            &coop,
            cur.member.id,
            &entry,
            on,
            None,
            (subject.user, now),
        )
        .await?;
        members::set_ends_on(&mut tx, cur.member.id, &date::format(ends_on)).await?;
        audit::commit(
            tx,
            audit::Change::in_space(subject.user, space, "coop.notice_given", None, Some(json!({"member": number, "given_on": date::format(on), "ends_on": date::format(ends_on)}))),
            now,
        )
        .await?;
        Ok(ends_on)
    }

    /// Ends a membership by exclusion (a resolution with reasons), removal or death.
    pub async fn end_membership(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        form: EndForm,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let today = self.today();
        let on = day_or_today(&form.on, today)?;
        let resolution =
            text::optional("resolution", &form.resolution, FIELD_MAX)?.unwrap_or_default();
        let reasons = text::optional("reasons", &form.reasons, 5_000)?.unwrap_or_default();
        let end = match form.reason.trim() {
            "exclusion" => EndReason::Exclusion {
                resolution,
                reasons,
            },
            "removal" => EndReason::Removal { reasons },
            "death" => EndReason::Death,
            _ => return Err(wspolnota_domain::DomainError::UnknownKind.into()),
        };
        if on > today {
            return Err(CoopError::BadDate.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        let entry = reg::end_membership(&cur.state, on, end.clone())?;
        // An exclusion or a removal is notified in writing with its reasons (within two
        // weeks, the law says): by e-mail at once when the member has an account.
        let notified = match &end {
            EndReason::Exclusion {
                resolution,
                reasons,
            } => Some((resolution.clone(), reasons.clone())),
            EndReason::Removal { reasons } => Some((String::new(), reasons.clone())),
            _ => None,
        };
        if let (Some((resolution, reasons)), Some(user)) = (notified, cur.member.user_id) {
            let person = wspolnota_store::users::by_id(&mut tx, user).await?;
            if let Some(to) = &person.email {
                let args = [
                    ("coop", coop.space.name.clone()),
                    ("name", cur.state.details.name.clone()),
                    ("kind", end.code().to_string()),
                    ("resolution", resolution.clone()),
                    ("reasons", reasons.clone()),
                    ("on", date::format(on)),
                ];
                crate::mail::queue(
                    &mut tx,
                    to,
                    crate::mail::Message::Notice {
                        subject: "mail-coop-ended-subject",
                        body: "mail-coop-ended-body",
                        args: &args,
                    },
                    person.locale.as_deref(),
                    &self.config.instance_secret,
                    now,
                )
                .await?;
            }
        }
        add_entry(
            &mut tx,
            &coop,
            cur.member.id,
            &entry,
            on,
            None,
            (subject.user, now),
        )
        .await?;
        members::set_ends_on(&mut tx, cur.member.id, &date::format(on)).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.membership_ended",
                None,
                Some(json!({"member": number, "entry": entry})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// The member declares more (voluntary) shares, on a written declaration the board
    /// records; the total stays within the statute.
    pub async fn declare_more_shares(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        shares: &str,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let n = super::declarations::shares_of(shares)?;
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        if cur.state.standing(today) == reg::Standing::Ended {
            return Err(CoopError::NotStillMember.into());
        }
        let m = rules::declare_more(&cur.balance, &coop.settings, n)?;
        add_movement(
            &mut tx,
            &coop,
            cur.member.id,
            &m,
            today,
            (None, None, Some("deklaracja udziałów dobrowolnych")),
            (subject.user, now),
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.shares_declared",
                None,
                Some(json!({"member": number, "shares": n, "value": m.amount()})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Records a contribution other than shares (wkład: money, a thing brought in kind,
    /// work) with its kind and value, as the register must show (art. 30).
    pub async fn record_contribution(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        kind: &str,
        value: &str,
        on: &str,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let kind = text::required("kind", kind, FIELD_MAX)?;
        let value = amount(value)?;
        let today = self.today();
        let on = day_or_today(on, today)?;
        if on > today {
            return Err(CoopError::BadDate.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let cur = current(&mut tx, space, number).await?;
        let entry = reg::contribution(&cur.state, on, kind.clone(), value)?;
        let id = add_entry(
            &mut tx,
            &coop,
            cur.member.id,
            &entry,
            on,
            None,
            (subject.user, now),
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.contribution_recorded",
                None,
                Some(
                    json!({"member": number, "kind": kind, "value": value, "on": date::format(on)}),
                ),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Corrects a member's name, address or KRS: a new entry naming the one it
    /// corrects, with the reason. Nothing recorded is changed.
    pub async fn correct_details(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
        entry: i64,
        details: Details,
        reason: &str,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::KeepRegister)?;
        self.cooperative(space).await?;
        let reason = text::required("reason", reason, FIELD_MAX)?;
        let details = Details {
            name: text::required("name", &details.name, text::NAME_MAX)?,
            address: text::required("address", &details.address, 300)?,
            krs: details
                .krs
                .filter(|k| !k.trim().is_empty())
                .map(|k| wspolnota_domain::registry_numbers::krs(&k))
                .transpose()?,
        };
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let member = members::by_number(&mut tx, space, number).await?;
        let rows = members::entries_of(&mut tx, space, &[member.id]).await?;
        let target = rows
            .iter()
            .find(|r| r.id == entry)
            .ok_or(CoopError::UnknownEntry)?;
        if !matches!(
            parse_entry(target)?,
            Entry::Details(_) | Entry::Correction { .. }
        ) {
            return Err(CoopError::UnknownEntry.into());
        }
        let correction = Entry::Correction {
            corrects: entry,
            reason: reason.clone(),
            replacement: Box::new(Entry::Details(details)),
        };
        let id = add_entry(
            &mut tx,
            &coop,
            member.id,
            &correction,
            today,
            Some((entry, &reason)),
            (subject.user, now),
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.register_corrected",
                None,
                Some(json!({"member": number, "corrects": entry, "entry": id, "reason": reason})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }
}
