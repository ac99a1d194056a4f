//! A pen (colour and width) and one stroke drawn with it.

use crate::content::diagram::Point;

/// How thick a pen draws; the widths themselves are design tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PenWidth {
    /// A fine line, for marking a small part.
    #[default]
    Thin,
    /// A bold line, to circle or underline.
    Thick,
}

/// The pen a clinician draws with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Pen {
    /// Index into the ink colours of the design tokens.
    pub color: usize,
    /// Thin or thick.
    pub width: PenWidth,
}

/// One line drawn without lifting the finger: the points it passed through, in the
/// coordinates of the surface it was drawn on. A single point is a dot.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stroke {
    /// The pen it was drawn with.
    pub pen: Pen,
    /// The points, in order.
    pub points: Vec<Point>,
}

impl Stroke {
    /// A new stroke starting at `start`.
    pub fn new(pen: Pen, start: Point) -> Self {
        Self {
            pen,
            points: vec![start],
        }
    }

    /// Adds `point` if it is at least `min_step` from the last one, so a finger that rests
    /// does not pile up points (`min_step` in the surface's units).
    pub fn extend_to(&mut self, point: Point, min_step: f32) {
        let far_enough = self.points.last().is_none_or(|&(x, y)| {
            let (dx, dy) = (point.0 - x, point.1 - y);
            dx * dx + dy * dy >= min_step * min_step
        });
        if far_enough && point.0.is_finite() && point.1.is_finite() {
            self.points.push(point);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_resting_finger_adds_no_points() {
        let mut stroke = Stroke::new(Pen::default(), (0.0, 0.0));
        stroke.extend_to((0.5, 0.0), 1.0);
        stroke.extend_to((1.0, 0.0), 1.0);
        stroke.extend_to((1.2, 0.1), 1.0);
        stroke.extend_to((f32::NAN, 3.0), 1.0);
        assert_eq!(stroke.points, [(0.0, 0.0), (1.0, 0.0)]);
    }
}
