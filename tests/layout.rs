//! Every page fits landscape, portrait and a small tablet: nothing sticks out of the screen
//! sideways, buttons never overlap each other, and the top bar's parts never collide.

mod common;

use egui::accesskit::Role;
use egui::{Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::Command;
use patient_kiosk::{KioskApp, Theme};

const SIZES: [(&str, Vec2); 3] = [
    ("landscape", vec2(1920.0, 1080.0)),
    ("portrait", vec2(1080.0, 1920.0)),
    ("tablet", vec2(1280.0, 800.0)),
];

fn check_screen(harness: &Harness<'_, KioskApp>, size: Vec2, what: &str, bar_height: f32) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size).expand(0.5);
    let mut shown: Vec<(String, Role, Rect)> = Vec::new();
    for node in
        harness.query_all_by(|node| matches!(node.role(), Role::Button | Role::Label | Role::Image))
    {
        let label = node.accesskit_node().label().unwrap_or_default();
        let rect = node.rect();
        assert!(
            rect.left() >= screen.left() && rect.right() <= screen.right(),
            "{what}: {label:?} sticks out sideways: {rect:?}"
        );
        shown.push((label, node.accesskit_node().role(), rect));
    }
    // Scrolling content passes under the bars, clipped; so bar buttons are compared with bar
    // buttons, and content buttons with content buttons.
    let interface = &common::bundled_deck().languages[0].interface;
    let bar_labels = [&interface.home, &interface.back, &interface.next];
    let region = |label: &String| bar_labels.contains(&label);
    let buttons: Vec<&(String, Role, Rect)> = shown
        .iter()
        .filter(|(_, role, _)| *role == Role::Button)
        .collect();
    for (i, a) in buttons.iter().enumerate() {
        for b in &buttons[i + 1..] {
            let same_region = region(&a.0) == region(&b.0);
            assert!(
                !same_region || !a.2.shrink(0.5).intersects(b.2.shrink(0.5)),
                "{what}: {:?} overlaps {:?}",
                a.0,
                b.0
            );
        }
    }
    let in_top_bar: Vec<&(String, Role, Rect)> = shown
        .iter()
        .filter(|(_, _, rect)| rect.bottom() <= bar_height)
        .collect();
    for (i, a) in in_top_bar.iter().enumerate() {
        for b in &in_top_bar[i + 1..] {
            assert!(
                !a.2.shrink(0.5).intersects(b.2.shrink(0.5)),
                "{what}: top bar {:?} overlaps {:?}",
                a.0,
                b.0
            );
        }
    }
}

#[test]
fn every_page_fits_every_screen() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let bar_height = Theme::bundled().sizes.bar_height_pt;
    for (name, size) in SIZES {
        let app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        check_screen(&harness, size, &format!("attract, {name}"), bar_height);
        harness.state_mut().apply(Command::Home);
        harness.run();
        check_screen(&harness, size, &format!("home, {name}"), bar_height);
        for (at, page) in language.pages() {
            harness.state_mut().apply(Command::Open(at));
            harness.run();
            check_screen(&harness, size, &format!("{}, {name}", page.id), bar_height);
        }
    }
}
