//! Organisation pages: the list, registering one, its page and its representatives.

use super::layout::{FormErrors, Page};
use super::{render, see_other, Notice, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Form};
use wspolnota_app::orgs::NewOrgForm;
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action};
use wspolnota_domain::ids::{OrgId, UserId};
use wspolnota_domain::org::OrgKind;

pub struct OrgRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub city: String,
}

#[derive(Template)]
#[template(path = "orgs.html")]
struct OrgsPage {
    page: Page,
    orgs: Vec<OrgRow>,
    logged_in: bool,
    pager: crate::paging::Pager,
}

#[derive(serde::Deserialize, Default)]
pub struct ListQuery {
    strona: Option<String>,
}

pub async fn list_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    axum::extract::Query(q): axum::extract::Query<ListQuery>,
) -> Result<Response, UiError> {
    let paging = wspolnota_domain::paging::Paging::lenient(q.strona.as_deref());
    let orgs = s.app.orgs(paging).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("orgs-title"));
    let pager = crate::paging::Pager::new(&page, &orgs, "/organizacje", &[]);
    let orgs = orgs
        .items
        .into_iter()
        .map(|o| OrgRow {
            id: o.id.0,
            kind: page.t(&format!("org-kind-{}", o.kind.as_str())),
            name: o.name,
            city: o.city.unwrap_or_default(),
        })
        .collect();
    Ok(render(
        &ctx,
        OrgsPage {
            page,
            orgs,
            logged_in: ctx.user.is_some(),
            pager,
        },
    ))
}

#[derive(serde::Deserialize, Default, Clone)]
pub struct OrgForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    krs: String,
    #[serde(default)]
    nip: String,
    #[serde(default)]
    regon: String,
}

pub struct KindOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "org_new.html")]
struct NewOrgPage {
    page: Page,
    form: OrgForm,
    kinds: Vec<KindOption>,
    errors: FormErrors,
}

fn new_org_page(ctx: &Ctx, form: OrgForm, errors: FormErrors) -> NewOrgPage {
    let page = Page::new(ctx, ctx.locale.t("orgs-new"));
    let kinds = OrgKind::ALL
        .into_iter()
        .map(|k| KindOption {
            value: k.as_str(),
            label: page.t(&format!("org-kind-{}", k.as_str())),
            selected: form.kind == k.as_str(),
        })
        .collect();
    NewOrgPage {
        page,
        form,
        kinds,
        errors,
    }
}

pub async fn new_page(Extension(ctx): Extension<Ctx>) -> Result<Response, UiError> {
    if ctx.user.is_none() {
        return Err(UiError::new(&ctx, AppError::LoginRequired));
    }
    Ok(render(
        &ctx,
        new_org_page(&ctx, OrgForm::default(), FormErrors::default()),
    ))
}

pub async fn create(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<OrgForm>,
) -> Result<Response, UiError> {
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(&ctx)?;
    let input = NewOrgForm {
        name: f.name.clone(),
        kind: f.kind.clone(),
        city: f.city.clone(),
        krs: f.krs.clone(),
        nip: f.nip.clone(),
        regon: f.regon.clone(),
    };
    match s.app.create_org(&subject, input).await {
        Ok(id) => Ok(see_other(&format!("/organizacje/{id}"), "orgs-created")),
        Err(e @ AppError::Invalid(_)) => {
            let mut res = render(
                &ctx,
                new_org_page(&ctx, f, FormErrors::from_error(ctx.locale, &e)),
            );
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub struct RepLine {
    pub user_id: i64,
    pub name: String,
    pub role: String,
}

#[derive(Template)]
#[template(path = "org.html")]
struct OrgPage {
    page: Page,
    id: i64,
    name: String,
    kind: String,
    city: String,
    numbers: Vec<(String, String)>,
    reps: Vec<RepLine>,
    can_manage: bool,
    /// Open invitations (address, role, valid until), for the organisation's admins.
    invitations: Vec<(String, String, i64)>,
    errors: FormErrors,
    rows: Vec<super::AuditRow>,
}

async fn org_view(
    s: &AppState,
    ctx: &Ctx,
    id: i64,
    notice: Option<&str>,
    errors: FormErrors,
) -> Result<Response, UiError> {
    let (org, reps) = s.app.org(OrgId(id)).await.or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(ctx)?;
    let page = Page::new(ctx, org.name.clone()).with_notice(notice);
    let can_manage = can(&subject, Action::ManageOrganisation { org: org.id });
    let (rows, invitations) = if can_manage {
        let invitations = s
            .app
            .open_invitations(&subject, org.id)
            .await
            .or_page(ctx)?
            .into_iter()
            .map(|i| {
                (
                    i.email,
                    page.t(&format!("role-{}", i.role.as_str())),
                    i.expires_at.0,
                )
            })
            .collect();
        let rows = super::audit_rows(
            &page,
            s.app.org_audit_log(&subject, org.id).await.or_page(ctx)?,
        );
        (rows, invitations)
    } else {
        (Vec::new(), Vec::new())
    };
    let mut numbers = Vec::new();
    for (label, value) in [
        ("field-krs", &org.krs),
        ("field-nip", &org.nip),
        ("field-regon", &org.regon),
    ] {
        if let Some(v) = value {
            numbers.push((page.t(label), v.clone()));
        }
    }
    let body = OrgPage {
        id,
        kind: page.t(&format!("org-kind-{}", org.kind.as_str())),
        city: org.city.clone().unwrap_or_default(),
        numbers,
        reps: reps
            .into_iter()
            .map(|r| RepLine {
                user_id: r.user_id.0,
                name: r.display_name,
                role: page.t(&format!("role-{}", r.role.as_str())),
            })
            .collect(),
        can_manage,
        invitations,
        rows,
        errors,
        name: org.name,
        page,
    };
    Ok(render(ctx, body))
}

pub async fn org_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    path: Result<Path<i64>, PathRejection>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let Path(id) = path.map_err(|_| UiError::new(&ctx, AppError::NotFound))?;
    org_view(&s, &ctx, id, n.ok.as_deref(), FormErrors::default()).await
}

#[derive(serde::Deserialize)]
pub struct GrantForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    role: String,
}

pub async fn grant(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    path: Result<Path<i64>, PathRejection>,
    Form(f): Form<GrantForm>,
) -> Result<Response, UiError> {
    let Path(id) = path.map_err(|_| UiError::new(&ctx, AppError::NotFound))?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(&ctx)?;
    match s
        .app
        .invite_representative(&subject, OrgId(id), &f.email, &f.role)
        .await
    {
        Ok(_) => Ok(see_other(&format!("/organizacje/{id}"), "orgs-granted")),
        Err(e) if e.is_user_error() => {
            let errors = FormErrors {
                fields: vec![("email", crate::error::message(ctx.locale, &e))],
                general: None,
            };
            let mut res = org_view(&s, &ctx, id, None, errors).await?;
            *res.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

pub async fn revoke(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    path: Result<Path<(i64, i64)>, PathRejection>,
) -> Result<Response, UiError> {
    let Path((id, user)) = path.map_err(|_| UiError::new(&ctx, AppError::NotFound))?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), None)
        .await
        .or_page(&ctx)?;
    s.app
        .revoke_representative(&subject, OrgId(id), UserId(user))
        .await
        .or_page(&ctx)?;
    Ok(see_other(&format!("/organizacje/{id}"), "orgs-revoked"))
}

#[derive(Template)]
#[template(path = "org_invite.html")]
struct InvitePage {
    page: Page,
    token: String,
    lead: String,
    logged_in: bool,
}

/// The page an invitation link opens: what is offered, and a button to accept it.
pub async fn invite_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Result<Response, UiError> {
    let (org, role) = s.app.invitation(&token).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("orgs-invite-title"));
    let lead = ctx.locale.t_args(
        "orgs-invite-lead",
        &[
            ("org", org.name),
            ("role", page.t(&format!("role-{}", role.as_str()))),
        ],
    );
    Ok(render(
        &ctx,
        InvitePage {
            page,
            token,
            lead,
            logged_in: ctx.user.is_some(),
        },
    ))
}

pub async fn accept_invite(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(token): Path<String>,
) -> Result<Response, UiError> {
    let user = ctx
        .user_id()
        .ok_or_else(|| UiError::new(&ctx, AppError::LoginRequired))?;
    let org = s.app.accept_invitation(user, &token).await.or_page(&ctx)?;
    Ok(see_other(
        &format!("/organizacje/{}", org.0),
        "orgs-invite-accepted",
    ))
}
