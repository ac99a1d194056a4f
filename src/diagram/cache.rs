//! Tessellated diagrams kept between frames: re-tessellated only when a diagram's size
//! changes, moved only when its place changes, and otherwise painted as they are.

use std::collections::HashMap;
use std::sync::Arc;

use egui::Pos2;
use egui::epaint::Mesh;

use super::geometry::tessellate;
use crate::content::diagram::Diagram;
use crate::theme::DiagramTokens;

/// One diagram's triangles at one size and place.
struct Placed {
    scale: Option<f32>,
    origin: Option<Pos2>,
    layers: Vec<Mesh>,
    placed: Vec<Arc<Mesh>>,
}

/// Diagram triangles by diagram id.
#[derive(Default)]
pub struct DiagramCache {
    diagrams: HashMap<String, Placed>,
}

impl DiagramCache {
    /// Each layer's triangles for `diagram` drawn at `scale` points per unit with its top-left
    /// corner at `origin`, in layer order.
    pub fn layers(
        &mut self,
        diagram: &Diagram,
        tokens: &DiagramTokens,
        scale: f32,
        origin: Pos2,
    ) -> &[Arc<Mesh>] {
        let entry = self
            .diagrams
            .entry(diagram.id.clone())
            .or_insert_with(|| Placed {
                scale: None,
                origin: None,
                layers: Vec::new(),
                placed: Vec::new(),
            });
        if entry.scale != Some(scale) {
            entry.layers = tessellate(diagram, tokens, scale);
            entry.scale = Some(scale);
            entry.origin = None;
        }
        if entry.origin != Some(origin) {
            entry.placed = entry
                .layers
                .iter()
                .map(|layer| {
                    let mut mesh = layer.clone();
                    mesh.translate(origin.to_vec2());
                    Arc::new(mesh)
                })
                .collect();
            entry.origin = Some(origin);
        }
        &entry.placed
    }
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
        let first = Arc::clone(&cache.layers(&diagram, &tokens, 2.0, Pos2::ZERO)[0]);
        let again = Arc::clone(&cache.layers(&diagram, &tokens, 2.0, Pos2::ZERO)[0]);
        assert!(
            Arc::ptr_eq(&first, &again),
            "the same size and place must reuse the triangles"
        );

        let moved = Arc::clone(&cache.layers(&diagram, &tokens, 2.0, Pos2::new(100.0, 50.0))[0]);
        assert!(!Arc::ptr_eq(&first, &moved));
        assert_eq!(moved.vertices.len(), first.vertices.len());
        assert_eq!(
            moved.vertices[0].pos,
            first.vertices[0].pos + egui::vec2(100.0, 50.0)
        );

        let bigger = Arc::clone(&cache.layers(&diagram, &tokens, 4.0, Pos2::ZERO)[0]);
        let width = |mesh: &Mesh| mesh.calc_bounds().width();
        assert!((width(&bigger) - 2.0 * width(&first)).abs() < tokens.line_pt + 0.5);
    }
}
