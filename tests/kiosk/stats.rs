//! Usage statistics end to end: the file survives a cut-off last line, a full disk or an
//! unwritable folder never stops the kiosk, and `patient-kiosk stats` reports the numbers.

use std::path::Path;
use std::process::{Command, Output};

use patient_kiosk::stats::{PageVisit, StatsFile, VisitRecord, VisitTally, read_records};

const BIN: &str = env!("CARGO_BIN_EXE_patient-kiosk");

fn stats(args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("stats")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn record(hour: &str, language: &str, secs: u32, pages: &[(&str, u32, u32)]) -> VisitRecord {
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
        hotspot_taps: 2,
        steps_completed: 1,
        quiz_right: 0,
        quiz_wrong: 0,
        kiosk: None,
    }
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn statistics_survive_a_truncated_last_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("data/visits.ron");
    let mut file = StatsFile::new(&path);
    let good: Vec<VisitRecord> = (1..=3)
        .map(|i| record("2026-11-24T08", "en", i * 10, &[("fusion", i, i * 5)]))
        .collect();
    for record in &good {
        file.append(record);
    }
    assert!(!file.is_failing());
    // A crash in the middle of the fourth record: half a line, no line end.
    let cut = record("2026-11-24T09", "es", 99, &[("recovery", 1, 9)])
        .to_line()
        .expect("serialises");
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str(&cut[..cut.len() / 2]);
    std::fs::write(&path, &text).expect("write");

    let log = read_records(&path).expect("readable");
    assert_eq!(log.records, good);
    assert_eq!(log.skipped_lines, 1);

    let next = record("2026-11-24T10", "en", 40, &[("fusion", 1, 7)]);
    file.append(&next);
    let log = read_records(&path).expect("readable");
    let mut expected = good.clone();
    expected.push(next);
    assert_eq!(
        log.records, expected,
        "the new record is not glued to the cut one"
    );
    assert_eq!(log.skipped_lines, 1);
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.ends_with('\n'));
}

/// Three days of visits, written through a tally as the app does; the middle day has two.
fn three_days(path: &Path) {
    let mut file = StatsFile::new(path);
    let mut tally = VisitTally::start("2026-11-23T15".into(), "en", 0.0);
    tally.page_shown(Some("what-is-fusion"), 5.0);
    tally.page_shown(None, 35.0);
    let visit = tally.finish(50.0);
    assert_eq!(visit.secs, 50);
    file.append(&visit);
    file.append(&record(
        "2026-11-24T08",
        "en",
        83,
        &[("recovery", 1, 20), ("what-is-fusion", 2, 40)],
    ));
    file.append(&record(
        "2026-11-24T17",
        "es",
        157,
        &[
            ("risks", 1, 60),
            ("what-is-fusion", 1, 30),
            ("recovery", 1, 10),
        ],
    ));
    file.append(&record("2026-11-25T11", "en", 3_700, &[("risks", 1, 90)]));
    assert!(!file.is_failing());
}

#[test]
fn stats_prints_sessions_per_day_and_top_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("visits.ron");
    three_days(&path);
    let output = stats(&["--file", utf8(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Visit statistics: 4 session(s) from 2026-11-23 to 2026-11-25, average 16 min 38 s",
        "{text}"
    );
    let day = |date: &str| -> Vec<&str> {
        let line = lines
            .iter()
            .find(|line| line.starts_with(date))
            .unwrap_or_else(|| panic!("a row for {date} in\n{text}"));
        line.split("  ")
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect()
    };
    assert_eq!(
        day("2026-11-23"),
        ["2026-11-23", "1", "50 s", "1", "0", "0", "en:1"]
    );
    assert_eq!(
        day("2026-11-24"),
        ["2026-11-24", "2", "2 min", "6", "4", "2", "en:1 es:1"]
    );
    assert_eq!(
        day("2026-11-25"),
        ["2026-11-25", "1", "1 h 1 min", "1", "2", "1", "en:1"]
    );
    let top = lines
        .iter()
        .position(|line| *line == "Top pages")
        .expect("a top pages section");
    let order: Vec<&str> = lines[top + 2..]
        .iter()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(order, ["what-is-fusion", "risks", "recovery"], "{text}");
    assert!(
        lines[top + 2].ends_with("4  1 min 40 s          25 s"),
        "{text}"
    );
}

#[test]
fn stats_csv_has_exact_rows_and_since_drops_earlier_days() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("visits.ron");
    three_days(&path);
    let output = stats(&["--file", utf8(&path), "--csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages\n\
         2026-11-23,1,50,1,0,0,en:1\n\
         2026-11-24,2,120,6,4,2,en:1 es:1\n\
         2026-11-25,1,3700,1,2,1,en:1\n"
    );

    let output = stats(&["--file", utf8(&path), "--csv", "--since", "2026-11-24"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages\n\
         2026-11-24,2,120,6,4,2,en:1 es:1\n\
         2026-11-25,1,3700,1,2,1,en:1\n"
    );

    let output = stats(&[
        "--file",
        utf8(&path),
        "--csv",
        "--pages",
        "--since",
        "2026-11-25",
    ]);
    assert_eq!(
        stdout(&output),
        "page,views,total_secs,avg_secs_per_view\nrisks,1,90,90\n"
    );

    let output = stats(&["--file", utf8(&path), "--since", "2026-11-25"]);
    let text = stdout(&output);
    assert!(
        text.starts_with("Visit statistics since 2026-11-25: 1 session(s)"),
        "{text}"
    );
    assert!(!text.contains("2026-11-24"), "{text}");
}

#[test]
fn stats_reports_damaged_lines_missing_files_and_bad_dates_kindly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("visits.ron");

    let output = stats(&["--file", utf8(&path)]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!("no statistics yet at {}\n", path.display())
    );

    three_days(&path);
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str("(hour:\"2026-11-2");
    std::fs::write(&path, text).expect("write");
    let output = stats(&["--file", utf8(&path), "--csv"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).lines().count(), 4);
    assert!(
        stderr(&output).contains("skipped 1 damaged line(s)"),
        "{}",
        stderr(&output)
    );

    let output = stats(&["--file", utf8(&path), "--since", "2026-13-01"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("expected a date like 2026-11-24 (YYYY-MM-DD)"),
        "{}",
        stderr(&output)
    );

    let output = stats(&["--file", utf8(dir.path())]);
    assert_eq!(
        output.status.code(),
        Some(3),
        "a folder is not a statistics file"
    );
    assert!(
        stderr(&output).contains("is not a file (a folder, a pipe or a device)"),
        "{}",
        stderr(&output)
    );
    // A device that never ends, and a pipe nobody writes to: refused at once, not read until
    // the memory is gone or waited on for ever.
    let fifo = dir.path().join("fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    for not_a_file in ["/dev/zero", utf8(&fifo)] {
        let output = stats(&["--file", not_a_file]);
        assert_eq!(output.status.code(), Some(3), "{not_a_file}");
        assert!(
            stderr(&output).contains("is not a file"),
            "{not_a_file}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn stats_on_a_page_id_of_70000_characters_prints_the_report() {
    // Before: "Formatting argument out of range" (a width of 65,536 or more) and exit 101.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("visits.ron");
    let long = "x".repeat(70_000);
    let line = record("2026-11-24T08", "en", 30, &[(long.as_str(), 1, 30)])
        .to_line()
        .expect("serialises");
    std::fs::write(&path, format!("{line}\n")).expect("write");
    let output = stats(&["--file", utf8(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains(&long));
}

#[test]
fn a_full_disk_never_stops_the_kiosk_and_is_logged_once() {
    let mut file = StatsFile::new("/dev/full");
    let visit = record("2026-11-24T08", "en", 10, &[]);
    file.append(&visit);
    assert!(file.is_failing(), "writing to /dev/full fails");
    file.append(&visit);
    assert!(file.is_failing());
    assert_eq!(file.warnings_logged(), 1, "logged once, not per record");
    assert!(file.try_append(&visit).is_err());
}

#[test]
fn an_unusable_folder_never_stops_the_kiosk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("plain-file");
    std::fs::write(&not_a_folder, "x").expect("write");
    let mut file = StatsFile::new(not_a_folder.join("deeper/visits.ron"));
    let visit = record("2026-11-24T08", "en", 10, &[]);
    file.append(&visit);
    file.append(&visit);
    assert!(file.is_failing());
    assert_eq!(file.warnings_logged(), 1);
    assert_eq!(std::fs::read_to_string(&not_a_folder).expect("read"), "x");
}
