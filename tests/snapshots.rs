//! Pixel snapshots of the home screen and a content page, landscape and portrait, rendered
//! headless with wgpu. `UPDATE_SNAPSHOTS=1 cargo test --test snapshots` rewrites them.

mod common;

use egui::{Vec2, vec2};
use egui_kittest::Harness;
use patient_kiosk::app::Command;
use patient_kiosk::content::PageRef;
use patient_kiosk::{KioskApp, Theme};

fn kiosk(size: Vec2) -> Harness<'static, KioskApp> {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(size)
        // Half a pixel per point: the same layout in a quarter of the pixels, so the committed
        // PNGs stay small.
        .with_pixels_per_point(0.5)
        .wgpu()
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// The page with the comparison table: the densest layout in the deck.
fn table_page() -> PageRef {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    language
        .pages()
        .find(|(_, page)| {
            page.blocks
                .iter()
                .any(|block| matches!(block, patient_kiosk::content::model::Block::Table { .. }))
        })
        .map(|(at, _)| at)
        .expect("the bundled content has a table")
}

#[test]
fn home_and_a_page_in_landscape_and_portrait() {
    let mut failures = Vec::new();
    for (orientation, size) in [
        ("landscape", vec2(1920.0, 1080.0)),
        ("portrait", vec2(1080.0, 1920.0)),
    ] {
        let mut harness = kiosk(size);
        if let Err(error) = harness.try_snapshot(format!("home_{orientation}")) {
            failures.push(error.to_string());
        }
        harness.state_mut().apply(Command::Open(table_page()));
        harness.run();
        if let Err(error) = harness.try_snapshot(format!("page_{orientation}")) {
            failures.push(error.to_string());
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ:\n{}",
        failures.join("\n")
    );
}
