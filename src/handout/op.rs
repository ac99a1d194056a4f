//! One drawing instruction of a laid-out handout page.

use std::path::PathBuf;

use super::area::Area;
use crate::content::QrModules;
use crate::theme::Rgb;

/// What a laid-out page draws, in order. Pages are laid out first and drawn after, so every
/// footer knows how many pages there are.
#[derive(Clone, Debug)]
pub(crate) enum Op {
    /// One line of text.
    Text {
        /// Left end of the text.
        x_pt: f32,
        /// The line the letters sit on.
        baseline_pt: f32,
        /// Text size.
        size_pt: f32,
        /// Bold or regular.
        bold: bool,
        /// Colour.
        color: Rgb,
        /// The words.
        text: String,
    },
    /// A rectangle, filled or outlined or both.
    Rect {
        /// Where.
        area: Area,
        /// Corner radius.
        radius_pt: f32,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline colour and width.
        stroke: Option<(Rgb, f32)>,
    },
    /// A straight line.
    Line {
        /// One end.
        from: (f32, f32),
        /// The other end.
        to: (f32, f32),
        /// Line width.
        width_pt: f32,
        /// Colour.
        color: Rgb,
    },
    /// A diagram of the deck at a step, with the ink drawn on it.
    Diagram {
        /// The diagram's id.
        id: String,
        /// The step shown.
        step: usize,
        /// Where it goes (the diagram is fitted in, keeping its shape).
        area: Area,
    },
    /// A picture file, stretched over `area` (laid out at its own shape); a plain box if it
    /// cannot be read.
    Image {
        /// The file.
        path: PathBuf,
        /// Where it goes.
        area: Area,
    },
    /// A QR code, dark modules on a light square with its quiet zone.
    Qr {
        /// The modules.
        modules: QrModules,
        /// The whole square, quiet zone included.
        area: Area,
    },
}

impl Op {
    /// The same instruction `dy_pt` lower on the page.
    pub fn moved_down(mut self, dy_pt: f32) -> Self {
        match &mut self {
            Self::Text { baseline_pt, .. } => *baseline_pt += dy_pt,
            Self::Line { from, to, .. } => {
                from.1 += dy_pt;
                to.1 += dy_pt;
            }
            Self::Rect { area, .. }
            | Self::Diagram { area, .. }
            | Self::Image { area, .. }
            | Self::Qr { area, .. } => area.y_pt += dy_pt,
        }
        self
    }
}
