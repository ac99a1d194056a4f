//! Counts each visit for the anonymous usage statistics and saves it when the visit ends.

use crate::stats::{Report, StatsFile, SystemClock, VisitTally, WallClock, read_records};

/// The running visit's counts, the wall clock for its hour and the file it is saved to.
pub struct UsageRecorder {
    clock: Box<dyn WallClock>,
    file: Option<StatsFile>,
    visit: Option<VisitTally>,
    /// Visits ended today: the day (as the hour stamps begin) and how many.
    today: Option<(String, u64)>,
    /// The kiosk's name, written on each visit's record.
    kiosk: Option<String>,
}

impl Default for UsageRecorder {
    fn default() -> Self {
        Self {
            clock: Box::new(SystemClock),
            file: None,
            visit: None,
            today: None,
            kiosk: None,
        }
    }
}

impl UsageRecorder {
    /// Saves visits to `file` (none: counted but not saved), stamping their hour from `clock`.
    pub fn new(file: Option<StatsFile>, clock: Box<dyn WallClock>) -> Self {
        Self {
            clock,
            file,
            visit: None,
            today: None,
            kiosk: None,
        }
    }

    /// Writes `name` on each visit's record, so the statistics of many kiosks can be read
    /// together (`patient-kiosk stats --file a --file b`).
    pub fn with_kiosk_name(mut self, name: String) -> Self {
        self.kiosk = Some(name);
        self
    }

    /// How many visits could not be saved to the statistics file since the kiosk started.
    pub fn write_failures(&self) -> u64 {
        self.file.as_ref().map_or(0, StatsFile::failures)
    }

    /// The statistics file, if the last attempt to save a visit to it failed.
    pub fn failing_file(&self) -> Option<&std::path::Path> {
        self.file
            .as_ref()
            .filter(|file| file.is_failing())
            .map(StatsFile::path)
    }

    /// A patient started a visit in `language` at `now_secs`.
    pub fn visit_started(&mut self, language: &str, now_secs: f64) {
        self.visit = Some(VisitTally::start(
            self.clock.hour_stamp(),
            language,
            now_secs,
        ));
    }

    /// A page (by id) or another screen (`None`) is now showing.
    pub fn screen_shown(&mut self, page_id: Option<&str>, now_secs: f64) {
        if let Some(visit) = &mut self.visit {
            visit.page_shown(page_id, now_secs);
        }
    }

    /// The patient switched to `language`.
    pub fn language_chosen(&mut self, language: &str) {
        if let Some(visit) = &mut self.visit {
            visit.set_language(language);
        }
    }

    /// A hotspot was tapped open.
    pub fn hotspot_tapped(&mut self) {
        if let Some(visit) = &mut self.visit {
            visit.hotspot_tapped();
        }
    }

    /// A walk-through moved on a step.
    pub fn step_completed(&mut self) {
        if let Some(visit) = &mut self.visit {
            visit.step_completed();
        }
    }

    /// A quiz question was answered for the first time, right or not.
    pub fn quiz_answered(&mut self, right: bool) {
        if let Some(visit) = &mut self.visit {
            visit.quiz_answered(right);
        }
    }

    /// The visit ended at `end_secs` (its last touch): it is saved, if it was running.
    pub fn visit_ended(&mut self, end_secs: f64) {
        let Some(visit) = self.visit.take() else {
            return;
        };
        let mut record = visit.finish(end_secs);
        record.kiosk.clone_from(&self.kiosk);
        let day: String = self.clock.hour_stamp().chars().take(10).collect();
        self.today = match self.today.take() {
            Some((counted, visits)) if counted == day => Some((counted, visits + 1)),
            _ => Some((day, 1)),
        };
        if let Some(file) = &mut self.file {
            file.append(&record);
        }
    }

    /// Visits that ended today (by the wall clock's day).
    pub fn visits_today(&self) -> u64 {
        let day: String = self.clock.hour_stamp().chars().take(10).collect();
        self.today
            .as_ref()
            .filter(|(counted, _)| *counted == day)
            .map_or(0, |(_, visits)| *visits)
    }

    /// Staff took over: what ran is not a patient's visit and is not counted.
    pub fn visit_discarded(&mut self) {
        self.visit = None;
    }

    /// The statistics report, if the file has any visits.
    pub fn report(&self) -> Option<Report> {
        let file = self.file.as_ref()?;
        let log = read_records(file.path()).ok()?;
        if log.records.is_empty() {
            return None;
        }
        Some(Report::from_records(&log.records, None))
    }
}
