//! The handout's pages as they will print, for the handout screen to draw small: the same
//! layout the PDF is made from, with each line of words as the box it fills. No egui here.

use std::path::PathBuf;

use super::face::Face;
use super::op::Op;
use super::{HandoutError, HandoutRequest};
use crate::content::Deck;
use crate::theme::{Rgb, Theme};

/// A rectangle on a page, in points from its top-left corner (y down): x, y, width, height.
pub type Box4 = [f32; 4];

/// One thing on a page of the preview.
#[derive(Clone, Debug, PartialEq)]
pub enum PreviewShape {
    /// A line of words, as the box its letters fill.
    Words {
        /// Where.
        area: Box4,
        /// Colour.
        color: Rgb,
    },
    /// A rectangle, filled or outlined.
    Rect {
        /// Where.
        area: Box4,
        /// Fill colour.
        fill: Option<Rgb>,
        /// Outline colour.
        stroke: Option<Rgb>,
    },
    /// A straight line.
    Line {
        /// One end and the other.
        ends: [(f32, f32); 2],
        /// Colour.
        color: Rgb,
    },
    /// A diagram of the deck at a step.
    Diagram {
        /// The diagram's id.
        id: String,
        /// The step shown.
        step: usize,
        /// Where it is fitted in.
        area: Box4,
    },
    /// A picture file.
    Picture {
        /// The file.
        path: PathBuf,
        /// Where.
        area: Box4,
    },
    /// A QR code.
    Qr {
        /// Where.
        area: Box4,
    },
}

/// The pages of a handout as they will print.
#[derive(Clone, Debug, PartialEq)]
pub struct HandoutPreview {
    /// The paper's width and height in points.
    pub paper_pt: (f32, f32),
    /// Each page's shapes, in drawing order (the footer left out).
    pub pages: Vec<Vec<PreviewShape>>,
}

/// The handout `request` asks for, laid out as [`super::handout_pdf`] lays it out, without
/// making the PDF. Fails as that does, on an item naming what the deck does not have.
pub fn handout_preview(
    deck: &Deck,
    theme: &Theme,
    request: &HandoutRequest<'_>,
) -> Result<HandoutPreview, HandoutError> {
    let regular = Face::new(&theme.fonts.body)?;
    let bold = Face::new(&theme.fonts.bold)?;
    let composer = super::pdf::compose(deck, theme, (&regular, &bold), request)?;
    let pages = (composer.layout.pages.iter())
        .map(|ops| ops.iter().map(|op| shape(op, (&regular, &bold))).collect())
        .collect();
    Ok(HandoutPreview {
        paper_pt: request.paper.size_pt(),
        pages,
    })
}

fn shape(op: &Op, (regular, bold): (&Face, &Face)) -> PreviewShape {
    let corners = |area: &super::area::Area| [area.x_pt, area.y_pt, area.width_pt, area.height_pt];
    match op {
        Op::Text {
            x_pt,
            baseline_pt,
            size_pt,
            bold: is_bold,
            color,
            text,
        } => {
            let face = if *is_bold { bold } else { regular };
            let height = face.ascent_pt(*size_pt) * 0.75;
            PreviewShape::Words {
                area: [
                    *x_pt,
                    baseline_pt - height,
                    face.width_pt(text, *size_pt),
                    height,
                ],
                color: *color,
            }
        }
        Op::Rect {
            area, fill, stroke, ..
        } => PreviewShape::Rect {
            area: corners(area),
            fill: *fill,
            stroke: stroke.map(|(color, _)| color),
        },
        Op::Line {
            from, to, color, ..
        } => PreviewShape::Line {
            ends: [*from, *to],
            color: *color,
        },
        Op::Diagram { id, step, area } => PreviewShape::Diagram {
            id: id.clone(),
            step: *step,
            area: corners(area),
        },
        Op::Image { path, area } => PreviewShape::Picture {
            path: path.clone(),
            area: corners(area),
        },
        Op::Qr { area, .. } => PreviewShape::Qr {
            area: corners(area),
        },
    }
}
