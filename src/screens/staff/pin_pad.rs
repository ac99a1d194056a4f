//! The on-screen PIN pad: big digit keys, no system keyboard. The digits show only as dots.

use egui::{Sense, Stroke, Ui, vec2};

use super::{StaffInfo, line_ui, title_ui};
use crate::app::StaffCommand;
use crate::content::model::StaffText;
use crate::staff::{MAX_PIN_DIGITS, MIN_PIN_DIGITS, PinCheck};
use crate::theme::Theme;
use crate::widgets::{BigButton, ButtonKind};

/// The keys, row by row: `Some(digit)`, or `None` for Delete and Enter at the bottom corners.
const ROWS: [[Option<u8>; 3]; 4] = [
    [Some(1), Some(2), Some(3)],
    [Some(4), Some(5), Some(6)],
    [Some(7), Some(8), Some(9)],
    [None, Some(0), None],
];

/// Draws the pad with `typed` digits so far.
pub fn pin_pad_ui(
    ui: &mut Ui,
    theme: &Theme,
    words: &StaffText,
    typed: usize,
    wrong: bool,
    info: &StaffInfo<'_>,
) -> Option<StaffCommand> {
    let sizes = &theme.sizes;
    title_ui(ui, theme, &words.pin_title);
    let (message, alert) = match info.pin_check {
        // No PIN because the settings file is broken: say so, not "set a PIN".
        _ if !info.pin_set && info.settings_problem.is_some() => (
            (words.settings_broken).replace("{problem}", info.settings_problem.unwrap_or_default()),
            true,
        ),
        _ if !info.pin_set => (words.pin_not_set.clone(), true),
        PinCheck::Locked { secs_left } => (
            words
                .pin_locked
                .replace("{seconds}", &(secs_left.ceil() as u64).to_string()),
            true,
        ),
        PinCheck::Open { tries_left } if wrong => (
            words.pin_wrong.replace("{tries}", &tries_left.to_string()),
            true,
        ),
        PinCheck::Open { .. } => (words.pin_prompt.clone(), false),
    };
    line_ui(ui, theme, &message, alert);
    digits_ui(ui, theme, typed);

    let enabled = info.pin_set && matches!(info.pin_check, PinCheck::Open { .. });
    let gap = sizes.item_spacing_pt;
    let key_width = (ui.available_width() - 2.0 * gap) / 3.0;
    let mut command = None;
    for row in ROWS {
        ui.horizontal(|ui| {
            for (column, key) in row.into_iter().enumerate() {
                let (label, kind, tapped) = match (key, column) {
                    (Some(digit), _) => (
                        digit.to_string(),
                        ButtonKind::Secondary,
                        StaffCommand::Digit(digit),
                    ),
                    (None, 0) => (
                        words.pin_delete.clone(),
                        ButtonKind::Secondary,
                        StaffCommand::DeleteDigit,
                    ),
                    (None, _) => (
                        words.pin_enter.clone(),
                        ButtonKind::Primary,
                        StaffCommand::EnterPin,
                    ),
                };
                let key = BigButton::new(theme, &label, kind).min_width(key_width);
                if ui.add_enabled(enabled, key).clicked() {
                    command = Some(tapped);
                }
            }
        });
    }
    let cancel = BigButton::new(theme, &words.pin_cancel, ButtonKind::Secondary)
        .min_width(ui.available_width());
    if ui.add(cancel).clicked() {
        command = Some(StaffCommand::Cancel);
    }
    command
}

/// One dot per digit typed (filled), and empty ones up to the shortest PIN: never the digits.
fn digits_ui(ui: &mut Ui, theme: &Theme, typed: usize) {
    let sizes = &theme.sizes;
    let slots = typed.clamp(MIN_PIN_DIGITS, MAX_PIN_DIGITS);
    let radius_pt = sizes.body_pt * 0.5;
    let step_pt = radius_pt * 3.0;
    let (rect, _) =
        ui.allocate_exact_size(vec2(step_pt * slots as f32, sizes.title_pt), Sense::hover());
    let color = theme.colors.text.color32();
    for slot in 0..slots {
        let center = rect.left_center() + vec2(step_pt * (slot as f32 + 0.5), 0.0);
        if slot < typed {
            ui.painter().circle_filled(center, radius_pt, color);
        } else {
            ui.painter()
                .circle_stroke(center, radius_pt, Stroke::new(sizes.stroke_pt, color));
        }
    }
}
