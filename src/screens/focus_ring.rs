//! The ring around the control that has keyboard focus (a keypad's, a screen reader's), drawn
//! over everything so every control shows it the same way, and the scroll that brings a
//! newly focused control into view. A touch gives nothing focus: for fingers nothing shows.

use egui::{Id, LayerId, Order, Rect, Stroke, StrokeKind, Ui};

use crate::theme::Theme;

/// Rings the focused control, if something has focus and it is on screen.
pub fn focus_ring_ui(ctx: &egui::Context, theme: &Theme) {
    let Some(id) = ctx.memory(|memory| memory.focused()) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    // Only the part inside what clips it (a scroll area's view, a panel).
    let shown = response.interact_rect;
    if !shown.is_positive() {
        return;
    }
    let width = theme.sizes.focus_ring_pt;
    let ring = shown.expand(width * 0.5 + 2.0);
    let painter = ctx.layer_painter(LayerId::new(Order::Tooltip, Id::unique("focus ring")));
    // A thin band of the page's own colour inside the ring keeps it apart from a control of
    // a similar colour.
    painter.rect_stroke(
        shown.expand(1.0),
        theme.sizes.corner_radius_pt,
        Stroke::new(2.0, theme.colors.background.color32()),
        StrokeKind::Outside,
    );
    painter.rect_stroke(
        ring,
        theme.sizes.corner_radius_pt + width * 0.5,
        Stroke::new(width, theme.colors.focus_ring.color32()),
        StrokeKind::Middle,
    );
}

/// Inside a scroll area, after its contents: a control in it that has just been given the
/// focus (by the arrow keys, Tab or a screen reader) is scrolled into view, once, so the
/// ring never sits below the screen's edge.
pub fn reveal_focused_ui(ui: &Ui) {
    let Some(id) = ui.memory(|memory| memory.focused()) else {
        return;
    };
    let revealed = ui.scope_id().with("focus revealed");
    if ui.data(|data| data.get_temp::<Id>(revealed)) == Some(id) {
        return;
    }
    let Some(response) = ui.ctx().read_response(id) else {
        return;
    };
    let content: Rect = ui.min_rect();
    if !content.contains_rect(response.rect) {
        // Not in this scroll area's contents.
        return;
    }
    ui.data_mut(|data| data.insert_temp(revealed, id));
    if !ui.clip_rect().contains_rect(response.rect) {
        ui.scroll_to_rect(response.rect, None);
    }
}
