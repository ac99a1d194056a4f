//! The running count of one visit, driven by the app while the patient uses the kiosk.

use super::record::{PageVisit, VisitRecord};

/// Counts one visit as it happens. Times come from the caller's monotonic clock in seconds
/// (`now_secs`, e.g. egui's input time), so tests can run hours in milliseconds; a clock that
/// goes backwards counts as no time passing.
#[derive(Clone, Debug)]
pub struct VisitTally {
    hour: String,
    language: String,
    started_secs: f64,
    pages: Vec<PageTime>,
    /// The page on screen (index into `pages`) and when it was shown.
    current: Option<(usize, f64)>,
    hotspot_taps: u32,
    steps_completed: u32,
    quiz_right: u32,
    quiz_wrong: u32,
}

#[derive(Clone, Debug)]
struct PageTime {
    page: String,
    views: u32,
    secs: f64,
}

impl VisitTally {
    /// Starts counting a visit that began at `now_secs` in the hour `hour` (an hour stamp from
    /// a [`super::WallClock`]), in `language`. No page is shown yet.
    pub fn start(hour: String, language: &str, now_secs: f64) -> Self {
        Self {
            hour,
            language: language.to_owned(),
            started_secs: now_secs,
            pages: Vec::new(),
            current: None,
            hotspot_taps: 0,
            steps_completed: 0,
            quiz_right: 0,
            quiz_wrong: 0,
        }
    }

    /// A screen was shown at `now_secs`: the page `page_id`, or `None` for a screen that is not
    /// a page (home, a topic list). Time on the previous page ends here. Showing the page that
    /// is already shown is not a new view.
    pub fn page_shown(&mut self, page_id: Option<&str>, now_secs: f64) {
        if let (Some((index, _)), Some(id)) = (self.current, page_id)
            && self.pages[index].page == id
        {
            return;
        }
        self.close_page(now_secs);
        let Some(id) = page_id else {
            return;
        };
        let index = match self.pages.iter().position(|page| page.page == id) {
            Some(index) => index,
            None => {
                self.pages.push(PageTime {
                    page: id.to_owned(),
                    views: 0,
                    secs: 0.0,
                });
                self.pages.len() - 1
            }
        };
        self.pages[index].views = self.pages[index].views.saturating_add(1);
        self.current = Some((index, now_secs));
    }

    /// The patient chose another language; the visit is recorded in the last one chosen.
    pub fn set_language(&mut self, language: &str) {
        language.clone_into(&mut self.language);
    }

    /// A hotspot on a diagram was tapped.
    pub fn hotspot_tapped(&mut self) {
        self.hotspot_taps = self.hotspot_taps.saturating_add(1);
    }

    /// A diagram step was completed.
    pub fn step_completed(&mut self) {
        self.steps_completed = self.steps_completed.saturating_add(1);
    }

    /// The hour stamp the visit started in.
    pub fn hour(&self) -> &str {
        &self.hour
    }

    /// The language the visit is in now.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// A quiz question was answered (the first answer counts).
    pub fn quiz_answered(&mut self, right: bool) {
        let count = if right {
            &mut self.quiz_right
        } else {
            &mut self.quiz_wrong
        };
        *count = count.saturating_add(1);
    }

    /// Ends the visit at `now_secs` (closing the time on the page shown) and gives its record,
    /// seconds rounded to whole ones.
    pub fn finish(mut self, now_secs: f64) -> VisitRecord {
        self.close_page(now_secs);
        VisitRecord {
            hour: self.hour,
            language: self.language,
            secs: whole_secs(now_secs - self.started_secs),
            pages: self
                .pages
                .into_iter()
                .map(|page| PageVisit {
                    page: page.page,
                    views: page.views,
                    secs: whole_secs(page.secs),
                })
                .collect(),
            hotspot_taps: self.hotspot_taps,
            steps_completed: self.steps_completed,
            quiz_right: self.quiz_right,
            quiz_wrong: self.quiz_wrong,
            kiosk: None,
        }
    }

    fn close_page(&mut self, now_secs: f64) {
        if let Some((index, shown_secs)) = self.current.take() {
            self.pages[index].secs += (now_secs - shown_secs).max(0.0);
        }
    }
}

/// Seconds rounded to whole ones, within `0..=u32::MAX` (NaN counts as 0).
fn whole_secs(secs: f64) -> u32 {
    if secs.is_nan() {
        return 0;
    }
    // `as` saturates at the bounds of u32.
    secs.round() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_time_accumulates_across_pages_and_revisits() {
        let mut tally = VisitTally::start("2026-11-24T08".into(), "en", 100.0);
        tally.page_shown(None, 100.0);
        tally.page_shown(Some("fusion"), 105.0);
        tally.page_shown(Some("recovery"), 125.4);
        tally.page_shown(None, 130.0);
        tally.page_shown(Some("fusion"), 140.0);
        tally.page_shown(Some("fusion"), 145.0); // the same page again: not a new view
        tally.hotspot_tapped();
        tally.hotspot_tapped();
        tally.step_completed();
        let record = tally.finish(150.6);
        assert_eq!(record.secs, 51);
        assert_eq!(
            record.pages,
            vec![
                PageVisit {
                    page: "fusion".into(),
                    views: 2,
                    secs: 31, // 20.4 + 10.6
                },
                PageVisit {
                    page: "recovery".into(),
                    views: 1,
                    secs: 5, // 4.6
                },
            ]
        );
        assert_eq!((record.hotspot_taps, record.steps_completed), (2, 1));
        assert_eq!(record.hour, "2026-11-24T08");
    }

    #[test]
    fn the_last_language_chosen_is_recorded() {
        let mut tally = VisitTally::start("2026-11-24T08".into(), "en", 0.0);
        tally.set_language("es");
        assert_eq!(tally.language(), "es");
        let record = tally.finish(3_600.0 * 2.0);
        assert_eq!(record.language, "es");
        assert_eq!(record.secs, 7_200);
        assert!(record.pages.is_empty());
    }

    #[test]
    fn a_clock_going_backwards_counts_as_no_time() {
        let mut tally = VisitTally::start("2026-11-24T08".into(), "en", 50.0);
        tally.page_shown(Some("a"), 60.0);
        let record = tally.finish(40.0);
        assert_eq!(record.secs, 0);
        assert_eq!(record.pages[0].secs, 0);
        assert_eq!(whole_secs(f64::NAN), 0);
        assert_eq!(whole_secs(1e12), u32::MAX);
    }
}
