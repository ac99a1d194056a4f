//! The controls under a walk-through diagram: the step's caption, big Step back / Next step
//! buttons, and one dot per step.

use egui::{Align, Label, Layout, RichText, Ui};

use crate::content::diagram::{Diagram, DiagramText};
use crate::content::model::Interface;
use crate::theme::{Theme, bold_font};
use crate::widgets::{BigButton, ButtonKind, Icon, ProgressDots};

/// Draws the caption and buttons of `diagram` at `step`; returns `Some(true)` when Next step
/// was tapped and `Some(false)` for Step back.
pub fn step_controls_ui(
    ui: &mut Ui,
    theme: &Theme,
    interface: &Interface,
    diagram: &Diagram,
    words: Option<&DiagramText>,
    step: usize,
) -> Option<bool> {
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let total = diagram.steps.len();
    let step = step.min(total.saturating_sub(1));
    let caption_of = |index: usize| {
        diagram
            .steps
            .get(index)
            .and_then(|current| words?.steps.get(&current.id))
    };
    let font = bold_font(sizes.heading_pt);
    // The caption gets the room of the longest one, so the buttons below never move under a
    // finger as the captions change.
    let width = ui.available_width();
    let tallest = (0..total)
        .filter_map(caption_of)
        .map(|caption| {
            ui.painter()
                .layout(caption.clone(), font.clone(), colors.text.color32(), width)
                .size()
                .y
        })
        .fold(0.0, f32::max);
    ui.allocate_ui_with_layout(
        egui::vec2(width, tallest),
        Layout::top_down(Align::Min),
        |ui| {
            ui.set_min_size(egui::vec2(width, tallest));
            if let Some(caption) = caption_of(step) {
                ui.add(
                    Label::new(
                        RichText::new(caption)
                            .font(font)
                            .color(colors.text.color32()),
                    )
                    .wrap(),
                );
            }
        },
    );
    let mut moved = None;
    ui.horizontal(|ui| {
        let back =
            BigButton::new(theme, &interface.previous_step, ButtonKind::Secondary).icon(Icon::Back);
        if ui.add_enabled(step > 0, back).clicked() {
            moved = Some(false);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let next = BigButton::new(theme, &interface.next_step, ButtonKind::Primary)
                .icon_after(Icon::Next);
            if ui.add_enabled(step + 1 < total, next).clicked() {
                moved = Some(true);
            }
            ui.with_layout(
                Layout::centered_and_justified(egui::Direction::LeftToRight),
                |ui| {
                    let words = interface
                        .step_of
                        .replace("{step}", &(step + 1).to_string())
                        .replace("{total}", &total.to_string());
                    ui.add(ProgressDots::new(theme, step, total).words(words));
                },
            );
        });
    });
    moved
}
