//! A figure: a picture scaled to fit, or a labelled placeholder (a diagram not drawn yet, or a
//! picture that cannot be shown). Screen readers get its description as an image.

use egui::{FontFamily, FontId, Response, Sense, TextureHandle, Ui, Widget, WidgetInfo, vec2};

use crate::theme::Theme;

/// What a figure can show.
pub enum FigureContent<'a> {
    /// A loaded picture.
    Picture(&'a TextureHandle),
    /// A labelled box: the diagram's description until diagrams are drawn, or a picture's
    /// description with a note that it cannot be shown.
    Placeholder {
        /// An extra line above the description, if any.
        note: Option<&'a str>,
    },
}

/// A figure with its description.
pub struct Figure<'a> {
    content: FigureContent<'a>,
    alt: &'a str,
    max_height_pt: f32,
    theme: &'a Theme,
}

impl<'a> Figure<'a> {
    /// A figure described by `alt`.
    pub fn new(theme: &'a Theme, content: FigureContent<'a>, alt: &'a str) -> Self {
        Self {
            content,
            alt,
            max_height_pt: theme.sizes.figure_height_pt,
            theme,
        }
    }

    /// At most this high (pictures keep their shape within it).
    pub fn max_height(mut self, height_pt: f32) -> Self {
        self.max_height_pt = height_pt;
        self
    }
}

impl Widget for Figure<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let sizes = &self.theme.sizes;
        let colors = &self.theme.colors;
        let width = ui.available_width();
        let response = match self.content {
            FigureContent::Picture(texture) => {
                let [w, h] = texture.size().map(|side| side as f32);
                let scale = (width / w.max(1.0)).min(self.max_height_pt / h.max(1.0));
                let size = vec2(w, h) * scale;
                let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
                if ui.is_rect_visible(rect) {
                    egui::Image::from_texture(texture).paint_at(ui, rect);
                }
                response
            }
            FigureContent::Placeholder { note } => {
                let padding = sizes.card_padding_pt;
                let text = match note {
                    Some(note) => format!("{note}\n\n{}", self.alt),
                    None => self.alt.to_owned(),
                };
                let mut job = egui::text::LayoutJob::simple(
                    text,
                    FontId::new(sizes.body_pt, FontFamily::Proportional),
                    colors.text.color32(),
                    (width - 2.0 * padding).max(sizes.min_touch_pt),
                );
                job.halign = egui::Align::Center;
                let galley = ui.painter().layout_job(job);
                let height = (galley.size().y + 2.0 * padding).max(self.max_height_pt);
                let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
                if ui.is_rect_visible(rect) {
                    let painter = ui.painter();
                    painter.rect(
                        rect,
                        sizes.corner_radius_pt,
                        colors.placeholder.color32(),
                        egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
                        egui::StrokeKind::Inside,
                    );
                    // A centred layout job lays its lines out around x = 0.
                    let top = rect.center().y - galley.size().y / 2.0;
                    painter.galley(
                        egui::pos2(rect.center().x, top),
                        galley,
                        colors.text.color32(),
                    );
                }
                response
            }
        };
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, self.alt));
        response
    }
}
