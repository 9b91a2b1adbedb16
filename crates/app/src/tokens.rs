//! Secrets sent to people (session cookies, e-mail links): random, and stored
//! only as their SHA-256, so a leaked database cannot be replayed.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// 32 random bytes, hex-encoded.
pub fn new_secret() -> String {
    let mut b = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// The SHA-256 of a secret, as bytes.
pub fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// The SHA-256 of a secret, hex-encoded: the form stored and published.
pub fn hash(secret: &str) -> String {
    hex::encode(digest(secret))
}
