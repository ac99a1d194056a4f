//! The Listen button's side of the app: a page's narration made in the background, played,
//! paused where it is, stopped when the patient leaves the page, and forgotten (volume too)
//! when the visit is wiped. While it plays, the kiosk counts it as the patient's activity.

use std::path::PathBuf;

use super::job::Job;
use crate::content::{Deck, PageRef};
use crate::narration::{
    DEFAULT_VOLUME, EspeakNg, MAX_VOLUME, Narration, Part, Playback, Player, narrate, page_script,
};

/// What the Listen controls show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenState {
    /// No voice or no sound: no Listen button.
    Unavailable,
    /// Ready: the Listen button.
    Ready,
    /// The voice is getting the page ready.
    Making,
    /// Reading aloud.
    Playing,
    /// Paused where it was; Listen goes on from the sentence it stopped in.
    Paused,
}

/// What is being read, for the screen to light.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadingNow {
    /// Where on the page.
    pub part: Part,
    /// The sentence's words.
    pub sentence: String,
}

/// A narration for a page in a language at a diagram step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    at: PageRef,
    language: usize,
    step: usize,
}

struct Playing {
    key: Key,
    narration: Narration,
    playback: Playback,
    /// egui's time when the sound started, and where in the narration it started.
    started_secs: f64,
    from_ms: u64,
}

pub(super) struct Listen {
    voice: Option<EspeakNg>,
    player: Option<Player>,
    /// Why there is no Listen button, for the staff menu.
    unavailable: Option<String>,
    making: Option<(Key, Job<Result<Narration, String>>)>,
    playing: Option<Playing>,
    /// A pause: the narration and where in it.
    paused: Option<(Key, Narration, u64)>,
    volume: u8,
    audio_file: PathBuf,
    /// What the last frame lit.
    reading: Option<ReadingNow>,
}

impl Listen {
    pub(super) fn new(voice: Option<EspeakNg>, player: Option<Player>) -> Self {
        let unavailable = match (&voice, &player) {
            (None, _) => Some(crate::narration::NarrationError::NoSpeechProgram.to_string()),
            (_, None) => Some(
                crate::narration::NarrationError::NoPlayer("aplay is not installed".to_owned())
                    .to_string(),
            ),
            _ => None,
        };
        let audio_file =
            std::env::temp_dir().join(format!("patient-kiosk-{}-listen.wav", std::process::id()));
        Self {
            voice,
            player,
            unavailable,
            making: None,
            playing: None,
            paused: None,
            volume: DEFAULT_VOLUME,
            audio_file,
            reading: None,
        }
    }

    /// Why a page cannot be read aloud, if it cannot.
    pub(super) fn unavailable(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    pub(super) fn state(&self) -> ListenState {
        if self.unavailable.is_some() {
            ListenState::Unavailable
        } else if self.playing.is_some() {
            ListenState::Playing
        } else if self.making.is_some() {
            ListenState::Making
        } else if self.paused.is_some() {
            ListenState::Paused
        } else {
            ListenState::Ready
        }
    }

    pub(super) fn volume(&self) -> u8 {
        self.volume
    }

    /// Whether it reads (or gets ready to): activity, as a touch is.
    pub(super) fn busy(&self) -> bool {
        self.playing.is_some() || self.making.is_some()
    }

    /// Reads page `at` aloud (from where it was paused, if it was).
    pub(super) fn start(&mut self, deck: &Deck, (at, language, step): (PageRef, usize, usize)) {
        let key = Key { at, language, step };
        if self.busy() || self.unavailable.is_some() {
            return;
        }
        if let Some((paused_key, narration, from_ms)) = self.paused.take()
            && paused_key == key
        {
            self.play(key, narration, from_ms, None);
            return;
        }
        let (Some(voice), Some(page)) = (self.voice.clone(), deck.language(language).page(at))
        else {
            return;
        };
        let code = deck.language(language).code.clone();
        let script = page_script(deck, language, page, step);
        self.making = Some((
            key,
            Job::spawn(move || {
                let voice_name = EspeakNg::voice_for(&code);
                narrate(&voice, &code, &voice_name, &script).map_err(|error| error.to_string())
            }),
        ));
    }

    /// Pauses where it is: the sentence being read starts again on Listen.
    pub(super) fn pause(&mut self, now_secs: f64) {
        if let Some(playing) = self.playing.take() {
            let at_ms = position_ms(&playing, now_secs);
            let from_ms = playing
                .narration
                .sentences
                .iter()
                .rev()
                .find(|sentence| sentence.start_ms <= at_ms)
                .map_or(0, |sentence| sentence.start_ms);
            self.paused = Some((playing.key, playing.narration, from_ms));
        }
    }

    /// Stops, and forgets the place.
    pub(super) fn stop(&mut self) {
        self.making = None;
        self.playing = None;
        self.paused = None;
    }

    /// The visit is wiped: stopped, and the volume back to where each visit starts.
    pub(super) fn forget(&mut self) {
        self.stop();
        self.volume = DEFAULT_VOLUME;
    }

    /// One step louder (`true`) or quieter; what plays goes on at the new volume.
    pub(super) fn change_volume(&mut self, louder: bool, now_secs: f64) {
        self.volume = if louder {
            (self.volume + 1).min(MAX_VOLUME)
        } else {
            self.volume.saturating_sub(1).max(1)
        };
        if let Some(playing) = self.playing.take() {
            let at_ms = position_ms(&playing, now_secs);
            let Playing {
                key,
                narration,
                playback,
                ..
            } = playing;
            // The old sound stops (and its file goes) before the new one is written.
            drop(playback);
            self.play(key, narration, at_ms, Some(now_secs));
        }
    }

    fn play(&mut self, key: Key, narration: Narration, from_ms: u64, now_secs: Option<f64>) {
        let Some(player) = &self.player else {
            return;
        };
        match player.play(&narration, from_ms, self.volume, &self.audio_file) {
            Ok(playback) => {
                self.playing = Some(Playing {
                    key,
                    narration,
                    playback,
                    started_secs: now_secs.unwrap_or(f64::NAN),
                    from_ms,
                });
            }
            Err(error) => log::warn!("the page cannot be read aloud: {error}"),
        }
    }

    /// Once a frame: takes up a narration made, notices the end, and stops when the patient
    /// has left the page (or changed language or step). Returns what is being read, and when
    /// the next sentence starts (to repaint then).
    pub(super) fn update(
        &mut self,
        ctx: &egui::Context,
        now_secs: f64,
        showing: Option<(PageRef, usize, usize)>,
    ) -> Option<ReadingNow> {
        self.reading = self.reading_now(ctx, now_secs, showing.map(Key::new));
        self.reading.clone()
    }

    /// What the last frame lit.
    pub(super) fn reading(&self) -> Option<&ReadingNow> {
        self.reading.as_ref()
    }

    fn reading_now(
        &mut self,
        ctx: &egui::Context,
        now_secs: f64,
        showing: Option<Key>,
    ) -> Option<ReadingNow> {
        if let Some((key, job)) = &self.making
            && let Some(done) = job.poll(ctx)
        {
            let key = *key;
            self.making = None;
            match done {
                Some(Ok(narration)) => self.play(key, narration, 0, Some(now_secs)),
                Some(Err(error)) => log::warn!("the page cannot be read aloud: {error}"),
                None => log::warn!("the page cannot be read aloud: the voice stopped"),
            }
        }
        let left = |key: Key| showing != Some(key);
        if self.making.as_ref().is_some_and(|(key, _)| left(*key))
            || self
                .playing
                .as_ref()
                .is_some_and(|playing| left(playing.key))
            || self.paused.as_ref().is_some_and(|(key, ..)| left(*key))
        {
            self.stop();
        }
        let playing = self.playing.as_mut()?;
        if playing.started_secs.is_nan() {
            playing.started_secs = now_secs;
        }
        let at_ms = position_ms(playing, now_secs);
        if at_ms >= playing.narration.duration_ms() || playing.playback.ended() {
            self.playing = None;
            return None;
        }
        let next_ms = playing
            .narration
            .sentences
            .iter()
            .flat_map(|sentence| [sentence.start_ms, sentence.end_ms])
            .find(|&ms| ms > at_ms)
            .unwrap_or(playing.narration.duration_ms());
        ctx.request_repaint_after_secs(((next_ms - at_ms) as f32 / 1000.0).max(0.02));
        let index = playing.narration.sentence_at(at_ms)?;
        let sentence = &playing.narration.sentences[index];
        Some(ReadingNow {
            part: sentence.part,
            sentence: sentence.text.clone(),
        })
    }
}

fn position_ms(playing: &Playing, now_secs: f64) -> u64 {
    let played_secs = if playing.started_secs.is_nan() {
        0.0
    } else {
        (now_secs - playing.started_secs).max(0.0)
    };
    playing.from_ms + (played_secs * 1000.0) as u64
}

/// The page, language and step on screen, as a narration key.
pub(super) fn showing(
    screen: super::Screen,
    language: usize,
    deck: &Deck,
    steps: &std::collections::BTreeMap<String, usize>,
) -> Option<(PageRef, usize, usize)> {
    let super::Screen::Page(at) = screen else {
        return None;
    };
    let page = deck.language(language).page(at)?;
    let step = page
        .diagram_ids()
        .next()
        .and_then(|id| steps.get(id))
        .copied()
        .unwrap_or(0);
    Some((at, language, step))
}

impl Key {
    fn new((at, language, step): (PageRef, usize, usize)) -> Self {
        Self { at, language, step }
    }
}
