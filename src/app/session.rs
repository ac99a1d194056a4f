//! Everything that belongs to one patient's visit. A new patient gets `Session::default()`,
//! so nothing of the last visit can survive by being forgotten in a reset.

use std::collections::BTreeMap;

use super::StaffPanel;
use crate::content::PageRef;
use crate::handout::Handout;
use crate::ink::{InkSet, InkTool, Pen, Stroke, Surface};
use crate::theme::TextSize;

/// Which screen is showing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Screen {
    /// The invitation to touch, shown while nobody uses the kiosk.
    #[default]
    Attract,
    /// All topics as tiles.
    Home,
    /// One page of a topic.
    Page(PageRef),
    /// Consultation mode's index of every topic, page and diagram, with a search box.
    Index,
    /// Consultation mode's handout: what is in it, and the button that makes the PDF.
    Handout,
    /// A question of a topic's quiz.
    Quiz {
        /// The topic's index.
        topic: usize,
        /// The question's index.
        question: usize,
    },
}

/// One patient's visit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// What is showing.
    pub screen: Screen,
    /// Index of the language chosen, `None` for the deck's default.
    pub language: Option<usize>,
    /// The text size the patient chose.
    pub text_size: TextSize,
    /// Whether the patient chose the high-contrast look.
    pub high_contrast: bool,
    /// Set when the screen changed, so the next frame starts at the top of the page.
    pub scroll_to_top: bool,
    /// The finger's movement while it is down, for swipe detection.
    pub swipe: Swipe,
    /// The walk-through playing itself, if one is.
    pub play: Option<crate::play::Play>,
    /// Where Play's Replay is (the step before shows at once, then the step comes in again).
    pub play_replaying: super::play::Replaying,
    /// Listen goes on to the next page at the end of one (the patient's choice).
    pub keep_reading: bool,
    /// The diagram hotspot whose explanation is showing, if any.
    pub open_hotspot: Option<OpenHotspot>,
    /// Set when a hotspot was just opened, so the next frame scrolls its explanation into view.
    pub reveal_explanation: bool,
    /// A diagram to scroll into view on the next frame, by id.
    pub reveal_diagram: Option<String>,
    /// The page's figure is on the whole screen; Back returns to the page as it was.
    pub enlarged: bool,
    /// The step each walk-through diagram on the page is at, by diagram id (absent: step 1).
    pub diagram_steps: BTreeMap<String, usize>,
    /// The words typed in the index's search box.
    pub index_query: String,
    /// The patient's first answer to each quiz question, by (topic, question) index: the one
    /// counted (the summary at a quiz's end, the statistics).
    pub quiz_answers: BTreeMap<(usize, usize), usize>,
    /// The answers chosen after trying again, in order, by (topic, question) index.
    pub quiz_tries: BTreeMap<(usize, usize), Vec<usize>>,
    /// The question the patient is trying again, whose answers can be chosen once more.
    pub quiz_trying: Option<(usize, usize)>,
    /// The topics whose pages the patient has opened in this visit, by index: marked "Seen"
    /// on the home screen.
    pub seen_topics: std::collections::BTreeSet<usize>,
    /// Consultation mode: what a finger on the page does.
    pub ink_tool: InkTool,
    /// Consultation mode: the pen's colour and width.
    pub pen: Pen,
    /// Consultation mode: every drawing.
    pub ink: InkSet,
    /// The finger's path while it draws or points.
    pub ink_input: InkInput,
    /// Consultation mode: the handout being built.
    pub handout: Handout,
    /// What became of the last "Create handout" or "Print", for the handout screen.
    pub handout_status: Option<HandoutStatus>,
    /// Consultation mode: where the on-screen keyboard writes, while it shows.
    pub typing: Option<super::TypingInto>,
    /// The PIN pad or staff menu over the kiosk, if open. A reset closes it too, so a menu
    /// left open is never handed to the next patient.
    pub staff: Option<StaffPanel>,
}

impl Session {
    /// The step walk-through `diagram` is at (0, the first, if it was never moved).
    pub fn step_of(&self, diagram: &str) -> usize {
        self.diagram_steps.get(diagram).copied().unwrap_or(0)
    }

    /// Every answer chosen to the quiz question `at`, in order: the first, then the tries.
    pub fn quiz_choices(&self, at: (usize, usize)) -> Vec<usize> {
        (self.quiz_answers.get(&at).copied().into_iter())
            .chain(self.quiz_tries.get(&at).into_iter().flatten().copied())
            .collect()
    }

    /// Chooses `answer` at the quiz question `at` (`asked`): the first answer is kept and
    /// counted (returned: whether it is right); after Try again, another is shown and marked,
    /// never counted. An answer already tried, or a tap when there is nothing to choose, does
    /// nothing.
    pub fn answer_quiz(
        &mut self,
        at: (usize, usize),
        asked: &crate::content::model::Question,
        answer: usize,
    ) -> Option<bool> {
        if answer >= asked.answers.len() {
            return None;
        }
        if let std::collections::btree_map::Entry::Vacant(first) = self.quiz_answers.entry(at) {
            first.insert(answer);
            self.reveal_explanation = true;
            return Some(answer == asked.right);
        }
        if self.quiz_trying == Some(at) && !self.quiz_choices(at).contains(&answer) {
            self.quiz_tries.entry(at).or_default().push(answer);
            self.quiz_trying = None;
            self.reveal_explanation = true;
        }
        None
    }

    /// Try again at the quiz question `at` (`asked`), when the answer showing is not right.
    pub fn try_quiz_again(&mut self, at: (usize, usize), asked: &crate::content::model::Question) {
        if self
            .quiz_showing(at)
            .is_some_and(|shown| shown != asked.right)
        {
            self.quiz_trying = Some(at);
        }
    }

    /// How many questions of the quiz of topic `topic` (its `questions`) were answered right
    /// the first time.
    pub fn quiz_right_first(
        &self,
        topic: usize,
        questions: &[crate::content::model::Question],
    ) -> usize {
        (questions.iter().enumerate())
            .filter(|(index, asked)| self.quiz_answers.get(&(topic, *index)) == Some(&asked.right))
            .count()
    }

    /// The answer showing at the quiz question `at`: the last chosen; none while the patient
    /// tries again.
    pub fn quiz_showing(&self, at: (usize, usize)) -> Option<usize> {
        if self.quiz_trying == Some(at) {
            return None;
        }
        self.quiz_choices(at).last().copied()
    }
}

/// The finger's path while the pen or pointer is down, before it becomes a stroke.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InkInput {
    /// The stroke being drawn, and what it is drawn on.
    pub stroke: Option<(Surface, Stroke)>,
    /// The pointer's recent positions on screen with the time each was seen, oldest first.
    pub trail: Vec<(egui::Pos2, f64)>,
    /// Whether the pointer is down (its dot shows).
    pub pointing: bool,
}

/// What became of the last handout made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandoutStatus {
    /// Being made on a thread of its own; Create handout waits for it.
    Making,
    /// Saved to this file.
    Saved(std::path::PathBuf),
    /// It could not be made or saved (the log says why).
    Failed,
    /// This file was sent to the printer.
    Printed(std::path::PathBuf),
    /// Printing this file did not work (the log says why).
    PrintFailed(std::path::PathBuf),
}

/// A finger's movement from where it went down, tracked until it lifts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Swipe {
    /// Where the finger went down, while it is down.
    pub origin: Option<egui::Pos2>,
    /// Where the finger was last seen while down.
    pub latest: Option<egui::Pos2>,
}

/// A diagram hotspot a patient tapped open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenHotspot {
    /// The diagram's id.
    pub diagram: String,
    /// The hotspot's id.
    pub hotspot: String,
}
