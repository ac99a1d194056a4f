//! The command line: run the kiosk, check content, render every page to PNG, export the
//! content as HTML, or report the usage statistics.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use clap::{Args, Parser, Subcommand};

use crate::app::KioskApp;
use crate::config::{KioskConfig, default_config_path};
use crate::content::model::Target;
use crate::content::{ContentErrors, ContentPaths, Deck, load_deck};
use crate::handout::{HandoutItem, HandoutRequest, Paper, handout_pdf};
use crate::readability::ReadabilityReport;
use crate::render::{RenderApp, RenderReport};
use crate::stats::{Report, StatsError, default_stats_path, read_records};
use crate::theme::Theme;
use crate::window::{FrameLog, KioskWindow, RendererChoice, WindowSize, native_options};

/// Exit code when the content has problems.
pub const EXIT_CONTENT_PROBLEMS: u8 = 1;
/// Exit code when something else failed (no display, unwritable folder, ...).
pub const EXIT_FAILURE: u8 = 3;

/// A touchscreen kiosk that teaches patients about minimally invasive spine surgery.
#[derive(Debug, Parser)]
#[command(name = "patient-kiosk", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a content folder and list every problem (exit 0 only when there is none).
    Check {
        /// The content folder [default: the bundled `content/`].
        dir: Option<PathBuf>,
        #[command(flatten)]
        assets: AssetsArg,
        /// Also print a reading grade for every page (Flesch-Kincaid for English,
        /// Fernández-Huerta for Spanish); pages over grade 8 get a warning. Warnings do not
        /// change the exit code.
        #[arg(long)]
        readability: bool,
        /// Also list, for every language, the sentences the Listen button says that have no
        /// recording in `recordings.ron` (the generated voice says them), ready to paste in.
        #[arg(long)]
        narration: bool,
    },
    /// Save a PNG of the home screen and of every page, named by page id (needs a display).
    Render {
        #[command(flatten)]
        content: ContentArgs,
        /// Folder to write the PNG files into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Window size in points.
        #[arg(long, default_value = "1920x1080")]
        size: WindowSize,
        /// Which renderer draws the window.
        #[arg(long, value_enum, default_value_t)]
        renderer: RendererChoice,
        /// Render only this page (by id, or `home` for the home screen); give it again for
        /// more [default: every page and the home screen].
        #[arg(long = "page", value_name = "ID")]
        pages: Vec<String>,
        #[command(flatten)]
        view: RenderView,
    },
    /// Make a take-home handout PDF without the kiosk's window: the pages and diagrams given,
    /// in order, then QR codes to call the clinic and open the patient portal, and lines for
    /// the patient's questions. Exits 3 naming any id the content does not have.
    Handout {
        #[command(flatten)]
        content: ContentArgs,
        /// Pages to print, by id, in order: `--pages what-is-it-1,risks-general`.
        #[arg(long, value_name = "ID,...", value_delimiter = ',')]
        pages: Vec<String>,
        /// Diagrams to print after the pages, by id, each at a walk-through step counted
        /// from 1 as the screen shows it (default the first): `--diagrams spine,incisions:3`.
        #[arg(long, value_name = "ID[:STEP],...", value_delimiter = ',')]
        diagrams: Vec<String>,
        /// The language, by its folder name, e.g. `es` [default: the deck's default].
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// The paper [default: `handout_paper` in the settings, else letter].
        #[arg(long, value_enum)]
        paper: Option<PaperArg>,
        /// The PDF file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The settings file [default: config.ron in the platform's configuration folder].
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Pack a content folder and its pictures into a signed bundle for many kiosks: checks the
    /// content first (exits 1 on a problem, as `check` does), then writes the bundle (tar + zstd, with a
    /// manifest of its version, date and every file's SHA-256) and its minisign signature
    /// beside it (`FILE.minisig`), so `minisign -Vm FILE -p KEY.pub` verifies it too. An
    /// encrypted key's password is read from PATIENT_KIOSK_KEY_PASSWORD.
    Bundle {
        #[command(flatten)]
        content: ContentArgs,
        /// The minisign secret key file (`minisign -G` makes one).
        #[arg(long, value_name = "KEY")]
        key: PathBuf,
        /// The bundle to write, e.g. `content-2026-12-07.tar.zst`.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Its version: kiosks refuse one older than what they show [default: the time now
        /// as YYYYMMDDHHMMSS, UTC].
        #[arg(long)]
        version: Option<u64>,
    },
    /// Walk every screen (attract, home, every page at every step, hotspots, enlarged figures,
    /// quizzes, the idle question, the staff menu, consultation mode) on the kiosk screens
    /// clinics mount, at every text size, in both looks: print what overlaps, is cut off or is
    /// off the screen, and a count per screen. Exits 1 when there is any.
    Layout {
        #[command(flatten)]
        content: ContentArgs,
        /// Only this screen, e.g. `1280x800` (again for more) [default: every kiosk screen].
        #[arg(long = "screen", value_name = "WxH")]
        screens: Vec<String>,
        /// Only this language, by code (again for more) [default: every language].
        #[arg(long = "lang", value_name = "CODE")]
        langs: Vec<String>,
        /// Print only the counts.
        #[arg(long)]
        quiet: bool,
        /// Instead, describe everything seen on the screen of this name (as the problems name
        /// it, e.g. `day-of-surgery-fluoroscope step 2`), on the first screen and language
        /// given, at `--text-size`.
        #[arg(long, value_name = "SCREEN")]
        explain: Option<String>,
        /// The text size to explain the screen at.
        #[arg(long, value_enum, default_value_t)]
        text_size: TextSizeArg,
        /// Explain the screen in the high-contrast look.
        #[arg(long)]
        high_contrast: bool,
    },
    /// Write the content as a static HTML site (an index of topics and one page per content
    /// page, with the kiosk's fonts, colours and diagrams as SVG), to compare the kiosk with a
    /// web browser (scripts/compare.sh).
    ExportHtml {
        #[command(flatten)]
        content: ContentArgs,
        /// The language, by its folder name, e.g. `es` [default: the deck's default].
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// Folder to write the site into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Make a narrated video of a walk-through (or of all of them, one after another) for the
    /// waiting room's TV: 1920x1080 at 30 frames a second, the steps' words said by espeak-ng
    /// (or a recording) as its sound and burned in as captions, with a WebVTT file of the
    /// captions beside it. Draws in a window: on a display of at least 1920x1080, or, where
    /// there is none (a server), on a virtual screen of its own (Xvfb); ffmpeg encodes.
    Video {
        #[command(flatten)]
        content: ContentArgs,
        /// The walk-through, by its diagram's id (again for more, in order).
        #[arg(
            long = "walk-through",
            value_name = "ID",
            required_unless_present = "all"
        )]
        walk_through: Vec<String>,
        /// Every walk-through of the content, in reading order.
        #[arg(long, conflicts_with = "walk_through")]
        all: bool,
        /// The language, by its folder name, e.g. `es` [default: the deck's default].
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// The MP4 file to write (the captions go beside it, as .vtt).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Write what the Listen button says for a page as a WAV file (16-bit mono), to hear it
    /// without the kiosk, and print every sentence with its time. Speaks with espeak-ng, in
    /// the page's language. Exits 3 naming a page or language the content does not have.
    Speak {
        #[command(flatten)]
        content: ContentArgs,
        /// The page, by id.
        #[arg(long, value_name = "ID")]
        page: String,
        /// The language, by its folder name, e.g. `es` [default: the deck's default].
        #[arg(long, value_name = "CODE")]
        lang: Option<String>,
        /// The step of the page's walk-through diagram to read, counted from 1 as the screen
        /// shows it.
        #[arg(long, default_value_t = 1)]
        step: usize,
        /// The WAV file to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Set the staff PIN (4 to 8 digits): asks for it twice and saves only its argon2 hash in
    /// the settings file. Without a terminal it reads the PIN from the first line of stdin (and
    /// a confirmation from the second, if there is one).
    SetPin {
        /// The settings file [default: config.ron in the platform's configuration folder].
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Report the anonymous usage statistics: sessions per day, average session length, top
    /// pages.
    ///
    /// The text report shows a summary, one row per day (sessions, average session length,
    /// page views, hotspot taps, diagram steps completed, sessions per language) and the ten
    /// most viewed pages. With --csv it prints one CSV table instead: one row per day, with the
    /// header `date,sessions,avg_session_secs,page_views,hotspot_taps,steps_completed,languages`
    /// (languages as `en:3 es:1`); add --pages for the page table instead, every page, most
    /// viewed first: `page,views,total_secs,avg_secs_per_view`.
    Stats {
        /// Count only the days from this date on (YYYY-MM-DD, local time).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        since: Option<jiff::civil::Date>,
        /// Print CSV instead of text (the days; with --pages, the pages).
        #[arg(long)]
        csv: bool,
        /// With --csv: print the page table instead of the days.
        #[arg(long, requires = "csv")]
        pages: bool,
        /// The statistics file [default: visits.ron in the platform's data folder, e.g.
        /// ~/.local/share/patient-kiosk/visits.ron]. Give it once per kiosk to read many
        /// kiosks' files together: a report of them all, then one per kiosk (named by
        /// `kiosk_name` in its settings, else by its file), and in CSV a first column `kiosk`.
        #[arg(long, value_name = "FILE")]
        file: Vec<PathBuf>,
    },
}

/// A paper size on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum PaperArg {
    /// US Letter, 8.5 x 11 inches.
    Letter,
    /// ISO A4, 210 x 297 mm.
    A4,
}

impl From<PaperArg> for Paper {
    fn from(paper: PaperArg) -> Self {
        match paper {
            PaperArg::Letter => Self::Letter,
            PaperArg::A4 => Self::A4,
        }
    }
}

/// A `--since` date: exactly YYYY-MM-DD, and a real day.
fn parse_date(text: &str) -> Result<jiff::civil::Date, String> {
    let valid = text.len() == 10 && text.as_bytes().get(4) == Some(&b'-');
    valid
        .then(|| text.parse().ok())
        .flatten()
        .ok_or_else(|| format!("expected a date like 2026-11-24 (YYYY-MM-DD), not {text:?}"))
}

#[derive(Debug, Args)]
struct RunArgs {
    #[command(flatten)]
    content: ContentArgs,
    /// Fill the whole screen.
    #[arg(long)]
    fullscreen: bool,
    /// Run as a locked kiosk: fullscreen, no window frame, closing and quitting refused (also
    /// `kiosk: true` in the settings file).
    #[arg(long)]
    kiosk: bool,
    /// The settings file [default: config.ron in the platform's configuration folder, e.g.
    /// ~/.config/patient-kiosk/config.ron].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Window size in points, e.g. 1080x1920 to try a portrait screen.
    #[arg(long, default_value = "1920x1080")]
    size: WindowSize,
    /// Which renderer draws the window.
    #[arg(long, value_enum, default_value_t)]
    renderer: RendererChoice,
    /// Consultation mode, for clinicians: no attract screen, a long idle time
    /// (`consult_idle_timeout_secs` in the settings), a mark on screen, and an index of every
    /// topic, page and diagram with a search box.
    #[arg(long)]
    consult: bool,
    /// Show content changes at once, keeping the page (for content editors). Without it, valid
    /// new content waits for the next patient.
    #[arg(long)]
    watch: bool,
    /// Print a line to stderr for every frame painted (for scripts/measure.sh).
    #[arg(long)]
    count_frames: bool,
    /// For measuring: paint one word as the first frame, then the kiosk. The time to that
    /// frame is the window's and renderer's own start, without the kiosk's first screen
    /// (`PROBE=1 scripts/compare.sh`).
    #[arg(long)]
    probe_first_frame: bool,
}

#[derive(Debug, Args)]
struct ContentArgs {
    /// The content folder [default: the bundled `content/`].
    #[arg(long)]
    content: Option<PathBuf>,
    #[command(flatten)]
    assets: AssetsArg,
}

#[derive(Debug, Args)]
struct AssetsArg {
    /// The assets folder with `images/` [default: `assets` beside the content folder].
    #[arg(long)]
    assets: Option<PathBuf>,
}

/// Runs the command line and returns the process's exit code. Never panics on bad input.
pub fn main() -> ExitCode {
    crate::window::mark_process_start();
    env_logger::Builder::from_env(
        env_logger::Env::default().default_filter_or("warn,patient_kiosk=info"),
    )
    .init();
    log_panics();
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check {
            dir,
            assets,
            readability,
            narration,
        }) => Ok(check(
            &content_paths(dir, assets.assets),
            readability,
            narration,
        )),
        Some(Command::Render {
            content,
            out,
            size,
            renderer,
            pages,
            view,
        }) => render(
            &content_paths(content.content, content.assets.assets),
            &out,
            (size, renderer),
            &pages,
            &view,
        ),
        Some(Command::Handout {
            content,
            pages,
            diagrams,
            lang,
            paper,
            out,
            config,
        }) => handout(
            &content_paths(content.content, content.assets.assets),
            HandoutArgs {
                pages,
                diagrams,
                lang,
                paper: paper.map(Paper::from),
                out,
                config,
            },
        ),
        Some(Command::Bundle {
            content,
            key,
            out,
            version,
        }) => bundle::bundle(
            &content_paths(content.content, content.assets.assets),
            &key,
            &out,
            version,
        ),
        Some(Command::Layout {
            content,
            screens,
            langs,
            quiet,
            explain,
            text_size,
            high_contrast,
        }) => {
            let paths = content_paths(content.content, content.assets.assets);
            match explain {
                Some(name) => layout::explain(
                    &paths,
                    (&screens, &langs),
                    &name,
                    (text_size.into(), high_contrast),
                ),
                None => layout::layout(&paths, &screens, &langs, quiet),
            }
        }
        Some(Command::ExportHtml { content, lang, out }) => export_html(
            &content_paths(content.content, content.assets.assets),
            lang.as_deref(),
            &out,
        ),
        Some(Command::Speak {
            content,
            page,
            lang,
            step,
            out,
        }) => speak(
            &content_paths(content.content, content.assets.assets),
            &page,
            lang.as_deref(),
            step,
            &out,
        ),
        Some(Command::Video {
            content,
            walk_through,
            all: _,
            lang,
            out,
        }) => video(
            &content_paths(content.content, content.assets.assets),
            &walk_through,
            lang.as_deref(),
            &out,
        ),
        Some(Command::SetPin { config }) => set_pin(config).map(|()| ExitCode::SUCCESS),
        Some(Command::Stats {
            since,
            csv,
            pages,
            file,
        }) => stats(file, since, csv, pages),
        None => run(cli.run).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|error| {
        eprintln!("patient-kiosk: {error:#}");
        ExitCode::from(EXIT_FAILURE)
    })
}

/// Logs a panic's message and place before the process ends (the release build aborts on
/// panic, so this is the last word a service manager's journal gets).
fn log_panics() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        log::error!(
            "the kiosk stopped on an internal error: {}",
            panic_message(info)
        );
        default_hook(info);
    }));
}

/// A panic's message and where it happened, as one line.
pub fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("(no message)");
    match info.location() {
        Some(at) => format!("{message} (at {}:{})", at.file(), at.line()),
        None => message.to_owned(),
    }
}

/// The settings from `path`, or from the platform's settings folder, and the file they are
/// saved to; or why that file is broken (it is logged with its line and column, the kiosk runs
/// locked, the staff menu does not overwrite the file, and the PIN pad says why).
fn load_config(path: Option<&Path>) -> (KioskConfig, Result<Option<PathBuf>, String>) {
    let Some(path) = path.map(Path::to_path_buf).or_else(default_config_path) else {
        return (KioskConfig::default(), Ok(None));
    };
    match KioskConfig::load(&path) {
        (config, None) => (config, Ok(Some(path))),
        (config, Some(error)) => {
            log::error!("{error} The kiosk runs locked, with the default settings.");
            (config, Err(error.to_string()))
        }
    }
}

/// `set-pin`: asks for a new staff PIN and saves its hash in the settings file.
fn set_pin(config_path: Option<PathBuf>) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;

    let path = config_path
        .or_else(default_config_path)
        .context("this platform has no settings folder; give the file with --config")?;
    let (mut config, error) = KioskConfig::load(&path);
    if let Some(error) = error {
        anyhow::bail!("{error}. Fix the settings file first; set-pin would overwrite it.");
    }
    let (pin, again) = if std::io::stdin().is_terminal() {
        let pin = rpassword::prompt_password("New staff PIN (4 to 8 digits): ")?;
        let again = rpassword::prompt_password("The same PIN again: ")?;
        (pin, Some(again))
    } else {
        let mut lines = std::io::stdin().lines();
        let pin = lines.next().transpose()?.unwrap_or_default();
        let again = lines
            .next()
            .transpose()?
            .filter(|line| !line.trim().is_empty());
        (pin, again)
    };
    let pin = pin.trim();
    if again.is_some_and(|again| again.trim() != pin) {
        anyhow::bail!("the two PINs are not the same; nothing was changed");
    }
    config.staff_pin_hash = Some(crate::staff::hash_pin(pin)?);
    config.save(&path)?;
    println!("The staff PIN is set in {}.", path.display());
    Ok(())
}

/// The bundled content folder: `./content` when run from the project, else the one it was
/// built from.
pub fn default_content_dir() -> PathBuf {
    let here = PathBuf::from("content");
    if here.join("deck.ron").is_file() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
    }
}

fn content_paths(content: Option<PathBuf>, assets: Option<PathBuf>) -> ContentPaths {
    let mut paths = ContentPaths::beside(content.unwrap_or_else(default_content_dir));
    if let Some(assets) = assets {
        paths.assets_dir = assets;
    }
    paths
}

/// `check`: lists the content's problems, or says it is ready; with `readability`, then
/// prints every page's reading grade; with `narration`, every sentence not recorded.
fn check(paths: &ContentPaths, readability: bool, narration: bool) -> ExitCode {
    match load_deck(paths) {
        Ok(deck) => {
            println!(
                "content is ready: {} language(s), {} topics, {} pages",
                deck.languages.len(),
                deck.topic_count(),
                deck.page_count()
            );
            for warning in &deck.warnings {
                println!("warning: {warning}");
            }
            print!("{}", recordings_report(paths, &deck, narration));
            if readability {
                println!();
                print!("{}", ReadabilityReport::for_deck(&deck).text());
            }
            ExitCode::SUCCESS
        }
        Err(ContentErrors(diagnostics)) => {
            for diagnostic in &diagnostics {
                println!("{diagnostic}");
            }
            println!("{} problem(s) found", diagnostics.len());
            ExitCode::from(EXIT_CONTENT_PROBLEMS)
        }
    }
}

/// What is recorded: nothing for a language without recordings (unless `list`); a warning
/// for one that is partly recorded, where the patient would hear two voices on a page; with
/// `list`, every sentence not recorded, as lines to paste into `recordings.ron`.
fn recordings_report(paths: &ContentPaths, deck: &crate::content::Deck, list: bool) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for (index, language) in deck.languages.iter().enumerate() {
        let (total, missing) = crate::content::unrecorded_sentences(deck, index);
        let code = &language.code;
        let recorded = total - missing.len();
        if recorded > 0 && !missing.is_empty() {
            let _ = writeln!(
                out,
                "warning: {}: {recorded} of {total} sentences are recorded; the generated voice                  says the other {} (`check --narration` lists them)",
                crate::content::shown_path(&paths.content_dir.join(code).join("recordings.ron")),
                missing.len()
            );
        } else if list {
            let _ = writeln!(out, "{code}: {recorded} of {total} sentences are recorded");
        }
        if list && !missing.is_empty() {
            let _ = writeln!(
                out,
                "// {code}: not recorded yet ({}); record each into content/{code}/recordings/ and add:",
                missing.len()
            );
            for text in &missing {
                let _ = writeln!(out, "    (text: {text:?}, file: \"\"),");
            }
        }
    }
    out
}

/// The content at `paths` in an app, with espeak-ng reading it aloud in `voices` (see
/// [`crate::config::KioskConfig::voices`]) through aplay, when they are installed and every
/// language has its voice.
fn load_app(paths: &ContentPaths, voices: &std::collections::BTreeMap<String, String>) -> KioskApp {
    let content = load_deck(paths);
    if let Err(errors) = &content {
        log::error!(
            "the content in {} has problems:",
            paths.content_dir.display()
        );
        for diagnostic in &errors.0 {
            log::error!("{diagnostic}");
        }
    }
    let voice = crate::narration::EspeakNg::find()
        .ok_or(crate::narration::NarrationError::NoSpeechProgram)
        .map(|espeak| espeak.with_voices(voices.clone()))
        .and_then(|espeak| {
            let languages: Vec<&str> = match &content {
                Ok(deck) => deck.languages.iter().map(|l| l.code.as_str()).collect(),
                Err(_) => Vec::new(),
            };
            match espeak.missing_voice(languages) {
                Some(missing) => Err(missing),
                None => Ok(espeak),
            }
        });
    if let Err(why) = &voice {
        log::warn!("no Listen button: {why}");
    }
    let mut app = KioskApp::new(Theme::bundled(), content);
    app.set_narration(voice, crate::narration::Player::find());
    app
}

fn run(args: RunArgs) -> anyhow::Result<()> {
    let paths = content_paths(args.content.content, args.content.assets.assets);
    let (config, config_file) = load_config(args.config.as_deref());
    let (config_path, settings_problem) = match config_file {
        Ok(path) => (path, None),
        Err(problem) => (None, Some(problem)),
    };
    // With signed bundles on, the content is the last bundle taken, if there is one.
    let inbox = config.bundle_inbox();
    let showing = inbox.as_ref().and_then(crate::bundle::BundleInbox::current);
    let paths = match (&inbox, &showing) {
        (Some(inbox), Some(bundle)) => {
            log::info!(
                "showing content bundle version {} ({})",
                bundle.version,
                bundle.date
            );
            inbox.paths(bundle)
        }
        _ => paths,
    };
    let locked = args.kiosk || config.kiosk;
    let (consult, watch) = (args.consult, args.watch);
    // From the start: a signal before the window is up is seen by its first frame. The
    // window's context wakes the app once there is one.
    let window_ctx = Arc::new(std::sync::OnceLock::<egui::Context>::new());
    let wake_ctx = Arc::clone(&window_ctx);
    let stop = crate::shutdown::StopRequest::listen(move || {
        if let Some(ctx) = wake_ctx.get() {
            ctx.request_repaint();
        }
    });
    if let Err(error) = &stop {
        log::warn!("cannot listen for stop signals: {error}");
    }
    // The content loads while the window and its renderer start, which take longer.
    let kiosk_name = config.kiosk_name();
    let loading = std::thread::spawn(move || {
        let mut app = load_app(&paths, &config.voices);
        app.set_locked(locked);
        app.set_settings(config, config_path);
        app.set_settings_problem(settings_problem);
        app.set_consult(consult);
        app.set_content_paths(paths);
        if let Some(inbox) = inbox {
            app.set_bundle_inbox(inbox, showing);
        }
        if let Some(folder) = crate::stats::default_stats_path()
            .as_deref()
            .and_then(std::path::Path::parent)
        {
            app.set_lockout_file(folder.join("pin-lockout.ron"));
        }
        let stats_file = crate::stats::default_stats_path().map(crate::stats::StatsFile::new);
        if stats_file.is_none() {
            log::warn!("this platform has no data folder: usage statistics are not saved");
        }
        app.set_usage_recorder(
            crate::app::UsageRecorder::new(stats_file, Box::new(crate::stats::SystemClock))
                .with_kiosk_name(kiosk_name),
        );
        app.set_swap_at_once(watch);
        app
    });
    let frame_log = args.count_frames.then(FrameLog::new);
    let probe_first_frame = args.probe_first_frame;
    let options = native_options(args.size, args.fullscreen, locked, args.renderer)
        .map_err(anyhow::Error::msg)?;
    eframe::run_native(
        "patient-kiosk",
        options,
        Box::new(move |cc| {
            log::info!(
                "window ready {} ms after start",
                crate::window::mark_process_start().elapsed().as_millis()
            );
            let Ok(mut app) = loading.join() else {
                return Err("loading the content stopped with a panic".into());
            };
            app.set_window_clears_background(true);
            app.apply_style(&cc.egui_ctx);
            app.watch_content(&cc.egui_ctx);
            let mut window = KioskWindow::new(app, frame_log);
            let _ = window_ctx.set(cc.egui_ctx.clone());
            if let Ok(stop) = stop {
                window.stop_on(stop);
            }
            if probe_first_frame {
                window.probe_first_frame();
            }
            Ok(Box::new(window))
        }),
    )
    .map_err(|error| anyhow::anyhow!("could not open the kiosk window: {error}"))
}

fn render(
    paths: &ContentPaths,
    out: &Path,
    (size, renderer): (WindowSize, RendererChoice),
    pages: &[String],
    view: &RenderView,
) -> anyhow::Result<ExitCode> {
    let mut app = load_app(paths, &Default::default());
    app.set_consult(view.consult);
    let crate::app::Content::Ready(deck) = app.content() else {
        eprintln!(
            "patient-kiosk: the content has problems; run `patient-kiosk check` to list them"
        );
        return Ok(ExitCode::from(EXIT_CONTENT_PROBLEMS));
    };
    let language_index = match &view.lang {
        Some(code) => {
            let Some(index) = deck.languages.iter().position(|l| l.code == *code) else {
                anyhow::bail!("the content has no language {code:?}");
            };
            index
        }
        None => deck.default_language,
    };
    let language = deck.language(language_index);
    if let Some(hotspot) = &view.hotspot
        && !deck
            .diagrams
            .values()
            .any(|d| d.hotspots.iter().any(|h| h.id == *hotspot))
    {
        anyhow::bail!("no diagram has a hotspot with the id {hotspot:?}");
    }
    let setup = crate::render::RenderSetup {
        language: language_index,
        text_size: view.text_size.into(),
        high_contrast: view.high_contrast,
        steps: view.steps,
        hotspot: view.hotspot.clone(),
    };
    if let Some(unknown) = pages
        .iter()
        .find(|id| *id != "home" && language.resolve(&Target::Page((*id).clone())).is_none())
    {
        anyhow::bail!("there is no page with the id {unknown:?}");
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let report = Arc::new(Mutex::new(RenderReport::default()));
    let mut options = native_options(size, false, false, renderer).map_err(anyhow::Error::msg)?;
    options.viewport = options.viewport.with_resizable(false);
    let render_report = Arc::clone(&report);
    let out_dir = out.to_path_buf();
    let pages = pages.to_vec();
    eframe::run_native(
        "patient-kiosk render",
        options,
        Box::new(move |cc| {
            let mut app = app;
            app.apply_style(&cc.egui_ctx);
            Ok(Box::new(RenderApp::new(
                app,
                &out_dir,
                (&pages, &setup),
                render_report,
            )))
        }),
    )
    .map_err(|error| anyhow::anyhow!("could not open a window to render in: {error}"))?;
    let report = report
        .lock()
        .map_err(|_| anyhow::anyhow!("the render report was lost"))?;
    for failure in &report.failed {
        eprintln!("patient-kiosk: {failure}");
    }
    println!(
        "wrote {} PNG file(s) to {}",
        report.written.len(),
        out.display()
    );
    Ok(if report.failed.is_empty() && !report.written.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    })
}

/// How `render` shows the pages: the patient's reading settings, the walk-through's steps and
/// an open hotspot.
#[derive(Clone, Debug, Default, clap::Args)]
pub struct RenderView {
    /// The language, by its folder name, e.g. `es` [default: the deck's default].
    #[arg(long, value_name = "CODE")]
    pub lang: Option<String>,
    /// The text size a patient chose.
    #[arg(long, value_enum, default_value_t)]
    pub text_size: TextSizeArg,
    /// The high-contrast look.
    #[arg(long)]
    pub high_contrast: bool,
    /// Every further step of each page's walk-through too, one picture each (`PAGE-DIAGRAM-step-N`).
    #[arg(long)]
    pub steps: bool,
    /// Also each page with this hotspot of its diagram open (`PAGE-hotspot-ID`).
    #[arg(long, value_name = "ID")]
    pub hotspot: Option<String>,
    /// Consultation mode, as a clinician sees the pages.
    #[arg(long)]
    pub consult: bool,
}

/// A text size on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TextSizeArg {
    /// The design's own sizes.
    #[default]
    Normal,
    /// A quarter larger.
    Large,
    /// Half as large again.
    Xl,
}

impl From<TextSizeArg> for crate::theme::TextSize {
    fn from(size: TextSizeArg) -> Self {
        match size {
            TextSizeArg::Normal => Self::Normal,
            TextSizeArg::Large => Self::Large,
            TextSizeArg::Xl => Self::ExtraLarge,
        }
    }
}

/// What `handout` was asked for.
struct HandoutArgs {
    pages: Vec<String>,
    diagrams: Vec<String>,
    lang: Option<String>,
    paper: Option<Paper>,
    out: PathBuf,
    config: Option<PathBuf>,
}

/// The content at `paths`, or its problems printed with `advice` and the exit code that says
/// the content has problems.
fn good_deck(paths: &ContentPaths, advice: &str) -> Result<Deck, ExitCode> {
    load_deck(paths).map_err(|ContentErrors(diagnostics)| {
        for diagnostic in &diagnostics {
            eprintln!("{diagnostic}");
        }
        eprintln!(
            "patient-kiosk: the content has {} problem(s); {advice}",
            diagnostics.len()
        );
        ExitCode::from(EXIT_CONTENT_PROBLEMS)
    })
}

mod bundle;
mod layout;

/// `handout`: writes the PDF and prints where, and how big it is.
fn handout(paths: &ContentPaths, args: HandoutArgs) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "a handout needs good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let language = language_by_code(&deck, args.lang.as_deref())?;
    let mut items: Vec<HandoutItem> = args.pages.into_iter().map(HandoutItem::Page).collect();
    for diagram in &args.diagrams {
        items.push(diagram_item(diagram)?);
    }
    if items.is_empty() {
        anyhow::bail!("nothing to print: give --pages or --diagrams");
    }
    let paper = match args.paper {
        Some(paper) => paper,
        None => load_config(args.config.as_deref()).0.handout_paper,
    };
    let ink = crate::ink::InkSet::default();
    let request = HandoutRequest {
        language,
        items: &items,
        ink: &ink,
        paper,
        notes: &crate::handout::HandoutNotes::default(),
    };
    let pdf = handout_pdf(&deck, &Theme::bundled(), &request)?;
    if let Some(folder) = args
        .out
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty())
    {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    std::fs::write(&args.out, &pdf).with_context(|| format!("writing {}", args.out.display()))?;
    println!("wrote {} ({} bytes)", args.out.display(), pdf.len());
    Ok(ExitCode::SUCCESS)
}

/// The language whose folder is `code`, or the deck's default.
fn language_by_code(deck: &Deck, code: Option<&str>) -> anyhow::Result<usize> {
    let Some(code) = code else {
        return Ok(deck.default_language);
    };
    deck.languages
        .iter()
        .position(|language| language.code == code)
        .with_context(|| {
            let known: Vec<&str> = deck.languages.iter().map(|l| l.code.as_str()).collect();
            format!(
                "there is no language {code:?}; the content has: {}",
                known.join(", ")
            )
        })
}

/// `speak`: reads a page aloud into a WAV file and prints its sentences with their times.
fn speak(
    paths: &ContentPaths,
    page_id: &str,
    lang: Option<&str>,
    step: usize,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    use crate::narration::{EspeakNg, narrate, page_script};
    let deck = match good_deck(paths, "a narration needs good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let language = language_by_code(&deck, lang)?;
    let words = deck.language(language);
    let Some((_, page)) = words.pages().find(|(_, page)| page.id == page_id) else {
        anyhow::bail!("there is no page {page_id:?} in {:?}", words.code);
    };
    let espeak = EspeakNg::find()
        .ok_or(crate::narration::NarrationError::NoSpeechProgram)?
        .with_voices(load_config(None).0.voices);
    let voice = espeak.voice(&words.code);
    let script = page_script(&deck, language, page, step.saturating_sub(1));
    let recorded = words.recordings_of(&script);
    let narration = narrate(&espeak, &words.code, &voice, &script, &recorded)?;
    if let Some(folder) = out.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    narration.write_wav(out)?;
    for sentence in &narration.sentences {
        let mark = if recorded.contains_key(&sentence.text) {
            "R"
        } else {
            " "
        };
        println!(
            "{:>7.2} {:>7.2} {mark} {}",
            sentence.start_ms as f64 / 1000.0,
            sentence.end_ms as f64 / 1000.0,
            sentence.text
        );
    }
    println!(
        "wrote {}: {} sentences ({} recorded, marked R; the others espeak-ng voice {voice}), {:.1} s",
        out.display(),
        narration.sentences.len(),
        recorded.len(),
        narration.duration_ms() as f64 / 1000.0
    );
    Ok(ExitCode::SUCCESS)
}

/// `video`: makes the video and says what it made.
fn video(
    paths: &ContentPaths,
    walk_throughs: &[String],
    lang: Option<&str>,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "a video needs good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let language = language_by_code(&deck, lang)?;
    let walk_throughs = crate::video::walk_throughs(&deck, walk_throughs)?;
    if crate::video::encoder_missing() {
        anyhow::bail!("{}", crate::video::VideoError::NoEncoder);
    }
    if !crate::video::has_display() {
        // A server: the same command again, on a virtual screen of the video's size.
        let status = crate::video::run_again_on_a_virtual_screen(crate::video::SIZE_PX)?;
        let code = status.code().and_then(|code| u8::try_from(code).ok());
        return Ok(ExitCode::from(code.unwrap_or(EXIT_FAILURE)));
    }
    let request = crate::video::VideoRequest {
        walk_throughs,
        language,
        out,
    };
    let voice = crate::narration::EspeakNg::find()
        .map(|espeak| espeak.with_voices(load_config(None).0.voices));
    if voice.is_none() {
        eprintln!("patient-kiosk: espeak-ng is not installed: the video has captions and no voice");
    }
    let started = std::time::Instant::now();
    let made = crate::video::make(deck, &request, voice.as_ref())?;
    println!(
        "wrote {} ({:.1} s, {} frames of which {} drawn, {}) and {} in {:.1} s",
        out.display(),
        made.duration_secs,
        made.frames.0,
        made.frames.1,
        if made.voiced { "narrated" } else { "silent" },
        out.with_extension("vtt").display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// `export-html`: writes the site and says where, and how many pages.
fn export_html(paths: &ContentPaths, lang: Option<&str>, out: &Path) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "run `patient-kiosk check`") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let summary = crate::export::export_site(&deck, &Theme::bundled(), lang, out)?;
    println!(
        "wrote {} page(s), index.html and {} picture(s) to {}",
        summary.pages,
        summary.images,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `ID` or `ID:STEP` (steps counted from 1, as the screen shows them) as a handout item.
fn diagram_item(text: &str) -> anyhow::Result<HandoutItem> {
    let (id, step) = match text.split_once(':') {
        None => (text, 0),
        Some((id, step)) => {
            let step: usize = step
                .parse()
                .ok()
                .filter(|&step| step >= 1)
                .with_context(|| format!("{text:?}: a step is a number from 1, like {id}:2"))?;
            (id, step - 1)
        }
    };
    Ok(HandoutItem::Diagram {
        id: id.trim().to_owned(),
        step,
    })
}

/// Prints the statistics report. No file yet is not a failure: nothing has been counted.
fn stats(
    files: Vec<PathBuf>,
    since: Option<jiff::civil::Date>,
    csv: bool,
    pages: bool,
) -> anyhow::Result<ExitCode> {
    if files.len() > 1 {
        return fleet_stats(&files, since, csv, pages);
    }
    let path = files
        .into_iter()
        .next()
        .or_else(default_stats_path)
        .context("this system has no data folder for the statistics; give the file with --file")?;
    let render = |report: &Report| match (csv, pages) {
        (true, true) => report.pages_csv(),
        (true, false) => report.csv(),
        (false, _) => report.text(),
    };
    let log = match read_records(&path) {
        Ok(log) => log,
        Err(missing @ StatsError::Missing { .. }) if csv => {
            // An empty table on stdout, the reason on stderr.
            eprintln!("patient-kiosk: {missing}");
            print!("{}", render(&Report::default()));
            return Ok(ExitCode::SUCCESS);
        }
        Err(missing @ StatsError::Missing { .. }) => {
            println!("{missing}");
            return Ok(ExitCode::SUCCESS);
        }
        Err(error) => return Err(error.into()),
    };
    if log.skipped_lines > 0 {
        eprintln!(
            "patient-kiosk: skipped {} damaged line(s) in {}",
            log.skipped_lines,
            path.display()
        );
    }
    if log.truncated {
        eprintln!(
            "patient-kiosk: {} is larger than {} MiB; only its first {} MiB were read",
            path.display(),
            crate::stats::MAX_STATS_BYTES / (1024 * 1024),
            crate::stats::MAX_STATS_BYTES / (1024 * 1024),
        );
    }
    print!("{}", render(&Report::from_records(&log.records, since)));
    Ok(ExitCode::SUCCESS)
}

/// `stats` over several kiosks' files: every file that can be read (a problem with one is
/// said on stderr, and the others are reported), together and one by one.
fn fleet_stats(
    files: &[PathBuf],
    since: Option<jiff::civil::Date>,
    csv: bool,
    pages: bool,
) -> anyhow::Result<ExitCode> {
    let mut logs = Vec::new();
    for path in files {
        match read_records(path) {
            Ok(log) => {
                if log.skipped_lines > 0 {
                    eprintln!(
                        "patient-kiosk: skipped {} damaged line(s) in {}",
                        log.skipped_lines,
                        path.display()
                    );
                }
                logs.push(crate::stats::KioskLog::new(path, log.records));
            }
            Err(error) => eprintln!("patient-kiosk: {error}"),
        }
    }
    if logs.is_empty() {
        anyhow::bail!("none of the {} statistics files could be read", files.len());
    }
    let out = if csv {
        crate::stats::fleet_csv(&logs, since, pages)
    } else {
        crate::stats::fleet_text(&logs, since)
    };
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::panic_message;

    #[test]
    fn a_panic_is_described_by_its_message_and_place() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let hook_seen = Arc::clone(&seen);
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if let Ok(mut seen) = hook_seen.lock() {
                seen.push(panic_message(info));
            }
        }));
        let text = String::from("formatted");
        let _ = std::panic::catch_unwind(|| panic!("the kiosk marker: {text}"));
        let _ = std::panic::catch_unwind(|| std::panic::panic_any(7_u8));
        std::panic::set_hook(previous);
        let seen = seen.lock().map(|seen| seen.clone()).unwrap_or_default();
        let ours: Vec<&String> = seen.iter().filter(|m| m.contains("src/cli.rs")).collect();
        assert!(
            ours.iter()
                .any(|m| m.starts_with("the kiosk marker: formatted (at src/cli.rs:")),
            "{seen:?}"
        );
        assert!(
            ours.iter()
                .any(|m| m.starts_with("(no message) (at src/cli.rs:")),
            "{seen:?}"
        );
    }
}
