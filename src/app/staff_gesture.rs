//! The hidden way in for staff: five quick taps in the bottom-left corner of the screen, or a
//! finger held there for three seconds. Patients are unlikely to do either by chance, and
//! neither needs a key.
//!
//! Only taps on empty screen count: the clinic's logo (top left), a natural thing to tap, is
//! far away, and a tap on a button in the corner (Back, on a page) is that button's and starts
//! the gesture over. On the home screen and the invitation the corner is empty.

use egui::{Event, Pos2, Rect, vec2};

/// The corner's side, in points (the bottom-left square that listens).
pub const CORNER_SIDE_PT: f32 = 120.0;

/// The square that listens, in the bottom-left corner of `screen`.
pub fn corner(screen: Rect) -> Rect {
    Rect::from_min_size(
        screen.left_bottom() - vec2(0.0, CORNER_SIDE_PT),
        vec2(CORNER_SIDE_PT, CORNER_SIDE_PT),
    )
}
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
    /// Feeds one frame's input on a `screen` of that size; returns `true` when the gesture is
    /// complete. `on_a_control`: the pointer is on a button or another control this frame,
    /// so a press is that control's, not the gesture's. While a finger is held in the corner,
    /// [`Self::hold_secs_left`] tells when to look again.
    pub fn update(
        &mut self,
        events: &[Event],
        now_secs: f64,
        screen: Rect,
        on_a_control: bool,
    ) -> bool {
        let corner = corner(screen);
        for event in events {
            match event {
                Event::PointerButton {
                    pos, pressed: true, ..
                } if corner.contains(*pos) && !on_a_control => {
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

    const SCREEN: Rect = Rect::from_min_max(Pos2::ZERO, Pos2::new(1920.0, 1080.0));

    /// At (x, y) from the screen's bottom-left corner.
    fn at(x: f32, y: f32) -> Pos2 {
        Pos2::new(x, 1080.0 - y)
    }

    fn update(gesture: &mut StaffGesture, events: &[Event], now_secs: f64) -> bool {
        gesture.update(events, now_secs, SCREEN, false)
    }

    fn press(x: f32, y: f32) -> Event {
        Event::PointerButton {
            pos: at(x, y),
            button: egui::PointerButton::Primary,
            pressed: true,
            modifiers: egui::Modifiers::NONE,
        }
    }

    fn release(x: f32, y: f32) -> Event {
        Event::PointerButton {
            pos: at(x, y),
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
            assert!(!update(
                &mut gesture,
                &[press(20.0, 30.0), release(20.0, 30.0)],
                now_secs
            ));
        }
        assert!(update(
            &mut gesture,
            &[press(60.0, 10.0), release(60.0, 10.0)],
            1.6
        ));
        assert!(
            !update(&mut gesture, &[press(60.0, 10.0)], 1.7),
            "it starts over"
        );
    }

    #[test]
    fn slow_taps_or_a_tap_elsewhere_do_not() {
        let mut gesture = StaffGesture::default();
        for tap in 0..5 {
            let now_secs = f64::from(tap) * 1.0;
            assert!(!update(
                &mut gesture,
                &[press(20.0, 30.0), release(20.0, 30.0)],
                now_secs
            ));
        }
        let mut gesture = StaffGesture::default();
        for tap in 0..5 {
            let at = if tap == 2 { 500.0 } else { 20.0 };
            let now_secs = f64::from(tap) * 0.3;
            assert!(!update(
                &mut gesture,
                &[press(at, 30.0), release(at, 30.0)],
                now_secs
            ));
        }
    }

    #[test]
    fn a_finger_held_three_seconds_opens_it_unless_it_moves_or_lifts() {
        let mut gesture = StaffGesture::default();
        assert!(!update(&mut gesture, &[press(10.0, 10.0)], 0.0));
        assert_eq!(gesture.hold_secs_left(1.0), Some(2.0));
        assert!(!update(&mut gesture, &[], 2.9));
        assert!(update(&mut gesture, &[], 3.0));

        let mut gesture = StaffGesture::default();
        assert!(!update(&mut gesture, &[press(10.0, 10.0)], 0.0));
        assert!(!update(
            &mut gesture,
            &[Event::PointerMoved(at(200.0, 10.0))],
            1.0
        ));
        assert!(
            !update(&mut gesture, &[], 5.0),
            "moved away: a drag, not a hold"
        );

        let mut gesture = StaffGesture::default();
        assert!(!update(&mut gesture, &[press(10.0, 10.0)], 0.0));
        assert!(!update(&mut gesture, &[release(10.0, 10.0)], 1.0));
        assert!(!update(&mut gesture, &[], 5.0), "lifted early");
        assert_eq!(gesture.hold_secs_left(5.0), None);
    }

    #[test]
    fn taps_on_the_logos_corner_or_on_a_control_do_not_count() {
        let mut gesture = StaffGesture::default();
        for tap in 0..6 {
            let top_left = Pos2::new(30.0, 30.0);
            let events = [
                Event::PointerButton {
                    pos: top_left,
                    button: egui::PointerButton::Primary,
                    pressed: true,
                    modifiers: egui::Modifiers::NONE,
                },
                Event::PointerButton {
                    pos: top_left,
                    button: egui::PointerButton::Primary,
                    pressed: false,
                    modifiers: egui::Modifiers::NONE,
                },
            ];
            assert!(!update(&mut gesture, &events, f64::from(tap) * 0.3));
        }
        let mut gesture = StaffGesture::default();
        for tap in 0..6 {
            let events = [press(20.0, 30.0), release(20.0, 30.0)];
            let now_secs = f64::from(tap) * 0.3;
            assert!(
                !gesture.update(&events, now_secs, SCREEN, true),
                "Back's taps"
            );
        }
        assert!(!gesture.update(&[press(20.0, 30.0)], 2.0, SCREEN, true));
        assert!(
            !gesture.update(&[], 6.0, SCREEN, false),
            "a finger held on a control is not a hold"
        );
    }
}
