//! Who may see a round's results and download its files, decided by the policy
//! (`Action::ViewBudgetResults`, `Action::DownloadBudgetResults`) rather than by pages.

use super::{refused, BudgetError, Pool, Round};
use crate::{App, AppError};
use wspolnota_domain::access::{can, Action, Subject};
use wspolnota_domain::budget::Phase;

impl App {
    /// The committee has counted and the round shows its results.
    pub fn results_published(&self, round: &Round) -> bool {
        self.phase(round) == Phase::Results && round.tallied
    }

    /// Whether the results may be shown to `subject` now; `Ok(true)` when they are
    /// published. A refusal says the count has not happened yet, which is the reason.
    pub fn may_see_results(&self, subject: &Subject, round: &Round) -> Result<bool, AppError> {
        let published = self.results_published(round);
        if can(subject, Action::ViewBudgetResults { published }) {
            Ok(published)
        } else {
            Err(refused(BudgetError::NotTallied))
        }
    }

    /// Refuses, before the count, every download of a round's results.
    pub fn may_download_results(&self, subject: &Subject, round: &Round) -> Result<(), AppError> {
        let published = self.results_published(round);
        if can(subject, Action::DownloadBudgetResults { published }) {
            Ok(())
        } else {
            Err(refused(BudgetError::NotTallied))
        }
    }

    /// A pool of the round whose files `subject` may download.
    pub async fn downloadable_pool(
        &self,
        subject: &Subject,
        round: &Round,
        pool: i64,
    ) -> Result<Pool, AppError> {
        self.may_download_results(subject, round)?;
        self.pools(round.id)
            .await?
            .into_iter()
            .find(|p| p.id == pool)
            .ok_or(AppError::NotFound)
    }
}
