//! Consultation mode's handout: what the clinician has added (each can be taken out), the
//! button that makes the PDF, where it was saved, and Print when the computer can print.

use egui::Ui;

use super::ScreenContext;
use super::index::home_bar_ui;
use super::layout::scroll_column_ui;
use super::text::{text_ui, title_ui};
use crate::app::{Command, ConsultCommand, HandoutStatus};
use crate::content::{Deck, Language};
use crate::handout::HandoutItem;
use crate::widgets::{BigButton, ButtonKind};

/// Draws the handout screen. `status` is what became of the last PDF; `can_print` whether a
/// printer command was found.
pub fn handout_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    scroll_to_top: bool,
    status: Option<&HandoutStatus>,
    can_print: bool,
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
    let mut ask = |asked: ConsultCommand| command = Some(Command::Consult(asked));
    let items = &screen.ink.handout.items;
    scroll_column_ui(
        ui,
        theme,
        "handout",
        sizes.content_max_width_pt,
        scroll_to_top,
        |ui| {
            title_ui(ui, theme, &words.handout_title);
            if items.is_empty() {
                text_ui(ui, theme, &words.handout_empty, sizes.body_pt, false);
            }
            for (index, item) in items.iter().enumerate() {
                ui.horizontal(|ui| {
                    let remove = BigButton::new(theme, &words.remove, ButtonKind::Secondary);
                    if ui.add(remove).clicked() {
                        ask(ConsultCommand::Remove(index));
                    }
                    text_ui(
                        ui,
                        theme,
                        &item_title(screen.deck, language, item),
                        sizes.body_pt,
                        true,
                    );
                });
            }
            let create = BigButton::new(theme, &words.create_handout, ButtonKind::Primary)
                .min_width(ui.available_width());
            let making = status == Some(&HandoutStatus::Making);
            if ui
                .add_enabled(!items.is_empty() && !making, create)
                .clicked()
            {
                ask(ConsultCommand::CreateHandout);
            }
            let (message, printable) = match status {
                None => (None, None),
                Some(HandoutStatus::Making) => (Some(words.handout_making.clone()), None),
                Some(HandoutStatus::Saved(path)) => {
                    // The folder as the clinician's file manager shows it, not a path.
                    let (folder, file) = crate::handout::saved_place_from_home(path);
                    let saved =
                        (words.handout_saved.replace("{folder}", &folder)).replace("{file}", &file);
                    (Some(saved), Some(path))
                }
                Some(HandoutStatus::Failed) => (Some(words.handout_failed.clone()), None),
                Some(HandoutStatus::Printed(path)) => (Some(words.printed.clone()), Some(path)),
                Some(HandoutStatus::PrintFailed(path)) => {
                    (Some(words.print_failed.clone()), Some(path))
                }
            };
            // A new message comes into view: tapped low on a long list, it would start below
            // the screen. Only a fingerprint of the last one is kept, never its words, and not
            // past a screen without one (as every visit's first is).
            let seen = ui.scope_id().with("handout_message_seen");
            let Some(message) = message else {
                ui.data_mut(|data| data.remove::<u64>(seen));
                return;
            };
            let mut shown = text_ui(ui, theme, &message, sizes.body_pt, false).rect;
            if let Some(path) = printable.filter(|_| can_print) {
                let print = BigButton::new(theme, &words.print, ButtonKind::Secondary);
                let response = ui.add(print);
                shown = shown.union(response.rect);
                if response.clicked() {
                    ask(ConsultCommand::Print(path.clone()));
                }
            }
            let fingerprint = egui::util::hash(&message);
            if ui.data(|data| data.get_temp::<u64>(seen)) != Some(fingerprint) {
                ui.data_mut(|data| data.insert_temp(seen, fingerprint));
                ui.scroll_to_rect(shown, None);
            }
        },
    );
    command
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
