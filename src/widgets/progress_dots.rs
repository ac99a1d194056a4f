//! One dot per page or step, the current one filled: where a patient is, at a glance. Screen
//! readers hear the words given (e.g. "Step 2 of 6"), when the same words are not already on
//! screen beside the dots.

use egui::{Response, Sense, Ui, Widget, WidgetInfo, vec2};

use crate::theme::Theme;

/// A row of progress dots.
pub struct ProgressDots<'a> {
    theme: &'a Theme,
    current: usize,
    total: usize,
    words: Option<String>,
}

impl<'a> ProgressDots<'a> {
    /// `total` dots with the one at index `current` filled.
    pub fn new(theme: &'a Theme, current: usize, total: usize) -> Self {
        Self {
            theme,
            current,
            total,
            words: None,
        }
    }

    /// How high the dots are, in points.
    pub fn height(&self) -> f32 {
        self.theme.sizes.small_pt * 0.6
    }

    /// How wide the row of dots is.
    pub fn width(&self) -> f32 {
        let diameter = self.theme.sizes.small_pt * 0.6;
        let total = self.total as f32;
        total * diameter + (total - 1.0).max(0.0) * diameter * 0.6
    }

    /// Words screen readers hear for the dots, like "Step 2 of 6".
    pub fn words(mut self, words: String) -> Self {
        self.words = Some(words);
        self
    }
}

impl Widget for ProgressDots<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let accent = self.theme.colors.accent.color32();
        let diameter = sizes.small_pt * 0.6;
        let gap = diameter * 0.6;
        let total = self.total;
        let width = self.width();
        let (rect, response) = ui.allocate_exact_size(vec2(width, diameter), Sense::hover());
        if let Some(words) = &self.words {
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, words));
        }
        let painter = ui.painter();
        for index in 0..total {
            let center = egui::pos2(
                rect.left() + diameter / 2.0 + index as f32 * (diameter + gap),
                rect.center().y,
            );
            if index == self.current {
                painter.circle_filled(center, diameter / 2.0, accent);
            } else {
                painter.circle_stroke(
                    center,
                    diameter / 2.0 - sizes.stroke_pt / 2.0,
                    egui::Stroke::new(sizes.stroke_pt, accent),
                );
            }
        }
        response
    }
}
