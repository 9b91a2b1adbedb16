//! The member register: a page of members as the caller may see it, one member's
//! entries and ledger, and the refusal to change or delete an entry.

use super::{coop, number_in_path, EndOfMembership, MemberKind, MemberStanding, MovementDto};
use crate::api::spaces::{paged_json, PageQuery};
use crate::api::{OrApi, QueryParams};
use crate::error::{ApiError, ErrorBody};
use crate::{AppState, Ctx};
use axum::extract::{Path, State};
use axum::response::Response;
use axum::{Extension, Json};
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;
use wspolnota_app::coop::{EntryRow, RegisterRow};
use wspolnota_app::AppError;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date::{self, Date};

/// One member as a row of the register.
#[derive(Serialize, ToSchema)]
pub struct MemberDto {
    /// The member number, given in order of admission.
    pub number: i64,
    pub kind: MemberKind,
    /// A person's full name, or an organisation's registered name.
    pub name: String,
    /// A person's address, or an organisation's seat (always shown). `null` when the
    /// caller may not see the addresses of natural persons (members, unless the
    /// statute shows them everything; their own address they always see).
    pub address: Option<String>,
    /// An organisation's KRS number.
    pub krs: Option<String>,
    #[schema(format = Date, example = "2026-05-28")]
    pub admitted_on: String,
    /// Admitted while the cooperative was being founded.
    pub founder: bool,
    pub standing: MemberStanding,
    #[schema(format = Date)]
    pub notice_given_on: Option<String>,
    /// The day membership ends (notice given) or ended.
    #[schema(format = Date)]
    pub ends_on: Option<String>,
    /// Why it ended, once it has.
    pub end_reason: Option<EndOfMembership>,
    pub declared_shares: i64,
    /// What the declared shares are worth, in grosze.
    pub declared_grosze: i64,
    /// Money paid towards the declared shares, in grosze.
    pub paid_in_grosze: i64,
    /// Declared shares not yet paid for, in grosze.
    pub unpaid_grosze: i64,
    pub entry_fee_paid_grosze: i64,
    /// Money received beyond the declared shares, owed back, in grosze.
    pub to_return_grosze: i64,
    /// Refund of shares due and not yet paid, in grosze.
    pub refund_due_grosze: i64,
    pub refunded_grosze: i64,
}

fn member_dto(row: &RegisterRow, addresses: bool, today: Date) -> MemberDto {
    let st = &row.state;
    let b = &row.balance;
    let kind = MemberKind::of(&row.member.kind);
    MemberDto {
        number: row.member.number,
        kind,
        name: st.details.name.clone(),
        address: (addresses || kind == MemberKind::Legal).then(|| st.details.address.clone()),
        krs: st.details.krs.clone(),
        admitted_on: st
            .admitted_on
            .map(date::format)
            .unwrap_or_else(|| row.member.admitted_on.clone()),
        founder: st.founder,
        standing: row.standing.into(),
        notice_given_on: st.notice_given_on.map(date::format),
        ends_on: st.ends_on.map(date::format),
        end_reason: st.ended_because(today).as_ref().map(EndOfMembership::from),
        declared_shares: i64::from(b.declared_shares),
        declared_grosze: b.declared.0,
        paid_in_grosze: b.paid_in.0,
        unpaid_grosze: b.unpaid().0,
        entry_fee_paid_grosze: b.entry_fee_paid.0,
        to_return_grosze: b.to_return.0,
        refund_due_grosze: b.refund_outstanding.0,
        refunded_grosze: b.refunded.0,
    }
}

/// Whether `row` is the caller's own membership (in their name, or of an
/// organisation they represent).
fn own(subject: &Subject, row: &RegisterRow) -> bool {
    let m = &row.member;
    (m.user_id.is_some() && m.user_id == subject.user)
        || m.org_id.is_some_and(|o| subject.represents(o))
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/members", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), PageQuery),
    responses((status = 200, description = "The register by member number, as the caller may see it (members, the boards, platform admins)", body = [MemberDto],
            headers(("link" = String, description = "The next and previous pages (RFC 8288), where they exist")))))]
pub async fn list(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Response, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    c.allow(&ctx, CoopAction::ViewRegister)?;
    let paging = crate::paging::api_paging(&ctx, q.page.as_deref(), q.per_page.as_deref())?;
    let page = s
        .app
        .register_page(&c.subject, c.space, paging)
        .await
        .or_api(&ctx)?;
    let today = s.app.today();
    let link = crate::paging::link_header(
        &page.rows,
        &format!("/api/v1/spaces/{}/members", c.slug),
        &[],
    );
    let body: Vec<MemberDto> = page
        .rows
        .items
        .iter()
        .map(|row| member_dto(row, page.addresses || own(&c.subject, row), today))
        .collect();
    Ok(paged_json(body, link))
}

/// One entry of the register, as recorded.
#[derive(Serialize, ToSchema)]
pub struct EntryDto {
    pub id: i64,
    /// `admitted`, `details`, `contribution`, `notice_of_exit`, `ended` or `correction`.
    pub entry: String,
    #[schema(format = Date, example = "2026-05-28")]
    pub effective_on: String,
    /// The entry a correction replaces.
    pub corrects: Option<i64>,
    /// Why a correction was made.
    pub reason: Option<String>,
    /// When it was recorded, Unix seconds.
    pub recorded_at: i64,
    /// The entry itself, tagged by `entry`; addresses are `null` where the caller may
    /// not see them.
    #[schema(value_type = Object)]
    pub body: Value,
}

/// One member with their register entries and ledger.
#[derive(Serialize, ToSchema)]
pub struct MemberDetailDto {
    #[serde(flatten)]
    pub member: MemberDto,
    /// Every entry, oldest first; a correction names the entry it replaces.
    pub entries: Vec<EntryDto>,
    /// Every movement of the member's shares and money, oldest first.
    pub movements: Vec<MovementDto>,
}

/// Blanks every `address` in an entry's body (a correction carries its replacement).
fn hide_addresses(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                if key == "address" {
                    *value = Value::Null;
                } else {
                    hide_addresses(value);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(hide_addresses),
        _ => {}
    }
}

fn entry_dto(e: EntryRow, addresses: bool) -> Result<EntryDto, AppError> {
    let mut body: Value = serde_json::from_str(&e.body)
        .map_err(|err| AppError::Internal(format!("register entry {}: {err}", e.id)))?;
    if !addresses {
        hide_addresses(&mut body);
    }
    Ok(EntryDto {
        id: e.id,
        entry: e.entry,
        effective_on: e.effective_on,
        corrects: e.corrects,
        reason: e.reason,
        recorded_at: e.recorded_at.0,
        body,
    })
}

#[utoipa::path(get, path = "/api/v1/spaces/{slug}/members/{number}", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("number" = i64, Path, description = "The member number")),
    responses((status = 200, description = "For the member themselves, members, the boards and platform admins", body = MemberDetailDto)))]
pub async fn get_member(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Json<MemberDetailDto>, ApiError> {
    let c = coop(&s, &ctx, &slug).await?;
    let number = number_in_path(&ctx, &number)?;
    let v = s
        .app
        .member_view(&c.subject, c.space, number)
        .await
        .or_api(&ctx)?;
    // A legal person's seat is public; a person's address only for those who may see it.
    let addresses = v.addresses || v.row.member.kind == "legal";
    let entries = v
        .entries
        .into_iter()
        .map(|e| entry_dto(e, addresses))
        .collect::<Result<Vec<_>, _>>()
        .or_api(&ctx)?;
    let member_number = v.row.member.number;
    Ok(Json(MemberDetailDto {
        member: member_dto(&v.row, v.addresses, s.app.today()),
        entries,
        movements: v
            .movements
            .into_iter()
            .map(|m| MovementDto::of(member_number, m))
            .collect(),
    }))
}

async fn append_only(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
    (number, id): (&str, &str),
) -> Result<Response, ApiError> {
    let c = coop(s, ctx, slug).await?;
    number_in_path(ctx, number)?;
    number_in_path(ctx, id)?;
    c.allow(ctx, CoopAction::KeepRegister)?;
    Err(ApiError::new(
        ctx.locale,
        AppError::Coop(CoopError::RegisterIsAppendOnly),
    ))
}

#[utoipa::path(put, path = "/api/v1/spaces/{slug}/members/{number}/entries/{id}", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("number" = i64, Path, description = "The member number"), ("id" = i64, Path, description = "The entry's id")),
    responses((status = 409, description = "Always, for the board (`coop.register_append_only`): the register is append-only, a correction is a new entry", body = ErrorBody)))]
pub async fn put_entry(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number, id)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    append_only(&s, &ctx, &slug, (&number, &id)).await
}

#[utoipa::path(delete, path = "/api/v1/spaces/{slug}/members/{number}/entries/{id}", tag = "cooperative",
    params(("slug" = String, Path, description = "The cooperative's slug"), ("number" = i64, Path, description = "The member number"), ("id" = i64, Path, description = "The entry's id")),
    responses((status = 409, description = "Always, for the board (`coop.register_append_only`): the register is append-only, nothing is deleted", body = ErrorBody)))]
pub async fn delete_entry(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number, id)): Path<(String, String, String)>,
) -> Result<Response, ApiError> {
    append_only(&s, &ctx, &slug, (&number, &id)).await
}
