//! When nobody has touched the kiosk for a while: ask "Are you still there?", count down, and
//! then start over for the next patient. Time is egui's input time, so tests drive hours of it
//! in milliseconds.

/// Where the idle countdown stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum IdleState {
    /// Someone touched the kiosk recently; ask again after `secs_left`.
    Active {
        /// Seconds until the question appears.
        secs_left: f64,
    },
    /// The question is showing, counting down.
    Asking {
        /// Seconds until the kiosk starts over.
        secs_left: f64,
    },
    /// Nobody answered: start over now.
    Expired,
}

/// The time of the last touch, and how long to wait.
#[derive(Clone, Debug)]
pub struct IdleTimer {
    idle_timeout_secs: f64,
    countdown_secs: f64,
    last_touch_secs: Option<f64>,
}

impl IdleTimer {
    /// Asks after `idle_timeout_secs` without a touch, and gives up `countdown_secs` later.
    pub fn new(idle_timeout_secs: f64, countdown_secs: f64) -> Self {
        Self {
            idle_timeout_secs,
            countdown_secs,
            last_touch_secs: None,
        }
    }

    /// Someone touched the kiosk at `now_secs`.
    pub fn touched(&mut self, now_secs: f64) {
        self.last_touch_secs = Some(now_secs);
    }

    /// When the kiosk was last touched, if it has been.
    pub fn last_touch_secs(&self) -> Option<f64> {
        self.last_touch_secs
    }

    /// Where the countdown stands at `now_secs` (the first call starts the clock).
    pub fn state(&mut self, now_secs: f64) -> IdleState {
        let since = now_secs - *self.last_touch_secs.get_or_insert(now_secs);
        if since < self.idle_timeout_secs {
            IdleState::Active {
                secs_left: self.idle_timeout_secs - since,
            }
        } else if since < self.idle_timeout_secs + self.countdown_secs {
            IdleState::Asking {
                secs_left: self.idle_timeout_secs + self.countdown_secs - since,
            }
        } else {
            IdleState::Expired
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_after_the_timeout_then_expires_and_a_touch_starts_again() {
        let mut timer = IdleTimer::new(60.0, 15.0);
        assert_eq!(timer.state(100.0), IdleState::Active { secs_left: 60.0 });
        assert_eq!(timer.state(159.0), IdleState::Active { secs_left: 1.0 });
        assert_eq!(timer.state(160.0), IdleState::Asking { secs_left: 15.0 });
        assert_eq!(timer.state(170.0), IdleState::Asking { secs_left: 5.0 });
        assert_eq!(timer.state(175.0), IdleState::Expired);
        timer.touched(175.0);
        assert_eq!(timer.state(176.0), IdleState::Active { secs_left: 59.0 });
    }
}
