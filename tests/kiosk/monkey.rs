//! A monkey at the kiosk (issue 7): a seeded random stream of taps, swipes, long presses,
//! drags, scroll wheel turns, commands a screen could send, consultation mode with pen and
//! pointer strokes and handouts, staff at the PIN pad and the staff menu, and long idle
//! spells, over the bundled deck. After every event the session must still make sense; after
//! every idle spell the visit must be wiped (language, quiz answers, ink, handout and all),
//! and over the run each of those must have been wiped at least once and handouts made.
//!
//! `MONKEY_EVENTS` sets the number of events (default 2,000) and `MONKEY_SEED` the seed;
//! `scripts/monkey.sh` runs 100,000 in an optimised build. The test prints both.

use crate::common;

use egui::accesskit::Role;
use egui::{Event, Modifiers, Pos2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, ConsultCommand, Screen, StaffCommand};
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
const PIN: &str = "2468";

/// What idle resets wiped over the run: each must have been wiped at least once, or the check
/// that they are wiped proved nothing.
#[derive(Debug, Default)]
struct Wiped {
    resets: u64,
    language: u64,
    quiz_answers: u64,
    ink: u64,
    handout: u64,
    staff_panel: u64,
}

/// Panics unless the session is a fresh visit's, as after an idle reset.
fn assert_fresh(harness: &Harness<'_, KioskApp>, event: u64) {
    let consult = harness.state().is_consult();
    let session = harness.state().session();
    let fresh_screen = if consult {
        Screen::Home
    } else {
        Screen::Attract
    };
    let context = || format!("after the idle spell of event {event}: {session:#?}");
    assert_eq!(session.screen, fresh_screen, "{}", context());
    assert_eq!(session.language, None, "the language stays {}", context());
    assert_eq!(session.text_size, TextSize::default(), "{}", context());
    assert!(!session.high_contrast, "{}", context());
    assert!(
        session.quiz_answers.is_empty(),
        "answers stay {}",
        context()
    );
    assert!(session.ink.is_empty(), "ink stays {}", context());
    assert!(
        session.handout.is_empty(),
        "the handout stays {}",
        context()
    );
    assert!(
        session.staff.is_none(),
        "the staff menu stays {}",
        context()
    );
    assert!(session.open_hotspot.is_none(), "{}", context());
    assert!(session.diagram_steps.is_empty(), "{}", context());
    assert!(session.index_query.is_empty(), "{}", context());
    assert!(session.handout.notes.is_empty(), "{}", context());
    assert!(session.typing.is_none(), "{}", context());
}

/// Taps the button labelled `label`, if the screen shows it.
fn tap_button(harness: &mut Harness<'_, KioskApp>, label: &str) -> bool {
    let Some(button) = harness.query_by_role_and_label(Role::Button, label) else {
        return false;
    };
    button.click();
    harness.step();
    true
}

/// Staff open the PIN pad (mostly with the right PIN) and use a part of the staff menu, by
/// its buttons; never "Leave the kiosk". Returns whether the menu opened.
fn staff_visit(rng: &mut Rng, deck: &Deck, harness: &mut Harness<'_, KioskApp>) -> bool {
    common::tap_command(harness, Command::Staff(StaffCommand::OpenPinPad));
    let words = deck
        .language(language_index(deck, harness))
        .interface
        .staff
        .clone();
    let pin = if rng.chance(80) { PIN } else { "1357" };
    for digit in pin.chars() {
        tap_button(harness, &digit.to_string());
    }
    tap_button(harness, &words.pin_enter);
    let opened = harness.query_by_label(&words.menu_title).is_some();
    let choices = [
        words.reload.as_str(),
        words.statistics.as_str(),
        words.problems.as_str(),
        words.shorter.as_str(),
        words.longer.as_str(),
        words.consult_on.as_str(),
        words.consult_off.as_str(),
        words.back_to_kiosk.as_str(),
    ];
    for _ in 0..1 + rng.below(3) {
        let choice = choices[rng.below(choices.len())];
        tap_button(harness, choice);
        tap_button(harness, &words.back_to_menu);
    }
    if rng.chance(50) {
        tap_button(harness, &words.back_to_kiosk);
    }
    opened
}

/// The PDFs in the handout folder.
fn handouts_in(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// In consultation mode, on a page: the page goes into the handout, and Create handout makes
/// it; waits (in real time, simulated time standing still) for its file.
fn make_handout(harness: &mut Harness<'_, KioskApp>, folder: &std::path::Path) -> bool {
    let Screen::Page(at) = harness.state().session().screen else {
        return false;
    };
    if harness.state().handout_in_progress() {
        return false;
    }
    let deck = common::bundled_deck();
    let language = deck.language(language_index(&deck, harness));
    let Some(page) = language.page(at) else {
        return false;
    };
    let item = patient_kiosk::handout::HandoutItem::Page(page.id.clone());
    if !harness.state().session().handout.contains(&item) {
        common::tap_command(
            harness,
            Command::Consult(ConsultCommand::ToggleHandout(item)),
        );
    }
    let before = handouts_in(folder).len();
    common::tap_command(harness, Command::Consult(ConsultCommand::CreateHandout));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while handouts_in(folder).len() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the handout was never saved"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Its file is written whole before the job says it is done.
    while harness.state().handout_in_progress() {
        assert!(std::time::Instant::now() < deadline, "the job never ended");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    true
}

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
    // On a quiz question, a patient mostly answers it (any answer, some of them no answer).
    let on_quiz = matches!(harness.state().session().screen, Screen::Quiz { .. });
    if on_quiz && rng.chance(50) {
        return Command::Answer(rng.below(6));
    }
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
            staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
            ..KioskConfig::default()
        },
        None,
    );
    app.set_printer(None);
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    let mut harness = common::second_steps(app, SIZE);
    harness.step();
    let mut rng = Rng(seed);
    let mut wiped = Wiped::default();
    let mut staff_menus = 0u64;
    let mut handouts_made = 0u64;
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
            60..=84 => {
                let command = random_command(&mut rng, &deck, &harness);
                common::tap_command(&mut harness, command);
                "command"
            }
            85..=86 => {
                staff_menus += u64::from(staff_visit(&mut rng, &deck, &mut harness));
                // The menu may have switched consultation mode, with its own idle time.
                harness
                    .state_mut()
                    .set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
                "staff"
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
                if consult && rng.chance(30) && make_handout(&mut harness, handouts.path()) {
                    handouts_made += 1;
                    "consultation mode, a handout"
                } else {
                    "consultation mode"
                }
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
                let session = harness.state().session();
                wiped.language += u64::from(session.language.is_some());
                wiped.quiz_answers += u64::from(!session.quiz_answers.is_empty());
                wiped.ink += u64::from(!session.ink.is_empty());
                wiped.handout += u64::from(!session.handout.is_empty());
                wiped.staff_panel += u64::from(session.staff.is_some());
                // Staff may have made the idle time longer in the menu: the spell lasts as long
                // as the kiosk waits now.
                // A tap in the staff menu may have switched consultation mode on, with its
                // own, longer idle time.
                let settings = harness.state().settings();
                let idle_secs = if harness.state().is_consult() {
                    settings
                        .consult_idle_timeout_secs
                        .max(settings.idle_timeout_secs)
                } else {
                    settings.idle_timeout_secs
                };
                let frames = f64::from(idle_secs).max(IDLE_SECS)
                    + f64::from(settings.countdown_secs).max(COUNTDOWN_SECS)
                    + 2.0;
                common::wait_frames(&mut harness, frames as u32);
                assert_fresh(&harness, event);
                wiped.resets += 1;
                "idle spell"
            }
        };
        check(&deck, &harness, event, what);
    }
    eprintln!(
        "monkey: seed {seed:#x}, {events} events run; idle resets and what they wiped: \
         {wiped:?}; staff menus opened: {staff_menus}; handouts made: {handouts_made}"
    );
    let pdfs = handouts_in(handouts.path());
    assert_eq!(
        pdfs.len() as u64,
        handouts_made,
        "one file per handout: {pdfs:?}"
    );
    for pdf in &pdfs {
        let bytes = std::fs::read(pdf).expect("the handout reads back");
        assert!(bytes.starts_with(b"%PDF-"), "{pdf:?} is not a PDF");
    }
    // A long enough run must have done all of it, or the checks above proved nothing.
    if events >= DEFAULT_EVENTS {
        let Wiped {
            resets,
            language,
            quiz_answers,
            ink,
            handout,
            staff_panel,
        } = wiped;
        for (what, count) in [
            ("idle resets", resets),
            ("languages wiped", language),
            ("quiz answers wiped", quiz_answers),
            ("ink wiped", ink),
            ("handouts wiped", handout),
            ("staff panels closed", staff_panel),
            ("staff menus opened", staff_menus),
            ("handouts made", handouts_made),
        ] {
            assert!(
                count > 0,
                "{what}: none in {events} events (seed {seed:#x})"
            );
        }
    }
}
