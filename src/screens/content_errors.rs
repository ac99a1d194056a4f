//! The staff-facing screen shown instead of the deck when the content has problems.
//!
//! Its words are for staff, not patients, so they are written here rather than in content
//! (which is exactly what could not be read).

use egui::{Label, RichText, Ui};

use super::layout::scroll_column_ui;
use crate::content::ContentErrors;
use crate::theme::{Theme, bold_font};

/// Lists every content problem with its file, line and column.
pub fn content_errors_ui(ui: &mut Ui, theme: &Theme, errors: &ContentErrors) {
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    scroll_column_ui(
        ui,
        theme,
        "content_errors",
        sizes.home_max_width_pt,
        false,
        |ui| {
            ui.add(
                Label::new(
                    RichText::new("This kiosk is not ready: its content has problems")
                        .font(bold_font(sizes.title_pt))
                        .color(colors.error.color32()),
                )
                .wrap(),
            );
            ui.add(
                Label::new(
                    RichText::new(format!(
                        "For staff: fix the {} problem(s) below in the content files. The kiosk starts \
                         as soon as they are saved without problems; `patient-kiosk check` prints \
                         the same list.",
                        errors.0.len()
                    ))
                    .size(sizes.body_pt)
                    .color(colors.text.color32()),
                )
                .wrap(),
            );
            for diagnostic in &errors.0 {
                ui.add(
                    Label::new(
                        RichText::new(diagnostic.to_string())
                            .size(sizes.small_pt)
                            .color(colors.text.color32()),
                    )
                    .wrap(),
                );
            }
        },
    );
}
