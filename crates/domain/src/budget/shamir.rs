//! Shamir's secret sharing over GF(2⁸), byte by byte: a secret is split into `n`
//! shares so that any `t` of them rebuild it and fewer tell nothing about it. The
//! election committee's key is held this way, so no single member can open ballots.

/// Multiplication in GF(2⁸) with the AES polynomial x⁸ + x⁴ + x³ + x + 1.
fn mul(mut a: u8, mut b: u8) -> u8 {
    let mut product = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            product ^= a;
        }
        let carry = a & 0x80 != 0;
        a <<= 1;
        if carry {
            a ^= 0x1b;
        }
        b >>= 1;
    }
    product
}

/// The multiplicative inverse, as a²⁵⁴ (every non-zero element has order dividing 255).
fn inv(a: u8) -> u8 {
    let mut result = 1u8;
    let mut base = a;
    let mut exp = 254u8;
    while exp != 0 {
        if exp & 1 != 0 {
            result = mul(result, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    result
}

/// One share: the x at which the polynomials were evaluated, and one y per byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Share {
    pub x: u8,
    pub y: Vec<u8>,
}

/// Splits `secret` into `n` shares, any `threshold` of which rebuild it.
/// `coefficients` supplies the random coefficients: `(threshold - 1) * secret.len()`
/// bytes from a cryptographic source (the caller owns randomness; this module does none).
pub fn split(secret: &[u8], n: u8, threshold: u8, coefficients: &[u8]) -> Option<Vec<Share>> {
    if threshold == 0 || threshold > n {
        return None;
    }
    let degree = usize::from(threshold - 1);
    if coefficients.len() != degree * secret.len() {
        return None;
    }
    let shares = (1..=n)
        .map(|x| {
            let y = secret
                .iter()
                .enumerate()
                .map(|(i, &s)| {
                    // Horner's rule over s + c₁x + … + c_{t-1}x^{t-1}.
                    let coeffs = &coefficients[i * degree..(i + 1) * degree];
                    let high = coeffs.iter().rev().fold(0u8, |acc, &c| mul(acc, x) ^ c);
                    mul(high, x) ^ s
                })
                .collect();
            Share { x, y }
        })
        .collect();
    Some(shares)
}

/// Rebuilds the secret from shares by Lagrange interpolation at zero. Shares with the
/// same x, or of different lengths, give `None`. Too few shares give a wrong secret,
/// which the caller detects (the committee key is checked against its public half).
pub fn combine(shares: &[Share]) -> Option<Vec<u8>> {
    let first = shares.first()?;
    let len = first.y.len();
    for (i, s) in shares.iter().enumerate() {
        if s.x == 0 || s.y.len() != len || shares[..i].iter().any(|o| o.x == s.x) {
            return None;
        }
    }
    let mut secret = vec![0u8; len];
    for (j, sj) in shares.iter().enumerate() {
        // Lagrange basis at 0: Π x_m / (x_m − x_j); minus is xor in GF(2⁸).
        let mut num = 1u8;
        let mut den = 1u8;
        for (m, sm) in shares.iter().enumerate() {
            if m != j {
                num = mul(num, sm.x);
                den = mul(den, sm.x ^ sj.x);
            }
        }
        let basis = mul(num, inv(den));
        for (b, &y) in secret.iter_mut().zip(&sj.y) {
            *b ^= mul(y, basis);
        }
    }
    Some(secret)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_arithmetic() {
        // The worked example of FIPS-197 §4.2: {57} · {83} = {c1}.
        assert_eq!(mul(0x57, 0x83), 0xc1);
        for a in 1..=255u8 {
            assert_eq!(mul(a, inv(a)), 1, "inverse of {a}");
        }
    }

    #[test]
    fn any_threshold_of_shares_rebuilds_the_secret() {
        let secret: Vec<u8> = (0..32).map(|i| (i * 37 + 11) as u8).collect();
        let coefficients: Vec<u8> = (0..64).map(|i| (i * 101 + 7) as u8).collect();
        let shares = split(&secret, 4, 3, &coefficients).unwrap();
        assert_eq!(shares.len(), 4);
        for skip in 0..4 {
            let three: Vec<Share> = shares
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, s)| s.clone())
                .collect();
            assert_eq!(combine(&three).unwrap(), secret);
        }
        // Two shares of a 3-of-4 split give something else.
        assert_ne!(combine(&shares[..2]).unwrap(), secret);
    }

    #[test]
    fn one_of_one_is_the_secret_itself() {
        let secret = vec![9u8, 8, 7];
        let shares = split(&secret, 1, 1, &[]).unwrap();
        assert_eq!(shares[0].y, secret);
        assert_eq!(combine(&shares).unwrap(), secret);
    }

    #[test]
    fn bad_inputs() {
        assert!(split(&[1], 2, 3, &[0, 0]).is_none());
        assert!(split(&[1], 2, 2, &[]).is_none());
        let a = Share { x: 1, y: vec![1] };
        assert!(combine(&[a.clone(), a.clone()]).is_none());
        assert!(combine(&[
            a,
            Share {
                x: 2,
                y: vec![1, 2]
            }
        ])
        .is_none());
        assert!(combine(&[]).is_none());
    }
}
