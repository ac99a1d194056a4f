//! The take-home summary a clinician builds during a consultation: the pages and diagrams
//! chosen (this module), made into a PDF. No egui here.

mod list;

pub use list::{Handout, HandoutItem};

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
