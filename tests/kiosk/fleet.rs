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
    let read = || std::fs::read_to_string(&metrics).expect("the textfile is written");
    let first = read();
    let kiosk = "kiosk=\"Spine center \\\"east\\\"\"";
    for line in [
        format!("patient_kiosk_up{{{kiosk}}} 1"),
        format!("patient_kiosk_visits_today{{{kiosk}}} 0"),
        format!("patient_kiosk_content_problems{{{kiosk}}} 0"),
        format!("patient_kiosk_handouts_total{{{kiosk}}} 0"),
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
    let later = read();
    let visits = format!("patient_kiosk_visits_today{{{kiosk}}} 1");
    assert!(
        later.lines().any(|line| line == visits),
        "{visits} in:\n{later}"
    );
    if let Some(verdict) = promtool_accepts(&later) {
        verdict.unwrap_or_else(|said| panic!("promtool: {said}\n{later}"));
    }
}
