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

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Relative margin beyond which an `f64` comparison is trusted.
const MARGIN: f64 = 1e-9;

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

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u32,
    u: u64,
    w: u64,
}

/// Remaining budgets as integers over one common denominator: class `c` holds
/// `num[c] / den`. Buying a project multiplies `den` (and every numerator) by a small factor
/// so that all payments stay integers; no fraction is ever reduced, so no gcd is needed.
struct Engine<'a> {
    prof: &'a MesProfile,
    den: BigInt,
    num: Vec<BigInt>,
    approx: Vec<f64>,
    refs: Vec<u64>,
    free_list: Vec<u32>,
    zero_class: Option<u32>,
    group_class: Vec<u32>,
    scratch: Vec<u64>,
    /// Old class -> new class while paying for a project (`u32::MAX` = none).
    remap: Vec<u32>,
}

/// A small fast hasher for integer keys (FxHash-style multiply-rotate).
#[derive(Default, Clone, Copy)]
struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// `n / d` as an `f64` with full relative precision (no overflow for huge operands).
fn ratio_f64(n: &BigInt, d: &BigInt) -> f64 {
    fn top(x: &BigInt) -> (f64, i64) {
        let bits = x.bits();
        if bits <= 64 {
            (x.to_f64().unwrap_or(0.0), 0)
        } else {
            let sh = bits - 64;
            ((x >> sh).to_f64().unwrap_or(0.0), sh as i64)
        }
    }
    if n.is_zero() {
        return 0.0;
    }
    let (mn, en) = top(n);
    let (md, ed) = top(d);
    if md == 0.0 {
        return f64::INFINITY;
    }
    let e = (en - ed).clamp(-2000, 2000) as i32;
    (mn / md) * 2f64.powi(e)
}

/// The order of `a` and `b` when their approximations prove it, else `None`.
fn clearly(a: f64, b: f64) -> Option<Ordering> {
    const TINY: f64 = 1e-280;
    if !a.is_finite() || !b.is_finite() {
        return None;
    }
    let (aa, ab) = (a.abs(), b.abs());
    if (aa != 0.0 && aa < TINY) || (ab != 0.0 && ab < TINY) {
        return None;
    }
    if (a - b).abs() > MARGIN * aa.max(ab) {
        a.partial_cmp(&b)
    } else {
        None
    }
}

fn big(x: impl Into<BigInt>) -> BigInt {
    x.into()
}

/// An affordable project: `rho = rest / (den * util)`.
struct Afford {
    rest: BigInt,
    util: u128,
    approx: f64,
}

impl<'a> Engine<'a> {
    fn new(prof: &'a MesProfile, share_num: BigInt, share_den: BigInt) -> Self {
        let approx = ratio_f64(&share_num, &share_den);
        let zero = share_num.is_zero();
        Engine {
            prof,
            den: share_den,
            num: vec![share_num],
            approx: vec![approx],
            refs: vec![prof.weights.len() as u64],
            free_list: Vec::new(),
            zero_class: zero.then_some(0),
            group_class: vec![0; prof.weights.len()],
            scratch: vec![0],
            remap: vec![u32::MAX],
        }
    }

    fn new_class(&mut self, n: BigInt) -> u32 {
        if n.is_zero() {
            if let Some(z) = self.zero_class {
                return z;
            }
        }
        let approx = ratio_f64(&n, &self.den);
        let zero = n.is_zero();
        let c = if let Some(c) = self.free_list.pop() {
            self.num[c as usize] = n;
            self.approx[c as usize] = approx;
            self.refs[c as usize] = 0;
            c
        } else {
            self.num.push(n);
            self.approx.push(approx);
            self.refs.push(0);
            self.scratch.push(0);
            self.remap.push(u32::MAX);
            (self.num.len() - 1) as u32
        };
        if zero {
            self.zero_class = Some(c);
        }
        c
    }

    fn entries(&mut self, p: usize) -> Vec<Entry> {
        let sup = &self.prof.supporters[p];
        let mut out = Vec::new();
        if let Some(u) = self.prof.uniform[p] {
            for &(g, _) in sup {
                let c = self.group_class[g as usize] as usize;
                if self.scratch[c] == 0 {
                    out.push(Entry {
                        class: c as u32,
                        u,
                        w: 0,
                    });
                }
                self.scratch[c] += self.prof.weights[g as usize];
            }
            for e in out.iter_mut() {
                e.w = self.scratch[e.class as usize];
                self.scratch[e.class as usize] = 0;
            }
        } else {
            let mut m: FastMap<(u32, u64), u64> = FastMap::default();
            for &(g, u) in sup {
                *m.entry((self.group_class[g as usize], u)).or_insert(0) +=
                    self.prof.weights[g as usize];
            }
            out.extend(m.into_iter().map(|((class, u), w)| Entry { class, u, w }));
        }
        out
    }

    /// The smallest `rho` at which the supporters can pay `cost`, or `None`.
    ///
    /// Poor/rich iteration (no sorting): start from `rho = cost / total utility`; every
    /// supporter whose budget is below `rho * u` is poor and pays everything; recompute `rho`
    /// from the rest; repeat until nobody new is poor. Each `rho` is a lower bound of the
    /// answer, so the fixed point is exactly the affordability.
    fn affordability(&self, cost: i64, entries: &mut [Entry]) -> Option<Afford> {
        let total_f: f64 = entries
            .iter()
            .map(|e| self.approx[e.class as usize] * e.w as f64)
            .sum();
        let enough = match clearly(total_f, cost as f64) {
            Some(Ordering::Less) => false,
            Some(_) => true,
            None => {
                let mut total = BigInt::zero();
                for e in entries.iter() {
                    total += &self.num[e.class as usize] * big(e.w);
                }
                total >= big(cost) * &self.den
            }
        };
        if !enough {
            return None;
        }
        // rest is in units of 1/den; entries[..poor] are the poor ones
        let mut rest = big(cost) * &self.den;
        let mut util: u128 = entries
            .iter()
            .map(|e| u128::from(e.u) * u128::from(e.w))
            .sum();
        let mut poor = 0usize;
        loop {
            if util == 0 {
                return None;
            }
            let util_big = big(util);
            let rho_f = ratio_f64(&rest, &(&self.den * &util_big));
            let before = poor;
            let mut i = poor;
            while i < entries.len() {
                let e = entries[i];
                let b_over_u = self.approx[e.class as usize] / e.u as f64;
                let is_poor = match clearly(b_over_u, rho_f) {
                    Some(o) => o == Ordering::Less,
                    // b/u < rest/(den*util)  <=>  n*util < rest*u
                    None => &self.num[e.class as usize] * &util_big < &rest * big(e.u),
                };
                if is_poor {
                    entries.swap(i, poor);
                    poor += 1;
                }
                i += 1;
            }
            if poor == before {
                let approx = rho_f;
                return Some(Afford { rest, util, approx });
            }
            for e in &entries[before..poor] {
                let n = &self.num[e.class as usize];
                if !n.is_zero() {
                    rest -= n * big(e.w);
                }
                util -= u128::from(e.u) * u128::from(e.w);
            }
        }
    }

    fn cmp_afford(a: &Afford, b: &Afford) -> Ordering {
        if let Some(o) = clearly(a.approx, b.approx) {
            return o;
        }
        (&a.rest * big(b.util)).cmp(&(&b.rest * big(a.util)))
    }
}

/// Runs MES with the given share per voter (`share_num / share_den` grosze). `rank` orders
/// projects for tie-breaking (lower first); `costs` are in grosze.
pub(crate) fn run_mes(
    prof: &MesProfile,
    costs: &[i64],
    rank: &[u32],
    share_num: &BigInt,
    share_den: &BigInt,
) -> MesRun {
    let n = costs.len();
    let mut eng = Engine::new(prof, share_num.clone(), share_den.clone());
    let mut free = Vec::new();
    let mut remaining: Vec<u32> = Vec::new();
    let mut stale_f: Vec<f64> = vec![0.0; n];
    for p in 0..n {
        if prof.supporters[p].is_empty() {
            continue;
        }
        if costs[p] == 0 {
            free.push(p as u32);
            continue;
        }
        let util: u128 = prof.supporters[p]
            .iter()
            .map(|&(g, u)| u128::from(u) * u128::from(prof.weights[g as usize]))
            .sum();
        // a lower bound of rho, slightly lowered so that rounding never makes it too high
        stale_f[p] = ratio_f64(&big(costs[p]), &big(util)) * (1.0 - 4.0 * MARGIN);
        remaining.push(p as u32);
    }
    let considered = remaining.clone();
    let mut purchases = Vec::new();
    loop {
        remaining.sort_by(|&a, &b| {
            stale_f[a as usize]
                .partial_cmp(&stale_f[b as usize])
                .unwrap_or(Ordering::Equal)
                .then_with(|| rank[a as usize].cmp(&rank[b as usize]))
        });
        let mut best: Option<Afford> = None;
        let mut tied: Vec<(u32, Vec<Entry>)> = Vec::new();
        let mut drop = Vec::new();
        for &p in &remaining {
            if let Some(b) = &best {
                if stale_f[p as usize] > b.approx * (1.0 + 4.0 * MARGIN) {
                    break;
                }
            }
            let mut ent = eng.entries(p as usize);
            match eng.affordability(costs[p as usize], &mut ent) {
                None => drop.push(p),
                Some(a) => {
                    stale_f[p as usize] = a.approx * (1.0 - 4.0 * MARGIN);
                    let ord = match &best {
                        None => Ordering::Less,
                        Some(b) => Engine::cmp_afford(&a, b),
                    };
                    match ord {
                        Ordering::Less => {
                            best = Some(a);
                            tied.clear();
                            tied.push((p, ent));
                        }
                        Ordering::Equal => tied.push((p, ent)),
                        Ordering::Greater => {}
                    }
                }
            }
        }
        if !drop.is_empty() {
            remaining.retain(|p| !drop.contains(p));
        }
        let Some(best) = best else { break };
        tied.sort_by_key(|(p, _)| rank[*p as usize]);
        let mut it = tied.into_iter();
        let Some((q, entries)) = it.next() else { break };
        let tied_with: Vec<u32> = it.map(|(p, _)| p).collect();
        let purchase = buy(&mut eng, q, &entries, &best, tied_with);
        purchases.push(purchase);
        remaining.retain(|&p| p != q);
    }
    MesRun {
        free,
        purchases,
        class_num: eng.num,
        den: eng.den,
        group_class: eng.group_class,
        considered,
    }
}

fn gcd_u128(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.max(1)
}

/// Charges the supporters of `q` at `rho = best.rest / (den * best.util)`.
fn buy(
    eng: &mut Engine<'_>,
    q: u32,
    entries: &[Entry],
    best: &Afford,
    tied_with: Vec<u32>,
) -> Purchase {
    let util = big(best.util);
    // scale so that every payment rest*u/util becomes an integer: S = lcm over u of
    // util / gcd(rest*u, util)
    let mut scale = BigInt::from(1u8);
    let mut us: Vec<u64> = entries.iter().map(|e| e.u).collect();
    us.sort_unstable();
    us.dedup();
    let rest_mod = (&best.rest % &util).to_u128().unwrap_or(0);
    for &u in &us {
        // gcd(rest*u, util) computed on small numbers
        let ru = (big(rest_mod) * big(u) % &util).to_u128().unwrap_or(0);
        let g = gcd_u128(ru, best.util);
        let f = big(best.util / g);
        scale = scale.lcm(&f);
    }
    if scale != BigInt::from(1u8) {
        eng.den *= &scale;
        for c in 0..eng.num.len() {
            if eng.refs[c] > 0 && !eng.num[c].is_zero() {
                eng.num[c] *= &scale;
            }
        }
    }
    let dues: Vec<BigInt> = us
        .iter()
        .map(|&u| &best.rest * big(u) * &scale / &util)
        .collect();
    let mut paid = BigInt::zero();
    let mut max_pay = BigInt::zero();
    let mut payers = 0u64;
    let mut exhausted = 0u64;
    let uniform = us.len() == 1;
    let mut remap: FastMap<(u32, u64), u32> = FastMap::default();
    for e in entries {
        // payment in units of 1/den (after scaling): rest*u*scale/util
        let k = us.binary_search(&e.u).unwrap_or(0);
        let due = &dues[k];
        let have = &eng.num[e.class as usize];
        let (pay, left) = if due >= have {
            exhausted += e.w;
            (have.clone(), BigInt::zero())
        } else {
            (due.clone(), have - due)
        };
        if !pay.is_zero() {
            payers += e.w;
        }
        paid += &pay * big(e.w);
        if pay > max_pay {
            max_pay = pay;
        }
        let nc = eng.new_class(left);
        if uniform {
            eng.remap[e.class as usize] = nc;
        } else {
            remap.insert((e.class, e.u), nc);
        }
    }
    for &(g, u) in &eng.prof.supporters[q as usize] {
        let c = eng.group_class[g as usize];
        let nc = if uniform {
            eng.remap[c as usize]
        } else {
            remap.get(&(c, u)).copied().unwrap_or(u32::MAX)
        };
        if nc != c && nc != u32::MAX {
            eng.group_class[g as usize] = nc;
            eng.refs[nc as usize] += 1;
            eng.refs[c as usize] -= 1;
            if eng.refs[c as usize] == 0 && Some(c) != eng.zero_class {
                eng.free_list.push(c);
                eng.num[c as usize] = BigInt::zero();
            }
        }
    }
    if uniform {
        for e in entries {
            eng.remap[e.class as usize] = u32::MAX;
        }
    }
    Purchase {
        project: q,
        payers,
        exhausted,
        max_payment: BigRational::new_raw(max_pay, eng.den.clone()),
        paid: BigRational::new_raw(paid, eng.den.clone()),
        tied_with,
    }
}

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
