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

/// Compares two secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// A key for one purpose, derived from the instance's secret (kept outside the database).
fn purpose_key(instance_secret: &[u8], purpose: &str) -> [u8; 32] {
    use hmac::{Hmac, Mac};
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(instance_secret)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(purpose.as_bytes());
    mac.finalize().into_bytes().into()
}

/// Seals a secret with the instance's key, so that a copy of the database alone does
/// not reveal it: hex of nonce ‖ ChaCha20-Poly1305 ciphertext.
pub fn seal(instance_secret: &[u8], plain: &str) -> String {
    use chacha20poly1305::aead::{Aead, KeyInit};
    use chacha20poly1305::{ChaCha20Poly1305, Nonce};
    let cipher = ChaCha20Poly1305::new(&purpose_key(instance_secret, "sealed-secret-v1").into());
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), plain.as_bytes())
        .unwrap_or_else(|_| unreachable!("encryption of a short text cannot fail"));
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    hex::encode(out)
}

/// Opens what [`seal`] sealed; `None` if it was sealed with another key or altered.
pub fn open(instance_secret: &[u8], sealed: &str) -> Option<String> {
    use chacha20poly1305::aead::{Aead, KeyInit};
    use chacha20poly1305::{ChaCha20Poly1305, Nonce};
    let bytes = hex::decode(sealed).ok()?;
    if bytes.len() < 12 {
        return None;
    }
    let (nonce, body) = bytes.split_at(12);
    let cipher = ChaCha20Poly1305::new(&purpose_key(instance_secret, "sealed-secret-v1").into());
    let plain = cipher.decrypt(Nonce::from_slice(nonce), body).ok()?;
    String::from_utf8(plain).ok()
}

fn device_tag(instance_secret: &[u8], email: &str, nonce: &str) -> String {
    use hmac::{Hmac, Mac};
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(&purpose_key(instance_secret, "device-cookie-v1"))
            .unwrap_or_else(|_| unreachable!("HMAC takes keys of any length"));
    mac.update(nonce.as_bytes());
    mac.update(b"\0");
    mac.update(email.as_bytes());
    hex::encode(&mac.finalize().into_bytes()[..16])
}

/// A device cookie: proof that this browser logged in to `email` before.
pub fn device_cookie(instance_secret: &[u8], email: &str) -> String {
    let mut b = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut b);
    let nonce = hex::encode(b);
    let tag = device_tag(instance_secret, email, &nonce);
    format!("{nonce}.{tag}")
}

/// The cookie's own id if it is a genuine device cookie for `email`.
pub fn device_id(instance_secret: &[u8], email: &str, cookie: &str) -> Option<String> {
    let (nonce, tag) = cookie.split_once('.')?;
    if nonce.len() != 24 || !nonce.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    same_secret(&device_tag(instance_secret, email, nonce), tag).then(|| nonce.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_secrets_open_only_with_their_key() {
        let sealed = seal(b"key one", "abc123");
        assert!(!sealed.contains("abc123"));
        assert_eq!(open(b"key one", &sealed).as_deref(), Some("abc123"));
        assert_eq!(open(b"key two", &sealed), None);
        assert_eq!(open(b"key one", "00"), None);
    }

    #[test]
    fn a_device_cookie_belongs_to_one_address_and_one_instance() {
        let c = device_cookie(b"k", "ala@example.pl");
        assert!(device_id(b"k", "ala@example.pl", &c).is_some());
        assert_eq!(device_id(b"k", "ola@example.pl", &c), None);
        assert_eq!(device_id(b"other", "ala@example.pl", &c), None);
        assert_eq!(device_id(b"k", "ala@example.pl", "zz.zz"), None);
    }
}
