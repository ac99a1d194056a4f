//! A topic's page: Home and progress at the top, the page in the middle, Back and Next at the
//! bottom, a swipe to turn the page, and a suggestion of what to read next at a topic's end.

use egui::emath::RectTransform;
use egui::{Align, Label, Layout, Panel, Pos2, Rect, RichText, Ui, vec2};

use super::blocks::block_ui;
use super::ink_layer::{ink_layer_ui, page_surfaces};
use super::layout::{ColumnScroll, bar_ui, scroll_column_with_ui};
use super::{InkArea, ScreenContext};
use crate::app::{Command, InkInput, Swipe};
use crate::content::PageRef;
use crate::ink::Surface;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Icon, ProgressDots, TopicTile};

/// Draws page `at`. In consultation mode the tool panel shows at the side, and the pen or
/// pointer (`ink_input`) works over the page instead of taps, scrolling and swipes.
pub fn page_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    gestures: (&mut Swipe, &mut InkInput),
    scroll_to_top: bool,
    at: PageRef,
) -> Option<Command> {
    let (swipe, ink_input) = gestures;
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let interface = &language.interface;
    let (Some(topic), Some(page)) = (language.topics.get(at.topic), language.page(at)) else {
        return Some(Command::Home);
    };
    let mut command = None;

    if topic_bar_ui(
        ui,
        screen,
        &topic.title,
        &language.page_of(at),
        (at.page, topic.pages.len()),
    ) {
        command = Some(Command::Home);
    }

    if let Some(asked) = super::tool_bar_ui(ui, screen) {
        command = Some(asked);
    }

    if let Some(asked) = back_next_bar_ui(ui, screen, &interface.next) {
        command = Some(asked);
    }

    let drawing = screen.consult && screen.ink.tool.takes_the_finger();
    if screen.consult
        && let Some(asked) =
            super::consult_tools_ui(ui, screen, &page_surfaces(page), Some(&page.id))
    {
        command = Some(asked);
    }

    let scroll = ColumnScroll {
        id_salt: &page.id,
        max_width_pt: sizes.content_max_width_pt,
        scroll_to_top,
        drag: !drawing,
    };
    let view = scroll_column_with_ui(ui, theme, scroll, |ui| {
        if screen.consult {
            // Strokes on the page itself are kept from the column's top-left corner.
            let column = Rect::from_min_size(ui.max_rect().min, vec2(ui.max_rect().width(), 1.0));
            screen.ink.areas.push(InkArea {
                surface: Surface::Page(page.id.clone()),
                to_screen: RectTransform::from_to(
                    Rect::from_min_size(Pos2::ZERO, column.size()),
                    column,
                ),
                clip: ui.clip_rect(),
            });
        }
        super::text::title_ui(ui, theme, &page.title);
        for block in &page.blocks {
            if let Some(asked) = block_ui(ui, screen, page, block) {
                command = Some(asked);
            }
        }
        if at.page + 1 == topic.pages.len()
            && let Some(asked) = up_next_ui(ui, screen, at)
        {
            command = Some(asked);
        }
    });

    if screen.consult
        && let Some(drawn) = ink_layer_ui(ui, screen, view, ink_input)
    {
        command = command.or(Some(drawn));
    }
    if drawing {
        *swipe = Swipe::default();
    } else if let Some(swiped) = swipe_command(ui, screen, swipe) {
        command = command.or(Some(swiped));
    }
    command
}

/// The bar at the top of a page or quiz: Home, the topic's title, dots for `(at, of)` and the
/// progress in words. Returns whether Home was tapped.
pub(super) fn topic_bar_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    title: &str,
    progress: &str,
    (at, of): (usize, usize),
) -> bool {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let interface = &screen.language.interface;
    bar_ui(ui, theme, Panel::top("page_top_bar"), |ui| {
        let home = BigButton::new(theme, &interface.home, ButtonKind::Secondary).icon(Icon::Home);
        let tapped = ui.add(home).clicked();
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.add(Label::new(
                RichText::new(progress)
                    .size(sizes.small_pt)
                    .color(colors.text_muted.color32()),
            ));
            ui.add(ProgressDots::new(theme, at, of));
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                ui.add(
                    Label::new(
                        RichText::new(title)
                            .font(bold_font(sizes.body_pt))
                            .color(colors.text.color32()),
                    )
                    .truncate(),
                );
            });
        });
        tapped
    })
}

/// The bar at the bottom of a page or quiz: Back, and `next` (the words differ in a quiz).
pub(super) fn back_next_bar_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    next: &str,
) -> Option<Command> {
    let theme = screen.theme;
    let interface = &screen.language.interface;
    let mut command = None;
    bar_ui(ui, theme, Panel::bottom("page_bottom_bar"), |ui| {
        let back = BigButton::new(theme, &interface.back, ButtonKind::Secondary).icon(Icon::Back);
        if ui.add(back).clicked() {
            command = Some(Command::Back);
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            let next = BigButton::new(theme, next, ButtonKind::Primary).icon_after(Icon::Next);
            if ui.add(next).clicked() {
                command = Some(Command::Next);
            }
        });
    });
    command
}

/// At a topic's end: the next topic as a tile, or a way back to all topics after the last.
fn up_next_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, at: PageRef) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    ui.add_space(sizes.block_spacing_pt);
    if language
        .topics
        .get(at.topic)
        .is_some_and(|t| !t.quiz.is_empty())
    {
        // A topic with a quiz ends with it; the next topic comes after.
        let quiz = BigButton::new(theme, &language.interface.quiz_title, ButtonKind::Primary)
            .icon_after(Icon::Next);
        return ui
            .add(quiz)
            .clicked()
            .then_some(Command::OpenQuiz(at.topic));
    }
    ui.add(Label::new(
        RichText::new(&language.interface.up_next)
            .font(bold_font(sizes.heading_pt))
            .color(theme.colors.text.color32()),
    ));
    let next_topic = at.topic + 1;
    match language.topics.get(next_topic) {
        Some(next) => {
            let icon = screen.topic_icon(ui.ctx(), next);
            let tile = TopicTile::new(
                theme,
                next_topic + 1,
                &next.title,
                &next.subtitle,
                ui.available_width(),
                0.0,
            )
            .icon(icon.as_ref());
            ui.add(tile).clicked().then_some(Command::Open(PageRef {
                topic: next_topic,
                page: 0,
            }))
        }
        None => {
            let all = BigButton::new(theme, &language.interface.all_topics, ButtonKind::Primary)
                .icon(Icon::Home);
            ui.add(all).clicked().then_some(Command::Home)
        }
    }
}

/// A quick horizontal finger movement turns the page: right to left is Next, left to right is
/// Back. One that starts on a walk-through diagram moves its steps instead. Mostly-vertical
/// movements are scrolling and are left alone.
fn swipe_command(ui: &Ui, screen: &ScreenContext<'_>, swipe: &mut Swipe) -> Option<Command> {
    let (pressed, released, position) = ui.input(|input| {
        (
            input.pointer.any_pressed(),
            input.pointer.any_released(),
            input.pointer.interact_pos(),
        )
    });
    if pressed {
        swipe.origin = position;
    }
    if swipe.origin.is_some() && position.is_some() {
        swipe.latest = position;
    }
    if !released {
        return None;
    }
    let (origin, latest) = (swipe.origin.take()?, swipe.latest.take()?);
    let delta = latest - origin;
    let min_distance_pt = screen.theme.sizes.swipe_min_pt;
    let horizontal = delta.x.abs() >= min_distance_pt && delta.x.abs() > 2.0 * delta.y.abs();
    if !horizontal {
        return None;
    }
    let forward = delta.x < 0.0;
    let on_diagram = screen
        .step_swipe_zones
        .iter()
        .find(|(zone, _)| zone.contains(origin));
    Some(match (on_diagram, forward) {
        (Some((_, diagram)), forward) => Command::StepDiagram {
            diagram: diagram.clone(),
            forward,
        },
        (None, true) => Command::Next,
        (None, false) => Command::Back,
    })
}
