//! `patient-kiosk video`: a walk-through (or all of them, one after another) as a narrated
//! animation for the waiting room's TV, drawn by the kiosk's own painter at 1920x1080 and 30
//! frames a second, its narration as the sound track and its words burned in as captions
//! (and beside it, a WebVTT file of them), encoded by ffmpeg.

mod encoder;
mod screen;
mod timeline;
mod window;

use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;

pub use encoder::{FPS, VideoError};
pub use screen::{has_display, run_again_on_a_virtual_screen};
pub use timeline::{Shot, Timeline};

use crate::content::{Deck, PageRef};
use crate::narration::{EspeakNg, Narration, Script, narrate};
use crate::theme::Theme;

/// The video's size in pixels.
pub const SIZE_PX: (u32, u32) = (1920, 1080);

/// Whether ffmpeg is missing (the video cannot be made).
pub fn encoder_missing() -> bool {
    encoder::find().is_none()
}

/// What to make a video of.
pub struct VideoRequest<'a> {
    /// The walk-throughs, each a page and its diagram, in order.
    pub walk_throughs: Vec<(PageRef, String)>,
    /// The language, by index.
    pub language: usize,
    /// The MP4 to write; the captions go beside it, as `.vtt`.
    pub out: &'a Path,
}

/// What was made.
pub struct Made {
    /// How long the video is.
    pub duration_secs: f64,
    /// Frames in it, and how many of them were drawn (the rest repeat the one before).
    pub frames: (u64, u64),
    /// Whether a voice said the words (else the sound track is silence).
    pub voiced: bool,
}

/// The walk-throughs of `deck` by diagram id, each with the page that shows it: `ids` in
/// order, or every walk-through when `ids` is empty.
pub fn walk_throughs(deck: &Deck, ids: &[String]) -> anyhow::Result<Vec<(PageRef, String)>> {
    let every = deck.walk_throughs();
    if ids.is_empty() {
        return Ok(every);
    }
    ids.iter()
        .map(|id| {
            (every.iter())
                .find(|(_, diagram)| diagram == id)
                .cloned()
                .with_context(|| {
                    let known: Vec<&str> = every.iter().map(|(_, d)| d.as_str()).collect();
                    format!(
                        "no page shows a walk-through {id:?}; the walk-throughs are {}",
                        known.join(", ")
                    )
                })
        })
        .collect()
}

/// Makes the video: narrates every step (with `voice`, if there is one), draws the frames in
/// a window, and has ffmpeg encode them with the sound.
pub fn make(
    deck: Deck,
    request: &VideoRequest<'_>,
    voice: Option<&EspeakNg>,
) -> anyhow::Result<Made> {
    let ffmpeg = encoder::find().ok_or(VideoError::NoEncoder)?;
    let words = deck.language(request.language);
    let code = words.code.clone();
    let mut narrate_step = |script: &Script| -> Option<Narration> {
        let voice = voice?;
        let recorded = words.recordings_of(script);
        let said = narrate(voice, &code, &voice.voice(&code), script, &recorded);
        said.inspect_err(|error| log::warn!("not said: {error}"))
            .ok()
    };
    let timeline = Timeline::new(
        &deck,
        request.language,
        &request.walk_throughs,
        &mut narrate_step,
    );
    let voiced = voice.is_some();
    if let Some(folder) = (request.out.parent()).filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    let vtt = request.out.with_extension("vtt");
    std::fs::write(&vtt, timeline.webvtt())
        .with_context(|| format!("writing {}", vtt.display()))?;
    let wav = tempfile_path(request.out, "wav");
    timeline
        .write_wav(&wav)
        .with_context(|| format!("writing {}", wav.display()))?;
    let encoder = encoder::Encoder::start(&ffmpeg, SIZE_PX, &wav, request.out)?;
    let duration_secs = timeline.duration_secs();
    let report = Arc::new(Mutex::new(window::VideoReport::default()));
    let app_report = Arc::clone(&report);
    let (width, height) = SIZE_PX;
    let size = crate::window::WindowSize {
        width: width as f32,
        height: height as f32,
    };
    let mut options =
        crate::window::native_options(size, false, false, crate::window::RendererChoice::default())
            .map_err(anyhow::Error::msg)?;
    options.viewport = (options.viewport)
        .with_title("patient-kiosk video")
        .with_resizable(false)
        .with_decorations(false);
    let language = request.language;
    let ran = eframe::run_native(
        "patient-kiosk video",
        options,
        Box::new(move |cc| {
            let theme = Theme::bundled();
            theme.apply(&cc.egui_ctx);
            // One point is one pixel of the video, whatever the screen it is drawn on.
            cc.egui_ctx.set_zoom_factor(1.0);
            Ok(Box::new(window::VideoApp::new(
                (deck, language),
                theme,
                timeline,
                encoder,
                app_report,
            )))
        }),
    );
    let _ = std::fs::remove_file(&wav);
    ran.map_err(|error| anyhow::anyhow!("could not open a window to draw in: {error}"))?;
    let report = report
        .lock()
        .map_err(|_| anyhow::anyhow!("the video's report was lost"))?;
    if let Some(error) = &report.error {
        anyhow::bail!("{error}");
    }
    Ok(Made {
        duration_secs,
        frames: (report.frames, report.drawn),
        voiced,
    })
}

/// A file beside `out` for the sound track while the video is made.
fn tempfile_path(out: &Path, extension: &str) -> std::path::PathBuf {
    let name = format!(
        ".{}-{}.{extension}",
        out.file_stem().and_then(|s| s.to_str()).unwrap_or("video"),
        std::process::id()
    );
    out.with_file_name(name)
}
