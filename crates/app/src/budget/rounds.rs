//! Rounds: set-up, pools, officials, the phase calendar and the election committee's key.

use super::{refused, BudgetError};
use crate::{audit, authorise, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::secrecy::{self, CommitteeKey, KeyShare};
use wspolnota_domain::budget::{BallotKind, Calendar, CountingRule, Phase};
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::Money;
use wspolnota_domain::text;
use wspolnota_store::budget::{self as store, Pool, Proposal, Round, RoundRules};
use wspolnota_store::users;

/// The settings of a new round.
#[derive(Debug, Clone)]
pub struct NewRound {
    pub title: String,
    pub calendar: Calendar,
    pub supports_required: i64,
    pub appeal_days: i64,
    pub allow_ballot_change: bool,
    /// Districts voters choose from with their address, for turnout per district; may be empty.
    pub districts: Vec<String>,
    pub rules: RoundRules,
}

impl App {
    pub async fn round(&self, id: i64) -> Result<Round, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::round(&mut c, id).await?)
    }

    pub async fn rounds(&self, space: SpaceId) -> Result<Vec<Round>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::rounds_of_space(&mut c, space).await?)
    }

    pub async fn pools(&self, round: i64) -> Result<Vec<Pool>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::pools(&mut c, round).await?)
    }

    pub async fn proposals(&self, round: i64) -> Result<Vec<Proposal>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::proposals_of_round(&mut c, round).await?)
    }

    /// One page of a round's proposals, with their cost lines, in a fixed number of
    /// queries.
    pub async fn proposals_page(
        &self,
        round: i64,
        paging: wspolnota_domain::paging::Paging,
    ) -> Result<wspolnota_domain::paging::Page<Proposal>, AppError> {
        let mut c = self.store.read().await?;
        let rows = store::proposals_page(&mut c, round, paging.fetch(), paging.offset()).await?;
        Ok(wspolnota_domain::paging::Page::from_fetched(rows, paging))
    }

    pub async fn proposal(&self, id: i64) -> Result<Proposal, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::proposal(&mut c, id).await?)
    }

    /// The phase a round is in now.
    pub fn phase(&self, round: &Round) -> Phase {
        round.calendar.phase(self.now(), round.advanced_to)
    }

    /// The facts the policy needs about `user` in a round: admin of its space, official of the round.
    pub async fn round_subject(
        &self,
        user: Option<&users::User>,
        round: &Round,
    ) -> Result<Subject, AppError> {
        let mut subject = self.subject(user, Some(round.space_id)).await?;
        if let Some(u) = subject.user {
            let mut c = self.store.read().await?;
            subject.budget_official = store::is_official(&mut c, round.id, u).await?;
        }
        Ok(subject)
    }

    pub async fn create_round(
        &self,
        subject: &Subject,
        space: SpaceId,
        form: NewRound,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::ManageBudget)?;
        let title = text::required("title", &form.title, text::NAME_MAX)?;
        if form.supports_required < 0 || form.appeal_days < 1 || form.appeal_days > 90 {
            return Err(refused(BudgetError::BadSettings));
        }
        let mut districts = Vec::new();
        for d in &form.districts {
            if let Some(d) = text::optional("districts", d, text::CITY_MAX)? {
                if !districts.contains(&d) {
                    districts.push(d);
                }
            }
        }
        if districts.len() > 200 {
            return Err(refused(BudgetError::BadSettings));
        }
        let now = self.now();
        if form.rules.min_public_voters < 1 || form.rules.min_public_voters > 1000 {
            return Err(refused(BudgetError::BadSettings));
        }
        let mut tx = self.store.begin().await?;
        let new = store::NewRound {
            space_id: space,
            title: &title,
            calendar: form.calendar,
            supports_required: form.supports_required,
            appeal_days: form.appeal_days,
            allow_ballot_change: form.allow_ballot_change,
            districts: &districts,
            rules: form.rules,
            tallied: false,
        };
        let id = store::insert_round(&mut tx, &new, now).await?;
        audit::commit(tx, audit::Change::in_space(
                subject.user,
                space,
                "budget.round_created",
                None,
                Some(json!({"round": id, "title": title, "receipts": form.rules.receipts.code(), "duplicates": form.rules.duplicates.code(), "identification": form.rules.identification.code(), "min_public_voters": form.rules.min_public_voters})),
            ), now).await?;
        Ok(id)
    }

    /// Adds a pool while the round is being prepared or takes proposals.
    pub async fn add_pool(
        &self,
        subject: &Subject,
        round: &Round,
        name: &str,
        budget: Money,
        ballot: BallotKind,
        rule: CountingRule,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::ManageBudget)?;
        if self.phase(round) > Phase::Submission {
            return Err(refused(BudgetError::WrongPhase));
        }
        let name = text::required("name", name, text::NAME_MAX)?;
        if budget.grosze() <= 0 {
            return Err(refused(BudgetError::PoolBudget));
        }
        ballot.check().map_err(refused)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let id = store::insert_pool(&mut tx, round.id, &name, budget, &ballot, rule).await?;
        let after = json!({"pool": id, "name": name, "budget_grosze": budget.grosze(), "ballot": ballot.code(), "rule": rule.code()});
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.pool_added",
                None,
                Some(after),
            ),
            now,
        )
        .await?;
        Ok(id)
    }

    pub async fn add_official(
        &self,
        subject: &Subject,
        round: &Round,
        email: &str,
    ) -> Result<(), AppError> {
        authorise(subject, Action::ManageBudget)?;
        let email = text::email(email)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let person = users::by_email(&mut tx, &email)
            .await?
            .ok_or(AppError::Org(crate::orgs::OrgError::UnknownPerson))?;
        store::add_official(&mut tx, round.id, person.id).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.official_added",
                None,
                Some(json!({"round": round.id, "user": person.id.0})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Moves the round to a later phase ahead of its calendar; logged.
    pub async fn advance_round(
        &self,
        subject: &Subject,
        round: &Round,
        to: Phase,
    ) -> Result<(), AppError> {
        authorise(subject, Action::ManageBudget)?;
        let from = self.phase(round);
        let to = round
            .calendar
            .advance(self.now(), round.advanced_to, to)
            .map_err(refused)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::set_advanced_to(&mut tx, round.id, to).await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.phase_advanced",
                Some(json!({"round": round.id, "phase": from.as_str()})),
                Some(json!({"round": round.id, "phase": to.as_str()})),
            ),
            now,
        )
        .await?;
        Ok(())
    }

    /// Creates the election committee's key: the round keeps the public half, and the
    /// private half is returned as `members` shares (any `threshold` open the ballots),
    /// shown once to be printed for the members and never stored. At the latest while
    /// voting runs.
    pub async fn create_committee_key(
        &self,
        subject: &Subject,
        round: &Round,
        members: u8,
        threshold: u8,
    ) -> Result<(CommitteeKey, Vec<KeyShare>), AppError> {
        authorise(subject, Action::ManageBudget)?;
        if round.committee_key.is_some() {
            return Err(refused(BudgetError::CommitteeKeySet));
        }
        let (public, shares) =
            secrecy::new_committee(&mut rand::rngs::OsRng, members, threshold).map_err(refused)?;
        self.set_committee_key(subject, round, &public).await?;
        Ok((public, shares))
    }

    /// Sets the committee's public key made elsewhere (e.g. `wspolnota budget keygen` on
    /// a committee member's own computer), once, at the latest while voting runs (a
    /// round that reached voting without a key takes no vote until it has one).
    pub async fn set_committee_key(
        &self,
        subject: &Subject,
        round: &Round,
        key: &CommitteeKey,
    ) -> Result<(), AppError> {
        authorise(subject, Action::ManageBudget)?;
        if self.phase(round) > Phase::Voting {
            return Err(refused(BudgetError::WrongPhase));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::set_committee_key(&mut tx, round.id, key).await? {
            return Err(refused(BudgetError::CommitteeKeySet));
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.committee_key_set",
                None,
                Some(json!({"round": round.id, "fingerprint": key.fingerprint()})),
            ),
            now,
        )
        .await?;
        Ok(())
    }
}
