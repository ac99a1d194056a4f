//! Diagram files: vector drawings with their own coordinates, layers, tappable hotspots and
//! steps. The geometry is shared by every language (`content/diagrams/<id>.ron`); every word
//! lives in `content/<language>/diagrams/<id>.ron`, keyed by the ids used here.
//!
//! No egui here: colours and line widths are design-token names, resolved when drawn.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A point in the diagram's own coordinates (x to the right, y down).
pub type Point = (f32, f32);

/// `content/diagrams/<id>.ron`: what a diagram looks like.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagram {
    /// Unique id, used by `Figure(source: Diagram("..."))` and by the diagram's text files.
    pub id: String,
    /// The coordinate space the shapes are written in; it is scaled to fit the screen.
    pub view_box: ViewBox,
    /// Layers, drawn first to last.
    pub layers: Vec<Layer>,
    /// Parts a patient can tap for an explanation.
    #[serde(default)]
    pub hotspots: Vec<Hotspot>,
    /// An ordered walk through the diagram, if it has one.
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// The size of a diagram's coordinate space.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewBox {
    /// Width in diagram units.
    pub width: f32,
    /// Height in diagram units.
    pub height: f32,
}

/// A named group of shapes that steps and hotspots can show, hide or highlight.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// Unique within the diagram.
    pub id: String,
    /// Hidden until a step shows it.
    #[serde(default)]
    pub hidden: bool,
    /// How the layer moves when a step shows or hides it (without one it fades).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<Motion>,
    /// The shapes, drawn first to last.
    pub shapes: Vec<Shape>,
}

/// How a layer comes and goes: where it is while away, as a move, a turn and a stretch from
/// its place. A step that shows it moves it from there into its place; one that hides it
/// moves it back out. `Motion(from: (0.0, -120.0))` slides it down into place;
/// `Motion(turn_degrees: -90.0, around: (430.0, 295.0))` turns it a quarter round that point;
/// `Motion(scale: (1.0, 0.0), around: c)` opens it out of a flat line through `c` (and, when
/// hidden, closes it up into that line, as a cut being closed).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Motion {
    /// How far from its place the layer is while away, in diagram units.
    #[serde(default)]
    pub from: Point,
    /// How far it is turned while away, in degrees clockwise about `around`.
    #[serde(default)]
    pub turn_degrees: f32,
    /// How it is stretched while away, across and down, about `around` (1: its own size).
    #[serde(default = "Motion::no_stretch")]
    pub scale: Point,
    /// The point it turns about and stretches from.
    #[serde(default)]
    pub around: Point,
}

impl Motion {
    fn no_stretch() -> Point {
        (1.0, 1.0)
    }
}

/// How a shape is painted: colour token names, either one optional.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paint {
    /// Colour token that fills the shape.
    #[serde(default)]
    pub fill: Option<String>,
    /// Colour token of the outline, drawn with the diagram line width.
    #[serde(default)]
    pub stroke: Option<String>,
}

/// One drawing instruction of a path.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum PathOp {
    /// Start a new outline here.
    Move(Point),
    /// A straight line to here.
    Line(Point),
    /// A curve bent towards the first point, ending at the second.
    Quad(Point, Point),
    /// A curve shaped by the first two points, ending at the third.
    Cubic(Point, Point, Point),
    /// Back to the start of the outline.
    Close,
}

/// Where a label's text sits relative to its point.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// Text starts at the point.
    #[default]
    Left,
    /// Text is centred on the point.
    Center,
    /// Text ends at the point.
    Right,
}

/// A drawing primitive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Shape {
    /// Outlines made of lines and curves; closed ones can be filled (any shape, concave too).
    Path {
        /// The outline.
        ops: Vec<PathOp>,
        /// Fill and outline.
        #[serde(default)]
        paint: Paint,
    },
    /// A rectangle, corners optionally rounded.
    Rect {
        /// Top-left corner.
        min: Point,
        /// Width and height.
        size: Point,
        /// Corner radius.
        #[serde(default)]
        radius: f32,
        /// Fill and outline.
        #[serde(default)]
        paint: Paint,
    },
    /// An ellipse; a circle when both radii are equal.
    Ellipse {
        /// Centre.
        center: Point,
        /// Horizontal and vertical radius.
        radii: Point,
        /// Fill and outline.
        #[serde(default)]
        paint: Paint,
    },
    /// Connected straight lines.
    Polyline {
        /// The points, in order.
        points: Vec<Point>,
        /// Colour token of the line.
        stroke: String,
    },
    /// A straight line with an arrow head at `to`.
    Arrow {
        /// Tail.
        from: Point,
        /// Head.
        to: Point,
        /// Colour token.
        stroke: String,
    },
    /// Words from the language's diagram file, with an optional leader line to what they name.
    Label {
        /// Key of the words in the language's diagram file.
        text: String,
        /// Where the words go.
        at: Point,
        /// How the words sit around `at`.
        #[serde(default)]
        anchor: Anchor,
        /// Point the leader line runs to, if any.
        #[serde(default)]
        leader: Option<Point>,
    },
    /// A picture from `assets/images/`, scaled into a rectangle.
    Image {
        /// File name.
        file: String,
        /// Top-left corner.
        min: Point,
        /// Width and height.
        size: Point,
    },
    /// A grid of identical dots with some marked in another colour, built as one piece of
    /// geometry (the 10,000-dot risk picture).
    DotGrid {
        /// Centre of the first dot.
        origin: Point,
        /// Dots per row.
        columns: u32,
        /// Rows.
        rows: u32,
        /// Distance between dot centres.
        spacing: f32,
        /// Dot radius.
        radius: f32,
        /// Colour token of ordinary dots.
        fill: String,
        /// Dots to mark, as (column, row) from 0.
        marked: Vec<(u32, u32)>,
        /// Colour token of marked dots.
        marked_fill: String,
    },
}

/// A part of the diagram that can be tapped.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hotspot {
    /// Unique within the diagram; also the key of its words.
    pub id: String,
    /// Layers highlighted while it is open.
    pub layers: Vec<String>,
    /// The tappable area (made at least the minimum touch size on screen).
    pub region: Region,
}

/// A tappable area in diagram coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Region {
    /// A circle: centre and radius.
    Circle(Point, f32),
    /// A rectangle: top-left corner and size.
    Rect(Point, Point),
}

/// One step of a diagram's walk-through.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique within the diagram; also the key of its caption.
    pub id: String,
    /// Layers shown from this step on.
    #[serde(default)]
    pub show: Vec<String>,
    /// Layers hidden from this step on.
    #[serde(default)]
    pub hide: Vec<String>,
    /// Layers highlighted during this step only.
    #[serde(default)]
    pub highlight: Vec<String>,
}

/// `content/<language>/diagrams/<id>.ron`: every word of one diagram in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramText {
    /// The diagram's id.
    pub id: String,
    /// What a clinician calls it ("Lumbar spine, lateral view"), for consultation mode's index
    /// and handout list; without it they show the figure's caption.
    #[serde(default)]
    pub name: Option<String>,
    /// Label words by the keys the diagram's `Label` shapes use.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// A title and an explanation for each hotspot, by hotspot id.
    #[serde(default)]
    pub hotspots: BTreeMap<String, HotspotText>,
    /// A caption for each step, by step id.
    #[serde(default)]
    pub steps: BTreeMap<String, String>,
}

/// What a patient reads after tapping a hotspot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HotspotText {
    /// A few words naming the part; also its label for screen readers.
    pub title: String,
    /// One or two plain sentences about it.
    pub text: String,
}

impl Diagram {
    /// Whether each layer (in layer order) is shown at step `step`: layers start as their
    /// `hidden` flag says, then every step up to and including `step` shows and hides its
    /// layers in turn. A diagram without steps shows its layers as they are.
    pub fn visible_layers(&self, step: usize) -> Vec<bool> {
        self.layers
            .iter()
            .map(|layer| {
                self.steps
                    .iter()
                    .take(step.saturating_add(1))
                    .fold(!layer.hidden, |shown, step| {
                        if step.hide.contains(&layer.id) {
                            false
                        } else if step.show.contains(&layer.id) {
                            true
                        } else {
                            shown
                        }
                    })
            })
            .collect()
    }

    /// The step that shows the most of the picture: the first with the most layers shown. A
    /// figure that cannot move (on paper, on the web page) shows this one, so a walk-through
    /// whose first step leaves a part out (the C-arm before it rolls in) prints with it.
    pub fn fullest_step(&self) -> usize {
        (0..self.steps.len().max(1))
            .map(|step| {
                let shown = self.visible_layers(step).iter().filter(|&&on| on).count();
                (step, shown)
            })
            .fold(
                (0, 0),
                |best, (step, shown)| if shown > best.1 { (step, shown) } else { best },
            )
            .0
    }

    /// The index of the last step (0 for a diagram without steps).
    pub fn last_step(&self) -> usize {
        self.steps.len().saturating_sub(1)
    }
}

/// One colour of a dot grid, to paint in one go: its colour token, its dots' radius (in the
/// painter's units) and their centres (in diagram units).
#[derive(Clone, Debug, PartialEq)]
pub struct DotLayer<'a> {
    /// Colour token of these dots.
    pub fill: &'a str,
    /// Their radius.
    pub radius: f32,
    /// Their centres.
    pub centers: Vec<Point>,
}

/// A [`Shape::DotGrid`]'s fields, borrowed, with the dots' centres: the one reading of a grid
/// that the screen's picture, the handout PDF and the SVG export all draw from.
#[derive(Clone, Copy, Debug)]
pub struct DotGridView<'a> {
    /// Centre of the first dot.
    pub origin: Point,
    /// Dots per row.
    pub columns: u32,
    /// Rows.
    pub rows: u32,
    /// Distance between dot centres.
    pub spacing: f32,
    /// Radius of an ordinary dot.
    pub radius: f32,
    /// Colour token of ordinary dots.
    pub fill: &'a str,
    /// Colour token of marked dots.
    pub marked_fill: &'a str,
    /// Dots to mark, as (column, row) from 0.
    pub marked: &'a [(u32, u32)],
}

impl<'a> DotGridView<'a> {
    /// The grid as its two layers, painted in this order: the ordinary dots at `plain_radius`,
    /// then the marked ones over them at `marked_radius` (radii in the painter's units).
    pub fn layers(&self, plain_radius: f32, marked_radius: f32) -> [DotLayer<'a>; 2] {
        [
            DotLayer {
                fill: self.fill,
                radius: plain_radius,
                centers: self.plain_centers().collect(),
            },
            DotLayer {
                fill: self.marked_fill,
                radius: marked_radius,
                centers: self.marked_centers().collect(),
            },
        ]
    }

    /// Centre of the dot at `column`, `row`, in diagram units.
    pub fn center(&self, column: u32, row: u32) -> Point {
        (
            self.origin.0 + column as f32 * self.spacing,
            self.origin.1 + row as f32 * self.spacing,
        )
    }

    /// Centres of the ordinary (unmarked) dots, row by row.
    fn plain_centers(&self) -> impl Iterator<Item = Point> + '_ {
        (0..self.rows).flat_map(move |row| {
            (0..self.columns)
                .filter(move |&column| !self.marked.contains(&(column, row)))
                .map(move |column| self.center(column, row))
        })
    }

    /// Centres of the marked dots, in the order given.
    fn marked_centers(&self) -> impl Iterator<Item = Point> + '_ {
        self.marked
            .iter()
            .map(|&(column, row)| self.center(column, row))
    }
}

impl Shape {
    /// The grid's fields and dots, if this is a [`Shape::DotGrid`].
    pub fn as_dot_grid(&self) -> Option<DotGridView<'_>> {
        let Self::DotGrid {
            origin,
            columns,
            rows,
            spacing,
            radius,
            fill,
            marked,
            marked_fill,
        } = self
        else {
            return None;
        };
        Some(DotGridView {
            origin: *origin,
            columns: *columns,
            rows: *rows,
            spacing: *spacing,
            radius: *radius,
            fill,
            marked_fill,
            marked,
        })
    }

    /// Every point the shape is defined by, to check they lie inside the view box.
    pub fn points(&self) -> Vec<Point> {
        match self {
            Self::Path { ops, .. } => ops
                .iter()
                .flat_map(|op| match *op {
                    PathOp::Move(p) | PathOp::Line(p) => vec![p],
                    PathOp::Quad(a, b) => vec![a, b],
                    PathOp::Cubic(a, b, c) => vec![a, b, c],
                    PathOp::Close => Vec::new(),
                })
                .collect(),
            Self::Rect { min, size, .. } | Self::Image { min, size, .. } => {
                vec![*min, (min.0 + size.0, min.1 + size.1)]
            }
            Self::Ellipse { center, radii, .. } => vec![
                (center.0 - radii.0, center.1 - radii.1),
                (center.0 + radii.0, center.1 + radii.1),
            ],
            Self::Polyline { points, .. } => points.clone(),
            Self::Arrow { from, to, .. } => vec![*from, *to],
            Self::Label { at, leader, .. } => std::iter::once(*at).chain(*leader).collect(),
            Self::DotGrid {
                origin,
                columns,
                rows,
                spacing,
                ..
            } => vec![
                *origin,
                (
                    origin.0 + spacing * columns.saturating_sub(1) as f32,
                    origin.1 + spacing * rows.saturating_sub(1) as f32,
                ),
            ],
        }
    }

    /// The colour token names the shape uses.
    pub fn color_tokens(&self) -> Vec<&str> {
        match self {
            Self::Path { paint, .. } | Self::Rect { paint, .. } | Self::Ellipse { paint, .. } => {
                paint
                    .fill
                    .iter()
                    .chain(paint.stroke.iter())
                    .map(String::as_str)
                    .collect()
            }
            Self::Polyline { stroke, .. } | Self::Arrow { stroke, .. } => vec![stroke.as_str()],
            Self::DotGrid {
                fill, marked_fill, ..
            } => vec![fill.as_str(), marked_fill.as_str()],
            Self::Label { .. } | Self::Image { .. } => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dot_grid_reads_as_plain_dots_then_marked_ones_over_them() {
        let grid = Shape::DotGrid {
            origin: (10.0, 20.0),
            columns: 3,
            rows: 2,
            spacing: 5.0,
            radius: 1.0,
            fill: "muted".to_owned(),
            marked: vec![(1, 1)],
            marked_fill: "accent".to_owned(),
        };
        let Some(view) = grid.as_dot_grid() else {
            panic!("a dot grid");
        };
        let [plain, marked] = view.layers(2.0, 4.0);
        assert_eq!(plain.fill, "muted");
        assert_eq!(plain.radius, 2.0);
        assert_eq!(
            plain.centers,
            [
                (10.0, 20.0),
                (15.0, 20.0),
                (20.0, 20.0),
                (10.0, 25.0),
                (20.0, 25.0)
            ]
        );
        assert_eq!(marked.fill, "accent");
        assert_eq!(marked.radius, 4.0);
        assert_eq!(marked.centers, [(15.0, 25.0)]);
    }

    fn layer(id: &str, hidden: bool) -> Layer {
        Layer {
            id: id.to_owned(),
            hidden,
            motion: None,
            shapes: Vec::new(),
        }
    }

    fn step(id: &str, show: &[&str], hide: &[&str]) -> Step {
        Step {
            id: id.to_owned(),
            show: show.iter().map(|s| (*s).to_owned()).collect(),
            hide: hide.iter().map(|s| (*s).to_owned()).collect(),
            highlight: Vec::new(),
        }
    }

    #[test]
    fn steps_show_and_hide_layers_from_their_step_on() {
        let tube = step("tube-in", &["tube"], &[]);
        let diagram = Diagram {
            id: "walk".to_owned(),
            view_box: ViewBox {
                width: 10.0,
                height: 10.0,
            },
            layers: vec![
                layer("back", false),
                layer("cut", true),
                layer("tube", true),
            ],
            hotspots: Vec::new(),
            steps: vec![
                step("cut", &["cut"], &[]),
                tube,
                step("closed", &[], &["tube", "cut"]),
            ],
        };
        assert_eq!(diagram.visible_layers(0), [true, true, false]);
        assert_eq!(diagram.visible_layers(1), [true, true, true]);
        assert_eq!(diagram.visible_layers(2), [true, false, false]);
        // Past the end counts as the last step.
        assert_eq!(diagram.visible_layers(9), [true, false, false]);
        assert_eq!(diagram.last_step(), 2);
        assert_eq!(
            diagram.fullest_step(),
            1,
            "the first step with the most layers shown"
        );

        let still = Diagram {
            steps: Vec::new(),
            ..diagram
        };
        assert_eq!(still.visible_layers(0), [true, false, false]);
        assert_eq!(still.last_step(), 0);
        assert_eq!(still.fullest_step(), 0);
    }
}
