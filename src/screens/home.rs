//! The home screen: the clinic, a welcome, and one big tile per topic.

use egui::{Label, Panel, RichText, Ui};

use super::ScreenContext;
use super::layout::{bar_ui, scroll_column_ui};
use crate::app::Command;
use crate::content::PageRef;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Figure, FigureContent, Icon, TopicTile};

/// Draws the home screen.
pub fn home_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    seen_topics: &std::collections::BTreeSet<usize>,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let language = screen.language;
    let mut command = clinic_bar_ui(ui, screen, true);

    scroll_column_ui(
        ui,
        theme,
        "home",
        sizes.home_max_width_pt,
        scroll_to_top,
        |ui| {
            let title = &language.interface.home_title;
            let response = ui.add(
                Label::new(
                    RichText::new(title)
                        .font(bold_font(sizes.title_pt))
                        .color(colors.text.color32()),
                )
                .wrap()
                .sense(super::text::READABLE),
            );
            super::text::heading_in_tree(ui, &response, title, 1);
            if let Some(asked) = subtitle_row_ui(ui, screen) {
                command = Some(asked);
            }

            let gap = sizes.block_spacing_pt;
            let width = ui.available_width();
            let columns =
                (((width + gap) / (sizes.tile_min_width_pt + gap)).floor() as usize).clamp(1, 4);
            let tile_width = (width - gap * (columns - 1) as f32) / columns as f32;
            // The grid fills the screen's height (to twice a tile's least height), rather
            // than leave its lower part empty; more topics than fit scroll.
            let rows = language.topics.len().div_ceil(columns).max(1);
            // (Under the last row: the column's margin and a spacing.)
            let room =
                ui.clip_rect().bottom() - ui.cursor().top() - sizes.page_margin_pt - 2.0 * gap;
            let tile_height = ((room - gap * (rows - 1) as f32) / rows as f32)
                .clamp(sizes.tile_min_height_pt, 2.0 * sizes.tile_min_height_pt);
            // A picture on every tile, at its left: as big as the tile's height allows, up
            // to two fifths of its width, leaving its words room for the longest word of a
            // title (never broken in two).
            let pad = sizes.card_padding_pt;
            let corner = TopicTile::corner_number_pt(theme, 1.0);
            let words_room = (language.topics.iter())
                .flat_map(|topic| topic.title.split_whitespace())
                .map(|word| {
                    let font = bold_font(sizes.tile_title_pt);
                    let color = colors.text.color32();
                    ui.painter()
                        .layout_no_wrap(word.to_owned(), font, color)
                        .size()
                        .x
                })
                .fold(4.0 * sizes.tile_title_pt, f32::max)
                + sizes.stroke_pt;
            let picture_pt = (tile_width * 0.4)
                .min(tile_width - 3.0 * pad - corner - sizes.item_spacing_pt - words_room)
                .min(tile_height - 2.0 * pad)
                .max(sizes.min_touch_pt);
            // The pictures' own padding is a card's; on a tile it is the tile's (once a frame,
            // not once a tile).
            let unpadded = super::thumbnail::unpadded(theme);
            let topics: Vec<_> = language.topics.iter().enumerate().collect();
            for row in topics.chunks(columns) {
                let icons: Vec<Option<egui::TextureHandle>> = row
                    .iter()
                    .map(|(_, topic)| screen.topic_icon(ui.ctx(), topic))
                    .collect();
                let tiles: Vec<TopicTile<'_>> = row
                    .iter()
                    .zip(&icons)
                    .map(|((index, topic), icon)| {
                        let seen = seen_topics.contains(index);
                        // The first topic says where to begin, until the patient has begun.
                        let start = *index == 0 && seen_topics.is_empty();
                        TopicTile::new(
                            theme,
                            index + 1,
                            &topic.title,
                            &topic.subtitle,
                            tile_width,
                            tile_height,
                        )
                        .icon(icon.as_ref())
                        .picture_space(picture_pt)
                        .start_here(start.then_some(language.interface.start_here.as_str()))
                        .seen(seen.then_some(language.interface.seen.as_str()))
                    })
                    .collect();
                let height = tiles
                    .iter()
                    .map(|tile| tile.needed_height(ui))
                    .fold(tile_height, f32::max);
                ui.horizontal_top(|ui| {
                    ui.spacing_mut().item_spacing.x = gap;
                    for (((index, topic), tile), icon) in row.iter().zip(tiles).zip(&icons) {
                        let response = ui.add(tile.min_height(height));
                        if response.clicked() {
                            command = Some(Command::Open(PageRef {
                                topic: *index,
                                page: 0,
                            }));
                        }
                        let at = TopicTile::picture_rect(theme, response.rect, picture_pt);
                        // A topic's own picture file (its `icon`), drawn by the tile, comes
                        // before its diagram.
                        if icon.is_none()
                            && let Some(diagram) = screen.deck.tile_diagram(topic)
                        {
                            let step = diagram.last_step();
                            let drawing = (diagram, step);
                            super::thumbnail::thumbnail_ui(
                                ui,
                                screen,
                                &unpadded,
                                drawing,
                                (at, false),
                            );
                        }
                    }
                });
            }
        },
    );
    command
}

/// The line that tells a patient what to do, and Watch (every walk-through, played in
/// order) at the row's right end, or under the line where the row is short of room.
fn subtitle_row_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    let theme = screen.theme;
    let interface = &screen.language.interface;
    let subtitle = |ui: &mut Ui| {
        ui.add(
            Label::new(
                RichText::new(&interface.home_subtitle)
                    .size(theme.sizes.body_pt)
                    .color(theme.colors.text_muted.color32()),
            )
            .wrap()
            .sense(super::text::READABLE),
        );
    };
    if screen.deck.walk_throughs().is_empty() {
        subtitle(ui);
        return None;
    }
    let watch =
        BigButton::new(theme, &interface.listen.watch, ButtonKind::Secondary).icon(Icon::Play);
    let width = ui.available_width();
    let button = watch.size(ui);
    let gap = ui.spacing().item_spacing.x;
    let words = ui
        .painter()
        .layout_no_wrap(
            interface.home_subtitle.clone(),
            egui::FontId::proportional(theme.sizes.body_pt),
            theme.colors.text_muted.color32(),
        )
        .size()
        .x;
    let clicked = if words + gap + button.x <= width {
        // One row, the button's height, the words centred on it.
        let row = egui::vec2(width, button.y);
        let centred = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(row, centred, |ui| {
            subtitle(ui);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.add(watch).clicked()
            })
            .inner
        })
        .inner
    } else {
        subtitle(ui);
        ui.add(watch).clicked()
    };
    clicked.then_some(Command::Play(crate::play::PlayCommand::Watch))
}

/// The clinic's logo, name and department, in the bar at the top; with the reading tools
/// (`tools`), beside them or in a bar under it, or on a tall screen in a bar at the bottom.
/// Returns a reading tool's command.
pub(super) fn clinic_bar_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    tools: bool,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let language = screen.language;
    let logo = screen.deck.logo.as_ref().and_then(|logo| {
        let path = screen.deck.image_path(logo);
        screen
            .images
            .texture(ui.ctx(), &path, sizes.texture_max_side_px)
            .cloned()
    });
    let clinic_ui = |ui: &mut Ui| {
        if let Some(texture) = &logo {
            ui.add(
                Figure::new(
                    theme,
                    FigureContent::Picture(texture),
                    &language.clinic.name,
                )
                .max_height(sizes.bar_height_pt - sizes.card_padding_pt),
            );
        }
        ui.vertical(|ui| {
            ui.spacing_mut().item_spacing.y = 0.0;
            ui.add(Label::new(
                RichText::new(&language.clinic.name)
                    .font(bold_font(sizes.body_pt))
                    .color(colors.text.color32()),
            ));
            ui.add(Label::new(
                RichText::new(&language.clinic.department)
                    .size(sizes.small_pt)
                    .color(colors.text_muted.color32()),
            ));
        });
    };
    // On a tall screen (a portrait one) the reading tools are at the bottom, within reach from
    // a chair or a wheelchair; the top of a tall screen is the hardest part to reach.
    let tall = ui.available_height() > ui.available_width();
    if !tools || (tall && !screen.consult) {
        bar_ui(ui, theme, Panel::top("clinic_bar"), clinic_ui);
        return tools
            .then(|| super::bottom_tool_bar_ui(ui, screen))
            .flatten();
    }
    super::top_bar_ui(
        ui,
        screen,
        "clinic_bar",
        sizes.top_bar_title_min_pt,
        clinic_ui,
    )
    .1
}
