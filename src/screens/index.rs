//! Consultation mode's index: every topic, page and diagram as big buttons, and a search box
//! that keeps only what matches every word typed (in titles and text). A diagram with steps can
//! be opened at any step.

use egui::{Label, Panel, RichText, TextEdit, Ui};

use super::ScreenContext;
use super::keyboard::{Key, keyboard_ui, typed};
use super::layout::{bar_ui, scroll_column_ui};
use super::text::{text_ui, title_ui};
use crate::app::{Command, ConsultCommand, TypingInto};
use crate::content::PageRef;
use crate::theme::bold_font;
use crate::widgets::{BigButton, ButtonKind, Icon, IndexCard};

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

/// The longest search the on-screen keyboard types.
const SEARCH_MAX_CHARS: usize = 80;

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
    if screen.ink.typing == Some(TypingInto::Search)
        && let Some(key) = keyboard_ui(ui, screen.tools_theme, &interface.consult, &language.code)
    {
        command = Some(match key {
            Key::Done => Command::Consult(ConsultCommand::Type(None)),
            key => Command::Search(typed(query, key, SEARCH_MAX_CHARS)),
        });
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
            // A tap on the box brings up the on-screen keyboard (the screen may have no other).
            if search.clicked() {
                command = Some(Command::Consult(ConsultCommand::Type(Some(
                    TypingInto::Search,
                ))));
            }
            if typed != query {
                command = Some(Command::Search(typed));
            }
            let matching = language.pages_matching(query);
            let shown = cards_ui(ui, screen, &matching, &mut command);
            if shown == 0 {
                text_ui(ui, theme, &interface.no_results, sizes.body_pt, false);
            }
        },
    );
    command
}

/// One card of the index: a page, or one of its diagrams (which can be opened at any step).
enum Card<'a> {
    Page(PageRef, &'a str),
    Diagram(PageRef, &'a crate::content::diagram::Diagram, &'a str),
}

/// The pages in `matching` as cards grouped under their topic's title, each page followed by
/// a card with a thumbnail for each of its diagrams. Returns how many pages were shown.
fn cards_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    matching: &[PageRef],
    command: &mut Option<Command>,
) -> usize {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let gap = sizes.item_spacing_pt;
    let width = ui.available_width();
    let columns =
        (((width + gap) / (sizes.tile_min_width_pt * 0.7 + gap)).floor() as usize).clamp(1, 5);
    let card_pt = (width - gap * (columns - 1) as f32) / columns as f32;
    let picture_pt = (card_pt * 0.55).min(sizes.tile_min_height_pt);
    let unpadded = super::thumbnail::unpadded(theme);
    for (index, topic) in language.topics.iter().enumerate() {
        let pages: Vec<PageRef> = (matching.iter().copied())
            .filter(|at| at.topic == index)
            .collect();
        if pages.is_empty() {
            continue;
        }
        // The topic's pages, then its diagrams' thumbnails (each opens its page).
        let mut cards = Vec::new();
        let mut diagrams = Vec::new();
        for &at in &pages {
            let Some(page) = language.page(at) else {
                continue;
            };
            cards.push(Card::Page(at, &page.title));
            for id in page.diagram_ids() {
                if let Some(diagram) = screen.deck.diagrams.get(id) {
                    let name = language.diagram_name(id).unwrap_or(id);
                    diagrams.push(Card::Diagram(at, diagram, name));
                }
            }
        }
        let page_count = cards.len();
        cards.extend(diagrams);
        ui.add_space(sizes.block_spacing_pt);
        let heading = ui.add(
            Label::new(
                RichText::new(&topic.title)
                    .font(bold_font(sizes.body_pt))
                    .color(theme.colors.text.color32()),
            )
            .wrap()
            .sense(super::text::READABLE),
        );
        super::text::heading_in_tree(ui, &heading, &topic.title, 2);
        let (page_cards, diagram_cards) = cards.split_at(page_count);
        for row in page_cards
            .chunks(columns)
            .chain(diagram_cards.chunks(columns))
        {
            let made: Vec<IndexCard<'_>> = (row.iter())
                .map(|card| match card {
                    Card::Page(_, title) => IndexCard::new(theme, title, card_pt),
                    Card::Diagram(_, _, name) => {
                        IndexCard::new(theme, name, card_pt).picture_space(picture_pt)
                    }
                })
                .collect();
            let height = (made.iter())
                .map(|card| card.needed_height(ui))
                .fold(0.0, f32::max);
            ui.add_space(gap);
            ui.horizontal_top(|ui| {
                ui.spacing_mut().item_spacing.x = gap;
                for (card, made) in row.iter().zip(made) {
                    ui.vertical(|ui| {
                        ui.set_width(card_pt);
                        ui.spacing_mut().item_spacing.y = gap / 2.0;
                        let response = ui.add(made.min_height(height));
                        if let Some(asked) =
                            card_ui(ui, screen, &unpadded, card, (response.rect, picture_pt))
                        {
                            *command = Some(asked);
                        }
                        if response.clicked() {
                            *command = Some(match card {
                                Card::Page(at, _) => Command::Open(*at),
                                Card::Diagram(at, diagram, _) => Command::OpenDiagramStep {
                                    at: *at,
                                    diagram: diagram.id.clone(),
                                    step: 0,
                                },
                            });
                        }
                    });
                }
            });
        }
    }
    matching.len()
}

/// A diagram card's thumbnail (at its fullest step), and under it a button for each of its
/// steps after the first.
fn card_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    unpadded: &crate::theme::Theme,
    card: &Card<'_>,
    (rect, picture_pt): (egui::Rect, f32),
) -> Option<Command> {
    let Card::Diagram(at, diagram, name) = card else {
        return None;
    };
    let theme = screen.theme;
    let picture = IndexCard::picture_rect(theme, rect, picture_pt);
    let step = diagram.fullest_step();
    super::thumbnail::thumbnail_ui(ui, screen, unpadded, (diagram, step), (picture, true));
    if diagram.steps.is_empty() {
        return None;
    }
    let interface = &screen.language.interface;
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing = egui::vec2(theme.sizes.item_spacing_pt / 2.0, 4.0);
        for step in 0..=diagram.last_step() {
            let label = interface.step_n.replace("{step}", &(step + 1).to_string());
            let number = (step + 1).to_string();
            let spoken = format!("{name}: {label}");
            let chip = BigButton::new(theme, &number, ButtonKind::Secondary)
                .compact()
                .min_width(0.0)
                .accessible_label(&spoken);
            if ui.add(chip).clicked() {
                command = Some(Command::OpenDiagramStep {
                    at: *at,
                    diagram: diagram.id.clone(),
                    step,
                });
            }
        }
    });
    command
}
