//! The patient's reading tools: the other languages, three text sizes and the high-contrast
//! switch. Every control is a big button and works at once on the screen the patient is on.
//!
//! Where the top bar has room (a wide screen), the tools sit at its right end, so they cost no
//! bar of their own; otherwise they get a bar under the top bar. Consultation mode's own
//! buttons share that second bar on a wide screen, and get a bar of their own on a narrow one.

use egui::{Align, Layout, Panel, Role, Ui, vec2};

use super::ScreenContext;
use super::layout::{bar_ui, sized_bar_ui};
use crate::app::{Command, ConsultCommand};
use crate::theme::TextSize;
use crate::widgets::{BigButton, ButtonKind};

/// The reading tools' buttons, left to right, each with the command it gives.
fn reader_buttons<'a>(screen: &'a ScreenContext<'_>) -> Vec<(BigButton<'a>, Command)> {
    let (text_size, high_contrast) = (screen.text_size, screen.high_contrast);
    // At the normal size whatever size the patient chose: a second tap on the same place
    // finds the same button, and a large text size does not push them off a narrow screen.
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let mut buttons = Vec::new();
    for (index, language) in screen.deck.languages.iter().enumerate() {
        if language.code == screen.language.code {
            continue;
        }
        let button = BigButton::new(
            theme,
            &language.interface.language_name,
            ButtonKind::Secondary,
        );
        buttons.push((button, Command::ChooseLanguage(index)));
    }
    // Small to large.
    for size in TextSize::ALL {
        let (label, scale) = match size {
            TextSize::Normal => (&interface.text_normal, 1.0),
            TextSize::Large => (&interface.text_large, sizes.text_scale_large),
            TextSize::ExtraLarge => (&interface.text_extra_large, sizes.text_scale_extra_large),
        };
        let button = BigButton::new(theme, "A", ButtonKind::Secondary)
            .text_size(sizes.text_size_glyph_pt * scale)
            .accessible_label(label)
            .min_width(sizes.min_touch_pt)
            .selected(size == text_size, Role::RadioButton);
        buttons.push((button, Command::SetTextSize(size)));
    }
    let contrast = BigButton::new(theme, &interface.high_contrast, ButtonKind::Secondary)
        .selected(high_contrast, Role::Switch);
    buttons.push((contrast, Command::SetHighContrast(!high_contrast)));
    buttons
}

/// How wide the reading tools are in a row, gaps included.
fn reader_tools_width(ui: &Ui, screen: &ScreenContext<'_>) -> f32 {
    let gap = ui.spacing().item_spacing.x;
    let buttons = reader_buttons(screen);
    let widths: f32 = buttons.iter().map(|(button, _)| button.size(ui).x).sum();
    widths + gap * buttons.len().saturating_sub(1) as f32
}

/// Draws the reading tools left to right.
fn reader_tools_row_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    let mut command = None;
    for (button, asked) in reader_buttons(screen) {
        if ui.add(button).clicked() {
            command = Some(asked);
        }
    }
    command
}

/// Whether the reading tools go into the top bar: a screen whose top bar has room for them
/// beside `keep_pt` of its own (its first button and the least of its title). In consultation
/// mode only where its own buttons have a bar to themselves (a narrow screen): there, three
/// bars would take too much of a tall screen, and on a wide one the tools share that bar.
pub fn reader_tools_in_top_bar(ui: &Ui, screen: &ScreenContext<'_>, keep_pt: f32) -> bool {
    let sizes = &screen.theme.sizes;
    let gap = ui.spacing().item_spacing.x;
    let consult_one_bar = ui.available_width() >= sizes.consult_one_bar_min_width_pt;
    (!screen.consult || !consult_one_bar)
        && ui.available_width() - 2.0 * sizes.page_margin_pt
            >= keep_pt + 2.0 * gap + reader_tools_width(ui, screen)
}

/// A bar across the top of a screen: `left` draws its own part (at least `keep_pt` wide:
/// its first button and the least of its title), and the reading tools sit at the bar's right
/// end when they fit, or get a bar of their own under it. Returns what `left` returned and the
/// command of a reading tool tapped.
pub fn top_bar_ui<R>(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    id: &str,
    keep_pt: f32,
    left: impl FnOnce(&mut Ui) -> R,
) -> (R, Option<Command>) {
    let in_top_bar = reader_tools_in_top_bar(ui, screen, keep_pt);
    let theme = screen.theme;
    let (inner, mut command) = bar_ui(ui, theme, Panel::top(id.to_owned()), |ui| {
        if !in_top_bar {
            return (left(ui), None);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let width = reader_tools_width(ui, screen);
            let height = ui.available_height();
            let tapped = ui
                .allocate_ui_with_layout(
                    vec2(width, height),
                    Layout::left_to_right(Align::Center),
                    |ui| reader_tools_row_ui(ui, screen),
                )
                .inner;
            let inner = ui
                .with_layout(Layout::left_to_right(Align::Center), left)
                .inner;
            (inner, tapped)
        })
        .inner
    });
    if let Some(tapped) = tool_bar_ui(ui, screen, in_top_bar) {
        command = Some(tapped);
    }
    (inner, command)
}

/// The bar under the top bar, when the reading tools are not in the top bar (`in_top_bar`),
/// or consultation mode's buttons need it.
pub fn tool_bar_ui(ui: &mut Ui, screen: &ScreenContext<'_>, in_top_bar: bool) -> Option<Command> {
    if in_top_bar && !screen.consult {
        return None;
    }
    // A figure on the whole screen is consultation mode's drawing board: its own button goes
    // back to the page, and every point of height goes to the drawing.
    if screen.consult && screen.enlarged {
        return None;
    }
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let mut command = None;
    let one_bar = !screen.consult || ui.available_width() >= sizes.consult_one_bar_min_width_pt;
    if !one_bar {
        // On a narrow screen the mark gives way rather than the buttons run off its edge.
        let tools = &screen.tools_theme.sizes;
        let mark = fits_one_row(
            ui,
            tools.page_margin_pt,
            consult_buttons_width(ui, screen, true),
        );
        sized_bar_ui(
            ui,
            theme,
            Panel::top("consult_bar"),
            tools.tool_bar_height_pt,
            |ui| command = consult_buttons_ui(ui, screen, mark),
        );
    }
    if in_top_bar {
        // The reading tools are in the top bar; consultation mode's buttons had their own.
        return command;
    }
    let tapped = reading_tools_bar_ui(ui, screen, one_bar, Panel::top);
    command.or(tapped)
}

/// The reading tools in a bar at the bottom of a tall screen, within reach from a chair or a
/// wheelchair (the home screen's, on a portrait screen).
pub fn bottom_tool_bar_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    reading_tools_bar_ui(ui, screen, true, Panel::bottom)
}

/// The reading tools (with consultation mode's buttons, `one_bar`, where they share it) in a
/// bar of their own, made by `panel` (at the top or the bottom): one row, or two where one is
/// too narrow.
fn reading_tools_bar_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    one_bar: bool,
    panel: fn(&'static str) -> Panel,
) -> Option<Command> {
    let theme = screen.theme;
    let mut command = None;
    let sizes = &screen.tools_theme.sizes;
    let mut width = reader_tools_width(ui, screen);
    if screen.consult && one_bar {
        width += consult_buttons_width(ui, screen, true) + ui.spacing().item_spacing.x;
    }
    if !fits_one_row(ui, sizes.page_margin_pt, width) {
        // Too narrow for one row (a narrow screen at a large text size): the languages and
        // the contrast switch on one, the text sizes under them, each button where it was.
        sized_bar_ui(
            ui,
            theme,
            panel("tool_bar"),
            sizes.tool_bar_height_pt * 2.0,
            |ui| {
                ui.vertical(|ui| {
                    let buttons = reader_buttons(screen);
                    let (sizes_row, first_row): (Vec<_>, Vec<_>) = buttons
                        .into_iter()
                        .partition(|(_, asked)| matches!(asked, Command::SetTextSize(_)));
                    for row in [first_row, sizes_row] {
                        ui.horizontal(|ui| {
                            for (button, asked) in row {
                                if ui.add(button).clicked() {
                                    command = Some(asked);
                                }
                            }
                        });
                    }
                });
            },
        );
        return command;
    }
    sized_bar_ui(
        ui,
        theme,
        panel("tool_bar"),
        sizes.tool_bar_height_pt,
        |ui| {
            if screen.consult && one_bar {
                command = consult_buttons_ui(ui, screen, true);
            }
            // The languages at the left, the text sizes and contrast at the right.
            let buttons = reader_buttons(screen);
            let languages = screen.deck.languages.len().saturating_sub(1);
            let mut buttons = buttons.into_iter();
            for (button, asked) in buttons.by_ref().take(languages) {
                if ui.add(button).clicked() {
                    command = Some(asked);
                }
            }
            let rest: Vec<_> = buttons.collect();
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                for (button, asked) in rest.into_iter().rev() {
                    if ui.add(button).clicked() {
                        command = Some(asked);
                    }
                }
            });
        },
    );
    command
}

/// Whether buttons `width` wide in all fit one row of a bar in `ui`'s width, less its margins.
fn fits_one_row(ui: &Ui, margin_pt: f32, width: f32) -> bool {
    width <= ui.available_width() - 2.0 * margin_pt
}

/// How wide consultation mode's buttons are in a row, gaps included, with its mark or not.
fn consult_buttons_width(ui: &Ui, screen: &ScreenContext<'_>, with_mark: bool) -> f32 {
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let gap = ui.spacing().item_spacing.x;
    let mark = ui
        .painter()
        .layout_no_wrap(
            interface.consult_mark.clone(),
            crate::theme::bold_font(sizes.body_pt),
            theme.colors.text.color32(),
        )
        .size()
        .x
        + 2.0 * sizes.item_spacing_pt;
    let count = screen.ink.handout.items.len().to_string();
    let label = interface.consult.handout.replace("{count}", &count);
    let index = BigButton::new(theme, &interface.index, ButtonKind::Primary)
        .size(ui)
        .x;
    let handout = BigButton::new(theme, &label, ButtonKind::Primary)
        .size(ui)
        .x;
    let mark = if with_mark { mark + gap } else { 0.0 };
    mark + index + handout + gap
}

/// Consultation mode's mark (`with_mark`), the index, and the handout with how many things
/// are in it.
fn consult_buttons_ui(ui: &mut Ui, screen: &ScreenContext<'_>, with_mark: bool) -> Option<Command> {
    let theme = screen.tools_theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let mut command = None;
    // Clinicians see where they are, and can jump to anything.
    if with_mark {
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
    }
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
