//! Participatory-budget rounds: set-up, proposals, verification and appeals,
//! voting with receipts, and results counted by the counting engine from the very
//! `.pb` file the round publishes.

use crate::{audit, authorise, tokens, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::{
    cost_total, decode_ballot, encode_ballot, validate_ballot, BallotKind, Calendar, Choice,
    CountingRule, LineItem, Phase, ProposalStatus,
};
use wspolnota_domain::clock::Timestamp;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::{self, Money};
use wspolnota_domain::text;
use wspolnota_store::budget::{self as store, Pool, Proposal, Round, StoredResult};
use wspolnota_store::{users, StoreError};

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
}

/// What a resident writes in a proposal.
#[derive(Debug, Clone, Default)]
pub struct ProposalForm {
    pub pool_id: i64,
    pub title: String,
    pub description_md: String,
    pub place: String,
    pub items: Vec<LineItem>,
}

/// A verification decision.
#[derive(Debug, Clone, Default)]
pub struct VerificationForm {
    pub accepted: bool,
    pub reason: String,
    /// A changed cost, in grosze; `None` keeps the author's estimate.
    pub verified_cost: Option<Money>,
    pub cost_justification: String,
}

/// The results of one pool, as computed and stored.
#[derive(Debug, Clone)]
pub struct PoolResult {
    pub pool: Pool,
    pub result: Option<StoredResult>,
    pub voters: i64,
}

fn refused(code: &'static str) -> AppError {
    AppError::Refused(code)
}

/// Letters and digits that cannot be mistaken for one another on paper.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTVWXYZ23456789";

/// A printed voting code: twelve characters in three groups, about 59 bits.
fn new_code() -> String {
    use rand::Rng;
    let mut rng = rand::thread_rng();
    let chars: Vec<char> = (0..12)
        .map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char)
        .collect();
    format!(
        "{}-{}-{}",
        chars[..4].iter().collect::<String>(),
        chars[4..8].iter().collect::<String>(),
        chars[8..].iter().collect::<String>()
    )
}

/// A code as typed: case, spaces and hyphens do not matter.
fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn voter_key(user: wspolnota_domain::ids::UserId) -> String {
    format!("user:{}", user.0)
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
            return Err(refused("budget.bad_settings"));
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
            return Err(refused("budget.bad_settings"));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let new = store::NewRound {
            space_id: space,
            title: &title,
            calendar: form.calendar,
            supports_required: form.supports_required,
            appeal_days: form.appeal_days,
            allow_ballot_change: form.allow_ballot_change,
            districts: &districts,
        };
        let id = store::insert_round(&mut tx, &new, now).await?;
        audit::record(
            &mut tx,
            audit::Change::in_space(
                subject.user,
                space,
                "budget.round_created",
                None,
                Some(json!({"round": id, "title": title})),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
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
            return Err(refused("budget.wrong_phase"));
        }
        let name = text::required("name", name, text::NAME_MAX)?;
        if budget.grosze() <= 0 {
            return Err(refused("budget.pool_budget"));
        }
        ballot.check().map_err(|e| refused(e.code()))?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let id = store::insert_pool(&mut tx, round.id, &name, budget, &ballot, rule).await?;
        let after = json!({"pool": id, "name": name, "budget_grosze": budget.grosze(), "ballot": ballot.code(), "rule": rule.code()});
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
            .ok_or(refused("org.unknown_person"))?;
        store::add_official(&mut tx, round.id, person.id).await?;
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
            .map_err(|e| refused(e.code()))?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::set_advanced_to(&mut tx, round.id, to).await?;
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
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
            return Err(refused("budget.unknown_pool"));
        }
        let title = text::required("title", &form.title, text::NAME_MAX)?;
        let description =
            text::required("description", &form.description_md, text::DESCRIPTION_MAX)?;
        let place = text::optional("place", &form.place, text::NAME_MAX)?;
        for item in &form.items {
            text::required("item_label", &item.label, text::NAME_MAX)?;
        }
        let cost = cost_total(&form.items).map_err(|e| refused(e.code()))?;
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
            return Err(refused("budget.wrong_phase"));
        }
        let pools = self.pools(round.id).await?;
        let (title, description, place, cost) = self.checked_proposal(round, &pools, &form)?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
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
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        authorise(
            subject,
            Action::EditProposal {
                author: current.author_id,
            },
        )?;
        if self.phase(round) != Phase::Submission || current.status != ProposalStatus::Submitted {
            return Err(refused("budget.proposal_wrong_state"));
        }
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
        audit::record(
            &mut tx,
            audit::Change::in_space(subject.user, round.space_id, "budget.proposal_edited", Some(json!({"proposal": id, "title": current.title, "cost_grosze": current.cost.grosze()})), Some(json!({"proposal": id, "title": title, "cost_grosze": cost.grosze()}))),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// The author withdraws a proposal before voting starts.
    pub async fn withdraw_proposal(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
    ) -> Result<(), AppError> {
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        authorise(
            subject,
            Action::EditProposal {
                author: current.author_id,
            },
        )?;
        if self.phase(round) >= Phase::Voting || current.status == ProposalStatus::Withdrawn {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::set_status(&mut tx, id, current.status, ProposalStatus::Withdrawn, now).await? {
            return Err(refused("budget.proposal_wrong_state"));
        }
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        if self.phase(round) != Phase::Submission || current.status != ProposalStatus::Submitted {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let mut tx = self.store.begin().await?;
        if !store::support(&mut tx, id, user).await? {
            return Err(refused("budget.already_supported"));
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
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        if self.phase(round) != Phase::Verification || current.status != ProposalStatus::Submitted {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let reason = text::optional("reason", &form.reason, text::DESCRIPTION_MAX)?;
        if !form.accepted && reason.is_none() {
            return Err(AppError::Invalid(wspolnota_domain::DomainError::Required {
                field: "reason",
            }));
        }
        if form.accepted && current.supports < round.supports_required {
            return Err(refused("budget.not_enough_supports"));
        }
        let justification = text::optional(
            "cost_justification",
            &form.cost_justification,
            text::DESCRIPTION_MAX,
        )?;
        let verified_cost = form.verified_cost.filter(|c| *c != current.cost);
        if let Some(c) = verified_cost {
            if c.grosze() <= 0 {
                return Err(refused("budget.cost_not_positive"));
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
            return Err(refused("budget.proposal_wrong_state"));
        }
        let after = json!({"proposal": id, "accepted": form.accepted, "reason": reason, "verified_cost_grosze": verified_cost.map(|c| c.grosze()), "cost_justification": justification});
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        authorise(
            subject,
            Action::EditProposal {
                author: current.author_id,
            },
        )?;
        let text = text::required("appeal", appeal, text::DESCRIPTION_MAX)?;
        if current.status != ProposalStatus::Rejected
            || current.appeal_text.is_some()
            || self.phase(round) >= Phase::Voting
        {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let deadline = current
            .verified_at
            .map(|t| t.plus_seconds(round.appeal_days * 86_400));
        if deadline.is_none_or(|d| self.now() > d) {
            return Err(refused("budget.appeal_too_late"));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::appeal(&mut tx, id, &text, now).await? {
            return Err(refused("budget.proposal_wrong_state"));
        }
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        let reason = text::required("reason", reason, text::DESCRIPTION_MAX)?;
        if current.status != ProposalStatus::Appealed || self.phase(round) >= Phase::Voting {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::decide_appeal(&mut tx, id, upheld, &reason, now).await? {
            return Err(refused("budget.proposal_wrong_state"));
        }
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// A voter declares living in the city, by address; enough to vote by account.
    /// A voter declares living in the city, by address (and district, where the round
    /// has districts); enough to vote by account.
    pub async fn declare_residence(
        &self,
        subject: &Subject,
        round: &Round,
        address: &str,
        district: Option<&str>,
    ) -> Result<(), AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        let address = text::required("address", address, text::NAME_MAX)?;
        let district = match district.map(str::trim).filter(|d| !d.is_empty()) {
            None if round.districts.is_empty() => None,
            Some(d) if round.districts.iter().any(|known| known == d) => Some(d.to_string()),
            None => {
                return Err(AppError::Invalid(wspolnota_domain::DomainError::Required {
                    field: "district",
                }))
            }
            Some(_) => return Err(refused("budget.unknown_district")),
        };
        let mut tx = self.store.begin().await?;
        store::declare_resident(&mut tx, round.id, user, &address, district.as_deref()).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Voters of a pool by declared district (`None`: printed codes, paper, no district).
    pub async fn turnout_by_district(
        &self,
        round: &Round,
        pool: i64,
    ) -> Result<Vec<(Option<String>, i64)>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::turnout_by_district(&mut c, round.id, pool).await?)
    }

    async fn ballot_for_pool(
        &self,
        round: &Round,
        pool_id: i64,
        picked: &[Choice],
    ) -> Result<(Pool, String), AppError> {
        self.ballot_in_phases(round, pool_id, picked, &[Phase::Voting])
            .await
    }

    /// Validates a ballot for a pool while the round is in one of `phases`, and returns
    /// the pool and the ballot in its stored form.
    async fn ballot_in_phases(
        &self,
        round: &Round,
        pool_id: i64,
        picked: &[Choice],
        phases: &[Phase],
    ) -> Result<(Pool, String), AppError> {
        if !phases.contains(&self.phase(round)) {
            return Err(refused("budget.voting_closed"));
        }
        let mut c = self.store.read().await?;
        let pool = store::pool(&mut c, pool_id).await?;
        if pool.round_id != round.id {
            return Err(AppError::NotFound);
        }
        let on_ballot = store::ballot_projects(&mut c, pool.id).await?;
        let ballot =
            validate_ballot(&pool.ballot, picked, &on_ballot).map_err(|e| refused(e.code()))?;
        Ok((pool, encode_ballot(&ballot)))
    }

    /// Casts a ballot in a pool and returns its receipt code. Who voted and what was
    /// voted are written to separate tables with nothing to join them; only the hash of
    /// the receipt is stored with the ballot, so only the voter can point at it.
    pub async fn cast_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        picked: &[Choice],
    ) -> Result<String, AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        self.write_ballot(round, pool_id, &voter_key(user), Some(user), picked)
            .await
    }

    /// Casts a ballot with a printed single-use code instead of an account. A code
    /// votes once in each pool of its round.
    pub async fn cast_ballot_with_code(
        &self,
        round: &Round,
        pool_id: i64,
        code: &str,
        picked: &[Choice],
    ) -> Result<String, AppError> {
        let hash = tokens::hash(&normalise_code(code));
        {
            let mut c = self.store.read().await?;
            if !store::code_exists(&mut c, round.id, &hash).await? {
                return Err(refused("budget.unknown_code"));
            }
        }
        self.write_ballot(round, pool_id, &format!("code:{hash}"), None, picked)
            .await
    }

    async fn write_ballot(
        &self,
        round: &Round,
        pool_id: i64,
        voter: &str,
        resident: Option<wspolnota_domain::ids::UserId>,
        picked: &[Choice],
    ) -> Result<String, AppError> {
        let (pool, choices) = self.ballot_for_pool(round, pool_id, picked).await?;
        let mut tx = self.store.begin().await?;
        if let Some(user) = resident {
            if store::resident_address(&mut tx, round.id, user)
                .await?
                .is_none()
            {
                return Err(refused("budget.not_a_resident"));
            }
        }
        match store::record_voter(&mut tx, pool.id, voter).await {
            Ok(()) => {}
            Err(StoreError::Conflict(_)) => return Err(refused("budget.already_voted")),
            Err(e) => return Err(e.into()),
        }
        let receipt = tokens::new_secret()[..20].to_string();
        store::insert_ballot(
            &mut tx,
            &tokens::new_secret(),
            pool.id,
            &tokens::hash(&receipt),
            &choices,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(receipt)
    }

    /// Issues `count` single-use voting codes for residents without accounts, to be
    /// printed. Only their hashes are kept, so lost codes cannot be printed again.
    pub async fn issue_voting_codes(
        &self,
        subject: &Subject,
        round: &Round,
        count: usize,
    ) -> Result<Vec<String>, AppError> {
        authorise(subject, Action::ManageBudget)?;
        if count == 0 || count > 1_000_000 {
            return Err(refused("budget.bad_settings"));
        }
        let codes: Vec<String> = (0..count).map(|_| new_code()).collect();
        let now = self.now();
        let mut tx = self.store.begin().await?;
        for code in &codes {
            store::insert_code(&mut tx, round.id, &tokens::hash(&normalise_code(code))).await?;
        }
        audit::record(
            &mut tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.codes_issued",
                None,
                Some(json!({"round": round.id, "count": count})),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(codes)
    }

    /// How many ballots and how many voters a pool has.
    pub async fn tally(&self, pool: i64) -> Result<(usize, i64), AppError> {
        let mut c = self.store.read().await?;
        let ballots = store::receipt_hashes(&mut c, pool).await?.len();
        let voters = store::count_voters(&mut c, pool).await?;
        Ok((ballots, voters))
    }

    /// The receipt hashes stored for a pool: anyone holding a receipt can check theirs is there.
    pub async fn receipt_hashes(&self, pool: i64) -> Result<Vec<String>, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::receipt_hashes(&mut c, pool).await?)
    }

    /// Replaces a ballot while voting is open, if the round allows it. The voter proves
    /// which ballot is theirs with its receipt code, since nothing else links them.
    pub async fn change_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        receipt: &str,
        picked: &[Choice],
    ) -> Result<(), AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        if !round.allow_ballot_change {
            return Err(refused("budget.change_not_allowed"));
        }
        let (pool, choices) = self.ballot_for_pool(round, pool_id, picked).await?;
        let mut tx = self.store.begin().await?;
        if !store::has_voted(&mut tx, pool.id, &voter_key(user)).await? {
            return Err(refused("budget.unknown_receipt"));
        }
        if !store::replace_ballot(&mut tx, pool.id, &tokens::hash(receipt.trim()), &choices).await?
        {
            return Err(refused("budget.unknown_receipt"));
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// The pool's ballots as a pabulib file: the proposals on the ballot (with their
    /// final costs) and the anonymised ballots with their receipt hashes. The count
    /// is made from this very text, so anyone who recounts it gets the same result.
    pub async fn pool_pabulib(&self, round: &Round, pool: &Pool) -> Result<String, AppError> {
        let mut c = self.store.read().await?;
        let proposals: Vec<Proposal> = store::proposals_of_round(&mut c, round.id)
            .await?
            .into_iter()
            .filter(|p| p.pool_id == pool.id && p.status.on_ballot())
            .collect();
        let ballots = store::ballots(&mut c, pool.id).await?;
        let space = wspolnota_store::spaces::by_id(&mut c, round.space_id).await?;
        Ok(pabulib_text(&space.name, round, pool, &proposals, &ballots))
    }

    /// Counts every pool of a round in the results phase and stores the outcome.
    /// Results are recomputed only by this explicit action; each computation is kept.
    pub async fn compute_results(
        &self,
        subject: &Subject,
        round: &Round,
    ) -> Result<Vec<PoolResult>, AppError> {
        authorise(subject, Action::ManageBudget)?;
        // None when the operator runs it from the command line.
        let actor = subject.user;
        if self.phase(round) != Phase::Results {
            return Err(refused("budget.wrong_phase"));
        }
        let pools = self.pools(round.id).await?;
        let now = self.now();
        let mut stored = Vec::new();
        for pool in &pools {
            let text = self.pool_pabulib(round, pool).await?;
            stored.push(count_pool(pool, &text, now)?);
        }
        let mut tx = self.store.begin().await?;
        for r in &stored {
            store::insert_result(&mut tx, r, actor).await?;
            audit::record(
                &mut tx,
                audit::Change::in_space(actor, round.space_id, "budget.results_computed", None, Some(json!({"pool": r.pool_id, "rule": r.rule, "ballots": r.ballots, "winners": r.winners}))),
                now,
            )
            .await?;
        }
        tx.commit().await.map_err(StoreError::from)?;
        self.results(round).await
    }

    /// The latest stored results of every pool.
    pub async fn results(&self, round: &Round) -> Result<Vec<PoolResult>, AppError> {
        let mut c = self.store.read().await?;
        let mut out = Vec::new();
        for pool in store::pools(&mut c, round.id).await? {
            let result = store::latest_result(&mut c, pool.id).await?;
            let voters = store::count_voters(&mut c, pool.id).await?;
            out.push(PoolResult {
                pool,
                result,
                voters,
            });
        }
        Ok(out)
    }
}

fn pb_field(s: &str) -> String {
    // Quote fields that hold the separator or quotes, as pabulib files do.
    if s.contains(';') || s.contains('"') || s.contains('\n') {
        format!("\"{}\"", s.replace('"', "\"\"").replace('\n', " "))
    } else {
        s.to_string()
    }
}

/// Writes a pool as a pabulib file.
fn pabulib_text(
    space_name: &str,
    round: &Round,
    pool: &Pool,
    proposals: &[Proposal],
    ballots: &[(String, String)],
) -> String {
    let vote_type = pool.ballot.pabulib_vote_type();
    let rule = match pool.rule {
        CountingRule::Greedy { min_votes: 0 } => "greedy",
        CountingRule::Greedy { .. } => "greedy-threshold",
        CountingRule::EqualShares => "equalshares/add1",
    };
    let mut meta = vec![
        (
            "description".to_string(),
            format!("{} — {} — {}", space_name, round.title, pool.name),
        ),
        ("country".into(), "Poland".into()),
        ("unit".into(), space_name.to_string()),
        ("instance".into(), round.title.clone()),
        ("subunit".into(), pool.name.clone()),
        ("num_projects".into(), proposals.len().to_string()),
        ("num_votes".into(), ballots.len().to_string()),
        ("budget".into(), pool.budget.to_plain()),
        ("vote_type".into(), vote_type.as_str().to_string()),
        ("rule".into(), rule.into()),
    ];
    match &pool.ballot {
        BallotKind::Approval { max, min } => {
            meta.push(("min_length".into(), min.max(&1).to_string()));
            meta.push(("max_length".into(), max.to_string()));
        }
        BallotKind::ChooseOne => {
            meta.push(("min_length".into(), "1".into()));
            meta.push(("max_length".into(), "1".into()));
        }
        BallotKind::Points { total } => meta.push(("max_sum_points".into(), total.to_string())),
        BallotKind::Ranked { points } => {
            meta.push(("max_length".into(), points.len().to_string()));
            meta.push((
                "max_sum_points".into(),
                points.iter().sum::<u32>().to_string(),
            ));
        }
    }
    if let CountingRule::Greedy { min_votes } = pool.rule {
        if min_votes > 0 {
            meta.push(("min_project_score_threshold".into(), min_votes.to_string()));
        }
    }
    let mut out = String::from("META\nkey;value\n");
    for (k, v) in &meta {
        out.push_str(&format!("{};{}\n", k, pb_field(v)));
    }
    out.push_str("PROJECTS\nproject_id;cost;name\n");
    for p in proposals {
        out.push_str(&format!(
            "{};{};{}\n",
            p.id,
            p.final_cost().to_plain(),
            pb_field(&p.title)
        ));
    }
    let with_points = vote_type.has_points();
    out.push_str(if with_points {
        "VOTES\nvoter_id;vote;points;receipt_hash\n"
    } else {
        "VOTES\nvoter_id;vote;receipt_hash\n"
    });
    for (i, (receipt, choices)) in ballots.iter().enumerate() {
        let choices = decode_ballot(choices).unwrap_or_default();
        let vote = choices
            .iter()
            .map(|c| c.project.to_string())
            .collect::<Vec<_>>()
            .join(",");
        if with_points {
            let points = choices
                .iter()
                .map(|c| c.points.to_string())
                .collect::<Vec<_>>()
                .join(",");
            out.push_str(&format!("{};{};{};{}\n", i + 1, vote, points, receipt));
        } else {
            out.push_str(&format!("{};{};{}\n", i + 1, vote, receipt));
        }
    }
    out
}

/// A reason in numbers, as stored with the results (money in grosze).
fn reason_json(r: &pb::Reason) -> serde_json::Value {
    match r {
        pb::Reason::Funded {
            position,
            score,
            cost,
            left,
        } => {
            json!({"kind": "funded", "position": position, "score": score, "cost_grosze": cost.grosze(), "left_grosze": left.grosze()})
        }
        pb::Reason::Skipped { score, cost, left } => {
            json!({"kind": "skipped", "score": score, "cost_grosze": cost.grosze(), "left_grosze": left.grosze()})
        }
        pb::Reason::DidNotFit { score, cost, left } => {
            json!({"kind": "did_not_fit", "score": score, "cost_grosze": cost.grosze(), "left_grosze": left.grosze()})
        }
        pb::Reason::NotReached { score } => json!({"kind": "not_reached", "score": score}),
        pb::Reason::BelowThreshold { score, threshold } => {
            json!({"kind": "below_threshold", "score": score, "threshold": threshold})
        }
        pb::Reason::SharesFunded {
            round,
            payers,
            cost,
            max_payment,
        } => {
            json!({"kind": "shares_funded", "round": round, "payers": payers, "cost_grosze": cost.grosze(), "max_payment_grosze": max_payment.grosze()})
        }
        pb::Reason::SharesFree => json!({"kind": "shares_free"}),
        pb::Reason::SharesNotFunded {
            supporters,
            left,
            cost,
        } => {
            json!({"kind": "shares_not_funded", "supporters": supporters, "left_grosze": left.grosze(), "cost_grosze": cost.grosze()})
        }
        pb::Reason::NoSupporters => json!({"kind": "no_supporters"}),
        pb::Reason::Completed { first, then } => {
            json!({"kind": "completed", "first": reason_json(first), "then": reason_json(then)})
        }
        pb::Reason::Described => json!({"kind": "described"}),
    }
}

/// Counts a pool from its pabulib text with its rule.
fn count_pool(pool: &Pool, text: &str, now: Timestamp) -> Result<StoredResult, AppError> {
    let inst = pb::parse_str(text)
        .map_err(|e| AppError::Internal(format!("our own .pb did not parse: {e:?}")))?;
    let rule = match pool.rule {
        CountingRule::Greedy { min_votes: 0 } => pb::Rule::Greedy,
        CountingRule::Greedy { .. } => pb::Rule::GreedyThreshold,
        CountingRule::EqualShares => pb::Rule::MesCostAdd1,
    };
    let winners = if inst.projects.is_empty() {
        None
    } else {
        Some(
            pb::count(&inst, rule)
                .map_err(|e| AppError::Internal(format!("counting failed: {e:?}")))?,
        )
    };
    let mut score = vec![0i64; inst.projects.len()];
    for b in &inst.ballots {
        for (k, p) in b.projects.iter().enumerate() {
            if let Some(s) = score.get_mut(*p as usize) {
                *s += pb::ballot_points(inst.vote_type, b, k);
            }
        }
    }
    let projects: Vec<serde_json::Value> = inst
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let explanation = winners.as_ref().and_then(|o| o.explanation(i as u32));
            json!({
                "id": p.id,
                "name": p.name,
                "cost_grosze": p.cost.grosze(),
                "votes": score[i],
                "funded": explanation.is_some_and(|e| e.funded),
                "explanation": explanation.map(|e| e.text.clone()).unwrap_or_default(),
                "reason": explanation.map(|e| reason_json(&e.reason)).unwrap_or_default(),
            })
        })
        .collect();
    let winner_ids = winners
        .as_ref()
        .map(|o| o.winner_ids(&inst))
        .unwrap_or_default();
    let report = json!({
        "rule": rule.name(),
        "budget_grosze": pool.budget.grosze(),
        "total_cost_grosze": winners.as_ref().map(|o| o.total_cost.grosze()).unwrap_or(0),
        "ballots": inst.ballots.len(),
        "projects": projects,
        "ties": winners.as_ref().map(|o| o.ties.iter().map(|t| t.text.clone()).collect::<Vec<_>>()).unwrap_or_default(),
        "notes": winners.as_ref().map(|o| o.notes.clone()).unwrap_or_default(),
    });
    Ok(StoredResult {
        id: 0,
        pool_id: pool.id,
        computed_at: now,
        rule: rule.name().to_string(),
        ballots: inst.ballots.len() as i64,
        winners: winner_ids.join(","),
        report_json: report.to_string(),
    })
}

/// Where a voter stands in a round: the address declared, and the pools voted in.
#[derive(Debug, Clone, Default)]
pub struct VoterStatus {
    pub address: Option<String>,
    pub voted_in: Vec<i64>,
}

impl App {
    pub async fn voter_status(
        &self,
        subject: &Subject,
        round: &Round,
    ) -> Result<VoterStatus, AppError> {
        let Some(user) = subject.user else {
            return Ok(VoterStatus::default());
        };
        let mut c = self.store.read().await?;
        let address = store::resident_address(&mut c, round.id, user).await?;
        let mut voted_in = Vec::new();
        for pool in store::pools(&mut c, round.id).await? {
            if store::has_voted(&mut c, pool.id, &voter_key(user)).await? {
                voted_in.push(pool.id);
            }
        }
        Ok(VoterStatus { address, voted_in })
    }
}

impl App {
    /// Loads a finished election from a pabulib file as a closed round of `space`: its
    /// projects on the ballot and its ballots, anonymised (only the choices are kept),
    /// then counts it. Used for the demo and to bring past editions onto the platform.
    pub async fn import_finished_round(
        &self,
        subject: &Subject,
        space: SpaceId,
        title: &str,
        pb_text: &str,
    ) -> Result<i64, AppError> {
        authorise(subject, Action::ManageBudget)?;
        let actor = subject.user;
        let inst = pb::parse_str(pb_text).map_err(|_| refused("budget.import_unreadable"))?;
        let n = inst.projects.len() as u32;
        let ballot = match inst.vote_type {
            pb::VoteType::Approval => BallotKind::Approval {
                max: inst.limits.max_length.map_or(n, |m| m as u32).max(1),
                min: inst.limits.min_length.map_or(0, |m| m as u32),
            },
            pb::VoteType::Choose1 => BallotKind::ChooseOne,
            pb::VoteType::Cumulative => BallotKind::Points {
                total: inst.limits.max_sum_points.map_or(n, |m| m as u32).max(1),
            },
            _ => return Err(refused("budget.import_unsupported")),
        };
        let rule = CountingRule::Greedy {
            min_votes: inst.limits.min_project_score_threshold.unwrap_or(0).max(0) as u32,
        };
        let now = self.now();
        let day = 86_400;
        let calendar = Calendar::new(
            now.plus_seconds(-50 * day),
            now.plus_seconds(-40 * day),
            now.plus_seconds(-30 * day),
            now.plus_seconds(-20 * day),
            now.plus_seconds(-day),
        )
        .map_err(|e| refused(e.code()))?;
        let title = text::required("title", title, text::NAME_MAX)?;
        let mut tx = self.store.begin().await?;
        let new = store::NewRound {
            space_id: space,
            title: &title,
            calendar,
            supports_required: 0,
            appeal_days: 7,
            allow_ballot_change: false,
            districts: &[],
        };
        let round = store::insert_round(&mut tx, &new, now).await?;
        let pool_name = inst
            .meta_value("subunit")
            .or(inst.meta_value("district"))
            .unwrap_or("Pula")
            .to_string();
        let pool =
            store::insert_pool(&mut tx, round, &pool_name, inst.budget, &ballot, rule).await?;
        let mut ids = Vec::with_capacity(inst.projects.len());
        for p in &inst.projects {
            let items = [LineItem {
                label: p.name.chars().take(text::NAME_MAX).collect(),
                amount: p.cost,
            }];
            let name: String = p.name.chars().take(text::NAME_MAX).collect();
            let new = store::NewProposal {
                round_id: round,
                pool_id: pool,
                author: actor,
                title: &name,
                description_md: &p.name,
                place: None,
                items: &items,
                cost: p.cost,
            };
            let id = store::insert_proposal(&mut tx, &new, now).await?;
            store::set_status(
                &mut tx,
                id,
                ProposalStatus::Submitted,
                ProposalStatus::Accepted,
                now,
            )
            .await?;
            ids.push(id);
        }
        for (i, b) in inst.ballots.iter().enumerate() {
            let choices: Vec<Choice> = b
                .projects
                .iter()
                .enumerate()
                .map(|(k, p)| Choice {
                    project: ids[*p as usize],
                    points: pb::ballot_points(inst.vote_type, b, k).max(0) as u32,
                })
                .collect();
            store::record_voter(&mut tx, pool, &format!("import:{round}:{i}")).await?;
            // The original voter ids are not kept; each ballot gets a fresh receipt nobody holds.
            store::insert_ballot(
                &mut tx,
                &tokens::new_secret(),
                pool,
                &tokens::hash(&tokens::new_secret()),
                &encode_ballot(&choices),
            )
            .await?;
        }
        audit::record(
            &mut tx,
            audit::Change::in_space(
                actor,
                space,
                "budget.round_imported",
                None,
                Some(json!({"round": round, "title": title, "ballots": inst.ballots.len()})),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        let round = self.round(round).await?;
        self.compute_results(subject, &round).await?;
        Ok(round.id)
    }
}

/// What happened to a paper ballot's entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperOutcome {
    /// The first of the two entries; the ballot is not counted yet.
    WaitingForSecondEntry,
    /// Both entries agree: the ballot is counted.
    Counted,
    /// The entries disagree: flagged, not counted until an admin resolves it.
    Mismatch,
}

/// Paper ballots are entered while voting runs and until the results are counted.
const PAPER_PHASES: [Phase; 2] = [Phase::Voting, Phase::Results];

impl App {
    async fn count_paper_ballot(
        &self,
        tx: &mut wspolnota_store::Tx,
        pool: i64,
        sheet: &str,
        choices: &str,
    ) -> Result<(), AppError> {
        match store::record_voter(tx, pool, &format!("paper:{sheet}")).await {
            Ok(()) => {}
            Err(StoreError::Conflict(_)) => return Err(refused("budget.paper_already_entered")),
            Err(e) => return Err(e.into()),
        }
        // A paper voter holds no receipt; the ballot gets one that nobody knows.
        store::insert_ballot(
            tx,
            &tokens::new_secret(),
            pool,
            &tokens::hash(&tokens::new_secret()),
            choices,
        )
        .await?;
        Ok(())
    }

    /// Enters a paper ballot, identified by the number printed on the sheet. Each sheet
    /// is entered twice by two different staff members; it counts when both agree.
    pub async fn enter_paper_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        sheet: &str,
        picked: &[Choice],
    ) -> Result<PaperOutcome, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let staff = subject.user.ok_or(AppError::LoginRequired)?;
        let sheet = text::required("sheet", sheet, 40)?.to_uppercase();
        let (pool, choices) = self
            .ballot_in_phases(round, pool_id, picked, &PAPER_PHASES)
            .await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let outcome = match store::paper_sheet(&mut tx, pool.id, &sheet).await? {
            None => {
                store::insert_paper_first(&mut tx, pool.id, &sheet, staff, &choices).await?;
                PaperOutcome::WaitingForSecondEntry
            }
            Some(p) if p.status == "pending" => {
                if p.first_by == Some(staff) {
                    return Err(refused("budget.paper_same_staff"));
                }
                if p.first_choices == choices {
                    if !store::set_paper_second(
                        &mut tx, pool.id, &sheet, staff, &choices, "counted",
                    )
                    .await?
                    {
                        return Err(refused("budget.paper_already_entered"));
                    }
                    self.count_paper_ballot(&mut tx, pool.id, &sheet, &choices)
                        .await?;
                    PaperOutcome::Counted
                } else {
                    if !store::set_paper_second(
                        &mut tx, pool.id, &sheet, staff, &choices, "mismatch",
                    )
                    .await?
                    {
                        return Err(refused("budget.paper_already_entered"));
                    }
                    PaperOutcome::Mismatch
                }
            }
            Some(_) => return Err(refused("budget.paper_already_entered")),
        };
        let after = json!({"pool": pool.id, "sheet": sheet, "outcome": format!("{outcome:?}")});
        audit::record(
            &mut tx,
            audit::Change::in_space(
                Some(staff),
                round.space_id,
                "budget.paper_entered",
                None,
                Some(after),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(outcome)
    }

    /// Settles a sheet whose two entries disagree: an admin reads the paper and enters
    /// what it says; that ballot is counted.
    pub async fn resolve_paper_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        sheet: &str,
        picked: &[Choice],
    ) -> Result<(), AppError> {
        authorise(subject, Action::ResolvePaperBallots)?;
        let admin = subject.user.ok_or(AppError::LoginRequired)?;
        let sheet = sheet.trim().to_uppercase();
        let (pool, choices) = self
            .ballot_in_phases(round, pool_id, picked, &PAPER_PHASES)
            .await?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if !store::resolve_paper(&mut tx, pool.id, &sheet, admin).await? {
            return Err(refused("budget.paper_not_mismatch"));
        }
        self.count_paper_ballot(&mut tx, pool.id, &sheet, &choices)
            .await?;
        audit::record(
            &mut tx,
            audit::Change::in_space(
                Some(admin),
                round.space_id,
                "budget.paper_resolved",
                None,
                Some(json!({"pool": pool.id, "sheet": sheet})),
            ),
            now,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// The paper sheets of a pool and their state, for the staff.
    pub async fn paper_sheets(
        &self,
        subject: &Subject,
        pool: i64,
    ) -> Result<Vec<store::PaperSheet>, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let mut c = self.store.read().await?;
        Ok(store::paper_sheets(&mut c, pool).await?)
    }
}

impl App {
    /// The author adds an image to a proposal while submission is open: PNG, JPEG or
    /// WebP (told by the bytes), at most 2 MiB, at most three, with a text alternative.
    pub async fn add_proposal_image(
        &self,
        subject: &Subject,
        round: &Round,
        id: i64,
        alt: &str,
        bytes: &[u8],
    ) -> Result<i64, AppError> {
        let current = self.proposal(id).await?;
        if current.round_id != round.id {
            return Err(AppError::NotFound);
        }
        authorise(
            subject,
            Action::EditProposal {
                author: current.author_id,
            },
        )?;
        if self.phase(round) != Phase::Submission || current.status != ProposalStatus::Submitted {
            return Err(refused("budget.proposal_wrong_state"));
        }
        let alt = text::required("alt", alt, 300)?;
        if bytes.len() > wspolnota_domain::budget::MAX_IMAGE_BYTES {
            return Err(refused("budget.image_too_large"));
        }
        let content_type =
            wspolnota_domain::budget::image_type(bytes).ok_or(refused("budget.image_type"))?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        if store::images(&mut tx, id).await?.len() >= wspolnota_domain::budget::MAX_IMAGES {
            return Err(refused("budget.image_too_many"));
        }
        let image = store::insert_image(&mut tx, id, content_type, &alt, bytes).await?;
        audit::record(
            &mut tx,
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
        tx.commit().await.map_err(StoreError::from)?;
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

/// One project of a stored result, read back.
#[derive(Debug, Clone)]
pub struct ProjectOutcome {
    /// The proposal's id, as in the published `.pb` file.
    pub id: String,
    pub name: String,
    pub cost: Money,
    pub votes: i64,
    pub funded: bool,
    /// The counting engine's sentence, in English.
    pub explanation: String,
    /// The reason in numbers, as written by `reason_json`.
    pub reason: serde_json::Value,
}

/// A stored result read back: what was spent and the fate of every project. The one
/// reader of `report_json`, for the results page, the CSV and the API.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub total_cost: Money,
    pub projects: Vec<ProjectOutcome>,
}

impl Report {
    pub fn read(stored: &StoredResult) -> Report {
        let report: serde_json::Value =
            serde_json::from_str(&stored.report_json).unwrap_or_default();
        let projects = report["projects"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .map(|p| ProjectOutcome {
                        id: p["id"].as_str().unwrap_or_default().to_string(),
                        name: p["name"].as_str().unwrap_or_default().to_string(),
                        cost: Money(p["cost_grosze"].as_i64().unwrap_or(0)),
                        votes: p["votes"].as_i64().unwrap_or(0),
                        funded: p["funded"].as_bool().unwrap_or(false),
                        explanation: p["explanation"].as_str().unwrap_or_default().to_string(),
                        reason: p["reason"].clone(),
                    })
                    .collect()
            })
            .unwrap_or_default();
        Report {
            total_cost: Money(report["total_cost_grosze"].as_i64().unwrap_or(0)),
            projects,
        }
    }
}
