//! The handout's pages as they will print, drawn small side by side under the handout's list:
//! lines of words as grey bars, boxes, rules, diagrams and pictures where they will be.

use egui::{Rect, Ui, pos2, vec2};

use super::ScreenContext;
use crate::handout::{Box4, HandoutPreview, PreviewShape};
use crate::theme::Rgb;

/// How wide each page is drawn, in points.
const PAGE_WIDTH_PT: f32 = 220.0;

/// A heading with the number of pages, then every page, in rows.
pub fn preview_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, preview: &HandoutPreview) {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let words = &screen.language.interface.consult;
    let title = words
        .preview
        .replace("{pages}", &preview.pages.len().to_string());
    ui.add_space(sizes.block_spacing_pt);
    let heading = super::text::text_ui(ui, theme, &title, sizes.body_pt, true);
    super::text::heading_in_tree(ui, &heading, &title, 2);
    let (paper_w, paper_h) = preview.paper_pt;
    let scale = PAGE_WIDTH_PT / paper_w.max(1.0);
    let size = vec2(PAGE_WIDTH_PT, paper_h * scale);
    let unpadded = super::thumbnail::unpadded(theme);
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = vec2(sizes.item_spacing_pt, sizes.item_spacing_pt);
        for (index, shapes) in preview.pages.iter().enumerate() {
            let footer = screen
                .language
                .interface
                .handout
                .page_footer(index + 1, preview.pages.len());
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &footer));
            if !ui.is_rect_visible(rect) {
                continue;
            }
            let on_page = |area: Box4| {
                Rect::from_min_size(
                    rect.min + vec2(area[0], area[1]) * scale,
                    vec2(area[2], area[3]) * scale,
                )
            };
            let painter = ui.painter_at(rect.expand(2.0));
            painter.rect(
                rect,
                2.0,
                egui::Color32::WHITE,
                egui::Stroke::new(sizes.stroke_pt, theme.colors.border.color32()),
                egui::StrokeKind::Outside,
            );
            for shape in shapes {
                match shape {
                    PreviewShape::Words { area, color } => {
                        let bar = on_page(*area);
                        painter.rect_filled(bar, 0.0, faded(*color));
                    }
                    PreviewShape::Rect { area, fill, stroke } => {
                        let area = on_page(*area);
                        if let Some(fill) = fill {
                            painter.rect_filled(area, 1.0, fill.color32());
                        }
                        if let Some(stroke) = stroke {
                            let line = egui::Stroke::new(0.5, stroke.color32());
                            painter.rect_stroke(area, 1.0, line, egui::StrokeKind::Inside);
                        }
                    }
                    PreviewShape::Line { ends, color } => {
                        let [a, b] = ends.map(|(x, y)| rect.min + vec2(x, y) * scale);
                        painter.line_segment([a, b], egui::Stroke::new(0.5, color.color32()));
                    }
                    PreviewShape::Diagram { id, step, area } => {
                        if let Some(diagram) = screen.deck.diagrams.get(id) {
                            let drawing = (diagram, *step);
                            let at = on_page(*area);
                            super::thumbnail::thumbnail_ui(
                                ui,
                                screen,
                                &unpadded,
                                drawing,
                                (at, true),
                            );
                        }
                    }
                    PreviewShape::Picture { path, area } => {
                        let max_side_px = sizes.texture_max_side_px;
                        let at = on_page(*area);
                        match screen.images.texture(ui.ctx(), path, max_side_px) {
                            Some(texture) => {
                                let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
                                painter.image(texture.id(), at, uv, egui::Color32::WHITE);
                            }
                            None => {
                                painter.rect_filled(at, 1.0, theme.colors.placeholder.color32());
                            }
                        }
                    }
                    PreviewShape::Qr { area } => {
                        let at = on_page(*area);
                        painter.rect_filled(at, 0.0, egui::Color32::WHITE);
                        painter.rect_stroke(
                            at.shrink(at.width() * 0.1),
                            0.0,
                            egui::Stroke::new(at.width() * 0.08, theme.colors.text.color32()),
                            egui::StrokeKind::Inside,
                        );
                    }
                }
            }
        }
    });
}

/// A colour of words, lighter: a bar stands for a line of words, not their ink.
fn faded(color: Rgb) -> egui::Color32 {
    color.color32().gamma_multiply(0.45)
}
