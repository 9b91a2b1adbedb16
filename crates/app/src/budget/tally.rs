//! The committee's count. After voting closes and the paper sheets are entered, enough
//! members of the election committee bring their key shares; the sealed ballots of
//! every pool are opened in memory, the ballots of voided persons left out, the rest
//! shuffled and written as counted ballots in random order, all in one transaction
//! that also removes the envelopes, publishes the round and stores its results.

use super::results::{count_stored, PoolResult, VoidCount};
use super::{refused, BudgetError};
use crate::{audit, authorise, tokens, App, AppError};
use rand::seq::SliceRandom;
use serde_json::json;
use std::collections::HashSet;
use wspolnota_domain::access::{Action, Subject};
use wspolnota_domain::budget::register::{voter_hash, ReceiptMode};
use wspolnota_domain::budget::secrecy::{self, KeyShare, OpeningKey, SealedBallot};
use wspolnota_domain::budget::{encode_ballot, Phase};
use wspolnota_store::budget::{self as store, Pool, Round};
use wspolnota_store::{lock_round, Tx};

impl App {
    /// Opens, shuffles and counts the round's ballots with the committee's key shares
    /// (each as printed for its member), and publishes the results.
    pub async fn count_round(
        &self,
        subject: &Subject,
        round: &Round,
        shares: &[String],
    ) -> Result<Vec<PoolResult>, AppError> {
        authorise(subject, Action::ManageBudget)?;
        if round.tallied {
            return Err(refused(BudgetError::AlreadyTallied));
        }
        if self.phase(round) != Phase::Counting {
            return Err(refused(BudgetError::WrongPhase));
        }
        let public = round
            .committee_key
            .ok_or(refused(BudgetError::NoCommitteeKey))?;
        let shares = shares
            .iter()
            .filter(|s| !s.trim().is_empty())
            .map(|s| KeyShare::parse(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(refused)?;
        let key = OpeningKey::from_shares(&public, &shares).map_err(refused)?;
        let space = self.space(round.space_id).await?;
        let pools = self.pools(round.id).await?;
        let now = self.now();

        let mut tx = self.store.begin().await?;
        // Waits for votes in flight; any vote after this sees the round counted.
        lock_round(&mut tx, round.id, true).await?;
        if store::is_tallied(&mut tx, round.id).await? {
            return Err(refused(BudgetError::AlreadyTallied));
        }
        let mut stored = Vec::new();
        for pool in &pools {
            if store::unsettled_sheets(&mut tx, pool.id).await? > 0 {
                return Err(refused(BudgetError::PaperUnsettled));
            }
            let (kept, void) = open_pool(&mut tx, &key, pool).await?;
            write_counted(&mut tx, round, pool, kept).await?;
            let later = store::duplicates(&mut tx, pool.id).await?.len() as i64;
            let voided = [("duplicate_later", later), ("duplicate_earlier", void)]
                .into_iter()
                .filter(|(_, n)| *n > 0)
                .map(|(reason, count)| VoidCount {
                    reason: reason.into(),
                    count,
                })
                .collect();
            // Counted from what is published: the ballots as stored, in token order.
            stored.push(count_stored(&mut tx, &space.name, round, pool, voided, now).await?);
        }
        if !store::set_tallied(&mut tx, round.id).await? {
            return Err(refused(BudgetError::AlreadyTallied));
        }
        for r in &stored {
            store::insert_result(&mut tx, r, subject.user).await?;
        }
        let summary: Vec<_> = stored
            .iter()
            .map(|r| json!({"pool": r.pool_id, "ballots": r.ballots, "winners": r.winners}))
            .collect();
        audit::commit(
            tx,
            audit::Change::in_space(
                subject.user,
                round.space_id,
                "budget.round_counted",
                None,
                Some(json!({"round": round.id, "members": shares.len(), "pools": summary})),
            ),
            now,
        )
        .await?;
        let round = self.round(round.id).await?;
        self.results(&round).await
    }
}

/// Opens every sealed ballot of a pool: the ballots that count, and how many were left
/// out because their voter's vote was voided. Every voter whose vote stands must have
/// exactly one, or nothing is written.
async fn open_pool(
    tx: &mut Tx,
    key: &OpeningKey,
    pool: &Pool,
) -> Result<(Vec<SealedBallot>, i64), AppError> {
    let voided: HashSet<[u8; 32]> = store::voided_keys(tx, pool.id)
        .await?
        .iter()
        .map(|k| voter_hash(k))
        .collect();
    let mut kept = Vec::new();
    let mut void = 0i64;
    for envelope in store::envelopes(tx, pool.id).await? {
        let plain = secrecy::open(key, &envelope).map_err(refused)?;
        let ballot = SealedBallot::from_bytes(&plain).map_err(refused)?;
        if voided.contains(&ballot.voter) {
            void += 1;
        } else {
            kept.push(ballot);
        }
    }
    let voters = store::count_voters(tx, pool.id).await?;
    // Ballots cast before ballots were sealed (rounds open when the platform was
    // upgraded) are already plain and stay as they are.
    let plain_before = store::count_ballots(tx, pool.id).await?;
    if kept.len() as i64 + plain_before != voters {
        return Err(AppError::Internal(format!(
            "pool {}: {} sealed ballots for {voters} voters",
            pool.id,
            kept.len()
        )));
    }
    Ok((kept, void))
}

/// Writes a pool's opened ballots as counted ballots, shuffled and under fresh random
/// tokens in token order, with their receipts apart in hash order (or beside the
/// choices where the round says so), and removes the envelopes.
async fn write_counted(
    tx: &mut Tx,
    round: &Round,
    pool: &Pool,
    mut kept: Vec<SealedBallot>,
) -> Result<(), AppError> {
    // Random tokens order the table; the explicit shuffle makes the order of writing
    // independent of the order of voting too.
    kept.shuffle(&mut rand::rngs::OsRng);
    let mut rows: Vec<(String, String, String)> = kept
        .iter()
        .map(|b| {
            (
                tokens::new_secret(),
                hex::encode(b.receipt_hash),
                encode_ballot(&b.choices),
            )
        })
        .collect();
    rows.sort();
    let with_choices = round.rules.receipts == ReceiptMode::WithChoices;
    for (token, receipt, choices) in &rows {
        let receipt = with_choices.then_some(receipt.as_str());
        store::insert_ballot(tx, token, pool.id, receipt, choices).await?;
    }
    let mut receipts: Vec<&str> = rows.iter().map(|(_, r, _)| r.as_str()).collect();
    receipts.sort_unstable();
    for r in receipts {
        store::insert_receipt(tx, pool.id, r).await?;
    }
    store::delete_envelopes(tx, pool.id).await?;
    Ok(())
}
