//! The kiosk's staff side: the hidden gesture, the PIN check and what the staff menu does.

use super::{Command, Content, KioskApp, MenuView, Session, StaffCommand, StaffNotice, StaffPanel};
use crate::config::KioskConfig;
use crate::content::load_deck;
use crate::screens::{self, StaffInfo};
use crate::staff::{PinCheck, pin_matches};

/// The idle times staff can choose from in the menu, in seconds.
pub const IDLE_TIMEOUT_CHOICES_SECS: [u32; 8] = [30, 45, 60, 90, 120, 180, 300, 600];

impl KioskApp {
    /// The process was asked to stop (`signal` names why): the visit in progress is saved
    /// as a reset would save it, the stop is logged, and the window closes.
    pub fn stop_on_signal(&mut self, signal: &str) {
        if self.exiting {
            return;
        }
        let end_secs = self.idle.last_touch_secs().unwrap_or(self.now_secs);
        self.usage.visit_ended(end_secs.min(self.now_secs));
        log::info!("stopping on {signal}: the visit in progress is saved; the kiosk closes");
        self.exiting = true;
    }

    /// Wipes the visit for the next patient and shows the new content if some is waiting.
    pub(super) fn start_over(&mut self) {
        // The visit ended with its last touch, not when the countdown ran out.
        let end_secs = self.idle.last_touch_secs().unwrap_or(self.now_secs);
        self.usage.visit_ended(end_secs.min(self.now_secs));
        // The next patient's clock starts with the fresh screen.
        self.idle.touched(self.now_secs);
        // Everything of this visit goes; the next patient sees none of it.
        self.session = Session {
            scroll_to_top: true,
            ..Session::default()
        };
        self.statistics_report = None;
        self.listen.forget();
        self.keypad.forget();
        if let Some(deck) = self.pending_deck.take() {
            self.swap_content(deck);
        }
    }

    /// Watches for the hidden staff gesture; asks for the PIN pad when it is made. Called
    /// before any screen is drawn, so every control a screen puts in the corner is above the
    /// corner's own (invisible, unfocusable) area and takes its taps.
    pub(super) fn staff_gesture_ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        if self.session.staff.is_some() {
            return None;
        }
        let screen = ui.ctx().content_rect();
        let corner = ui.interact(
            super::staff_gesture::corner(screen),
            ui.scope_id().with("staff gesture corner"),
            egui::Sense::CLICK,
        );
        // Over a control, the pointer hovers that control, not the corner beneath it. A
        // scroll area's background (it takes drags, not taps: the home screen's tiles on a
        // short screen) is not a control.
        let ctx = ui.ctx();
        let on_a_control = corner.contains_pointer()
            && !corner.hovered()
            && ctx
                .interaction_snapshot(|now| now.hovered.clone())
                .iter()
                .any(|id| {
                    *id != corner.id
                        && ctx
                            .read_response(*id)
                            .is_some_and(|response| response.sense.senses_click())
                });
        let gesture = &mut self.gesture;
        let made =
            ui.input(|input| gesture.update(&input.events, input.time, screen, on_a_control));
        if let Some(secs_left) = self.gesture.hold_secs_left(self.now_secs) {
            ui.ctx().request_repaint_after_secs(secs_left as f32);
        }
        made.then_some(Command::Staff(StaffCommand::OpenPinPad))
    }

    /// Draws the PIN pad or the staff menu over the screen.
    pub(super) fn staff_ui(&self, ctx: &egui::Context) -> Option<Command> {
        let panel = self.session.staff.as_ref()?;
        // With content that cannot be shown, the staff see its problems in the menu, in the
        // interface words built into the kiosk.
        let (words, pages, problems) = match &self.content {
            Content::Ready(deck) => {
                let language =
                    deck.language(self.session.language.unwrap_or(deck.default_language));
                (
                    &language.interface.staff,
                    deck.page_count(),
                    self.update_problems.as_ref(),
                )
            }
            Content::Broken(errors) => (&built_in_interface()?.staff, 0, Some(errors)),
        };
        let pin_check = self.lockout.check(self.now_secs);
        if let PinCheck::Locked { secs_left } = pin_check {
            // The number of seconds on the pad changes once a second.
            ctx.request_repaint_after_secs((secs_left.fract().max(0.05)) as f32);
        }
        let statistics = match panel {
            StaffPanel::Menu {
                view: MenuView::Statistics,
                ..
            } => self.statistics_report.as_ref(),
            _ => None,
        };
        let info = StaffInfo {
            pin_check,
            pin_set: self.settings.staff_pin_hash.is_some(),
            pages,
            update_waiting: self.pending_deck.is_some(),
            problems,
            idle_timeout_secs: self.settings.idle_timeout_secs,
            consult: self.consult,
            statistics,
            stats_failing: self.usage.failing_file(),
            unreadable_pictures: self.images.unreadable(),
            settings_problem: self.settings_problem.as_deref(),
            listen_unavailable: self.listen.unavailable(),
            content_bundle: (self.fleet.showing.as_ref())
                .map(|bundle| (bundle.version, bundle.date.as_str())),
            bundle_refused: self.fleet.refused.as_deref(),
            reviews_due: match &self.content {
                Content::Ready(deck) => deck.reviews_due(jiff::Zoned::now().date()),
                _ => Vec::new(),
            },
        };
        // Staff are not the patient: the normal text size whatever the patient chose (the
        // menu ran off the screen at the largest size), in the look showing.
        screens::staff_ui(ctx, &self.tools_theme, words, panel, &info)
    }

    /// Carries out a tap on the PIN pad or in the staff menu.
    pub(super) fn apply_staff(&mut self, command: StaffCommand) {
        let now_secs = self.now_secs;
        match (command, &mut self.session.staff) {
            (StaffCommand::OpenPinPad, _) => {
                // The PIN pad has keys of its own: the on-screen keyboard goes.
                self.session.typing = None;
                // An ordinary window without a PIN is a content editor's: no PIN to ask for.
                self.session.staff = Some(
                    if self.settings.staff_pin_hash.is_none() && !self.lock.locked {
                        self.usage.visit_discarded();
                        menu(MenuView::Main)
                    } else {
                        StaffPanel::PinPad {
                            digits: super::PinDigits::default(),
                            wrong: false,
                        }
                    },
                );
            }
            (StaffCommand::Digit(digit), Some(StaffPanel::PinPad { digits, wrong })) => {
                digits.push(digit);
                *wrong = false;
            }
            (StaffCommand::DeleteDigit, Some(StaffPanel::PinPad { digits, .. })) => digits.pop(),
            (StaffCommand::EnterPin, Some(StaffPanel::PinPad { digits, wrong })) => {
                let Some(hash) = &self.settings.staff_pin_hash else {
                    return;
                };
                if digits.is_empty()
                    || matches!(self.lockout.check(now_secs), PinCheck::Locked { .. })
                {
                    return;
                }
                if pin_matches(hash, digits.as_str()) {
                    self.lockout.right(now_secs);
                    self.usage.visit_discarded();
                    log::info!("the staff menu was opened");
                    self.session.staff = Some(menu(MenuView::Main));
                } else {
                    log::warn!("a wrong staff PIN was entered");
                    self.lockout.wrong(now_secs);
                    *digits = super::PinDigits::default();
                    *wrong = true;
                }
            }
            (StaffCommand::Cancel, Some(StaffPanel::PinPad { .. })) => self.session.staff = None,
            (StaffCommand::Show(view), Some(StaffPanel::Menu { .. })) => {
                if view == MenuView::Statistics {
                    self.statistics_report = self.usage.report();
                }
                self.session.staff = Some(menu(view));
            }
            (StaffCommand::Reload, Some(StaffPanel::Menu { .. })) => self.reload_content(),
            (StaffCommand::IdleTimeout { longer }, Some(StaffPanel::Menu { .. })) => {
                self.change_idle_timeout(longer);
            }
            (StaffCommand::Consult(on), Some(StaffPanel::Menu { .. })) => {
                log::info!(
                    "staff switched consultation mode {}",
                    if on { "on" } else { "off" }
                );
                self.set_consult(on);
                // Whatever the last mode showed goes, as at any reset.
                self.start_over();
            }
            (StaffCommand::Exit, Some(StaffPanel::Menu { .. })) => {
                log::info!("staff closed the kiosk");
                self.exiting = true;
            }
            (StaffCommand::BackToKiosk, Some(StaffPanel::Menu { .. })) => self.start_over(),
            // A tap meant for a panel that is no longer showing.
            _ => {}
        }
    }

    /// Reads the content folder again: new content shows at once (staff are at the kiosk, no
    /// patient's visit is running); content with problems changes nothing.
    fn reload_content(&mut self) {
        let Some(paths) = &self.content_paths else {
            return;
        };
        let notice = match load_deck(paths) {
            Ok(deck) => {
                let pages = deck.page_count();
                self.update_problems = None;
                self.swap_content(deck);
                StaffNotice::Reloaded { pages }
            }
            Err(errors) => {
                for diagnostic in &errors.0 {
                    log::error!("{diagnostic}");
                }
                let problems = errors.0.len();
                self.update_problems = Some(errors);
                StaffNotice::ReloadFailed { problems }
            }
        };
        self.session.staff = Some(StaffPanel::Menu {
            view: MenuView::Main,
            notice: Some(notice),
        });
    }

    /// The next longer or shorter idle time of [`IDLE_TIMEOUT_CHOICES_SECS`], used at once and
    /// saved to the settings file.
    fn change_idle_timeout(&mut self, longer: bool) {
        let now = self.settings.idle_timeout_secs;
        let next = if longer {
            IDLE_TIMEOUT_CHOICES_SECS.iter().find(|&&secs| secs > now)
        } else {
            IDLE_TIMEOUT_CHOICES_SECS
                .iter()
                .rev()
                .find(|&&secs| secs < now)
        };
        let Some(&next) = next else {
            return;
        };
        self.settings.idle_timeout_secs = next;
        self.idle = super::IdleTimer::new(f64::from(next), f64::from(self.settings.countdown_secs));
        let mut notice = None;
        if let Some(path) = &self.settings_path {
            // The file as it is now: someone may have edited it since the kiosk started. Their
            // edits are kept; a file that no longer reads is left alone, not overwritten.
            let (mut on_disk, problem) = if path.exists() {
                KioskConfig::load(path)
            } else {
                (self.settings.clone(), None)
            };
            on_disk.idle_timeout_secs = next;
            let saved = match problem {
                Some(problem) => Err(problem),
                None => on_disk.save(path),
            };
            match saved {
                Ok(()) => log::info!("idle time set to {next} s and saved to {}", path.display()),
                Err(error) => {
                    log::error!(
                        "idle time set to {next} s but not saved: {error} The file is left as \
                         it is."
                    );
                    notice = Some(StaffNotice::NotSaved);
                }
            }
        }
        self.session.staff = Some(StaffPanel::Menu {
            view: MenuView::Main,
            notice,
        });
    }
}

/// The staff menu at `view`, with nothing to report.
fn menu(view: MenuView) -> StaffPanel {
    StaffPanel::Menu { view, notice: None }
}

/// The bundled English interface words, built into the kiosk: the staff panel's words when the
/// content (where they normally come from) cannot be read.
pub fn built_in_interface() -> Option<&'static crate::content::model::Interface> {
    static INTERFACE: std::sync::OnceLock<Option<crate::content::model::Interface>> =
        std::sync::OnceLock::new();
    INTERFACE
        .get_or_init(|| {
            let text = include_str!("../../content/en/interface.ron");
            let options = ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
            match options.from_str(text) {
                Ok(interface) => Some(interface),
                Err(error) => {
                    log::warn!("the built-in interface words do not parse: {error}");
                    None
                }
            }
        })
        .as_ref()
}
