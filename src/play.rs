//! Play: a walk-through that tells itself, as a narrated animation. Each step's words are
//! said (or, with no voice or no sound, shown for as long as they take to read); when they
//! end, a short pause, then the next step's motion starts and its words are said. "Watch"
//! plays every walk-through of the deck in order. Time is the caller's (egui's input time on
//! the kiosk, a frame counter in a video), so all of it runs in simulated time. No egui here.

use crate::content::PageRef;

/// The pause after a step's words before the next step's motion starts, in seconds.
pub const AFTER_WORDS_SECS: f64 = 1.0;

/// How long a step's words show when no voice says them: long enough for a slow reader.
pub fn reading_secs(words: &str) -> f64 {
    /// About 130 words a minute: a slow, careful reader.
    const SECS_PER_WORD: f64 = 0.46;
    const LEAST_SECS: f64 = 4.0;
    let count = words.split_whitespace().count() as f64;
    (1.5 + SECS_PER_WORD * count).max(LEAST_SECS)
}

/// A walk-through playing itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Play {
    /// The walk-through diagram, by id.
    pub diagram: String,
    /// The page that shows it.
    pub page: PageRef,
    /// Part of Watch: at the end, the next walk-through of the deck plays.
    pub watching: bool,
    /// The step being told, counting from 0.
    step: usize,
    phase: Phase,
    /// When it was paused, if it is.
    paused_at_secs: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Phase {
    /// The step's words are being told since `since_secs`: said by the voice (`voiced`) until
    /// it has been heard (`heard`) and ends, or else shown for `hold_secs`.
    Telling {
        since_secs: f64,
        hold_secs: f64,
        voiced: bool,
        heard: bool,
    },
    /// The words are over: the next step starts at `next_secs`.
    After { next_secs: f64 },
}

/// What the player is to do now.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cue {
    /// Nothing yet: look again in this many seconds (`None`: when something else happens, as
    /// the voice ending or a tap).
    Wait(Option<f64>),
    /// Move to the next step, and tell it (see [`Play::tell`]).
    NextStep,
    /// The last step has been told: the walk-through is over.
    Done,
}

impl Play {
    /// Starts telling the step showing, whose words are `words`, at `now_secs`, by the voice
    /// when `voiced`.
    pub fn new(
        (diagram, page): (&str, PageRef),
        watching: bool,
        (words, voiced): (&str, bool),
        now_secs: f64,
    ) -> Self {
        let mut play = Self {
            diagram: diagram.to_owned(),
            page,
            watching,
            step: 0,
            phase: Phase::After {
                next_secs: now_secs,
            },
            paused_at_secs: None,
        };
        play.tell(0, words, voiced, now_secs);
        play
    }

    /// Step `step` begins (the first, the next, one the patient moved to, or the same again):
    /// its `words` are told from `now_secs`, by the voice when `voiced`.
    pub fn tell(&mut self, step: usize, words: &str, voiced: bool, now_secs: f64) {
        self.step = step;
        self.phase = Phase::Telling {
            since_secs: now_secs,
            hold_secs: reading_secs(words),
            voiced,
            heard: false,
        };
        if self.paused_at_secs.is_some() {
            self.paused_at_secs = Some(now_secs);
        }
    }

    /// The step being told, counting from 0.
    pub fn step(&self) -> usize {
        self.step
    }

    /// Whether it is paused.
    pub fn paused(&self) -> bool {
        self.paused_at_secs.is_some()
    }

    /// Holds the place (the voice is paused by the caller).
    pub fn pause(&mut self, now_secs: f64) {
        if self.paused_at_secs.is_none() {
            self.paused_at_secs = Some(now_secs);
        }
    }

    /// Goes on from the place held: the time paused is not counted.
    pub fn resume(&mut self, now_secs: f64) {
        let Some(paused_at) = self.paused_at_secs.take() else {
            return;
        };
        let held = (now_secs - paused_at).max(0.0);
        match &mut self.phase {
            Phase::Telling { since_secs, .. } => *since_secs += held,
            Phase::After { next_secs } => *next_secs += held,
        }
    }

    /// Whether the voice is to say the step's words (the caller starts it when telling).
    pub fn voiced(&self) -> bool {
        matches!(self.phase, Phase::Telling { voiced: true, .. })
    }

    /// Once a frame: `speaking` is whether the voice says (or gets ready to say) the step's
    /// words now; `last_step` whether the step showing is the walk-through's last.
    pub fn tick(&mut self, now_secs: f64, speaking: bool, last_step: bool) -> Cue {
        if self.paused() {
            return Cue::Wait(None);
        }
        if let Phase::Telling { voiced, heard, .. } = &mut self.phase {
            if *voiced {
                if speaking {
                    *heard = true;
                    return Cue::Wait(None);
                }
                if *heard {
                    self.phase = Phase::After {
                        next_secs: now_secs + AFTER_WORDS_SECS,
                    };
                } else {
                    // The voice could not say them (it failed, or the sound went): the words
                    // show for as long as they take to read, from when they began.
                    *voiced = false;
                }
            }
            if let Phase::Telling {
                since_secs,
                hold_secs,
                voiced: false,
                ..
            } = self.phase
            {
                let ends = since_secs + hold_secs;
                if now_secs < ends {
                    return Cue::Wait(Some(ends - now_secs));
                }
                self.phase = Phase::After {
                    next_secs: ends + AFTER_WORDS_SECS,
                };
            }
        }
        let Phase::After { next_secs } = self.phase else {
            return Cue::Wait(None);
        };
        if now_secs < next_secs {
            Cue::Wait(Some(next_secs - now_secs))
        } else if last_step {
            Cue::Done
        } else {
            Cue::NextStep
        }
    }
}

/// What a walk-through's Play controls show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlayState {
    /// Not playing: the Play button.
    Stopped,
    /// Playing: Pause, Again and Stop.
    Playing,
    /// Paused: Play (goes on), Again and Stop.
    Paused,
}

/// What a patient asks of Play (the buttons on a walk-through, and Watch on home).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlayCommand {
    /// Plays the walk-through diagram of this id on the page showing, from the step showing
    /// (from the first when the last is showing).
    Start(String),
    /// Holds the place, the voice too.
    Pause,
    /// Goes on from the place held.
    Resume,
    /// The step showing again: its motion and its words.
    Replay,
    /// Stops playing; the step showing stays.
    Stop,
    /// Plays every walk-through of the deck in order, from the first.
    Watch,
}

#[cfg(test)]
mod tests {
    use super::*;

    const AT: PageRef = PageRef { topic: 0, page: 1 };

    /// `cue` says to look again in about `secs`.
    #[track_caller]
    fn waits(cue: Cue, secs: f64) {
        match cue {
            Cue::Wait(Some(wait)) => assert!((wait - secs).abs() < 1e-6, "{wait} s, not {secs} s"),
            other => panic!("{other:?}, not a wait of {secs} s"),
        }
    }

    #[test]
    fn a_voiced_step_ends_when_the_voice_ends_then_the_next_step_starts_after_a_pause() {
        let mut play = Play::new(("scope", AT), false, ("The scope goes in.", true), 10.0);
        assert!(play.voiced());
        // The voice gets ready, then says the words for 3 seconds.
        assert_eq!(play.tick(10.1, true, false), Cue::Wait(None));
        assert_eq!(play.tick(13.0, true, false), Cue::Wait(None));
        waits(play.tick(13.1, false, false), AFTER_WORDS_SECS);
        assert_eq!(
            play.tick(13.1 + AFTER_WORDS_SECS, false, false),
            Cue::NextStep
        );
        play.tell(1, "The light turns on.", true, 14.1);
        play.tick(14.2, true, true);
        play.tick(16.0, false, true);
        assert_eq!(
            play.tick(17.0, false, true),
            Cue::Done,
            "the last step ends it"
        );
    }

    #[test]
    fn without_a_voice_the_words_show_for_as_long_as_they_take_to_read() {
        let words = "The care team helps you lie on your tummy on a padded table.";
        let hold = reading_secs(words);
        assert!(hold > 5.0 && hold < 10.0, "{hold}");
        assert!(reading_secs("Done.") >= 4.0, "even one word shows a while");
        let mut play = Play::new(("day", AT), false, (words, false), 0.0);
        waits(play.tick(1.0, false, false), hold - 1.0);
        waits(play.tick(hold, false, false), AFTER_WORDS_SECS);
        assert_eq!(
            play.tick(hold + AFTER_WORDS_SECS, false, false),
            Cue::NextStep
        );
        // A voice that never starts (it failed): the words are read, timed from their start.
        play.tell(1, words, true, 100.0);
        waits(play.tick(100.5, false, false), hold - 0.5);
        assert!(!play.voiced());
    }

    #[test]
    fn pause_holds_the_place_and_the_time_paused_is_not_counted() {
        let ten = "One two three four five six seven eight nine ten.";
        let mut play = Play::new(("day", AT), true, (ten, false), 0.0);
        let hold = reading_secs(ten);
        play.pause(2.0);
        assert!(play.paused());
        assert_eq!(play.tick(500.0, false, false), Cue::Wait(None));
        play.resume(500.0);
        // 2 seconds had passed before the pause: the rest is still to come.
        waits(play.tick(500.0, false, false), hold - 2.0);
        assert!(play.watching);
    }
}
