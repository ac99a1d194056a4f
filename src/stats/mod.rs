//! Anonymous usage statistics, kept on the kiosk itself (no egui here).
//!
//! While a visit runs, the app drives a [`VisitTally`]; when the visit ends it becomes one
//! [`VisitRecord`], which [`StatsFile::append`] adds as one line to an append-only file in the
//! platform's data folder ([`default_stats_path`]). Nothing identifies a patient: page ids from
//! the content, a language code, counts and seconds, and the hour the visit started (never
//! finer). `patient-kiosk stats` reads the file back ([`read_records`]) into a [`Report`].

mod clock;
mod file;
mod fleet;
mod read;
mod record;
mod report;
mod tally;

pub use clock::{FixedClock, SystemClock, WallClock, hour_stamp, parse_hour_stamp};
pub use file::{StatsFile, default_stats_path};
pub use fleet::{KioskLog, fleet_csv, fleet_text};
pub use read::{MAX_STATS_BYTES, StatsError, StatsLog, parse_records, read_records};
pub use record::{PageVisit, VisitRecord};
pub use report::{DayStats, PageStats, Report, format_duration};
pub use tally::VisitTally;
