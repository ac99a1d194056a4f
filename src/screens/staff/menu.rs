//! The staff menu: reload content, its problems, usage statistics, the idle time, leave the
//! kiosk, or go back to it.

use egui::{Grid, Label, RichText, ScrollArea, Ui};

use super::{StaffInfo, line_ui, title_ui};
use crate::app::{IDLE_TIMEOUT_CHOICES_SECS, MenuView, StaffCommand, StaffNotice};
use crate::content::model::StaffText;
use crate::stats::{Report, format_duration};
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
            // The notices scroll within a part of the screen: with many of them (a refused
            // bundle's reason, a missing sound device, reviews due), the menu's buttons must
            // still be on screen.
            let notices_pt = ui.ctx().content_rect().height() * 0.3;
            ScrollArea::vertical()
                .id_salt("staff_notices")
                .max_height(notices_pt)
                .auto_shrink([false, true])
                .show(ui, |ui| {
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
                    if let Some((version, date)) = info.content_bundle {
                        // "2026-12-07T04:32:28Z" as "2026-12-07 04:32 UTC".
                        let shown = match (date.get(..10), date.get(11..16)) {
                            (Some(day), Some(time)) if date.ends_with('Z') => {
                                format!("{day} {time} UTC")
                            }
                            _ => date.to_owned(),
                        };
                        let line = (words
                            .content_version
                            .replace("{version}", &version.to_string()))
                        .replace("{date}", &shown);
                        line_ui(ui, theme, &line, false);
                    }
                    if info.update_waiting {
                        line_ui(ui, theme, &words.update_waiting, false);
                    }
                    if let Some(reason) = info.bundle_refused {
                        line_ui(
                            ui,
                            theme,
                            &words.bundle_refused.replace("{reason}", reason),
                            true,
                        );
                    }
                    if let Some(problem) = info.settings_problem {
                        line_ui(
                            ui,
                            theme,
                            &words.settings_broken.replace("{problem}", problem),
                            true,
                        );
                    }
                    if let Some(reason) = info.listen_unavailable {
                        let line = words.listen_unavailable.replace("{reason}", reason);
                        line_ui(ui, theme, &line, true);
                    }
                    // A few here; every one in the problems (a whole content approved on one day
                    // comes due on one day: 22 lines would push the menu off the screen).
                    let reviews = review_lines(words, &info.reviews_due);
                    for line in reviews.iter().take(MENU_REVIEWS) {
                        line_ui(ui, theme, line, true);
                    }
                    if reviews.len() > MENU_REVIEWS {
                        let more = (reviews.len() - MENU_REVIEWS).to_string();
                        line_ui(
                            ui,
                            theme,
                            &words.reviews_more.replace("{count}", &more),
                            true,
                        );
                    }
                    if !info.unreadable_pictures.is_empty() {
                        let files: Vec<String> = (info.unreadable_pictures.iter())
                            .map(|path| path.display().to_string())
                            .collect();
                        let line = words
                            .pictures_unreadable
                            .replace("{files}", &files.join(", "));
                        line_ui(ui, theme, &line, true);
                    }
                    if let Some(file) = info.stats_failing {
                        let file = file.display().to_string();
                        line_ui(
                            ui,
                            theme,
                            &words.stats_not_saved.replace("{file}", &file),
                            true,
                        );
                    }
                });
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
            let (switch, on) = if info.consult {
                (&words.consult_off, false)
            } else {
                (&words.consult_on, true)
            };
            if ui.add(button(switch, ButtonKind::Secondary)).clicked() {
                command = Some(StaffCommand::Consult(on));
            }
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
            let lines: Vec<String> = (info.problems.iter())
                .flat_map(|errors| errors.0.iter().map(ToString::to_string))
                .chain(review_lines(words, &info.reviews_due))
                .collect();
            if lines.is_empty() {
                line_ui(ui, theme, &words.no_problems, false);
            }
            long_text_ui(ui, theme, &lines.join("\n\n"));
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
                Some(report) => statistics_ui(ui, theme, words, report),
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

/// Lines of a problem list, scrolling within the panel.
fn long_text_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    if text.is_empty() {
        return;
    }
    scroll_ui(ui, |ui| {
        ui.add(
            Label::new(
                RichText::new(text)
                    .size(theme.sizes.small_pt)
                    .color(theme.colors.text.color32()),
            )
            .wrap(),
        );
    });
}

/// Scrolls `add_contents` within the panel, so a long list never pushes the buttons off screen.
fn scroll_ui(ui: &mut Ui, add_contents: impl FnOnce(&mut Ui)) {
    let max_height_pt = ui.ctx().content_rect().height() * 0.55;
    ScrollArea::vertical()
        .max_height(max_height_pt)
        .auto_shrink([false, true])
        .show(ui, add_contents);
}

/// The report as two tables: visits per day (newest first), then the most viewed pages.
fn statistics_ui(ui: &mut Ui, theme: &Theme, words: &StaffText, report: &Report) {
    let days: Vec<Vec<String>> = report
        .days
        .iter()
        .rev()
        .map(|day| day.cells().to_vec())
        .collect();
    let pages: Vec<Vec<String>> = report
        .pages
        .iter()
        .take(TOP_PAGES)
        .map(|page| {
            vec![
                page.page.clone(),
                page.views.to_string(),
                format_duration(page.avg_secs_per_view()),
            ]
        })
        .collect();
    scroll_ui(ui, |ui| {
        table_ui(
            ui,
            theme,
            "statistics_days",
            &[
                &words.stats_day,
                &words.stats_visits,
                &words.stats_average,
                &words.stats_views,
                &words.stats_taps,
                &words.stats_steps,
                &words.stats_languages,
            ],
            &days,
        );
        ui.add_space(theme.sizes.block_spacing_pt);
        table_ui(
            ui,
            theme,
            "statistics_pages",
            &[
                &words.stats_page,
                &words.stats_views,
                &words.stats_time_per_view,
            ],
            &pages,
        );
    });
}

/// A striped table with a heading row.
fn table_ui(ui: &mut Ui, theme: &Theme, id: &str, headings: &[&String], rows: &[Vec<String>]) {
    let cell = |ui: &mut Ui, text: &str, heading: bool| {
        let text = RichText::new(text)
            .size(theme.sizes.small_pt)
            .color(theme.colors.text.color32());
        ui.label(if heading { text.strong() } else { text });
    };
    Grid::new(id)
        .striped(true)
        .spacing([theme.sizes.card_padding_pt, theme.sizes.item_spacing_pt])
        .min_row_height(theme.sizes.small_pt * 1.5)
        .show(ui, |ui| {
            for heading in headings {
                cell(ui, heading, true);
            }
            ui.end_row();
            for row in rows {
                for text in row {
                    cell(ui, text, false);
                }
                ui.end_row();
            }
        });
}

/// How many of the most viewed pages the menu lists.
const TOP_PAGES: usize = 10;

/// How many topics due for review the menu lists itself.
const MENU_REVIEWS: usize = 3;

/// A line for every topic due for review: "Review was due 2026-01-15: Riesgos (es)".
fn review_lines(
    words: &crate::content::model::StaffText,
    due: &[(&str, &str, Option<jiff::civil::Date>)],
) -> Vec<String> {
    (due.iter())
        .map(|(code, title, due)| {
            let topic = format!("{title} ({code})");
            match due {
                Some(date) => (words.review_overdue.replace("{topic}", &topic))
                    .replace("{date}", &date.to_string()),
                None => words.review_missing.replace("{topic}", &topic),
            }
        })
        .collect()
}
