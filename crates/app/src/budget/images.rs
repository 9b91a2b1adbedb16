//! Images of proposals: type told from the bytes, a text alternative required.

use super::{refused, BudgetError};
use crate::{audit, App, AppError};
use serde_json::json;
use wspolnota_domain::access::Subject;
use wspolnota_domain::budget::ProposalAction;
use wspolnota_domain::text;
use wspolnota_store::budget::{self as store, Round};

impl App {
    /// The author adds an image to a proposal while submission is open: PNG, JPEG or
    /// WebP (told by the bytes), at most 2 MiB, at most `proposal_limits.images` of them,
    /// with a text alternative.
    pub async fn add_proposal_image(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        alt: &str,
        bytes: &[u8],
    ) -> Result<i64, AppError> {
        self.proposal_for(subject, round, id, ProposalAction::AddImage)
            .await?;
        let alt = text::required("alt", alt, 300)?;
        if bytes.len() > wspolnota_domain::budget::MAX_IMAGE_BYTES {
            return Err(refused(BudgetError::ImageTooLarge));
        }
        let content_type =
            wspolnota_domain::budget::image_type(bytes).ok_or(refused(BudgetError::ImageType))?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        // Counted under the proposal's row lock, so parallel uploads cannot pass together.
        store::lock_proposal(&mut tx, id).await?;
        let already = store::images(&mut tx, id).await?.len();
        if !self.config.proposal_limits.allows_image(already) {
            return Err(refused(BudgetError::ImageTooMany));
        }
        let image = store::insert_image(&mut tx, id, content_type, &alt, bytes).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.image_added",
                None,
                Some(json!({"proposal": id, "image": image, "alt": alt})),
            ),
            now,
        )
        .await?;
        Ok(image)
    }

    pub async fn proposal_images(&self, id: i64) -> Result<Vec<store::ImageInfo>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::images(&mut c, id).await?)
    }

    pub async fn proposal_image(
        &self,
        proposal: i64,
        image: i64,
    ) -> Result<(String, Vec<u8>), AppError> {
        let mut c = self.store.read().await?;
        Ok(store::image(&mut c, proposal, image).await?)
    }
}
