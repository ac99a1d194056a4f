//! Shared test helpers: a small valid content folder to break in different ways, and the
//! bundled content's location.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

use std::fs;
use std::path::{Path, PathBuf};

use egui::{Event, Modifiers, PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::KioskApp;
use patient_kiosk::content::{ContentErrors, ContentPaths, Deck, Diagnostic, load_deck};

/// The bundled content and assets.
pub fn bundled_paths() -> ContentPaths {
    ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"))
}

/// The bundled deck; panics with every diagnostic if it does not load.
pub fn bundled_deck() -> Deck {
    match load_deck(&bundled_paths()) {
        Ok(deck) => deck,
        Err(ContentErrors(diagnostics)) => panic!(
            "the bundled content has problems:\n{}",
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

pub const DECK: &str = r#"DeckFile(
    default_language: "en",
    languages: ["en"],
    topics: ["alpha", "beta"],
    phones: {"main": "555.0100"},
    logo: "logo.png",
)
"#;

pub const INTERFACE: &str = r#"Interface(
    language_name: "English",
    home_title: "Welcome",
    home_subtitle: "Touch a topic.",
    start_here: "Start",
    seen: "Seen",
    home: "Home",
    back: "Back",
    next: "Next",
    page_of: "Page {page} of {total}",
    up_next: "Up next",
    all_topics: "All topics",
    picture_missing: "No picture.",
    previous_step: "Step back",
    next_step: "Next step",
    step_of: "Step {step} of {total}",
    enlarge: "See it bigger",
    back_to_page: "Back to the page",
    close_part: "Close",
    still_there_title: "Still there?",
    still_there_countdown: "Over in {seconds} s.",
    still_there_button: "Yes",
    attract_title: "Learn",
    attract_touch: "Touch",
    text_normal: "Normal text",
    text_large: "Large text",
    text_extra_large: "Extra large text",
    high_contrast: "High contrast",
    quiz_title: "Quiz",
    question_of: "Question {question} of {total}",
    quiz_right: "Right!",
    quiz_wrong: "Good try:",
    quiz_show_page: "Read again",
    quiz_next: "Next question",
    consult_mark: "Consult",
    index: "Index",
    search: "Search",
    no_results: "Nothing.",
    step_n: "Step {step}",
    consult: (
        touch: "Touch",
        pen: "Pen",
        pointer: "Pointer",
        ink_colors: ["Red", "Blue", "Green", "Black"],
        thin: "Thin",
        thick: "Thick",
        undo: "Undo",
        clear: "Clear",
        add_page: "Add page",
        add_diagram: "Add picture",
        handout: "Handout ({count})",
        handout_title: "Handout",
        handout_empty: "Empty.",
        remove: "Remove",
        create_handout: "Create handout",
        handout_saved: "Saved in {folder}: {file}",
        handout_making: "Making…",
        handout_failed: "Failed.",
        print: "Print",
        printed: "Printed.",
        print_failed: "Print failed.",
        notes_title: "Notes for the patient",
        notes_hint: "Fill in what helps. Never write the patient's name.",
        keyboard: "Keyboard",
        keyboard_space: "Space",
        keyboard_delete: "Delete",
        keyboard_shift: "Capital",
        keyboard_done: "Done",
        move_up: "Move up",
        move_down: "Move down",
        preview: "As it will print: {pages} pages",
    ),
    staff: (
        pin_title: "Staff",
        pin_prompt: "PIN?",
        pin_enter: "Enter",
        pin_delete: "Delete",
        pin_cancel: "Cancel",
        pin_wrong: "Wrong, {tries} left.",
        pin_locked: "Locked for {seconds} s.",
        pin_not_set: "No PIN.",
        menu_title: "Staff menu",
        exit: "Exit",
        reload: "Reload",
        reloaded: "Reloaded {pages}.",
        reload_failed: "{problems} problems.",
        update_waiting: "Waiting.",
        problems: "Problems",
        no_problems: "No problems.",
        statistics: "Statistics",
        no_statistics: "No statistics.",
        stats_day: "Day",
        stats_visits: "Visits",
        stats_average: "Average",
        stats_views: "Views",
        stats_taps: "Taps",
        stats_steps: "Steps",
        stats_languages: "Languages",
        stats_page: "Page",
        stats_time_per_view: "Time",
        idle_timeout: "Idle {seconds} s",
        shorter: "Shorter",
        longer: "Longer",
        not_saved: "Not saved.",
        back_to_menu: "Menu",
        back_to_kiosk: "Kiosk",
        consult_on: "Consult",
        consult_off: "Patient",
        stats_not_saved: "Not saved to {file}.",
        pictures_unreadable: "Unreadable: {files}",
        settings_broken: "Broken settings: {problem}",
        listen_unavailable: "No Listen: {reason}",
        content_version: "Version {version} of {date}.",
        bundle_refused: "Refused: {reason}",
        review_missing: "Not approved: {topic}",
        review_overdue: "Due {date}: {topic}",
        reviews_more: "{count} more.",
    ),
    handout: (
        title: "Notes",
        contact_heading: "Reach us",
        call_us: "Scan to call",
        portal: "Scan for the portal",
        my_questions: "My questions",
        questions_hint: "Write here.",
        page_footer: "Page {page} of {total}",
        care_team: "From your care team",
        procedure: "Procedure",
        spine_level: "Spine level",
        date: "Date of surgery",
        instructions: "What to do",
        next_appointment: "Next appointment",
    ),
    listen: (
        listen: "Listen",
        getting_ready: "Getting ready",
        pause: "Pause",
        stop: "Stop",
        quieter: "Quieter",
        louder: "Louder",
        volume: "Volume",
        play: "Play",
        replay: "Again",
        keep_reading: "Keep reading",
        watch: "Watch",
    ),
    quiz: (
        right: "Right",
        not_right: "Not right",
        right_answer: "Right answer",
        try_again: "Try again",
        summary: "{right} of {total}.",
        summary_note: "Well done.",
        questions: "Questions",
    ),
    keypad: (
        button: "button",
        picture: "picture",
        chosen: "chosen",
        where_screen: "This is {title}.",
        on_control: "On {control}.",
        nothing_focused: "Press down.",
        how: "Up and down move. Enter chooses.",
        no_back: "This is the start.",
    ),
)
"#;

pub const CLINIC: &str = r#"ClinicText(
    name: "Test Clinic",
    department: "Spine",
    phone_labels: {"main": "Call"},
    virtual_visits: "Visits from home.",
    patient_portal: "The portal.",
)
"#;

pub const ALPHA: &str = r#"Topic(
    id: "alpha",
    title: "Alpha",
    subtitle: "First topic",
    pages: [
        Page(
            id: "alpha-1",
            title: "First page",
            blocks: [
                Paragraph("Hello."),
                GoTo([Link(label: "To beta", to: Page("beta-1"))]),
            ],
        ),
    ],
)
"#;

pub const BETA: &str = r#"Topic(
    id: "beta",
    title: "Beta",
    subtitle: "Second topic",
    pages: [
        Page(
            id: "beta-1",
            title: "Second page",
            blocks: [
                Figure(source: Image("logo.png"), alt: "A logo."),
                Contact(title: "Call us", phones: ["main"]),
                Table(columns: ["", "A", "B"], rows: [["Row", "1", "2"]]),
            ],
        ),
    ],
)
"#;

/// A small diagram with every kind of reference: layers, a label, a hotspot, a step.
pub const TUBE: &str = r#"Diagram(
    id: "tube",
    view_box: (width: 400.0, height: 200.0),
    layers: [
        Layer(
            id: "body",
            shapes: [
                Rect(min: (20.0, 80.0), size: (300.0, 40.0), radius: 20.0, paint: (fill: "metal", stroke: "outline")),
                Label(text: "tip", at: (340.0, 60.0), leader: (320.0, 100.0)),
            ],
        ),
        Layer(
            id: "light",
            hidden: true,
            shapes: [
                Ellipse(center: (320.0, 100.0), radii: (12.0, 12.0), paint: (fill: "light")),
            ],
        ),
    ],
    hotspots: [
        Hotspot(id: "end", layers: ["light"], region: Circle((320.0, 100.0), 20.0)),
    ],
    steps: [
        Step(id: "on", show: ["light"]),
    ],
)
"#;

/// The English words of [`TUBE`].
pub const TUBE_WORDS: &str = r#"DiagramText(
    id: "tube",
    labels: {"tip": "Light and lens"},
    hotspots: {"end": (title: "The tip", text: "A light and a lens.")},
    steps: {"on": "The light turns on."},
)
"#;

/// A temporary project folder with `content/` and `assets/images/`, valid until broken.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    /// A small valid content folder.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixture = Self { dir };
        fixture.write("content/deck.ron", DECK);
        fixture.write("content/en/interface.ron", INTERFACE);
        fixture.write("content/en/clinic.ron", CLINIC);
        fixture.write("content/en/topics/alpha.ron", ALPHA);
        fixture.write("content/en/topics/beta.ron", BETA);
        let logo = fixture.path("assets/images/logo.png");
        fs::create_dir_all(logo.parent().expect("parent")).expect("images dir");
        image::RgbaImage::from_pixel(4, 4, image::Rgba([10, 80, 140, 255]))
            .save(&logo)
            .expect("write logo");
        fixture
    }

    /// A path inside the fixture.
    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Writes a file, creating its folder.
    pub fn write(&self, relative: &str, text: impl AsRef<[u8]>) {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("create dir");
        fs::write(path, text).expect("write file");
    }

    /// Replaces `from` by `to` in a file, which must contain it.
    pub fn edit(&self, relative: &str, from: &str, to: &str) {
        let path = self.path(relative);
        let text = fs::read_to_string(&path).expect("read file");
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        fs::write(path, text.replacen(from, to, 1)).expect("write file");
    }

    /// The content paths of the fixture.
    pub fn paths(&self) -> ContentPaths {
        ContentPaths::beside(self.path("content"))
    }

    /// Loads the fixture, expecting problems; returns them.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        match load_deck(&self.paths()) {
            Ok(_) => panic!("the broken content loaded without a problem"),
            Err(ContentErrors(diagnostics)) => diagnostics,
        }
    }
}

/// Asserts that one diagnostic is in `file` at `line`:`column` and its message contains
/// every one of `words`.
#[track_caller]
pub fn assert_diagnostic(
    diagnostics: &[Diagnostic],
    file: &str,
    line: usize,
    column: usize,
    words: &[&str],
) {
    let found = diagnostics.iter().any(|d| {
        d.path.ends_with(file)
            && d.line == line
            && d.column == column
            && words.iter().all(|w| d.message.contains(w))
    });
    assert!(
        found,
        "expected {file}:{line}:{column} containing {words:?}; got:\n{}",
        diagnostics
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Presses at `from`, moves through `path` one frame at a time, and releases at the end; then
/// lets the screen settle.
pub fn finger(harness: &mut Harness<'_, KioskApp>, from: Pos2, path: &[Pos2]) {
    finger_stroke(harness, from, path);
    harness.run();
}

/// [`finger`] that stops one frame after the release (simulated time moves on only a frame).
pub fn finger_stroke(harness: &mut Harness<'_, KioskApp>, from: Pos2, path: &[Pos2]) {
    harness.event(Event::PointerMoved(from));
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    let mut last = from;
    for &point in path {
        harness.event(Event::PointerMoved(point));
        harness.step();
        last = point;
    }
    harness.event(Event::PointerButton {
        pos: last,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
}

/// A tap: press and release at `at`, a frame each.
pub fn tap(harness: &mut Harness<'_, KioskApp>, at: Pos2) {
    harness.event(Event::PointerMoved(at));
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: at,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
}

/// An argon2 hash of `pin` made with cheap settings, so tests stay fast in a debug build.
pub fn cheap_pin_hash(pin: &str) -> String {
    let params = argon2::Params::new(1024, 1, 1, None).expect("valid argon2 settings");
    let argon2 = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    patient_kiosk::staff::hash_pin_with(&argon2, pin).expect("a valid PIN")
}

/// The commands the app sent its window on the last frame.
pub fn viewport_commands(harness: &Harness<'_, KioskApp>) -> Vec<egui::ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|output| output.commands.clone())
        .unwrap_or_default()
}

/// Asks the window to close, as the window manager does, and runs a frame.
pub fn request_close(harness: &mut Harness<'_, KioskApp>) {
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    harness.step();
}

/// A finger touches an empty part of the screen, for a frame.
pub fn touch(harness: &mut Harness<'_, KioskApp>) {
    harness.event(Event::PointerMoved(egui::pos2(5.0, 600.0)));
    harness.step();
}

/// Lets `frames` frames pass with nobody touching.
pub fn wait_frames(harness: &mut Harness<'_, KioskApp>, frames: u32) {
    for _ in 0..frames {
        harness.step();
    }
}

impl Fixture {
    /// The fixture with a second language, `es`, whose files start as copies of the English ones.
    pub fn with_spanish() -> Self {
        let fixture = Self::new();
        fixture.edit(
            "content/deck.ron",
            "languages: [\"en\"]",
            "languages: [\"en\", \"es\"]",
        );
        for file in [
            "interface.ron",
            "clinic.ron",
            "topics/alpha.ron",
            "topics/beta.ron",
        ] {
            let text = fs::read_to_string(fixture.path(&format!("content/en/{file}")))
                .expect("read the English file");
            fixture.write(&format!("content/es/{file}"), text);
        }
        fixture
    }
}

/// Runs the `patient-kiosk` binary with `args`, as a person at a terminal would.
pub fn run_bin(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// What a run printed to stdout.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A harness on `app` at `size`, where each frame is a whole second of simulated time (so
/// idle timeouts pass in a few dozen frames).
pub fn second_steps(app: KioskApp, size: egui::Vec2) -> Harness<'static, KioskApp> {
    Harness::builder()
        .with_size(size)
        .with_step_dt(1.0)
        .with_max_steps(10)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app)
}

/// The page (of the default language) that shows the diagram `id`.
pub fn page_with_diagram(deck: &Deck, id: &str) -> patient_kiosk::content::PageRef {
    deck.language(deck.default_language)
        .pages()
        .find(|(_, page)| page.diagram_ids().any(|shown| shown == id))
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no page shows the diagram {id:?}"))
}

/// Scrolls the control with `role` and `label` into view, then taps it.
pub fn scroll_and_tap(
    harness: &mut Harness<'_, KioskApp>,
    role: egui::accesskit::Role,
    label: &str,
) {
    harness.get_by_role_and_label(role, label).scroll_to_me();
    harness.run();
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

/// Carries out `command` as a patient's tap would: the command, then a touch on the screen.
pub fn tap_command(harness: &mut Harness<'_, KioskApp>, command: patient_kiosk::app::Command) {
    harness.state_mut().apply(command);
    touch(harness);
}

/// Whether the poppler tools (`pdftotext`, `pdftoppm`) are here. Without them: a note, or a
/// failure on CI (`.ci/run` installs them).
pub fn poppler() -> bool {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
    {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "pdftotext is missing: install poppler-utils (.ci/run does)"
    );
    eprintln!("note: pdftotext (poppler-utils) is not installed; skipping this check");
    false
}

/// A PDF's text as `pdftotext` reads it, every run of white space made one space.
pub fn pdf_text(pdf: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&output.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the kiosk until every picture it asked for is decoded (they are decoded off the
/// screen's thread) and drawn.
pub fn settle_pictures(harness: &mut Harness<'_, KioskApp>) {
    harness.run();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while harness.state().pictures_loading() {
        assert!(
            std::time::Instant::now() < deadline,
            "pictures decoded within 20 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
        harness.step();
    }
    harness.run();
}

/// Gives `app` a voice and a player that stand in for espeak-ng and aplay (neither is run),
/// so its pages show the Listen button whatever this machine has.
pub fn with_listen_button(app: &mut KioskApp) {
    app.set_narration(
        Ok(patient_kiosk::narration::EspeakNg::at(
            std::path::Path::new("espeak-ng"),
        )),
        Ok(patient_kiosk::narration::Player::with_command(vec![
            "true".to_owned(),
        ])),
    );
}
