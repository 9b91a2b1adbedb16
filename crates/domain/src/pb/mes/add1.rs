//! Add1 completion: rerun MES with ever larger equal shares while it stays within budget.

use super::{run_mes, MesProfile, MesRun};
use num_bigint::BigInt;
use num_rational::BigRational;

/// Most raises of the equal share tried by Add1 (a guard against files whose budget is
/// astronomically larger than what MES can spend; never reached by real data).
pub(crate) const MAX_ADD1_RAISES: u64 = 100_000;

/// Result of MES with Add1 completion (before the greedy completion).
pub(crate) struct Add1Run {
    pub run: MesRun,
    /// The share per voter of the kept run.
    pub share: BigRational,
    /// How many whole-złoty increments were applied to the kept run.
    pub increments: u64,
    /// Total runs of MES made.
    pub runs: u64,
}

/// MES with Add1: raise each voter's share by 1 zł (100 grosze) as long as the outcome stays
/// within the budget, keeping the last outcome within it. With `stop_when_exhaustive` the
/// raising also stops at the first exhaustive outcome (pabutools `voter_budget_increment=1`);
/// without it, it goes on until the next raise would overspend (equalshares.net).
pub(crate) fn run_add1(
    prof: &MesProfile,
    costs: &[i64],
    rank: &[u32],
    budget: i64,
    stop_when_exhaustive: bool,
) -> Add1Run {
    let voters = prof.voters.max(1);
    let den = BigInt::from(voters);
    let mut share = BigRational::new(BigInt::from(budget), BigInt::from(voters));
    let step = BigRational::from_integer(BigInt::from(100));
    let mut prev: Option<(MesRun, BigRational, u64)> = None;
    let mut inc = 0u64;
    let mut runs = 0u64;
    // once one voter's share covers every project together, more money changes nothing
    let all_costs: i128 = costs.iter().map(|&c| i128::from(c.max(0))).sum();
    let saturation = BigRational::from_integer(BigInt::from(all_costs.max(i128::from(budget))));
    loop {
        let share_num = BigInt::from(budget) + BigInt::from(inc) * BigInt::from(100u8) * &den;
        let run = run_mes(prof, costs, rank, &share_num, &den);
        runs += 1;
        let sel = run.selected();
        let total: i128 = sel.iter().map(|&p| i128::from(costs[p as usize])).sum();
        let budget_w = i128::from(budget);
        if total > budget_w {
            if let Some((r, s, i)) = prev {
                return Add1Run {
                    run: r,
                    share: s,
                    increments: i,
                    runs,
                };
            }
            // cannot happen with the initial share (MES never overspends); keep the run
            return Add1Run {
                run,
                share,
                increments: inc,
                runs,
            };
        }
        let mut chosen = vec![false; costs.len()];
        for &p in &sel {
            chosen[p as usize] = true;
        }
        let exhaustive = run
            .considered
            .iter()
            .all(|&p| chosen[p as usize] || total + i128::from(costs[p as usize]) > budget_w);
        let everything = run.considered.iter().all(|&p| chosen[p as usize]);
        let saturated = share > saturation || inc >= MAX_ADD1_RAISES;
        if (stop_when_exhaustive && exhaustive) || everything || saturated {
            return Add1Run {
                run,
                share,
                increments: inc,
                runs,
            };
        }
        prev = Some((run, share.clone(), inc));
        share += &step;
        inc += 1;
    }
}
