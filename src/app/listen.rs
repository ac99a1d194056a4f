//! The Listen button's side of the app: a page's narration made in the background, played,
//! paused where it is, stopped when the patient leaves the page, and forgotten (volume too)
//! when the visit is wiped. While it plays, the kiosk counts it as the patient's activity.

use std::path::PathBuf;

use super::job::Job;
use crate::content::Deck;
use crate::narration::{
    DEFAULT_VOLUME, EspeakNg, MAX_VOLUME, Narration, NarrationError, Part, Playback, Player,
    Script, Sentence, hotspot_script, narrate, page_script, quiz_script, step_script,
};

/// What the staff menu says while the sound device is being checked.
const CHECKING_SOUND: &str = "the sound device is being checked";

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

/// What the screen shows that the voice can read: the screen and language, and on it the
/// walk-through's step, the tapped part and the quiz answer chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Showing {
    pub(super) screen: super::Screen,
    pub(super) language: usize,
    /// The page's walk-through diagram and its step.
    pub(super) step: Option<(String, usize)>,
    /// The diagram part tapped open.
    pub(super) hotspot: Option<(String, String)>,
    /// The answer chosen to the quiz question showing.
    pub(super) answered: Option<usize>,
}

/// What a narration reads: on the screen and in the language of `showing`.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Target {
    /// The whole page (at its step) or quiz question (with its reply, if answered).
    Whole,
    /// The caption of the step the patient moved to.
    Step,
    /// The part the patient tapped.
    Hotspot,
    /// The reply to the answer the patient chose.
    Reply,
    /// Words said in speech mode (the control a keypad is on, the Help key's words).
    Said(Vec<String>),
}

/// A narration: what it reads, and of which screen.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Key {
    screen: super::Screen,
    language: usize,
    target: Target,
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
    /// The check that the sound device opens, while it runs (at the start, and at a visit's
    /// end after the device failed): no Listen button until it has passed.
    checking: Option<Job<Result<(), String>>>,
    /// The sound device failed (at the check, or while playing): checked again at the next
    /// idle reset.
    sound_failed: bool,
    making: Option<(Key, Job<Result<Narration, String>>)>,
    playing: Option<Playing>,
    /// A pause: the narration and where in it.
    paused: Option<(Key, Narration, u64)>,
    /// Listen was tapped on this screen (and language), and what it showed at the last frame:
    /// a part tapped, a step moved or an answer chosen there is read as it comes.
    on: Option<Showing>,
    volume: u8,
    audio_file: PathBuf,
    /// What the last frame lit.
    reading: Option<ReadingNow>,
    /// A whole page was just read to its end (not stopped): Keep reading goes on from there.
    read_to_the_end: bool,
}

impl Listen {
    pub(super) fn new(
        voice: Result<EspeakNg, NarrationError>,
        player: Result<Player, NarrationError>,
    ) -> Self {
        let unavailable = match (&voice, &player) {
            (Err(error), _) | (_, Err(error)) => Some(error.to_string()),
            _ => None,
        };
        // A file for each reader in the process (tests run many kiosks at once).
        static READERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let reader = READERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let audio_file = std::env::temp_dir().join(format!(
            "patient-kiosk-{}-{reader}-listen.wav",
            std::process::id()
        ));
        let mut listen = Self {
            voice: voice.ok(),
            player: player.ok(),
            unavailable,
            checking: None,
            sound_failed: false,
            making: None,
            playing: None,
            paused: None,
            on: None,
            volume: DEFAULT_VOLUME,
            audio_file,
            reading: None,
            read_to_the_end: false,
        };
        if listen.unavailable.is_none() {
            listen.check_device();
        }
        listen
    }

    /// Starts the check that the sound device opens; until it passes there is no Listen
    /// button, and the staff menu says the device is being checked.
    fn check_device(&mut self) {
        let Some(player) = self.player.clone() else {
            return;
        };
        self.unavailable = Some(CHECKING_SOUND.to_owned());
        let file = self.audio_file.with_extension("check.wav");
        self.checking = Some(Job::spawn(move || {
            player
                .check_device(&file)
                .map_err(|error| error.to_string())
        }));
    }

    /// Why a page cannot be read aloud, if it cannot.
    pub(super) fn unavailable(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    pub(super) fn state(&self) -> ListenState {
        // Words said in speech mode leave the controls as they are: the keypad's focus may be
        // on the Listen button, which must not turn into Pause under it.
        let said = |key: &Key| matches!(key.target, Target::Said(_));
        if self.unavailable.is_some() {
            ListenState::Unavailable
        } else if self
            .playing
            .as_ref()
            .is_some_and(|playing| !said(&playing.key))
        {
            ListenState::Playing
        } else if self.making.as_ref().is_some_and(|(key, _)| !said(key)) {
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

    /// Whether it reads (or gets ready to): activity, as a touch is. Words said in speech
    /// mode are not: the key that asked for them was (and "Are you still there?", said, must
    /// not answer itself).
    pub(super) fn busy(&self) -> bool {
        matches!(self.state(), ListenState::Playing | ListenState::Making)
    }

    /// Whether it reads or says anything, or gets ready to.
    pub(super) fn speaking(&self) -> bool {
        self.playing.is_some() || self.making.is_some()
    }

    /// Reads the screen showing aloud (from where it was paused, if it was), and from now on
    /// what the patient opens on it.
    pub(super) fn start(&mut self, deck: &Deck, showing: &Showing) {
        if self.busy() || self.unavailable.is_some() {
            return;
        }
        self.on = Some(showing.clone());
        let key = Key {
            screen: showing.screen,
            language: showing.language,
            target: Target::Whole,
        };
        if let Some((paused_key, narration, from_ms)) = self.paused.take()
            && paused_key.screen == key.screen
            && paused_key.language == key.language
        {
            self.play(paused_key, narration, from_ms, None);
            return;
        }
        self.make(deck, key, showing);
    }

    /// Reads the caption of the walk-through's step showing (Play tells a step), cutting off
    /// whatever was being read; from now on what the patient opens on the screen is read too.
    pub(super) fn read_step(&mut self, deck: &Deck, showing: &Showing) {
        if self.unavailable.is_some() {
            return;
        }
        self.stop();
        self.on = Some(showing.clone());
        let key = Key {
            screen: showing.screen,
            language: showing.language,
            target: Target::Step,
        };
        self.make(deck, key, showing);
    }

    /// Goes on from a pause, if there is one.
    pub(super) fn resume(&mut self, now_secs: f64) {
        if let Some((key, narration, from_ms)) = self.paused.take() {
            self.play(key, narration, from_ms, Some(now_secs));
        }
    }

    /// Whether a whole page was read to its end since the last time this was asked.
    pub(super) fn take_read_to_the_end(&mut self) -> bool {
        std::mem::take(&mut self.read_to_the_end)
    }

    /// Says `sentences` (speech mode: the control a keypad moved to, the Help key's words),
    /// cutting off whatever was being read, as a screen reader does when the user moves on.
    pub(super) fn say(&mut self, deck: &Deck, showing: &Showing, sentences: Vec<String>) {
        if self.unavailable.is_some() || sentences.is_empty() {
            return;
        }
        self.stop();
        let key = Key {
            screen: showing.screen,
            language: showing.language,
            target: Target::Said(sentences),
        };
        self.make(deck, key, showing);
    }

    /// Starts making the narration of `key` in the background.
    fn make(&mut self, deck: &Deck, key: Key, showing: &Showing) {
        let Some(voice) = self.voice.clone() else {
            return;
        };
        let language = showing.language;
        let script = match (&key.target, showing.screen) {
            (Target::Said(sentences), _) => Script {
                sentences: (sentences.iter())
                    .map(|text| Sentence {
                        text: text.clone(),
                        part: Part::Control,
                    })
                    .collect(),
            },
            (Target::Whole, super::Screen::Page(at)) => {
                let Some(page) = deck.language(language).page(at) else {
                    return;
                };
                let step = showing.step.as_ref().map_or(0, |(_, step)| *step);
                page_script(deck, language, page, step)
            }
            (Target::Step, _) => match &showing.step {
                Some((diagram, step)) => step_script(deck, language, diagram, *step),
                None => return,
            },
            (Target::Hotspot, _) => match &showing.hotspot {
                Some((diagram, hotspot)) => hotspot_script(deck, language, diagram, hotspot),
                None => return,
            },
            (Target::Whole | Target::Reply, super::Screen::Quiz { topic, question }) => {
                let answered = showing.answered.filter(|_| key.target == Target::Reply);
                let mut script = quiz_script(deck, language, (topic, question), None);
                if let Some(answer) = showing.answered {
                    let reply = quiz_script(deck, language, (topic, question), Some(answer));
                    if answered.is_some() {
                        script = reply;
                    } else {
                        script.sentences.extend(reply.sentences);
                    }
                }
                script
            }
            _ => return,
        };
        if script.sentences.is_empty() {
            return;
        }
        self.playing = None;
        self.paused = None;
        let words = deck.language(language);
        let code = words.code.clone();
        let recorded = words.recordings_of(&script);
        self.making = Some((
            key,
            Job::spawn(move || {
                let voice_name = voice.voice(&code);
                narrate(&voice, &code, &voice_name, &script, &recorded)
                    .map_err(|error| error.to_string())
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

    /// Stops, forgets the place, and reads nothing more until Listen is tapped again.
    pub(super) fn stop(&mut self) {
        self.read_to_the_end = false;
        self.making = None;
        self.playing = None;
        self.paused = None;
        self.on = None;
    }

    /// The visit is wiped: stopped, and the volume back to where each visit starts. A sound
    /// device that failed during the visit is tried again (headphones plugged back in).
    pub(super) fn forget(&mut self) {
        self.stop();
        self.volume = DEFAULT_VOLUME;
        if self.sound_failed && self.checking.is_none() {
            self.sound_failed = false;
            self.check_device();
        }
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

    /// Once a frame: takes up a narration made, notices the end, and follows the patient (see
    /// [`Self::follow`]). Returns what is being read, and whether the voice has just moved on
    /// to it (the screen then brings it into view).
    pub(super) fn update(
        &mut self,
        ctx: &egui::Context,
        deck: Option<&Deck>,
        now_secs: f64,
        showing: Option<Showing>,
    ) -> (Option<ReadingNow>, bool) {
        self.follow(deck, showing);
        let reading = self.reading_now(ctx, now_secs);
        let moved_on = reading.is_some() && reading != self.reading;
        self.reading = reading;
        (self.reading.clone(), moved_on)
    }

    /// What the last frame lit.
    pub(super) fn reading(&self) -> Option<&ReadingNow> {
        self.reading.as_ref()
    }

    /// Follows the patient: leaving the screen (or its language) stops the voice; on the
    /// screen, a part tapped open, a step moved or an answer chosen is read as it comes.
    fn follow(&mut self, deck: Option<&Deck>, showing: Option<Showing>) {
        let Some(on) = self.on.clone() else {
            return;
        };
        let (Some(deck), Some(showing)) = (deck, showing) else {
            self.stop();
            return;
        };
        if showing.screen != on.screen || showing.language != on.language {
            self.stop();
            return;
        }
        if showing == on {
            return;
        }
        let target = if showing.hotspot.is_some() && showing.hotspot != on.hotspot {
            Some(Target::Hotspot)
        } else if showing.step.is_some() && showing.step != on.step {
            Some(Target::Step)
        } else if showing.answered.is_some() && showing.answered != on.answered {
            Some(Target::Reply)
        } else {
            None
        };
        self.on = Some(showing.clone());
        if let Some(target) = target {
            let key = Key {
                screen: showing.screen,
                language: showing.language,
                target,
            };
            self.make(deck, key, &showing);
        }
    }

    fn reading_now(&mut self, ctx: &egui::Context, now_secs: f64) -> Option<ReadingNow> {
        if let Some(job) = &self.checking
            && let Some(done) = job.poll(ctx)
        {
            self.checking = None;
            self.unavailable = match done {
                Some(Ok(())) => None,
                Some(Err(why)) => {
                    log::warn!("no Listen button: {why}");
                    self.sound_failed = true;
                    Some(why)
                }
                None => Some("the check of the sound device stopped".to_owned()),
            };
        }
        if let Some((key, job)) = &self.making
            && let Some(done) = job.poll(ctx)
        {
            let key = key.clone();
            self.making = None;
            match done {
                Some(Ok(narration)) => self.play(key, narration, 0, Some(now_secs)),
                Some(Err(error)) => log::warn!("the page cannot be read aloud: {error}"),
                None => log::warn!("the page cannot be read aloud: the voice stopped"),
            }
        }
        let playing = self.playing.as_mut()?;
        if playing.started_secs.is_nan() {
            playing.started_secs = now_secs;
        }
        let at_ms = position_ms(playing, now_secs);
        if playing.playback.failed() {
            // The device went away mid-visit (headphones pulled, a USB card unplugged): no
            // Listen button until it opens again, tried at the visit's end.
            let why = NarrationError::NoPlayer("the sound device stopped playing".to_owned());
            log::warn!("{why}");
            self.playing = None;
            self.on = None;
            self.unavailable = Some(why.to_string());
            self.sound_failed = true;
            return None;
        }
        if at_ms >= playing.narration.duration_ms() || playing.playback.ended() {
            self.read_to_the_end = playing.key.target == Target::Whole;
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
