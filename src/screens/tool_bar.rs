//! The bar under the top bar on the home screen and every page: the other languages, three
//! text sizes and the high-contrast switch. Every control is a big button, always in the same
//! place, and works at once on the screen the patient is on.

use egui::{Align, Layout, Panel, Role, Ui};

use super::ScreenContext;
use super::layout::sized_bar_ui;
use crate::app::{Command, ConsultCommand};
use crate::theme::TextSize;
use crate::widgets::{BigButton, ButtonKind};

/// Draws the bar with the patient's current choices marked.
pub fn tool_bar_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    let (text_size, high_contrast) = (screen.text_size, screen.high_contrast);
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let mut command = None;
    // Consultation mode's own buttons share the bar on a wide screen, and get a bar of their
    // own above it on a narrow one.
    let one_bar = !screen.consult || ui.available_width() >= sizes.consult_one_bar_min_width_pt;
    if !one_bar {
        sized_bar_ui(
            ui,
            theme,
            Panel::top("consult_bar"),
            screen.tools_theme.sizes.tool_bar_height_pt,
            |ui| command = consult_buttons_ui(ui, screen),
        );
    }
    sized_bar_ui(
        ui,
        theme,
        Panel::top("tool_bar"),
        sizes.tool_bar_height_pt,
        |ui| {
            if screen.consult && one_bar {
                command = consult_buttons_ui(ui, screen);
            }
            for (index, language) in screen.deck.languages.iter().enumerate() {
                if language.code == screen.language.code {
                    continue;
                }
                let button = BigButton::new(
                    theme,
                    &language.interface.language_name,
                    ButtonKind::Secondary,
                );
                if ui.add(button).clicked() {
                    command = Some(Command::ChooseLanguage(index));
                }
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let contrast =
                    BigButton::new(theme, &interface.high_contrast, ButtonKind::Secondary)
                        .selected(high_contrast, Role::Switch);
                if ui.add(contrast).clicked() {
                    command = Some(Command::SetHighContrast(!high_contrast));
                }
                // Right to left: the largest "A" first, so they read small to large.
                for size in TextSize::ALL.into_iter().rev() {
                    let (label, scale) = match size {
                        TextSize::Normal => (&interface.text_normal, 1.0),
                        TextSize::Large => (&interface.text_large, sizes.text_scale_large),
                        TextSize::ExtraLarge => {
                            (&interface.text_extra_large, sizes.text_scale_extra_large)
                        }
                    };
                    let button = BigButton::new(theme, "A", ButtonKind::Secondary)
                        .text_size(sizes.text_size_glyph_pt * scale)
                        .accessible_label(label)
                        .min_width(sizes.min_touch_pt)
                        .selected(size == text_size, Role::RadioButton);
                    if ui.add(button).clicked() {
                        command = Some(Command::SetTextSize(size));
                    }
                }
            });
        },
    );
    command
}

/// Consultation mode's mark, the index, and the handout with how many things are in it.
fn consult_buttons_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let mut command = None;
    // Clinicians see where they are, and can jump to anything.
    egui::Frame::new()
        .fill(theme.colors.key_fact.color32())
        .stroke(egui::Stroke::new(
            sizes.accent_stroke_pt,
            theme.colors.key_fact_border.color32(),
        ))
        .corner_radius(sizes.corner_radius_pt)
        .inner_margin(egui::Margin::same(sizes.item_spacing_pt as i8))
        .show(ui, |ui| {
            ui.add(egui::Label::new(
                egui::RichText::new(&interface.consult_mark)
                    .font(crate::theme::bold_font(sizes.body_pt))
                    .color(theme.colors.text.color32()),
            ));
        });
    let index = BigButton::new(theme, &interface.index, ButtonKind::Primary);
    if ui.add(index).clicked() {
        command = Some(Command::OpenIndex);
    }
    let count = screen.ink.handout.items.len().to_string();
    let label = interface.consult.handout.replace("{count}", &count);
    let handout = BigButton::new(theme, &label, ButtonKind::Primary);
    if ui.add(handout).clicked() {
        command = Some(Command::Consult(ConsultCommand::OpenHandout));
    }
    command
}
