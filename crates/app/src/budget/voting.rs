//! Voting: residents declare who and where they are, then vote in each pool with their
//! account, or with a printed code issued at a desk or in bulk. Every ballot is sealed
//! to the election committee at once; the register says who voted, never what.

use super::{refused, BudgetError};
use crate::{audit, authorise, tokens, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::register::{self, Channel, Identification};
use wspolnota_domain::budget::secrecy::{self, SealedBallot};
use wspolnota_domain::budget::{validate_ballot, Choice, Phase};
use wspolnota_domain::text;
use wspolnota_domain::DomainError;
use wspolnota_store::budget::{self as store, Pool, Resident, Round};
use wspolnota_store::{lock_round, StoreError, Tx};

/// Who a person is, as staff at a desk or on a paper sheet read it (or as a resident
/// declares it): the round's identification rules say which fields count.
#[derive(Debug, Clone, Default)]
pub struct Desk {
    pub name: String,
    pub address: String,
    /// Only for rounds that identify people by PESEL.
    pub pesel: String,
    pub district: String,
}

/// Where a voter stands in a round: what they declared, and the pools voted in.
#[derive(Debug, Clone, Default)]
pub struct VoterStatus {
    pub resident: Option<Resident>,
    pub voted_in: Vec<i64>,
}

/// A ballot accepted: the receipt, shown once, and what was recorded.
#[derive(Debug, Clone)]
pub struct BallotCast {
    pub receipt: String,
    pub choices: Vec<Choice>,
}

/// Who casts a ballot, as the register knows them.
struct Voter<'a> {
    key: &'a str,
    /// The key the same voter had in the register before, if any; a vote under it counts
    /// as theirs.
    earlier_key: Option<String>,
    channel: Channel,
    district: Option<String>,
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

/// The tag that finds a voter's envelope when they change their ballot. It is derived
/// from the receipt differently from the published receipt hash, so the two cannot be
/// joined without the receipt itself.
fn change_tag(receipt: &str) -> String {
    tokens::hash(&format!("wspolnota change v1:{}", receipt.trim()))
}

/// The register key an account voted under before rounds knew people by name and
/// address.
pub(crate) fn account_key_before_persons(user: wspolnota_domain::ids::UserId) -> String {
    format!("user:{}", user.0)
}

impl App {
    /// The register key of a person under the round's identification rules.
    pub(super) fn person_key(&self, round: &Round, who: &Desk) -> Result<String, AppError> {
        match round.rules.identification {
            Identification::NameAndAddress => {
                let name = text::required("name", &who.name, text::NAME_MAX)?;
                let address = text::required("address", &who.address, text::NAME_MAX)?;
                Ok(register::person_key(&name, &address))
            }
            Identification::Pesel => {
                if who.pesel.trim().is_empty() {
                    return Err(DomainError::Required { field: "pesel" }.into());
                }
                if !register::valid_pesel(&who.pesel) {
                    return Err(refused(BudgetError::InvalidPesel));
                }
                Ok(register::pesel_key(
                    &self.config.instance_secret,
                    &who.pesel,
                ))
            }
        }
    }

    /// A district among the round's, or none where the round has none.
    pub(super) fn district(
        &self,
        round: &Round,
        district: &str,
        required: bool,
    ) -> Result<Option<String>, AppError> {
        match district.trim() {
            "" if round.districts.is_empty() || !required => Ok(None),
            "" => Err(DomainError::Required { field: "district" }.into()),
            d if round.districts.iter().any(|known| known == d) => Ok(Some(d.to_string())),
            _ => Err(refused(BudgetError::UnknownDistrict)),
        }
    }

    /// A voter declares who they are and where they live (and district, where the round
    /// has districts); enough to vote by account.
    pub async fn declare_residence(
        &self,
        subject: &Subject,
        round: &Round,
        who: &Desk,
    ) -> Result<(), AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        let person_key = self.person_key(round, who)?;
        let name = text::required("name", &who.name, text::NAME_MAX)?;
        let address = text::required("address", &who.address, text::NAME_MAX)?;
        let district = self.district(round, &who.district, true)?;
        let resident = Resident {
            name,
            address,
            district,
            person_key,
        };
        let mut tx = self.store.begin().await?;
        store::declare_resident(&mut tx, round.id, user, &resident).await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    pub async fn voter_status(
        &self,
        subject: &Subject,
        round: &Round,
    ) -> Result<VoterStatus, AppError> {
        let Some(user) = subject.user else {
            return Ok(VoterStatus::default());
        };
        let mut c = self.store.read().await?;
        let resident = store::resident(&mut c, round.id, user).await?;
        let voted_in = match &resident {
            Some(r) => store::pools_voted(&mut c, round.id, &r.person_key).await?,
            None => Vec::new(),
        };
        Ok(VoterStatus { resident, voted_in })
    }

    /// Validates a ballot for a pool of the round and returns the pool, the ballot in
    /// order, and how many projects the pool's ballot has.
    pub(super) async fn checked_ballot(
        &self,
        round: &Round,
        pool_id: i64,
        picked: &[Choice],
    ) -> Result<(Pool, Vec<Choice>, usize), AppError> {
        let mut c = self.store.read().await?;
        let pool = store::pool(&mut c, pool_id).await?;
        if pool.round_id != round.id {
            return Err(AppError::NotFound);
        }
        let on_ballot = store::ballot_projects(&mut c, pool.id).await?;
        let ballot = validate_ballot(&pool.ballot, picked, &on_ballot).map_err(refused)?;
        Ok((pool, ballot, on_ballot.len()))
    }

    /// A transaction that may write ballots or register entries of the round: it holds
    /// the round's shared lock, so the committee's count cannot start before it
    /// commits, and it refuses a round already counted.
    pub(super) async fn ballot_tx(&self, round: &Round) -> Result<Tx, AppError> {
        let mut tx = self.store.begin().await?;
        lock_round(&mut tx, round.id, false).await?;
        if store::is_tallied(&mut tx, round.id).await? {
            return Err(refused(BudgetError::VotingClosed));
        }
        Ok(tx)
    }

    /// Seals a ballot to the round's committee.
    pub(super) fn seal(
        &self,
        round: &Round,
        voter_key: &str,
        receipt: &str,
        choices: &[Choice],
        on_ballot: usize,
    ) -> Result<Vec<u8>, AppError> {
        let key = round
            .committee_key
            .ok_or(refused(BudgetError::NoCommitteeKey))?;
        let plain = SealedBallot {
            voter: register::voter_hash(voter_key),
            receipt_hash: tokens::digest(receipt.trim()),
            choices: choices.to_vec(),
        }
        .to_bytes(on_ballot)
        .map_err(refused)?;
        Ok(secrecy::seal(&mut rand::rngs::OsRng, &key, &plain))
    }

    /// One ballot as a voter submits it: with a printed code (no account needed), with
    /// a receipt to change a ballot already cast, or with their account. Returns the
    /// new receipt, or `None` when a ballot was changed.
    pub async fn submit_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        code: Option<&str>,
        receipt: Option<&str>,
        picked: &[Choice],
    ) -> Result<Option<BallotCast>, AppError> {
        fn given(v: Option<&str>) -> Option<&str> {
            v.map(str::trim).filter(|v| !v.is_empty())
        }
        match (given(code), given(receipt)) {
            (Some(code), _) => self
                .cast_ballot_with_code(round, pool_id, code, picked)
                .await
                .map(Some),
            (None, Some(receipt)) => self
                .change_ballot(subject, round, pool_id, receipt, picked)
                .await
                .map(|()| None),
            (None, None) => self
                .cast_ballot(subject, round, pool_id, picked)
                .await
                .map(Some),
        }
    }

    /// Casts a ballot with the voter's account, after their declaration of residence.
    pub async fn cast_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        picked: &[Choice],
    ) -> Result<BallotCast, AppError> {
        authorise(subject, Action::TakePartInBudget)?;
        let user = subject.user.ok_or(AppError::LoginRequired)?;
        let resident = {
            let mut c = self.store.read().await?;
            store::resident(&mut c, round.id, user)
                .await?
                .ok_or(refused(BudgetError::NotAResident))?
        };
        let district = resident.district.clone();
        let voter = Voter {
            key: &resident.person_key,
            // How this account was registered before the register of persons, in
            // rounds that were open while the platform was upgraded.
            earlier_key: Some(account_key_before_persons(user)),
            channel: Channel::Account,
            district,
        };
        self.write_ballot(round, pool_id, voter, picked).await
    }

    /// Casts a ballot with a printed single-use code. A code issued at a desk votes as
    /// the person it was issued to; a bulk code as itself. Either votes once per pool.
    pub async fn cast_ballot_with_code(
        &self,
        round: &Round,
        pool_id: i64,
        code: &str,
        picked: &[Choice],
    ) -> Result<BallotCast, AppError> {
        let hash = tokens::hash(&normalise_code(code));
        let owner = {
            let mut c = self.store.read().await?;
            store::code(&mut c, round.id, &hash)
                .await?
                .ok_or(refused(BudgetError::UnknownCode))?
        };
        let (key, channel) = match owner {
            Some(person) => (person, Channel::DeskCode),
            None => (format!("code:{hash}"), Channel::BulkCode),
        };
        let voter = Voter {
            key: &key,
            earlier_key: None,
            channel,
            district: None,
        };
        self.write_ballot(round, pool_id, voter, picked).await
    }

    /// Records the voter and their sealed ballot in one transaction: a voter is in the
    /// register if and only if their ballot is stored.
    async fn write_ballot(
        &self,
        round: &Round,
        pool_id: i64,
        voter: Voter<'_>,
        picked: &[Choice],
    ) -> Result<BallotCast, AppError> {
        let Voter {
            key: voter_key,
            earlier_key,
            channel,
            district,
        } = voter;
        if self.phase(round) != Phase::Voting {
            return Err(refused(BudgetError::VotingClosed));
        }
        let (pool, choices, on_ballot) = self.checked_ballot(round, pool_id, picked).await?;
        let receipt = tokens::new_secret()[..20].to_string();
        let sealed = self.seal(round, voter_key, &receipt, &choices, on_ballot)?;
        let tag = round.allow_ballot_change.then(|| change_tag(&receipt));
        let mut tx = self.ballot_tx(round).await?;
        if let Some(earlier) = &earlier_key {
            if store::voter_entry(&mut tx, pool.id, earlier)
                .await?
                .is_some()
            {
                return Err(refused(BudgetError::AlreadyVoted));
            }
        }
        if !store::record_voter(
            &mut tx,
            pool.id,
            voter_key,
            channel.code(),
            district.as_deref(),
        )
        .await?
        {
            return Err(refused(BudgetError::AlreadyVoted));
        }
        store::insert_envelope(
            &mut tx,
            &tokens::new_secret(),
            pool.id,
            tag.as_deref(),
            &sealed,
        )
        .await?;
        tx.commit().await.map_err(StoreError::from)?;
        Ok(BallotCast { receipt, choices })
    }

    /// Replaces a ballot while voting is open, if the round allows it. The voter proves
    /// which envelope is theirs with the receipt, since nothing else links them.
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
            return Err(refused(BudgetError::ChangeNotAllowed));
        }
        if self.phase(round) != Phase::Voting {
            return Err(refused(BudgetError::VotingClosed));
        }
        let (pool, choices, on_ballot) = self.checked_ballot(round, pool_id, picked).await?;
        let resident = {
            let mut c = self.store.read().await?;
            store::resident(&mut c, round.id, user)
                .await?
                .ok_or(refused(BudgetError::UnknownReceipt))?
        };
        let sealed = self.seal(round, &resident.person_key, receipt, &choices, on_ballot)?;
        let mut tx = self.ballot_tx(round).await?;
        if store::voter_entry(&mut tx, pool.id, &resident.person_key)
            .await?
            .is_none()
        {
            return Err(refused(BudgetError::UnknownReceipt));
        }
        if !store::replace_envelope(&mut tx, pool.id, &change_tag(receipt), &sealed).await? {
            return Err(refused(BudgetError::UnknownReceipt));
        }
        tx.commit().await.map_err(StoreError::from)?;
        Ok(())
    }

    /// Issues `count` single-use codes in bulk, to no one in particular, for residents
    /// without accounts; only before voting opens, so the number is fixed and public
    /// before any vote. Only hashes are kept, so lost codes cannot be printed again.
    pub async fn issue_voting_codes(
        &self,
        subject: &Subject,
        round: &Round,
        count: usize,
    ) -> Result<Vec<String>, AppError> {
        authorise(subject, Action::ManageBudget)?;
        if count == 0 || count > 1_000_000 {
            return Err(refused(BudgetError::BadSettings));
        }
        if self.phase(round) >= Phase::Voting {
            return Err(refused(BudgetError::BulkCodesClosed));
        }
        let codes: Vec<String> = (0..count).map(|_| new_code()).collect();
        let now = self.now();
        let mut tx = self.store.begin().await?;
        for code in &codes {
            store::insert_code(
                &mut tx,
                round.id,
                &tokens::hash(&normalise_code(code)),
                None,
            )
            .await?;
        }
        audit::commit(
            tx,
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
        Ok(codes)
    }

    /// Issues one code at a desk to a person whose identity the staff member checked.
    /// The code votes as that person, so they cannot also vote by account or on paper;
    /// the issue is logged (who, by whom), the code is not.
    pub async fn issue_desk_code(
        &self,
        subject: &Subject,
        round: &Round,
        who: &Desk,
    ) -> Result<String, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        if self.phase(round) != Phase::Voting {
            return Err(refused(BudgetError::VotingClosed));
        }
        let person_key = self.person_key(round, who)?;
        let code = new_code();
        let now = self.now();
        let mut tx = self.store.begin().await?;
        store::insert_code(
            &mut tx,
            round.id,
            &tokens::hash(&normalise_code(&code)),
            Some(&person_key),
        )
        .await?;
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.code_issued_at_desk",
                None,
                Some(json!({"round": round.id, "person": person_key})),
            ),
            now,
        )
        .await?;
        Ok(code)
    }

    /// Codes issued for a round, (in bulk, at desks): public numbers.
    pub async fn codes_issued(&self, round: &Round) -> Result<(i64, i64), AppError> {
        let mut c = self.store.read().await?;
        Ok(store::codes_issued(&mut c, round.id).await?)
    }
}
