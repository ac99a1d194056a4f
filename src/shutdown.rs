//! Stopping on a signal: SIGTERM (`systemctl stop`), SIGINT (Ctrl-C in a terminal) and SIGHUP
//! (the session or terminal going away; a power button's shutdown sends SIGTERM). No egui
//! here: a thread waits for the signals, notes which came and wakes the app, which then saves
//! the visit in progress, logs and closes its window, and the process exits with 0.

use std::sync::Arc;
use std::sync::atomic::{AtomicI32, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The signals that stop the kiosk.
pub const STOP_SIGNALS: [i32; 3] = [SIGTERM, SIGINT, SIGHUP];

/// The name of a stop signal, for the log.
pub fn signal_name(signal: i32) -> &'static str {
    match signal {
        SIGTERM => "SIGTERM",
        SIGINT => "SIGINT",
        SIGHUP => "SIGHUP",
        _ => "a signal",
    }
}

/// Which stop signal came, if one did.
#[derive(Clone, Debug, Default)]
pub struct StopRequest {
    signal: Arc<AtomicI32>,
}

impl StopRequest {
    /// Waits for the stop signals on a thread of its own; `wake` is called when one comes
    /// (the app passes `request_repaint`). Once this runs, the signals no longer end the
    /// process at once: the app must see [`Self::signal`] and stop.
    pub fn listen(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let request = Self::default();
        let mut signals = Signals::new(STOP_SIGNALS)?;
        let seen = Arc::clone(&request.signal);
        std::thread::Builder::new()
            .name("stop signals".into())
            .spawn(move || {
                for signal in signals.forever() {
                    seen.store(signal, Ordering::SeqCst);
                    wake();
                }
            })?;
        Ok(request)
    }

    /// The stop signal that came, if one did.
    pub fn signal(&self) -> Option<i32> {
        match self.signal.load(Ordering::SeqCst) {
            0 => None,
            signal => Some(signal),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stop_signal_has_a_name() {
        for signal in STOP_SIGNALS {
            assert!(signal_name(signal).starts_with("SIG"));
        }
        assert_eq!(StopRequest::default().signal(), None);
    }
}
