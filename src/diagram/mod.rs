//! Drawing diagrams: shapes tessellated once per size ([`geometry`]), placed on screen and
//! painted with their labels ([`view`]).

mod cache;
pub mod dot_grid;
pub mod geometry;
pub mod labels;
mod motion;
mod steps;
mod view;

pub use cache::DiagramCache;
pub use cache::PlacedMeshes;
pub use steps::{StepAsk, StepControls};
pub use view::{DiagramOutput, DiagramView, HotspotTap};
