//! Where a page with a figure puts each of its parts, worked out once per frame before anything
//! is drawn, so no part can run into another: the page's text, the figure's drawing, and under
//! the drawing the figure's own room for its caption and step controls, which an open
//! hotspot's explanation takes in their place. That room is as high as the tallest of them,
//! so opening a part, or moving to a step with longer words, moves nothing: not the drawing,
//! not the step buttons, not the page's text.
//!
//! On a wide screen the figure takes the right of the screen and the text the left, wide
//! enough for a readable line at any text size (the figure's column narrows to keep it so).
//! Where the text keeps at least twelve lines with them, the figure's room sits under the
//! text and the drawing has the column's whole height; otherwise (a large text size) the room
//! goes under the drawing and the text has the whole height. On a tall screen the figure is on
//! top, its room under it, then the text. Where neither leaves the drawing big enough to see, the figure
//! goes among the page's blocks and the whole page scrolls.

use egui::{Align, Layout, Rect, Ui, UiBuilder, pos2, vec2};

use super::ScreenContext;
use crate::app::Command;
use crate::content::model::{Page, PageFigure};

/// The rectangles of a page with a figure, in screen points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FigurePagePlan {
    /// The figure's drawing, its card included.
    pub drawing: Rect,
    /// Under the drawing: the caption and step controls, or the open part's explanation.
    pub below: Rect,
    /// The page's text, with its margins and scroll bar: it scrolls within it, and its bar
    /// stays clear of the figure.
    pub text: Rect,
}

/// What a figure needs at a width, measured.
#[derive(Clone, Copy, Debug)]
struct Needs {
    /// The drawing's height at the whole width, with nothing else limiting it.
    natural: f32,
    /// The room under it: the taller of its controls and its longest explanation.
    below: f32,
}

fn measure(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    (figure, enlarged): (PageFigure<'_>, bool),
    rect: Rect,
) -> Needs {
    let measure = ui.new_child(UiBuilder::new().max_rect(rect).invisible());
    let natural = super::figure::natural_height(&measure, screen, figure);
    let controls =
        super::figure::controls_height(&measure, screen, figure, (Some(enlarged), false));
    let mut explanation = super::figure::explanation_max_height(&measure, screen, figure.source);
    if enlarged && explanation > 0.0 {
        // On the whole screen, the way back to the page stays over an open explanation.
        explanation += super::figure::caption_row_height(&measure, screen, figure, true)
            + screen.theme.sizes.item_spacing_pt;
    }
    Needs {
        natural,
        below: controls.max(explanation),
    }
}

/// Lays out a page with a figure in `area` (the room between the bars); `title` is the page's,
/// which the text column shows above its words. `None` where the screen is too small for the
/// figure to have a part of its own.
fn plan(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    (title, figure): (&str, PageFigure<'_>),
    area: Rect,
) -> Option<FigurePagePlan> {
    let sizes = &screen.theme.sizes;
    let margin = sizes.page_margin_pt;
    let gap = sizes.block_spacing_pt;
    // The caption and controls sit close under their drawing.
    let under = sizes.item_spacing_pt;
    let inner = area.shrink(margin);
    // The least a drawing may be and still be worth its own part of the screen: a good part
    // of its room's height (or all it needs), and never a thumbnail.
    let least = |natural: f32, room: f32| {
        (room * sizes.figure_min_share)
            .max(4.0 * sizes.min_touch_pt)
            .min(natural)
    };
    if area.width() >= area.height() * sizes.two_column_min_aspect {
        // A readable line of text at any size: at least about 30 characters.
        let text_min = (15.0 * sizes.body_pt).min(inner.width() * 0.5);
        let column =
            (inner.width() * sizes.figure_column_share).min(inner.width() - gap - text_min);
        let left = inner.right() - column;
        let right = Rect::from_min_max(pos2(left, inner.top()), inner.max);
        // Where the text keeps its twelve lines with the figure's controls under it, the
        // drawing has the column's whole height.
        let side = Rect::from_min_max(inner.min, pos2(left - gap, inner.bottom()));
        let beside = measure(ui, screen, (figure, false), side).below;
        let row_pt =
            ui.fonts_mut(|fonts| fonts.row_height(&egui::FontId::proportional(sizes.body_pt)));
        let title_pt = ui
            .painter()
            .layout(
                title.to_owned(),
                crate::theme::bold_font(sizes.title_pt),
                screen.theme.colors.text.color32(),
                side.width(),
            )
            .size()
            .y;
        let text_pt = side.height() - beside - gap - title_pt;
        let needs = measure(ui, screen, (figure, false), right);
        let natural = needs.natural;
        // In consultation mode the clinician talks the patient through the drawing: it keeps
        // the height while the text keeps a few lines.
        let lines = if screen.consult {
            sizes.figure_text_lines_consult
        } else {
            sizes.figure_text_lines
        };
        if text_pt >= lines * row_pt
            && natural.min(right.height()) >= least(natural, right.height())
        {
            let height = natural.min(right.height());
            let top = right.top() + (right.height() - height) / 2.0;
            let drawing = Rect::from_min_size(pos2(left, top), vec2(column, height));
            let below = Rect::from_min_max(pos2(side.left(), side.bottom() - beside), side.max);
            let text = Rect::from_min_max(area.min, pos2(left - gap / 2.0, below.top() - gap));
            return Some(FigurePagePlan {
                drawing,
                below,
                text,
            });
        }
        let height = needs.natural.min(right.height() - under - needs.below);
        if height >= least(needs.natural, right.height()) {
            // The drawing and its room together, centred in the column's height.
            let top = right.top() + (right.height() - height - under - needs.below).max(0.0) / 2.0;
            let drawing = Rect::from_min_size(pos2(left, top), vec2(column, height));
            let below = Rect::from_min_size(
                pos2(left, drawing.bottom() + under),
                vec2(column, needs.below),
            );
            let text = Rect::from_min_max(area.min, pos2(left - gap / 2.0, area.bottom()));
            return Some(FigurePagePlan {
                drawing,
                below,
                text,
            });
        }
    }
    // A tall screen: the figure at the top, at most its share of the height.
    let needs = measure(ui, screen, (figure, false), inner);
    let height = needs
        .natural
        .min(inner.height() * sizes.figure_stack_share)
        .min(inner.height() - under - gap - needs.below - 2.0 * sizes.body_pt);
    if height < least(needs.natural, inner.height() * sizes.figure_stack_share) {
        return None;
    }
    let drawing = Rect::from_min_size(inner.min, vec2(inner.width(), height));
    let below = Rect::from_min_size(
        pos2(inner.left(), drawing.bottom() + under),
        vec2(inner.width(), needs.below),
    );
    let text = Rect::from_min_max(pos2(area.left(), below.bottom() + under), area.max);
    Some(FigurePagePlan {
        drawing,
        below,
        text,
    })
}

/// The figure on the whole room (`area`, between the bars): its room for the controls (with
/// the way back to the page) at the bottom, the drawing as big as the rest allows.
fn plan_enlarged(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    figure: PageFigure<'_>,
    area: Rect,
) -> FigurePagePlan {
    let sizes = &screen.theme.sizes;
    let gap = sizes.item_spacing_pt;
    let inner = area.shrink(sizes.page_margin_pt);
    let needs = measure(ui, screen, (figure, true), inner);
    // On a short screen at a large text size the controls may need more than the room: the
    // drawing keeps a fair part, and the controls scroll in the rest.
    let least = (4.0 * sizes.min_touch_pt).min(inner.height() * 0.5);
    let height = needs
        .natural
        .min(inner.height() - gap - needs.below)
        .max(least);
    let below_pt = needs.below.min(inner.height() - gap - height);
    let top = inner.top() + (inner.height() - height - gap - below_pt).max(0.0) / 2.0;
    let drawing = Rect::from_min_size(pos2(inner.left(), top), vec2(inner.width(), height));
    let below = Rect::from_min_size(
        pos2(inner.left(), drawing.bottom() + gap),
        vec2(inner.width(), below_pt),
    );
    FigurePagePlan {
        drawing,
        below,
        text: Rect::NOTHING,
    }
}

/// Draws a page with a figure in `ui`'s room: the drawing, under it its controls (or the open
/// part's explanation in their place), and the page's text (`text`, drawn in its own
/// rectangle); `enlarged`, the figure alone on the whole room, as big as it goes, with the way
/// back to the page under it. Returns a command tapped, or `None` (with nothing drawn) where
/// the screen is too small for the figure to have a part of its own.
pub fn figure_page_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    (page, figure): (&Page, PageFigure<'_>),
    enlarged: bool,
    text: impl FnOnce(&mut Ui, &mut ScreenContext<'_>),
) -> Option<Option<Command>> {
    let room = ui.max_rect();
    let plan = if enlarged {
        plan_enlarged(ui, screen, figure, room)
    } else {
        plan(ui, screen, (&page.title, figure), room)?
    };
    let child = |ui: &mut Ui, rect: Rect| {
        let mut child = ui.new_child(
            UiBuilder::new()
                .max_rect(rect)
                .layout(Layout::top_down(Align::Min)),
        );
        // Nothing a part draws leaves its own rectangle.
        child.set_clip_rect(rect.intersect(ui.clip_rect()));
        child
    };
    let mut command = None;
    let mut take = |asked: Option<Command>| {
        if asked.is_some() {
            command = asked;
        }
    };
    let height = plan.drawing.height();
    take(super::figure::drawing_ui(
        &mut child(ui, plan.drawing),
        screen,
        figure,
        height,
        false,
    ));
    // The room under the drawing scrolls only where its controls need more than the screen
    // has (the enlarged figure on a short screen at a large text size).
    let mut below = child(ui, plan.below);
    egui::ScrollArea::vertical()
        .id_salt(("figure_below", &page.id))
        .auto_shrink([false, true])
        .max_height(plan.below.height())
        .scroll_source(egui::scroll_area::ScrollSource::ALL)
        .show(&mut below, |ui| {
            if enlarged && super::figure::explanation_open(screen, figure.source) {
                // On the whole screen, the way back to the page stays over the explanation.
                ui.spacing_mut().item_spacing.y = screen.theme.sizes.item_spacing_pt;
                take(super::figure::caption_row_ui(ui, screen, figure, true));
            }
            match super::figure::explanation_ui(ui, screen, figure.source) {
                Some((_, close)) => take(close),
                None => take(super::figure::controls_ui(
                    ui,
                    screen,
                    figure,
                    (Some(enlarged), false),
                )),
            }
        });
    if plan.text.is_positive() {
        text(&mut child(ui, plan.text), screen);
    }
    Some(command)
}
