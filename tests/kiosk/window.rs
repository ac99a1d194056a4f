//! The kiosk window's own frames: the first-frame probe used to measure start-up.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::Screen;
use patient_kiosk::window::{KioskWindow, PROBE_WORD};
use patient_kiosk::{KioskApp, Theme};

/// The harness paints a frame as it is built, to start its accessibility tree; the window's
/// frames are the ones after.
fn window_harness(window: KioskWindow) -> Harness<'static, KioskWindow> {
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, window: &mut KioskWindow| window.ui(ui), window)
}

fn window() -> KioskWindow {
    KioskWindow::new(
        KioskApp::new(Theme::bundled(), Ok(common::bundled_deck())),
        None,
    )
}

#[test]
fn the_probe_paints_one_word_first_and_then_the_kiosk_by_itself() {
    let mut harness = window_harness(window());
    harness.state_mut().probe_first_frame();
    harness.step();
    assert!(harness.query_by_label(PROBE_WORD).is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "English")
            .is_none(),
        "the first frame shows only the probe word"
    );
    // The probe asked for the next frame: the kiosk comes with no input.
    harness.run();
    assert!(harness.query_by_label(PROBE_WORD).is_none());
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    assert_eq!(harness.state().app().session().screen, Screen::Home);
}

#[test]
fn without_the_probe_the_first_frame_is_the_kiosk() {
    let mut harness = window_harness(window());
    harness.step();
    assert!(harness.query_by_label(PROBE_WORD).is_none());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "English")
            .is_some()
    );
}
