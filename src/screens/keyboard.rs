//! The on-screen keyboard of consultation mode's search box and handout notes: a touchscreen
//! may have no keyboard. Letters, digits and the marks a date or a spine level needs, with
//! Spanish letters for a Spanish screen; Space, Delete, a capital for the next letter, Done.

use egui::{Panel, Ui};

use crate::content::model::ConsultText;
use crate::theme::Theme;
use crate::widgets::{BigButton, ButtonKind};

/// A key that was tapped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A letter, digit, mark or space.
    Char(char),
    /// Removes the last letter.
    Delete,
    /// Closes the keyboard.
    Done,
}

/// `text` after `key`: a letter added at the end (if the text has room for it within
/// `max_chars`), or the last one taken off. Done changes nothing.
pub fn typed(text: &str, key: Key, max_chars: usize) -> String {
    let mut text = text.to_owned();
    match key {
        Key::Char(c) if text.chars().count() < max_chars => text.push(c),
        Key::Delete => {
            text.pop();
        }
        Key::Char(_) | Key::Done => {}
    }
    text
}

/// The rows of letter keys; Spanish letters on a Spanish screen (`code` "es").
fn rows(code: &str) -> &'static [&'static str] {
    if code == "es" {
        &[
            "1234567890",
            "qwertyuiop",
            "asdfghjklñ",
            "zxcvbnm,./-",
            "áéíóúü:",
        ]
    } else {
        &["1234567890", "qwertyuiop", "asdfghjkl:", "zxcvbnm,./-"]
    }
}

/// Draws the keyboard in a panel across the bottom of the screen; returns the key tapped.
/// (Drawn before the screen's centre, so the centre gives it room.)
pub fn keyboard_ui(ui: &mut Ui, theme: &Theme, words: &ConsultText, code: &str) -> Option<Key> {
    let sizes = &theme.sizes;
    let gap = sizes.item_spacing_pt / 2.0;
    let shift_id = egui::Id::unique("keyboard_shift");
    let mut shift = ui.data(|data| data.get_temp::<bool>(shift_id).unwrap_or(false));
    let mut tapped = None;
    Panel::bottom("keyboard")
        .resizable(false)
        .show_separator_line(true)
        .frame(
            egui::Frame::new()
                .fill(theme.colors.surface.color32())
                .inner_margin(egui::Margin::same(gap as i8)),
        )
        .show(ui, |ui| {
            let rows = rows(code);
            let most = rows
                .iter()
                .map(|row| row.chars().count())
                .max()
                .unwrap_or(10);
            let full = ui.available_width();
            let width = full.min(sizes.content_max_width_pt * 1.2);
            let key_pt =
                ((width - gap * (most - 1) as f32) / most as f32).max(sizes.min_touch_pt * 0.75);
            // A key `wide` keys wide, and a row of keys this wide in all, centred.
            let key_width = |wide: f32| key_pt * wide + gap * (wide - 1.0).max(0.0);
            let indent = |ui: &mut Ui, widths: &[f32]| {
                let row = widths.iter().map(|&wide| key_width(wide)).sum::<f32>()
                    + gap * (widths.len().max(1) - 1) as f32;
                ui.add_space(((full - row) / 2.0 - gap).max(0.0));
            };
            let key = |ui: &mut Ui, label: &str, spoken: &str, wide: f32| {
                let button = BigButton::new(theme, label, ButtonKind::Secondary)
                    .compact()
                    .min_width(key_width(wide))
                    .accessible_label(spoken);
                ui.add(button).clicked()
            };
            ui.spacing_mut().item_spacing = egui::vec2(gap, gap);
            for row in rows.iter() {
                ui.horizontal(|ui| {
                    indent(ui, &vec![1.0; row.chars().count()]);
                    for c in row.chars() {
                        let shown: String = if shift {
                            c.to_uppercase().collect()
                        } else {
                            c.to_string()
                        };
                        if key(ui, &shown, &shown, 1.0) {
                            tapped = Some(Key::Char(shown.chars().next().unwrap_or(c)));
                            shift = false;
                        }
                    }
                });
            }
            ui.horizontal(|ui| {
                let widths = [1.5, 4.5, 2.0, 2.0];
                indent(ui, &widths);
                let shift_label = if shift { "ABC" } else { "abc" };
                if key(ui, shift_label, &words.keyboard_shift, widths[0]) {
                    shift = !shift;
                }
                let space = &words.keyboard_space;
                if key(ui, space, space, widths[1]) {
                    tapped = Some(Key::Char(' '));
                }
                let delete = &words.keyboard_delete;
                if key(ui, delete, delete, widths[2]) {
                    tapped = Some(Key::Delete);
                }
                if key(ui, &words.keyboard_done, &words.keyboard_done, widths[3]) {
                    tapped = Some(Key::Done);
                }
            });
        });
    ui.data_mut(|data| data.insert_temp(shift_id, shift));
    tapped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_add_and_take_letters_within_the_length() {
        let text = typed("L4", Key::Char('-'), 5);
        assert_eq!(text, "L4-");
        assert_eq!(typed(&text, Key::Char('ñ'), 4), "L4-ñ");
        assert_eq!(
            typed("L4-ñ", Key::Char('x'), 4),
            "L4-ñ",
            "full: nothing added"
        );
        assert_eq!(typed("L4-ñ", Key::Delete, 4), "L4-", "a whole letter goes");
        assert_eq!(typed("", Key::Delete, 4), "");
        assert_eq!(typed("ab", Key::Done, 4), "ab");
    }

    #[test]
    fn a_spanish_screen_has_spanish_letters() {
        assert!(rows("es").concat().contains('ñ'));
        assert!(rows("es").concat().contains('é'));
        assert!(!rows("en").concat().contains('ñ'));
        for code in ["en", "es"] {
            assert!(rows(code).concat().contains('-'), "for L4-L5");
            assert!(rows(code).concat().contains('/'), "for dates");
        }
    }
}
