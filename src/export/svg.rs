//! A diagram as inline SVG, drawn from the same model the kiosk paints: the layers shown at the
//! diagram's fullest step (a web page cannot step through it), with its labels in one language.

use std::fmt::Write as _;

use super::escape::escape_html;
use crate::content::diagram::{Anchor, Diagram, DiagramText, Paint, PathOp, Point, Shape};
use crate::theme::{Rgb, Theme};

/// `diagram` at its fullest step as an `<svg>` element that scales to its container, labelled
/// for screen readers with `alt`. Pictures inside diagrams (`Image` shapes) link to
/// `images/<file>`.
pub fn diagram_svg(
    diagram: &Diagram,
    words: Option<&DiagramText>,
    theme: &Theme,
    alt: &str,
) -> String {
    let painter = SvgPainter { theme, words };
    let (width, height) = (diagram.view_box.width, diagram.view_box.height);
    let mut out = format!(
        "<svg class=\"diagram\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\" \
         xmlns=\"http://www.w3.org/2000/svg\">",
        escape_html(alt)
    );
    let _ = write!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"{}\"/>",
        painter.color("paper")
    );
    let visible = diagram.visible_layers(diagram.fullest_step());
    let shapes: Vec<&Shape> = diagram
        .layers
        .iter()
        .zip(&visible)
        .filter(|(_, shown)| **shown)
        .flat_map(|(layer, _)| &layer.shapes)
        .collect();
    for shape in &shapes {
        painter.shape(&mut out, shape);
    }
    for shape in &shapes {
        painter.label(&mut out, shape);
    }
    out.push_str("</svg>");
    out
}

/// Writes shapes as SVG elements with the theme's palette.
struct SvgPainter<'a> {
    theme: &'a Theme,
    words: Option<&'a DiagramText>,
}

impl SvgPainter<'_> {
    /// A palette colour as `#RRGGBB`; magenta shows a name the palette lacks.
    fn color(&self, token: &str) -> String {
        let Rgb([r, g, b]) = self
            .theme
            .diagram
            .colors
            .get(token)
            .copied()
            .unwrap_or(Rgb([0xFF, 0x00, 0xFF]));
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// The `fill` and `stroke` attributes of a paint.
    fn paint(&self, paint: &Paint) -> String {
        let fill = paint
            .fill
            .as_deref()
            .map_or_else(|| "none".to_owned(), |token| self.color(token));
        match &paint.stroke {
            Some(stroke) => format!(
                "fill=\"{fill}\" stroke=\"{}\" stroke-width=\"{}\" stroke-linejoin=\"round\"",
                self.color(stroke),
                self.theme.diagram.line_pt
            ),
            None => format!("fill=\"{fill}\""),
        }
    }

    fn line(&self, token: &str) -> String {
        format!(
            "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\" stroke-linecap=\"round\" stroke-linejoin=\"round\"",
            self.color(token),
            self.theme.diagram.line_pt
        )
    }

    fn shape(&self, out: &mut String, shape: &Shape) {
        match shape {
            Shape::Path { ops, paint } => {
                let _ = write!(
                    out,
                    "<path d=\"{}\" {}/>",
                    path_data(ops),
                    self.paint(paint)
                );
            }
            Shape::Rect {
                min,
                size,
                radius,
                paint,
            } => {
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{radius}\" {}/>",
                    min.0,
                    min.1,
                    size.0,
                    size.1,
                    self.paint(paint)
                );
            }
            Shape::Ellipse {
                center,
                radii,
                paint,
            } => {
                let _ = write!(
                    out,
                    "<ellipse cx=\"{}\" cy=\"{}\" rx=\"{}\" ry=\"{}\" {}/>",
                    center.0,
                    center.1,
                    radii.0,
                    radii.1,
                    self.paint(paint)
                );
            }
            Shape::Polyline { points, stroke } => {
                let _ = write!(
                    out,
                    "<polyline points=\"{}\" {}/>",
                    point_list(points),
                    self.line(stroke)
                );
            }
            Shape::Arrow { from, to, stroke } => self.arrow(out, *from, *to, stroke),
            Shape::Label {
                at,
                leader: Some(end),
                ..
            } => {
                let _ = write!(
                    out,
                    "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>\
                     <circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\"/>",
                    at.0,
                    at.1,
                    end.0,
                    end.1,
                    self.line("leader"),
                    end.0,
                    end.1,
                    self.theme.diagram.line_pt * 1.5,
                    self.color("leader")
                );
            }
            Shape::Label { leader: None, .. } => {}
            Shape::Image { file, min, size } => {
                let _ = write!(
                    out,
                    "<image href=\"images/{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
                    escape_html(file),
                    min.0,
                    min.1,
                    size.0,
                    size.1
                );
            }
            Shape::DotGrid { .. } => self.dot_grid(out, shape),
        }
    }

    fn arrow(&self, out: &mut String, from: Point, to: Point, token: &str) {
        let line = self.theme.diagram.line_pt;
        let _ = write!(
            out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {}/>",
            from.0,
            from.1,
            to.0,
            to.1,
            self.line(token)
        );
        let length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
        if length < 1e-3 {
            return;
        }
        let (dx, dy) = ((to.0 - from.0) / length, (to.1 - from.1) / length);
        let size = line * 4.0;
        let (bx, by) = (to.0 - dx * size, to.1 - dy * size);
        let (sx, sy) = (-dy * size * 0.6, dx * size * 0.6);
        let _ = write!(
            out,
            "<polygon points=\"{},{} {},{} {},{}\" fill=\"{}\"/>",
            to.0,
            to.1,
            bx + sx,
            by + sy,
            bx - sx,
            by - sy,
            self.color(token)
        );
    }

    /// Every dot a circle; marked dots larger, as on screen.
    fn dot_grid(&self, out: &mut String, shape: &Shape) {
        let Some(grid) = shape.as_dot_grid() else {
            return;
        };
        // The SVG scales with the browser window, so there is no point size to keep it above.
        let marked_radius = self.theme.diagram.marked_dot_radius(grid.radius, 0.0);
        for layer in grid.layers(grid.radius, marked_radius) {
            let _ = write!(out, "<g fill=\"{}\">", self.color(layer.fill));
            for (x, y) in layer.centers {
                let radius = layer.radius;
                let _ = write!(out, "<circle cx=\"{x}\" cy=\"{y}\" r=\"{radius}\"/>");
            }
            out.push_str("</g>");
        }
    }

    /// A label's words, one `<tspan>` a line, centred on its point's height.
    fn label(&self, out: &mut String, shape: &Shape) {
        let Shape::Label {
            text, at, anchor, ..
        } = shape
        else {
            return;
        };
        let Some(words) = self.words.and_then(|words| words.labels.get(text)) else {
            return;
        };
        let anchor = match anchor {
            Anchor::Left => "start",
            Anchor::Center => "middle",
            Anchor::Right => "end",
        };
        let size = self.theme.diagram.label_pt;
        let lines: Vec<&str> = words.lines().collect();
        let first_dy = -(lines.len().saturating_sub(1) as f32) * size * 1.2 / 2.0 + size * 0.35;
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" text-anchor=\"{anchor}\" fill=\"{}\" \
             stroke=\"{}\" stroke-width=\"6\" paint-order=\"stroke\" stroke-linejoin=\"round\">",
            at.0,
            at.1,
            self.color("label"),
            self.color("paper")
        );
        for (index, line) in lines.iter().enumerate() {
            let dy = if index == 0 { first_dy } else { size * 1.2 };
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
                at.0,
                escape_html(line)
            );
        }
        out.push_str("</text>");
    }
}

/// A path's outline as SVG path data.
fn path_data(ops: &[PathOp]) -> String {
    let mut data = String::new();
    for op in ops {
        let _ = match *op {
            PathOp::Move(p) => write!(data, "M{} {} ", p.0, p.1),
            PathOp::Line(p) => write!(data, "L{} {} ", p.0, p.1),
            PathOp::Quad(c, p) => write!(data, "Q{} {} {} {} ", c.0, c.1, p.0, p.1),
            PathOp::Cubic(a, b, p) => {
                write!(data, "C{} {} {} {} {} {} ", a.0, a.1, b.0, b.1, p.0, p.1)
            }
            PathOp::Close => write!(data, "Z "),
        };
    }
    data.trim_end().to_owned()
}

/// Points as `x,y x,y ...`.
fn point_list(points: &[Point]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ")
}
