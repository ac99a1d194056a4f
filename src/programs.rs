//! The system programs the kiosk uses when they are installed (espeak-ng, aplay, lp),
//! found on the `PATH` as a shell would find them. No egui here.

use std::path::PathBuf;

/// The program `name` on the `PATH`, if it is there.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}
