//! The rounds of MES: pick the most affordable project, charge its supporters, repeat.

use super::engine::{Afford, Engine, Entry};
use super::exact::{big, gcd_u128, ratio_f64, FastMap, MARGIN};
use super::{MesProfile, MesRun, Purchase};
use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;

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
