//! The Listen button in a page's bottom bar, and while it reads: Pause, Stop, and the volume
//! (quieter and louder, the volume in words for screen readers).

use egui::Ui;

use super::ScreenContext;
use crate::app::{Command, ListenCommand, ListenState};
use crate::widgets::{BigButton, ButtonKind, Icon};

/// Draws the controls for the Listen state in at most `room_pt` of the row; a command if one
/// was tapped. Where the row is short (a narrow screen at the largest text), Stop gives way
/// first (Pause stops the voice too), and the volume stays.
pub(super) fn listen_controls_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    room_pt: f32,
) -> Option<Command> {
    let theme = screen.theme;
    let words = &screen.language.interface.listen;
    let (state, volume) = screen.listen;
    let button = |label, kind| BigButton::new(theme, label, kind);
    let mut command = None;
    let mut tapped = |ui: &mut Ui, widget: BigButton<'_>, asked: ListenCommand| {
        if ui.add(widget).clicked() {
            command = Some(Command::Listen(asked));
        }
    };
    match state {
        ListenState::Unavailable => {}
        ListenState::Ready | ListenState::Paused => {
            // With its speaker, so it never looks like Back; the speaker alone (its name for
            // screen readers) where the row is short, so the page number keeps its place.
            let listen = button(&words.listen, ButtonKind::Secondary).icon(Icon::Speaker);
            let listen = if listen.size(ui).x <= room_pt {
                listen
            } else {
                button("", ButtonKind::Secondary)
                    .icon(Icon::Speaker)
                    .min_width(theme.sizes.min_touch_pt)
                    .accessible_label(&words.listen)
            };
            tapped(ui, listen, ListenCommand::Start);
            if state == ListenState::Paused {
                tapped(
                    ui,
                    button(&words.stop, ButtonKind::Secondary),
                    ListenCommand::Stop,
                );
            }
        }
        ListenState::Making => {
            // Tapping it again does nothing: the voice is already getting the page ready.
            ui.add(button(&words.getting_ready, ButtonKind::Secondary));
        }
        ListenState::Playing => {
            let max = crate::narration::MAX_VOLUME;
            let quieter = format!("{} ({} {volume}/{max})", words.quieter, words.volume);
            let louder = format!("{} ({} {volume}/{max})", words.louder, words.volume);
            let small = theme.sizes.min_touch_pt;
            let stop = button(&words.stop, ButtonKind::Secondary);
            // The volume: a speaker with a minus or a plus, so the buttons say what they
            // change (the sign alone where the bar is short of room); screen readers hear
            // "Quieter (Volume 3/10)" and "Louder (Volume 3/10)".
            let volume = |sign, words, speaker: bool| {
                let volume = button(sign, ButtonKind::Secondary)
                    .min_width(small)
                    .accessible_label(words);
                if speaker {
                    volume.icon(Icon::Speaker)
                } else {
                    volume
                }
            };
            // Pause with its word, or its sign alone (its word for screen readers) where the
            // row is short of room.
            let pause = |worded: bool| {
                if worded {
                    button(&words.pause, ButtonKind::Secondary).icon(Icon::Pause)
                } else {
                    button("", ButtonKind::Secondary)
                        .icon(Icon::Pause)
                        .min_width(small)
                        .accessible_label(&words.pause)
                }
            };
            // Keep reading: a switch, on to the next page at this one's end (not while a
            // walk-through plays: the voice is Play's then).
            let keep = |worded: bool| {
                let on = screen.keep_reading;
                let keep = if worded {
                    button(&words.keep_reading, ButtonKind::Secondary)
                } else {
                    button("", ButtonKind::Secondary)
                        .min_width(small)
                        .accessible_label(&words.keep_reading)
                };
                keep.icon(Icon::ReadOn).selected(on, egui::Role::Switch)
            };
            let gap = ui.spacing().item_spacing.x;
            let width = |button: &BigButton<'_>| button.size(ui).x + gap;
            let fits = |worded: bool, speaker: bool, with_keep: bool| {
                width(&pause(worded))
                    + if with_keep { width(&keep(worded)) } else { 0.0 }
                    + width(&volume("-", &quieter, speaker))
                    + width(&volume("+", &louder, speaker))
                    <= room_pt
            };
            let ways = [(true, true), (true, false), (false, true), (false, false)];
            // Keep reading where the row has room for it (never while a walk-through plays);
            // else Pause and the volume as before.
            let with_keep = screen.play.is_none()
                && ways
                    .iter()
                    .any(|&(worded, speaker)| fits(worded, speaker, true));
            let keep_width = |worded: bool| if with_keep { width(&keep(worded)) } else { 0.0 };
            let (worded, speaker) = (ways.into_iter())
                .find(|&(worded, speaker)| fits(worded, speaker, with_keep))
                .unwrap_or((false, false));
            let pause = pause(worded);
            let down = volume("-", &quieter, speaker);
            let up = volume("+", &louder, speaker);
            let with_stop =
                width(&pause) + keep_width(worded) + width(&stop) + width(&down) + width(&up)
                    <= room_pt;
            tapped(ui, pause, ListenCommand::Pause);
            if with_keep {
                let asked = ListenCommand::KeepReading(!screen.keep_reading);
                tapped(ui, keep(worded), asked);
            }
            if with_stop {
                tapped(ui, stop, ListenCommand::Stop);
            }
            tapped(ui, down, ListenCommand::Volume(false));
            tapped(ui, up, ListenCommand::Volume(true));
        }
    }
    command
}
