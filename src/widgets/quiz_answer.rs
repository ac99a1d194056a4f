//! One answer of a quiz question: a big button while it can be chosen; once the patient has
//! chosen, marked right or not right with an icon and a word (never colour alone), and the
//! answers that do nothing more drawn as plain text, not as buttons.

use egui::{Response, Sense, Ui, Vec2, Widget, WidgetInfo, vec2};

use super::Icon;
use crate::theme::{Theme, bold_font};

/// What an answer shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnswerMark {
    /// It can be chosen: a button.
    Open,
    /// The patient chose it, and it is right.
    ChosenRight,
    /// The patient chose it, and it is not right.
    NotRight,
    /// The patient chose it before, and it was not right: marked so, no longer chosen.
    TriedBefore,
    /// The right answer, after the patient chose another.
    RightAnswer,
    /// Nothing more to do with it: plain text.
    Closed,
}

/// An answer with its mark; `word` is the mark's word ("Right", "Not right", "Right answer").
pub struct QuizAnswer<'a> {
    theme: &'a Theme,
    label: &'a str,
    mark: AnswerMark,
    word: &'a str,
    width_pt: f32,
    /// At least this high (a row of answers side by side shares one height).
    min_height_pt: f32,
    /// As low as a touch target may be, rather than a big button's height.
    compact: bool,
}

impl<'a> QuizAnswer<'a> {
    /// The answer `label`, `width_pt` wide, marked `mark` with `word` (unused for
    /// [`AnswerMark::Open`] and [`AnswerMark::Closed`]).
    pub fn new(
        theme: &'a Theme,
        label: &'a str,
        (mark, word): (AnswerMark, &'a str),
        width_pt: f32,
    ) -> Self {
        Self {
            theme,
            label,
            mark,
            word,
            width_pt,
            min_height_pt: 0.0,
            compact: false,
        }
    }

    /// At least `height_pt` high.
    pub fn min_height(mut self, height_pt: f32) -> Self {
        self.min_height_pt = height_pt;
        self
    }

    /// As low as a touch target may be (the minimum touch size) rather than a big button's
    /// height, its words at the body text's size: for a screen with little height (a small one
    /// at a large text size).
    pub fn compact(mut self, compact: bool) -> Self {
        self.compact = compact;
        self
    }

    /// How high it is drawn (a mark's word takes a line of its own).
    pub fn height(&self, ui: &Ui) -> f32 {
        self.measure(ui).2
    }

    /// Its words and its mark's words laid out, and its height.
    fn measure(
        &self,
        ui: &Ui,
    ) -> (
        std::sync::Arc<egui::Galley>,
        Option<std::sync::Arc<egui::Galley>>,
        f32,
    ) {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let padding = sizes.card_padding_pt;
        let text_width = (self.width_pt - 2.0 * padding).max(sizes.min_touch_pt);
        let text_pt = if self.compact {
            sizes.body_pt
        } else {
            sizes.button_text_pt
        };
        let galley = ui.painter().layout(
            self.label.to_owned(),
            bold_font(text_pt),
            colors.text.color32(),
            text_width,
        );
        // The mark's word, with its icon before it, on a line of its own above the answer:
        // room for "Respuesta correcta" beside a long answer at the largest text.
        let icon_side = sizes.button_text_pt;
        let word = self.marked().map(|_| {
            ui.painter().layout(
                self.word.to_owned(),
                bold_font(sizes.button_text_pt),
                colors.text.color32(),
                text_width - icon_side - sizes.item_spacing_pt,
            )
        });
        let word_height = word.as_ref().map_or(0.0, |word| {
            word.size().y.max(icon_side) + sizes.item_spacing_pt
        });
        let least = if self.compact {
            sizes.min_touch_pt
        } else {
            sizes.button_height_pt
        };
        let height = (galley.size().y + word_height + padding)
            .max(least)
            .max(self.min_height_pt);
        (galley, word, height)
    }

    /// The icon and colour of its mark, if it has one.
    fn marked(&self) -> Option<(Icon, crate::theme::Rgb, crate::theme::Rgb)> {
        let colors = &self.theme.colors;
        match self.mark {
            AnswerMark::ChosenRight | AnswerMark::RightAnswer => {
                Some((Icon::Check, colors.right, colors.right_fill))
            }
            AnswerMark::NotRight | AnswerMark::TriedBefore => {
                Some((Icon::Cross, colors.wrong, colors.wrong_fill))
            }
            AnswerMark::Open | AnswerMark::Closed => None,
        }
    }
}

impl Widget for QuizAnswer<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let padding = sizes.card_padding_pt;
        let marked = self.marked();
        let icon_side = sizes.button_text_pt;
        let (galley, word, height) = self.measure(ui);
        let sense = if self.mark == AnswerMark::Open {
            Sense::click()
        } else {
            Sense::hover()
        };
        let (rect, response) = ui.allocate_exact_size(vec2(self.width_pt, height), sense);
        response.widget_info(|| {
            // The mark is said with the answer: "Yes, all surgery has some risks, Right".
            let label = match self.mark {
                AnswerMark::Open | AnswerMark::Closed => self.label.to_owned(),
                _ => format!("{}, {}", self.label, self.word),
            };
            let chosen = matches!(self.mark, AnswerMark::ChosenRight | AnswerMark::NotRight);
            WidgetInfo::selected(
                egui::Role::RadioButton,
                self.mark == AnswerMark::Open,
                chosen,
                label,
            )
        });
        if !ui.is_rect_visible(rect) {
            return response;
        }
        let painter = ui.painter();
        let radius = sizes.corner_radius_pt;
        let text_color = match self.mark {
            AnswerMark::Open => colors.on_secondary,
            AnswerMark::Closed => colors.text_muted,
            _ => colors.text,
        };
        match (self.mark, marked) {
            (AnswerMark::Open, _) => {
                let fill = if response.is_pointer_button_down_on() {
                    colors.secondary_pressed
                } else {
                    colors.secondary
                };
                painter.rect_filled(rect, radius, fill.color32());
                painter.rect_stroke(
                    rect,
                    radius,
                    egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
                    egui::StrokeKind::Inside,
                );
            }
            (_, Some((_, frame, fill))) => {
                painter.rect_filled(rect, radius, fill.color32());
                painter.rect_stroke(
                    rect,
                    radius,
                    egui::Stroke::new(sizes.accent_stroke_pt, frame.color32()),
                    egui::StrokeKind::Inside,
                );
            }
            // Closed: no fill and no edge, so it does not look like something to tap.
            (_, None) => {}
        }
        let mut top = rect.top() + padding / 2.0;
        if let (Some((icon, frame, _)), Some(word)) = (marked, word) {
            let line = word.size().y.max(icon_side);
            let icon_rect = egui::Rect::from_min_size(
                egui::pos2(rect.left() + padding, top + (line - icon_side) / 2.0),
                Vec2::splat(icon_side),
            );
            icon.paint(painter, icon_rect, frame.color32(), sizes.accent_stroke_pt);
            let word_at = egui::pos2(
                icon_rect.right() + sizes.item_spacing_pt,
                top + (line - word.size().y) / 2.0,
            );
            painter.galley_with_override_text_color(word_at, word, frame.color32());
            top += line + sizes.item_spacing_pt;
        }
        let free = rect.bottom() - padding / 2.0 - top;
        let text_at = egui::pos2(
            rect.left() + padding,
            top + ((free - galley.size().y) / 2.0).max(0.0),
        );
        painter.galley_with_override_text_color(text_at, galley, text_color.color32());
        response
    }
}
