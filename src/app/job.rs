//! Slow work (making a handout's PDF, printing it) done on a thread of its own, so the screen
//! keeps answering touches; a later frame picks up the result.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// How often a frame looks for the result while the work runs.
const POLL_SECS: f32 = 0.1;

/// One piece of work running in the background.
pub(super) struct Job<T> {
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread.
    pub(super) fn spawn(work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (done, result) = channel();
        std::thread::spawn(move || {
            // The app may have dropped the job; nobody is left to tell.
            let _ = done.send(work());
        });
        Self { result }
    }

    /// The result if the work is done; while it runs, asks `ctx` for a frame a little later to
    /// look again. `Some(None)` if the work ended without a result (it panicked).
    pub(super) fn poll(&self, ctx: &egui::Context) -> Option<Option<T>> {
        match self.result.try_recv() {
            Ok(result) => {
                ctx.request_repaint();
                Some(Some(result))
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after_secs(POLL_SECS);
                None
            }
            Err(TryRecvError::Disconnected) => Some(None),
        }
    }
}
