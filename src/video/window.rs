//! The window a video is drawn in: each frame is a shot of the [`Timeline`] at its own time
//! (set on egui's input, so motions play exactly as on the kiosk), read back and given to the
//! encoder. Frames where nothing moves are not drawn again: the last one is given once more.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use egui::{Align2, Rect, Ui, UiBuilder, pos2, vec2};

use super::encoder::{Encoder, FPS, VideoError};
use super::timeline::{Shot, Timeline};
use crate::content::Deck;
use crate::diagram::{DiagramCache, DiagramView};
use crate::images::ImageCache;
use crate::theme::{Theme, bold_font};

/// The captions' size on a TV across the waiting room.
const CAPTION_PT: f32 = 46.0;
/// The page title's size over the picture.
const TITLE_PT: f32 = 40.0;
/// How much larger the diagram's labels are than on the kiosk.
const LABEL_SCALE: f32 = 1.4;

/// How the making went, for the command line.
#[derive(Default)]
pub struct VideoReport {
    /// Frames given to the encoder.
    pub frames: u64,
    /// Frames drawn (the others repeat the one before).
    pub drawn: u64,
    /// What went wrong, if anything did.
    pub error: Option<String>,
}

/// The window's app: draws the frames the timeline needs and encodes them in order.
pub struct VideoApp {
    deck: Deck,
    language: usize,
    theme: Theme,
    timeline: Timeline,
    diagrams: DiagramCache,
    images: ImageCache,
    encoder: Option<Encoder>,
    frames_total: u64,
    /// The frame drawn this time round, once chosen.
    drawing: Option<u64>,
    /// The next frame to draw.
    next_to_draw: Option<u64>,
    /// Frames read back, waiting to be encoded in order.
    read_back: Arc<Mutex<BTreeMap<u64, Arc<egui::ColorImage>>>>,
    /// The next frame the encoder wants.
    next_to_encode: u64,
    /// Whether the first frame's picture has been asked for.
    primed: bool,
    report: Arc<Mutex<VideoReport>>,
}

impl VideoApp {
    /// A window making `timeline` with `encoder`, in `language` of `deck`.
    pub fn new(
        (deck, language): (Deck, usize),
        theme: Theme,
        timeline: Timeline,
        encoder: Encoder,
        report: Arc<Mutex<VideoReport>>,
    ) -> Self {
        let mut theme = theme;
        theme.diagram.label_pt *= LABEL_SCALE;
        theme.diagram.label_min_pt *= LABEL_SCALE;
        let frames_total = (timeline.duration_secs() * f64::from(FPS)).ceil() as u64;
        Self {
            deck,
            language,
            theme,
            timeline,
            diagrams: DiagramCache::default(),
            images: ImageCache::default(),
            encoder: Some(encoder),
            frames_total,
            drawing: None,
            next_to_draw: Some(0),
            read_back: Arc::default(),
            next_to_encode: 0,
            primed: false,
            report,
        }
    }

    fn secs(frame: u64) -> f64 {
        frame as f64 / f64::from(FPS)
    }

    /// Whether frame `frame` shows anything the one before did not: a new shot, or a shot's
    /// motion and fades, which play in its first moments.
    fn moves(&self, frame: u64) -> bool {
        if frame == 0 {
            return true;
        }
        let sizes = &self.theme.sizes;
        let settle_secs = f64::from(sizes.motion_secs.max(sizes.step_animation_secs)) + 0.2;
        let (now, before) = (Self::secs(frame), Self::secs(frame - 1));
        let shot = self.timeline.shot_at(now);
        shot != self.timeline.shot_at(before)
            || shot.is_some_and(|shot| now - shot.start_secs <= settle_secs)
    }

    /// The frame after `frame` that must be drawn, if any.
    fn next_moving(&self, frame: u64) -> Option<u64> {
        (frame + 1..self.frames_total).find(|&next| self.moves(next))
    }

    /// Encodes every frame read back that is next in order, each as many times as it stands
    /// for (until the next drawn frame).
    fn encode_ready(&mut self) -> Result<bool, VideoError> {
        loop {
            let frame = self.next_to_encode;
            if frame >= self.frames_total {
                return Ok(true);
            }
            let image = match self.read_back.lock() {
                Ok(mut read_back) => read_back.remove(&frame),
                Err(_) => return Err(VideoError::Failed("a frame was lost".to_owned())),
            };
            let Some(image) = image else {
                return Ok(false);
            };
            let (width, height) = super::SIZE_PX;
            if image.size != [width as usize, height as usize] {
                return Err(VideoError::Failed(format!(
                    "the window was drawn at {}x{} pixels, not {width}x{height}: draw on a \
                     screen of at least {width}x{height} at one pixel a point",
                    image.size[0], image.size[1]
                )));
            }
            let until = self.next_moving(frame).unwrap_or(self.frames_total);
            let rgba: &[u8] = bytemuck_rgba(&image);
            if let Some(encoder) = &mut self.encoder {
                encoder.frame(rgba, until - frame)?;
            }
            if let Ok(mut report) = self.report.lock() {
                report.frames += until - frame;
                report.drawn += 1;
            }
            self.next_to_encode = until;
        }
    }

    /// Draws the shot at `secs`: the page's title, the walk-through at its step, and the
    /// words as a caption across the bottom.
    fn scene_ui(&mut self, ui: &mut Ui, shot: &Shot) {
        let theme = &self.theme;
        let colors = &theme.colors;
        let words = self.deck.language(self.language);
        let screen = ui.max_rect();
        ui.painter()
            .rect_filled(screen, 0.0, colors.background.color32());
        let area = screen.shrink(48.0);
        let title = (words.page(shot.page)).map_or("", |page| page.title.as_str());
        let title = ui.painter().text(
            area.left_top(),
            Align2::LEFT_TOP,
            title,
            bold_font(TITLE_PT),
            colors.text.color32(),
        );
        if !shot.title
            && let Some(diagram) = self.deck.diagrams.get(&shot.diagram)
        {
            let total = diagram.steps.len();
            let step = (words.interface.step_of)
                .replace("{step}", &(shot.step + 1).to_string())
                .replace("{total}", &total.to_string());
            ui.painter().text(
                area.right_top(),
                Align2::RIGHT_TOP,
                step,
                bold_font(TITLE_PT * 0.75),
                colors.text_muted.color32(),
            );
        }
        // The caption: light words on a dark band, as on a TV; the band as tall as the
        // walk-through's longest words, so the drawing keeps its size from step to step.
        let pad = 24.0;
        let caption = |words: &str| {
            ui.painter().layout(
                words.to_owned(),
                bold_font(CAPTION_PT),
                colors.background.color32(),
                area.width() - 2.0 * pad,
            )
        };
        let galley = caption(&shot.words);
        let tallest = (self.timeline.shots.iter())
            .filter(|other| other.diagram == shot.diagram && other.page == shot.page)
            .map(|other| caption(&other.words).size().y)
            .fold(galley.size().y, f32::max);
        let band = Rect::from_min_max(
            pos2(area.left(), area.bottom() - tallest - 2.0 * pad),
            area.right_bottom(),
        );
        ui.painter().rect_filled(band, 16.0, colors.text.color32());
        let at = band.center() - galley.size() / 2.0;
        ui.painter().galley(at, galley, colors.background.color32());
        let room = Rect::from_min_max(
            pos2(area.left(), title.bottom() + 24.0),
            pos2(area.right(), band.top() - 24.0),
        );
        let Some(diagram) = self.deck.diagrams.get(&shot.diagram) else {
            return;
        };
        let (view_w, view_h) = (diagram.view_box.width, diagram.view_box.height);
        let scale = (room.width() / view_w).min(room.height() / view_h);
        let centred = Rect::from_center_size(room.center(), vec2(view_w, view_h) * scale);
        let (deck, images) = (&self.deck, &mut self.images);
        let max_side_px = theme.sizes.texture_max_side_px;
        let mut picture = |ctx: &egui::Context, name: &str| {
            (images.texture(ctx, &deck.image_path(name), max_side_px)).cloned()
        };
        ui.scope_builder(UiBuilder::new().max_rect(centred), |ui| {
            DiagramView {
                diagram,
                words: words.diagram_texts.get(&shot.diagram),
                alt: "",
                max_height_pt: centred.height(),
                open_hotspot: None,
                step: shot.step,
                hotspots: false,
                card: true,
            }
            .ui(ui, theme, &mut self.diagrams, &mut picture);
        });
    }

    fn fail(&mut self, ctx: &egui::Context, error: &VideoError) {
        if let Ok(mut report) = self.report.lock() {
            report.error = Some(error.to_string());
        }
        self.encoder = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// The image's pixels as bytes, row by row (egui's `Color32` is RGBA, premultiplied; the
/// scene is opaque, so it is plain RGBA).
fn bytemuck_rgba(image: &egui::ColorImage) -> &[u8] {
    egui::ColorImage::as_raw(image)
}

impl eframe::App for VideoApp {
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        // The frame's own time, whatever the clock says: motions play at the video's pace.
        self.drawing = self.next_to_draw;
        let frame = self.drawing.unwrap_or(self.frames_total);
        raw_input.time = Some(Self::secs(frame));
        raw_input.predicted_dt = 1.0 / FPS as f32;
    }

    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        match self.encode_ready() {
            Ok(true) => {
                let finished = self.encoder.take().map(Encoder::finish);
                if let Some(Err(error)) = finished {
                    self.fail(&ctx, &error);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                return;
            }
            Ok(false) => {}
            Err(error) => {
                self.fail(&ctx, &error);
                return;
            }
        }
        ctx.request_repaint();
        let Some(frame) = self.drawing else {
            return;
        };
        let Some(shot) = self.timeline.shot_at(Self::secs(frame)).cloned() else {
            return;
        };
        self.scene_ui(ui, &shot);
        // eframe reads a screenshot asked for in one frame back after painting the next: so
        // the first frame is drawn twice (the first time only to ask for its picture), and
        // each frame asks for the picture of the one drawn after it.
        let (wanted, next) = if self.primed {
            let next = self.next_moving(frame);
            (next, next)
        } else {
            self.primed = true;
            (Some(frame), Some(frame))
        };
        if let Some(wanted) = wanted {
            let read_back = Arc::clone(&self.read_back);
            ctx.request_screenshot(move |image| {
                if let Ok(mut read_back) = read_back.lock() {
                    read_back.insert(wanted, image);
                }
            });
        }
        self.next_to_draw = next;
    }
}
