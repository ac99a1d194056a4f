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
        }
    }
}
