//! Proposals: submission and editing, supports, withdrawal, verification and appeals.

use super::{refused, BudgetError, ProposalForm, VerificationForm};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::{
    cost_total, Phase, ProposalAction, ProposalError, ProposalState, ProposalStatus,
};
use wspolnota_domain::pb::Money;
use wspolnota_domain::text;
use wspolnota_store::budget::{self as store, Pool, Proposal, Round};
use wspolnota_store::StoreError;

impl App {
    /// What may happen to a proposal now (status, phase, appeal deadline).
    pub fn proposal_state(&self, round: &Round, p: &Proposal) -> ProposalState {
        ProposalState {
            status: p.status,
            phase: self.phase(round),
            now: self.now(),
            verified_at: p.verified_at,
            appeal_days: round.appeal_days,
            appealed: p.appeal_text.is_some(),
        }
    }

    /// Loads a proposal of the round for `action`: it must belong to the round, the
    /// subject must hold the permission the action needs, and the proposal's state
    /// machine must allow it now.
    pub(super) async fn proposal_for(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        action: ProposalAction,
    ) -> Result<Proposal, AppError> {
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        let permission = match action {
            ProposalAction::Edit
            | ProposalAction::AddImage
            | ProposalAction::Withdraw
            | ProposalAction::Appeal => Action::EditProposal {
                author: current.author_id,
            },
            ProposalAction::Verify | ProposalAction::DecideAppeal => Action::VerifyProposals,
            ProposalAction::Support => Action::TakePartInBudget,
        };
        authorise(subject, permission)?;
        self.may(round, &current, action)?;
        Ok(current)
    }

    /// Refuses `action` unless the proposal's state machine allows it now.
    pub(super) fn may(
        &self,
        round: &Round,
        p: &Proposal,
        action: ProposalAction,
    ) -> Result<(), AppError> {
        self.proposal_state(round, p).check(action).map_err(refused)
    }

    fn checked_proposal(
        &self,
        round: &Round,
        pools: &[Pool],
        form: &ProposalForm,
    ) -> Result<(String, String, Option<String>, Money), AppError> {
        if !pools
            .iter()
            .any(|p| p.id == form.pool_id && p.round_id == round.id)
        {
            return Err(refused(BudgetError::UnknownPool));
        }
        let title = text::required("title", &form.title, text::NAME_MAX)?;
        let description =
            text::required("description", &form.description_md, text::DESCRIPTION_MAX)?;
        let place = text::optional("place", &form.place, text::NAME_MAX)?;
        for item in &form.items {
            text::required("item_label", &item.label, text::NAME_MAX)?;
        }
        let cost = cost_total(&form.items).map_err(refused)?;
        Ok((title, description, place, cost))
    }

    /// A resident submits a proposal while submission is open.
    pub async fn submit_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        form: ProposalForm,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let author = subject.user.ok_or(AppError::LoginRequired)?;
        if self.phase(round) != Phase::Submission {
            return Err(refused(BudgetError::WrongPhase));
        }
        let pools = self.pools(round.id).await?;
        let (title, description, place, cost) = self.checked_proposal(round, &pools, &form)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        // Counted under the author's row lock, so parallel submissions cannot pass together.
        store::lock_author(&mut tx, author).await?;
        let already = store::count_by_author(&mut tx, round.id, author).await?;
        if !self.config.proposal_limits.allows_proposal(already) {
            return Err(refused(BudgetError::TooManyProposals));
        }
        let new = store::NewProposal {
            round_id: round.id,
            pool_id: form.pool_id,
            author: Some(author),
            title: &title,
            description_md: &description,
            place: place.as_deref(),
            items: &form.items,
            cost,
        };
        let id = store::insert_proposal(&mut tx, &new, now).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(author),
                round.space_id,
                "budget.proposal_submitted",
                None,
                Some(json!({"proposal": id, "title": title, "cost_grosze": cost.grosze()})),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    /// The author edits a proposal until submission closes.
    pub async fn edit_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        form: ProposalForm,
    ) -> Result<(), AppError> {
        let current = self
            .proposal_for(subject, round, id, ProposalAction::Edit)
            .await?;
        let pools = self.pools(round.id).await?;
        let (title, description, place, cost) = self.checked_proposal(round, &pools, &form)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let author = Some(current.author_id.ok_or(AppError::Forbidden)?);
        let new = store::NewProposal {
            round_id: round.id,
            pool_id: form.pool_id,
            author,
            title: &title,
            description_md: &description,
            place: place.as_deref(),
            items: &form.items,
            cost,
        };
        store::update_proposal(&mut tx, id, &new, now).await?;
        audit::commit(tx, audit::Change::in_space(subject.user, round.space_id, "budget.proposal_edited", Some(json!({"proposal": id, "title": current.title, "cost_grosze": current.cost.grosze()})), Some(json!({"proposal": id, "title": title, "cost_grosze": cost.grosze()}))), now).await?;
        Ok(())
    }

    /// The author withdraws a proposal before voting starts.
    pub async fn withdraw_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
    ) -> Result<(), AppError> {
        let current = self
            .proposal_for(subject, round, id, ProposalAction::Withdraw)
            .await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::set_status(&mut tx, id, current.status, ProposalStatus::Withdrawn, now).await? {
            return Err(refused(BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::WrongState,
            )));
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.proposal_withdrawn",
                Some(json!({"proposal": id, "status": current.status.as_str()})),
                Some(json!({"proposal": id, "status": "withdrawn"})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// A resident adds a supporting signature while submission is open.
    pub async fn support_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
    ) -> Result<(), AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        self.proposal_for(subject, round, id, ProposalAction::Support)
            .await?;
        let mut tx = self.store.begin().await?;
        if !store::support(&mut tx, id, user).await? {
            return Err(refused(BudgetError::AlreadySupported));
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// An official marks a proposal positive or negative (with a reason), and may change
    /// its cost (with a justification). Proposals short of the required supporting
    /// signatures cannot be accepted.
    pub async fn verify_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        form: VerificationForm,
    ) -> Result<(), AppError> {
        authorise(subject, Action::VerifyProposals)?;
        let actor = subject.user.ok_or(AppError::LoginRequired)?;
        let current = self
            .proposal_for(subject, round, id, ProposalAction::Verify)
            .await?;
        let reason = text::optional("reason", &form.reason, text::DESCRIPTION_MAX)?;
        if !form.accepted && reason.is_none() {
            return Err(AppError::Invalid(wspolnota_domain::DomainError::Required {
                field: "reason",
            }));
        }
        if form.accepted && current.supports < round.supports_required {
            return Err(refused(BudgetError::NotEnoughSupports));
        }
        let justification = text::optional(
            "cost_justification",
            &form.cost_justification,
            text::DESCRIPTION_MAX,
        )?;
        let verified_cost = form.verified_cost.filter(|c| *c != current.cost);
        if let Some(c) = verified_cost {
            if c.grosze() <= 0 {
                return Err(refused(BudgetError::Proposal(ProposalError::NotPositive)));
            }
            if justification.is_none() {
                return Err(AppError::Invalid(wspolnota_domain::DomainError::Required {
                    field: "cost_justification",
                }));
            }
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let v = store::Verification {
            accepted: form.accepted,
            reason: reason.as_deref(),
            verified_cost,
            cost_justification: justification.as_deref(),
        };
        if !store::verify(&mut tx, id, &v, actor, now).await? {
            return Err(refused(BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::WrongState,
            )));
        }
        let after = json!({"proposal": id, "accepted": form.accepted, "reason": reason, "verified_cost_grosze": verified_cost.map(|c| c.grosze()), "cost_justification": justification});
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(actor),
                round.space_id,
                "budget.proposal_verified",
                Some(json!({"proposal": id, "status": "submitted"})),
                Some(after),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// The author appeals a negative verification, within the round's appeal days and
    /// before voting starts.
    pub async fn appeal_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        appeal: &str,
    ) -> Result<(), AppError> {
        self.proposal_for(subject, round, id, ProposalAction::Appeal)
            .await?;
        let text = text::required("appeal", appeal, text::DESCRIPTION_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::appeal(&mut tx, id, &text, now).await? {
            return Err(refused(BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::WrongState,
            )));
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.appeal_lodged",
                None,
                Some(json!({"proposal": id, "appeal": text})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Decides an appeal: upheld puts the proposal on the ballot. The decision is public.
    pub async fn decide_appeal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        upheld: bool,
        reason: &str,
    ) -> Result<(), AppError> {
        authorise(subject, Action::VerifyProposals)?;
        self.proposal_for(subject, round, id, ProposalAction::DecideAppeal)
            .await?;
        let reason = text::required("reason", reason, text::DESCRIPTION_MAX)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::decide_appeal(&mut tx, id, upheld, &reason, now).await? {
            return Err(refused(BudgetError::Proposal(
                wspolnota_domain::budget::ProposalError::WrongState,
            )));
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.appeal_decided",
                Some(json!({"proposal": id, "status": "appealed"})),
                Some(json!({"proposal": id, "upheld": upheld, "reason": reason})),
            ),
            now,
        )
        .await?;
        Ok(())
    }
}
