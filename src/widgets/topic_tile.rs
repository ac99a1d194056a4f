//! A home-screen tile for one topic: number, title and a short line, all one big touch target.

use std::sync::Arc;

use egui::{FontFamily, FontId, Galley, Response, Sense, Ui, Widget, WidgetInfo, pos2, vec2};

use crate::theme::{Theme, bold_font};

/// A big tappable tile.
pub struct TopicTile<'a> {
    number: usize,
    icon: Option<&'a egui::TextureHandle>,
    title: &'a str,
    subtitle: &'a str,
    width_pt: f32,
    height_pt: f32,
    theme: &'a Theme,
}

impl<'a> TopicTile<'a> {
    /// A tile showing `number`, `title` and `subtitle`, `width_pt` wide and at least
    /// `height_pt` high.
    pub fn new(
        theme: &'a Theme,
        number: usize,
        title: &'a str,
        subtitle: &'a str,
        width_pt: f32,
        height_pt: f32,
    ) -> Self {
        Self {
            number,
            icon: None,
            title,
            subtitle,
            width_pt,
            height_pt,
            theme,
        }
    }

    /// A picture in place of the number, if the topic has one.
    pub fn icon(mut self, icon: Option<&'a egui::TextureHandle>) -> Self {
        self.icon = icon;
        self
    }

    /// At least this high, e.g. the height of the tallest tile in its row.
    pub fn min_height(mut self, height_pt: f32) -> Self {
        self.height_pt = height_pt;
        self
    }

    /// The height the tile needs for its words at this width, so a row can share one height.
    pub fn needed_height(&self, ui: &Ui) -> f32 {
        let (title, subtitle) = self.galleys(ui);
        let sizes = &self.theme.sizes;
        (2.0 * sizes.card_padding_pt
            + title.size().y
            + sizes.item_spacing_pt / 2.0
            + subtitle.size().y)
            .max(sizes.tile_min_height_pt)
    }

    fn badge_side(&self) -> f32 {
        self.theme.sizes.min_touch_pt
    }

    fn galleys(&self, ui: &Ui) -> (Arc<Galley>, Arc<Galley>) {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let text_width = (self.width_pt - 3.0 * sizes.card_padding_pt - self.badge_side())
            .max(sizes.min_touch_pt);
        let painter = ui.painter();
        let title = painter.layout(
            self.title.to_owned(),
            bold_font(sizes.tile_title_pt),
            colors.text.color32(),
            text_width,
        );
        let subtitle = painter.layout(
            self.subtitle.to_owned(),
            FontId::new(sizes.small_pt, FontFamily::Proportional),
            colors.text_muted.color32(),
            text_width,
        );
        (title, subtitle)
    }
}

impl Widget for TopicTile<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let height = self.needed_height(ui).max(self.height_pt);
        let (rect, response) = ui.allocate_exact_size(vec2(self.width_pt, height), Sense::click());
        response
            .widget_info(|| WidgetInfo::labeled(egui::Role::Button, ui.is_enabled(), self.title));

        if ui.is_rect_visible(rect) {
            let (title, subtitle) = self.galleys(ui);
            let pressed = response.is_pointer_button_down_on();
            let fill = if pressed {
                colors.surface_pressed
            } else {
                colors.surface
            };
            let painter = ui.painter();
            painter.rect(
                rect,
                sizes.corner_radius_pt,
                fill.color32(),
                egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
                egui::StrokeKind::Inside,
            );
            let pad = sizes.card_padding_pt;
            let badge = egui::Rect::from_min_size(
                pos2(rect.left() + pad, rect.top() + pad),
                egui::Vec2::splat(self.badge_side()),
            );
            match self.icon {
                Some(icon) => {
                    // Keep the picture's shape inside the badge square.
                    let [w, h] = icon.size().map(|side| side.max(1) as f32);
                    let scale = (badge.width() / w).min(badge.height() / h);
                    let fitted = egui::Rect::from_center_size(badge.center(), vec2(w, h) * scale);
                    egui::Image::from_texture(icon).paint_at(ui, fitted);
                }
                None => {
                    painter.circle_filled(
                        badge.center(),
                        badge.width() / 2.0,
                        colors.accent.color32(),
                    );
                    painter.text(
                        badge.center(),
                        egui::Align2::CENTER_CENTER,
                        self.number.to_string(),
                        bold_font(sizes.tile_title_pt),
                        colors.on_accent.color32(),
                    );
                }
            }
            let text_left = badge.right() + pad;
            let title_height = title.size().y;
            painter.galley(
                pos2(text_left, rect.top() + pad),
                title,
                colors.text.color32(),
            );
            painter.galley(
                pos2(
                    text_left,
                    rect.top() + pad + title_height + sizes.item_spacing_pt / 2.0,
                ),
                subtitle,
                colors.text_muted.color32(),
            );
        }
        response
    }
}
