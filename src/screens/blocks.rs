//! Draws one content block of a page.

use egui::{FontId, Frame, Label, Margin, RichText, Sense, Stroke, Ui, UiBuilder, vec2};

use super::ScreenContext;
use super::figure::{FigureFit, figure_ui};
use super::text::text_ui;
use crate::app::Command;
use crate::content::model::{Block, Link, Page, PageFigure};
use crate::content::qr_payload;
use crate::theme::{Theme, bold_font};
use crate::widgets::{BigButton, ButtonKind, QrCodeView};

/// Draws `block` of `page`; returns a command if one of its buttons was tapped.
pub fn block_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    page: &Page,
    block: &Block,
) -> Option<Command> {
    let theme = screen.theme;
    match block {
        Block::Heading(text) => {
            let response = text_ui(ui, theme, text, theme.sizes.heading_pt, true);
            super::text::heading_in_tree(ui, &response, text, 2);
        }
        Block::Paragraph(text) => {
            text_ui(ui, theme, text, theme.sizes.body_pt, false);
        }
        Block::Bullets(items) => bullets_ui(ui, theme, items),
        Block::KeyFact { title, text } => {
            key_fact_ui(ui, theme, title, text);
        }
        Block::Table {
            caption,
            columns,
            rows,
        } => table_ui(ui, theme, caption.as_deref(), columns, rows),
        Block::Figure {
            source,
            alt,
            caption,
            ..
        } => {
            let figure = PageFigure {
                source,
                alt,
                caption: caption.as_deref(),
            };
            // The page's own figure, drawn here when the screen is too small to give it a part
            // of its own, keeps its See it bigger button.
            let own = page
                .figure()
                .is_some_and(|(index, _)| std::ptr::eq(&page.blocks[index], block));
            let fit = FigureFit {
                max_height_pt: f32::INFINITY,
                page_figure: own.then_some(screen.enlarged),
                inline: true,
            };
            return figure_ui(ui, screen, figure, fit);
        }
        Block::Contact {
            title,
            phones,
            note,
        } => contact_ui(ui, screen, title, phones, note.as_deref()),
        Block::GoTo(links) => return links_ui(ui, screen, links),
        Block::QrCode { caption } => qr_code_ui(ui, screen, page, caption),
    }
    None
}

/// Wrapped small text in the muted colour (captions, phone labels).
pub(super) fn muted_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    ui.add(
        Label::new(
            RichText::new(text)
                .size(theme.sizes.small_pt)
                .color(theme.colors.text_muted.color32()),
        )
        .wrap()
        .sense(super::text::READABLE),
    );
}

/// A bulleted list; a list of items for screen readers ("list with 4 items"), not lines of
/// text among others.
fn bullets_ui(ui: &mut Ui, theme: &Theme, items: &[String]) {
    let sizes = &theme.sizes;
    let list = egui::UiBuilder::new()
        .layout(egui::Layout::top_down(egui::Align::Min))
        .accessibility_role(egui::accesskit::Role::List);
    ui.scope_builder(list, |ui| {
        ui.spacing_mut().item_spacing.y = sizes.item_spacing_pt;
        for item in items {
            let row = egui::UiBuilder::new()
                .layout(egui::Layout::left_to_right(egui::Align::Min))
                .accessibility_role(egui::accesskit::Role::ListItem);
            ui.scope_builder(row, |ui| {
                let (rect, _) = ui
                    .allocate_exact_size(vec2(sizes.body_pt, sizes.body_pt * 1.25), Sense::hover());
                ui.painter().circle_filled(
                    rect.center(),
                    sizes.body_pt * 0.18,
                    theme.colors.accent.color32(),
                );
                ui.vertical(|ui| text_ui(ui, theme, item, sizes.body_pt, false));
            });
        }
    });
}

/// A card with the theme's padding, fill and border.
pub(super) fn card<R>(
    ui: &mut Ui,
    theme: &Theme,
    fill: crate::theme::Rgb,
    border: Stroke,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<R> {
    let sizes = &theme.sizes;
    Frame::new()
        .fill(fill.color32())
        .stroke(border)
        .corner_radius(sizes.corner_radius_pt)
        .inner_margin(Margin::same(sizes.card_padding_pt as i8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.spacing_mut().item_spacing.y = sizes.item_spacing_pt;
            add(ui)
        })
}

/// How high [`key_fact_ui`] draws its card `width_pt` wide (to lay out around it first).
pub(super) fn key_fact_height_at(
    ui: &Ui,
    theme: &Theme,
    (title, text): (&str, &str),
    width_pt: f32,
) -> f32 {
    let sizes = &theme.sizes;
    let edge = sizes.card_padding_pt + sizes.accent_stroke_pt;
    let width = width_pt - 2.0 * edge;
    let color = theme.colors.text.color32();
    let painter = ui.painter();
    let title = painter.layout(title.to_owned(), bold_font(sizes.key_fact_pt), color, width);
    let text = painter.layout(
        text.to_owned(),
        FontId::proportional(sizes.body_pt),
        color,
        width,
    );
    title.size().y + sizes.item_spacing_pt + text.size().y + 2.0 * edge
}

pub(super) fn key_fact_ui(ui: &mut Ui, theme: &Theme, title: &str, text: &str) -> egui::Response {
    let colors = &theme.colors;
    let border = Stroke::new(
        theme.sizes.accent_stroke_pt,
        colors.key_fact_border.color32(),
    );
    card(ui, theme, colors.key_fact, border, |ui| {
        ui.add(
            Label::new(
                RichText::new(title)
                    .font(bold_font(theme.sizes.key_fact_pt))
                    .color(colors.accent.color32()),
            )
            .wrap()
            .sense(super::text::READABLE),
        );
        text_ui(ui, theme, text, theme.sizes.body_pt, false);
    })
    .response
}

/// A table of wrapped cells. Each cell is a real label, so screen readers read it.
fn table_ui(
    ui: &mut Ui,
    theme: &Theme,
    caption: Option<&str>,
    columns: &[String],
    rows: &[Vec<String>],
) {
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    if let Some(caption) = caption {
        text_ui(ui, theme, caption, sizes.body_pt, true);
    }
    let count = columns.len().max(1);
    let width = ui.available_width();
    // The first column names the row; with three or more columns it gets a little less room.
    let first = if count >= 3 {
        width * 0.3
    } else {
        width / count as f32
    };
    let other = if count > 1 {
        (width - first) / (count - 1) as f32
    } else {
        width
    };
    let widths: Vec<f32> = (0..count)
        .map(|i| if i == 0 { first } else { other })
        .collect();
    let pad = sizes.item_spacing_pt;
    let body = FontId::proportional(sizes.body_pt);
    let bold = bold_font(sizes.body_pt);

    let item_spacing = ui.spacing().item_spacing.y;
    ui.spacing_mut().item_spacing.y = 0.0;
    let all_rows =
        std::iter::once((columns, true)).chain(rows.iter().map(|row| (row.as_slice(), false)));
    for (index, (cells, header)) in all_rows.enumerate() {
        let fonts: Vec<FontId> = (0..cells.len())
            .map(|i| {
                if header || i == 0 {
                    bold.clone()
                } else {
                    body.clone()
                }
            })
            .collect();
        // Each cell is laid out once, and drawn from that same layout, so the row is exactly as
        // tall as its tallest cell at any text size.
        let galleys: Vec<std::sync::Arc<egui::Galley>> = cells
            .iter()
            .zip(&widths)
            .zip(&fonts)
            .map(|((cell, w), font)| {
                egui::WidgetText::from(
                    RichText::new(cell)
                        .font(font.clone())
                        .color(colors.text.color32()),
                )
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Wrap),
                    w - 2.0 * pad,
                    egui::FontSelection::Default,
                )
            })
            .collect();
        let height = galleys
            .iter()
            .map(|galley| galley.size().y)
            .fold(sizes.body_pt, f32::max)
            + 2.0 * pad;
        let (row_rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        let fill = if header {
            colors.table_header
        } else if index % 2 == 0 {
            colors.table_stripe
        } else {
            colors.surface
        };
        ui.painter().rect_filled(row_rect, 0.0, fill.color32());
        let mut left = row_rect.left();
        for (galley, w) in galleys.into_iter().zip(&widths) {
            let cell_rect = egui::Rect::from_min_size(
                egui::pos2(left + pad, row_rect.top() + pad),
                vec2(w - 2.0 * pad, height - 2.0 * pad),
            );
            // A child that does not move the table's cursor: the row was allocated whole above,
            // and a cell shorter than the row must not pull the next row up.
            ui.new_child(UiBuilder::new().max_rect(cell_rect))
                .add(Label::new(galley).sense(super::text::READABLE));
            left += w;
        }
    }
    ui.spacing_mut().item_spacing.y = item_spacing;
    ui.add_space(item_spacing);
}

fn contact_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    title: &str,
    phones: &[String],
    note: Option<&str>,
) {
    let theme = screen.theme;
    let colors = &theme.colors;
    let border = Stroke::new(theme.sizes.stroke_pt, colors.border.color32());
    card(ui, theme, colors.surface, border, |ui| {
        text_ui(ui, theme, title, theme.sizes.heading_pt, true);
        for id in phones {
            let label = screen
                .language
                .clinic
                .phone_labels
                .get(id)
                .map_or("", String::as_str);
            let number = screen.deck.phones.get(id).map_or("", String::as_str);
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 0.0;
                muted_ui(ui, theme, label);
                ui.add(
                    Label::new(
                        RichText::new(number)
                            .font(bold_font(theme.sizes.key_fact_pt))
                            .color(colors.accent.color32()),
                    )
                    .sense(super::text::READABLE),
                );
            });
        }
        if let Some(note) = note {
            text_ui(ui, theme, note, theme.sizes.body_pt, false);
        }
    });
}

fn links_ui(ui: &mut Ui, screen: &ScreenContext<'_>, links: &[Link]) -> Option<Command> {
    let mut command = None;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = screen.theme.sizes.item_spacing_pt;
        for link in links {
            let button = BigButton::new(screen.theme, &link.label, ButtonKind::Secondary);
            if ui.add(button).clicked() {
                command = screen.language.resolve(&link.to).map(Command::Open);
            }
        }
    });
    command
}

/// A QR code of the page's list and the clinic's phone numbers, centred, its caption under it.
fn qr_code_ui(ui: &mut Ui, screen: &ScreenContext<'_>, page: &Page, caption: &str) {
    let theme = screen.theme;
    let payload = qr_payload(page, screen.language, &screen.deck.phones);
    ui.vertical_centered(|ui| {
        ui.spacing_mut().item_spacing.y = theme.sizes.item_spacing_pt;
        ui.add(QrCodeView::new(theme, &payload, caption));
        text_ui(ui, theme, caption, theme.sizes.body_pt, false);
    });
}
