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

/// The timer and the service that pull content bundles are units systemd accepts (but for the
/// program's path, which this machine has not installed).
#[test]
fn the_bundle_timer_and_its_service_are_units_systemd_accepts() {
    let (service, text) = unit("patient-kiosk-bundle.service");
    assert!(text.contains("patient-kiosk-fetch-bundle ${BUNDLE_URL} ${BUNDLE_INBOX}"));
    let (timer, text) = unit("patient-kiosk-bundle.timer");
    assert!(text.contains("OnUnitActiveSec=15min"), "{text}");
    for path in [service, timer] {
        if let Some(verdict) = systemd_verdict(&path) {
            let problems: Vec<&str> = verdict
                .lines()
                .filter(|line| !line.contains("/usr/local/bin/patient-kiosk-fetch-bundle"))
                .filter(|line| !line.trim().is_empty())
                .collect();
            assert!(problems.is_empty(), "{}: {verdict}", path.display());
        }
    }
}

/// The fetch script the timer runs puts a bundle and its signature into the inbox whole, does
/// not download an unchanged one again, and refuses an address that is not https://, file://
/// or this computer's http://.
#[test]
fn the_fetch_script_puts_a_bundle_and_its_signature_in_the_inbox_whole() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/patient-kiosk-fetch-bundle");
    if Command::new("curl").arg("--version").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "curl is missing");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let served = dir.path().join("www");
    std::fs::create_dir_all(&served).expect("www");
    std::fs::write(served.join("content.tar.zst"), b"the bundle").expect("bundle");
    std::fs::write(served.join("content.tar.zst.minisig"), b"its signature").expect("signature");
    let inbox = dir.path().join("inbox");
    let url = format!("file://{}", served.join("content.tar.zst").display());
    let fetch = |url: &str| {
        Command::new("sh")
            .arg(&script)
            .arg(url)
            .arg(&inbox)
            .output()
            .expect("the script runs")
    };
    let first = fetch(&url);
    assert!(first.status.success(), "{first:?}");
    assert_eq!(
        std::fs::read(inbox.join("content.tar.zst")).expect("fetched"),
        b"the bundle"
    );
    assert_eq!(
        std::fs::read(inbox.join("content.tar.zst.minisig")).expect("fetched"),
        b"its signature"
    );
    let mut names: Vec<String> = std::fs::read_dir(&inbox)
        .expect("inbox")
        .filter_map(|entry| Some(entry.ok()?.file_name().to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["content.tar.zst", "content.tar.zst.minisig"],
        "nothing left aside"
    );
    let again = fetch(&url);
    assert!(again.status.success(), "{again:?}");
    assert!(
        String::from_utf8_lossy(&again.stdout).trim().is_empty(),
        "unchanged: not fetched again"
    );
    for elsewhere in [
        "http://content.example.org/content.tar.zst",
        "http://127.0.0.1:80@content.example.org/content.tar.zst",
        "ftp://content.example.org/content.tar.zst",
    ] {
        let refused = fetch(elsewhere);
        assert_eq!(refused.status.code(), Some(2), "{elsewhere}: {refused:?}");
    }
}
