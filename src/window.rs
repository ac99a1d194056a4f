//! The kiosk in a real window: window options, and a frame log for measuring.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::app::KioskApp;

/// Which eframe renderer draws the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RendererChoice {
    /// OpenGL through glow: the lighter one under software rendering (see README).
    #[default]
    Glow,
    /// wgpu (Vulkan, GL or Metal); only in builds with the `wgpu` cargo feature.
    Wgpu,
}

impl RendererChoice {
    /// The eframe renderer, if this build has it.
    pub fn renderer(self) -> Result<eframe::Renderer, String> {
        match self {
            Self::Glow => Ok(eframe::Renderer::Glow),
            #[cfg(feature = "wgpu")]
            Self::Wgpu => Ok(eframe::Renderer::Wgpu),
            #[cfg(not(feature = "wgpu"))]
            Self::Wgpu => {
                Err("this build has no wgpu renderer: build it with `--features wgpu`".to_owned())
            }
        }
    }
}

/// A window size in logical points, written `WIDTHxHEIGHT`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WindowSize {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
}

impl std::str::FromStr for WindowSize {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parse = |part: &str| part.trim().parse::<u16>().ok().filter(|&n| n >= 200);
        let (width, height) = text
            .split_once(['x', 'X'])
            .and_then(|(w, h)| Some((parse(w)?, parse(h)?)))
            .ok_or_else(|| {
                format!("expected a size like 1920x1080 (each side 200 to 65535), found \"{text}\"")
            })?;
        Ok(Self {
            width: f32::from(width),
            height: f32::from(height),
        })
    }
}

/// eframe options for the kiosk window; a `locked` kiosk is fullscreen without decorations.
pub fn native_options(
    size: WindowSize,
    fullscreen: bool,
    locked: bool,
    renderer: RendererChoice,
) -> Result<eframe::NativeOptions, String> {
    Ok(eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Patient kiosk")
            .with_app_id("patient-kiosk")
            .with_inner_size([size.width, size.height])
            .with_min_inner_size([640.0, 480.0])
            // A locked kiosk fills the screen with no frame to drag or close.
            .with_fullscreen(fullscreen || locked)
            .with_decorations(!locked),
        renderer: renderer.renderer()?,
        // Dithering adds noise against banding in gradients; the kiosk's flat colours have
        // none, and the noise costs every pixel of every frame under software rendering.
        dithering: false,
        ..Default::default()
    })
}

static PROCESS_START: OnceLock<Instant> = OnceLock::new();

/// Marks the moment the program started; `main` calls it first, and the frame log counts
/// from it.
pub fn mark_process_start() -> Instant {
    *PROCESS_START.get_or_init(Instant::now)
}

/// Prints one line to stderr per frame painted, for `scripts/measure.sh` and
/// `scripts/compare.sh` to count: `frame N epoch_ms=... since_start_ms=... causes=...`, where
/// `since_start_ms` counts from `main` and `causes` lists what asked egui for this frame
/// (`file:line`, or `-` for input such as a touch).
pub struct FrameLog {
    started: Instant,
    frames: u64,
}

impl FrameLog {
    /// Starts counting from the program's start (or from now, if that was not marked).
    pub fn new() -> Self {
        Self {
            started: mark_process_start(),
            frames: 0,
        }
    }

    /// Records one pass of egui over the screen: a frame painted, or (`pass ...`) a pass whose
    /// picture is thrown away and drawn again at once, before anything is painted (a tap that
    /// changed the screen). `ctx` tells what asked for it and what input it brought.
    pub fn frame(&mut self, ctx: &egui::Context) {
        let input = input_kinds(ctx);
        if ctx.will_discard() {
            eprintln!(
                "pass discarded before frame {} input={input} (drawn again at once)",
                self.frames + 1
            );
            return;
        }
        self.frames += 1;
        let epoch_ms = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_millis());
        let mut causes: Vec<String> = ctx
            .repaint_causes()
            .iter()
            .map(|cause| format!("{}:{}", cause.file, cause.line))
            .collect();
        causes.dedup();
        let causes = if causes.is_empty() {
            "-".to_owned()
        } else {
            causes.join(",")
        };
        let pass = ctx.current_pass_index() + 1;
        eprintln!(
            "frame {} epoch_ms={epoch_ms} since_start_ms={} causes={causes} input={input} pass={pass}",
            self.frames,
            self.started.elapsed().as_millis()
        );
    }
}

/// The kinds of input a pass brought, as `press,release,move` (`-` for none): why a frame
/// without a repaint cause was painted.
fn input_kinds(ctx: &egui::Context) -> String {
    let mut kinds: Vec<&str> = ctx.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::PointerButton { pressed: true, .. } => Some("press"),
                egui::Event::PointerButton { pressed: false, .. } => Some("release"),
                egui::Event::PointerMoved(_) => Some("move"),
                egui::Event::PointerGone => Some("gone"),
                egui::Event::Touch { .. } => Some("touch"),
                egui::Event::MouseWheel { .. } => Some("wheel"),
                egui::Event::Key { .. } => Some("key"),
                egui::Event::WindowFocused(_) => Some("focus"),
                _ => None,
            })
            .collect()
    });
    kinds.dedup();
    if kinds.is_empty() {
        "-".to_owned()
    } else {
        kinds.join(",")
    }
}

impl Default for FrameLog {
    fn default() -> Self {
        Self::new()
    }
}

/// The word painted as the first frame by [`KioskWindow::probe_first_frame`].
pub const PROBE_WORD: &str = "patient-kiosk";

/// The kiosk app as an eframe window.
pub struct KioskWindow {
    app: KioskApp,
    frame_log: Option<FrameLog>,
    probe_pending: bool,
    /// SIGTERM, SIGINT or SIGHUP, once one came.
    stop: Option<crate::shutdown::StopRequest>,
}

impl KioskWindow {
    /// Wraps the app; with a frame log if frames should be counted.
    pub fn new(app: KioskApp, frame_log: Option<FrameLog>) -> Self {
        Self {
            app,
            frame_log,
            probe_pending: false,
            stop: None,
        }
    }

    /// For measuring: the first frame shows only [`PROBE_WORD`], and the kiosk the frame
    /// after. The time to it is what the window and renderer take to start.
    pub fn probe_first_frame(&mut self) {
        self.probe_pending = true;
    }

    /// The app inside.
    pub fn app(&self) -> &KioskApp {
        &self.app
    }

    /// Stops the kiosk cleanly once `stop` has a signal (see [`crate::shutdown`]).
    pub fn stop_on(&mut self, stop: crate::shutdown::StopRequest) {
        self.stop = Some(stop);
    }

    /// Paints one frame: the probe word if it is pending, else the kiosk (and it stops, if a
    /// stop signal came).
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.stop_if_signalled();
        if self.probe_pending {
            self.probe_pending = false;
            self.app.ensure_style(ui.ctx());
            ui.label(PROBE_WORD);
            ui.ctx().request_repaint();
        } else {
            self.app.ui(ui);
        }
        if let Some(log) = &mut self.frame_log {
            log.frame(ui.ctx());
        }
    }
}

impl KioskWindow {
    fn stop_if_signalled(&mut self) {
        if let Some(signal) = self
            .stop
            .as_ref()
            .and_then(crate::shutdown::StopRequest::signal)
        {
            self.app
                .stop_on_signal(crate::shutdown::signal_name(signal));
        }
    }

    /// eframe's pass without a frame (the window hidden or minimised): a stop signal is still
    /// obeyed, and a locked kiosk brings its window back.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.stop_if_signalled();
        self.app.logic(ctx);
    }
}

impl eframe::App for KioskWindow {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(raw_input);
    }

    fn clear_color(&self, _visuals: &egui::Visuals) -> [f32; 4] {
        self.app.clear_color()
    }

    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        KioskWindow::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        KioskWindow::ui(self, ui);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_refuse_nonsense() {
        assert_eq!(
            "1080x1920".parse::<WindowSize>(),
            Ok(WindowSize {
                width: 1080.0,
                height: 1920.0
            })
        );
        assert!("1080".parse::<WindowSize>().is_err());
        assert!("0x0".parse::<WindowSize>().is_err());
        assert!("axb".parse::<WindowSize>().is_err());
    }
}
