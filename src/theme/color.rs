//! A colour token written as "#RRGGBB", and the WCAG contrast ratio between two of them.

use serde::{Deserialize, Deserializer, de};

/// An opaque colour from the design tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses "#RRGGBB".
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self([channel(0)?, channel(2)?, channel(4)?]))
    }

    /// As an egui colour.
    pub fn color32(self) -> egui::Color32 {
        let [r, g, b] = self.0;
        egui::Color32::from_rgb(r, g, b)
    }

    /// Relative luminance as WCAG 2 defines it.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }
}

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).ok_or_else(|| {
            de::Error::custom(format!(
                "expected a colour like \"#1B2430\", found \"{text}\""
            ))
        })
    }
}

/// The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_and_refuses_garbage() {
        assert_eq!(Rgb::parse("#0B4F8A"), Some(Rgb([0x0B, 0x4F, 0x8A])));
        assert_eq!(Rgb::parse("0B4F8A"), None);
        assert_eq!(Rgb::parse("#0B4F8"), None);
        assert_eq!(Rgb::parse("#ZZ4F8A"), None);
    }

    #[test]
    fn contrast_matches_known_values() {
        let black = Rgb([0, 0, 0]);
        let white = Rgb([255, 255, 255]);
        assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known 4.54:1.
        let grey = Rgb([0x76, 0x76, 0x76]);
        assert!((contrast_ratio(grey, white) - 4.54).abs() < 0.01);
    }
}
