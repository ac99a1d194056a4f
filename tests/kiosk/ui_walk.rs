//! The kiosk as a patient uses it: taps through every topic and page, swipes, and taps with a
//! shaky finger. Drives the real app with egui_kittest.

use crate::common;

use egui::accesskit::Role;
use egui::{Pos2, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, Screen};
use patient_kiosk::content::PageRef;
use patient_kiosk::{KioskApp, Theme};

const LANDSCAPE: Vec2 = vec2(1920.0, 1080.0);

fn kiosk(size: Vec2) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    // Past the attract screen, as after a first touch.
    app.apply(Command::Home);
    let mut harness = Harness::builder()
        .with_size(size)
        // A flick keeps a page scrolling (and repainting) for a few frames after the finger lifts.
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn screen(harness: &Harness<'_, KioskApp>) -> Screen {
    harness.state().session().screen
}

#[track_caller]
fn assert_label_shown(harness: &Harness<'_, KioskApp>, label: &str) {
    assert!(
        harness.query_all_by_label(label).next().is_some(),
        "expected to see {label:?} on {:?}",
        screen(harness)
    );
}

#[track_caller]
fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

#[test]
fn a_patient_can_read_every_page_of_every_topic() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let interface = &language.interface;
    let mut harness = kiosk(LANDSCAPE);
    assert_label_shown(&harness, &interface.home_title);

    for (topic_index, topic) in language.topics.iter().enumerate() {
        tap(&mut harness, &topic.title);
        for (page_index, page) in topic.pages.iter().enumerate() {
            let at = PageRef {
                topic: topic_index,
                page: page_index,
            };
            assert_eq!(screen(&harness), Screen::Page(at));
            assert_label_shown(&harness, &page.title);
            assert_label_shown(&harness, &language.page_of(at));
            if page_index + 1 < topic.pages.len() {
                tap(&mut harness, &interface.next);
            }
        }
        if topic.pages.len() > 1 {
            tap(&mut harness, &interface.back);
            let previous = &topic.pages[topic.pages.len() - 2];
            assert_label_shown(&harness, &previous.title);
        }
        tap(&mut harness, &interface.home);
        assert_eq!(screen(&harness), Screen::Home);
        assert_label_shown(&harness, &interface.home_title);
    }
}

#[test]
fn next_at_a_topics_end_goes_on_and_the_last_topic_leads_home() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let mut harness = kiosk(LANDSCAPE);
    // The first topic without a quiz ("Conditions"; a quiz ends a topic that has one).
    let (index, first) = language
        .topics
        .iter()
        .enumerate()
        .find(|(_, topic)| topic.quiz.is_empty())
        .expect("a topic without a quiz");
    tap(&mut harness, &first.title);
    for _ in 1..first.pages.len() {
        tap(&mut harness, &language.interface.next);
    }
    // The last page suggests the next topic as a tile, and Next goes there too.
    let second = &language.topics[index + 1];
    assert!(
        harness
            .query_by_role_and_label(Role::Button, &second.title)
            .is_some()
    );
    tap(&mut harness, &language.interface.next);
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef {
            topic: index + 1,
            page: 0
        })
    );

    // From the last page of the last topic, "see all topics" goes home.
    let last = language.topics.len() - 1;
    let last_page = language.topics[last].pages.len() - 1;
    harness
        .state_mut()
        .apply(patient_kiosk::app::Command::Open(PageRef {
            topic: last,
            page: last_page,
        }));
    harness.run();
    common::scroll_and_tap(&mut harness, Role::Button, &language.interface.all_topics);
    assert_eq!(screen(&harness), Screen::Home);
}

#[test]
fn links_on_a_page_go_where_they_say() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let (at, link) = language
        .pages()
        .find_map(|(at, page)| {
            page.blocks.iter().find_map(|block| match block {
                patient_kiosk::content::model::Block::GoTo(links) => {
                    links.first().map(|link| (at, link.clone()))
                }
                _ => None,
            })
        })
        .expect("the bundled content has at least one link");
    let mut harness = kiosk(LANDSCAPE);
    harness
        .state_mut()
        .apply(patient_kiosk::app::Command::Open(at));
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, &link.label)
        .scroll_to_me();
    harness.run();
    tap(&mut harness, &link.label);
    let expected = language.resolve(&link.to).expect("link resolves");
    assert_eq!(screen(&harness), Screen::Page(expected));
}

#[test]
fn swiping_turns_the_page_both_ways() {
    let mut harness = kiosk(LANDSCAPE);
    harness
        .state_mut()
        .apply(patient_kiosk::app::Command::Open(PageRef {
            topic: 0,
            page: 0,
        }));
    harness.run();
    let left: Vec<Pos2> = (1..=8)
        .map(|i| pos2(1500.0 - 60.0 * i as f32, 600.0 + i as f32))
        .collect();
    common::finger(&mut harness, pos2(1500.0, 600.0), &left);
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef { topic: 0, page: 1 })
    );

    let right: Vec<Pos2> = (1..=8)
        .map(|i| pos2(500.0 + 60.0 * i as f32, 600.0))
        .collect();
    common::finger(&mut harness, pos2(500.0, 600.0), &right);
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef { topic: 0, page: 0 })
    );

    // A mostly vertical movement is a scroll, not a page turn.
    let down: Vec<Pos2> = (1..=8)
        .map(|i| pos2(900.0 + 20.0 * i as f32, 800.0 - 60.0 * i as f32))
        .collect();
    common::finger(&mut harness, pos2(900.0, 800.0), &down);
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef { topic: 0, page: 0 })
    );
}

#[test]
fn a_tap_that_drifts_a_little_still_counts() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let mut harness = kiosk(LANDSCAPE);
    let tile = harness
        .get_by_role_and_label(Role::Button, &language.topics[2].title)
        .rect()
        .center();
    // The finger lands, wobbles by up to 14 points, and lifts 12 points away, over half a second.
    let wobble = [
        tile + vec2(6.0, 4.0),
        tile + vec2(-5.0, 9.0),
        tile + vec2(10.0, 8.0),
        tile + vec2(12.0, 6.0),
    ];
    common::finger(&mut harness, tile, &wobble);
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef { topic: 2, page: 0 })
    );
}

#[test]
fn every_button_is_at_least_64_points_on_every_screen() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let mut harness = kiosk(LANDSCAPE);
    let mut smallest = f32::INFINITY;
    let mut check = |harness: &Harness<'_, KioskApp>| {
        for button in harness.query_all_by_role(Role::Button) {
            let size = button.rect().size();
            smallest = smallest.min(size.x).min(size.y);
            assert!(
                size.x >= 64.0 && size.y >= 64.0,
                "button {:?} on {:?} is only {size:?}",
                button.accesskit_node().label(),
                screen(harness)
            );
        }
    };
    check(&harness);
    for (at, _) in language.pages() {
        harness
            .state_mut()
            .apply(patient_kiosk::app::Command::Open(at));
        harness.run();
        check(&harness);
    }
    assert!(smallest >= 64.0);
    eprintln!("smallest side of any button on any screen: {smallest} points");
}

#[test]
fn text_cannot_be_selected_and_body_text_is_large() {
    let harness = kiosk(LANDSCAPE);
    harness.ctx.all_styles_mut(|style| {
        assert!(!style.interaction.selectable_labels);
        let body = &style.text_styles[&egui::TextStyle::Body];
        assert!(body.size >= 24.0, "body text is {} points", body.size);
    });
}

#[test]
fn broken_content_shows_the_problems_to_staff() {
    let fixture = common::Fixture::new();
    fixture.edit("content/en/topics/alpha.ron", "subtitle:", "subtitel:");
    let content = patient_kiosk::load_deck(&fixture.paths());
    let app = KioskApp::new(Theme::bundled(), content);
    let mut harness = Harness::builder()
        .with_size(LANDSCAPE)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    assert_label_shown(
        &harness,
        "This kiosk is not ready: its content has problems",
    );
    assert!(
        harness
            .query_by_label_contains("no part called `subtitel`")
            .is_some()
    );
}

#[test]
fn a_long_page_scrolls_with_a_finger() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let tablet = vec2(1280.0, 800.0);
    let mut harness = kiosk(tablet);
    // Find a page taller than the tablet's screen.
    let long_page = language.pages().find_map(|(at, page)| {
        harness
            .state_mut()
            .apply(patient_kiosk::app::Command::Open(at));
        harness.run();
        let lowest = harness
            .query_all_by_role(Role::Label)
            .map(|label| label.rect().bottom())
            .fold(0.0, f32::max);
        (lowest > tablet.y).then(|| (at, page.title.clone()))
    });
    let Some((at, title)) = long_page else {
        panic!("no bundled page is taller than {tablet:?}; pick a smaller screen for this test");
    };
    let top_before = harness.get_by_label(&title).rect().top();
    // In the page's text (beside its picture), low on the screen.
    let start = pos2(harness.get_by_label(&title).rect().center().x, 600.0);
    let upwards: Vec<Pos2> = (1..=10)
        .map(|i| start - vec2(0.0, 30.0 * i as f32))
        .collect();
    common::finger(&mut harness, start, &upwards);
    let top_after = harness.get_by_label(&title).rect().top();
    assert_eq!(
        screen(&harness),
        Screen::Page(at),
        "a vertical drag must not turn the page"
    );
    assert!(
        top_before - top_after > 100.0,
        "the page moved only {} points for a 300-point drag",
        top_before - top_after
    );
}

#[test]
fn a_topic_icon_is_shown_on_its_tile() {
    let fixture = common::Fixture::new();
    fixture.edit(
        "content/en/topics/beta.ron",
        "subtitle: \"Second topic\",",
        "subtitle: \"Second topic\",\n    icon: \"logo.png\",",
    );
    let deck = patient_kiosk::load_deck(&fixture.paths()).expect("the fixture with an icon loads");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::Home);
    let mut harness = Harness::builder()
        .with_size(LANDSCAPE)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    common::settle_pictures(&mut harness);
    let icon_loaded = harness
        .ctx
        .tex_manager()
        .read()
        .allocated()
        .any(|(_, meta)| meta.name.ends_with("logo.png") && meta.size == [4, 4]);
    assert!(icon_loaded, "the tile's icon was not loaded as a texture");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Beta")
            .is_some()
    );
}
