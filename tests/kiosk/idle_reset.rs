//! Nobody touching the kiosk: after the idle time "Are you still there?" counts down, then the
//! whole visit is wiped for the next patient; "I'm still here" keeps it. Simulated time runs a
//! second a frame, so minutes pass in milliseconds.

use crate::common;

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

/// What the attract screen asks of the renderer once `secs` of simulated time have passed
/// (in steps of `step_secs`): the wait before its next frame.
fn attract_repaint_delay_secs(secs: f64, step_secs: f32) -> f64 {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(step_secs)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.step();
    // The logo decodes on a thread of its own, in real time (simulated time stands still
    // meanwhile); until a frame takes it, the screen polls for it, which is not the attract
    // screen's own timing.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    while harness.ctx.input(|input| input.time) < secs {
        harness.step();
    }
    assert!(
        !harness.state().pictures_loading(),
        "the logo took over a second to decode"
    );
    let time = harness.ctx.input(|input| input.time);
    assert!(time < secs + f64::from(step_secs) + 0.1, "at {time} s");
    assert_eq!(harness.state().session().screen, Screen::Attract);
    let Some(viewport) = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
    else {
        panic!("the harness has a root viewport");
    };
    viewport.repaint_delay.as_secs_f64()
}

#[test]
fn the_attract_screen_shows_its_first_picture_at_once_and_fades_in_the_next() {
    let theme = Theme::bundled();
    let switch_secs = f64::from(theme.sizes.attract_switch_secs);
    let frame_secs = 1.0 / f64::from(theme.sizes.attract_fps);
    // Just after the start: no fade to draw, so nothing until the next picture is due.
    let at_start = attract_repaint_delay_secs(0.05, 0.05);
    assert!(
        at_start > switch_secs - 1.0 && at_start <= switch_secs,
        "waits {at_start} s at the start"
    );
    // Just after the switch to the second picture: it fades in at the capped rate.
    let in_fade = attract_repaint_delay_secs(switch_secs + 0.1, 0.1);
    assert!(
        (in_fade - frame_secs).abs() < 0.01,
        "waits {in_fade} s while fading"
    );
}
