//! What every page shares: language, the person logged in, the CSRF token, the
//! one-line notice after an action, and translation lookups for the templates.

use crate::Ctx;
use wspolnota_app::i18n::Locale;

pub struct Page {
    pub locale: Locale,
    pub title: String,
    pub user_name: Option<String>,
    pub is_platform_admin: bool,
    pub csrf: String,
    pub path: String,
    pub notice: Option<String>,
}

/// Notices a redirect may ask for with `?ok=…`; anything else is ignored, so a
/// link cannot make the site say arbitrary things.
const NOTICES: &[&str] = &[
    "signup-done",
    "confirm-done",
    "logout-done",
    "reset-request-done",
    "reset-done",
    "profile-saved",
    "profile-deleted",
    "tokens-revoked-done",
    "orgs-invite-accepted",
    "orgs-created",
    "orgs-granted",
    "orgs-revoked",
    "space-signed-ok",
    "space-signed-pending",
    "space-withdrawn-ok",
    "space-decided-ok",
    "space-published-ok",
    "space-modules-saved",
    "spaces-created",
    "budget-round-created",
    "budget-phase-advanced",
    "budget-pool-added",
    "budget-official-added",
    "budget-proposal-submitted",
    "budget-supported",
    "budget-proposal-withdrawn",
    "budget-proposal-verified",
    "budget-appeal-lodged",
    "budget-appeal-decided",
    "budget-address-saved",
    "budget-voted",
    "budget-ballot-changed",
    "budget-results-computed",
    "budget-paper-entered-once",
    "budget-paper-entered-counted",
    "budget-paper-entered-mismatch",
    "budget-paper-resolved",
    "budget-image-added",
    "budget-proposal-saved",
    "budget-paper-entered-duplicate",
    "budget-sheets-registered",
    "budget-desk-issued",
    "budget-committee-key-saved",
    "budget-round-counted",
    "my-data-consent-withdrawn",
    "coop-declared",
    "coop-decided",
    "coop-appealed",
    "coop-appeal-decided",
    "coop-role-granted",
    "coop-payment-recorded",
    "coop-notice-given",
    "coop-investment-created",
    "coop-pledged-ok",
    "coop-pledge-paid-ok",
    "coop-asset-added",
    "coop-statements-approved",
    "coop-membership-ended",
    "coop-refund-paid",
    "coop-opened",
    "coop-corrected",
    "coop-paper-entered",
    "coop-shares-declared",
    "coop-statute-changed",
    "coop-contribution-recorded",
    "coop-milestone-reached",
    "assembly-body-created",
    "assembly-seat-given",
    "assembly-seat-ended",
    "assembly-convened",
    "assembly-item-added",
    "assembly-notice-sent",
    "assembly-officer-named",
    "assembly-checked-in",
    "assembly-checked-out",
    "assembly-vote-opened",
    "assembly-vote-cast",
    "assembly-vote-closed",
    "minutes-signed-done",
    "assembly-document-added",
    "minutes-scan-attached-done",
    "coop-document-added",
    "coop-asset-valued",
    "coop-use-recorded",
];

impl Page {
    pub fn new(ctx: &Ctx, title: String) -> Page {
        Page {
            locale: ctx.locale,
            title,
            user_name: ctx.user.as_ref().map(|u| u.display_name.clone()),
            is_platform_admin: ctx.user.as_ref().is_some_and(|u| u.is_platform_admin),
            csrf: ctx.csrf.clone(),
            path: ctx.path.clone(),
            notice: None,
        }
    }

    /// Adds the notice named by `?ok=`, if it is one of ours.
    pub fn with_notice(mut self, ok: Option<&str>) -> Page {
        self.notice = ok.filter(|k| NOTICES.contains(k)).map(|k| self.locale.t(k));
        self
    }

    pub fn t(&self, id: &str) -> String {
        self.locale.t(id)
    }

    /// A message with one argument.
    pub fn t_args(&self, id: &str, name: &'static str, value: &str) -> String {
        self.locale.t_args(id, &[(name, value.to_string())])
    }

    pub fn lang(&self) -> &'static str {
        self.locale.code()
    }

    /// The language the switch offers: the one not in use.
    pub fn other_lang(&self) -> (&'static str, &'static str) {
        match self.locale {
            Locale::Pl => ("en", "English"),
            Locale::En => ("pl", "Polski"),
        }
    }

    /// Formats Unix seconds as a date and time in Europe/Warsaw.
    pub fn datetime<T: std::borrow::Borrow<i64>>(&self, secs: T) -> String {
        use chrono::TimeZone;
        let secs = *secs.borrow();
        match chrono::Utc.timestamp_opt(secs, 0).single() {
            Some(t) => t
                .with_timezone(&chrono_tz::Europe::Warsaw)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
            None => String::new(),
        }
    }

    pub fn date(&self, secs: i64) -> String {
        self.datetime(secs).chars().take(10).collect()
    }
}

/// Field errors of a form that was sent back for correction.
#[derive(Default, Debug, Clone)]
pub struct FormErrors {
    pub fields: Vec<(&'static str, String)>,
    pub general: Option<String>,
}

impl FormErrors {
    pub fn from_error(locale: Locale, e: &wspolnota_app::AppError) -> FormErrors {
        let message = crate::error::message(locale, e);
        match e.field() {
            Some(f) => FormErrors {
                fields: vec![(f, message)],
                general: None,
            },
            None => FormErrors {
                fields: vec![],
                general: Some(message),
            },
        }
    }

    pub fn any(&self) -> bool {
        !self.fields.is_empty() || self.general.is_some()
    }

    /// The message for `field`, or an empty string.
    pub fn of(&self, field: &str) -> String {
        self.fields
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    pub fn has(&self, field: &str) -> bool {
        self.fields.iter().any(|(f, _)| *f == field)
    }
}
