//! Every screen on every kiosk screen clinics mount (1280x720 to 3840x2160, landscape and
//! portrait), at every text size, in both languages and both looks, walked as a patient, the
//! staff and a clinician reach it (see `patient_kiosk::overlap::walk`): nothing a person would
//! see drawn over something else, no control or line cut off by its region, no control off
//! the screen where it cannot be scrolled to. Each failure names the screen, the setting and
//! the two things.

use crate::common;

use egui::accesskit::Role;
use egui::{Pos2, Rect, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::KioskApp;
use patient_kiosk::app::{Command, StaffPanel};
use patient_kiosk::config::KioskConfig;
use patient_kiosk::overlap::{KIOSK_SCREENS, Reading, walk};
use patient_kiosk::theme::TextSize;

/// Walks every screen at the kiosk screen named `name` in every reading setting; panics
/// listing every problem.
fn walk_screen(name: &str) {
    let deck = common::bundled_deck();
    let screen = KIOSK_SCREENS
        .iter()
        .find(|screen| screen.name == name)
        .expect("a kiosk screen");
    let mut problems = Vec::new();
    let mut screens = 0;
    for reading in Reading::every(0..deck.languages.len()) {
        screens += 1;
        for (at, found) in walk(&deck, *screen, reading) {
            let code = &deck.languages[reading.language].code;
            let look = if reading.high_contrast {
                ", high contrast"
            } else {
                ""
            };
            for problem in found {
                problems.push(format!("{code} {:?}{look}, {at}: {problem}", reading.text));
            }
        }
    }
    assert_eq!(screens, 12, "every setting walked");
    assert!(
        problems.is_empty(),
        "{name}: {} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn nothing_breaks_at_1280x720() {
    walk_screen("1280x720");
}

#[test]
fn nothing_breaks_at_1280x800() {
    walk_screen("1280x800");
}

#[test]
fn nothing_breaks_at_1366x768() {
    walk_screen("1366x768");
}

#[test]
fn nothing_breaks_at_1280x1024() {
    walk_screen("1280x1024");
}

#[test]
fn nothing_breaks_at_1920x1080() {
    walk_screen("1920x1080");
}

#[test]
fn nothing_breaks_at_2560x1440() {
    walk_screen("2560x1440");
}

#[test]
fn nothing_breaks_at_3840x2160_scaled_twice() {
    walk_screen("3840x2160");
}

#[test]
fn nothing_breaks_at_1080x1920() {
    walk_screen("1080x1920");
}

#[test]
fn nothing_breaks_at_800x1280() {
    walk_screen("800x1280");
}

/// Taps the button `label` where it is drawn, as a finger would: scrolled into view with a
/// finger's drag first if it is below the screen's edge. Panics if it cannot be reached.
fn tap_where_drawn(harness: &mut egui_kittest::Harness<'_, KioskApp>, label: &str, size: Vec2) {
    let screen = Rect::from_min_size(Pos2::ZERO, size);
    for _ in 0..20 {
        let rect = harness.get_by_role_and_label(Role::Button, label).rect();
        // In a panel that scrolls, wholly within its view: its scroll bar, just right of it,
        // runs the view's height.
        let in_view = harness
            .query_all_by_role(Role::ScrollBar)
            .map(|bar| bar.rect())
            .filter(|bar| bar.left() >= rect.right() - 1.0 && bar.left() <= rect.right() + 60.0)
            .all(|bar| bar.top() <= rect.top() && bar.bottom() >= rect.bottom());
        if screen.contains_rect(rect) && in_view {
            common::tap(harness, rect.center());
            for _ in 0..3 {
                harness.step();
            }
            return;
        }
        // A finger's drag upwards on the panel, from the middle of the screen.
        let from = screen.center();
        common::finger(harness, from, &[from - egui::vec2(0.0, size.y / 4.0)]);
    }
    panic!("{label:?} cannot be brought onto the {size:?} screen");
}

/// On every kiosk screen, from the home screen: five taps in the corner open the PIN pad,
/// the PIN typed on its keys opens the staff menu, and its last button, tapped where it is
/// drawn, goes back to the kiosk.
#[test]
fn the_staff_gesture_and_menu_work_on_every_kiosk_screen() {
    const PIN: &str = "2468";
    for screen in KIOSK_SCREENS {
        let mut app = KioskApp::new(patient_kiosk::Theme::bundled(), Ok(common::bundled_deck()));
        app.set_settings(
            KioskConfig {
                staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
                ..KioskConfig::default()
            },
            None,
        );
        app.apply(Command::Home);
        let mut harness = Harness::builder()
            .with_size(screen.size)
            .with_pixels_per_point(screen.scale)
            .with_step_dt(0.1)
            .with_max_steps(40)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        let corner = Pos2::new(30.0, screen.size.y - 30.0);
        for _ in 0..5 {
            common::tap(&mut harness, corner);
        }
        harness.step();
        assert!(
            harness.query_by_label("Enter the staff PIN.").is_some(),
            "{}: five taps in the corner open the PIN pad",
            screen.name
        );
        for digit in PIN.chars().map(String::from).chain(["Enter".to_owned()]) {
            tap_where_drawn(&mut harness, &digit, screen.size);
        }
        assert!(
            matches!(
                harness.state().session().staff,
                Some(StaffPanel::Menu { .. })
            ),
            "{}: the PIN opens the staff menu",
            screen.name
        );
        tap_where_drawn(&mut harness, "Back to the kiosk", screen.size);
        assert!(
            harness.state().session().staff.is_none(),
            "{}: Back to the kiosk closes the menu",
            screen.name
        );
    }
}

/// "Page 2 of 3" is on every page on every kiosk screen at every text size, in both
/// languages, with the Listen button in the bar too, never under a button: where the dots and
/// the words do not fit side by side, the words go under the dots.
#[test]
fn the_page_number_shows_on_every_screen_at_every_text_size() {
    let deck = common::bundled_deck();
    let at = patient_kiosk::content::PageRef { topic: 1, page: 1 };
    let mut missing = Vec::new();
    for screen in KIOSK_SCREENS {
        for language in 0..deck.languages.len() {
            for text in TextSize::ALL {
                let mut app = KioskApp::new(patient_kiosk::Theme::bundled(), Ok(deck.clone()));
                common::with_listen_button(&mut app);
                app.apply(Command::ChooseLanguage(language));
                app.apply(Command::SetTextSize(text));
                app.apply(Command::Open(at));
                let mut harness = Harness::builder()
                    .with_size(screen.size)
                    .with_pixels_per_point(screen.scale)
                    .with_max_steps(40)
                    .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
                harness.run();
                let words = deck.languages[language].page_of(at);
                let Some(node) = harness.query_by_label(&words) else {
                    missing.push(format!(
                        "{} {text:?} language {language}: no {words:?}",
                        screen.name
                    ));
                    continue;
                };
                let rect = node.rect();
                if !Rect::from_min_size(Pos2::ZERO, screen.size).contains_rect(rect) {
                    missing.push(format!(
                        "{} {text:?} language {language}: {words:?} at {rect:?}",
                        screen.name
                    ));
                }
                // Not under Back, Listen or Next, which share its bar.
                for button in harness.query_all_by_role(Role::Button) {
                    if button.rect().shrink(1.0).intersects(rect) {
                        missing.push(format!(
                            "{} {text:?} language {language}: {words:?} under {:?}",
                            screen.name,
                            button.accesskit_node().label()
                        ));
                    }
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
