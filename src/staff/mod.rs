//! Staff access, free of egui: the PIN (kept only as an argon2 hash) and the lockout after wrong
//! guesses. The hidden gesture, the PIN pad and the staff menu that use them are in
//! [`crate::app`] and [`crate::screens`].

mod lockout;
mod pin;

pub use lockout::{FIRST_LOCKOUT_SECS, PinCheck, PinLockout, SavedLockout, TRIES_BEFORE_LOCKOUT};
pub use pin::{
    MAX_PIN_DIGITS, MIN_PIN_DIGITS, PinError, hash_pin, hash_pin_with, pin_hash_problem,
    pin_matches,
};
