//! The attract screen: what the kiosk shows while nobody uses it. A big invitation to touch,
//! the diagrams one after another with a slow cross-fade, and one button per language. A touch
//! anywhere starts a visit. The fade repaints at a capped rate; between fades nothing is drawn
//! until the next one is due.

use egui::{Align, Label, Layout, RichText, Sense, Ui};

use super::ScreenContext;
use super::home::clinic_bar_ui;
use crate::app::Command;
use crate::content::model::{Block, FigureSource};
use crate::diagram::DiagramView;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind};

/// Draws the attract screen at `now_secs` (egui's input time).
pub fn attract_ui(ui: &mut Ui, screen: &mut ScreenContext<'_>, now_secs: f64) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let interface = &screen.language.interface;
    let mut command = None;

    clinic_bar_ui(ui, screen, false);

    // Which diagram shows, and how far the fade to it has come.
    // Every diagram the pages show, once, with the words the page gives screen readers.
    let mut shown: Vec<(&String, &String)> = Vec::new();
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
    let switch_secs = f64::from(sizes.attract_switch_secs.max(1.0));
    let cycle = (now_secs / switch_secs).floor();
    let into_cycle_secs = now_secs - cycle * switch_secs;
    let fade_secs = f64::from(sizes.attract_fade_secs);
    // The first picture after the kiosk starts shows at once (the screen is ready the moment
    // it appears); each later one fades in.
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
            ui.with_layout(Layout::top_down(Align::Center), |ui| {
                let column_pt = whole.width() - 2.0 * sizes.page_margin_pt;
                ui.set_max_width(sizes.home_max_width_pt.min(column_pt));
                ui.add_space(sizes.block_spacing_pt);
                ui.add(
                    Label::new(
                        RichText::new(&interface.attract_title)
                            .font(bold_font(sizes.title_pt * 1.25))
                            .color(colors.text.color32()),
                    )
                    .wrap(),
                );
                ui.add(Label::new(
                    RichText::new(&interface.attract_touch)
                        .size(sizes.heading_pt)
                        .color(colors.accent.color32()),
                ));
                ui.add_space(sizes.block_spacing_pt);
                let languages_height = sizes.min_touch_pt + 3.0 * sizes.block_spacing_pt;
                let diagram_height =
                    (ui.available_height() - languages_height).max(sizes.figure_height_pt);
                if let Some((id, alt)) =
                    (!shown.is_empty()).then(|| shown[cycle as usize % shown.len()])
                    && let Some(diagram) = screen.deck.diagrams.get(id)
                {
                    ui.scope(|ui| {
                        ui.multiply_opacity(opacity);
                        ui.set_max_width(sizes.content_max_width_pt.min(column_pt));
                        let (deck, images) = (screen.deck, &mut *screen.images);
                        let max_side_px = sizes.texture_max_side_px;
                        let _ = DiagramView {
                            diagram,
                            words: screen.language.diagram_texts.get(id),
                            alt,
                            max_height_pt: diagram_height,
                            open_hotspot: None,
                            step: diagram.last_step(),
                            hotspots: false,
                        }
                        .ui(
                            ui,
                            theme,
                            screen.diagrams,
                            &mut |ctx, name| {
                                images
                                    .texture(ctx, &deck.image_path(name), max_side_px)
                                    .cloned()
                            },
                        );
                    });
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
                // One button per language: the row is ready for Spanish.
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
