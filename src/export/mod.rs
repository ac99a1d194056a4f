//! Exports the deck as a static HTML site: the same words, diagrams and fonts as the kiosk, for
//! a web browser (`patient-kiosk export-html`). Used to compare the kiosk with a browser kiosk
//! (`scripts/compare.sh`).
//!
//! No egui here: pages are written as text from the content model and the design tokens.

mod escape;
mod html;
mod site;
mod svg;

pub use escape::escape_html;
pub use html::{PageContext, PageLinks, index_html, page_file_name, page_html, stylesheet};
pub use site::{ExportError, ExportSummary, export_site};
pub use svg::diagram_svg;
