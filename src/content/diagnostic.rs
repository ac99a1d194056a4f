//! A problem found in the content, with the place it was found.

use std::fmt;
use std::path::PathBuf;

/// One problem in the content files: which file, where in it, and what is wrong in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file the problem is in.
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong and what was expected, in plain words.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            shown_path(&self.path),
            self.line,
            self.column,
            self.message
        )
    }
}

/// Every problem found while loading a content folder; the deck is refused if there is any.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the content has {} problem(s); the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
pub struct ContentErrors(pub Vec<Diagnostic>);

/// A path as it can be printed safely: as it is, or quoted with its control characters escaped
/// (a newline or a terminal escape code in a file name must not reach the screen raw).
pub fn shown_path(path: &std::path::Path) -> String {
    match path.to_str() {
        Some(text) if !text.chars().any(char::is_control) => text.to_owned(),
        _ => format!("{:?}", path.as_os_str()),
    }
}
