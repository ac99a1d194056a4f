//! Staff get in with the hidden gesture and the PIN, and only with them: wrong PINs lock the
//! pad for a growing time, and the staff menu's actions work. Simulated time runs a tenth of a
//! second a frame.

use crate::common;

use egui::ViewportCommand;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, MenuView, StaffPanel};
use patient_kiosk::config::KioskConfig;
use patient_kiosk::{KioskApp, Theme};

const PIN: &str = "2468";
/// In the bottom-left corner of the 1920x1080 screen, where the home screen has nothing.
const CORNER: egui::Pos2 = egui::pos2(30.0, 1050.0);
const STEP_SECS: f32 = 0.1;

/// A locked kiosk with a staff PIN, on its home screen.
fn kiosk(settings_path: Option<std::path::PathBuf>) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(true);
    app.set_settings(
        KioskConfig {
            kiosk: true,
            staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
            ..KioskConfig::default()
        },
        settings_path,
    );
    on_home(app)
}

/// `app` on its home screen at 1920x1080, simulated time running a step a frame.
fn on_home(mut app: KioskApp) -> Harness<'static, KioskApp> {
    app.apply(Command::Home);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(STEP_SECS)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn taps_in_corner(harness: &mut Harness<'_, KioskApp>, taps: usize) {
    for _ in 0..taps {
        common::tap(harness, CORNER);
    }
    harness.step();
}

fn pad_open(harness: &Harness<'_, KioskApp>) -> bool {
    harness.query_by_label("Enter the staff PIN.").is_some()
}

fn menu_open(harness: &Harness<'_, KioskApp>) -> bool {
    matches!(
        harness.state().session().staff,
        Some(StaffPanel::Menu { .. })
    ) && harness.query_by_label("Staff menu").is_some()
}

/// Taps a button, then lets three frames pass: one to act, one to draw the panel's new
/// contents, and one to centre the panel again at its new size.
fn press(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    for _ in 0..3 {
        harness.step();
    }
}

fn type_pin(harness: &mut Harness<'_, KioskApp>, pin: &str) {
    for digit in pin.chars() {
        press(harness, &digit.to_string());
    }
    press(harness, "Enter");
}

fn wait(harness: &mut Harness<'_, KioskApp>, secs: f32) {
    common::wait_frames(harness, (secs / STEP_SECS).round() as u32);
}

#[test]
fn five_quick_taps_and_the_pin_open_the_staff_menu() {
    let mut harness = kiosk(None);
    taps_in_corner(&mut harness, 4);
    assert!(!pad_open(&harness), "four taps are not enough");
    wait(&mut harness, 4.0);
    taps_in_corner(&mut harness, 1);
    assert!(!pad_open(&harness), "the taps must be quick");
    taps_in_corner(&mut harness, 5);
    assert!(
        pad_open(&harness),
        "five quick taps in the corner open the PIN pad"
    );
    assert!(!menu_open(&harness));
    type_pin(&mut harness, PIN);
    assert!(menu_open(&harness), "the right PIN opens the staff menu");
    assert!(!pad_open(&harness));
}

#[test]
fn a_finger_held_three_seconds_in_the_corner_opens_the_pad() {
    let mut harness = kiosk(None);
    harness.event(egui::Event::PointerMoved(CORNER));
    harness.event(egui::Event::PointerButton {
        pos: CORNER,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    wait(&mut harness, 2.5);
    assert!(!pad_open(&harness), "not yet");
    wait(&mut harness, 1.0);
    assert!(pad_open(&harness), "held for three seconds");
}

#[test]
fn the_pad_shows_dots_not_digits_and_cancel_goes_back_to_the_visit() {
    let mut harness = kiosk(None);
    taps_in_corner(&mut harness, 5);
    press(&mut harness, "2");
    press(&mut harness, "4");
    let Some(StaffPanel::PinPad { digits, .. }) = &harness.state().session().staff else {
        panic!("the pad is open");
    };
    assert_eq!(digits.as_str(), "24");
    assert_eq!(
        format!("{digits:?}"),
        "PinDigits(2 digits)",
        "never printed"
    );
    press(&mut harness, "Delete");
    let Some(StaffPanel::PinPad { digits, .. }) = &harness.state().session().staff else {
        panic!("the pad is open");
    };
    assert_eq!(digits.as_str(), "2");
    press(&mut harness, "Cancel");
    assert!(harness.state().session().staff.is_none());
    assert!(!pad_open(&harness));
}

#[test]
fn five_wrong_pins_lock_the_pad_for_a_growing_time_even_across_visits() {
    let mut harness = kiosk(None);
    taps_in_corner(&mut harness, 5);
    for tries_left in (1..=4).rev() {
        type_pin(&mut harness, "1111");
        let said = format!("That PIN is not right. {tries_left} tries left.");
        assert!(harness.query_by_label(&said).is_some(), "{said}");
    }
    type_pin(&mut harness, "1111");
    assert!(
        harness
            .query_by_label("Too many wrong PINs. Try again in 30 seconds.")
            .is_some()
    );
    // Locked: even the right PIN cannot be typed.
    type_pin(&mut harness, PIN);
    assert!(
        !menu_open(&harness),
        "the right PIN is refused while locked"
    );

    // A new visit gives no fresh tries.
    harness.state_mut().apply(Command::StartOver);
    harness.state_mut().apply(Command::Home);
    harness.run();
    taps_in_corner(&mut harness, 5);
    assert!(
        harness
            .query_by_label_contains("Too many wrong PINs")
            .is_some()
    );

    wait(&mut harness, 30.0);
    assert!(pad_open(&harness), "the lockout is over");
    for _ in 0..5 {
        type_pin(&mut harness, "1111");
    }
    assert!(
        harness
            .query_by_label("Too many wrong PINs. Try again in 60 seconds.")
            .is_some(),
        "the second lockout is twice as long"
    );
    wait(&mut harness, 60.0);
    type_pin(&mut harness, PIN);
    assert!(menu_open(&harness));
}

/// Opens the staff menu with the gesture and the PIN.
fn open_menu(harness: &mut Harness<'_, KioskApp>) {
    taps_in_corner(harness, 5);
    type_pin(harness, PIN);
    assert!(menu_open(harness));
}

#[test]
fn leave_the_kiosk_closes_even_a_locked_window() {
    let mut harness = kiosk(None);
    open_menu(&mut harness);
    press(&mut harness, "Leave the kiosk");
    assert!(harness.state().is_exiting());
    let commands = common::viewport_commands(&harness);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    // The close that follows is not refused.
    common::request_close(&mut harness);
    assert!(!common::viewport_commands(&harness).contains(&ViewportCommand::CancelClose));
}

#[test]
fn the_idle_time_changes_at_once_and_is_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    let mut harness = kiosk(Some(path.clone()));
    open_menu(&mut harness);
    assert!(
        harness
            .query_by_label("Start over after 60 seconds without a touch")
            .is_some()
    );
    press(&mut harness, "Longer");
    assert!(
        harness
            .query_by_label("Start over after 90 seconds without a touch")
            .is_some()
    );
    let (saved, error) = KioskConfig::load(&path);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(saved.idle_timeout_secs, 90);
    assert!(saved.kiosk, "the other settings are kept");
    assert_eq!(
        saved.staff_pin_hash,
        harness.state().settings().staff_pin_hash
    );
    press(&mut harness, "Shorter");
    press(&mut harness, "Shorter");
    assert_eq!(KioskConfig::load(&path).0.idle_timeout_secs, 45);

    // Back to the kiosk: a fresh start, and the question comes after the new idle time.
    press(&mut harness, "Back to the kiosk");
    assert!(harness.state().session().staff.is_none());
    harness.state_mut().apply(Command::Home);
    common::tap(&mut harness, egui::pos2(960.0, 1000.0));
    wait(&mut harness, 44.0);
    assert!(harness.query_by_label("Are you still there?").is_none());
    wait(&mut harness, 2.0);
    assert!(harness.query_by_label("Are you still there?").is_some());
}

#[test]
fn the_menu_shows_statistics_and_problems_and_a_reset_closes_it() {
    let mut harness = kiosk(None);
    open_menu(&mut harness);
    press(&mut harness, "Usage statistics");
    assert_eq!(
        harness.state().session().staff,
        Some(StaffPanel::Menu {
            view: MenuView::Statistics,
            notice: None
        })
    );
    assert!(harness.query_by_label("No statistics yet.").is_some());
    press(&mut harness, "Back to the menu");
    press(&mut harness, "Content problems");
    assert!(
        harness
            .query_by_label("The content has no problems.")
            .is_some()
    );
    // Staff walk away: the idle reset closes the menu for the next patient.
    wait(&mut harness, 80.0);
    assert!(harness.state().session().staff.is_none());
    assert!(harness.query_by_label("Staff menu").is_none());
}

#[test]
fn a_settings_file_broken_while_running_is_not_overwritten_and_edits_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    let mut harness = kiosk(Some(path.clone()));
    open_menu(&mut harness);
    press(&mut harness, "Longer");
    // Someone edits the file by hand while the kiosk runs: the countdown is now 20 s.
    let edited = std::fs::read_to_string(&path)
        .expect("saved")
        .replace("countdown_secs: 15", "countdown_secs: 20");
    std::fs::write(&path, &edited).expect("edit");
    press(&mut harness, "Longer");
    let (saved, error) = KioskConfig::load(&path);
    assert!(error.is_none(), "{error:?}");
    assert_eq!(
        (saved.idle_timeout_secs, saved.countdown_secs),
        (120, 20),
        "the hand edit is kept"
    );

    // Then a typo breaks it: the kiosk keeps its settings, says it could not save, and leaves
    // the file for its editor to fix.
    let broken = "(idle_timeout_secs: 90,, oops";
    std::fs::write(&path, broken).expect("break");
    press(&mut harness, "Longer");
    assert!(
        harness
            .query_by_label(
                "This works now, but the settings file could not be saved. See the log."
            )
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Start over after 180 seconds without a touch")
            .is_some(),
        "the new time works"
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
}

#[test]
fn a_broken_settings_file_is_named_on_the_pin_pad_instead_of_asking_for_a_pin() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    std::fs::write(&path, "(idle_timeout_secs: 90,, oops").expect("write");
    // What the kiosk does at start: safe settings (locked, no PIN) and the problem.
    let (settings, problem) = KioskConfig::load(&path);
    let problem = problem.expect("the file is broken").to_string();
    assert!(
        problem.contains("config.ron:1:"),
        "file, line and column: {problem}"
    );
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(settings.kiosk);
    app.set_settings(settings, None);
    app.set_settings_problem(Some(problem.clone()));
    let mut harness = on_home(app);
    taps_in_corner(&mut harness, 5);
    let line = format!(
        "The settings file cannot be read: {problem} The kiosk runs locked, with the default \
         settings."
    );
    assert!(harness.query_by_label(&line).is_some(), "the pad says why");
    assert!(
        harness
            .query_by_label("No staff PIN is set. Run patient-kiosk set-pin on this computer.")
            .is_none()
    );
}

/// Staff are not the patient: the PIN pad and the menu keep the normal text size whatever size
/// the patient chose, so at extra large text in landscape every button of the menu, with all
/// three warnings showing, is still on the screen.
#[test]
fn the_staff_menu_fits_the_screen_at_the_largest_text_size() {
    let mut harness = kiosk(None);
    harness
        .state_mut()
        .set_settings_problem(Some("config.ron:1:2: something is wrong here".to_owned()));
    harness.run();
    open_menu(&mut harness);
    // The patient had chosen the largest text (at that size the home screen's tiles reach
    // the corner, and a tap there is a tile's).
    harness.state_mut().apply(Command::SetTextSize(
        patient_kiosk::theme::TextSize::ExtraLarge,
    ));
    harness.run();
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    assert!(
        harness
            .query_by_label_contains("something is wrong here")
            .is_some()
    );
    for label in [
        "Reload content now",
        "Usage statistics",
        "Shorter",
        "Longer",
        "Start consultation mode",
        "Leave the kiosk",
        "Back to the kiosk",
    ] {
        let rect = harness.get_by_label(label).rect();
        assert!(
            screen.contains_rect(rect),
            "{label} is off the screen at {rect:?}"
        );
    }
}

#[test]
fn a_locked_kiosk_with_broken_content_says_back_soon_and_shows_the_problems_to_staff_only() {
    let fixture = common::Fixture::new();
    fixture.write("content/en/topics/beta.ron", "Topic(id: \"beta\", title: ");
    let errors = patient_kiosk::load_deck(&fixture.paths()).expect_err("broken");
    let problem = errors.0[0].to_string();
    assert!(problem.contains(&fixture.path("").display().to_string()));
    let mut app = KioskApp::new(Theme::bundled(), Err(errors));
    app.set_locked(true);
    app.set_settings(
        KioskConfig {
            kiosk: true,
            staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
            ..KioskConfig::default()
        },
        None,
    );
    let mut harness = on_home(app);
    // Patients: a calm screen in English and Spanish, no path, no piece of a file.
    for (title, line) in patient_kiosk::screens::BACK_SOON_WORDS {
        assert!(harness.query_by_label(title).is_some(), "{title}");
        assert!(harness.query_by_label(line).is_some(), "{line}");
    }
    assert!(harness.query_by_label_contains("beta.ron").is_none());
    assert!(harness.query_by_label_contains("problem").is_none());
    // Staff: the gesture and the PIN, then the problems in the menu.
    taps_in_corner(&mut harness, 5);
    assert!(
        pad_open(&harness),
        "the PIN pad opens on broken content too"
    );
    type_pin(&mut harness, PIN);
    assert!(menu_open(&harness));
    press(&mut harness, "Content problems");
    assert!(
        harness.query_by_label_contains("beta.ron").is_some(),
        "the staff see the problem"
    );
    press(&mut harness, "Back to the menu");
    press(&mut harness, "Back to the kiosk");
    assert!(harness.query_by_label_contains("beta.ron").is_none());
    assert!(harness.query_by_label(BACK_SOON_TITLE).is_some());
}

const BACK_SOON_TITLE: &str = patient_kiosk::screens::BACK_SOON_WORDS[0].0;

#[test]
fn a_garbage_pin_hash_says_the_settings_are_broken_and_burns_no_tries() {
    // Before: "That PIN is not right", and every try counted towards the lockout.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.ron");
    let text = KioskConfig {
        kiosk: true,
        staff_pin_hash: Some("$argon2id$garbage".to_owned()),
        ..KioskConfig::default()
    }
    .to_ron();
    std::fs::write(&path, text).expect("write");
    let (settings, problem) = KioskConfig::load(&path);
    let problem = problem.expect("the hash is garbage").to_string();
    assert!(problem.contains("the settings are broken"), "{problem}");
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(settings.kiosk);
    app.set_settings(settings, None);
    app.set_settings_problem(Some(problem.clone()));
    let mut harness = on_home(app);
    taps_in_corner(&mut harness, 5);
    assert!(
        harness
            .query_by_label_contains("the settings are broken")
            .is_some(),
        "the pad says why"
    );
    assert!(!pad_open(&harness), "and asks for no PIN");
}

/// The clinic's logo (top left of the home screen) is a natural thing to tap: five quick taps
/// on it open nothing. Five quick taps on Back (bottom left of a page) are Back's, not the
/// gesture's. A pad opened on a kiosk with no PIN shows no command to whoever opened it.
#[test]
fn taps_on_the_logo_or_on_back_do_not_open_the_pad_and_it_shows_no_command() {
    let mut harness = kiosk(None);
    for _ in 0..5 {
        common::tap(&mut harness, egui::pos2(60.0, 50.0));
    }
    harness.step();
    assert!(!pad_open(&harness), "the logo is not the way in");

    let deck = common::bundled_deck();
    // The first topic's third page: three taps on Back lead home, and two more fall on the
    // home screen's empty corner; all five would make the gesture if Back's counted.
    let (third, _) = deck.language(0).pages().nth(2).expect("a page");
    harness.state_mut().apply(Command::Open(third));
    harness.run();
    let back = harness.get_by_role_and_label(Role::Button, "Back").rect();
    let on_back = egui::pos2(80.0, 1000.0);
    assert!(
        back.contains(on_back) && on_back.x < 120.0 && on_back.y > 1080.0 - 120.0,
        "Back reaches into the corner at {back:?}: the test taps it there"
    );
    for _ in 0..5 {
        common::tap(&mut harness, on_back);
    }
    harness.step();
    assert!(!pad_open(&harness), "Back's taps are not the gesture");
    assert_eq!(
        harness.state().session().screen,
        patient_kiosk::app::Screen::Home,
        "Back did its job"
    );

    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_locked(true);
    let mut harness = on_home(app);
    taps_in_corner(&mut harness, 5);
    let words = common::bundled_deck()
        .language(0)
        .interface
        .staff
        .pin_not_set
        .clone();
    assert!(
        harness.query_by_label(&words).is_some(),
        "the pad says: {words}"
    );
    for language in 0..2 {
        let words = &deck.language(language).interface.staff;
        for text in [&words.pin_not_set, &words.pin_title, &words.pin_prompt] {
            assert!(
                !["patient-kiosk", "set-pin", "sudo", "systemctl", "`"]
                    .iter()
                    .any(|command| text.contains(command)),
                "a command on the pad: {text}"
            );
        }
    }
}

/// Content governance: a topic no one approved and one whose review is overdue are warnings of
/// `check` (at their places; the content still loads) and lines of the staff menu; a date that
/// is not a date is a problem.
#[test]
fn reviews_missing_or_overdue_are_warned_of_by_check_and_shown_to_staff() {
    let fixture = common::Fixture::new();
    fixture.edit(
        "content/en/topics/alpha.ron",
        "    subtitle: \"First topic\",\n",
        "    subtitle: \"First topic\",\n    review: (approved_by: \"Dr. Test\", approved: \"2019-01-01\", due: \"2020-01-01\"),\n",
    );
    let content = fixture.path("content");
    let output = common::run_bin(&["check", content.to_str().expect("UTF-8")]);
    let printed = common::stdout(&output);
    assert!(output.status.success(), "warnings only: {printed}");
    let alpha = fixture.path("content/en/topics/alpha.ron");
    let beta = fixture.path("content/en/topics/beta.ron");
    assert!(
        printed.contains(&format!(
            "warning: {}:5:68: The review of the topic \"alpha\" was due 2020-01-01 (approved by Dr. Test on 2019-01-01).",
            alpha.display()
        )),
        "{printed}"
    );
    assert!(
        printed.contains(&format!(
            "warning: {}:2:9: No one has approved the topic \"beta\"",
            beta.display()
        )),
        "{printed}"
    );

    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("loads, with warnings");
    assert_eq!(deck.warnings.len(), 2);
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_settings(
        KioskConfig {
            staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
            ..KioskConfig::default()
        },
        None,
    );
    let mut harness = on_home(app);
    open_menu(&mut harness);
    assert!(
        harness
            .query_by_label("Due 2020-01-01: Alpha (en)")
            .is_some()
    );
    assert!(harness.query_by_label("Not approved: Beta (en)").is_some());

    fixture.edit(
        "content/en/topics/alpha.ron",
        "due: \"2020-01-01\"",
        "due: \"next year\"",
    );
    common::assert_diagnostic(
        &fixture.diagnostics(),
        "en/topics/alpha.ron",
        5,
        68,
        &["`due` is \"next year\": write a date as YYYY-MM-DD"],
    );
    fixture.edit(
        "content/en/topics/alpha.ron",
        "due: \"next year\"",
        "due: \"2018-06-01\"",
    );
    common::assert_diagnostic(
        &fixture.diagnostics(),
        "en/topics/alpha.ron",
        5,
        68,
        &["The review is due 2018-06-01, not after its approval on 2019-01-01."],
    );
}

/// Many topics due at once (a whole content approved on one day comes due on one day): the
/// menu names the first three and says how many more, so its buttons stay on the screen; the
/// content problems list every one.
#[test]
fn many_reviews_due_are_counted_in_the_menu_and_listed_with_the_problems() {
    let fixture = common::Fixture::with_spanish();
    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("loads, with warnings");
    assert_eq!(
        deck.warnings.len(),
        4,
        "two topics in two languages, none approved"
    );
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_settings(
        KioskConfig {
            staff_pin_hash: Some(common::cheap_pin_hash(PIN)),
            ..KioskConfig::default()
        },
        None,
    );
    let mut harness = on_home(app);
    open_menu(&mut harness);
    let shown = harness
        .query_all_by_label_contains("Not approved: ")
        .count();
    assert_eq!(shown, 3, "three in the menu");
    assert!(harness.query_by_label("1 more.").is_some());
    press(&mut harness, "Problems");
    for topic in ["Alpha (en)", "Beta (en)", "Alpha (es)", "Beta (es)"] {
        assert!(
            harness
                .query_by_label_contains(&format!("Not approved: {topic}"))
                .is_some(),
            "{topic} with the problems"
        );
    }
}
