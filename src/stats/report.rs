//! The `stats` report: sessions per day and the most viewed pages, as text or CSV.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use jiff::civil::Date;

use super::record::VisitRecord;

/// How many pages the text report lists.
const TOP_PAGES: usize = 10;

/// What the visits add up to, per day and overall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The first day counted, if earlier days were left out.
    pub since: Option<Date>,
    /// One entry per day with at least one visit, earliest first.
    pub days: Vec<DayStats>,
    /// Every page viewed: most views first (then most time, then by id).
    pub pages: Vec<PageStats>,
    /// Visits, all days together.
    pub sessions: u64,
    /// Seconds of all visits together.
    pub total_secs: u64,
}

/// The visits of one day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayStats {
    /// The local date.
    pub date: Date,
    /// Visits that started that day.
    pub sessions: u64,
    /// Seconds of those visits together.
    pub total_secs: u64,
    /// Page views.
    pub page_views: u64,
    /// Hotspot taps.
    pub hotspot_taps: u64,
    /// Diagram steps completed.
    pub steps_completed: u64,
    /// Visits per language code.
    pub languages: BTreeMap<String, u64>,
}

/// One page's views, all visits together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageStats {
    /// The page id.
    pub page: String,
    /// Times opened.
    pub views: u64,
    /// Seconds on the page, all views together.
    pub total_secs: u64,
}

impl DayStats {
    /// The day as a table row: date, sessions, average session, page views, hotspot taps,
    /// steps, languages (the report and the staff menu show the same columns).
    pub fn cells(&self) -> [String; 7] {
        [
            self.date.to_string(),
            self.sessions.to_string(),
            format_duration(self.avg_session_secs()),
            self.page_views.to_string(),
            self.hotspot_taps.to_string(),
            self.steps_completed.to_string(),
            self.languages_text(),
        ]
    }

    fn new(date: Date) -> Self {
        Self {
            date,
            sessions: 0,
            total_secs: 0,
            page_views: 0,
            hotspot_taps: 0,
            steps_completed: 0,
            languages: BTreeMap::new(),
        }
    }

    /// The average visit length in whole seconds (0 without visits).
    pub fn avg_session_secs(&self) -> u64 {
        average(self.total_secs, self.sessions)
    }

    /// Visits per language, most first, like `en:3 es:1`.
    pub fn languages_text(&self) -> String {
        let mut languages: Vec<(&String, &u64)> = self.languages.iter().collect();
        languages.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        languages
            .iter()
            .map(|(code, count)| format!("{code}:{count}"))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

impl PageStats {
    /// The average time per view in whole seconds.
    pub fn avg_secs_per_view(&self) -> u64 {
        average(self.total_secs, self.views)
    }
}

impl Report {
    /// Adds up `records`, leaving out visits on days before `since`. Records with a malformed
    /// hour stamp are left out too.
    pub fn from_records(records: &[VisitRecord], since: Option<Date>) -> Self {
        let mut days: BTreeMap<Date, DayStats> = BTreeMap::new();
        let mut pages: Vec<PageStats> = Vec::new();
        let mut page_index: HashMap<&str, usize> = HashMap::new();
        let mut report = Self {
            since,
            ..Self::default()
        };
        for record in records {
            let Some(date) = record.date() else {
                continue;
            };
            if since.is_some_and(|since| date < since) {
                continue;
            }
            report.sessions += 1;
            report.total_secs += u64::from(record.secs);
            let day = days.entry(date).or_insert_with(|| DayStats::new(date));
            day.sessions += 1;
            day.total_secs += u64::from(record.secs);
            day.page_views += u64::from(record.page_views());
            day.hotspot_taps += u64::from(record.hotspot_taps);
            day.steps_completed += u64::from(record.steps_completed);
            *day.languages.entry(record.language.clone()).or_default() += 1;
            for visit in &record.pages {
                let index = *page_index.entry(&visit.page).or_insert_with(|| {
                    pages.push(PageStats {
                        page: visit.page.clone(),
                        views: 0,
                        total_secs: 0,
                    });
                    pages.len() - 1
                });
                pages[index].views += u64::from(visit.views);
                pages[index].total_secs += u64::from(visit.secs);
            }
        }
        pages.sort_by(|a, b| {
            b.views
                .cmp(&a.views)
                .then_with(|| b.total_secs.cmp(&a.total_secs))
                .then_with(|| a.page.cmp(&b.page))
        });
        report.days = days.into_values().collect();
        report.pages = pages;
        report
    }

    /// The average visit length in whole seconds (0 without visits).
    pub fn avg_session_secs(&self) -> u64 {
        average(self.total_secs, self.sessions)
    }

    /// The report as plain text for a person: a summary, sessions per day and the top pages,
    /// in aligned columns.
    pub fn text(&self) -> String {
        let mut out = String::new();
        let since = self
            .since
            .map(|date| format!(" since {date}"))
            .unwrap_or_default();
        let (Some(first), Some(last)) = (self.days.first(), self.days.last()) else {
            let _ = writeln!(out, "No visits recorded{since}.");
            return out;
        };
        let _ = writeln!(
            out,
            "Visit statistics{since}: {} session(s) from {} to {}, average {}",
            self.sessions,
            first.date,
            last.date,
            format_duration(self.avg_session_secs())
        );
        out.push_str("\nSessions per day\n");
        let rows: Vec<[String; 7]> = self.days.iter().map(DayStats::cells).collect();
        write_table(
            &mut out,
            [
                "date",
                "sessions",
                "avg session",
                "page views",
                "hotspot taps",
                "steps",
                "languages",
            ],
            [false, true, true, true, true, true, false],
            &rows,
        );
        out.push_str("\nTop pages\n");
        if self.pages.is_empty() {
            out.push_str("No pages viewed.\n");
            return out;
        }
        let rows: Vec<[String; 4]> = self
            .pages
            .iter()
            .take(TOP_PAGES)
            .map(|page| {
                [
                    page.page.clone(),
                    page.views.to_string(),
                    format_duration(page.total_secs),
                    format_duration(page.avg_secs_per_view()),
                ]
            })
            .collect();
        write_table(
            &mut out,
            ["page", "views", "total time", "avg per view"],
            [false, true, true, true],
            &rows,
        );
        if self.pages.len() > TOP_PAGES {
            let _ = writeln!(out, "and {} more page(s)", self.pages.len() - TOP_PAGES);
        }
        out
    }

    /// Sessions per day as CSV with a header row:
    /// `date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages`.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages\n",
        );
        for day in &self.days {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{}",
                day.date,
                day.sessions,
                day.avg_session_secs(),
                day.page_views,
                day.hotspot_taps,
                day.steps_completed,
                csv_field(&day.languages_text())
            );
        }
        out
    }

    /// Every page as CSV, most viewed first, with a header row:
    /// `page,views,total_secs,avg_secs_per_view`.
    pub fn pages_csv(&self) -> String {
        let mut out = String::from("page,views,total_secs,avg_secs_per_view\n");
        for page in &self.pages {
            let _ = writeln!(
                out,
                "{},{},{},{}",
                csv_field(&page.page),
                page.views,
                page.total_secs,
                page.avg_secs_per_view()
            );
        }
        out
    }
}

/// A duration for people: `45 s`, `1 min 23 s`, `2 min`, `1 h 5 min`.
pub fn format_duration(secs: u64) -> String {
    let (hours, mins, secs) = (secs / 3_600, secs / 60 % 60, secs % 60);
    match (hours, mins, secs) {
        (0, 0, secs) => format!("{secs} s"),
        (0, mins, 0) => format!("{mins} min"),
        (0, mins, secs) => format!("{mins} min {secs} s"),
        (hours, 0, _) => format!("{hours} h"),
        (hours, mins, _) => format!("{hours} h {mins} min"),
    }
}

/// `total / count` rounded to the nearest whole number (0 when `count` is 0).
fn average(total: u64, count: u64) -> u64 {
    total
        .saturating_add(count / 2)
        .checked_div(count)
        .unwrap_or(0)
}

/// A CSV field, quoted if it holds a comma, a quote, a line break or outer spaces.
pub(super) fn csv_field(text: &str) -> String {
    let needs_quotes = text.contains([',', '"', '\n', '\r']) || text.trim() != text;
    if needs_quotes {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// Writes a table of `rows` under `header`, each column as wide as its widest cell, numbers
/// (`right[i]`) aligned right, two spaces between columns, no trailing spaces.
fn write_table<const N: usize>(
    out: &mut String,
    header: [&str; N],
    right: [bool; N],
    rows: &[[String; N]],
) {
    let mut widths = header.map(|title| title.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let header = header.map(str::to_owned);
    for row in std::iter::once(&header).chain(rows) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            // Padded by hand: `{cell:>width$}` panics for a width of 65,536 or more, and a
            // damaged or hostile file can hold a page id that long.
            let padding = " ".repeat(widths[i] - cell.chars().count());
            if right[i] {
                line.push_str(&padding);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&padding);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::record::PageVisit;

    fn visit(hour: &str, language: &str, secs: u32, pages: &[(&str, u32, u32)]) -> VisitRecord {
        VisitRecord {
            hour: hour.into(),
            language: language.into(),
            secs,
            pages: pages
                .iter()
                .map(|&(page, views, secs)| PageVisit {
                    page: page.into(),
                    views,
                    secs,
                })
                .collect(),
            hotspot_taps: 1,
            steps_completed: 2,
            quiz_right: 0,
            quiz_wrong: 0,
            kiosk: None,
        }
    }

    fn records() -> Vec<VisitRecord> {
        vec![
            visit("2026-11-25T09", "en", 100, &[("b", 1, 30)]),
            visit("2026-11-24T08", "en", 60, &[("a", 2, 40), ("b", 1, 10)]),
            visit("2026-11-24T17", "es", 121, &[("a", 1, 50)]),
            visit("not-an-hour", "en", 999, &[("z", 9, 9)]),
        ]
    }

    #[test]
    fn visits_add_up_per_day_in_date_order() {
        let report = Report::from_records(&records(), None);
        assert_eq!(report.sessions, 3);
        assert_eq!(report.avg_session_secs(), 94); // 281 / 3
        let dates: Vec<String> = report.days.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(dates, ["2026-11-24", "2026-11-25"]);
        let first = &report.days[0];
        assert_eq!(
            (first.sessions, first.avg_session_secs(), first.page_views),
            (2, 91, 4)
        );
        assert_eq!((first.hotspot_taps, first.steps_completed), (2, 4));
        assert_eq!(first.languages_text(), "en:1 es:1");
        let pages: Vec<(&str, u64, u64)> = report
            .pages
            .iter()
            .map(|p| (p.page.as_str(), p.views, p.total_secs))
            .collect();
        assert_eq!(pages, [("a", 3, 90), ("b", 2, 40)]);
        assert_eq!(report.pages[0].avg_secs_per_view(), 30);
    }

    #[test]
    fn since_leaves_out_earlier_days() {
        let report = Report::from_records(&records(), Some(jiff::civil::date(2026, 11, 25)));
        assert_eq!(report.sessions, 1);
        assert_eq!(report.days.len(), 1);
        assert_eq!(report.pages.len(), 1);
        assert!(
            report
                .text()
                .starts_with("Visit statistics since 2026-11-25: 1 session(s)")
        );
    }

    #[test]
    fn the_text_report_has_aligned_columns() {
        let text = Report::from_records(&records(), None).text();
        let expected = "\
Visit statistics: 3 session(s) from 2026-11-24 to 2026-11-25, average 1 min 34 s

Sessions per day
date        sessions  avg session  page views  hotspot taps  steps  languages
2026-11-24         2   1 min 31 s           4             2      4  en:1 es:1
2026-11-25         1   1 min 40 s           1             1      2  en:1

Top pages
page  views  total time  avg per view
a         3  1 min 30 s          30 s
b         2        40 s          20 s
";
        assert_eq!(text, expected);
    }

    #[test]
    fn a_page_id_of_65536_characters_or_more_is_reported_not_a_panic() {
        let long = "p".repeat(70_000);
        let records = vec![visit("2026-11-24T08", "en", 10, &[(long.as_str(), 1, 10)])];
        let text = Report::from_records(&records, None).text();
        let row = text
            .lines()
            .find(|line| line.starts_with(&long))
            .expect("the long page has its row");
        assert!(row.ends_with("10 s"), "{}", &row[row.len() - 40..]);
        let header = text
            .lines()
            .find(|line| line.starts_with("page "))
            .expect("the header");
        assert_eq!(
            header.find("views").map(|at| at + "views".len()),
            row.find(" 1 ").map(|at| at + 2),
            "the views column lines up under its title"
        );
    }

    #[test]
    fn the_csv_has_one_row_per_day() {
        let report = Report::from_records(&records(), None);
        assert_eq!(
            report.csv(),
            "date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages\n\
             2026-11-24,2,91,4,2,4,en:1 es:1\n\
             2026-11-25,1,100,1,1,2,en:1\n"
        );
        assert_eq!(
            report.pages_csv(),
            "page,views,total_secs,avg_secs_per_view\na,3,90,30\nb,2,40,20\n"
        );
    }

    #[test]
    fn no_visits_is_said_plainly() {
        let report = Report::from_records(&[], Some(jiff::civil::date(2026, 1, 1)));
        assert_eq!(report.text(), "No visits recorded since 2026-01-01.\n");
        assert_eq!(report.csv().lines().count(), 1);
    }

    #[test]
    fn durations_and_csv_fields_read_well() {
        assert_eq!(format_duration(0), "0 s");
        assert_eq!(format_duration(83), "1 min 23 s");
        assert_eq!(format_duration(120), "2 min");
        assert_eq!(format_duration(3_600), "1 h");
        assert_eq!(format_duration(3_900), "1 h 5 min");
        assert_eq!(csv_field("en:3 es:1"), "en:3 es:1");
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
        assert_eq!(average(5, 2), 3);
    }
}
