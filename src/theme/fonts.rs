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
