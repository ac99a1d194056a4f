//! A font for the handout: krilla's font to draw with, and skrifa's metrics to measure and
//! wrap text with the same advance widths the PDF uses.

use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::{FontRef, MetadataProvider as _};

use super::HandoutError;
use crate::theme::font_bytes;

/// One font of the design tokens, ready to draw and to measure.
#[derive(Clone)]
pub(crate) struct Face {
    /// The font krilla embeds and draws with.
    pub font: krilla::text::Font,
    charmap: skrifa::charmap::Charmap<'static>,
    glyph_metrics: GlyphMetrics<'static>,
    /// Units per em, to turn advance widths into text sizes.
    units_per_em: f32,
    /// Height above the baseline, in ems.
    ascent_em: f32,
    /// Depth below the baseline, in ems (positive).
    descent_em: f32,
}

impl Face {
    /// The carried font named `name` (see `crate::theme::font_bytes`).
    pub fn new(name: &str) -> Result<Self, HandoutError> {
        let unusable = || HandoutError::Font(name.to_owned());
        let bytes: &'static [u8] = font_bytes(name).ok_or_else(unusable)?;
        let font = krilla::text::Font::new(bytes.into(), 0).ok_or_else(unusable)?;
        let font_ref = FontRef::new(bytes).map_err(|_| unusable())?;
        let metrics = font_ref.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        Ok(Self {
            font,
            charmap: font_ref.charmap(),
            glyph_metrics: font_ref.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent_em: metrics.ascent / units_per_em,
            descent_em: -metrics.descent / units_per_em,
        })
    }

    /// The width of `text` set at `size_pt`: the sum of its glyphs' advance widths.
    pub fn width_pt(&self, text: &str, size_pt: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                let glyph = self.charmap.map(c).unwrap_or_default();
                self.glyph_metrics.advance_width(glyph).unwrap_or(0.0)
            })
            .sum();
        units * size_pt / self.units_per_em
    }

    /// Height of the letters above the baseline at `size_pt`.
    pub fn ascent_pt(&self, size_pt: f32) -> f32 {
        self.ascent_em * size_pt
    }

    /// Depth of the letters below the baseline at `size_pt`.
    pub fn descent_pt(&self, size_pt: f32) -> f32 {
        self.descent_em * size_pt
    }

    /// `text` broken into lines no wider than `width_pt` at `size_pt`: at spaces, and inside a
    /// word only when the word alone is too wide. Line breaks in `text` are kept.
    pub fn wrap(&self, text: &str, size_pt: f32, width_pt: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.lines() {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width_pt(&candidate, size_pt) <= width_pt {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it runs out of room.
                for c in word.chars() {
                    let mut longer = line.clone();
                    longer.push(c);
                    if !line.is_empty() && self.width_pt(&longer, size_pt) > width_pt {
                        lines.push(std::mem::take(&mut line));
                        line.push(c);
                    } else {
                        line = longer;
                    }
                }
            }
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wraps_at_spaces_within_the_width() {
        let Ok(face) = Face::new("AtkinsonHyperlegible-Regular") else {
            panic!("the body font loads");
        };
        let one = face.width_pt("spine", 12.0);
        assert!(one > 20.0 && one < 40.0, "{one}");
        assert!((face.width_pt("spine spine", 12.0) - 2.0 * one) > 0.0);
        let text = "A small cut means less pain and a faster way back home for most people.";
        let lines = face.wrap(text, 12.0, 150.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(
            lines.iter().all(|l| face.width_pt(l, 12.0) <= 150.0),
            "{lines:?}"
        );
        assert_eq!(lines.join(" "), text);
        let long = face.wrap("Supercalifragilisticexpialidocious", 12.0, 60.0);
        assert!(long.len() > 1 && long.iter().all(|l| face.width_pt(l, 12.0) <= 60.0));
        assert!(Face::new("ComicSans").is_err());
        assert!(face.ascent_pt(10.0) > 5.0 && face.descent_pt(10.0) > 0.0);
    }
}
