//! The kiosk among many (issue 20): its health as a Prometheus textfile that `promtool check
//! metrics` accepts, written whole every 15 seconds.
//!
//! `promtool` (Debian's `prometheus` package) must be installed on CI (`scripts/test.sh`
//! installs it); elsewhere the check prints a note and the rest of the test runs.

use crate::common;

use std::process::{Command, Stdio};

use egui_kittest::Harness;
use patient_kiosk::app::{Command as KioskCommand, UsageRecorder};
use patient_kiosk::config::KioskConfig;
use patient_kiosk::{KioskApp, Theme};

/// `promtool check metrics`'s verdict on `text`, or `None` without promtool (on CI it must be
/// there).
fn promtool_accepts(text: &str) -> Option<Result<(), String>> {
    let child = Command::new("promtool")
        .args(["check", "metrics"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        assert!(
            std::env::var_os("CI").is_none(),
            "promtool is missing: install prometheus (scripts/test.sh does)"
        );
        eprintln!("note: promtool is not installed; the textfile is not checked with it");
        return None;
    };
    use std::io::Write as _;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let output = child.wait_with_output().expect("promtool runs");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    Some(if output.status.success() && said.trim().is_empty() {
        Ok(())
    } else {
        Err(said)
    })
}

/// The health textfile once it holds `line`. The kiosk writes it off the screen's thread, so
/// on a busy machine the write may land a little after the frame that started it: this steps
/// the kiosk (one second each) and waits, for up to 20 real seconds, then fails with what the
/// file said last.
fn textfile_once_it_says(
    harness: &mut Harness<'_, KioskApp>,
    path: &std::path::Path,
    line: &str,
) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.lines().any(|had| had == line) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{line} never reached {}; it said:\n{text}",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
}

#[test]
fn the_health_textfile_is_accepted_by_promtool_and_counts_the_days_visits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let metrics = dir.path().join("textfile/patient_kiosk.prom");
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_settings(
        KioskConfig {
            kiosk_name: Some("Spine center \"east\"".to_owned()),
            metrics_file: Some(metrics.clone()),
            ..KioskConfig::default()
        },
        None,
    );
    app.set_usage_recorder(UsageRecorder::new(
        None,
        Box::new(patient_kiosk::stats::SystemClock),
    ));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(1.0)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let kiosk = "kiosk=\"Spine center \\\"east\\\"\"";
    let first = textfile_once_it_says(
        &mut harness,
        &metrics,
        &format!("patient_kiosk_up{{{kiosk}}} 1"),
    );
    for line in [
        format!("patient_kiosk_up{{{kiosk}}} 1"),
        format!("patient_kiosk_visits_today{{{kiosk}}} 0"),
        format!("patient_kiosk_content_problems{{{kiosk}}} 0"),
        format!("patient_kiosk_handouts_total{{{kiosk}}} 0"),
        format!("patient_kiosk_print_failures_total{{{kiosk}}} 0"),
        format!("patient_kiosk_stats_write_failures_total{{{kiosk}}} 0"),
    ] {
        assert!(first.lines().any(|had| had == line), "{line} in:\n{first}");
    }
    if let Some(verdict) = promtool_accepts(&first) {
        verdict.unwrap_or_else(|said| panic!("promtool: {said}\n{first}"));
    }
    // A visit, then the kiosk starts over: counted, and in the file within 15 seconds.
    harness.state_mut().apply(KioskCommand::ChooseLanguage(0));
    harness.run();
    harness.state_mut().apply(KioskCommand::StartOver);
    for _ in 0..16 {
        harness.step();
    }
    let visits = format!("patient_kiosk_visits_today{{{kiosk}}} 1");
    let later = textfile_once_it_says(&mut harness, &metrics, &visits);
    if let Some(verdict) = promtool_accepts(&later) {
        verdict.unwrap_or_else(|said| panic!("promtool: {said}\n{later}"));
    }
}

/// `stats` reads one file per kiosk and reports them together and one by one, in text and
/// CSV, each kiosk named by the records (its `kiosk_name`) or else by its file; a file that
/// cannot be read is said, and the others are reported.
#[test]
fn the_statistics_of_three_kiosks_are_read_together_and_one_by_one() {
    use patient_kiosk::stats::VisitRecord;
    let dir = tempfile::tempdir().expect("temp dir");
    let visit = |kiosk: Option<&str>, hour: &str, secs: u32| VisitRecord {
        hour: hour.to_owned(),
        language: "en".to_owned(),
        secs,
        kiosk: kiosk.map(str::to_owned),
        ..VisitRecord::default()
    };
    let write = |name: &str, visits: &[VisitRecord]| {
        let path = dir.path().join(name);
        let text: String = visits
            .iter()
            .map(|visit| ron::to_string(visit).expect("ron") + "\n")
            .collect();
        std::fs::write(&path, text).expect("write");
        path.to_str().expect("path").to_owned()
    };
    let lobby = write(
        "a.ron",
        &[
            visit(Some("Lobby"), "2026-12-06T09", 100),
            visit(Some("Lobby"), "2026-12-07T09", 200),
        ],
    );
    let floor = write(
        "b.ron",
        &[visit(Some("Floor 2, east"), "2026-12-07T10", 60)],
    );
    let old = write("clinic-c.ron", &[visit(None, "2026-12-07T11", 30)]);
    let missing = dir.path().join("gone.ron");
    let missing = missing.to_str().expect("path");
    let args = |csv: bool| {
        let mut args = vec!["stats"];
        for file in [&lobby, &floor, &old] {
            args.extend(["--file", file.as_str()]);
        }
        args.extend(["--file", missing]);
        if csv {
            args.push("--csv");
        }
        args
    };
    let output = common::run_bin(&args(false));
    assert!(output.status.success(), "{output:?}");
    let text = common::stdout(&output);
    assert!(
        text.contains("== All kiosks (3 kiosks)\nVisit statistics: 4 session(s)"),
        "{text}"
    );
    assert!(
        text.contains("== Kiosk: Lobby\nVisit statistics: 2 session(s)"),
        "{text}"
    );
    assert!(text.contains("== Kiosk: Floor 2, east\nVisit statistics: 1 session(s)"));
    assert!(text.contains("== Kiosk: clinic-c\n"), "named by its file");
    assert!(String::from_utf8_lossy(&output.stderr).contains("gone.ron"));
    let csv = common::stdout(&common::run_bin(&args(true)));
    let lines: Vec<&str> = csv.lines().collect();
    assert!(
        lines[0].starts_with("kiosk,date,sessions,avg_session_secs"),
        "{csv}"
    );
    for row in [
        "all kiosks,2026-12-06,1,100,",
        "all kiosks,2026-12-07,3,97,",
        "Lobby,2026-12-06,1,100,",
        "Lobby,2026-12-07,1,200,",
        "\"Floor 2, east\",2026-12-07,1,60,",
        "clinic-c,2026-12-07,1,30,",
    ] {
        assert!(
            lines.iter().any(|line| line.starts_with(row)),
            "{row} in:\n{csv}"
        );
    }
}
