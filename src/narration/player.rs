//! Plays narration through the system's sound: ALSA's `aplay` (alsa-utils), which every
//! Linux with sound has, as a program of its own, so a sound card that hangs or vanishes can
//! never stop the screen. No player, or no sound device that opens: no Listen button, and the
//! staff menu says why.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{Narration, NarrationError};

/// The loudest volume, in steps of a tenth.
pub const MAX_VOLUME: u8 = 10;
/// The volume each visit starts at.
pub const DEFAULT_VOLUME: u8 = 7;

/// How long the check of the sound device may take before it is taken as working (a device
/// busy with another sound can keep `aplay` waiting).
const CHECK_SECS: f32 = 3.0;

/// The command that plays a WAV file, given its path last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Player {
    command: Vec<String>,
    /// Whether [`Self::check_device`] plays a moment of silence to see the device works.
    checks_device: bool,
}

impl Player {
    /// `aplay` on the `PATH`, on the default sound device; the error says why there is none.
    /// Whether the device works is for [`Self::check_device`] to find out (it takes a moment).
    pub fn find() -> Result<Self, NarrationError> {
        let aplay = crate::programs::on_path("aplay")
            .ok_or_else(|| NarrationError::NoPlayer("aplay is not installed".to_owned()))?;
        Ok(Self {
            command: vec![aplay.to_string_lossy().into_owned(), "-q".to_owned()],
            checks_device: true,
        })
    }

    /// A player of our own choosing: `command` then the file (tests; other sound systems).
    /// Its device is not checked.
    pub fn with_command(command: Vec<String>) -> Self {
        Self {
            command,
            checks_device: false,
        }
    }

    /// The same player, its device checked by [`Self::check_device`] as `aplay`'s is (tests;
    /// other sound systems that fail when there is no device).
    pub fn checking_device(mut self) -> Self {
        self.checks_device = true;
        self
    }

    /// Plays 20 ms of silence through `file` to see that there is a sound device that opens:
    /// `aplay` is there on a computer with no sound card too. The error gives the player's own
    /// words (ALSA's "audio open error: No such file or directory").
    pub fn check_device(&self, file: &Path) -> Result<(), NarrationError> {
        if !self.checks_device {
            return Ok(());
        }
        let silence = Narration {
            sample_rate: 22_050,
            samples: vec![0; 441],
            sentences: Vec::new(),
        };
        silence.write_wav(file)?;
        let mut child = self.spawn(file, Stdio::piped())?;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs_f32(CHECK_SECS);
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break Some(status),
                Ok(None) if std::time::Instant::now() < deadline => {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                _ => break None,
            }
        };
        let _ = std::fs::remove_file(file);
        let Some(status) = status else {
            // Still waiting for a busy device: it is there.
            let _ = child.kill();
            let _ = child.wait();
            return Ok(());
        };
        if status.success() {
            return Ok(());
        }
        let mut said = String::new();
        if let Some(mut stderr) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut stderr, &mut said);
        }
        // ALSA's own lines come first; the player's last line says what failed.
        let last = said.lines().rev().find(|line| !line.trim().is_empty());
        Err(NarrationError::NoPlayer(format!(
            "the sound device cannot be opened ({})",
            last.map_or_else(|| status.to_string(), |line| line.trim().to_owned())
        )))
    }

    /// Starts the player on `file`, its error output to `stderr`.
    fn spawn(&self, file: &Path, stderr: Stdio) -> Result<Child, NarrationError> {
        let Some((program, args)) = self.command.split_first() else {
            return Err(NarrationError::NoPlayer("no player command".to_owned()));
        };
        Command::new(program)
            .args(args)
            .arg(file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|error| NarrationError::NoPlayer(format!("{program}: {error}")))
    }

    /// Plays `narration` from `from_ms` at `volume` (0 to [`MAX_VOLUME`]): the audio from
    /// there is written to `file` and the player started on it.
    pub fn play(
        &self,
        narration: &Narration,
        from_ms: u64,
        volume: u8,
        file: &Path,
    ) -> Result<Playback, NarrationError> {
        let gain = f32::from(volume.min(MAX_VOLUME)) / f32::from(MAX_VOLUME);
        let first = (from_ms * u64::from(narration.sample_rate) / 1000) as usize;
        let part = Narration {
            sample_rate: narration.sample_rate,
            samples: narration
                .samples
                .get(first..)
                .unwrap_or_default()
                .iter()
                .map(|&sample| (f32::from(sample) * gain) as i16)
                .collect(),
            sentences: Vec::new(),
        };
        part.write_wav(file)?;
        let child = self.spawn(file, Stdio::null())?;
        Ok(Playback {
            child,
            file: file.to_owned(),
        })
    }
}

/// Sound playing, until it ends or is stopped (also when dropped).
#[derive(Debug)]
pub struct Playback {
    child: Child,
    file: PathBuf,
}

impl Playback {
    /// Whether the player has ended (the whole narration was played, or it failed).
    pub fn ended(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// Whether the player ended in failure (the sound device went away, say), not stopped.
    pub fn failed(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(Some(status)) if !status.success() && status.code().is_some())
    }

    /// Stops the sound at once.
    pub fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Playback {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_file(&self.file);
    }
}
