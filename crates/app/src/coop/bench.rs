//! Benchmark data for a cooperative's register: thousands of members with their
//! register entries and a long ledger, written straight to the store in large
//! transactions. Only the console reaches it (`wspolnota coop bench-data`); the data
//! follows the rules (payments never beyond the declared shares), so every page and
//! the reconciliation work on it as on real data.

use super::load;
use crate::{App, AppError};
use wspolnota_domain::coop::ledger::Movement;
use wspolnota_domain::coop::register::{Details, Entry};
use wspolnota_domain::date;
use wspolnota_domain::ids::SpaceId;
use wspolnota_domain::pb::Money;
use wspolnota_store::coop::members;
use wspolnota_store::StoreError;

/// Members written per transaction.
const BATCH: usize = 500;

impl App {
    /// Adds `count` members to the cooperative of `space` with about `movements`
    /// ledger movements in all (declared shares, the entry fee, payments in parts).
    pub async fn load_bench_register(
        &self,
        space: SpaceId,
        count: usize,
        movements: usize,
    ) -> Result<(), AppError> {
        let now = self.now();
        let today = date::format(self.today());
        let mut c = self.store.read().await?;
        let coop = load(&mut c, space).await?;
        drop(c);
        let per_member = (movements / count.max(1)).max(2);
        let value = coop.settings.share_value;
        for start in (0..count).step_by(BATCH) {
            let mut tx = self.store.begin().await?;
            for i in start..(start + BATCH).min(count) {
                let legal = i % 20 == 0;
                let name = if legal {
                    format!("Spółka Ślężańska nr {i} Sp. z o.o.")
                } else {
                    format!("Łucja Żółkiewska-{i}")
                };
                let (member, _) = members::insert(
                    &mut tx,
                    &members::NewMember {
                        space,
                        kind: if legal { "legal" } else { "natural" },
                        user: None,
                        org: None,
                        declaration: None,
                        sort_name: &name,
                        admitted_on: &today,
                    },
                )
                .await?;
                let entries = [
                    Entry::Admitted {
                        on: self.today(),
                        founder: false,
                    },
                    Entry::Details(Details {
                        name: name.clone(),
                        address: format!("ul. Źródlana {i}, 62-500 Konin"),
                        krs: None,
                    }),
                ];
                for e in &entries {
                    let body =
                        serde_json::to_string(e).map_err(|e| AppError::Internal(e.to_string()))?;
                    members::add_entry(
                        &mut tx,
                        &members::NewEntry {
                            space,
                            member,
                            entry: e.code(),
                            body: &body,
                            effective_on: &today,
                            corrects: None,
                            reason: None,
                            by: None,
                        },
                        now,
                    )
                    .await?;
                }
                // Enough shares that every payment of one share's value fits.
                let shares = u32::try_from(per_member).unwrap_or(u32::MAX);
                let mut ms = vec![
                    Movement::Declared {
                        shares,
                        value: Money(value.0 * i64::from(shares)),
                    },
                    Movement::EntryFee {
                        amount: coop.settings.entry_fee,
                    },
                ];
                ms.extend((2..per_member).map(|_| Movement::Payment { amount: value }));
                for m in &ms {
                    members::add_movement(
                        &mut tx,
                        &members::NewMovement {
                            space,
                            member,
                            kind: m.kind(),
                            shares: i64::from(m.shares()),
                            amount: m.amount().0,
                            on_date: &today,
                            method: Some("przelew"),
                            reference: None,
                            note: None,
                            by: None,
                        },
                        now,
                    )
                    .await?;
                }
            }
            tx.commit().await.map_err(StoreError::from)?;
        }
        Ok(())
    }
}
