//! The handout in consultation mode: pages and pictures added while talking, listed on the
//! handout screen, made into a PDF saved in the configured folder under a name with only the
//! date and time, and printed with the system's printer command when there is one.

use crate::common;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, ConsultCommand, HandoutStatus, Screen};
use patient_kiosk::config::KioskConfig;
use patient_kiosk::handout::HandoutItem;
use patient_kiosk::{KioskApp, Theme};

const DIAGRAM: &str = "spine";

/// Consultation mode on the page with the spine diagram (no steps), saving handouts in `dir` and
/// printing with `printer`.
fn consult(dir: &Path, printer: Option<PathBuf>) -> Harness<'static, KioskApp> {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, DIAGRAM);
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_settings(
        KioskConfig {
            handout_dir: Some(dir.to_owned()),
            ..KioskConfig::default()
        },
        None,
    );
    app.set_consult(true);
    app.set_printer(printer);
    let mut harness = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    harness
}

fn page_title(harness: &Harness<'_, KioskApp>) -> String {
    let Screen::Page(at) = harness.state().session().screen else {
        panic!("not on a page");
    };
    let deck = common::bundled_deck();
    let language = deck.language(harness.state().session().language.unwrap_or(0));
    language.page(at).expect("the page").title.clone()
}

/// Adds the page and its diagram with their buttons (in the language showing), then opens
/// the handout screen.
fn add_page_and_diagram(harness: &mut Harness<'_, KioskApp>) {
    let deck = common::bundled_deck();
    let words = deck
        .language(harness.state().session().language.unwrap_or(0))
        .interface
        .consult
        .clone();
    common::scroll_and_tap(harness, Role::Switch, &words.add_page);
    common::scroll_and_tap(harness, Role::Switch, &words.add_diagram);
    let items = &harness.state().session().handout.items;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(
        items[1],
        HandoutItem::Diagram {
            id: DIAGRAM.to_owned(),
            step: 0
        }
    );
    let open = words.handout.replace("{count}", "2");
    harness.get_by_role_and_label(Role::Button, &open).click();
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Handout);
}

/// Steps the kiosk until `done`, waiting in real time between frames for work on other threads
/// (the PDF, the printer).
fn wait_for(
    harness: &mut Harness<'_, KioskApp>,
    what: &str,
    done: impl Fn(&Harness<'_, KioskApp>) -> bool,
) {
    for _ in 0..3000 {
        if done(harness) {
            harness.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        harness.step();
    }
    panic!("{what} never happened");
}

fn making(harness: &Harness<'_, KioskApp>) -> bool {
    harness.state().session().handout_status == Some(HandoutStatus::Making)
}

/// Taps Create handout (`label`, in the language showing): the PDF is made on a thread of its
/// own while the screen goes on; waits until it is done.
fn create_and_wait(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_label(label).scroll_to_me();
    harness.run();
    harness.get_by_label(label).click();
    harness.step();
    assert!(making(harness), "made in the background");
    wait_for(harness, "the handout", |harness| !making(harness));
}

/// Puts every page into the handout: one that takes many frames' time to make.
fn add_every_page(harness: &mut Harness<'_, KioskApp>) {
    let deck = common::bundled_deck();
    for (_, page) in deck.language(0).pages() {
        let item = HandoutItem::Page(page.id.clone());
        if !harness.state().session().handout.contains(&item) {
            harness
                .state_mut()
                .apply(Command::Consult(ConsultCommand::ToggleHandout(item)));
        }
    }
    harness.run();
}

/// Taps Create handout after scrolling it into view, for one frame.
fn tap_create(harness: &mut Harness<'_, KioskApp>) {
    harness
        .get_by_role_and_label(Role::Button, "Create handout")
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "Create handout")
        .click();
    harness.step();
}

/// The text starting with `start` is wholly on the 1920x1080 screen.
fn assert_in_view(harness: &Harness<'_, KioskApp>, start: &str) {
    let shown = harness.get_by_label_contains(start).rect();
    assert!(
        shown.top() >= 0.0 && shown.bottom() <= 1080.0,
        "{start:?} is at {shown:?}"
    );
}

fn pdfs_in(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("the handout folder")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "pdf"))
        .count()
}

fn saved(harness: &Harness<'_, KioskApp>) -> PathBuf {
    match &harness.state().session().handout_status {
        Some(HandoutStatus::Saved(path)) => path.clone(),
        other => panic!("not saved: {other:?}"),
    }
}

#[test]
fn the_handout_lists_what_was_added_and_saves_a_pdf_named_only_by_the_time() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = consult(dir.path(), None);
    let title = page_title(&harness);
    add_page_and_diagram(&mut harness);
    assert!(
        harness.query_by_label(&title).is_some(),
        "the page is listed"
    );
    assert!(
        harness
            .query_by_label("Spine anatomy and problems")
            .is_some(),
        "the picture is listed by what a clinician calls it (it has no steps to name)"
    );
    assert!(
        harness.query_by_label("Print").is_none(),
        "no printer, no Print button"
    );
    // A walk-through is named with the step it was added at.
    let walk = HandoutItem::Diagram {
        id: "surgery-day-steps".to_owned(),
        step: 2,
    };
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::ToggleHandout(
            walk.clone(),
        )));
    harness.run();
    assert!(harness.query_by_label_contains("(Step 3)").is_some());
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::ToggleHandout(
            walk.clone(),
        )));
    harness.run();
    assert!(!harness.state().session().handout.contains(&walk));

    create_and_wait(&mut harness, "Create handout");
    let path = saved(&harness);
    assert_eq!(path.parent(), Some(dir.path()));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("a file name");
    let digits = name
        .strip_prefix("handout-")
        .and_then(|rest| rest.strip_suffix(".pdf"))
        .expect("handout-....pdf");
    assert!(
        digits.chars().all(|c| c.is_ascii_digit() || c == '-') && digits.len() >= 17,
        "only the date and time in the name: {name}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = |p: &Path| {
            std::fs::metadata(p)
                .map(|m| m.permissions().mode() & 0o777)
                .ok()
        };
        assert_eq!(
            mode(&path),
            Some(0o600),
            "the handout is the kiosk user's only"
        );
        assert_eq!(mode(dir.path()), Some(0o700), "and so is its folder");
    }
    let bytes = std::fs::read(&path).expect("the PDF was written");
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    assert!(
        harness.query_by_label_contains(name).is_some(),
        "the screen says where"
    );
    if common::poppler() {
        let text = common::pdf_text(&path);
        assert!(text.contains(&title), "the page's title is in the PDF");
        assert!(text.contains("216.636.5860"), "and the phone number");
    }

    // Removing the picture leaves the page.
    let removes: Vec<_> = harness.query_all_by_label("Remove").collect();
    assert_eq!(removes.len(), 2);
    removes[1].scroll_to_me();
    harness.run();
    let removes: Vec<_> = harness.query_all_by_label("Remove").collect();
    removes[1].click();
    harness.run();
    assert_eq!(
        harness.state().session().handout.items,
        [HandoutItem::Page(
            common::bundled_deck()
                .language(0)
                .pages()
                .find(|(_, page)| page.title == title)
                .map(|(_, page)| page.id.clone())
                .expect("the page")
        )]
    );
}

#[test]
fn a_spanish_patient_gets_a_spanish_handout() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = consult(dir.path(), None);
    let spanish = common::bundled_deck()
        .languages
        .iter()
        .position(|language| language.code == "es")
        .expect("Spanish");
    harness.state_mut().apply(Command::ChooseLanguage(spanish));
    harness.run();
    let title = page_title(&harness);
    add_page_and_diagram(&mut harness);
    create_and_wait(&mut harness, "Crear resumen");
    let path = saved(&harness);
    if common::poppler() {
        let text = common::pdf_text(&path);
        assert!(
            text.contains(&title),
            "the Spanish title is in the PDF: {title}"
        );
    }
}

/// A stand-in for `lp` that notes what it was asked to print, and succeeds or fails.
fn fake_printer(dir: &Path, works: bool) -> PathBuf {
    use std::os::unix::fs::PermissionsExt as _;
    let script = dir.join(if works { "lp" } else { "broken-lp" });
    let log = dir.join("printed.txt");
    let body = format!(
        "#!/bin/sh\necho \"$@\" >> '{}'\nexit {}\n",
        log.display(),
        if works { 0 } else { 1 }
    );
    std::fs::write(&script, body).expect("the script is written");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))
        .expect("the script can run");
    script
}

fn print_and_wait(harness: &mut Harness<'_, KioskApp>) {
    harness.get_by_role_and_label(Role::Button, "Print").click();
    harness.run();
    wait_for(harness, "the print job", |harness| {
        !matches!(
            harness.state().session().handout_status,
            Some(HandoutStatus::Saved(_))
        )
    });
}

#[test]
fn print_sends_the_saved_file_to_the_printer_and_says_how_it_went() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let printer = fake_printer(dir.path(), true);
    let mut harness = consult(dir.path(), Some(printer));
    add_page_and_diagram(&mut harness);
    create_and_wait(&mut harness, "Create handout");
    let path = saved(&harness);
    print_and_wait(&mut harness);
    assert_eq!(
        harness.state().session().handout_status,
        Some(HandoutStatus::Printed(path.clone()))
    );
    harness.run();
    assert!(harness.query_by_label("Sent to the printer.").is_some());
    let printed = std::fs::read_to_string(dir.path().join("printed.txt")).expect("it ran");
    assert_eq!(printed.trim(), format!("-- {}", path.display()));

    let broken = fake_printer(dir.path(), false);
    harness.state_mut().set_printer(Some(broken));
    create_and_wait(&mut harness, "Create handout");
    print_and_wait(&mut harness);
    assert!(matches!(
        harness.state().session().handout_status,
        Some(HandoutStatus::PrintFailed(_))
    ));
    harness.run();
    assert!(
        harness
            .query_by_label("Printing did not work. See the log.")
            .is_some()
    );
}

#[test]
fn a_handout_that_cannot_be_saved_says_so() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // A file where the folder should be.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "").expect("a file");
    let mut harness = consult(&blocked, None);
    add_page_and_diagram(&mut harness);
    create_and_wait(&mut harness, "Create handout");
    assert_eq!(
        harness.state().session().handout_status,
        Some(HandoutStatus::Failed)
    );
    assert!(
        harness
            .query_by_label("The handout could not be made. See the log.")
            .is_some()
    );
}

#[test]
fn the_handout_is_made_while_the_screen_goes_on_once_per_tap_and_only_for_its_visit() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = consult(dir.path(), None);
    add_page_and_diagram(&mut harness);
    add_every_page(&mut harness);
    tap_create(&mut harness);
    assert!(making(&harness), "made in the background");
    // A second tap while it is made starts no second one.
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::CreateHandout));
    harness.step();
    assert!(
        harness.query_by_label("Making the handout…").is_some(),
        "the screen says it is being made"
    );
    assert!(
        harness
            .get_by_role_and_label(Role::Button, "Create handout")
            .accesskit_node()
            .is_disabled(),
        "and waits"
    );
    // Tapped at the foot of a long list, the message below the button still comes into view.
    // (The scroll asked for in the frame that showed it lands in the next but one.)
    harness.step();
    harness.step();
    assert_in_view(&harness, "Making the handout…");
    wait_for(&mut harness, "the handout", |harness| !making(harness));
    let file = saved(&harness);
    assert_in_view(&harness, "Saved in");
    // In words: the folder (from home when it is there: "Documents › patient-kiosk-handouts"),
    // then the file's own name; never the path joined up.
    let (folder, name) = patient_kiosk::handout::saved_place_from_home(&file);
    assert_eq!(name, file.file_name().expect("a name").to_string_lossy());
    let said = format!("Saved in {folder} as {name}.");
    assert!(harness.query_by_label(&said).is_some(), "{said}");
    assert!(
        !said.contains(&file.display().to_string()),
        "not the path: {said}"
    );
    assert_eq!(pdfs_in(dir.path()), 1);

    // The visit is wiped while its handout is made: the file is saved, but the next visit
    // hears nothing of it.
    tap_create(&mut harness);
    assert!(making(&harness));
    harness.step(); // its message is on screen
    harness.state_mut().apply(Command::StartOver);
    wait_for(&mut harness, "the wiped visit's handout", |harness| {
        !harness.state().handout_in_progress()
    });
    assert_eq!(pdfs_in(dir.path()), 2);
    assert_eq!(harness.state().session().handout_status, None);

    // The next visit's first message comes into view too.
    add_every_page(&mut harness);
    harness
        .state_mut()
        .apply(Command::Consult(ConsultCommand::OpenHandout));
    harness.run();
    tap_create(&mut harness);
    harness.step();
    harness.step();
    harness.step();
    assert_in_view(&harness, "Making the handout…");
    wait_for(&mut harness, "the third handout", |harness| {
        !making(harness)
    });
}

/// A handout older than the days the settings keep (7 by default) is removed when the kiosk
/// starts; a newer one, and files the kiosk did not name, stay.
#[test]
fn handouts_older_than_the_days_kept_are_removed_and_others_stay() {
    let dir = tempfile::tempdir().expect("temp dir");
    let now = std::time::SystemTime::now();
    let day = std::time::Duration::from_secs(24 * 60 * 60);
    let aged = |name: &str, age: std::time::Duration| {
        let path = dir.path().join(name);
        std::fs::write(&path, b"%PDF-1.7").expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(now - age))
            .expect("dated");
        path
    };
    let old = aged("handout-2026-11-20-101500.pdf", 8 * day);
    let recent = aged("handout-2026-11-30-101500.pdf", 6 * day);
    let not_ours = aged("clinic-forms.pdf", 400 * day);

    let mut harness = consult(dir.path(), None);
    wait_for(&mut harness, "the old handout's removal", |_| !old.exists());

    assert!(recent.exists(), "a handout 6 days old is kept for 7");
    assert!(
        not_ours.exists(),
        "only the kiosk's own handouts are removed"
    );
}

/// The labels of the handout list's items, top to bottom.
fn listed(harness: &Harness<'_, KioskApp>, names: &[&str]) -> Vec<String> {
    let mut found: Vec<(f32, String)> = names
        .iter()
        .map(|name| {
            let node = harness.get_by_label(name);
            (node.rect().top(), (*name).to_owned())
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, name)| name).collect()
}

/// The handout screen as a clinician uses it (issue 19): items move by their buttons and by a
/// finger dragging them; the notes are typed with the on-screen keyboard and printed; the
/// pages are shown as they will print, as many as the PDF has.
#[test]
fn items_are_reordered_by_buttons_and_by_dragging_and_notes_are_typed_on_screen() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut harness = consult(dir.path(), None);
    let title = page_title(&harness);
    add_page_and_diagram(&mut harness);
    let diagram = "Spine anatomy and problems";
    assert_eq!(
        listed(&harness, &[&title, diagram]),
        [title.as_str(), diagram]
    );
    // Buttons: the diagram moves up.
    assert_eq!(harness.query_all_by_label("Move up").count(), 2);
    harness
        .query_all_by_label("Move up")
        .nth(1)
        .expect("the second item's Move up")
        .click();
    harness.run();
    assert_eq!(
        harness.state().session().handout.items[0],
        HandoutItem::Diagram {
            id: DIAGRAM.to_owned(),
            step: 0
        }
    );
    assert_eq!(
        listed(&harness, &[&title, diagram]),
        [diagram, title.as_str()]
    );
    // A finger drags the page back above the diagram.
    let from = harness.get_by_label(&title).rect().center();
    let to = harness.get_by_label(diagram).rect().center();
    common::finger(
        &mut harness,
        from,
        &[from + vec2(0.0, -10.0), egui::pos2(from.x, to.y - 20.0)],
    );
    assert_eq!(
        harness.state().session().handout.items[0],
        HandoutItem::Page(title_id(&harness, &title)),
        "dragged to the top"
    );

    // The notes: a tap on a box brings up the keyboard, which types into it.
    assert!(harness.query_by_label("Done").is_none());
    let level = harness.get_by_role_and_label(Role::TextInput, "Spine level");
    level.scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::TextInput, "Spine level")
        .click();
    harness.run();
    for key in ["Capital", "L", "4", "-", "Capital", "L", "5"] {
        harness.get_by_role_and_label(Role::Button, key).click();
        harness.run();
    }
    harness.get_by_role_and_label(Role::Button, "Done").click();
    harness.run();
    let notes = &harness.state().session().handout.notes;
    assert_eq!(
        notes.get(patient_kiosk::handout::NoteField::SpineLevel),
        "L4-L5"
    );
    assert!(
        harness.query_by_label("Done").is_none(),
        "the keyboard is gone"
    );
    // A box low on the screen, tapped: it comes into view above the keyboard under it.
    harness.get_by_label("Create handout").scroll_to_me();
    harness.run();
    let next = "Next appointment";
    harness.get_by_role_and_label(Role::TextInput, next).click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::TextInput, next).rect();
    let keys_top = harness
        .get_by_role_and_label(Role::Button, "1")
        .rect()
        .top();
    assert!(
        field.top() >= 0.0 && field.bottom() <= keys_top,
        "{field:?} is under the keys at {keys_top}"
    );
    harness.get_by_role_and_label(Role::Button, "Done").click();
    harness.run();

    // The preview shows as many pages as the PDF has, and the PDF has the notes.
    let preview_pages = harness.query_all_by_label_contains("Page ").count();
    create_and_wait(&mut harness, "Create handout");
    let pdf = saved(&harness);
    let text = common::pdf_text(&pdf);
    if common::poppler() {
        assert!(text.contains("Spine level L4-L5"), "{text}");
        let pages = text.matches("Page 1 of ").count();
        assert_eq!(pages, 1);
        let total = (1..=20)
            .find(|total| text.contains(&format!("Page 1 of {total}")))
            .expect("a footer");
        assert_eq!(preview_pages, total, "the preview has the PDF's pages");
    }
}

/// The id of the page titled `title` in the language showing.
fn title_id(harness: &Harness<'_, KioskApp>, title: &str) -> String {
    let deck = common::bundled_deck();
    let language = deck.language(harness.state().session().language.unwrap_or(0));
    let found = language.pages().find(|(_, page)| page.title == title);
    found.expect("the page").1.id.clone()
}
