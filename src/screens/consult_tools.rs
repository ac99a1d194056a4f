//! Consultation mode's tool panel at the side of a page: Touch, Pen or Pointer; the pen's
//! colour and width; Undo and Clear for what is on screen; and the page into the handout.

use egui::{Panel, Role, ScrollArea, Ui};

use super::ScreenContext;
use crate::app::{Command, ConsultCommand};
use crate::handout::HandoutItem;
use crate::ink::{InkTool, PenWidth, Surface};
use crate::widgets::{BigButton, ButtonKind, ColorSwatch};

/// Draws the panel for a screen showing `surfaces`; `page` is the page showing, if any (it can
/// be added to the handout).
pub fn consult_tools_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    surfaces: &[Surface],
    page: Option<&str>,
) -> Option<Command> {
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let words = &screen.language.interface.consult;
    let ink = &screen.ink;
    let mut command = None;
    let mut ask = |asked: ConsultCommand| command = Some(Command::Consult(asked));
    let small = sizes.small_pt;
    // At the side on a wide screen; on a narrow one, across the bottom, so pages and diagrams
    // keep their full width.
    let side = ui.available_width() >= sizes.consult_side_panel_min_width_pt;
    // Across the bottom, the pen's colours and widths only while the pen is in hand: with
    // Touch or Pointer the panel is one row, and the page keeps the rest of a tall screen.
    let pen_tools = side || ink.tool == InkTool::Pen;
    let panel = if side {
        Panel::right("consult_tools").exact_size(sizes.consult_panel_width_pt)
    } else {
        let rows = bottom_rows(ui, screen, pen_tools, page.is_some()) as f32;
        Panel::bottom("consult_tools").exact_size(
            // A point to spare, so the panel never scrolls by a rounding.
            rows * (sizes.button_height_pt + sizes.item_spacing_pt) + sizes.item_spacing_pt + 1.0,
        )
    };
    panel
        .resizable(false)
        .show_separator_line(true)
        .frame(
            egui::Frame::new()
                .fill(theme.colors.surface.color32())
                .inner_margin(egui::Margin::same(sizes.item_spacing_pt as i8)),
        )
        .show(ui, |ui| {
            ScrollArea::vertical()
                .id_salt("consult_tools")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.spacing_mut().item_spacing =
                        egui::vec2(sizes.item_spacing_pt, sizes.item_spacing_pt);
                    // At the side: rows that fill the panel. Across the bottom: one flow of
                    // groups, each as wide as its words.
                    let (full, half) = if side {
                        let full = ui.available_width();
                        (full, (full - sizes.item_spacing_pt) / 2.0)
                    } else {
                        (0.0, 0.0)
                    };
                    let layout = if side {
                        egui::Layout::top_down(egui::Align::Min)
                    } else {
                        egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true)
                    };
                    ui.with_layout(layout, |ui| {
                        // Touch and Pen side by side, Pointer under them.
                        for row in InkTool::ALL.chunks(2) {
                            row_ui(ui, side, &mut |ui| {
                                let width = if row.len() == 2 { half } else { full };
                                for &tool in row {
                                    let label = match tool {
                                        InkTool::Touch => &words.touch,
                                        InkTool::Pen => &words.pen,
                                        InkTool::Pointer => &words.pointer,
                                    };
                                    let button =
                                        BigButton::new(theme, label, ButtonKind::Secondary)
                                            .text_size(small)
                                            .min_width(width)
                                            .selected(ink.tool == tool, Role::RadioButton);
                                    if ui.add(button).clicked() {
                                        ask(ConsultCommand::Tool(tool));
                                    }
                                }
                            });
                        }
                        row_ui(ui, side && pen_tools, &mut |ui| {
                            if !pen_tools {
                                return;
                            }
                            for (index, (rgb, name)) in
                                theme.ink.colors.iter().zip(&words.ink_colors).enumerate()
                            {
                                let chosen = ink.tool == InkTool::Pen && ink.pen.color == index;
                                let swatch = ColorSwatch::new(theme, rgb.color32(), name, chosen);
                                if ui.add(swatch).clicked() {
                                    ask(ConsultCommand::Color(index));
                                }
                            }
                        });
                        row_ui(ui, side && pen_tools, &mut |ui| {
                            if !pen_tools {
                                return;
                            }
                            for (width, label) in [
                                (PenWidth::Thin, &words.thin),
                                (PenWidth::Thick, &words.thick),
                            ] {
                                let button = BigButton::new(theme, label, ButtonKind::Secondary)
                                    .text_size(small)
                                    .min_width(half)
                                    .selected(ink.pen.width == width, Role::RadioButton);
                                if ui.add(button).clicked() {
                                    ask(ConsultCommand::Width(width));
                                }
                            }
                        });
                        row_ui(ui, side, &mut |ui| {
                            let undo = BigButton::new(theme, &words.undo, ButtonKind::Secondary)
                                .text_size(small)
                                .min_width(half);
                            if ui
                                .add_enabled(ink.strokes.can_undo(surfaces), undo)
                                .clicked()
                            {
                                ask(ConsultCommand::Undo(surfaces.to_vec()));
                            }
                            let drawn = surfaces.iter().any(|s| !ink.strokes.strokes(s).is_empty());
                            let clear = BigButton::new(theme, &words.clear, ButtonKind::Secondary)
                                .text_size(small)
                                .min_width(half);
                            if ui.add_enabled(drawn, clear).clicked() {
                                ask(ConsultCommand::Clear(surfaces.to_vec()));
                            }
                        });
                        if let Some(page) = page {
                            let item = HandoutItem::Page(page.to_owned());
                            let add = BigButton::new(theme, &words.add_page, ButtonKind::Secondary)
                                .text_size(small)
                                .min_width(full)
                                .selected(ink.handout.contains(&item), Role::Switch);
                            if ui.add(add).clicked() {
                                ask(ConsultCommand::ToggleHandout(item));
                            }
                        }
                    });
                });
        });
    command
}

/// How many rows the panel across the bottom needs for its buttons in one flow: the tools,
/// the pen's colours and widths (`pen_tools`), Undo and Clear, and the page's button (`page`).
fn bottom_rows(ui: &Ui, screen: &ScreenContext<'_>, pen_tools: bool, page: bool) -> usize {
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let words = &screen.language.interface.consult;
    let gap = sizes.item_spacing_pt;
    let button = |label: &str| {
        BigButton::new(theme, label, ButtonKind::Secondary)
            .text_size(sizes.small_pt)
            .min_width(0.0)
            .size(ui)
            .x
    };
    // In the order of the flow.
    let mut widths: Vec<f32> = [&words.touch, &words.pen, &words.pointer]
        .iter()
        .map(|label| button(label))
        .collect();
    if pen_tools {
        widths.extend(theme.ink.colors.iter().map(|_| sizes.min_touch_pt));
        widths.extend(
            [&words.thin, &words.thick]
                .iter()
                .map(|label| button(label)),
        );
    }
    widths.extend(
        [&words.undo, &words.clear]
            .iter()
            .map(|label| button(label)),
    );
    if page {
        widths.push(button(&words.add_page));
    }
    // Laid out as the flow wraps: a button that does not fit starts the next row.
    let room = ui.available_width() - 2.0 * gap;
    let (mut rows, mut used) = (1, 0.0);
    for width in widths {
        if used > 0.0 && used + width > room {
            rows += 1;
            used = 0.0;
        }
        used += width + gap;
    }
    rows
}

/// A row of the side panel (`side`), or, across the bottom, its buttons in the one flow.
fn row_ui(ui: &mut Ui, side: bool, add: &mut dyn FnMut(&mut Ui)) {
    if side {
        ui.horizontal(|ui| add(ui));
    } else {
        add(ui);
    }
}
