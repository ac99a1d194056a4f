//! The fonts the kiosk carries, compiled in, and how they are given to egui.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use super::Fonts;

/// The egui font family for bold text (headings, titles, buttons).
pub const BOLD: &str = "bold";

/// The bold font at a size, for headings, titles and buttons.
pub fn bold_font(size_pt: f32) -> egui::FontId {
    egui::FontId::new(size_pt, FontFamily::Name(BOLD.into()))
}

/// Names of the fonts the kiosk carries (see `assets/fonts/`).
pub const KNOWN: [&str; 2] = ["AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"];

/// The bytes of a carried font, by name.
pub fn font_bytes(name: &str) -> Option<&'static [u8]> {
    match name {
        "AtkinsonHyperlegible-Regular" => Some(include_bytes!(
            "../../assets/fonts/AtkinsonHyperlegible-Regular.ttf"
        )),
        "AtkinsonHyperlegible-Bold" => Some(include_bytes!(
            "../../assets/fonts/AtkinsonHyperlegible-Bold.ttf"
        )),
        _ => None,
    }
}

/// Gives egui the token fonts and nothing else: egui's own fonts (emoji, monospace) are not
/// shown anywhere, and leaving them out saves memory and start-up time. Atkinson Hyperlegible
/// covers Latin scripts, Spanish included; the body font also serves as monospace.
pub fn install_fonts(ctx: &egui::Context, fonts: &Fonts) {
    let mut definitions = FontDefinitions::empty();
    for name in [&fonts.body, &fonts.bold] {
        if let Some(bytes) = font_bytes(name) {
            definitions
                .font_data
                .insert(name.clone(), Arc::new(FontData::from_static(bytes)));
        }
    }
    for (family, font) in [
        (FontFamily::Proportional, &fonts.body),
        (FontFamily::Monospace, &fonts.body),
        (FontFamily::Name(BOLD.into()), &fonts.bold),
    ] {
        definitions.families.insert(family, vec![font.clone()]);
    }
    ctx.set_fonts(definitions);
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::MetadataProvider as _;
    use skrifa::outline::{DrawSettings, OutlinePen};

    /// An outline flattened to straight edges.
    #[derive(Default)]
    struct Edges {
        at: (f32, f32),
        start: (f32, f32),
        edges: Vec<((f32, f32), (f32, f32))>,
    }

    impl Edges {
        fn to(&mut self, end: (f32, f32)) {
            self.edges.push((self.at, end));
            self.at = end;
        }

        /// Whether `point` is inked (non-zero winding), as a rasteriser decides.
        fn inked(&self, (x, y): (f32, f32)) -> bool {
            let mut winding = 0;
            for &((x0, y0), (x1, y1)) in &self.edges {
                if (y0 <= y) != (y1 <= y) {
                    let cross = x0 + (y - y0) / (y1 - y0) * (x1 - x0);
                    if cross > x {
                        winding += if y1 > y0 { 1 } else { -1 };
                    }
                }
            }
            winding != 0
        }
    }

    impl OutlinePen for Edges {
        fn move_to(&mut self, x: f32, y: f32) {
            self.at = (x, y);
            self.start = (x, y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.to((x, y));
        }
        fn quad_to(&mut self, cx: f32, cy: f32, x: f32, y: f32) {
            let from = self.at;
            for i in 1..=8 {
                let t = i as f32 / 8.0;
                let u = 1.0 - t;
                let point = (
                    u * u * from.0 + 2.0 * u * t * cx + t * t * x,
                    u * u * from.1 + 2.0 * u * t * cy + t * t * y,
                );
                self.to(point);
            }
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
            self.to((x, y));
        }
        fn close(&mut self) {
            let start = self.start;
            self.to(start);
        }
    }

    /// Patients who read little took the font's slashed zero for a strange letter in "1 in
    /// 10,000" (scripts/plain-zero.py explains the choice): the carried fonts' zero is an
    /// oval with nothing across its middle, while the 8 beside it is still inked there.
    #[test]
    fn the_carried_fonts_draw_a_plain_zero() {
        for name in KNOWN {
            let bytes = font_bytes(name).expect("carried");
            let font = skrifa::FontRef::new(bytes).expect("a font");
            let glyph = |digit: char| {
                let id = font.charmap().map(digit).expect("the digit is in the font");
                let outline = font.outline_glyphs().get(id).expect("an outline");
                let mut edges = Edges::default();
                let settings = DrawSettings::unhinted(
                    skrifa::instance::Size::unscaled(),
                    skrifa::instance::LocationRef::default(),
                );
                outline.draw(settings, &mut edges).expect("drawn");
                let (xs, ys): (Vec<f32>, Vec<f32>) =
                    edges.edges.iter().map(|&(from, _)| from).unzip();
                let middle = |values: &[f32]| {
                    let low = values.iter().copied().fold(f32::MAX, f32::min);
                    let high = values.iter().copied().fold(f32::MIN, f32::max);
                    (low + high) / 2.0
                };
                let centre = (middle(&xs), middle(&ys));
                (edges, centre)
            };
            let (zero, centre) = glyph('0');
            assert!(
                !zero.inked(centre),
                "{name}: the zero is crossed at its middle"
            );
            // Its ring is there: inked a little in from its left edge.
            let left = (zero.edges.iter())
                .map(|&((x, _), _)| x)
                .fold(f32::MAX, f32::min);
            assert!(zero.inked((left + 20.0, centre.1)), "{name}: no ring");
            let (eight, centre) = glyph('8');
            assert!(eight.inked(centre), "{name}: the 8's waist is inked");
        }
    }
}
