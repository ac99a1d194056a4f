//! The text every screen writes: wrapped labels in the design's sizes and colours.

use egui::{FontId, Label, Response, RichText, Ui};

use crate::theme::{Theme, bold_font};

/// Wrapped text at `size_pt`, bold or regular, in the text colour.
pub fn text_ui(ui: &mut Ui, theme: &Theme, text: &str, size_pt: f32, bold: bool) -> Response {
    let font = if bold {
        bold_font(size_pt)
    } else {
        FontId::proportional(size_pt)
    };
    ui.add(
        Label::new(
            RichText::new(text)
                .font(font)
                .color(theme.colors.text.color32()),
        )
        .wrap(),
    )
}

/// A screen's big title.
pub fn title_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    text_ui(ui, theme, text, theme.sizes.title_pt, true);
}
