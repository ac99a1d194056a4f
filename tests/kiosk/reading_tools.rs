//! The bar every patient can reach on the home screen and every page: another language at once
//! on the same page, three text sizes, and a high-contrast look; a reset puts all three back.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen, Session};
use patient_kiosk::theme::TextSize;
use patient_kiosk::{KioskApp, Theme};

/// The kiosk on the endoscope page, in English at normal size.
fn kiosk_on_a_page() -> (Harness<'static, KioskApp>, patient_kiosk::content::PageRef) {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, "endoscope");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_idle_timing(60.0, 15.0);
    let mut harness = common::second_steps(app, egui::vec2(1080.0, 1920.0));
    harness.state_mut().apply(Command::Home);
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    (harness, at)
}

fn page_title(harness: &Harness<'_, KioskApp>, language: usize) -> String {
    let deck = common::bundled_deck();
    let Screen::Page(at) = harness.state().session().screen else {
        panic!("on a page");
    };
    deck.language(language)
        .page(at)
        .map(|page| page.title.clone())
        .expect("the page")
}

fn tap(harness: &mut Harness<'_, KioskApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

#[test]
fn another_language_shows_the_same_page_at_once() {
    let (mut harness, at) = kiosk_on_a_page();
    let english = page_title(&harness, 0);
    let spanish = page_title(&harness, 1);
    assert_ne!(english, spanish);
    assert!(harness.query_by_label(&english).is_some());

    tap(&mut harness, Role::Button, "Español");
    assert_eq!(
        harness.state().session().screen,
        Screen::Page(at),
        "same page"
    );
    assert!(harness.query_by_label(&spanish).is_some(), "in Spanish");
    assert!(
        harness.query_by_label(&english).is_none(),
        "no English left on screen"
    );
    assert!(harness.query_by_label("Siguiente").is_some(), "buttons too");
    assert!(harness.query_by_label("Next").is_none());

    tap(&mut harness, Role::Button, "English");
    assert_eq!(harness.state().session().screen, Screen::Page(at));
    assert!(harness.query_by_label(&english).is_some());
}

#[test]
fn the_text_grows_in_three_steps() {
    let (mut harness, _) = kiosk_on_a_page();
    let title = page_title(&harness, 0);
    let height = |harness: &Harness<'_, KioskApp>| harness.get_by_label(&title).rect().height();
    let normal = height(&harness);
    tap(&mut harness, Role::RadioButton, "Large text size");
    assert_eq!(harness.state().session().text_size, TextSize::Large);
    let large = height(&harness);
    tap(&mut harness, Role::RadioButton, "Extra large text size");
    let extra = height(&harness);
    assert!(
        normal < large && large < extra,
        "title heights {normal} < {large} < {extra}"
    );
    tap(&mut harness, Role::RadioButton, "Normal text size");
    assert_eq!(height(&harness), normal);
}

#[test]
fn high_contrast_switches_the_whole_look() {
    let (mut harness, _) = kiosk_on_a_page();
    let theme = Theme::bundled();
    let fill = |harness: &Harness<'_, KioskApp>| harness.ctx.global_style().visuals.panel_fill;
    assert_eq!(fill(&harness), theme.colors.background.color32());
    tap(&mut harness, Role::Switch, "High contrast");
    assert!(harness.state().session().high_contrast);
    assert_eq!(fill(&harness), theme.high_contrast.background.color32());
    tap(&mut harness, Role::Switch, "High contrast");
    assert_eq!(fill(&harness), theme.colors.background.color32());
}

#[test]
fn the_reset_brings_back_the_default_language_size_and_look() {
    let (mut harness, _) = kiosk_on_a_page();
    let theme = Theme::bundled();
    tap(&mut harness, Role::Button, "Español");
    tap(&mut harness, Role::RadioButton, "Letra muy grande");
    tap(&mut harness, Role::Switch, "Alto contraste");
    let session = harness.state().session().clone();
    assert_eq!(
        (session.language, session.text_size, session.high_contrast),
        (Some(1), TextSize::ExtraLarge, true)
    );
    for _ in 0..80 {
        harness.step();
    }
    assert_eq!(*harness.state().session(), Session::default());
    harness.state_mut().apply(Command::Home);
    harness.run();
    assert_eq!(
        harness.ctx.global_style().visuals.panel_fill,
        theme.colors.background.color32(),
        "the normal look"
    );
    assert!(
        harness.query_by_label("Español").is_some(),
        "in English again"
    );
}
