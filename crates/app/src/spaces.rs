//! Spaces: creating them, their founding documents, and joining by signing.

use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::ids::{OrgId, SignatureId, SpaceId};
use wspolnota_domain::org::OrgKind;
use wspolnota_domain::paging::{Page, Paging};
use wspolnota_domain::space::{document_hash, MembershipStatus, SpaceKind};
use wspolnota_domain::text;
use wspolnota_store::{audit as audit_store, orgs, signatures, spaces, users, StoreError};

/// Rows the pages and the API show, handed out by the use cases.
pub use wspolnota_store::audit::Logged as AuditEntry;
pub use wspolnota_store::signatures::Signature;
pub use wspolnota_store::spaces::Space;

crate::error::refusals! {
    /// Refusals about spaces, their documents, signatures and modules.
    SpaceError {
        SlugTaken => "space.slug_taken", Conflict;
        AlreadySigned => "signature.already_signed", Conflict;
        NoDocument => "signature.no_document", Unacceptable;
        NotPending => "signature.not_pending", Conflict;
        NotStanding => "signature.not_standing", Conflict;
        UnknownModule => "module.unknown", Unacceptable;
        JoinByDeclaration => "space.join_by_declaration", Conflict;
    }
}

#[derive(Debug, Clone, Default)]
pub struct NewSpaceForm {
    pub name: String,
    pub slug: String,
    pub kind: String,
    pub city: String,
    pub region: String,
    pub description_md: String,
    pub requires_approval: bool,
    pub document_title: String,
    pub document_md: String,
    /// For a development cooperative: its model statute and statute settings.
    pub cooperative: crate::coop::FoundingChoice,
}

/// A space with what its page shows.
#[derive(Debug, Clone)]
pub struct SpaceView {
    pub space: spaces::Space,
    pub document: Option<spaces::Document>,
    pub members: i64,
}

/// The public list of allies, optionally filtered by kind, a page at a time.
#[derive(Debug, Clone)]
pub struct AlliesView {
    pub allies: Page<signatures::Ally>,
    /// Persons who signed but did not consent to be listed by name.
    pub unlisted_persons: i64,
    /// How many allies of each kind (`None` = persons listed by name).
    pub counts: Vec<(Option<OrgKind>, usize)>,
    /// How many allies the filter keeps, on every page.
    pub total: usize,
}

/// Which allies to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllyFilter {
    All,
    Persons,
    Kind(OrgKind),
}

impl AllyFilter {
    pub fn parse(value: Option<&str>) -> Result<AllyFilter, AppError> {
        match value.map(str::trim) {
            None | Some("") | Some("all") => Ok(AllyFilter::All),
            Some("person") => Ok(AllyFilter::Persons),
            Some(k) => Ok(AllyFilter::Kind(OrgKind::parse(k)?)),
        }
    }

    /// The filter as the store reads it.
    fn code(self) -> &'static str {
        match self {
            AllyFilter::All => "all",
            AllyFilter::Persons => "person",
            AllyFilter::Kind(k) => k.as_str(),
        }
    }
}

impl App {
    pub async fn spaces(&self) -> Result<Vec<spaces::Space>, AppError> {
        let mut c = self.store.read().await?;
        Ok(spaces::list(&mut c).await?)
    }

    /// One page of spaces, by name.
    pub async fn spaces_page(&self, paging: Paging) -> Result<Page<spaces::Space>, AppError> {
        let mut c = self.store.read().await?;
        let rows = spaces::list_page(&mut c, paging.fetch(), paging.offset()).await?;
        Ok(Page::from_fetched(rows, paging))
    }

    pub async fn space(&self, id: SpaceId) -> Result<spaces::Space, AppError> {
        let mut c = self.store.read().await?;
        Ok(spaces::by_id(&mut c, id).await?)
    }

    pub async fn space_by_slug(&self, slug: &str) -> Result<spaces::Space, AppError> {
        let mut c = self.store.read().await?;
        spaces::by_slug(&mut c, slug)
            .await?
            .ok_or(AppError::NotFound)
    }

    pub async fn space_view(&self, slug: &str) -> Result<SpaceView, AppError> {
        let mut c = self.store.read().await?;
        let (space, document, members) = spaces::front_page(&mut c, slug)
            .await?
            .ok_or(AppError::NotFound)?;
        Ok(SpaceView {
            space,
            document,
            members,
        })
    }

    pub async fn documents(&self, space: SpaceId) -> Result<Vec<spaces::Document>, AppError> {
        let mut c = self.store.read().await?;
        Ok(spaces::documents(&mut c, space).await?)
    }

    /// One page of the public list of allies, with the counts of the whole list.
    pub async fn allies(
        &self,
        space: SpaceId,
        filter: AllyFilter,
        paging: Paging,
    ) -> Result<AlliesView, AppError> {
        let mut c = self.store.read().await?;
        let rows = signatures::allies_page(
            &mut c,
            space,
            filter.code(),
            paging.fetch(),
            paging.offset(),
        )
        .await?;
        let (by_kind, unlisted_persons) = signatures::ally_counts(&mut c, space).await?;
        let kinds = std::iter::once(None).chain(OrgKind::ALL.into_iter().map(Some));
        let counts = kinds
            .filter_map(|kind| {
                by_kind
                    .iter()
                    .find(|(k, _)| *k == kind)
                    .map(|(_, n)| (kind, *n as usize))
            })
            .filter(|(_, n)| *n > 0)
            .collect::<Vec<_>>();
        let total = counts
            .iter()
            .filter(|(k, _)| match filter {
                AllyFilter::All => true,
                AllyFilter::Persons => k.is_none(),
                AllyFilter::Kind(kind) => *k == Some(kind),
            })
            .map(|(_, n)| n)
            .sum();
        Ok(AlliesView {
            total,
            allies: Page::from_fetched(rows, paging),
            unlisted_persons,
            counts,
        })
    }

    /// Creates a space with the first version of its founding document; the creator becomes its admin.
    pub async fn create_space(
        &self,
        subject: &Subject,
        form: NewSpaceForm,
    ) -> Result<SpaceId, AppError> {
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        if !can(subject, Action::CreateSpace) {
            return Err(AppError::Forbidden);
        }
        let name = text::required("name", &form.name, text::NAME_MAX)?;
        let slug = if form.slug.trim().is_empty() {
            text::slugify(&name)
        } else {
            form.slug.trim().to_string()
        };
        let slug = text::slug(&slug)?;
        let kind = SpaceKind::parse(form.kind.trim())?;
        let city = text::optional("city", &form.city, text::CITY_MAX)?;
        let region = text::optional("region", &form.region, text::CITY_MAX)?;
        let description =
            text::optional("description", &form.description_md, text::DESCRIPTION_MAX)?
                .unwrap_or_default();
        // A cooperative founded from a model statute whose text was left empty takes the
        // model's text with the founder's values filled in, ready to edit later.
        let (document_title, document_md) = match (kind, form.cooperative.model) {
            (SpaceKind::DevelopmentCooperative, Some(model))
                if form.document_md.trim().is_empty() =>
            {
                let m = crate::coop::model_statute(
                    model,
                    &name,
                    city.as_deref().unwrap_or(""),
                    &form.cooperative.settings,
                );
                let title = if form.document_title.trim().is_empty() {
                    m.title
                } else {
                    form.document_title.clone()
                };
                (title, m.body)
            }
            _ => (form.document_title.clone(), form.document_md.clone()),
        };
        let title = text::required("document_title", &document_title, text::NAME_MAX)?;
        let body = text::required("document", &document_md, text::DOCUMENT_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let new = spaces::NewSpace {
            slug: &slug,
            name: &name,
            kind,
            city: city.as_deref(),
            region: region.as_deref(),
            description_md: &description,
            requires_approval: form.requires_approval,
        };
        let id = match spaces::insert(&mut tx, &new, now).await {
            Ok(id) => id,
            Err(StoreError::Conflict(_)) => return Err(AppError::Space(SpaceError::SlugTaken)),
            Err(e) => return Err(e.into()),
        };
        spaces::add_admin(&mut tx, id, user, now).await?;
        let doc = spaces::add_document(
            &mut tx,
            id,
            &title,
            &body,
            &document_hash(&title, &body),
            Some(user),
            now,
        )
        .await?;
        if kind == SpaceKind::DevelopmentCooperative {
            crate::coop::start(&mut tx, id, doc.id, &form.cooperative, now).await?;
        }
        audit::record(
            &mut tx,
            audit::Change::in_space(Some(user), id, "space.created", None, Some(json!({"slug": slug, "name": name, "kind": kind.as_str(), "document_hash": doc.text_hash}))),
            now,
        )
        .await?;
        audit::record(
            &mut tx,
            audit::Change::in_space(
                Some(user),
                id,
                "space.admin_added",
                None,
                Some(json!({"user": user.0})),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(id)
    }

    /// Publishes a new version of the founding document. Earlier versions and the
    /// signatures made under them stay as they were.
    pub async fn publish_document(
        &self,
        subject: &Subject,
        space: SpaceId,
        title: &str,
        body: &str,
    ) -> Result<spaces::Document, AppError> {
        crate::authorise(subject, Action::EditSpace)?;
        let title = text::required("document_title", title, text::NAME_MAX)?;
        let body = text::required("document", body, text::DOCUMENT_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let before = spaces::current_document(&mut tx, space).await?;
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
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "document.published",
                before.map(|d| json!({"version": d.version, "hash": d.text_hash})),
                Some(json!({"version": doc.version, "hash": doc.text_hash})),
            ),
            now,
        )
        .await?;
        Ok(doc)
    }

    /// Signs the current founding document of a space, in one's own name or for an organisation.
    pub async fn sign(
        &self,
        subject: &Subject,
        space: SpaceId,
        on_behalf_of: Option<OrgId>,
    ) -> Result<signatures::Signature, AppError> {
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        if !can(subject, Action::Sign { on_behalf_of }) {
            return Err(AppError::Forbidden);
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let space_row = spaces::by_id(&mut tx, space).await?;
        // A cooperative is joined by a membership declaration the board decides, which
        // puts the member in the register; a signature would make no member.
        if space_row.kind == SpaceKind::DevelopmentCooperative {
            return Err(AppError::Space(SpaceError::JoinByDeclaration));
        }
        let doc = spaces::current_document(&mut tx, space)
            .await?
            .ok_or(AppError::Space(SpaceError::NoDocument))?;
        if signatures::standing(&mut tx, space, user, on_behalf_of)
            .await?
            .is_some()
        {
            return Err(AppError::Space(SpaceError::AlreadySigned));
        }
        let person = users::by_id(&mut tx, user).await?;
        let status = MembershipStatus::on_signing(space_row.requires_approval);
        let new = signatures::NewSignature {
            space,
            document: doc.id,
            user,
            org: on_behalf_of,
            signer_name: &person.display_name,
            status,
        };
        let id = match signatures::insert(&mut tx, &new, now).await {
            Ok(id) => id,
            // A concurrent signature won the race; the unique index refused this one.
            Err(StoreError::Conflict(_)) => return Err(AppError::Space(SpaceError::AlreadySigned)),
            Err(e) => return Err(e.into()),
        };
        let org_name = match on_behalf_of {
            Some(o) => Some(orgs::by_id(&mut tx, o).await?.name),
            None => None,
        };
        audit::record(
            &mut tx,
            audit::Change {
                actor: Some(user),
                space: Some(space),
                org: on_behalf_of,
                action: "signature.created",
                before: None,
                after: Some(json!({"signature": id.0, "org": org_name, "document_version": doc.version, "document_hash": doc.text_hash, "status": status.as_str()})),
            },
            now,
        )
        .await?;
        let sig = signatures::by_id(&mut tx, id).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(sig)
    }

    /// Approves or rejects a pending signature.
    pub async fn decide_signature(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: SignatureId,
        approve: bool,
    ) -> Result<(), AppError> {
        crate::authorise(subject, Action::DecideMembership)?;
        let actor = subject.user.ok_or(AppError::LoginRequired)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let sig = signatures::by_id(&mut tx, id).await?;
        if sig.space_id != space {
            return Err(AppError::NotFound);
        }
        let to = if approve {
            MembershipStatus::Active
        } else {
            MembershipStatus::Rejected
        };
        if !signatures::set_status(&mut tx, id, MembershipStatus::Pending, to, actor, now).await? {
            return Err(AppError::Space(SpaceError::NotPending));
        }
        audit::record(
            &mut tx,
            audit::Change {
                actor: Some(actor),
                space: Some(space),
                org: sig.org_id,
                action: if approve {
                    "signature.approved"
                } else {
                    "signature.rejected"
                },
                before: Some(json!({"signature": id.0, "status": "pending"})),
                after: Some(json!({"signature": id.0, "status": to.as_str()})),
            },
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Withdraws a standing signature; it stays in history as withdrawn.
    pub async fn withdraw_signature(
        &self,
        subject: &Subject,
        space: SpaceId,
        id: SignatureId,
    ) -> Result<(), AppError> {
        let actor = subject.user.ok_or(AppError::LoginRequired)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let sig = signatures::by_id(&mut tx, id).await?;
        if sig.space_id != space {
            return Err(AppError::NotFound);
        }
        if !can(
            subject,
            Action::Withdraw {
                signer: sig.user_id,
                org: sig.org_id,
            },
        ) {
            return Err(AppError::Forbidden);
        }
        if !sig.status.is_standing()
            || !signatures::set_status(
                &mut tx,
                id,
                sig.status,
                MembershipStatus::Withdrawn,
                actor,
                now,
            )
            .await?
        {
            return Err(AppError::Space(SpaceError::NotStanding));
        }
        audit::commit(
            tx,
            audit::Change {
                actor: Some(actor),
                space: Some(space),
                org: sig.org_id,
                action: "signature.withdrawn",
                before: Some(json!({"signature": id.0, "status": sig.status.as_str()})),
                after: Some(json!({"signature": id.0, "status": "withdrawn"})),
            },
            now,
        )
        .await?;
        Ok(())
    }

    /// The signatures a person made in a space (own and for organisations).
    pub async fn my_signatures(
        &self,
        space: SpaceId,
        user: wspolnota_domain::ids::UserId,
    ) -> Result<Vec<signatures::Signature>, AppError> {
        let mut c = self.store.read().await?;
        Ok(signatures::of_user_in_space(&mut c, space, user).await?)
    }

    pub async fn pending_signatures(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Vec<signatures::Signature>, AppError> {
        crate::authorise(subject, Action::DecideMembership)?;
        let mut c = self.store.read().await?;
        Ok(signatures::with_status(&mut c, space, MembershipStatus::Pending).await?)
    }

    pub async fn audit_log(
        &self,
        subject: &Subject,
        space: SpaceId,
    ) -> Result<Vec<audit_store::Logged>, AppError> {
        crate::authorise(subject, Action::ViewAuditLog)?;
        let mut c = self.store.read().await?;
        Ok(audit_store::for_space(&mut c, space, 500).await?)
    }
}
