//! Nobody touching the kiosk: after the idle time "Are you still there?" counts down, then the
//! whole visit is wiped for the next patient; "I'm still here" keeps it. Simulated time runs a
//! second a frame, so minutes pass in milliseconds.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use patient_kiosk::app::{Command, Screen, Session};
use patient_kiosk::{KioskApp, Theme};

const IDLE_SECS: f64 = 60.0;
const COUNTDOWN_SECS: f64 = 15.0;

/// The kiosk in the middle of a visit: on the endoscope page, its lens tapped, a step on.
fn kiosk_mid_visit() -> Harness<'static, KioskApp> {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    let at = common::page_with_diagram(&deck, "endoscope");
    // As a patient's taps would: each command is followed by a touch on the screen.
    for command in [
        Command::Open(at),
        Command::ToggleHotspot {
            diagram: "endoscope".to_owned(),
            hotspot: "lens".to_owned(),
        },
        Command::StepDiagram {
            diagram: "endoscope".to_owned(),
            forward: true,
        },
    ] {
        common::tap_command(&mut harness, command);
    }
    assert_ne!(*harness.state().session(), Session::default());
    harness
}

/// Lets `secs` of simulated time pass with nobody touching.
fn wait(harness: &mut Harness<'_, KioskApp>, secs: f64) {
    common::wait_frames(harness, secs as u32);
}

fn asking(harness: &Harness<'_, KioskApp>) -> bool {
    harness.query_by_label("Are you still there?").is_some()
}

#[test]
fn nobody_there_asks_then_wipes_the_whole_visit() {
    let mut harness = kiosk_mid_visit();
    wait(&mut harness, IDLE_SECS - 2.0);
    assert!(!asking(&harness), "not yet");
    wait(&mut harness, 3.0);
    assert!(asking(&harness), "after the idle time the question shows");
    // 61 seconds after the last touch: 14 of the 15 are left.
    assert!(
        harness
            .query_by_label("The screen will start over in 14 seconds.")
            .is_some(),
        "it counts down"
    );
    wait(&mut harness, COUNTDOWN_SECS);
    harness.step();
    assert!(!asking(&harness));
    let session = harness.state().session().clone();
    assert_eq!(
        session.screen,
        Screen::Attract,
        "back to the invitation to touch"
    );
    assert_eq!(
        session,
        Session::default(),
        "every piece of the visit is gone"
    );
}

#[test]
fn i_am_still_here_keeps_the_visit() {
    let mut harness = kiosk_mid_visit();
    let before = harness.state().session().clone();
    wait(&mut harness, IDLE_SECS + 2.0);
    assert!(asking(&harness));
    harness
        .get_by_role_and_label(Role::Button, "I'm still here")
        .click();
    harness.step();
    harness.step();
    assert!(!asking(&harness));
    assert_eq!(harness.state().session().screen, before.screen);
    assert_eq!(harness.state().session().open_hotspot, before.open_hotspot);
    assert_eq!(
        harness.state().session().diagram_steps,
        before.diagram_steps
    );
    // The clock starts again: nothing asks for another idle time.
    wait(&mut harness, IDLE_SECS - 5.0);
    assert!(!asking(&harness));
}

#[test]
fn a_fresh_home_screen_never_asks() {
    let mut harness = kiosk_mid_visit();
    harness.state_mut().apply(Command::StartOver);
    harness.step();
    wait(&mut harness, 3.0 * (IDLE_SECS + COUNTDOWN_SECS));
    assert!(!asking(&harness));
    assert_eq!(*harness.state().session(), Session::default());
}

#[test]
fn the_kiosk_opens_on_the_invitation_and_a_touch_anywhere_starts_a_visit() {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(0.05)
        .with_max_steps(100)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Attract);
    assert!(
        harness
            .query_by_label("Learn about spine surgery through small cuts")
            .is_some()
    );
    // A tap in the middle of the drawing (not on a button) starts a visit.
    harness.event(egui::Event::PointerMoved(egui::pos2(960.0, 540.0)));
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: egui::pos2(960.0, 540.0),
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
}

#[test]
fn choosing_a_language_starts_a_visit_in_it() {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1080.0, 1920.0))
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
        .get_by_role_and_label(Role::Button, "English")
        .click();
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert_eq!(harness.state().session().language, Some(0));
}

/// What the attract screen asks of the renderer once `secs` of simulated time have passed
/// (in steps of `step_secs`): the wait before its next frame.
fn attract_repaint_delay_secs(secs: f64, step_secs: f32) -> f64 {
    let app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(step_secs)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.step();
    // The logo decodes on a thread of its own, in real time (simulated time stands still
    // meanwhile); until a frame takes it, the screen polls for it, which is not the attract
    // screen's own timing.
    std::thread::sleep(std::time::Duration::from_millis(1000));
    while harness.ctx.input(|input| input.time) < secs {
        harness.step();
    }
    assert!(
        !harness.state().pictures_loading(),
        "the logo took over a second to decode"
    );
    let time = harness.ctx.input(|input| input.time);
    assert!(time < secs + f64::from(step_secs) + 0.1, "at {time} s");
    assert_eq!(harness.state().session().screen, Screen::Attract);
    let Some(viewport) = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
    else {
        panic!("the harness has a root viewport");
    };
    viewport.repaint_delay.as_secs_f64()
}

#[test]
fn the_attract_screen_shows_its_first_picture_at_once_and_fades_in_the_next() {
    let theme = Theme::bundled();
    let switch_secs = f64::from(theme.sizes.attract_switch_secs);
    let frame_secs = 1.0 / f64::from(theme.sizes.attract_fps);
    // Just after the start: no fade to draw, so nothing until the next picture is due.
    let at_start = attract_repaint_delay_secs(0.05, 0.05);
    assert!(
        at_start > switch_secs - 1.0 && at_start <= switch_secs,
        "waits {at_start} s at the start"
    );
    // Just after the switch to the second picture: it fades in at the capped rate.
    let in_fade = attract_repaint_delay_secs(switch_secs + 0.1, 0.1);
    assert!(
        (in_fade - frame_secs).abs() < 0.01,
        "waits {in_fade} s while fading"
    );
}

/// The attract screen of a waiting room (issue 18): the invitation in every language; the
/// language buttons never move as the pictures change (they jumped with each picture's
/// height); a change is a cross-fade, the picture going still there while the next comes
/// (it went blank first); no picture of risks in the loop; and a portrait screen is filled
/// (it was 45% empty), several pictures at once.
#[test]
fn the_attract_screen_keeps_its_buttons_still_fades_across_and_fills_a_portrait_screen() {
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let switch_secs = theme.sizes.attract_switch_secs;
    let risk_alts: Vec<String> = (deck.language(0).pages())
        .flat_map(|(_, page)| page.blocks.iter())
        .filter_map(|block| match block {
            patient_kiosk::content::model::Block::Figure {
                source: patient_kiosk::content::model::FigureSource::Diagram(id),
                alt,
                ..
            } if id == "risk-dots" => Some(alt.clone()),
            _ => None,
        })
        .collect();
    assert!(!risk_alts.is_empty(), "the risk picture is on a page");
    for (size, min_pictures) in [
        (egui::vec2(1920.0, 1080.0), 1),
        (egui::vec2(1080.0, 1920.0), 2),
    ] {
        let app = KioskApp::new(theme.clone(), Ok(deck.clone()));
        let mut harness = Harness::builder()
            .with_size(size)
            .with_step_dt(0.25)
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        for words in &deck.languages {
            assert!(
                harness
                    .query_by_label(&words.interface.attract_title)
                    .is_some()
            );
        }
        let button = |harness: &Harness<'_, KioskApp>| {
            harness
                .get_by_role_and_label(Role::Button, "Español")
                .rect()
        };
        // The logo (decoded on a thread) and the bars settle in the first frames.
        common::settle_pictures(&mut harness);
        harness.step();
        let first = button(&harness);
        let pictures = |harness: &Harness<'_, KioskApp>| -> Vec<String> {
            (harness.query_all_by_role(Role::Image))
                .filter_map(|node| node.accesskit_node().label())
                .collect()
        };
        assert!(
            pictures(&harness).len() >= min_pictures,
            "{size:?}: {:?}",
            pictures(&harness)
        );
        let mut seen = std::collections::BTreeSet::new();
        // Two whole rounds of the loop, a quarter of a second a frame.
        let frames = (2.0 * 8.0 * switch_secs / 0.25) as usize;
        let mut fading_seen = false;
        for _ in 0..frames {
            harness.step();
            assert_eq!(button(&harness), first, "{size:?}: the buttons stay put");
            let now = pictures(&harness);
            if now.len() > min_pictures {
                fading_seen = true;
            }
            assert!(now.len() >= min_pictures, "never blank: {now:?}");
            seen.extend(now);
        }
        assert!(
            fading_seen,
            "{size:?}: the picture going and the one coming are both there"
        );
        assert!(seen.len() >= 5, "{size:?}: the loop goes round: {seen:?}");
        for alt in &risk_alts {
            assert!(
                !seen.contains(alt),
                "{size:?}: no risk picture in a waiting room"
            );
        }
        if size.y > size.x {
            // Filled: no more than a fifth of the screen is left empty under the buttons.
            let empty_below = size.y - first.bottom();
            assert!(
                empty_below < 0.2 * size.y,
                "{empty_below} pt empty below the buttons"
            );
        }
    }
}

/// The attract loop's pictures are the topics' own friendly drawings, each with its title in
/// every language under it; through a whole fade one topic's words show, never two (they change
/// half way), and no diagram labels; a big button says to touch, in every language, and does
/// what a touch anywhere does.
#[test]
fn the_attract_loop_shows_one_set_of_words_at_a_time_and_a_clear_cue_to_touch() {
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let switch_secs = f64::from(theme.sizes.attract_switch_secs);
    let app = KioskApp::new(theme.clone(), Ok(deck.clone()));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(0.05)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    let titles: Vec<Vec<&String>> = (0..deck.languages[0].topics.len())
        .map(|index| {
            (deck.languages.iter())
                .map(|language| &language.topics[index].title)
                .collect()
        })
        .collect();
    let shown_topics = |harness: &Harness<'_, KioskApp>| -> Vec<usize> {
        (0..titles.len())
            .filter(|index| {
                titles[*index].iter().any(|title| {
                    harness
                        .query_all_by_label(title)
                        .any(|node| node.accesskit_node().role() == Role::Label)
                })
            })
            .collect()
    };
    let labels: Vec<&String> = (deck.languages.iter())
        .flat_map(|language| language.diagram_texts.values())
        .flat_map(|words| words.labels.values())
        .collect();
    let mut seen = std::collections::BTreeSet::new();
    // Through three changes, a twentieth of a second a frame.
    let frames = (3.0 * switch_secs / 0.05) as usize;
    for _ in 0..frames {
        harness.step();
        let shown = shown_topics(&harness);
        assert!(shown.len() <= 1, "two topics' words at once: {shown:?}");
        seen.extend(shown);
        for label in &labels {
            assert!(
                harness
                    .query_all_by_label(label)
                    .all(|node| node.accesskit_node().role() != Role::Label),
                "a diagram's label on the attract screen: {label:?}"
            );
        }
    }
    assert!(seen.len() >= 3, "the loop goes round: {seen:?}");
    let words = &deck.languages[0].interface;
    let cue = harness.get_by_role_and_label(Role::Button, &words.attract_touch);
    let rect = cue.rect();
    assert!(
        rect.height() >= 64.0 && rect.width() >= 300.0,
        "a big cue: {rect:?}"
    );
    cue.click();
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Home);
}
