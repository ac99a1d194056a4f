//! Every screen on every kiosk screen clinics mount (1280x720 to 3840x2160, landscape and
//! portrait), at every text size, in both languages and both looks, walked as a patient, the
//! staff and a clinician reach it (see `patient_kiosk::overlap::walk`): nothing a person would
//! see drawn over something else, no control or line cut off by its region, no control off
//! the screen where it cannot be scrolled to. Each failure names the screen, the setting and
//! the two things.

use crate::common;

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
    for language in 0..deck.languages.len() {
        for text in TextSize::ALL {
            for high_contrast in [false, true] {
                let reading = Reading {
                    language,
                    text,
                    high_contrast,
                };
                screens += 1;
                for (at, found) in walk(&deck, *screen, reading) {
                    let code = &deck.languages[language].code;
                    let look = if high_contrast { ", high contrast" } else { "" };
                    for problem in found {
                        problems.push(format!("{code} {text:?}{look}, {at}: {problem}"));
                    }
                }
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
