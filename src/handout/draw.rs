//! Small drawing helpers over krilla: paths, fills, outlines, text and pictures.

use std::path::Path as FilePath;

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::TextDirection;

use super::area::Area;
use super::face::Face;
use crate::theme::Rgb;

/// How far a cubic's control points sit from a quarter circle's ends, per unit of radius.
const KAPPA: f32 = 0.552_284_8;

/// A token colour as krilla's.
fn color(rgb: Rgb) -> rgb::Color {
    let [r, g, b] = rgb.0;
    rgb::Color::new(r, g, b)
}

/// Fills `path` with `fill` at `opacity` (0 to 1).
pub fn fill(surface: &mut Surface<'_>, path: &Path, fill: Rgb, opacity: f32) {
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(fill).into(),
        opacity: NormalizedF32::new(opacity.clamp(0.0, 1.0)).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    }));
    surface.draw_path(path);
}

/// Draws the outline of `path`, `width_pt` wide, with round ends and corners.
pub fn stroke(surface: &mut Surface<'_>, path: &Path, line: Rgb, width_pt: f32) {
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: color(line).into(),
        width: width_pt,
        line_cap: LineCap::Round,
        line_join: LineJoin::Round,
        ..Stroke::default()
    }));
    surface.draw_path(path);
    surface.set_stroke(None);
}

/// Writes one line of text with its baseline at `(x_pt, baseline_pt)`.
pub fn text(
    surface: &mut Surface<'_>,
    face: &Face,
    (x_pt, baseline_pt): (f32, f32),
    size_pt: f32,
    ink: Rgb,
    words: &str,
) {
    if words.trim().is_empty() {
        return;
    }
    surface.set_stroke(None);
    surface.set_fill(Some(Fill {
        paint: color(ink).into(),
        ..Fill::default()
    }));
    surface.draw_text(
        Point::from_xy(x_pt, baseline_pt),
        face.font.clone(),
        size_pt,
        words,
        false,
        TextDirection::Auto,
    );
}

/// Adds a rectangle with corners rounded by `radius_pt` to `builder`.
pub fn rounded_rect(builder: &mut PathBuilder, area: Area, radius_pt: f32) {
    let Area {
        x_pt: x,
        y_pt: y,
        width_pt: w,
        height_pt: h,
    } = area;
    let r = radius_pt.clamp(0.0, w.min(h) / 2.0);
    if r <= 0.0 {
        builder.move_to(x, y);
        builder.line_to(x + w, y);
        builder.line_to(x + w, y + h);
        builder.line_to(x, y + h);
        builder.close();
        return;
    }
    let k = r * (1.0 - KAPPA);
    builder.move_to(x + r, y);
    builder.line_to(x + w - r, y);
    builder.cubic_to(x + w - k, y, x + w, y + k, x + w, y + r);
    builder.line_to(x + w, y + h - r);
    builder.cubic_to(x + w, y + h - k, x + w - k, y + h, x + w - r, y + h);
    builder.line_to(x + r, y + h);
    builder.cubic_to(x + k, y + h, x, y + h - k, x, y + h - r);
    builder.line_to(x, y + r);
    builder.cubic_to(x, y + k, x + k, y, x + r, y);
    builder.close();
}

/// Adds an ellipse around `(cx, cy)` with radii `(rx, ry)` to `builder`.
pub fn ellipse(builder: &mut PathBuilder, (cx, cy): (f32, f32), (rx, ry): (f32, f32)) {
    let (kx, ky) = (rx * KAPPA, ry * KAPPA);
    builder.move_to(cx + rx, cy);
    builder.cubic_to(cx + rx, cy + ky, cx + kx, cy + ry, cx, cy + ry);
    builder.cubic_to(cx - kx, cy + ry, cx - rx, cy + ky, cx - rx, cy);
    builder.cubic_to(cx - rx, cy - ky, cx - kx, cy - ry, cx, cy - ry);
    builder.cubic_to(cx + kx, cy - ry, cx + rx, cy - ky, cx + rx, cy);
    builder.close();
}

/// A rounded rectangle as a path (`None` if it has no area).
pub fn rounded_rect_path(area: Area, radius_pt: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    rounded_rect(&mut builder, area, radius_pt);
    builder.finish()
}

/// A PNG or JPEG file as an image krilla can embed, if it can be read.
pub fn load_image(path: &FilePath) -> Option<Image> {
    // Decoded once first: krilla decodes late, and a picture damaged after `check` must be
    // left out of this handout, not fail all of it.
    if let Err(error) = crate::pictures::decode(path) {
        log::warn!(
            "a handout leaves out the picture {}: {error}",
            path.display()
        );
        return None;
    }
    let bytes = std::fs::read(path).ok()?;
    let image = if bytes.starts_with(b"\x89PNG") {
        Image::from_png(bytes.into(), true)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        Image::from_jpeg(bytes.into(), true)
    } else {
        return None;
    };
    image.ok()
}

/// Draws `image` stretched over `area`.
pub fn image(surface: &mut Surface<'_>, image: Image, area: Area) {
    let Some(size) = Size::from_wh(area.width_pt, area.height_pt) else {
        return;
    };
    surface.push_transform(&Transform::from_translate(area.x_pt, area.y_pt));
    surface.draw_image(image, size);
    surface.pop();
}

/// The picture at `path` over `area`, or a plain box in `placeholder` if it cannot be read.
pub fn image_or_box(surface: &mut Surface<'_>, path: &FilePath, area: Area, placeholder: Rgb) {
    match load_image(path) {
        Some(loaded) => image(surface, loaded, area),
        None => {
            if let Some(path) = rounded_rect_path(area, 0.0) {
                fill(surface, &path, placeholder, 1.0);
            }
        }
    }
}
