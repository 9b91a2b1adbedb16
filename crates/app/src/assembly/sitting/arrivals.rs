//! The attendance register at the assembly: checking members in (in person, remotely,
//! or through a proxy with the power of attorney's scan) and out.

use crate::files::{self, Upload};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::assembly::access::AssemblyAction;
use wspolnota_domain::assembly::attendance::{self, Presence, ProxyHolder, ProxyRules};
use wspolnota_domain::assembly::AssemblyError;
use wspolnota_domain::budget::register::person_key;
use wspolnota_domain::date;
use wspolnota_domain::file::accept_document;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::text;
use wspolnota_store::assembly::sitting as store;
use wspolnota_store::coop::members;
use wspolnota_store::users;

use super::register_of;

#[derive(Debug, Clone, Default)]
pub struct CheckInForm {
    /// The member's number in the register.
    pub member: String,
    /// `in_person`, `remote` or `proxy`.
    pub presence: String,
    /// The proxy's name as on the power of attorney, and their account's e-mail if
    /// they have one.
    pub proxy_name: String,
    pub proxy_email: String,
    pub power_of_attorney: Option<Upload>,
}

impl App {
    /// Checks a member in. A proxy needs the statute's leave, the scan of a written
    /// power of attorney, and may stand for one member only; a board member may be a
    /// proxy only in a cooperative of at most ten members.
    pub async fn check_in(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        form: CheckInForm,
    ) -> Result<i64, AppError> {
        self.assembly(subject, space, meeting).await?;
        let roles = self.roles_at(subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::KeepAttendance {
                officer: Self::officer(&roles),
            }),
        )?;
        let coop = self.cooperative(space).await?;
        let presence = Presence::parse(form.presence.trim())
            .ok_or(wspolnota_domain::DomainError::UnknownKind)?;
        let number: i64 = form
            .member
            .trim()
            .parse()
            .map_err(|_| AssemblyError::NotEntitled)?;
        let now = self.now();
        let today = date::format(self.today());
        let mut tx = self.store.begin().await?;
        let (m, _) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        if date::parse(&m.held_on).is_some_and(|d| d > self.today()) {
            return Err(AssemblyError::BeforeTheDay.into());
        }
        self.ensure_not_signed(&mut tx, meeting).await?;
        let member = members::by_number(&mut tx, space, number)
            .await
            .map_err(|_| AssemblyError::NotEntitled)?;
        if member
            .ends_on
            .as_deref()
            .is_some_and(|e| e <= today.as_str())
        {
            return Err(AssemblyError::NotEntitled.into());
        }
        let mut register = register_of(&store::attendance(&mut tx, meeting).await?)?;
        let entitled = self.entitled(&mut tx, space).await?;
        let (proxy, proxy_name) = if presence == Presence::Proxy {
            let name = text::required("proxy_name", &form.proxy_name, text::NAME_MAX)?;
            let account = match form.proxy_email.trim() {
                "" => None,
                e => Some(
                    users::by_email(&mut tx, &crate::mail::address(e)?)
                        .await?
                        .ok_or(AssemblyError::PersonUnknown)?,
                ),
            };
            // A seat on the board counts as much as the role granted directly.
            let on_board = match &account {
                Some(u) => self
                    .subject(Some(u), Some(space))
                    .await?
                    .has(wspolnota_domain::access::SpaceRole::Board),
                None => false,
            };
            let key = match &account {
                Some(u) => format!("user:{}", u.id.0),
                None => format!("name:{}", person_key(&name, "")),
            };
            (
                Some(ProxyHolder {
                    key,
                    sits_on_board: on_board,
                    has_document: form
                        .power_of_attorney
                        .as_ref()
                        .is_some_and(|u| !u.bytes.is_empty()),
                }),
                Some(name),
            )
        } else {
            (None, None)
        };
        register.arrive(
            attendance::Arrival {
                member: number,
                presence,
                proxy: proxy.clone(),
            },
            ProxyRules {
                allowed: coop.settings.proxies_allowed,
                members: entitled,
            },
        )?;
        let document = match (&proxy, &form.power_of_attorney) {
            (Some(_), Some(upload)) => {
                let kind = accept_document("power_of_attorney", &upload.bytes)?;
                Some(
                    files::save(
                        &mut tx,
                        space,
                        upload,
                        kind,
                        "pelnomocnictwo",
                        (subject.user, now),
                    )
                    .await?
                    .id,
                )
            }
            _ => None,
        };
        let id = store::arrive(
            &mut tx,
            &store::NewArrival {
                meeting,
                member_number: number,
                presence: presence.code(),
                proxy_name: proxy_name.as_deref(),
                proxy_key: proxy.as_ref().map(|p| p.key.as_str()),
                proxy_on_board: proxy.as_ref().is_some_and(|p| p.sits_on_board),
                power_of_attorney: document,
                by: subject.user,
            },
            now,
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.checked_in",
                None,
                Some(json!({
                    "meeting": meeting, "member": number, "presence": presence.code(),
                    "proxy": proxy_name, "power_of_attorney": document,
                })),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// Records that a member (or their proxy) left.
    pub async fn check_out(
        &self,
        subject: &Subject,
        space: SpaceId,
        meeting: i64,
        member: i64,
    ) -> Result<(), AppError> {
        self.assembly(subject, space, meeting).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let (_, roles) = self.sitting_of(&mut tx, subject, space, meeting).await?;
        authorise(
            subject,
            Action::Assembly(AssemblyAction::KeepAttendance {
                officer: Self::officer(&roles),
            }),
        )?;
        self.ensure_not_signed(&mut tx, meeting).await?;
        if !store::leave(&mut tx, meeting, member, now).await? {
            return Err(AssemblyError::NotPresent.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "assembly.checked_out",
                None,
                Some(json!({"meeting": meeting, "member": member})),
            ),
            now,
        )
        .await?;
        Ok(())
    }
}
