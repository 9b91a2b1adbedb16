//! The development cooperative's pages: the public page (how to become a co-owner,
//! what a share costs, and the declaration form), the board's declarations, the member
//! register with its exports, and a member's record.

mod board;
mod charts;
mod invest;
mod members;
mod reports;
mod statute;

use super::layout::{FormErrors, Page};
use super::{render, see_other, Notice, OrPage};
use crate::error::UiError;
use crate::routes::Routes;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use serde::Deserialize;
use wspolnota_app::coop::{Cooperative, Declaration, DeclarationForm, PublicView};
use wspolnota_app::markdown::to_safe_html_nested;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action, SpaceRole, Subject};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::founding::FoundersMissing;
use wspolnota_domain::ids::OrgId;

pub fn routes() -> Routes {
    Routes::new()
        .get("/wspolnoty/{slug}/spoldzielnia", public_page)
        .post("/wspolnoty/{slug}/spoldzielnia/deklaracje", declare)
        .get(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje",
            board::declarations_page,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/decyzja",
            board::decide,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/odwolanie",
            board::appeal,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/rozpatrzenie",
            board::decide_appeal,
        )
        .post("/wspolnoty/{slug}/spoldzielnia/role", board::grant_role)
        .get(
            "/wspolnoty/{slug}/spoldzielnia/rejestr",
            members::register_page,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/rejestr.csv",
            members::register_csv,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/rejestr.pdf",
            members::register_pdf,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}",
            members::member_page,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wplaty",
            members::pay,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wypowiedzenie",
            members::notice,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/ustanie",
            members::end,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/zwrot",
            members::refund,
        )
        .post("/wspolnoty/{slug}/spoldzielnia/rejestracja", board::open)
        .post(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/papier",
            board::enter_paper,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/skan",
            board::scan,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/deklaracje/{id}/pismo.pdf",
            members::decision_letter,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/pismo.pdf",
            members::end_letter,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/korekta",
            members::correct,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/udzialy",
            members::more_shares,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/czlonkowie/{number}/wklady",
            members::contribution,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/statut",
            statute::statute_page,
        )
        .post("/wspolnoty/{slug}/spoldzielnia/statut", statute::change)
        .get(
            "/wspolnoty/{slug}/spoldzielnia/raporty",
            reports::reports_page,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka",
            reports::surplus_page,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka",
            reports::approve_statements,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/nadwyzka/uzytkowanie",
            reports::record_use,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje",
            invest::investments_page,
        )
        .post("/wspolnoty/{slug}/spoldzielnia/inwestycje", invest::create)
        .post("/wspolnoty/{slug}/spoldzielnia/majatek", invest::add_asset)
        .post(
            "/wspolnoty/{slug}/spoldzielnia/majatek/{asset}/wyceny",
            invest::value_asset,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/etapy/{milestone}",
            invest::complete_milestone,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/dokumenty",
            invest::add_document,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/dokumenty/{document}",
            invest::document,
        )
        .get(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}",
            invest::investment_page,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/deklaracje",
            invest::pledge,
        )
        .post(
            "/wspolnoty/{slug}/spoldzielnia/inwestycje/{id}/deklaracje/{pledge}/wplaty",
            invest::pay_pledge,
        )
}

/// The cooperative of `slug` and the person asking, with their roles in it.
pub(crate) async fn load(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> Result<(Cooperative, Subject), UiError> {
    let space = s.app.space_by_slug(slug).await.or_page(ctx)?;
    let coop = s.app.cooperative(space.id).await.or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(space.id))
        .await
        .or_page(ctx)?;
    Ok((coop, subject))
}

pub(crate) fn allowed(subject: &Subject, action: CoopAction) -> bool {
    can(subject, Action::Coop(action))
}

/// Refuses, before a body is read, whom the policy refuses: the login form for a
/// visitor, 403 for the others (the one answer `wspolnota_app::authorise` gives).
pub(crate) fn require(ctx: &Ctx, subject: &Subject, action: CoopAction) -> Result<(), UiError> {
    wspolnota_app::authorise(subject, Action::Coop(action)).or_page(ctx)
}

/// One declaration as its applicant sees it on the public page.
pub struct OwnDeclaration {
    pub id: i64,
    pub status: String,
    pub shares: i64,
    pub submitted_on: String,
    pub reasons: Option<String>,
    pub appeal_due: Option<String>,
    pub may_appeal: bool,
}

/// An organisation the person may declare or pledge for.
pub struct OrgChoice {
    pub id: i64,
    pub name: String,
}

/// The organisations `subject` represents that may join or pledge (not informal groups,
/// which are not legal persons).
pub(super) async fn org_choices(
    s: &AppState,
    ctx: &Ctx,
    subject: &Subject,
) -> Result<Vec<OrgChoice>, UiError> {
    let mut orgs = Vec::new();
    for (org, _) in &subject.org_roles {
        let (o, _) = s.app.org(*org).await.or_page(ctx)?;
        if o.kind != wspolnota_domain::org::OrgKind::InformalGroup {
            orgs.push(OrgChoice {
                id: org.0,
                name: o.name,
            });
        }
    }
    Ok(orgs)
}

#[derive(Template)]
#[template(path = "coop/public.html")]
struct PublicPage {
    page: Page,
    coop: Cooperative,
    stage: String,
    accept_label: String,
    share_value: String,
    entry_fee: String,
    max_shares: String,
    natural: i64,
    legal: i64,
    missing: String,
    how_to: String,
    logged_in: bool,
    is_member: bool,
    may_declare: bool,
    board: bool,
    sees_register: bool,
    own: Vec<OwnDeclaration>,
    orgs: Vec<OrgChoice>,
    errors: FormErrors,
    form_name: String,
    form_address: String,
    form_shares: String,
}

#[derive(Deserialize, Default)]
pub struct DeclareForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub address: String,
    #[serde(default)]
    pub shares: String,
    #[serde(default)]
    pub on_behalf: String,
    #[serde(default)]
    pub accept: Option<String>,
}

fn missing_text(page: &Page, view: &PublicView) -> String {
    match view.founders_missing {
        None | Some(FoundersMissing::None) => String::new(),
        Some(FoundersMissing::Any(n)) => page.t_args("coop-missing-any", "n", &n.to_string()),
        Some(FoundersMissing::LegalOrAny { legal, any }) => page.locale.t_args(
            "coop-missing-legal-or-any",
            &[("legal", legal.to_string()), ("any", any.to_string())],
        ),
    }
}

async fn public_view(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
    notice: Option<&str>,
    errors: FormErrors,
    form: DeclareForm,
) -> Result<Response, UiError> {
    let (coop, subject) = load(s, ctx, slug).await?;
    let view = s.app.coop_public(coop.space.id).await.or_page(ctx)?;
    let page = Page::new(ctx, coop.space.name.clone()).with_notice(notice);
    let mine: Vec<Declaration> = s
        .app
        .my_declarations(&subject, coop.space.id)
        .await
        .or_page(ctx)?;
    let today = wspolnota_domain::date::format(s.app.today());
    let own: Vec<OwnDeclaration> = mine
        .into_iter()
        .map(|d| OwnDeclaration {
            may_appeal: d.status == "refused"
                && d.appeal_due
                    .as_deref()
                    .is_some_and(|due| due >= today.as_str()),
            id: d.id,
            status: page.t(&format!("coop-status-{}", d.status)),
            shares: d.shares,
            submitted_on: d.submitted_on,
            reasons: d.reasons,
            appeal_due: d.appeal_due,
        })
        .collect();
    let open = own.iter().any(|d| {
        d.status == page.t("coop-status-pending") || d.status == page.t("coop-status-appealed")
    });
    let orgs = org_choices(s, ctx, &subject).await?;
    let board = subject.has(SpaceRole::Board);
    let t = PublicPage {
        stage: page.t(&format!("coop-stage-{}", coop.stage.as_str())),
        accept_label: page.t_args(
            "coop-accept-statute",
            "version",
            &coop.statute_version.to_string(),
        ),
        share_value: coop.settings.share_value.to_human(),
        entry_fee: coop.settings.entry_fee.to_human(),
        max_shares: coop
            .settings
            .max_shares
            .map_or_else(|| page.t("coop-no-limit"), |m| m.to_string()),
        natural: view.natural_members,
        legal: view.legal_members,
        missing: missing_text(&page, &view),
        how_to: to_safe_html_nested(&wspolnota_app::coop::how_to_join(&coop), 2).to_string(),
        logged_in: subject.is_logged_in(),
        is_member: subject.space_member,
        may_declare: subject.is_logged_in() && !subject.space_member && !open,
        board,
        sees_register: allowed(&subject, CoopAction::ViewRegister),
        own,
        orgs,
        errors,
        form_name: if form.name.is_empty() {
            ctx.user
                .as_ref()
                .map(|u| u.display_name.clone())
                .unwrap_or_default()
        } else {
            form.name
        },
        form_address: form.address,
        form_shares: if form.shares.is_empty() {
            coop.settings.min_shares.to_string()
        } else {
            form.shares
        },
        coop,
        page,
    };
    Ok(render(ctx, t))
}

pub async fn public_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    public_view(
        &s,
        &ctx,
        &slug,
        n.ok.as_deref(),
        FormErrors::default(),
        DeclareForm::default(),
    )
    .await
}

pub async fn declare(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<DeclareForm>,
) -> Result<Response, UiError> {
    let (coop, subject) = load(&s, &ctx, &slug).await?;
    let on_behalf_of = match f.on_behalf.trim() {
        "" | "self" => None,
        id => Some(OrgId(id.parse().map_err(|_| {
            UiError::new(
                &ctx,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            )
        })?)),
    };
    let form = DeclarationForm {
        on_behalf_of,
        name: f.name.clone(),
        address: f.address.clone(),
        shares: f.shares.clone(),
        accept_statute: f.accept.is_some(),
    };
    match s
        .app
        .declare_membership(&subject, coop.space.id, form)
        .await
    {
        Ok(_) => Ok(see_other(
            &format!("/wspolnoty/{slug}/spoldzielnia"),
            "coop-declared",
        )),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors::from_error(ctx.locale, &e);
            public_view(&s, &ctx, &slug, None, errors, f).await
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}
