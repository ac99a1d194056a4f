//! A script spoken into one piece of audio, with the time each sentence starts and ends.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::espeak::EspeakNg;
use super::recorded::{read_recording, upsampled};
use super::{NarrationError, Part, Script};

/// The pause after a sentence, and the longer one where the page moves to another part.
const SENTENCE_PAUSE_MS: u64 = 250;
const PART_PAUSE_MS: u64 = 600;

/// A sentence and where it is in the audio.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimedSentence {
    /// The words.
    pub text: String,
    /// Where they are on the page.
    pub part: Part,
    /// When the voice starts them, from the start of the audio.
    pub start_ms: u64,
    /// When it has said them.
    pub end_ms: u64,
}

/// A page read aloud.
#[derive(Clone, Debug)]
pub struct Narration {
    /// Samples a second.
    pub sample_rate: u32,
    /// 16-bit mono samples.
    pub samples: Vec<i16>,
    /// Every sentence, in order, with its times.
    pub sentences: Vec<TimedSentence>,
}

impl Narration {
    /// How long it plays.
    pub fn duration_ms(&self) -> u64 {
        samples_to_ms(self.samples.len(), self.sample_rate)
    }

    /// The sentence being read at `ms` from the start, if one is (none in a pause).
    pub fn sentence_at(&self, ms: u64) -> Option<usize> {
        self.sentences
            .iter()
            .position(|sentence| (sentence.start_ms..sentence.end_ms).contains(&ms))
    }

    /// Writes it as a 16-bit mono WAV file.
    pub fn write_wav(&self, path: &Path) -> Result<(), NarrationError> {
        let unwritable = |message: String| NarrationError::Unwritable {
            path: path.to_owned(),
            message,
        };
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: self.sample_rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut writer =
            hound::WavWriter::create(path, spec).map_err(|error| unwritable(error.to_string()))?;
        for &sample in &self.samples {
            writer
                .write_sample(sample)
                .map_err(|error| unwritable(error.to_string()))?;
        }
        writer
            .finalize()
            .map_err(|error| unwritable(error.to_string()))
    }
}

fn samples_to_ms(samples: usize, sample_rate: u32) -> u64 {
    samples as u64 * 1000 / u64::from(sample_rate.max(1))
}

fn ms_to_samples(ms: u64, sample_rate: u32) -> usize {
    (ms * u64::from(sample_rate) / 1000) as usize
}

/// Speaks `script`, a sentence at a time: a sentence whose words are exactly those of one of
/// `recorded` (sentence to WAV file) is said by that recording, every other by espeak-ng's
/// `voice`. A recording that cannot be read any more (removed since `check`) is logged and
/// the generated voice says its sentence. Every part is brought to the highest sample rate
/// among them.
pub fn narrate(
    espeak: &EspeakNg,
    language: &str,
    voice: &str,
    script: &Script,
    recorded: &BTreeMap<String, PathBuf>,
) -> Result<Narration, NarrationError> {
    let mut voice_checked = false;
    let mut spoken = Vec::with_capacity(script.sentences.len());
    for sentence in &script.sentences {
        let recording = recorded.get(&sentence.text).and_then(|path| {
            read_recording(path)
                .inspect_err(|error| log::warn!("{error}; the generated voice says it"))
                .ok()
        });
        let speech = match recording {
            Some(speech) => speech,
            None => {
                if !voice_checked {
                    if !espeak.has_voice(voice) {
                        return Err(NarrationError::VoiceMissing {
                            language: language.to_owned(),
                            voice: voice.to_owned(),
                        });
                    }
                    voice_checked = true;
                }
                espeak.speak(voice, &sentence.text)?
            }
        };
        spoken.push(speech);
    }
    let sample_rate = (spoken.iter())
        .map(|speech| speech.sample_rate)
        .max()
        .unwrap_or(22_050);
    let mut narration = Narration {
        sample_rate,
        samples: Vec::new(),
        sentences: Vec::new(),
    };
    let mut last_part = None;
    for (sentence, speech) in script.sentences.iter().zip(spoken) {
        let speech = upsampled(speech, sample_rate);
        if let Some(last) = last_part {
            let pause_ms = if last == sentence.part {
                SENTENCE_PAUSE_MS
            } else {
                PART_PAUSE_MS
            };
            let silence = ms_to_samples(pause_ms, narration.sample_rate);
            narration
                .samples
                .resize(narration.samples.len() + silence, 0);
        }
        let start_ms = samples_to_ms(narration.samples.len(), narration.sample_rate);
        narration.samples.extend_from_slice(&speech.samples);
        let end_ms = samples_to_ms(narration.samples.len(), narration.sample_rate);
        narration.sentences.push(TimedSentence {
            text: sentence.text.clone(),
            part: sentence.part,
            start_ms,
            end_ms,
        });
        last_part = Some(sentence.part);
    }
    Ok(narration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_lit_is_the_one_being_read_and_none_in_a_pause() {
        let timed = |start_ms, end_ms| TimedSentence {
            text: String::new(),
            part: Part::Title,
            start_ms,
            end_ms,
        };
        let narration = Narration {
            sample_rate: 1000,
            samples: vec![0; 5000],
            sentences: vec![timed(0, 2000), timed(2250, 5000)],
        };
        assert_eq!(narration.duration_ms(), 5000);
        assert_eq!(narration.sentence_at(0), Some(0));
        assert_eq!(narration.sentence_at(1999), Some(0));
        assert_eq!(narration.sentence_at(2100), None);
        assert_eq!(narration.sentence_at(4999), Some(1));
        assert_eq!(narration.sentence_at(5000), None);
    }
}
