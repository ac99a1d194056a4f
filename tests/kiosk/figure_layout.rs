//! Every page with a figure, as a patient sees it on a kiosk screen: at 1920x1080 and
//! 1080x1920, at every text size, in both languages, the whole figure, its caption, the step's
//! words and the step buttons are on screen together without scrolling, between the bars; an
//! opened hotspot's explanation shows with them; and the figure can be enlarged and brought
//! back to the same page.

use crate::common;

use egui::accesskit::Role;
use egui::{Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::KioskApp;
use patient_kiosk::app::{Command, Screen};
use patient_kiosk::content::diagram::Shape;
use patient_kiosk::content::model::{Block, FigureSource, Page};
use patient_kiosk::content::{Deck, PageRef};
use patient_kiosk::theme::TextSize;

const SIZES: [(&str, Vec2); 2] = [
    ("landscape", vec2(1920.0, 1080.0)),
    ("portrait", vec2(1080.0, 1920.0)),
];

fn kiosk(deck: &Deck, size: Vec2, language: usize, text: TextSize) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(patient_kiosk::Theme::bundled(), Ok(deck.clone()));
    app.apply(Command::ChooseLanguage(language));
    app.apply(Command::SetTextSize(text));
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(0.05)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// The part of the screen between the bars: below the top bars' buttons, above Back.
fn between_bars(harness: &Harness<'_, KioskApp>, deck: &Deck, language: usize) -> Rect {
    let interface = &deck.languages[language].interface;
    let back = harness
        .get_by_role_and_label(Role::Button, &interface.back)
        .rect();
    let top_labels = [&interface.home, &interface.high_contrast];
    let top = harness
        .query_all_by(|node| {
            node.label()
                .is_some_and(|label| top_labels.iter().any(|top| **top == label))
        })
        .map(|node| node.rect().bottom())
        .fold(0.0, f32::max);
    Rect::from_min_max(egui::pos2(0.0, top), egui::pos2(f32::INFINITY, back.top()))
}

/// The rect of the node with `role` and `label`, which must be wholly inside `region`.
fn assert_inside(
    harness: &Harness<'_, KioskApp>,
    region: Rect,
    size: Vec2,
    (role, label): (Role, &str),
    what: &str,
) -> Rect {
    let node = harness.get_by_role_and_label(role, label);
    let rect = node.rect();
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size).intersect(region);
    assert!(
        screen.expand(0.5).contains_rect(rect),
        "{what}: {label:?} is not wholly on screen between the bars: {rect:?} outside {screen:?}"
    );
    rect
}

fn figure_pages(deck: &Deck, language: usize) -> Vec<(PageRef, &Page)> {
    deck.languages[language]
        .pages()
        .filter(|(_, page)| page.figure().is_some())
        .collect()
}

/// The diagram the page's figure shows, with its id, if it is a diagram.
fn page_diagram<'a>(
    deck: &'a Deck,
    page: &'a Page,
) -> Option<(&'a String, &'a patient_kiosk::content::diagram::Diagram)> {
    let (_, figure) = page.figure()?;
    let FigureSource::Diagram(id) = figure.source else {
        return None;
    };
    Some((id, deck.diagrams.get(id)?))
}

/// Checks what the page's figure shows at its current step; returns the figure's rect and how
/// many of its labels were checked.
fn check_figure(
    harness: &Harness<'_, KioskApp>,
    deck: &Deck,
    (language, page): (usize, &Page),
    size: Vec2,
    what: &str,
) -> (Rect, usize) {
    let region = between_bars(harness, deck, language);
    let words = &deck.languages[language];
    let Some((_, figure)) = page.figure() else {
        panic!("{what}: no figure");
    };
    let image = assert_inside(harness, region, size, (Role::Image, figure.alt), what);
    assert!(
        image.width() >= 200.0 && image.height() >= 150.0,
        "{what}: the figure is drawn too small to see: {image:?}"
    );
    if let Some(caption) = figure.caption {
        assert_inside(harness, region, size, (Role::Label, caption), what);
    }
    assert_inside(
        harness,
        region,
        size,
        (Role::Button, &words.interface.enlarge),
        what,
    );
    let labels = match figure.source {
        FigureSource::Diagram(id) => check_labels(harness, (words, id), image, what),
        FigureSource::Image(_) => 0,
    };
    if let FigureSource::Diagram(id) = figure.source
        && let Some(diagram) = deck.diagrams.get(id)
        && !diagram.steps.is_empty()
    {
        let step = harness.state().session().diagram_steps.get(id).copied();
        let step = diagram.steps[step.unwrap_or(0)].id.clone();
        let caption = &words.diagram_texts[id].steps[&step];
        let text = assert_inside(harness, region, size, (Role::Label, caption), what);
        for button in [&words.interface.previous_step, &words.interface.next_step] {
            let rect = assert_inside(harness, region, size, (Role::Button, button), what);
            // Under the step's words, or on their row, flanking them.
            assert!(
                !rect.intersects(image) && rect.bottom() >= text.top() - 0.5,
                "{what}: {button:?} is not under the figure beside or under its step's words"
            );
        }
    }
    (image, labels)
}

/// The diagram's labels as drawn: none runs into another label or a hotspot's ring, and none
/// leaves the diagram's frame (`image`).
fn check_labels(
    harness: &Harness<'_, KioskApp>,
    (language, id): (&patient_kiosk::content::Language, &str),
    image: Rect,
    what: &str,
) -> usize {
    let Some(texts) = language.diagram_texts.get(id) else {
        return 0;
    };
    let labels: Vec<(String, Rect)> = harness
        .query_all_by_role(Role::Label)
        .filter_map(|node| {
            let info = node.accesskit_node();
            let label = info.label().or_else(|| info.value())?;
            let rect = node.rect();
            (texts.labels.values().any(|text| *text == label) && image.contains(rect.center()))
                .then_some((label, rect))
        })
        .collect();
    let theme = harness.state().theme();
    // Its pale edge reaches past its line by 1.3 lines (1.8 when open).
    let (marker, pale) = (theme.diagram.marker_pt, theme.diagram.line_pt * 1.3);
    let min_touch = theme.sizes.min_touch_pt;
    let rings: Vec<(String, egui::Pos2, f32)> = texts
        .hotspots
        .values()
        .filter_map(|text| {
            let node = harness.query_by_role_and_label(Role::Button, &text.title)?;
            // A ring's touch area is a square round it, unless neighbours split their touch
            // areas (a small drawing): then its centre is not the ring's, and the painted
            // ring is checked by screens_never_break, which sees it.
            // A ring round a whole part wider than a finger is as wide as its touch area
            // (to whole points); a smaller one is at least a marker's size.
            let rect = node.rect();
            let radius = if rect.width() > min_touch + 1.0 {
                rect.width() / 2.0 - 1.0 - pale
            } else {
                marker
            };
            ((rect.width() - rect.height()).abs() < 1.0)
                .then(|| (text.title.clone(), rect.center(), radius + pale))
        })
        .collect();
    for (i, (label, rect)) in labels.iter().enumerate() {
        assert!(
            image.expand(0.5).contains_rect(*rect),
            "{what}: the label {label:?} leaves the diagram's frame: {rect:?} outside {image:?}"
        );
        for (other, other_rect) in &labels[i + 1..] {
            assert!(
                !rect.shrink(0.5).intersects(other_rect.shrink(0.5)),
                "{what}: the label {label:?} runs into the label {other:?}"
            );
        }
        for (hotspot, center, ring) in &rings {
            assert!(
                rect.distance_to_pos(*center) >= ring - 0.5,
                "{what}: the label {label:?} runs into the ring of {hotspot:?}"
            );
        }
    }
    labels.len()
}

/// Where the page stacks (a walk-through's controls at a large text size leave a drawing
/// beside the text too small), the figure is among the page's blocks: scrolled to, it shows
/// whole and big enough; scrolled on, its step's words and buttons show whole. Returns whether
/// the page stacks (its controls were below the screen with the figure in view).
fn stacked(
    harness: &mut Harness<'_, KioskApp>,
    deck: &Deck,
    (language, page): (usize, &Page),
    size: Vec2,
    what: &str,
) -> bool {
    let words = &deck.languages[language].interface;
    let Some(next) = harness.query_by_role_and_label(Role::Button, &words.next_step) else {
        return false;
    };
    let region = between_bars(harness, deck, language);
    if region.contains_rect(next.rect()) {
        return false;
    }
    let (_, figure) = page.figure().expect("a figure");
    let image = assert_inside(harness, region, size, (Role::Image, figure.alt), what);
    assert!(
        image.width() >= 600.0 && image.height() >= 300.0,
        "{what}: stacked, the figure is drawn too small to see: {image:?}"
    );
    harness
        .get_by_role_and_label(Role::Button, &words.next_step)
        .scroll_to_me();
    harness.run();
    let region = between_bars(harness, deck, language);
    for button in [&words.previous_step, &words.next_step] {
        assert_inside(harness, region, size, (Role::Button, button), what);
    }
    true
}

#[test]
fn every_figure_is_on_screen_whole_with_its_caption_and_steps() {
    let deck = common::bundled_deck();
    let (mut checked, mut labels) = (0, 0);
    for language in 0..deck.languages.len() {
        for (name, size) in SIZES {
            for text in TextSize::ALL {
                let mut harness = kiosk(&deck, size, language, text);
                for (at, page) in figure_pages(&deck, language) {
                    let what = format!(
                        "{} {name} {text:?} {}",
                        deck.languages[language].code, page.id
                    );
                    common::tap_command(&mut harness, Command::Open(at));
                    harness.run();
                    // Where the page stacks (a large text size), the figure is among the
                    // blocks: scrolled to, it shows whole with its controls.
                    if let Some((id, _)) = page_diagram(&deck, page) {
                        harness
                            .state_mut()
                            .apply(Command::RevealDiagram(id.clone()));
                        harness.run();
                    }
                    if stacked(&mut harness, &deck, (language, page), size, &what) {
                        checked += 1;
                        continue;
                    }
                    labels += check_figure(&harness, &deck, (language, page), size, &what).1;
                    let Some((id, diagram)) = page_diagram(&deck, page) else {
                        continue;
                    };
                    // Every step of a walk-through, from its own Next step button.
                    for step in 1..diagram.steps.len() {
                        let next = &deck.languages[language].interface.next_step;
                        harness.get_by_role_and_label(Role::Button, next).click();
                        harness.run();
                        harness
                            .state_mut()
                            .apply(Command::RevealDiagram(id.clone()));
                        harness.run();
                        let what = format!("{what} step {}", step + 1);
                        assert_eq!(
                            harness.state().session().diagram_steps.get(id),
                            Some(&step),
                            "{what}"
                        );
                        labels += check_figure(&harness, &deck, (language, page), size, &what).1;
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked >= 2 * 2 * 3 * 8,
        "only {checked} figure pages were checked"
    );
    // Eight diagrams with about a hundred labels between them, at every step, in 12 looks.
    assert!(labels >= 12 * 100, "only {labels} labels were checked");
    eprintln!("{checked} figure pages, {labels} labels checked");
}

#[test]
fn an_open_hotspot_explains_itself_beside_the_whole_figure_and_nothing_moves() {
    let deck = common::bundled_deck();
    let mut opened = 0;
    for language in 0..deck.languages.len() {
        let words = &deck.languages[language];
        for (name, size) in SIZES {
            for text in [TextSize::Normal, TextSize::ExtraLarge] {
                let mut harness = kiosk(&deck, size, language, text);
                for (at, page) in figure_pages(&deck, language) {
                    let Some((id, diagram)) = page_diagram(&deck, page) else {
                        continue;
                    };
                    common::tap_command(&mut harness, Command::Open(at));
                    harness.run();
                    for hotspot in &diagram.hotspots {
                        let hotspot_words = &words.diagram_texts[id].hotspots[&hotspot.id];
                        let what =
                            format!("{} {name} {text:?} {} {}", words.code, page.id, hotspot.id);
                        // A hotspot of a part a later step shows is tapped at that step.
                        let mut tries = 0;
                        while harness
                            .query_by_role_and_label(Role::Button, &hotspot_words.title)
                            .is_none()
                            && tries < diagram.steps.len()
                        {
                            harness.state_mut().apply(Command::StepDiagram {
                                diagram: id.clone(),
                                forward: true,
                            });
                            harness.run();
                            tries += 1;
                        }
                        // Before the tap: the figure whole with its caption and steps, and
                        // where the figure and the page's title are.
                        let (before, _) =
                            check_figure(&harness, &deck, (language, page), size, &what);
                        let title = |harness: &Harness<'_, KioskApp>| {
                            harness
                                .query_all_by_label(&page.title)
                                .find(|node| node.accesskit_node().role() == Role::Heading)
                                .expect("the page's title")
                                .rect()
                        };
                        let title_before = title(&harness);
                        harness
                            .get_by_role_and_label(Role::Button, &hotspot_words.title)
                            .click();
                        harness.run();
                        let region = between_bars(&harness, &deck, language);
                        // Opened, nothing moves: not the figure, not the page's text.
                        let image = harness
                            .get_by_role_and_label(
                                Role::Image,
                                page.figure().expect("a figure").1.alt,
                            )
                            .rect();
                        assert_eq!(image, before, "{what}: the figure moved");
                        assert_eq!(
                            title(&harness),
                            title_before,
                            "{what}: the page's text moved"
                        );
                        let card = assert_inside(
                            &harness,
                            region,
                            size,
                            (Role::Label, &hotspot_words.text),
                            &what,
                        );
                        assert!(
                            !card.intersects(image),
                            "{what}: the explanation covers the figure"
                        );
                        // Tapped again, it closes.
                        harness
                            .get_by_role_and_label(Role::Button, &hotspot_words.title)
                            .click();
                        harness.run();
                        assert!(
                            harness.state().session().open_hotspot.is_none(),
                            "{what}: a second tap closes it"
                        );
                        opened += 1;
                    }
                }
            }
        }
    }
    assert!(
        opened >= 2 * 2 * 2 * 20,
        "only {opened} hotspots were opened"
    );
}

#[test]
fn a_figure_enlarges_to_the_whole_screen_and_back_returns_to_the_same_place() {
    let deck = common::bundled_deck();
    let words = &deck.languages[0];
    let at = common::page_with_diagram(&deck, "surgery-day-steps");
    let Some(page) = words.page(at) else {
        panic!("no page at {at:?}");
    };
    let Some((_, figure)) = page.figure() else {
        panic!("no figure");
    };
    for (name, size) in SIZES {
        let mut harness = kiosk(&deck, size, 0, TextSize::Normal);
        common::tap_command(&mut harness, Command::Open(at));
        harness.run();
        harness
            .get_by_role_and_label(Role::Button, &words.interface.next_step)
            .click();
        harness.run();
        let small = harness
            .get_by_role_and_label(Role::Image, figure.alt)
            .rect();
        harness
            .get_by_role_and_label(Role::Button, &words.interface.enlarge)
            .click();
        harness.run();
        assert!(harness.state().session().enlarged, "{name}: enlarged");
        let big = harness
            .get_by_role_and_label(Role::Image, figure.alt)
            .rect();
        // Beside the text it grows; above it (portrait), it already had the whole width.
        let growth = if size.x > size.y { 1.2 } else { 1.0 };
        assert!(
            big.area() >= small.area() * growth,
            "{name}: enlarged, the figure grows: {small:?} -> {big:?}"
        );
        // The page's text is out of the way (its title stays, to say where the patient is).
        let Some(Block::Paragraph(first)) = page.blocks.first() else {
            panic!("the page starts with a paragraph");
        };
        assert!(
            harness.query_by_label(first).is_none(),
            "{name}: enlarged, the page's text is not shown"
        );
        // The steps work there, and the page's text is out of the way.
        harness
            .get_by_role_and_label(Role::Button, &words.interface.next_step)
            .click();
        harness.run();
        assert_eq!(
            harness
                .state()
                .session()
                .diagram_steps
                .get("surgery-day-steps"),
            Some(&2),
            "{name}"
        );
        // Back returns to the page, at the step reached.
        harness
            .get_by_role_and_label(Role::Button, &words.interface.back_to_page)
            .click();
        harness.run();
        let session = harness.state().session();
        assert!(!session.enlarged, "{name}: back on the page");
        assert_eq!(session.screen, Screen::Page(at), "{name}: the same page");
        assert_eq!(
            session.diagram_steps.get("surgery-day-steps"),
            Some(&2),
            "{name}: the same step"
        );
        // So does a swipe from left to right, as it would turn the page back.
        harness
            .get_by_role_and_label(Role::Button, &words.interface.enlarge)
            .click();
        harness.run();
        harness.state_mut().apply(Command::Back);
        harness.run();
        let session = harness.state().session();
        assert!(!session.enlarged, "{name}: back to the page");
        assert_eq!(session.screen, Screen::Page(at), "{name}: the same page");
        // A new page is never enlarged.
        harness
            .get_by_role_and_label(Role::Button, &words.interface.enlarge)
            .click();
        harness.run();
        // Enlarged, a swipe from right to left still turns the page.
        harness.state_mut().apply(Command::Next);
        harness.run();
        let session = harness.state().session();
        assert_ne!(session.screen, Screen::Page(at), "{name}: the next page");
        assert!(!session.enlarged, "{name}: the next page is not enlarged");
    }
}

#[test]
fn the_risk_picture_shows_the_one_person_among_people_big_enough_to_see() {
    // "1 in 10,000" at arm's length: beside the 10,000 dots, the marked dot's neighbours are
    // drawn as people, each at least 16 points tall on the screen however the figure is
    // fitted, one of them in the marked colour, at both sizes, in both languages.
    let deck = common::bundled_deck();
    let diagram = &deck.diagrams["risk-dots"];
    let theme = patient_kiosk::Theme::bundled();
    let heads = |fill: &str| -> Vec<f32> {
        diagram
            .layers
            .iter()
            .flat_map(|layer| &layer.shapes)
            .filter_map(|shape| match shape {
                Shape::Ellipse {
                    radii: (rx, ry),
                    paint,
                    ..
                } if paint.fill.as_deref() == Some(fill) && (rx - ry).abs() < 0.01 => Some(*rx),
                _ => None,
            })
            .collect()
    };
    let grid_fill = (diagram.layers.iter().flat_map(|layer| &layer.shapes))
        .find_map(|shape| match shape {
            Shape::DotGrid { fill, .. } => Some(fill.clone()),
            _ => None,
        })
        .expect("the 10,000 dots");
    // The people are drawn in the dots' colours: grey as the grid, the one as its marked dot.
    let (grey, marked) = (heads(&grid_fill), heads("dot_marked"));
    assert!(
        grey.len() >= 14,
        "the one's neighbours around it: {}",
        grey.len()
    );
    assert_eq!(marked.len(), 1, "one marked person");
    // Head and shoulders: the person is four head radii tall.
    let person_units = 4.0 * marked[0];
    let grid_spacing = diagram
        .layers
        .iter()
        .flat_map(|layer| &layer.shapes)
        .find_map(|shape| match shape {
            Shape::DotGrid { spacing, .. } => Some(*spacing),
            _ => None,
        })
        .expect("the 10,000 dots");
    assert!(
        person_units >= 5.0 * grid_spacing,
        "up close, a person is far bigger than a dot of the grid"
    );
    for language in 0..deck.languages.len() {
        let alt = deck.languages[language]
            .pages()
            .find_map(|(_, page)| {
                let (_, figure) = page.figure()?;
                matches!(&figure.source, FigureSource::Diagram(id) if id == "risk-dots")
                    .then(|| figure.alt.to_owned())
            })
            .expect("a page shows the risk picture");
        for (name, size) in SIZES {
            let mut harness = kiosk(&deck, size, language, TextSize::Normal);
            let at = common::page_with_diagram(&deck, "risk-dots");
            // The close-up of the people comes with the walk-through's last step.
            harness.state_mut().apply(Command::OpenDiagramStep {
                at,
                diagram: "risk-dots".to_owned(),
                step: diagram.last_step(),
            });
            harness.run();
            let card = harness.get_by_role_and_label(Role::Image, &alt).rect();
            // The drawing fills the card's height (less its padding) or gives up at most 40%
            // of it to its labels.
            let pad = theme.sizes.card_padding_pt;
            let fit = ((card.height() - 2.0 * pad) / diagram.view_box.height)
                .min((card.width() - 2.0 * pad) / diagram.view_box.width);
            let person_pt = person_units * fit * 0.6;
            assert!(
                person_pt >= 16.0,
                "{name}, language {language}: a person is {person_pt} points tall"
            );
            let one = &deck.languages[language].diagram_texts["risk-dots"].hotspots["one-person"];
            let ring = harness
                .get_by_role_and_label(Role::Button, &one.title)
                .rect();
            assert!(
                card.contains(ring.center()),
                "{name}: the one person can be tapped in the picture"
            );
        }
    }
}

/// On the whole screen, in both orientations, a figure's labels are larger than on its page; a
/// double tap zooms in two times where the finger is (the point under it stays put), a pinch
/// zooms further, a drag pans, a part still opens where it now is (and Back to the page stays
/// with its explanation); back on the page and enlarged again, the figure starts whole.
#[test]
fn an_enlarged_figure_has_larger_labels_zooms_by_pinch_and_double_tap_and_pans() {
    let deck = common::bundled_deck();
    let words = &deck.languages[0];
    let texts = &words.diagram_texts["endoscope"];
    // The lens at the scope's tip (shown once the scope is in: the last step is opened).
    let label = &texts.labels["lens"];
    let lens = &texts.hotspots["lens"].title;
    let at = common::page_with_diagram(&deck, "endoscope");
    let alt = words
        .page(at)
        .and_then(|page| page.figure())
        .map(|(_, figure)| figure.alt.to_owned())
        .expect("the endoscope's page has it as its figure");
    let label_height = |harness: &Harness<'_, KioskApp>| {
        harness
            .query_all_by_label(label)
            .find(|node| node.accesskit_node().role() == Role::Label)
            .expect("the lens's label")
            .rect()
            .height()
    };
    let figure =
        |harness: &Harness<'_, KioskApp>| harness.get_by_role_and_label(Role::Image, &alt).rect();
    let mut opened = 0;
    for (name, size) in SIZES {
        let mut harness = kiosk(&deck, size, 0, TextSize::Normal);
        let last = deck.diagrams["endoscope"].last_step();
        common::tap_command(
            &mut harness,
            Command::OpenDiagramStep {
                at,
                diagram: "endoscope".to_owned(),
                step: last,
            },
        );
        harness.run();
        let on_page = label_height(&harness);
        harness
            .get_by_role_and_label(Role::Button, &words.interface.enlarge)
            .click();
        harness.run();
        let whole = figure(&harness);
        assert!(
            label_height(&harness) >= on_page * 1.2,
            "{name}: labels larger on the whole screen: {on_page} -> {}",
            label_height(&harness)
        );
        // A double tap at a point of the figure: twice as large, that point where it was.
        let point = whole.center() + egui::vec2(whole.width() * 0.2, 0.0);
        let fraction = (point - whole.min) / whole.size();
        common::tap(&mut harness, point);
        common::tap(&mut harness, point);
        harness.run();
        let zoomed = figure(&harness);
        assert!(
            (zoomed.width() / whole.width() - 2.0).abs() < 0.05,
            "{name}: a double tap zooms two times: {whole:?} -> {zoomed:?}"
        );
        let still = zoomed.min + fraction * zoomed.size();
        assert!(
            (still - point).length() < 2.0,
            "{name}: the point under the finger stays: {point:?} -> {still:?}"
        );
        // A pinch (as the system gives it) zooms further, up to four times.
        for _ in 0..10 {
            harness.event(egui::Event::Zoom(1.5));
            harness.step();
        }
        harness.run();
        let pinched = figure(&harness);
        assert!(
            (pinched.width() / whole.width() - 4.0).abs() < 0.05,
            "{name}: pinched to four times at most: {pinched:?}"
        );
        // A drag pans it.
        let from = whole.center();
        common::finger(&mut harness, from, &[from + egui::vec2(120.0, 60.0)]);
        harness.run();
        let panned = figure(&harness);
        assert!(
            (panned.min - pinched.min).length() > 50.0,
            "{name}: a drag pans: {pinched:?} -> {panned:?}"
        );
        // A part opens where it is now.
        let part = harness.get_by_role_and_label(Role::Button, lens).rect();
        if whole.contains(part.center()) {
            opened += 1;
            common::tap(&mut harness, part.center());
            harness.run();
            assert_eq!(
                harness
                    .state()
                    .session()
                    .open_hotspot
                    .as_ref()
                    .map(|open| open.hotspot.as_str()),
                Some("lens"),
                "{name}: the lens opens, zoomed"
            );
        }
        // Back to the page is there with an explanation open too; back on the page, the
        // explanation closed, and enlarged again: whole.
        harness
            .get_by_role_and_label(Role::Button, &words.interface.back_to_page)
            .click();
        harness.run();
        if let Some(close) =
            harness.query_by_role_and_label(Role::Button, &words.interface.close_part)
        {
            close.click();
            harness.run();
        }
        harness
            .get_by_role_and_label(Role::Button, &words.interface.enlarge)
            .click();
        harness.run();
        assert_eq!(
            figure(&harness),
            whole,
            "{name}: enlarged again, it starts whole"
        );
    }
    assert!(opened >= 1, "a part was opened zoomed in");
}

/// A walk-through's steps are numbered boxes, unlike the page's round dots: the step's
/// progress is as tall as a box with a number in it, and the current box's number is drawn in
/// the light colour on the filled box.
#[test]
fn a_walk_throughs_steps_are_numbered_boxes_unlike_the_page_dots() {
    let deck = common::bundled_deck();
    let words = &deck.languages[0];
    let at = common::page_with_diagram(&deck, "fluoroscope");
    let mut harness = kiosk(&deck, vec2(1920.0, 1080.0), 0, TextSize::Normal);
    common::tap_command(&mut harness, Command::Open(at));
    harness.run();
    let steps = words
        .interface
        .step_of
        .replace("{step}", "1")
        .replace("{total}", "4");
    let boxes = harness.get_by_label(&steps).rect();
    let theme = patient_kiosk::Theme::bundled();
    assert!(
        boxes.height() >= theme.sizes.small_pt * 1.3,
        "boxes tall enough for a number: {boxes:?}"
    );
    let image = harness.render().expect("renders");
    let light = theme.colors.on_accent.color32();
    let accent = theme.colors.accent.color32();
    let first = Rect::from_min_size(boxes.min, vec2(boxes.height(), boxes.height()));
    let count = |color: egui::Color32| {
        image
            .enumerate_pixels()
            .filter(|(x, y, p)| {
                first.contains(egui::pos2(*x as f32, *y as f32))
                    && (p.0[0], p.0[1], p.0[2]) == (color.r(), color.g(), color.b())
            })
            .count()
    };
    assert!(count(accent) > 100, "the first box is filled");
    assert!(count(light) > 5, "with its number in the light colour");
}
