//! A screen to draw a video on where there is none (a server, a systemd timer): a virtual X
//! screen of the video's size (Xvfb, the program, as IT already runs it), started for the
//! run and ended after it. No egui here.

use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};

/// Whether this process has a screen to open a window on.
pub fn has_display() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()))
}

/// A virtual screen of our own, ended when dropped.
struct VirtualScreen {
    xvfb: Child,
    name: String,
}

impl VirtualScreen {
    fn start((width, height): (u32, u32)) -> anyhow::Result<Self> {
        let Some(program) = crate::programs::on_path("Xvfb") else {
            anyhow::bail!(
                "there is no display to draw the video on: set DISPLAY, or install Xvfb \
                 (sudo apt-get install xvfb) and the video makes its own"
            );
        };
        let mut xvfb = Command::new(program)
            .args(["-displayfd", "1", "-nolisten", "tcp", "-screen", "0"])
            .arg(format!("{width}x{height}x24"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut number = String::new();
        if let Some(stdout) = xvfb.stdout.take() {
            BufReader::new(stdout).read_line(&mut number)?;
        }
        let number = number.trim();
        if number.is_empty() {
            let _ = xvfb.kill();
            let _ = xvfb.wait();
            anyhow::bail!("Xvfb did not start a screen");
        }
        Ok(Self {
            xvfb,
            name: format!(":{number}"),
        })
    }
}

impl Drop for VirtualScreen {
    fn drop(&mut self) {
        let _ = self.xvfb.kill();
        let _ = self.xvfb.wait();
    }
}

/// Runs this same command again on a virtual screen of `size` pixels, and ends the screen
/// after it: how it ended.
pub fn run_again_on_a_virtual_screen(size: (u32, u32)) -> anyhow::Result<ExitStatus> {
    let screen = VirtualScreen::start(size)?;
    let status = Command::new(std::env::current_exe()?)
        .args(std::env::args_os().skip(1))
        .env("DISPLAY", &screen.name)
        .env_remove("WAYLAND_DISPLAY")
        .status()?;
    drop(screen);
    Ok(status)
}
