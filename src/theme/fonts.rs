//! The fonts the kiosk carries, compiled in, and how they are given to egui.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

use super::Fonts;

/// The egui font family for bold text (headings, titles, buttons).
pub const BOLD: &str = "bold";

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

/// Makes the token fonts egui's first choice, keeping egui's own fonts behind them for any
/// symbol they lack.
pub fn install_fonts(ctx: &egui::Context, fonts: &Fonts) {
    let mut definitions = FontDefinitions::default();
    let fallbacks = definitions
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    for name in [&fonts.body, &fonts.bold] {
        if let Some(bytes) = font_bytes(name) {
            definitions
                .font_data
                .insert(name.clone(), Arc::new(FontData::from_static(bytes)));
        }
    }
    let family = |first: &String| {
        std::iter::once(first.clone())
            .chain(fallbacks.iter().cloned())
            .collect::<Vec<_>>()
    };
    definitions
        .families
        .insert(FontFamily::Proportional, family(&fonts.body));
    definitions
        .families
        .insert(FontFamily::Name(BOLD.into()), family(&fonts.bold));
    ctx.set_fonts(definitions);
}
