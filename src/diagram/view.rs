//! A diagram on a page: scaled to fit, centred on a card, with its labels in the patient's
//! language. Screen readers get the figure's description as an image.

use egui::{Align2, Response, Sense, Ui, WidgetInfo, pos2, vec2};

use super::DiagramCache;
use crate::content::diagram::{Anchor, Diagram, DiagramText, Shape};
use crate::theme::Theme;

/// Draws `diagram` as wide as the page allows and at most `max_height_pt` high.
pub fn diagram_ui(
    ui: &mut Ui,
    theme: &Theme,
    diagram: &Diagram,
    words: Option<&DiagramText>,
    cache: &mut DiagramCache,
    alt: &str,
    max_height_pt: f32,
) -> Response {
    let sizes = &theme.sizes;
    let tokens = &theme.diagram;
    let view = diagram.view_box;
    let width = ui.available_width();
    let pad = sizes.card_padding_pt;
    let scale = ((width - 2.0 * pad) / view.width).min((max_height_pt - 2.0 * pad) / view.height);
    let scale = scale.max(0.01);
    let drawing = vec2(view.width, view.height) * scale;
    let (rect, response) =
        ui.allocate_exact_size(vec2(width, drawing.y + 2.0 * pad), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, alt));
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        sizes.corner_radius_pt,
        paper(theme),
        egui::Stroke::new(sizes.stroke_pt, theme.colors.border.color32()),
        egui::StrokeKind::Inside,
    );
    let origin = pos2(rect.center().x - drawing.x / 2.0, rect.top() + pad);
    let meshes = cache.layers(diagram, tokens, scale, origin);
    for (layer, mesh) in diagram.layers.iter().zip(meshes) {
        if !layer.hidden {
            painter.add(egui::Shape::Mesh(mesh.clone()));
        }
    }
    let label_color = tokens
        .colors
        .get("label")
        .map_or(theme.colors.text.color32(), |rgb| rgb.color32());
    for shape in diagram
        .layers
        .iter()
        .filter(|layer| !layer.hidden)
        .flat_map(|layer| &layer.shapes)
    {
        let Shape::Label {
            text, at, anchor, ..
        } = shape
        else {
            continue;
        };
        let Some(words) = words.and_then(|words| words.labels.get(text)) else {
            continue;
        };
        let galley = painter.layout_no_wrap(
            words.clone(),
            egui::FontId::proportional(tokens.label_pt),
            label_color,
        );
        let point = origin + vec2(at.0, at.1) * scale;
        let align = match anchor {
            Anchor::Left => Align2::LEFT_CENTER,
            Anchor::Center => Align2::CENTER_CENTER,
            Anchor::Right => Align2::RIGHT_CENTER,
        };
        let text_rect = align.anchor_size(point, galley.size());
        painter.rect_filled(
            text_rect.expand(4.0),
            6.0,
            paper(theme).gamma_multiply(0.85),
        );
        painter.galley(text_rect.min, galley, label_color);
    }
    response
}

/// The card behind a diagram.
fn paper(theme: &Theme) -> egui::Color32 {
    theme
        .diagram
        .colors
        .get("paper")
        .map_or(theme.colors.surface.color32(), |rgb| rgb.color32())
}
