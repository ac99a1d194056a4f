//! The statistics of many kiosks read together: one report of them all, then one per kiosk.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use jiff::civil::Date;

use super::report::csv_field;
use super::{Report, VisitRecord};

/// One kiosk's visits, read from its statistics file.
#[derive(Clone, Debug, PartialEq)]
pub struct KioskLog {
    /// The kiosk's name: the one its records carry most, else the file's name.
    pub name: String,
    /// Its visits.
    pub records: Vec<VisitRecord>,
}

impl KioskLog {
    /// The visits read from `file`, named as its records say (or by the file).
    pub fn new(file: &Path, records: Vec<VisitRecord>) -> Self {
        let mut names: BTreeMap<&str, usize> = BTreeMap::new();
        for name in records.iter().filter_map(|record| record.kiosk.as_deref()) {
            *names.entry(name).or_default() += 1;
        }
        let named = names
            .into_iter()
            .max_by_key(|&(_, count)| count)
            .map(|(name, _)| name.to_owned());
        let name = named.unwrap_or_else(|| {
            file.file_stem().map_or_else(
                || file.display().to_string(),
                |stem| stem.to_string_lossy().into_owned(),
            )
        });
        Self { name, records }
    }
}

/// The name of the report of every kiosk together.
const ALL: &str = "all kiosks";

/// The report of every kiosk together, then each kiosk's, as text.
pub fn fleet_text(logs: &[KioskLog], since: Option<Date>) -> String {
    let all: Vec<VisitRecord> = logs.iter().flat_map(|log| log.records.clone()).collect();
    let mut out = String::new();
    let count = match logs.len() {
        1 => "1 kiosk".to_owned(),
        many => format!("{many} kiosks"),
    };
    let _ = writeln!(out, "== {} ({count})", capitalised(ALL));
    out.push_str(&Report::from_records(&all, since).text());
    for log in logs {
        let _ = writeln!(out, "\n== Kiosk: {}", log.name);
        out.push_str(&Report::from_records(&log.records, since).text());
    }
    out
}

/// The days (or, with `pages`, the pages) of every kiosk together and of each kiosk, as one
/// CSV table whose first column names the kiosk ("all kiosks" for them all).
pub fn fleet_csv(logs: &[KioskLog], since: Option<Date>, pages: bool) -> String {
    let all: Vec<VisitRecord> = logs.iter().flat_map(|log| log.records.clone()).collect();
    let table = |records: &[VisitRecord]| {
        let report = Report::from_records(records, since);
        if pages {
            report.pages_csv()
        } else {
            report.csv()
        }
    };
    let whole = table(&all);
    let mut lines = whole.lines();
    let mut out = format!("kiosk,{}\n", lines.next().unwrap_or_default());
    let mut rows = |name: &str, body: &mut dyn Iterator<Item = &str>| {
        for line in body {
            let _ = writeln!(out, "{},{line}", csv_field(name));
        }
    };
    rows(ALL, &mut lines);
    for log in logs {
        let table = table(&log.records);
        rows(&log.name, &mut table.lines().skip(1));
    }
    out
}

fn capitalised(text: &str) -> String {
    let mut letters = text.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visit(kiosk: Option<&str>, hour: &str, secs: u32) -> VisitRecord {
        VisitRecord {
            hour: hour.to_owned(),
            language: "en".to_owned(),
            secs,
            kiosk: kiosk.map(str::to_owned),
            ..VisitRecord::default()
        }
    }

    #[test]
    fn kiosks_are_reported_together_and_one_by_one_named_by_their_records_or_files() {
        let logs = [
            KioskLog::new(
                Path::new("/stats/lobby.ron"),
                vec![
                    visit(Some("Lobby"), "2026-12-07T09", 60),
                    visit(Some("Lobby"), "2026-12-07T10", 120),
                ],
            ),
            KioskLog::new(
                Path::new("/stats/floor-2.ron"),
                vec![visit(None, "2026-12-07T11", 30)],
            ),
        ];
        assert_eq!(logs[0].name, "Lobby");
        assert_eq!(
            logs[1].name, "floor-2",
            "no name in the records: the file's"
        );
        let text = fleet_text(&logs, None);
        assert!(text.starts_with("== All kiosks (2 kiosks)\nVisit statistics: 3 session(s)"));
        assert!(text.contains("== Kiosk: Lobby\nVisit statistics: 2 session(s)"));
        assert!(text.contains("== Kiosk: floor-2\nVisit statistics: 1 session(s)"));
        let csv = fleet_csv(&logs, None, false);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(lines[0].starts_with("kiosk,date,sessions,"));
        assert!(lines[1].starts_with("all kiosks,2026-12-07,3,70,"), "{csv}");
        assert!(lines[2].starts_with("Lobby,2026-12-07,2,90,"), "{csv}");
        assert!(lines[3].starts_with("floor-2,2026-12-07,1,30,"), "{csv}");
        assert_eq!(lines.len(), 4);
    }
}
