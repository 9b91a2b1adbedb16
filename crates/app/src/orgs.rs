//! Organisations and their representatives.

use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::ids::{OrgId, UserId};
use wspolnota_domain::org::{OrgKind, OrgRole};
use wspolnota_domain::paging::{Page, Paging};
use wspolnota_domain::{registry_numbers, text};
use wspolnota_store::{orgs, users, StoreError};

/// An organisation as the use cases hand it out.
pub use wspolnota_store::orgs::Org;

crate::error::refusals! {
    /// Refusals about organisations and their representatives.
    OrgError {
        UnknownPerson => "org.unknown_person", Unacceptable;
        LastAdmin => "org.last_admin", Conflict;
    }
}

/// What a person fills in to register an organisation.
#[derive(Debug, Clone, Default)]
pub struct NewOrgForm {
    pub name: String,
    pub kind: String,
    pub city: String,
    pub krs: String,
    pub nip: String,
    pub regon: String,
}

fn optional_number(
    value: &str,
    check: fn(&str) -> Result<String, wspolnota_domain::DomainError>,
) -> Result<Option<String>, AppError> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        Ok(Some(check(value)?))
    }
}

impl App {
    /// Registers an organisation; the person who registers it becomes its admin.
    pub async fn create_org(&self, subject: &Subject, form: NewOrgForm) -> Result<OrgId, AppError> {
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        if !can(subject, Action::CreateOrganisation) {
            return Err(AppError::Forbidden);
        }
        let name = text::required("name", &form.name, text::NAME_MAX)?;
        let kind = OrgKind::parse(form.kind.trim())?;
        let city = text::optional("city", &form.city, text::CITY_MAX)?;
        let krs = optional_number(&form.krs, registry_numbers::krs)?;
        let nip = optional_number(&form.nip, registry_numbers::nip)?;
        let regon = optional_number(&form.regon, registry_numbers::regon)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let new = orgs::NewOrg {
            name: &name,
            kind,
            city: city.as_deref(),
            krs: krs.as_deref(),
            nip: nip.as_deref(),
            regon: regon.as_deref(),
        };
        let id = orgs::insert(&mut tx, &new, user, now).await?;
        orgs::grant(&mut tx, id, user, OrgRole::Admin, Some(user), now).await?;
        let after = json!({"name": name, "kind": kind.as_str(), "city": city, "krs": krs, "nip": nip, "regon": regon});
        audit::record(
            &mut tx,
            audit::Change {
                actor: Some(user),
                space: None,
                org: Some(id),
                action: "org.created",
                before: None,
                after: Some(after),
            },
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            audit::Change {
                actor: Some(user),
                space: None,
                org: Some(id),
                action: "org.representative_granted",
                before: None,
                after: Some(json!({"user": user.0, "role": "admin"})),
            },
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    pub async fn org(&self, id: OrgId) -> Result<(orgs::Org, Vec<orgs::Representative>), AppError> {
        let mut c = self.store.read().await?;
        let org = orgs::by_id(&mut c, id).await?;
        let reps = orgs::representatives(&mut c, id).await?;
        Ok((org, reps))
    }

    /// One page of organisations, by name.
    pub async fn orgs(&self, paging: Paging) -> Result<Page<orgs::Org>, AppError> {
        let mut c = self.store.read().await?;
        let rows = orgs::list_page(&mut c, paging.fetch(), paging.offset()).await?;
        Ok(Page::from_fetched(rows, paging))
    }

    /// Lets the person with the given e-mail act for the organisation.
    pub async fn grant_representative(
        &self,
        subject: &Subject,
        org: OrgId,
        email: &str,
        role: &str,
    ) -> Result<UserId, AppError> {
        crate::authorise(subject, Action::ManageOrganisation { org })?;
        let role = OrgRole::parse(role)?;
        let email = text::email(email)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        orgs::by_id(&mut tx, org).await?;
        let person = users::by_email(&mut tx, &email)
            .await?
            .ok_or(AppError::Org(crate::orgs::OrgError::UnknownPerson))?;
        orgs::grant(&mut tx, org, person.id, role, subject.user, now).await?;
        audit::commit(
            tx,
            audit::Change {
                actor: subject.user,
                space: None,
                org: Some(org),
                action: "org.representative_granted",
                before: None,
                after: Some(json!({"user": person.id.0, "role": role.as_str()})),
            },
            now,
        )
        .await?;
        Ok(person.id)
    }

    /// Ends a person's right to act for the organisation. The last admin cannot be removed.
    pub async fn revoke_representative(
        &self,
        subject: &Subject,
        org: OrgId,
        person: UserId,
    ) -> Result<(), AppError> {
        crate::authorise(subject, Action::ManageOrganisation { org })?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let reps = orgs::representatives(&mut tx, org).await?;
        let Some(rep) = reps.iter().find(|r| r.user_id == person) else {
            return Err(AppError::NotFound);
        };
        let admins = reps.iter().filter(|r| r.role == OrgRole::Admin).count();
        if rep.role == OrgRole::Admin && admins == 1 {
            return Err(AppError::Org(OrgError::LastAdmin));
        }
        orgs::revoke(&mut tx, org, person, now).await?;
        audit::commit(
            tx,
            audit::Change {
                actor: subject.user,
                space: None,
                org: Some(org),
                action: "org.representative_revoked",
                before: Some(json!({"user": person.0, "role": rep.role.as_str()})),
                after: None,
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// The history of an organisation, for its admins and platform admins.
    pub async fn org_audit_log(
        &self,
        subject: &Subject,
        org: OrgId,
    ) -> Result<Vec<wspolnota_store::audit::Logged>, AppError> {
        crate::authorise(subject, Action::ManageOrganisation { org })?;
        let mut c = self.store.read().await?;
        Ok(wspolnota_store::audit::for_org(&mut c, org, 500).await?)
    }
}
