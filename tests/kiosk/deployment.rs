//! The deployments shipped in scripts/systemd: the X11 desktop session's user service and
//! the Wayland one in cage. systemd itself reads each unit and must find nothing wrong.

use std::path::Path;
use std::process::Command;

fn unit(name: &str) -> (std::path::PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scripts/systemd")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("the unit is shipped");
    (path, text)
}

/// What `systemd-analyze verify` says of `path`; `None` (outside CI only) without systemd.
fn systemd_verdict(path: &Path) -> Option<String> {
    match Command::new("systemd-analyze")
        .arg("verify")
        .arg(path)
        .output()
    {
        Ok(output) => Some(format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )),
        Err(error) => crate::x_display::missing("systemd-analyze", &error),
    }
}

#[test]
fn the_cage_service_runs_the_locked_kiosk_alone_in_cage_on_tty1() {
    let (path, text) = unit("patient-kiosk-cage.service");
    let exec = text
        .lines()
        .find_map(|line| line.strip_prefix("ExecStart="))
        .expect("an ExecStart line");
    let (compositor, kiosk) = exec.split_once(" -- ").expect("cage -- the kiosk");
    assert!(compositor.ends_with("/cage"), "{exec}");
    assert!(kiosk.contains("patient-kiosk --kiosk"), "{exec}");
    for line in [
        "PAMName=patient-kiosk",
        "TTYPath=/dev/tty1",
        "Conflicts=getty@tty1.service",
        "Restart=on-failure",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing");
    }
    let (_, pam) = unit("pam-patient-kiosk");
    assert!(pam.contains("pam_systemd.so"), "a logind session: {pam}");
    if let Some(verdict) = systemd_verdict(&path) {
        // Its programs are not installed here; every other complaint is a mistake.
        let problems: Vec<&str> = verdict
            .lines()
            .filter(|line| {
                !line.contains("/usr/local/bin/patient-kiosk") && !line.contains("/usr/bin/cage")
            })
            .filter(|line| !line.trim().is_empty())
            .collect();
        assert!(problems.is_empty(), "{verdict}");
    }
}

#[test]
fn the_desktop_session_service_is_one_systemd_accepts() {
    let (path, text) = unit("patient-kiosk.service");
    assert!(text.contains("--kiosk"), "{text}");
    if let Some(verdict) = systemd_verdict(&path) {
        let problems: Vec<&str> = verdict
            .lines()
            .filter(|line| !line.contains("/usr/local/bin/patient-kiosk"))
            .filter(|line| !line.trim().is_empty())
            .collect();
        assert!(problems.is_empty(), "{verdict}");
    }
}
