//! A card of consultation mode's index: a page by its title, or a diagram by the name a
//! clinician knows it by, with room at its top for a thumbnail (drawn by the screen). One big
//! touch target.

use std::sync::Arc;

use egui::{Galley, Rect, Response, Sense, Ui, Widget, WidgetInfo, vec2};

use crate::theme::{Theme, bold_font};

/// A tappable card of the index.
pub struct IndexCard<'a> {
    theme: &'a Theme,
    name: &'a str,
    width_pt: f32,
    /// The height kept at the top for a thumbnail (0: none).
    picture_pt: f32,
    /// At least this high (so a row of cards can share one height).
    min_height_pt: f32,
}

impl<'a> IndexCard<'a> {
    /// A card named `name`, `width_pt` wide.
    pub fn new(theme: &'a Theme, name: &'a str, width_pt: f32) -> Self {
        Self {
            theme,
            name,
            width_pt,
            picture_pt: 0.0,
            min_height_pt: 0.0,
        }
    }

    /// Keeps `height_pt` at the top for a thumbnail (see [`Self::picture_rect`]).
    pub fn picture_space(mut self, height_pt: f32) -> Self {
        self.picture_pt = height_pt;
        self
    }

    /// At least this high.
    pub fn min_height(mut self, height_pt: f32) -> Self {
        self.min_height_pt = height_pt;
        self
    }

    /// Where the thumbnail goes in a card drawn at `rect` with `height_pt` kept for it.
    pub fn picture_rect(theme: &Theme, rect: Rect, height_pt: f32) -> Rect {
        let pad = theme.sizes.card_padding_pt / 2.0;
        Rect::from_min_size(
            rect.min + vec2(pad, pad),
            vec2(rect.width() - 2.0 * pad, height_pt),
        )
    }

    /// The height the card needs at its width.
    pub fn needed_height(&self, ui: &Ui) -> f32 {
        let sizes = &self.theme.sizes;
        let words = self.galley(ui).size().y;
        let picture = if self.picture_pt > 0.0 {
            self.picture_pt + sizes.item_spacing_pt / 2.0
        } else {
            0.0
        };
        (sizes.card_padding_pt * 1.5 + picture + words)
            .max(sizes.min_touch_pt)
            .max(self.min_height_pt)
    }

    fn galley(&self, ui: &Ui) -> Arc<Galley> {
        let sizes = &self.theme.sizes;
        let wrap = self.width_pt - 2.0 * sizes.card_padding_pt;
        ui.painter().layout(
            self.name.to_owned(),
            bold_font(sizes.small_pt),
            self.theme.colors.text.color32(),
            wrap.max(1.0),
        )
    }
}

impl Widget for IndexCard<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let height = self.needed_height(ui);
        let (rect, response) = ui.allocate_exact_size(vec2(self.width_pt, height), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, self.name));
        if !ui.is_rect_visible(rect) {
            return response;
        }
        let painter = ui.painter();
        let fill = if response.is_pointer_button_down_on() {
            colors.key_fact
        } else {
            colors.surface
        };
        painter.rect(
            rect,
            sizes.corner_radius_pt,
            fill.color32(),
            egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
            egui::StrokeKind::Inside,
        );
        let galley = self.galley(ui);
        let top = if self.picture_pt > 0.0 {
            rect.top() + sizes.card_padding_pt / 2.0 + self.picture_pt + sizes.item_spacing_pt / 2.0
        } else {
            rect.center().y - galley.size().y / 2.0
        };
        let at = egui::pos2(rect.left() + sizes.card_padding_pt, top);
        painter.galley(at, galley, colors.text.color32());
        response
    }
}
