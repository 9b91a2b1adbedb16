//! Paper ballots. Sheets come from a register of issued numbers and carry the voter's
//! name and address beside the choices. Each sheet is entered twice by two different
//! staff members; an entry keeps only a keyed digest of who and what, and when two
//! entries agree the ballot is sealed to the committee like any other. A person
//! already in the register is a duplicate, handled by the round's rule and listed.

use super::voting::Desk;
use super::{refused, BudgetError};
use crate::{audit, authorise, tokens, App, AppError};
use serde_json::json;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::register::{self, Channel, DuplicateRule};
use wspolnota_domain::budget::{encode_ballot, Choice, Phase, SheetError, SheetStatus, SheetStep};
use wspolnota_domain::text;
use wspolnota_store::budget::{self as store, Duplicate, PaperSheet, Round};
use wspolnota_store::Tx;

/// One paper sheet as a staff member reads it.
#[derive(Debug, Clone, Default)]
pub struct PaperEntry {
    pub sheet: String,
    pub voter: Desk,
    pub choices: Vec<Choice>,
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
    /// The person had already voted in this pool: listed for the committee, and voided
    /// as the round's rule says.
    Duplicate,
}

/// Paper ballots cast before the close are entered while voting runs and in the
/// counting window after it, until the committee's count.
const PAPER_PHASES: [Phase; 2] = [Phase::Voting, Phase::Counting];

impl App {
    /// Registers the numbers of issued paper sheets (e.g. printed for a library).
    pub async fn register_sheets(
        &self,
        subject: &Subject,
        round: &Round,
        numbers: &[String],
    ) -> Result<usize, AppError> {
        authorise(subject, Action::ManageBudget)?;
        let staff = subject.user.ok_or(AppError::LoginRequired)?;
        if numbers.is_empty() || numbers.len() > 100_000 || round.tallied {
            return Err(refused(BudgetError::BadSettings));
        }
        let numbers = numbers
            .iter()
            .map(|n| Ok(text::required("sheets", n, 40)?.to_uppercase()))
            .collect::<Result<Vec<_>, AppError>>()?;
        let now = self.now();
        let mut tx = self.store.begin().await?;
        let mut added = 0;
        for n in &numbers {
            added += usize::from(store::insert_sheet(&mut tx, round.id, n, staff).await?);
        }
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(staff),
                round.space_id,
                "budget.sheets_registered",
                None,
                Some(json!({"round": round.id, "added": added})),
            ),
            now,
        )
        .await?;
        Ok(added)
    }

    /// Checks what any paper entry needs, and returns the pool's id, the sheet number,
    /// the person's key, their district, the ballot and its digest.
    async fn read_entry(
        &self,
        round: &Round,
        pool_id: i64,
        entry: &PaperEntry,
    ) -> Result<CheckedEntry, AppError> {
        if !PAPER_PHASES.contains(&self.phase(round)) || round.tallied {
            return Err(refused(BudgetError::VotingClosed));
        }
        let sheet = text::required("sheet", &entry.sheet, 40)?.to_uppercase();
        let person_key = self.person_key(round, &entry.voter)?;
        let district = self.district(round, &entry.voter.district, false)?;
        let (pool, choices, on_ballot) =
            self.checked_ballot(round, pool_id, &entry.choices).await?;
        let digest = register::entry_digest(
            &self.config.instance_secret,
            pool.id,
            &sheet,
            &person_key,
            &encode_ballot(&choices),
        );
        let sealed = self.seal(
            round,
            &person_key,
            &tokens::new_secret(),
            &choices,
            on_ballot,
        )?;
        Ok(CheckedEntry {
            pool: pool.id,
            sheet,
            person_key,
            district,
            digest,
            sealed,
        })
    }

    /// Enters a paper ballot. It counts when a second staff member's entry agrees.
    pub async fn enter_paper_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        entry: &PaperEntry,
    ) -> Result<PaperOutcome, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let staff = subject.user.ok_or(AppError::LoginRequired)?;
        let e = self.read_entry(round, pool_id, entry).await?;
        let now = self.now();
        let mut tx = self.ballot_tx(round).await?;
        if !store::sheet_issued(&mut tx, round.id, &e.sheet).await? {
            return Err(refused(BudgetError::UnknownSheet));
        }
        let outcome = match store::paper_sheet(&mut tx, e.pool, &e.sheet).await? {
            None => {
                let first = store::FirstEntry {
                    pool: e.pool,
                    sheet: &e.sheet,
                    person_key: &e.person_key,
                    district: e.district.as_deref(),
                    by: staff,
                    digest: &e.digest,
                };
                store::insert_paper_first(&mut tx, &first).await?;
                PaperOutcome::WaitingForSecondEntry
            }
            Some(p) => {
                let agrees = p.first_digest == e.digest;
                // The state machine says whether a second entry may happen at all.
                p.status
                    .after(SheetStep::SecondEntry {
                        agrees,
                        duplicate: false,
                    })
                    .map_err(refused)?;
                if p.first_by == Some(staff) {
                    return Err(refused(BudgetError::PaperSameStaff));
                }
                let duplicate = agrees && !self.count_sheet(&mut tx, round, &e).await?;
                let status = p
                    .status
                    .after(SheetStep::SecondEntry { agrees, duplicate })
                    .map_err(refused)?;
                if !store::set_paper_second(&mut tx, e.pool, &e.sheet, staff, &e.digest, status)
                    .await?
                {
                    return Err(refused(SheetError::AlreadyEntered));
                }
                outcome_of(status)
            }
        };
        let after = json!({"pool": e.pool, "sheet": e.sheet, "outcome": format!("{outcome:?}")});
        audit::commit(
            tx,
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
        Ok(outcome)
    }

    /// Settles a sheet whose two entries disagree: an admin reads the paper and enters
    /// what it says; that ballot is counted (or listed as a duplicate).
    pub async fn resolve_paper_ballot(
        &self,
        subject: &Subject,
        round: &Round,
        pool_id: i64,
        entry: &PaperEntry,
    ) -> Result<PaperOutcome, AppError> {
        authorise(subject, Action::ResolvePaperBallots)?;
        let admin = subject.user.ok_or(AppError::LoginRequired)?;
        let e = self.read_entry(round, pool_id, entry).await?;
        let now = self.now();
        let mut tx = self.ballot_tx(round).await?;
        let current = store::paper_sheet(&mut tx, e.pool, &e.sheet)
            .await?
            .ok_or(refused(SheetError::NotMismatch))?;
        let settle = |duplicate| SheetStep::Resolve { duplicate };
        current.status.after(settle(false)).map_err(refused)?;
        let duplicate = !self.count_sheet(&mut tx, round, &e).await?;
        let status = current.status.after(settle(duplicate)).map_err(refused)?;
        if !store::resolve_paper(&mut tx, e.pool, &e.sheet, &e.person_key, admin, status).await? {
            return Err(refused(SheetError::NotMismatch));
        }
        let outcome = outcome_of(status);
        audit::commit(
            tx,
            audit::Change::in_space(
                Some(admin),
                round.space_id,
                "budget.paper_resolved",
                None,
                Some(json!({"pool": e.pool, "sheet": e.sheet, "outcome": format!("{outcome:?}")})),
            ),
            now,
        )
        .await?;
        Ok(outcome)
    }

    /// Puts an agreed sheet in the register and its sealed ballot with the others, and
    /// says true; a person already in the register is a duplicate instead (false).
    async fn count_sheet(
        &self,
        tx: &mut Tx,
        round: &Round,
        e: &CheckedEntry,
    ) -> Result<bool, AppError> {
        let channel = Channel::Paper.code();
        if store::record_voter(tx, e.pool, &e.person_key, channel, e.district.as_deref()).await? {
            store::insert_envelope(tx, &tokens::new_secret(), e.pool, None, &e.sealed).await?;
            return Ok(true);
        }
        let rule = round.rules.duplicates;
        if rule == DuplicateRule::AllVoid {
            store::void_voter(tx, e.pool, &e.person_key).await?;
        }
        let d = Duplicate {
            pool_id: e.pool,
            voter_key: e.person_key.clone(),
            channel: channel.to_string(),
            rule: rule.code().to_string(),
        };
        store::insert_duplicate(tx, &d).await?;
        Ok(false)
    }

    /// The paper sheets of a pool and their state, for the staff.
    pub async fn paper_sheets(
        &self,
        subject: &Subject,
        pool: i64,
    ) -> Result<Vec<PaperSheet>, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let mut c = self.store.read().await?;
        Ok(store::paper_sheets(&mut c, pool).await?)
    }

    /// Persons found twice in a pool, for the committee.
    pub async fn duplicates(
        &self,
        subject: &Subject,
        pool: i64,
    ) -> Result<Vec<Duplicate>, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let mut c = self.store.read().await?;
        Ok(store::duplicates(&mut c, pool).await?)
    }

    /// Pairs of voters of a pool who may be one person written twice (same address,
    /// names almost alike), for the committee to check against the sheets.
    pub async fn possible_duplicates(
        &self,
        subject: &Subject,
        pool: i64,
    ) -> Result<Vec<(String, String)>, AppError> {
        authorise(subject, Action::EnterPaperBallots)?;
        let mut c = self.store.read().await?;
        let keys = store::voter_keys(&mut c, pool).await?;
        Ok(register::near_duplicates(&keys)
            .into_iter()
            .map(|(a, b)| (keys[a].clone(), keys[b].clone()))
            .collect())
    }

    /// Number of issued paper sheets registered for a round.
    pub async fn sheets_registered(&self, round: &Round) -> Result<i64, AppError> {
        let mut c = self.store.read().await?;
        Ok(store::count_sheets(&mut c, round.id).await?)
    }
}

/// A sheet's entry after its checks.
struct CheckedEntry {
    pool: i64,
    sheet: String,
    person_key: String,
    district: Option<String>,
    digest: String,
    sealed: Vec<u8>,
}

/// What an entry did, as the staff are told.
fn outcome_of(status: SheetStatus) -> PaperOutcome {
    match status {
        SheetStatus::Pending => PaperOutcome::WaitingForSecondEntry,
        SheetStatus::Counted | SheetStatus::Resolved => PaperOutcome::Counted,
        SheetStatus::Mismatch => PaperOutcome::Mismatch,
        SheetStatus::Void => PaperOutcome::Duplicate,
    }
}
