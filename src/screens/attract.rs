//! The attract screen: what the kiosk shows while nobody uses it. A big invitation to touch in
//! every language, the diagrams one after another with a slow cross-fade, and one button per
//! language. A touch anywhere starts a visit. The fade repaints at a capped rate; between fades
//! nothing is drawn until the next one is due.

use egui::{Align, Label, Layout, RichText, Sense, Ui};

use super::ScreenContext;
use super::home::clinic_bar_ui;
use crate::app::Command;
use crate::content::model::{Block, FigureSource};
use crate::diagram::DiagramView;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind};

/// The diagrams the attract screen shows, in order, with the words the page gives screen
/// readers: those `deck.ron` chooses, else every diagram the pages show, once.
fn shown_diagrams<'a>(screen: &ScreenContext<'a>) -> Vec<(&'a str, &'a str)> {
    let mut shown: Vec<(&str, &str)> = Vec::new();
    for block in screen.language.pages().flat_map(|(_, page)| &page.blocks) {
        if let Block::Figure {
            source: FigureSource::Diagram(id),
            alt,
            ..
        } = block
            && screen.deck.diagrams.contains_key(id)
            && !shown.iter().any(|(seen, _)| *seen == id)
        {
            shown.push((id, alt));
        }
    }
    match &screen.deck.attract {
        Some(chosen) => (chosen.iter())
            .filter_map(|id| shown.iter().find(|(seen, _)| *seen == id).copied())
            .collect(),
        None => shown,
    }
}

/// Draws the attract screen at `now_secs` (egui's input time): the invitation in every
/// language, the diagrams one after another on one card of a fixed size (so nothing below it
/// moves), each cross-fading into the next (the one going fades out as the next fades in: the
/// card never goes blank), and the language buttons.
pub fn attract_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, now_secs: f64) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let mut command = None;

    clinic_bar_ui(ui, screen, false);

    let shown = shown_diagrams(screen);
    // Which diagram shows, and how far the fade to it has come.
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
            // The card is as tall as the tallest diagram needs at its width, so it never
            // changes size as they change, and never taller than the screen leaves.
            let tallest = (shown.iter())
                .filter_map(|(id, _)| screen.deck.diagrams.get(*id))
                .map(|d| (card_width - 2.0 * pad) * d.view_box.height / d.view_box.width.max(1.0))
                .fold(sizes.figure_height_pt, f32::max)
                + 2.0 * pad;
            let words: Vec<_> = (screen.deck.languages.iter())
                .map(|language| &language.interface)
                .collect();
            // What is around the card: the invitation in every language, then the buttons.
            let text_height = |text: &str, size: f32, bold: bool| {
                let font = if bold {
                    bold_font(size)
                } else {
                    egui::FontId::proportional(size)
                };
                let galley =
                    ui.painter()
                        .layout(text.to_owned(), font, colors.text.color32(), width);
                galley.size().y + ui.spacing().item_spacing.y
            };
            let title_pt = |index: usize| {
                if index == 0 {
                    sizes.title_pt * 1.25
                } else {
                    sizes.title_pt
                }
            };
            let around: f32 = (words.iter().enumerate())
                .map(|(index, words)| {
                    text_height(&words.attract_title, title_pt(index), true)
                        + text_height(&words.attract_touch, sizes.heading_pt, false)
                })
                .sum::<f32>()
                + sizes.button_height_pt
                + 4.0 * sizes.block_spacing_pt
                // The spacing egui puts after the card and the spaces around it.
                + 4.0 * ui.spacing().item_spacing.y;
            // A tall screen shows as many diagrams at once as fit, one above the other (a
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
                    ui.add(
                        Label::new(
                            RichText::new(&words.attract_touch)
                                .size(sizes.heading_pt)
                                .color(colors.accent.color32()),
                        )
                        .wrap(),
                    );
                }
                ui.add_space(sizes.block_spacing_pt);
                let (card, _) =
                    ui.allocate_exact_size(egui::vec2(card_width, card_height), Sense::hover());
                ui.painter().rect(
                    card,
                    sizes.corner_radius_pt,
                    theme
                        .diagram
                        .color("paper")
                        .unwrap_or(colors.surface.color32()),
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
                    let mut layers = vec![(now, opacity)];
                    if opacity < 1.0 && before != now {
                        layers.insert(0, (before, 1.0 - opacity));
                    }
                    for (index, layer_opacity) in layers {
                        diagram_on_card_ui(ui, screen, shown[index], area, layer_opacity);
                    }
                }
                ui.add_space(sizes.block_spacing_pt);
                // A touch anywhere starts a visit (the diagram's parts too); only the language
                // buttons, added after it, are on top of it. Screen readers announce it as a
                // button with the invitation's words.
                let anywhere =
                    ui.interact(whole, ui.scope_id().with("attract_touch"), Sense::click());
                let invitation = &screen.language.interface.attract_touch;
                anywhere.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, invitation)
                });
                if anywhere.clicked() {
                    command = Some(Command::Home);
                }
                // One button per language.
                ui.horizontal(|ui| {
                    let width: f32 = screen.deck.languages.len() as f32
                        * (sizes.min_touch_pt * 3.0 + sizes.item_spacing_pt);
                    ui.add_space(((ui.available_width() - width) / 2.0).max(0.0));
                    for (index, language) in screen.deck.languages.iter().enumerate() {
                        let button = BigButton::new(
                            theme,
                            &language.interface.language_name,
                            ButtonKind::Primary,
                        )
                        .min_width(sizes.min_touch_pt * 3.0);
                        if ui.add(button).clicked() {
                            command = Some(Command::ChooseLanguage(index));
                        }
                    }
                });
            });
        });
    command
}

/// Draws the diagram `id` (described by `alt`) at `opacity` in the middle of the attract
/// screen's `card`, without a card of its own.
fn diagram_on_card_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    (id, alt): (&str, &str),
    card: egui::Rect,
    opacity: f32,
) {
    let Some(diagram) = screen.deck.diagrams.get(id) else {
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
        .id_salt(("attract", id));
    // A child that takes no room of the screen's own: the card was laid out whole, and the
    // picture going and the one coming share it.
    let ui = &mut ui.new_child(builder);
    {
        ui.multiply_opacity(opacity);
        let (deck, images) = (screen.deck, &mut *screen.images);
        let max_side_px = sizes.texture_max_side_px;
        let _ = DiagramView {
            diagram,
            words: screen.language.diagram_texts.get(id),
            alt,
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
}
