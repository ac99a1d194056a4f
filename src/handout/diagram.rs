//! A diagram drawn into a handout as vector shapes, from the same model the screen draws, with
//! the clinician's ink on top.

use std::path::Path as FilePath;

use krilla::geom::PathBuilder;
use krilla::paint::FillRule;
use krilla::surface::Surface;

use super::area::Area;
use super::draw;
use super::face::Face;
use crate::content::diagram::{Anchor, Diagram, DiagramText, PathOp, Point, Shape};
use crate::ink::{Stroke, smooth};
use crate::theme::{Rgb, Theme};

/// Draws diagrams for one handout.
pub(crate) struct DiagramPainter<'a> {
    /// The design tokens: palette, line weight, label size, ink.
    pub theme: &'a Theme,
    /// The font of the labels.
    pub face: &'a Face,
    /// Where `Image` shapes' files are.
    pub images_dir: &'a FilePath,
}

/// Where a diagram lands on the page: its units scaled, then moved.
#[derive(Clone, Copy)]
struct Place {
    scale: f32,
    x_pt: f32,
    y_pt: f32,
}

/// The part of a diagram's own coordinates a handout shows: its view box, grown to take in
/// every stroke drawn on it (a stroke beside the drawing, as a finger may draw on the card's
/// margin on screen, is printed whole, not cut off at the drawing's edge).
pub(crate) fn drawn_box(diagram: &Diagram, strokes: &[Stroke]) -> Area {
    let (width, height) = (diagram.view_box.width, diagram.view_box.height);
    // Room for a stroke's width round its points, in the diagram's units.
    let margin = width.max(height) * 0.02;
    let points = strokes.iter().flat_map(|stroke| &stroke.points);
    let (mut left, mut top, mut right, mut bottom) = (0.0_f32, 0.0_f32, width, height);
    for &(x, y) in points.filter(|(x, y)| x.is_finite() && y.is_finite()) {
        left = left.min(x - margin);
        top = top.min(y - margin);
        right = right.max(x + margin);
        bottom = bottom.max(y + margin);
    }
    Area {
        x_pt: left,
        y_pt: top,
        width_pt: right - left,
        height_pt: bottom - top,
    }
}

impl Place {
    fn at(self, (x, y): Point) -> (f32, f32) {
        (self.x_pt + x * self.scale, self.y_pt + y * self.scale)
    }
}

impl DiagramPainter<'_> {
    /// Draws `diagram` at `step` fitted into `area` (centred, keeping its shape) on a paper
    /// card, with its labels in `words` and `strokes` on top, all clipped to the card. The
    /// card is the drawing grown to take in every stroke ([`drawn_box`]).
    pub fn paint(
        &self,
        surface: &mut Surface<'_>,
        diagram: &Diagram,
        words: Option<&DiagramText>,
        step: usize,
        area: Area,
        strokes: &[Stroke],
    ) {
        let paper = self.theme.handout.screen_to_paper;
        if diagram.view_box.width <= 0.0 || diagram.view_box.height <= 0.0 {
            return;
        }
        let drawn = drawn_box(diagram, strokes);
        let (width, height) = (drawn.width_pt, drawn.height_pt);
        let scale = (area.width_pt / width).min(area.height_pt / height);
        let card = Area {
            x_pt: area.x_pt + (area.width_pt - width * scale) / 2.0,
            y_pt: area.y_pt + (area.height_pt - height * scale) / 2.0,
            width_pt: width * scale,
            height_pt: height * scale,
        };
        let place = Place {
            scale,
            x_pt: card.x_pt - drawn.x_pt * scale,
            y_pt: card.y_pt - drawn.y_pt * scale,
        };
        let radius_pt = self.theme.sizes.corner_radius_pt * paper;
        let Some(card_path) = draw::rounded_rect_path(card, radius_pt) else {
            return;
        };
        draw::fill(surface, &card_path, self.color("paper"), 1.0);
        surface.push_clip_path(&card_path, &FillRule::NonZero);
        let visible = diagram.visible_layers(step);
        let shown = || {
            diagram
                .layers
                .iter()
                .zip(&visible)
                .filter(|(_, shown)| **shown)
                .flat_map(|(layer, _)| &layer.shapes)
        };
        for shape in shown() {
            self.shape(surface, place, shape);
        }
        for shape in shown() {
            self.label(surface, (place, card), shape, words);
        }
        for stroke in strokes {
            self.ink(surface, place, stroke);
        }
        surface.pop();
        let border = self.theme.colors.border;
        draw::stroke(
            surface,
            &card_path,
            border,
            self.theme.sizes.stroke_pt * paper,
        );
    }

    fn color(&self, token: &str) -> Rgb {
        // The validator has checked every name; magenta would show a slip at once.
        self.theme
            .diagram
            .colors
            .get(token)
            .copied()
            .unwrap_or(Rgb([0xFF, 0x00, 0xFF]))
    }

    fn line_pt(&self) -> f32 {
        self.theme.diagram.line_pt * self.theme.handout.screen_to_paper
    }

    fn shape(&self, surface: &mut Surface<'_>, place: Place, shape: &Shape) {
        match shape {
            Shape::Path { ops, paint } => {
                let mut builder = PathBuilder::new();
                path_ops(&mut builder, place, ops);
                self.paint_shape(surface, builder, paint);
            }
            Shape::Rect {
                min,
                size,
                radius,
                paint,
            } => {
                let (x_pt, y_pt) = place.at(*min);
                let area = Area {
                    x_pt,
                    y_pt,
                    width_pt: size.0 * place.scale,
                    height_pt: size.1 * place.scale,
                };
                let mut builder = PathBuilder::new();
                draw::rounded_rect(&mut builder, area, radius * place.scale);
                self.paint_shape(surface, builder, paint);
            }
            Shape::Ellipse {
                center,
                radii,
                paint,
            } => {
                let mut builder = PathBuilder::new();
                let radii = (radii.0 * place.scale, radii.1 * place.scale);
                draw::ellipse(&mut builder, place.at(*center), radii);
                self.paint_shape(surface, builder, paint);
            }
            Shape::Polyline { points, stroke } => {
                let mut builder = PathBuilder::new();
                for (index, &point) in points.iter().enumerate() {
                    let (x, y) = place.at(point);
                    if index == 0 {
                        builder.move_to(x, y);
                    } else {
                        builder.line_to(x, y);
                    }
                }
                if let Some(path) = builder.finish() {
                    draw::stroke(surface, &path, self.color(stroke), self.line_pt());
                }
            }
            Shape::Arrow { from, to, stroke } => self.arrow(surface, place, *from, *to, stroke),
            Shape::Label {
                at,
                leader: Some(end),
                ..
            } => {
                let leader = self.color("leader");
                let mut builder = PathBuilder::new();
                let ((ax, ay), (bx, by)) = (place.at(*at), place.at(*end));
                builder.move_to(ax, ay);
                builder.line_to(bx, by);
                if let Some(path) = builder.finish() {
                    draw::stroke(surface, &path, leader, self.line_pt());
                }
                let dot_pt = self.line_pt() * 1.5;
                let mut dot = PathBuilder::new();
                draw::ellipse(&mut dot, (bx, by), (dot_pt, dot_pt));
                if let Some(path) = dot.finish() {
                    draw::fill(surface, &path, leader, 1.0);
                }
            }
            Shape::Label { leader: None, .. } => {}
            Shape::Image { file, min, size } => {
                let (x_pt, y_pt) = place.at(*min);
                let area = Area {
                    x_pt,
                    y_pt,
                    width_pt: size.0 * place.scale,
                    height_pt: size.1 * place.scale,
                };
                let path = crate::content::images_path(self.images_dir, file);
                draw::image_or_box(surface, &path, area, self.theme.colors.placeholder);
            }
            Shape::DotGrid { .. } => self.dot_grid(surface, place, shape),
        }
    }

    fn paint_shape(
        &self,
        surface: &mut Surface<'_>,
        builder: PathBuilder,
        paint: &crate::content::diagram::Paint,
    ) {
        let Some(path) = builder.finish() else {
            return;
        };
        if let Some(fill) = &paint.fill {
            draw::fill(surface, &path, self.color(fill), 1.0);
        }
        if let Some(stroke) = &paint.stroke {
            draw::stroke(surface, &path, self.color(stroke), self.line_pt());
        }
    }

    fn arrow(&self, surface: &mut Surface<'_>, place: Place, from: Point, to: Point, token: &str) {
        let color = self.color(token);
        let line = self.line_pt();
        let ((tx, ty), (hx, hy)) = (place.at(from), place.at(to));
        let mut builder = PathBuilder::new();
        builder.move_to(tx, ty);
        builder.line_to(hx, hy);
        if let Some(path) = builder.finish() {
            draw::stroke(surface, &path, color, line);
        }
        let length = ((hx - tx).powi(2) + (hy - ty).powi(2)).sqrt();
        if length < 1e-3 {
            return;
        }
        let (dx, dy) = ((hx - tx) / length, (hy - ty) / length);
        let size = line * 4.0;
        let (bx, by) = (hx - dx * size, hy - dy * size);
        let (sx, sy) = (-dy * size * 0.6, dx * size * 0.6);
        let mut head = PathBuilder::new();
        head.move_to(hx + dx * line / 2.0, hy + dy * line / 2.0);
        head.line_to(bx + sx, by + sy);
        head.line_to(bx - sx, by - sy);
        head.close();
        if let Some(path) = head.finish() {
            draw::fill(surface, &path, color, 1.0);
        }
    }

    /// Every dot a circle; marked dots larger, as on screen (see `crate::diagram::dot_grid`).
    fn dot_grid(&self, surface: &mut Surface<'_>, place: Place, shape: &Shape) {
        let Some(grid) = shape.as_dot_grid() else {
            return;
        };
        let tokens = &self.theme.diagram;
        let plain_pt = grid.radius * place.scale;
        let marked_pt = tokens.marked_dot_radius(plain_pt, self.theme.handout.screen_to_paper);
        for layer in grid.layers(plain_pt, marked_pt) {
            let mut dots = PathBuilder::new();
            for center in layer.centers {
                draw::ellipse(&mut dots, place.at(center), (layer.radius, layer.radius));
            }
            if let Some(path) = dots.finish() {
                draw::fill(surface, &path, self.color(layer.fill), 1.0);
            }
        }
    }

    /// A label's words (one line or more) on a soft paper box, placed around its point as its
    /// anchor says, and moved inside `card` if it would stick out of it.
    fn label(
        &self,
        surface: &mut Surface<'_>,
        (place, card): (Place, Area),
        shape: &Shape,
        words: Option<&DiagramText>,
    ) {
        let Shape::Label {
            text, at, anchor, ..
        } = shape
        else {
            return;
        };
        let Some(words) = words.and_then(|words| words.labels.get(text)) else {
            return;
        };
        let paper = self.theme.handout.screen_to_paper;
        let size_pt = self.theme.diagram.label_pt * paper;
        let lines: Vec<&str> = words.lines().collect();
        let width_pt = lines
            .iter()
            .map(|line| self.face.width_pt(line, size_pt))
            .fold(0.0, f32::max);
        let (ascent, descent) = (self.face.ascent_pt(size_pt), self.face.descent_pt(size_pt));
        let line_pt = ascent + descent;
        let height_pt = line_pt * lines.len() as f32;
        let pad = self.theme.sizes.stroke_pt * 2.0 * paper;
        let (x, y) = place.at(*at);
        let left = match anchor {
            Anchor::Left => x,
            Anchor::Center => x - width_pt / 2.0,
            Anchor::Right => x - width_pt,
        };
        // Inside the card, as far as the label fits.
        let left = left
            .min(card.right_pt() - pad - width_pt)
            .max(card.x_pt + pad);
        let top = (y - height_pt / 2.0)
            .min(card.bottom_pt() - pad - height_pt)
            .max(card.y_pt + pad);
        let back = Area {
            x_pt: left - pad,
            y_pt: top - pad,
            width_pt: width_pt + 2.0 * pad,
            height_pt: height_pt + 2.0 * pad,
        };
        let radius = self.theme.sizes.corner_radius_pt / 2.0 * paper;
        if let Some(path) = draw::rounded_rect_path(back, radius) {
            draw::fill(surface, &path, self.color("paper"), 0.85);
        }
        for (index, line) in lines.iter().enumerate() {
            let baseline = top + index as f32 * line_pt + ascent;
            let label = self.color("label");
            draw::text(surface, self.face, (left, baseline), size_pt, label, line);
        }
    }

    /// One of the clinician's strokes: a smooth curve through its points, round at its ends
    /// and corners; a single point is a dot.
    fn ink(&self, surface: &mut Surface<'_>, place: Place, stroke: &Stroke) {
        let tokens = &self.theme.ink;
        let width_pt = tokens.width_pt(stroke.pen.width) * self.theme.handout.screen_to_paper;
        let color = tokens.color(stroke.pen.color);
        let Some(&first) = stroke.points.first() else {
            return;
        };
        let segments = smooth(&stroke.points);
        if segments.is_empty() {
            let mut dot = PathBuilder::new();
            draw::ellipse(&mut dot, place.at(first), (width_pt / 2.0, width_pt / 2.0));
            if let Some(path) = dot.finish() {
                draw::fill(surface, &path, color, 1.0);
            }
            return;
        }
        let mut builder = PathBuilder::new();
        let (x, y) = place.at(first);
        builder.move_to(x, y);
        for segment in segments {
            let (c1x, c1y) = place.at(segment.control1);
            let (c2x, c2y) = place.at(segment.control2);
            let (x, y) = place.at(segment.to);
            builder.cubic_to(c1x, c1y, c2x, c2y, x, y);
        }
        if let Some(path) = builder.finish() {
            draw::stroke(surface, &path, color, width_pt);
        }
    }
}

/// A diagram path's outline, in page points.
fn path_ops(builder: &mut PathBuilder, place: Place, ops: &[PathOp]) {
    let mut open = false;
    for op in ops {
        match *op {
            PathOp::Move(p) => {
                let (x, y) = place.at(p);
                builder.move_to(x, y);
                open = true;
            }
            PathOp::Line(p) if open => {
                let (x, y) = place.at(p);
                builder.line_to(x, y);
            }
            PathOp::Quad(c, p) if open => {
                let ((cx, cy), (x, y)) = (place.at(c), place.at(p));
                builder.quad_to(cx, cy, x, y);
            }
            PathOp::Cubic(c1, c2, p) if open => {
                let ((ax, ay), (bx, by), (x, y)) = (place.at(c1), place.at(c2), place.at(p));
                builder.cubic_to(ax, ay, bx, by, x, y);
            }
            PathOp::Close if open => {
                builder.close();
                open = false;
            }
            // Drawing before the first `Move` starts nowhere; it is skipped, as on screen.
            PathOp::Line(_) | PathOp::Quad(..) | PathOp::Cubic(..) | PathOp::Close => {}
        }
    }
}
