//! Proofs of identity: passwords (argon2id) and time-based one-time codes (RFC 6238,
//! the codes authenticator apps show).

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use hmac::{Hmac, Mac};
use rand::RngCore;

/// An argon2id hash (PHC string, salt and parameters included).
pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .expect("argon2 with default parameters accepts any password")
}

/// Whether `password` matches the stored hash.
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A hash that no password matches, checked against when an account does not exist so
/// that a wrong address takes as long as a wrong password.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password(&praxis_store::new_secret()))
}

const STEP_SECONDS: i64 = 30;
const ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// A new 160-bit two-factor secret in base32, as authenticator apps take it.
pub fn new_totp_secret() -> String {
    let mut bytes = [0u8; 20];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base32(&bytes)
}

pub fn base32(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(ALPHABET[((buffer << (5 - bits)) & 31) as usize] as char);
    }
    out
}

pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut buffer: u32 = 0;
    let mut bits = 0;
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != '=') {
        let value = ALPHABET.iter().position(|&a| a as char == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | value;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

/// The six-digit code for a time step.
pub fn totp_code(secret: &str, step: i64) -> Option<String> {
    let key = base32_decode(secret)?;
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(&key).ok()?;
    mac.update(&step.to_be_bytes());
    let digest = mac.finalize().into_bytes();
    let offset = usize::from(digest[19] & 0x0f);
    let value = u32::from_be_bytes([
        digest[offset] & 0x7f,
        digest[offset + 1],
        digest[offset + 2],
        digest[offset + 3],
    ]);
    Some(format!("{:06}", value % 1_000_000))
}

pub fn current_step(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// The time step whose code `code` is, accepting one step of clock drift either way.
pub fn totp_matches(secret: &str, code: &str, unix_seconds: i64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 {
        return None;
    }
    let now = current_step(unix_seconds);
    (now - 1..=now + 1).find(|step| totp_code(secret, *step).is_some_and(|expected| expected == code))
}

/// The `otpauth://` address an authenticator app reads (also shown as text to type in).
pub fn otpauth_uri(secret: &str, email: &str) -> String {
    let label: String = form_urlencoded::byte_serialize(format!("Praxis:{email}").as_bytes()).collect();
    format!("otpauth://totp/{label}?secret={secret}&issuer=Praxis&algorithm=SHA1&digits=6&period=30")
}

/// A stable key for counting what one client sends (throttling), without keeping the
/// client's address: SHA-256 of the purpose and the address, so every node, whatever
/// it was built with, counts the same client under the same key.
pub fn client_key(purpose: &str, address: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(format!("praxis:{purpose}:{address}").as_bytes());
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// Whether a secret someone sent is the one configured, compared as digests of equal
/// length, so the time taken says nothing of the secret.
pub fn same_secret(sent: &str, configured: &str) -> bool {
    praxis_store::secret_hash(sent) == praxis_store::secret_hash(configured)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_verify_only_themselves() {
        let hash = hash_password("correct horse battery");
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery", &hash));
        assert!(!verify_password("correct horse batterY", &hash));
        assert!(!verify_password("anything", "not a hash"));
    }

    #[test]
    fn totp_matches_rfc_6238_vectors() {
        // RFC 6238 appendix B, SHA-1, secret "12345678901234567890", truncated to 6 digits.
        let secret = base32(b"12345678901234567890");
        assert_eq!(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert_eq!(totp_code(&secret, current_step(59)).unwrap(), "287082");
        assert_eq!(totp_code(&secret, current_step(1_111_111_109)).unwrap(), "081804");
        assert_eq!(totp_code(&secret, current_step(1_234_567_890)).unwrap(), "005924");
        assert_eq!(totp_code(&secret, current_step(2_000_000_000)).unwrap(), "279037");
    }

    #[test]
    fn codes_allow_one_step_of_drift() {
        let secret = new_totp_secret();
        assert_eq!(base32_decode(&secret).unwrap().len(), 20);
        let now = 1_800_000_000;
        let previous = totp_code(&secret, current_step(now) - 1).unwrap();
        assert_eq!(totp_matches(&secret, &previous, now), Some(current_step(now) - 1));
        let old = totp_code(&secret, current_step(now) - 3).unwrap();
        assert_eq!(totp_matches(&secret, &old, now), None);
        assert_eq!(totp_matches(&secret, "12345", now), None);
    }

    #[test]
    fn client_keys_are_the_same_on_every_build() {
        // SHA-256, not the standard library's hasher, whose output may change between
        // Rust releases: nodes built apart must count one client under one key.
        assert_eq!(client_key("calls-throttle", "203.0.113.7"), "68b46070ef75c6fc1f99d6b1b47d7397");
        assert_ne!(client_key("calls-throttle", "203.0.113.7"), client_key("reports", "203.0.113.7"));
    }
}
