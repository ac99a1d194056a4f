//! `patient-kiosk render`: opens the kiosk window and saves a screenshot of the home screen and
//! of every page (and of every further step of a page's walk-through diagram), through the
//! same renderer patients see.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};

use anyhow::Context as _;

use crate::app::{Command, Content, KioskApp};
use crate::content::Deck;
use crate::theme::TextSize;

/// Frames drawn on a screen before its screenshot, so layout has settled.
const SETTLE_FRAMES: u32 = 3;

/// Steps through every screen, saving each as `<out>/<id>.png`.
pub struct RenderApp {
    app: KioskApp,
    /// Each screenshot's name and the commands that set its screen up.
    queue: Vec<(String, Vec<Command>)>,
    index: usize,
    frames_on_screen: u32,
    /// When the current screen was asked for, in egui's seconds.
    shown_at_secs: f64,
    pending: Option<Receiver<Arc<egui::ColorImage>>>,
    out_dir: PathBuf,
    report: Arc<Mutex<RenderReport>>,
}

/// What a render run wrote, and what went wrong.
#[derive(Debug, Default)]
pub struct RenderReport {
    /// Files written.
    pub written: Vec<PathBuf>,
    /// Files that could not be written.
    pub failed: Vec<String>,
}

/// How the pages are shown for their pictures.
#[derive(Clone, Debug, Default)]
pub struct RenderSetup {
    /// The language's index in the deck.
    pub language: usize,
    /// The text size a patient chose.
    pub text_size: TextSize,
    /// The high-contrast look.
    pub high_contrast: bool,
    /// Every further step of each walk-through too.
    pub steps: bool,
    /// Each page whose diagram has this hotspot, with it open too.
    pub hotspot: Option<String>,
}

impl RenderApp {
    /// Renders the home screen and every page of `app` into `out_dir`, or only the pages
    /// named in `only` when it is not empty, as `setup` shows them; the report is filled in
    /// as it goes.
    pub fn new(
        app: KioskApp,
        out_dir: &Path,
        (only, setup): (&[String], &RenderSetup),
        report: Arc<Mutex<RenderReport>>,
    ) -> Self {
        let mut queue = Vec::new();
        let reading = vec![
            Command::ChooseLanguage(setup.language),
            Command::SetTextSize(setup.text_size),
            Command::SetHighContrast(setup.high_contrast),
        ];
        if only.is_empty() || only.iter().any(|id| id == "home") {
            let home = reading.iter().cloned().chain([Command::Home]).collect();
            queue.push(("home".to_owned(), home));
        }
        if let Content::Ready(deck) = app.content() {
            let mut screens = every_view(deck, setup, only);
            if let Some((_, first)) = screens.first_mut() {
                first.splice(0..0, reading);
            }
            queue.extend(screens);
        }
        Self {
            app,
            queue,
            index: 0,
            frames_on_screen: 0,
            shown_at_secs: 0.0,
            pending: None,
            out_dir: out_dir.to_path_buf(),
            report,
        }
    }

    /// How long a diagram's step takes to settle: its fades and its motions.
    fn settle_secs(&self) -> f32 {
        let sizes = &self.app.theme().sizes;
        sizes.step_animation_secs.max(sizes.motion_secs)
    }

    fn save_png(&self, name: &str, image: &egui::ColorImage) -> anyhow::Result<PathBuf> {
        let [width, height] = image.size;
        let bytes: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|pixel| pixel.to_array())
            .collect();
        let path = self.out_dir.join(format!("{name}.png"));
        image::save_buffer(
            &path,
            &bytes,
            width as u32,
            height as u32,
            image::ColorType::Rgba8,
        )
        .with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }
}

/// Every page of a language (or only those named in `only`, when it is not empty), and every
/// further step of each page's walk-through diagrams: each screen's name and the commands that
/// bring a kiosk to it from anywhere.
pub fn every_screen(deck: &Deck, language: usize, only: &[String]) -> Vec<(String, Vec<Command>)> {
    let setup = RenderSetup {
        language,
        steps: true,
        ..RenderSetup::default()
    };
    every_view(deck, &setup, only)
}

/// The pages as `setup` asks for them: each page, with every further step of its walk-throughs
/// if asked, and with the asked hotspot open where its diagram has it.
fn every_view(deck: &Deck, setup: &RenderSetup, only: &[String]) -> Vec<(String, Vec<Command>)> {
    let mut queue = Vec::new();
    let language = deck.language(setup.language);
    for (at, page) in language
        .pages()
        .filter(|(_, page)| only.is_empty() || only.contains(&page.id))
    {
        queue.push((page.id.clone(), vec![Command::Open(at)]));
        for diagram in page.diagram_ids().filter_map(|id| deck.diagrams.get(id)) {
            if let Some(hotspot) =
                (setup.hotspot.as_ref()).filter(|id| diagram.hotspots.iter().any(|h| h.id == **id))
            {
                let open = Command::ToggleHotspot {
                    diagram: diagram.id.clone(),
                    hotspot: hotspot.clone(),
                };
                let name = format!("{}-hotspot-{hotspot}", page.id);
                queue.push((name, vec![open]));
            }
            if !setup.steps {
                continue;
            }
            queue.extend((1..diagram.steps.len()).map(|step| {
                let name = format!("{}-{}-step-{}", page.id, diagram.id, step + 1);
                let id = diagram.id.clone();
                // Scrolled into view, in case the page is taller than the window.
                let next = Command::StepDiagram {
                    diagram: id.clone(),
                    forward: true,
                };
                // A part opened for the picture before closes (turning the page closes it too).
                (
                    name,
                    vec![Command::CloseHotspot, next, Command::RevealDiagram(id)],
                )
            }));
        }
    }
    queue
}

/// The kiosk drawn without a window: egui's pass and its tessellation, as each frame on the
/// screen has them, for tests and benchmarks of what content costs to draw.
pub struct Headless {
    ctx: egui::Context,
    app: KioskApp,
    time_secs: f64,
    size: egui::Vec2,
    scale: f32,
}

impl Headless {
    /// `app` on a screen of `size` points.
    pub fn new(app: KioskApp, size: egui::Vec2) -> Self {
        Self {
            ctx: egui::Context::default(),
            app,
            time_secs: 0.0,
            size,
            scale: 1.0,
        }
    }

    /// The same at `scale` pixels per point (a 4K screen at 2), its size still in points.
    pub fn scale(mut self, scale: f32) -> Self {
        self.scale = scale;
        self
    }

    /// The app.
    pub fn app(&self) -> &KioskApp {
        &self.app
    }

    /// The app, to change.
    pub fn app_mut(&mut self) -> &mut KioskApp {
        &mut self.app
    }

    /// The screen's size in points.
    pub fn size(&self) -> egui::Vec2 {
        self.size
    }

    /// Shows the screen at another size from the next frame on.
    pub fn resize(&mut self, size: egui::Vec2) {
        self.size = size;
    }

    /// One frame, `after_secs` after the last, without tessellating it.
    fn pass(&mut self, after_secs: f64) -> egui::FullOutput {
        self.time_secs += after_secs;
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, self.size)),
            time: Some(self.time_secs),
            ..Default::default()
        };
        input
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(self.scale);
        self.app.raw_input_hook(&mut input);
        let mut output = self.ctx.run_ui(input, |ui| self.app.ui(ui));
        // No GPU takes the textures: they are dropped here, as a renderer would take them.
        output.textures_delta.clear();
        output
    }

    /// One more frame of the screen showing, read for what a person would see go wrong on it
    /// (see [`crate::overlap`]).
    pub fn problems(&mut self) -> Vec<crate::overlap::Finding> {
        let (output, screen) = self.read_frame();
        let tree = output.platform_output.accesskit_update.as_ref();
        crate::overlap::check(&output.shapes, tree, screen)
    }

    /// One more frame of the screen showing: everything [`crate::overlap::describe`] sees.
    pub fn describe(&mut self) -> Vec<String> {
        let (output, screen) = self.read_frame();
        let tree = output.platform_output.accesskit_update.as_ref();
        crate::overlap::describe(&output.shapes, tree, screen)
    }

    /// One more frame with its AccessKit tree, and the screen it was drawn on.
    fn read_frame(&mut self) -> (egui::FullOutput, egui::Rect) {
        self.ctx.enable_accesskit();
        // The first frame with AccessKit on builds its tree; the second is read.
        self.pass(1.0 / 60.0);
        let output = self.pass(1.0 / 60.0);
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, self.size);
        (output, screen)
    }

    /// One frame, `after_secs` after the last: how many vertices it drew.
    pub fn frame(&mut self, after_secs: f64) -> usize {
        let output = self.pass(after_secs);
        (self.ctx.tessellate(output.shapes, output.pixels_per_point))
            .iter()
            .map(|clipped| match &clipped.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }

    /// Applies `commands`, then draws frames through its animations (and until its pictures
    /// are decoded): the vertices of the settled frame.
    pub fn show(&mut self, commands: Vec<Command>) -> usize {
        for command in commands {
            self.app.apply(command);
        }
        let sizes = &self.app.theme().sizes;
        let settle_secs = f64::from(sizes.step_animation_secs.max(sizes.motion_secs));
        self.frame(1.0 / 60.0);
        self.frame(settle_secs / 2.0);
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while self.app.pictures_loading() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(1));
            self.frame(1.0 / 60.0);
        }
        self.frame(settle_secs);
        self.frame(1.0 / 60.0)
    }
}

impl eframe::App for RenderApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        self.app.raw_input_hook(raw_input);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let Some((name, commands)) = self.queue.get(self.index).cloned() else {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        };
        let now_secs = ctx.input(|input| input.time);
        if self.frames_on_screen == 0 {
            for command in commands {
                self.app.apply(command);
            }
            self.shown_at_secs = now_secs;
        }
        self.app.ui(ui);
        self.frames_on_screen += 1;
        ctx.request_repaint();

        if let Some(receiver) = &self.pending {
            if let Ok(image) = receiver.try_recv() {
                let result = self.save_png(&name, &image);
                if let Ok(mut report) = self.report.lock() {
                    match result {
                        Ok(path) => report.written.push(path),
                        Err(error) => report.failed.push(format!("{error:#}")),
                    }
                }
                self.pending = None;
                self.index += 1;
                self.frames_on_screen = 0;
            }
        } else if self.frames_on_screen >= SETTLE_FRAMES
            // A step change animates; wait until it is over, and for its pictures.
            && now_secs - self.shown_at_secs > f64::from(self.settle_secs())
            && !self.app.pictures_loading()
        {
            let (sender, receiver) = channel();
            ctx.request_screenshot(move |image| {
                // The receiver only goes away when the window closes; nothing to do then.
                let _ = sender.send(image);
            });
            self.pending = Some(receiver);
        }
    }
}
