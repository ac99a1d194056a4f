//! Diagrams as a patient uses them: tap a hotspot to read about the part, tap again or
//! elsewhere to close it, and nothing of it survives turning the page.

mod common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, OpenHotspot};
use patient_kiosk::content::PageRef;
use patient_kiosk::{KioskApp, Theme};

const EXPLANATION: &str = "A light and a lens.";

fn page_with_tube() -> Harness<'static, KioskApp> {
    let fixture = common::Fixture::new();
    fixture.write("content/diagrams/tube.ron", common::TUBE);
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\"),",
        "Paragraph(\"Hello.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"A thin tube with a light at its end.\"),",
    );
    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("the page with a diagram loads");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::Open(PageRef { topic: 0, page: 0 }));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn tap_hotspot(harness: &mut Harness<'_, KioskApp>) {
    harness
        .get_by_role_and_label(Role::Button, "The tip")
        .click();
    harness.run();
}

fn explanation_shown(harness: &Harness<'_, KioskApp>) -> bool {
    harness.query_by_label(EXPLANATION).is_some()
}

#[test]
fn a_hotspot_is_a_big_labelled_button_that_opens_and_closes_its_explanation() {
    let mut harness = page_with_tube();
    let hotspot = harness.get_by_role_and_label(Role::Button, "The tip");
    let size = hotspot.rect().size();
    assert!(
        size.x >= 64.0 && size.y >= 64.0,
        "hotspot touch area is only {size:?}"
    );
    assert!(!explanation_shown(&harness));

    tap_hotspot(&mut harness);
    assert!(
        explanation_shown(&harness),
        "the explanation appears below the diagram"
    );
    assert_eq!(
        harness.state().session().open_hotspot,
        Some(OpenHotspot {
            diagram: "tube".to_owned(),
            hotspot: "end".to_owned()
        })
    );

    tap_hotspot(&mut harness);
    assert!(!explanation_shown(&harness), "tapping again closes it");
}

#[test]
fn tapping_elsewhere_on_the_diagram_closes_the_explanation() {
    let mut harness = page_with_tube();
    tap_hotspot(&mut harness);
    assert!(explanation_shown(&harness));
    let figure = harness
        .get_by_label("A thin tube with a light at its end.")
        .rect();
    // The left end of the drawing, far from the hotspot at the right end.
    let elsewhere = figure.left_center() + egui::vec2(60.0, 0.0);
    harness.event(egui::Event::PointerMoved(elsewhere));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: elsewhere,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert!(!explanation_shown(&harness));
    assert_eq!(harness.state().session().open_hotspot, None);
}

#[test]
fn turning_the_page_closes_the_explanation() {
    let mut harness = page_with_tube();
    tap_hotspot(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Next").click();
    harness.run();
    assert_eq!(harness.state().session().open_hotspot, None);
    harness.get_by_role_and_label(Role::Button, "Back").click();
    harness.run();
    assert!(!explanation_shown(&harness));
}

#[test]
fn a_page_shows_a_diagram_by_its_description() {
    let harness = page_with_tube();
    let figure = harness.get_by_label("A thin tube with a light at its end.");
    assert_eq!(figure.accesskit_node().role(), egui::accesskit::Role::Image);
    // In the 1100-point column the 2:1 diagram is limited by width: drawn as wide as the card
    // allows inside its padding, and half as high.
    let rect = figure.rect();
    let padding = Theme::bundled().sizes.card_padding_pt;
    assert!((rect.width() - 1100.0).abs() < 1.0, "{rect:?}");
    let expected_height = (rect.width() - 2.0 * padding) / 2.0 + 2.0 * padding;
    assert!(
        (rect.height() - expected_height).abs() < 1.0,
        "{rect:?}, expected height {expected_height}"
    );
}
