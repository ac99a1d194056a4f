//! The kiosk's handouts as a whole: the printer, the PDF being made, the one being printed,
//! and when the folder was last cleared of handouts older than the days kept.

use std::path::PathBuf;

use super::job::Job;
use crate::config::KioskConfig;

/// How often the handout folder is looked through for handouts past their days.
const SWEEP_EVERY_SECS: f64 = 60.0 * 60.0;

pub(super) struct HandoutDesk {
    /// The command that prints a PDF (`lp`), if the computer has one.
    pub(super) printer: Option<PathBuf>,
    /// A print job running in the background: the file and whether it worked, when done.
    pub(super) print_job: Option<Job<(PathBuf, bool)>>,
    /// A handout being made in the background: where it was saved, when done.
    pub(super) making: Option<Job<Option<PathBuf>>>,
    /// When (egui's input time) old handouts were last removed; `None`: not yet.
    swept_at_secs: Option<f64>,
}

impl HandoutDesk {
    pub(super) fn new(printer: Option<PathBuf>) -> Self {
        Self {
            printer,
            print_job: None,
            making: None,
            swept_at_secs: None,
        }
    }

    /// At the first frame and every hour after: removes, in the background, the handouts
    /// older than the settings keep them.
    pub(super) fn remove_old_if_due(&mut self, settings: &KioskConfig, now_secs: f64) {
        let due = self
            .swept_at_secs
            .is_none_or(|swept| now_secs - swept >= SWEEP_EVERY_SECS || now_secs < swept);
        if due {
            self.swept_at_secs = Some(now_secs);
            crate::handout::retention::remove_old_handouts_in_background(
                settings.handout_dir(),
                settings.handout_keep_days,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_handouts_are_looked_for_at_the_first_frame_and_then_hourly() {
        let dir = tempfile::tempdir().expect("temp dir");
        let settings = KioskConfig {
            handout_dir: Some(dir.path().to_owned()),
            ..KioskConfig::default()
        };
        let mut desk = HandoutDesk::new(None);
        desk.remove_old_if_due(&settings, 0.5);
        assert_eq!(desk.swept_at_secs, Some(0.5));
        desk.remove_old_if_due(&settings, 3000.0);
        assert_eq!(desk.swept_at_secs, Some(0.5), "not again within the hour");
        desk.remove_old_if_due(&settings, 3600.5);
        assert_eq!(desk.swept_at_secs, Some(3600.5));
    }
}
