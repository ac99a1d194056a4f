//! What changes behind a patient's back, and never in front of them: content updates wait for
//! the next visit (bad ones are kept out entirely), and each visit is counted for the usage
//! statistics when it ends.

use crate::common;

use std::path::Path;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen, StaffCommand, UsageRecorder};
use patient_kiosk::content::{PageRef, load_deck};
use patient_kiosk::stats::{FixedClock, PageVisit, StatsFile, read_records};
use patient_kiosk::{KioskApp, Theme};

const IDLE_SECS: f64 = 60.0;
const COUNTDOWN_SECS: f64 = 15.0;

fn harness_for(app: KioskApp) -> Harness<'static, KioskApp> {
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    harness
}

/// Carries out a command as a patient's tap would: the command, then a touch.
fn tap_command(harness: &mut Harness<'_, KioskApp>, command: Command) {
    common::tap_command(harness, command);
}

/// Lets `secs` of simulated time pass with nobody touching (a second a frame).
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    common::wait_frames(harness, secs as u32);
}

fn now_secs(harness: &Harness<'_, KioskApp>) -> f64 {
    harness.ctx.input(|input| input.time)
}

/// Opens the staff menu, as the hidden gesture does (its own tests are in `staff_access.rs`);
/// an ordinary window without a PIN asks for none.
fn open_staff_menu(harness: &mut Harness<'_, KioskApp>) {
    harness
        .state_mut()
        .apply(Command::Staff(StaffCommand::OpenPinPad));
    for _ in 0..3 {
        harness.step();
    }
}

fn press(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    for _ in 0..3 {
        harness.step();
    }
}

#[test]
fn a_visit_is_counted_from_the_first_touch_to_the_last_and_saved_at_the_reset() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats_path = dir.path().join("data/visits.ron");
    let deck = common::bundled_deck();
    let endoscope_at = common::page_with_diagram(&deck, "endoscope");
    let endoscope_id = deck
        .language(0)
        .page(endoscope_at)
        .map(|page| page.id.clone())
        .expect("the endoscope page");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    app.set_usage_recorder(UsageRecorder::new(
        Some(StatsFile::new(&stats_path)),
        Box::new(FixedClock::new("2026-11-24T09")),
    ));
    let mut harness = harness_for(app);

    // The first touch on the invitation starts the visit.
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    assert_eq!(harness.state().session().screen, Screen::Home);
    let started_secs = now_secs(&harness);
    wait(&mut harness, 4.0);
    tap_command(&mut harness, Command::Open(endoscope_at));
    let opened_secs = now_secs(&harness);
    wait(&mut harness, 10.0);
    for command in [
        Command::ToggleHotspot {
            diagram: "endoscope".to_owned(),
            hotspot: "lens".to_owned(),
        },
        Command::StepDiagram {
            diagram: "endoscope".to_owned(),
            forward: true,
        },
        Command::StepDiagram {
            diagram: "endoscope".to_owned(),
            forward: false,
        },
    ] {
        tap_command(&mut harness, command);
    }
    wait(&mut harness, 5.0);
    tap_command(&mut harness, Command::Home);
    let last_touch_secs = now_secs(&harness);
    assert!(
        !stats_path.exists(),
        "nothing is written while the visit runs"
    );

    wait(&mut harness, IDLE_SECS + COUNTDOWN_SECS + 2.0);
    assert_eq!(harness.state().session().screen, Screen::Attract, "reset");
    let log = read_records(&stats_path).expect("the visit was saved");
    assert_eq!(log.skipped_lines, 0);
    let [record] = log.records.as_slice() else {
        panic!("one visit, got {:?}", log.records);
    };
    assert_eq!(record.hour, "2026-11-24T09");
    assert_eq!(record.language, "en");
    let visit_secs = (last_touch_secs - started_secs).round() as u32;
    assert!(
        record.secs.abs_diff(visit_secs) <= 1,
        "the visit lasted to its last touch ({visit_secs} s), not to the reset: {record:?}"
    );
    let [PageVisit { page, views, secs }] = record.pages.as_slice() else {
        panic!("one page seen: {record:?}");
    };
    assert_eq!((page.as_str(), *views), (endoscope_id.as_str(), 1));
    let page_secs = (last_touch_secs - opened_secs).round() as u32;
    assert!(secs.abs_diff(page_secs) <= 1, "{secs} vs {page_secs}");
    assert_eq!(record.hotspot_taps, 1);
    assert_eq!(
        record.steps_completed, 1,
        "a step back is not a step completed"
    );

    // Staff using the menu are not a patient's visit.
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    open_staff_menu(&mut harness);
    assert!(
        harness.query_by_label("Staff menu").is_some(),
        "no PIN in a window"
    );
    press(&mut harness, "Usage statistics");
    assert!(
        harness.query_by_label_contains("2026-11-24").is_some(),
        "the report names the day"
    );
    press(&mut harness, "Back to the menu");
    press(&mut harness, "Back to the kiosk");
    wait(&mut harness, IDLE_SECS + COUNTDOWN_SECS + 2.0);
    let log = read_records(&stats_path).expect("readable");
    assert_eq!(
        log.records.len(),
        1,
        "the staff's visit is not counted: {:?}",
        log.records
    );
}

/// The fixture's first page.
const ALPHA_1: PageRef = PageRef { topic: 0, page: 0 };

/// The fixture's kiosk in the middle of a visit, on its first page.
fn fixture_kiosk(fixture: &common::Fixture) -> Harness<'static, KioskApp> {
    let deck = load_deck(&fixture.paths()).expect("the fixture is valid");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    app.set_content_paths(fixture.paths());
    let mut harness = harness_for(app);
    tap_command(&mut harness, Command::Home);
    tap_command(&mut harness, Command::Open(ALPHA_1));
    harness.step();
    harness
}

fn offer_what_is_on_disk(harness: &mut Harness<'_, KioskApp>, fixture: &common::Fixture) {
    harness
        .state_mut()
        .apply_content_update(load_deck(&fixture.paths()));
    harness.step();
    harness.step();
}

#[test]
fn a_broken_update_keeps_the_old_deck_and_a_fixed_one_waits_for_the_reset() {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    assert!(harness.query_by_label("First page").is_some());

    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: \"First page\"",
        "titel: \"Broken\"",
    );
    offer_what_is_on_disk(&mut harness, &fixture);
    assert!(
        harness.query_by_label("First page").is_some(),
        "the patient still sees the last good content"
    );
    assert_eq!(harness.state().session().screen, Screen::Page(ALPHA_1));
    let problems = harness
        .state()
        .update_problems()
        .expect("the problems are kept");
    assert!(
        problems.0[0].to_string().contains("alpha.ron:"),
        "{}",
        problems.0[0]
    );

    // Staff see the problems in the menu.
    open_staff_menu(&mut harness);
    assert!(harness.query_by_label("1 problems.").is_some());
    press(&mut harness, "Problems");
    assert!(harness.query_by_label_contains("alpha.ron:").is_some());
    press(&mut harness, "Menu");
    press(&mut harness, "Kiosk");
    tap_command(&mut harness, Command::Home);
    tap_command(&mut harness, Command::Open(ALPHA_1));

    fixture.edit(
        "content/en/topics/alpha.ron",
        "titel: \"Broken\"",
        "title: \"New first page\"",
    );
    offer_what_is_on_disk(&mut harness, &fixture);
    assert!(harness.state().update_problems().is_none(), "fixed");
    assert!(harness.state().pending_deck().is_some(), "waiting");
    assert!(
        harness.query_by_label("First page").is_some()
            && harness.query_by_label("New first page").is_none(),
        "the visit keeps the content it started with"
    );

    wait(&mut harness, IDLE_SECS + COUNTDOWN_SECS + 2.0);
    assert_eq!(harness.state().session().screen, Screen::Attract, "reset");
    assert!(harness.state().pending_deck().is_none(), "swapped in");
    tap_command(&mut harness, Command::Home);
    tap_command(&mut harness, Command::Open(ALPHA_1));
    harness.step();
    assert!(harness.query_by_label("New first page").is_some());
}

#[test]
fn editors_see_an_update_at_once_on_the_same_page() {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    harness.state_mut().set_swap_at_once(true);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: \"First page\"",
        "title: \"Edited\"",
    );
    offer_what_is_on_disk(&mut harness, &fixture);
    assert_eq!(harness.state().session().screen, Screen::Page(ALPHA_1));
    assert!(harness.query_by_label("Edited").is_some());
}

#[test]
fn reload_now_shows_fixed_content_and_reports_a_broken_one() {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    open_staff_menu(&mut harness);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: \"First page\"",
        "title: 7",
    );
    press(&mut harness, "Reload");
    assert!(harness.query_by_label("1 problems.").is_some());
    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: 7",
        "title: \"Reloaded page\"",
    );
    press(&mut harness, "Reload");
    assert!(harness.query_by_label("Reloaded 2.").is_some());
    press(&mut harness, "Kiosk");
    tap_command(&mut harness, Command::Home);
    tap_command(&mut harness, Command::Open(ALPHA_1));
    harness.step();
    assert!(harness.query_by_label("Reloaded page").is_some());
}

#[test]
fn the_watcher_brings_a_saved_change_to_the_next_patient() {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    let ctx = harness.ctx.clone();
    harness.state_mut().watch_content(&ctx);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: \"First page\"",
        "title: \"Saved page\"",
    );
    // The watcher loads in the background; give it up to 10 s of real time.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while harness.state().pending_deck().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(
        harness.state().pending_deck().is_some(),
        "the change was loaded and waits"
    );
    assert!(
        harness.query_by_label("First page").is_some(),
        "not yet shown"
    );
    harness.state_mut().apply(Command::StartOver);
    tap_command(&mut harness, Command::Home);
    tap_command(&mut harness, Command::Open(ALPHA_1));
    harness.step();
    assert!(harness.query_by_label("Saved page").is_some());
}

#[test]
fn a_statistics_file_that_cannot_be_written_is_named_in_the_staff_menu() {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    app.set_usage_recorder(UsageRecorder::new(
        Some(StatsFile::new("/dev/full")),
        Box::new(FixedClock::new("2026-11-24T09")),
    ));
    let mut harness = harness_for(app);
    let warning = "Visits cannot be saved to /dev/full. The disk may be full or read-only. See \
                   the log.";
    open_staff_menu(&mut harness);
    assert!(harness.query_by_label("Staff menu").is_some());
    assert!(
        harness.query_by_label(warning).is_none(),
        "nothing failed yet"
    );
    press(&mut harness, "Back to the kiosk");

    // A visit, then the reset saves it: the full disk refuses, and the kiosk carries on.
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    tap_command(&mut harness, Command::Open(PageRef { topic: 0, page: 0 }));
    wait(&mut harness, IDLE_SECS + COUNTDOWN_SECS + 2.0);
    assert_eq!(harness.state().session().screen, Screen::Attract, "reset");
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    assert_eq!(
        harness.state().session().screen,
        Screen::Home,
        "still working"
    );
    open_staff_menu(&mut harness);
    assert!(
        harness.query_by_label(warning).is_some(),
        "the staff are told"
    );
}

#[test]
fn a_broken_picture_keeps_the_last_good_content_or_shows_an_empty_frame_the_staff_hear_of() {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    harness.state_mut().set_swap_at_once(true);
    let logo = fixture.path("assets/images/logo.png");
    let good = std::fs::read(&logo).expect("the fixture's picture");

    // Garbage: the update is refused, the old picture stays, the problem names the file.
    fixture.write("assets/images/logo.png", b"not a picture any more");
    offer_what_is_on_disk(&mut harness, &fixture);
    let problems = harness
        .state()
        .update_problems()
        .map(|errors| errors.to_string())
        .unwrap_or_default();
    assert!(problems.contains("\"logo.png\" cannot be"), "{problems}");

    // Cut short: its size still reads, but `check` decodes it in full, so this update is
    // refused too (it used to be taken, and then every handout failed).
    fixture.write("assets/images/logo.png", &good[..good.len() / 2]);
    offer_what_is_on_disk(&mut harness, &fixture);
    let problems = harness
        .state()
        .update_problems()
        .map(|errors| errors.to_string())
        .unwrap_or_default();
    assert!(
        problems.contains("\"logo.png\" cannot be opened as a PNG or JPEG picture"),
        "{problems}"
    );

    // Spoilt after it was checked: the good picture is taken (the new content drops the
    // pictures decoded for the old), then cut short on disk. The page shows an empty frame
    // and the staff menu names the file.
    fixture.write("assets/images/logo.png", &good);
    offer_what_is_on_disk(&mut harness, &fixture);
    assert!(harness.state().update_problems().is_none(), "accepted");
    fixture.write("assets/images/logo.png", &good[..good.len() / 2]);
    tap_command(&mut harness, Command::Open(PageRef { topic: 1, page: 0 }));
    common::settle_pictures(&mut harness);
    assert!(
        harness.query_by_label("A logo.").is_some(),
        "the figure is there"
    );
    assert_eq!(
        harness.state().session().screen,
        Screen::Page(PageRef { topic: 1, page: 0 }),
        "and the kiosk goes on"
    );
    open_staff_menu(&mut harness);
    let line = format!("Unreadable: {}", logo.display());
    assert!(
        harness.query_by_label(&line).is_some(),
        "the staff are told"
    );
}

/// A visit goes on while `break_folder` takes the content folder away (given its path and a
/// place to keep it): the patient keeps the last good content, the staff menu counts the
/// problems, which name `deck.ron` and say `why`, and all is well once `mend_folder` puts it back.
fn the_last_good_content_outlives(
    break_folder: fn(&Path, &Path),
    mend_folder: fn(&Path, &Path),
    why: &str,
) {
    let fixture = common::Fixture::new();
    let mut harness = fixture_kiosk(&fixture);
    let content = fixture.path("content");
    let kept = fixture.path("content-kept");
    break_folder(&content, &kept);
    offer_what_is_on_disk(&mut harness, &fixture);
    let problems = harness
        .state()
        .update_problems()
        .map(|errors| errors.to_string())
        .unwrap_or_default();
    assert!(
        problems.contains("deck.ron") && problems.contains(why),
        "the staff are told which file and why: {problems}"
    );
    // The patient goes on with what was there.
    assert_eq!(harness.state().session().screen, Screen::Page(ALPHA_1));
    tap_command(&mut harness, Command::Next);
    assert!(matches!(harness.state().session().screen, Screen::Page(_)));
    open_staff_menu(&mut harness);
    let count = harness
        .state()
        .update_problems()
        .map_or(0, |errors| errors.0.len());
    assert!(count > 0);
    assert!(
        harness
            .query_by_label(&format!("{count} problems."))
            .is_some(),
        "the menu says so"
    );
    press(&mut harness, "Kiosk");

    mend_folder(&content, &kept);
    offer_what_is_on_disk(&mut harness, &fixture);
    assert!(harness.state().update_problems().is_none(), "fixed");
}

#[test]
fn a_deleted_content_folder_keeps_the_last_good_content_until_it_is_back() {
    the_last_good_content_outlives(
        |content, kept| std::fs::rename(content, kept).expect("the folder goes"),
        |content, kept| std::fs::rename(kept, content).expect("the folder is back"),
        "is missing",
    );
}

/// A content folder that cannot be read as a folder: a file stands in its place. (Taking its
/// permissions away would not do: the tests may run as root, whom permissions do not stop.)
#[test]
fn an_unreadable_content_folder_keeps_the_last_good_content_until_it_is_readable() {
    the_last_good_content_outlives(
        |content, kept| {
            std::fs::rename(content, kept).expect("the folder goes");
            std::fs::write(content, "not a folder").expect("a file takes its place");
        },
        |content, kept| {
            std::fs::remove_file(content).expect("the file goes");
            std::fs::rename(kept, content).expect("the folder is back");
        },
        "Not a directory",
    );
}
