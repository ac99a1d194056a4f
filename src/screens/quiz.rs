//! "Check what you learned": one question of a topic's quiz at a time, with big answer buttons.
//! An answer is marked right or not right at once (an icon and a word), with the right answer
//! marked too and a kind reply that explains it; the patient may try again, and read the page
//! it comes from again. The last question ends with a summary and the questions to ask.

use egui::Ui;

use super::ScreenContext;
use super::layout::scroll_column_ui;
use super::page::{back_next_bar_ui, topic_bar_ui};
use super::text::{lit_ui, page_title_ui, text_ui};
use crate::app::Command;
use crate::content::model::Target;
use crate::narration::Part;
use crate::widgets::{AnswerMark, BigButton, ButtonKind, Icon, QuizAnswer};

/// What the patient has done at the question showing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuizAnswers {
    /// Every answer chosen, in order; the first is the one counted.
    pub chosen: Vec<usize>,
    /// The answer showing, marked and replied to: the last chosen; none before the first, or
    /// while the patient chooses again after one that was not right.
    pub shown: Option<usize>,
    /// How many questions of this quiz were answered right the first time.
    pub right_first: usize,
}

impl QuizAnswers {
    /// What answer `index` shows, `right` being the right one's index.
    fn mark(&self, index: usize, right: usize) -> AnswerMark {
        let tried = self.chosen.contains(&index);
        match self.shown {
            // Choosing (again): every answer not yet tried can be chosen.
            None if tried => AnswerMark::TriedBefore,
            None => AnswerMark::Open,
            Some(shown) if shown == index && index == right => AnswerMark::ChosenRight,
            Some(shown) if shown == index => AnswerMark::NotRight,
            Some(_) if tried => AnswerMark::TriedBefore,
            Some(_) if index == right => AnswerMark::RightAnswer,
            Some(_) => AnswerMark::Closed,
        }
    }
}

/// Draws question `question` of the quiz of topic `topic`, as `answers` left it: answers to
/// choose from, or marked right and not right (with the right answer marked too) and a kind
/// reply that explains; after an answer that is not right, Try again. The last question, once
/// answered, ends with a summary and a way to the questions to ask.
pub fn quiz_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    (topic, question): (usize, usize),
    answers: &QuizAnswers,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let interface = &language.interface;
    let words = &interface.quiz;
    let Some(found) = language.topics.get(topic) else {
        return Some(Command::Home);
    };
    let Some(asked) = found.quiz.get(question) else {
        return Some(Command::Home);
    };
    let total = found.quiz.len();
    let reveal = screen.reveal_explanation;
    let keypad = screen.keypad;
    let reading = screen.reading.as_ref().map(|reading| reading.part);
    let lit = |part| reading == Some(part);
    let shown = answers.shown;
    let mut command = None;

    let progress = interface
        .question_of
        .replace("{question}", &(question + 1).to_string())
        .replace("{total}", &total.to_string());
    let (home, tool) = topic_bar_ui(ui, screen, &found.title);
    if home {
        command = Some(Command::Home);
    }
    if tool.is_some() {
        command = tool;
    }
    // After the last question, Next says where it goes: the next topic, or all topics.
    let next = if question + 1 < total {
        &interface.quiz_next
    } else {
        (screen.language.topics.get(topic + 1)).map_or(&interface.all_topics, |next| &next.title)
    };
    if let Some(asked) = back_next_bar_ui(ui, screen, next, (&progress, question, total), true) {
        command = Some(asked);
    }

    let id = format!("quiz-{}-{}", found.id, asked.id);
    scroll_column_ui(
        ui,
        theme,
        &id,
        sizes.content_max_width_pt,
        scroll_to_top,
        |ui| {
            // (The bar under it says which question of how many; the bar over it, which
            // topic's.) The question as a page's title; where the answers would not fit under
            // it so, at a heading's size.
            let width = ui.available_width();
            let room_under = |title_pt: f32| {
                let question = ui.painter().layout(
                    asked.ask.clone(),
                    crate::theme::bold_font(title_pt),
                    theme.colors.text.color32(),
                    width,
                );
                ui.clip_rect().height()
                    - 2.0 * sizes.page_margin_pt
                    - question.size().y
                    - ui.spacing().item_spacing.y
            };
            let (mut plan, fits) = answers_plan(ui, screen, asked, room_under(sizes.title_pt));
            let mut question_theme = std::borrow::Cow::Borrowed(theme);
            if !fits {
                plan = answers_plan(ui, screen, asked, room_under(sizes.heading_pt)).0;
                question_theme.to_mut().sizes.title_pt = sizes.heading_pt;
            }
            lit_ui(ui, theme, lit(Part::Question), |ui| {
                page_title_ui(ui, &question_theme, &asked.ask, (scroll_to_top, keypad));
            });
            let word_of = |mark| match mark {
                AnswerMark::ChosenRight => words.right.as_str(),
                AnswerMark::NotRight | AnswerMark::TriedBefore => &words.not_right,
                AnswerMark::RightAnswer => &words.right_answer,
                AnswerMark::Open | AnswerMark::Closed => "",
            };
            let indexed: Vec<(usize, &String)> = asked.answers.iter().enumerate().collect();
            for (row, height) in indexed.chunks(plan.columns).zip(&plan.row_heights) {
                ui.horizontal_top(|ui| {
                    for &(index, answer) in row {
                        let mark = answers.mark(index, asked.right);
                        let widget =
                            QuizAnswer::new(theme, answer, (mark, word_of(mark)), plan.width)
                                .compact(plan.compact)
                                .min_height(*height);
                        let tapped =
                            lit_ui(ui, theme, lit(Part::Answer(index)), |ui| ui.add(widget));
                        if tapped.clicked() && mark == AnswerMark::Open {
                            command = Some(Command::Answer(index));
                        }
                    }
                });
            }
            let Some(answer) = shown else {
                return;
            };
            let lit_reply = lit(Part::Reply);
            let (card, asked_for) = reply_ui(ui, screen, asked, answer, lit_reply);
            if asked_for.is_some() {
                command = asked_for;
            }
            let mut last = card;
            if question + 1 == total {
                let summary = words
                    .summary
                    .replace("{right}", &answers.right_first.to_string())
                    .replace("{total}", &total.to_string());
                let end = reply_card_ui(ui, theme, |ui| {
                    text_ui(ui, theme, &summary, sizes.heading_pt, true);
                    text_ui(ui, theme, &words.summary_note, sizes.body_pt, false);
                    if let Some(at) = screen.deck.questions_page {
                        let questions =
                            BigButton::new(theme, &words.questions, ButtonKind::Secondary)
                                .icon_after(Icon::Next);
                        if ui.add(questions).clicked() {
                            command = Some(Command::Open(at));
                        }
                    }
                });
                last = last.union(end.response.rect);
            }
            if reveal {
                // Just answered: the feedback (and the summary) comes into view above the
                // bottom bar; where both do not fit, the feedback from its top.
                let view = ui.clip_rect().height() - 2.0 * sizes.page_margin_pt;
                if last.height() <= view {
                    ui.scroll_to_rect(last, Some(egui::Align::Max));
                } else {
                    ui.scroll_to_rect(card, Some(egui::Align::Min));
                }
            }
        },
    );
    command
}

/// The reply to `answer` of the question `asked`: the verdict, the right answer where the one
/// chosen is not, why, Try again and a way to the page it comes from; announced to screen
/// readers, `lit` while read aloud. Returns where it is drawn and what was tapped.
fn reply_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    asked: &crate::content::model::Question,
    answer: usize,
    lit: bool,
) -> (egui::Rect, Option<Command>) {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let interface = &language.interface;
    let words = &interface.quiz;
    let mut command = None;
    let right = answer == asked.right;
    let verdict = if right {
        &interface.quiz_right
    } else {
        &interface.quiz_wrong
    };
    let polite = egui::accesskit::Live::Polite;
    let card = lit_ui(ui, theme, lit, |ui| {
        super::text::announced_ui(ui, polite, |ui| {
            reply_card_ui(ui, theme, |ui| {
                text_ui(ui, theme, verdict, sizes.heading_pt, true);
                if !right && let Some(correct) = asked.answers.get(asked.right) {
                    text_ui(ui, theme, correct, sizes.body_pt, true);
                }
                text_ui(ui, theme, &asked.explain, sizes.body_pt, false);
                ui.horizontal_wrapped(|ui| {
                    if !right {
                        // Outlined: the bar's Next is the one way forward.
                        let again = BigButton::new(theme, &words.try_again, ButtonKind::Secondary);
                        if ui.add(again).clicked() {
                            command = Some(Command::TryAgain);
                        }
                    }
                    if let Some(at) = language.resolve(&Target::Page(asked.page.clone())) {
                        let page =
                            BigButton::new(theme, &interface.quiz_show_page, ButtonKind::Secondary)
                                .icon(Icon::Back);
                        if ui.add(page).clicked() {
                            command = Some(Command::Open(at));
                        }
                    }
                });
            })
        })
    });
    (card.response.rect, command)
}

/// How a question's answers are laid out.
struct AnswersPlan {
    /// Side by side in this many columns.
    columns: usize,
    /// Each answer this wide.
    width: f32,
    /// As low as a touch target may be.
    compact: bool,
    /// Each row's height (the tallest answer in it).
    row_heights: Vec<f32>,
}

/// The answers' layout that keeps them all in `room` (points high) under the question: one big
/// button a row where that fits; else buttons a finger's height (their words at the body
/// text's size); else side by
/// side in two or three columns (each wide enough for a few words); else the lowest of these.
/// Worked out with every answer marked, as it may be once chosen, so nothing jumps.
fn answers_plan(
    ui: &Ui,
    screen: &ScreenContext<'_>,
    asked: &crate::content::model::Question,
    room: f32,
) -> (AnswersPlan, bool) {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let gap = ui.spacing().item_spacing;
    let width = ui.available_width();
    let count = asked.answers.len().max(1);
    let mut plans = Vec::new();
    for columns in 1..=count.min(3) {
        let column = (width - gap.x * (columns - 1) as f32) / columns as f32;
        if columns > 1 && column < 8.0 * sizes.button_text_pt {
            break;
        }
        for compact in [false, true] {
            let row_heights: Vec<f32> = (asked.answers.chunks(columns))
                .map(|row| {
                    row.iter()
                        .map(|answer| {
                            QuizAnswer::new(theme, answer, (AnswerMark::Open, ""), column)
                                .compact(compact)
                                .height(ui)
                        })
                        .fold(0.0, f32::max)
                })
                .collect();
            let total = row_heights.iter().sum::<f32>() + gap.y * row_heights.len() as f32;
            let plan = AnswersPlan {
                columns,
                width: column,
                compact,
                row_heights,
            };
            if total <= room {
                return (plan, true);
            }
            plans.push((total, plan));
        }
    }
    let lowest = (plans.into_iter())
        .min_by(|(a, _), (b, _)| a.total_cmp(b))
        .map(|(_, plan)| plan)
        .expect("at least one column");
    (lowest, false)
}

/// The card a reply or the summary is drawn on: a key fact's.
fn reply_card_ui<R>(
    ui: &mut Ui,
    theme: &crate::theme::Theme,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    let colors = &theme.colors;
    let border = egui::Stroke::new(
        theme.sizes.accent_stroke_pt,
        colors.key_fact_border.color32(),
    );
    super::blocks::card(ui, theme, colors.key_fact, border, add_contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_marked_by_what_was_chosen() {
        use AnswerMark::{ChosenRight, Closed, NotRight, Open, RightAnswer, TriedBefore};
        let marks = |chosen: Vec<usize>, trying: bool| {
            // As the session gives them: the last chosen shows, unless choosing again.
            let shown = (!trying).then(|| chosen.last().copied()).flatten();
            let answers = QuizAnswers {
                chosen,
                shown,
                right_first: 0,
            };
            (0..3)
                .map(|index| answers.mark(index, 1))
                .collect::<Vec<_>>()
        };
        assert_eq!(marks(vec![], false), [Open, Open, Open]);
        assert_eq!(marks(vec![1], false), [Closed, ChosenRight, Closed]);
        assert_eq!(marks(vec![0], false), [NotRight, RightAnswer, Closed]);
        assert_eq!(marks(vec![0], true), [TriedBefore, Open, Open]);
        assert_eq!(
            marks(vec![0, 2], false),
            [TriedBefore, RightAnswer, NotRight]
        );
        assert_eq!(marks(vec![0, 1], false), [TriedBefore, ChosenRight, Closed]);
    }
}
