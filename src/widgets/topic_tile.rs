//! A home-screen tile for one topic: number, title and a short line, all one big touch target;
//! room at its left for a picture (drawn by the screen) with the number in the top right
//! corner, "Start here" over the first topic's title, and a tick with "Seen" under a topic
//! already read in this visit. The picture and the words sit in the middle of its height.

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
    /// The side of the square kept at the top left for a picture (0: none).
    picture_pt: f32,
    /// Words over the title ("Start here"), if any.
    start_here: Option<&'a str>,
    /// The word under a topic seen in this visit ("Seen"), if it was.
    seen: Option<&'a str>,
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
            picture_pt: 0.0,
            start_here: None,
            seen: None,
        }
    }

    /// Keeps a square of `side_pt` at the left for a picture (see [`Self::picture_rect`]),
    /// the number in the tile's top right corner.
    pub fn picture_space(mut self, side_pt: f32) -> Self {
        self.picture_pt = side_pt;
        self
    }

    /// Where the picture goes in a tile drawn at `rect` with a picture space of `side_pt`: at
    /// its left, in the middle of its height.
    pub fn picture_rect(theme: &Theme, rect: egui::Rect, side_pt: f32) -> egui::Rect {
        let pad = theme.sizes.card_padding_pt;
        let top = (rect.center().y - side_pt / 2.0).max(rect.top() + pad);
        egui::Rect::from_min_size(pos2(rect.left() + pad, top), egui::Vec2::splat(side_pt))
    }

    /// The side of the number's circle at the top right corner of a tile with a picture
    /// (beside the picture, never on it); 0 without a picture (the number is the badge).
    pub fn corner_number_pt(theme: &Theme, picture_pt: f32) -> f32 {
        if picture_pt > 0.0 {
            theme.sizes.small_pt * 1.6
        } else {
            0.0
        }
    }

    /// `words` ("Start here") over the title: the topic to begin with.
    pub fn start_here(mut self, words: Option<&'a str>) -> Self {
        self.start_here = words;
        self
    }

    /// A tick and `word` ("Seen") under the words: read in this visit.
    pub fn seen(mut self, word: Option<&'a str>) -> Self {
        self.seen = word;
        self
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
            + self.extra_lines_height(ui)
            + title.size().y
            + sizes.item_spacing_pt / 2.0
            + subtitle.size().y)
            .max(sizes.tile_min_height_pt)
            .max(self.picture_pt + 2.0 * sizes.card_padding_pt)
    }

    /// The height of the "Start here" and "Seen" lines it shows.
    fn extra_lines_height(&self, ui: &Ui) -> f32 {
        let line = |words: Option<&str>| {
            words.map_or(0.0, |words| {
                self.mark_galley(ui, words).size().y + self.theme.sizes.item_spacing_pt / 2.0
            })
        };
        line(self.start_here) + line(self.seen)
    }

    fn mark_galley(&self, ui: &Ui, words: &str) -> Arc<Galley> {
        let sizes = &self.theme.sizes;
        ui.painter().layout(
            words.to_owned(),
            bold_font(sizes.small_pt),
            self.theme.colors.accent.color32(),
            self.text_width(),
        )
    }

    fn text_width(&self) -> f32 {
        let sizes = &self.theme.sizes;
        let corner = Self::corner_number_pt(self.theme, self.picture_pt);
        let corner = if corner > 0.0 {
            corner + sizes.item_spacing_pt
        } else {
            0.0
        };
        (self.width_pt - 3.0 * sizes.card_padding_pt - self.badge_side() - corner)
            .max(sizes.min_touch_pt)
    }

    /// The square at the top left: the number, or the picture with the number on its corner.
    fn badge_side(&self) -> f32 {
        self.theme.sizes.min_touch_pt.max(self.picture_pt)
    }

    fn galleys(&self, ui: &Ui) -> (Arc<Galley>, Arc<Galley>) {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let text_width = self.text_width();
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
        // Screen readers hear the marks after the name: "What is it?, button, Start here".
        if let Some(marks) = self.seen.or(self.start_here) {
            ui.ctx()
                .accesskit_node_builder(response.id, |node| node.set_description(marks));
        }

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
            let badge = Self::picture_rect(self.theme, rect, self.badge_side());
            let corner = Self::corner_number_pt(self.theme, self.picture_pt);
            if corner > 0.0 {
                // The number in a small circle at the top right, clear of the picture.
                let center = pos2(
                    rect.right() - pad - corner / 2.0,
                    rect.top() + pad + corner / 2.0,
                );
                painter.circle_filled(center, corner / 2.0, colors.accent.color32());
                painter.text(
                    center,
                    egui::Align2::CENTER_CENTER,
                    self.number.to_string(),
                    bold_font(sizes.small_pt),
                    colors.on_accent.color32(),
                );
            }
            match self.icon {
                Some(icon) => {
                    // Keep the picture's shape inside the badge square.
                    let [w, h] = icon.size().map(|side| side.max(1) as f32);
                    let scale = (badge.width() / w).min(badge.height() / h);
                    let fitted = egui::Rect::from_center_size(badge.center(), vec2(w, h) * scale);
                    egui::Image::from_texture(icon).paint_at(ui, fitted);
                }
                // The screen draws the picture in the badge.
                None if self.picture_pt > 0.0 => {}
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
            let words_height = self.extra_lines_height(ui)
                + title.size().y
                + sizes.item_spacing_pt / 2.0
                + subtitle.size().y;
            let mut top = (rect.center().y - words_height / 2.0).max(rect.top() + pad);
            if let Some(start) = self.start_here {
                let words = self.mark_galley(ui, start);
                let height = words.size().y;
                painter.galley(pos2(text_left, top), words, colors.accent.color32());
                top += height + sizes.item_spacing_pt / 2.0;
            }
            let title_height = title.size().y;
            painter.galley(pos2(text_left, top), title, colors.text.color32());
            let subtitle_top = top + title_height + sizes.item_spacing_pt / 2.0;
            let subtitle_height = subtitle.size().y;
            painter.galley(
                pos2(text_left, subtitle_top),
                subtitle,
                colors.text_muted.color32(),
            );
            if let Some(seen) = self.seen {
                let words = self.mark_galley(ui, seen);
                let line = words.size().y;
                let at = subtitle_top + subtitle_height + sizes.item_spacing_pt / 2.0;
                let tick = egui::Rect::from_min_size(pos2(text_left, at), egui::Vec2::splat(line));
                super::Icon::Check.paint(painter, tick, colors.accent.color32(), sizes.stroke_pt);
                painter.galley(
                    pos2(tick.right() + sizes.item_spacing_pt / 2.0, at),
                    words,
                    colors.accent.color32(),
                );
            }
        }
        response
    }
}
