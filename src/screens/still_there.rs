//! "Are you still there?": shown over the page after a while without a touch, counting down to
//! the next patient's fresh start, with one big button to carry on.

use egui::{Frame, Label, Margin, Modal, RichText};

use crate::app::Command;
use crate::content::model::Interface;
use crate::theme::{Theme, bold_font};
use crate::widgets::{BigButton, ButtonKind};

/// Where the focus was when the question took it (and whether the frame after the question
/// went has passed), kept in egui's memory while the question shows.
fn kept_focus() -> egui::Id {
    egui::Id::unique("focus before the idle question")
}

/// Draws the question over everything; `secs_left` until the kiosk starts over. For screen
/// readers it is a dialog named by its question; when `focused` (what a screen reader's or
/// Tab's focus was on as the frame began) is something, its button takes the focus, so Orca
/// says the question and the button at once (before, "frame, unfocused dialog" and nothing
/// more), and [`give_focus_back`] returns it there afterwards.
pub fn still_there_ui(
    ctx: &egui::Context,
    theme: &Theme,
    interface: &Interface,
    (secs_left, focused): (f64, Option<egui::Id>),
) -> Option<Command> {
    let kept = ctx.data(|data| data.get_temp::<(Option<egui::Id>, bool)>(kept_focus()));
    if kept.is_none() && focused.is_some() {
        ctx.data_mut(|data| data.insert_temp(kept_focus(), (focused, false)));
    }
    let take_focus = focused.is_some();
    let sizes = &theme.sizes;
    let colors = &theme.colors;
    let frame = Frame::new()
        .fill(colors.surface.color32())
        .corner_radius(sizes.corner_radius_pt)
        .inner_margin(Margin::same((2.0 * sizes.card_padding_pt) as i8));
    let seconds = (secs_left.ceil().max(0.0) as u64).to_string();
    let mut command = None;
    Modal::new(egui::Id::unique("still_there"))
        .frame(frame)
        .show(ctx, |ui| {
            ui.set_max_width(sizes.content_max_width_pt * 0.6);
            // At once: a patient who cannot see it must hear it before the time runs out.
            let at_once = egui::accesskit::Live::Assertive;
            let dialog = (ui.stack().iter())
                .find(|frame| frame.kind() == Some(egui::UiKind::Modal))
                .map(|frame| frame.unique_id);
            super::text::announced_ui(ui, at_once, |ui| {
                ui.spacing_mut().item_spacing.y = sizes.block_spacing_pt;
                let title = ui.add(
                    Label::new(
                        RichText::new(&interface.still_there_title)
                            .font(bold_font(sizes.title_pt))
                            .color(colors.text.color32()),
                    )
                    .wrap(),
                );
                // The dialog is named by its question.
                if let Some(dialog) = dialog {
                    ui.ctx().accesskit_node_builder(dialog, |node| {
                        node.set_labelled_by(vec![title.id.accesskit_id()]);
                        node.set_modal();
                    });
                }
                ui.add(
                    Label::new(
                        RichText::new(
                            interface
                                .still_there_countdown
                                .replace("{seconds}", &seconds),
                        )
                        .size(sizes.body_pt)
                        .color(colors.text.color32()),
                    )
                    .wrap(),
                );
                let button =
                    BigButton::new(theme, &interface.still_there_button, ButtonKind::Primary)
                        .min_width(ui.available_width());
                let button = ui.add(button);
                if button.clicked() {
                    command = Some(Command::StillHere);
                }
                if take_focus && !button.has_focus() {
                    button.request_focus();
                }
            });
        });
    command
}

/// Once the question has gone, gives the focus back where it was when the question took it.
/// On the frame it goes, egui still keeps the page from the focus (the dialog's layer is from
/// the frame before), so the frame after gives it, once.
pub fn give_focus_back(ctx: &egui::Context) {
    let Some((id, waited)) =
        ctx.data(|data| data.get_temp::<(Option<egui::Id>, bool)>(kept_focus()))
    else {
        return;
    };
    if !waited && ctx.memory(|memory| memory.top_modal_layer()).is_some() {
        ctx.data_mut(|data| data.insert_temp(kept_focus(), (id, true)));
        ctx.request_repaint();
        return;
    }
    ctx.data_mut(|data| data.remove::<(Option<egui::Id>, bool)>(kept_focus()));
    if let Some(id) = id.filter(|id| ctx.read_response(*id).is_some()) {
        ctx.memory_mut(|memory| memory.request_focus(id));
    }
}
