//! The attract screen: what the kiosk shows while nobody uses it. A big invitation to touch in
//! every language, a friendly picture per topic one after another with its title in every
//! language, a slow cross-fade (words and labels never two at once), a clear cue to touch, and
//! one button per language. A touch anywhere starts a visit. The fade repaints at a capped
//! rate; between fades nothing is drawn until the next one is due.

use egui::{Align, Label, Layout, RichText, Sense, Ui};

use super::ScreenContext;
use super::home::clinic_bar_ui;
use crate::app::Command;
use crate::content::model::{Block, FigureSource};
use crate::diagram::DiagramView;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Icon};

/// One picture of the attract loop.
#[derive(Clone)]
struct AttractPicture<'a> {
    /// The diagram drawn.
    id: &'a str,
    /// What screen readers hear for it.
    alt: &'a str,
    /// The words under it, one line per language (a topic's title); none for a page's
    /// diagram, whose own labels say what it shows.
    captions: Vec<&'a str>,
}

/// The pictures the attract screen shows, in order: those `deck.ron` chooses (a topic's home
/// tile picture, or a diagram a page shows), else every topic's home tile picture.
fn shown_pictures<'a>(screen: &ScreenContext<'a>) -> Vec<AttractPicture<'a>> {
    let deck = screen.deck;
    let mut tiles: Vec<AttractPicture<'a>> = Vec::new();
    for (index, topic) in screen.language.topics.iter().enumerate() {
        if let Some(diagram) = deck.tile_diagram(topic)
            && !tiles.iter().any(|seen| seen.id == diagram.id)
        {
            let captions = (deck.languages.iter())
                .filter_map(|language| language.topics.get(index))
                .map(|topic| topic.title.as_str())
                .collect();
            tiles.push(AttractPicture {
                id: &diagram.id,
                alt: &topic.title,
                captions,
            });
        }
    }
    let Some(chosen) = &deck.attract else {
        return tiles;
    };
    let mut figures: Vec<AttractPicture<'a>> = Vec::new();
    for block in screen.language.pages().flat_map(|(_, page)| &page.blocks) {
        if let Block::Figure {
            source: FigureSource::Diagram(id),
            alt,
            ..
        } = block
            && deck.diagrams.contains_key(id)
        {
            figures.push(AttractPicture {
                id,
                alt,
                captions: Vec::new(),
            });
        }
    }
    (chosen.iter())
        .filter_map(|id| {
            (tiles.iter().chain(&figures))
                .find(|picture| picture.id == id)
                .cloned()
        })
        .collect()
}

/// Draws the attract screen at `now_secs` (egui's input time): the invitation in every
/// language, the pictures one after another on one card of a fixed size (so nothing below it
/// moves), each cross-fading into the next (the one going fades out as the next fades in: the
/// card never goes blank), the cue to touch, and the language buttons.
pub fn attract_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, now_secs: f64) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let mut command = None;

    clinic_bar_ui(ui, screen, false);

    let shown = shown_pictures(screen);
    // Which picture shows, and how far the fade to it has come.
    let switch_secs = f64::from(sizes.attract_switch_secs.max(1.0));
    let cycle = (now_secs / switch_secs).floor();
    let into_cycle_secs = now_secs - cycle * switch_secs;
    let fade_secs = f64::from(sizes.attract_fade_secs);
    // The first picture after the kiosk starts shows at once (the screen is ready the moment
    // it appears); each later one fades in as the one before fades out.
    let opacity = if cycle < 1.0 {
        1.0
    } else {
        (into_cycle_secs / fade_secs.max(0.01)).min(1.0) as f32
    };
    if opacity < 1.0 {
        ui.ctx()
            .request_repaint_after_secs(1.0 / sizes.attract_fps.max(1.0));
    } else {
        ui.ctx()
            .request_repaint_after_secs((switch_secs - into_cycle_secs) as f32);
    }

    egui::CentralPanel::default()
        // The page background (transparent when the window clears to it).
        .frame(egui::Frame::new().fill(ui.visuals().panel_fill))
        .show(ui, |ui| {
            let whole = ui.max_rect();
            let column_pt = whole.width() - 2.0 * sizes.page_margin_pt;
            let width = sizes.home_max_width_pt.min(column_pt);
            let card_width = sizes.content_max_width_pt.min(column_pt);
            let pad = sizes.card_padding_pt;
            let words: Vec<_> = (screen.deck.languages.iter())
                .map(|language| &language.interface)
                .collect();
            let text_height = |text: &str, size: f32, wrap: f32| {
                let galley = ui.painter().layout(
                    text.to_owned(),
                    bold_font(size),
                    colors.text.color32(),
                    wrap,
                );
                galley.size().y + ui.spacing().item_spacing.y
            };
            // Under a picture, its words: one line per language, as tall as the tallest.
            let caption_pt = (shown.iter())
                .map(|picture| {
                    (picture.captions.iter())
                        .map(|caption| text_height(caption, sizes.heading_pt, card_width))
                        .sum::<f32>()
                })
                .fold(0.0, f32::max);
            // A picture as tall as the tallest needs at the card's width, never taller than a
            // picture needs to be read from across a waiting room.
            let tallest = (shown.iter())
                .filter_map(|picture| screen.deck.diagrams.get(picture.id))
                .map(|d| (card_width - 2.0 * pad) * d.view_box.height / d.view_box.width.max(1.0))
                .fold(0.0, f32::max)
                .min(sizes.attract_picture_max_pt)
                + 2.0 * pad
                + caption_pt;
            // What is around the card: the invitation in every language, the cue to touch,
            // then the buttons.
            let title_pt = |index: usize| {
                if index == 0 {
                    sizes.title_pt * 1.25
                } else {
                    sizes.title_pt
                }
            };
            // The cue to touch: a big primary button with a finger and the words to touch in
            // every language, one line each. It does what a touch anywhere does.
            let cue_words = (words.iter())
                .map(|words| words.attract_touch.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            let invitation = &screen.language.interface.attract_touch;
            let cue = BigButton::new(theme, &cue_words, ButtonKind::Primary)
                .icon(Icon::Touch)
                .text_size(sizes.heading_pt)
                .accessible_label(invitation);
            let around: f32 = (words.iter().enumerate())
                .map(|(index, words)| text_height(&words.attract_title, title_pt(index), width))
                .sum::<f32>()
                + cue.size(ui).y
                + sizes.button_height_pt
                + 4.0 * sizes.block_spacing_pt
                // The spacing egui puts after the card and the spaces around it.
                + 4.0 * ui.spacing().item_spacing.y;
            // A tall screen shows as many pictures at once as fit, one above the other (a
            // portrait screen left half of itself empty with one).
            let room = whole.height() - around;
            let slots = ((room / tallest).floor() as usize).clamp(1, shown.len().max(1));
            // Never taller than the room left: the language buttons stay on the screen.
            let card_height = (slots as f32 * tallest)
                .max(sizes.figure_height_pt)
                .min(room)
                .max(0.0);
            // The whole block in the middle of the screen: on a tall screen the space left is
            // shared above and below, not all at the bottom.
            let spare = (whole.height() - around - card_height).max(0.0);
            ui.with_layout(Layout::top_down(Align::Center), |ui| {
                ui.set_max_width(width);
                ui.add_space(sizes.block_spacing_pt + spare / 2.0);
                for (index, words) in words.iter().enumerate() {
                    ui.add(
                        Label::new(
                            RichText::new(&words.attract_title)
                                .font(bold_font(title_pt(index)))
                                .color(colors.text.color32()),
                        )
                        .wrap(),
                    );
                }
                ui.add_space(sizes.block_spacing_pt);
                let (card, _) =
                    ui.allocate_exact_size(egui::vec2(card_width, card_height), Sense::hover());
                card_ui(
                    ui,
                    screen,
                    &shown,
                    (card, slots, caption_pt),
                    (cycle, opacity),
                );
                ui.add_space(sizes.block_spacing_pt);
                // A touch anywhere starts a visit (the pictures too); only the cue and the
                // language buttons, added after it, are on top of it. It is not a control of
                // its own (nothing to focus, nothing for a screen reader to find): the cue is
                // the button a screen reader or a keypad finds, with the invitation's words.
                let anywhere =
                    ui.interact(whole, ui.scope_id().with("attract_touch"), Sense::CLICK);
                if anywhere.clicked() {
                    command = Some(Command::Home);
                }
                if ui.add(cue).clicked() {
                    command = Some(Command::Home);
                }
                ui.add_space(sizes.block_spacing_pt);
                if let Some(asked) = language_buttons_ui(ui, screen) {
                    command = Some(asked);
                }
            });
        });
    command
}

/// The card of pictures: `slots` of them, one above the other, each cross-fading from the
/// picture before to the one showing in `cycle` (`opacity` of the way), with its words
/// (`caption_pt` high) under it.
fn card_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    shown: &[AttractPicture<'_>],
    (card, slots, caption_pt): (egui::Rect, usize, f32),
    (cycle, opacity): (f64, f32),
) {
    let theme = screen.theme;
    let (sizes, colors) = (&theme.sizes, &theme.colors);
    ui.painter().rect(
        card,
        sizes.corner_radius_pt,
        (theme.diagram.color("paper")).unwrap_or(colors.surface.color32()),
        egui::Stroke::new(sizes.stroke_pt, colors.border.color32()),
        egui::StrokeKind::Inside,
    );
    let count = shown.len();
    let slot_height = card.height() / slots as f32;
    for slot in (0..slots).filter(|_| count > 0) {
        let area = egui::Rect::from_min_size(
            card.min + egui::vec2(0.0, slot as f32 * slot_height),
            egui::vec2(card.width(), slot_height),
        );
        let cycle = cycle as usize;
        let now = (cycle * slots + slot) % count;
        let before = ((cycle + count * slots - 1) * slots + slot) % count;
        let fading = opacity < 1.0 && before != now;
        // The words go with the picture going in the first half of the fade and come with the
        // next in the second: never two at once.
        let (words_of, words_opacity) = if fading && opacity < 0.5 {
            (before, 1.0 - 2.0 * opacity)
        } else if fading {
            (now, 2.0 * opacity - 1.0)
        } else {
            (now, 1.0)
        };
        let (picture_area, caption_area) = area.split_top_bottom_at_y(area.bottom() - caption_pt);
        if fading {
            picture_on_card_ui(ui, screen, &shown[before], picture_area, 1.0 - opacity);
        }
        picture_on_card_ui(ui, screen, &shown[now], picture_area, opacity);
        captions_ui(ui, screen, &shown[words_of], caption_area, words_opacity);
    }
}

/// One button per language, in the middle; returns the language chosen.
fn language_buttons_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let mut command = None;
    ui.horizontal(|ui| {
        let width: f32 =
            screen.deck.languages.len() as f32 * (sizes.min_touch_pt * 3.0 + sizes.item_spacing_pt);
        ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
        for (index, language) in screen.deck.languages.iter().enumerate() {
            let button = BigButton::new(
                theme,
                &language.interface.language_name,
                ButtonKind::Secondary,
            )
            .min_width(sizes.min_touch_pt * 3.0);
            if ui.add(button).clicked() {
                command = Some(Command::ChooseLanguage(index));
            }
        }
    });
    command
}

/// The words under a picture, one line per language, at `opacity`, centred in `area`.
fn captions_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    picture: &AttractPicture<'_>,
    area: egui::Rect,
    opacity: f32,
) {
    let theme = screen.theme;
    let builder = egui::UiBuilder::new()
        .max_rect(area)
        .layout(Layout::top_down(Align::Center));
    let ui = &mut ui.new_child(builder);
    ui.multiply_opacity(opacity);
    for (index, caption) in picture.captions.iter().enumerate() {
        let color = if index == 0 {
            theme.colors.text
        } else {
            theme.colors.text_muted
        };
        ui.add(
            Label::new(
                RichText::new(*caption)
                    .font(bold_font(theme.sizes.heading_pt))
                    .color(color.color32()),
            )
            .wrap(),
        );
    }
}

/// Draws `picture` at `opacity` in the middle of the attract screen's `card`, without a card
/// of its own; a diagram's labels only when it shows alone (not while fading).
fn picture_on_card_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    picture: &AttractPicture<'_>,
    card: egui::Rect,
    opacity: f32,
) {
    let Some(diagram) = screen.deck.diagrams.get(picture.id) else {
        return;
    };
    let theme = screen.theme;
    let sizes = &theme.sizes;
    // Its height at the card's width, centred in the card.
    let pad = sizes.card_padding_pt;
    let fit = ((card.width() - 2.0 * pad) / diagram.view_box.width.max(1.0))
        .min((card.height() - 2.0 * pad) / diagram.view_box.height.max(1.0));
    let height = (diagram.view_box.height * fit + 2.0 * pad).min(card.height());
    let top = card.center().y - height / 2.0;
    let area = egui::Rect::from_min_size(
        egui::pos2(card.left(), top),
        egui::vec2(card.width(), height),
    );
    let builder = egui::UiBuilder::new()
        .max_rect(area)
        .layout(Layout::top_down(Align::Center))
        .id_salt(("attract", picture.id));
    // A child that takes no room of the screen's own: the card was laid out whole, and the
    // picture going and the one coming share it.
    let ui = &mut ui.new_child(builder);
    ui.multiply_opacity(opacity);
    let (deck, images) = (screen.deck, &mut *screen.images);
    let max_side_px = sizes.texture_max_side_px;
    let _ = DiagramView {
        diagram,
        words: (opacity >= 1.0)
            .then(|| screen.language.diagram_texts.get(picture.id))
            .flatten(),
        alt: picture.alt,
        max_height_pt: height,
        open_hotspot: None,
        step: diagram.last_step(),
        hotspots: false,
        card: false,
    }
    .ui(ui, theme, screen.diagrams, &mut |ctx, name| {
        images
            .texture(ctx, &deck.image_path(name), max_side_px)
            .cloned()
    });
}
