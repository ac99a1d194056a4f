//! Play: a walk-through tells itself in simulated time, step after step, each step's words on
//! the screen for as long as they take (here there is no voice: `listen.rs` has the voiced
//! run); Pause holds the place, Again plays the step once more, leaving the page or the idle
//! reset stops it, and Watch on home plays every walk-through in order.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen};
use patient_kiosk::content::{Deck, PageRef};
use patient_kiosk::play::{AFTER_WORDS_SECS, reading_secs};
use patient_kiosk::{KioskApp, Theme};

const STEP_SECS: f32 = 0.1;
const WALK_THROUGH: &str = "fluoroscope";

fn kiosk(deck: Deck, at: Option<PageRef>) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::ChooseLanguage(0));
    if let Some(at) = at {
        app.apply(Command::Open(at));
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(STEP_SECS)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// `secs` of simulated time, a frame a tenth of a second.
fn pass(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    for _ in 0..(secs / f64::from(STEP_SECS)).round() as u32 {
        harness.step();
    }
}

fn step_showing(harness: &Harness<'_, KioskApp>, diagram: &str) -> usize {
    let session = harness.state().session();
    session.diagram_steps.get(diagram).copied().unwrap_or(0)
}

/// Runs the kiosk until `diagram` moves on from the step showing (for at most `limit_secs`):
/// how long that took, in simulated seconds.
fn secs_until_the_next_step(
    harness: &mut Harness<'_, KioskApp>,
    diagram: &str,
    limit_secs: f64,
) -> f64 {
    let step = step_showing(harness, diagram);
    let mut passed = 0.0;
    while step_showing(harness, diagram) == step {
        assert!(passed < limit_secs, "step {} stays {passed:.1} s", step + 1);
        harness.step();
        passed += f64::from(STEP_SECS);
    }
    passed
}

/// The words of every step of `diagram`, in English.
fn captions(deck: &Deck, diagram: &str) -> Vec<String> {
    let words = &deck.language(0).diagram_texts[diagram];
    (deck.diagrams[diagram].steps.iter())
        .map(|step| words.steps[&step.id].clone())
        .collect()
}

/// The step's words are on the screen, where a patient sees them.
fn words_shown(harness: &Harness<'_, KioskApp>, words: &str) {
    let shown = harness.get_by_label(words);
    let rect = shown.rect();
    let screen = harness.ctx.content_rect();
    assert!(
        screen.contains_rect(rect),
        "{words:?} at {rect:?}, off the screen {screen:?}"
    );
}

#[test]
fn a_walk_through_plays_itself_each_steps_words_shown_as_long_as_they_take_to_read() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, WALK_THROUGH);
    let captions = captions(&deck, WALK_THROUGH);
    assert!(captions.len() >= 3, "the fluoroscope has a few steps");
    let mut harness = kiosk(deck, Some(at));
    harness.get_by_role_and_label(Role::Button, "Play").click();
    harness.run();
    // Playing: Pause, Again and Stop instead of Play.
    harness.get_by_role_and_label(Role::Button, "Pause");
    harness.get_by_role_and_label(Role::Button, "Again");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Play")
            .is_none()
    );
    for (step, words) in captions.iter().enumerate().take(captions.len() - 1) {
        assert_eq!(step_showing(&harness, WALK_THROUGH), step);
        words_shown(&harness, words);
        // The words stay until a slow reader is through them and a short pause has passed,
        // then the next step comes by itself (within a frame or two; the first step began
        // a few frames before the clock here started, as the tap was carried out).
        let told = reading_secs(words) + AFTER_WORDS_SECS;
        let took = secs_until_the_next_step(&mut harness, WALK_THROUGH, told + 1.0);
        assert!(
            (told - 0.45..=told + 0.25).contains(&took),
            "step {} took {took:.2} s, not {told:.2}",
            step + 1
        );
    }
    let last = captions.len() - 1;
    words_shown(&harness, &captions[last]);
    pass(
        &mut harness,
        reading_secs(&captions[last]) + AFTER_WORDS_SECS + 0.4,
    );
    // The end: the last step stays, and Play is back.
    assert_eq!(step_showing(&harness, WALK_THROUGH), last);
    harness.get_by_role_and_label(Role::Button, "Play");
    assert!(harness.state().session().play.is_none());
}

#[test]
fn pause_holds_the_place_again_replays_the_step_and_leaving_or_the_reset_stops_it() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, WALK_THROUGH);
    let captions = captions(&deck, WALK_THROUGH);
    let mut harness = kiosk(deck, Some(at));
    harness.get_by_role_and_label(Role::Button, "Play").click();
    harness.run();
    let first = reading_secs(&captions[0]) + AFTER_WORDS_SECS;
    secs_until_the_next_step(&mut harness, WALK_THROUGH, first + 1.0);
    assert_eq!(step_showing(&harness, WALK_THROUGH), 1);
    // Pause after 1 s of step 2: a long while passes and nothing moves on.
    pass(&mut harness, 1.0);
    harness.get_by_role_and_label(Role::Button, "Pause").click();
    harness.run();
    pass(&mut harness, 60.0);
    assert_eq!(step_showing(&harness, WALK_THROUGH), 1);
    // Play goes on from the place held: the rest of step 2's time is still to come.
    harness.get_by_role_and_label(Role::Button, "Play").click();
    harness.run();
    let second = reading_secs(&captions[1]) + AFTER_WORDS_SECS;
    let took = secs_until_the_next_step(&mut harness, WALK_THROUGH, second);
    assert!(
        (second - 1.0 - 0.5..=second - 1.0 + 0.5).contains(&took),
        "the rest of step 2 took {took:.2} s of {second:.2}"
    );
    assert_eq!(step_showing(&harness, WALK_THROUGH), 2);
    // Again: the step before shows for a frame, then the step comes in again and is told
    // from its start.
    pass(&mut harness, 2.0);
    harness.get_by_role_and_label(Role::Button, "Again").click();
    harness.step();
    assert_eq!(
        step_showing(&harness, WALK_THROUGH),
        1,
        "the step before, at once"
    );
    harness.step();
    harness.step();
    assert_eq!(step_showing(&harness, WALK_THROUGH), 2);
    let third = reading_secs(&captions[2]) + AFTER_WORDS_SECS;
    pass(&mut harness, third - 0.6);
    assert_eq!(
        step_showing(&harness, WALK_THROUGH),
        2,
        "told again from its start"
    );
    // Leaving the page stops it.
    harness.get_by_role_and_label(Role::Button, "Back").click();
    harness.run();
    assert!(harness.state().session().play.is_none());
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Play").click();
    harness.run();
    assert!(harness.state().session().play.is_some());
    // The idle reset stops it and forgets it.
    harness.state_mut().apply(Command::StartOver);
    harness.run();
    assert!(harness.state().session().play.is_none());
    assert_eq!(harness.state().session().screen, Screen::Attract);
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Play");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Pause")
            .is_none()
    );
    assert_eq!(step_showing(&harness, WALK_THROUGH), 0);
}

#[test]
fn watch_on_home_plays_every_walk_through_in_order_then_comes_home() {
    let deck = common::bundled_deck();
    let walk_throughs = deck.walk_throughs();
    assert!(walk_throughs.len() >= 3, "{walk_throughs:?}");
    let told = |deck: &Deck, diagram: &str| -> f64 {
        (captions(deck, diagram).iter())
            .map(|words| reading_secs(words) + AFTER_WORDS_SECS)
            .sum()
    };
    let times: Vec<f64> = (walk_throughs.iter())
        .map(|(_, diagram)| told(&deck, diagram))
        .collect();
    let mut harness = kiosk(deck, None);
    harness.state_mut().apply(Command::Home);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Watch and listen")
        .click();
    harness.run();
    for ((at, diagram), secs) in walk_throughs.iter().zip(&times) {
        assert_eq!(harness.state().session().screen, Screen::Page(*at));
        let play = harness.state().session().play.clone();
        assert_eq!(play.map(|play| play.diagram), Some(diagram.clone()));
        assert_eq!(step_showing(&harness, diagram), 0);
        // Every step takes its time, then the next walk-through (or home) comes by itself.
        let mut passed = 0.0;
        while harness.state().session().screen == Screen::Page(*at) {
            assert!(
                passed < secs + 3.0,
                "{diagram} still plays after {passed:.1} s"
            );
            harness.step();
            passed += f64::from(STEP_SECS);
        }
        assert!(
            passed >= secs - 0.2,
            "{diagram} ended after {passed:.1} s, not {secs:.1}"
        );
    }
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert!(harness.state().session().play.is_none());
}
