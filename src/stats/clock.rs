//! The wall clock that stamps a visit with the hour it started, injectable for tests.

use std::sync::{Arc, Mutex, PoisonError};

use jiff::civil::{Date, DateTime};

/// Tells the hour a visit started, as an hour stamp like `"2026-11-24T08"` (local time).
pub trait WallClock: Send {
    /// The current local hour as an hour stamp (see [`hour_stamp`]).
    fn hour_stamp(&self) -> String;
}

/// The computer's clock, in its local time zone.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl WallClock for SystemClock {
    fn hour_stamp(&self) -> String {
        hour_stamp(jiff::Zoned::now().datetime())
    }
}

/// A clock that shows whatever hour it was last set to. Clones share the hour, so a test can
/// keep one and move the clock an app holds.
#[derive(Clone, Debug)]
pub struct FixedClock {
    hour: Arc<Mutex<String>>,
}

impl FixedClock {
    /// A clock stopped at `hour` (an hour stamp like `"2026-11-24T08"`).
    pub fn new(hour: impl Into<String>) -> Self {
        Self {
            hour: Arc::new(Mutex::new(hour.into())),
        }
    }

    /// Moves this clock, and every clone of it, to `hour`.
    pub fn set(&self, hour: impl Into<String>) {
        *self.hour.lock().unwrap_or_else(PoisonError::into_inner) = hour.into();
    }
}

impl WallClock for FixedClock {
    fn hour_stamp(&self) -> String {
        self.hour
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

/// The hour stamp of a local date and time: `"2026-11-24T08"`; minutes and seconds are dropped.
pub fn hour_stamp(datetime: DateTime) -> String {
    datetime.strftime("%Y-%m-%dT%H").to_string()
}

/// The date and hour (0 to 23) of an hour stamp, or `None` if it is not exactly of the form
/// `"2026-11-24T08"`.
pub fn parse_hour_stamp(stamp: &str) -> Option<(Date, u8)> {
    let (date, hour) = stamp.split_once('T')?;
    if date.len() != 10 || hour.len() != 2 || !hour.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hour: u8 = hour.parse().ok()?;
    let date: Date = date.parse().ok()?;
    (hour < 24).then_some((date, hour))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stamp_keeps_the_hour_and_drops_minutes_and_seconds() {
        let datetime = jiff::civil::date(2026, 11, 24).at(8, 59, 59, 999);
        assert_eq!(hour_stamp(datetime), "2026-11-24T08");
        assert_eq!(
            parse_hour_stamp("2026-11-24T08"),
            Some((jiff::civil::date(2026, 11, 24), 8))
        );
    }

    #[test]
    fn malformed_stamps_are_refused() {
        for bad in [
            "2026-11-24",
            "2026-11-24T8",
            "2026-11-24T24",
            "2026-02-30T08",
            "2026-11-24T08:15",
            "2026-11-24T+8",
            "",
        ] {
            assert_eq!(parse_hour_stamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_system_clock_gives_a_valid_stamp() {
        let stamp = SystemClock.hour_stamp();
        assert!(parse_hour_stamp(&stamp).is_some(), "{stamp}");
    }

    #[test]
    fn a_fixed_clock_moves_with_its_clones() {
        let clock = FixedClock::new("2026-11-24T08");
        let held: Box<dyn WallClock> = Box::new(clock.clone());
        assert_eq!(held.hour_stamp(), "2026-11-24T08");
        clock.set("2026-11-25T17");
        assert_eq!(held.hour_stamp(), "2026-11-25T17");
    }
}
