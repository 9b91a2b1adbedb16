//! Reading the member register: a page of members with their state and balances,
//! one member's entries and ledger, and the reconciliation of ledger sums with the
//! register for every member.

use super::{authorise, Cooperative};
use crate::{App, AppError};
use std::collections::BTreeMap;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::ledger::{Balance, Movement};
use wspolnota_domain::coop::register::{Entry, MemberState, Standing};
use wspolnota_domain::coop::settings::MembersSee;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::paging::{Page, Paging};
use wspolnota_domain::pb::Money;
use wspolnota_store::coop::members::{self, EntryRow, Member, MovementRow};
use wspolnota_store::Conn;

/// One member as a row of the register.
#[derive(Debug, Clone)]
pub struct RegisterRow {
    pub member: Member,
    pub state: MemberState,
    pub standing: Standing,
    pub balance: Balance,
}

/// A page of the register, and whether the reader sees every column.
#[derive(Debug, Clone)]
pub struct RegisterPage {
    pub rows: Page<RegisterRow>,
    pub total: i64,
    /// False for members when the statute hides addresses of natural persons.
    pub addresses: bool,
}

/// One member's full record.
#[derive(Debug, Clone)]
pub struct MemberView {
    pub row: RegisterRow,
    pub entries: Vec<EntryRow>,
    pub movements: Vec<MovementRow>,
    pub addresses: bool,
}

/// What the reconciliation found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reconciliation {
    pub members: usize,
    pub movements: usize,
    /// Member numbers whose ledger sums disagree with the balance folded from their
    /// movements, or whose register lacks its admission.
    pub mismatches: Vec<i64>,
}

pub(crate) fn parse_entry(row: &EntryRow) -> Result<Entry, AppError> {
    serde_json::from_str(&row.body)
        .map_err(|e| AppError::Internal(format!("register entry {}: {e}", row.id)))
}

pub(crate) fn parse_movement(row: &MovementRow) -> Result<Movement, AppError> {
    Movement::from_parts(
        &row.kind,
        u32::try_from(row.shares).unwrap_or(0),
        Money(row.amount),
    )
    .ok_or_else(|| AppError::Internal(format!("ledger movement {} of kind {}", row.id, row.kind)))
}

/// Balances from the ledger's sums by member and kind.
pub(crate) fn balances_from_sums(
    sums: &[(i64, String, i64, i64)],
) -> Result<BTreeMap<i64, Balance>, AppError> {
    let mut out: BTreeMap<i64, Balance> = BTreeMap::new();
    for (member, kind, shares, amount) in sums {
        let m = Movement::from_parts(
            kind,
            u32::try_from(*shares).unwrap_or(u32::MAX),
            Money(*amount),
        )
        .ok_or_else(|| AppError::Internal(format!("ledger kind {kind}")))?;
        out.entry(*member).or_default().apply(&m);
    }
    Ok(out)
}

/// Register rows from entries and balances already summed, in the members' order.
pub(crate) fn rows_with_balances(
    members: Vec<Member>,
    entries: &[EntryRow],
    balances: &BTreeMap<i64, Balance>,
    today: Date,
) -> Result<Vec<RegisterRow>, AppError> {
    let mut by_member: BTreeMap<i64, Vec<(i64, Entry)>> = BTreeMap::new();
    for e in entries {
        by_member
            .entry(e.member_id)
            .or_default()
            .push((e.id, parse_entry(e)?));
    }
    Ok(members
        .into_iter()
        .map(|member| {
            let state = MemberState::fold(by_member.get(&member.id).map_or(&[][..], Vec::as_slice));
            let standing = state.standing(today);
            let balance = balances.get(&member.id).copied().unwrap_or_default();
            RegisterRow {
                member,
                state,
                standing,
                balance,
            }
        })
        .collect())
}

/// Folds entries and movements of `members` into register rows, in the members' order.
pub(crate) fn rows_of(
    members: Vec<Member>,
    entries: &[EntryRow],
    movements: &[MovementRow],
    today: Date,
) -> Result<Vec<RegisterRow>, AppError> {
    let mut balances: BTreeMap<i64, Balance> = BTreeMap::new();
    for m in movements {
        balances
            .entry(m.member_id)
            .or_default()
            .apply(&parse_movement(m)?);
    }
    rows_with_balances(members, entries, &balances, today)
}

fn sees_addresses(subject: &Subject, coop: &Cooperative) -> bool {
    wspolnota_domain::access::can(
        subject,
        wspolnota_domain::access::Action::Coop(CoopAction::ViewRegisterInFull),
    ) || coop.settings.members_see == MembersSee::Everything
}

impl App {
    /// A page of the register, by member number, as the reader may see it.
    pub async fn register_page(
        &self,
        subject: &Subject,
        space: SpaceId,
        paging: Paging,
    ) -> Result<RegisterPage, AppError> {
        authorise(subject, CoopAction::ViewRegister)?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let members = members::page(&mut c, space, paging.fetch(), paging.offset()).await?;
        let ids: Vec<i64> = members.iter().map(|m| m.id).collect();
        let entries = members::entries_of(&mut c, space, &ids).await?;
        // A page needs balances, not movements: the ledger's sums are a few rows a member.
        let balances = balances_from_sums(&members::sums_of(&mut c, space, &ids).await?)?;
        let total = members::count(&mut c, space).await?;
        let rows = rows_with_balances(members, &entries, &balances, self.today())?;
        Ok(RegisterPage {
            rows: Page::from_fetched(rows, paging),
            total,
            addresses: sees_addresses(subject, &coop),
        })
    }

    /// The whole register, for the CSV and PDF exports.
    pub async fn whole_register(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<(Cooperative, Vec<RegisterRow>, bool), AppError> {
        authorise(subject, CoopAction::ViewRegister)?;
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let total = members::count(&mut c, space).await?;
        let members = members::page(&mut c, space, total.max(1), 0).await?;
        let entries = members::all_entries(&mut c, space).await?;
        let balances = balances_from_sums(&members::sums(&mut c, space).await?)?;
        let rows = rows_with_balances(members, &entries, &balances, self.today())?;
        let addresses = sees_addresses(subject, &coop);
        Ok((coop, rows, addresses))
    }

    /// One member's record: register entries and ledger.
    pub async fn member_view(
        &self,
        subject: &Subject,
        space: SpaceId,
        number: i64,
    ) -> Result<MemberView, AppError> {
        let coop = self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let member = match members::by_number(&mut c, space, number).await {
            Ok(m) => m,
            Err(wspolnota_store::StoreError::NotFound) => {
                authorise(subject, CoopAction::ViewRegister)?;
                return Err(AppError::NotFound);
            }
            Err(e) => return Err(e.into()),
        };
        let own = member
            .user_id
            .filter(|u| Some(*u) == subject.user)
            .or_else(|| {
                member
                    .org_id
                    .filter(|o| subject.represents(*o))
                    .and(subject.user)
            });
        if !wspolnota_domain::access::can(
            subject,
            wspolnota_domain::access::Action::Coop(CoopAction::ViewRegister),
        ) {
            authorise(subject, CoopAction::ViewMember { member_user: own })?;
        }
        let entries = members::entries_of(&mut c, space, &[member.id]).await?;
        let movements = members::movements_of(&mut c, space, &[member.id]).await?;
        let mut rows = rows_of(vec![member], &entries, &movements, self.today())?;
        let row = rows.pop().ok_or(AppError::NotFound)?;
        let addresses = sees_addresses(subject, &coop) || own.is_some();
        Ok(MemberView {
            row,
            entries,
            movements,
            addresses,
        })
    }

    /// One page of the share ledger, newest first, with the member number of each
    /// movement; for those who see the register in full.
    pub async fn ledger_page(
        &self,
        subject: &Subject,
        space: SpaceId,
        paging: Paging,
    ) -> Result<Page<(i64, MovementRow)>, AppError> {
        authorise(subject, CoopAction::ViewRegisterInFull)?;
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let rows = members::ledger_page(&mut c, space, paging.fetch(), paging.offset()).await?;
        Ok(Page::from_fetched(rows, paging))
    }

    /// Checks, for every member, that the ledger's sums by kind give the same balance
    /// as folding the member's movements one by one, and that each has an admission.
    pub async fn reconcile_register(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Reconciliation, AppError> {
        authorise(subject, CoopAction::ViewRegisterInFull)?;
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        reconcile(&mut c, space, self.today()).await
    }
}

/// The reconciliation, on `c` (the benchmark and the tests call it too).
pub(crate) async fn reconcile(
    c: &mut Conn,
    space: SpaceId,
    today: Date,
) -> Result<Reconciliation, AppError> {
    let total = members::count(c, space).await?;
    let all = members::page(c, space, total.max(1), 0).await?;
    let ids: Vec<i64> = all.iter().map(|m| m.id).collect();
    let entries = members::all_entries(c, space).await?;
    let movements = members::movements_of(c, space, &ids).await?;
    let sums = members::sums(c, space).await?;
    let from_sums = balances_from_sums(&sums)?;
    let movement_count = movements.len();
    let rows = rows_of(all, &entries, &movements, today)?;
    let mismatches = rows
        .iter()
        .filter(|r| {
            from_sums.get(&r.member.id).copied().unwrap_or_default() != r.balance
                || r.state.admitted_on.is_none()
                || r.balance.paid_in.0 > r.balance.declared.0 + r.balance.to_return.0
        })
        .map(|r| r.member.number)
        .collect();
    Ok(Reconciliation {
        members: rows.len(),
        movements: movement_count,
        mismatches,
    })
}

/// Payments overdue (declared shares unpaid after the payment deadline from
/// admission) and refunds due, for the board's overview.
pub(crate) async fn money_waiting(
    c: &mut Conn,
    coop: &Cooperative,
    today: Date,
) -> Result<(i64, i64), AppError> {
    let space = coop.space.id;
    let total = members::count(c, space).await?;
    let all = members::page(c, space, total.max(1), 0).await?;
    let sums = members::sums(c, space).await?;
    let balances = balances_from_sums(&sums)?;
    let mut overdue = 0;
    let mut refunds = 0;
    for m in &all {
        let b = balances.get(&m.id).copied().unwrap_or_default();
        let admitted = date::parse(&m.admitted_on).unwrap_or(today);
        let still = m
            .ends_on
            .as_deref()
            .is_none_or(|e| e > date::format(today).as_str());
        if still
            && b.unpaid().0 > 0
            && date::plus_days(admitted, coop.settings.payment_days) < today
        {
            overdue += 1;
        }
        if b.refund_outstanding.0 > 0 {
            refunds += 1;
        }
    }
    Ok((overdue, refunds))
}
