//! The text every screen writes: wrapped labels in the design's sizes and colours.

use egui::{FontId, Label, Response, RichText, Ui};

use crate::theme::{Theme, bold_font};

/// Wrapped text at `size_pt`, bold or regular, in the text colour.
pub fn text_ui(ui: &mut Ui, theme: &Theme, text: &str, size_pt: f32, bold: bool) -> Response {
    let font = if bold {
        bold_font(size_pt)
    } else {
        FontId::proportional(size_pt)
    };
    ui.add(
        Label::new(
            RichText::new(text)
                .font(font)
                .color(theme.colors.text.color32()),
        )
        .wrap()
        .sense(READABLE),
    )
}

/// What a text senses: no touch, but it can take the focus, so Tab, a keypad's arrows and a
/// screen reader reach it. Orca, in an AccessKit window, says only what takes the focus: its
/// own reading keys never reach the app (they are not passed to AT-SPI, as GTK passes them),
/// and AccessKit gives static text no AT-SPI Text interface for Say All
/// (accesskit_atspi_common 0.21), so without this no paragraph of a page was ever read.
pub const READABLE: egui::Sense = egui::Sense::FOCUSABLE;

/// A screen's big title: a heading of level 1 for screen readers.
pub fn title_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    let response = text_ui(ui, theme, text, theme.sizes.title_pt, true);
    heading_in_tree(ui, &response, text, 1);
}

/// A page's title, a heading of level 1 that keyboard and screen-reader focus can rest on:
/// on the frame a new page shows (`arrived`), focus that was on a control (a screen reader's
/// or a keypad's user) moves to it, so the new page is read from its title instead of focus
/// falling back to the window. A touch gives nothing focus, so for fingers nothing changes
/// (a focused title is underlined: the focus ring egui draws for text).
///
/// In speech mode (`keypad`) the title takes the focus on arrival even when nothing had it
/// (Escape, which goes back, drops egui's focus), and says so as a widget gaining focus does,
/// so the keypad user hears where they arrived.
pub fn page_title_ui(ui: &mut Ui, theme: &Theme, text: &str, (arrived, keypad): (bool, bool)) {
    let response = ui.add(
        Label::new(
            RichText::new(text)
                .font(bold_font(theme.sizes.title_pt))
                .color(theme.colors.text.color32()),
        )
        .wrap()
        .sense(egui::Sense::FOCUSABLE),
    );
    heading_in_tree(ui, &response, text, 1);
    if arrived && (keypad || ui.memory(|memory| memory.focused().is_some())) {
        response.request_focus();
        // egui says a widget gained focus a frame later, when the frame that turned the page
        // may already be over: say it now.
        let info = egui::WidgetInfo::labeled(egui::Role::Label, true, text);
        ui.ctx().output_mut(|output| {
            output
                .events
                .push(egui::output::OutputEvent::FocusGained(info))
        });
    }
}

/// Tells screen readers that `response`'s words are a heading of `level` (egui calls every
/// text a label), so a blind patient can jump from heading to heading.
pub fn heading_in_tree(ui: &Ui, response: &Response, text: &str, level: usize) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(egui::accesskit::Role::Heading);
        node.set_level(level);
        // A heading is named by its words (a label's are its value).
        node.set_label(text);
    });
}

/// Draws `add_contents` on the colour of what is being read aloud when `lit`, else as it is.
/// The colour reaches a few points past the contents, so a card or a button with a fill of
/// its own (a key fact, a quiz answer) shows it round its edge; the layout is the same lit or
/// not.
pub fn lit_ui<R>(
    ui: &mut Ui,
    theme: &Theme,
    lit: bool,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    if !lit {
        return add_contents(ui);
    }
    let under = ui.painter().add(egui::Shape::Noop);
    let inner = ui.scope(add_contents);
    let band = (0.5 * ui.spacing().item_spacing.y).clamp(2.0, 8.0);
    ui.painter().set(
        under,
        egui::epaint::RectShape::filled(
            inner.response.rect.expand(band),
            theme.sizes.corner_radius_pt,
            theme.colors.reading.color32(),
        ),
    );
    inner.inner
}

/// A paragraph with `sentence` on the colour of what is being read aloud.
pub fn text_with_sentence_lit_ui(
    ui: &mut Ui,
    theme: &Theme,
    text: &str,
    sentence: &str,
) -> Response {
    let format = egui::TextFormat {
        font_id: FontId::proportional(theme.sizes.body_pt),
        color: theme.colors.text.color32(),
        ..Default::default()
    };
    let lit = egui::TextFormat {
        background: theme.colors.reading.color32(),
        ..format.clone()
    };
    let mut job = egui::text::LayoutJob::default();
    match text.find(sentence) {
        Some(at) => {
            job.append(&text[..at], 0.0, format.clone());
            job.append(sentence, 0.0, lit);
            job.append(&text[at + sentence.len()..], 0.0, format);
        }
        None => job.append(text, 0.0, lit),
    }
    ui.add(Label::new(job).wrap().sense(READABLE))
}

/// Draws `add_contents` as a part of its own in the accessibility tree that screen readers
/// announce when it appears or changes: `Polite` (a group, read after what they are saying)
/// or `Assertive` (an alert, read at once). A hotspot's explanation, a quiz's reply and the
/// idle warning use it: Orca said none of them before. The words inside name it, so it has
/// no label of its own (a screen reader would say them twice).
pub fn announced_ui<R>(
    ui: &mut Ui,
    live: egui::accesskit::Live,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let role = match live {
        egui::accesskit::Live::Assertive => egui::accesskit::Role::Alert,
        _ => egui::accesskit::Role::Group,
    };
    let builder = egui::UiBuilder::new().accessibility_role(role);
    ui.scope_builder(builder, |ui| {
        let id = ui.unique_id();
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_live(live));
        add_contents(ui)
    })
    .inner
}
