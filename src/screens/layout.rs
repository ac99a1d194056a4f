//! Layout shared by screens: the bars at top and bottom and the readable centre column.

use egui::{
    Frame, Margin, ScrollArea, Ui,
    scroll_area::{DragScroll, ScrollSource},
};

use crate::theme::Theme;

/// A bar across the top or bottom, `bar_height_pt` high, with the surface colour.
pub fn bar_ui<R>(
    ui: &mut Ui,
    theme: &Theme,
    panel: egui::Panel,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    sized_bar_ui(ui, theme, panel, theme.sizes.bar_height_pt, add_contents)
}

/// A bar like [`bar_ui`], `height_pt` high.
pub fn sized_bar_ui<R>(
    ui: &mut Ui,
    theme: &Theme,
    panel: egui::Panel,
    height_pt: f32,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let sizes = &theme.sizes;
    panel
        .exact_size(height_pt)
        .resizable(false)
        .show_separator_line(true)
        .frame(
            Frame::new()
                .fill(theme.colors.surface.color32())
                .inner_margin(Margin::symmetric(sizes.page_margin_pt as i8, 0)),
        )
        .show(ui, |ui| ui.horizontal_centered(|ui| add_contents(ui)).inner)
        .inner
}

/// The scrolling centre of a screen: drag-scrolls with a finger (whatever kind of event a tap
/// arrives as), and keeps lines to a readable width.
pub fn scroll_column_ui(
    ui: &mut Ui,
    theme: &Theme,
    id_salt: &str,
    max_width_pt: f32,
    scroll_to_top: bool,
    add_contents: impl FnOnce(&mut Ui),
) {
    scroll_column_with_ui(
        ui,
        theme,
        ColumnScroll {
            id_salt,
            max_width_pt,
            scroll_to_top,
            drag: true,
        },
        add_contents,
    );
}

/// How a [`scroll_column_with_ui`] column scrolls.
#[derive(Clone, Copy)]
pub struct ColumnScroll<'a> {
    /// Keeps the scroll position apart from other columns'.
    pub id_salt: &'a str,
    /// The widest the column gets.
    pub max_width_pt: f32,
    /// Back to the top on this frame.
    pub scroll_to_top: bool,
    /// Whether a finger's drag scrolls (off while consultation mode's pen draws; the wheel
    /// and scroll bar still scroll).
    pub drag: bool,
}

/// [`scroll_column_ui`] with every choice; returns the part of the screen the column shows
/// (its view, between the bars).
pub fn scroll_column_with_ui(
    ui: &mut Ui,
    theme: &Theme,
    scroll: ColumnScroll<'_>,
    add_contents: impl FnOnce(&mut Ui),
) -> egui::Rect {
    central_ui(ui, |ui| column_ui(ui, theme, scroll, add_contents))
}

/// The page background across the room left between the bars (transparent when the window
/// clears to it); returns what `add_contents` returned.
pub fn central_ui<R>(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui) -> R) -> R {
    egui::CentralPanel::default()
        .frame(Frame::new().fill(ui.visuals().panel_fill))
        .show(ui, add_contents)
        .inner
}

/// A scrolling column filling `ui` (see [`scroll_column_with_ui`]); returns its view.
pub fn column_ui(
    ui: &mut Ui,
    theme: &Theme,
    scroll: ColumnScroll<'_>,
    add_contents: impl FnOnce(&mut Ui),
) -> egui::Rect {
    let ColumnScroll {
        id_salt,
        max_width_pt,
        scroll_to_top,
        drag,
    } = scroll;
    let sizes = &theme.sizes;
    let mut area = ScrollArea::vertical()
        .id_salt(id_salt)
        .auto_shrink([false, false])
        .scroll_source(ScrollSource {
            scroll_bar: true,
            drag: if drag {
                DragScroll::Always
            } else {
                DragScroll::Never
            },
            mouse_wheel: true,
        });
    if scroll_to_top {
        area = area.vertical_scroll_offset(0.0);
    }
    area.show(ui, |ui| {
        let view = ui.clip_rect();
        let available = ui.available_width();
        let column = (available - 2.0 * sizes.page_margin_pt).min(max_width_pt);
        let side = ((available - column) / 2.0).max(0.0);
        let top_left = ui.cursor().min + egui::vec2(side, sizes.page_margin_pt);
        let rect = egui::Rect::from_min_size(top_left, egui::vec2(column, f32::INFINITY));
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(rect)
                .layout(egui::Layout::top_down(egui::Align::Min)),
            |ui| {
                ui.set_width(column);
                ui.spacing_mut().item_spacing.y = sizes.block_spacing_pt;
                add_contents(ui);
            },
        );
        ui.add_space(sizes.page_margin_pt);
        super::focus_ring::reveal_focused_ui(ui);
        view
    })
    .inner
}
