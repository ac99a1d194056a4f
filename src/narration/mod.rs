//! Narration: what the Listen button says for a page, in reading order ([`page_script`]),
//! spoken by an offline voice ([`EspeakNg`]) into audio with the time of every sentence
//! ([`Narration`]), so the screen can light the sentence being read. A sentence a person has
//! recorded (`content/<language>/recordings.ron`) is said in that voice instead. No egui here, and no
//! network, ever.

mod error;
mod espeak;
mod player;
mod recorded;
mod script;
mod speech;

pub use error::NarrationError;
pub use espeak::EspeakNg;
pub use player::{DEFAULT_VOLUME, MAX_VOLUME, Playback, Player};
pub use recorded::{MAX_RECORDING_SECS, RECORDING_RATES_HZ, RecordingInfo, recording_info};
pub use script::{
    Part, Script, Sentence, every_script, hotspot_script, page_script, quiz_script, step_script,
};
pub use speech::{Narration, TimedSentence, narrate};
