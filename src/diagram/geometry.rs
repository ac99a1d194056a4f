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
/// layer, in layer order, in points from the diagram's top-left corner (labels, pictures and
/// dot grids are drawn separately).
pub fn tessellate(diagram: &Diagram, tokens: &DiagramTokens, scale: f32) -> Vec<Mesh> {
    let mut builder = MeshBuilder::new(tokens, scale, None);
    diagram
        .layers
        .iter()
        .map(|layer| builder.layer(&layer.shapes))
        .collect()
}

/// The glow drawn under a highlighted layer: every outline of `shapes` (filled-only shapes
/// too) stroked wide in `color`, at `scale` points per unit. Labels and dot grids get none.
pub fn tessellate_halo(
    shapes: &[Shape],
    tokens: &DiagramTokens,
    scale: f32,
    color: Color32,
) -> Mesh {
    MeshBuilder::new(tokens, scale, Some(color)).layer(shapes)
}

struct MeshBuilder<'a> {
    tokens: &'a DiagramTokens,
    scale: f32,
    line_pt: f32,
    /// Set when building a highlight glow instead of the drawing itself.
    halo: Option<Color32>,
    buffers: VertexBuffers<Vertex, u32>,
}

impl<'a> MeshBuilder<'a> {
    fn new(tokens: &'a DiagramTokens, scale: f32, halo: Option<Color32>) -> Self {
        let line_pt = match halo {
            Some(_) => tokens.glow_pt,
            None => tokens.line_pt,
        };
        Self {
            tokens,
            scale,
            line_pt,
            halo,
            buffers: VertexBuffers::new(),
        }
    }

    /// The triangles of `shapes`, as one mesh.
    fn layer(&mut self, shapes: &[Shape]) -> Mesh {
        for shape in shapes {
            if self.halo.is_some() && matches!(shape, Shape::Label { .. }) {
                continue;
            }
            self.shape(shape);
        }
        let buffers = std::mem::replace(&mut self.buffers, VertexBuffers::new());
        Mesh {
            vertices: buffers.vertices,
            indices: buffers.indices,
            ..Default::default()
        }
    }

    fn color(&self, token: &str) -> Color32 {
        // The validator has checked every name; magenta would show a slip at once.
        self.tokens.color(token).unwrap_or(Color32::MAGENTA)
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
            // Labels and their leader lines are placed and painted on screen by the view,
            // around the rings and one another.
            Shape::Label { .. } | Shape::Image { .. } => {}
            // Dot grids are painted into a picture instead (see `dot_grid`).
            Shape::DotGrid { .. } => {}
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
        if let Some(halo) = self.halo {
            self.stroke(path, halo);
            return;
        }
        if let Some(fill) = &paint.fill {
            self.fill(path, self.color(fill));
        }
        if let Some(stroke) = &paint.stroke {
            self.stroke(path, self.color(stroke));
        }
    }

    fn fill(&mut self, path: &Path, color: Color32) {
        if self.halo.is_some() {
            // A glow is made of outlines only (arrow heads included).
            return;
        }
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
        let color = self.halo.unwrap_or(color);
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

    fn concave_diagram() -> Diagram {
        Diagram {
            id: "concave".to_owned(),
            view_box: ViewBox {
                width: 100.0,
                height: 100.0,
            },
            layers: vec![Layer {
                id: "shapes".to_owned(),
                hidden: false,
                motion: None,
                shapes: vec![
                    Shape::Ellipse {
                        center: (70.0, 70.0),
                        radii: (20.0, 10.0),
                        paint: Paint {
                            fill: Some("disc".to_owned()),
                            stroke: Some("outline".to_owned()),
                        },
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
        let layers = tessellate(&concave_diagram(), &tokens, scale);
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
        for token in ["disc", "outline", "bone"] {
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

    #[test]
    fn a_highlight_glow_outlines_every_filled_shape_wider_than_its_line() {
        let tokens = Theme::bundled().diagram;
        let diagram = concave_diagram();
        let glow = Color32::from_rgb(227, 155, 45);
        let halo = tessellate_halo(&diagram.layers[0].shapes, &tokens, 1.0, glow);
        assert!(halo.is_valid() && !halo.indices.is_empty());
        assert!(halo.vertices.iter().all(|v| v.color == glow));
        // The L has no outline of its own, yet glows; the glow reaches past its edge by half
        // the glow's width.
        let bounds = halo.calc_bounds();
        let reach = tokens.glow_pt / 2.0;
        assert!((bounds.min.x + reach).abs() < 0.5, "{bounds:?}");
        assert!((bounds.max.x - (90.0 + reach)).abs() < 0.5, "{bounds:?}");
    }
}
