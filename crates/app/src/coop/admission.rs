//! Admission: making the applicant of a declaration a member — the next member
//! number, the register's first entries and the declared shares, in the deciding
//! transaction — and the check that nobody is admitted twice.

use super::Cooperative;
use crate::AppError;
use wspolnota_domain::coop::ledger::Movement;
use wspolnota_domain::coop::register::{Details, Entry};
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date::{self, Date};
use wspolnota_domain::ids::{OrgId, SpaceId, UserId};
use wspolnota_store::coop::declarations::Declaration;
use wspolnota_store::coop::members;
use wspolnota_store::Conn;

/// Refuses a declaration by someone who is a member already (or an organisation that is).
pub(super) async fn already_member(
    c: &mut Conn,
    space: SpaceId,
    user: Option<UserId>,
    org: Option<OrgId>,
    today: Date,
) -> Result<(), AppError> {
    let today = date::format(today);
    let is = match (org, user) {
        (Some(o), _) => members::current_of_org(c, space, o, &today)
            .await?
            .is_some(),
        (None, Some(u)) => members::of_user(c, space, u)
            .await?
            .iter()
            .any(|m| m.ends_on.as_deref().is_none_or(|e| e > today.as_str())),
        (None, None) => false,
    };
    if is {
        Err(CoopError::AlreadyMember.into())
    } else {
        Ok(())
    }
}

/// Makes the applicant of `d` a member: the next member number, the admission and
/// details entries of the register, and the declared shares in the ledger.
pub(super) async fn admit_member(
    c: &mut Conn,
    coop: &Cooperative,
    d: &Declaration,
    today: Date,
    by: Option<UserId>,
    now: wspolnota_domain::clock::Timestamp,
) -> Result<i64, AppError> {
    already_member(c, coop.space.id, d.user_id, d.org_id, today).await?;
    let on = date::format(today);
    let (member, _number) = members::insert(
        c,
        &members::NewMember {
            space: coop.space.id,
            kind: &d.kind,
            user: if d.org_id.is_some() {
                d.user_id.filter(|_| false)
            } else {
                d.user_id
            },
            org: d.org_id,
            declaration: Some(d.id),
            sort_name: &d.name,
            admitted_on: &on,
        },
    )
    .await?;
    let entries = [
        Entry::Admitted {
            on: today,
            founder: d.founder,
        },
        Entry::Details(Details {
            name: d.name.clone(),
            address: d.address.clone(),
            krs: d.krs.clone(),
        }),
    ];
    for e in &entries {
        let body = serde_json::to_string(e).map_err(|e| AppError::Internal(e.to_string()))?;
        members::add_entry(
            c,
            &members::NewEntry {
                space: coop.space.id,
                member,
                entry: e.code(),
                body: &body,
                effective_on: &on,
                corrects: None,
                reason: None,
                by,
            },
            now,
        )
        .await?;
    }
    let shares = u32::try_from(d.shares).map_err(|_| CoopError::BadShares)?;
    let declared = Movement::Declared {
        shares,
        value: coop.settings.value_of(shares),
    };
    members::add_movement(
        c,
        &members::NewMovement {
            space: coop.space.id,
            member,
            kind: declared.kind(),
            shares: i64::from(shares),
            amount: declared.amount().0,
            on_date: &on,
            method: None,
            reference: Some(&format!("deklaracja {}", d.id)),
            note: None,
            by,
        },
        now,
    )
    .await?;
    Ok(member)
}
