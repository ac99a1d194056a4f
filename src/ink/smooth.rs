//! Smooth strokes: a finger's points joined by curves (Catmull-Rom splines turned into cubic
//! Bézier segments), so no corner shows where two points meet. A PDF draws the segments as
//! curves; the screen flattens them into short lines.

use crate::content::diagram::Point;

/// One curve piece: from `from` to `to`, shaped by two control points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CubicSegment {
    /// Where it starts.
    pub from: Point,
    /// First control point.
    pub control1: Point,
    /// Second control point.
    pub control2: Point,
    /// Where it ends.
    pub to: Point,
}

/// The curve through every point of `points`, one segment between each pair. The curve's
/// direction at each point follows its two neighbours, so it bends without corners.
pub fn smooth(points: &[Point]) -> Vec<CubicSegment> {
    let last = points.len().saturating_sub(1);
    // Past either end, a mirror image of the next point in keeps the ends from hooking.
    let mirror = |end: Point, next: Point| (2.0 * end.0 - next.0, 2.0 * end.1 - next.1);
    (1..points.len())
        .map(|index| {
            let (from, to) = (points[index - 1], points[index]);
            let before = if index >= 2 {
                points[index - 2]
            } else {
                mirror(from, to)
            };
            let after = if index < last {
                points[index + 1]
            } else {
                mirror(to, from)
            };
            CubicSegment {
                from,
                control1: (
                    from.0 + (to.0 - before.0) / 6.0,
                    from.1 + (to.1 - before.1) / 6.0,
                ),
                control2: (
                    to.0 - (after.0 - from.0) / 6.0,
                    to.1 - (after.1 - from.1) / 6.0,
                ),
                to,
            }
        })
        .collect()
}

/// The curve through `points` as short straight pieces, each at most about `tolerance` away
/// from the curve (in the points' units), for drawing on screen.
pub fn flatten(points: &[Point], tolerance: f32) -> Vec<Point> {
    let Some(&first) = points.first() else {
        return Vec::new();
    };
    let mut out = vec![first];
    for segment in smooth(points) {
        // A cubic's distance from its chord is at most 3/4 of its control points' distance
        // from it; pieces of a cubic cut in n are n² times closer.
        let bend = distance_to_chord(segment.control1, segment)
            .max(distance_to_chord(segment.control2, segment));
        let by_distance = (0.75 * bend / tolerance.max(1e-3)).sqrt();
        // And no piece turns more than a few degrees from the last, however big the curve.
        let by_angle = segment.turn_rad() / MAX_TURN_PER_PIECE_RAD;
        let pieces = (by_distance.max(by_angle).ceil() as usize).clamp(1, 64);
        out.extend((1..=pieces).map(|piece| segment.at(piece as f32 / pieces as f32)));
    }
    out
}

/// A flattened curve turns about this much per piece at most.
const MAX_TURN_PER_PIECE_RAD: f32 = 4.0 * std::f32::consts::PI / 180.0;

fn distance_to_chord(point: Point, segment: CubicSegment) -> f32 {
    let (ax, ay) = segment.from;
    let (dx, dy) = (segment.to.0 - ax, segment.to.1 - ay);
    let length = (dx * dx + dy * dy).sqrt();
    if length < 1e-6 {
        return ((point.0 - ax).powi(2) + (point.1 - ay).powi(2)).sqrt();
    }
    ((point.0 - ax) * dy - (point.1 - ay) * dx).abs() / length
}

impl CubicSegment {
    /// At most how far the curve's direction turns along it, in radians: the turns of its
    /// control polygon, which bound the curve's own.
    fn turn_rad(&self) -> f32 {
        let legs = [
            (self.control1.0 - self.from.0, self.control1.1 - self.from.1),
            (
                self.control2.0 - self.control1.0,
                self.control2.1 - self.control1.1,
            ),
            (self.to.0 - self.control2.0, self.to.1 - self.control2.1),
        ];
        let mut total = 0.0;
        let mut previous: Option<f32> = None;
        for (dx, dy) in legs {
            if dx * dx + dy * dy < 1e-12 {
                continue;
            }
            let angle = dy.atan2(dx);
            if let Some(before) = previous {
                let turn = (angle - before).abs() % std::f32::consts::TAU;
                total += turn.min(std::f32::consts::TAU - turn);
            }
            previous = Some(angle);
        }
        total
    }

    /// The point at `t` (0 at `from`, 1 at `to`).
    pub fn at(&self, t: f32) -> Point {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        (
            a * self.from.0 + b * self.control1.0 + c * self.control2.0 + d * self.to.0,
            a * self.from.1 + b * self.control1.1 + c * self.control2.1 + d * self.to.1,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The largest turn, in degrees, between two pieces of a polyline.
    fn sharpest_turn_deg(line: &[Point]) -> f32 {
        line.windows(3)
            .map(|w| {
                let a = (w[1].0 - w[0].0).atan2(w[1].1 - w[0].1);
                let b = (w[2].0 - w[1].0).atan2(w[2].1 - w[1].1);
                let mut turn = (b - a).abs().to_degrees();
                if turn > 180.0 {
                    turn = 360.0 - turn;
                }
                turn
            })
            .fold(0.0, f32::max)
    }

    #[test]
    fn the_curve_passes_through_every_point_without_sharp_corners() {
        // Eight points around a circle: as a polyline each corner turns 45 degrees.
        let points: Vec<Point> = (0..8)
            .map(|i| {
                let angle = i as f32 * std::f32::consts::TAU / 8.0;
                (100.0 * angle.cos(), 100.0 * angle.sin())
            })
            .collect();
        assert!((sharpest_turn_deg(&points) - 45.0).abs() < 0.1);
        let segments = smooth(&points);
        assert_eq!(segments.len(), 7);
        for (segment, pair) in segments.iter().zip(points.windows(2)) {
            assert_eq!((segment.from, segment.to), (pair[0], pair[1]));
        }
        let line = flatten(&points, 0.25);
        assert!(line.len() > 30, "{} pieces", line.len());
        let turn = sharpest_turn_deg(&line);
        assert!(turn < 7.0, "a {turn} degree corner is visible");
    }

    #[test]
    fn one_or_two_points_stay_as_they_are() {
        assert!(smooth(&[(1.0, 1.0)]).is_empty());
        assert_eq!(flatten(&[(1.0, 1.0)], 0.5), [(1.0, 1.0)]);
        assert!(flatten(&[], 0.5).is_empty());
        let line = flatten(&[(0.0, 0.0), (10.0, 0.0)], 0.5);
        assert_eq!(line.first(), Some(&(0.0, 0.0)));
        assert_eq!(line.last(), Some(&(10.0, 0.0)));
        assert!(
            line.iter().all(|p| p.1.abs() < 1e-4),
            "a straight stroke stays straight"
        );
    }
}
