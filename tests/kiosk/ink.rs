//! Consultation mode's pen and pointer: strokes kept in a diagram's own coordinates (so they
//! stay on the same part when the window changes shape), Undo and Clear of what is on screen,
//! the pen taking the finger from swipes and hotspots, and the pointer leaving nothing behind.

use crate::common;

use egui::accesskit::Role;
use egui::{Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, Screen};
use patient_kiosk::ink::Surface;
use patient_kiosk::{KioskApp, Theme};

const DIAGRAM: &str = "tubes-vs-open";
/// The walk-through's last step, where both ways in show (the muscle spread by the tube and
/// the muscle pulled wide), counting from 0.
const STEP: usize = 2;

/// Consultation mode at `size`, on the page with the tubes-vs-open diagram at its last step,
/// diagram in view.
fn on_diagram_page(size: egui::Vec2) -> Harness<'static, KioskApp> {
    on_diagram_page_every(size, 0.25)
}

/// [`on_diagram_page`] with `step_secs` of simulated time a frame.
fn on_diagram_page_every(size: egui::Vec2, step_secs: f32) -> Harness<'static, KioskApp> {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, DIAGRAM);
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_consult(true);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(step_secs)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness.state_mut().apply(Command::OpenDiagramStep {
        at,
        diagram: DIAGRAM.to_owned(),
        step: STEP,
    });
    harness.run();
    harness
}

fn tool(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness
        .get_by_role_and_label(Role::RadioButton, label)
        .click();
    harness.run();
}

/// The centre of a diagram hotspot's touch area, scrolled into view: hotspots are placed in
/// the diagram's own coordinates, so this is a fixed part of the drawing.
fn part(harness: &mut Harness<'_, KioskApp>, title: &str) -> Pos2 {
    harness
        .get_by_role_and_label(Role::Button, title)
        .scroll_to_me();
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, title)
        .rect()
        .center()
}

/// The centres of the two muscle parts, both in view: (220, 250) and (806, 282) in the
/// diagram's coordinates.
fn parts(harness: &mut Harness<'_, KioskApp>) -> (Pos2, Pos2) {
    let from = part(harness, "Muscle gently spread");
    let to = harness
        .get_by_role_and_label(Role::Button, "Muscle pulled wide")
        .rect()
        .center();
    assert!((from.y - to.y).abs() < 60.0, "both in view, side by side");
    (from, to)
}

fn diagram_strokes(harness: &Harness<'_, KioskApp>) -> Vec<Vec<(f32, f32)>> {
    let surface = Surface::Diagram {
        id: DIAGRAM.to_owned(),
        step: STEP,
    };
    let session = harness.state().session();
    (session.ink.strokes(&surface).iter())
        .map(|stroke| stroke.points.clone())
        .collect()
}

fn near(a: (f32, f32), b: (f32, f32), within: f32) -> bool {
    (a.0 - b.0).hypot(a.1 - b.1) <= within
}

/// Whether the rendered screen is close to the first pen colour (red) at `at`.
fn inked(image: &image::RgbaImage, at: Pos2) -> bool {
    let (x, y) = (at.x.round() as u32, at.y.round() as u32);
    let Some(pixel) = image.get_pixel_checked(x, y) else {
        return false;
    };
    let [r, g, b, _] = pixel.0;
    // #D32F2F
    r.abs_diff(0xD3) < 40 && g.abs_diff(0x2F) < 40 && b.abs_diff(0x2F) < 40
}

#[test]
fn a_stroke_keeps_to_the_diagram_and_stays_on_the_same_part_after_a_resize() {
    let mut harness = on_diagram_page(vec2(1920.0, 1080.0));
    tool(&mut harness, "Pen");
    // From the muscle that moves a little (220, 250) to the muscle pulled wide (806, 282).
    let (from, to) = parts(&mut harness);
    let path: Vec<Pos2> = (1..=12).map(|i| from.lerp(to, i as f32 / 12.0)).collect();
    common::finger(&mut harness, from, &path);
    let strokes = diagram_strokes(&harness);
    assert_eq!(strokes.len(), 1, "one stroke on the diagram");
    let (first, last) = (strokes[0][0], strokes[0][strokes[0].len() - 1]);
    assert!(near(first, (220.0, 250.0), 2.0), "starts at {first:?}");
    assert!(near(last, (806.0, 282.0), 2.0), "ends at {last:?}");
    assert_eq!(
        harness.state().session().screen,
        Screen::Page(common::page_with_diagram(&common::bundled_deck(), DIAGRAM)),
        "a drag with the pen is no swipe"
    );
    assert!(
        harness.state().session().open_hotspot.is_none(),
        "nor a tap on a part"
    );

    // The window turns to portrait: the diagram is drawn smaller, elsewhere.
    harness.set_size(vec2(1080.0, 1920.0));
    harness.run();
    let (from_now, to_now) = parts(&mut harness);
    assert!(from_now.distance(from) > 50.0, "the diagram moved");
    assert_eq!(
        diagram_strokes(&harness),
        strokes,
        "the stroke itself is unchanged"
    );
    let image = harness.render().expect("the screen renders");
    // Along the stroke where the parts now are (a label's box may sit over a point or two).
    let along: Vec<Pos2> = (1..=9)
        .map(|i| from_now.lerp(to_now, i as f32 / 10.0))
        .collect();
    let bare: Vec<&Pos2> = along.iter().filter(|at| !inked(&image, **at)).collect();
    assert!(
        bare.len() <= 2,
        "no ink at {bare:?} on the same part of the drawing"
    );
    // Away from the stroke there is none, so the check above can fail.
    let beside = from_now.lerp(to_now, 0.5) + vec2(0.0, 60.0);
    assert!(
        !inked(&image, beside),
        "ink where nothing was drawn, at {beside:?}"
    );
}

#[test]
fn undo_and_clear_change_only_what_is_on_screen() {
    let mut harness = on_diagram_page(vec2(1920.0, 1080.0));
    let page = match harness.state().session().screen {
        Screen::Page(at) => common::bundled_deck()
            .language(0)
            .page(at)
            .map(|p| p.id.clone()),
        _ => None,
    }
    .expect("on a page");
    tool(&mut harness, "Pen");
    let from = part(&mut harness, "Muscle gently spread");
    common::finger(&mut harness, from, &[from + vec2(80.0, 30.0)]);
    // A stroke on the page's text: its title.
    let title = page_title_rect(&mut harness);
    common::finger(&mut harness, title.left_center(), &[title.center()]);
    let ink = |harness: &Harness<'_, KioskApp>| {
        let ink = &harness.state().session().ink;
        (
            ink.strokes(&Surface::Diagram {
                id: DIAGRAM.to_owned(),
                step: STEP,
            })
            .len(),
            ink.strokes(&Surface::Page(page.clone())).len(),
        )
    };
    assert_eq!(ink(&harness), (1, 1));
    tap_button(&mut harness, "Undo");
    assert_eq!(ink(&harness), (1, 0), "the newest stroke goes first");
    tap_button(&mut harness, "Clear drawing");
    assert_eq!(ink(&harness), (0, 0));
    tap_button(&mut harness, "Undo");
    assert_eq!(ink(&harness), (1, 0), "undo brings a clear back");

    // On another page, Undo and Clear have nothing to do: what was drawn here stays.
    harness.state_mut().apply(Command::Next);
    harness.run();
    let undo = harness.get_by_role_and_label(Role::Button, "Undo");
    assert!(
        undo.accesskit_node().is_disabled(),
        "nothing to undo on this page"
    );
    assert_eq!(ink(&harness), (1, 0));
}

fn tap_button(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run();
}

/// Where the page's title is on screen.
fn page_title_rect(harness: &mut Harness<'_, KioskApp>) -> Rect {
    let deck = common::bundled_deck();
    let Screen::Page(at) = harness.state().session().screen else {
        panic!("not on a page");
    };
    let title = &deck.language(0).page(at).expect("the page").title;
    harness.get_by_label(title).scroll_to_me();
    harness.run();
    harness.get_by_label(title).rect()
}

#[test]
fn the_pointer_shows_a_fading_trail_and_keeps_nothing() {
    let mut harness = on_diagram_page_every(vec2(1920.0, 1080.0), 1.0 / 60.0);
    tool(&mut harness, "Pointer");
    let from = part(&mut harness, "Muscle gently spread");
    let on_screen = harness.state().session().screen;
    harness.event(egui::Event::PointerMoved(from));
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    for i in 1..=5 {
        harness.event(egui::Event::PointerMoved(from + vec2(40.0 * i as f32, 0.0)));
        harness.step();
    }
    let input = &harness.state().session().ink_input;
    assert!(input.pointing);
    assert!(input.trail.len() >= 6, "{} trail points", input.trail.len());
    harness.event(egui::Event::PointerButton {
        pos: from + vec2(200.0, 0.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    // The trail fades within the token's time (0.6 s), then nothing is left to repaint for:
    // `run` fails if frames keep being asked for.
    for _ in 0..60 {
        harness.step();
    }
    harness.run();
    let session = harness.state().session();
    assert!(!session.ink_input.pointing);
    assert!(session.ink_input.trail.is_empty());
    assert!(session.ink.is_empty(), "the pointer draws nothing");
    assert_eq!(session.screen, on_screen);
    assert!(session.open_hotspot.is_none());
}

#[test]
fn patients_never_see_the_tools_and_a_reset_wipes_every_drawing_and_the_handout() {
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, DIAGRAM);
    let mut patient = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui_state(
            |ui, app: &mut KioskApp| app.ui(ui),
            KioskApp::new(Theme::bundled(), Ok(deck)),
        );
    patient.run();
    patient.state_mut().apply(Command::Open(at));
    patient.run();
    assert!(patient.query_by_label("Pen").is_none());
    assert!(patient.query_by_label("Add page to handout").is_none());

    let mut harness = on_diagram_page(vec2(1920.0, 1080.0));
    tool(&mut harness, "Pen");
    let from = part(&mut harness, "Muscle gently spread");
    common::finger(&mut harness, from, &[from + vec2(50.0, 50.0)]);
    tap_button_switch(&mut harness, "Add page to handout");
    assert_eq!(harness.state().session().handout.items.len(), 1);
    assert!(!harness.state().session().ink.is_empty());
    harness.state_mut().apply(Command::StartOver);
    harness.run();
    let session = harness.state().session();
    assert!(session.ink.is_empty());
    assert!(session.handout.is_empty());
    assert_eq!(session.ink_tool, patient_kiosk::ink::InkTool::Touch);
}

fn tap_button_switch(harness: &mut Harness<'_, KioskApp>, label: &str) {
    harness.get_by_role_and_label(Role::Switch, label).click();
    harness.run();
}

/// The figure enlarged is consultation mode's drawing board (issue 19): the bar of
/// consultation buttons gives way, the figure grows, its controls are all on screen; and ink
/// belongs to the step it was drawn on: at the next step the drawing is not there (nor can it
/// be undone from there), and it comes back with its step.
#[test]
fn the_enlarged_figure_is_the_drawing_board_and_ink_stays_with_its_step() {
    let steps = "surgery-day-steps";
    let deck = common::bundled_deck();
    let at = common::page_with_diagram(&deck, steps);
    let size = vec2(1920.0, 1080.0);
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_consult(true);
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness.state_mut().apply(Command::Open(at));
    harness.run();
    let figure = |harness: &Harness<'_, KioskApp>| {
        let description = (harness.query_all_by_role(Role::Image))
            .map(|node| node.rect())
            .max_by(|a, b| a.area().total_cmp(&b.area()));
        description.expect("the figure")
    };
    let on_page = figure(&harness);
    harness
        .get_by_role_and_label(Role::Button, "See it bigger")
        .click();
    harness.run();
    let board = figure(&harness);
    assert!(
        board.area() > on_page.area() * 1.2,
        "{board:?} from {on_page:?}"
    );
    assert!(harness.query_by_label("All topics and pictures").is_none());
    for control in [
        "Back to the page",
        "Next step",
        "Add this picture to the handout",
    ] {
        let rect = harness.get_by_label(control).rect();
        assert!(
            rect.bottom() <= size.y && rect.top() >= 0.0,
            "{control}: {rect:?}"
        );
    }

    tool(&mut harness, "Pen");
    let middle = board.center();
    common::finger(&mut harness, middle, &[middle + vec2(120.0, 40.0)]);
    let at_step = |harness: &Harness<'_, KioskApp>, step| {
        let surface = Surface::Diagram {
            id: steps.to_owned(),
            step,
        };
        harness.state().session().ink.strokes(&surface).len()
    };
    assert_eq!(at_step(&harness, 0), 1, "drawn on step 1");
    let undo = |harness: &Harness<'_, KioskApp>| {
        !harness
            .get_by_role_and_label(Role::Button, "Undo")
            .accesskit_node()
            .is_disabled()
    };
    assert!(undo(&harness));
    harness.state_mut().apply(Command::StepDiagram {
        diagram: steps.to_owned(),
        forward: true,
    });
    harness.run();
    assert_eq!(at_step(&harness, 1), 0, "not on step 2");
    assert!(!undo(&harness), "nothing to undo at step 2");
    harness.state_mut().apply(Command::StepDiagram {
        diagram: steps.to_owned(),
        forward: false,
    });
    harness.run();
    assert!(undo(&harness), "back at step 1, its drawing is there");
}

/// Consultation's drawing board is See it bigger's view: a pinch zooms it in where the fingers
/// are, and then, with the pen, a finger draws (never pans): a stroke from one muscle to the
/// other, drawn on the zoomed drawing, is kept at the same parts of the drawing's own coordinates.
#[test]
fn the_drawing_board_zooms_and_a_stroke_on_it_keeps_to_the_parts_drawn() {
    let mut harness = on_diagram_page(vec2(1920.0, 1080.0));
    harness
        .get_by_role_and_label(Role::Button, "See it bigger")
        .click();
    harness.run();
    let (left, right) = parts(&mut harness);
    let middle = left.lerp(right, 0.5);
    let width = |harness: &Harness<'_, KioskApp>| {
        harness
            .get_by_role_and_label(Role::Button, "Muscle gently spread")
            .rect()
            .width()
    };
    let before = width(&harness);
    harness.event(egui::Event::PointerMoved(middle));
    harness.event(egui::Event::Zoom(1.5));
    harness.run();
    let (from, to) = parts(&mut harness);
    assert!(
        from.lerp(to, 0.5).distance(middle) < 2.0,
        "zoomed where the fingers were: {middle:?} -> {:?}",
        from.lerp(to, 0.5)
    );
    assert!(
        (from.distance(to) / left.distance(right) - 1.5).abs() < 0.05,
        "one and a half times: {left:?}-{right:?} -> {from:?}-{to:?}"
    );
    assert!(width(&harness) >= before, "its touch area no smaller");
    tool(&mut harness, "Pen");
    let path: Vec<Pos2> = (1..=12).map(|i| from.lerp(to, i as f32 / 12.0)).collect();
    common::finger(&mut harness, from, &path);
    let (from_after, _) = parts(&mut harness);
    assert!(
        from_after.distance(from) < 1.0,
        "the pen drew; nothing panned"
    );
    let strokes = diagram_strokes(&harness);
    assert_eq!(strokes.len(), 1, "one stroke on the diagram");
    let (first, last) = (strokes[0][0], strokes[0][strokes[0].len() - 1]);
    assert!(near(first, (220.0, 250.0), 2.0), "starts at {first:?}");
    assert!(near(last, (806.0, 282.0), 2.0), "ends at {last:?}");
}
