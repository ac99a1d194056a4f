//! "Check what you learned": a topic's quiz after its last page, kind feedback for right and
//! wrong answers, a way back to the page the answer comes from, answers kept for the visit
//! only, and counted anonymously.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use patient_kiosk::app::{Command, Screen, Session, UsageRecorder};
use patient_kiosk::content::PageRef;
use patient_kiosk::stats::{FixedClock, StatsFile, read_records};
use patient_kiosk::{KioskApp, Theme};

/// The first topic ("What is it?") has a quiz of 3 questions.
const TOPIC: usize = 0;

fn kiosk(stats: Option<&std::path::Path>) -> Harness<'static, KioskApp> {
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.set_idle_timing(60.0, 15.0);
    if let Some(path) = stats {
        app.set_usage_recorder(UsageRecorder::new(
            Some(StatsFile::new(path)),
            Box::new(FixedClock::new("2026-11-24T10")),
        ));
    }
    let mut harness = common::second_steps(app, egui::vec2(1920.0, 1080.0));
    harness.run();
    common::tap(&mut harness, egui::pos2(960.0, 540.0));
    harness.run();
    harness
}

fn press(harness: &mut Harness<'_, KioskApp>, role: Role, label: &str) {
    harness.get_by_role_and_label(role, label).click();
    harness.run();
}

fn screen(harness: &Harness<'_, KioskApp>) -> Screen {
    harness.state().session().screen
}

#[test]
fn the_quiz_follows_the_last_page_and_explains_every_answer() {
    let deck = common::bundled_deck();
    let topic = &deck.language(0).topics[TOPIC];
    let last = PageRef {
        topic: TOPIC,
        page: topic.pages.len() - 1,
    };
    let mut harness = kiosk(None);
    harness.state_mut().apply(Command::Open(last));
    harness.run();
    press(&mut harness, Role::Button, "Check what you learned");
    assert_eq!(
        screen(&harness),
        Screen::Quiz {
            topic: TOPIC,
            question: 0
        }
    );
    assert!(harness.query_by_label("Question 1 of 3").is_some());

    // A wrong answer: kind words, the right answer, why, and the page it comes from.
    let first = &topic.quiz[0];
    let wrong = (first.right + 1) % first.answers.len();
    press(&mut harness, Role::RadioButton, &first.answers[wrong]);
    assert!(
        harness
            .query_by_label("Good try. Here is the right answer:")
            .is_some()
    );
    assert!(harness.query_by_label(&first.explain).is_some());
    assert_eq!(
        harness.state().session().quiz_answers.get(&(TOPIC, 0)),
        Some(&wrong)
    );
    press(&mut harness, Role::RadioButton, &first.answers[first.right]);
    assert_eq!(
        harness.state().session().quiz_answers.get(&(TOPIC, 0)),
        Some(&wrong),
        "the first answer counts"
    );
    let again = harness
        .get_by_role_and_label(Role::Button, "Read about it again")
        .rect();
    assert!(
        again.bottom() <= 1080.0 - Theme::bundled().sizes.bar_height_pt,
        "the feedback was scrolled into view above the bottom bar: {again:?}"
    );
    press(&mut harness, Role::Button, "Read about it again");
    let source = deck
        .language(0)
        .resolve(&patient_kiosk::content::model::Target::Page(
            first.page.clone(),
        ))
        .expect("the page exists");
    assert_eq!(screen(&harness), Screen::Page(source));

    // Back to the quiz: a right answer, then on to the end.
    harness.state_mut().apply(Command::OpenQuiz(TOPIC));
    harness.run();
    press(&mut harness, Role::Button, "Next question");
    let second = &topic.quiz[1];
    press(
        &mut harness,
        Role::RadioButton,
        &second.answers[second.right],
    );
    assert!(harness.query_by_label("Yes, that is right!").is_some());
    assert!(
        harness
            .query_by_label("Good try. Here is the right answer:")
            .is_none()
    );
    press(&mut harness, Role::Button, "Next question");
    assert!(harness.query_by_label("Question 3 of 3").is_some());
    press(&mut harness, Role::Button, "Back");
    assert_eq!(
        screen(&harness),
        Screen::Quiz {
            topic: TOPIC,
            question: 1
        }
    );
    assert!(
        harness.query_by_label("Yes, that is right!").is_some(),
        "kept for the visit"
    );
    press(&mut harness, Role::Button, "Next question");
    press(&mut harness, Role::Button, "Done");
    assert_eq!(
        screen(&harness),
        Screen::Page(PageRef {
            topic: TOPIC + 1,
            page: 0
        }),
        "on to the next topic"
    );
}

#[test]
fn next_on_the_last_page_starts_the_quiz_and_back_returns_to_it() {
    let deck = common::bundled_deck();
    let pages = deck.language(0).topics[TOPIC].pages.len();
    let last = PageRef {
        topic: TOPIC,
        page: pages - 1,
    };
    let mut harness = kiosk(None);
    harness.state_mut().apply(Command::Open(last));
    harness.run();
    press(&mut harness, Role::Button, "Next");
    assert_eq!(
        screen(&harness),
        Screen::Quiz {
            topic: TOPIC,
            question: 0
        }
    );
    press(&mut harness, Role::Button, "Back");
    assert_eq!(screen(&harness), Screen::Page(last));
}

#[test]
fn answers_are_wiped_at_the_reset_and_only_counts_are_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let stats = dir.path().join("visits.ron");
    let deck = common::bundled_deck();
    let quiz = &deck.language(0).topics[TOPIC].quiz;
    let mut harness = kiosk(Some(&stats));
    harness.state_mut().apply(Command::OpenQuiz(TOPIC));
    harness.run();
    press(
        &mut harness,
        Role::RadioButton,
        &quiz[0].answers[quiz[0].right],
    );
    press(&mut harness, Role::Button, "Next question");
    let wrong = (quiz[1].right + 1) % quiz[1].answers.len();
    press(&mut harness, Role::RadioButton, &quiz[1].answers[wrong]);
    assert_eq!(harness.state().session().quiz_answers.len(), 2);
    for _ in 0..80 {
        harness.step();
    }
    assert_eq!(
        *harness.state().session(),
        Session::default(),
        "answers gone"
    );
    let log = read_records(&stats).expect("the visit was saved");
    let [record] = log.records.as_slice() else {
        panic!("one visit: {:?}", log.records);
    };
    assert_eq!((record.quiz_right, record.quiz_wrong), (1, 1));
    let line = std::fs::read_to_string(&stats).expect("read");
    assert!(
        !line.contains(&quiz[1].answers[wrong]) && !line.contains(&quiz[0].id),
        "no answer or question is written, only counts: {line}"
    );
}
