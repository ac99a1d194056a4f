//! Where a moving layer is drawn while a step brings it in or takes it away: its
//! [`Motion`]'s away pose blended into its place, eased so it starts and stops gently.

use egui::emath::{Rot2, easing};
use egui::{Pos2, Vec2, vec2};

use crate::content::diagram::Motion;

/// A layer's move, turn and stretch on screen, about one point: identity when in place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pose {
    /// Added after turning and stretching, in points.
    pub offset: Vec2,
    /// The turn, clockwise on screen (y points down).
    pub turn: Rot2,
    /// The stretch across and down.
    pub scale: Vec2,
    /// The point the layer turns about and stretches from, on screen.
    pub around: Pos2,
}

impl Pose {
    /// In place: drawn as tessellated.
    pub const IDENTITY: Self = Self {
        offset: Vec2::ZERO,
        turn: Rot2::IDENTITY,
        scale: Vec2::splat(1.0),
        around: Pos2::ZERO,
    };

    /// Where `motion` puts a layer drawn at `scale` points per unit from `origin` when it is
    /// `shown` of the way in (0: away, 1: in place; the time's share of the animation, eased
    /// here).
    pub fn of(motion: &Motion, shown: f32, origin: Pos2, scale: f32) -> Self {
        let away = 1.0 - easing::cubic_in_out(shown.clamp(0.0, 1.0));
        if away <= 0.0 {
            return Self::IDENTITY;
        }
        let (from_x, from_y) = motion.from;
        let (stretch_x, stretch_y) = motion.scale;
        let (around_x, around_y) = motion.around;
        Self {
            offset: vec2(from_x, from_y) * scale * away,
            turn: Rot2::from_angle(motion.turn_degrees.to_radians() * away),
            scale: vec2(
                1.0 + (stretch_x - 1.0) * away,
                1.0 + (stretch_y - 1.0) * away,
            ),
            around: origin + vec2(around_x, around_y) * scale,
        }
    }

    /// Whether the layer is in its place.
    pub fn is_identity(&self) -> bool {
        self.offset == Vec2::ZERO && self.turn == Rot2::IDENTITY && self.scale == Vec2::splat(1.0)
    }

    /// Where the point drawn at `point` is in this pose.
    pub fn apply(&self, point: Pos2) -> Pos2 {
        let from_around = (point - self.around) * self.scale;
        self.around + self.turn * from_around + self.offset
    }
}

/// How strongly a layer shows while it is `shown` of the way in: a layer that moves is seen
/// whole almost at once (the motion shows it coming), one without a motion fades.
pub fn opacity(moves: bool, shown: f32) -> f32 {
    if moves {
        (shown * 4.0).clamp(0.0, 1.0)
    } else {
        shown.clamp(0.0, 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn motion(
        from: (f32, f32),
        turn_degrees: f32,
        scale: (f32, f32),
        around: (f32, f32),
    ) -> Motion {
        Motion {
            from,
            turn_degrees,
            scale,
            around,
        }
    }

    fn close(a: Pos2, b: Pos2) -> bool {
        (a - b).length() < 1e-3
    }

    #[test]
    fn a_layer_moves_from_its_away_pose_into_place_eased() {
        let slide = motion((0.0, -100.0), 0.0, (1.0, 1.0), (0.0, 0.0));
        let origin = pos2(10.0, 20.0);
        let at = |shown: f32| Pose::of(&slide, shown, origin, 2.0).apply(pos2(50.0, 50.0));
        assert!(close(at(0.0), pos2(50.0, -150.0)));
        assert!(close(at(1.0), pos2(50.0, 50.0)));
        assert!(Pose::of(&slide, 1.0, origin, 2.0).is_identity());
        // Eased: a quarter of the time covers less than a quarter of the way, half covers half.
        assert!(at(0.25).y < -150.0 + 0.25 * 200.0);
        assert!(close(at(0.5), pos2(50.0, -50.0)));

        let turn = motion((0.0, 0.0), 90.0, (1.0, 1.0), (0.0, 0.0));
        // A quarter turn clockwise on screen (y down) takes a point right of the pivot below it.
        let turned = Pose::of(&turn, 0.0, Pos2::ZERO, 1.0).apply(pos2(10.0, 0.0));
        assert!(close(turned, pos2(0.0, 10.0)), "{turned:?}");

        let close_up = motion((0.0, 0.0), 0.0, (1.0, 0.0), (5.0, 5.0));
        // Flattened into the line through its centre, the cut's edges meet.
        let edge = Pose::of(&close_up, 0.0, Pos2::ZERO, 1.0).apply(pos2(3.0, 8.0));
        assert!(close(edge, pos2(3.0, 5.0)), "{edge:?}");
    }

    #[test]
    fn moving_layers_show_whole_early_and_still_ones_fade() {
        assert_eq!(opacity(true, 0.3), 1.0);
        assert_eq!(opacity(false, 0.3), 0.3);
        assert_eq!(opacity(true, 0.0), 0.0);
    }
}
