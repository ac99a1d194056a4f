//! "Check what you learned": one question of a topic's quiz at a time, with big answer buttons.
//! An answer gets kind feedback at once that explains the right answer, and a way to read the
//! page it comes from again.

use egui::{Frame, Margin, Role, Ui};

use super::ScreenContext;
use super::layout::scroll_column_ui;
use super::page::{back_next_bar_ui, topic_bar_ui};
use super::text::{lit_ui, page_title_ui, text_ui};
use crate::app::Command;
use crate::content::model::Target;
use crate::narration::Part;
use crate::widgets::{BigButton, ButtonKind, Icon};

/// Draws question `question` of the quiz of topic `topic`; `answered` is the patient's first
/// answer to it, if they gave one.
pub fn quiz_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    (topic, question): (usize, usize),
    answered: Option<usize>,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let language = screen.language;
    let interface = &language.interface;
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
    let next = if question + 1 < total {
        &interface.quiz_next
    } else {
        &interface.quiz_done
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
            text_ui(ui, theme, &interface.quiz_title, sizes.body_pt, true);
            lit_ui(ui, theme, lit(Part::Question), |ui| {
                page_title_ui(ui, theme, &asked.ask, (scroll_to_top, keypad));
            });
            let width = ui.available_width();
            for (index, answer) in asked.answers.iter().enumerate() {
                let button = BigButton::new(theme, answer, ButtonKind::Secondary)
                    .min_width(width)
                    .selected(answered == Some(index), Role::RadioButton);
                // The first answer counts: after it, the answers stay on screen, readable, and
                // another tap changes nothing.
                let tapped = lit_ui(ui, theme, lit(Part::Answer(index)), |ui| ui.add(button));
                if tapped.clicked() && answered.is_none() {
                    command = Some(Command::Answer(index));
                }
            }
            let Some(answer) = answered else {
                return;
            };
            let right = answer == asked.right;
            let verdict = if right {
                &interface.quiz_right
            } else {
                &interface.quiz_wrong
            };
            let polite = egui::accesskit::Live::Polite;
            let card = lit_ui(ui, theme, lit(Part::Reply), |ui| {
                super::text::announced_ui(ui, polite, |ui| {
                    Frame::new()
                        .fill(colors.key_fact.color32())
                        .stroke(egui::Stroke::new(
                            sizes.accent_stroke_pt,
                            colors.key_fact_border.color32(),
                        ))
                        .corner_radius(sizes.corner_radius_pt)
                        .inner_margin(Margin::same(sizes.card_padding_pt as i8))
                        .show(ui, |ui| {
                            ui.set_width(ui.available_width());
                            text_ui(ui, theme, verdict, sizes.heading_pt, true);
                            if !right && let Some(correct) = asked.answers.get(asked.right) {
                                text_ui(ui, theme, correct, sizes.body_pt, true);
                            }
                            text_ui(ui, theme, &asked.explain, sizes.body_pt, false);
                            if let Some(at) = language.resolve(&Target::Page(asked.page.clone())) {
                                let again = BigButton::new(
                                    theme,
                                    &interface.quiz_show_page,
                                    ButtonKind::Secondary,
                                )
                                .icon(Icon::Back);
                                if ui.add(again).clicked() {
                                    command = Some(Command::Open(at));
                                }
                            }
                        })
                })
            });
            if reveal {
                // Just answered: the feedback comes into view above the bottom bar.
                ui.scroll_to_rect(card.response.rect, Some(egui::Align::Max));
            }
        },
    );
    command
}
