//! Nobody touching the kiosk: after the idle time "Are you still there?" counts down, then the
//! whole visit is wiped for the next patient; "I'm still here" keeps it. Simulated time runs a
//! second a frame, so minutes pass in milliseconds.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen, Session};
use patient_kiosk::{KioskApp, Theme};

const IDLE_SECS: f64 = 60.0;
const COUNTDOWN_SECS: f64 = 15.0;

/// The kiosk in the middle of a visit: on the endoscope page, its lens tapped, a step on.
fn kiosk_mid_visit() -> Harness<'static, KioskApp> {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    let at = common::page_with_diagram(&deck, "endoscope");
    // As a patient's taps would: each command is followed by a touch on the screen.
    for command in [
        Command::Open(at),
        Command::ToggleHotspot {
            diagram: "endoscope".to_owned(),
            hotspot: "lens".to_owned(),
        },
        Command::StepDiagram {
            diagram: "endoscope".to_owned(),
            forward: true,
        },
    ] {
        common::tap_command(&mut harness, command);
    }
    assert_ne!(*harness.state().session(), Session::default());
    harness
}

/// Lets `secs` of simulated time pass with nobody touching.
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    common::wait_frames(harness, secs as u32);
}

fn asking(harness: &Harness<'_, KioskApp>) -> bool {
    harness.query_by_label("Are you still there?").is_some()
}

#[test]
fn nobody_there_asks_then_wipes_the_whole_visit() {
    let mut harness = kiosk_mid_visit();
    wait(&mut harness, IDLE_SECS - 2.0);
    assert!(!asking(&harness), "not yet");
    wait(&mut harness, 3.0);
    assert!(asking(&harness), "after the idle time the question shows");
    // 61 seconds after the last touch: 14 of the 15 are left.
    assert!(
        harness
            .query_by_label("The screen will start over in 14 seconds.")
            .is_some(),
        "it counts down"
    );
    wait(&mut harness, COUNTDOWN_SECS);
    harness.step();
    assert!(!asking(&harness));
    let session = harness.state().session().clone();
    assert_eq!(
        session.screen,
        Screen::Attract,
        "back to the invitation to touch"
    );
    assert_eq!(
        session,
        Session::default(),
        "every piece of the visit is gone"
    );
}

#[test]
fn i_am_still_here_keeps_the_visit() {
    let mut harness = kiosk_mid_visit();
    let before = harness.state().session().clone();
    wait(&mut harness, IDLE_SECS + 2.0);
    assert!(asking(&harness));
    harness
        .get_by_role_and_label(Role::Button, "I'm still here")
        .click();
    harness.step();
    harness.step();
    assert!(!asking(&harness));
    assert_eq!(harness.state().session().screen, before.screen);
    assert_eq!(harness.state().session().open_hotspot, before.open_hotspot);
    assert_eq!(
        harness.state().session().diagram_steps,
        before.diagram_steps
    );
    // The clock starts again: nothing asks for another idle time.
    wait(&mut harness, IDLE_SECS - 5.0);
    assert!(!asking(&harness));
}

#[test]
fn a_fresh_home_screen_never_asks() {
    let mut harness = kiosk_mid_visit();
    harness.state_mut().apply(Command::StartOver);
    harness.step();
    wait(&mut harness, 3.0 * (IDLE_SECS + COUNTDOWN_SECS));
    assert!(!asking(&harness));
    assert_eq!(*harness.state().session(), Session::default());
}

#[test]
fn the_kiosk_opens_on_the_invitation_and_a_touch_anywhere_starts_a_visit() {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(0.05)
        .with_max_steps(100)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Attract);
    assert!(
        harness
            .query_by_label("Learn about spine surgery through small cuts")
            .is_some()
    );
    // A tap in the middle of the drawing (not on a button) starts a visit.
    harness.event(egui::Event::PointerMoved(egui::pos2(960.0, 540.0)));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: egui::pos2(960.0, 540.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
}

#[test]
fn choosing_a_language_starts_a_visit_in_it() {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1080.0, 1920.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert_eq!(harness.state().session().language, Some(0));
}
