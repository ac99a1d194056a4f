//! A colour button for the pen: a filled circle on a touch-sized square, ringed when chosen.

use egui::{Color32, Response, Sense, Ui, Widget, WidgetInfo, vec2};

use crate::theme::Theme;

/// One pen colour to choose, reported to screen readers as a radio button with its name.
pub struct ColorSwatch<'a> {
    theme: &'a Theme,
    color: Color32,
    name: &'a str,
    selected: bool,
}

impl<'a> ColorSwatch<'a> {
    /// A swatch of `color`, read out as `name`.
    pub fn new(theme: &'a Theme, color: Color32, name: &'a str, selected: bool) -> Self {
        Self {
            theme,
            color,
            name,
            selected,
        }
    }
}

impl Widget for ColorSwatch<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let side = sizes.min_touch_pt;
        let (rect, response) = ui.allocate_exact_size(vec2(side, side), Sense::click());
        response.widget_info(|| {
            WidgetInfo::selected(egui::Role::RadioButton, true, self.selected, self.name)
        });
        if ui.is_rect_visible(rect) {
            let painter = ui.painter();
            let fill = if response.is_pointer_button_down_on() {
                colors.surface_pressed.color32()
            } else {
                colors.surface.color32()
            };
            painter.rect(
                rect,
                sizes.corner_radius_pt,
                fill,
                egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
                egui::StrokeKind::Inside,
            );
            painter.circle_filled(rect.center(), side * 0.3, self.color);
            if self.selected {
                // A thick ring in the accent colour, so the choice never depends on colour alone.
                painter.rect_stroke(
                    rect.shrink(sizes.stroke_pt),
                    sizes.corner_radius_pt,
                    egui::Stroke::new(sizes.accent_stroke_pt, colors.accent.color32()),
                    egui::StrokeKind::Inside,
                );
            }
        }
        response
    }
}
