//! A space's pages: its front page with the founding document and the signing
//! form, the list of allies, the document's versions, administration and audit log.

use super::layout::{FormErrors, Page};
use super::modules::{self, ModuleLink, ModuleSwitch};
use super::{render, see_other, Notice, OrPage};
use crate::error::UiError;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::{Extension, Form};
use std::sync::Arc;
use wspolnota_app::markdown::to_safe_html_nested;
use wspolnota_app::spaces::Signature;
use wspolnota_app::spaces::Space;
use wspolnota_app::spaces::{AllyFilter, SpaceView};
use wspolnota_app::AppError;
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::ids::{OrgId, SignatureId};
use wspolnota_domain::org::OrgKind;
use wspolnota_domain::space::MembershipStatus;

/// One way the person may sign: in their own name (`value` = "self") or for an organisation.
pub struct SignOption {
    pub value: String,
    pub label: String,
}

pub struct SignatureLine {
    pub id: i64,
    pub text: String,
    pub can_withdraw: bool,
}

#[derive(Template)]
#[template(path = "space.html")]
struct SpacePage {
    page: Page,
    space: Space,
    kind: String,
    members: String,
    description_html: Arc<str>,
    document_title: String,
    document_html: Arc<str>,
    document_meta: String,
    document_hash: String,
    sign_lead: String,
    logged_in: bool,
    sign_options: Vec<SignOption>,
    is_coop: bool,
    my_signatures: Vec<SignatureLine>,
    is_admin: bool,
    /// The modules the space has switched on; a module switched off has no link.
    modules: Vec<ModuleLink>,
}

async fn load(s: &AppState, ctx: &Ctx, slug: &str) -> Result<(SpaceView, Subject), UiError> {
    let view = s.app.space_view(slug).await.or_page(ctx)?;
    let subject = s
        .app
        .subject(ctx.user.as_deref(), Some(view.space.id))
        .await
        .or_page(ctx)?;
    Ok((view, subject))
}

fn status_text(page: &Page, sig: &Signature) -> String {
    let whom = match &sig.org_name {
        Some(org) => page.locale.t_args("signed-for", &[("org", org.clone())]),
        None => page.t("signed-self"),
    };
    format!(
        "{} — {} ({}, v{})",
        page.date(sig.signed_at.0),
        whom,
        page.t(&format!("status-{}", sig.status.as_str())),
        sig.document_version
    )
}

pub async fn space_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let (view, subject) = load(&s, &ctx, &slug).await?;
    let page = Page::new(&ctx, view.space.name.clone()).with_notice(n.ok.as_deref());
    let mut sign_options = Vec::new();
    let mut my_signatures = Vec::new();
    if let Some(user) = subject.user {
        let mine = s
            .app
            .my_signatures(view.space.id, user)
            .await
            .or_page(&ctx)?;
        let standing = |org: Option<OrgId>| {
            mine.iter()
                .any(|m| m.org_id == org && m.status.is_standing())
        };
        if !standing(None) {
            sign_options.push(SignOption {
                value: "self".into(),
                label: page.t("space-sign-self"),
            });
        }
        for (org, _) in &subject.org_roles {
            if !standing(Some(*org))
                && can(
                    &subject,
                    Action::Sign {
                        on_behalf_of: Some(*org),
                    },
                )
            {
                let (o, _) = s.app.org(*org).await.or_page(&ctx)?;
                sign_options.push(SignOption {
                    value: org.0.to_string(),
                    label: page.locale.t_args("space-sign-org", &[("org", o.name)]),
                });
            }
        }
        my_signatures = mine
            .iter()
            .map(|m| SignatureLine {
                id: m.id.0,
                text: status_text(&page, m),
                can_withdraw: m.status.is_standing()
                    && can(
                        &subject,
                        Action::Withdraw {
                            signer: m.user_id,
                            org: m.org_id,
                        },
                    ),
            })
            .collect();
    }
    let (document_title, document_html, document_meta, document_hash, version) =
        match &view.document {
            Some(d) => (
                d.title.clone(),
                to_safe_html_nested(&d.body_md, 1),
                page.locale.t_args(
                    "space-document-version",
                    &[
                        ("version", d.version.to_string()),
                        ("date", page.date(d.created_at.0)),
                    ],
                ),
                d.text_hash.clone(),
                d.version,
            ),
            None => Default::default(),
        };
    let modules = modules::links(&s, &ctx, &page, view.space.id, &view.space.slug).await?;
    let body = SpacePage {
        modules,
        kind: ctx.locale.t(&format!("kind-{}", view.space.kind.as_str())),
        members: ctx.locale.t_count("space-members", view.members),
        description_html: to_safe_html_nested(&view.space.description_md, 1),
        document_title,
        document_html,
        document_meta,
        document_hash,
        sign_lead: ctx
            .locale
            .t_args("space-sign-lead", &[("version", version.to_string())]),
        logged_in: subject.is_logged_in(),
        sign_options,
        is_coop: view.space.kind == wspolnota_domain::space::SpaceKind::DevelopmentCooperative,
        my_signatures,
        is_admin: can(&subject, Action::DecideMembership),
        space: view.space,
        page,
    };
    Ok(render(&ctx, body))
}

#[derive(serde::Deserialize)]
pub struct SignForm {
    #[serde(default)]
    on_behalf: String,
}

pub async fn sign(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<SignForm>,
) -> Result<Response, UiError> {
    let (view, subject) = load(&s, &ctx, &slug).await?;
    let on_behalf_of = match f.on_behalf.trim() {
        "" | "self" => None,
        id => Some(OrgId(id.parse().map_err(|_| {
            UiError::new(
                &ctx,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            )
        })?)),
    };
    let sig = s
        .app
        .sign(&subject, view.space.id, on_behalf_of)
        .await
        .or_page(&ctx)?;
    let notice = if sig.status == MembershipStatus::Pending {
        "space-signed-pending"
    } else {
        "space-signed-ok"
    };
    Ok(see_other(&format!("/wspolnoty/{slug}"), notice))
}

pub async fn withdraw(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    path: Result<Path<(String, i64)>, PathRejection>,
) -> Result<Response, UiError> {
    let Path((slug, id)) = path.map_err(|_| UiError::new(&ctx, AppError::NotFound))?;
    let (view, subject) = load(&s, &ctx, &slug).await?;
    s.app
        .withdraw_signature(&subject, view.space.id, SignatureId(id))
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}"),
        "space-withdrawn-ok",
    ))
}

#[derive(serde::Deserialize)]
pub struct DecideForm {
    #[serde(default)]
    decision: String,
}

pub async fn decide(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    path: Result<Path<(String, i64)>, PathRejection>,
    Form(f): Form<DecideForm>,
) -> Result<Response, UiError> {
    let Path((slug, id)) = path.map_err(|_| UiError::new(&ctx, AppError::NotFound))?;
    let (view, subject) = load(&s, &ctx, &slug).await?;
    wspolnota_app::authorise(&subject, wspolnota_domain::access::Action::DecideMembership)
        .map_err(|e| UiError::new(&ctx, e))?;
    let approve = match f.decision.as_str() {
        "approve" => true,
        "reject" => false,
        _ => {
            return Err(UiError::new(
                &ctx,
                AppError::Request(wspolnota_app::error::RequestError::Malformed),
            ))
        }
    };
    s.app
        .decide_signature(&subject, view.space.id, SignatureId(id), approve)
        .await
        .or_page(&ctx)?;
    Ok(see_other(
        &format!("/wspolnoty/{slug}/admin"),
        "space-decided-ok",
    ))
}

pub struct AllyRow {
    pub name: String,
    pub kind: String,
    pub city: String,
    pub since: String,
}

pub struct FilterOption {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "allies.html")]
struct AlliesPage {
    page: Page,
    space: Space,
    heading: String,
    filters: Vec<FilterOption>,
    rows: Vec<AllyRow>,
    counts: Vec<String>,
    total: String,
    unlisted: Option<String>,
    pager: crate::paging::Pager,
}

#[derive(serde::Deserialize, Default)]
pub struct AlliesQuery {
    rodzaj: Option<String>,
    strona: Option<String>,
}

fn kind_label(page: &Page, kind: Option<OrgKind>) -> String {
    page.t(&format!(
        "org-kind-{}",
        kind.map(|k| k.as_str()).unwrap_or("person")
    ))
}

pub async fn allies_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(q): Query<AlliesQuery>,
) -> Result<Response, UiError> {
    let space = s.app.space_by_slug(&slug).await.or_page(&ctx)?;
    let filter = AllyFilter::parse(q.rodzaj.as_deref()).or_page(&ctx)?;
    let paging = wspolnota_domain::paging::Paging::lenient(q.strona.as_deref());
    let view = s.app.allies(space.id, filter, paging).await.or_page(&ctx)?;
    let page = Page::new(
        &ctx,
        ctx.locale
            .t_args("allies-title", &[("space", space.name.clone())]),
    );
    let selected = q.rodzaj.clone().unwrap_or_default();
    let mut filters = vec![FilterOption {
        value: String::new(),
        label: page.t("allies-filter-all"),
        selected: selected.is_empty(),
    }];
    filters.push(FilterOption {
        value: "person".into(),
        label: kind_label(&page, None),
        selected: selected == "person",
    });
    for k in OrgKind::ALL {
        filters.push(FilterOption {
            value: k.as_str().into(),
            label: kind_label(&page, Some(k)),
            selected: selected == k.as_str(),
        });
    }
    let pager = crate::paging::Pager::new(
        &page,
        &view.allies,
        &format!("/wspolnoty/{}/sojusznicy", space.slug),
        &[("rodzaj", selected.as_str())],
    );
    let rows = view
        .allies
        .items
        .iter()
        .map(|a| AllyRow {
            name: a.name.clone(),
            kind: kind_label(&page, a.org_kind),
            city: a.city.clone().unwrap_or_default(),
            since: page.date(a.since.0),
        })
        .collect();
    let counts = view
        .counts
        .iter()
        .map(|(k, n)| format!("{}: {n}", kind_label(&page, *k)))
        .collect();
    let total = page
        .locale
        .t_args("allies-count", &[("count", view.total.to_string())]);
    let unlisted = (view.unlisted_persons > 0).then(|| {
        page.locale.t_args(
            "allies-unlisted",
            &[("count", view.unlisted_persons.to_string())],
        )
    });
    let heading = page.title.clone();
    Ok(render(
        &ctx,
        AlliesPage {
            page,
            space,
            heading,
            filters,
            rows,
            counts,
            total,
            unlisted,
            pager,
        },
    ))
}

pub struct DocumentVersion {
    pub heading: String,
    pub meta: String,
    pub hash: String,
    pub html: Arc<str>,
}

#[derive(Template)]
#[template(path = "documents.html")]
struct DocumentsPage {
    page: Page,
    space: Space,
    versions: Vec<DocumentVersion>,
}

pub async fn documents_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let space = s.app.space_by_slug(&slug).await.or_page(&ctx)?;
    let docs = s.app.documents(space.id).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("space-document-history"));
    let versions = docs
        .iter()
        .map(|d| DocumentVersion {
            heading: d.title.clone(),
            meta: page.locale.t_args(
                "space-document-version",
                &[
                    ("version", d.version.to_string()),
                    ("date", page.date(d.created_at.0)),
                ],
            ),
            hash: d.text_hash.clone(),
            html: to_safe_html_nested(&d.body_md, 1),
        })
        .collect();
    Ok(render(
        &ctx,
        DocumentsPage {
            page,
            space,
            versions,
        },
    ))
}

pub struct PendingLine {
    pub id: i64,
    pub text: String,
}

#[derive(Template)]
#[template(path = "space_admin.html")]
struct AdminPage {
    page: Page,
    space: Space,
    pending: Vec<PendingLine>,
    modules: Vec<ModuleSwitch>,
    /// The codes of `modules`, sent back with the form.
    modules_shown: String,
    errors: FormErrors,
    title_value: String,
    text_value: String,
}

async fn admin_view(
    s: &AppState,
    ctx: &Ctx,
    slug: &str,
    n: Option<&str>,
    errors: FormErrors,
    title: Option<String>,
    text: Option<String>,
) -> Result<Response, UiError> {
    let (view, subject) = load(s, ctx, slug).await?;
    let pending = s
        .app
        .pending_signatures(&subject, view.space.id)
        .await
        .or_page(ctx)?;
    let page = Page::new(ctx, ctx.locale.t("space-admin")).with_notice(n);
    let pending = pending
        .iter()
        .map(|p| PendingLine {
            id: p.id.0,
            text: match &p.org_name {
                Some(org) => format!(
                    "{} — {}",
                    p.signer_name,
                    page.locale.t_args("signed-for", &[("org", org.clone())])
                ),
                None => p.signer_name.clone(),
            },
        })
        .collect();
    let modules = modules::switches(s, ctx, &page, view.space.id).await?;
    let doc = view.document.as_ref();
    let body = AdminPage {
        modules_shown: modules::shown(&modules),
        modules,
        title_value: title.unwrap_or_else(|| doc.map(|d| d.title.clone()).unwrap_or_default()),
        text_value: text.unwrap_or_else(|| doc.map(|d| d.body_md.clone()).unwrap_or_default()),
        page,
        space: view.space,
        pending,
        errors,
    };
    Ok(render(ctx, body))
}

pub async fn admin_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    admin_view(
        &s,
        &ctx,
        &slug,
        n.ok.as_deref(),
        FormErrors::default(),
        None,
        None,
    )
    .await
}

#[derive(serde::Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    text: String,
}

pub async fn publish(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    Form(f): Form<PublishForm>,
) -> Result<Response, UiError> {
    let (view, subject) = load(&s, &ctx, &slug).await?;
    match s
        .app
        .publish_document(&subject, view.space.id, &f.title, &f.text)
        .await
    {
        Ok(_) => Ok(see_other(
            &format!("/wspolnoty/{slug}/admin"),
            "space-published-ok",
        )),
        Err(e @ AppError::Invalid(_)) => {
            let errors = FormErrors::from_error(ctx.locale, &e);
            let mut res =
                admin_view(&s, &ctx, &slug, None, errors, Some(f.title), Some(f.text)).await?;
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(e) => Err(UiError::new(&ctx, e)),
    }
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    page: Page,
    space: Space,
    rows: Vec<super::AuditRow>,
}

pub async fn audit_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
) -> Result<Response, UiError> {
    let (view, subject) = load(&s, &ctx, &slug).await?;
    let entries = s
        .app
        .audit_log(&subject, view.space.id)
        .await
        .or_page(&ctx)?;
    let page = Page::new(
        &ctx,
        ctx.locale
            .t_args("audit-title", &[("space", view.space.name.clone())]),
    );
    let rows = super::audit_rows(&page, entries);
    Ok(render(
        &ctx,
        AuditPage {
            page,
            space: view.space,
            rows,
        },
    ))
}
