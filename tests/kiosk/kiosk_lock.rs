//! A locked kiosk refuses to close (the window manager's close button, Alt+F4) and to quit
//! (Ctrl-Q); an ordinary window closes when asked.

use crate::common;

use egui::{Key, Modifiers, ViewportCommand};
use egui_kittest::Harness;
use patient_kiosk::{KioskApp, Theme};

fn kiosk(locked: bool) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(locked);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Asks the window to close, as the window manager does, and returns whether the app refused.
fn refuses_to_close(harness: &mut Harness<'_, KioskApp>) -> bool {
    common::request_close(harness);
    common::viewport_commands(harness).contains(&ViewportCommand::CancelClose)
}

#[test]
fn a_locked_kiosk_refuses_to_close_and_a_window_does_not() {
    assert!(
        refuses_to_close(&mut kiosk(true)),
        "locked: close is cancelled"
    );
    assert!(
        !refuses_to_close(&mut kiosk(false)),
        "window mode: close is honoured"
    );
}

#[test]
fn ctrl_q_quits_nothing() {
    let mut harness = kiosk(true);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    harness.step();
    let commands = common::viewport_commands(&harness);
    assert!(
        !commands.contains(&ViewportCommand::Close),
        "Ctrl-Q sent {commands:?}"
    );
    assert!(
        harness
            .ctx
            .options(|options| options.quit_shortcuts.is_empty()),
        "no quit shortcut is left for eframe to act on"
    );
}
