//! "Moje dane": everything the platform holds about the person logged in, as a page
//! and as a JSON file to take away, and the optional consents they may withdraw. It is
//! always the session's own person; no address here names anyone else.

use super::layout::Page;
use super::{render, see_other, Notice, OrPage};
use crate::error::UiError;
use crate::routes::Routes;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use wspolnota_app::error::RequestError;
use wspolnota_app::i18n::Locale;
use wspolnota_app::personal_data::{Consent, Moment, PersonalData};
use wspolnota_app::AppError;
use wspolnota_domain::ids::UserId;
use wspolnota_domain::pb::Money;

pub fn routes() -> Routes {
    Routes::new()
        .get("/konto/moje-dane", my_data_page)
        .get("/konto/moje-dane.json", my_data_json)
        .post("/konto/moje-dane/zgody/wycofaj", withdraw_consent)
}

/// Personal data must not stay in shared caches or the browser's history cache.
const NO_STORE: (header::HeaderName, &str) = (header::CACHE_CONTROL, "no-store");

/// Most actions shown on the page; the JSON file has them all.
const ACTIONS_SHOWN: usize = 100;

fn own(ctx: &Ctx) -> Result<UserId, UiError> {
    ctx.user_id()
        .ok_or_else(|| UiError::new(ctx, AppError::LoginRequired))
}

/// One part of the page: a heading and a table (or a line saying there is nothing).
pub struct Section {
    pub id: &'static str,
    pub heading: String,
    pub lead: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Cells from this column on hold JSON, shown as code that may wrap anywhere.
    pub code_from: usize,
}

pub struct ConsentLine {
    pub code: &'static str,
    pub label: String,
    pub given: bool,
}

#[derive(Template)]
#[template(path = "my_data.html")]
struct MyDataPage {
    page: Page,
    account: Vec<(String, String)>,
    consents: Vec<ConsentLine>,
    sections: Vec<Section>,
}

pub async fn my_data_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(n): Query<Notice>,
) -> Result<Response, UiError> {
    let data = s.app.personal_data(own(&ctx)?).await.or_page(&ctx)?;
    let page = Page::new(&ctx, ctx.locale.t("my-data-title")).with_notice(n.ok.as_deref());
    let account = account_lines(&page, &data);
    let consents = data
        .consents
        .iter()
        .map(|c| ConsentLine {
            code: c.consent.code(),
            label: page.t(&format!("my-data-consent-{}", c.consent.code())),
            given: c.given,
        })
        .collect();
    let sections = sections(&page, data);
    let mut res = render(
        &ctx,
        MyDataPage {
            page,
            account,
            consents,
            sections,
        },
    );
    res.headers_mut()
        .insert(NO_STORE.0, header::HeaderValue::from_static(NO_STORE.1));
    Ok(res)
}

pub async fn my_data_json(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, UiError> {
    let data = s.app.personal_data(own(&ctx)?).await.or_page(&ctx)?;
    let body = serde_json::to_string_pretty(&data)
        .map_err(|e| UiError::new(&ctx, AppError::Internal(format!("export: {e}"))))?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/json; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"moje-dane.json\"",
            ),
            NO_STORE,
        ],
        body,
    )
        .into_response())
}

#[derive(serde::Deserialize)]
pub struct ConsentForm {
    #[serde(default)]
    consent: String,
}

pub async fn withdraw_consent(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(f): Form<ConsentForm>,
) -> Result<Response, UiError> {
    let user = own(&ctx)?;
    let consent = Consent::parse(&f.consent)
        .ok_or_else(|| UiError::new(&ctx, AppError::Request(RequestError::Malformed)))?;
    s.app.withdraw_consent(user, consent).await.or_page(&ctx)?;
    Ok(see_other("/konto/moje-dane", "my-data-consent-withdrawn"))
}

fn when(page: &Page, m: Moment) -> String {
    page.datetime(m.0)
}

fn maybe(page: &Page, m: Option<Moment>) -> String {
    m.map(|m| when(page, m)).unwrap_or_else(|| "—".into())
}

fn text(t: Option<String>) -> String {
    t.filter(|t| !t.is_empty()).unwrap_or_else(|| "—".into())
}

fn yes_no(page: &Page, b: bool) -> String {
    page.t(if b { "my-data-yes" } else { "my-data-no" })
}

fn account_lines(page: &Page, d: &PersonalData) -> Vec<(String, String)> {
    let a = &d.account;
    let language = match a.locale.as_deref().and_then(Locale::parse) {
        Some(l) => page.t(&format!("my-data-language-{}", l.code())),
        None => "—".into(),
    };
    vec![
        (page.t("field-email"), text(a.email.clone())),
        (page.t("field-display-name"), a.display_name.clone()),
        (page.t("field-city"), text(a.city.clone())),
        (page.t("my-data-language"), language),
        (page.t("my-data-created"), when(page, a.created_at)),
        (
            page.t("my-data-confirmed"),
            maybe(page, a.email_confirmed_at),
        ),
        (
            page.t("my-data-platform-admin"),
            yes_no(page, a.platform_admin),
        ),
    ]
}

fn cols(page: &Page, ids: &[&str]) -> Vec<String> {
    ids.iter().map(|id| page.t(id)).collect()
}

fn sections(page: &Page, d: PersonalData) -> Vec<Section> {
    let t = |id: &str| page.t(id);
    let b = d.budget;
    let actions_total = d.actions.len();
    let mut sections = vec![
        Section {
            id: "organisations",
            heading: t("my-data-organisations"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-organisation",
                    "my-data-col-role",
                    "my-data-col-from",
                    "my-data-col-until",
                ],
            ),
            rows: d
                .organisations
                .into_iter()
                .map(|r| {
                    vec![
                        r.organisation,
                        t(&format!("role-{}", r.role)),
                        when(page, r.granted_at),
                        maybe(page, r.revoked_at),
                    ]
                })
                .collect(),
        },
        Section {
            id: "spaces",
            heading: t("my-data-spaces"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(page, &["my-data-col-space", "my-data-col-from"]),
            rows: d
                .spaces_administered
                .into_iter()
                .map(|s| vec![s.name, when(page, s.granted_at)])
                .collect(),
        },
        Section {
            id: "signatures",
            heading: t("my-data-signatures"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-space",
                    "my-data-col-document",
                    "my-data-col-on-behalf",
                    "my-data-col-signed-as",
                    "my-data-col-status",
                    "my-data-col-signed-at",
                    "my-data-col-ended-at",
                ],
            ),
            rows: d
                .signatures
                .into_iter()
                .map(|s| {
                    vec![
                        s.space_name,
                        page.locale.t_args(
                            "my-data-document-version",
                            &[
                                ("title", s.document),
                                ("version", s.document_version.to_string()),
                            ],
                        ),
                        s.on_behalf_of.unwrap_or_else(|| t("my-data-own-name")),
                        s.signer_name,
                        t(&format!("status-{}", s.status)),
                        when(page, s.signed_at),
                        maybe(page, s.ended_at),
                    ]
                })
                .collect(),
        },
        Section {
            id: "proposals",
            heading: t("my-data-proposals"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-round",
                    "my-data-col-title",
                    "my-data-col-cost",
                    "my-data-col-status",
                    "my-data-col-submitted",
                ],
            ),
            rows: b
                .proposals
                .into_iter()
                .map(|p| {
                    vec![
                        p.round,
                        p.title,
                        Money(p.cost_grosze).to_human(),
                        t(&format!("budget-status-{}", p.status)),
                        when(page, p.created_at),
                    ]
                })
                .collect(),
        },
        Section {
            id: "supports",
            heading: t("my-data-supports"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(page, &["my-data-col-round", "my-data-col-title"]),
            rows: b
                .supports
                .into_iter()
                .map(|s| vec![s.round, s.title])
                .collect(),
        },
        Section {
            id: "declarations",
            heading: t("my-data-declarations"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-round",
                    "field-display-name",
                    "my-data-col-address",
                    "my-data-col-district",
                ],
            ),
            rows: b
                .declarations
                .into_iter()
                .map(|r| vec![r.round, r.name, r.address, text(r.district)])
                .collect(),
        },
        Section {
            id: "register",
            heading: t("my-data-register"),
            code_from: usize::MAX,
            lead: Some(t("my-data-register-lead")),
            columns: cols(
                page,
                &[
                    "my-data-col-round",
                    "my-data-col-pool",
                    "my-data-col-channel",
                    "my-data-col-status",
                ],
            ),
            rows: b
                .register
                .into_iter()
                .map(|r| {
                    vec![
                        r.round,
                        r.pool,
                        t(&format!("my-data-channel-{}", r.channel)),
                        t(&format!("my-data-vote-{}", r.status)),
                    ]
                })
                .collect(),
        },
        Section {
            id: "official",
            heading: t("my-data-official"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(page, &["my-data-col-round"]),
            rows: b.official_in.into_iter().map(|r| vec![r.round]).collect(),
        },
        Section {
            id: "sessions",
            heading: t("my-data-sessions"),
            code_from: usize::MAX,
            lead: Some(
                page.locale
                    .t_count("my-data-sessions-count", d.sessions.count as i64),
            ),
            columns: cols(page, &["my-data-col-started", "my-data-col-expires"]),
            rows: d
                .sessions
                .list
                .into_iter()
                .map(|s| vec![when(page, s.created_at), when(page, s.expires_at)])
                .collect(),
        },
        Section {
            id: "links",
            heading: t("my-data-links"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-purpose",
                    "my-data-col-valid-until",
                    "my-data-col-used",
                ],
            ),
            rows: d
                .email_links
                .into_iter()
                .map(|l| {
                    vec![
                        t(&format!("my-data-link-{}", l.purpose)),
                        when(page, l.expires_at),
                        maybe(page, l.used_at),
                    ]
                })
                .collect(),
        },
        Section {
            id: "mail",
            heading: t("my-data-mail"),
            code_from: usize::MAX,
            lead: None,
            columns: cols(
                page,
                &[
                    "my-data-col-subject",
                    "my-data-col-queued",
                    "my-data-col-sent",
                ],
            ),
            rows: d
                .mail
                .into_iter()
                .map(|m| vec![m.subject, when(page, m.queued_at), maybe(page, m.sent_at)])
                .collect(),
        },
    ];
    sections.push(Section {
        id: "failed-logins",
        heading: t("my-data-failed-logins"),
        code_from: usize::MAX,
        lead: Some(
            page.locale
                .t_count("my-data-failed-logins-count", d.failed_logins),
        ),
        columns: vec![],
        rows: vec![],
    });
    sections.push(Section {
        id: "actions",
        heading: t("my-data-actions"),
        code_from: 3,
        lead: (actions_total > ACTIONS_SHOWN).then(|| {
            page.locale.t_args(
                "my-data-actions-more",
                &[
                    ("shown", ACTIONS_SHOWN.to_string()),
                    ("total", actions_total.to_string()),
                ],
            )
        }),
        columns: cols(
            page,
            &[
                "my-data-col-when",
                "my-data-col-action",
                "my-data-col-where",
                "my-data-col-before",
                "my-data-col-after",
            ],
        ),
        rows: d
            .actions
            .into_iter()
            .rev()
            .take(ACTIONS_SHOWN)
            .map(|a| {
                let shown =
                    |v: Option<serde_json::Value>| v.map(|v| v.to_string()).unwrap_or_default();
                vec![
                    when(page, a.at),
                    a.action,
                    text(a.space.or(a.organisation)),
                    shown(a.before),
                    shown(a.after),
                ]
            })
            .collect(),
    });
    sections
}
