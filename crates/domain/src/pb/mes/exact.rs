//! Exact-arithmetic helpers of the engine: the certified `f64` filter, a fast hasher for
//! small integer keys, and small conversions.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Relative margin beyond which an `f64` comparison is trusted.
pub(super) const MARGIN: f64 = 1e-9;

/// A small fast hasher for integer keys (FxHash-style multiply-rotate).
#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher(u64);

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

pub(super) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// `n / d` as an `f64` with full relative precision (no overflow for huge operands).
pub(super) fn ratio_f64(n: &BigInt, d: &BigInt) -> f64 {
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
pub(super) fn clearly(a: f64, b: f64) -> Option<Ordering> {
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

pub(super) fn big(x: impl Into<BigInt>) -> BigInt {
    x.into()
}

pub(super) fn gcd_u128(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.max(1)
}
