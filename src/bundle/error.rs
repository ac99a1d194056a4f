//! What can go wrong with a bundle, each said so IT staff know what to do.

/// A bundle that cannot be made, or is refused.
#[derive(Debug, thiserror::Error)]
pub enum BundleError {
    /// A file could not be read or written.
    #[error("{what}: {source}")]
    Io {
        /// The file or folder, and what was being done.
        what: String,
        /// Why.
        source: std::io::Error,
    },
    /// The signing or public key cannot be used.
    #[error("the key cannot be used: {0}")]
    Key(String),
    /// The signature does not match the bundle and the public key.
    #[error("the signature does not match: {0}")]
    Signature(String),
    /// The archive cannot be read (cut short, not zstd, not tar).
    #[error("the bundle cannot be read: {0}")]
    Archive(String),
    /// The manifest is missing or wrong.
    #[error("the manifest: {0}")]
    Manifest(String),
    /// A file is not as the manifest says.
    #[error("{file}: {problem}")]
    File {
        /// The file, as the manifest names it.
        file: String,
        /// What is wrong with it.
        problem: String,
    },
}

impl BundleError {
    /// An input or output error on `what`.
    pub fn io(what: impl Into<String>) -> impl FnOnce(std::io::Error) -> Self {
        let what = what.into();
        move |source| Self::Io { what, source }
    }
}
