//! Tessellated diagrams kept between frames: re-tessellated only when a diagram's size
//! changes, moved only when its place changes, and otherwise painted as they are.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::Mesh;
use egui::{Pos2, Rect, TextureHandle, TextureOptions};

use super::dot_grid::rasterize;
use super::geometry::{tessellate, tessellate_halo};
use crate::content::diagram::Diagram;
use crate::theme::DiagramTokens;

/// One diagram's triangles at one size and place.
struct Placed {
    scale: Option<f32>,
    pixels_per_point: Option<f32>,
    origin: Option<Pos2>,
    layers: Vec<Mesh>,
    halos: Vec<Option<Mesh>>,
    /// Each layer's dot grids, as pictures and where they go in points from the top-left.
    grids: Vec<Vec<(TextureHandle, Rect)>>,
    placed: PlacedMeshes,
}

/// A diagram's triangles ready to paint, in layer order.
#[derive(Default)]
pub struct PlacedMeshes {
    /// Each layer's drawing.
    pub layers: Vec<Arc<Mesh>>,
    /// Each layer's highlight glow, for the layers a hotspot or step can highlight.
    pub halos: Vec<Option<Arc<Mesh>>>,
    /// Each layer's dot grids: pictures and where they go on screen, drawn over the layer.
    pub grids: Vec<Vec<(TextureHandle, Rect)>>,
}

/// Diagram triangles by diagram id.
#[derive(Default)]
pub struct DiagramCache {
    diagrams: HashMap<String, Placed>,
}

impl DiagramCache {
    /// Each layer's triangles (and highlight glow and dot grids) for `diagram` drawn at
    /// `scale` points per unit with its top-left corner at `origin`. Dot-grid pictures are made
    /// for `ctx`'s pixel density and at most `max_side_px` wide or high.
    pub fn layers(
        &mut self,
        ctx: &egui::Context,
        diagram: &Diagram,
        tokens: &DiagramTokens,
        scale: f32,
        origin: Pos2,
        max_side_px: u32,
    ) -> &PlacedMeshes {
        let entry = self
            .diagrams
            .entry(diagram.id.clone())
            .or_insert_with(|| Placed {
                scale: None,
                pixels_per_point: None,
                origin: None,
                layers: Vec::new(),
                halos: Vec::new(),
                grids: Vec::new(),
                placed: PlacedMeshes::default(),
            });
        let pixels_per_point = ctx.pixels_per_point();
        if entry.scale != Some(scale) || entry.pixels_per_point != Some(pixels_per_point) {
            entry.grids = diagram
                .layers
                .iter()
                .enumerate()
                .map(|(layer_index, layer)| {
                    layer
                        .shapes
                        .iter()
                        .enumerate()
                        .filter_map(|(shape_index, shape)| {
                            let grid =
                                rasterize(shape, tokens, scale, pixels_per_point, max_side_px)?;
                            let name = format!("{}/{layer_index}/{shape_index}", diagram.id);
                            let texture =
                                ctx.load_texture(name, grid.image, TextureOptions::LINEAR);
                            let area = Rect::from_min_max(
                                (grid.area.min.to_vec2() * scale).to_pos2(),
                                (grid.area.max.to_vec2() * scale).to_pos2(),
                            );
                            Some((texture, area))
                        })
                        .collect()
                })
                .collect();
            entry.pixels_per_point = Some(pixels_per_point);
            entry.origin = None;
        }
        if entry.scale != Some(scale) {
            entry.layers = tessellate(diagram, tokens, scale);
            let glow = tokens.color("highlight").unwrap_or(egui::Color32::MAGENTA);
            entry.halos = diagram
                .layers
                .iter()
                .map(|layer| {
                    highlightable(diagram, &layer.id)
                        .then(|| tessellate_halo(&layer.shapes, tokens, scale, glow))
                })
                .collect();
            entry.scale = Some(scale);
            entry.origin = None;
        }
        if entry.origin != Some(origin) {
            let place = |mesh: &Mesh| {
                let mut mesh = mesh.clone();
                mesh.translate(origin.to_vec2());
                Arc::new(mesh)
            };
            entry.placed = PlacedMeshes {
                layers: entry.layers.iter().map(place).collect(),
                halos: entry
                    .halos
                    .iter()
                    .map(|halo| halo.as_ref().map(place))
                    .collect(),
                // Whole pixels, so the dots stay sharp.
                grids: entry
                    .grids
                    .iter()
                    .map(|grids| {
                        grids
                            .iter()
                            .map(|(texture, area)| {
                                let min = (origin + area.min.to_vec2()).to_vec2();
                                let min = (min * pixels_per_point).round() / pixels_per_point;
                                (
                                    texture.clone(),
                                    Rect::from_min_size(min.to_pos2(), area.size()),
                                )
                            })
                            .collect()
                    })
                    .collect(),
            };
            entry.origin = Some(origin);
        }
        &entry.placed
    }
}

/// Whether a hotspot or a step can highlight the layer `id`.
fn highlightable(diagram: &Diagram, id: &str) -> bool {
    let named = |layers: &[String]| layers.iter().any(|layer| layer == id);
    diagram
        .hotspots
        .iter()
        .any(|hotspot| named(&hotspot.layers))
        || diagram.steps.iter().any(|step| named(&step.highlight))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::diagram::{Layer, Paint, ViewBox};
    use crate::theme::Theme;

    #[test]
    fn geometry_is_reused_until_size_or_place_changes() {
        let tokens = Theme::bundled().diagram;
        let diagram = Diagram {
            id: "one".to_owned(),
            view_box: ViewBox {
                width: 10.0,
                height: 10.0,
            },
            layers: vec![Layer {
                id: "a".to_owned(),
                hidden: false,
                motion: None,
                shapes: vec![crate::content::diagram::Shape::Ellipse {
                    center: (5.0, 5.0),
                    radii: (4.0, 4.0),
                    paint: Paint {
                        fill: Some("bone".to_owned()),
                        stroke: Some("outline".to_owned()),
                    },
                }],
            }],
            hotspots: Vec::new(),
            steps: Vec::new(),
        };
        let mut cache = DiagramCache::default();
        let ctx = egui::Context::default();
        let first = Arc::clone(
            &cache
                .layers(&ctx, &diagram, &tokens, 2.0, Pos2::ZERO, 2048)
                .layers[0],
        );
        let again = Arc::clone(
            &cache
                .layers(&ctx, &diagram, &tokens, 2.0, Pos2::ZERO, 2048)
                .layers[0],
        );
        assert!(
            Arc::ptr_eq(&first, &again),
            "the same size and place must reuse the triangles"
        );

        let moved = Arc::clone(
            &cache
                .layers(&ctx, &diagram, &tokens, 2.0, Pos2::new(100.0, 50.0), 2048)
                .layers[0],
        );
        assert!(!Arc::ptr_eq(&first, &moved));
        assert_eq!(moved.vertices.len(), first.vertices.len());
        assert_eq!(
            moved.vertices[0].pos,
            first.vertices[0].pos + egui::vec2(100.0, 50.0)
        );

        let bigger = Arc::clone(
            &cache
                .layers(&ctx, &diagram, &tokens, 4.0, Pos2::ZERO, 2048)
                .layers[0],
        );
        let width = |mesh: &Mesh| mesh.calc_bounds().width();
        assert!((width(&bigger) - 2.0 * width(&first)).abs() < tokens.line_pt + 0.5);
    }
}
