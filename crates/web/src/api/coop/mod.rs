//! `/api/v1/spaces/{slug}/…` of a development cooperative: the member register, the
//! declarations and their decisions, the share ledger and payments, under the same
//! rules as the pages. Every route answers 404 when the space is not a cooperative
//! or its `register` module is off. Money is in grosze (integers) going out, and a
//! decimal string in złoty coming in; dates are `YYYY-MM-DD`.

pub(super) mod declarations;
pub(super) mod invest;
pub(super) mod members;
pub(super) mod shares;

use super::OrApi;
use crate::error::ApiError;
use crate::{AppState, Ctx};
use serde::Serialize;
use utoipa::ToSchema;
use wspolnota_app::coop::MovementRow;
use wspolnota_app::AppError;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::register::{EndReason, Standing};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::DomainError;

/// The cooperative a request is about, and who asks.
pub(super) struct Coop {
    pub space: SpaceId,
    pub slug: String,
    pub subject: Subject,
}

/// Loads the cooperative of `slug` and the caller's standing in it; 404 for everyone
/// when the space is not a cooperative or its register is switched off.
pub(super) async fn coop(s: &AppState, ctx: &Ctx, slug: &str) -> Result<Coop, ApiError> {
    let space = s.app.space_by_slug(slug).await.or_api(ctx)?;
    s.app.cooperative(space.id).await.or_api(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_api(ctx)?;
    Ok(Coop {
        space: space.id,
        slug: space.slug,
        subject,
    })
}

impl Coop {
    /// Asks the policy, before any input is read.
    pub fn allow(&self, ctx: &Ctx, action: CoopAction) -> Result<(), ApiError> {
        wspolnota_app::authorise(&self.subject, Action::Coop(action)).or_api(ctx)
    }
}

/// A number in the path (a member number, an id); 404 when it is not one.
pub(super) fn number_in_path(ctx: &Ctx, text: &str) -> Result<i64, ApiError> {
    text.parse()
        .map_err(|_| ApiError::new(ctx.locale, AppError::NotFound))
}

/// Refuses text longer than `max` characters as sent (the schema's `maxLength`),
/// before the use case trims it.
pub(super) fn within(
    ctx: &Ctx,
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<(), ApiError> {
    if value.chars().count() > max {
        Err(ApiError::new(
            ctx.locale,
            AppError::Invalid(DomainError::TooLong { field, max }),
        ))
    } else {
        Ok(())
    }
}

/// A natural person (`natural`) or a legal person (`legal`).
#[derive(Serialize, ToSchema, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    Natural,
    Legal,
}

impl MemberKind {
    fn of(stored: &str) -> MemberKind {
        if stored == "legal" {
            MemberKind::Legal
        } else {
            MemberKind::Natural
        }
    }
}

/// Where a membership stands today.
#[derive(Serialize, ToSchema, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
pub enum MemberStanding {
    Active,
    /// Notice of exit given; still a member until `ends_on`.
    Leaving,
    Ended,
}

impl From<Standing> for MemberStanding {
    fn from(s: Standing) -> Self {
        match s {
            Standing::Active => MemberStanding::Active,
            Standing::Leaving => MemberStanding::Leaving,
            Standing::Ended => MemberStanding::Ended,
        }
    }
}

/// Why a membership ended: the notice ran out (`exit`), `exclusion`, `removal` or `death`.
#[derive(Serialize, ToSchema, Clone, Copy, Debug)]
#[serde(rename_all = "snake_case")]
pub enum EndOfMembership {
    Exit,
    Exclusion,
    Removal,
    Death,
}

impl From<&EndReason> for EndOfMembership {
    fn from(e: &EndReason) -> Self {
        match e {
            EndReason::Exit => EndOfMembership::Exit,
            EndReason::Exclusion { .. } => EndOfMembership::Exclusion,
            EndReason::Removal { .. } => EndOfMembership::Removal,
            EndReason::Death => EndOfMembership::Death,
        }
    }
}

/// One movement of the share ledger. Movements are never changed: a mistake is
/// corrected by a new movement.
#[derive(Serialize, ToSchema)]
pub struct MovementDto {
    pub id: i64,
    /// The member's number in the register.
    pub member: i64,
    /// `declared`, `withdrawn`, `payment`, `surplus_to_shares`, `entry_fee`,
    /// `overpayment`, `overpayment_returned`, `refund_due`, `refund_paid` or
    /// `payment_correction`.
    pub kind: String,
    /// Shares declared or withdrawn; 0 for movements of money.
    pub shares: i64,
    /// In grosze (1/100 of a złoty); signed only for `payment_correction`.
    pub amount_grosze: i64,
    #[schema(format = Date, example = "2026-05-28")]
    pub on_date: String,
    /// How the money came (`przelew`, `gotówka`…), as the board recorded it.
    pub method: Option<String>,
    /// The transfer's title, a receipt number, or the declaration it comes from.
    pub reference: Option<String>,
    pub note: Option<String>,
    /// When it was recorded, Unix seconds.
    pub recorded_at: i64,
}

impl MovementDto {
    pub(super) fn of(member: i64, m: MovementRow) -> MovementDto {
        MovementDto {
            id: m.id,
            member,
            kind: m.kind,
            shares: m.shares,
            amount_grosze: m.amount,
            on_date: m.on_date,
            method: m.method,
            reference: m.reference,
            note: m.note,
            recorded_at: m.recorded_at.0,
        }
    }
}
