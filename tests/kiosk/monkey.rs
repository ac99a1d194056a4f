//! A monkey at the kiosk (issue 7): a seeded random stream of taps, swipes, long presses,
//! drags, scroll wheel turns, commands a screen could send, consultation mode with pen and
//! pointer strokes, and long idle spells, over the bundled deck. After every event the
//! session must still make sense.
//!
//! `MONKEY_EVENTS` sets the number of events (default 2,000) and `MONKEY_SEED` the seed;
//! `scripts/monkey.sh` runs 100,000 in an optimised build. The test prints both.

use crate::common;

use egui::{Event, Modifiers, Pos2, pos2, vec2};
use egui_kittest::Harness;
use patient_kiosk::app::{Command, ConsultCommand, Screen};
use patient_kiosk::config::KioskConfig;
use patient_kiosk::content::{Deck, PageRef};
use patient_kiosk::ink::{InkTool, PenWidth};
use patient_kiosk::theme::TextSize;
use patient_kiosk::{KioskApp, Theme};

const DEFAULT_EVENTS: u64 = 2_000;
const DEFAULT_SEED: u64 = 0x6d6f_6e6b_6579;
const SIZE: egui::Vec2 = vec2(1280.0, 800.0);
/// Short idle times, so an idle spell of simulated seconds resets the visit in a few frames.
const IDLE_SECS: f64 = 20.0;
const COUNTDOWN_SECS: f64 = 5.0;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|value| {
            let value = value.trim();
            match value.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16).ok(),
                None => value.parse().ok(),
            }
        })
        .unwrap_or(default)
}

/// SplitMix64: a tiny, well-mixed, deterministic random stream.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }

    fn point(&mut self) -> Pos2 {
        pos2(self.unit() * SIZE.x, self.unit() * SIZE.y)
    }
}

/// The page showing, if a page is showing.
fn page_showing(harness: &Harness<'_, KioskApp>) -> Option<PageRef> {
    match harness.state().session().screen {
        Screen::Page(at) => Some(at),
        _ => None,
    }
}

/// The language showing.
fn language_index(deck: &Deck, harness: &Harness<'_, KioskApp>) -> usize {
    harness
        .state()
        .session()
        .language
        .unwrap_or(deck.default_language)
}

/// A command a screen could send now, or sometimes one no screen would (out of range).
fn random_command(rng: &mut Rng, deck: &Deck, harness: &Harness<'_, KioskApp>) -> Command {
    let language = deck.language(language_index(deck, harness));
    let pages: Vec<PageRef> = language.pages().map(|(at, _)| at).collect();
    let diagrams_here: Vec<&String> = page_showing(harness)
        .and_then(|at| language.page(at))
        .map(|page| page.diagram_ids().collect())
        .unwrap_or_default();
    let any_diagram = || deck.diagrams.keys().cloned().collect::<Vec<_>>();
    match rng.below(16) {
        0 => Command::Home,
        1 => Command::ChooseLanguage(rng.below(deck.languages.len() + 1)),
        2 => Command::SetTextSize(TextSize::ALL[rng.below(TextSize::ALL.len())]),
        3 => Command::SetHighContrast(rng.chance(50)),
        4 if rng.chance(10) => Command::Open(PageRef {
            topic: rng.below(50),
            page: rng.below(50),
        }),
        4 | 5 => Command::Open(pages[rng.below(pages.len())]),
        6 => Command::Next,
        7 => Command::Back,
        8 if !diagrams_here.is_empty() => {
            let diagram = diagrams_here[rng.below(diagrams_here.len())].clone();
            let hotspots = &deck.diagrams[&diagram].hotspots;
            if hotspots.is_empty() {
                Command::CloseHotspot
            } else {
                Command::ToggleHotspot {
                    hotspot: hotspots[rng.below(hotspots.len())].id.clone(),
                    diagram,
                }
            }
        }
        9 => {
            let diagram = if diagrams_here.is_empty() || rng.chance(20) {
                let all = any_diagram();
                all[rng.below(all.len())].clone()
            } else {
                diagrams_here[rng.below(diagrams_here.len())].clone()
            };
            Command::StepDiagram {
                diagram,
                forward: rng.chance(60),
            }
        }
        10 => {
            let all = any_diagram();
            let diagram = all[rng.below(all.len())].clone();
            match deck
                .language(language_index(deck, harness))
                .pages()
                .find(|(_, page)| page.diagram_ids().any(|id| *id == diagram))
            {
                Some((at, _)) => Command::OpenDiagramStep {
                    at,
                    diagram,
                    step: rng.below(12),
                },
                None => Command::CloseHotspot,
            }
        }
        11 => Command::OpenQuiz(rng.below(language.topics.len() + 2)),
        12 => Command::Answer(rng.below(6)),
        13 => Command::CloseHotspot,
        14 => Command::StillHere,
        _ => Command::OpenIndex,
    }
}

/// A consultation tool, or a pen colour or width.
fn random_tool(rng: &mut Rng) -> ConsultCommand {
    match rng.below(4) {
        0 | 1 => ConsultCommand::Tool(InkTool::ALL[rng.below(InkTool::ALL.len())]),
        2 => ConsultCommand::Color(rng.below(6)),
        _ => ConsultCommand::Width(if rng.chance(50) {
            PenWidth::Thin
        } else {
            PenWidth::Thick
        }),
    }
}

/// Panics, naming the event, unless the session makes sense for the deck.
fn check(deck: &Deck, harness: &Harness<'_, KioskApp>, event: u64, what: &str) {
    let session = harness.state().session();
    let context = || format!("after event {event} ({what}): {session:#?}");
    if let Some(index) = session.language {
        assert!(
            index < deck.languages.len(),
            "no such language {}",
            context()
        );
    }
    let language = deck.language(session.language.unwrap_or(deck.default_language));
    match session.screen {
        Screen::Page(at) => assert!(language.page(at).is_some(), "no such page {}", context()),
        Screen::Quiz { topic, question } => assert!(
            language
                .topics
                .get(topic)
                .is_some_and(|t| question < t.quiz.len()),
            "no such question {}",
            context()
        ),
        Screen::Attract | Screen::Home | Screen::Index | Screen::Handout => {}
    }
    if let Some(open) = &session.open_hotspot {
        let on_page = match session.screen {
            Screen::Page(at) => language
                .page(at)
                .is_some_and(|page| page.diagram_ids().any(|id| *id == open.diagram)),
            _ => false,
        };
        assert!(
            on_page,
            "an open hotspot on a diagram not on the page {}",
            context()
        );
        assert!(
            deck.diagrams
                .get(&open.diagram)
                .is_some_and(|d| d.hotspots.iter().any(|h| h.id == open.hotspot)),
            "an open hotspot the diagram does not have {}",
            context()
        );
    }
    for (id, &step) in &session.diagram_steps {
        if let Some(diagram) = deck.diagrams.get(id) {
            assert!(
                step <= diagram.last_step(),
                "step out of range {}",
                context()
            );
        }
    }
    for (&(topic, question), &answer) in &session.quiz_answers {
        let answers = language
            .topics
            .get(topic)
            .and_then(|t| t.quiz.get(question))
            .map_or(0, |q| q.answers.len());
        assert!(answer < answers, "an answer out of range {}", context());
    }
}

#[test]
fn a_monkey_never_breaks_the_kiosk() {
    let events = env_number("MONKEY_EVENTS", DEFAULT_EVENTS);
    let seed = env_number("MONKEY_SEED", DEFAULT_SEED);
    eprintln!("monkey: seed {seed:#x}, {events} events");
    let handouts = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_settings(
        KioskConfig {
            handout_dir: Some(handouts.path().to_owned()),
            ..KioskConfig::default()
        },
        None,
    );
    app.set_printer(None);
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    let mut harness = common::second_steps(app, SIZE);
    harness.step();
    let mut rng = Rng(seed);
    let mut resets = 0u64;
    for event in 0..events {
        let what = match rng.below(100) {
            0..=29 => {
                common::tap(&mut harness, rng.point());
                "tap"
            }
            30..=39 => {
                let from = rng.point();
                let dx = (rng.unit() - 0.5) * SIZE.x;
                let dy = (rng.unit() - 0.5) * 120.0;
                let path: Vec<Pos2> = (1..=4)
                    .map(|i| from + vec2(dx, dy) * (i as f32 / 4.0))
                    .collect();
                common::finger_stroke(&mut harness, from, &path);
                "swipe"
            }
            40..=44 => {
                let at = rng.point();
                let frames = 1 + rng.below(4);
                common::finger_stroke(&mut harness, at, &vec![at; frames]);
                "long press"
            }
            45..=52 => {
                let from = rng.point();
                let path: Vec<Pos2> = (0..1 + rng.below(8)).map(|_| rng.point()).collect();
                common::finger_stroke(&mut harness, from, &path);
                "drag"
            }
            53..=59 => {
                harness.event(Event::PointerMoved(rng.point()));
                harness.event(Event::MouseWheel {
                    unit: egui::MouseWheelUnit::Point,
                    delta: vec2(0.0, (rng.unit() - 0.5) * 2000.0),
                    phase: egui::TouchPhase::Move,
                    source: egui::MouseWheelSource::Unknown,
                    modifiers: Modifiers::NONE,
                });
                harness.step();
                "scroll"
            }
            60..=86 => {
                let command = random_command(&mut rng, &deck, &harness);
                common::tap_command(&mut harness, command);
                "command"
            }
            87..=92 => {
                let consult = rng.chance(60);
                harness.state_mut().set_consult(consult);
                harness
                    .state_mut()
                    .set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
                if consult {
                    let tool = random_tool(&mut rng);
                    common::tap_command(&mut harness, Command::Consult(tool));
                }
                "consultation mode"
            }
            93..=97 => {
                let tool = random_tool(&mut rng);
                common::tap_command(&mut harness, Command::Consult(tool));
                let from = rng.point();
                let path: Vec<Pos2> = (0..2 + rng.below(6)).map(|_| rng.point()).collect();
                common::finger_stroke(&mut harness, from, &path);
                "pen or pointer stroke"
            }
            _ => {
                let frames = IDLE_SECS + COUNTDOWN_SECS + 2.0;
                common::wait_frames(&mut harness, frames as u32);
                if matches!(
                    harness.state().session().screen,
                    Screen::Attract | Screen::Home
                ) {
                    resets += 1;
                }
                "idle spell"
            }
        };
        check(&deck, &harness, event, what);
    }
    eprintln!("monkey: seed {seed:#x}, {events} events run, {resets} idle spells ended a visit");
}
