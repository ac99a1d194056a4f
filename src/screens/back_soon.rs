//! What a patient sees on a locked kiosk whose content cannot be shown: a calm "back soon"
//! screen. The problems themselves (file paths, pieces of files) are for staff only, behind the
//! PIN pad. Its words are written here, in English and Spanish, because the content (where
//! every other word lives) is what could not be read.

use egui::{Align, Label, Layout, RichText, Ui};

use crate::theme::{Theme, bold_font};

/// The words, English first: a title and a line under it, per language.
pub const BACK_SOON_WORDS: [(&str, &str); 2] = [
    (
        "This screen will be back soon",
        "Please ask at the front desk if you have questions.",
    ),
    (
        "Esta pantalla volverá pronto",
        "Si tiene preguntas, pregunte en la recepción.",
    ),
];

/// Draws the "back soon" screen in the middle of the window.
pub fn back_soon_ui(ui: &mut Ui, theme: &Theme) {
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let height = ui.available_height();
    ui.with_layout(Layout::top_down(Align::Center), |ui| {
        ui.add_space(height / 3.0);
        for (title, line) in BACK_SOON_WORDS {
            ui.add(
                Label::new(
                    RichText::new(title)
                        .font(bold_font(sizes.title_pt))
                        .color(colors.text.color32()),
                )
                .wrap()
                .sense(super::text::READABLE),
            );
            ui.add(
                Label::new(
                    RichText::new(line)
                        .size(sizes.body_pt)
                        .color(colors.text.color32()),
                )
                .wrap()
                .sense(super::text::READABLE),
            );
            ui.add_space(sizes.body_pt * 2.0);
        }
    });
}
