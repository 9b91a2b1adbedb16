//! What the body running the site publishes: the accessibility statement, in the
//! structure of the minister's model (with the element ids its monitoring reads), and
//! the privacy notice of art. 13 GDPR. Both come from the `[publication]` settings.

use super::layout::Page;
use super::render;
use crate::routes::Routes;
use crate::{AppState, Ctx};
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use wspolnota_app::publication::{Compliance, Publication};

pub fn routes() -> Routes {
    Routes::new()
        .get("/deklaracja-dostepnosci", accessibility_page)
        .get("/prywatnosc", privacy_page)
}

#[derive(Template)]
#[template(path = "accessibility.html")]
struct AccessibilityPage {
    page: Page,
    p: Publication,
    site: String,
    status: String,
    fully: bool,
    /// The phone number as a `tel:` link wants it: digits and a leading plus.
    phone_href: String,
}

pub async fn accessibility_page(
    State(s): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Response {
    let p = s.app.config.publication.clone();
    let page = Page::new(&ctx, ctx.locale.t("a11y-title"));
    let status = page.t(&format!("a11y-status-{}", p.compliance.code()));
    render(
        &ctx,
        AccessibilityPage {
            page,
            site: s.app.config.base_url.clone(),
            status,
            fully: p.compliance == Compliance::Full,
            phone_href: p
                .contact_phone
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect(),
            p,
        },
    )
}

/// One line of the table of purposes: what for, on which legal basis, for how long.
pub struct Purpose {
    pub what: String,
    pub basis: String,
    pub how_long: String,
}

#[derive(Template)]
#[template(path = "privacy.html")]
struct PrivacyPage {
    page: Page,
    p: Publication,
    purposes: Vec<Purpose>,
}

pub async fn privacy_page(State(s): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    let config = &s.app.config;
    let p = config.publication.clone();
    let l = ctx.locale;
    let years = l.t_count("privacy-years", i64::from(p.records_retention_years));
    let days = l.t_count("privacy-days", i64::from(p.mail_retention_days));
    let session_days = l.t_count("privacy-days", config.session_days);
    let minutes = l.t_count(
        "privacy-minutes",
        config.limits.login_per_address.window_secs / 60,
    );
    let purpose = |name: &str, how_long: String| Purpose {
        what: l.t(&format!("privacy-purpose-{name}")),
        basis: l.t(&format!("privacy-basis-{name}")),
        how_long,
    };
    let purposes = vec![
        purpose("account", l.t("privacy-retention-account")),
        purpose("listing", l.t("privacy-retention-listing")),
        purpose("signatures", l.t("privacy-retention-signatures")),
        purpose(
            "budget",
            l.t_args("privacy-retention-budget", &[("years", years.clone())]),
        ),
        purpose(
            "consultations",
            l.t_args(
                "privacy-retention-consultations",
                &[("years", years.clone())],
            ),
        ),
        purpose(
            "mail",
            l.t_args("privacy-retention-mail", &[("days", days)]),
        ),
        purpose(
            "security",
            l.t_args(
                "privacy-retention-security",
                &[
                    ("sessions", session_days),
                    ("minutes", minutes),
                    ("years", years),
                ],
            ),
        ),
    ];
    render(
        &ctx,
        PrivacyPage {
            page: Page::new(&ctx, l.t("privacy-title")),
            p,
            purposes,
        },
    )
}
