//! The staff menu: reload content, its problems, usage statistics, the idle time, leave the
//! kiosk, or go back to it.

use egui::{Label, RichText, ScrollArea, Ui};

use super::{StaffInfo, line_ui, title_ui};
use crate::app::{IDLE_TIMEOUT_CHOICES_SECS, MenuView, StaffCommand, StaffNotice};
use crate::content::model::StaffText;
use crate::theme::Theme;
use crate::widgets::{BigButton, ButtonKind};

/// Draws the part of the menu that `view` names.
pub fn menu_ui(
    ui: &mut Ui,
    theme: &Theme,
    words: &StaffText,
    view: MenuView,
    notice: Option<StaffNotice>,
    info: &StaffInfo<'_>,
) -> Option<StaffCommand> {
    let full_width = ui.available_width();
    let button = |label, kind| BigButton::new(theme, label, kind).min_width(full_width);
    let mut command = None;
    match view {
        MenuView::Main => {
            title_ui(ui, theme, &words.menu_title);
            match notice {
                Some(StaffNotice::Reloaded { pages }) => {
                    line_ui(
                        ui,
                        theme,
                        &words.reloaded.replace("{pages}", &pages.to_string()),
                        false,
                    );
                }
                Some(StaffNotice::ReloadFailed { problems }) => line_ui(
                    ui,
                    theme,
                    &words
                        .reload_failed
                        .replace("{problems}", &problems.to_string()),
                    true,
                ),
                Some(StaffNotice::NotSaved) => line_ui(ui, theme, &words.not_saved, true),
                None => {}
            }
            if info.update_waiting {
                line_ui(ui, theme, &words.update_waiting, false);
            }
            if let (Some(errors), None) = (info.problems, notice) {
                let problems = errors.0.len().to_string();
                line_ui(
                    ui,
                    theme,
                    &words.reload_failed.replace("{problems}", &problems),
                    true,
                );
            }
            if ui
                .add(button(&words.reload, ButtonKind::Secondary))
                .clicked()
            {
                command = Some(StaffCommand::Reload);
            }
            if ui
                .add(button(&words.problems, ButtonKind::Secondary))
                .clicked()
            {
                command = Some(StaffCommand::Show(MenuView::Problems));
            }
            if ui
                .add(button(&words.statistics, ButtonKind::Secondary))
                .clicked()
            {
                command = Some(StaffCommand::Show(MenuView::Statistics));
            }
            let idle = info.idle_timeout_secs;
            line_ui(
                ui,
                theme,
                &words.idle_timeout.replace("{seconds}", &idle.to_string()),
                false,
            );
            ui.horizontal(|ui| {
                let half = (full_width - ui.spacing().item_spacing.x) / 2.0;
                let shorter =
                    BigButton::new(theme, &words.shorter, ButtonKind::Secondary).min_width(half);
                if ui
                    .add_enabled(idle > IDLE_TIMEOUT_CHOICES_SECS[0], shorter)
                    .clicked()
                {
                    command = Some(StaffCommand::IdleTimeout { longer: false });
                }
                let longest = IDLE_TIMEOUT_CHOICES_SECS[IDLE_TIMEOUT_CHOICES_SECS.len() - 1];
                let longer =
                    BigButton::new(theme, &words.longer, ButtonKind::Secondary).min_width(half);
                if ui.add_enabled(idle < longest, longer).clicked() {
                    command = Some(StaffCommand::IdleTimeout { longer: true });
                }
            });
            if ui.add(button(&words.exit, ButtonKind::Secondary)).clicked() {
                command = Some(StaffCommand::Exit);
            }
            if ui
                .add(button(&words.back_to_kiosk, ButtonKind::Primary))
                .clicked()
            {
                command = Some(StaffCommand::BackToKiosk);
            }
        }
        MenuView::Problems => {
            title_ui(ui, theme, &words.problems);
            let lines: Vec<String> = info
                .problems
                .map(|errors| errors.0.iter().map(ToString::to_string).collect())
                .unwrap_or_default();
            if lines.is_empty() {
                line_ui(ui, theme, &words.no_problems, false);
            }
            long_text_ui(ui, theme, &lines.join("\n"));
            if ui
                .add(button(&words.back_to_menu, ButtonKind::Primary))
                .clicked()
            {
                command = Some(StaffCommand::Show(MenuView::Main));
            }
        }
        MenuView::Statistics => {
            title_ui(ui, theme, &words.statistics);
            match info.statistics {
                Some(report) => long_text_ui(ui, theme, report),
                None => line_ui(ui, theme, &words.no_statistics, false),
            }
            if ui
                .add(button(&words.back_to_menu, ButtonKind::Primary))
                .clicked()
            {
                command = Some(StaffCommand::Show(MenuView::Main));
            }
        }
    }
    command
}

/// Lines of a report or a problem list, scrolling within the panel; monospace so columns line up.
fn long_text_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    if text.is_empty() {
        return;
    }
    let max_height_pt = ui.ctx().content_rect().height() * 0.55;
    ScrollArea::vertical()
        .max_height(max_height_pt)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.add(
                Label::new(
                    RichText::new(text)
                        .monospace()
                        .size(theme.sizes.small_pt)
                        .color(theme.colors.text.color32()),
                )
                .wrap(),
            );
        });
}
