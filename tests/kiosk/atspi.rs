//! The kiosk as Orca meets it: the real binary on its own X display and D-Bus session, with
//! AT-SPI switched on (`org.a11y.Status IsEnabled`), its tree walked by the system's pyatspi
//! (tests/atspi/walk.py), a screen reader's user opening a page by AT-SPI actions alone.
//! Every node must have a place on screen (Orca skips what it cannot place: before, all of a
//! page's text), the page's words must all be there, and its title must be a heading.

use std::io::BufReader;
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common;
use crate::x_display::{Display, missing};

/// A D-Bus session bus of our own with the AT-SPI bus on it, ended when dropped.
struct AtSpiSession {
    address: String,
    bus_pid: u32,
    launcher: std::process::Child,
}

impl AtSpiSession {
    fn start() -> Option<Self> {
        let launched = match Command::new("dbus-launch").arg("--sh-syntax").output() {
            Ok(output) => String::from_utf8_lossy(&output.stdout).into_owned(),
            Err(error) => return missing("dbus-launch", &error),
        };
        let value = |name: &str| {
            launched.lines().find_map(|line| {
                let rest = line.strip_prefix(name)?.strip_prefix('=')?;
                Some(rest.trim_end_matches(';').trim_matches('\'').to_owned())
            })
        };
        let address = value("DBUS_SESSION_BUS_ADDRESS").expect("dbus-launch says its address");
        let bus_pid: u32 = value("DBUS_SESSION_BUS_PID")
            .and_then(|pid| pid.parse().ok())
            .expect("dbus-launch says its pid");
        // In a process group of its own: the accessibility bus it starts (a dbus-daemon) goes
        // with it at the end, instead of living on after every test run.
        let launcher = match Command::new("/usr/libexec/at-spi-bus-launcher")
            .arg("--launch-immediately")
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
        {
            Ok(child) => child,
            Err(error) => {
                let _ = Command::new("kill").arg(bus_pid.to_string()).status();
                return missing("at-spi-bus-launcher (at-spi2-core)", &error);
            }
        };
        let session = Self {
            address,
            bus_pid,
            launcher,
        };
        // The bus launcher answers once it is up; then accessibility is switched on, as a
        // desktop does when a screen reader starts.
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let enabled = Command::new("busctl")
                .args(["--user", "set-property", "org.a11y.Bus", "/org/a11y/bus"])
                .args(["org.a11y.Status", "IsEnabled", "b", "true"])
                .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|status| status.success());
            if enabled {
                return Some(session);
            }
            assert!(Instant::now() < deadline, "AT-SPI never came up");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for AtSpiSession {
    fn drop(&mut self) {
        // The launcher's whole group: the launcher and the accessibility bus it started.
        let group = format!("-{}", self.launcher.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.launcher.kill();
        let _ = self.launcher.wait();
        let _ = Command::new("kill").arg(self.bus_pid.to_string()).status();
    }
}

/// One node as the walker printed it.
struct Seen {
    role: String,
    name: String,
    place: Option<(i32, i32, i32, i32)>,
}

fn parse(walked: &str) -> Vec<Seen> {
    walked
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let _depth = fields.next()?;
            let role = fields.next()?.to_owned();
            let name = fields.next()?.to_owned();
            let numbers: Vec<i32> = fields
                .next()?
                .split(',')
                .filter_map(|n| n.parse().ok())
                .collect();
            let place = match numbers[..] {
                [x, y, w, h] if w > 0 && h > 0 => Some((x, y, w, h)),
                _ => None,
            };
            Some(Seen { role, name, place })
        })
        .collect()
}

#[test]
fn orca_can_reach_and_place_every_line_of_a_page() {
    let Some(display) = Display::start() else {
        return;
    };
    let python = Command::new("/usr/bin/python3")
        .args(["-c", "import pyatspi"])
        .status();
    match python {
        Ok(status) if status.success() => {}
        Ok(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3-pyatspi is missing (scripts/test.sh installs it)"
            );
            eprintln!("note: python3-pyatspi is not installed; skipping this check");
            return;
        }
        Err(error) => return missing::<()>("python3", &error).unwrap_or(()),
    }
    let Some(session) = AtSpiSession::start() else {
        return;
    };
    let data = tempfile::tempdir().expect("temp dir");
    let mut kiosk = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["--size", "1280x800"])
        .env("DISPLAY", &display.name)
        .env_remove("WAYLAND_DISPLAY")
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("XDG_DATA_HOME", data.path())
        .env("XDG_CONFIG_HOME", data.path())
        .env("RUST_LOG", "warn,patient_kiosk=info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kiosk starts");
    let mut stderr = BufReader::new(kiosk.stderr.take().expect("piped"));
    crate::x_display::wait_for_window(&mut stderr);
    std::thread::sleep(Duration::from_secs(2));

    let deck = common::bundled_deck();
    let words = deck.language(0);
    let (_, page) = words.pages().next().expect("a page");
    let topic = &words.topics[0].title;
    let walker = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/atspi/walk.py");
    let output = Command::new("/usr/bin/python3")
        .arg(walker)
        .arg("patient-kiosk")
        .args([words.interface.language_name.as_str(), topic.as_str()])
        .env("DBUS_SESSION_BUS_ADDRESS", &session.address)
        .env("DISPLAY", &display.name)
        .output()
        .expect("the walker runs");
    let _ = kiosk.kill();
    let _ = kiosk.wait();
    let walked = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{walked}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let seen = parse(&walked);

    let unplaced: Vec<String> = seen
        .iter()
        .filter(|node| node.place.is_none())
        .map(|node| format!("{} {:?}", node.role, node.name))
        .collect();
    assert!(
        unplaced.is_empty(),
        "Orca cannot place: {unplaced:?}\n{walked}"
    );
    let title = seen
        .iter()
        .find(|node| node.name == page.title)
        .unwrap_or_else(|| panic!("no title {:?}:\n{walked}", page.title));
    assert_eq!(title.role, "heading", "{walked}");
    for block in &page.blocks {
        if let patient_kiosk::content::model::Block::Paragraph(text) = block {
            assert!(
                seen.iter()
                    .any(|node| node.name == *text && node.place.is_some()),
                "the paragraph {text:?} cannot be reached:\n{walked}"
            );
        }
    }
}
