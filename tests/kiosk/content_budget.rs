//! The content budget: content that would cost the kiosk seconds or gigabytes to draw is
//! refused by `check` (and so by the loader and the watcher), naming the limit at
//! file:line:col. Each case is one the audit found accepted.

use crate::common::{self, Fixture, assert_diagnostic};

const TUBE: &str = "content/diagrams/tube.ron";
const BODY_SHAPE: &str = "Rect(min: (20.0, 80.0), size: (300.0, 40.0), radius: 20.0, paint: (fill: \"metal\", stroke: \"outline\")),";

fn with_tube() -> Fixture {
    let fixture = Fixture::new();
    fixture.write(TUBE, common::TUBE);
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    fixture
}

/// The tube fixture with `shape` added to its first layer.
fn tube_with(shape: &str) -> Fixture {
    let fixture = with_tube();
    fixture.edit(
        TUBE,
        BODY_SHAPE,
        &format!("{BODY_SHAPE}\n                {shape}"),
    );
    fixture
}

fn dot_grid(columns: u32, rows: u32, spacing: f32, radius: f32) -> String {
    format!(
        "DotGrid(origin: (1.0, 1.0), columns: {columns}, rows: {rows}, spacing: {spacing:?}, \
         radius: {radius:?}, fill: \"metal\", marked: [(0, 0)], marked_fill: \"light\"),"
    )
}

#[test]
fn a_dot_grid_of_100000_by_100000_is_refused() {
    // Before: accepted, then an 8 GB allocation aborted the kiosk when the attract loop got
    // to it. (Its far corner is inside the view box: the spacing is tiny.)
    let f = tube_with(&dot_grid(100_000, 100_000, 0.003, 0.001));
    assert_diagnostic(
        &f.diagnostics(),
        TUBE,
        2,
        9,
        &["10000000000 dots", "at most 40000"],
    );
}

#[test]
fn a_dot_larger_than_its_spacing_is_refused() {
    // Before: a radius of 1e30 froze the screen for 87 s.
    let f = tube_with(&dot_grid(10, 10, 5.0, 1e30));
    assert_diagnostic(
        &f.diagnostics(),
        TUBE,
        6,
        17,
        &[
            "In the layer \"body\"",
            "`radius` 1e30",
            "at most half its `spacing` (5.0)",
        ],
    );
}

#[test]
fn a_polyline_of_400000_points_is_refused() {
    // Before: 55 s to render.
    let points: Vec<String> = (0..400_000)
        .map(|i| format!("({},{})", i % 400, (i / 400) % 200))
        .collect();
    let f = tube_with(&format!(
        "Polyline(points: [{}], stroke: \"outline\"),",
        points.join(",")
    ));
    assert_diagnostic(
        &f.diagnostics(),
        TUBE,
        2,
        9,
        &["400000 points", "at most 30000"],
    );
}

#[test]
fn a_rounder_corner_than_its_rectangle_is_refused() {
    let f = with_tube();
    f.edit(TUBE, "radius: 20.0", "radius: 1e30");
    assert_diagnostic(
        &f.diagnostics(),
        TUBE,
        6,
        17,
        &["corner `radius` 1e30", "half its shorter side (20.0)"],
    );
}

#[test]
fn too_many_shapes_are_refused() {
    let shapes = "Arrow(from: (1.0, 1.0), to: (2.0, 2.0), stroke: \"outline\"),".repeat(3_001);
    let f = tube_with(&shapes);
    assert_diagnostic(
        &f.diagnostics(),
        TUBE,
        2,
        9,
        &["3004 shapes", "at most 3000"],
    );
}

#[test]
fn the_whole_folder_has_a_size_not_only_each_file() {
    // Each file under the 4 MiB a file may be, together over the 16 MiB a folder may hold.
    let f = Fixture::new();
    let padding = format!("// {}\n", "x".repeat(1024 * 1024 - 4));
    for n in 0..6 {
        let path = format!("content/en/topics/zz-padding-{n}.ron");
        f.write(&path, padding.repeat(3));
    }
    let d = f.diagnostics();
    let found = d.iter().any(|diagnostic| {
        diagnostic.line == 1
            && diagnostic.column == 1
            && diagnostic
                .message
                .contains("content files come to more than 16 MiB together")
    });
    assert!(
        found,
        "{}",
        d.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn a_page_too_long_or_a_table_too_big_is_refused() {
    let f = Fixture::new();
    let words = "word ".repeat(7_000);
    f.edit(
        "content/en/topics/beta.ron",
        "Contact(title: \"Call us\", phones: [\"main\"]),",
        &format!("Contact(title: \"Call us\", phones: [\"main\"]),\n                Paragraph(\"{words}\"),"),
    );
    assert_diagnostic(
        &f.diagnostics(),
        "en/topics/beta.ron",
        7,
        17,
        &["The page \"beta-1\" is too long", "at most 30000"],
    );

    let f = Fixture::new();
    let row = "[\"1\", \"2\", \"3\"]".to_owned();
    let rows = vec![row; 80].join(", ");
    f.edit(
        "content/en/topics/beta.ron",
        "Table(columns: [\"\", \"A\", \"B\"], rows: [[\"Row\", \"1\", \"2\"]]),",
        &format!("Table(columns: [\"\", \"A\", \"B\"], rows: [{rows}]),"),
    );
    assert_diagnostic(
        &f.diagnostics(),
        "en/topics/beta.ron",
        7,
        17,
        &["has 243 cells", "at most 200"],
    );
}
