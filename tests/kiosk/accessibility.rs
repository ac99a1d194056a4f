//! Screen readers and fingers, on every screen in every language: every control (button,
//! choice, switch, hotspot) and every figure has a role and a label in the accessibility tree,
//! and every control is at least 64 x 64 points on a 1920 x 1080 screen.

use crate::common;

use egui::accesskit::{Action, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, ConsultCommand};
use patient_kiosk::handout::HandoutItem;
use patient_kiosk::ink::InkTool;
use patient_kiosk::{KioskApp, Theme};

/// What one screen showed: controls and figures seen, and the smallest control.
#[derive(Default)]
struct Walk {
    controls: usize,
    figures: usize,
    /// The smallest side of any control, with its label and screen.
    smallest: Option<(f32, String)>,
    problems: Vec<String>,
}

impl Walk {
    fn check<State>(&mut self, harness: &Harness<'_, State>, screen: &str) {
        // Scroll bars are egui's own, for a mouse; fingers drag the page itself.
        for node in harness.query_all_by(|node| {
            (node.data().supports_action(Action::Click) || node.role() == Role::Image)
                && node.role() != Role::ScrollBar
        }) {
            let data = node.accesskit_node();
            let role = data.role();
            let label = data.label().unwrap_or_default();
            if label.trim().is_empty() {
                self.problems.push(format!(
                    "{screen}: a {role:?} without a label at {:?}",
                    node.rect()
                ));
            }
            if role == Role::Image {
                self.figures += 1;
                continue;
            }
            if matches!(role, Role::Unknown | Role::GenericContainer) {
                self.problems.push(format!(
                    "{screen}: control {label:?} has no role ({role:?})"
                ));
            }
            self.controls += 1;
            let size = node.rect().size();
            let side = size.x.min(size.y);
            if self
                .smallest
                .as_ref()
                .is_none_or(|(smallest, _)| side < *smallest)
            {
                self.smallest = Some((side, format!("{label:?} ({role:?}) on {screen}")));
            }
            if side < 64.0 {
                self.problems.push(format!(
                    "{screen}: control {label:?} is only {size:?} points"
                ));
            }
        }
    }
}

#[test]
fn every_control_and_figure_is_labelled_and_every_control_is_big_enough() {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(1e9, 15.0);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let mut walk = Walk::default();
    walk.check(&harness, "attract");
    let mut screens = 1;
    for (index, language) in deck.languages.iter().enumerate() {
        harness.state_mut().apply(Command::Home);
        harness.state_mut().apply(Command::ChooseLanguage(index));
        harness.run();
        walk.check(&harness, &format!("home ({})", language.code));
        for (at, page) in language.pages() {
            harness.state_mut().apply(Command::Open(at));
            harness.run();
            walk.check(&harness, &format!("{} ({})", page.id, language.code));
            screens += 1;
        }
        for (topic_index, topic) in language.topics.iter().enumerate() {
            harness.state_mut().apply(Command::OpenQuiz(topic_index));
            for question in &topic.quiz {
                harness.state_mut().apply(Command::Answer(0));
                harness.run();
                walk.check(
                    &harness,
                    &format!("{} quiz {} ({})", topic.id, question.id, language.code),
                );
                harness.state_mut().apply(Command::Next);
                screens += 1;
            }
        }
    }
    assert!(walk.problems.is_empty(), "{:#?}", walk.problems);
    let (smallest, which) = walk.smallest.unwrap_or((0.0, String::new()));
    println!(
        "{screens} screens: {} controls and {} figures, all labelled; smallest control side \
         {smallest} points: {which}",
        walk.controls, walk.figures
    );
    assert!(
        walk.controls > 500 && walk.figures > 20,
        "the walk saw the screens"
    );
}

#[test]
fn consultation_tools_index_and_handout_are_labelled_and_big_enough() {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_consult(true);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let mut walk = Walk::default();
    for (index, language) in deck.languages.iter().enumerate() {
        harness.state_mut().apply(Command::StartOver);
        harness.state_mut().apply(Command::ChooseLanguage(index));
        for (at, page) in language.pages() {
            harness.state_mut().apply(Command::Open(at));
            harness
                .state_mut()
                .apply(Command::Consult(ConsultCommand::ToggleHandout(
                    HandoutItem::Page(page.id.clone()),
                )));
            harness.run();
            walk.check(
                &harness,
                &format!("consult {} ({})", page.id, language.code),
            );
        }
        for tool in [InkTool::Pen, InkTool::Pointer] {
            harness
                .state_mut()
                .apply(Command::Consult(ConsultCommand::Tool(tool)));
            harness.run();
            walk.check(&harness, &format!("consult {tool:?} ({})", language.code));
        }
        for screen in [
            Command::OpenIndex,
            Command::Consult(ConsultCommand::OpenHandout),
        ] {
            harness.state_mut().apply(screen.clone());
            harness.run();
            walk.check(&harness, &format!("{screen:?} ({})", language.code));
        }
    }
    assert!(walk.problems.is_empty(), "{:#?}", walk.problems);
    assert!(
        walk.controls > 500,
        "the walk saw the screens: {}",
        walk.controls
    );
}

#[test]
fn the_walk_fails_on_an_unlabelled_or_small_control() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(400.0, 300.0))
        // kittest's own check would stop at the unlabelled button first.
        .with_accessibility_check(false)
        .build_ui(|ui| {
            let (_, unlabelled) =
                ui.allocate_exact_size(egui::vec2(80.0, 80.0), egui::Sense::click());
            unlabelled.widget_info(|| egui::WidgetInfo::new(Role::Button));
            let (_, small) = ui.allocate_exact_size(egui::vec2(40.0, 80.0), egui::Sense::click());
            small.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, "Small"));
        });
    harness.run();
    let mut walk = Walk::default();
    walk.check(&harness, "test");
    assert_eq!(walk.problems.len(), 2, "{:?}", walk.problems);
    assert!(walk.problems[0].contains("without a label"));
    assert!(walk.problems[1].contains("\"Small\" is only"));
}

/// Every node has the patient's language (inherited from the root), so a screen reader
/// speaks Spanish with a Spanish voice; before, no node had a language.
#[test]
fn every_node_says_the_language_it_is_in() {
    let deck = common::bundled_deck();
    let spanish = deck
        .languages
        .iter()
        .position(|language| language.code == "es")
        .expect("Spanish");
    let (at, _) = deck.language(0).pages().next().expect("a page");
    let mut harness = kiosk_on(&deck, &[Command::Open(at)]);
    let back = &deck.language(0).interface.back;
    let node = harness.get_by_role_and_label(Role::Button, back);
    assert_eq!(node.accesskit_node().language(), Some("en"));
    harness.state_mut().apply(Command::ChooseLanguage(spanish));
    harness.run();
    let back = &deck.language(spanish).interface.back;
    let node = harness.get_by_role_and_label(Role::Button, back);
    assert_eq!(node.accesskit_node().language(), Some("es"));
    // The page's title (and a picture's label of the same words, if it has one).
    let title = &deck.language(spanish).page(at).expect("the page").title;
    let mut found = 0;
    for node in harness.query_all_by_label(title) {
        assert_eq!(node.accesskit_node().language(), Some("es"), "{title}");
        found += 1;
    }
    assert!(found >= 1, "the title {title:?} is shown");
}

/// A screen reader's action (AT-SPI's "click" or "focus", which Orca sends) is the patient
/// using the kiosk: it does not start over under them. Before, only touches and keys counted.
#[test]
fn a_screen_readers_actions_keep_the_visit_going() {
    let deck = common::bundled_deck();
    let (at, _) = deck.language(0).pages().next().expect("a page");
    let run = |act: bool| {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        app.set_idle_timing(5.0, 2.0);
        app.apply(Command::Open(at));
        let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
        harness.run();
        common::touch(&mut harness);
        let next = harness
            .get_by_role_and_label(Role::Button, &deck.language(0).interface.next)
            .accesskit_node()
            .locate();
        for _ in 0..12 {
            if act {
                harness.event(screen_reader_focus(next));
            }
            harness.step();
        }
        harness.state().session().screen
    };
    assert_eq!(
        run(true),
        patient_kiosk::app::Screen::Page(at),
        "12 s of actions"
    );
    assert_eq!(
        run(false),
        patient_kiosk::app::Screen::Attract,
        "12 s of nothing"
    );
}

/// What appears after a tap is announced: a part's explanation and a quiz reply politely
/// (after what the screen reader is saying), "Are you still there?" at once. Each is a part of
/// its own (a group, or an alert) with a place on screen, holding its words.
#[test]
fn explanations_replies_and_the_idle_warning_are_announced() {
    use egui::accesskit::Live;
    let deck = common::bundled_deck();
    let words = deck.language(0);
    // The live part holding `words`: how it is announced, and whether it has a place.
    let region = |harness: &Harness<'_, KioskApp>, words: &str| {
        let label = harness.get_by_role_and_label(Role::Label, words);
        let mut node = label.accesskit_node().parent();
        while let Some(part) = node {
            if let Some(live) = part.data().live() {
                return (
                    Some(live),
                    part.data().role(),
                    part.bounding_box().is_some(),
                );
            }
            node = part.parent();
        }
        (None, Role::Unknown, false)
    };
    let diagram = deck
        .diagrams
        .values()
        .find(|diagram| !diagram.hotspots.is_empty())
        .expect("a diagram with parts");
    let hotspot = &diagram.hotspots[0].id;
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(5.0, 3.0);
    app.apply(Command::Open(common::page_with_diagram(&deck, &diagram.id)));
    app.apply(Command::ToggleHotspot {
        diagram: diagram.id.clone(),
        hotspot: hotspot.clone(),
    });
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let text = &words.diagram_texts[&diagram.id].hotspots[hotspot].text;
    assert_eq!(
        region(&harness, text),
        (Some(Live::Polite), Role::Group, true)
    );

    let quiz = words
        .topics
        .iter()
        .position(|topic| !topic.quiz.is_empty())
        .expect("a quiz");
    harness.state_mut().apply(Command::OpenQuiz(quiz));
    harness
        .state_mut()
        .apply(Command::Answer(words.topics[quiz].quiz[0].right));
    harness.run();
    assert_eq!(
        region(&harness, &words.interface.quiz_right),
        (Some(Live::Polite), Role::Group, true)
    );

    let mut harness = common::second_steps(
        {
            let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
            app.set_idle_timing(5.0, 3.0);
            app.apply(Command::Home);
            app
        },
        egui::vec2(1920.0, 1080.0),
    );
    harness.run();
    common::touch(&mut harness);
    common::wait_frames(&mut harness, 6);
    assert_eq!(
        region(&harness, &words.interface.still_there_title),
        (Some(Live::Assertive), Role::Alert, true)
    );
}

/// Every node of a page that holds others has a place on screen: Orca skips everything inside
/// a node it cannot place ("Exception getting extents for [panel]"), which was all of a page's
/// text. Walks a page with a figure and one with a table, in both languages.
#[test]
fn every_part_of_a_page_has_a_place_on_screen() {
    let deck = common::bundled_deck();
    for language in 0..deck.languages.len() {
        for (at, page) in deck.language(language).pages().take(6) {
            let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
            app.apply(Command::ChooseLanguage(language));
            app.apply(Command::Open(at));
            let mut harness = Harness::builder()
                .with_size(egui::vec2(1920.0, 1080.0))
                .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
            harness.run();
            let unplaced: Vec<String> = harness
                .query_all_by(|node| {
                    node.children().next().is_some() && node.bounding_box().is_none()
                })
                .map(|node| {
                    let node = node.accesskit_node();
                    let inside: Vec<String> = node
                        .children()
                        .take(3)
                        .map(|child| format!("{:?} {:?}", child.role(), child.label()))
                        .collect();
                    format!("{:?} {:?} holding {inside:?}", node.role(), node.label())
                })
                .collect();
            assert!(
                unplaced.is_empty(),
                "{} ({}): nodes without a place: {unplaced:?}",
                page.id,
                deck.language(language).code
            );
        }
    }
}

/// A page's title (and the home screen's) is a heading of level 1 and its sub-headings of
/// level 2, so a screen reader can jump between them (egui made them all labels); the window
/// has a place too.
#[test]
fn titles_and_sub_headings_are_headings() {
    let deck = common::bundled_deck();
    let (at, page) = deck
        .language(0)
        .pages()
        .find(|(_, page)| {
            page.blocks
                .iter()
                .any(|block| matches!(block, patient_kiosk::content::model::Block::Heading(_)))
        })
        .expect("a page with a sub-heading");
    let sub = page
        .blocks
        .iter()
        .find_map(|block| match block {
            patient_kiosk::content::model::Block::Heading(text) => Some(text.clone()),
            _ => None,
        })
        .expect("a sub-heading");
    let harness = kiosk_on(&deck, &[Command::Open(at)]);
    let title = harness.get_by_role_and_label(Role::Heading, &page.title);
    assert_eq!(title.accesskit_node().data().level(), Some(1));
    let heading = harness.get_by_role_and_label(Role::Heading, &sub);
    assert_eq!(heading.accesskit_node().data().level(), Some(2));
    assert!(harness.root().accesskit_node().bounding_box().is_some());

    let home = kiosk_on(&deck, &[Command::Home]);
    let title = home.get_by_role_and_label(Role::Heading, &deck.language(0).interface.home_title);
    assert_eq!(title.accesskit_node().data().level(), Some(1));
}

/// Every text of a page takes the focus in reading order (Tab, a keypad's arrows, a screen
/// reader's next): Orca, in an AccessKit window, says what gets the focus and nothing else
/// (its reading keys never reach the app), so before this it said no paragraph of a page.
/// And the window's parts come in reading order: the top bar, the page, then the bottom bar
/// (Orca walked Back and Next before the page's title).
#[test]
fn every_text_of_a_page_takes_the_focus_in_reading_order() {
    use patient_kiosk::content::model::Block;
    let deck = common::bundled_deck();
    let (at, page) = (deck.language(0).pages())
        .find(|(_, page)| {
            (page.blocks.iter())
                .filter(|block| matches!(block, Block::Paragraph(_)))
                .count()
                >= 2
        })
        .expect("a page of paragraphs");
    let mut harness = kiosk_on(&deck, &[Command::Open(at)]);
    let mut reached = Vec::new();
    for _ in 0..60 {
        harness.key_press(egui::Key::Tab);
        harness.run();
        let Some(id) = harness.ctx.memory(|memory| memory.focused()) else {
            continue;
        };
        let node = harness.get_by(|node| node.locate().0 == id.accesskit_id());
        let name = (node.accesskit_node().label())
            .or_else(|| node.accesskit_node().value())
            .unwrap_or_default();
        reached.push(name);
    }
    let wanted: Vec<String> = std::iter::once(page.title.clone())
        .chain(page.blocks.iter().filter_map(|block| match block {
            Block::Paragraph(text) | Block::Heading(text) => Some(text.clone()),
            _ => None,
        }))
        .collect();
    let mut from = 0;
    for text in &wanted {
        let Some(found) = reached[from..].iter().position(|name| name == text) else {
            panic!("Tab never reached {text:?} after {:?}", &reached[..from]);
        };
        from += found + 1;
    }

    let panes = harness.get_all_by_role(Role::Pane).collect::<Vec<_>>();
    let parent = (panes.first())
        .and_then(|pane| pane.accesskit_node().parent())
        .expect("the panels' parent");
    let tops: Vec<f64> = (parent.children())
        .filter(|child| child.role() == Role::Pane)
        .filter_map(|child| Some(child.bounding_box()?.y0))
        .collect();
    assert!(tops.len() >= 3, "the bars and the page: {tops:?}");
    assert!(
        tops.windows(2).all(|pair| pair[0] <= pair[1]),
        "top to bottom: {tops:?}"
    );
}

/// "Are you still there?" is a dialog named by its question, and the focus a screen reader
/// had on the page moves to its button, so Orca says the question and the button (before:
/// "frame, unfocused dialog" and nothing more).
#[test]
fn the_idle_question_is_a_named_dialog_that_takes_a_screen_readers_focus() {
    let deck = common::bundled_deck();
    let words = deck.language(0);
    let (at, _) = words.pages().next().expect("a page");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(20.0, 15.0);
    app.apply(Command::Open(at));
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    // A screen reader's user is on the page.
    harness.key_press(egui::Key::Tab);
    harness.run();
    let before = harness.ctx.memory(|memory| memory.focused());
    assert!(before.is_some());
    for _ in 0..22 {
        harness.step();
    }
    let dialog = harness.get_by_role(Role::Dialog);
    assert_eq!(
        dialog.accesskit_node().label().as_deref(),
        Some(words.interface.still_there_title.as_str())
    );
    let button = harness.get_by_role_and_label(Role::Button, &words.interface.still_there_button);
    let focused = harness.ctx.memory(|memory| memory.focused());
    assert_eq!(
        focused.map(|id| id.accesskit_id()),
        Some(button.accesskit_node().locate().0),
        "the focus is on the dialog's button"
    );
    // "I'm still here" (Enter on it): the focus goes back where the patient was.
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(harness.query_by_role(Role::Dialog).is_none(), "answered");
    assert_eq!(harness.ctx.memory(|memory| memory.focused()), before);
}

/// A bulleted list is a list for screen readers: one item per bullet, each holding its words
/// (before, the bullets were lines of text like any other).
#[test]
fn a_bulleted_list_is_a_list_of_items() {
    use patient_kiosk::content::model::Block;
    let deck = common::bundled_deck();
    for language in 0..deck.languages.len() {
        let (at, items) = (deck.language(language).pages())
            .find_map(|(at, page)| {
                page.blocks.iter().find_map(|block| match block {
                    Block::Bullets(items) => Some((at, items.clone())),
                    _ => None,
                })
            })
            .expect("a page with a list");
        let harness = kiosk_on(
            &deck,
            &[Command::ChooseLanguage(language), Command::Open(at)],
        );
        let list = harness.get_by_role(Role::List);
        let rows: Vec<_> = list
            .children()
            .filter(|child| child.accesskit_node().role() == Role::ListItem)
            .collect();
        assert_eq!(rows.len(), items.len(), "one item per bullet");
        for (row, item) in rows.iter().zip(&items) {
            assert!(
                row.query_by_label(item).is_some(),
                "the item holds {item:?}"
            );
        }
    }
}

/// After a page turn, a screen reader's focus is on the new page's title (a heading), so it
/// reads the new page from its top; before, focus fell back to the window at every screen
/// change. Fingers give nothing focus: for them the title stays as it was.
#[test]
fn focus_goes_to_the_new_pages_title_after_a_page_turn() {
    let deck = common::bundled_deck();
    let words = deck.language(0);
    let (at, first) = words.pages().next().expect("a page");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.apply(Command::Home);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let focused_on = |harness: &Harness<'_, KioskApp>, title: &str| {
        let heading = harness.get_by_role_and_label(Role::Heading, title);
        let focused = harness.ctx.memory(|memory| memory.focused());
        focused.map(|id| id.accesskit_id()) == Some(heading.accesskit_node().locate().0)
    };
    // A screen reader's user is on the first topic's tile and opens it.
    let tile = harness
        .query_all_by_role(Role::Button)
        .find(|node| {
            node.accesskit_node()
                .label()
                .is_some_and(|label| label.contains(&words.topics[0].title))
        })
        .expect("the first topic's tile")
        .accesskit_node()
        .locate();
    harness.event(screen_reader_focus(tile));
    harness.run();
    assert!(harness.ctx.memory(|memory| memory.focused()).is_some());
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    assert!(focused_on(&harness, &first.title), "the first page's title");
    // Next, by the screen reader's action (as Orca's "click" sends it).
    harness
        .get_by_role_and_label(Role::Button, &words.interface.next)
        .click_accesskit();
    harness.run();
    let second = words
        .page(patient_kiosk::content::PageRef { page: 1, ..at })
        .expect("a second page");
    assert!(focused_on(&harness, &second.title), "the next page's title");

    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.apply(Command::Open(at));
    let mut touch = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    touch.run();
    assert!(
        touch.ctx.memory(|memory| memory.focused()).is_none(),
        "nothing focused for a finger"
    );
}

/// The bundled kiosk at 1920 x 1080 after `commands`, settled.
fn kiosk_on(
    deck: &patient_kiosk::content::Deck,
    commands: &[Command],
) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    for command in commands {
        app.apply(command.clone());
    }
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// What AT-SPI sends when a screen reader moves its focus to the node at `(node, tree)`.
fn screen_reader_focus(
    (node, tree): (egui::accesskit::NodeId, egui::accesskit::TreeId),
) -> egui::Event {
    egui::Event::AccessKitActionRequest(egui::accesskit::ActionRequest {
        action: Action::Focus,
        target_tree: tree,
        target_node: node,
        data: None,
    })
}
