//! Founding a cooperative from a model statute, its statute settings, moving it to
//! the open stage once registered, and who sits on its boards.

use super::{authorise, load};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{SpaceRole, Subject};
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::founding::{self, ModelStatute, Stage};
use wspolnota_domain::coop::settings::{AppealBody, Fraction};
use wspolnota_domain::coop::{CoopError, CoopSettings};
use wspolnota_domain::date;
use wspolnota_domain::ids::{DocumentId, SpaceId};
use wspolnota_domain::pb::Money;
use wspolnota_domain::space::document_hash;
use wspolnota_domain::text;
use wspolnota_store::coop as store;
use wspolnota_store::{spaces, users, Conn};

/// What a founder chose: a model statute (or their own text) and the settings.
#[derive(Debug, Clone, Default)]
pub struct FoundingChoice {
    /// `None`: the founder wrote their own statute.
    pub model: Option<ModelStatute>,
    pub settings: CoopSettings,
}

impl FoundingChoice {
    /// What a founder typed on the form of a new space: the model statute's code
    /// (empty for their own text), and the share value, entry fee and minimum shares
    /// (empty for the law's defaults).
    pub fn from_form(
        model: &str,
        share_value: &str,
        entry_fee: &str,
        min_shares: &str,
    ) -> Result<FoundingChoice, AppError> {
        let model = match model.trim() {
            "" => None,
            code => Some(ModelStatute::parse(code)?),
        };
        let mut settings = CoopSettings::default();
        if !share_value.trim().is_empty() {
            settings.share_value = super::ledger::amount(share_value)?;
        }
        if !entry_fee.trim().is_empty() {
            settings.entry_fee = super::ledger::amount(entry_fee)?;
        }
        if !min_shares.trim().is_empty() {
            settings.min_shares = min_shares
                .trim()
                .parse()
                .map_err(|_| CoopError::BadShares)?;
        }
        settings.validate()?;
        Ok(FoundingChoice { model, settings })
    }
}

/// The statute settings as typed on the form of a new statute version; what the form
/// does not show (quorum and majorities) is kept from `base`.
#[derive(Debug, Clone, Default)]
pub struct SettingsForm {
    pub share_value: String,
    pub min_shares: String,
    /// Empty: no maximum.
    pub max_shares: String,
    pub entry_fee: String,
    pub payment_days: String,
    pub decision_days: String,
    pub appeal_body: String,
    pub appeal_days: String,
    pub exit_notice_months: String,
    pub refund_months: String,
    pub legal_persons_allowed: bool,
    pub proxies_allowed: bool,
    pub reserve_percent: String,
    pub surplus_rule: String,
    pub members_see: String,
    /// The general assembly's quorum and majorities as typed (`1/2`, `2/3`); empty
    /// keeps the statute's.
    pub quorum: String,
    pub abstentions_count: bool,
    pub majority_statute_change: String,
    pub majority_merger: String,
    pub majority_liquidation: String,
    /// Days of notice before an assembly, and the last days before it when the agenda
    /// still takes additions; empty keeps the statute's.
    pub notice_days: String,
    pub agenda_addition_days: String,
}

impl SettingsForm {
    /// The form filled with `s`, to edit.
    pub fn of(s: &CoopSettings) -> SettingsForm {
        SettingsForm {
            share_value: s.share_value.to_plain(),
            min_shares: s.min_shares.to_string(),
            max_shares: s.max_shares.map(|m| m.to_string()).unwrap_or_default(),
            entry_fee: s.entry_fee.to_plain(),
            payment_days: s.payment_days.to_string(),
            decision_days: s.decision_days.to_string(),
            appeal_body: s.appeal_body.as_str().into(),
            appeal_days: s.appeal_days.to_string(),
            exit_notice_months: s.exit_notice_months.to_string(),
            refund_months: s.refund_months.to_string(),
            legal_persons_allowed: s.legal_persons_allowed,
            proxies_allowed: s.proxies_allowed,
            reserve_percent: s.reserve_percent.to_string(),
            surplus_rule: s.surplus_rule.as_str().into(),
            members_see: match s.members_see {
                wspolnota_domain::coop::settings::MembersSee::Everything => "everything".into(),
                wspolnota_domain::coop::settings::MembersSee::WithoutAddresses => {
                    "without_addresses".into()
                }
            },
            quorum: s.quorum.to_text(),
            abstentions_count: s.abstentions_count,
            majority_statute_change: s.majority_statute_change.to_text(),
            majority_merger: s.majority_merger.to_text(),
            majority_liquidation: s.majority_liquidation.to_text(),
            notice_days: s.notice_days.to_string(),
            agenda_addition_days: s.agenda_addition_days.to_string(),
        }
    }

    /// Reads the form over `base`; any value out of the law's bounds is refused.
    pub fn read(&self, base: &CoopSettings) -> Result<CoopSettings, AppError> {
        let number = |t: &str| -> Result<u32, CoopError> {
            t.trim().parse::<u32>().map_err(|_| CoopError::BadSettings)
        };
        let kept_number = |t: &str, kept: u32| -> Result<u32, CoopError> {
            match t.trim() {
                "" => Ok(kept),
                t => number(t),
            }
        };
        let fraction = |t: &str, kept: Fraction| -> Result<Fraction, CoopError> {
            match t.trim() {
                "" => Ok(kept),
                t => Fraction::parse(t).ok_or(CoopError::BadSettings),
            }
        };
        let s = CoopSettings {
            share_value: super::ledger::amount(&self.share_value)?,
            min_shares: number(&self.min_shares)?,
            max_shares: match self.max_shares.trim() {
                "" => None,
                t => Some(number(t)?),
            },
            entry_fee: super::ledger::amount(&self.entry_fee)?,
            payment_days: number(&self.payment_days)?,
            decision_days: number(&self.decision_days)?,
            appeal_body: AppealBody::parse(self.appeal_body.trim())
                .ok_or(CoopError::BadSettings)?,
            appeal_days: number(&self.appeal_days)?,
            exit_notice_months: number(&self.exit_notice_months)?,
            refund_months: number(&self.refund_months)?,
            legal_persons_allowed: self.legal_persons_allowed,
            proxies_allowed: self.proxies_allowed,
            reserve_percent: number(&self.reserve_percent)?,
            surplus_rule: wspolnota_domain::coop::settings::SurplusRule::parse(
                self.surplus_rule.trim(),
            )
            .ok_or(CoopError::BadSettings)?,
            members_see: match self.members_see.trim() {
                "everything" => wspolnota_domain::coop::settings::MembersSee::Everything,
                "without_addresses" => {
                    wspolnota_domain::coop::settings::MembersSee::WithoutAddresses
                }
                _ => return Err(CoopError::BadSettings.into()),
            },
            quorum: fraction(&self.quorum, base.quorum)?,
            abstentions_count: self.abstentions_count,
            majority_statute_change: fraction(
                &self.majority_statute_change,
                base.majority_statute_change,
            )?,
            majority_merger: fraction(&self.majority_merger, base.majority_merger)?,
            majority_liquidation: fraction(&self.majority_liquidation, base.majority_liquidation)?,
            notice_days: kept_number(&self.notice_days, base.notice_days)?,
            agenda_addition_days: kept_number(
                &self.agenda_addition_days,
                base.agenda_addition_days,
            )?,
        };
        s.validate()?;
        Ok(s)
    }
}

/// A model statute with the founder's values filled in, ready to edit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelText {
    pub title: String,
    pub body: String,
}

const DEVELOPMENT: &str = include_str!("statutes/rozwojowa_gmina.md");
const ENERGY: &str = include_str!("statutes/energetyczna.md");

fn zloty(m: Money) -> String {
    m.to_human()
}

const HOW_TO_DEVELOPMENT: &str = include_str!("statutes/jak_dolaczyc_rozwojowa.md");
const HOW_TO_ENERGY: &str = include_str!("statutes/jak_dolaczyc_energetyczna.md");

/// The text of `model` for a cooperative called `name` seated in `seat`, with the
/// statute's values in place of its `{{placeholders}}`.
pub fn model_statute(model: ModelStatute, name: &str, seat: &str, s: &CoopSettings) -> ModelText {
    let (title, template) = match model {
        ModelStatute::DevelopmentWithMunicipality => ("Statut Spółdzielni Rozwojowej", DEVELOPMENT),
        ModelStatute::Energy => ("Statut Spółdzielni Energetycznej", ENERGY),
    };
    ModelText {
        title: title.to_string(),
        body: fill(template, name, seat, s),
    }
}

/// "How to become a co-owner" in plain Polish (Markdown), with the statute's values:
/// the energy cooperative's text for its model, the development cooperative's otherwise.
pub fn how_to_join(coop: &super::Cooperative) -> String {
    let template = if coop.model == ModelStatute::Energy.code() {
        HOW_TO_ENERGY
    } else {
        HOW_TO_DEVELOPMENT
    };
    fill(
        template,
        &coop.space.name,
        coop.space.city.as_deref().unwrap_or(""),
        &coop.settings,
    )
}

/// Replaces every `{{placeholder}}` of a model text with the statute's values.
fn fill(template: &str, name: &str, seat: &str, s: &CoopSettings) -> String {
    let values = [
        ("nazwa", name.to_string()),
        ("siedziba", seat.to_string()),
        ("wartosc_udzialu", zloty(s.share_value)),
        ("wpisowe", zloty(s.entry_fee)),
        ("min_udzialow", s.min_shares.to_string()),
        (
            "max_udzialow",
            s.max_shares
                .map_or_else(|| "bez ograniczeń".to_string(), |m| m.to_string()),
        ),
        ("termin_wplaty_dni", s.payment_days.to_string()),
        ("termin_decyzji_dni", s.decision_days.to_string()),
        (
            "organ_odwolawczy",
            match s.appeal_body {
                AppealBody::SupervisoryBoard => "Rady Nadzorczej",
                AppealBody::GeneralAssembly => "Walnego Zgromadzenia",
            }
            .to_string(),
        ),
        ("termin_odwolania_dni", s.appeal_days.to_string()),
        ("okres_wypowiedzenia_miesiecy", s.exit_notice_months.to_string()),
        ("termin_zwrotu_miesiecy", s.refund_months.to_string()),
        (
            "osoby_prawne",
            if s.legal_persons_allowed {
                "Członkami Spółdzielni mogą być także osoby prawne."
            } else {
                "Członkami Spółdzielni mogą być wyłącznie osoby fizyczne."
            }
            .to_string(),
        ),
        (
            "pelnomocnicy",
            if s.proxies_allowed {
                "Członek może uczestniczyć w Walnym Zgromadzeniu i głosować przez pełnomocnika."
            } else {
                "Członek uczestniczy w Walnym Zgromadzeniu osobiście; statut nie dopuszcza pełnomocników."
            }
            .to_string(),
        ),
        (
            "kworum",
            if s.quorum.num * 2 == s.quorum.den {
                "co najmniej połowy uprawnionych".to_string()
            } else {
                format!("co najmniej {}/{} uprawnionych", s.quorum.num, s.quorum.den)
            },
        ),
        ("dni_zawiadomienia", "14".to_string()),
    ];
    let mut body = template.to_string();
    for (key, value) in values {
        body = body.replace(&format!("{{{{{key}}}}}"), &value);
    }
    body
}

/// Starts the cooperative of a space just created, in its founding stage, with the
/// statute settings attached to its first statute version.
pub(crate) async fn start(
    c: &mut Conn,
    space: SpaceId,
    statute: DocumentId,
    choice: &FoundingChoice,
    now: wspolnota_domain::clock::Timestamp,
) -> Result<(), AppError> {
    choice.settings.validate()?;
    // The municipality founds this model: a statute closed to legal persons contradicts it.
    if choice.model == Some(ModelStatute::DevelopmentWithMunicipality)
        && !choice.settings.legal_persons_allowed
    {
        return Err(CoopError::BadSettings.into());
    }
    let model = choice.model.map_or("own", ModelStatute::code);
    store::insert(c, space, model, now).await?;
    store::attach_settings(c, statute, &settings_json(&choice.settings)?).await?;
    Ok(())
}

fn settings_json(s: &CoopSettings) -> Result<String, AppError> {
    serde_json::to_string(s).map_err(|e| AppError::Internal(e.to_string()))
}

impl App {
    /// A new statute version with new settings: the only way settings change.
    pub async fn change_statute(
        &self,
        subject: &Subject,
        space: SpaceId,
        title: &str,
        body: &str,
        settings: CoopSettings,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::ManageCooperative)?;
        settings.validate()?;
        let title = text::required("document_title", title, text::NAME_MAX)?;
        let body = text::required("document", body, text::DOCUMENT_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let before = load(&mut tx, space).await?;
        let doc = spaces::add_document(
            &mut tx,
            space,
            &title,
            &body,
            &document_hash(&title, &body),
            subject.user,
            now,
        )
        .await?;
        store::attach_settings(&mut tx, doc.id, &settings_json(&settings)?).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.statute_changed",
                Some(json!({"version": before.statute_version, "settings": before.settings})),
                Some(json!({"version": doc.version, "hash": doc.text_hash, "settings": settings})),
            ),
            now,
        )
        .await?;
        Ok(doc.version)
    }

    /// Moves a registered cooperative from founding to the open stage: enough founders
    /// and its KRS number with the date of registration.
    pub async fn open_cooperative(
        &self,
        subject: &Subject,
        space: SpaceId,
        krs: &str,
        registered_on: &str,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::ManageCooperative)?;
        let registered = date::parse(registered_on).ok_or(CoopError::BadDate)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        if coop.stage != Stage::Founding {
            return Err(CoopError::WrongStage.into());
        }
        let today = date::format(self.today());
        let (natural, legal) = store::members::current_by_kind(&mut tx, space, &today).await?;
        let krs_digits =
            wspolnota_domain::registry_numbers::krs(krs).map_err(|_| CoopError::BadKrs)?;
        founding::may_open(
            u32::try_from(natural).unwrap_or(u32::MAX),
            u32::try_from(legal).unwrap_or(u32::MAX),
            Some(&krs_digits),
        )?;
        if !store::open(&mut tx, space, &krs_digits, &date::format(registered), now).await? {
            return Err(CoopError::WrongStage.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.opened",
                Some(json!({"stage": "founding"})),
                Some(json!({"stage": "open", "krs": krs_digits, "registered_on": date::format(registered)})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Who holds the roles of the cooperative's bodies: (name, role), for those who
    /// see the board's overview.
    pub async fn coop_role_holders(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Vec<(String, String)>, AppError> {
        authorise(subject, CoopAction::ViewOverview)?;
        let mut c = self.store.read().await?;
        Ok(store::role_holders(&mut c, space)
            .await?
            .into_iter()
            .map(|(_, name, role)| (name, role))
            .collect())
    }

    /// Grants a role of the cooperative's bodies to the person with `email`.
    pub async fn grant_coop_role(
        &self,
        subject: &Subject,
        space: SpaceId,
        email: &str,
        role: SpaceRole,
    ) -> Result<bool, AppError> {
        authorise(subject, CoopAction::ManageCooperative)?;
        let email = crate::mail::address(email)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        load(&mut tx, space).await?;
        let user = users::by_email(&mut tx, &email)
            .await?
            .ok_or(CoopError::UnknownPerson)?;
        let granted =
            store::grant_role(&mut tx, space, user.id, role.as_str(), subject.user, now).await?;
        if !granted {
            return Ok(false);
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.role_granted",
                None,
                Some(json!({"user": user.id.0, "role": role.as_str()})),
            ),
            now,
        )
        .await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_statutes_have_every_value_filled_in() {
        let s = CoopSettings {
            share_value: Money(12_345),
            max_shares: Some(40),
            ..CoopSettings::default()
        };
        for model in ModelStatute::ALL {
            let text = model_statute(model, "Spółdzielnia Rozwojowa Konin", "Konin", &s);
            assert!(!text.body.contains("{{"), "{model:?} leaves a placeholder");
            assert!(
                text.body.contains("123,45 zł"),
                "{model:?} names the share value"
            );
            assert!(text.body.contains("Spółdzielnia Rozwojowa Konin"));
            assert!(text.body.contains("Rady Nadzorczej"));
        }
        for how in [HOW_TO_DEVELOPMENT, HOW_TO_ENERGY] {
            let text = fill(how, "Spółdzielnia", "Konin", &s);
            assert!(!text.contains("{{"), "{text}");
            assert!(text.contains("123,45 zł"));
        }
    }
}
