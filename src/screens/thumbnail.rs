//! A diagram drawn small in a given rectangle, without labels or hotspots: a home tile's
//! picture, an index card's, a handout item's and the diagrams of the handout's preview.

use egui::{Rect, Ui};

use super::ScreenContext;
use crate::content::diagram::Diagram;
use crate::diagram::DiagramView;
use crate::theme::Theme;

/// `theme` with no padding round a drawing, for [`thumbnail_ui`] (made once a frame, not once
/// a thumbnail): the rectangle is all there is.
pub fn unpadded(theme: &Theme) -> Theme {
    let mut unpadded = theme.clone();
    unpadded.sizes.card_padding_pt = 0.0;
    unpadded
}

/// Draws `diagram` at `step`, centred in `rect`: on a card of its own (`card`), or straight
/// onto what is there. `theme` is the screen's, [`unpadded`].
pub fn thumbnail_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    theme: &Theme,
    (diagram, step): (&Diagram, usize),
    (rect, card): (Rect, bool),
) {
    if !rect.is_positive() {
        return;
    }
    let builder = egui::UiBuilder::new()
        .max_rect(rect)
        .layout(egui::Layout::top_down(egui::Align::Center))
        .id_salt((
            "thumbnail",
            &diagram.id,
            rect.min.x as i32,
            rect.min.y as i32,
        ));
    let ui = &mut ui.new_child(builder);
    let (deck, images) = (screen.deck, &mut *screen.images);
    let max_side_px = theme.sizes.texture_max_side_px;
    let _ = DiagramView {
        diagram,
        words: None,
        alt: "",
        max_height_pt: rect.height(),
        open_hotspot: None,
        step,
        hotspots: false,
        card,
    }
    .ui(ui, theme, screen.diagrams, &mut |ctx, name| {
        images
            .texture(ctx, &deck.image_path(name), max_side_px)
            .cloned()
    });
}
