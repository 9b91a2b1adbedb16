//! What a co-investment project records as it goes: milestones reached (with the day)
//! and its documents (a feasibility study, an agreement, an offer), public as the
//! project is.

use super::authorise;
use crate::files::{self, Upload};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::coop::access::CoopAction;
use wspolnota_domain::coop::CoopError;
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::text;
use wspolnota_store::coop::invest as store;

impl App {
    /// Marks a milestone of a project reached on `done_on` (empty: today; never in the
    /// future). A reached milestone keeps its first date.
    pub async fn complete_milestone(
        &self,
        subject: &Subject,
        space: SpaceId,
        investment: i64,
        milestone: i64,
        done_on: &str,
    ) -> Result<(), AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let today = self.today();
        let on = super::ledger::day_or_today(done_on, today)?;
        if on > today {
            return Err(CoopError::BadDate.into());
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::investment(&mut tx, space, investment).await?;
        let known = store::milestones(&mut tx, investment).await?;
        let m = known
            .iter()
            .find(|m| m.id == milestone)
            .ok_or(AppError::NotFound)?;
        if !store::complete_milestone(&mut tx, investment, milestone, &date::format(on)).await? {
            return Err(CoopError::MilestoneReached.into());
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.milestone_reached",
                None,
                Some(json!({"investment": investment, "milestone": milestone, "title": m.title, "done_on": date::format(on)})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Attaches a document to a project: PDF, PNG, JPEG or WebP, told by its bytes.
    pub async fn add_investment_document(
        &self,
        subject: &Subject,
        space: SpaceId,
        investment: i64,
        title: &str,
        upload: Upload,
    ) -> Result<i64, AppError> {
        authorise(subject, CoopAction::ManageInvestments)?;
        self.cooperative(space).await?;
        let title = text::required("title", title, text::NAME_MAX)?;
        let content_type = wspolnota_domain::file::accept_document("file", &upload.bytes)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::investment(&mut tx, space, investment).await?;
        let saved = files::save(
            &mut tx,
            space,
            &upload,
            content_type,
            "dokument",
            (subject.user, now),
        )
        .await?;
        let id =
            store::add_document(&mut tx, investment, saved.id, &title, subject.user, now).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                space,
                "coop.document_added",
                None,
                Some(json!({"investment": investment, "document": id, "title": title, "sha256": saved.sha256})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// A project's document with its bytes, for anyone who may see the project.
    pub async fn investment_document(
        &self,
        space: SpaceId,
        investment: i64,
        document: i64,
    ) -> Result<(store::ProjectDocument, Vec<u8>), AppError> {
        self.cooperative(space).await?;
        let mut c = self.store.read().await?;
        store::investment(&mut c, space, investment).await?;
        let doc = store::documents(&mut c, investment)
            .await?
            .into_iter()
            .find(|d| d.id == document)
            .ok_or(AppError::NotFound)?;
        let (_, bytes) = wspolnota_store::files::file(&mut c, space, doc.file_id).await?;
        Ok((doc, bytes))
    }
}
