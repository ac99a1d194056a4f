//! Why a handout could not be made.

/// Why [`super::handout_pdf`] failed.
#[derive(Debug, thiserror::Error)]
pub enum HandoutError {
    /// An item names a page the deck does not have.
    #[error("there is no page with the id {0:?}")]
    UnknownPage(String),
    /// An item names a diagram the deck does not have.
    #[error("there is no diagram with the id {0:?}")]
    UnknownDiagram(String),
    /// A font of the design tokens cannot be read.
    #[error("the font {0:?} cannot be used in a PDF")]
    Font(String),
    /// The PDF library failed to write the document.
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}
