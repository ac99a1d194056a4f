//! The take-home summary a clinician builds during a consultation: the pages and diagrams
//! chosen ([`Handout`]), made into a PDF ([`handout_pdf`]). No egui here.

mod area;
mod composer;
mod diagram;
mod draw;
mod error;
mod face;
mod layout;
mod list;
mod notes;
mod op;
mod pdf;
mod phone;
mod preview;
mod render;
mod request;
pub mod retention;
mod saved_place;

pub use error::HandoutError;
pub use list::{Handout, HandoutItem};
pub use notes::{HandoutNotes, NoteField};
pub use pdf::handout_pdf;
pub use phone::tel_uri;
pub use preview::{Box4, HandoutPreview, PreviewShape, handout_preview};
pub use request::HandoutRequest;
pub use saved_place::{saved_place, saved_place_from_home};

use serde::{Deserialize, Serialize};

/// The paper a handout is laid out for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Paper {
    /// US Letter, 8.5 x 11 inches.
    #[default]
    Letter,
    /// ISO A4, 210 x 297 mm.
    A4,
}

impl Paper {
    /// Width and height in PDF points (1/72 inch).
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Self::Letter => (612.0, 792.0),
            Self::A4 => (595.28, 841.89),
        }
    }
}
