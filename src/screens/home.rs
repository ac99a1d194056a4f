//! The home screen: the clinic, a welcome, and one big tile per topic.

use egui::{Label, Panel, RichText, Ui};

use super::ScreenContext;
use super::layout::{bar_ui, scroll_column_ui};
use crate::app::Command;
use crate::content::PageRef;
use crate::theme::bold_font;
use crate::widgets::{Figure, FigureContent, TopicTile};

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
            ui.add(
                Label::new(
                    RichText::new(&language.interface.home_subtitle)
                        .size(sizes.body_pt)
                        .color(colors.text_muted.color32()),
                )
                .wrap()
                .sense(super::text::READABLE),
            );

            let gap = sizes.block_spacing_pt;
            let width = ui.available_width();
            let columns =
                (((width + gap) / (sizes.tile_min_width_pt + gap)).floor() as usize).clamp(1, 4);
            let tile_width = (width - gap * (columns - 1) as f32) / columns as f32;
            // A small picture on every tile, at its top left with the number on its corner:
            // a quarter of the tile at most, as high as a tile's words.
            let picture_pt = (tile_width / 4.0)
                .min(sizes.tile_min_height_pt - 2.0 * sizes.card_padding_pt)
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
                            0.0,
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
                    .fold(sizes.tile_min_height_pt, f32::max);
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
                        TopicTile::number_on_picture(ui.painter(), theme, at, index + 1);
                    }
                });
            }
        },
    );
    command
}

/// The clinic's logo, name and department, in the bar at the top; with the reading tools
/// (`tools`), beside them or in a bar under it. Returns a reading tool's command.
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
    if !tools {
        bar_ui(ui, theme, Panel::top("clinic_bar"), clinic_ui);
        return None;
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
