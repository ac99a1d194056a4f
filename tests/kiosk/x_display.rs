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
        let spawned = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
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
        Err(error) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "{program} is missing (scripts/test.sh installs it): {error}"
            );
            eprintln!("note: {program} is not installed; skipping this check");
            None
        }
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
