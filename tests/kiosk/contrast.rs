//! Contrast, computed from the design tokens: in the normal look body text is at least 7:1 on
//! whatever it sits on and every other text at least 4.5:1; in the high-contrast look every text
//! is at least 7:1. In both, every border, control and meaningful line of a diagram is at least
//! 3:1 on what is around it.

use patient_kiosk::Theme;
use patient_kiosk::theme::{Colors, Rgb, contrast_ratio};

/// Body text and what it is drawn on.
fn body_text_pairs(c: &Colors) -> Vec<(&'static str, Rgb, Rgb)> {
    vec![
        ("text on background", c.text, c.background),
        ("text on surface", c.text, c.surface),
        ("text on pressed surface", c.text, c.surface_pressed),
        ("text on key fact", c.text, c.key_fact),
        ("text on table header", c.text, c.table_header),
        ("text on table stripe", c.text, c.table_stripe),
        ("text on placeholder", c.text, c.placeholder),
        ("text being read aloud", c.text, c.reading),
        ("a right answer's text", c.text, c.right_fill),
        ("a wrong answer's text", c.text, c.wrong_fill),
    ]
}

/// Every other text: buttons, muted lines, staff messages.
fn other_text_pairs(c: &Colors) -> Vec<(&'static str, Rgb, Rgb)> {
    vec![
        ("muted text on background", c.text_muted, c.background),
        ("muted text on surface", c.text_muted, c.surface),
        ("button text on accent", c.on_accent, c.accent),
        (
            "button text on pressed accent",
            c.on_accent,
            c.accent_pressed,
        ),
        ("button text on secondary", c.on_secondary, c.secondary),
        (
            "button text on pressed secondary",
            c.on_secondary,
            c.secondary_pressed,
        ),
        ("accent text on background", c.accent, c.background),
        ("accent text on surface", c.accent, c.surface),
        ("error on background", c.error, c.background),
        ("error on surface", c.error, c.surface),
        ("the word Right on a right answer", c.right, c.right_fill),
        (
            "the words Not right on a wrong answer",
            c.wrong,
            c.wrong_fill,
        ),
    ]
}

/// Shapes that carry meaning: borders, the accent of controls and progress, key-fact frames.
fn graphic_pairs(c: &Colors) -> Vec<(&'static str, Rgb, Rgb)> {
    vec![
        ("border on background", c.border, c.background),
        ("border on surface", c.border, c.surface),
        ("border on secondary", c.border, c.secondary),
        ("accent on background", c.accent, c.background),
        ("accent on surface", c.accent, c.surface),
        ("focus ring on background", c.focus_ring, c.background),
        ("focus ring on surface", c.focus_ring, c.surface),
        (
            "a right answer's frame on background",
            c.right,
            c.background,
        ),
        (
            "a wrong answer's frame on background",
            c.wrong,
            c.background,
        ),
        ("key-fact frame on key fact", c.key_fact_border, c.key_fact),
        (
            "key-fact frame on background",
            c.key_fact_border,
            c.background,
        ),
    ]
}

/// Every pair below `minimum`, and the lowest ratio of all.
fn check(pairs: &[(&'static str, Rgb, Rgb)], minimum: f64) -> (Vec<String>, f64) {
    let mut lowest = f64::INFINITY;
    let mut failures = Vec::new();
    for &(name, a, b) in pairs {
        let ratio = contrast_ratio(a, b);
        lowest = lowest.min(ratio);
        if ratio < minimum {
            failures.push(format!("{name}: {ratio:.2}:1 (needs {minimum}:1)"));
        }
    }
    (failures, lowest)
}

#[test]
fn the_normal_look_meets_7_to_1_for_body_text_and_4_5_elsewhere() {
    let theme = Theme::bundled();
    let c = &theme.colors;
    let (mut failures, body) = check(&body_text_pairs(c), 7.0);
    let (more, other) = check(&other_text_pairs(c), 4.5);
    failures.extend(more);
    let (more, graphics) = check(&graphic_pairs(c), 3.0);
    failures.extend(more);
    assert!(failures.is_empty(), "{failures:#?}");
    println!(
        "normal look: lowest body text {body:.2}:1, other text {other:.2}:1, graphics {graphics:.2}:1"
    );
}

#[test]
fn the_high_contrast_look_meets_7_to_1_for_every_text_and_3_for_graphics() {
    let theme = Theme::bundled();
    let c = &theme.high_contrast;
    let mut pairs = body_text_pairs(c);
    pairs.extend(other_text_pairs(c));
    let (mut failures, text) = check(&pairs, 7.0);
    let (more, graphics) = check(&graphic_pairs(c), 3.0);
    failures.extend(more);
    assert!(failures.is_empty(), "{failures:#?}");
    println!("high contrast: lowest text {text:.2}:1, graphics {graphics:.2}:1");
}

#[test]
fn diagram_lines_and_labels_stand_out_on_their_paper() {
    let tokens = Theme::bundled().diagram;
    let color = |name: &str| {
        *tokens
            .colors
            .get(name)
            .unwrap_or_else(|| panic!("no diagram colour {name:?}"))
    };
    let paper = color("paper");
    let mut failures = Vec::new();
    for (name, minimum) in [
        ("label", 7.0),
        ("outline", 3.0),
        ("leader", 3.0),
        ("accent", 3.0),
    ] {
        let ratio = contrast_ratio(color(name), paper);
        if ratio < minimum {
            failures.push(format!("{name} on paper: {ratio:.2}:1 (needs {minimum}:1)"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_check_can_fail() {
    // A palette whose muted text is too light must be caught.
    let mut colors = Theme::bundled().colors;
    colors.text_muted = Rgb([0xB0, 0xB0, 0xB0]);
    let (failures, _) = check(&other_text_pairs(&colors), 4.5);
    assert!(
        failures.iter().any(|f| f.starts_with("muted text")),
        "{failures:?}"
    );
}
