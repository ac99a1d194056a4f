//! The kiosk's handouts as a whole: the printer, the PDF being made, the one being printed,
//! and when the folder was last cleared of handouts older than the days kept.

use std::path::PathBuf;

use super::job::Job;
use crate::config::KioskConfig;
use crate::content::Deck;
use crate::handout::{Handout, HandoutPreview, HandoutRequest, Paper};
use crate::ink::InkSet;
use crate::theme::Theme;

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
    /// Handouts made since the kiosk started.
    pub(super) made: u64,
    /// Handouts that could not be made since the kiosk started.
    pub(super) failures: u64,
    /// Handouts that could not be printed since the kiosk started.
    pub(super) print_failures: u64,
    /// The handout's pages as they will print, and what they were laid out from: laid out
    /// again only when that changes.
    preview: Option<(PreviewOf, Option<HandoutPreview>)>,
}

/// What a preview was laid out from.
struct PreviewOf {
    language: usize,
    handout: Handout,
    ink: InkSet,
    paper: Paper,
}

impl HandoutDesk {
    pub(super) fn new(printer: Option<PathBuf>) -> Self {
        Self {
            printer,
            print_job: None,
            making: None,
            swept_at_secs: None,
            made: 0,
            failures: 0,
            print_failures: 0,
            preview: None,
        }
    }

    /// Forgets the preview: the content has changed.
    pub(super) fn content_changed(&mut self) {
        self.preview = None;
    }

    /// The pages of `handout` as they will print (`None` if they cannot be laid out), laid
    /// out again only when the handout, the ink, the language or the paper changed (or the
    /// content: see [`Self::content_changed`]).
    pub(super) fn preview(
        &mut self,
        (deck, theme): (&Deck, &Theme),
        language: usize,
        (handout, ink): (&Handout, &InkSet),
        paper: Paper,
    ) -> Option<&HandoutPreview> {
        // Compared where it stands; copied only when it changed (not every frame).
        let same = self.preview.as_ref().is_some_and(|(had, _)| {
            had.language == language
                && had.paper == paper
                && had.handout == *handout
                && had.ink == *ink
        });
        if !same {
            let of = PreviewOf {
                language,
                handout: handout.clone(),
                ink: ink.clone(),
                paper,
            };
            let request = HandoutRequest {
                language,
                items: &handout.items,
                ink,
                paper,
                notes: &handout.notes,
            };
            let laid_out = crate::handout::handout_preview(deck, theme, &request)
                .inspect_err(|error| log::error!("the handout's preview: {error}"))
                .ok();
            self.preview = Some((of, laid_out));
        }
        self.preview
            .as_ref()
            .and_then(|(_, preview)| preview.as_ref())
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
