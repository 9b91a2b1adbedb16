//! The member register (paged, with CSV and PDF exports) and one member's record,
//! with the board's forms to record a payment and a notice of exit.

use super::{allowed, load, require};
use crate::error::UiError;
use crate::ui::layout::Page;
use crate::ui::{download, render, see_other, OrPage};
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::coop::{Cooperative, PaymentForm, Purpose, RegisterRow};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::date;
use wspolnota_domain::paging::Paging;
use wspolnota_domain::pb::Money;

/// A row of the register as the page shows it.
pub struct Line {
    pub number: i64,
    pub kind: String,
    pub name: String,
    pub address: String,
    pub admitted_on: String,
    pub shares: u32,
    pub declared: String,
    pub paid_in: String,
    pub unpaid: String,
    /// Contributions other than shares (wkłady), in total.
    pub contributions: String,
    pub standing: String,
    pub ends_on: String,
}

fn line(page: &Page, r: &RegisterRow, addresses: bool) -> Line {
    let money = |m: Money| m.to_human();
    Line {
        number: r.member.number,
        kind: page.t(&format!("coop-kind-{}", r.member.kind)),
        name: r.state.details.name.clone(),
        address: if addresses || r.member.kind == "legal" {
            r.state.details.address.clone()
        } else {
            String::new()
        },
        admitted_on: r.state.admitted_on.map(date::format).unwrap_or_default(),
        shares: r.balance.declared_shares,
        declared: money(r.balance.declared),
        paid_in: money(r.balance.paid_in),
        unpaid: money(r.balance.unpaid()),
        contributions: money(r.state.contributions),
        standing: page.t(&format!("coop-standing-{}", r.standing.as_str())),
        ends_on: r.state.ends_on.map(date::format).unwrap_or_default(),
    }
}

#[derive(Template)]
#[template(path = "coop/register.html")]
struct RegisterPageT {
    page: Page,
    coop: Cooperative,
    lines: Vec<Line>,
    total_text: String,
    addresses: bool,
    pager: crate::paging::Pager,
}

#[derive(Deserialize)]
pub struct PageQuery {
    pub strona: Option<String>,
}

pub async fn register_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<PageQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let reg = s
        .app
        .register_page(
            &subject,
            coop.space.id,
            Paging::lenient(q.strona.as_deref()),
        )
        .await
        .or_page(&ctx)?;
    let page = Page::new(
        &ctx,
        ctx.locale
            .t_args("coop-register-title", &[("coop", coop.space.name.clone())]),
    );
    let pager = crate::paging::Pager::new(
        &page,
        &reg.rows,
        &format!("/wspolnoty/{slug}/spoldzielnia/rejestr"),
        &[],
    );
    let lines = reg
        .rows
        .items
        .iter()
        .map(|r| line(&page, r, reg.addresses))
        .collect();
    Ok(render(
        &ctx,
        RegisterPageT {
            lines,
            total_text: page.t_args("coop-register-total", "n", &reg.total.to_string()),
            addresses: reg.addresses,
            pager,
            coop,
            page,
        },
    ))
}

pub async fn register_csv(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let csv = s
        .app
        .register_export_csv(&subject, coop.space.id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("rejestr-{slug}.csv"),
        csv.into_bytes(),
    ))
}

pub async fn register_pdf(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let pdf = s
        .app
        .register_export_pdf(&subject, coop.space.id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(download(
        "application/pdf",
        format!("rejestr-{slug}.pdf"),
        pdf,
    ))
}

/// What the entries table says beside an entry: a contribution's kind and value, or
/// the reason given for a correction.
fn entry_detail(e: &wspolnota_app::coop::EntryRow) -> String {
    use wspolnota_domain::coop::register::Entry;
    match serde_json::from_str::<Entry>(&e.body) {
        Ok(Entry::Contribution { kind, value }) => format!("{kind}: {}", value.to_human()),
        Ok(Entry::Correction {
            replacement,
            reason,
            ..
        }) => match *replacement {
            Entry::Contribution { kind, value } => {
                format!("{reason} ({kind}: {})", value.to_human())
            }
            _ => reason,
        },
        _ => e.reason.clone().unwrap_or_default(),
    }
}

/// One register entry or ledger movement as the member page lists it.
pub struct Event {
    pub on: String,
    pub what: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "coop/member.html")]
struct MemberPage {
    page: Page,
    coop: Cooperative,
    line: Line,
    entries: Vec<Event>,
    movements: Vec<Event>,
    entry_fee_paid: String,
    to_return: String,
    refund_outstanding: String,
    keeps: bool,
    may_give_notice: bool,
    may_end: bool,
    details_entry: Option<i64>,
    krs: String,
    refund_due: bool,
    notice: Option<String>,
    notice_lead: String,
    /// The board may print the letter notifying an exclusion or a removal.
    end_letter: bool,
}

#[derive(Deserialize)]
pub struct MemberQuery {
    pub ok: Option<String>,
}

fn number_of(ctx: &Ctx, text: &str) -> Result<i64, UiError> {
    crate::ui::budget::parse_id(ctx, text)
}

pub async fn member_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Query(q): Query<MemberQuery>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    let view = s
        .app
        .member_view(&subject, coop.space.id, number)
        .await
        .or_page(&ctx)?;
    let page = Page::new(&ctx, view.row.state.details.name.clone()).with_notice(q.ok.as_deref());
    let entries = view
        .entries
        .iter()
        .map(|e| Event {
            on: e.effective_on.clone(),
            what: page.t(&format!("coop-entry-{}", e.entry)),
            detail: entry_detail(e),
        })
        .collect();
    let movements = view
        .movements
        .iter()
        .map(|m| Event {
            on: m.on_date.clone(),
            what: page.t(&format!("coop-movement-{}", m.kind)),
            detail: if m.shares > 0 {
                format!("{} × {}", m.shares, coop.settings.share_value.to_human())
            } else {
                Money(m.amount).to_human()
            },
        })
        .collect();
    let own = view.row.member.user_id.is_some() && view.row.member.user_id == subject.user;
    let t = MemberPage {
        line: line(&page, &view.row, view.addresses),
        entries,
        movements,
        entry_fee_paid: view.row.balance.entry_fee_paid.to_human(),
        to_return: view.row.balance.to_return.to_human(),
        refund_outstanding: view.row.balance.refund_outstanding.to_human(),
        keeps: allowed(&subject, CoopAction::KeepRegister),
        details_entry: view
            .entries
            .iter()
            .rev()
            .find(|e| e.entry == "details" || e.entry == "correction")
            .map(|e| e.id),
        krs: view.row.state.details.krs.clone().unwrap_or_default(),
        may_end: allowed(&subject, CoopAction::KeepRegister)
            && view.row.state.end.is_none()
            && view.row.standing != wspolnota_domain::coop::register::Standing::Ended,
        refund_due: allowed(&subject, CoopAction::KeepRegister)
            && view.row.balance.refund_outstanding.0 > 0,
        may_give_notice: view.row.standing == wspolnota_domain::coop::register::Standing::Active
            && (own || allowed(&subject, CoopAction::KeepRegister)),
        notice: view.row.state.notice_given_on.map(date::format),
        end_letter: allowed(&subject, CoopAction::KeepRegister)
            && matches!(
                view.row.state.end,
                Some(
                    wspolnota_domain::coop::register::EndReason::Exclusion { .. }
                        | wspolnota_domain::coop::register::EndReason::Removal { .. }
                )
            ),
        notice_lead: page.t_args(
            "coop-notice-lead",
            "months",
            &coop.settings.exit_notice_months.to_string(),
        ),
        coop,
        page,
    };
    Ok(render(&ctx, t))
}

#[derive(Deserialize)]
pub struct PayForm {
    #[serde(default)]
    pub amount: String,
    #[serde(default)]
    pub paid_on: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub record_excess: Option<String>,
}

pub async fn pay(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<PayForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let form = PaymentForm {
        amount: f.amount,
        paid_on: f.paid_on,
        method: f.method,
        reference: f.reference,
        purpose: if f.purpose == "entry_fee" {
            Purpose::EntryFee
        } else {
            Purpose::Shares
        },
        record_excess: f.record_excess.is_some(),
    };
    s.app
        .record_payment(&subject, coop.space.id, number, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-payment-recorded",
    ))
}

#[derive(Deserialize, Default)]
pub struct EndFormIn {
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub on: String,
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub reasons: String,
}

pub async fn end(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<EndFormIn>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let form = wspolnota_app::coop::EndForm {
        reason: f.reason,
        on: f.on,
        resolution: f.resolution,
        reasons: f.reasons,
    };
    s.app
        .end_membership(&subject, coop.space.id, number, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-membership-ended",
    ))
}

pub async fn refund(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<PayForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let form = PaymentForm {
        amount: f.amount,
        paid_on: f.paid_on,
        method: f.method,
        reference: f.reference,
        ..PaymentForm::default()
    };
    s.app
        .pay_refund(&subject, coop.space.id, number, form)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-refund-paid",
    ))
}

#[derive(Deserialize, Default)]
pub struct MoreSharesForm {
    #[serde(default)]
    pub shares: String,
}

pub async fn more_shares(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<MoreSharesForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    s.app
        .declare_more_shares(&subject, coop.space.id, number, &f.shares)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-shares-declared",
    ))
}

#[derive(Deserialize, Default)]
pub struct CorrectionForm {
    #[serde(default)]
    pub entry: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub krs: String,
    #[serde(default)]
    pub reason: String,
}

pub async fn correct(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<CorrectionForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let entry = number_of(&ctx, &f.entry)?;
    let details = wspolnota_domain::coop::register::Details {
        name: f.name,
        address: f.address,
        krs: Some(f.krs),
    };
    s.app
        .correct_details(&subject, coop.space.id, number, entry, details, &f.reason)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-corrected",
    ))
}

#[derive(Deserialize)]
pub struct NoticeForm {
    #[serde(default)]
    pub given_on: String,
}

pub async fn notice(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<NoticeForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    s.app
        .give_notice(&subject, coop.space.id, number, &f.given_on)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-notice-given",
    ))
}

#[derive(Deserialize)]
pub struct ContributionForm {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub on: String,
}

pub async fn contribution(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
    Form(f): Form<ContributionForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    s.app
        .record_contribution(&subject, coop.space.id, number, &f.kind, &f.value, &f.on)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}"),
        "coop-contribution-recorded",
    ))
}

/// The letter notifying a member's exclusion or removal, to print and post.
pub async fn end_letter(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, number)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let number = number_of(&ctx, &number)?;
    require(&ctx, &subject, CoopAction::KeepRegister)?;
    let pdf = s
        .app
        .end_letter(&subject, coop.space.id, number, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(download(
        "application/pdf",
        format!("pismo-{slug}-{number}.pdf"),
        pdf,
    ))
}

/// The board's decision on a declaration as a letter, to print and post.
pub async fn decision_letter(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path((slug, id)): Path<(String, String)>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let id = number_of(&ctx, &id)?;
    let pdf = s
        .app
        .decision_letter(&subject, coop.space.id, id, ctx.locale)
        .await
        .or_page(&ctx)?;
    Ok(download(
        "application/pdf",
        format!("decyzja-{slug}-{id}.pdf"),
        pdf,
    ))
}
