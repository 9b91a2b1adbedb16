//! Secret ballots sealed to the election committee.
//!
//! A ballot is sealed at casting to the round's committee public key (X25519, then
//! HKDF-SHA-256 and ChaCha20-Poly1305, with a fresh ephemeral key per ballot) and stored
//! only in that form while voting runs. The private key exists only as shares held by
//! the committee's members ([`super::shamir`]); the server keeps the public half. After
//! voting closes, enough members bring their shares, the sealed ballots are opened in
//! memory, shuffled, and written out in random order as plain ballots in one
//! transaction. What a database copy taken at any time holds of a ballot before that is
//! a ciphertext of a fixed length per pool; see ARCHITECTURE.md for the threat model.

use super::shamir::{self, Share};
use super::Choice;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hkdf::Hkdf;
use rand_core::CryptoRngCore;
use sha2::{Digest, Sha256};
use x25519_dalek::{PublicKey, StaticSecret};

const KEY_PREFIX: &str = "wsp-pk1-";
const SHARE_PREFIX: &str = "wsp-share1-";
const INFO: &[u8] = b"wspolnota ballot envelope v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SecrecyError {
    #[error("not a committee public key")]
    BadPublicKey,
    #[error("not a committee key share")]
    BadShare,
    #[error("the shares do not open this round's ballots")]
    WrongShares,
    #[error("a sealed ballot could not be opened")]
    Unreadable,
    #[error("the ballot does not fit its envelope")]
    TooLarge,
    #[error("the committee's size or threshold is not valid")]
    BadCommittee,
}

impl SecrecyError {
    pub fn code(self) -> &'static str {
        match self {
            SecrecyError::BadPublicKey => "budget.bad_committee_key",
            SecrecyError::BadShare => "budget.bad_key_share",
            SecrecyError::WrongShares => "budget.wrong_key_shares",
            SecrecyError::Unreadable => "budget.sealed_unreadable",
            SecrecyError::TooLarge => "budget.ballot_too_large",
            SecrecyError::BadCommittee => "budget.bad_committee",
        }
    }
}

/// The committee's public key: the only key the server holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommitteeKey(PublicKey);

impl CommitteeKey {
    pub fn parse(text: &str) -> Result<CommitteeKey, SecrecyError> {
        let hex_part = text
            .trim()
            .strip_prefix(KEY_PREFIX)
            .ok_or(SecrecyError::BadPublicKey)?;
        let bytes: [u8; 32] = hex::decode(hex_part)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(SecrecyError::BadPublicKey)?;
        Ok(CommitteeKey(PublicKey::from(bytes)))
    }

    pub fn as_text(&self) -> String {
        format!("{KEY_PREFIX}{}", hex::encode(self.0.as_bytes()))
    }

    /// Short fingerprint to compare by eye with the one on a member's printed share.
    pub fn fingerprint(&self) -> String {
        hex::encode(&Sha256::digest(self.0.as_bytes())[..6])
    }
}

/// One member's share of the committee's private key, as printed for them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyShare {
    pub threshold: u8,
    pub share: Share,
    /// Fingerprint of the public key the share belongs to.
    pub fingerprint: String,
}

impl KeyShare {
    /// `wsp-share1-<threshold>-<x>-<fingerprint>-<64 hex>-<check>`, where the check is
    /// the first 4 bytes of SHA-256 of what precedes it, so a mistyped share is caught.
    pub fn as_text(&self) -> String {
        let body = format!(
            "{SHARE_PREFIX}{}-{}-{}-{}",
            self.threshold,
            self.share.x,
            self.fingerprint,
            hex::encode(&self.share.y)
        );
        let check = hex::encode(&Sha256::digest(body.as_bytes())[..4]);
        format!("{body}-{check}")
    }

    pub fn parse(text: &str) -> Result<KeyShare, SecrecyError> {
        let cleaned: String = text.split_whitespace().collect();
        let (body, check) = cleaned.rsplit_once('-').ok_or(SecrecyError::BadShare)?;
        if hex::encode(&Sha256::digest(body.as_bytes())[..4]) != check.to_ascii_lowercase() {
            return Err(SecrecyError::BadShare);
        }
        let rest = body
            .strip_prefix(SHARE_PREFIX)
            .ok_or(SecrecyError::BadShare)?;
        let parts: Vec<&str> = rest.split('-').collect();
        let [threshold, x, fingerprint, y] = parts[..] else {
            return Err(SecrecyError::BadShare);
        };
        let y = hex::decode(y).map_err(|_| SecrecyError::BadShare)?;
        if y.len() != 32 {
            return Err(SecrecyError::BadShare);
        }
        Ok(KeyShare {
            threshold: threshold.parse().map_err(|_| SecrecyError::BadShare)?,
            share: Share {
                x: x.parse().map_err(|_| SecrecyError::BadShare)?,
                y,
            },
            fingerprint: fingerprint.to_string(),
        })
    }
}

/// A new committee key: the public half for the round, and `members` shares of the
/// private half, any `threshold` of which open the ballots.
pub fn new_committee(
    rng: &mut impl CryptoRngCore,
    members: u8,
    threshold: u8,
) -> Result<(CommitteeKey, Vec<KeyShare>), SecrecyError> {
    if members == 0 || members > 20 || threshold == 0 || threshold > members {
        return Err(SecrecyError::BadCommittee);
    }
    let secret = StaticSecret::random_from_rng(&mut *rng);
    let public = CommitteeKey(PublicKey::from(&secret));
    let mut coefficients = vec![0u8; usize::from(threshold - 1) * 32];
    rng.fill_bytes(&mut coefficients);
    let shares = shamir::split(&secret.to_bytes(), members, threshold, &coefficients)
        .ok_or(SecrecyError::BadCommittee)?;
    let fingerprint = public.fingerprint();
    Ok((
        public,
        shares
            .into_iter()
            .map(|share| KeyShare {
                threshold,
                share,
                fingerprint: fingerprint.clone(),
            })
            .collect(),
    ))
}

/// The committee's private key, rebuilt in memory from shares for the count only.
pub struct OpeningKey(StaticSecret);

impl OpeningKey {
    /// Rebuilds the private key and checks it against the round's public key.
    pub fn from_shares(
        public: &CommitteeKey,
        shares: &[KeyShare],
    ) -> Result<OpeningKey, SecrecyError> {
        let fingerprint = public.fingerprint();
        if shares.iter().any(|s| s.fingerprint != fingerprint) {
            return Err(SecrecyError::WrongShares);
        }
        let raw: Vec<Share> = shares.iter().map(|s| s.share.clone()).collect();
        let bytes: [u8; 32] = shamir::combine(&raw)
            .and_then(|b| b.try_into().ok())
            .ok_or(SecrecyError::WrongShares)?;
        let secret = StaticSecret::from(bytes);
        if PublicKey::from(&secret) != public.0 {
            return Err(SecrecyError::WrongShares);
        }
        Ok(OpeningKey(secret))
    }
}

fn envelope_cipher(shared: &[u8; 32], ephemeral: &PublicKey, to: &PublicKey) -> ChaCha20Poly1305 {
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(ephemeral.as_bytes());
    salt[32..].copy_from_slice(to.as_bytes());
    let mut key = [0u8; 32];
    // A 32-byte output is always within HKDF-SHA-256's limit.
    let _ = Hkdf::<Sha256>::new(Some(&salt), shared).expand(INFO, &mut key);
    ChaCha20Poly1305::new(Key::from_slice(&key))
}

/// Seals `plain` to the committee: ephemeral public key (32 bytes) ‖ ciphertext.
/// Each envelope has its own key, so the fixed nonce is never reused under a key.
pub fn seal(rng: &mut impl CryptoRngCore, to: &CommitteeKey, plain: &[u8]) -> Vec<u8> {
    let ephemeral = StaticSecret::random_from_rng(&mut *rng);
    let ephemeral_public = PublicKey::from(&ephemeral);
    let shared = ephemeral.diffie_hellman(&to.0);
    let cipher = envelope_cipher(shared.as_bytes(), &ephemeral_public, &to.0);
    let mut out = ephemeral_public.as_bytes().to_vec();
    // Encryption into a Vec cannot fail for inputs far below ChaCha20's limit.
    out.extend(
        cipher
            .encrypt(Nonce::from_slice(&[0u8; 12]), plain)
            .unwrap_or_default(),
    );
    out
}

/// Opens an envelope made by [`seal`].
pub fn open(key: &OpeningKey, envelope: &[u8]) -> Result<Vec<u8>, SecrecyError> {
    if envelope.len() < 32 + 16 {
        return Err(SecrecyError::Unreadable);
    }
    let (eph, ct) = envelope.split_at(32);
    let eph: [u8; 32] = eph.try_into().map_err(|_| SecrecyError::Unreadable)?;
    let eph = PublicKey::from(eph);
    let shared = key.0.diffie_hellman(&eph);
    let cipher = envelope_cipher(shared.as_bytes(), &eph, &PublicKey::from(&key.0));
    cipher
        .decrypt(Nonce::from_slice(&[0u8; 12]), ct)
        .map_err(|_| SecrecyError::Unreadable)
}

/// What an envelope holds: who cast it (a hash of the voter's identity in the round's
/// register, needed only if the committee must void that person's ballots), the hash
/// of the voter's receipt, and the choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedBallot {
    pub voter: [u8; 32],
    pub receipt_hash: [u8; 32],
    pub choices: Vec<Choice>,
}

/// The plain length of every envelope of a pool with `on_ballot` projects: each
/// project at most once, as `id:points,` of at most 32 bytes. Every ballot is padded
/// to it, so a ciphertext's length says nothing about how many projects it picks.
pub fn padded_len(on_ballot: usize) -> usize {
    1 + 32 + 32 + 2 + 32 * on_ballot.max(1)
}

impl SealedBallot {
    pub fn to_bytes(&self, on_ballot: usize) -> Result<Vec<u8>, SecrecyError> {
        let text = super::encode_ballot(&self.choices);
        let len = padded_len(on_ballot);
        if 67 + text.len() > len || text.len() > usize::from(u16::MAX) {
            return Err(SecrecyError::TooLarge);
        }
        let mut out = Vec::with_capacity(len);
        out.push(1u8);
        out.extend_from_slice(&self.voter);
        out.extend_from_slice(&self.receipt_hash);
        out.extend_from_slice(&(text.len() as u16).to_be_bytes());
        out.extend_from_slice(text.as_bytes());
        out.resize(len, 0);
        Ok(out)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SealedBallot, SecrecyError> {
        if bytes.len() < 67 || bytes[0] != 1 {
            return Err(SecrecyError::Unreadable);
        }
        let arr = |r: std::ops::Range<usize>| -> [u8; 32] {
            let mut a = [0u8; 32];
            a.copy_from_slice(&bytes[r]);
            a
        };
        let n = usize::from(u16::from_be_bytes([bytes[65], bytes[66]]));
        let text = bytes.get(67..67 + n).ok_or(SecrecyError::Unreadable)?;
        let text = std::str::from_utf8(text).map_err(|_| SecrecyError::Unreadable)?;
        Ok(SealedBallot {
            voter: arr(1..33),
            receipt_hash: arr(33..65),
            choices: super::decode_ballot(text).ok_or(SecrecyError::Unreadable)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;
    use rand::SeedableRng;

    fn ballot() -> SealedBallot {
        SealedBallot {
            voter: [7u8; 32],
            receipt_hash: [9u8; 32],
            choices: vec![
                Choice {
                    project: 12,
                    points: 1,
                },
                Choice {
                    project: 40,
                    points: 1,
                },
            ],
        }
    }

    #[test]
    fn sealed_ballots_open_with_enough_shares_only() {
        let mut rng = StdRng::seed_from_u64(1);
        let (public, shares) = new_committee(&mut rng, 3, 2).unwrap();
        let plain = ballot().to_bytes(5).unwrap();
        let envelope = seal(&mut rng, &public, &plain);
        let key = OpeningKey::from_shares(&public, &shares[1..]).unwrap();
        let opened = SealedBallot::from_bytes(&open(&key, &envelope).unwrap()).unwrap();
        assert_eq!(opened, ballot());
        assert!(matches!(
            OpeningKey::from_shares(&public, &shares[..1]),
            Err(SecrecyError::WrongShares)
        ));
        // A share of another committee is refused by its fingerprint.
        let (_, others) = new_committee(&mut rng, 3, 2).unwrap();
        assert!(matches!(
            OpeningKey::from_shares(&public, &[shares[0].clone(), others[1].clone()]),
            Err(SecrecyError::WrongShares)
        ));
    }

    #[test]
    fn envelopes_of_a_pool_have_one_length_and_differ_each_time() {
        let mut rng = StdRng::seed_from_u64(2);
        let (public, _) = new_committee(&mut rng, 1, 1).unwrap();
        let short = SealedBallot {
            choices: vec![Choice {
                project: 1,
                points: 1,
            }],
            ..ballot()
        };
        let a = seal(&mut rng, &public, &short.to_bytes(5).unwrap());
        let b = seal(&mut rng, &public, &ballot().to_bytes(5).unwrap());
        let c = seal(&mut rng, &public, &ballot().to_bytes(5).unwrap());
        assert_eq!(a.len(), b.len());
        assert_ne!(b, c, "the same ballot sealed twice must not look the same");
    }

    #[test]
    fn tampering_and_bad_text_are_caught() {
        let mut rng = StdRng::seed_from_u64(3);
        let (public, shares) = new_committee(&mut rng, 1, 1).unwrap();
        let key = OpeningKey::from_shares(&public, &shares).unwrap();
        let mut envelope = seal(&mut rng, &public, &ballot().to_bytes(3).unwrap());
        envelope[40] ^= 1;
        assert_eq!(open(&key, &envelope), Err(SecrecyError::Unreadable));
        assert_eq!(open(&key, &[1, 2, 3]), Err(SecrecyError::Unreadable));
        assert_eq!(
            CommitteeKey::parse(&public.as_text()).unwrap(),
            public,
            "the key's text form reads back"
        );
        assert!(CommitteeKey::parse("wsp-pk1-zz").is_err());
        let text = shares[0].as_text();
        assert_eq!(KeyShare::parse(&text).unwrap(), shares[0]);
        // One wrong character fails the check.
        let mut typo = text.clone().into_bytes();
        let i = typo.len() - 20;
        typo[i] = if typo[i] == b'0' { b'1' } else { b'0' };
        assert_eq!(
            KeyShare::parse(&String::from_utf8(typo).unwrap()),
            Err(SecrecyError::BadShare)
        );
        assert!(ballot().to_bytes(0).is_ok());
        let many = SealedBallot {
            choices: (0..10)
                .map(|p| Choice {
                    project: p,
                    points: 1,
                })
                .collect(),
            ..ballot()
        };
        assert_eq!(many.to_bytes(1), Err(SecrecyError::TooLarge));
    }

    #[test]
    fn committee_sizes() {
        let mut rng = StdRng::seed_from_u64(4);
        assert!(new_committee(&mut rng, 0, 0).is_err());
        assert!(new_committee(&mut rng, 2, 3).is_err());
        assert!(new_committee(&mut rng, 5, 3).is_ok());
    }
}
