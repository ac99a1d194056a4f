//! Small vector icons drawn with strokes, so they are crisp at any size.

use egui::{Color32, Painter, Pos2, Rect, Stroke, pos2};

/// An icon drawn beside a button's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    /// A house, for Home.
    Home,
    /// A left chevron, for Back.
    Back,
    /// A right chevron, for Next.
    Next,
    /// A small chevron pointing left in a circle, for a walk-through's Step back (unlike
    /// Back's bare chevron, and unlike a media player's skip).
    StepBack,
    /// A small chevron pointing right in a circle, for a walk-through's Next step.
    StepNext,
    /// Four corners pointing out, for showing a figure on the whole screen.
    Enlarge,
    /// A tick, for a right answer.
    Check,
    /// A cross, for an answer that is not right.
    Cross,
    /// A loudspeaker with sound coming from it, for Listen.
    Speaker,
    /// Two upright bars, for Pause.
    Pause,
    /// A fingertip touching, with rings round the touch, for the attract screen's cue.
    Touch,
    /// A filled triangle pointing right, for Play (and going on after a pause).
    Play,
    /// A filled square, for Stop.
    Stop,
    /// An arrow going round, for playing a step again.
    Replay,
    /// Two right chevrons, for Keep reading (on to the next page).
    ReadOn,
}

impl Icon {
    /// Paints the icon to fill `rect` (a square works best).
    pub fn paint(self, painter: &Painter, rect: Rect, color: Color32, width_pt: f32) {
        let stroke = Stroke::new(width_pt, color);
        // Icon coordinates run from 0 to 1 across the rect.
        let at = |x: f32, y: f32| -> Pos2 {
            pos2(
                rect.left() + x * rect.width(),
                rect.top() + y * rect.height(),
            )
        };
        // An arc round `center` from the angle `from` (radians, clockwise from the right) for
        // `sweep` radians, as points.
        let arc = |(x, y): (f32, f32), radius: f32, (from, sweep): (f32, f32)| -> Vec<Pos2> {
            (0..=10)
                .map(|i| {
                    let angle = from + sweep * i as f32 / 10.0;
                    at(x + radius * angle.cos(), y + radius * angle.sin())
                })
                .collect()
        };
        match self {
            Self::Home => {
                painter.line(vec![at(0.1, 0.5), at(0.5, 0.12), at(0.9, 0.5)], stroke);
                painter.line(
                    vec![
                        at(0.22, 0.42),
                        at(0.22, 0.88),
                        at(0.78, 0.88),
                        at(0.78, 0.42),
                    ],
                    stroke,
                );
                painter.line(
                    vec![
                        at(0.42, 0.88),
                        at(0.42, 0.64),
                        at(0.58, 0.64),
                        at(0.58, 0.88),
                    ],
                    stroke,
                );
            }
            Self::Back => {
                painter.line(vec![at(0.65, 0.15), at(0.3, 0.5), at(0.65, 0.85)], stroke);
            }
            Self::Next => {
                painter.line(vec![at(0.35, 0.15), at(0.7, 0.5), at(0.35, 0.85)], stroke);
            }
            Self::StepBack | Self::StepNext => {
                painter.circle_stroke(at(0.5, 0.5), 0.44 * rect.width().min(rect.height()), stroke);
                let (tip, tail) = if self == Self::StepBack {
                    (0.36, 0.58)
                } else {
                    (0.64, 0.42)
                };
                painter.line(vec![at(tail, 0.3), at(tip, 0.5), at(tail, 0.7)], stroke);
            }
            Self::Check => {
                painter.line(vec![at(0.12, 0.52), at(0.4, 0.8), at(0.9, 0.2)], stroke);
            }
            Self::Cross => {
                painter.line_segment([at(0.2, 0.2), at(0.8, 0.8)], stroke);
                painter.line_segment([at(0.8, 0.2), at(0.2, 0.8)], stroke);
            }
            Self::Speaker => {
                let body = vec![
                    at(0.1, 0.38),
                    at(0.28, 0.38),
                    at(0.52, 0.15),
                    at(0.52, 0.85),
                    at(0.28, 0.62),
                    at(0.1, 0.62),
                ];
                painter.add(egui::Shape::convex_polygon(body, color, Stroke::NONE));
                // Two waves of sound, as arcs.
                for radius in [0.16_f32, 0.32] {
                    painter.line(arc((0.58, 0.5), radius, (-0.9, 1.8)), stroke);
                }
            }
            Self::Pause => {
                for x in [0.34, 0.66] {
                    let bar = egui::Rect::from_min_max(at(x - 0.1, 0.18), at(x + 0.1, 0.82));
                    painter.rect_filled(bar, 0.0, color);
                }
            }
            Self::Touch => {
                // Two arcs over the fingertip: the touch.
                for radius in [0.16_f32, 0.3] {
                    painter.line(arc((0.42, 0.32), radius, (-2.6, 2.0)), stroke);
                }
                // The finger, pointing up, and the hand under it.
                painter.line(
                    vec![
                        at(0.34, 0.9),
                        at(0.34, 0.36),
                        at(0.42, 0.28),
                        at(0.5, 0.36),
                        at(0.5, 0.56),
                        at(0.8, 0.6),
                        at(0.8, 0.9),
                    ],
                    stroke,
                );
            }
            Self::Play => {
                let triangle = vec![at(0.24, 0.14), at(0.86, 0.5), at(0.24, 0.86)];
                painter.add(egui::Shape::convex_polygon(triangle, color, Stroke::NONE));
            }
            Self::Stop => {
                let square = egui::Rect::from_min_max(at(0.2, 0.2), at(0.8, 0.8));
                painter.rect_filled(square, 0.0, color);
            }
            Self::Replay => {
                // Most of a circle, clockwise from the top right, and the arrow's head at its
                // end (top left), pointing on round the circle.
                painter.line(arc((0.5, 0.52), 0.32, (-1.2, 5.2)), stroke);
                painter.line(vec![at(0.17, 0.23), at(0.35, 0.23), at(0.32, 0.41)], stroke);
            }
            Self::ReadOn => {
                for x in [0.2_f32, 0.5] {
                    painter.line(vec![at(x, 0.18), at(x + 0.3, 0.5), at(x, 0.82)], stroke);
                }
            }
            Self::Enlarge => {
                for (corner, dx, dy) in [
                    ((0.12, 0.12), 1.0, 1.0),
                    ((0.88, 0.12), -1.0, 1.0),
                    ((0.12, 0.88), 1.0, -1.0),
                    ((0.88, 0.88), -1.0, -1.0),
                ] {
                    let (x, y) = corner;
                    painter.line(
                        vec![at(x + 0.3 * dx, y), at(x, y), at(x, y + 0.3 * dy)],
                        stroke,
                    );
                }
            }
        }
    }
}
