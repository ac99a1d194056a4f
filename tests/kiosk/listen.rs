//! The Listen button: a page read aloud in simulated time, the sentence being read lit as
//! the voice reaches it, the reading counted as activity, stopped when the patient leaves
//! the page, and forgotten (with its volume) when the visit is wiped. The voice is the real
//! espeak-ng; the sound goes to a stand-in player that keeps the file it was given.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, ListenState, Screen};
use patient_kiosk::narration::{
    EspeakNg, NarrationError, Part, Player, narrate, page_script, step_script,
};
use patient_kiosk::{KioskApp, Theme};

const STEP_SECS: f32 = 0.1;

/// A player that copies the audio it is given to `dir/played.wav`, writes its process id to
/// `dir/pid`, and then lasts (as sound would) until it is stopped.
fn stand_in_player(dir: &Path) -> Player {
    let script = format!(
        "cp \"$0\" '{dir}/played.wav'; echo $$ > '{dir}/pid'; exec sleep 600",
        dir = dir.display()
    );
    Player::with_command(vec!["sh".to_owned(), "-c".to_owned(), script])
}

fn wait_until(harness: &mut Harness<'_, KioskApp>, what: &str, done: impl Fn(&KioskApp) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "{what} never happened");
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
}

fn steps(harness: &mut Harness<'_, KioskApp>, secs: f32) {
    for _ in 0..(secs / STEP_SECS).round() as u32 {
        harness.step();
    }
}

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

/// A kiosk of `size` with `voice` and the stand-in player keeping its audio in `dir`, set up
/// by `setup`, on the screen that leaves it on; simulated time runs a tenth of a second a frame.
fn listening_kiosk(
    voice: EspeakNg,
    dir: &Path,
    size: egui::Vec2,
    setup: impl FnOnce(&mut KioskApp),
) -> Harness<'static, KioskApp> {
    let mut app = KioskApp::new(Theme::bundled(), Ok(common::bundled_deck()));
    app.set_narration(Ok(voice), Ok(stand_in_player(dir)));
    setup(&mut app);
    let mut harness = Harness::builder()
        .with_size(size)
        .with_step_dt(STEP_SECS)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Taps `listen` and waits for the voice to start reading.
fn listen(harness: &mut Harness<'_, KioskApp>, listen: &str) {
    harness.get_by_role_and_label(Role::Button, listen).click();
    harness.step();
    assert_eq!(harness.state().listen_state(), ListenState::Making);
    wait_until(harness, "the reading", |app| {
        app.listen_state() == ListenState::Playing
    });
}

fn process_alive(pid: &str) -> bool {
    Path::new("/proc").join(pid.trim()).exists()
}

#[test]
fn listen_reads_the_page_lights_each_sentence_in_time_and_stops_on_leaving() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let (at, page) = deck.language(0).pages().next().expect("a page");
    let landscape = egui::vec2(1920.0, 1080.0);
    let mut harness = listening_kiosk(voice.clone(), dir.path(), landscape, |app| {
        app.set_idle_timing(5.0, 2.0);
        app.apply(Command::Open(at));
    });
    assert_eq!(harness.state().listen_state(), ListenState::Ready);

    listen(&mut harness, "Listen");
    let started = harness
        .state()
        .reading_aloud()
        .cloned()
        .expect("a sentence is lit");
    assert_eq!(started.part, Part::Title, "the title first");
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Pause")
            .is_some()
    );

    // The same narration, made here, says when each sentence is read.
    let script = page_script(&deck, 0, page, 0);
    let narration = narrate(&voice, "en", "en-us", &script, &Default::default()).expect("narrated");
    let second = &narration.sentences[1];
    let into_second = (second.start_ms + second.end_ms) as f32 / 2000.0;
    // The player got the audio: speech, as long as the narration.
    // In real time only: simulated time stands still, so the reading cannot end meanwhile.
    let deadline = Instant::now() + Duration::from_secs(20);
    while !dir.path().join("pid").exists() {
        assert!(Instant::now() < deadline, "the player never started");
        std::thread::sleep(Duration::from_millis(5));
    }
    let played = hound::WavReader::open(dir.path().join("played.wav")).expect("a WAV");
    let played_ms = u64::from(played.duration()) * 1000 / u64::from(played.spec().sample_rate);
    assert!(
        played_ms.abs_diff(narration.duration_ms()) < 50,
        "{played_ms} ms played"
    );

    steps(&mut harness, into_second);
    let lit = harness
        .state()
        .reading_aloud()
        .cloned()
        .expect("a sentence is lit");
    assert_eq!(
        lit.sentence, second.text,
        "the second sentence, {into_second} s in"
    );
    assert_eq!(lit.part, second.part);

    // Longer than the idle time (5 s) and its countdown (2 s): reading is activity.
    steps(&mut harness, 8.0);
    assert_eq!(
        harness.state().session().screen,
        Screen::Page(at),
        "no reset while it reads"
    );
    assert_eq!(harness.state().listen_state(), ListenState::Playing);

    let pid = std::fs::read_to_string(dir.path().join("pid")).expect("the player's pid");
    assert!(process_alive(&pid));
    harness.get_by_role_and_label(Role::Button, "Home").click();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().listen_state(),
        ListenState::Ready,
        "leaving the page stops it"
    );
    assert!(harness.state().reading_aloud().is_none());
    let deadline = Instant::now() + Duration::from_secs(10);
    while process_alive(&pid) {
        assert!(
            Instant::now() < deadline,
            "the sound goes on after the page was left"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn pause_keeps_the_place_the_volume_changes_and_a_reset_forgets_both() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let (at, _) = deck.language(0).pages().next().expect("a page");
    let landscape = egui::vec2(1920.0, 1080.0);
    let mut harness = listening_kiosk(voice, dir.path(), landscape, |app| {
        app.apply(Command::Open(at));
    });
    listen(&mut harness, "Listen");
    steps(&mut harness, 3.0);
    let before = harness.state().reading_aloud().cloned();
    let volume = harness.state().listen_volume();
    harness
        .get_by_role_and_label(Role::Button, &format!("Louder (Volume {volume}/10)"))
        .click();
    harness.step();
    assert_eq!(harness.state().listen_volume(), volume + 1);
    assert_eq!(
        harness.state().listen_state(),
        ListenState::Playing,
        "it goes on, louder"
    );
    assert_eq!(
        harness.state().reading_aloud().cloned(),
        before,
        "from where it was"
    );

    harness.get_by_role_and_label(Role::Button, "Pause").click();
    harness.step();
    assert_eq!(harness.state().listen_state(), ListenState::Paused);
    steps(&mut harness, 2.0);
    harness
        .get_by_role_and_label(Role::Button, "Listen")
        .click();
    harness.step();
    assert_eq!(
        harness.state().listen_state(),
        ListenState::Playing,
        "on at once, no new voice"
    );
    let again = harness.state().reading_aloud().cloned();
    assert_eq!(again, before, "the paused sentence is read again");

    harness.state_mut().apply(Command::StartOver);
    harness.step();
    assert_eq!(harness.state().listen_state(), ListenState::Ready);
    assert_eq!(
        harness.state().listen_volume(),
        volume,
        "the next patient starts at the usual volume"
    );
}

#[test]
fn without_a_voice_or_sound_there_is_no_listen_button_and_staff_are_told_why() {
    let deck = common::bundled_deck();
    let (at, _) = deck.language(0).pages().next().expect("a page");
    // A voice chosen in the settings that espeak-ng does not have (checked with the real
    // espeak-ng when it is installed).
    let stand_in = || EspeakNg::at(Path::new("espeak-ng"));
    let missing = match voice() {
        Some(espeak) => {
            let chosen = espeak.with_voices([("es".to_owned(), "zz-none".to_owned())].into());
            assert!(chosen.missing_voice(["en"]).is_none(), "en-us is there");
            chosen
                .missing_voice(["en", "es"])
                .expect("the Spanish voice is missing")
        }
        None => NarrationError::VoiceMissing {
            language: "es".to_owned(),
            voice: "zz-none".to_owned(),
        },
    };
    for (voice, player, why) in [
        (
            Err(NarrationError::NoSpeechProgram),
            Player::find(),
            "espeak-ng is not installed",
        ),
        (
            Ok(stand_in()),
            Err(NarrationError::NoPlayer(
                "aplay is not installed".to_owned(),
            )),
            "no sound: aplay is not installed",
        ),
        (
            Err(missing),
            Ok(Player::with_command(vec!["true".to_owned()])),
            "espeak-ng has no voice \"zz-none\" for the language \"es\"",
        ),
    ] {
        let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
        app.set_narration(voice, player);
        app.apply(Command::Open(at));
        let mut harness = Harness::builder()
            .with_size(egui::vec2(1920.0, 1080.0))
            .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
        harness.run();
        assert!(
            harness
                .query_by_role_and_label(Role::Button, "Listen")
                .is_none()
        );
        assert_eq!(harness.state().listen_state(), ListenState::Unavailable);
        let reason = harness
            .state()
            .listen_unavailable()
            .expect("a reason")
            .to_owned();
        assert!(reason.contains(why), "{reason}");
    }
}

/// While it reads, the controls share the bottom bar with Back and Next: on a portrait screen
/// at the largest text in Spanish they all fit, none over another.
#[test]
fn the_controls_fit_a_portrait_screen_at_the_largest_text_in_spanish() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let spanish = deck
        .languages
        .iter()
        .position(|l| l.code == "es")
        .expect("Spanish");
    let (at, _) = deck.language(spanish).pages().next().expect("a page");
    let words = deck.language(spanish).interface.clone();
    let size = egui::vec2(1080.0, 1920.0);
    let mut harness = listening_kiosk(voice, dir.path(), size, |app| {
        app.apply(Command::ChooseLanguage(spanish));
        app.apply(Command::SetTextSize(
            patient_kiosk::theme::TextSize::ExtraLarge,
        ));
        app.apply(Command::Open(at));
    });
    listen(&mut harness, &words.listen.listen);
    harness.step();
    let volume = harness.state().listen_volume();
    let labels = [
        words.back.clone(),
        words.listen.pause.clone(),
        format!(
            "{} ({} {volume}/10)",
            words.listen.quieter, words.listen.volume
        ),
        format!(
            "{} ({} {volume}/10)",
            words.listen.louder, words.listen.volume
        ),
        words.next.clone(),
    ];
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, size);
    let rects: Vec<egui::Rect> = labels
        .iter()
        .map(|label| harness.get_by_role_and_label(Role::Button, label).rect())
        .collect();
    for (i, a) in rects.iter().enumerate() {
        assert!(
            screen.contains_rect(*a),
            "{} is off the screen at {a:?}",
            labels[i]
        );
        for (j, b) in rects.iter().enumerate().skip(i + 1) {
            assert!(!a.intersects(*b), "{} overlaps {}", labels[i], labels[j]);
        }
    }
}

/// Waits for the voice to read something new, and returns what it lights first.
fn next_reading(harness: &mut Harness<'_, KioskApp>) -> patient_kiosk::app::ReadingNow {
    harness.step();
    wait_until(harness, "the new reading", |app| {
        app.listen_state() == ListenState::Playing && app.reading_aloud().is_some()
    });
    harness.state().reading_aloud().cloned().expect("lit")
}

/// With Listen on, what the patient opens is read as it comes: a step moved to, a part tapped,
/// a quiz answer's reply. Without it, nothing speaks.
#[test]
fn a_step_moved_a_part_tapped_or_an_answer_chosen_is_read_while_listening() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let words = &deck.language(0);
    let walk = "surgery-day-steps";
    let at = common::page_with_diagram(&deck, walk);
    let landscape = egui::vec2(1920.0, 1080.0);

    // Nothing is read before Listen is tapped.
    let spine = deck
        .diagrams
        .values()
        .find(|diagram| !diagram.hotspots.is_empty())
        .expect("a diagram with parts");
    let spine_at = common::page_with_diagram(&deck, &spine.id);
    let hotspot = spine.hotspots[0].id.clone();
    let mut harness = listening_kiosk(voice.clone(), dir.path(), landscape, |app| {
        app.apply(Command::Open(spine_at));
    });
    harness.state_mut().apply(Command::ToggleHotspot {
        diagram: spine.id.clone(),
        hotspot: hotspot.clone(),
    });
    harness.step();
    assert_eq!(harness.state().listen_state(), ListenState::Ready);
    harness.state_mut().apply(Command::CloseHotspot);
    harness.step();

    listen(&mut harness, "Listen");
    harness.state_mut().apply(Command::ToggleHotspot {
        diagram: spine.id.clone(),
        hotspot: hotspot.clone(),
    });
    let read = next_reading(&mut harness);
    let title = &words.diagram_texts[&spine.id].hotspots[&hotspot].title;
    assert_eq!(read.part, Part::Hotspot);
    assert!(
        read.sentence.starts_with(title.trim_end_matches('.')),
        "{read:?}"
    );

    let mut harness = listening_kiosk(voice.clone(), dir.path(), landscape, |app| {
        app.apply(Command::Open(at));
    });
    listen(&mut harness, "Listen");
    harness.state_mut().apply(Command::StepDiagram {
        diagram: walk.to_owned(),
        forward: true,
    });
    let read = next_reading(&mut harness);
    let step = &deck.diagrams[walk].steps[1].id;
    assert_eq!(read.part, Part::Step);
    assert!(
        words.diagram_texts[walk].steps[step].contains(&read.sentence),
        "the second step's caption: {read:?}"
    );

    let quiz = words
        .topics
        .iter()
        .position(|topic| !topic.quiz.is_empty())
        .expect("a quiz");
    let mut harness = listening_kiosk(voice, dir.path(), landscape, |app| {
        app.apply(Command::OpenQuiz(quiz));
    });
    listen(&mut harness, "Listen");
    let asked = &words.topics[quiz].quiz[0];
    let read = harness.state().reading_aloud().cloned().expect("lit");
    assert_eq!(read.part, Part::Question);
    assert!(asked.ask.starts_with(&read.sentence), "{read:?}");
    harness.state_mut().apply(Command::Answer(asked.right));
    let read = next_reading(&mut harness);
    assert_eq!(read.part, Part::Reply);
    assert!(
        words.interface.quiz_right.contains(&read.sentence),
        "the reply says it is right: {read:?}"
    );
}

/// A long page on a small screen at the largest text in Spanish: each paragraph the voice
/// reaches is brought into view (between the bars), so a patient following along never loses
/// the lit sentence below the screen's edge.
#[test]
fn the_paragraph_being_read_is_scrolled_into_view() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let spanish = deck
        .languages
        .iter()
        .position(|l| l.code == "es")
        .expect("Spanish");
    let words = deck.language(spanish);
    // The page with the most paragraphs: the one most likely to run below the screen.
    let (at, page) = words
        .pages()
        .max_by_key(|(_, page)| {
            page.blocks
                .iter()
                .filter(|block| matches!(block, patient_kiosk::content::model::Block::Paragraph(_)))
                .count()
        })
        .expect("a page");
    // Small enough that the page's text runs past the bottom bar (beside its picture, as on a
    // clinic's 1280x800 screen, the text column keeps room for a paragraph).
    let size = egui::vec2(1280.0, 800.0);
    let mut harness = listening_kiosk(voice, dir.path(), size, |app| {
        app.apply(Command::ChooseLanguage(spanish));
        app.apply(Command::SetTextSize(
            patient_kiosk::theme::TextSize::ExtraLarge,
        ));
        app.apply(Command::Open(at));
    });
    let bottom_bar = harness
        .get_by_role_and_label(Role::Button, &words.interface.next)
        .rect()
        .top();
    listen(&mut harness, &words.interface.listen.listen);
    let mut checked = 0;
    let mut last = None;
    while harness.state().listen_state() == ListenState::Playing {
        harness.step();
        let Some(reading) = harness.state().reading_aloud().cloned() else {
            continue;
        };
        if last.as_ref() == Some(&reading) {
            continue;
        }
        last = Some(reading.clone());
        let Part::Block(index) = reading.part else {
            continue;
        };
        let patient_kiosk::content::model::Block::Paragraph(text) = &page.blocks[index] else {
            continue;
        };
        steps(&mut harness, 1.0);
        let rect = harness.get_by_label(text).rect();
        assert!(
            rect.top() >= 0.0 && rect.bottom() <= bottom_bar + 1.0,
            "{text:?} is read at {rect:?}, out of view (the bottom bar starts at {bottom_bar})"
        );
        checked += 1;
    }
    assert!(checked >= 3, "{checked} paragraphs were read");
}

/// On a quiz, what the voice reads lights: the question, then each answer in turn (a band of
/// the reading colour round that answer's button, none round the others).
#[test]
fn a_quiz_lights_the_question_then_each_answer_as_it_is_read() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let words = deck.language(0);
    let quiz = (words.topics.iter())
        .position(|topic| !topic.quiz.is_empty())
        .expect("a quiz");
    let asked = words.topics[quiz].quiz[0].clone();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_narration(Ok(voice), Ok(stand_in_player(dir.path())));
    app.apply(Command::OpenQuiz(quiz));
    let reading = app.theme().colors.reading.color32();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        .with_pixels_per_point(1.0)
        .with_step_dt(STEP_SECS)
        .wgpu()
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    listen(&mut harness, "Listen");
    assert_eq!(
        harness.state().reading_aloud().map(|r| r.part),
        Some(Part::Question)
    );
    let lit_pixels = |harness: &mut Harness<'_, KioskApp>, label: &str| {
        let rect = harness.get_by_label(label).rect();
        let image = harness.render().expect("the screen renders");
        let band = rect.expand(8.0);
        image
            .enumerate_pixels()
            .filter(|(x, y, p)| {
                let at = egui::pos2(*x as f32, *y as f32);
                let [r, g, b, _] = p.0;
                band.contains(at)
                    && !rect.contains(at)
                    && r.abs_diff(reading.r()) < 10
                    && g.abs_diff(reading.g()) < 10
                    && b.abs_diff(reading.b()) < 10
            })
            .count()
    };
    assert_eq!(
        lit_pixels(&mut harness, &asked.answers[1]),
        0,
        "not read yet"
    );
    // On, in simulated time, until the second answer is read.
    let mut frames = 0;
    while harness.state().reading_aloud().map(|r| r.part) != Some(Part::Answer(1)) {
        harness.step();
        frames += 1;
        assert!(frames < 600, "the second answer was never read");
    }
    let lit = lit_pixels(&mut harness, &asked.answers[1]);
    let rect = harness.get_by_label(&asked.answers[1]).rect();
    assert!(
        lit as f32 > 2.0 * (rect.width() + rect.height()),
        "{lit} lit pixels round the answer being read"
    );
    assert_eq!(
        lit_pixels(&mut harness, &asked.answers[0]),
        0,
        "the answer read before is no longer lit"
    );
}

/// A player that stands in for aplay, its device checked: while `dir/broken` exists the device
/// does not open (ALSA's words on stderr, exit 1), and a sound playing stops as if the
/// headphones were pulled out.
fn breakable_player(dir: &Path) -> Player {
    let broken = dir.join("broken");
    let script = format!(
        "fail() {{ echo 'aplay: main:831: audio open error: No such device' >&2; exit 1; }}; \
         [ -e '{broken}' ] && fail; \
         case \"$0\" in *.check.wav) exit 0;; esac; \
         while [ ! -e '{broken}' ]; do sleep 0.02; done; fail",
        broken = broken.display()
    );
    Player::with_command(vec!["sh".to_owned(), "-c".to_owned(), script]).checking_device()
}

/// No sound device (aplay is there, the device does not open): no Listen button and the staff
/// menu gives ALSA's words; a device that fails while it reads takes the button away, and it
/// comes back at the visit's end once the device opens again.
#[test]
fn a_sound_device_that_does_not_open_takes_the_listen_button_away_until_it_does() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let broken = dir.path().join("broken");
    std::fs::write(&broken, "").expect("the device is broken");
    let deck = common::bundled_deck();
    let (at, _) = deck.language(0).pages().next().expect("a page");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_narration(Ok(voice), Ok(breakable_player(dir.path())));
    app.apply(Command::Open(at));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_step_dt(STEP_SECS)
        .with_max_steps(40)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    wait_until(&mut harness, "the check of the device", |app| {
        app.listen_unavailable()
            .is_some_and(|why| why.contains("cannot be opened"))
    });
    let why = harness
        .state()
        .listen_unavailable()
        .expect("why")
        .to_owned();
    assert_eq!(
        why,
        "no sound: the sound device cannot be opened (aplay: main:831: audio open error: No \
         such device) (Debian: apt-get install alsa-utils, and a sound device)"
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Listen")
            .is_none()
    );

    // The device opens again: the next visit has the button (and the check only then).
    std::fs::remove_file(&broken).expect("mended");
    steps(&mut harness, 1.0);
    assert_eq!(harness.state().listen_state(), ListenState::Unavailable);
    harness.state_mut().apply(Command::StartOver);
    harness.state_mut().apply(Command::Open(at));
    wait_until(&mut harness, "the device to open", |app| {
        app.listen_state() == ListenState::Ready
    });
    listen(&mut harness, "Listen");

    // Pulled out while it reads: the reading stops and the button goes.
    std::fs::write(&broken, "").expect("broken again");
    wait_until(&mut harness, "the failure to be seen", |app| {
        app.listen_state() == ListenState::Unavailable
    });
    assert!(harness.state().reading_aloud().is_none());
    let why = harness
        .state()
        .listen_unavailable()
        .expect("why")
        .to_owned();
    assert!(why.contains("the sound device stopped playing"), "{why}");
    harness.run();
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Listen")
            .is_none()
    );
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Pause")
            .is_none()
    );
}

/// The page dots and "Page X of Y" keep their place as Listen's buttons change round them (they
/// jumped when Pause, Stop and the volume buttons appeared): in the bar's middle on a wide
/// screen, against Next on a portrait one at large text.
#[test]
fn the_page_number_keeps_its_place_while_listen_plays() {
    let Some(voice) = voice() else {
        return;
    };
    let deck = common::bundled_deck();
    let (at, _) = deck.language(0).pages().next().expect("a page");
    let progress = deck.language(0).page_of(at);
    for (size, text) in [
        (
            egui::vec2(1920.0, 1080.0),
            patient_kiosk::theme::TextSize::Normal,
        ),
        (
            egui::vec2(1080.0, 1920.0),
            patient_kiosk::theme::TextSize::Large,
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut harness = listening_kiosk(voice.clone(), dir.path(), size, |app| {
            app.apply(Command::SetTextSize(text));
            app.apply(Command::Open(at));
        });
        let place = |harness: &Harness<'_, KioskApp>| harness.get_by_label(&progress).rect();
        let still = place(&harness);
        // On the bar's middle where there is room for Listen left of it; else against Next.
        if size.x > size.y {
            assert!(
                (still.center().x - size.x / 2.0).abs() < still.width(),
                "{size:?}: about the bar's middle: {still:?}"
            );
        }
        listen(&mut harness, "Listen");
        steps(&mut harness, 1.0);
        assert_eq!(place(&harness), still, "{size:?}: still while it plays");
    }
}

/// Play with a voice: each step's words are said, the next step's motion starts when the
/// voice ends (and a short pause), and its words are said in turn; leaving the page stops it.
#[test]
fn play_says_each_step_and_the_next_step_starts_when_the_voice_ends() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let diagram = "fluoroscope";
    let at = common::page_with_diagram(&deck, diagram);
    let landscape = egui::vec2(1920.0, 1080.0);
    let mut harness = listening_kiosk(voice.clone(), dir.path(), landscape, |app| {
        app.set_idle_timing(5.0, 2.0);
        app.apply(Command::Open(at));
    });
    // The same narrations, made here, say how long each step's words last.
    let said = |step: usize| {
        let script = step_script(&deck, 0, diagram, step);
        let narration = narrate(&voice, "en", "en-us", &script, &Default::default());
        (
            script.sentences[0].text.clone(),
            narration.expect("narrated").duration_ms(),
        )
    };
    let step_showing = |harness: &Harness<'_, KioskApp>| {
        (harness
            .state()
            .session()
            .diagram_steps
            .get(diagram)
            .copied())
        .unwrap_or(0)
    };
    for (step, title) in [(0, "Play"), (1, "")] {
        if step == 0 {
            harness.get_by_role_and_label(Role::Button, title).click();
        }
        let (words, lasts_ms) = said(step);
        let lit = next_reading(&mut harness);
        assert_eq!(
            (lit.part, lit.sentence.as_str()),
            (Part::Step, words.as_str())
        );
        assert_eq!(step_showing(&harness), step);
        // The voice lasts its time (longer than the idle time and its countdown: playing is
        // activity), then a pause, then the next step.
        let lasts = lasts_ms as f32 / 1000.0;
        steps(&mut harness, lasts - 0.3);
        assert_eq!(step_showing(&harness), step, "too soon, {lasts} s in");
        let mut passed = lasts - 0.3;
        while step_showing(&harness) == step {
            assert!(passed < lasts + 2.5, "step {step} lasts {passed} s");
            harness.step();
            passed += STEP_SECS;
        }
        let expected = lasts + patient_kiosk::play::AFTER_WORDS_SECS as f32;
        assert!(
            (passed - expected).abs() < 0.35,
            "step {} came {passed:.2} s after step {step}'s words began, not {expected:.2}",
            step + 1
        );
    }
    assert_eq!(harness.state().session().screen, Screen::Page(at));
    harness.get_by_role_and_label(Role::Button, "Home").click();
    harness.step();
    harness.step();
    assert!(harness.state().session().play.is_none(), "leaving stops it");
    assert_eq!(harness.state().listen_state(), ListenState::Ready);
}

/// Keep reading: at a page's end, Listen goes on to the next page and reads it from its
/// title; without it, the reading stops at the page's end.
#[test]
fn keep_reading_goes_on_to_the_next_page_at_a_pages_end() {
    let Some(voice) = voice() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let deck = common::bundled_deck();
    let mut pages = deck.language(0).pages();
    let (at, page) = pages.next().expect("a page");
    let (next_at, next_page) = pages.next().expect("a second page");
    assert_eq!(next_at.topic, at.topic, "the first topic has two pages");
    let landscape = egui::vec2(1920.0, 1080.0);
    let mut harness = listening_kiosk(voice.clone(), dir.path(), landscape, |app| {
        app.apply(Command::Open(at));
    });
    let script = page_script(&deck, 0, page, 0);
    let narration = narrate(&voice, "en", "en-us", &script, &Default::default()).expect("narrated");
    let lasts = narration.duration_ms() as f32 / 1000.0;
    listen(&mut harness, "Listen");
    harness.get_by_label("Keep reading").click();
    harness.step();
    assert!(harness.state().session().keep_reading);
    steps(&mut harness, lasts + 0.3);
    let lit = next_reading(&mut harness);
    assert_eq!(harness.state().session().screen, Screen::Page(next_at));
    assert_eq!(lit.part, Part::Title, "the next page, from its title");
    assert!(lit.sentence.starts_with(&next_page.title), "{lit:?}");
    // Switched off, the reading ends with the page.
    harness.get_by_label("Keep reading").click();
    harness.step();
    assert!(!harness.state().session().keep_reading);
    let script = page_script(&deck, 0, next_page, 0);
    let narration = narrate(&voice, "en", "en-us", &script, &Default::default()).expect("narrated");
    steps(&mut harness, narration.duration_ms() as f32 / 1000.0 + 1.0);
    assert_eq!(harness.state().session().screen, Screen::Page(next_at));
    assert_eq!(harness.state().listen_state(), ListenState::Ready);
}
