//! The staff's panel over the kiosk: the PIN pad, then the staff menu. Its words come from the
//! content's `interface.ron` (`staff`), like every other word on screen.

mod menu;
mod pin_pad;

use egui::{Frame, Label, Margin, Modal, RichText, Ui};

use crate::app::{Command, MenuView, StaffPanel};
use crate::content::ContentErrors;
use crate::content::model::StaffText;
use crate::staff::PinCheck;
use crate::theme::{Theme, bold_font};

/// What the staff panel shows besides its own state.
pub struct StaffInfo<'a> {
    /// Whether a PIN may be tried now.
    pub pin_check: PinCheck,
    /// Whether a staff PIN has been set.
    pub pin_set: bool,
    /// Pages in the content showing.
    pub pages: usize,
    /// Valid new content waits for the next patient.
    pub update_waiting: bool,
    /// The problems of the last content update that failed.
    pub problems: Option<&'a ContentErrors>,
    /// The idle time before "Are you still there?".
    pub idle_timeout_secs: u32,
    /// Whether the kiosk is in consultation mode.
    pub consult: bool,
    /// The usage statistics report, when the menu shows it and there is one.
    pub statistics: Option<&'a crate::stats::Report>,
    /// The statistics file, when the last visit could not be saved to it (full or read-only
    /// disk, say).
    pub stats_failing: Option<&'a std::path::Path>,
    /// Pictures of the content that could not be read (shown as an empty frame).
    pub unreadable_pictures: Vec<&'a std::path::Path>,
    /// Why the settings file could not be read at start, if it could not.
    pub settings_problem: Option<&'a str>,
    /// Why pages cannot be read aloud, if they cannot.
    pub listen_unavailable: Option<&'a str>,
    /// The content bundle showing (version and date), if the content came from one.
    pub content_bundle: Option<(u64, &'a str)>,
    /// Why the last content bundle was refused, if one was.
    pub bundle_refused: Option<&'a str>,
    /// Topics no one has approved, or whose review is overdue: the language's code, the
    /// topic's title, and when it was due (none: not approved).
    pub reviews_due: Vec<(&'a str, &'a str, Option<jiff::civil::Date>)>,
}

/// Draws the PIN pad or the staff menu over everything; returns what was tapped.
pub fn staff_ui(
    ctx: &egui::Context,
    theme: &Theme,
    words: &StaffText,
    panel: &StaffPanel,
    info: &StaffInfo<'_>,
) -> Option<Command> {
    let sizes = &theme.sizes;
    let frame = Frame::new()
        .fill(theme.colors.surface.color32())
        .corner_radius(sizes.corner_radius_pt)
        .inner_margin(Margin::same((2.0 * sizes.card_padding_pt) as i8));
    let mut command = None;
    Modal::new(egui::Id::unique("staff_panel"))
        .frame(frame)
        .show(ctx, |ui| {
            let screen = ctx.content_rect();
            // Tables need the room; the pad and the menu are easier to reach narrow.
            let wide = matches!(
                panel,
                StaffPanel::Menu {
                    view: MenuView::Statistics | MenuView::Problems,
                    ..
                }
            );
            // The screen's width less the panel's own margins and the page margins.
            let room_pt = screen.width() - 4.0 * sizes.card_padding_pt - 2.0 * sizes.page_margin_pt;
            let width_pt = if wide {
                sizes.content_max_width_pt
            } else {
                sizes.content_max_width_pt * 0.6
            }
            .min(room_pt);
            ui.set_width(width_pt);
            ui.spacing_mut().item_spacing = egui::Vec2::splat(sizes.item_spacing_pt);
            // On a short screen (1280x800) the panel scrolls, with a finger too, rather than
            // put its last buttons below the screen's edge.
            let height_pt =
                screen.height() - 4.0 * sizes.card_padding_pt - 2.0 * sizes.item_spacing_pt;
            egui::ScrollArea::vertical()
                .id_salt("staff_panel_scroll")
                .max_height(height_pt.max(sizes.min_touch_pt))
                .min_scrolled_height(height_pt.max(sizes.min_touch_pt))
                .scroll_source(egui::scroll_area::ScrollSource::ALL)
                .show(ui, |ui| {
                    command = match panel {
                        StaffPanel::PinPad { digits, wrong } => {
                            pin_pad::pin_pad_ui(ui, theme, words, digits.len(), *wrong, info)
                        }
                        StaffPanel::Menu { view, notice } => {
                            menu::menu_ui(ui, theme, words, *view, *notice, info)
                        }
                    };
                });
        });
    command.map(Command::Staff)
}

/// A heading in the panel.
fn title_ui(ui: &mut Ui, theme: &Theme, text: &str) {
    ui.add(
        Label::new(
            RichText::new(text)
                .font(bold_font(theme.sizes.title_pt))
                .color(theme.colors.text.color32()),
        )
        .wrap(),
    );
}

/// A line of text in the panel; `alert` draws it in the error colour.
fn line_ui(ui: &mut Ui, theme: &Theme, text: &str, alert: bool) {
    let color = if alert {
        theme.colors.error
    } else {
        theme.colors.text
    };
    ui.add(
        Label::new(
            RichText::new(text)
                .size(theme.sizes.body_pt)
                .color(color.color32()),
        )
        .wrap(),
    );
}
