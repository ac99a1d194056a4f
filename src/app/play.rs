//! Play's side of the app: a walk-through telling itself (see [`crate::play`]), step by
//! step, its words said by the Listen voice (or shown for as long as they take to read when
//! there is no voice or no sound), and Watch, which plays every walk-through of the deck in
//! order. Leaving the page stops it; the idle reset forgets it with the rest of the visit.

use super::{Content, KioskApp, Screen, language_of};
use crate::content::{Deck, PageRef};
use crate::play::{Cue, Play, PlayCommand};

/// Where Replay is: the step before shows at once, then the step itself comes in again.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Replaying {
    /// Not replaying.
    #[default]
    No,
    /// The step before was just put back: this frame it shows with no motion.
    StepBefore,
    /// Next frame: the step again, with its motion and its words.
    Again,
}

impl KioskApp {
    /// The words of `diagram`'s step showing, in the patient's language.
    fn step_words(&self, deck: &Deck, diagram: &str) -> String {
        let step = self.session.step_of(diagram);
        let id = deck.diagrams.get(diagram).and_then(|d| d.steps.get(step));
        let words = language_of(deck, &self.session).diagram_texts.get(diagram);
        (id.zip(words))
            .and_then(|(step, words)| words.steps.get(&step.id).cloned())
            .unwrap_or_default()
    }

    /// Tells the step showing: Play times it, the voice (if there is one) says it.
    fn tell_step(&mut self) {
        let Content::Ready(deck) = &self.content else {
            return;
        };
        let Some(diagram) = self.session.play.as_ref().map(|play| play.diagram.clone()) else {
            return;
        };
        let voiced = self.listen.unavailable().is_none();
        let words = self.step_words(deck, &diagram);
        let step = self.session.step_of(&diagram);
        if let Some(play) = &mut self.session.play {
            play.tell(step, &words, voiced, self.now_secs);
        }
        if voiced && let Some(showing) = self.listen_showing(deck) {
            self.listen.read_step(deck, &showing);
        }
    }

    /// Starts playing `diagram` on the page showing, from `step`.
    fn start_play(&mut self, at: PageRef, diagram: &str, step: usize, watching: bool) {
        self.session.diagram_steps.insert(diagram.to_owned(), step);
        self.session.open_hotspot = None;
        self.session.play = Some(Play::new(
            (diagram, at),
            watching,
            ("", false),
            self.now_secs,
        ));
        self.tell_step();
    }

    /// Carries out what the patient asked of Play.
    pub(super) fn apply_play(&mut self, command: PlayCommand) {
        let Content::Ready(deck) = &self.content else {
            return;
        };
        match command {
            PlayCommand::Start(diagram) => {
                let Screen::Page(at) = self.session.screen else {
                    return;
                };
                let shown = (language_of(deck, &self.session).page(at))
                    .is_some_and(|page| page.diagram_ids().any(|id| *id == diagram));
                let Some(last) = deck.diagrams.get(&diagram).map(|d| d.last_step()) else {
                    return;
                };
                if !shown || last == 0 {
                    return;
                }
                let step = self.session.step_of(&diagram);
                // From the step showing; from the start when the last is showing.
                let from = if step >= last { 0 } else { step };
                self.start_play(at, &diagram, from, false);
            }
            PlayCommand::Watch => {
                let Some((at, diagram)) = deck.walk_throughs().into_iter().next() else {
                    return;
                };
                self.apply(super::Command::Open(at));
                self.start_play(at, &diagram, 0, true);
            }
            PlayCommand::Pause => {
                if let Some(play) = &mut self.session.play {
                    play.pause(self.now_secs);
                    self.listen.pause(self.now_secs);
                }
            }
            PlayCommand::Resume => {
                if let Some(play) = &mut self.session.play {
                    play.resume(self.now_secs);
                    self.listen.resume(self.now_secs);
                }
            }
            PlayCommand::Replay => {
                let Some(play) = &mut self.session.play else {
                    return;
                };
                play.resume(self.now_secs);
                let step = self
                    .session
                    .diagram_steps
                    .entry(play.diagram.clone())
                    .or_default();
                self.listen.stop();
                if *step == 0 {
                    self.tell_step();
                } else {
                    // The step before, at once; the next frame brings the step in again.
                    *step -= 1;
                    self.session.play_replaying = Replaying::StepBefore;
                }
            }
            PlayCommand::Stop => {
                self.session.play = None;
                self.session.play_replaying = Replaying::No;
                self.listen.stop();
            }
        }
    }

    /// Once a frame: stops Play when the patient left its page, moves it on when a step's
    /// words are over, and keeps the kiosk awake while it plays.
    pub(super) fn play_ui(&mut self, ctx: &egui::Context) {
        let Content::Ready(deck) = &self.content else {
            self.session.play = None;
            return;
        };
        let Some(play) = &self.session.play else {
            self.session.play_replaying = Replaying::No;
            return;
        };
        if self.session.screen != Screen::Page(play.page) {
            self.apply_play(PlayCommand::Stop);
            return;
        }
        match self.session.play_replaying {
            Replaying::StepBefore => {
                // The step before shows at once: no motion may replay backwards.
                ctx.clear_animations();
                self.session.play_replaying = Replaying::Again;
                ctx.request_repaint();
                return;
            }
            Replaying::Again => {
                self.session.play_replaying = Replaying::No;
                let diagram = play.diagram.clone();
                *self.session.diagram_steps.entry(diagram).or_default() += 1;
                self.tell_step();
                return;
            }
            Replaying::No => {}
        }
        let step = self.session.step_of(&play.diagram);
        if step != play.step() {
            // The patient moved the walk-through by hand: it goes on from there.
            self.tell_step();
            return;
        }
        let last = deck
            .diagrams
            .get(&play.diagram)
            .map_or(0, |d| d.last_step());
        let speaking = self.listen.speaking();
        let Some(play) = &mut self.session.play else {
            return;
        };
        if !play.paused() {
            self.idle.touched(self.now_secs);
        }
        match play.tick(self.now_secs, speaking, step >= last) {
            Cue::Wait(Some(secs)) => ctx.request_repaint_after_secs(secs as f32),
            Cue::Wait(None) => {}
            Cue::NextStep => {
                let diagram = play.diagram.clone();
                self.session.diagram_steps.insert(diagram, step + 1);
                self.session.open_hotspot = None;
                self.usage.step_completed();
                self.tell_step();
                ctx.request_repaint();
            }
            Cue::Done => {
                let (watching, page) = (play.watching, play.page);
                let next = (deck.walk_throughs().into_iter())
                    .find(|(at, _)| (at.topic, at.page) > (page.topic, page.page))
                    .filter(|_| watching);
                self.apply_play(PlayCommand::Stop);
                match next {
                    Some((at, diagram)) => {
                        self.apply(super::Command::Open(at));
                        self.start_play(at, &diagram, 0, true);
                    }
                    // Watch is over: back to the topics.
                    None if watching => self.apply(super::Command::Home),
                    None => {}
                }
            }
        }
    }
}
