//! The hidden way in for staff: five quick taps in the top-left corner, or a finger held there
//! for three seconds. Patients are unlikely to do either by chance, and neither needs a key.

use egui::{Event, Pos2, Rect};

/// The corner's side, in points (the top-left square that listens).
pub const CORNER_SIDE_PT: f32 = 120.0;
/// Taps needed in the corner.
pub const TAPS: usize = 5;
/// The taps must all fall within this many seconds.
pub const TAPS_WITHIN_SECS: f64 = 3.0;
/// How long a finger held in the corner opens the PIN pad.
pub const HOLD_SECS: f64 = 3.0;
/// A held finger may drift this far and still count as held.
const HOLD_DRIFT_PT: f32 = 30.0;

/// Watches the pointer for the staff gesture.
#[derive(Clone, Debug, Default)]
pub struct StaffGesture {
    /// Times of the latest taps in the corner.
    tap_times_secs: Vec<f64>,
    /// Where and when a finger went down in the corner, while it stays down.
    hold: Option<(Pos2, f64)>,
}

impl StaffGesture {
    /// Feeds one frame's input; returns `true` when the gesture is complete. While a finger is
    /// held in the corner, [`Self::hold_secs_left`] tells when to look again.
    pub fn update(&mut self, events: &[Event], now_secs: f64) -> bool {
        let corner = Rect::from_min_max(Pos2::ZERO, Pos2::new(CORNER_SIDE_PT, CORNER_SIDE_PT));
        for event in events {
            match event {
                Event::PointerButton {
                    pos, pressed: true, ..
                } if corner.contains(*pos) => {
                    self.tap_times_secs.push(now_secs);
                    self.hold = Some((*pos, now_secs));
                }
                Event::PointerButton { pressed: true, .. } => {
                    self.tap_times_secs.clear();
                    self.hold = None;
                }
                Event::PointerButton { pressed: false, .. } | Event::PointerGone => {
                    self.hold = None;
                }
                Event::PointerMoved(pos)
                    if self
                        .hold
                        .is_some_and(|(start, _)| start.distance(*pos) > HOLD_DRIFT_PT) =>
                {
                    self.hold = None;
                }
                _ => {}
            }
        }
        self.tap_times_secs
            .retain(|&tap_secs| now_secs - tap_secs <= TAPS_WITHIN_SECS);
        let tapped = self.tap_times_secs.len() >= TAPS;
        let held = self
            .hold
            .is_some_and(|(_, start_secs)| now_secs - start_secs >= HOLD_SECS);
        if tapped || held {
            *self = Self::default();
        }
        tapped || held
    }

    /// While a finger is held in the corner: seconds until it has been held long enough.
    pub fn hold_secs_left(&self, now_secs: f64) -> Option<f64> {
        self.hold
            .map(|(_, start_secs)| (start_secs + HOLD_SECS - now_secs).max(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(x: f32, y: f32) -> Event {
        Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn release(x: f32, y: f32) -> Event {
        Event::PointerButton {
            pos: egui::pos2(x, y),
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    #[test]
    fn five_quick_taps_in_the_corner_open_it() {
        let mut gesture = StaffGesture::default();
        for tap in 0..4 {
            let now_secs = f64::from(tap) * 0.4;
            assert!(!gesture.update(&[press(20.0, 30.0), release(20.0, 30.0)], now_secs));
        }
        assert!(gesture.update(&[press(60.0, 10.0), release(60.0, 10.0)], 1.6));
        assert!(!gesture.update(&[press(60.0, 10.0)], 1.7), "it starts over");
    }

    #[test]
    fn slow_taps_or_a_tap_elsewhere_do_not() {
        let mut gesture = StaffGesture::default();
        for tap in 0..5 {
            let now_secs = f64::from(tap) * 1.0;
            assert!(!gesture.update(&[press(20.0, 30.0), release(20.0, 30.0)], now_secs));
        }
        let mut gesture = StaffGesture::default();
        for tap in 0..5 {
            let at = if tap == 2 { 500.0 } else { 20.0 };
            let now_secs = f64::from(tap) * 0.3;
            assert!(!gesture.update(&[press(at, 30.0), release(at, 30.0)], now_secs));
        }
    }

    #[test]
    fn a_finger_held_three_seconds_opens_it_unless_it_moves_or_lifts() {
        let mut gesture = StaffGesture::default();
        assert!(!gesture.update(&[press(10.0, 10.0)], 0.0));
        assert_eq!(gesture.hold_secs_left(1.0), Some(2.0));
        assert!(!gesture.update(&[], 2.9));
        assert!(gesture.update(&[], 3.0));

        let mut gesture = StaffGesture::default();
        assert!(!gesture.update(&[press(10.0, 10.0)], 0.0));
        assert!(!gesture.update(&[Event::PointerMoved(egui::pos2(200.0, 10.0))], 1.0));
        assert!(!gesture.update(&[], 5.0), "moved away: a drag, not a hold");

        let mut gesture = StaffGesture::default();
        assert!(!gesture.update(&[press(10.0, 10.0)], 0.0));
        assert!(!gesture.update(&[release(10.0, 10.0)], 1.0));
        assert!(!gesture.update(&[], 5.0), "lifted early");
        assert_eq!(gesture.hold_secs_left(5.0), None);
    }
}
