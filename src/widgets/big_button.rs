//! A big, flat button for fingers: at least the token touch size, pressed colour while down,
//! nothing shown on hover.

use egui::{Align2, Response, Sense, Ui, Vec2, Widget, WidgetInfo, vec2};

use super::Icon;
use crate::theme::{Theme, bold_font};

/// How prominent a button is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonKind {
    /// The main way forward (Next).
    Primary,
    /// Everything else (Back, Home, links).
    Secondary,
}

/// A big touch button with optional icon.
pub struct BigButton<'a> {
    label: &'a str,
    kind: ButtonKind,
    icon: Option<Icon>,
    icon_after: bool,
    min_width_pt: Option<f32>,
    selected: Option<(bool, egui::Role)>,
    text_pt: Option<f32>,
    accessible_label: Option<&'a str>,
    compact: bool,
    theme: &'a Theme,
}

impl<'a> BigButton<'a> {
    /// A button with these words.
    pub fn new(theme: &'a Theme, label: &'a str, kind: ButtonKind) -> Self {
        Self {
            label,
            kind,
            icon: None,
            icon_after: false,
            min_width_pt: None,
            selected: None,
            text_pt: None,
            accessible_label: None,
            compact: false,
            theme,
        }
    }

    /// A choice that is on or off: drawn as a primary button when on, and reported to screen
    /// readers with `role` (`RadioButton` for one of several, `Switch` for on/off) and its state.
    pub fn selected(mut self, selected: bool, role: egui::Role) -> Self {
        self.selected = Some((selected, role));
        if selected {
            self.kind = ButtonKind::Primary;
        }
        self
    }

    /// An icon before the words.
    pub fn icon(mut self, icon: Icon) -> Self {
        self.icon = Some(icon);
        self
    }

    /// An icon after the words (for Next).
    pub fn icon_after(mut self, icon: Icon) -> Self {
        self.icon = Some(icon);
        self.icon_after = true;
        self
    }

    /// As low as a touch target may be (the minimum touch size) rather than the usual button
    /// height: for a button that shares a row with a figure's caption.
    pub fn compact(mut self) -> Self {
        self.compact = true;
        self
    }

    /// At least this wide.
    pub fn min_width(mut self, width_pt: f32) -> Self {
        self.min_width_pt = Some(width_pt);
        self
    }

    /// Its words at this size instead of the button text size.
    pub fn text_size(mut self, text_pt: f32) -> Self {
        self.text_pt = Some(text_pt);
        self
    }

    /// What screen readers say, when the visible words are not enough (a lone "A").
    pub fn accessible_label(mut self, label: &'a str) -> Self {
        self.accessible_label = Some(label);
        self
    }
}

impl BigButton<'_> {
    /// The button's words laid out, the room its icon takes, and its whole size, as drawn.
    fn layout(&self, ui: &Ui) -> (std::sync::Arc<egui::Galley>, f32, Vec2) {
        let sizes = &self.theme.sizes;
        let font = bold_font(self.text_pt.unwrap_or(sizes.button_text_pt));
        let padding = sizes.card_padding_pt;
        let icon_space = if self.icon.is_some() {
            self.icon_side() + sizes.item_spacing_pt
        } else {
            0.0
        };
        let text_width =
            (ui.available_width() - 2.0 * padding - icon_space).max(sizes.min_touch_pt);
        let galley = ui.painter().layout(
            self.label.to_owned(),
            font,
            self.theme.colors.text.color32(),
            text_width,
        );
        let min_width = self
            .min_width_pt
            .unwrap_or(sizes.button_min_width_pt)
            .max(sizes.min_touch_pt);
        let size = vec2(
            (galley.size().x + icon_space + 2.0 * padding).max(min_width),
            (galley.size().y + padding).max(if self.compact {
                sizes.min_touch_pt
            } else {
                sizes.button_height_pt
            }),
        );
        (galley, icon_space, size)
    }

    /// How big its icon is: as big as its words, as tall as two lines of them for words of
    /// more lines (the attract screen's cue, in every language).
    fn icon_side(&self) -> f32 {
        let text_pt = self.text_pt.unwrap_or(self.theme.sizes.button_text_pt);
        if self.label.contains('\n') {
            2.0 * text_pt
        } else {
            text_pt
        }
    }

    /// The size the button takes when added to `ui` (for laying out a row before drawing it).
    pub fn size(&self, ui: &Ui) -> Vec2 {
        self.layout(ui).2
    }
}

impl Widget for BigButton<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let icon_side = self.icon_side();
        let (galley, icon_space, size) = self.layout(ui);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click());
        response.widget_info(|| {
            let label = self.accessible_label.unwrap_or(self.label);
            match self.selected {
                Some((selected, role)) => {
                    WidgetInfo::selected(role, ui.is_enabled(), selected, label)
                }
                None => WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), label),
            }
        });

        if ui.is_rect_visible(rect) {
            let pressed = response.is_pointer_button_down_on();
            let (fill, text) = match (self.kind, pressed) {
                (ButtonKind::Primary, false) => (colors.accent, colors.on_accent),
                (ButtonKind::Primary, true) => (colors.accent_pressed, colors.on_accent),
                (ButtonKind::Secondary, false) => (colors.secondary, colors.on_secondary),
                (ButtonKind::Secondary, true) => (colors.secondary_pressed, colors.on_secondary),
            };
            let painter = ui.painter();
            painter.rect_filled(rect, sizes.corner_radius_pt, fill.color32());
            if self.kind == ButtonKind::Secondary {
                // The button's edge, so it stands out from the page in every look.
                painter.rect_stroke(
                    rect,
                    sizes.corner_radius_pt,
                    egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
                    egui::StrokeKind::Inside,
                );
            }
            let content = Vec2::new(galley.size().x + icon_space, galley.size().y);
            let start = rect.center() - content / 2.0;
            let (icon_x, text_x) = if self.icon_after {
                (start.x + galley.size().x + sizes.item_spacing_pt, start.x)
            } else {
                (start.x, start.x + icon_space)
            };
            if let Some(icon) = self.icon {
                let icon_rect = Align2::LEFT_CENTER
                    .anchor_size(egui::pos2(icon_x, rect.center().y), Vec2::splat(icon_side));
                icon.paint(painter, icon_rect, text.color32(), sizes.accent_stroke_pt);
            }
            painter.galley_with_override_text_color(
                egui::pos2(text_x, start.y),
                galley,
                text.color32(),
            );
        }
        response
    }
}
