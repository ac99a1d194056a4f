//! Speech mode for a keypad, walked as a blind patient with an audio keypad would: the arrow
//! keys go through every control of a screen in reading order and each is said (in the
//! patient's language, by the real espeak-ng, into a stand-in player), Enter chooses, Escape
//! and Backspace go back, Help says where you are and what the keys do; the focused control
//! is ringed on screen; the idle warning is said; the reset turns it all off.

use crate::common;

use std::time::{Duration, Instant};

use egui::Key;
use egui_kittest::Harness;
use patient_kiosk::app::{Command, ListenState, Screen};
use patient_kiosk::content::PageRef;
use patient_kiosk::narration::{EspeakNg, Part, Player};
use patient_kiosk::{KioskApp, Theme};

/// espeak-ng, or `None` (outside CI only, with a note) if it is not installed.
fn voice() -> Option<EspeakNg> {
    let found = EspeakNg::find();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "espeak-ng is missing (scripts/test.sh installs it)"
        );
        eprintln!("note: espeak-ng is not installed; skipping this check");
    }
    found
}

/// A player that lasts, as sound would, until it is stopped.
fn silent_player() -> Player {
    Player::with_command(vec![
        "sh".to_owned(),
        "-c".to_owned(),
        "exec sleep 600".to_owned(),
    ])
}

fn keypad_kiosk(
    voice: EspeakNg,
    language: usize,
    setup: impl FnOnce(&mut KioskApp),
) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_narration(Ok(voice), Ok(silent_player()));
    app.apply(Command::ChooseLanguage(language));
    setup(&mut app);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(0.1)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Presses `key` and returns every sentence the kiosk then says (none: an empty list).
fn press(harness: &mut Harness<'_, KioskApp>, key: Key) -> Vec<String> {
    harness.key_press(key);
    harness.step();
    said(harness)
}

/// What the voice says from now until it stops, sentence by sentence: made in the background
/// (real time), then read in simulated time.
fn said(harness: &mut Harness<'_, KioskApp>) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut sentences: Vec<String> = Vec::new();
    while harness.state().speaking() {
        assert!(Instant::now() < deadline, "the voice never stopped");
        assert_ne!(
            harness.state().listen_state(),
            ListenState::Playing,
            "speech mode's words leave the Listen controls as they are"
        );
        if let Some(now) = harness.state().reading_aloud() {
            assert_eq!(now.part, Part::Control, "speech mode lights nothing");
            if sentences.last() != Some(&now.sentence) {
                sentences.push(now.sentence.clone());
            }
        }
        std::thread::sleep(Duration::from_millis(2));
        harness.step();
    }
    sentences
}

fn focused(harness: &Harness<'_, KioskApp>) -> Option<egui::Id> {
    harness.ctx.memory(|memory| memory.focused())
}

/// Walks the home screen with the down arrow, then opens the first topic with Enter, goes
/// back with Escape and asks for help: what the kiosk says in `language`.
fn walk(language: usize, button: &str, back_key: Key) {
    let Some(voice) = voice() else {
        return;
    };
    let deck = common::bundled_deck();
    let words = &deck.language(language).interface;
    let keypad = &words.keypad;
    let mut harness = keypad_kiosk(voice, language, |_| {});
    assert!(!harness.state().speech_mode(), "off until a key is pressed");
    assert_eq!(focused(&harness), None);

    // Down, again and again: every control once, in order, then round to the first.
    let first = press(&mut harness, Key::ArrowDown);
    assert_eq!(first.len(), 1, "one control said: {first:?}");
    assert!(harness.state().speech_mode());
    let mut controls = vec![first[0].clone()];
    loop {
        let next = press(&mut harness, Key::ArrowDown);
        assert_eq!(
            next.len(),
            1,
            "one control said: {next:?} after {controls:?}"
        );
        if next[0] == controls[0] {
            break;
        }
        assert!(
            !controls.contains(&next[0]),
            "{:?} said twice before the walk came round: {controls:?}",
            next[0]
        );
        controls.push(next[0].clone());
        assert!(
            controls.len() < 60,
            "the walk never came round: {controls:?}"
        );
    }
    let buttons = controls
        .iter()
        .filter(|c| c.ends_with(&format!(", {button}")))
        .count();
    assert!(buttons >= 5, "controls said as buttons: {controls:?}");
    let topics = &deck.language(language).topics;
    for topic in topics {
        assert!(
            controls.iter().any(|c| c.contains(&topic.title)),
            "the topic {:?} was never reached: {controls:?}",
            topic.title
        );
    }

    // Up goes back one.
    press(&mut harness, Key::ArrowDown);
    let up = press(&mut harness, Key::ArrowUp);
    assert_eq!(
        up,
        [controls[0].clone()],
        "up goes back to where down came from"
    );

    // On to the first topic's tile, and Enter: its first page, its title said and focused.
    while !controls_now(&mut harness).contains(&topics[0].title) {}
    let arrived = press(&mut harness, Key::Enter);
    let at = PageRef { topic: 0, page: 0 };
    assert_eq!(harness.state().session().screen, Screen::Page(at));
    let title = &deck.language(language).page(at).expect("the page").title;
    assert_eq!(
        arrived,
        std::slice::from_ref(title),
        "the new page's title is said"
    );
    assert!(focused(&harness).is_some(), "the title has the focus");

    // Help: where, on what, and how.
    let help = press(&mut harness, Key::F1);
    assert_eq!(
        help,
        [
            keypad.where_screen.replace("{title}", title),
            keypad.on_control.replace("{control}", title),
            keypad.how.clone(),
        ]
    );

    // Back: home, which says where the patient is; there, Back has nowhere to go.
    let home = press(&mut harness, back_key);
    assert_eq!(harness.state().session().screen, Screen::Home);
    assert_eq!(
        home,
        [keypad.where_screen.replace("{title}", &words.home_title)]
    );
    let nowhere = press(&mut harness, back_key);
    assert_eq!(nowhere, std::slice::from_ref(&keypad.no_back));
    assert_eq!(harness.state().session().screen, Screen::Home);

    // Enter with nothing focused says how to start.
    let lost = press(&mut harness, Key::Enter);
    assert_eq!(lost, std::slice::from_ref(&keypad.nothing_focused));
}

/// One more Down, and what it said.
fn controls_now(harness: &mut Harness<'_, KioskApp>) -> String {
    press(harness, Key::ArrowDown).join(" ")
}

#[test]
fn a_keypad_walks_every_control_in_english_and_each_is_said() {
    walk(0, "button", Key::Escape);
}

#[test]
fn a_keypad_walks_every_control_in_spanish_and_each_is_said_in_spanish() {
    walk(1, "botón", Key::Backspace);
}

#[test]
fn the_idle_warning_is_said_and_the_reset_ends_speech_mode_and_the_focus() {
    let Some(voice) = voice() else {
        return;
    };
    let deck = common::bundled_deck();
    let words = &deck.language(0).interface;
    let mut harness = keypad_kiosk(voice, 0, |app| app.set_idle_timing(5.0, 10.0));
    press(&mut harness, Key::ArrowDown);
    assert!(focused(&harness).is_some());
    // Quiet until the idle time is up (at most five seconds: fifty frames): then the
    // question, said.
    let mut frames = 0;
    while !harness.state().speaking() {
        harness.step();
        frames += 1;
        assert!(frames <= 51, "the question was never said");
    }
    let warning = said(&mut harness);
    assert_eq!(
        warning.first(),
        Some(&words.still_there_title),
        "said: {warning:?}"
    );
    assert!(
        warning.contains(&words.still_there_button),
        "said: {warning:?}"
    );
    // Nobody answers: the reset, ten seconds after the question.
    let mut frames = 0;
    while harness.state().session().screen != Screen::Attract {
        harness.step();
        frames += 1;
        assert!(frames <= 100, "no reset");
    }
    harness.step();
    assert!(
        !harness.state().speech_mode(),
        "speech mode ends with the visit"
    );
    assert_eq!(
        focused(&harness),
        None,
        "no focus left for the next patient"
    );
}

#[test]
fn a_touch_turns_nothing_on_and_a_search_box_keeps_its_backspace() {
    let Some(voice) = voice() else {
        return;
    };
    let mut harness = keypad_kiosk(voice, 0, |app| {
        app.set_consult(true);
        app.apply(Command::OpenIndex);
    });
    common::touch(&mut harness);
    assert!(!harness.state().speech_mode(), "a touch is not a keypad");
    // Down to the search box, type, and take a letter back: still the index.
    let mut guard = 0;
    while !harness.ctx.text_edit_focused() {
        press(&mut harness, Key::ArrowDown);
        guard += 1;
        assert!(guard < 40, "the search box was never reached");
    }
    harness.event(egui::Event::Text("disc".to_owned()));
    harness.step();
    press(&mut harness, Key::Backspace);
    harness.run();
    assert_eq!(harness.state().session().screen, Screen::Index);
    assert_eq!(harness.state().session().index_query, "dis");
}

/// The ring: drawn around the focused control in the focus colour, nowhere before a key.
#[test]
fn the_focused_control_is_ringed_in_the_focus_colour() {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.apply(Command::Home);
    let ring = app.theme().colors.focus_ring.color32();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_pixels_per_point(1.0)
        .wgpu()
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    common::settle_pictures(&mut harness);
    let ring_pixels = |image: &image::RgbaImage| {
        image
            .pixels()
            .filter(|p| {
                let [r, g, b, _] = p.0;
                r.abs_diff(ring.r()) < 12 && g.abs_diff(ring.g()) < 12 && b.abs_diff(ring.b()) < 12
            })
            .count()
    };
    let before = harness.render().expect("the screen renders");
    assert_eq!(ring_pixels(&before), 0, "no ring before a key");
    harness.key_press(Key::ArrowDown);
    harness.run();
    let id = focused(&harness).expect("the first control has the focus");
    let rect = harness.ctx.read_response(id).expect("drawn").rect;
    let after = harness.render().expect("the screen renders");
    // The ring goes all the way round: at least its perimeter, a few pixels thick.
    let perimeter = 2.0 * (rect.width() + rect.height());
    let count = ring_pixels(&after);
    assert!(
        count as f32 > 3.0 * perimeter,
        "{count} ring pixels around {rect:?}"
    );
    // And it is around that control: every ring pixel is within a few points of its edge.
    let near = rect.expand(12.0);
    for (x, y, p) in after.enumerate_pixels() {
        let [r, g, b, _] = p.0;
        if r.abs_diff(ring.r()) < 12 && g.abs_diff(ring.g()) < 12 && b.abs_diff(ring.b()) < 12 {
            assert!(
                near.contains(egui::pos2(x as f32, y as f32)),
                "a ring pixel at {x},{y}, away from {rect:?}"
            );
        }
    }
}
