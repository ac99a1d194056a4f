//! Every page fits landscape, portrait and a small tablet, in every language and text size:
//! nothing sticks out of the screen sideways, buttons never overlap each other, no text runs into
//! other text, and the top bar's parts never collide.

use crate::common;

use egui::accesskit::Role;
use egui::{Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, ConsultCommand};
use patient_kiosk::handout::HandoutItem;
use patient_kiosk::theme::TextSize;
use patient_kiosk::{KioskApp, Theme};

const SIZES: [(&str, Vec2); 3] = [
    ("landscape", vec2(1920.0, 1080.0)),
    ("portrait", vec2(1080.0, 1920.0)),
    ("tablet", vec2(1280.0, 800.0)),
];

fn check_screen(harness: &Harness<'_, KioskApp>, size: Vec2, what: &str, bar_height: f32) {
    check_scrolled_screen(harness, size, what, bar_height, false);
}

/// Like [`check_screen`]; when `scrolled`, content may have scrolled under the top bars, where
/// it is clipped, so only the text between the bars and what sticks out sideways are checked.
fn check_scrolled_screen(
    harness: &Harness<'_, KioskApp>,
    size: Vec2,
    what: &str,
    bar_height: f32,
    scrolled: bool,
) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size).expand(0.5);
    let mut shown: Vec<(String, Role, Rect)> = Vec::new();
    for node in
        harness.query_all_by(|node| matches!(node.role(), Role::Button | Role::Label | Role::Image))
    {
        let node_info = node.accesskit_node();
        let label = node_info
            .label()
            .or_else(|| node_info.value())
            .unwrap_or_default();
        let rect = node.rect();
        assert!(
            rect.left() >= screen.left() && rect.right() <= screen.right(),
            "{what}: {label:?} sticks out sideways: {rect:?}"
        );
        shown.push((label, node.accesskit_node().role(), rect));
    }
    // Scrolling content passes under the bars, clipped; so bar buttons are compared with bar
    // buttons, and content buttons with content buttons.
    let deck = common::bundled_deck();
    let bar_labels: Vec<&String> = deck
        .languages
        .iter()
        .flat_map(|language| {
            let i = &language.interface;
            [
                &i.home,
                &i.back,
                &i.next,
                &i.quiz_title,
                &i.language_name,
                &i.text_normal,
                &i.text_large,
                &i.text_extra_large,
                &i.high_contrast,
                &i.listen.listen,
                &i.listen.getting_ready,
                &i.listen.pause,
                &i.listen.stop,
            ]
        })
        .collect();
    // Consultation mode's bar joins the bars. Its tool panel scrolls on its own (clipped
    // under the bars at the largest text), so its buttons are compared with each other.
    let consult_bar_labels: Vec<String> = deck
        .languages
        .iter()
        .flat_map(|language| {
            let i = &language.interface;
            (0..=5)
                .map(|count| i.consult.handout.replace("{count}", &count.to_string()))
                .chain([i.consult_mark.clone(), i.index.clone()])
        })
        .collect();
    let tool_labels: Vec<String> = deck
        .languages
        .iter()
        .flat_map(|language| {
            let c = &language.interface.consult;
            [&c.touch, &c.pen, &c.pointer, &c.thin, &c.thick]
                .into_iter()
                .chain([&c.undo, &c.clear, &c.add_page])
                .chain(&c.ink_colors)
                .cloned()
        })
        .collect();
    // A page's figure and its controls stay put beside the page's scrolling text (which is
    // clipped at its edge): they are compared with each other.
    let figure_buttons: Vec<String> = deck
        .languages
        .iter()
        .flat_map(|language| {
            let i = &language.interface;
            let hotspots = language
                .diagram_texts
                .values()
                .flat_map(|words| words.hotspots.values().map(|text| text.title.clone()));
            [&i.previous_step, &i.next_step, &i.enlarge, &i.back_to_page]
                .into_iter()
                .chain([&i.consult.add_diagram])
                .cloned()
                .chain(hotspots)
                .collect::<Vec<String>>()
        })
        .collect();
    // Next says where it goes (the next topic, all topics): the rightmost button on Back's row
    // is the bar's Next.
    let back_row = shown
        .iter()
        .find(|(label, role, _)| {
            *role == Role::Button && deck.languages.iter().any(|l| l.interface.back == *label)
        })
        .map(|(_, _, rect)| rect.center().y);
    let on_back_row = |rect: &Rect| back_row.is_some_and(|y| (rect.center().y - y).abs() < 0.5);
    let rightmost = shown
        .iter()
        .filter(|(_, role, rect)| *role == Role::Button && on_back_row(rect))
        .map(|(_, _, rect)| rect.right())
        .fold(f32::MIN, f32::max);
    let in_bar = |rect: &Rect| on_back_row(rect) && rect.right() == rightmost;
    let region = |label: &String, rect: &Rect| {
        if bar_labels.contains(&label) || consult_bar_labels.contains(label) || in_bar(rect) {
            "bars"
        } else if tool_labels.contains(label) {
            "tools"
        } else if figure_buttons.contains(label) {
            "figure"
        } else {
            "content"
        }
    };
    let buttons: Vec<&(String, Role, Rect)> = shown
        .iter()
        .filter(|(_, role, _)| *role == Role::Button)
        .collect();
    for (i, a) in buttons.iter().enumerate() {
        for b in &buttons[i + 1..] {
            let same_region = region(&a.0, &a.2) == region(&b.0, &b.2);
            assert!(
                !same_region || !a.2.shrink(0.5).intersects(b.2.shrink(0.5)),
                "{what}: {:?} overlaps {:?}",
                a.0,
                b.0
            );
        }
    }
    // Text never runs into other text (a table row too short for its cells would). Text that
    // scrolled under a bar is clipped there, so text between the bars is compared only with
    // text between the bars, and the bars' own text with the bars' own text.
    let between_bars =
        |rect: &Rect| rect.top() >= bar_height && rect.bottom() <= size.y - bar_height;
    let labels: Vec<&(String, Role, Rect)> = shown
        .iter()
        .filter(|(_, role, rect)| {
            *role == Role::Label
                && (between_bars(rect) || (!scrolled && rect.bottom() <= bar_height))
        })
        .collect();
    // A page's figure, its caption, step words and explanation stay put beside (or above) the
    // page's text, which scrolls in a view of its own, clipped at its edge: so figure text is
    // compared with figure text, and page text with page text.
    let figure_texts: Vec<String> = deck
        .languages
        .iter()
        .flat_map(|language| {
            let captions = language
                .pages()
                .filter_map(|(_, page)| page.figure()?.1.caption);
            let diagrams = language.diagram_texts.values().flat_map(|words| {
                words.steps.values().chain(
                    words
                        .hotspots
                        .values()
                        .flat_map(|text| [&text.title, &text.text]),
                )
            });
            let of = &language.interface.step_of;
            let steps = (1..=12).flat_map(move |total: usize| {
                (1..=total).map(move |step| {
                    of.replace("{step}", &step.to_string())
                        .replace("{total}", &total.to_string())
                })
            });
            captions
                .map(|caption| caption.to_owned())
                .chain(diagrams.cloned())
                .chain(steps)
                .collect::<Vec<String>>()
        })
        .collect();
    // Words a page's own text says too (a key fact titled "Small cuts", a part of the same
    // name) are the page's where they stand in it.
    let page_texts: std::collections::BTreeSet<String> = (deck.languages.iter())
        .flat_map(|language| language.pages().map(|(_, page)| page))
        .flat_map(|page| {
            use patient_kiosk::content::model::Block;
            page.blocks.iter().flat_map(|block| match block {
                Block::Heading(text) | Block::Paragraph(text) => vec![text.clone()],
                Block::Bullets(items) => items.clone(),
                Block::KeyFact { title, text } => vec![title.clone(), text.clone()],
                _ => Vec::new(),
            })
        })
        .collect();
    let of_figure = |label: &String| figure_texts.contains(label) && !page_texts.contains(label);
    for (i, a) in labels.iter().enumerate() {
        for b in &labels[i + 1..] {
            assert!(
                between_bars(&a.2) != between_bars(&b.2)
                    || of_figure(&a.0) != of_figure(&b.0)
                    || !a.2.shrink(1.0).intersects(b.2.shrink(1.0)),
                "{what}: text {:?} runs into {:?}",
                a.0,
                b.0
            );
        }
    }
    let in_top_bar: Vec<&(String, Role, Rect)> = shown
        .iter()
        .filter(|(_, _, rect)| !scrolled && rect.bottom() <= bar_height)
        .collect();
    for (i, a) in in_top_bar.iter().enumerate() {
        for b in &in_top_bar[i + 1..] {
            assert!(
                !a.2.shrink(0.5).intersects(b.2.shrink(0.5)),
                "{what}: top bar {:?} overlaps {:?}",
                a.0,
                b.0
            );
        }
    }
}

#[test]
fn every_page_fits_every_screen_in_every_language_and_text_size() {
    let deck = common::bundled_deck();
    let mut screens = 0;
    for (name, size) in SIZES {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        common::with_listen_button(&mut app);
        // Hundreds of screens take minutes of simulated time: nobody asks "still there?".
        app.set_idle_timing(1e9, 15.0);
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        check_screen(
            &harness,
            size,
            &format!("attract, {name}"),
            bar_height(&harness),
        );
        for (index, language) in deck.languages.iter().enumerate() {
            for text_size in TextSize::ALL {
                let setting = format!("{name}, {}, {text_size:?}", language.code);
                harness.state_mut().apply(Command::Home);
                harness.state_mut().apply(Command::ChooseLanguage(index));
                harness.state_mut().apply(Command::SetTextSize(text_size));
                harness.run();
                check_screen(
                    &harness,
                    size,
                    &format!("home, {setting}"),
                    bar_height(&harness),
                );
                for (at, page) in language.pages() {
                    harness.state_mut().apply(Command::Open(at));
                    harness.run();
                    let what = format!("{}, {setting}", page.id);
                    check_screen(&harness, size, &what, bar_height(&harness));
                    screens += 1;
                }
                // Every quiz question, answered so its feedback shows too.
                for (index, topic) in language.topics.iter().enumerate() {
                    harness.state_mut().apply(Command::OpenQuiz(index));
                    for question in &topic.quiz {
                        harness.run();
                        let what = format!("{} quiz {}, {setting}", topic.id, question.id);
                        check_screen(&harness, size, &what, bar_height(&harness));
                        // Answered: the feedback scrolls into view.
                        harness.state_mut().apply(Command::Answer(0));
                        harness.run();
                        check_scrolled_screen(&harness, size, &what, bar_height(&harness), true);
                        harness.state_mut().apply(Command::Next);
                        screens += 1;
                    }
                }
                harness.state_mut().apply(Command::StartOver);
            }
        }
    }
    println!("{screens} pages checked");
}

#[test]
fn consultation_mode_fits_every_screen_in_every_language() {
    let deck = common::bundled_deck();
    let mut screens = 0;
    for (name, size) in SIZES {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        common::with_listen_button(&mut app);
        app.set_consult(true);
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        for (index, language) in deck.languages.iter().enumerate() {
            for text_size in [TextSize::Normal, TextSize::ExtraLarge] {
                let setting = format!("consult, {name}, {}, {text_size:?}", language.code);
                harness.state_mut().apply(Command::StartOver);
                harness.state_mut().apply(Command::ChooseLanguage(index));
                harness.state_mut().apply(Command::SetTextSize(text_size));
                harness.run();
                check_screen(
                    &harness,
                    size,
                    &format!("home, {setting}"),
                    bar_height(&harness),
                );
                for (at, page) in language.pages() {
                    harness.state_mut().apply(Command::Open(at));
                    harness.run();
                    // Every page and picture goes into the handout, for the handout screen.
                    let mut items = vec![HandoutItem::Page(page.id.clone())];
                    items.extend(page.diagram_ids().map(|id| HandoutItem::Diagram {
                        id: id.clone(),
                        step: 0,
                    }));
                    for item in items {
                        harness
                            .state_mut()
                            .apply(Command::Consult(ConsultCommand::ToggleHandout(item)));
                    }
                    harness.run();
                    check_screen(
                        &harness,
                        size,
                        &format!("{}, {setting}", page.id),
                        bar_height(&harness),
                    );
                    screens += 1;
                }
                for screen in [
                    Command::OpenIndex,
                    Command::Consult(ConsultCommand::OpenHandout),
                ] {
                    harness.state_mut().apply(screen.clone());
                    harness.run();
                    check_screen(
                        &harness,
                        size,
                        &format!("{screen:?}, {setting}"),
                        bar_height(&harness),
                    );
                    screens += 1;
                }
            }
        }
    }
    println!("{screens} consultation screens checked");
}

/// The top bar's height in the text size showing.
fn bar_height(harness: &Harness<'_, KioskApp>) -> f32 {
    harness.state().theme().sizes.bar_height_pt
}

/// The home screen of issue 18: every tile has a small picture; the first says "Start here"
/// until the patient has begun; a topic read in this visit is marked "Seen" (a tick and the
/// word, and the tile's description for screen readers); the clinical topics come first and
/// "Why choose us?" last; and the next patient finds no mark.
#[test]
fn home_tiles_have_pictures_a_start_and_marks_for_topics_seen() {
    let deck = common::bundled_deck();
    let words = deck.language(0);
    for topic in &words.topics {
        assert!(
            deck.tile_diagram(topic).is_some(),
            "{} has a picture",
            topic.id
        );
    }
    let ids: Vec<&str> = words.topics.iter().map(|topic| topic.id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"what-is-it"));
    assert_eq!(ids.last(), Some(&"why-us"), "the clinic last: {ids:?}");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(20.0, 5.0);
    app.apply(Command::Home);
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    let description = |harness: &Harness<'_, KioskApp>, title: &str| {
        (harness
            .get_by_role_and_label(Role::Button, title)
            .accesskit_node())
        .description()
        .map(|text| text.to_string())
    };
    let (first, third) = (&words.topics[0].title, &words.topics[2].title);
    let start = Some(words.interface.start_here.clone());
    let seen = Some(words.interface.seen.clone());
    assert_eq!(description(&harness, first), start);
    assert_eq!(description(&harness, third), None);
    // The picture is drawn in the tile: pixels that are not the tile's paper.
    let tile = harness.get_by_role_and_label(Role::Button, first).rect();
    let image = harness.render().expect("renders");
    let picture =
        egui::Rect::from_min_size(tile.min + egui::vec2(36.0, 36.0), egui::vec2(60.0, 60.0));
    let surface = Theme::bundled().colors.surface.color32();
    let drawn = image
        .enumerate_pixels()
        .filter(|(x, y, p)| {
            picture.contains(egui::pos2(*x as f32, *y as f32))
                && (p.0[0], p.0[1], p.0[2]) != (surface.r(), surface.g(), surface.b())
        })
        .count();
    assert!(drawn > 400, "{drawn} pixels of a picture");

    // Read the third topic, come home: it is seen, and "Start here" has done its work.
    let third_page = patient_kiosk::content::PageRef { topic: 2, page: 0 };
    harness.state_mut().apply(Command::Open(third_page));
    harness.state_mut().apply(Command::Home);
    harness.run();
    assert_eq!(description(&harness, third), seen);
    assert_eq!(description(&harness, first), None, "begun: no Start here");
    // The next patient finds no mark.
    for _ in 0..40 {
        harness.step();
    }
    harness.state_mut().apply(Command::Home);
    harness.run();
    assert_eq!(description(&harness, third), None);
    assert_eq!(description(&harness, first), start);
}

/// On a tall screen in consultation mode, the bars and the tools leave the page most of the
/// screen (issue 19: three bars and a two-row tool panel took a third of it): the reading
/// tools share the top bar with Home, and the tools are one row until the pen is in hand,
/// when its colours and widths join them.
#[test]
fn consultation_mode_leaves_a_tall_screen_to_the_page() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, "surgery-day-steps");
    let size = vec2(1080.0, 1920.0);
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_consult(true);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    for (index, language) in deck.languages.iter().enumerate() {
        harness.state_mut().apply(Command::ChooseLanguage(index));
        harness.state_mut().apply(Command::Open(at));
        harness
            .state_mut()
            .apply(Command::Consult(ConsultCommand::Tool(
                patient_kiosk::ink::InkTool::Touch,
            )));
        harness.run();
        let words = &language.interface;
        // The page's room: from under the lowest of the top bars' buttons to over the tools.
        let top = [
            &words.home,
            &words.high_contrast,
            &words.index,
            &words.consult_mark,
        ]
        .iter()
        .map(|label| harness.get_by_label(label).rect().bottom())
        .fold(0.0, f32::max);
        let tools_top = |harness: &Harness<'_, KioskApp>| {
            harness
                .get_by_label(&language.interface.consult.touch)
                .rect()
                .top()
        };
        let room = tools_top(&harness) - top;
        assert!(
            room >= size.y * 0.7,
            "{}: the page has {room} of {} points",
            language.code,
            size.y
        );
        assert!(
            harness.query_by_label(&words.consult.thick).is_none(),
            "{}: no pen widths without the pen",
            language.code
        );
        // With the pen in hand, its colours and widths show (in another row where the row has
        // no room for them).
        harness
            .state_mut()
            .apply(Command::Consult(ConsultCommand::Tool(
                patient_kiosk::ink::InkTool::Pen,
            )));
        harness.run();
        harness.get_by_label(&words.consult.thick);
        assert!(
            tools_top(&harness) <= top + room,
            "{}: {} then {}",
            language.code,
            top + room,
            tools_top(&harness)
        );
    }
}

/// The drawing board (a figure enlarged in consultation mode) fits every screen in every
/// language and text size: at extra large Spanish text the page's title ran over the caption
/// beside the figure.
#[test]
fn the_drawing_board_fits_every_screen_in_every_language() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, "surgery-day-steps");
    for (name, size) in SIZES {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        app.set_consult(true);
        let mut harness = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        for (index, language) in deck.languages.iter().enumerate() {
            for text_size in [TextSize::Normal, TextSize::ExtraLarge] {
                harness.state_mut().apply(Command::ChooseLanguage(index));
                harness.state_mut().apply(Command::SetTextSize(text_size));
                harness.state_mut().apply(Command::Open(at));
                harness.run();
                harness.state_mut().apply(Command::Enlarge(true));
                harness.run();
                let what = format!("drawing board, {name}, {}, {text_size:?}", language.code);
                check_screen(&harness, size, &what, bar_height(&harness));
                // The page's title (when there is room for it) never runs over the figure's
                // caption or its buttons.
                let page = language.page(at).expect("the page");
                let caption = page
                    .blocks
                    .iter()
                    .find_map(|block| match block {
                        patient_kiosk::content::model::Block::Figure { caption, .. } => {
                            caption.clone()
                        }
                        _ => None,
                    })
                    .expect("a caption");
                let caption = harness.get_by_label(&caption).rect();
                let buttons: Vec<(egui::Rect, String)> = (harness.query_all_by_role(Role::Button))
                    .map(|node| {
                        let label = node.accesskit_node().label().map(|l| l.to_string());
                        (node.rect(), label.unwrap_or_default())
                    })
                    .collect();
                for title in harness.query_all_by_label(&page.title) {
                    let title = title.rect().shrink(1.0);
                    assert!(
                        !title.intersects(caption),
                        "{what}: the title runs over the caption"
                    );
                    for (button, label) in &buttons {
                        assert!(
                            !title.intersects(*button),
                            "{what}: the title {title:?} runs over {label:?} {button:?}"
                        );
                    }
                }
            }
        }
    }
}

/// Home invites (issue 29): the grid fills the screen's height; every tile's picture is a
/// drawing of its own (never a diagram shrunk, never the risk numbers); the tile's number sits
/// beside its picture, in the tile's top right corner, not on it; on a tall screen the reading
/// tools are at the bottom, within reach from a chair, and on a wide one in the top bar.
#[test]
fn home_fills_the_screen_numbers_sit_beside_pictures_and_a_tall_screen_has_its_tools_below() {
    use patient_kiosk::content::diagram::Shape;
    let deck = common::bundled_deck();
    let words = deck.language(0);
    for topic in &words.topics {
        let tile = deck.tile_diagram(topic).expect("a picture");
        let shapes = || tile.layers.iter().flat_map(|layer| &layer.shapes);
        assert!(
            tile.id.starts_with("icon-")
                && !shapes()
                    .any(|shape| matches!(shape, Shape::Label { .. } | Shape::DotGrid { .. })),
            "{}: its own picture, no words, no dots: {}",
            topic.id,
            tile.id
        );
    }
    let accent = Theme::bundled().colors.accent.color32();
    for (name, size) in [SIZES[0], SIZES[1]] {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        app.apply(Command::Home);
        let mut harness = common::second_steps(app, size);
        common::settle_pictures(&mut harness);
        harness.run();
        let tiles: Vec<Rect> = (words.topics.iter())
            .map(|topic| {
                harness
                    .get_by_role_and_label(Role::Button, &topic.title)
                    .rect()
            })
            .collect();
        let lowest = tiles.iter().map(|tile| tile.bottom()).fold(0.0, f32::max);
        assert!(
            lowest >= 0.8 * size.y,
            "{name}: the grid ends at {lowest} of {} pt",
            size.y
        );
        let tools = [
            &words.interface.text_large,
            &words.interface.high_contrast,
            &deck.language(1).interface.language_name,
        ];
        for tool in tools {
            let at = harness.get_by_label(tool).rect();
            if size.y > size.x {
                assert!(
                    at.top() >= 0.85 * size.y,
                    "{name}: {tool:?} at the bottom: {at:?}"
                );
            } else {
                assert!(
                    at.bottom() <= 0.15 * size.y,
                    "{name}: {tool:?} at the top: {at:?}"
                );
            }
        }
        // The number, in the accent colour, in the tile's top right corner; none in the top left
        // corner of the picture, where it used to cover it.
        let image = harness.render().expect("renders");
        let accent_in = |area: Rect| {
            image
                .enumerate_pixels()
                .filter(|(x, y, p)| {
                    area.contains(egui::pos2(*x as f32, *y as f32))
                        && (p.0[0], p.0[1], p.0[2]) == (accent.r(), accent.g(), accent.b())
                })
                .count()
        };
        let corner = 48.0;
        for (index, tile) in tiles.iter().enumerate() {
            let top_right = Rect::from_min_size(
                egui::pos2(tile.right() - corner - 8.0, tile.top() + 8.0),
                vec2(corner, corner),
            );
            let top_left = Rect::from_min_size(tile.min + vec2(8.0, 8.0), vec2(corner, corner));
            assert!(
                accent_in(top_right) >= 50,
                "{name}: tile {}'s number in its top right corner",
                index + 1
            );
            assert_eq!(
                accent_in(top_left),
                0,
                "{name}: tile {}: no number on its picture",
                index + 1
            );
        }
    }
}
