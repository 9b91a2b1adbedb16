//! Organisations and their representatives.

use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::ids::{OrgId, UserId};
use wspolnota_domain::org::{OrgKind, OrgRole};
use wspolnota_domain::paging::{Page, Paging};
use wspolnota_domain::{registry_numbers, text};
use wspolnota_store::{orgs, users, StoreError};

/// How long an invitation to represent an organisation stays open.
const INVITATION_VALID_SECS: i64 = 14 * 24 * 3600;

/// An organisation as the use cases hand it out.
pub use wspolnota_store::orgs::Org;

crate::error::refusals! {
    /// Refusals about organisations and their representatives.
    OrgError {
        UnknownPerson => "org.unknown_person", Unacceptable;
        LastAdmin => "org.last_admin", Conflict;
        InvitationInvalid => "org.invitation_invalid", BadRequest;
        InvitationUsed => "org.invitation_used", BadRequest;
        InvitationExpired => "org.invitation_expired", BadRequest;
        InvitationForAnother => "org.invitation_for_another", Forbidden;
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

    /// Invites the holder of an e-mail address to act for the organisation. The answer is
    /// the same whether or not the address has an account, and the invitation is only a
    /// mail: the person accepts it logged in with that address, so the inviter never
    /// learns who has an account.
    pub async fn invite_representative(
        &self,
        subject: &Subject,
        org: OrgId,
        email: &str,
        role: &str,
    ) -> Result<(), AppError> {
        crate::authorise(subject, Action::ManageOrganisation { org })?;
        let role = OrgRole::parse(role)?;
        let email = crate::mail::address(email)?;
        let organisation = {
            let mut c = self.store.read().await?;
            orgs::by_id(&mut c, org).await?
        };
        let mails_left = self.may_mail(&email).await?;
        let now = self.now();
        let secret = crate::tokens::new_secret();
        let mut tx = self.store.begin().await?;
        orgs::insert_invitation(
            &mut tx,
            org,
            &email,
            role,
            &crate::tokens::hash(&secret),
            subject.user,
            now,
            now.plus_seconds(INVITATION_VALID_SECS),
        )
        .await?;
        if mails_left {
            let link_base = format!("{}/organizacje/zaproszenie/", self.config.base_url);
            crate::mail::queue(
                &mut tx,
                &email,
                crate::mail::Message::Invite {
                    org: &organisation.name,
                    role,
                    link_base: &link_base,
                    secret: &secret,
                },
                None,
                &self.config.instance_secret,
                now,
            )
            .await?;
        }
        audit::commit(
            tx,
            audit::Change {
                actor: subject.user,
                space: None,
                org: Some(org),
                action: "org.representative_invited",
                before: None,
                after: Some(json!({"role": role.as_str()})),
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// The invitations of an organisation still waiting for an answer, for its admins.
    pub async fn open_invitations(
        &self,
        subject: &Subject,
        org: OrgId,
    ) -> Result<Vec<orgs::Invitation>, AppError> {
        crate::authorise(subject, Action::ManageOrganisation { org })?;
        let mut c = self.store.read().await?;
        Ok(orgs::open_invitations(&mut c, org, self.now()).await?)
    }

    async fn live_invitation(
        &self,
        c: &mut wspolnota_store::Conn,
        secret: &str,
    ) -> Result<orgs::Invitation, AppError> {
        let invitation = orgs::invitation_by_hash(c, &crate::tokens::hash(secret.trim()))
            .await?
            .ok_or(OrgError::InvitationInvalid)?;
        if invitation.accepted {
            return Err(OrgError::InvitationUsed.into());
        }
        if invitation.expires_at <= self.now() {
            return Err(OrgError::InvitationExpired.into());
        }
        Ok(invitation)
    }

    /// What an invitation link offers: the organisation and the role.
    pub async fn invitation(&self, secret: &str) -> Result<(Org, OrgRole), AppError> {
        let mut c = self.store.read().await?;
        let invitation = self.live_invitation(&mut c, secret).await?;
        Ok((
            orgs::by_id(&mut c, invitation.org_id).await?,
            invitation.role,
        ))
    }

    /// Accepts an invitation: only the person logged in with the invited address may.
    pub async fn accept_invitation(&self, user: UserId, secret: &str) -> Result<OrgId, AppError> {
        let person = self.user(user).await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let invitation = self.live_invitation(&mut tx, secret).await?;
        if person.email.as_deref() != Some(invitation.email.as_str()) || !person.email_confirmed {
            return Err(OrgError::InvitationForAnother.into());
        }
        if !orgs::accept_invitation(&mut tx, invitation.id, now).await? {
            return Err(OrgError::InvitationUsed.into());
        }
        orgs::grant(&mut tx, invitation.org_id, user, invitation.role, None, now).await?;
        audit::commit(
            tx,
            audit::Change {
                actor: Some(user),
                space: None,
                org: Some(invitation.org_id),
                action: "org.representative_granted",
                before: None,
                after: Some(
                    json!({"user": user.0, "role": invitation.role.as_str(), "by": "invitation"}),
                ),
            },
            now,
        )
        .await?;
        Ok(invitation.org_id)
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
