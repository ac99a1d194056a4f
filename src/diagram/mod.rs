//! Drawing diagrams: shapes tessellated once per size ([`geometry`]), placed on screen and
//! painted with their labels ([`view`]).

mod cache;
pub mod geometry;
mod view;

pub use cache::DiagramCache;
pub use view::{HotspotTap, diagram_ui};
