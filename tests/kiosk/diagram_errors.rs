//! Diagram files: a valid one loads with its words; each malformed one is reported with file,
//! line, column and a plain message.

use crate::common;

use crate::common::{Fixture, assert_diagnostic};
use patient_kiosk::content::diagram::Shape;
use patient_kiosk::content::load_deck;

fn with_tube() -> Fixture {
    let fixture = Fixture::new();
    fixture.write("content/diagrams/tube.ron", common::TUBE);
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    fixture
}

#[test]
fn a_valid_diagram_loads_with_its_words() {
    let fixture = with_tube();
    let deck = load_deck(&fixture.paths()).expect("the diagram fixture loads");
    let tube = &deck.diagrams["tube"];
    assert_eq!(tube.layers.len(), 2);
    assert!(matches!(tube.layers[0].shapes[1], Shape::Label { .. }));
    let words = &deck.language(0).diagram_texts["tube"];
    assert_eq!(words.hotspots["end"].title, "The tip");
}

#[test]
fn unknown_colour_token() {
    let f = with_tube();
    f.edit(
        "content/diagrams/tube.ron",
        "fill: \"metal\"",
        "fill: \"metl\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        8,
        90,
        &["\"metl\" is not a diagram colour", "\"metal\""],
    );
}

#[test]
fn hotspot_and_step_name_missing_layers_and_an_empty_step() {
    let f = with_tube();
    f.edit(
        "content/diagrams/tube.ron",
        "layers: [\"light\"]",
        "layers: [\"lamp\"]",
    );
    f.edit(
        "content/diagrams/tube.ron",
        "Step(id: \"on\", show: [\"light\"]),",
        "Step(id: \"on\", show: [\"glow\"]),\n        Step(id: \"off\"),",
    );
    f.write(
        "content/en/diagrams/tube.ron",
        common::TUBE_WORDS.replace(
            "{\"on\": \"The light turns on.\"}",
            "{\"on\": \"On.\", \"off\": \"Off.\"}",
        ),
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        21,
        21,
        &["hotspot \"end\" names the layer \"lamp\", which does not exist"],
    );
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        24,
        18,
        &["step \"on\" names the layer \"glow\""],
    );
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        25,
        18,
        &["step \"off\" changes nothing"],
    );
}

#[test]
fn duplicate_layer_id() {
    let f = with_tube();
    f.edit("content/diagrams/tube.ron", "id: \"light\"", "id: \"body\"");
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        13,
        17,
        &["layer id \"body\" is used twice"],
    );
}

#[test]
fn label_outside_the_view_box() {
    let f = with_tube();
    f.edit(
        "content/diagrams/tube.ron",
        "at: (340.0, 60.0)",
        "at: (440.0, 60.0)",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        6,
        17,
        &["label \"tip\" reaches (440, 60), outside the view box of 400 by 200"],
    );
}

/// Words without `steps:` at all are named at the diagram's id (before: at 1:1, no place;
/// found by the fuzz test).
#[test]
fn words_without_a_steps_field_are_named_at_the_id() {
    let f = with_tube();
    f.edit(
        "content/en/diagrams/tube.ron",
        "    steps: {\"on\": \"The light turns on.\"},\n",
        "",
    );
    assert_diagnostic(
        &f.diagnostics(),
        "en/diagrams/tube.ron",
        2,
        9,
        &["step \"on\" of the diagram \"tube\" has no words here"],
    );
}

#[test]
fn words_missing_extra_or_for_no_diagram() {
    let f = with_tube();
    f.edit(
        "content/en/diagrams/tube.ron",
        "labels: {\"tip\": \"Light and lens\"}",
        "labels: {\"top\": \"Light and lens\"}",
    );
    f.write(
        "content/en/diagrams/ghost.ron",
        "DiagramText(id: \"ghost\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/diagrams/tube.ron",
        3,
        5,
        &["label \"tip\" of the diagram \"tube\" has no words here"],
    );
    assert_diagnostic(
        &d,
        "en/diagrams/tube.ron",
        3,
        14,
        &["diagram \"tube\" has no label \"top\""],
    );
    assert_diagnostic(
        &d,
        "en/diagrams/ghost.ron",
        1,
        17,
        &["no diagram \"ghost\" in content/diagrams/"],
    );
}

#[test]
fn a_language_without_the_words_of_a_diagram() {
    let f = with_tube();
    std::fs::remove_file(f.path("content/en/diagrams/tube.ron")).expect("remove");
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/diagrams/tube.ron",
        1,
        1,
        &["This file is missing: the diagram \"tube\" needs its words"],
    );
}

#[test]
fn a_diagram_file_that_is_not_ron() {
    let f = with_tube();
    f.edit("content/diagrams/tube.ron", "radius: 20.0,", "radius: 20.0");
    let d = f.diagnostics();
    assert_diagnostic(&d, "content/diagrams/tube.ron", 8, 75, &["comma"]);
    assert_eq!(d.len(), 1, "only the broken file is reported: {d:?}");
}

#[test]
fn a_figure_must_name_a_diagram_that_exists() {
    let f = with_tube();
    f.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\"),",
        "Paragraph(\"Hello.\"),\n                Figure(source: Diagram(\"tubes\"), alt: \"A tube.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"A tube.\"),",
    );
    let d = f.diagnostics();
    assert_eq!(d.len(), 1, "only the misspelled id is reported: {d:?}");
    assert_diagnostic(
        &d,
        "content/en/topics/alpha.ron",
        11,
        40,
        &["no diagram \"tubes\"", "\"tube\""],
    );
}

#[test]
fn a_figure_of_an_unreadable_diagram_is_not_reported_twice() {
    let f = with_tube();
    f.edit("content/diagrams/tube.ron", "view_box", "view_bx");
    f.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\"),",
        "Paragraph(\"Hello.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"A tube.\"),",
    );
    let d = f.diagnostics();
    assert!(
        d.iter()
            .all(|d| d.path.ends_with("content/diagrams/tube.ron")),
        "only the broken diagram file is reported: {d:?}"
    );
}

#[test]
fn a_motion_must_move_a_layer_a_step_shows_and_stay_near_the_picture() {
    let f = with_tube();
    // The body has a motion but no step shows or hides it; the light's motion flies it off.
    f.edit(
        "content/diagrams/tube.ron",
        "id: \"body\",",
        "id: \"body\", motion: Motion(from: (0.0, -20.0)),",
    );
    f.edit(
        "content/diagrams/tube.ron",
        "id: \"light\",",
        "id: \"light\", motion: Motion(from: (1e30, 0.0), turn_degrees: 90.0, around: (320.0, 100.0)),",
    );
    let d = f.diagnostics();
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(
        d.iter().any(|d| d
            .message
            .contains("\"body\" has a `motion`, but no step shows or hides it")
            && d.line == 6),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|d| d.message.contains("motion of the layer \"light\"")
                && d.message.contains("further away than the view box")
                && d.line == 13),
        "{d:?}"
    );

    // Near the picture, it loads and keeps its motion.
    f.edit("content/diagrams/tube.ron", "(1e30, 0.0)", "(0.0, -80.0)");
    f.edit(
        "content/diagrams/tube.ron",
        "id: \"body\", motion: Motion(from: (0.0, -20.0)),",
        "id: \"body\",",
    );
    let deck = load_deck(&f.paths()).expect("a motion near the picture loads");
    let motion = deck.diagrams["tube"].layers[1]
        .motion
        .expect("the light moves");
    assert_eq!(motion.from, (0.0, -80.0));
    assert_eq!(motion.turn_degrees, 90.0);
    assert_eq!(motion.scale, (1.0, 1.0), "no stretch unless asked");
}

#[test]
fn a_picture_in_a_diagram_that_is_missing_or_not_a_picture() {
    let f = with_tube();
    f.edit(
        "content/diagrams/tube.ron",
        "Rect(min: (20.0, 80.0)",
        "Image(file: \"dime.png\", min: (30.0, 20.0), size: (40.0, 40.0)),\n                Image(file: \"bad.png\", min: (80.0, 20.0), size: (40.0, 40.0)),\n                Rect(min: (20.0, 80.0)",
    );
    f.write("assets/images/bad.png", b"\x89PNG\r\n\x1a\n not really");
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        8,
        29,
        &["picture \"dime.png\" is not in"],
    );
    assert_diagnostic(
        &d,
        "content/diagrams/tube.ron",
        9,
        29,
        &["\"bad.png\" cannot be opened as a PNG or JPEG"],
    );
}

#[test]
fn a_page_shows_a_diagram_only_once() {
    let f = with_tube();
    f.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\"),",
        "Paragraph(\"Hello.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"A tube.\"),\n                Figure(source: Diagram(\"tube\"), alt: \"The tube again.\"),",
    );
    let d = f.diagnostics();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_diagnostic(
        &d,
        "content/en/topics/alpha.ron",
        12,
        40,
        &["shows the diagram \"tube\" twice"],
    );
}

#[test]
fn a_diagrams_ids_are_plain_names() {
    let f = with_tube();
    for (from, to) in [
        ("id: \"light\"", "id: \"../light\""),
        ("[\"light\"]", "[\"../light\"]"),
        ("show: [\"light\"]", "show: [\"../light\"]"),
    ] {
        f.edit("content/diagrams/tube.ron", from, to);
    }
    let d = f.diagnostics();
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message
            .contains("The layer id \"../light\" is not a plain name")
            && d[0].line == 13,
        "{d:?}"
    );
}

/// A topic's tile names a diagram that exists.
#[test]
fn a_tile_picture_must_be_a_diagram() {
    let f = with_tube();
    f.edit(
        "content/en/topics/alpha.ron",
        "    subtitle: \"First topic\",\n",
        "    subtitle: \"First topic\",\n    tile: \"tubes\",\n",
    );
    assert_diagnostic(
        &f.diagnostics(),
        "en/topics/alpha.ron",
        5,
        11,
        &["There is no diagram \"tubes\" for the topic's tile."],
    );
    f.edit(
        "content/en/topics/alpha.ron",
        "tile: \"tubes\"",
        "tile: \"tube\"",
    );
    let deck = load_deck(&f.paths()).expect("loads");
    let topic = &deck.language(0).topics[0];
    assert_eq!(
        deck.tile_diagram(topic).map(|d| d.id.as_str()),
        Some("tube")
    );
}

/// A walk-through's later step that only lights up a part leaves the drawing as it was: the
/// content still loads, with a warning at the step that says how to show what its words say.
#[test]
fn a_step_that_only_moves_the_glow_is_warned_about_at_its_line() {
    let f = with_tube();
    f.edit(
        "content/diagrams/tube.ron",
        "Step(id: \"on\", show: [\"light\"]),",
        "Step(id: \"on\", show: [\"light\"]),\n        Step(id: \"look\", highlight: [\"body\"]),",
    );
    f.edit(
        "content/en/diagrams/tube.ron",
        "steps: {\"on\": \"The light turns on.\"},",
        "steps: {\"on\": \"The light turns on.\", \"look\": \"The light shines out.\"},",
    );
    let deck = load_deck(&f.paths()).expect("a warning does not stop the content");
    let warning = (deck.warnings.iter())
        .find(|warning| warning.message.contains("\"look\""))
        .unwrap_or_else(|| panic!("a warning about the step in {:?}", deck.warnings));
    assert!(warning.path.ends_with("content/diagrams/tube.ron"));
    let text = std::fs::read_to_string(f.path("content/diagrams/tube.ron")).expect("read");
    let line = text
        .lines()
        .position(|l| l.contains("\"look\""))
        .expect("the step")
        + 1;
    assert_eq!(warning.line, line);
    assert!(
        warning.message.contains("only lights up parts"),
        "{warning}"
    );
    assert!(warning.message.contains("motion"), "{warning}");
    // The step that shows the light is no such step.
    assert!(!deck.warnings.iter().any(|w| w.message.contains("\"on\"")));
}
