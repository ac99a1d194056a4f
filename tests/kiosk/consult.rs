//! Consultation mode for clinicians: no attract screen, a mark on screen, and an index that
//! reaches every page and can open a diagram at any step, with a search box that filters it.

use crate::common;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen};
use patient_kiosk::{KioskApp, Theme};

fn consult() -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_consult(true);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn search(harness: &mut Harness<'_, KioskApp>, words: &str) {
    harness.state_mut().apply(Command::Search(words.to_owned()));
    harness.run();
}

#[test]
fn consultation_opens_on_the_topics_with_its_mark_and_no_attract_screen() {
    let mut harness = consult();
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert!(harness.query_by_label("Consultation mode").is_some());
    // A reset in consultation mode comes back to the topics, not the invitation.
    harness.state_mut().apply(Command::StartOver);
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
    harness
        .get_by_role_and_label(Role::Button, "All topics and pictures")
        .click();
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Index);
}

#[test]
fn the_index_reaches_every_page_by_searching_its_title() {
    let deck = common::bundled_deck();
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    for (at, page) in deck.language(0).pages() {
        search(&mut harness, &page.title);
        // Several pages may match; a clinician scrolls to the one they want.
        harness
            .get_by_role_and_label(Role::Button, &page.title)
            .scroll_to_me();
        harness.run();
        harness
            .get_by_role_and_label(Role::Button, &page.title)
            .click();
        harness.run();
        assert_eq!(
            harness.state().session().screen,
            Screen::Page(at),
            "{}",
            page.id
        );
        harness.state_mut().apply(Command::OpenIndex);
        harness.run();
    }
}

#[test]
fn searching_keeps_only_pages_with_every_word_and_says_when_nothing_matches() {
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    let before = harness.query_all_by_role(Role::Button).count();
    search(&mut harness, "dime camera");
    assert!(harness.query_by_label("The scope").is_some());
    assert!(harness.query_by_label("Every surgery has risks").is_none());
    assert!(harness.query_all_by_role(Role::Button).count() < before);
    search(&mut harness, "zebra");
    assert!(
        harness
            .query_by_label("Nothing matches. Try another word.")
            .is_some()
    );
}

#[test]
fn typing_in_the_search_box_filters() {
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    let field = harness.get_by_role(Role::TextInput);
    field.click();
    harness.run();
    harness.get_by_role(Role::TextInput).type_text("dime");
    harness.run();
    assert_eq!(harness.state().session().index_query, "dime");
    harness.key_press(Key::Backspace);
    harness.run();
    assert_eq!(harness.state().session().index_query, "dim");
}

#[test]
fn a_diagram_opens_at_a_chosen_step() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, "surgery-day-steps");
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    search(&mut harness, "step by step");
    harness
        .get_by_role_and_label(Role::Button, "Day of surgery, step by step: Step 4")
        .click();
    harness.run();
    let session = harness.state().session();
    assert_eq!(session.screen, Screen::Page(at));
    assert_eq!(session.diagram_steps.get("surgery-day-steps"), Some(&3));
    assert!(harness.query_by_label("Step 4 of 6").is_some());
}

/// The index names each diagram as a clinician would, on a card of its own with a thumbnail,
/// and a touchscreen with no keyboard types with the kiosk's own (issue 19).
#[test]
fn the_index_names_diagrams_as_a_clinician_would_and_types_with_its_own_keyboard() {
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    for name in [
        "Spine anatomy and problems",
        "Tubular retractor vs open exposure",
        "Fluoroscope (C-arm)",
    ] {
        harness.get_by_role_and_label(Role::Button, name);
    }
    assert!(harness.query_by_label("Done").is_none(), "no keyboard yet");
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    for key in ["f", "l", "u", "r", "o"] {
        harness.get_by_role_and_label(Role::Button, key).click();
        harness.run();
    }
    assert_eq!(harness.state().session().index_query, "fluro");
    // A slip still finds the fluoroscope, by its page and by its diagram's name.
    harness.get_by_role_and_label(Role::Button, "The fluoroscope");
    harness.get_by_role_and_label(Role::Button, "Fluoroscope (C-arm)");
    assert!(
        harness
            .query_by_label("Spine anatomy and problems")
            .is_none()
    );
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run();
    assert_eq!(harness.state().session().index_query, "flur");
    harness
        .get_by_role_and_label(Role::Button, "Capital")
        .click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "A").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "a").click();
    harness.run();
    assert_eq!(
        harness.state().session().index_query,
        "flurAa",
        "one capital"
    );
    harness.get_by_role_and_label(Role::Button, "Done").click();
    harness.run();
    assert!(
        harness.query_by_label("Done").is_none(),
        "the keyboard is gone"
    );
    // In Spanish, the keyboard has Spanish letters.
    harness.state_mut().apply(Command::ChooseLanguage(1));
    harness.run();
    harness.get_by_role(Role::TextInput).click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "ñ").click();
    harness.run();
    assert!(harness.state().session().index_query.ends_with('ñ'));
    harness.get_by_role_and_label(Role::Button, "Listo");
}

#[test]
fn staff_switch_consultation_mode_on_and_off_with_a_fresh_start() {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_idle_timing(60.0, 15.0);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(1.0)
        .with_max_steps(10)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Attract);
    // An ordinary window without a PIN opens the staff menu at once.
    harness
        .state_mut()
        .apply(Command::Staff(patient_kiosk::app::StaffCommand::OpenPinPad));
    for _ in 0..3 {
        harness.step();
    }
    press_in_menu(&mut harness, "Start consultation mode");
    assert!(harness.state().session().staff.is_none(), "a fresh start");
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert!(harness.query_by_label("Consultation mode").is_some());
    // The consultation's long idle time: nothing asks after the patient kiosk's minute.
    harness.state_mut().apply(Command::OpenIndex);
    for _ in 0..120 {
        harness.step();
    }
    assert!(harness.query_by_label("Are you still there?").is_none());
    assert_eq!(harness.state().session().screen, Screen::Index);

    harness
        .state_mut()
        .apply(Command::Staff(patient_kiosk::app::StaffCommand::OpenPinPad));
    for _ in 0..3 {
        harness.step();
    }
    press_in_menu(&mut harness, "Back to patient mode");
    assert_eq!(harness.state().session().screen, Screen::Attract);
    assert!(harness.query_by_label("Consultation mode").is_none());
}

/// Taps a button of the staff menu, scrolling the menu to it first (at large sizes it scrolls).
fn press_in_menu(harness: &mut Harness<'_, KioskApp>, label: &str) {
    common::scroll_and_tap(harness, Role::Button, label);
}

#[test]
fn each_page_search_text_holds_its_titles_and_diagram_words_in_lower_case() {
    let deck = common::bundled_deck();
    for language in &deck.languages {
        for (at, page) in language.pages() {
            // Folded: lower case, and no accents (a search for "cirugia" finds "Cirugía").
            let folded = patient_kiosk::content::search::folded;
            let text = language.search_text(at);
            let topic = &language.topics[at.topic].title;
            assert!(text.contains(&folded(&page.title)), "{}", page.id);
            assert!(text.contains(&folded(topic)), "{}", page.id);
            assert_eq!(text, folded(text), "{}", page.id);
            for id in page.diagram_ids() {
                for hotspot in language.diagram_texts[id].hotspots.values() {
                    assert!(text.contains(&folded(&hotspot.title)), "{}", page.id);
                }
            }
        }
        let past_the_end = patient_kiosk::content::PageRef {
            topic: 0,
            page: language.topics[0].pages.len(),
        };
        assert_eq!(language.search_text(past_the_end), "");
    }
}

/// A clinician's words find the pages (issue 19): a slip of the finger ("fluroscope"), the
/// clinic's words for what the pages call otherwise (synonyms.ron: "incision", "C-arm",
/// "discectomy", "DVT"), and "fusion", in English and in Spanish (accents never matter);
/// before, each found nothing. A word on no page still finds nothing.
#[test]
fn search_forgives_slips_and_knows_clinical_words_in_both_languages() {
    let deck = common::bundled_deck();
    let pages_for = |language: usize, query: &str| -> Vec<String> {
        let words = deck.language(language);
        (words.pages())
            .filter(|(at, _)| words.page_matches(*at, query))
            .map(|(_, page)| page.id.clone())
            .collect()
    };
    let cases = [
        (0, "fluroscope", "day-of-surgery-fluoroscope"),
        (0, "Flouroscope", "day-of-surgery-fluoroscope"),
        (0, "incision", "day-of-surgery-incisions"),
        (0, "C-arm", "day-of-surgery-fluoroscope"),
        (0, "discectomy", "conditions-list"),
        (0, "fusion", "conditions-uses"),
        (0, "DVT", "risks-general"),
        (1, "fluroscopio", "day-of-surgery-fluoroscope"),
        (1, "incisión", "day-of-surgery-incisions"),
        (1, "cirugia abierta", "benefits-compare"),
        (1, "TVP", "risks-general"),
        (1, "discectomía", "conditions-list"),
    ];
    for (language, query, page) in cases {
        let found = pages_for(language, query);
        // What the index screen asks every frame: the same pages, remembered.
        let words = deck.language(language);
        for _ in 0..2 {
            let remembered: Vec<String> = (words.pages_matching(query).into_iter())
                .filter_map(|at| Some(words.page(at)?.id.clone()))
                .collect();
            assert_eq!(remembered, found, "{query:?}");
        }
        assert!(
            found.iter().any(|id| id == page),
            "{query:?} finds {page}: {found:?}"
        );
    }
    assert!(pages_for(0, "zebra").is_empty());
    assert!(
        pages_for(0, "fluroscope zebra").is_empty(),
        "every word counts"
    );
    // On screen: the index shows what the slip found.
    let mut harness = consult();
    harness.state_mut().apply(Command::OpenIndex);
    harness.run();
    search(&mut harness, "fluroscope");
    let title = &deck
        .language(0)
        .page(common::page_with_diagram(&deck, "fluoroscope"))
        .expect("the page")
        .title;
    assert!(harness.query_by_label(title).is_some(), "{title}");
}
