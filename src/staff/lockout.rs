//! Wrong PINs lock the pad: after five in a row it refuses every PIN for 30 seconds, and each
//! further lockout doubles the wait (up to an hour). Time is whatever clock the caller uses
//! (the kiosk passes egui's input time), so tests can drive it. [`SavedLockout`] keeps the
//! count in a file, so a restart, a crash or a power cycle gives a guesser no fresh tries.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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

/// The lockout as saved: wall-clock time, so it outlives the process.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedState {
    wrong_in_a_row: u32,
    lockouts: u32,
    /// Seconds since 1970 until which the pad is locked.
    locked_until_unix_secs: Option<f64>,
}

fn unix_now_secs() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |since| since.as_secs_f64())
}

/// A [`PinLockout`] kept in a file (with its folder, 0600 in 0700), written after every
/// wrong or right PIN. A file that cannot be read counts as a full lockout's worth of wrong
/// tries, never as none.
#[derive(Clone, Debug, Default)]
pub struct SavedLockout {
    lockout: PinLockout,
    path: Option<PathBuf>,
}

impl SavedLockout {
    /// The lockout saved at `path` (none yet: a fresh one), on the caller's clock at `now_secs`.
    pub fn open(path: PathBuf, now_secs: f64) -> Self {
        let lockout = match std::fs::read_to_string(&path) {
            Ok(text) => match ron::from_str::<SavedState>(&text) {
                Ok(saved) => PinLockout {
                    wrong_in_a_row: saved.wrong_in_a_row.min(TRIES_BEFORE_LOCKOUT - 1),
                    lockouts: saved.lockouts,
                    locked_until_secs: saved.locked_until_unix_secs.map(|until| {
                        // Never longer than the longest lockout, whatever the file says.
                        now_secs + (until - unix_now_secs()).clamp(0.0, MAX_LOCKOUT_SECS)
                    }),
                },
                Err(error) => {
                    log::warn!(
                        "{}: the PIN lockout cannot be read ({error}); the pad starts locked",
                        path.display()
                    );
                    Self::locked(now_secs)
                }
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => PinLockout::default(),
            Err(error) => {
                log::warn!(
                    "{}: the PIN lockout cannot be read ({error}); the pad starts locked",
                    path.display()
                );
                Self::locked(now_secs)
            }
        };
        Self {
            lockout,
            path: Some(path),
        }
    }

    /// A pad locked for the first lockout's time from `now_secs`.
    fn locked(now_secs: f64) -> PinLockout {
        PinLockout {
            wrong_in_a_row: 0,
            lockouts: 1,
            locked_until_secs: Some(now_secs + FIRST_LOCKOUT_SECS),
        }
    }

    /// Whether a PIN may be tried at `now_secs`.
    pub fn check(&self, now_secs: f64) -> PinCheck {
        self.lockout.check(now_secs)
    }

    /// A wrong PIN at `now_secs`, saved.
    pub fn wrong(&mut self, now_secs: f64) {
        self.lockout.wrong(now_secs);
        self.save(now_secs);
    }

    /// The right PIN at `now_secs`, saved.
    pub fn right(&mut self, now_secs: f64) {
        self.lockout.right();
        self.save(now_secs);
    }

    fn save(&self, now_secs: f64) {
        let Some(path) = &self.path else {
            return;
        };
        let saved = SavedState {
            wrong_in_a_row: self.lockout.wrong_in_a_row,
            lockouts: self.lockout.lockouts,
            locked_until_unix_secs: (self.lockout.locked_until_secs)
                .map(|until| unix_now_secs() + (until - now_secs).max(0.0)),
        };
        if let Err(error) = write_private(path, &ron::to_string(&saved).unwrap_or_default()) {
            log::warn!(
                "{}: the PIN lockout cannot be saved ({error})",
                path.display()
            );
        }
    }
}

/// Writes `text` to `path` whole (a temporary file renamed over it), 0600 in a 0700 folder.
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        crate::private_files::create_private_folder(folder)?;
    }
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".new");
    let mut file = (crate::private_files::private_options())
        .write(true)
        .create(true)
        .truncate(true)
        .open(&temporary)?;
    file.write_all(text.as_bytes())?;
    file.sync_all()?;
    std::fs::rename(&temporary, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_and_the_lockout_outlive_a_restart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("state/lockout.ron");
        let mut first = SavedLockout::open(path.clone(), 100.0);
        for _ in 0..3 {
            first.wrong(100.0);
        }
        // A restart: a new process, its clock from 0.
        let second = SavedLockout::open(path.clone(), 0.0);
        assert_eq!(second.check(0.0), PinCheck::Open { tries_left: 2 });
        let mut second = second;
        second.wrong(0.0);
        second.wrong(0.0);
        let PinCheck::Locked { secs_left } = second.check(0.0) else {
            panic!("five wrong in all lock the pad");
        };
        assert!((secs_left - FIRST_LOCKOUT_SECS).abs() < 0.01);
        let third = SavedLockout::open(path.clone(), 5.0);
        let PinCheck::Locked { secs_left } = third.check(5.0) else {
            panic!("still locked after a restart");
        };
        assert!(secs_left > FIRST_LOCKOUT_SECS - 2.0 && secs_left <= FIRST_LOCKOUT_SECS);
        let mut fourth = SavedLockout::open(path.clone(), 0.0);
        fourth.right(0.0);
        assert_eq!(
            SavedLockout::open(path.clone(), 0.0).check(0.0),
            PinCheck::Open { tries_left: 5 }
        );
        std::fs::write(&path, "garbage").expect("spoil");
        assert!(matches!(
            SavedLockout::open(path, 0.0).check(0.0),
            PinCheck::Locked { .. }
        ));
    }

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
