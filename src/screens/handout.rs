//! Consultation mode's handout: what the clinician writes for the patient (with the on-screen
//! keyboard), what has been added (moved by dragging or by buttons, and taken out), the
//! button that makes the PDF, where it was saved, Print when the computer can print, and the
//! pages as they will print.

use egui::{TextEdit, Ui};

use super::ScreenContext;
use super::index::home_bar_ui;
use super::keyboard::{Key, keyboard_ui, typed};
use super::layout::scroll_column_ui;
use super::text::{text_ui, title_ui};
use crate::app::{Command, ConsultCommand, HandoutStatus, TypingInto};
use crate::content::{Deck, Language};
use crate::handout::{HandoutItem, HandoutPreview, NoteField};
use crate::widgets::{BigButton, ButtonKind};

/// What the handout screen shows of the kiosk's handouts.
pub struct HandoutDeskView<'a> {
    /// What became of the last PDF.
    pub status: Option<&'a HandoutStatus>,
    /// Whether a printer command was found.
    pub can_print: bool,
    /// The handout's pages as they will print, if they could be laid out.
    pub preview: Option<&'a HandoutPreview>,
}

/// Draws the handout screen: what the clinician writes for the patient, what has been added
/// (each can be moved, by dragging or by its buttons, and taken out), the button that makes
/// the PDF, and the pages as they will print.
pub fn handout_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    desk: HandoutDeskView<'_>,
) -> Option<Command> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let language = screen.language;
    let words = &language.interface.consult;
    let mut command = None;
    if home_bar_ui(ui, screen, "handout_bar", &words.handout_title) {
        command = Some(Command::Home);
    }
    if let Some(asked) = super::tool_bar_ui(ui, screen, false) {
        command = Some(asked);
    }
    let notes = &screen.ink.handout.notes;
    if let Some(TypingInto::Note(field)) = screen.ink.typing
        && let Some(key) = keyboard_ui(ui, screen.tools_theme, words, &language.code)
    {
        let asked = match key {
            Key::Done => ConsultCommand::Type(None),
            key => ConsultCommand::Note(field, typed(notes.get(field), key, field.max_chars())),
        };
        command = Some(Command::Consult(asked));
    }
    scroll_column_ui(
        ui,
        theme,
        "handout",
        sizes.content_max_width_pt,
        scroll_to_top,
        |ui| {
            title_ui(ui, theme, &words.handout_title);
            let items = &screen.ink.handout.items;
            if items.is_empty() {
                text_ui(ui, theme, &words.handout_empty, sizes.body_pt, false);
            }
            if let Some(asked) = items_ui(ui, screen) {
                command = Some(Command::Consult(asked));
            }
            if let Some(asked) = notes_ui(ui, screen) {
                command = Some(Command::Consult(asked));
            }
            if let Some(asked) = create_ui(ui, screen, &desk) {
                command = Some(Command::Consult(asked));
            }
            if let Some(preview) = desk.preview.filter(|_| !items.is_empty()) {
                super::handout_preview::preview_ui(ui, screen, preview);
            }
        },
    );
    command
}

/// What the clinician writes for the patient: a box for each field, named; a tap on one brings
/// up the on-screen keyboard for it.
fn notes_ui(ui: &mut Ui, screen: &ScreenContext<'_>) -> Option<ConsultCommand> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let words = &screen.language.interface;
    let notes = &screen.ink.handout.notes;
    let mut asked = None;
    ui.add_space(sizes.block_spacing_pt);
    let heading = text_ui(ui, theme, &words.consult.notes_title, sizes.body_pt, true);
    super::text::heading_in_tree(ui, &heading, &words.consult.notes_title, 2);
    text_ui(ui, theme, &words.consult.notes_hint, sizes.small_pt, false);
    let name_pt = ui.available_width() * 0.3;
    for field in NoteField::ALL {
        let name = field.name(&words.handout);
        let mut text = notes.get(field).to_owned();
        ui.horizontal(|ui| {
            let label = left_aligned_ui(ui, egui::vec2(name_pt, sizes.min_touch_pt), |ui| {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(name)
                            .size(sizes.small_pt)
                            .color(theme.colors.text.color32()),
                    )
                    .wrap(),
                )
            });
            let editing = screen.ink.typing == Some(TypingInto::Note(field));
            let stroke = if editing {
                theme.colors.accent
            } else {
                theme.colors.border
            };
            let response = egui::Frame::new()
                .stroke(egui::Stroke::new(sizes.stroke_pt, stroke.color32()))
                .corner_radius(sizes.corner_radius_pt)
                .fill(theme.colors.surface.color32())
                .inner_margin(egui::Margin::same((sizes.item_spacing_pt / 2.0) as i8))
                .show(ui, |ui| {
                    let edit = if field.is_long() {
                        TextEdit::multiline(&mut text).desired_rows(2)
                    } else {
                        TextEdit::singleline(&mut text)
                    };
                    ui.add(
                        edit.id(egui::Id::unique(("handout_note", field)))
                            .font(egui::FontId::proportional(sizes.small_pt))
                            .char_limit(field.max_chars())
                            .frame(egui::Frame::NONE)
                            .desired_width(ui.available_width())
                            .min_size(egui::vec2(0.0, sizes.min_touch_pt * 0.7)),
                    )
                })
                .inner
                .labelled_by(label.id);
            if response.clicked() {
                asked = Some(ConsultCommand::Type(Some(TypingInto::Note(field))));
            }
            // The box being typed in stays in view above the keyboard.
            if editing && !ui.clip_rect().contains_rect(response.rect) {
                response.scroll_to_me(Some(egui::Align::Center));
            }
            if text != notes.get(field) {
                asked = Some(ConsultCommand::Note(field, text.clone()));
            }
        });
    }
    asked
}

/// The items in the handout, in order: each with its picture and name, Move up, Move down and
/// Remove. A finger on a row's picture or name drags it to another place in the list.
fn items_ui<'a>(ui: &mut Ui, screen: &mut ScreenContext<'a>) -> Option<ConsultCommand> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let (deck, language) = (screen.deck, screen.language);
    let words = &language.interface.consult;
    let items = screen.ink.handout.items.clone();
    let unpadded = super::thumbnail::unpadded(theme);
    let dragging_id = egui::Id::unique("handout_dragging");
    let mut dragging: Option<usize> = ui.data(|data| data.get_temp(dragging_id));
    let mut asked = None;
    let mut rows = Vec::new();
    let picture_pt = sizes.min_touch_pt * 1.25;
    let last = items.len().saturating_sub(1);
    let gap = ui.spacing().item_spacing.x;
    fn button<'a>(theme: &'a crate::theme::Theme, label: &'a str) -> BigButton<'a> {
        BigButton::new(theme, label, ButtonKind::Secondary)
            .compact()
            .min_width(theme.sizes.button_min_width_pt)
    }
    let make = |label: &'a str| button(theme, label);
    let labels = [&words.move_up, &words.move_down, &words.remove];
    let buttons_pt = labels
        .iter()
        .map(|label| make(label).size(ui).x)
        .sum::<f32>()
        + 2.0 * gap;
    // The buttons beside the name where there is room for both, else under it.
    let width = ui.available_width();
    let beside_pt = width - picture_pt * 1.4 - buttons_pt - 2.0 * gap;
    let beside = beside_pt >= sizes.min_touch_pt * 2.5;
    let name_pt = if beside {
        beside_pt
    } else {
        width - picture_pt * 1.4 - gap
    };
    for (index, item) in items.iter().enumerate() {
        let title = item_title(deck, language, item);
        let mut buttons_ui = |ui: &mut Ui| {
            let moves = [
                (index > 0, index.wrapping_sub(1)),
                (index < last, index + 1),
            ];
            for (label, (enabled, to)) in labels.iter().zip(moves) {
                if ui.add_enabled(enabled, make(label)).clicked() {
                    asked = Some(ConsultCommand::Move { from: index, to });
                }
            }
            if ui.add(make(&words.remove)).clicked() {
                asked = Some(ConsultCommand::Remove(index));
            }
        };
        let row = ui.vertical(|ui| {
            let grip = ui.horizontal(|ui| {
                let (picture, _) = ui.allocate_exact_size(
                    egui::vec2(picture_pt * 1.4, picture_pt),
                    egui::Sense::hover(),
                );
                if let Some(drawing) = item_picture(deck, language, item) {
                    super::thumbnail::thumbnail_ui(ui, screen, &unpadded, drawing, (picture, true));
                }
                left_aligned_ui(ui, egui::vec2(name_pt, picture_pt), |ui| {
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(&title)
                                .font(crate::theme::bold_font(sizes.small_pt))
                                .color(theme.colors.text.color32()),
                        )
                        .wrap(),
                    )
                });
                if beside {
                    buttons_ui(ui);
                }
                egui::Rect::from_min_size(
                    picture.min,
                    egui::vec2(picture_pt * 1.4 + gap + name_pt, picture_pt),
                )
            });
            if !beside {
                ui.horizontal_wrapped(|ui| buttons_ui(ui));
            }
            grip.inner
        });
        let grip = row.inner;
        let drag = ui.interact(
            grip,
            egui::Id::unique(("handout_row", index)),
            egui::Sense::drag(),
        );
        if drag.drag_started() {
            dragging = Some(index);
        }
        rows.push((row.response.rect, drag));
    }
    // While a row is dragged: a line where it would go, and on letting go, the move.
    if let Some(from) = dragging.filter(|&from| from < rows.len()) {
        let pointer = ui.input(|input| input.pointer.interact_pos());
        let to = pointer.map_or(from, |at| drop_index(&rows, at.y));
        let (rect, drag) = &rows[from];
        ui.painter().rect_stroke(
            *rect,
            sizes.corner_radius_pt,
            egui::Stroke::new(sizes.stroke_pt * 2.0, theme.colors.accent.color32()),
            egui::StrokeKind::Outside,
        );
        let line_y = if to > from {
            rows[to].0.bottom()
        } else {
            rows[to].0.top()
        };
        ui.painter().hline(
            rect.x_range(),
            line_y,
            egui::Stroke::new(sizes.stroke_pt * 3.0, theme.colors.accent.color32()),
        );
        if drag.drag_stopped() || !ui.input(|input| input.pointer.any_down()) {
            dragging = None;
            if to != from {
                asked = Some(ConsultCommand::Move { from, to });
            }
        }
    }
    ui.data_mut(|data| match dragging {
        Some(index) => {
            data.insert_temp(dragging_id, index);
        }
        None => data.remove::<usize>(dragging_id),
    });
    asked
}

/// `add` in a box of `size`, its contents at the left and centred up and down.
fn left_aligned_ui<R>(ui: &mut Ui, size: egui::Vec2, add: impl FnOnce(&mut Ui) -> R) -> R {
    let layout = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_size(size);
        add(ui)
    })
    .inner
}

/// Where a dragged row lands with the finger at `y`: the place of the row the finger is over
/// (the first above them all, the last below).
fn drop_index(rows: &[(egui::Rect, egui::Response)], y: f32) -> usize {
    let last = rows.len().saturating_sub(1);
    (rows.iter())
        .position(|(rect, _)| y < rect.bottom())
        .map_or(last, |index| index.min(last))
}

/// The diagram a handout item shows small: a diagram item's own at its step; a page's first
/// diagram at its fullest step.
fn item_picture<'a>(
    deck: &'a Deck,
    language: &'a Language,
    item: &HandoutItem,
) -> Option<(&'a crate::content::diagram::Diagram, usize)> {
    match item {
        HandoutItem::Diagram { id, step } => deck.diagrams.get(id).map(|d| (d, *step)),
        HandoutItem::Page(id) => {
            let page = language.pages().find(|(_, page)| page.id == *id)?.1;
            let diagram = page.diagram_ids().find_map(|id| deck.diagrams.get(id))?;
            Some((diagram, diagram.fullest_step()))
        }
    }
}

/// The button that makes the PDF, then what became of it, and Print when it can be printed.
fn create_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    desk: &HandoutDeskView<'_>,
) -> Option<ConsultCommand> {
    let theme = screen.theme;
    let sizes = &theme.sizes;
    let words = &screen.language.interface.consult;
    let items = &screen.ink.handout.items;
    let mut asked = None;
    ui.add_space(sizes.block_spacing_pt);
    let create = BigButton::new(theme, &words.create_handout, ButtonKind::Primary)
        .min_width(ui.available_width());
    let making = desk.status == Some(&HandoutStatus::Making);
    if ui
        .add_enabled(!items.is_empty() && !making, create)
        .clicked()
    {
        asked = Some(ConsultCommand::CreateHandout);
    }
    let (message, printable) = match desk.status {
        None => (None, None),
        Some(HandoutStatus::Making) => (Some(words.handout_making.clone()), None),
        Some(HandoutStatus::Saved(path)) => {
            // The folder as the clinician's file manager shows it, not a path.
            let (folder, file) = crate::handout::saved_place_from_home(path);
            let saved = (words.handout_saved.replace("{folder}", &folder)).replace("{file}", &file);
            (Some(saved), Some(path))
        }
        Some(HandoutStatus::Failed) => (Some(words.handout_failed.clone()), None),
        Some(HandoutStatus::Printed(path)) => (Some(words.printed.clone()), Some(path)),
        Some(HandoutStatus::PrintFailed(path)) => (Some(words.print_failed.clone()), Some(path)),
    };
    // A new message comes into view: tapped low on a long list, it would start below the
    // screen. Only a fingerprint of the last one is kept, never its words, and not past a
    // screen without one (as every visit's first is).
    let seen = ui.scope_id().with("handout_message_seen");
    let Some(message) = message else {
        ui.data_mut(|data| data.remove::<u64>(seen));
        return asked;
    };
    let mut shown = text_ui(ui, theme, &message, sizes.body_pt, false).rect;
    if let Some(path) = printable.filter(|_| desk.can_print) {
        let print = BigButton::new(theme, &words.print, ButtonKind::Secondary);
        let response = ui.add(print);
        shown = shown.union(response.rect);
        if response.clicked() {
            asked = Some(ConsultCommand::Print(path.clone()));
        }
    }
    let fingerprint = egui::util::hash(&message);
    if ui.data(|data| data.get_temp::<u64>(seen)) != Some(fingerprint) {
        ui.data_mut(|data| data.insert_temp(seen, fingerprint));
        ui.scroll_to_rect(shown, None);
    }
    asked
}

/// How a handout item is named on the handout screen: a page by its title; a diagram by what a
/// clinician calls it (see [`Language::diagram_name`]), and its step if it has steps.
pub fn item_title(deck: &Deck, language: &Language, item: &HandoutItem) -> String {
    match item {
        HandoutItem::Page(id) => language
            .pages()
            .find(|(_, page)| page.id == *id)
            .map_or_else(|| id.clone(), |(_, page)| page.title.clone()),
        HandoutItem::Diagram { id, step } => {
            let name = language.diagram_name(id).unwrap_or(id).to_owned();
            if deck
                .diagrams
                .get(id)
                .is_none_or(|diagram| diagram.steps.is_empty())
            {
                return name;
            }
            let step_words = language
                .interface
                .step_n
                .replace("{step}", &(step + 1).to_string());
            format!("{name} ({step_words})")
        }
    }
}
