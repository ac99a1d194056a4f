//! Every bundled diagram as a patient uses it: each hotspot tapped by its accessible label opens
//! its explanation, and each walk-through steps forwards and backwards with buttons and swipes.

use crate::common;

use std::collections::BTreeSet;

use egui::accesskit::Role;
use egui::{Pos2, Vec2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, OpenHotspot, Screen};
use patient_kiosk::content::diagram::{Diagram, DiagramText};
use patient_kiosk::content::model::{Block, FigureSource};
use patient_kiosk::content::{Deck, PageRef};
use patient_kiosk::theme::TextSize;
use patient_kiosk::{KioskApp, Theme};

const LANDSCAPE: Vec2 = vec2(1920.0, 1080.0);

/// Simulated seconds per frame.
const STEP_SECS: f32 = 0.05;

/// The kiosk on the page that shows diagram `id`.
fn kiosk_on_diagram(deck: &Deck, id: &str) -> Harness<'static, KioskApp> {
    kiosk_with(Theme::bundled(), deck, id, LANDSCAPE)
}

/// The kiosk with `theme`, at `size`, on the page that shows diagram `id`.
fn kiosk_with(theme: Theme, deck: &Deck, id: &str, size: Vec2) -> Harness<'static, KioskApp> {
    let at = page_of_diagram(deck, id);
    let mut app = KioskApp::new(theme, Ok(deck.clone()));
    app.apply(Command::Open(at));
    let mut harness = Harness::builder()
        .with_size(size)
        // Twenty frames a second of simulated time, so an animation's frames can be counted;
        // scrolling into view and step animations take a few of them to settle.
        .with_step_dt(STEP_SECS)
        .with_max_steps(80)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

fn page_of_diagram(deck: &Deck, id: &str) -> PageRef {
    let language = deck.language(deck.default_language);
    language
        .pages()
        .find(|(_, page)| page.diagram_ids().any(|shown| shown == id))
        .map(|(at, _)| at)
        .unwrap_or_else(|| panic!("no page shows the diagram {id:?}"))
}

fn words<'a>(deck: &'a Deck, id: &str) -> &'a DiagramText {
    deck.language(deck.default_language)
        .diagram_texts
        .get(id)
        .unwrap_or_else(|| panic!("the diagram {id:?} has no English words"))
}

fn step_of(harness: &Harness<'_, KioskApp>, id: &str) -> usize {
    harness
        .state()
        .session()
        .diagram_steps
        .get(id)
        .copied()
        .unwrap_or(0)
}

/// Scrolls a button into view and taps it.
fn tap(harness: &mut Harness<'_, KioskApp>, label: &str) {
    common::scroll_and_tap(harness, Role::Button, label);
}

fn shown(harness: &Harness<'_, KioskApp>, text: &str) -> bool {
    times_shown(harness, text) > 0
}

fn times_shown(harness: &Harness<'_, KioskApp>, text: &str) -> usize {
    harness.query_all_by_label(text).count()
}

#[test]
fn every_hotspot_of_every_diagram_opens_and_closes_its_explanation() {
    let deck = common::bundled_deck();
    assert!(deck.diagrams.len() >= 8, "the eight diagrams ship");
    let mut tapped = 0;
    // The diagrams the pages show (a home tile's small picture has no parts).
    for (id, diagram) in deck.diagrams.iter().filter(|(_, d)| !d.hotspots.is_empty()) {
        let words = words(&deck, id);
        let mut harness = kiosk_on_diagram(&deck, id);
        let mut done = BTreeSet::new();
        // A walk-through may hide parts until a later step: visit every step.
        for step in 0..=diagram.last_step() {
            if step > 0 {
                harness.state_mut().apply(Command::StepDiagram {
                    diagram: id.clone(),
                    forward: true,
                });
                harness.run();
            }
            let visible = diagram.visible_layers(step);
            for hotspot in &diagram.hotspots {
                let layer_shown = hotspot.layers.iter().any(|layer| {
                    diagram
                        .layers
                        .iter()
                        .position(|l| &l.id == layer)
                        .is_some_and(|index| visible[index])
                });
                if done.contains(&hotspot.id) || !layer_shown {
                    continue;
                }
                let text = &words.hotspots[&hotspot.id];
                // The page itself may say the same words; the explanation adds them once more.
                let before = times_shown(&harness, &text.text);
                tap(&mut harness, &text.title);
                assert_eq!(
                    times_shown(&harness, &text.text),
                    before + 1,
                    "tapping {:?} on {id} shows its explanation",
                    text.title
                );
                assert_eq!(
                    harness.state().session().open_hotspot,
                    Some(OpenHotspot {
                        diagram: id.clone(),
                        hotspot: hotspot.id.clone(),
                    })
                );
                let button = harness.get_by_role_and_label(Role::Button, &text.title);
                let size = button.rect().size();
                assert!(
                    size.x >= 64.0 && size.y >= 64.0,
                    "{id}/{}: {size:?}",
                    hotspot.id
                );
                tap(&mut harness, &text.title);
                assert_eq!(
                    times_shown(&harness, &text.text),
                    before,
                    "tapping {:?} again closes it",
                    text.title
                );
                done.insert(hotspot.id.clone());
                tapped += 1;
            }
        }
        let all: BTreeSet<String> = diagram.hotspots.iter().map(|h| h.id.clone()).collect();
        assert_eq!(done, all, "every hotspot of {id} can be reached and tapped");
    }
    assert!(
        tapped >= 30,
        "only {tapped} hotspots in the bundled diagrams"
    );
}

/// The caption of `diagram`'s step `step`.
fn caption<'a>(words: &'a DiagramText, diagram: &Diagram, step: usize) -> &'a str {
    &words.steps[&diagram.steps[step].id]
}

#[test]
fn every_walk_through_steps_forwards_and_backwards() {
    let deck = common::bundled_deck();
    let walks: Vec<(&String, &Diagram)> = deck
        .diagrams
        .iter()
        .filter(|(_, diagram)| !diagram.steps.is_empty())
        .collect();
    assert!(
        walks.iter().any(|(id, _)| *id == "surgery-day-steps"),
        "the day of surgery is a walk-through"
    );
    for (id, diagram) in walks {
        let words = words(&deck, id);
        let last = diagram.last_step();
        let mut harness = kiosk_on_diagram(&deck, id);
        let page = harness.state().session().screen;
        assert!(shown(&harness, caption(words, diagram, 0)));
        assert!(shown(&harness, &format!("Step 1 of {}", last + 1)));
        harness
            .get_by_role_and_label(Role::Button, "Next step")
            .scroll_to_me();
        harness.run();
        let next_at = harness
            .get_by_role_and_label(Role::Button, "Next step")
            .rect();
        for step in 1..=last {
            harness
                .get_by_role_and_label(Role::Button, "Next step")
                .click();
            harness.run();
            // The buttons stay put under the finger, however long the captions are.
            assert_eq!(
                harness
                    .get_by_role_and_label(Role::Button, "Next step")
                    .rect(),
                next_at,
                "{id} step {step}"
            );
            assert_eq!(step_of(&harness, id), step, "{id}");
            assert!(
                shown(&harness, caption(words, diagram, step)),
                "{id} step {step} shows its caption"
            );
            assert!(shown(
                &harness,
                &format!("Step {} of {}", step + 1, last + 1)
            ));
        }
        // At the end, Next step does nothing (the page's own Next goes on).
        tap(&mut harness, "Next step");
        assert_eq!(step_of(&harness, id), last);
        for step in (0..last).rev() {
            tap(&mut harness, "Step back");
            assert_eq!(step_of(&harness, id), step, "{id}");
            assert!(shown(&harness, caption(words, diagram, step)));
        }
        tap(&mut harness, "Step back");
        assert_eq!(step_of(&harness, id), 0);
        assert_eq!(
            harness.state().session().screen,
            page,
            "stepping never turns the page"
        );
    }
}

#[test]
fn a_swipe_on_a_walk_through_moves_its_steps_and_elsewhere_turns_the_page() {
    let deck = common::bundled_deck();
    let id = "surgery-day-steps";
    let mut harness = kiosk_on_diagram(&deck, id);
    let page = harness.state().session().screen;
    let alt = figure_alt(&deck, id);
    harness.get_by_label(&alt).scroll_to_me();
    harness.run();
    let figure = harness.get_by_label(&alt).rect();
    let visible = figure.intersect(egui::Rect::from_min_size(Pos2::ZERO, LANDSCAPE));
    let start = visible.center() + vec2(visible.width() * 0.3, 0.0);
    let leftwards: Vec<Pos2> = (1..=8)
        .map(|i| start - vec2(50.0 * i as f32, 0.0))
        .collect();
    common::finger(&mut harness, start, &leftwards);
    assert_eq!(step_of(&harness, id), 1, "right to left is the next step");
    assert_eq!(harness.state().session().screen, page);

    let from = visible.center() - vec2(visible.width() * 0.3, 0.0);
    let rightwards: Vec<Pos2> = (1..=8).map(|i| from + vec2(50.0 * i as f32, 0.0)).collect();
    common::finger(&mut harness, from, &rightwards);
    assert_eq!(step_of(&harness, id), 0, "left to right is the step before");

    // The same swipe beside the diagram turns the page.
    let beside = pos2(visible.left() - 10.0, visible.center().y);
    let path: Vec<Pos2> = (1..=8)
        .map(|i| beside - vec2(45.0 * i as f32, 0.0))
        .collect();
    common::finger(&mut harness, beside, &path);
    let Screen::Page(before) = page else {
        panic!("the walk-through is on a page");
    };
    let next = PageRef {
        page: before.page + 1,
        ..before
    };
    assert_eq!(harness.state().session().screen, Screen::Page(next));
}

fn figure_alt(deck: &Deck, id: &str) -> String {
    let at = page_of_diagram(deck, id);
    let language = deck.language(deck.default_language);
    let page = language.page(at).expect("the page exists");
    page.blocks
        .iter()
        .find_map(|block| match block {
            Block::Figure {
                source: FigureSource::Diagram(shown),
                alt,
                ..
            } if shown == id => Some(alt.clone()),
            _ => None,
        })
        .expect("the figure is on its page")
}

/// Frames drawn from tapping Next step until the kiosk stops repainting.
fn frames_for_a_step(theme: Theme) -> u64 {
    let deck = common::bundled_deck();
    let id = "surgery-day-steps";
    let mut harness = kiosk_with(theme, &deck, id, LANDSCAPE);
    harness
        .get_by_role_and_label(Role::Button, "Next step")
        .scroll_to_me();
    harness.run();
    assert_eq!(harness.run(), 1, "a page at rest draws one frame and waits");
    harness
        .get_by_role_and_label(Role::Button, "Next step")
        .click();
    let frames = harness.run();
    assert_eq!(step_of(&harness, id), 1);
    assert_eq!(
        harness.run(),
        1,
        "once the animation ends, repainting stops"
    );
    frames
}

#[test]
fn a_step_animates_for_a_moment_and_then_stops_repainting() {
    let mut still = Theme::bundled();
    still.sizes.step_animation_secs = 0.0;
    still.sizes.motion_secs = 0.0;
    let without = frames_for_a_step(still);
    let with = frames_for_a_step(Theme::bundled());
    let sizes = Theme::bundled().sizes;
    let fade_secs = sizes.step_animation_secs.min(sizes.motion_secs);
    let fade_frames = (fade_secs / STEP_SECS) as u64;
    assert!(
        with + 1 >= without + fade_frames,
        "the step change animates over more frames: {with} against {without} without animation"
    );
}

#[test]
fn coming_back_to_a_page_replays_no_old_animation() {
    let deck = common::bundled_deck();
    let id = "surgery-day-steps";
    let at = page_of_diagram(&deck, id);
    let mut harness = kiosk_on_diagram(&deck, id);
    let visit = |harness: &mut Harness<'_, KioskApp>| {
        harness.state_mut().apply(Command::Home);
        // The logo decodes on a thread of its own: its frames are not the page's.
        common::settle_pictures(harness);
        harness.state_mut().apply(Command::Open(at));
        harness.run()
    };
    let first = visit(&mut harness);
    tap(&mut harness, "Next step");
    tap(&mut harness, "Next step");
    let again = visit(&mut harness);
    assert_eq!(
        again, first,
        "the page opens as fast as the first time: the last visit's fade does not replay"
    );
}

#[test]
fn a_tapped_part_explains_itself_on_screen_even_on_a_small_screen() {
    let deck = common::bundled_deck();
    let size = vec2(1280.0, 800.0);
    // At large text the figure has no part of the screen of its own here: it scrolls with the
    // text, and the explanation under it is scrolled into view.
    for text_size in [TextSize::Normal, TextSize::Large] {
        let theme = Theme::bundled().for_reader(text_size, false);
        let bar_height = theme.sizes.bar_height_pt;
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        app.apply(Command::SetTextSize(text_size));
        app.apply(Command::Open(page_of_diagram(&deck, "endoscope")));
        let mut harness = Harness::builder()
            .with_size(size)
            .with_step_dt(STEP_SECS)
            .with_max_steps(80)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        let text = &words(&deck, "endoscope").hotspots["screen"];
        tap(&mut harness, &text.title);
        let explanation = harness.get_by_label(&text.text).rect();
        assert!(
            explanation.top() >= bar_height - 0.5
                && explanation.bottom() <= size.y - bar_height + 0.5,
            "{text_size:?}: the explanation {explanation:?} is between the bars"
        );
    }
}

#[test]
fn leaving_a_page_forgets_its_steps() {
    let deck = common::bundled_deck();
    let id = "surgery-day-steps";
    let mut harness = kiosk_on_diagram(&deck, id);
    tap(&mut harness, "Next step");
    assert_eq!(step_of(&harness, id), 1);
    harness.state_mut().apply(Command::Home);
    harness.run();
    assert!(harness.state().session().diagram_steps.is_empty());
    harness
        .state_mut()
        .apply(Command::Open(page_of_diagram(&deck, id)));
    harness.run();
    assert_eq!(step_of(&harness, id), 0, "the next visit starts at step 1");
}

#[test]
fn stepping_closes_only_that_diagrams_explanation() {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.apply(Command::Open(page_of_diagram(&deck, "endoscope")));
    let lens = OpenHotspot {
        diagram: "endoscope".to_owned(),
        hotspot: "lens".to_owned(),
    };
    app.apply(Command::ToggleHotspot {
        diagram: lens.diagram.clone(),
        hotspot: lens.hotspot.clone(),
    });
    app.apply(Command::StepDiagram {
        diagram: "fluoroscope".to_owned(),
        forward: true,
    });
    assert_eq!(
        app.session().open_hotspot,
        Some(lens.clone()),
        "another diagram stepped"
    );
    app.apply(Command::StepDiagram {
        diagram: "endoscope".to_owned(),
        forward: true,
    });
    assert_eq!(app.session().open_hotspot, None, "its own diagram stepped");
}

/// Every point of a path's outline (its control points too: a bounding box of them holds the
/// curve).
fn path_points(ops: &[patient_kiosk::content::diagram::PathOp]) -> Vec<(f32, f32)> {
    use patient_kiosk::content::diagram::PathOp;
    ops.iter()
        .flat_map(|op| match *op {
            PathOp::Move(a) | PathOp::Line(a) => vec![a],
            PathOp::Quad(a, b) => vec![a, b],
            PathOp::Cubic(a, b, c) => vec![a, b, c],
            PathOp::Close => vec![],
        })
        .collect()
}

/// "To scale" is true, read from the incisions picture's own geometry: the ruler lies in the
/// close-up, its long ticks at 0, half an inch and 1 inch, and the close-up's cut runs half an
/// inch on it; the close-up is 10 times bigger than the backs, where an adult's shoulders are
/// 14 to 20 inches wide and each small cut is half an inch.
#[test]
fn the_incisions_picture_is_drawn_to_one_scale() {
    use patient_kiosk::content::diagram::Shape;
    let deck = common::bundled_deck();
    let diagram = &deck.diagrams["incisions"];
    let layer = |id: &str| {
        diagram
            .layers
            .iter()
            .find(|layer| layer.id == id)
            .unwrap_or_else(|| panic!("the incisions picture has no layer {id:?}"))
    };
    // The ruler's ticks: level lines from its left edge, the long ones every half inch.
    let ruler = layer("ruler");
    let ticks: Vec<(f32, f32)> = ruler
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Polyline { points, stroke }
                if stroke == "outline" && points[0].1 == points[1].1 =>
            {
                Some((points[0].1, (points[1].0 - points[0].0).abs()))
            }
            _ => None,
        })
        .collect();
    let longest = ticks.iter().map(|tick| tick.1).fold(0.0, f32::max);
    let mut halves: Vec<f32> = (ticks.iter())
        .filter(|tick| tick.1 == longest)
        .map(|tick| tick.0)
        .collect();
    halves.sort_by(f32::total_cmp);
    assert_eq!(halves.len(), 3, "0, half an inch and 1 inch: {halves:?}");
    let inch = halves[2] - halves[0];
    assert!(
        (halves[1] - halves[0] - inch / 2.0).abs() < 0.01,
        "{halves:?}"
    );
    // Its numbers stand at its long ticks.
    let words = &deck.language(0).diagram_texts["incisions"].labels;
    for (key, at) in [("r0", halves[0]), ("rhalf", halves[1]), ("r1", halves[2])] {
        let placed = (ruler.shapes.iter()).find_map(|shape| match shape {
            Shape::Label { text, at, .. } if text == key => Some(at.1),
            _ => None,
        });
        assert_eq!(placed, Some(at), "{:?} beside its tick", words.get(key));
    }
    // The close-up's cut: half an inch on the ruler.
    let big = layer("cut-big");
    let ys: Vec<f32> = (big.shapes.iter())
        .flat_map(|shape| match shape {
            Shape::Path { ops, .. } => path_points(ops).into_iter().map(|p| p.1).collect(),
            _ => Vec::new(),
        })
        .collect();
    let length =
        ys.iter().copied().fold(f32::MIN, f32::max) - ys.iter().copied().fold(f32::MAX, f32::min);
    assert!(
        (length - inch / 2.0).abs() < 0.01,
        "the close-up's cut is {:.2} inches on its ruler",
        length / inch
    );
    // The backs, at a tenth of the close-up's size: an adult's shoulders, 14 to 20 inches.
    let back_inch = inch / 10.0;
    let backs = layer("backs");
    let outlines: Vec<f32> = backs
        .shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Path { ops, paint } if paint.fill.as_deref() == Some("skin") => {
                let xs: Vec<f32> = path_points(ops).iter().map(|p| p.0).collect();
                let width = xs.iter().copied().fold(f32::MIN, f32::max)
                    - xs.iter().copied().fold(f32::MAX, f32::min);
                Some(width / back_inch)
            }
            _ => None,
        })
        .collect();
    assert_eq!(outlines.len(), 2, "two backs");
    for width in &outlines {
        assert!(
            (14.0..=20.0).contains(width),
            "a back {width:.1} inches wide at the close-up's scale over 10"
        );
    }
    assert!(
        (outlines[0] - outlines[1]).abs() < 0.01,
        "both backs at one size"
    );
    // Each small cut on the back is half an inch there.
    let cuts = layer("small-cuts");
    let mut small = 0;
    for shape in &cuts.shapes {
        if let Shape::Path { ops, .. } = shape {
            let ys: Vec<f32> = path_points(ops).iter().map(|p| p.1).collect();
            let length = ys.iter().copied().fold(f32::MIN, f32::max)
                - ys.iter().copied().fold(f32::MAX, f32::min);
            assert!(
                (length - back_inch / 2.0).abs() < 0.01,
                "a small cut {:.2} inches long",
                length / back_inch
            );
            small += 1;
        }
    }
    assert!(small >= 2, "small cuts drawn on the back");
}

/// Where the diagram label reading `text` is drawn, if it is.
fn label_rect(harness: &Harness<'_, KioskApp>, text: &str) -> Option<egui::Rect> {
    harness
        .query_all_by_role(Role::Label)
        .find(|node| {
            let info = node.accesskit_node();
            info.label().or_else(|| info.value()).as_deref() == Some(text)
        })
        .map(|node| node.rect())
}

/// Where the label `text` is (its centre) frame by frame, from tapping Next step on diagram
/// `id` until the kiosk stops repainting.
fn label_path(theme: Theme, id: &str, steps: usize, text: &str) -> Vec<Pos2> {
    let deck = common::bundled_deck();
    let mut harness = kiosk_with(theme, &deck, id, LANDSCAPE);
    for _ in 1..steps {
        tap(&mut harness, "Next step");
    }
    harness
        .get_by_role_and_label(Role::Button, "Next step")
        .click();
    let mut path = Vec::new();
    for _ in 0..60 {
        harness.step();
        if let Some(rect) = label_rect(&harness, text) {
            path.push(rect.center());
        }
    }
    path
}

#[test]
fn walk_throughs_move_what_the_words_say_and_less_motion_only_fades() {
    // The C-arm rolls in beside the patient (step 2 of the fluoroscope), the tube goes down
    // through the small cut to the spine (step 2 of tubes vs open surgery) and the scope goes
    // in through the cut (step 4 of the day of surgery): their labels travel with them, ever
    // closer to their place, eased, and come to rest in under a second.
    let motion_secs = Theme::bundled().sizes.motion_secs;
    assert!(motion_secs <= 1.0, "a motion takes at most about a second");
    for (id, taps, label) in [
        ("fluoroscope", 1, "C-arm"),
        ("tubes-vs-open", 1, "Tube"),
        ("surgery-day-steps", 3, "Scope with camera"),
    ] {
        let path = label_path(Theme::bundled(), id, taps, label);
        let end = *path.last().expect("frames");
        let away: Vec<f32> = path.iter().map(|at| (*at - end).length()).collect();
        assert!(
            away[0] > 20.0,
            "{id}: the {label:?} label comes from elsewhere: {path:?}"
        );
        assert!(
            away.windows(2).all(|pair| pair[1] <= pair[0] + 0.01),
            "{id}: it only comes closer: {away:?}"
        );
        let moves: Vec<f32> = away.windows(2).map(|pair| pair[0] - pair[1]).collect();
        let moving = moves.iter().filter(|&&by| by > 0.0).count() as f32;
        assert!(
            moving * STEP_SECS <= motion_secs + 2.0 * STEP_SECS,
            "{id}: it moves for at most the motion's time ({moving} frames)"
        );
        // Eased: its first frame covers less of the way than a frame in the middle.
        let peak = moves.iter().copied().fold(0.0, f32::max);
        assert!(moves[0] < peak / 2.0, "{id}: it starts gently: {moves:?}");

        let mut still = Theme::bundled();
        still.sizes.less_motion = true;
        let path = label_path(still, id, taps, label);
        assert!(
            path.windows(2).all(|pair| pair[0] == pair[1]),
            "{id}: with less motion the {label:?} label fades in where it ends up: {path:?}"
        );
        assert_eq!(
            path.last(),
            Some(&end),
            "{id}: and ends where it would have moved to"
        );
    }
}

/// A part's ring travels with the part while it moves into place: half-way through the C-arm
/// rolling in, its ring (the button a finger taps) is where the C-arm is, shifted from where it
/// ends up by as much as the C-arm's label beside it, not waiting in the empty air.
#[test]
fn a_parts_ring_travels_with_it_while_it_moves() {
    let deck = common::bundled_deck();
    let mut harness = kiosk_on_diagram(&deck, "fluoroscope");
    let words = &deck.language(deck.default_language).diagram_texts["fluoroscope"];
    let ring_title = &words.hotspots["c-arm"].title;
    let label = &words.labels["c-arm"];
    harness.state_mut().apply(Command::StepDiagram {
        diagram: "fluoroscope".to_owned(),
        forward: true,
    });
    // A few frames into the motion.
    for _ in 0..4 {
        harness.step();
    }
    let ring_at = |harness: &Harness<'_, KioskApp>| {
        harness
            .get_by_role_and_label(Role::Button, ring_title)
            .rect()
            .center()
    };
    let label_at = |harness: &Harness<'_, KioskApp>| {
        harness
            .query_all_by_label(label)
            .find(|node| node.accesskit_node().role() == Role::Label)
            .expect("the C-arm's label")
            .rect()
            .center()
    };
    let (ring_moving, label_moving) = (ring_at(&harness), label_at(&harness));
    harness.run();
    let (ring_still, label_still) = (ring_at(&harness), label_at(&harness));
    let ring_shift = ring_still - ring_moving;
    let label_shift = label_still - label_moving;
    assert!(
        ring_shift.length() > 20.0,
        "half-way, the ring is not where it ends up: {ring_shift:?}"
    );
    assert!(
        (ring_shift - label_shift).length() < 2.0,
        "the ring moves as the part's label does: {ring_shift:?} and {label_shift:?}"
    );
}
