//! Speech mode for a keypad, the EZ Access way: the arrow keys move between the controls of
//! the screen in reading order, Enter chooses (egui clicks the focused control), Back
//! (Backspace) or Escape goes back, and Help (F1 or ?) says where the patient is and what the
//! keys do. The first keypad key turns speech mode on for the visit: from then on every
//! control the patient moves to is said aloud (and ringed on screen, for everyone who has
//! focus). The idle reset turns it off and drops the focus.

use egui::output::OutputEvent;
use egui::{Key, Modifiers, WidgetInfo};

use crate::content::model::KeypadText;

/// What a keypad's keys asked of the app in a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct KeypadKeys {
    /// Back or Escape: one screen back.
    pub(super) back: bool,
    /// Help: say where the patient is and what the keys do.
    pub(super) help: bool,
    /// Enter with nothing focused: say how to get to the first control.
    pub(super) lost: bool,
}

/// A keypad user's speech mode.
#[derive(Default)]
pub(super) struct Keypad {
    /// A keypad key was pressed in this visit: what gets focus is said.
    on: bool,
    /// The visit was wiped: the focus goes at the next frame (the next patient sees no ring).
    drop_focus: bool,
    /// What had focus at the end of the last frame, to give it back when Escape (which egui
    /// takes as "drop the focus") went nowhere.
    last_focus: Option<egui::Id>,
    /// How the control that has focus was said, for the Help key.
    focus_said: Option<String>,
    /// The screen of the last frame: arriving on another one, its title is said.
    last_screen: Option<super::Screen>,
    /// "Are you still there?" was said (once each time it shows).
    warned: bool,
}

impl Keypad {
    /// Whether speech mode is on.
    pub(super) fn is_on(&self) -> bool {
        self.on
    }

    /// The visit is wiped: speech mode off, and no focus left for the next patient.
    pub(super) fn forget(&mut self) {
        *self = Self {
            drop_focus: true,
            ..Self::default()
        };
    }

    /// Before the screens draw: the arrows move the focus (in reading order, as Tab does:
    /// one list, top to bottom, that wraps), and Back, Help and a lost Enter are noted.
    pub(super) fn keys_ui(&mut self, ctx: &egui::Context) -> KeypadKeys {
        if std::mem::take(&mut self.drop_focus)
            && let Some(id) = ctx.memory(|memory| memory.focused())
        {
            ctx.memory_mut(|memory| memory.surrender_focus(id));
        }
        let typing = ctx.text_edit_focused();
        let focused = ctx.memory(|memory| memory.focused());
        let (enter, tab) =
            ctx.input(|input| (input.key_pressed(Key::Enter), input.key_pressed(Key::Tab)));
        let (next, previous, back, help) = ctx.input_mut(|input| {
            let mut take = |key: Key| input.consume_key(Modifiers::NONE, key);
            // In a search box, left and right move the text cursor, and Backspace and ? are
            // the patient's typing.
            let next = take(Key::ArrowDown) | (!typing && take(Key::ArrowRight));
            let previous = take(Key::ArrowUp) | (!typing && take(Key::ArrowLeft));
            let back = take(Key::Escape) | (!typing && take(Key::Backspace));
            let help = take(Key::F1) | (!typing && take(Key::Questionmark));
            (next, previous, back, help)
        });
        if next != previous {
            let direction = if next {
                egui::FocusDirection::Next
            } else {
                egui::FocusDirection::Previous
            };
            ctx.memory_mut(|memory| memory.move_focus(direction));
        }
        if next || previous || back || help || enter || tab {
            self.on = true;
        }
        KeypadKeys {
            back,
            help,
            lost: enter && focused.is_none(),
        }
    }

    /// Escape drops egui's focus; where it went nowhere, the focus comes back.
    pub(super) fn keep_focus(&self, ctx: &egui::Context) {
        // Only a control still on screen (not one of the screen before).
        if let Some(id) = self.last_focus
            && ctx.memory(|memory| memory.focused()).is_none()
            && ctx.read_response(id).is_some()
        {
            ctx.memory_mut(|memory| memory.request_focus(id));
        }
    }

    /// After the screens drew: what speech mode says for this frame, if it is on: the control
    /// the patient moved to ("Next, button"), or, arriving on a screen where nothing has
    /// focus, the screen's `title`.
    pub(super) fn moved_to(
        &mut self,
        ctx: &egui::Context,
        words: &KeypadText,
        (screen, title): (super::Screen, &str),
    ) -> Option<String> {
        let focused = ctx.memory(|memory| memory.focused());
        self.last_focus = focused;
        let arrived = self.last_screen.replace(screen) != Some(screen);
        if focused.is_none() {
            self.focus_said = None;
        }
        if !self.on {
            return None;
        }
        let gained = ctx.output(|output| {
            output.events.iter().rev().find_map(|event| match event {
                OutputEvent::FocusGained(info) => Some(info.clone()),
                _ => None,
            })
        });
        if let Some(gained) = gained {
            let said = describe(&gained, words);
            self.focus_said = Some(said.clone());
            // "Are you still there?" takes the focus to its button, and is said whole, its
            // button's words last: saying the button again would cut the question off.
            return (!self.warned).then_some(said);
        }
        // Arrived where nothing took the focus (what had it was on the last screen).
        arrived.then(|| words.where_screen.replace("{title}", title))
    }

    /// What the Help key says: where the patient is, what they are on, and how the keys work.
    pub(super) fn help(&self, words: &KeypadText, title: &str) -> Vec<String> {
        let on = match &self.focus_said {
            Some(control) => words.on_control.replace("{control}", control),
            None => words.nothing_focused.clone(),
        };
        vec![
            words.where_screen.replace("{title}", title),
            on,
            words.how.clone(),
        ]
    }

    /// True once each time "Are you still there?" shows, while speech mode is on.
    pub(super) fn warn_once(&mut self, asking: bool) -> bool {
        let first = asking && !self.warned && self.on;
        self.warned = asking;
        first
    }
}

/// A control as speech mode says it: its name, then what it is ("Listen, button"; "Large
/// text, button, chosen"; a picture's description, "picture").
pub(super) fn describe(info: &WidgetInfo, words: &KeypadText) -> String {
    let name = (info.label.as_deref())
        .or(info.current_text_value.as_deref())
        .or(info.hint_text.as_deref())
        .unwrap_or_default()
        .trim()
        .trim_end_matches(['.', ':'])
        .to_owned();
    let what = match info.role {
        egui::Role::Button | egui::Role::Link | egui::Role::CheckBox | egui::Role::RadioButton => {
            Some(words.button.as_str())
        }
        egui::Role::Image => Some(words.picture.as_str()),
        _ => None,
    };
    let mut said = name;
    if let Some(what) = what {
        said = format!("{said}, {what}");
    }
    if info.selected == Some(true) {
        said = format!("{said}, {}", words.chosen);
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> KeypadText {
        KeypadText {
            button: "button".to_owned(),
            picture: "picture".to_owned(),
            chosen: "chosen".to_owned(),
            where_screen: "This screen is: {title}.".to_owned(),
            on_control: "You are on {control}.".to_owned(),
            nothing_focused: "Press down.".to_owned(),
            how: "Up and down move.".to_owned(),
            no_back: "This is the start.".to_owned(),
        }
    }

    #[test]
    fn a_control_is_said_with_what_it_is() {
        let words = words();
        let button = WidgetInfo::labeled(egui::Role::Button, true, "Listen");
        assert_eq!(describe(&button, &words), "Listen, button");
        let chosen = WidgetInfo::selected(egui::Role::Button, true, true, "Large text");
        assert_eq!(describe(&chosen, &words), "Large text, button, chosen");
        let picture = WidgetInfo::labeled(egui::Role::Image, true, "Your spine from the side.");
        assert_eq!(
            describe(&picture, &words),
            "Your spine from the side, picture"
        );
        let title = WidgetInfo::labeled(egui::Role::Label, true, "Recovery");
        assert_eq!(describe(&title, &words), "Recovery");
    }
}
