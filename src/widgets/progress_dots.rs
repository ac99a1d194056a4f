//! One dot per page, the current one filled: where a patient is, at a glance; a walk-through's
//! steps are numbered boxes instead ([`ProgressDots::numbered`]), so the two never look alike.
//! Screen readers hear the words given (e.g. "Step 2 of 6"), when the same words are not already
//! on screen beside the dots.

use egui::{Response, Sense, Ui, Widget, WidgetInfo, vec2};

use crate::theme::Theme;

/// A row of progress dots.
pub struct ProgressDots<'a> {
    theme: &'a Theme,
    current: usize,
    total: usize,
    words: Option<String>,
    numbered: bool,
}

impl<'a> ProgressDots<'a> {
    /// `total` dots with the one at index `current` filled.
    pub fn new(theme: &'a Theme, current: usize, total: usize) -> Self {
        Self {
            theme,
            current,
            total,
            words: None,
            numbered: false,
        }
    }

    /// Numbered boxes, one per step, instead of dots.
    pub fn numbered(mut self) -> Self {
        self.numbered = true;
        self
    }

    /// The side of a dot or a box, in points.
    fn side(&self) -> f32 {
        let small = self.theme.sizes.small_pt;
        if self.numbered {
            small * 1.4
        } else {
            small * 0.6
        }
    }

    /// The room between two dots or boxes, in points.
    fn gap(&self) -> f32 {
        if self.numbered {
            self.side() * 0.25
        } else {
            self.side() * 0.6
        }
    }

    /// How high the dots are, in points.
    pub fn height(&self) -> f32 {
        self.side()
    }

    /// How wide the row of dots is.
    pub fn width(&self) -> f32 {
        let total = self.total as f32;
        total * self.side() + (total - 1.0).max(0.0) * self.gap()
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
        let diameter = self.side();
        let gap = self.gap();
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
            if self.numbered {
                let square = egui::Rect::from_center_size(center, egui::Vec2::splat(diameter));
                let current = index == self.current;
                let (fill, ink) = if current {
                    (accent, self.theme.colors.on_accent.color32())
                } else {
                    (egui::Color32::TRANSPARENT, accent)
                };
                painter.rect(
                    square,
                    sizes.corner_radius_pt / 3.0,
                    fill,
                    egui::Stroke::new(sizes.stroke_pt, accent),
                    egui::StrokeKind::Inside,
                );
                painter.text(
                    center,
                    egui::Align2::CENTER_CENTER,
                    (index + 1).to_string(),
                    crate::theme::bold_font(sizes.small_pt * 0.8),
                    ink,
                );
            } else if index == self.current {
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
