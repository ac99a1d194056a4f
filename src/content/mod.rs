//! Content: the files under `content/`, read into a model and checked into a [`Deck`].
//!
//! Nothing here knows about egui. The flow is: files -> [`model`] (serde) -> [`load_deck`]
//! (every check, every problem collected as a [`Diagnostic`]) -> [`Deck`]. [`ContentWatcher`]
//! loads again in the background when the files change.

pub mod budget;
mod deck;
mod diagnostic;
pub mod diagram;
mod load;
pub mod model;
mod qr;
pub mod ron_error;
pub mod search;
mod source_file;
pub mod synthetic;
mod watch;

pub use deck::{Deck, Language, PageRef, images_path};
pub use diagnostic::{ContentErrors, Diagnostic, shown_path};
pub use load::{ContentPaths, MAX_FILE_BYTES, load_deck, unrecorded_sentences};
pub use qr::{QR_MAX_PAYLOAD_BYTES, QR_QUIET_ZONE_MODULES, QrCodeError, QrModules, qr_payload};
pub use source_file::SourceFile;
pub use watch::{ContentWatcher, WatchError};
