//! The app: validated content, design tokens and one patient's session, drawn by the screens.

mod command;
mod consult;
mod fleet;
mod handout_desk;
mod idle;
mod job;
mod keypad;
mod kiosk_lock;
mod listen;
mod play;
mod session;
mod staff;
mod staff_gesture;
mod staff_panel;
mod tree_places;
mod usage;

pub use command::{Command, ConsultCommand, ListenCommand, StaffCommand, TypingInto};
pub use idle::{IdleState, IdleTimer};
pub use listen::{ListenState, ReadingNow};
pub use session::{HandoutStatus, InkInput, OpenHotspot, Screen, Session, Swipe};
pub use staff::IDLE_TIMEOUT_CHOICES_SECS;
pub use staff_gesture::StaffGesture;
pub use staff_panel::{MenuView, PinDigits, StaffNotice, StaffPanel};
pub use usage::UsageRecorder;

use std::path::PathBuf;

use crate::config::KioskConfig;
use crate::content::{ContentPaths, ContentWatcher};
use crate::staff::SavedLockout;

use crate::content::diagram::Diagram;
use crate::content::{ContentErrors, Deck, PageRef};
use crate::diagram::DiagramCache;
use crate::images::ImageCache;
use crate::screens;
use crate::theme::{TextSize, Theme};

/// What the app shows: a deck that passed every check, or the problems that stopped it.
pub enum Content {
    /// Ready for patients.
    Ready(Deck),
    /// Staff must fix these first.
    Broken(ContentErrors),
}

/// The whole kiosk app, independent of the window it runs in (so tests can drive it).
pub struct KioskApp {
    /// The design tokens as bundled.
    tokens: Theme,
    /// The tokens as this patient sees them: their text size and contrast.
    theme: Theme,
    /// The tokens for consultation mode's own controls: the patient's contrast, but always the
    /// normal text size (the patient's size is for what the patient reads).
    tools_theme: Theme,
    /// The text size and contrast whose style egui has, once fonts and style are in.
    styled_for: Option<(TextSize, bool)>,
    content: Content,
    session: Session,
    images: ImageCache,
    diagrams: DiagramCache,
    /// Locked kiosk: closing refused, the window kept up and full screen.
    lock: kiosk_lock::KioskLock,
    /// When the last touch was, and when to ask "Are you still there?".
    idle: IdleTimer,
    /// The settings (idle times, staff PIN hash), and the file to save changes to.
    settings: KioskConfig,
    settings_path: Option<PathBuf>,
    /// Why the settings file could not be read at start, if it could not (file:line:col).
    settings_problem: Option<String>,
    /// Wrong staff PINs; kept across visits, so a reset gives a guesser no fresh tries.
    lockout: SavedLockout,
    /// Watches for the hidden staff gesture.
    gesture: StaffGesture,
    /// Where the content came from, to read it again.
    content_paths: Option<ContentPaths>,
    /// Watches the content folder for changes, once started.
    watcher: Option<ContentWatcher>,
    /// Signed content bundles: where they arrive and the version showing.
    fleet: fleet::Fleet,
    /// The content folder changed (a bundle's content shows): watch the new one.
    watch_again: bool,
    /// Valid new content, waiting for the next patient.
    pending_deck: Option<Deck>,
    /// The problems of the last content update or reload that failed.
    update_problems: Option<ContentErrors>,
    /// Content editors' mode: new content replaces the old at once.
    swap_at_once: bool,
    /// Consultation mode: no attract screen, an index to jump anywhere, and a mark on screen.
    consult: bool,
    /// Staff chose to leave the kiosk: the window closes.
    exiting: bool,
    /// egui's input time of the frame being drawn.
    now_secs: f64,
    /// Counts visits for the usage statistics.
    usage: UsageRecorder,
    /// The statistics report the staff menu shows, read when it was opened.
    statistics_report: Option<crate::stats::Report>,
    /// The printer, the handouts being made and printed, and the removal of old ones.
    handouts: handout_desk::HandoutDesk,
    /// The Listen button: the voice, the sound, and what is being read.
    listen: listen::Listen,
    /// Speech mode for a keypad: the arrow keys, Back and Help, and what is said.
    keypad: keypad::Keypad,
    /// The window clears each frame to the page background, so screens need not paint it.
    window_clears_background: bool,
}

impl KioskApp {
    /// An app showing `content` (or its problems) with the given design tokens.
    pub fn new(theme: Theme, content: Result<Deck, ContentErrors>) -> Self {
        let content = match content {
            Ok(deck) => Content::Ready(deck),
            Err(errors) => Content::Broken(errors),
        };
        Self {
            tokens: theme.clone(),
            tools_theme: theme.clone(),
            theme,
            styled_for: None,
            content,
            session: Session::default(),
            images: ImageCache::default(),
            diagrams: DiagramCache::default(),
            lock: kiosk_lock::KioskLock::default(),
            idle: IdleTimer::new(60.0, 15.0),
            settings: KioskConfig::default(),
            settings_path: None,
            settings_problem: None,
            lockout: SavedLockout::default(),
            gesture: StaffGesture::default(),
            content_paths: None,
            watcher: None,
            fleet: fleet::Fleet::default(),
            watch_again: false,
            pending_deck: None,
            update_problems: None,
            swap_at_once: false,
            consult: false,
            exiting: false,
            now_secs: 0.0,
            usage: UsageRecorder::default(),
            statistics_report: None,
            handouts: handout_desk::HandoutDesk::new(consult::find_printer()),
            // No voice until one is given (`set_narration`): the same on every machine.
            listen: listen::Listen::new(
                Err(crate::narration::NarrationError::NoSpeechProgram),
                Err(crate::narration::NarrationError::NoSpeechProgram),
            ),
            keypad: keypad::Keypad::default(),
            window_clears_background: false,
        }
    }

    /// The settings file could not be read (`problem` names file, line and column): the kiosk
    /// runs on safe settings, and the PIN pad and staff menu say why.
    pub fn set_settings_problem(&mut self, problem: Option<String>) {
        self.settings_problem = problem;
    }

    /// Counts visits with `usage` (its file and clock) from now on.
    pub fn set_usage_recorder(&mut self, usage: UsageRecorder) {
        self.usage = usage;
    }

    /// Uses these settings (idle times, staff PIN); changes made in the staff menu are saved to
    /// `settings_path`, if given.
    pub fn set_settings(&mut self, settings: KioskConfig, settings_path: Option<PathBuf>) {
        self.fleet.forget_kiosk_name();
        self.idle = IdleTimer::new(
            f64::from(settings.idle_timeout_secs),
            f64::from(settings.countdown_secs),
        );
        self.settings = settings;
        self.settings_path = settings_path;
    }

    /// The settings in use.
    pub fn settings(&self) -> &KioskConfig {
        &self.settings
    }

    /// Remembers where the content came from, so staff can reload it.
    pub fn set_content_paths(&mut self, paths: ContentPaths) {
        self.content_paths = Some(paths);
    }

    /// Watches the content folder (see [`Self::set_content_paths`]): changes are loaded and
    /// checked in the background and offered to [`Self::apply_content_update`]; `ctx` is woken
    /// when one is ready. Without a folder to watch, it logs why and the kiosk goes on.
    pub fn watch_content(&mut self, ctx: &egui::Context) {
        let Some(paths) = self.content_paths.clone() else {
            return;
        };
        let ctx = ctx.clone();
        self.fleet.watch(&ctx);
        match ContentWatcher::start(paths, move || ctx.request_repaint()) {
            Ok(watcher) => self.watcher = Some(watcher),
            Err(error) => log::error!("content changes will not be noticed: {error}"),
        }
    }

    /// Takes signed content bundles from `inbox` (see [`crate::bundle::BundleInbox`]); the
    /// content was loaded from `showing`, if from a bundle. [`Self::watch_content`] starts
    /// looking; an accepted bundle's content shows at the next reset, as any update does.
    pub fn set_bundle_inbox(
        &mut self,
        inbox: crate::bundle::BundleInbox,
        showing: Option<crate::bundle::CurrentBundle>,
    ) {
        self.fleet.set_inbox(inbox, showing);
    }

    /// The bundle whose content shows, if the content came from one.
    pub fn content_bundle(&self) -> Option<&crate::bundle::CurrentBundle> {
        self.fleet.showing.as_ref()
    }

    /// Why the last content bundle was refused, if one was since the last accepted.
    pub fn bundle_refused(&self) -> Option<&str> {
        self.fleet.refused.as_deref()
    }

    /// New content replaces the old at once, keeping the page if it still exists (for content
    /// editors, `--watch`), instead of waiting for the next patient.
    pub fn set_swap_at_once(&mut self, at_once: bool) {
        self.swap_at_once = at_once;
    }

    /// Reads pages aloud with `voice` through `player` (the kiosk gives it espeak-ng and
    /// aplay, if installed); without either, or with a sound device that does not open, there
    /// is no Listen button, and the staff menu says why.
    pub fn set_narration(
        &mut self,
        voice: Result<crate::narration::EspeakNg, crate::narration::NarrationError>,
        player: Result<crate::narration::Player, crate::narration::NarrationError>,
    ) {
        self.listen = listen::Listen::new(voice, player);
    }

    /// What the Listen controls show now.
    pub fn listen_state(&self) -> ListenState {
        self.listen.state()
    }

    /// The sentence being read aloud, as the last frame lit it.
    pub fn reading_aloud(&self) -> Option<&ReadingNow> {
        self.listen.reading()
    }

    /// The Listen volume, 1 to [`crate::narration::MAX_VOLUME`].
    pub fn listen_volume(&self) -> u8 {
        self.listen.volume()
    }

    /// Whether the voice is saying or reading anything (or getting ready to), speech mode's
    /// words among it.
    pub fn speaking(&self) -> bool {
        self.listen.speaking()
    }

    /// Whether a keypad's key turned speech mode on in this visit.
    pub fn speech_mode(&self) -> bool {
        self.keypad.is_on()
    }

    /// Why pages cannot be read aloud here, if they cannot.
    pub fn listen_unavailable(&self) -> Option<&str> {
        self.listen.unavailable()
    }

    /// Whether the kiosk is in consultation mode (set here or from the staff menu).
    pub fn is_consult(&self) -> bool {
        self.consult
    }

    /// Consultation mode for clinicians: the kiosk opens on the home screen (never the attract
    /// screen), shows a mark that says so, and offers the index of every topic, page and
    /// diagram. Its visits are not counted in the usage statistics. Its idle time is the
    /// settings' `consult_idle_timeout_secs` (call after [`Self::set_settings`]).
    pub fn set_consult(&mut self, consult: bool) {
        self.consult = consult;
        let idle_secs = if consult {
            self.settings.consult_idle_timeout_secs
        } else {
            self.settings.idle_timeout_secs
        };
        self.idle = IdleTimer::new(
            f64::from(idle_secs),
            f64::from(self.settings.countdown_secs),
        );
    }

    /// Whether staff chose to leave the kiosk.
    pub fn is_exiting(&self) -> bool {
        self.exiting
    }

    /// Valid new content waiting for the next patient, if any.
    pub fn pending_deck(&self) -> Option<&Deck> {
        self.pending_deck.as_ref()
    }

    /// Keeps the count of wrong staff PINs in `path` (read now, written after each try), so
    /// that a restart gives a guesser no fresh tries.
    pub fn set_lockout_file(&mut self, path: PathBuf) {
        self.lockout = SavedLockout::open(path, self.now_secs);
    }

    /// Whether a picture a screen asked for is still being decoded (in the background; the
    /// screen shows an empty frame until it is ready and repaints then).
    pub fn pictures_loading(&self) -> bool {
        self.images.any_loading()
    }

    /// The problems of the last content update that failed, if the latest one did.
    pub fn update_problems(&self) -> Option<&ContentErrors> {
        self.update_problems.as_ref()
    }

    /// Takes in newly loaded content. Valid content is swapped in when no patient can see it
    /// change: at the next reset, or now if nobody is using the kiosk (or editors asked for
    /// it at once). Content with problems changes nothing on screen; its problems are kept
    /// for the staff menu.
    pub fn apply_content_update(&mut self, update: Result<Deck, ContentErrors>) {
        match update {
            Ok(deck) => {
                self.update_problems = None;
                let idle = self.session == Session::default();
                if self.swap_at_once || idle || matches!(self.content, Content::Broken(_)) {
                    self.swap_content(deck);
                } else {
                    log::info!("new content is ready; it will show for the next patient");
                    self.pending_deck = Some(deck);
                }
            }
            Err(errors) => {
                log::warn!(
                    "the content update has {} problem(s); the kiosk keeps the last good content",
                    errors.0.len()
                );
                self.update_problems = Some(errors);
            }
        }
    }

    /// Shows `deck` from now on, dropping pictures and drawings made for the old one. The
    /// visit stays where it is if that page still exists.
    fn swap_content(&mut self, deck: Deck) {
        self.pending_deck = None;
        if let Some(paths) = self.fleet.shown() {
            // Reloads and the content watcher follow the bundle's folder from now on.
            self.content_paths = Some(paths);
            self.watcher = None;
            self.watch_again = true;
        }
        self.images = ImageCache::default();
        self.diagrams = DiagramCache::default();
        let language = deck.language(self.session.language.unwrap_or(deck.default_language));
        if let Screen::Page(at) = self.session.screen
            && language.page(at).is_none()
        {
            self.session.screen = Screen::Home;
        }
        self.session.open_hotspot = None;
        self.session.diagram_steps.clear();
        self.session.scroll_to_top = true;
        log::info!("showing new content: {} pages", deck.page_count());
        self.handouts.content_changed();
        self.content = Content::Ready(deck);
    }

    /// Asks "Are you still there?" after `idle_timeout_secs` without a touch, and starts over
    /// for the next patient `countdown_secs` later.
    pub fn set_idle_timing(&mut self, idle_timeout_secs: f64, countdown_secs: f64) {
        self.idle = IdleTimer::new(idle_timeout_secs, countdown_secs);
        self.settings.idle_timeout_secs = idle_timeout_secs.round() as u32;
        self.settings.countdown_secs = countdown_secs.round() as u32;
    }

    /// Locks the kiosk (or unlocks it): while locked, every request to close the window (the
    /// window manager's close button, Alt+F4) is refused.
    pub fn set_locked(&mut self, locked: bool) {
        self.lock.locked = locked;
    }

    /// The current patient's session.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The content being shown.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The design tokens as the patient sees them (their text size and contrast).
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Applies the design tokens if the reader's choices changed since they were last applied
    /// (or they never were); true if it did.
    pub fn ensure_style(&mut self, ctx: &egui::Context) -> bool {
        let applied = self.styled_for != Some((self.session.text_size, self.session.high_contrast));
        if applied {
            self.apply_style(ctx);
        }
        applied
    }

    /// Applies the design tokens to `ctx`. Done on the first frame by [`Self::ui`]; call it
    /// earlier to have the very first frame right.
    pub fn apply_style(&mut self, ctx: &egui::Context) {
        let choice = (self.session.text_size, self.session.high_contrast);
        self.theme = self.tokens.for_reader(choice.0, choice.1);
        self.tools_theme = self.tokens.for_reader(TextSize::Normal, choice.1);
        if self.styled_for.is_none() {
            self.theme.apply(ctx);
        } else {
            self.theme.apply_style(ctx);
        }
        if self.window_clears_background {
            ctx.all_styles_mut(|style| style.visuals.panel_fill = egui::Color32::TRANSPARENT);
        }
        self.styled_for = Some(choice);
    }

    /// Says that the window clears every frame to [`Self::clear_color`] before egui paints.
    /// Screens then leave the page background out (their panels' fill is transparent), which
    /// spares a software renderer one blended pass over the whole screen per frame; the
    /// picture is the same. Call before [`Self::apply_style`]. Test harnesses, which clear to
    /// transparent, leave it off.
    pub fn set_window_clears_background(&mut self, clears: bool) {
        self.window_clears_background = clears;
        self.styled_for = None;
    }

    /// The page background, as a window's clear colour (gamma-space RGBA, 0 to 1).
    pub fn clear_color(&self) -> [f32; 4] {
        self.theme
            .colors
            .background
            .color32()
            .to_normalized_gamma_f32()
    }

    /// Adjusts a frame's input before egui sees it; every window the app runs in calls this.
    ///
    /// It keeps textures, the font atlas among them, to at most the `texture_max_side_px`
    /// token. egui makes its font atlas as wide as the GPU allows (16384 pixels with Mesa's
    /// llvmpipe), and each time the atlas grows it doubles in height: megabytes for a few
    /// hundred glyphs.
    pub fn raw_input_hook(&self, raw_input: &mut egui::RawInput) {
        let cap = self.theme.sizes.texture_max_side_px as usize;
        raw_input.max_texture_side =
            Some(raw_input.max_texture_side.map_or(cap, |side| side.min(cap)));
    }

    /// eframe's pass before each frame and for a window it does not draw (hidden or
    /// minimised): a kiosk told to stop closes, and a locked one brings its hidden window back.
    pub fn logic(&mut self, ctx: &egui::Context) {
        if self.exiting {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.lock.keep_hidden_window(ctx);
        }
    }

    /// Draws the current screen and carries out what it asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if self.exiting {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        } else {
            self.lock.keep_window_ui(ui.ctx());
        }
        self.now_secs = ui.input(|input| input.time);
        if self.consult && self.session.screen == Screen::Attract {
            // No invitation to touch in a consultation: straight to the topics.
            self.apply(Command::Home);
        }
        self.poll_handout_job(ui.ctx());
        self.poll_print_job(ui.ctx());
        self.handouts
            .remove_old_if_due(&self.settings, self.now_secs);
        if let Some(update) = self.watcher.as_ref().and_then(ContentWatcher::try_latest) {
            self.apply_content_update(update);
        }
        if let Some(deck) = self.fleet.poll() {
            self.apply_content_update(Ok(deck));
        }
        if std::mem::take(&mut self.watch_again) {
            self.watch_content(ui.ctx());
        }
        self.write_health_if_due(ui.ctx());
        let keys = self.keypad.keys_ui(ui.ctx());
        let gesture = self.staff_gesture_ui(ui);
        self.language_ui(ui.ctx());
        let (reading, reveal_reading) = self.listen_ui(ui.ctx());
        self.play_ui(ui.ctx());
        // What a screen reader's (or Tab's) focus was on as the frame began: a dialog that
        // appears takes it (egui drops the focus of what is under a dialog), and gives it back.
        let focused = ui.ctx().memory(|memory| memory.focused());
        let idle = self.idle_ui(ui.ctx(), focused);
        if self.ensure_style(ui.ctx()) {
            ui.ctx()
                .request_discard("the design tokens were just applied");
        }
        let command = match &self.content {
            // A locked kiosk is a patient's: no paths or pieces of files, only "back soon";
            // staff see the problems behind the PIN pad. An editor's window shows them.
            Content::Broken(_) if self.lock.locked => {
                screens::back_soon_ui(ui, &self.theme);
                self.staff_ui(ui.ctx())
            }
            Content::Broken(errors) => {
                screens::content_errors_ui(ui, &self.theme, errors);
                self.staff_ui(ui.ctx())
            }
            Content::Ready(deck) => {
                if self.session.scroll_to_top {
                    // A new screen: no fade or slide left over from the last visit may replay.
                    ui.ctx().clear_animations();
                }
                let language_index = self.session.language.unwrap_or(deck.default_language);
                let can_print = self.handouts.printer.is_some();
                let preview = if self.session.screen == Screen::Handout {
                    self.handouts.preview(
                        (deck, &self.tokens),
                        language_index,
                        (&self.session.handout, &self.session.ink),
                        self.settings.handout_paper,
                    )
                } else {
                    None
                };
                let mut screen = screens::ScreenContext {
                    keypad: self.keypad.is_on(),
                    reading,
                    reveal_reading,
                    listen: (self.listen.state(), self.listen.volume()),
                    play: (self.session.play.as_ref())
                        .map(|play| (play.diagram.clone(), play.paused())),
                    keep_reading: self.session.keep_reading,
                    theme: &self.theme,
                    tools_theme: &self.tools_theme,
                    deck,
                    language: deck.language(self.session.language.unwrap_or(deck.default_language)),
                    images: &mut self.images,
                    diagrams: &mut self.diagrams,
                    open_hotspot: self.session.open_hotspot.clone(),
                    reveal_explanation: self.session.reveal_explanation,
                    reveal_diagram: self.session.reveal_diagram.take(),
                    enlarged: self.session.enlarged,
                    diagram_steps: &self.session.diagram_steps,
                    consult: self.consult,
                    text_size: self.session.text_size,
                    high_contrast: self.session.high_contrast,
                    step_swipe_zones: Vec::new(),
                    ink: screens::InkContext {
                        strokes: &self.session.ink,
                        tool: self.session.ink_tool,
                        pen: self.session.pen,
                        handout: &self.session.handout,
                        areas: Vec::new(),
                        typing: self.session.typing,
                    },
                };
                let command = match self.session.screen {
                    Screen::Attract => {
                        let now_secs = ui.input(|input| input.time);
                        screens::attract_ui(ui, &mut screen, now_secs)
                    }
                    Screen::Home => screens::home_ui(
                        ui,
                        &mut screen,
                        self.session.scroll_to_top,
                        &self.session.seen_topics,
                    ),
                    Screen::Index => screens::index_ui(
                        ui,
                        &mut screen,
                        self.session.scroll_to_top,
                        &self.session.index_query,
                    ),
                    Screen::Page(at) => screens::page_ui(
                        ui,
                        &mut screen,
                        (&mut self.session.swipe, &mut self.session.ink_input),
                        self.session.scroll_to_top,
                        at,
                    ),
                    Screen::Handout => screens::handout_ui(
                        ui,
                        &mut screen,
                        self.session.scroll_to_top,
                        screens::HandoutDeskView {
                            status: self.session.handout_status.as_ref(),
                            can_print,
                            preview,
                        },
                    ),
                    Screen::Quiz { topic, question } => {
                        let at = (topic, question);
                        let questions = (screen.language.topics.get(topic))
                            .map_or(&[][..], |found| found.quiz.as_slice());
                        let answers = screens::QuizAnswers {
                            chosen: self.session.quiz_choices(at),
                            shown: self.session.quiz_showing(at),
                            right_first: self.session.quiz_right_first(topic, questions),
                        };
                        screens::quiz_ui(ui, &mut screen, self.session.scroll_to_top, at, &answers)
                    }
                };
                self.session.scroll_to_top = false;
                self.session.reveal_explanation = false;
                // Over the screen, the staff's panel takes every tap.
                if self.session.staff.is_some() {
                    self.staff_ui(ui.ctx())
                } else {
                    command
                }
            }
        };
        screens::focus_ring_ui(ui.ctx(), &self.theme);
        tree_places::place_unplaced_nodes(ui.ctx(), ui.unique_id());
        let keypad = self.keypad_ui(ui.ctx(), keys);
        let command = gesture.or(command).or(idle).or(keypad);
        if let Some(command) = command {
            self.apply(command);
            // The screen this frame drew is out of date: draw it again before painting, so a
            // tap shows its result in the very next picture (not one frame of the old screen,
            // then another of the new). Where egui has no pass left, the next frame does it.
            ui.ctx().request_discard("a command changed the screen");
            if !ui.ctx().will_discard() {
                ui.ctx().request_repaint();
            }
        }
    }

    /// Keeps the idle countdown: notes touches, asks "Are you still there?" when it is time,
    /// and starts over for the next patient when nobody answers. Repaints only when the
    /// countdown has something new to show.
    fn idle_ui(&mut self, ctx: &egui::Context, focused: Option<egui::Id>) -> Option<Command> {
        let now_secs = ctx.input(|input| input.time);
        let touched = ctx.input(|input| {
            input.events.iter().any(|event| {
                matches!(
                    event,
                    egui::Event::PointerButton { .. }
                        | egui::Event::PointerMoved(_)
                        | egui::Event::Touch { .. }
                        | egui::Event::MouseWheel { .. }
                        | egui::Event::Key { .. }
                        // A screen reader's or a switch's action (AT-SPI "click") is the
                        // patient's touch too: a blind patient is never reset mid-page.
                        | egui::Event::AccessKitActionRequest(_)
                )
            })
        });
        if touched || self.session == Session::default() {
            // Nothing to protect on a fresh start: the clock runs from the first touch.
            self.idle.touched(now_secs);
            self.keypad.warn_once(false);
            screens::give_focus_back(ctx);
            return None;
        }
        match self.idle.state(now_secs) {
            IdleState::Active { secs_left } => {
                self.keypad.warn_once(false);
                screens::give_focus_back(ctx);
                ctx.request_repaint_after_secs(secs_left as f32);
                None
            }
            IdleState::Asking { secs_left } => {
                // Once a second, as the number on screen changes.
                let to_next_second = secs_left - (secs_left.ceil() - 1.0);
                ctx.request_repaint_after_secs(to_next_second.max(0.05) as f32);
                let Content::Ready(deck) = &self.content else {
                    return None;
                };
                let language =
                    deck.language(self.session.language.unwrap_or(deck.default_language));
                let interface = &language.interface;
                if self.keypad.warn_once(true) {
                    // A blind keypad user cannot see the question: it is said, once.
                    let seconds = (secs_left.ceil() as u64).to_string();
                    let said = vec![
                        interface.still_there_title.clone(),
                        interface
                            .still_there_countdown
                            .replace("{seconds}", &seconds),
                        interface.still_there_button.clone(),
                    ];
                    let showing = self.said_showing(deck);
                    self.listen.say(deck, &showing, said);
                }
                screens::still_there_ui(ctx, &self.theme, interface, (secs_left, focused))
            }
            IdleState::Expired => Some(Command::StartOver),
        }
    }

    /// Speech mode's frame: says what the patient moved to, the Help key's words, and where
    /// Back has nowhere to go; returns the screen Back asked for.
    fn keypad_ui(&mut self, ctx: &egui::Context, keys: keypad::KeypadKeys) -> Option<Command> {
        let Content::Ready(deck) = &self.content else {
            return None;
        };
        let language = language_of(deck, &self.session);
        let words = &language.interface.keypad;
        let title = self.screen_title(deck);
        let screen = self.session.screen;
        let mut said = Vec::new();
        let mut command = None;
        if keys.back && self.session.staff.is_none() {
            command = match screen {
                _ if self.session.enlarged => Some(Command::Enlarge(false)),
                _ if self.session.open_hotspot.is_some() => Some(Command::CloseHotspot),
                Screen::Page(_) | Screen::Quiz { .. } => Some(Command::Back),
                Screen::Index | Screen::Handout => Some(Command::Home),
                Screen::Home | Screen::Attract => None,
            };
            if command.is_none() {
                said.push(words.no_back.clone());
            }
        }
        if keys.back && command.is_none() {
            // Escape took egui's focus; Back went nowhere, so the focus stays where it was.
            self.keypad.keep_focus(ctx);
        }
        if let Some(moved) = self.keypad.moved_to(ctx, words, (screen, &title)) {
            said.push(moved);
        }
        if keys.help {
            said = self.keypad.help(words, &title);
        } else if keys.lost {
            said.push(words.nothing_focused.clone());
        }
        if !said.is_empty() {
            let showing = self.said_showing(deck);
            self.listen.say(deck, &showing, said);
        }
        command
    }

    /// The screen as the voice knows it, for words said there (on any screen, not only one
    /// Listen reads).
    fn said_showing(&self, deck: &Deck) -> listen::Showing {
        self.listen_showing(deck).unwrap_or(listen::Showing {
            screen: self.session.screen,
            language: self.session.language.unwrap_or(deck.default_language),
            step: None,
            hotspot: None,
            answered: None,
        })
    }

    /// The title of the screen showing, as speech mode says where the patient is.
    fn screen_title(&self, deck: &Deck) -> String {
        let language = language_of(deck, &self.session);
        let interface = &language.interface;
        match self.session.screen {
            Screen::Attract => interface.attract_title.clone(),
            Screen::Home => interface.home_title.clone(),
            Screen::Index => interface.index.clone(),
            Screen::Handout => interface.handout.title.clone(),
            Screen::Page(at) => language
                .page(at)
                .map_or_else(|| interface.home_title.clone(), |page| page.title.clone()),
            Screen::Quiz { topic, .. } => {
                let topic = language.topics.get(topic).map(|t| t.title.as_str());
                format!("{}: {}", interface.quiz_title, topic.unwrap_or_default())
            }
        }
    }

    /// The Listen button's frame: what is being read, and while it reads, the patient counts
    /// as active (a blind patient listening touches nothing).
    fn listen_ui(&mut self, ctx: &egui::Context) -> (Option<ReadingNow>, bool) {
        let now_secs = ctx.input(|input| input.time);
        let (deck, showing) = match &self.content {
            Content::Ready(deck) => (Some(deck), self.listen_showing(deck)),
            Content::Broken(_) => (None, None),
        };
        let reading = self.listen.update(ctx, deck, now_secs, showing);
        if self.listen.busy() {
            self.idle.touched(now_secs);
        }
        if self.listen.take_read_to_the_end()
            && self.session.keep_reading
            && self.session.play.is_none()
            && matches!(self.session.screen, Screen::Page(_))
        {
            // Keep reading: the next page (or the topic's quiz), read from its top.
            self.apply(Command::Next);
            if matches!(self.session.screen, Screen::Page(_) | Screen::Quiz { .. }) {
                self.apply_listen(ListenCommand::Start);
            }
        }
        reading
    }

    /// Tells screen readers the language of everything on screen (a tree's nodes inherit it
    /// from the root), so Orca speaks Spanish with a Spanish voice.
    fn language_ui(&self, ctx: &egui::Context) {
        let code = match &self.content {
            Content::Ready(deck) => deck
                .language(self.session.language.unwrap_or(deck.default_language))
                .code
                .clone(),
            Content::Broken(_) => return,
        };
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |root| root.set_language(code));
    }

    /// What the screen shows that the voice can read (a page or a quiz question).
    fn listen_showing(&self, deck: &Deck) -> Option<listen::Showing> {
        let session = &self.session;
        let language = session.language.unwrap_or(deck.default_language);
        let (step, answered) = match session.screen {
            Screen::Page(at) => {
                let page = deck.language(language).page(at)?;
                let step = page.diagram_ids().next().map(|id| {
                    let step = session.diagram_steps.get(id).copied().unwrap_or(0);
                    (id.clone(), step)
                });
                (step, None)
            }
            Screen::Quiz { topic, question } => (None, session.quiz_showing((topic, question))),
            _ => return None,
        };
        Some(listen::Showing {
            screen: session.screen,
            language,
            step,
            hotspot: (session.open_hotspot.as_ref())
                .map(|open| (open.diagram.clone(), open.hotspot.clone())),
            answered,
        })
    }

    fn apply_listen(&mut self, command: ListenCommand) {
        if self.session.play.is_some() {
            // While a walk-through plays, the voice is Play's: its Pause and Stop are Play's.
            match command {
                ListenCommand::Pause => return self.apply_play(crate::play::PlayCommand::Pause),
                ListenCommand::Stop => return self.apply_play(crate::play::PlayCommand::Stop),
                ListenCommand::Start => self.apply_play(crate::play::PlayCommand::Stop),
                ListenCommand::Volume(_) | ListenCommand::KeepReading(_) => {}
            }
        }
        let Content::Ready(deck) = &self.content else {
            return;
        };
        match command {
            ListenCommand::Start => {
                if let Some(showing) = self.listen_showing(deck) {
                    self.listen.start(deck, &showing);
                }
            }
            ListenCommand::Pause => self.listen.pause(self.now_secs),
            ListenCommand::Stop => self.listen.stop(),
            ListenCommand::Volume(louder) => self.listen.change_volume(louder, self.now_secs),
            ListenCommand::KeepReading(on) => self.session.keep_reading = on,
        }
    }

    /// Carries out a command.
    pub fn apply(&mut self, command: Command) {
        if let Command::OpenDiagramStep { at, diagram, step } = command {
            // The page first (a new page forgets every step), then the step, in view.
            self.apply(Command::Open(at));
            let last = deck_diagram_last_step(&self.content, &diagram);
            self.session
                .diagram_steps
                .insert(diagram.clone(), step.min(last));
            self.session.reveal_diagram = Some(diagram);
            return;
        }
        let Content::Ready(deck) = &self.content else {
            // Content that cannot be shown: only the staff's panel, and the idle reset that
            // closes it, do anything.
            match command {
                Command::Staff(staff) => self.apply_staff(staff),
                Command::StartOver => self.start_over(),
                _ => {}
            }
            return;
        };
        let command = match command {
            Command::Staff(staff) => {
                self.apply_staff(staff);
                return;
            }
            Command::Listen(listen) => {
                self.apply_listen(listen);
                return;
            }
            Command::Play(play) => {
                self.apply_play(play);
                return;
            }
            Command::Consult(consult) if consult != ConsultCommand::OpenHandout => {
                self.apply_consult(consult);
                return;
            }
            Command::ToggleHotspot { diagram, hotspot } => {
                // Only a part of a diagram on the page showing can open.
                let on_page = match self.session.screen {
                    Screen::Page(at) => language_of(deck, &self.session)
                        .page(at)
                        .is_some_and(|page| page.diagram_ids().any(|id| *id == diagram)),
                    _ => false,
                };
                let exists = deck
                    .diagrams
                    .get(&diagram)
                    .is_some_and(|d| d.hotspots.iter().any(|h| h.id == hotspot));
                if !on_page || !exists {
                    return;
                }
                if let Some(play) = &mut self.session.play {
                    // A part tapped while the walk-through plays: it waits while the patient
                    // reads (or hears) about the part.
                    play.pause(self.now_secs);
                }
                let tapped = OpenHotspot { diagram, hotspot };
                let open = &mut self.session.open_hotspot;
                *open = if open.as_ref() == Some(&tapped) {
                    None
                } else {
                    self.usage.hotspot_tapped();
                    Some(tapped)
                };
                self.session.reveal_explanation = open.is_some();
                return;
            }
            Command::StillHere => {
                // The tap itself restarted the idle clock.
                return;
            }
            Command::StartOver => {
                self.start_over();
                return;
            }
            Command::RevealDiagram(diagram) => {
                self.session.reveal_diagram = Some(diagram);
                return;
            }
            Command::StepDiagram { diagram, forward } => {
                let last = deck.diagrams.get(&diagram).map_or(0, Diagram::last_step);
                let step = self
                    .session
                    .diagram_steps
                    .entry(diagram.clone())
                    .or_default();
                let moved = if forward {
                    (*step + 1).min(last)
                } else {
                    step.saturating_sub(1)
                };
                if moved != *step {
                    if forward {
                        self.usage.step_completed();
                    }
                    *step = moved;
                    // What was open on this diagram may belong to a part this step hides.
                    let open = &mut self.session.open_hotspot;
                    if open.as_ref().is_some_and(|open| open.diagram == diagram) {
                        *open = None;
                    }
                }
                return;
            }
            Command::CloseHotspot => {
                self.session.open_hotspot = None;
                return;
            }
            Command::Enlarge(on) => {
                // Only a page's figure can be enlarged.
                let has_figure = match self.session.screen {
                    Screen::Page(at) => language_of(deck, &self.session)
                        .page(at)
                        .is_some_and(|page| page.figure().is_some()),
                    _ => false,
                };
                self.session.enlarged = on && has_figure;
                return;
            }
            Command::Back if self.session.enlarged => {
                // Back from the enlarged figure is the page, as it was.
                self.session.enlarged = false;
                return;
            }
            Command::ChooseLanguage(index) => {
                if let Some(language) = deck.languages.get(index) {
                    self.session.language = Some(index);
                    self.usage.language_chosen(&language.code);
                }
                if self.session.screen != Screen::Attract {
                    // The same page, now in the other language.
                    return;
                }
                Command::Home
            }
            Command::Answer(answer) => {
                if let Some((at, asked)) = quiz_question(deck, &self.session)
                    && let Some(first_right) = self.session.answer_quiz(at, asked, answer)
                {
                    self.usage.quiz_answered(first_right);
                }
                return;
            }
            Command::TryAgain => {
                if let Some((at, asked)) = quiz_question(deck, &self.session) {
                    self.session.try_quiz_again(at, asked);
                }
                return;
            }
            Command::Search(words) => {
                self.session.index_query = words;
                return;
            }
            Command::SetTextSize(size) => {
                self.session.text_size = size;
                return;
            }
            Command::SetHighContrast(on) => {
                self.session.high_contrast = on;
                return;
            }
            navigation => navigation,
        };
        let language = deck.language(self.session.language.unwrap_or(deck.default_language));
        let next_screen = match (command, self.session.screen) {
            (Command::Home, _) => Screen::Home,
            (Command::Open(at), _) => match language.page(at) {
                Some(_) => Screen::Page(at),
                None => self.session.screen,
            },
            (Command::OpenIndex, _) if self.consult => Screen::Index,
            (Command::Consult(ConsultCommand::OpenHandout), _) if self.consult => Screen::Handout,
            (Command::OpenQuiz(topic), _) => match language.topics.get(topic) {
                Some(found) if !found.quiz.is_empty() => Screen::Quiz { topic, question: 0 },
                _ => self.session.screen,
            },
            (Command::Next, Screen::Page(at)) => {
                let topic = language.topics.get(at.topic);
                let pages = topic.map_or(0, |t| t.pages.len());
                if at.page + 1 < pages {
                    Screen::Page(PageRef {
                        page: at.page + 1,
                        ..at
                    })
                } else if topic.is_some_and(|t| !t.quiz.is_empty()) {
                    // A topic with a quiz ends with it.
                    Screen::Quiz {
                        topic: at.topic,
                        question: 0,
                    }
                } else {
                    first_page_after(language, at.topic)
                }
            }
            (Command::Next, Screen::Quiz { topic, question }) => {
                let questions = language.topics.get(topic).map_or(0, |t| t.quiz.len());
                if question + 1 < questions {
                    Screen::Quiz {
                        topic,
                        question: question + 1,
                    }
                } else {
                    first_page_after(language, topic)
                }
            }
            (Command::Back, Screen::Page(at)) if at.page > 0 => Screen::Page(PageRef {
                page: at.page - 1,
                ..at
            }),
            (Command::Back, Screen::Page(_)) => Screen::Home,
            (Command::Back, Screen::Quiz { topic, question }) if question > 0 => Screen::Quiz {
                topic,
                question: question - 1,
            },
            (Command::Back, Screen::Quiz { topic, .. }) => {
                let pages = language.topics.get(topic).map_or(0, |t| t.pages.len());
                Screen::Page(PageRef {
                    topic,
                    page: pages.saturating_sub(1),
                })
            }
            (
                Command::Next | Command::Back,
                screen @ (Screen::Home | Screen::Attract | Screen::Index | Screen::Handout),
            ) => screen,
            (
                Command::ToggleHotspot { .. }
                | Command::CloseHotspot
                | Command::Enlarge(_)
                | Command::RevealDiagram(_)
                | Command::ChooseLanguage(_)
                | Command::StillHere
                | Command::StartOver
                | Command::StepDiagram { .. }
                | Command::SetTextSize(_)
                | Command::SetHighContrast(_)
                | Command::Answer(_)
                | Command::TryAgain
                | Command::OpenIndex
                | Command::Search(_)
                | Command::OpenDiagramStep { .. }
                | Command::Staff(_)
                | Command::Listen(_)
                | Command::Play(_)
                | Command::Consult(_),
                screen,
            ) => screen,
        };
        if next_screen != self.session.screen {
            if self.session.screen == Screen::Attract && !self.consult {
                self.usage.visit_started(&language.code, self.now_secs);
            }
            let page_id = match next_screen {
                Screen::Page(at) => language.page(at).map(|page| page.id.as_str()),
                Screen::Home
                | Screen::Attract
                | Screen::Index
                | Screen::Handout
                | Screen::Quiz { .. } => None,
            };
            self.usage.screen_shown(page_id, self.now_secs);
            self.session.screen = next_screen;
            self.session.scroll_to_top = true;
            self.session.quiz_trying = None;
            if let Screen::Page(at) = next_screen {
                self.session.seen_topics.insert(at.topic);
            }
            self.session.open_hotspot = None;
            self.session.diagram_steps.clear();
            self.session.enlarged = false;
            self.session.ink_input = InkInput::default();
            self.session.typing = None;
        }
    }
}

/// The last step of the diagram `id` in `content`, counting from 0 (0 without steps).
fn deck_diagram_last_step(content: &Content, id: &str) -> usize {
    match content {
        Content::Ready(deck) => deck.diagrams.get(id).map_or(0, Diagram::last_step),
        Content::Broken(_) => 0,
    }
}

/// The first page of the topic after `topic`, or home after the last topic.
fn first_page_after(language: &crate::content::Language, topic: usize) -> Screen {
    if topic + 1 < language.topics.len() {
        Screen::Page(PageRef {
            topic: topic + 1,
            page: 0,
        })
    } else {
        Screen::Home
    }
}

/// The language the session shows.
/// The quiz question showing, where it is, if a quiz question shows.
fn quiz_question<'a>(
    deck: &'a Deck,
    session: &Session,
) -> Option<((usize, usize), &'a crate::content::model::Question)> {
    let Screen::Quiz { topic, question } = session.screen else {
        return None;
    };
    let asked = language_of(deck, session)
        .topics
        .get(topic)?
        .quiz
        .get(question)?;
    Some(((topic, question), asked))
}

fn language_of<'a>(deck: &'a Deck, session: &Session) -> &'a crate::content::Language {
    deck.language(session.language.unwrap_or(deck.default_language))
}

impl eframe::App for KioskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        KioskApp::ui(self, ui);
    }
}
