//! Zoom and pan for a figure on the whole screen: pinch (or a double tap) zooms in where the
//! fingers are, a double tap when zoomed goes back to the whole figure, and a drag pans. The
//! figure is drawn larger inside a viewport of a fixed size that clips it, so nothing around it
//! moves. The state lives in egui's memory for the figure showing; drawing the figure at its
//! page size forgets it, so the next time it is enlarged it starts whole.

use egui::{Id, Pos2, Rect, Sense, Ui, UiBuilder, Vec2};

/// How far a figure zooms in, at most (four times its whole-screen size).
pub const MAX_ZOOM: f32 = 4.0;

/// How far a double tap zooms in.
const DOUBLE_TAP_ZOOM: f32 = 2.0;

/// A figure's zoom and where it is panned to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigureZoom {
    /// 1: the whole figure fills the viewport.
    pub zoom: f32,
    /// Where the zoomed figure's top-left corner is, from the viewport's (never right of or
    /// below it, so the figure always covers the viewport).
    pub offset: Vec2,
    /// When and where the last tap on it was (egui's time), for a double tap.
    last_tap: Option<(f64, Pos2)>,
}

impl Default for FigureZoom {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            offset: Vec2::ZERO,
            last_tap: None,
        }
    }
}

impl FigureZoom {
    /// Zooms by `factor`, keeping the point of the figure under `at` where it is.
    pub fn zoom_at(&mut self, factor: f32, at: Pos2, viewport: Rect) {
        let zoom = (self.zoom * factor).clamp(1.0, MAX_ZOOM);
        let applied = zoom / self.zoom;
        let from_corner = at - viewport.min - self.offset;
        self.offset = at - viewport.min - from_corner * applied;
        self.zoom = zoom;
        self.clamp(viewport);
    }

    /// Moves the figure by `delta`.
    pub fn pan(&mut self, delta: Vec2, viewport: Rect) {
        self.offset += delta;
        self.clamp(viewport);
    }

    /// Whether it is zoomed in at all.
    pub fn zoomed(&self) -> bool {
        self.zoom > 1.0
    }

    /// Where the whole figure is drawn, zoomed and panned, for `viewport`.
    pub fn content_rect(&self, viewport: Rect) -> Rect {
        Rect::from_min_size(viewport.min + self.offset, viewport.size() * self.zoom)
    }

    fn clamp(&mut self, viewport: Rect) {
        let least = viewport.size() * (1.0 - self.zoom);
        self.offset = self.offset.clamp(least.min(Vec2::ZERO), Vec2::ZERO);
    }
}

/// The memory key of the zoom of the figure `figure` (a diagram's id).
fn zoom_id(figure: &str) -> Id {
    Id::unique(("figure_zoom", figure))
}

/// Forgets the zoom of `figure` (drawn at its page size: the next enlarging starts whole).
pub fn forget_zoom(ui: &Ui, figure: &str) {
    ui.data_mut(|data| data.remove::<FigureZoom>(zoom_id(figure)));
}

/// Draws `add` (the figure, given the zoom) zoomed and panned inside a viewport `size` big,
/// taking the gestures over it; a drag pans only where `pan` (not while consultation's pen
/// draws). Returns what `add` returned, the viewport, and the zoom.
pub fn zoomed_ui<R>(
    ui: &mut Ui,
    figure: &str,
    size: Vec2,
    pan: bool,
    add: impl FnOnce(&mut Ui, f32) -> R,
) -> (R, Rect, FigureZoom) {
    let (viewport, response) = ui.allocate_exact_size(size, Sense::drag());
    let id = zoom_id(figure);
    let mut state: FigureZoom = ui.data(|data| data.get_temp(id)).unwrap_or_default();
    let (pinch, tap, at) = ui.input(|input| {
        let pinch = input
            .multi_touch()
            .map_or(input.zoom_delta(), |touch| touch.zoom_delta);
        let at = (input.multi_touch().map(|touch| touch.center_pos))
            .or(input.pointer.interact_pos())
            .filter(|at| viewport.contains(*at));
        let tap = (input.pointer.button_clicked(egui::PointerButton::Primary))
            .then_some(input.time)
            .zip(at);
        (pinch, tap, at)
    });
    // A second tap soon after a first, near it, is a double tap (counted here: a tap on a part
    // of the figure is a click of the part's own).
    let (max_delay, max_dist) = ui.ctx().options(|options| {
        let input = &options.input_options;
        (input.max_double_click_delay, input.max_click_dist)
    });
    let double_tap = tap.is_some_and(|(time, at)| {
        state.last_tap.is_some_and(|(last_time, last_at)| {
            time - last_time < max_delay && last_at.distance(at) < max_dist
        })
    });
    if tap.is_some() {
        state.last_tap = if double_tap { None } else { tap };
    }
    if let Some(at) = at {
        if pinch != 1.0 {
            state.zoom_at(pinch, at, viewport);
        } else if double_tap {
            let factor = if state.zoomed() {
                1.0 / state.zoom
            } else {
                DOUBLE_TAP_ZOOM
            };
            state.zoom_at(factor, at, viewport);
        }
    }
    if pan && state.zoomed() && response.dragged() {
        state.pan(response.drag_delta(), viewport);
    }
    let content = state.content_rect(viewport);
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(content)
            .layout(egui::Layout::top_down(egui::Align::Center)),
    );
    child.set_clip_rect(viewport.intersect(ui.clip_rect()));
    let inner = add(&mut child, state.zoom);
    if !state.zoomed() && state.last_tap.is_none() {
        ui.data_mut(|data| data.remove::<FigureZoom>(id));
    } else {
        ui.data_mut(|data| data.insert_temp(id, state));
    }
    (inner, viewport, state)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    /// Zooming in keeps the point under the fingers where it is; the figure never leaves a
    /// gap in the viewport; zoom stays between whole and four times.
    #[test]
    fn zooming_keeps_the_point_under_the_fingers_and_the_figure_covers_the_viewport() {
        let viewport = Rect::from_min_size(pos2(100.0, 50.0), vec2(800.0, 600.0));
        let mut zoom = FigureZoom::default();
        let at = pos2(700.0, 200.0);
        let before = (at - viewport.min - zoom.offset) / zoom.zoom;
        zoom.zoom_at(2.0, at, viewport);
        let after = (at - viewport.min - zoom.offset) / zoom.zoom;
        assert!((before - after).length() < 0.01, "{before:?} -> {after:?}");
        assert_eq!(zoom.zoom, 2.0);
        let content = zoom.content_rect(viewport);
        assert!(
            content.contains_rect(viewport),
            "{content:?} covers {viewport:?}"
        );
        zoom.pan(vec2(5000.0, -5000.0), viewport);
        let content = zoom.content_rect(viewport);
        assert!(
            content.contains_rect(viewport),
            "panned past its edge: {content:?}"
        );
        assert_eq!(content.left(), viewport.left());
        assert_eq!(content.bottom(), viewport.bottom());
        zoom.zoom_at(100.0, at, viewport);
        assert_eq!(zoom.zoom, MAX_ZOOM);
        zoom.zoom_at(0.001, at, viewport);
        assert_eq!(zoom, FigureZoom::default(), "back to whole, in place");
    }
}
