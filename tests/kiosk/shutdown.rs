//! Stopping: SIGTERM, SIGINT and SIGHUP (what `systemctl stop`, Ctrl-C and a closed session
//! send) end the kiosk with exit code 0 and a log line, and the visit in progress is saved.

use crate::{common, x_display};

use std::io::BufReader;
use std::process::Command;

use egui_kittest::Harness;
use patient_kiosk::app::{Command as KioskCommand, Screen, UsageRecorder};
use patient_kiosk::stats::{FixedClock, StatsFile, read_records};
use patient_kiosk::{KioskApp, Theme};

#[test]
fn a_stop_saves_the_visit_in_progress_and_closes_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats_path = dir.path().join("visits.ron");
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(true);
    app.set_usage_recorder(UsageRecorder::new(
        Some(StatsFile::new(&stats_path)),
        Box::new(FixedClock::new("2026-11-24T09")),
    ));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    assert_eq!(harness.state().session().screen, Screen::Home);
    common::tap_command(
        &mut harness,
        KioskCommand::Open(patient_kiosk::content::PageRef { topic: 0, page: 0 }),
    );
    assert!(!stats_path.exists(), "no visit is saved before it ends");

    harness.state_mut().stop_on_signal("SIGTERM");
    harness.step();
    assert!(harness.state().is_exiting());
    assert!(
        common::viewport_commands(&harness).contains(&egui::ViewportCommand::Close),
        "the locked window closes all the same"
    );
    let log = read_records(&stats_path).expect("the visit was saved");
    assert_eq!(log.records.len(), 1);
    assert!(log.records[0].page_views() >= 1, "{:?}", log.records[0]);
    // A second signal saves nothing more.
    harness.state_mut().stop_on_signal("SIGTERM");
    assert_eq!(
        read_records(&stats_path).map(|l| l.records.len()).ok(),
        Some(1)
    );
}

#[test]
fn sigterm_sigint_and_sighup_end_the_kiosk_with_0_and_a_log_line() {
    let Some(display) = x_display::Display::start() else {
        return;
    };
    for signal in ["TERM", "INT", "HUP"] {
        let data = tempfile::tempdir().expect("temp dir");
        let mut kiosk = x_display::spawn_locked_kiosk(&display, data.path());
        let mut stderr = BufReader::new(kiosk.stderr.take().expect("piped"));
        // Until the window is up: the signal then meets the running kiosk.
        let mut log = x_display::wait_for_window(&mut stderr);
        let sent = Command::new("kill")
            .args([format!("-{signal}"), kiosk.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let status = x_display::wait_for_exit(&mut kiosk, &format!("SIG{signal}"));
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut rest);
        log.push_str(&rest);
        assert_eq!(status.code(), Some(0), "SIG{signal}:\n{log}");
        assert!(
            log.contains(&format!("stopping on SIG{signal}")),
            "SIG{signal}:\n{log}"
        );
    }
}
