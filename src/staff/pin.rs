//! The staff PIN: 4 to 8 digits, stored only as an argon2 hash (a PHC string such as
//! `$argon2id$v=19$m=19456,t=2,p=1$...`), so the settings file never holds the PIN itself.

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// Fewest digits a PIN may have.
pub const MIN_PIN_DIGITS: usize = 4;
/// Most digits a PIN may have (the PIN pad stops taking digits there).
pub const MAX_PIN_DIGITS: usize = 8;

/// Why a PIN cannot be set.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PinError {
    /// Not 4 to 8 digits.
    #[error("a PIN is {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits (0-9), nothing else")]
    NotDigits,
    /// The hashing library failed.
    #[error("the PIN could not be hashed: {0}")]
    Hashing(String),
}

/// The memory argon2 takes to hash a PIN, in KiB (128 MiB).
///
/// Measured on our 2-core kiosk computer (release build, `set-pin`): the library's defaults
/// (19 MiB, 2 passes) took 0.02 s a hash, so all 10,000 four-digit PINs fell to an offline
/// search of a copied settings file in about 3 minutes. These settings take about 0.3 s and
/// 130 MB per check, which a staff member waiting at the pad does not notice, and make the same
/// search on that computer take about 50 minutes, on memory a GPU cannot spread thin. A longer
/// PIN (up to 8 digits) multiplies it by 10 a digit; the file itself is 0600.
pub const PIN_HASH_MEMORY_KIB: u32 = 128 * 1024;
/// Argon2's passes over that memory.
pub const PIN_HASH_PASSES: u32 = 4;

/// Hashes a new PIN with argon2id and a random salt, after checking it is 4 to 8 digits.
pub fn hash_pin(pin: &str) -> Result<String, PinError> {
    let params = argon2::Params::new(PIN_HASH_MEMORY_KIB, PIN_HASH_PASSES, 1, None)
        .map_err(|error| PinError::Hashing(error.to_string()))?;
    let argon2 = Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    hash_pin_with(&argon2, pin)
}

/// Like [`hash_pin`] with chosen argon2 settings (tests use cheap ones; verification reads the
/// settings back from the hash).
pub fn hash_pin_with(argon2: &Argon2<'_>, pin: &str) -> Result<String, PinError> {
    let digits = pin.chars().count();
    if !(MIN_PIN_DIGITS..=MAX_PIN_DIGITS).contains(&digits)
        || !pin.chars().all(|c| c.is_ascii_digit())
    {
        return Err(PinError::NotDigits);
    }
    let salt = SaltString::generate(&mut OsRng);
    argon2
        .hash_password(pin.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|error| PinError::Hashing(error.to_string()))
}

/// What is wrong with a stored PIN hash, if anything: it must be an argon2 hash as
/// [`hash_pin`] writes it (a hash of anything else, or garbage, could never match a PIN, and
/// every try would burn one of the staff's).
pub fn pin_hash_problem(hash: &str) -> Option<String> {
    let parsed = match PasswordHash::new(hash) {
        Ok(parsed) => parsed,
        Err(error) => return Some(format!("is not a PIN hash ({error})")),
    };
    if !parsed.algorithm.as_str().starts_with("argon2") {
        return Some(format!("is a {} hash, not argon2", parsed.algorithm));
    }
    if parsed.hash.is_none() || parsed.salt.is_none() {
        return Some("has no salt or no hash in it".to_owned());
    }
    argon2::Params::try_from(&parsed)
        .err()
        .map(|error| format!("has argon2 settings that cannot be used ({error})"))
}

/// Whether `pin` is the PIN `hash` was made from. A malformed hash matches nothing.
pub fn pin_matches(hash: &str, pin: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        log::error!("the staff PIN hash in the settings is not an argon2 hash; no PIN matches it");
        return false;
    };
    Argon2::default()
        .verify_password(pin.as_bytes(), &parsed)
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cheap settings so the tests run fast in a debug build.
    fn cheap() -> Argon2<'static> {
        let params = argon2::Params::new(1024, 1, 1, None).expect("valid argon2 params");
        Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
    }

    #[test]
    fn the_right_pin_matches_and_others_do_not() {
        let hash = hash_pin_with(&cheap(), "2468").expect("a valid PIN");
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!hash.contains("2468"), "the hash does not hold the PIN");
        assert!(pin_matches(&hash, "2468"));
        assert!(!pin_matches(&hash, "2469"));
        assert!(!pin_matches(&hash, ""));
        assert!(!pin_matches("not a hash", "2468"));
    }

    #[test]
    fn a_garbage_or_foreign_hash_is_a_problem_and_a_real_one_is_not() {
        let hash = hash_pin_with(&cheap(), "2468").expect("a valid PIN");
        assert_eq!(pin_hash_problem(&hash), None);
        assert!(pin_hash_problem("not a hash").is_some());
        assert!(pin_hash_problem("").is_some());
        assert!(pin_hash_problem("$argon2id$v=19$m=1024,t=1,p=1").is_some());
        let foreign = "$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
        assert!(pin_hash_problem(foreign).is_some_and(|p| p.contains("not argon2")));
    }

    #[test]
    fn a_new_pin_is_hashed_with_the_measured_settings() {
        let hash = hash_pin("2468").expect("a valid PIN");
        assert!(
            hash.starts_with(&format!(
                "$argon2id$v=19$m={PIN_HASH_MEMORY_KIB},t={PIN_HASH_PASSES},p=1$"
            )),
            "{hash}"
        );
        assert!(pin_matches(&hash, "2468"));
    }

    #[test]
    fn the_same_pin_hashes_differently_each_time() {
        let first = hash_pin_with(&cheap(), "1357").expect("valid");
        let second = hash_pin_with(&cheap(), "1357").expect("valid");
        assert_ne!(first, second, "a random salt each time");
    }

    #[test]
    fn only_4_to_8_digits_make_a_pin() {
        for bad in ["123", "123456789", "12a4", "12 34", ""] {
            assert_eq!(
                hash_pin_with(&cheap(), bad),
                Err(PinError::NotDigits),
                "{bad:?}"
            );
        }
        for good in ["1234", "12345678"] {
            assert!(hash_pin_with(&cheap(), good).is_ok(), "{good:?}");
        }
    }
}
