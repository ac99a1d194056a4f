//! What can go wrong making a narration.

use std::path::PathBuf;

/// Why a page could not be read aloud.
#[derive(Debug, thiserror::Error)]
pub enum NarrationError {
    /// No speech program: the kiosk works without the Listen button.
    #[error(
        "espeak-ng is not installed (Debian: apt-get install espeak-ng), so nothing can be read aloud"
    )]
    NoSpeechProgram,
    /// The program is there but has no voice for the language.
    #[error(
        "espeak-ng has no voice {voice:?} for the language {language:?} (see `espeak-ng --voices`; choose one with `voices` in the settings)"
    )]
    VoiceMissing {
        /// The content language, by its folder name.
        language: String,
        /// The espeak-ng voice it asks for.
        voice: String,
    },
    /// The program failed on a sentence.
    #[error("espeak-ng failed on {sentence:?}: {message}")]
    SpeechFailed {
        /// The sentence it was given.
        sentence: String,
        /// What it said.
        message: String,
    },
    /// What it gave back is not the audio asked for.
    #[error("espeak-ng gave back audio that cannot be read: {0}")]
    BadAudio(String),
    /// A recorded sentence cannot be played.
    #[error("the recording {path} cannot be played: {message}")]
    BadRecording {
        /// The WAV file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// Nothing can play sound.
    #[error("no sound: {0} (Debian: apt-get install alsa-utils, and a sound device)")]
    NoPlayer(String),
    /// The audio file could not be written.
    #[error("the audio could not be written to {path}: {message}")]
    Unwritable {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}
