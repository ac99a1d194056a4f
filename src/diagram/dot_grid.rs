//! A dot grid (the 10,000-dot risk picture) painted once into a picture at the size it is
//! shown, so each frame draws one textured rectangle instead of 10,000 circles' triangles.

use egui::{Color32, ColorImage, Rect, pos2};

use crate::content::diagram::Shape;
use crate::theme::DiagramTokens;

/// A dot grid as a picture: its pixels, and where it goes in diagram units.
pub struct GridImage {
    /// The grid's pixels, dots smoothed at their edges.
    pub image: ColorImage,
    /// Where the picture goes, in diagram units.
    pub area: Rect,
}

/// Paints the dot grid `shape` for a diagram drawn at `scale` points per unit on a screen of
/// `pixels_per_point`, with fewer pixels if the picture would be wider or taller than
/// `max_side_px`; `None` for other shapes and empty grids.
pub fn rasterize(
    shape: &Shape,
    tokens: &DiagramTokens,
    scale: f32,
    pixels_per_point: f32,
    max_side_px: u32,
) -> Option<GridImage> {
    let grid = shape.as_dot_grid()?;
    let (origin, columns, rows, spacing, radius) = (
        grid.origin,
        grid.columns,
        grid.rows,
        grid.spacing,
        grid.radius,
    );
    let wanted = scale * pixels_per_point;
    if columns == 0 || rows == 0 || wanted.is_nan() || wanted <= 0.0 {
        return None;
    }
    // The validator has checked every name; magenta would show a slip at once.
    let color = |token: &str| tokens.color(token).unwrap_or(Color32::MAGENTA);
    let marked_px =
        |pixels_per_unit: f32| tokens.marked_dot_radius(radius * pixels_per_unit, pixels_per_point);
    // Room around the outer dots for a marked dot's full size, and one pixel more.
    let margin_units = |pixels_per_unit: f32| marked_px(pixels_per_unit) / pixels_per_unit + 1.0;
    let span_units = spacing * (columns.max(rows) - 1) as f32;
    let side_px = |pixels_per_unit: f32| {
        ((span_units + 2.0 * margin_units(pixels_per_unit)) * pixels_per_unit).ceil()
    };
    let mut pixels_per_unit = wanted;
    for _ in 0..4 {
        let side = side_px(pixels_per_unit);
        if side <= max_side_px as f32 {
            break;
        }
        pixels_per_unit *= (max_side_px as f32 - 1.0) / side;
    }
    if side_px(pixels_per_unit) > max_side_px as f32 {
        return None;
    }
    let radius_px = radius * pixels_per_unit;
    let marked_px = marked_px(pixels_per_unit);
    let margin_units = margin_units(pixels_per_unit);
    let area = Rect::from_min_max(
        pos2(origin.0 - margin_units, origin.1 - margin_units),
        pos2(
            origin.0 + spacing * (columns - 1) as f32 + margin_units,
            origin.1 + spacing * (rows - 1) as f32 + margin_units,
        ),
    );
    let width = (area.width() * pixels_per_unit).ceil() as usize;
    let height = (area.height() * pixels_per_unit).ceil() as usize;
    let mut image = ColorImage::filled([width, height], Color32::TRANSPARENT);
    let center_px = |(x, y): (f32, f32)| {
        (
            (x - area.min.x) * pixels_per_unit,
            (y - area.min.y) * pixels_per_unit,
        )
    };
    for layer in grid.layers(radius_px, marked_px) {
        let fill = color(layer.fill);
        for center in layer.centers {
            disc(&mut image, center_px(center), layer.radius, fill);
        }
    }
    Some(GridImage { image, area })
}

/// Paints a filled circle over `image`, its edge smoothed over one pixel.
fn disc(image: &mut ColorImage, (cx, cy): (f32, f32), radius_px: f32, color: Color32) {
    let [width, height] = image.size;
    let reach = radius_px + 1.0;
    let x_range = ((cx - reach).floor().max(0.0) as usize)
        ..((cx + reach).ceil().max(0.0) as usize).min(width);
    let y_range = ((cy - reach).floor().max(0.0) as usize)
        ..((cy + reach).ceil().max(0.0) as usize).min(height);
    for y in y_range {
        for x in x_range.clone() {
            let (dx, dy) = (x as f32 + 0.5 - cx, y as f32 + 0.5 - cy);
            let coverage = (radius_px + 0.5 - (dx * dx + dy * dy).sqrt()).clamp(0.0, 1.0);
            if coverage > 0.0 {
                let pixel = &mut image.pixels[y * width + x];
                *pixel = pixel.blend(color.gamma_multiply(coverage));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    fn grid(columns: u32, rows: u32) -> Shape {
        Shape::DotGrid {
            origin: (5.0, 5.0),
            columns,
            rows,
            spacing: 10.0,
            radius: 3.0,
            fill: "dot".to_owned(),
            marked: vec![(4, 7)],
            marked_fill: "dot_marked".to_owned(),
        }
    }

    #[test]
    fn every_dot_is_painted_and_the_marked_one_stands_out() {
        let tokens = Theme::bundled().diagram;
        let Some(grid) = rasterize(&grid(10, 10), &tokens, 2.0, 1.0, 4096) else {
            panic!("a dot grid becomes a picture");
        };
        let [width, height] = grid.image.size;
        assert_eq!(width, (grid.area.width() * 2.0).ceil() as usize);
        assert_eq!(height, (grid.area.height() * 2.0).ceil() as usize);
        let at = |x: f32, y: f32| {
            let px = ((x - grid.area.min.x) * 2.0) as usize;
            let py = ((y - grid.area.min.y) * 2.0) as usize;
            grid.image.pixels[py * width + px]
        };
        let dot = tokens.colors["dot"].color32();
        let marked = tokens.colors["dot_marked"].color32();
        // Every dot's centre has the dot colour; the gap between dots is empty.
        for row in 0..10 {
            for column in 0..10 {
                let (x, y) = (5.0 + 10.0 * column as f32, 5.0 + 10.0 * row as f32);
                let expected = if (column, row) == (4, 7) { marked } else { dot };
                assert_eq!(at(x, y), expected, "dot ({column}, {row})");
            }
        }
        assert_eq!(at(10.0, 10.0), Color32::TRANSPARENT);
        // The marked dot is three times the size of the others (radius 9 units here): it
        // covers its neighbours' gaps, but stops short of the next gap out.
        assert_eq!(at(45.0 + 7.0, 75.0), marked);
        assert_eq!(at(45.0 + 10.0, 75.0 + 5.0), Color32::TRANSPARENT);
    }

    #[test]
    fn a_bigger_screen_gets_more_pixels_and_other_shapes_none() {
        let tokens = Theme::bundled().diagram;
        let small = rasterize(&grid(100, 100), &tokens, 1.0, 1.0, 4096).map(|g| g.image.size);
        let large = rasterize(&grid(100, 100), &tokens, 1.0, 2.0, 4096).map(|g| g.image.size);
        let (Some(small), Some(large)) = (small, large) else {
            panic!("both sizes rasterize");
        };
        assert!(large[0] >= 2 * small[0] - 2 && large[0] <= 2 * small[0] + 2);
        assert!(rasterize(&grid(0, 10), &tokens, 1.0, 1.0, 4096).is_none());
        let ellipse = Shape::Ellipse {
            center: (1.0, 1.0),
            radii: (1.0, 1.0),
            paint: crate::content::diagram::Paint::default(),
        };
        assert!(rasterize(&ellipse, &tokens, 1.0, 1.0, 4096).is_none());
        // A huge grid is painted with fewer pixels rather than beyond the texture limit,
        // whatever the size of its dots.
        for radius in [0.1, 1.0, 3.0, 4.9] {
            let mut big = grid(30, 30);
            if let Shape::DotGrid { radius: r, .. } = &mut big {
                *r = radius;
            }
            let capped = rasterize(&big, &tokens, 50.0, 1.0, 2048).map(|g| g.image.size);
            assert!(
                capped.is_some_and(|[w, h]| w <= 2048 && h <= 2048 && w > 1500),
                "radius {radius}: {capped:?}"
            );
        }
    }
}
