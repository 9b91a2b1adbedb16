//! Declaring membership (online, or from a signed paper form entered by the board),
//! the board's decision, the appeal against a refusal, and the appeal body's
//! decision. Admission writes the new member's first register entries and their
//! declared shares in the same transaction.

use super::admission::{admit_member, already_member};
use super::{authorise, load};
use crate::{audit, files, mail, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::declaration::{
    self as rules, Channel, Decision, DeclarationStatus, MemberKind, NewDeclaration,
};
use wspolnota_domain::coop::founding::Stage;
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date;
use wspolnota_domain::ids::{OrgId, SpaceId};
use wspolnota_domain::org::OrgKind;
use wspolnota_domain::paging::{Page, Paging};
use wspolnota_domain::text;
use wspolnota_store::coop::declarations::{self as store, Declaration};
use wspolnota_store::{orgs, users, StoreError};

/// An online declaration.
#[derive(Debug, Clone, Default)]
pub struct DeclarationForm {
    /// Declaring for an organisation the person represents.
    pub on_behalf_of: Option<OrgId>,
    /// Full name (a person) — the organisation's name is taken from its record.
    pub name: String,
    /// Address (a person) or seat (an organisation).
    pub address: String,
    /// Number of shares, as typed.
    pub shares: String,
    pub accept_statute: bool,
}

/// A signed paper declaration, entered by the board with its scan.
#[derive(Debug, Clone, Default)]
pub struct PaperDeclarationForm {
    /// `natural` or `legal`.
    pub kind: String,
    pub name: String,
    pub address: String,
    pub krs: String,
    /// Where to send the decision, if the applicant gave an address.
    pub email: String,
    pub shares: String,
    /// The date on the form, `YYYY-MM-DD`.
    pub submitted_on: String,
    pub scan: Option<files::Upload>,
}

const ADDRESS_MAX: usize = 300;
const REASONS_MAX: usize = 5_000;

/// Reads a typed number of shares: digits only, a sign or a fraction refused.
pub(super) fn shares_of(typed: &str) -> Result<u32, CoopError> {
    let t = typed.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(if t.starts_with('-') {
            CoopError::SharesTooFew
        } else {
            CoopError::BadShares
        });
    }
    t.parse::<u32>().map_err(|_| CoopError::SharesTooMany)
}

fn conflict_as(e: StoreError, refusal: CoopError) -> AppError {
    match e {
        StoreError::Conflict(_) => refusal.into(),
        other => other.into(),
    }
}

impl App {
    /// Declares membership online, in one's own name or for an organisation one represents.
    pub async fn declare_membership(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: DeclarationForm,
    ) -> Result<i64, AppError> {
        authorise(
            subject,
            CoopAction::Declare {
                on_behalf_of: form.on_behalf_of,
            },
        )?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        let coop = self.cooperative(space).await?;
        let shares = shares_of(&form.shares)?;
        if !form.accept_statute {
            return Err(CoopError::StatuteNotAccepted.into());
        }
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let person = users::by_id(&mut tx, user).await?;
        let (kind, name, address, krs) = match form.on_behalf_of {
            None => (
                MemberKind::Natural,
                text::required("name", &form.name, text::NAME_MAX)?,
                text::required("address", &form.address, ADDRESS_MAX)?,
                None,
            ),
            Some(org) => {
                let o = orgs::by_id(&mut tx, org).await?;
                if o.kind == OrgKind::InformalGroup {
                    return Err(CoopError::NotALegalPerson.into());
                }
                let seat = text::required("address", &form.address, ADDRESS_MAX)?;
                (MemberKind::Legal, o.name, seat, o.krs)
            }
        };
        rules::check_declaration(
            &coop.settings,
            &NewDeclaration {
                kind,
                shares,
                represents: form.on_behalf_of.is_some_and(|o| subject.represents(o)),
                accepted_statute: true,
            },
        )?;
        already_member(&mut tx, space, Some(user), form.on_behalf_of, today).await?;
        let due = rules::decision_due(&coop.settings, today);
        let id = store::insert(
            &mut tx,
            &store::NewDeclaration {
                space,
                user: Some(user),
                org: form.on_behalf_of,
                kind: kind.as_str(),
                name: &name,
                address: &address,
                krs: krs.as_deref(),
                email: person.email.as_deref(),
                shares: i64::from(shares),
                document: coop.statute,
                channel: Channel::Online.as_str(),
                scan_file: None,
                entered_by: None,
                founder: coop.stage == Stage::Founding,
                submitted_on: &date::format(today),
                decision_due: &date::format(due),
            },
            now,
        )
        .await
        .map_err(|e| conflict_as(e, CoopError::DeclarationPending))?;
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(user),
                space,
                "coop.declared",
                None,
                Some(json!({"declaration": id, "kind": kind.as_str(), "org": form.on_behalf_of.map(|o| o.0), "shares": shares, "statute_version": coop.statute_version, "channel": "online"})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Enters a signed paper declaration, with its scan, as the board received it.
    pub async fn enter_paper_declaration(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: PaperDeclarationForm,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::DecideDeclarations)?;
        let coop = self.cooperative(space).await?;
        let kind = MemberKind::parse(form.kind.trim())
            .ok_or(wspolnota_domain::DomainError::UnknownKind)?;
        let name = text::required("name", &form.name, text::NAME_MAX)?;
        let address = text::required("address", &form.address, ADDRESS_MAX)?;
        let krs = match (kind, form.krs.trim()) {
            (MemberKind::Legal, k) if !k.is_empty() => {
                Some(wspolnota_domain::registry_numbers::krs(k)?)
            }
            _ => None,
        };
        let email = match form.email.trim() {
            "" => None,
            e => Some(mail::address(e)?),
        };
        let shares = shares_of(&form.shares)?;
        let submitted = date::parse(&form.submitted_on).ok_or(CoopError::BadDate)?;
        let today = self.today();
        if submitted > today {
            return Err(CoopError::BadDate.into());
        }
        // A paper form is signed by the organisation's representative: the board checks
        // the signature on the scan, so representation is taken as shown.
        rules::check_declaration(
            &coop.settings,
            &NewDeclaration {
                kind,
                shares,
                represents: true,
                accepted_statute: true,
            },
        )?;
        let scan = form.scan.ok_or(CoopError::BadScan)?;
        let content_type = wspolnota_domain::file::accept_document("scan", &scan.bytes)
            .map_err(|_| CoopError::BadScan)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let saved = files::save(
            &mut tx,
            space,
            &scan,
            content_type,
            "skan",
            (subject.user, now),
        )
        .await?;
        let due = rules::decision_due(&coop.settings, submitted);
        let id = store::insert(
            &mut tx,
            &store::NewDeclaration {
                space,
                user: None,
                org: None,
                kind: kind.as_str(),
                name: &name,
                address: &address,
                krs: krs.as_deref(),
                email: email.as_deref(),
                shares: i64::from(shares),
                document: coop.statute,
                channel: Channel::Paper.as_str(),
                scan_file: Some(saved.id),
                entered_by: subject.user,
                founder: coop.stage == Stage::Founding,
                submitted_on: &date::format(submitted),
                decision_due: &date::format(due),
            },
            now,
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.declared",
                None,
                Some(json!({"declaration": id, "kind": kind.as_str(), "shares": shares, "statute_version": coop.statute_version, "channel": "paper", "scan": saved.id, "scan_sha256": saved.sha256})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// The board's decision: admit (writing the member's register entries and declared
    /// shares) or refuse with reasons (sent to the applicant). A decision after the
    /// statute's deadline is taken and flagged late.
    pub async fn decide_declaration(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
        decision: Decision,
    ) -> Result<DeclarationStatus, AppError> {
        authorise(subject, CoopAction::DecideDeclarations)?;
        let by = subject.user.ok_or(AppError::LoginRequired)?;
        // Reasons are stored as cleaned (no control characters), like every typed text.
        let decision = match decision {
            Decision::Refuse { reasons } => Decision::Refuse {
                reasons: text::optional("reasons", &reasons, REASONS_MAX)?.unwrap_or_default(),
            },
            admit => admit,
        };
        self.cooperative(space).await?;
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let d = store::get(&mut tx, space, id).await?;
        let status = DeclarationStatus::parse(&d.status)
            .ok_or_else(|| AppError::Internal(format!("status {}", d.status)))?;
        let due = date::parse(&d.decision_due)
            .ok_or_else(|| AppError::Internal("decision_due".into()))?;
        let decided = rules::decide(status, due, today, &decision)?;
        let (reasons, appeal_due, member) = match &decision {
            Decision::Admit => {
                let member = admit_member(&mut tx, &coop, &d, today, Some(by), now).await?;
                (None, None, Some(member))
            }
            Decision::Refuse { reasons } => (
                Some(reasons.trim().to_string()),
                Some(rules::appeal_due(&coop.settings, today)),
                None,
            ),
        };
        let appeal_due_text = appeal_due.map(date::format);
        if !store::decide(
            &mut tx,
            id,
            decided.status.as_str(),
            &date::format(today),
            by,
            decided.late,
            reasons.as_deref(),
            appeal_due_text.as_deref(),
            member,
        )
        .await?
        {
            return Err(CoopError::NotPending.into());
        }
        if let Some(to) = &d.email {
            let (subject_id, body_id) = match decided.status {
                DeclarationStatus::Admitted => {
                    ("mail-coop-admitted-subject", "mail-coop-admitted-body")
                }
                _ => ("mail-coop-refused-subject", "mail-coop-refused-body"),
            };
            let args = [
                ("coop", coop.space.name.clone()),
                ("name", d.name.clone()),
                ("reasons", reasons.clone().unwrap_or_default()),
                ("appeal_due", appeal_due_text.clone().unwrap_or_default()),
                (
                    "link",
                    format!(
                        "{}/wspolnoty/{}/spoldzielnia",
                        self.config.base_url, coop.space.slug
                    ),
                ),
            ];
            let locale = match d.user_id {
                Some(u) => users::by_id(&mut tx, u).await?.locale,
                None => None,
            };
            mail::queue(
                &mut tx,
                to,
                mail::Message::Notice {
                    subject: subject_id,
                    body: body_id,
                    args: &args,
                },
                locale.as_deref(),
                &self.config.instance_secret,
                now,
            )
            .await?;
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(by),
                space,
                "coop.declaration_decided",
                Some(json!({"declaration": id, "status": "pending"})),
                Some(json!({"declaration": id, "status": decided.status.as_str(), "late": decided.late, "reasons": reasons, "member": member})),
            ),
            now,
        )
        .await?;
        Ok(decided.status)
    }

    /// The applicant appeals a refusal within the statute's deadline.
    pub async fn appeal_refusal(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
        text_of_appeal: &str,
    ) -> Result<(), AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let d = store::get(&mut c, space, id).await?;
        drop(c);
        authorise(
            subject,
            CoopAction::Appeal {
                applicant: d.user_id,
            },
        )?;
        let body = text::required("appeal", text_of_appeal, REASONS_MAX)?;
        let status = DeclarationStatus::parse(&d.status)
            .ok_or_else(|| AppError::Internal(d.status.clone()))?;
        let today = self.today();
        let due = d
            .appeal_due
            .as_deref()
            .and_then(date::parse)
            .unwrap_or(today);
        rules::appeal(status, due, today)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        // An appeal is open like a declaration: one open at a time per person.
        let appealed = store::appeal(&mut tx, id, &date::format(today), &body)
            .await
            .map_err(|e| conflict_as(e, CoopError::DeclarationPending))?;
        if !appealed {
            return Err(CoopError::NotRefused.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.appealed",
                None,
                Some(json!({"declaration": id})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// The appeal body's decision, recorded with its reasons; admitting on appeal
    /// makes the applicant a member.
    pub async fn decide_membership_appeal(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
        admit: bool,
        reasons: &str,
    ) -> Result<DeclarationStatus, AppError> {
        let coop = self.cooperative(space).await?;
        authorise(
            subject,
            CoopAction::DecideAppeal {
                body: coop.settings.appeal_body,
            },
        )?;
        let by = subject.user.ok_or(AppError::LoginRequired)?;
        let reasons = text::optional("reasons", reasons, REASONS_MAX)?.unwrap_or_default();
        let reasons = reasons.as_str();
        let now = self.now();
        let today = self.today();
        let mut tx = self.store.begin().await?;
        let coop = load(&mut tx, space).await?;
        let d = store::get(&mut tx, space, id).await?;
        let status = DeclarationStatus::parse(&d.status)
            .ok_or_else(|| AppError::Internal(d.status.clone()))?;
        let next = rules::decide_appeal(status, admit, reasons)?;
        let member = if admit {
            Some(admit_member(&mut tx, &coop, &d, today, Some(by), now).await?)
        } else {
            None
        };
        if !store::decide_appeal(
            &mut tx,
            id,
            next.as_str(),
            &date::format(today),
            by,
            reasons.trim(),
            member,
        )
        .await?
        {
            return Err(CoopError::NoAppeal.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(by),
                space,
                "coop.appeal_decided",
                Some(json!({"declaration": id, "status": "appealed"})),
                Some(json!({"declaration": id, "status": next.as_str(), "body": coop.settings.appeal_body.as_str(), "reasons": reasons.trim(), "member": member})),
            ),
            now,
        )
        .await?;
        Ok(next)
    }

    /// Declarations of a cooperative, open ones first, for those who decide.
    pub async fn declarations(
        &self,
        subject: &Subject,
        space: SpaceId,
        paging: Paging,
    ) -> Result<Page<Declaration>, AppError> {
        authorise(subject, CoopAction::ViewDeclarations)?;
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let rows = store::list(&mut c, space, paging.fetch(), paging.offset()).await?;
        Ok(Page::from_fetched(rows, paging))
    }

    /// One declaration, for its applicant and those who decide.
    pub async fn declaration(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
    ) -> Result<Declaration, AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let d = match store::get(&mut c, space, id).await {
            Ok(d) => d,
            Err(StoreError::NotFound) => {
                // Whether a declaration exists is itself not public.
                authorise(subject, CoopAction::ViewDeclarations)?;
                return Err(AppError::NotFound);
            }
            Err(e) => return Err(e.into()),
        };
        authorise(
            subject,
            CoopAction::ViewDeclaration {
                applicant: d.user_id,
            },
        )?;
        Ok(d)
    }

    /// The declarations the person made in this cooperative, newest first.
    pub async fn my_declarations(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Vec<Declaration>, AppError> {
        let Some(user) = subject.user else {
            return Ok(Vec::new());
        };
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        Ok(store::of_user(&mut c, space, user).await?)
    }

    /// The scan of a paper declaration, for those who decide.
    pub async fn declaration_scan(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        authorise(subject, CoopAction::ViewDeclarations)?;
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        let d = store::get(&mut c, space, id).await?;
        let file = d.scan_file_id.ok_or(AppError::NotFound)?;
        let (info, bytes) = wspolnota_store::files::file(&mut c, space, file).await?;
        Ok((info.content_type, bytes))
    }
}
