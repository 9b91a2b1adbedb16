//! The Method of Equal Shares in exact arithmetic.
//!
//! Every voter starts with an equal share of the budget. In each round the project that its
//! supporters can buy at the lowest price per unit of satisfaction (`rho`) is bought: each
//! supporter pays `min(budget, rho * utility)`. Rounds stop when no project can be paid for.
//!
//! Speed without floating-point decisions:
//! * identical ballots are merged into weighted groups;
//! * voters with the same remaining budget share a *budget class* (an exact rational); a
//!   project's supporters are summarised as (class, utility, weight) entries, so the rational
//!   arithmetic is per class, not per voter;
//! * `f64` approximations of the exact values are used only as a certified filter: a
//!   comparison is decided by the floats only when they differ by far more than their possible
//!   rounding error (relative 1e-9, while conversions are accurate to ~1e-16); otherwise the
//!   exact rationals decide. Every decision is therefore the exact one.
//! * like pabutools, candidates are re-evaluated lazily in order of their last known `rho`,
//!   which can only grow as budgets shrink.

mod add1;
mod engine;
mod exact;
mod rounds;

pub(crate) use add1::{run_add1, MAX_ADD1_RAISES};
pub(crate) use rounds::run_mes;

use num_bigint::BigInt;
use num_rational::BigRational;
use std::collections::HashMap;

/// Merged ballots and per-project supporters for one satisfaction measure.
#[derive(Debug, Clone)]
pub(crate) struct MesProfile {
    /// Weight (number of identical ballots) of each group.
    pub weights: Vec<u64>,
    /// Per project: (group, utility > 0).
    pub supporters: Vec<Vec<(u32, u64)>>,
    /// Per project: the utility when all supporters have the same one.
    pub uniform: Vec<Option<u64>>,
    /// Total number of voters (sum of weights, including voters who support nothing).
    pub voters: u64,
}

impl MesProfile {
    /// Builds the profile from ballots given as lists of (project, utility); zero utilities are
    /// dropped (pabutools counts only voters with positive satisfaction as supporters).
    pub fn build(num_projects: usize, ballots: impl Iterator<Item = Vec<(u32, u64)>>) -> Self {
        let mut index: HashMap<Vec<(u32, u64)>, u32> = HashMap::new();
        let mut weights: Vec<u64> = Vec::new();
        let mut keys: Vec<Vec<(u32, u64)>> = Vec::new();
        let mut voters = 0u64;
        for mut b in ballots {
            voters += 1;
            b.retain(|&(_, u)| u > 0);
            b.sort_unstable();
            if b.is_empty() {
                continue;
            }
            match index.get(&b) {
                Some(&g) => weights[g as usize] += 1,
                None => {
                    let g = weights.len() as u32;
                    weights.push(1);
                    keys.push(b.clone());
                    index.insert(b, g);
                }
            }
        }
        let mut supporters: Vec<Vec<(u32, u64)>> = vec![Vec::new(); num_projects];
        for (g, key) in keys.iter().enumerate() {
            for &(p, u) in key {
                if let Some(s) = supporters.get_mut(p as usize) {
                    s.push((g as u32, u));
                }
            }
        }
        let uniform = supporters
            .iter()
            .map(|s| {
                let first = s.first()?.1;
                s.iter().all(|&(_, u)| u == first).then_some(first)
            })
            .collect();
        MesProfile {
            weights,
            supporters,
            uniform,
            voters,
        }
    }
}

/// One project bought by MES.
#[derive(Debug, Clone)]
pub(crate) struct Purchase {
    pub project: u32,
    /// Voters who paid something.
    pub payers: u64,
    /// Of them, voters who paid all they had left.
    pub exhausted: u64,
    /// The largest payment of one voter.
    pub max_payment: BigRational,
    /// Sum of all payments (equals the cost).
    pub paid: BigRational,
    /// Other projects tied with it at the same `rho` (it won the tie-break).
    pub tied_with: Vec<u32>,
}

/// The result of one MES run.
#[derive(Debug, Clone)]
pub(crate) struct MesRun {
    /// Projects funded at zero cost before the rounds (supported, cost 0).
    pub free: Vec<u32>,
    pub purchases: Vec<Purchase>,
    /// Remaining budgets at the end: group `g` has `class_num[group_class[g]] / den`.
    pub class_num: Vec<BigInt>,
    pub den: BigInt,
    pub group_class: Vec<u32>,
    /// The projects MES could consider (supported, positive cost).
    pub considered: Vec<u32>,
}

impl MesRun {
    /// Remaining budget of each voter group at the end.
    pub fn final_budgets(&self) -> Vec<BigRational> {
        let per_class: Vec<BigRational> = self
            .class_num
            .iter()
            .map(|n| BigRational::new(n.clone(), self.den.clone()))
            .collect();
        self.group_class
            .iter()
            .map(|&c| per_class[c as usize].clone())
            .collect()
    }

    pub fn selected(&self) -> Vec<u32> {
        let mut v = self.free.clone();
        v.extend(self.purchases.iter().map(|p| p.project));
        v
    }
}
