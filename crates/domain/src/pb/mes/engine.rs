//! The state of one MES run: remaining budgets grouped into classes over a common
//! denominator, and the affordability of a project at that state.

use super::exact::{big, clearly, ratio_f64, FastMap};
use super::MesProfile;
use num_bigint::BigInt;
use num_traits::Zero;
use std::cmp::Ordering;

#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    pub(super) class: u32,
    pub(super) u: u64,
    pub(super) w: u64,
}

/// Remaining budgets as integers over one common denominator: class `c` holds
/// `num[c] / den`. Buying a project multiplies `den` (and every numerator) by a small factor
/// so that all payments stay integers; no fraction is ever reduced, so no gcd is needed.
pub(super) struct Engine<'a> {
    pub(super) prof: &'a MesProfile,
    pub(super) den: BigInt,
    pub(super) num: Vec<BigInt>,
    pub(super) approx: Vec<f64>,
    pub(super) refs: Vec<u64>,
    pub(super) free_list: Vec<u32>,
    pub(super) zero_class: Option<u32>,
    pub(super) group_class: Vec<u32>,
    pub(super) scratch: Vec<u64>,
    /// Old class -> new class while paying for a project (`u32::MAX` = none).
    pub(super) remap: Vec<u32>,
}

/// An affordable project: `rho = rest / (den * util)`.
pub(super) struct Afford {
    pub(super) rest: BigInt,
    pub(super) util: u128,
    pub(super) approx: f64,
}

impl<'a> Engine<'a> {
    pub(super) fn new(prof: &'a MesProfile, share_num: BigInt, share_den: BigInt) -> Self {
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

    pub(super) fn new_class(&mut self, n: BigInt) -> u32 {
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

    pub(super) fn entries(&mut self, p: usize) -> Vec<Entry> {
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
    pub(super) fn affordability(&self, cost: i64, entries: &mut [Entry]) -> Option<Afford> {
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

    pub(super) fn cmp_afford(a: &Afford, b: &Afford) -> Ordering {
        if let Some(o) = clearly(a.approx, b.approx) {
            return o;
        }
        (&a.rest * big(b.util)).cmp(&(&b.rest * big(a.util)))
    }
}
