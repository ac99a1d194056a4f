//! The content budget: limits on everything that costs time or memory to draw, so that content
//! `check` accepts renders every page, diagram step and handout quickly (the figures are in
//! `benches/frame.rs` and `scripts/budget.sh`). No egui here: these are plain numbers and the
//! rules that apply them; the loader names the one broken at file:line:col.
//!
//! The bundled content uses a small part of each (the spine diagram, the largest, has 292
//! shapes and about 3,000 points; the risk picture 10,000 dots).

use super::diagram::{Diagram, PathOp, Shape};
use super::model::{Block, Page};

/// The most bytes all content files may come to together (each may be at most
/// [`super::MAX_FILE_BYTES`]); the bundled content is about 0.4 MiB.
pub const MAX_CONTENT_BYTES: u64 = 16 * 1024 * 1024;

/// The most topics `deck.ron` may list: each is a tile on the home screen.
pub const MAX_TOPICS: usize = 60;

/// The most pages a topic may have.
pub const MAX_PAGES_PER_TOPIC: usize = 40;

/// The most blocks a page may have.
pub const MAX_BLOCKS_PER_PAGE: usize = 60;

/// The most bytes one page may take written out, all blocks together (about 15 printed pages
/// of words; the longest bundled page takes about 2,000).
pub const MAX_PAGE_BYTES: usize = 30_000;

/// The most cells a table may have (the bundled tables have 12 to 21).
pub const MAX_TABLE_CELLS: usize = 200;

/// The most shapes one diagram may have, all layers together.
pub const MAX_SHAPES: usize = 3_000;

/// The most points one diagram's paths and polylines may have together.
pub const MAX_POINTS: usize = 30_000;

/// The most dots one diagram's dot grids may have together (the risk picture has 10,000).
pub const MAX_DOTS: u64 = 40_000;

/// The most layers, hotspots and steps one diagram may have (each).
pub const MAX_PARTS: usize = 200;

/// The most pixels of all pictures together, once decoded (each picture has its own limit in
/// [`crate::pictures`]).
pub const MAX_ALL_PICTURE_PIXELS: u64 = 32 * 1024 * 1024;

/// The most sentences one language may have recorded (`recordings.ron`).
pub const MAX_RECORDINGS: usize = 20_000;

/// The most recorded sound one thing the Listen button reads (a page at one step, a quiz
/// question, a diagram's part) may hold: its audio is made whole in memory, at most 48,000
/// 16-bit samples a second (15 minutes are 86 MB).
pub const MAX_RECORDED_SECS_A_READING: u64 = 15 * 60;

/// What in a page breaks the budget, if anything.
pub fn page_problem(page: &Page) -> Option<String> {
    let id = &page.id;
    if page.blocks.len() > MAX_BLOCKS_PER_PAGE {
        return Some(format!(
            "The page \"{id}\" has {} blocks; a page may have at most {MAX_BLOCKS_PER_PAGE}. Split it into more pages.",
            page.blocks.len()
        ));
    }
    let bytes = ron::to_string(page).map_or(usize::MAX, |text| text.len());
    if bytes > MAX_PAGE_BYTES {
        return Some(format!(
            "The page \"{id}\" is too long ({bytes} bytes written out; at most {MAX_PAGE_BYTES}). Split it into more pages."
        ));
    }
    page.blocks.iter().find_map(|block| match block {
        Block::Table { columns, rows, .. } => {
            let cells = columns.len() + rows.iter().map(Vec::len).sum::<usize>();
            (cells > MAX_TABLE_CELLS).then(|| {
                format!(
                    "A table on the page \"{id}\" has {cells} cells; a table may have at most {MAX_TABLE_CELLS}."
                )
            })
        }
        _ => None,
    })
}

/// What in a diagram breaks the budget, if anything: the first problem found.
pub fn diagram_problem(diagram: &Diagram) -> Option<String> {
    let id = &diagram.id;
    for (what, count) in [
        ("layers", diagram.layers.len()),
        ("hotspots", diagram.hotspots.len()),
        ("steps", diagram.steps.len()),
    ] {
        if count > MAX_PARTS {
            return Some(format!(
                "The diagram \"{id}\" has {count} {what}; a diagram may have at most {MAX_PARTS}."
            ));
        }
    }
    let shapes: Vec<&Shape> = diagram.layers.iter().flat_map(|l| &l.shapes).collect();
    if shapes.len() > MAX_SHAPES {
        return Some(format!(
            "The diagram \"{id}\" has {} shapes; a diagram may have at most {MAX_SHAPES}. Split it, or draw with fewer shapes.",
            shapes.len()
        ));
    }
    let points: usize = shapes.iter().map(|shape| point_count(shape)).sum();
    if points > MAX_POINTS {
        return Some(format!(
            "The diagram \"{id}\" has {points} points in its paths and lines; a diagram may have at most {MAX_POINTS}. Draw with fewer points."
        ));
    }
    let dots: u64 = shapes
        .iter()
        .map(|shape| match shape {
            Shape::DotGrid { columns, rows, .. } => u64::from(*columns) * u64::from(*rows),
            _ => 0,
        })
        .sum();
    if dots > MAX_DOTS {
        return Some(format!(
            "The diagram \"{id}\" has {dots} dots in its dot grids; a diagram may have at most {MAX_DOTS}."
        ));
    }
    None
}

/// How many points a shape's outline has (a curve counts its control points).
fn point_count(shape: &Shape) -> usize {
    match shape {
        Shape::Path { ops, .. } => ops
            .iter()
            .map(|op| match op {
                PathOp::Move(_) | PathOp::Line(_) => 1,
                PathOp::Quad(..) => 2,
                PathOp::Cubic(..) => 3,
                PathOp::Close => 0,
            })
            .sum(),
        Shape::Polyline { points, .. } => points.len(),
        _ => 0,
    }
}

/// What is wrong with one shape's sizes, if anything: sizes that are not ordinary numbers,
/// negative, or out of proportion (a dot larger than the gap to the next, a corner rounder
/// than its rectangle). Positions are checked against the view box elsewhere.
pub fn shape_problem(shape: &Shape) -> Option<String> {
    match *shape {
        Shape::DotGrid {
            columns,
            rows,
            spacing,
            radius,
            ref marked,
            ..
        } => {
            if !(spacing.is_finite() && spacing > 0.0) {
                return Some(format!(
                    "A dot grid's `spacing` must be above 0; it is {spacing:?}."
                ));
            }
            if !(radius.is_finite() && radius > 0.0 && radius <= spacing / 2.0) {
                return Some(format!(
                    "A dot grid's `radius` {radius:?} must be above 0 and at most half its `spacing` ({spacing:?}), so the dots do not run into each other."
                ));
            }
            if let Some((column, row)) = marked
                .iter()
                .copied()
                .find(|&(column_at, row_at)| column_at >= columns || row_at >= rows)
            {
                return Some(format!(
                    "A dot grid marks the dot ({column}, {row}), outside its {columns} columns and {rows} rows (they count from 0)."
                ));
            }
            (marked.len() as u64 > u64::from(columns) * u64::from(rows))
                .then(|| "A dot grid marks more dots than it has.".to_owned())
        }
        Shape::Rect { size, radius, .. } => {
            let half = size.0.abs().min(size.1.abs()) / 2.0;
            (!(radius.is_finite() && (0.0..=half).contains(&radius))).then(|| {
                format!(
                    "A rectangle's corner `radius` {radius:?} must be from 0 to half its shorter side ({half:?})."
                )
            })
        }
        Shape::Ellipse { radii, .. } => (!(radii.0 >= 0.0 && radii.1 >= 0.0)).then(|| {
            format!(
                "An ellipse's `radii` ({}, {}) must be 0 or more.",
                radii.0, radii.1
            )
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dots(columns: u32, rows: u32, spacing: f32, radius: f32) -> Shape {
        Shape::DotGrid {
            origin: (1.0, 1.0),
            columns,
            rows,
            spacing,
            radius,
            fill: "dot".into(),
            marked: vec![(0, 0)],
            marked_fill: "dot".into(),
        }
    }

    #[test]
    fn a_dot_may_not_be_larger_than_the_gap_to_the_next() {
        assert_eq!(shape_problem(&dots(10, 10, 5.0, 1.7)), None);
        assert!(shape_problem(&dots(10, 10, 5.0, 1e30)).is_some());
        assert!(shape_problem(&dots(10, 10, 5.0, f32::NAN)).is_some());
        assert!(shape_problem(&dots(10, 10, 0.0, 0.0)).is_some());
        assert!(
            shape_problem(&dots(0, 0, 5.0, 1.0)).is_some(),
            "(0, 0) is outside"
        );
    }

    #[test]
    fn corners_and_radii_keep_their_proportions() {
        let rect = |radius| Shape::Rect {
            min: (0.0, 0.0),
            size: (10.0, 4.0),
            radius,
            paint: Default::default(),
        };
        assert_eq!(shape_problem(&rect(2.0)), None);
        assert!(shape_problem(&rect(2.5)).is_some());
        assert!(shape_problem(&rect(-1.0)).is_some());
        let ellipse = Shape::Ellipse {
            center: (5.0, 5.0),
            radii: (-1.0, 2.0),
            paint: Default::default(),
        };
        assert!(shape_problem(&ellipse).is_some());
    }
}
