//! What a narrated walk-through video shows and says, and when: one shot per step (and a
//! title shot before each walk-through), each as long as its words take to say plus Play's
//! pause; the narration of the whole as one sound track, and the words as WebVTT captions.
//! No egui here.

use std::fmt::Write as _;

use crate::content::{Deck, PageRef};
use crate::narration::{Narration, Part, Script};
use crate::play::{AFTER_WORDS_SECS, reading_secs};

/// One shot: a walk-through's diagram at one step, from `start_secs` to `end_secs`.
#[derive(Clone, Debug, PartialEq)]
pub struct Shot {
    /// The page that shows the walk-through.
    pub page: PageRef,
    /// The walk-through diagram.
    pub diagram: String,
    /// The step showing, counting from 0.
    pub step: usize,
    /// Whether this is the walk-through's title shot (its first step, still, under the
    /// page's title).
    pub title: bool,
    /// When the shot starts.
    pub start_secs: f64,
    /// When it ends (the next one starts).
    pub end_secs: f64,
    /// The words said and shown as the caption.
    pub words: String,
    /// When the words end (they are said from the shot's start).
    pub words_end_secs: f64,
}

/// A whole video's shots and sound.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// The shots, one after another, from 0 s.
    pub shots: Vec<Shot>,
    /// The narration's samples (mono), as long as the shots.
    pub samples: Vec<i16>,
    /// Samples a second.
    pub sample_rate: u32,
}

/// The sample rate of a video with no voice: silence.
const SILENT_RATE_HZ: u32 = 22_050;

impl Timeline {
    /// The shots of the walk-throughs `walk_throughs` (each a page and its diagram) in
    /// `language`, narrated by `narrate` (`None`: no voice; each shot then lasts as long as a
    /// slow reader needs, with silence).
    pub fn new(
        deck: &Deck,
        language: usize,
        walk_throughs: &[(PageRef, String)],
        narrate: &mut dyn FnMut(&Script) -> Option<Narration>,
    ) -> Self {
        let words = deck.language(language);
        let mut shots = Vec::new();
        let mut sounds: Vec<(f64, Narration)> = Vec::new();
        let mut now_secs = 0.0;
        for (page, diagram) in walk_throughs {
            let Some(steps) = deck.diagrams.get(diagram).map(|d| d.steps.clone()) else {
                continue;
            };
            let title = (words.page(*page)).map_or_else(String::new, |page| page.title.clone());
            let captions = words.diagram_texts.get(diagram);
            let mut told = vec![(0, true, title)];
            for (index, step) in steps.iter().enumerate() {
                let caption = captions.and_then(|texts| texts.steps.get(&step.id));
                told.push((index, false, caption.cloned().unwrap_or_default()));
            }
            for (step, title, said) in told {
                let mut script = Script::default();
                script.say_line(if title { Part::Title } else { Part::Step }, &said);
                let sound = narrate(&script).filter(|sound| sound.duration_ms() > 0);
                let words_secs = sound.as_ref().map_or_else(
                    || reading_secs(&said),
                    |sound| sound.duration_ms() as f64 / 1000.0,
                );
                let end_secs = now_secs + words_secs + AFTER_WORDS_SECS;
                shots.push(Shot {
                    page: *page,
                    diagram: diagram.clone(),
                    step,
                    title,
                    start_secs: now_secs,
                    end_secs,
                    words: said,
                    words_end_secs: now_secs + words_secs,
                });
                if let Some(sound) = sound {
                    sounds.push((now_secs, sound));
                }
                now_secs = end_secs;
            }
        }
        let sample_rate = sounds
            .first()
            .map_or(SILENT_RATE_HZ, |(_, s)| s.sample_rate);
        let at = |secs: f64| (secs * f64::from(sample_rate)).round() as usize;
        let mut samples = vec![0_i16; at(now_secs)];
        for (start_secs, sound) in &sounds {
            let from = at(*start_secs);
            let resampled = resample(&sound.samples, sound.sample_rate, sample_rate);
            let end = (from + resampled.len()).min(samples.len());
            samples[from..end].copy_from_slice(&resampled[..end - from]);
        }
        Self {
            shots,
            samples,
            sample_rate,
        }
    }

    /// How long it lasts.
    pub fn duration_secs(&self) -> f64 {
        self.shots.last().map_or(0.0, |shot| shot.end_secs)
    }

    /// The shot showing at `secs`.
    pub fn shot_at(&self, secs: f64) -> Option<&Shot> {
        (self.shots.iter())
            .find(|shot| secs < shot.end_secs)
            .or(self.shots.last())
    }

    /// The captions as a WebVTT file: each shot's words while they are said (and until the
    /// next shot, so a slow reader keeps them).
    pub fn webvtt(&self) -> String {
        let mut vtt = String::from("WEBVTT\n");
        for (index, shot) in self.shots.iter().enumerate() {
            if shot.words.trim().is_empty() {
                continue;
            }
            let _ = write!(
                vtt,
                "\n{}\n{} --> {}\n{}\n",
                index + 1,
                vtt_time(shot.start_secs),
                vtt_time(shot.end_secs),
                // A blank line would end the cue; "-->" may not appear in it.
                shot.words.replace("-->", "->").replace("\n\n", "\n")
            );
        }
        vtt
    }

    /// The sound track as a 16-bit mono WAV file.
    pub fn write_wav(&self, path: &std::path::Path) -> Result<(), hound::Error> {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: self.sample_rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut writer = hound::WavWriter::create(path, spec)?;
        for sample in &self.samples {
            writer.write_sample(*sample)?;
        }
        writer.finalize()
    }
}

/// `samples` at `from_hz` made `to_hz` (a recording at another rate than the voice's), by
/// taking the nearest sample: speech stays clear enough for a waiting-room screen.
fn resample(samples: &[i16], from_hz: u32, to_hz: u32) -> Vec<i16> {
    if from_hz == to_hz || from_hz == 0 {
        return samples.to_vec();
    }
    let count = (samples.len() as u64 * u64::from(to_hz) / u64::from(from_hz)) as usize;
    (0..count)
        .map(|index| {
            let source = (index as u64 * u64::from(from_hz) / u64::from(to_hz)) as usize;
            samples[source.min(samples.len() - 1)]
        })
        .collect()
}

/// A time as WebVTT writes it: `hh:mm:ss.mmm`.
fn vtt_time(secs: f64) -> String {
    let ms = (secs * 1000.0).round() as u64;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn webvtt_times_count_hours_minutes_seconds_and_milliseconds() {
        assert_eq!(vtt_time(0.0), "00:00:00.000");
        assert_eq!(vtt_time(3723.4567), "01:02:03.457");
    }

    #[test]
    fn a_recording_at_another_rate_keeps_its_length_in_time() {
        let second = vec![1_i16; 44_100];
        assert_eq!(resample(&second, 44_100, 22_050).len(), 22_050);
        assert_eq!(resample(&second, 22_050, 22_050), second);
    }
}
