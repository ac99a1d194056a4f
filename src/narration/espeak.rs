//! espeak-ng, Debian's offline speech program, as the kiosk's voice: 13 MB of voices for
//! many languages, and on our test machine 10 ms and 8 MB to speak a sentence. Each sentence
//! is spoken on its own, so the time of each in the audio is known to the sample.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::NarrationError;

/// The espeak-ng program, and the voice it speaks each language with.
#[derive(Clone, Debug)]
pub struct EspeakNg {
    program: PathBuf,
    /// Voices chosen in the settings, by content language; the others get [`Self::voice_for`].
    voices: BTreeMap<String, String>,
}

/// Speech as espeak-ng gives it: 16-bit mono samples.
pub(super) struct Speech {
    pub(super) sample_rate: u32,
    pub(super) samples: Vec<i16>,
}

impl EspeakNg {
    /// espeak-ng on the `PATH`, if it is installed.
    pub fn find() -> Option<Self> {
        crate::programs::on_path("espeak-ng").map(|program| Self {
            program,
            voices: BTreeMap::new(),
        })
    }

    /// The program at `program` (for tests and unusual installs).
    pub fn at(program: &Path) -> Self {
        Self {
            program: program.to_owned(),
            voices: BTreeMap::new(),
        }
    }

    /// The same program, speaking each language of `voices` (content language to espeak-ng
    /// voice: `"es": "es"` for Castilian, say) with the voice given there.
    pub fn with_voices(mut self, voices: BTreeMap<String, String>) -> Self {
        self.voices = voices;
        self
    }

    /// The voice it speaks `language` (a content folder's name) with: the one chosen in the
    /// settings, else [`Self::voice_for`].
    pub fn voice(&self, language: &str) -> String {
        self.voices
            .get(language)
            .cloned()
            .unwrap_or_else(|| Self::voice_for(language))
    }

    /// The first of `languages` whose voice espeak-ng does not have, with that voice.
    pub fn missing_voice<'a>(
        &self,
        languages: impl IntoIterator<Item = &'a str>,
    ) -> Option<NarrationError> {
        languages.into_iter().find_map(|language| {
            let voice = self.voice(language);
            (!self.has_voice(&voice)).then(|| NarrationError::VoiceMissing {
                language: language.to_owned(),
                voice,
            })
        })
    }

    /// The usual voice for a content language by its folder name: American English, Latin
    /// American Spanish, else the language's own code.
    pub fn voice_for(language: &str) -> String {
        match language {
            "en" => "en-us".to_owned(),
            "es" => "es-419".to_owned(),
            other => other.to_owned(),
        }
    }

    /// Whether espeak-ng has `voice`.
    pub fn has_voice(&self, voice: &str) -> bool {
        let Ok(output) = Command::new(&self.program)
            .arg(format!("--voices={voice}"))
            .stderr(Stdio::null())
            .output()
        else {
            return false;
        };
        // A header line, then one line per voice of that language.
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .skip(1)
            .any(|line| line.split_whitespace().nth(1) == Some(voice))
    }

    /// Speaks `sentence` with `voice`. The words go in on stdin, never as an argument, so no
    /// sentence can be read as an option.
    pub(super) fn speak(&self, voice: &str, sentence: &str) -> Result<Speech, NarrationError> {
        let failed = |message: String| NarrationError::SpeechFailed {
            sentence: sentence.to_owned(),
            message,
        };
        let mut child = Command::new(&self.program)
            .args(["-v", voice, "--stdout"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| failed(error.to_string()))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin
                .write_all(sentence.as_bytes())
                .map_err(|error| failed(error.to_string()))?;
        }
        let output = child
            .wait_with_output()
            .map_err(|error| failed(error.to_string()))?;
        if !output.status.success() {
            return Err(failed(
                String::from_utf8_lossy(&output.stderr).trim().to_owned(),
            ));
        }
        read_wav(&output.stdout)
    }
}

/// The samples of a WAV espeak-ng wrote to a pipe (its lengths say "unknown": all that came
/// is read).
fn read_wav(bytes: &[u8]) -> Result<Speech, NarrationError> {
    let reader = hound::WavReader::new(bytes)
        .map_err(|error| NarrationError::BadAudio(error.to_string()))?;
    let spec = reader.spec();
    if spec.channels != 1 || spec.bits_per_sample != 16 {
        return Err(NarrationError::BadAudio(format!(
            "{} channels of {} bits, not 1 of 16",
            spec.channels, spec.bits_per_sample
        )));
    }
    let samples = reader.into_samples::<i16>().map_while(Result::ok).collect();
    Ok(Speech {
        sample_rate: spec.sample_rate,
        samples,
    })
}
