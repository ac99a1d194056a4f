//! The controls of a walk-through diagram: one dot per step, the step's caption, and big Step
//! back / Next step buttons. They look unlike the page's Back and Next: outlined, with a
//! play-style triangle instead of a chevron.

use std::sync::Arc;

use egui::{Align, Galley, Label, Layout, RichText, Ui};

use crate::content::diagram::{Diagram, DiagramText};
use crate::content::model::Interface;
use crate::play::{PlayCommand, PlayState};
use crate::theme::{Theme, bold_font};
use crate::widgets::{BigButton, ButtonKind, Icon, ProgressDots};

/// The least share of the row the step's words keep between the two buttons.
const BETWEEN_MIN_SHARE: f32 = 0.4;

/// A walk-through's controls at one step.
pub struct StepControls<'a> {
    /// Design tokens.
    pub theme: &'a Theme,
    /// The buttons' words.
    pub interface: &'a Interface,
    /// The walk-through.
    pub diagram: &'a Diagram,
    /// Its words in the patient's language.
    pub words: Option<&'a DiagramText>,
    /// The step showing, counting from 0.
    pub step: usize,
    /// Whether the caption gets the room of the longest one, so the buttons under it never
    /// move as the captions change (not needed where the controls hang from the bottom).
    pub reserve_longest: bool,
    /// Play's buttons beside the step boxes, as it is now (`None`: no Play).
    pub play: Option<PlayState>,
}

/// What a patient asked of a walk-through's controls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepAsk {
    /// Next step (`true`) or Step back.
    Step(bool),
    /// Something of Play.
    Play(PlayCommand),
}

impl<'a> StepControls<'a> {
    fn caption(&self, index: usize) -> Option<&String> {
        let current = self.diagram.steps.get(index)?;
        self.words?.steps.get(&current.id)
    }

    /// The room the caption gets at `width`: the tallest of the step captions when
    /// `reserve_longest`, else the current one's.
    fn caption_height(&self, ui: &Ui, width: f32) -> f32 {
        let font = bold_font(self.theme.sizes.body_pt);
        let steps = if self.reserve_longest {
            0..self.diagram.steps.len()
        } else {
            self.step..self.step + 1
        };
        steps
            .filter_map(|index| self.caption(index))
            .map(|caption| self.layout(ui, caption, &font, width).size().y)
            .fold(0.0, f32::max)
    }

    fn dots(&self) -> ProgressDots<'_> {
        let total = self.diagram.steps.len();
        let step = self.step.min(total.saturating_sub(1));
        let words = self
            .interface
            .step_of
            .replace("{step}", &(step + 1).to_string())
            .replace("{total}", &total.to_string());
        ProgressDots::new(self.theme, step, total)
            .numbered()
            .words(words)
    }

    /// Play's buttons as it is now: with their words, or their signs alone (their words for
    /// screen readers) where the row is short of room.
    fn play_buttons(&self, worded: bool) -> Vec<(BigButton<'a>, PlayCommand)> {
        let words = &self.interface.listen;
        let button = |label: &'a String, kind: ButtonKind, icon: Icon| (label.as_str(), kind, icon);
        let wanted = match self.play {
            None => return Vec::new(),
            Some(PlayState::Stopped) => vec![(
                button(&words.play, ButtonKind::Primary, Icon::Play),
                PlayCommand::Start(self.diagram.id.clone()),
            )],
            Some(state) => {
                let (go, asked) = if state == PlayState::Playing {
                    (
                        button(&words.pause, ButtonKind::Secondary, Icon::Pause),
                        PlayCommand::Pause,
                    )
                } else {
                    (
                        button(&words.play, ButtonKind::Primary, Icon::Play),
                        PlayCommand::Resume,
                    )
                };
                vec![
                    (go, asked),
                    (
                        button(&words.replay, ButtonKind::Secondary, Icon::Replay),
                        PlayCommand::Replay,
                    ),
                    (
                        button(&words.stop, ButtonKind::Secondary, Icon::Stop),
                        PlayCommand::Stop,
                    ),
                ]
            }
        };
        let theme = self.theme;
        (wanted.into_iter())
            .map(|((label, kind, icon), asked)| {
                // Compact (a finger's height): they share the row of the step boxes, which
                // must stay low for the drawing's sake.
                let widget = if worded {
                    BigButton::new(theme, label, kind).icon(icon).compact()
                } else {
                    BigButton::new(theme, "", kind)
                        .icon(icon)
                        .compact()
                        .min_width(theme.sizes.min_touch_pt)
                        .accessible_label(label)
                };
                (widget, asked)
            })
            .collect()
    }

    /// The width and height of Play's buttons in a row.
    fn play_row_size(&self, ui: &Ui, worded: bool) -> egui::Vec2 {
        let gap = ui.spacing().item_spacing.x;
        let buttons = self.play_buttons(worded);
        let width = (buttons.iter())
            .map(|(button, _)| button.size(ui).x)
            .sum::<f32>()
            + gap * buttons.len().saturating_sub(1) as f32;
        let height = (buttons.iter())
            .map(|(button, _)| button.size(ui).y)
            .fold(0.0, f32::max);
        egui::vec2(width, height)
    }

    /// How the step boxes and Play's buttons sit at `width`: whether the buttons show their
    /// words, and whether they fit beside the boxes (else they go under them).
    fn top_row(&self, ui: &Ui, width: f32) -> (bool, bool) {
        let gap = ui.spacing().item_spacing.x;
        let beside = |worded| self.dots().width() + gap + self.play_row_size(ui, worded).x <= width;
        if beside(true) {
            (true, true)
        } else if beside(false) {
            (false, true)
        } else {
            (self.play_row_size(ui, true).x <= width, false)
        }
    }

    /// The height of the step boxes with Play's buttons at `width`.
    fn top_height(&self, ui: &Ui, width: f32) -> f32 {
        let dots = self.dots().height();
        if self.play.is_none() {
            return dots;
        }
        let (worded, beside) = self.top_row(ui, width);
        let buttons = self.play_row_size(ui, worded).y;
        if beside {
            dots.max(buttons)
        } else {
            dots + ui.spacing().item_spacing.y + buttons
        }
    }

    /// The step boxes, and Play's buttons beside them (at the row's right end) or under them.
    fn top_ui(&self, ui: &mut Ui) -> Option<PlayCommand> {
        let width = ui.available_width();
        if self.play.is_none() {
            ui.add(self.dots());
            return None;
        }
        let (worded, beside) = self.top_row(ui, width);
        let mut asked = None;
        let buttons_ui = |ui: &mut Ui, asked: &mut Option<PlayCommand>| {
            for (button, command) in self.play_buttons(worded).into_iter().rev() {
                if ui.add(button).clicked() {
                    *asked = Some(command);
                }
            }
        };
        if beside {
            let height = self.top_height(ui, width);
            ui.allocate_ui_with_layout(
                egui::vec2(width, height),
                Layout::left_to_right(Align::Center),
                |ui| {
                    ui.add(self.dots());
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                        buttons_ui(ui, &mut asked);
                    });
                },
            );
        } else {
            ui.add(self.dots());
            ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                buttons_ui(ui, &mut asked);
            });
        }
        asked
    }

    fn layout(&self, ui: &Ui, text: &str, font: &egui::FontId, width: f32) -> Arc<Galley> {
        ui.painter().layout(
            text.to_owned(),
            font.clone(),
            self.theme.colors.text.color32(),
            width,
        )
    }

    fn buttons(&self) -> (BigButton<'_>, BigButton<'_>) {
        let theme = self.theme;
        let back = BigButton::new(theme, &self.interface.previous_step, ButtonKind::Secondary)
            .icon(Icon::StepBack);
        let next = BigButton::new(theme, &self.interface.next_step, ButtonKind::Secondary)
            .icon_after(Icon::StepNext);
        (back, next)
    }

    /// The width left for the step's words between Step back and Next step, where that is a
    /// fair share of `width` (the buttons then flank the words on one row).
    fn between_width(&self, ui: &Ui, width: f32) -> Option<f32> {
        let (back, next) = self.buttons();
        let gap = ui.spacing().item_spacing.x;
        let middle = width - back.size(ui).x - next.size(ui).x - 2.0 * gap;
        (middle >= width * BETWEEN_MIN_SHARE).then_some(middle)
    }

    /// How high the controls are in `ui` at its full width (for laying out a figure before
    /// drawing it).
    pub fn height(&self, ui: &Ui) -> f32 {
        let (back, next) = self.buttons();
        let gap = ui.spacing().item_spacing.y;
        let dots = self.top_height(ui, ui.available_width());
        if let Some(middle) = self.between_width(ui, ui.available_width()) {
            let buttons = back.size(ui).y.max(next.size(ui).y);
            return dots + gap + self.caption_height(ui, middle).max(buttons);
        }
        let (back, next) = (back.size(ui), next.size(ui));
        let buttons = if back.x + ui.spacing().item_spacing.x + next.x <= ui.available_width() {
            back.y.max(next.y)
        } else {
            back.y + gap + next.y
        };
        dots + gap + self.caption_height(ui, ui.available_width()) + gap + buttons
    }

    /// The words of step `step`, wrapped.
    fn caption_ui(&self, ui: &mut Ui, step: usize, font: egui::FontId) {
        if let Some(caption) = self.caption(step) {
            ui.add(
                Label::new(
                    RichText::new(caption)
                        .font(font)
                        .color(self.theme.colors.text.color32()),
                )
                .wrap()
                // Reached by Tab and screen readers, as every text is (see
                // `screens::text::READABLE`).
                .sense(egui::Sense::FOCUSABLE),
            );
        }
    }

    /// Step back, the step's words (`middle` wide) and Next step on one row, the buttons at
    /// the row's ends whatever the words' length.
    fn row_ui(&self, ui: &mut Ui, middle: f32, font: egui::FontId) -> Option<bool> {
        let total = self.diagram.steps.len();
        let step = self.step.min(total.saturating_sub(1));
        let (back, next) = self.buttons();
        let height = self
            .caption_height(ui, middle)
            .max(back.size(ui).y.max(next.size(ui).y));
        let mut moved = None;
        ui.allocate_ui_with_layout(
            egui::vec2(ui.available_width(), height),
            Layout::left_to_right(Align::Center),
            |ui| {
                if ui.add_enabled(step > 0, back).clicked() {
                    moved = Some(false);
                }
                // Next step at the row's right end, where it stays whatever the words.
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.add_enabled(step + 1 < total, next).clicked() {
                        moved = Some(true);
                    }
                    ui.allocate_ui_with_layout(
                        egui::vec2(ui.available_width(), height),
                        Layout::top_down(Align::Min).with_main_align(Align::Center),
                        |ui| {
                            ui.set_min_size(egui::vec2(middle, height));
                            self.caption_ui(ui, step, font);
                        },
                    );
                });
            },
        );
        moved
    }

    /// Draws the step boxes, Play's buttons, the caption and the step buttons; returns what
    /// was tapped.
    pub fn ui(self, ui: &mut Ui) -> Option<StepAsk> {
        let played = self.top_ui(ui).map(StepAsk::Play);
        let stepped = self.steps_ui(ui).map(StepAsk::Step);
        played.or(stepped)
    }

    /// The caption and the step buttons; `Some(true)` when Next step was tapped and
    /// `Some(false)` for Step back.
    fn steps_ui(&self, ui: &mut Ui) -> Option<bool> {
        let sizes = &self.theme.sizes;
        let total = self.diagram.steps.len();
        let step = self.step.min(total.saturating_sub(1));
        let width = ui.available_width();
        let font = bold_font(sizes.body_pt);
        if let Some(middle) = self.between_width(ui, width) {
            return self.row_ui(ui, middle, font);
        }
        let tallest = self.caption_height(ui, width);
        ui.allocate_ui_with_layout(
            egui::vec2(width, tallest),
            Layout::top_down(Align::Min),
            |ui| {
                ui.set_min_size(egui::vec2(width, tallest));
                self.caption_ui(ui, step, font);
            },
        );
        let mut moved = None;
        let (back, next) = self.buttons();
        let gap = ui.spacing().item_spacing.x;
        let side_by_side = back.size(ui).x + gap + next.size(ui).x <= width;
        let buttons_ui = |ui: &mut Ui| {
            if ui.add_enabled(step > 0, back).clicked() {
                moved = Some(false);
            }
            // Top-aligned: one above the other, Next step comes right under Step back.
            ui.with_layout(Layout::right_to_left(Align::Min), |ui| {
                if ui.add_enabled(step + 1 < total, next).clicked() {
                    moved = Some(true);
                }
            });
        };
        if side_by_side {
            ui.horizontal(buttons_ui);
        } else {
            // Too narrow for both in a row (a large text size in a narrow column): one above
            // the other, Next step under Step back.
            ui.vertical(buttons_ui);
        }
        moved
    }
}
