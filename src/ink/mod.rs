//! Ink: what a clinician draws over diagrams and pages in consultation mode. No egui here:
//! strokes are points in the coordinates of what they were drawn on (a diagram's own
//! coordinates, or a page's content column), so they stay on the same anatomy at any window
//! size, and the same strokes are drawn on screen and into a handout.

mod ink_set;
mod pen;
mod smooth;
mod tool;

pub use ink_set::{InkSet, Surface};
pub use pen::{Pen, PenWidth, Stroke};
pub use smooth::{CubicSegment, flatten, smooth};
pub use tool::InkTool;
