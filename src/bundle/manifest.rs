//! The manifest inside a bundle: its version and date, and the SHA-256 of every file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::BundleError;

/// The manifest's name at the archive's top.
pub const MANIFEST_FILE: &str = "manifest.ron";

/// What a bundle says of itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Larger is newer: a kiosk refuses a bundle older than what it shows.
    pub version: u64,
    /// When it was made (RFC 3339, UTC).
    pub date: String,
    /// Every file's SHA-256 (lower-case hex), by its path in the archive (`content/...`,
    /// `images/...`).
    pub files: BTreeMap<String, String>,
}

impl Manifest {
    /// The manifest as RON.
    pub fn to_ron(&self) -> Result<String, BundleError> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|error| BundleError::Manifest(error.to_string()))
    }

    /// A manifest read from RON.
    pub fn from_ron(text: &str) -> Result<Self, BundleError> {
        ron::from_str(text).map_err(|error| BundleError::Manifest(error.to_string()))
    }
}

/// The SHA-256 of `bytes` in lower-case hex.
pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
