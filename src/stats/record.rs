//! One patient visit, as saved: counts and seconds, nothing that identifies anyone.

use serde::{Deserialize, Serialize};

use super::clock::parse_hour_stamp;

/// One visit (session), saved as one line of the statistics file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitRecord {
    /// The local hour the visit started, like `"2026-11-24T08"` (never finer).
    pub hour: String,
    /// The language the visit ended in, a code like `"en"`.
    pub language: String,
    /// How long the visit lasted, in whole seconds.
    pub secs: u32,
    /// Each page shown, in the order first seen.
    pub pages: Vec<PageVisit>,
    /// Hotspots tapped on diagrams.
    pub hotspot_taps: u32,
    /// Diagram steps completed.
    pub steps_completed: u32,
    /// Quiz questions answered right at the first try (absent in older lines: 0).
    #[serde(default)]
    pub quiz_right: u32,
    /// Quiz questions answered wrong at the first try (absent in older lines: 0).
    #[serde(default)]
    pub quiz_wrong: u32,
    /// The kiosk's name from its settings, so the statistics of many kiosks can be read
    /// together (absent in older lines and on a kiosk without one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiosk: Option<String>,
}

/// The views of one page during a visit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageVisit {
    /// The page id from the content.
    pub page: String,
    /// How many times the page was opened.
    pub views: u32,
    /// Seconds on the page, all views together.
    pub secs: u32,
}

impl VisitRecord {
    /// The record as one line of RON, without the line end (strings are escaped, so the text
    /// never contains a line break).
    pub fn to_line(&self) -> Result<String, ron::Error> {
        ron::to_string(self)
    }

    /// A record from one line; `None` if the line is not a whole, valid record (a line cut off
    /// by a crash, say) or its hour stamp is malformed.
    pub fn from_line(line: &str) -> Option<Self> {
        let record: Self = ron::from_str(line).ok()?;
        record.date().is_some().then_some(record)
    }

    /// The local date the visit started, from the hour stamp.
    pub fn date(&self) -> Option<jiff::civil::Date> {
        parse_hour_stamp(&self.hour).map(|(date, _)| date)
    }

    /// Page views during the visit, all pages together.
    pub fn page_views(&self) -> u32 {
        self.pages.iter().map(|page| page.views).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> VisitRecord {
        VisitRecord {
            hour: "2026-11-24T08".into(),
            language: "en".into(),
            secs: 83,
            pages: vec![
                PageVisit {
                    page: "what-is-fusion".into(),
                    views: 2,
                    secs: 40,
                },
                PageVisit {
                    page: "recovery".into(),
                    views: 1,
                    secs: 12,
                },
            ],
            hotspot_taps: 3,
            steps_completed: 1,
            quiz_right: 0,
            quiz_wrong: 0,
            kiosk: None,
        }
    }

    #[test]
    fn a_record_round_trips_through_one_line() {
        let record = sample();
        let line = record.to_line().expect("serialises");
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains("hour:\"2026-11-24T08\""), "{line}");
        assert_eq!(VisitRecord::from_line(&line), Some(record.clone()));
        assert_eq!(record.page_views(), 3);
        assert_eq!(record.date(), Some(jiff::civil::date(2026, 11, 24)));
    }

    #[test]
    fn line_breaks_in_strings_stay_escaped() {
        let record = VisitRecord {
            language: "e\nn".into(),
            ..sample()
        };
        let line = record.to_line().expect("serialises");
        assert!(!line.contains('\n'), "{line}");
        assert_eq!(VisitRecord::from_line(&line), Some(record));
    }

    #[test]
    fn cut_unknown_or_badly_stamped_lines_are_not_records() {
        let line = sample().to_line().expect("serialises");
        assert_eq!(VisitRecord::from_line(&line[..line.len() / 2]), None);
        let extra = line.replacen("secs:83", "secs:83,name:\"Ann\"", 1);
        assert_ne!(extra, line);
        assert_eq!(VisitRecord::from_line(&extra), None);
        let minutes = line.replacen("2026-11-24T08", "2026-11-24T08:15", 1);
        assert_eq!(VisitRecord::from_line(&minutes), None);
    }
}
