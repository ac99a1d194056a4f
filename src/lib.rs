//! patient-kiosk: a touchscreen kiosk that teaches patients about minimally invasive spine
//! surgery.
//!
//! The flow: content files -> [`content::model`] (serde, no egui) -> [`content::load_deck`]
//! (validated [`content::Deck`]) -> [`app::KioskApp`] (session state, commands) ->
//! [`screens`] -> [`widgets`] and the painter. `main.rs` only calls [`cli::main`].

pub mod app;
pub mod bundle;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagram;
pub mod export;
pub mod handout;
pub mod images;
pub mod ink;
pub mod metrics;
pub mod narration;
pub mod overlap;
pub mod pictures;
pub mod play;
pub mod private_files;
pub mod programs;
pub mod readability;
pub mod render;
pub mod screens;
pub mod shutdown;
pub mod staff;
pub mod stats;
pub mod theme;
pub mod video;
pub mod widgets;
pub mod window;

pub use app::KioskApp;
pub use content::{ContentPaths, Deck, load_deck};
pub use theme::Theme;
