//! Every screen a patient, a clinician or the staff can reach, on one kiosk screen at one
//! reading setting, each checked for what a person would see go wrong (see [`super::check`]):
//! the attract screen, home, every page at every walk-through step, each hotspot open, each
//! figure enlarged, every quiz question answered wrong and right with its summary, the idle
//! question, the PIN pad and staff menu, and in consultation mode the index, every page with a
//! figure, and the handout.

use egui::Vec2;

use super::Finding;
use crate::app::{Command, ConsultCommand, StaffCommand};
use crate::config::KioskConfig;
use crate::content::model::FigureSource;
use crate::content::{Deck, PageRef};
use crate::handout::HandoutItem;
use crate::render::Headless;
use crate::theme::{TextSize, Theme};

/// A kiosk screen: its name, its size in points and its scale (pixels per point).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KioskScreen {
    /// As IT would name it: `1920x1080`.
    pub name: &'static str,
    /// In points.
    pub size: Vec2,
    /// Pixels per point.
    pub scale: f32,
}

/// The screens clinics mount, landscape and portrait, a 4K one at a scale of 2.
pub const KIOSK_SCREENS: [KioskScreen; 9] = [
    screen("1280x720", 1280.0, 720.0, 1.0),
    screen("1280x800", 1280.0, 800.0, 1.0),
    screen("1366x768", 1366.0, 768.0, 1.0),
    screen("1280x1024", 1280.0, 1024.0, 1.0),
    screen("1920x1080", 1920.0, 1080.0, 1.0),
    screen("2560x1440", 2560.0, 1440.0, 1.0),
    screen("3840x2160", 1920.0, 1080.0, 2.0),
    screen("1080x1920", 1080.0, 1920.0, 1.0),
    screen("800x1280", 800.0, 1280.0, 1.0),
];

const fn screen(name: &'static str, width: f32, height: f32, scale: f32) -> KioskScreen {
    KioskScreen {
        name,
        size: egui::vec2(width, height),
        scale,
    }
}

/// The reading settings a patient can choose.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    /// The language's index in the deck.
    pub language: usize,
    /// The text size.
    pub text: TextSize,
    /// The high-contrast look.
    pub high_contrast: bool,
}

impl Reading {
    /// Every reading setting in each of `languages`: the three text sizes, in both looks.
    pub fn every(languages: impl IntoIterator<Item = usize>) -> Vec<Self> {
        let mut all = Vec::new();
        for language in languages {
            for text in TextSize::ALL {
                for high_contrast in [false, true] {
                    all.push(Self {
                        language,
                        text,
                        high_contrast,
                    });
                }
            }
        }
        all
    }
}

/// The PIN the walk sets to open the staff menu.
const PIN: &str = "2468";

/// Longer than any walk: the idle question shows only where the walk asks for it.
const NEVER_IDLE_SECS: f64 = 1.0e9;

/// One screen's problems, by the screen's name.
pub type ScreenProblems = (String, Vec<Finding>);

/// Walks every screen on `screen` with `reading`; returns each screen that has problems.
pub fn walk(deck: &Deck, screen: KioskScreen, reading: Reading) -> Vec<ScreenProblems> {
    let mut walker = Walker::new(deck, screen, reading);
    walker.visit();
    walker.staff();
    walker.consult();
    walker.found
}

/// Walks every screen as [`walk`] does and describes everything seen on the one named
/// `name` (see [`super::describe`]); empty if no screen has that name.
pub fn explain(deck: &Deck, screen: KioskScreen, reading: Reading, name: &str) -> Vec<String> {
    let mut walker = Walker::new(deck, screen, reading);
    walker.explain = Some(name);
    walker.visit();
    walker.staff();
    walker.consult();
    walker.explained
}

struct Walker<'a> {
    deck: &'a Deck,
    /// The screen to describe, by name.
    explain: Option<&'a str>,
    /// What is seen on it.
    explained: Vec<String>,
    reading: Reading,
    kiosk: Headless,
    found: Vec<ScreenProblems>,
}

impl<'a> Walker<'a> {
    fn new(deck: &'a Deck, screen: KioskScreen, reading: Reading) -> Self {
        let mut app = crate::KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        // A cheap hash: the walk opens the menu in every setting.
        let argon2 = argon2::Argon2::new(
            argon2::Algorithm::Argon2id,
            argon2::Version::V0x13,
            argon2::Params::new(8, 1, 1, None).expect("argon2's smallest settings"),
        );
        let hash = crate::staff::hash_pin_with(&argon2, PIN).ok();
        app.set_settings(
            KioskConfig {
                staff_pin_hash: hash,
                ..KioskConfig::default()
            },
            None,
        );
        // The walk takes its time on each screen: no visit ends while it looks.
        app.set_idle_timing(NEVER_IDLE_SECS, 15.0);
        Self {
            deck,
            explain: None,
            explained: Vec::new(),
            reading,
            kiosk: Headless::new(app, screen.size).scale(screen.scale),
            found: Vec::new(),
        }
    }

    /// Shows the screen `commands` lead to, and keeps its problems as `name`'s.
    fn look(&mut self, name: impl Into<String>, commands: Vec<Command>) {
        self.kiosk.show(commands);
        let name = name.into();
        if self.explain.is_some_and(|explain| explain == name) {
            self.explained = self.kiosk.describe();
        }
        let problems = self.kiosk.problems();
        if !problems.is_empty() {
            self.found.push((name, problems));
        }
    }

    fn choose_reading(&self) -> Vec<Command> {
        vec![
            Command::ChooseLanguage(self.reading.language),
            Command::SetTextSize(self.reading.text),
            Command::SetHighContrast(self.reading.high_contrast),
        ]
    }

    /// A patient's visit: attract, home, every page, quiz and the idle question.
    fn visit(&mut self) {
        self.look("attract", Vec::new());
        let reading = self.choose_reading();
        self.look("home", reading);
        let deck = self.deck;
        let language = deck.language(self.reading.language);
        for (at, page) in language.pages() {
            self.page(at, page, "");
        }
        for (topic, found) in language.topics.iter().enumerate() {
            for (question, asked) in found.quiz.iter().enumerate() {
                let wrong = (asked.right + 1) % asked.answers.len().max(1);
                let name = format!("quiz {} question {}", found.id, question + 1);
                let open = if question == 0 {
                    Command::OpenQuiz(topic)
                } else {
                    Command::Next
                };
                self.look(name.clone(), vec![open]);
                self.look(
                    format!("{name} answered wrong"),
                    vec![Command::Answer(wrong)],
                );
                let right = vec![Command::TryAgain, Command::Answer(asked.right)];
                self.look(format!("{name} answered right"), right);
            }
        }
        // The idle question, over a page.
        self.kiosk.app_mut().set_idle_timing(5.0, 15.0);
        self.kiosk
            .show(vec![Command::Open(PageRef { topic: 0, page: 0 })]);
        self.kiosk.frame(6.0);
        self.look("the idle question", Vec::new());
        self.kiosk.app_mut().set_idle_timing(NEVER_IDLE_SECS, 15.0);
        self.kiosk.show(vec![Command::StillHere]);
    }

    /// A page at each walk-through step, each hotspot open, and its figure enlarged.
    fn page(&mut self, at: PageRef, page: &crate::content::model::Page, mode: &str) {
        let deck = self.deck;
        let id = format!("{mode}{}", page.id);
        self.look(id.clone(), vec![Command::Open(at)]);
        for diagram in page.diagram_ids().filter_map(|id| deck.diagrams.get(id)) {
            for step in 1..diagram.steps.len() {
                let next = Command::StepDiagram {
                    diagram: diagram.id.clone(),
                    forward: true,
                };
                let reveal = Command::RevealDiagram(diagram.id.clone());
                self.look(format!("{id} step {}", step + 1), vec![next, reveal]);
            }
            if diagram.steps.len() > 1 {
                // Playing, Pause, Again and Stop take the Play button's place; paused, Play.
                let play = Command::Play(crate::play::PlayCommand::Start(diagram.id.clone()));
                self.look(format!("{id} playing"), vec![play]);
                let pause = Command::Play(crate::play::PlayCommand::Pause);
                self.look(format!("{id} paused"), vec![pause]);
                self.kiosk
                    .show(vec![Command::Play(crate::play::PlayCommand::Stop)]);
            }
            for hotspot in &diagram.hotspots {
                let open = Command::ToggleHotspot {
                    diagram: diagram.id.clone(),
                    hotspot: hotspot.id.clone(),
                };
                self.look(format!("{id} hotspot {}", hotspot.id), vec![open]);
            }
            self.kiosk.show(vec![Command::CloseHotspot]);
        }
        if page.figure().is_some() {
            self.look(format!("{id} enlarged"), vec![Command::Enlarge(true)]);
            self.kiosk.show(vec![Command::Enlarge(false)]);
        }
    }

    /// The PIN pad and the staff menu's parts.
    fn staff(&mut self) {
        let mut open = vec![Command::Home, Command::Staff(StaffCommand::OpenPinPad)];
        self.look("the PIN pad", open.split_off(0));
        open.extend(
            PIN.bytes()
                .map(|digit| Command::Staff(StaffCommand::Digit(digit - b'0'))),
        );
        open.push(Command::Staff(StaffCommand::EnterPin));
        self.look("the staff menu", open);
        for view in [
            crate::app::MenuView::Problems,
            crate::app::MenuView::Statistics,
        ] {
            let show = Command::Staff(StaffCommand::Show(view));
            self.look(format!("the staff menu's {view:?}"), vec![show]);
        }
    }

    /// Consultation mode (a fresh start from the staff menu): the index, every page with a
    /// figure, and a handout with a page and a diagram in it.
    fn consult(&mut self) {
        let menu = Command::Staff(StaffCommand::Show(crate::app::MenuView::Main));
        let mut on = vec![menu, Command::Staff(StaffCommand::Consult(true))];
        on.extend(self.choose_reading());
        self.kiosk.show(on);
        self.look("consultation index", vec![Command::OpenIndex]);
        let deck = self.deck;
        let language = deck.language(self.reading.language);
        let mut handout = Vec::new();
        for (at, page) in language.pages().filter(|(_, page)| page.figure().is_some()) {
            self.page(at, page, "consultation ");
            if handout.is_empty() {
                handout.push(HandoutItem::Page(page.id.clone()));
                if let Some((_, figure)) = page.figure()
                    && let FigureSource::Diagram(id) = figure.source
                {
                    handout.push(HandoutItem::Diagram {
                        id: id.clone(),
                        step: 0,
                    });
                }
            }
        }
        let mut open: Vec<Command> = handout
            .into_iter()
            .map(|item| Command::Consult(ConsultCommand::ToggleHandout(item)))
            .collect();
        open.push(Command::Consult(ConsultCommand::OpenHandout));
        self.look("consultation handout", open);
    }
}
