//! A topic's page: Home and progress at the top, the page in the middle, Back and Next at the
//! bottom, a swipe to turn the page, and a suggestion of what to read next at a topic's end.

use egui::emath::RectTransform;
use egui::{Align, Label, Layout, Panel, Pos2, Rect, RichText, Ui, vec2};

use super::blocks::block_ui;
use super::ink_layer::{ink_layer_ui, page_surfaces};
use super::layout::{ColumnScroll, bar_ui, central_ui, column_ui, scroll_column_with_ui};
use super::{InkArea, ScreenContext};
use crate::app::{Command, InkInput, Swipe};
use crate::content::PageRef;
use crate::ink::Surface;
use crate::narration::Part;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Icon, ProgressDots, TopicTile};

/// Draws page `at`. A page with a figure gives it a part of the screen of its own: beside the
/// text on a wide screen, above it on a tall one, or the whole screen when enlarged. In
/// consultation mode the tool panel shows at the side, and the pen or pointer (`ink_input`)
/// works over the page instead of taps, scrolling and swipes.
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
    let figure = page.figure();
    let enlarged = screen.enlarged && figure.is_some();
    let mut command = None;

    let (home, tool) = topic_bar_ui(ui, screen, &topic.title);
    if home {
        command = Some(Command::Home);
    }
    if tool.is_some() {
        command = tool;
    }
    // Enlarged, the figure has the screen: its own button goes back to the page.
    if !enlarged {
        let progress = language.page_of(at);
        let dots = (progress.as_str(), at.page, topic.pages.len());
        // Next says where it goes where that is not the next page: a topic's last page goes
        // to its quiz (the one way forward; no second button for it on the page).
        let last = at.page + 1 == topic.pages.len();
        let next = if last && !topic.quiz.is_empty() {
            &interface.quiz_title
        } else {
            &interface.next
        };
        if let Some(asked) = back_next_bar_ui(ui, screen, next, dots, true) {
            command = Some(asked);
        }
    }

    let drawing = screen.consult && screen.ink.tool.takes_the_finger();
    if screen.consult
        && let Some(asked) = super::consult_tools_ui(
            ui,
            screen,
            &page_surfaces(page, screen.diagram_steps),
            Some(&page.id),
        )
    {
        command = Some(asked);
    }

    let scroll = ColumnScroll {
        id_salt: &page.id,
        max_width_pt: sizes.content_max_width_pt,
        scroll_to_top,
        drag: !drawing,
    };
    // The page's text; `skip`: the figure's block, drawn apart.
    let column = |ui: &mut Ui, screen: &mut ScreenContext<'_>, skip: Option<usize>| {
        let mut command = None;
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
        let lit = screen.reading.clone();
        let lit_in = |part| lit.as_ref().filter(|reading| reading.part == part);
        // Where the part being read was drawn, to bring it into view when the voice reaches it.
        // (Measured from the cursor, not with a scope of its own, which would add spacing.)
        let mut lit_rect = None;
        let drawn_since = |ui: &Ui, top: f32| {
            Rect::from_x_y_ranges(ui.max_rect().x_range(), top..=ui.min_rect().bottom())
        };
        let top = ui.cursor().top();
        super::text::lit_ui(ui, theme, lit_in(Part::Title).is_some(), |ui| {
            super::text::page_title_ui(ui, theme, &page.title, (scroll_to_top, screen.keypad));
        });
        if lit_in(Part::Title).is_some() {
            lit_rect = Some(drawn_since(ui, top));
        }
        for (index, block) in page.blocks.iter().enumerate() {
            if Some(index) == skip {
                continue;
            }
            let reading = lit_in(Part::Block(index));
            let top = ui.cursor().top();
            let asked = match (block, reading) {
                // A paragraph lights the very sentence being read; other blocks light whole.
                (crate::content::model::Block::Paragraph(text), Some(reading)) => {
                    super::text::text_with_sentence_lit_ui(ui, theme, text, &reading.sentence);
                    None
                }
                _ => super::text::lit_ui(ui, theme, reading.is_some(), |ui| {
                    block_ui(ui, screen, page, block)
                }),
            };
            if reading.is_some() {
                lit_rect = Some(drawn_since(ui, top));
            }
            if let Some(asked) = asked {
                command = Some(asked);
            }
        }
        if screen.reveal_reading
            && let Some(rect) = lit_rect
        {
            // Only as far as it takes: a part already in view does not move.
            ui.scroll_to_rect(rect, None);
        }
        if at.page + 1 == topic.pages.len()
            && let Some(asked) = up_next_ui(ui, screen, at)
        {
            command = Some(asked);
        }
        command
    };
    let view = match figure {
        None => scroll_column_with_ui(ui, theme, scroll, |ui| {
            if let Some(asked) = column(ui, screen, None) {
                command = Some(asked);
            }
        }),
        Some((index, figure)) => central_ui(ui, |ui| {
            let view = ui.max_rect();
            let mut text_command = None;
            let text = |ui: &mut Ui, screen: &mut ScreenContext<'_>| {
                column_ui(ui, theme, scroll, |ui| {
                    text_command = column(ui, screen, Some(index));
                });
            };
            let placed =
                super::figure_page::figure_page_ui(ui, screen, (page, figure), enlarged, text);
            match placed {
                Some(asked) => {
                    if let Some(asked) = asked.or(text_command) {
                        command = Some(asked);
                    }
                }
                // Too small a screen to give the figure a part of its own: it is drawn
                // among the blocks, and the whole page scrolls.
                None => {
                    column_ui(ui, theme, scroll, |ui| {
                        if let Some(asked) = column(ui, screen, None) {
                            command = Some(asked);
                        }
                    });
                }
            }
            view
        }),
    };

    if screen.consult
        && let Some(drawn) = ink_layer_ui(ui, screen, view, ink_input)
    {
        command = command.or(Some(drawn));
    }
    if drawing {
        *swipe = Swipe::default();
    } else if let Some(swiped) = swipe_command(ui, screen, swipe, !enlarged) {
        command = command.or(Some(swiped));
    }
    command
}

/// The bar at the top of a page or quiz: Home, the topic's title, and the reading tools when
/// they fit beside them. Returns whether Home was tapped, and a reading tool's command.
pub(super) fn topic_bar_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    title: &str,
) -> (bool, Option<Command>) {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let interface = &screen.language.interface;
    let home = || BigButton::new(theme, &interface.home, ButtonKind::Secondary).icon(Icon::Home);
    // A clinician needs Home in the bar, not the title the page shows under it: the reading
    // tools may take the title's room (see `reader_tools_in_top_bar`).
    let keep_pt = if screen.consult {
        home().size(ui).x + sizes.item_spacing_pt
    } else {
        sizes.top_bar_title_min_pt
    };
    super::top_bar_ui(ui, screen, "page_top_bar", keep_pt, |ui| {
        let home = home();
        let tapped = ui.add(home).clicked();
        ui.add(
            Label::new(
                RichText::new(title)
                    .font(bold_font(sizes.body_pt))
                    .color(colors.text.color32()),
            )
            .truncate()
            .sense(super::text::READABLE),
        );
        tapped
    })
}

/// The bar at the bottom of a page or quiz: Back, the Listen controls (with `listen`), dots
/// for `(at, of)` with the progress in words, and `next` (the words differ in a quiz).
pub(super) fn back_next_bar_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    next: &str,
    (progress, at, of): (&str, usize, usize),
    listen: bool,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let interface = &screen.language.interface;
    let mut command = None;
    bar_ui(ui, theme, Panel::bottom("page_bottom_bar"), |ui| {
        let centre_x = ui.max_rect().center().x;
        let mut middle_x = Some(centre_x);
        let back = BigButton::new(theme, &interface.back, ButtonKind::Secondary).icon(Icon::Back);
        if ui.add(back).clicked() {
            command = Some(Command::Back);
        }
        // The least the page number needs ("2 / 3").
        let numbers = ui
            .painter()
            .layout_no_wrap(
                format!("{} / {of}", at + 1),
                egui::FontId::proportional(sizes.small_pt),
                theme.colors.text_muted.color32(),
            )
            .size()
            .x;
        // Next with its words where they fit beside Back, the least of Listen and the page
        // number; else "Next", its words for screen readers.
        let listen_pt = if listen { sizes.min_touch_pt } else { 0.0 };
        let least = numbers + listen_pt + 4.0 * ui.spacing().item_spacing.x;
        let long = BigButton::new(theme, next, ButtonKind::Primary).icon_after(Icon::Next);
        let next_button =
            if next == interface.next || long.size(ui).x <= ui.available_width() - least {
                long
            } else {
                BigButton::new(theme, &interface.next, ButtonKind::Primary)
                    .icon_after(Icon::Next)
                    .accessible_label(next)
            };
        if listen {
            // The room left of Next, which is laid out after, less the page number's; and no
            // further than the dots and words on the bar's middle, so they keep their place as
            // Listen's buttons change (Listen gives way: its word, then Stop, then the volume's
            // speakers).
            let gap = ui.spacing().item_spacing.x;
            let next_width = next_button.size(ui).x;
            let words = ui
                .painter()
                .layout_no_wrap(
                    progress.to_owned(),
                    egui::FontId::proportional(sizes.small_pt),
                    theme.colors.text_muted.color32(),
                )
                .size()
                .x;
            let middle = ProgressDots::new(theme, at, of).width() + gap + words;
            let to_middle = centre_x - middle / 2.0 - ui.cursor().min.x - gap;
            // Where even Listen's least while it plays (Pause and the volume, a finger's width
            // each) does not fit left of the middle (a narrow screen), the dots and words sit
            // against Next instead: still in every state, as Next is.
            if to_middle < 3.0 * (sizes.min_touch_pt + gap) {
                middle_x = None;
            }
            let room = (ui.available_width() - next_width - numbers - 3.0 * gap)
                .min(to_middle.max(sizes.min_touch_pt));
            if let Some(asked) = super::listen_controls::listen_controls_ui(ui, screen, room) {
                command = Some(asked);
            }
        }
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.add(next_button).clicked() {
                command = Some(Command::Next);
            }
            // Between them, on the bar's middle: the dots and the progress in words.
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                progress_ui(ui, theme, (progress, at, of), middle_x);
            });
        });
    });
    command
}

/// Between Back and Next: the dots and the progress in words, on the bar's middle (`centre_x`)
/// where the room left allows (so they keep their place as Listen's buttons change), else as
/// near it; against Next where there is no middle to keep (none). Side
/// by side where they fit; else the words under the dots; else the numbers alone ("2 / 3",
/// read out in words), under the dots where there is height for them: the page number shows at
/// every size, beside Listen on a narrow screen too.
fn progress_ui(
    ui: &mut Ui,
    theme: &crate::theme::Theme,
    (progress, at, of): (&str, usize, usize),
    centre_x: Option<f32>,
) {
    let sizes = &theme.sizes;
    let room = ui.available_width();
    let height = ui.available_height();
    // Room before something `width` wide so that it sits on the bar's middle (`centre_x`),
    // whatever is beside it (Listen's buttons come and go): as near as the room allows; or
    // (none) against Next.
    let before = |ui: &Ui, width: f32| {
        let last = (room - width).max(0.0);
        centre_x.map_or(last, |x| {
            (x - width / 2.0 - ui.cursor().min.x).clamp(0.0, last)
        })
    };
    let dots = ProgressDots::new(theme, at, of);
    let galley = |ui: &Ui, text: &str| {
        egui::WidgetText::from(
            RichText::new(text)
                .size(sizes.small_pt)
                .color(theme.colors.text_muted.color32()),
        )
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::FontSelection::Default,
        )
    };
    let words = galley(ui, progress);
    let both = dots.width() + ui.spacing().item_spacing.x + words.size().x;
    if both <= room {
        ui.add_space(before(ui, both));
        ui.add(dots);
        ui.add(Label::new(words).sense(super::text::READABLE));
        return;
    }
    let (shown, short) = if words.size().x <= room {
        (words, false)
    } else {
        (galley(ui, &format!("{} / {of}", at + 1)), true)
    };
    let gap = sizes.item_spacing_pt / 2.0;
    let with_dots = dots.width() <= room && dots.height() + gap + shown.size().y <= height;
    let content = shown.size().y + if with_dots { dots.height() + gap } else { 0.0 };
    let width = shown
        .size()
        .x
        .max(if with_dots { dots.width() } else { 0.0 })
        .min(room);
    ui.add_space(before(ui, width));
    ui.allocate_ui_with_layout(
        egui::vec2(width, height),
        Layout::top_down(Align::Center),
        |ui| {
            // In the middle of the bar, as Back and Next are.
            ui.spacing_mut().item_spacing.y = gap;
            ui.add_space(((height - content) / 2.0 - gap).max(0.0));
            if with_dots {
                ui.add(dots);
            }
            if shown.size().x <= room {
                let label = ui.add(Label::new(shown).sense(super::text::READABLE));
                if short {
                    label.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Label, true, progress)
                    });
                }
            }
        },
    );
}

/// At a topic's end: the next topic as a tile, or a way back to all topics after the last. A
/// topic with a quiz ends with it instead: the bar's Next says so, and nothing here competes.
fn up_next_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, at: PageRef) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    if language
        .topics
        .get(at.topic)
        .is_some_and(|t| !t.quiz.is_empty())
    {
        return None;
    }
    ui.add_space(sizes.block_spacing_pt);
    ui.add(
        Label::new(
            RichText::new(&language.interface.up_next)
                .font(bold_font(sizes.heading_pt))
                .color(theme.colors.text.color32()),
        )
        .sense(super::text::READABLE),
    );
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

/// A quick horizontal finger movement turns the page (`turn_pages`: not on a figure on the whole
/// screen, where a drag pans): right to left is Next, left to right is Back. One that starts on a
/// walk-through diagram moves its steps instead. Mostly-vertical movements are scrolling and are
/// left alone.
fn swipe_command(
    ui: &Ui,
    screen: &ScreenContext<'_>,
    swipe: &mut Swipe,
    turn_pages: bool,
) -> Option<Command> {
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
        (None, _) if !turn_pages => return None,
        (None, true) => Command::Next,
        (None, false) => Command::Back,
    })
}
