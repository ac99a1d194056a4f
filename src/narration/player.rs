//! Plays narration through the system's sound: ALSA's `aplay` (alsa-utils), which every
//! Linux with sound has, as a program of its own, so a sound card that hangs or vanishes can
//! never stop the screen. No audio device or no player: no Listen button, and the staff menu
//! says why.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use super::{Narration, NarrationError};

/// The loudest volume, in steps of a tenth.
pub const MAX_VOLUME: u8 = 10;
/// The volume each visit starts at.
pub const DEFAULT_VOLUME: u8 = 7;

/// The command that plays a WAV file, given its path last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Player {
    command: Vec<String>,
}

impl Player {
    /// `aplay` on the `PATH`, on the default sound device.
    pub fn find() -> Option<Self> {
        crate::programs::on_path("aplay").map(|aplay| Self {
            command: vec![aplay.to_string_lossy().into_owned(), "-q".to_owned()],
        })
    }

    /// A player of our own choosing: `command` then the file (tests; other sound systems).
    pub fn with_command(command: Vec<String>) -> Self {
        Self { command }
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
        let Some((program, args)) = self.command.split_first() else {
            return Err(NarrationError::NoPlayer("no player command".to_owned()));
        };
        let child = Command::new(program)
            .args(args)
            .arg(file)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| NarrationError::NoPlayer(format!("{program}: {error}")))?;
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
