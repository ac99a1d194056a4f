//! Diagram shapes turned into triangles once per size, with lyon (filled outlines may be any
//! shape, concave included, which egui's own polygon fill cannot do).

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2};
use lyon_tessellation::math::{Angle, Box2D, Vector, point};
use lyon_tessellation::path::builder::BorderRadii;
use lyon_tessellation::path::{Path, Winding};
use lyon_tessellation::{
    BuffersBuilder, FillOptions, FillTessellator, FillVertex, StrokeOptions, StrokeTessellator,
    StrokeVertex, VertexBuffers,
};

use crate::content::diagram::{Diagram, Paint, PathOp, Point, Shape};
use crate::theme::DiagramTokens;

/// How far (in points) curves may stray from their true shape.
const TOLERANCE_PT: f32 = 0.2;

/// Tessellates every layer of `diagram` at `scale` points per diagram unit: one mesh per
/// layer, in layer order, in points from the diagram's top-left corner (labels and pictures
/// are drawn separately).
pub fn tessellate(diagram: &Diagram, tokens: &DiagramTokens, scale: f32) -> Vec<Mesh> {
    let mut builder = MeshBuilder {
        tokens,
        scale,
        line_pt: tokens.line_pt,
        buffers: VertexBuffers::new(),
    };
    diagram
        .layers
        .iter()
        .map(|layer| {
            for shape in &layer.shapes {
                builder.shape(shape);
            }
            let buffers = std::mem::replace(&mut builder.buffers, VertexBuffers::new());
            Mesh {
                vertices: buffers.vertices,
                indices: buffers.indices,
                ..Default::default()
            }
        })
        .collect()
}

struct MeshBuilder<'a> {
    tokens: &'a DiagramTokens,
    scale: f32,
    line_pt: f32,
    buffers: VertexBuffers<Vertex, u32>,
}

impl MeshBuilder<'_> {
    fn color(&self, token: &str) -> Color32 {
        self.tokens
            .colors
            .get(token)
            .map_or(Color32::MAGENTA, |rgb| rgb.color32())
    }

    fn at(&self, (x, y): Point) -> lyon_tessellation::math::Point {
        point(x * self.scale, y * self.scale)
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Path { ops, paint } => {
                let path = self.path(ops);
                self.paint(&path, paint);
            }
            Shape::Rect {
                min,
                size,
                radius,
                paint,
            } => {
                let mut builder = Path::builder();
                let corner = self.at((min.0 + size.0, min.1 + size.1));
                builder.add_rounded_rectangle(
                    &Box2D::new(self.at(*min), corner),
                    &BorderRadii::new(radius * self.scale),
                    Winding::Positive,
                );
                self.paint(&builder.build(), paint);
            }
            Shape::Ellipse {
                center,
                radii,
                paint,
            } => {
                let mut builder = Path::builder();
                builder.add_ellipse(
                    self.at(*center),
                    Vector::new(radii.0 * self.scale, radii.1 * self.scale),
                    Angle::radians(0.0),
                    Winding::Positive,
                );
                self.paint(&builder.build(), paint);
            }
            Shape::Polyline { points, stroke } => {
                let ops: Vec<PathOp> = points
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| {
                        if i == 0 {
                            PathOp::Move(p)
                        } else {
                            PathOp::Line(p)
                        }
                    })
                    .collect();
                let path = self.path(&ops);
                self.stroke(&path, self.color(stroke));
            }
            Shape::Arrow { from, to, stroke } => self.arrow(*from, *to, self.color(stroke)),
            Shape::Label {
                at,
                leader: Some(end),
                ..
            } => {
                let path = self.path(&[PathOp::Move(*at), PathOp::Line(*end)]);
                self.stroke(&path, self.color("leader"));
                let mut dot = Path::builder();
                dot.add_circle(self.at(*end), self.line_pt * 1.5, Winding::Positive);
                self.fill(&dot.build(), self.color("leader"));
            }
            Shape::Label { leader: None, .. } | Shape::Image { .. } => {}
            Shape::DotGrid {
                origin,
                columns,
                rows,
                spacing,
                radius,
                fill,
                marked,
                marked_fill,
            } => {
                let mut plain = Path::builder();
                let mut special = Path::builder();
                for row in 0..*rows {
                    for column in 0..*columns {
                        let center = self.at((
                            origin.0 + column as f32 * spacing,
                            origin.1 + row as f32 * spacing,
                        ));
                        let builder = if marked.contains(&(column, row)) {
                            &mut special
                        } else {
                            &mut plain
                        };
                        builder.add_circle(center, radius * self.scale, Winding::Positive);
                    }
                }
                self.fill(&plain.build(), self.color(fill));
                // Marked dots are drawn larger, so one dot in ten thousand can be found.
                let mut halo = Path::builder();
                for &(column, row) in marked {
                    let center = self.at((
                        origin.0 + column as f32 * spacing,
                        origin.1 + row as f32 * spacing,
                    ));
                    halo.add_circle(
                        center,
                        (radius * self.scale * 3.0).max(6.0),
                        Winding::Positive,
                    );
                }
                self.fill(&halo.build(), self.color(marked_fill));
                self.fill(&special.build(), self.color(marked_fill));
            }
        }
    }

    fn path(&self, ops: &[PathOp]) -> Path {
        let mut builder = Path::builder();
        let mut open = false;
        for op in ops {
            match *op {
                PathOp::Move(p) => {
                    if open {
                        builder.end(false);
                    }
                    builder.begin(self.at(p));
                    open = true;
                }
                PathOp::Line(p) if open => {
                    builder.line_to(self.at(p));
                }
                PathOp::Quad(c, p) if open => {
                    builder.quadratic_bezier_to(self.at(c), self.at(p));
                }
                PathOp::Cubic(c1, c2, p) if open => {
                    builder.cubic_bezier_to(self.at(c1), self.at(c2), self.at(p));
                }
                PathOp::Close if open => {
                    builder.end(true);
                    open = false;
                }
                // Drawing before the first `Move` starts nowhere; it is skipped.
                PathOp::Line(_) | PathOp::Quad(..) | PathOp::Cubic(..) | PathOp::Close => {}
            }
        }
        if open {
            builder.end(false);
        }
        builder.build()
    }

    fn paint(&mut self, path: &Path, paint: &Paint) {
        if let Some(fill) = &paint.fill {
            self.fill(path, self.color(fill));
        }
        if let Some(stroke) = &paint.stroke {
            self.stroke(path, self.color(stroke));
        }
    }

    fn fill(&mut self, path: &Path, color: Color32) {
        let options = FillOptions::tolerance(TOLERANCE_PT);
        let mut output = BuffersBuilder::new(&mut self.buffers, |vertex: FillVertex<'_>| {
            vertex_at(vertex.position(), color)
        });
        // A path lyon cannot fill is drawn without that fill rather than failing the frame.
        if let Err(error) = FillTessellator::new().tessellate_path(path, &options, &mut output) {
            log::warn!("a diagram shape could not be filled: {error:?}");
        }
    }

    fn stroke(&mut self, path: &Path, color: Color32) {
        let options = StrokeOptions::tolerance(TOLERANCE_PT)
            .with_line_width(self.line_pt)
            .with_line_join(lyon_tessellation::LineJoin::Round)
            .with_line_cap(lyon_tessellation::LineCap::Round);
        let mut output = BuffersBuilder::new(&mut self.buffers, |vertex: StrokeVertex<'_, '_>| {
            vertex_at(vertex.position(), color)
        });
        if let Err(error) = StrokeTessellator::new().tessellate_path(path, &options, &mut output) {
            log::warn!("a diagram outline could not be drawn: {error:?}");
        }
    }

    fn arrow(&mut self, from: Point, to: Point, color: Color32) {
        let line = self.path(&[PathOp::Move(from), PathOp::Line(to)]);
        self.stroke(&line, color);
        let (tail, head) = (self.at(from), self.at(to));
        let direction = (head - tail).normalize();
        if !direction.x.is_finite() {
            return;
        }
        let size = self.line_pt * 4.0;
        let back = head - direction * size;
        let side = Vector::new(-direction.y, direction.x) * (size * 0.6);
        let mut builder = Path::builder();
        builder.begin(head + direction * (self.line_pt / 2.0));
        builder.line_to(back + side);
        builder.line_to(back - side);
        builder.end(true);
        self.fill(&builder.build(), color);
    }
}

fn vertex_at(position: lyon_tessellation::math::Point, color: Color32) -> Vertex {
    Vertex {
        pos: Pos2::new(position.x, position.y),
        uv: WHITE_UV,
        color,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::diagram::{Layer, ViewBox};
    use crate::theme::Theme;

    fn grid_diagram() -> Diagram {
        Diagram {
            id: "grid".to_owned(),
            view_box: ViewBox {
                width: 100.0,
                height: 100.0,
            },
            layers: vec![Layer {
                id: "dots".to_owned(),
                hidden: false,
                shapes: vec![
                    Shape::DotGrid {
                        origin: (5.0, 5.0),
                        columns: 10,
                        rows: 10,
                        spacing: 10.0,
                        radius: 3.0,
                        fill: "dot".to_owned(),
                        marked: vec![(4, 7)],
                        marked_fill: "dot_marked".to_owned(),
                    },
                    Shape::Path {
                        // A concave "L": egui's own polygon fill would draw it wrong.
                        ops: vec![
                            PathOp::Move((0.0, 0.0)),
                            PathOp::Line((40.0, 0.0)),
                            PathOp::Line((40.0, 10.0)),
                            PathOp::Line((10.0, 10.0)),
                            PathOp::Line((10.0, 40.0)),
                            PathOp::Line((0.0, 40.0)),
                            PathOp::Close,
                        ],
                        paint: Paint {
                            fill: Some("bone".to_owned()),
                            stroke: None,
                        },
                    },
                ],
            }],
            hotspots: Vec::new(),
            steps: Vec::new(),
        }
    }

    #[test]
    fn shapes_become_triangles_inside_the_scaled_view_box_in_token_colours() {
        let tokens = Theme::bundled().diagram;
        let scale = 3.0;
        let layers = tessellate(&grid_diagram(), &tokens, scale);
        let mesh = &layers[0];
        assert!(mesh.is_valid());
        assert!(!mesh.indices.is_empty());
        let limit = 100.0 * scale + tokens.line_pt;
        assert!(
            mesh.vertices
                .iter()
                .all(|v| (0.0..=limit).contains(&v.pos.x) && (0.0..=limit).contains(&v.pos.y))
        );
        let colour = |name: &str| tokens.colors[name].color32();
        for token in ["dot", "dot_marked", "bone"] {
            assert!(
                mesh.vertices.iter().any(|v| v.color == colour(token)),
                "no {token} vertices"
            );
        }
        assert!(mesh.vertices.iter().all(|v| v.color != Color32::MAGENTA));
        // The concave L covers exactly its area: 40x10 + 10x30 = 700 square units.
        let bone = colour("bone");
        let area: f32 = mesh
            .indices
            .chunks(3)
            .map(|t| [0, 1, 2].map(|i| mesh.vertices[t[i] as usize]))
            .filter(|t| t.iter().all(|v| v.color == bone))
            .map(|[a, b, c]| {
                ((b.pos - a.pos).x * (c.pos - a.pos).y - (b.pos - a.pos).y * (c.pos - a.pos).x)
                    .abs()
                    / 2.0
            })
            .sum();
        assert!(
            (area / (scale * scale) - 700.0).abs() < 1.0,
            "area {}",
            area / (scale * scale)
        );
    }
}
