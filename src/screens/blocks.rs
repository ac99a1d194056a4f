//! Draws one content block of a page.

use egui::{FontId, Frame, Label, Margin, RichText, Sense, Stroke, Ui, UiBuilder, vec2};

use super::ScreenContext;
use super::text::text_ui;
use crate::app::{Command, ConsultCommand};
use crate::content::diagram::Diagram;
use crate::content::model::{Block, FigureSource, Link, Page};
use crate::content::qr_payload;
use crate::diagram::{DiagramView, HotspotTap, step_controls_ui};
use crate::handout::HandoutItem;
use crate::ink::Surface;
use crate::theme::{Theme, bold_font};
use crate::widgets::{BigButton, ButtonKind, Figure, FigureContent, QrCodeView};

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
            text_ui(ui, theme, text, theme.sizes.heading_pt, true);
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
        } => return figure_ui(ui, screen, source, alt, caption.as_deref()),
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

/// A wrapped line of text in the body or bold font.
fn muted_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    ui.add(
        Label::new(
            RichText::new(text)
                .size(theme.sizes.small_pt)
                .color(theme.colors.text_muted.color32()),
        )
        .wrap(),
    );
}

fn bullets_ui(ui: &mut Ui, theme: &Theme, items: &[String]) {
    let sizes = &theme.sizes;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = sizes.item_spacing_pt;
        for item in items {
            ui.horizontal_top(|ui| {
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
fn card<R>(
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

fn key_fact_ui(ui: &mut Ui, theme: &Theme, title: &str, text: &str) -> egui::Response {
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
            .wrap(),
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
                .add(Label::new(galley));
            left += w;
        }
    }
    ui.spacing_mut().item_spacing.y = item_spacing;
    ui.add_space(item_spacing);
}

/// A diagram, its caption, its step controls if it is a walk-through, and the explanation of
/// its open hotspot.
fn diagram_figure_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    diagram: &Diagram,
    alt: &str,
    caption: Option<&str>,
) -> Option<Command> {
    let theme = screen.theme;
    let id = &diagram.id;
    let words = screen.language.diagram_texts.get(id);
    let open = screen
        .open_hotspot
        .as_ref()
        .filter(|open| open.diagram == *id)
        .map(|open| open.hotspot.as_str());
    let step = screen.diagram_steps.get(id).copied().unwrap_or(0);
    let (deck, images) = (screen.deck, &mut *screen.images);
    let max_side_px = theme.sizes.texture_max_side_px;
    let mut picture = |ctx: &egui::Context, name: &str| {
        images
            .texture(ctx, &deck.image_path(name), max_side_px)
            .cloned()
    };
    let output = DiagramView {
        diagram,
        words,
        alt,
        max_height_pt: theme.sizes.figure_height_pt * 2.0,
        open_hotspot: open,
        step,
        hotspots: true,
    }
    .ui(ui, theme, screen.diagrams, &mut picture);
    let mut command = output.tap.map(|tap| match tap {
        HotspotTap::Toggle(hotspot) => Command::ToggleHotspot {
            diagram: id.clone(),
            hotspot,
        },
        HotspotTap::Close => Command::CloseHotspot,
    });
    if screen.consult {
        // The clinician's strokes are kept in the diagram's own coordinates.
        screen.ink.areas.push(super::InkArea {
            surface: Surface::Diagram(id.clone()),
            to_screen: output.to_screen,
            clip: output.response.rect,
        });
    }
    if let Some(caption) = caption {
        muted_ui(ui, theme, caption);
    }
    if screen.reveal_diagram.as_ref() == Some(id) {
        output.response.scroll_to_me(Some(egui::Align::TOP));
    }
    // Only the part of the diagram on screen (not under the bars) takes a swipe.
    let swipe_zone = output.response.interact_rect;
    if !diagram.steps.is_empty() && swipe_zone.is_positive() {
        screen.step_swipe_zones.push((swipe_zone, id.clone()));
        let interface = &screen.language.interface;
        if let Some(forward) = step_controls_ui(ui, theme, interface, diagram, words, step) {
            command = Some(Command::StepDiagram {
                diagram: id.clone(),
                forward,
            });
        }
    }
    if screen.consult {
        let item = HandoutItem::Diagram {
            id: id.clone(),
            step,
        };
        let words = &screen.language.interface.consult.add_diagram;
        let add = BigButton::new(theme, words, ButtonKind::Secondary)
            .selected(screen.ink.handout.items.contains(&item), egui::Role::Switch);
        if ui.add(add).clicked() {
            command = Some(Command::Consult(ConsultCommand::ToggleHandout(item)));
        }
    }
    // The explanation of the open part, below the diagram (never a tooltip), scrolled into
    // view when it opens.
    if let Some(text) = open.and_then(|open| words?.hotspots.get(open)) {
        let card = key_fact_ui(ui, theme, &text.title, &text.text);
        if screen.reveal_explanation {
            card.scroll_to_me(None);
        }
    }
    command
}

fn figure_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    source: &FigureSource,
    alt: &str,
    caption: Option<&str>,
) -> Option<Command> {
    let theme = screen.theme;
    let mut command = None;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = theme.sizes.item_spacing_pt;
        let content = match source {
            FigureSource::Diagram(id) => {
                if let Some(diagram) = screen.deck.diagrams.get(id) {
                    command = diagram_figure_ui(ui, screen, diagram, alt, caption);
                    return;
                }
                // A diagram not drawn yet shows its description in a box.
                FigureContent::Placeholder { note: None }
            }
            FigureSource::Image(name) => {
                let path = screen.deck.image_path(name);
                match screen
                    .images
                    .texture(ui.ctx(), &path, theme.sizes.texture_max_side_px)
                {
                    Some(texture) => FigureContent::Picture(texture),
                    None => FigureContent::Placeholder {
                        note: Some(&screen.language.interface.picture_missing),
                    },
                }
            }
        };
        ui.add(Figure::new(theme, content, alt));
        if let Some(caption) = caption {
            muted_ui(ui, theme, caption);
        }
    });
    command
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
                ui.add(Label::new(
                    RichText::new(number)
                        .font(bold_font(theme.sizes.key_fact_pt))
                        .color(colors.accent.color32()),
                ));
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
