//! Consultation mode's index: every topic, page and diagram as big buttons, and a search box
//! that keeps only what matches every word typed (in titles and text). A diagram with steps can
//! be opened at any step.

use egui::{Label, Panel, RichText, TextEdit, Ui};

use super::ScreenContext;
use super::layout::{bar_ui, scroll_column_ui};
use super::text::{text_ui, title_ui};
use crate::app::Command;
use crate::content::model::{Block, FigureSource};
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Icon};

/// The top bar of a consultation screen: Home and the screen's title. Returns whether Home
/// was tapped.
pub(super) fn home_bar_ui(ui: &mut Ui, screen: &ScreenContext<'_>, id: &str, title: &str) -> bool {
    let theme = screen.theme;
    bar_ui(ui, theme, Panel::top(id.to_owned()), |ui| {
        let home = BigButton::new(
            theme,
            &screen.language.interface.home,
            ButtonKind::Secondary,
        )
        .icon(Icon::Home);
        let tapped = ui.add(home).clicked();
        ui.add(Label::new(
            RichText::new(title)
                .font(bold_font(theme.sizes.body_pt))
                .color(theme.colors.text.color32()),
        ));
        tapped
    })
}

/// Draws the index, filtered by `query`.
pub fn index_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    query: &str,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let interface = &language.interface;
    let mut command = None;

    if home_bar_ui(ui, screen, "index_bar", &interface.index) {
        command = Some(Command::Home);
    }
    if let Some(asked) = super::tool_bar_ui(ui, screen, false) {
        command = Some(asked);
    }

    scroll_column_ui(
        ui,
        theme,
        "index",
        sizes.home_max_width_pt,
        scroll_to_top,
        |ui| {
            title_ui(ui, theme, &interface.index);
            let mut typed = query.to_owned();
            // Named on screen and for screen readers, not only by the hint inside the box.
            let name = ui.add(Label::new(
                RichText::new(&interface.search)
                    .font(bold_font(sizes.body_pt))
                    .color(theme.colors.text.color32()),
            ));
            let search = egui::Frame::new()
                .stroke(egui::Stroke::new(
                    sizes.stroke_pt,
                    theme.colors.border.color32(),
                ))
                .corner_radius(sizes.corner_radius_pt)
                .fill(theme.colors.surface.color32())
                .inner_margin(egui::Margin::same(sizes.item_spacing_pt as i8))
                .show(ui, |ui| {
                    ui.add(
                        TextEdit::singleline(&mut typed)
                            .id(egui::Id::unique("index_search"))
                            .hint_text(&interface.search)
                            .font(egui::FontId::proportional(sizes.body_pt))
                            .frame(egui::Frame::NONE)
                            .desired_width(ui.available_width())
                            .min_size(egui::vec2(0.0, sizes.min_touch_pt)),
                    )
                })
                .inner
                .labelled_by(name.id);
            if scroll_to_top {
                search.request_focus();
            }
            if typed != query {
                command = Some(Command::Search(typed));
            }
            let matching = language.pages_matching(query);
            let mut shown = 0;
            for (at, page) in language.pages() {
                let Some(topic) = language.topics.get(at.topic) else {
                    continue;
                };
                if !matching.contains(&at) {
                    continue;
                }
                shown += 1;
                let button = BigButton::new(theme, &page.title, ButtonKind::Secondary)
                    .min_width(ui.available_width());
                ui.add_space(sizes.item_spacing_pt);
                ui.add(Label::new(
                    RichText::new(&topic.title)
                        .size(sizes.small_pt)
                        .color(theme.colors.text_muted.color32()),
                ));
                if ui.add(button).clicked() {
                    command = Some(Command::Open(at));
                }
                for block in &page.blocks {
                    let Block::Figure {
                        source: FigureSource::Diagram(id),
                        caption,
                        alt,
                        ..
                    } = block
                    else {
                        continue;
                    };
                    let Some(diagram) = screen.deck.diagrams.get(id) else {
                        continue;
                    };
                    ui.horizontal_wrapped(|ui| {
                        let name = caption.as_deref().unwrap_or(alt);
                        let open =
                            BigButton::new(theme, name, ButtonKind::Secondary).icon(Icon::Next);
                        if ui.add(open).clicked() {
                            command = Some(Command::OpenDiagramStep {
                                at,
                                diagram: id.clone(),
                                step: 0,
                            });
                        }
                        for step in 1..=diagram.last_step() {
                            let label = interface.step_n.replace("{step}", &(step + 1).to_string());
                            let at_step = BigButton::new(theme, &label, ButtonKind::Secondary);
                            if ui.add(at_step).clicked() {
                                command = Some(Command::OpenDiagramStep {
                                    at,
                                    diagram: id.clone(),
                                    step,
                                });
                            }
                        }
                    });
                }
            }
            if shown == 0 {
                text_ui(ui, theme, &interface.no_results, sizes.body_pt, false);
            }
        },
    );
    command
}
