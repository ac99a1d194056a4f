//! What a finger does on a page in consultation mode.

/// The tool a clinician has chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InkTool {
    /// Taps and scrolls as for a patient.
    #[default]
    Touch,
    /// Draws strokes that stay.
    Pen,
    /// Shows a bright dot with a short fading trail, drawing nothing.
    Pointer,
}

impl InkTool {
    /// Every tool, in the order the tool buttons show them.
    pub const ALL: [Self; 3] = [Self::Touch, Self::Pen, Self::Pointer];

    /// Whether a finger on the page draws or points instead of tapping and scrolling.
    pub fn takes_the_finger(self) -> bool {
        self != Self::Touch
    }
}
