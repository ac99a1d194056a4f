//! Wrong PINs lock the pad: after five in a row it refuses every PIN for 30 seconds, and each
//! further lockout doubles the wait (up to an hour). Time is whatever clock the caller uses
//! (the kiosk passes egui's input time), so tests can drive it.

/// Wrong PINs allowed in a row before the pad locks.
pub const TRIES_BEFORE_LOCKOUT: u32 = 5;
/// How long the first lockout lasts.
pub const FIRST_LOCKOUT_SECS: f64 = 30.0;
/// The longest a lockout lasts.
pub const MAX_LOCKOUT_SECS: f64 = 3600.0;

/// Whether a PIN may be tried now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PinCheck {
    /// Yes; this many wrong PINs are left before the pad locks.
    Open {
        /// Tries left before a lockout.
        tries_left: u32,
    },
    /// No: the pad is locked for this long.
    Locked {
        /// Seconds until a PIN may be tried again.
        secs_left: f64,
    },
}

/// Counts wrong PINs and locks the pad for a growing time. It belongs to the kiosk, not to a
/// visit: a session reset does not give a guesser fresh tries.
#[derive(Clone, Debug, Default)]
pub struct PinLockout {
    wrong_in_a_row: u32,
    lockouts: u32,
    locked_until_secs: Option<f64>,
}

impl PinLockout {
    /// Whether a PIN may be tried at `now_secs`.
    pub fn check(&self, now_secs: f64) -> PinCheck {
        match self.locked_until_secs {
            Some(until_secs) if now_secs < until_secs => PinCheck::Locked {
                secs_left: until_secs - now_secs,
            },
            _ => PinCheck::Open {
                tries_left: TRIES_BEFORE_LOCKOUT - self.wrong_in_a_row,
            },
        }
    }

    /// A wrong PIN at `now_secs`; the fifth in a row locks the pad.
    pub fn wrong(&mut self, now_secs: f64) {
        self.wrong_in_a_row += 1;
        if self.wrong_in_a_row >= TRIES_BEFORE_LOCKOUT {
            let lockout_secs = (FIRST_LOCKOUT_SECS * 2_f64.powi(self.lockouts.min(16) as i32))
                .min(MAX_LOCKOUT_SECS);
            self.lockouts += 1;
            self.wrong_in_a_row = 0;
            self.locked_until_secs = Some(now_secs + lockout_secs);
            log::warn!(
                "{TRIES_BEFORE_LOCKOUT} wrong staff PINs in a row: the PIN pad is locked for \
                 {lockout_secs} s"
            );
        }
    }

    /// The right PIN: the count starts over.
    pub fn right(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five_wrong(lockout: &mut PinLockout, now_secs: f64) {
        for _ in 0..TRIES_BEFORE_LOCKOUT {
            assert!(matches!(lockout.check(now_secs), PinCheck::Open { .. }));
            lockout.wrong(now_secs);
        }
    }

    #[test]
    fn five_wrong_pins_lock_for_a_growing_time() {
        let mut lockout = PinLockout::default();
        assert_eq!(lockout.check(0.0), PinCheck::Open { tries_left: 5 });
        lockout.wrong(0.0);
        assert_eq!(lockout.check(0.0), PinCheck::Open { tries_left: 4 });
        for _ in 1..TRIES_BEFORE_LOCKOUT {
            lockout.wrong(1.0);
        }
        assert_eq!(lockout.check(1.0), PinCheck::Locked { secs_left: 30.0 });
        assert_eq!(lockout.check(30.0), PinCheck::Locked { secs_left: 1.0 });
        assert_eq!(lockout.check(31.0), PinCheck::Open { tries_left: 5 });
        five_wrong(&mut lockout, 40.0);
        assert_eq!(lockout.check(40.0), PinCheck::Locked { secs_left: 60.0 });
        five_wrong(&mut lockout, 100.0);
        assert_eq!(lockout.check(100.0), PinCheck::Locked { secs_left: 120.0 });
        let mut now_secs = 100.0;
        for _ in 0..10 {
            now_secs += MAX_LOCKOUT_SECS + 1.0;
            five_wrong(&mut lockout, now_secs);
        }
        assert_eq!(
            lockout.check(now_secs),
            PinCheck::Locked {
                secs_left: MAX_LOCKOUT_SECS
            },
            "capped at an hour"
        );
    }

    #[test]
    fn the_right_pin_resets_the_count() {
        let mut lockout = PinLockout::default();
        for _ in 0..TRIES_BEFORE_LOCKOUT - 1 {
            lockout.wrong(0.0);
        }
        lockout.right();
        lockout.wrong(0.0);
        assert_eq!(lockout.check(0.0), PinCheck::Open { tries_left: 4 });
    }
}
