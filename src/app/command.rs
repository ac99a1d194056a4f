//! What screens ask the app to do; screens never change the session themselves.

use super::MenuView;
use crate::content::PageRef;
use crate::handout::{HandoutItem, NoteField};
use crate::ink::{InkTool, PenWidth, Stroke, Surface};
use crate::theme::TextSize;

/// A request from a screen, applied by the app after the frame's drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Show the home screen.
    Home,
    /// Show the language at this index of the deck: from the attract screen a visit starts in
    /// it; anywhere else the same screen switches at once.
    ChooseLanguage(usize),
    /// Show text at this size.
    SetTextSize(TextSize),
    /// Switch the high-contrast look on or off.
    SetHighContrast(bool),
    /// Show a page.
    Open(PageRef),
    /// Show the index of every topic, page and diagram (consultation mode).
    OpenIndex,
    /// The index's search box now holds these words.
    Search(String),
    /// Show a page with one of its diagrams in view at a step (counting from 0).
    OpenDiagramStep {
        /// The page.
        at: PageRef,
        /// The diagram's id.
        diagram: String,
        /// The step.
        step: usize,
    },
    /// Show the first question of a topic's quiz (by topic index).
    OpenQuiz(usize),
    /// Answer the quiz question showing with the answer at this index.
    Answer(usize),
    /// Choose again at the quiz question showing, after an answer that was not right.
    TryAgain,
    /// The next page, or the next topic after a topic's last page.
    Next,
    /// The previous page, or home from a topic's first page.
    Back,
    /// Open a diagram's hotspot, or close it if it is open.
    ToggleHotspot {
        /// The diagram's id.
        diagram: String,
        /// The hotspot's id.
        hotspot: String,
    },
    /// Close whatever hotspot is open.
    CloseHotspot,
    /// Show the page's figure on the whole screen (`true`), or go back to the page from there.
    Enlarge(bool),
    /// The patient answered "I'm still here": the idle countdown starts again.
    StillHere,
    /// Nobody is using the kiosk: wipe the visit and start over for the next patient.
    StartOver,
    /// Scroll a diagram on the page into view (`render` uses it for walk-through steps).
    RevealDiagram(String),
    /// Move a walk-through diagram one step on, or one step back.
    StepDiagram {
        /// The diagram's id.
        diagram: String,
        /// On to the next step (`true`) or back one (`false`).
        forward: bool,
    },
    /// Something on the PIN pad or in the staff menu.
    Staff(StaffCommand),
    /// A consultation tool, a finished stroke, or something on the handout screen.
    Consult(ConsultCommand),
    /// The Listen button and its controls.
    Listen(ListenCommand),
    /// A walk-through playing itself (its Play controls, Watch on home).
    Play(crate::play::PlayCommand),
}

/// What the patient asked of the voice that reads the page aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenCommand {
    /// Read the page showing (on from a pause).
    Start,
    /// Pause, keeping the place.
    Pause,
    /// Stop, forgetting the place.
    Stop,
    /// One step louder (`true`) or quieter.
    Volume(bool),
    /// At a page's end, go on to the next page and read it too (`true`), or stop there.
    KeepReading(bool),
}

/// What a clinician asked for in consultation mode.
#[derive(Clone, Debug, PartialEq)]
pub enum ConsultCommand {
    /// Choose what a finger on the page does.
    Tool(InkTool),
    /// Draw in the pen colour at this index of the design tokens (the pen is picked up too).
    Color(usize),
    /// Draw thin or thick (the pen is picked up too).
    Width(PenWidth),
    /// Keep finished strokes, each with what it was drawn on.
    Draw(Vec<(Surface, Stroke)>),
    /// Take back the newest drawing change on these surfaces (those on screen).
    Undo(Vec<Surface>),
    /// Remove every drawing on these surfaces.
    Clear(Vec<Surface>),
    /// Put this page or diagram into the handout, or take it out.
    ToggleHandout(HandoutItem),
    /// Take the item at this index out of the handout.
    Remove(usize),
    /// Show the handout screen.
    OpenHandout,
    /// Make the handout's PDF and save it.
    CreateHandout,
    /// Send this saved handout to the printer.
    Print(std::path::PathBuf),
    /// Move the handout item at `from` to `to`.
    Move {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
    /// A field of the handout's notes now holds these words.
    Note(NoteField, String),
    /// Show the on-screen keyboard, writing into this box; or hide it.
    Type(Option<TypingInto>),
}

/// Where the on-screen keyboard writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypingInto {
    /// The index's search box.
    Search,
    /// A field of the handout's notes.
    Note(NoteField),
}

/// A tap on the PIN pad or in the staff menu.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffCommand {
    /// The hidden gesture was made: show the PIN pad.
    OpenPinPad,
    /// A digit key (0-9).
    Digit(u8),
    /// Remove the last digit.
    DeleteDigit,
    /// Try the digits typed.
    EnterPin,
    /// Close the PIN pad and go on with the visit.
    Cancel,
    /// Show a part of the staff menu.
    Show(MenuView),
    /// Read the content folder again now.
    Reload,
    /// A longer (`true`) or shorter idle time before "Are you still there?".
    IdleTimeout {
        /// Longer or shorter.
        longer: bool,
    },
    /// Switch consultation mode on or off (a fresh start either way).
    Consult(bool),
    /// Close the kiosk.
    Exit,
    /// Close the staff menu and start afresh for the next patient.
    BackToKiosk,
}
