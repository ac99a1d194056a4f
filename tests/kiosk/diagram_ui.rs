//! Diagrams as a patient uses them: tap a hotspot to read about the part, tap again or
//! elsewhere to close it, and nothing of it survives turning the page.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, OpenHotspot};
use patient_kiosk::content::PageRef;
use patient_kiosk::{KioskApp, Theme};

const EXPLANATION: &str = "A light and a lens.";

const ALT: &str = "A thin tube with a light at its end.";

/// A content folder whose first page shows the tube diagram.
fn tube_fixture() -> common::Fixture {
    let fixture = common::Fixture::new();
    fixture.write("content/diagrams/tube.ron", common::TUBE);
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\"),",
        &format!("Paragraph(\"Hello.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"{ALT}\"),"),
    );
    fixture
}

/// The kiosk showing the first page of `deck`, drawn.
fn kiosk_on_first_page(deck: patient_kiosk::Deck) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::Open(PageRef { topic: 0, page: 0 }));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn page_with_tube() -> Harness<'static, KioskApp> {
    let fixture = tube_fixture();
    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("the page with a diagram loads");
    kiosk_on_first_page(deck)
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
    let figure = harness.get_by_label(ALT).rect();
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

/// The explanation's own Close button, beside its top right corner, closes it; the page
/// does not move.
#[test]
fn the_close_button_beside_the_explanation_closes_it() {
    let mut harness = page_with_tube();
    let title = harness.get_by_role(Role::Heading).rect();
    tap_hotspot(&mut harness);
    let words = harness.get_by_label(EXPLANATION).rect();
    let close = harness.get_by_role_and_label(Role::Button, "Close");
    let button = close.rect();
    assert!(
        button.left() >= words.right()
            && button.top() <= words.top()
            && words.top() - button.top() < 150.0,
        "Close is beside the explanation, at its top: {button:?} beside {words:?}"
    );
    assert!(
        button.height() >= 64.0 && button.width() >= 64.0,
        "{button:?}"
    );
    close.click();
    harness.run();
    assert!(!explanation_shown(&harness));
    assert_eq!(harness.state().session().open_hotspot, None);
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Close")
            .is_none()
    );
    assert_eq!(
        harness.get_by_role(Role::Heading).rect(),
        title,
        "the page never moved"
    );
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
    let figure = harness.get_by_label(ALT);
    assert_eq!(figure.accesskit_node().role(), egui::accesskit::Role::Image);
    // On a wide screen the figure sits beside the text, at the right, in its share of the
    // width between the page margins; the 2:1 diagram is limited by width there: drawn as wide
    // as the card allows inside its padding, and half as high.
    let rect = figure.rect();
    let sizes = &Theme::bundled().sizes;
    let padding = sizes.card_padding_pt;
    // The room between the page margins: as wide as from Home's left edge to the same distance
    // from the right.
    let home = harness.get_by_role_and_label(Role::Button, "Home").rect();
    let room = 1920.0 - 2.0 * home.left();
    let width = room * sizes.figure_column_share;
    assert!(
        (rect.width() - width).abs() < 1.0,
        "{rect:?}, expected width {width}"
    );
    assert!(
        (rect.right() - (1920.0 - home.left())).abs() < 1.0,
        "{rect:?} at the right"
    );
    let expected_height = (rect.width() - 2.0 * padding) / 2.0 + 2.0 * padding;
    assert!(
        (rect.height() - expected_height).abs() < 1.0,
        "{rect:?}, expected height {expected_height}"
    );
}

/// The tube page with a picture inside the diagram, drawn; `break_picture` spoils the file
/// after the content was checked (as if it changed on disk while the kiosk runs).
fn tube_with_picture(break_picture: bool) -> Harness<'static, KioskApp> {
    let fixture = tube_fixture();
    fixture.edit(
        "content/diagrams/tube.ron",
        "Rect(min: (20.0, 80.0)",
        "Image(file: \"logo.png\", min: (30.0, 20.0), size: (40.0, 40.0)),\n                Rect(min: (20.0, 80.0)",
    );
    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("the page with a picture loads");
    if break_picture {
        std::fs::write(fixture.path("assets/images/logo.png"), b"not a picture")
            .expect("spoil the picture");
    }
    let mut harness = kiosk_on_first_page(deck);
    common::settle_pictures(&mut harness);
    harness
}

fn textures(harness: &Harness<'_, KioskApp>) -> usize {
    harness.ctx.tex_manager().read().num_allocated()
}

#[test]
fn a_picture_in_a_diagram_is_loaded_once_and_a_broken_one_is_left_out() {
    let mut good = tube_with_picture(false);
    let with_picture = textures(&good);
    for _ in 0..5 {
        good.step();
    }
    assert_eq!(
        textures(&good),
        with_picture,
        "drawing again does not load it again"
    );

    let broken = tube_with_picture(true);
    assert!(
        broken.query_by_label(ALT).is_some(),
        "the diagram is still drawn"
    );
    assert_eq!(
        textures(&broken) + 1,
        with_picture,
        "everything but the broken picture is loaded"
    );
}

#[test]
fn only_a_part_of_a_diagram_on_the_page_showing_can_open() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, "endoscope");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::Home);
    app.apply(Command::Open(at));
    for (diagram, hotspot) in [
        ("endoscope", "no-such-part"),
        ("no-such-diagram", "lens"),
        ("spine", "disc"),
    ] {
        app.apply(Command::ToggleHotspot {
            diagram: diagram.to_owned(),
            hotspot: hotspot.to_owned(),
        });
        assert!(
            app.session().open_hotspot.is_none(),
            "{diagram}/{hotspot} opened"
        );
    }
    app.apply(Command::ToggleHotspot {
        diagram: "endoscope".to_owned(),
        hotspot: "lens".to_owned(),
    });
    assert!(
        app.session().open_hotspot.is_some(),
        "a real part on this page opens"
    );
}
