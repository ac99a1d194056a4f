//! Real X displays for the tests that run the kiosk's own binary: a virtual screen (Xvfb) and,
//! where a test needs one, a window manager on it (openbox), each ended when dropped.

use std::io::{BufRead as _, BufReader};
use std::process::{Command, Stdio};

/// A virtual X display of our own, so that the signal goes to the kiosk itself (under
/// `xvfb-run` it would go to the script). Ended when dropped.
pub struct Display {
    xvfb: std::process::Child,
    /// The display's name, for `DISPLAY`.
    pub name: String,
}

impl Display {
    /// Starts one; `None` (outside CI only) if Xvfb is not installed.
    pub fn start() -> Option<Self> {
        Self::start_sized("1280x800")
    }

    /// Starts one with a screen of `size` (`WxH`).
    pub fn start_sized(size: &str) -> Option<Self> {
        let screen = format!("{size}x24");
        let spawned = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                &screen,
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut xvfb) = spawned else {
            assert!(
                std::env::var_os("CI").is_none(),
                "Xvfb is missing (scripts/test.sh installs it)"
            );
            eprintln!("note: Xvfb is not installed; skipping this check");
            return None;
        };
        let mut number = String::new();
        let stdout = xvfb.stdout.take().expect("piped");
        BufReader::new(stdout)
            .read_line(&mut number)
            .expect("Xvfb says its display");
        Some(Self {
            xvfb,
            name: format!(":{}", number.trim()),
        })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// A program the test needs: started, or `None` outside CI if it is not installed (in CI,
/// where scripts/test.sh installs it, its absence fails the test).
pub fn start_tool(program: &str, args: &[&str], display: &Display) -> Option<std::process::Child> {
    let spawned = Command::new(program)
        .args(args)
        .env("DISPLAY", &display.name)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        Ok(child) => Some(child),
        Err(error) => missing(program, &error),
    }
}

/// A tool the test needs is not installed: `None` and a note, but a failure in CI (where
/// scripts/test.sh installs it).
pub fn missing<T>(program: &str, error: &std::io::Error) -> Option<T> {
    assert!(
        std::env::var_os("CI").is_none(),
        "{program} is missing (scripts/test.sh installs it): {error}"
    );
    eprintln!("note: {program} is not installed; skipping this check");
    None
}

/// The kiosk's own binary, locked, on `display`, keeping its files in `data`, its log piped.
pub fn spawn_locked_kiosk(display: &Display, data: &std::path::Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["--kiosk", "--size", "1280x800"])
        .env("DISPLAY", &display.name)
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_DATA_HOME", data)
        .env("XDG_CONFIG_HOME", data)
        .env("RUST_LOG", "warn,patient_kiosk=info")
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kiosk starts")
}

/// Waits up to 20 s for `child` to end; `what` names the wait in the failure.
pub fn wait_for_exit(child: &mut std::process::Child, what: &str) -> std::process::ExitStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            return status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{what}: the kiosk did not end within 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// Runs a tool on the display to its end; its standard output, if it worked.
pub fn run_tool(program: &str, args: &[&str], display: &Display) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .env("DISPLAY", &display.name)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Reads the kiosk's log until its window is up; the log so far.
pub fn wait_for_window(stderr: &mut BufReader<std::process::ChildStderr>) -> String {
    let mut log = String::new();
    while !log.contains("window ready") {
        let mut line = String::new();
        if stderr.read_line(&mut line).expect("read the log") == 0 {
            panic!("the kiosk ended before its window was up:\n{log}");
        }
        log.push_str(&line);
    }
    log
}
