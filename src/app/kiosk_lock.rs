//! The locked kiosk's hold on its window: closing is refused, and a window manager that
//! minimises it, takes its focus or its full screen (Alt+Space, then "Minimise") gets it
//! back within about a second, instead of leaving a black screen for good.

/// How often a locked window that is not up, in front and full screen asks to be so again.
const RESTORE_EVERY_SECS: f64 = 0.5;
/// How often a locked kiosk looks at its window. A minimised window gets no frames of its own
/// (no input reaches it, and on X11 losing it sends egui nothing), so the kiosk asks for one
/// a second: a small cost next to the attract screen's own frames.
const LOOK_EVERY_SECS: f32 = 1.0;

#[derive(Debug)]
pub(super) struct KioskLock {
    /// Locked kiosk: requests to close the window are refused, and the window kept up.
    pub(super) locked: bool,
    /// The clock of [`Self::restoring_since_secs`]: egui's input time stands still while the
    /// window is hidden.
    clock: std::time::Instant,
    /// When the window was last asked to come back (seconds on `clock`), while it is away.
    restoring_since_secs: Option<f64>,
}

impl Default for KioskLock {
    fn default() -> Self {
        Self {
            locked: false,
            clock: std::time::Instant::now(),
            restoring_since_secs: None,
        }
    }
}

/// What the window manager has done to the window, as egui last heard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct WindowState {
    pub(super) minimized: bool,
    pub(super) focused: bool,
    pub(super) fullscreen: bool,
}

impl WindowState {
    /// What egui knows of the window (a state not reported counts as fine).
    pub(super) fn of(viewport: &egui::ViewportInfo) -> Self {
        Self {
            minimized: viewport.minimized == Some(true),
            focused: viewport.focused != Some(false),
            fullscreen: viewport.fullscreen != Some(false),
        }
    }

    fn is_up(self) -> bool {
        !self.minimized && self.focused && self.fullscreen
    }
}

impl KioskLock {
    /// For a locked kiosk whose window is not up: the commands that bring it back, at most
    /// every half second (the window manager may take a moment), and when to look again.
    pub(super) fn restore(
        &mut self,
        window: WindowState,
        now_secs: f64,
    ) -> Option<(Vec<egui::ViewportCommand>, f64)> {
        if !self.locked || window.is_up() {
            if self.restoring_since_secs.take().is_some() {
                log::info!("the kiosk window is up and full screen again");
            }
            return None;
        }
        let due = self
            .restoring_since_secs
            .is_none_or(|asked| now_secs - asked >= RESTORE_EVERY_SECS || now_secs < asked);
        if !due {
            return Some((Vec::new(), RESTORE_EVERY_SECS));
        }
        if self.restoring_since_secs.is_none() {
            log::warn!(
                "the window manager took the kiosk window away ({window:?}): bringing it back"
            );
        }
        self.restoring_since_secs = Some(now_secs);
        let commands = vec![
            egui::ViewportCommand::Minimized(false),
            egui::ViewportCommand::Fullscreen(true),
            egui::ViewportCommand::Focus,
        ];
        Some((commands, RESTORE_EVERY_SECS))
    }

    /// Keeps a locked window open, up and full screen; runs first in every frame, and while
    /// the window is hidden (when egui draws no frames) from [`Self::keep_hidden_window`].
    pub(super) fn keep_window_ui(&mut self, ctx: &egui::Context) {
        if !self.locked {
            return;
        }
        let (close_requested, window) = ctx.input(|input| {
            let viewport = input.viewport();
            (viewport.close_requested(), WindowState::of(viewport))
        });
        let now_secs = self.clock.elapsed().as_secs_f64();
        if close_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        }
        let look_again_secs = match self.restore(window, now_secs) {
            Some((commands, look_again_secs)) => {
                for command in commands {
                    ctx.send_viewport_cmd(command);
                }
                look_again_secs as f32
            }
            None => LOOK_EVERY_SECS,
        };
        ctx.request_repaint_after_secs(look_again_secs);
    }
}

impl KioskLock {
    /// eframe's logic pass: while the window is hidden or minimised, `ui` is not called, so
    /// this alone brings it back.
    pub(super) fn keep_hidden_window(&mut self, ctx: &egui::Context) {
        let hidden = ctx.input(|input| {
            let viewport = input.viewport();
            viewport.minimized == Some(true) || viewport.visible() == Some(false)
        });
        if hidden {
            self.keep_window_ui(ctx);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UP: WindowState = WindowState {
        minimized: false,
        focused: true,
        fullscreen: true,
    };

    #[test]
    fn a_locked_window_taken_away_is_asked_back_every_half_second_until_it_is_up() {
        let mut lock = KioskLock {
            locked: true,
            ..KioskLock::default()
        };
        assert_eq!(lock.restore(UP, 0.0), None);
        let minimised = WindowState {
            minimized: true,
            focused: false,
            ..UP
        };
        let (commands, again) = lock.restore(minimised, 1.0).expect("asked back");
        assert_eq!(
            commands,
            [
                egui::ViewportCommand::Minimized(false),
                egui::ViewportCommand::Fullscreen(true),
                egui::ViewportCommand::Focus
            ]
        );
        assert!((again - 0.5).abs() < 1e-9);
        let (commands, _) = lock.restore(minimised, 1.2).expect("still away");
        assert!(commands.is_empty(), "not again so soon");
        let (commands, _) = lock.restore(minimised, 1.5).expect("still away");
        assert_eq!(commands.len(), 3, "asked again after half a second");
        let unfocused = WindowState {
            focused: false,
            ..UP
        };
        assert!(lock.restore(unfocused, 2.0).is_some(), "focus taken");
        let windowed = WindowState {
            fullscreen: false,
            ..UP
        };
        assert!(lock.restore(windowed, 3.0).is_some(), "full screen taken");
        assert_eq!(lock.restore(UP, 3.2), None);
    }

    #[test]
    fn an_unlocked_window_is_left_as_the_user_puts_it() {
        let mut lock = KioskLock::default();
        let minimised = WindowState {
            minimized: true,
            ..UP
        };
        assert_eq!(lock.restore(minimised, 1.0), None);
    }
}
