//! A diagram on a page: scaled to fit, centred on a card, with its labels in the patient's
//! language. Screen readers get the figure's description as an image.

use egui::{Align2, Rect, Response, Sense, Ui, WidgetInfo, pos2, vec2};

use super::DiagramCache;
use crate::content::diagram::{Anchor, Diagram, DiagramText, Region, Shape};
use crate::theme::Theme;

/// What a tap on a diagram asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HotspotTap {
    /// Open this hotspot, or close it if it is open.
    Toggle(String),
    /// Close the open hotspot (a tap on the diagram away from every hotspot).
    Close,
}

/// Draws `diagram` as wide as the page allows and at most `max_height_pt` high, with a
/// tappable marker on every hotspot; `open` is the hotspot whose explanation is showing.
#[expect(
    clippy::too_many_arguments,
    reason = "one drawing call; each argument is needed"
)]
pub fn diagram_ui(
    ui: &mut Ui,
    theme: &Theme,
    diagram: &Diagram,
    words: Option<&DiagramText>,
    cache: &mut DiagramCache,
    alt: &str,
    max_height_pt: f32,
    open: Option<&str>,
) -> (Response, Option<HotspotTap>) {
    let sizes = &theme.sizes;
    let tokens = &theme.diagram;
    let view = diagram.view_box;
    let width = ui.available_width();
    let pad = sizes.card_padding_pt;
    let scale = ((width - 2.0 * pad) / view.width).min((max_height_pt - 2.0 * pad) / view.height);
    let scale = scale.max(0.01);
    let drawing = vec2(view.width, view.height) * scale;
    let sense = if diagram.hotspots.is_empty() {
        Sense::hover()
    } else {
        Sense::click()
    };
    let (rect, response) = ui.allocate_exact_size(vec2(width, drawing.y + 2.0 * pad), sense);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, alt));
    let mut tap = (response.clicked() && open.is_some()).then_some(HotspotTap::Close);
    if !ui.is_rect_visible(rect) {
        return (response, tap);
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

    let color = |name: &str, fallback: egui::Color32| {
        tokens
            .colors
            .get(name)
            .map_or(fallback, |rgb| rgb.color32())
    };
    let accent = color("accent", theme.colors.accent.color32());
    let highlight = color("highlight", accent);
    let line = tokens.line_pt;
    for hotspot in &diagram.hotspots {
        let region = match hotspot.region {
            Region::Circle((x, y), r) => {
                Rect::from_center_size(origin + vec2(x, y) * scale, vec2(2.0 * r, 2.0 * r) * scale)
            }
            Region::Rect((x, y), (w, h)) => {
                Rect::from_min_size(origin + vec2(x, y) * scale, vec2(w, h) * scale)
            }
        };
        let center = region.center();
        // However small the part looks, a finger gets at least the minimum touch area.
        let min_touch = vec2(sizes.min_touch_pt, sizes.min_touch_pt);
        let touch = Rect::from_center_size(center, region.size().max(min_touch));
        let title = words
            .and_then(|words| words.hotspots.get(&hotspot.id))
            .map_or(hotspot.id.as_str(), |text| text.title.as_str());
        let id = ui.scope_id().with(("hotspot", &diagram.id, &hotspot.id));
        let hotspot_response = ui.interact(touch, id, Sense::click());
        hotspot_response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, title));
        if hotspot_response.clicked() {
            tap = Some(HotspotTap::Toggle(hotspot.id.clone()));
        }
        let is_open = open == Some(hotspot.id.as_str());
        if is_open {
            let stroke = egui::Stroke::new(2.0 * line, highlight);
            match hotspot.region {
                Region::Circle(..) => {
                    painter.circle_stroke(center, region.width() / 2.0, stroke);
                }
                Region::Rect(..) => {
                    painter.rect_stroke(region, 8.0, stroke, egui::StrokeKind::Outside);
                }
            }
        }
        // Every hotspot shows a marker, so nothing depends on hovering to find it.
        let marker = sizes.min_touch_pt * 0.22;
        let fill = if is_open { highlight } else { paper(theme) };
        painter.circle(center, marker, fill, egui::Stroke::new(line, accent));
        painter.circle_filled(center, marker * 0.35, accent);
    }
    (response, tap)
}

/// The card behind a diagram.
fn paper(theme: &Theme) -> egui::Color32 {
    theme
        .diagram
        .colors
        .get("paper")
        .map_or(theme.colors.surface.color32(), |rgb| rgb.color32())
}
