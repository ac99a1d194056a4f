//! "Check what you learned": a topic's quiz after its last page, kind feedback for right and
//! wrong answers, a way back to the page the answer comes from, answers kept for the visit
//! only, and counted anonymously.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
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
    // The bar's Next says where it goes: to the quiz; no second button on the page.
    assert_eq!(
        harness
            .query_all_by_label("Check what you learned")
            .filter(|node| node.accesskit_node().role() == Role::Button)
            .count(),
        1,
        "one way forward"
    );
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
    // The right answer is marked, and is no longer a button to tap.
    let marked = format!("{}, Right answer", first.answers[first.right]);
    let node = harness.get_by_role_and_label(Role::RadioButton, &marked);
    assert!(node.accesskit_node().is_disabled(), "nothing to tap");
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
    // At the end, Next names where it goes: the next topic.
    let next_topic = &deck.language(0).topics[TOPIC + 1].title;
    press(&mut harness, Role::Button, next_topic);
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
    // Next, where Next always is (beside Back in the bar), says where it goes.
    let back = harness.get_by_role_and_label(Role::Button, "Back").rect();
    let next = harness
        .get_by_role_and_label(Role::Button, "Check what you learned")
        .rect();
    assert!(
        (next.center().y - back.center().y).abs() < 1.0 && next.left() > back.right(),
        "{next:?} is the bar's Next, beside Back {back:?}"
    );
    assert!(harness.query_by_label("Next").is_none());
    press(&mut harness, Role::Button, "Check what you learned");
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

/// A wrong answer is marked with a cross and "Not right", the right one with a tick and
/// "Right answer" (words and icons, not colour alone), the others become plain text; Try
/// again opens the untried answers again, and a right try is marked "Right" without changing
/// the answer counted.
#[test]
fn a_wrong_answer_is_marked_and_the_patient_may_try_again() {
    let deck = common::bundled_deck();
    let topic = &deck.language(0).topics[TOPIC];
    let asked = topic
        .quiz
        .iter()
        .find(|asked| asked.answers.len() >= 3)
        .expect("a question with 3 answers or more");
    let question = topic
        .quiz
        .iter()
        .position(|q| q.id == asked.id)
        .expect("it");
    let wrong = (asked.right + 1) % asked.answers.len();
    let other = (0..asked.answers.len())
        .find(|&index| index != wrong && index != asked.right)
        .expect("a third answer");
    let mut harness = kiosk(None);
    harness.state_mut().apply(Command::OpenQuiz(TOPIC));
    for _ in 0..question {
        harness.state_mut().apply(Command::Next);
    }
    harness.run();
    press(&mut harness, Role::RadioButton, &asked.answers[wrong]);

    let node = |harness: &Harness<'_, KioskApp>, label: &str| {
        let node = harness.get_by_role_and_label(Role::RadioButton, label);
        let data = node.accesskit_node();
        (
            data.is_disabled(),
            data.toggled()
                .is_some_and(|t| t == egui::accesskit::Toggled::True),
        )
    };
    let not_right = format!("{}, Not right", asked.answers[wrong]);
    let right_answer = format!("{}, Right answer", asked.answers[asked.right]);
    assert_eq!(node(&harness, &not_right), (true, true), "chosen, marked");
    assert_eq!(node(&harness, &right_answer), (true, false), "marked");
    assert_eq!(
        node(&harness, &asked.answers[other]),
        (true, false),
        "plain text"
    );
    assert!(
        harness.query_by_label("Not right").is_none(),
        "the word is in the answer's name"
    );

    press(&mut harness, Role::Button, "Try again");
    assert_eq!(
        node(&harness, &not_right),
        (true, false),
        "tried: stays marked"
    );
    assert_eq!(
        node(&harness, &asked.answers[asked.right]),
        (false, false),
        "open again"
    );
    assert_eq!(
        node(&harness, &asked.answers[other]),
        (false, false),
        "open again"
    );
    assert!(
        harness
            .query_by_label("Good try. Here is the right answer:")
            .is_none(),
        "the reply waits for the new answer"
    );

    press(&mut harness, Role::RadioButton, &asked.answers[asked.right]);
    let right = format!("{}, Right", asked.answers[asked.right]);
    assert_eq!(node(&harness, &right), (true, true));
    assert!(harness.query_by_label("Yes, that is right!").is_some());
    assert!(
        harness
            .query_by_role_and_label(Role::Button, "Try again")
            .is_none()
    );
    let session = harness.state().session();
    assert_eq!(
        session.quiz_answers.get(&(TOPIC, question)),
        Some(&wrong),
        "counted"
    );
    assert_eq!(
        session.quiz_tries.get(&(TOPIC, question)),
        Some(&vec![asked.right])
    );
}

/// The last question, once answered, ends the quiz with how many were right the first time
/// and a way to the questions to ask the care team.
#[test]
fn a_quiz_ends_with_a_summary_and_the_questions_to_ask() {
    let deck = common::bundled_deck();
    let words = deck.language(0);
    let quiz = &words.topics[TOPIC].quiz;
    assert!(quiz.len() >= 3);
    let mut harness = kiosk(None);
    harness.state_mut().apply(Command::OpenQuiz(TOPIC));
    harness.run();
    for (index, asked) in quiz.iter().enumerate() {
        // Right, then wrong, then right: 2 of 3 (a try again never counts).
        let answer = if index == 1 {
            (asked.right + 1) % asked.answers.len()
        } else {
            asked.right
        };
        assert!(
            harness.query_by_label_contains("You got").is_none(),
            "not yet"
        );
        press(&mut harness, Role::RadioButton, &asked.answers[answer]);
        if index == 1 {
            press(&mut harness, Role::Button, "Try again");
            press(&mut harness, Role::RadioButton, &asked.answers[asked.right]);
        }
        if index + 1 < quiz.len() {
            press(&mut harness, Role::Button, "Next question");
        }
    }
    let total = quiz.len();
    let summary = format!("You got {} of {total} right.", total - 1);
    let shown = harness.get_by_label(&summary).rect();
    assert!(
        shown.bottom() <= 1080.0 - Theme::bundled().sizes.bar_height_pt,
        "the summary is in view above the bottom bar: {shown:?}"
    );
    press(&mut harness, Role::Button, "Questions to ask");
    let questions = deck
        .questions_page
        .expect("the deck names the questions page");
    assert_eq!(screen(&harness), Screen::Page(questions));
    assert_eq!(
        words.page(questions).map(|page| page.id.as_str()),
        Some("appointments-questions")
    );
}

/// On every kiosk screen, at every text size, in both languages: every question's answers are
/// all on screen between the bars as it opens (no answer below the fold, the right one of the
/// paralysis question included), and once one is chosen the reply (the verdict and why) is
/// brought on screen whole.
#[test]
fn a_questions_answers_and_its_reply_are_on_screen_at_every_size() {
    use patient_kiosk::overlap::KIOSK_SCREENS;
    use patient_kiosk::theme::TextSize;
    let deck = common::bundled_deck();
    let mut problems = Vec::new();
    for screen_size in KIOSK_SCREENS {
        for text in [TextSize::Normal, TextSize::Large, TextSize::ExtraLarge] {
            for language in 0..deck.languages.len() {
                let words = &deck.languages[language];
                let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
                app.apply(Command::ChooseLanguage(language));
                app.apply(Command::SetTextSize(text));
                let mut harness = Harness::builder()
                    .with_size(screen_size.size)
                    .with_step_dt(0.05)
                    .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
                for (topic_index, topic) in words.topics.iter().enumerate() {
                    for (question, asked) in topic.quiz.iter().enumerate() {
                        let what = format!(
                            "{} {text:?} {} {} question {}",
                            screen_size.name,
                            words.code,
                            topic.id,
                            question + 1
                        );
                        harness.state_mut().apply(Command::OpenQuiz(topic_index));
                        for _ in 0..question {
                            harness.state_mut().apply(Command::Next);
                        }
                        harness.run();
                        let back = harness
                            .get_by_role_and_label(Role::Button, &words.interface.back)
                            .rect();
                        let home = harness
                            .get_by_role_and_label(Role::Button, &words.interface.home)
                            .rect();
                        let view = egui::Rect::from_min_max(
                            egui::pos2(0.0, home.bottom()),
                            egui::pos2(screen_size.size.x, back.top()),
                        );
                        for answer in &asked.answers {
                            let rect = harness
                                .get_by_role_and_label(Role::RadioButton, answer)
                                .rect();
                            if !view.expand(1.0).contains_rect(rect) {
                                problems.push(format!("{what}: {answer:?} at {rect:?}"));
                            }
                        }
                        // Chosen as a finger would, where it shows (scrolled to first).
                        harness
                            .get_by_role_and_label(Role::RadioButton, &asked.answers[asked.right])
                            .scroll_to_me();
                        harness.run();
                        harness
                            .get_by_role_and_label(Role::RadioButton, &asked.answers[asked.right])
                            .click();
                        harness.run();
                        // The reply's words, however they are laid out (a label a sentence).
                        let why = harness
                            .query_all_by(|node| {
                                node.role() == Role::Label
                                    && (node.label().or_else(|| node.value())).is_some_and(
                                        |label| {
                                            label.len() > 8
                                                && (asked.explain.contains(label.as_str())
                                                    || label.contains(asked.explain.as_str()))
                                        },
                                    )
                            })
                            .map(|node| node.rect())
                            .reduce(|a, b| a.union(b))
                            .expect("the reply is shown");
                        if !view.expand(1.0).contains_rect(why) {
                            problems.push(format!("{what}: the reply at {why:?}"));
                        }
                    }
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} off screen:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
