//! The text of one content file, and how to turn places in it into line and column.

use std::path::{Path, PathBuf};

use super::Diagnostic;

/// A content file's path and text, kept so that later checks can point into it.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Where the file is.
    pub path: PathBuf,
    /// Its whole text.
    pub text: String,
}

impl SourceFile {
    /// Wraps a file's path and text.
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
        }
    }

    /// A diagnostic at a 1-based line and column of this file.
    pub fn diagnostic_at(&self, line: usize, column: usize, message: String) -> Diagnostic {
        diagnostic(&self.path, line, column, message)
    }

    /// A diagnostic at a byte offset into the text.
    pub fn diagnostic_at_offset(&self, offset: usize, message: String) -> Diagnostic {
        let (line, column) = line_column(&self.text, offset);
        self.diagnostic_at(line, column, message)
    }

    /// A diagnostic at the `nth` (0-based) place where `key` is given the text `value`:
    /// `key: "value"` for a field, `key("value")` for a link or figure source, or just
    /// `"value"` in a list when `key` is empty. Falls back to the first place the text appears,
    /// then to the start of the file.
    pub fn diagnostic_at_value(
        &self,
        key: &str,
        value: &str,
        nth: usize,
        message: String,
    ) -> Diagnostic {
        let offset = self
            .value_offsets(key, value)
            .nth(nth)
            .or_else(|| self.value_offsets("", value).next())
            .unwrap_or(0);
        self.diagnostic_at_offset(offset, message)
    }

    /// A diagnostic at the `nth` (0-based) `"value"` after the first `key:` of the file (an
    /// item of a list such as `topics: [...]`), else wherever [`Self::diagnostic_at_value`]
    /// finds it.
    pub fn diagnostic_in_list(
        &self,
        key: &str,
        value: &str,
        nth: usize,
        message: String,
    ) -> Diagnostic {
        let quoted = quoted(value);
        let found = find_identifier(&self.text, key).and_then(|start| {
            self.text[start..]
                .match_indices(&quoted)
                .nth(nth)
                .map(|(offset, _)| start + offset)
        });
        match found {
            Some(offset) => self.diagnostic_at_offset(offset, message),
            None => self.diagnostic_at_value("", value, nth, message),
        }
    }

    /// Whether the file gives `key:` anywhere.
    pub fn has_key(&self, key: &str) -> bool {
        find_identifier(&self.text, key).is_some()
    }

    /// A diagnostic at the first `key:` of the file, or its start.
    pub fn diagnostic_at_key(&self, key: &str, message: String) -> Diagnostic {
        let offset = find_identifier(&self.text, key).unwrap_or(0);
        self.diagnostic_at_offset(offset, message)
    }

    /// Byte offsets of every quoted `value` that stands after `key:` or `key(`.
    fn value_offsets<'a>(&'a self, key: &'a str, value: &str) -> impl Iterator<Item = usize> + 'a {
        let quoted = quoted(value);
        let text = self.text.as_str();
        text.match_indices(&quoted)
            .map(|(offset, _)| offset)
            .collect::<Vec<_>>()
            .into_iter()
            .filter(move |&offset| key.is_empty() || preceded_by_key(&text[..offset], key))
    }
}

/// `value` as RON writes it in double quotes.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A diagnostic for a place that has no text to point into (a missing file, say).
pub fn diagnostic(path: &Path, line: usize, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Is `before` (the text before a quoted value) ending in `key:` or `key(`?
fn preceded_by_key(before: &str, key: &str) -> bool {
    let before = before.trim_end();
    let Some(before) = before
        .strip_suffix(':')
        .or_else(|| before.strip_suffix('('))
    else {
        return false;
    };
    let before = before.trim_end();
    before.ends_with(key)
        && !before[..before.len() - key.len()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The offset of `key` used as a field name (`key:`), outside of quotes and comments.
fn find_identifier(text: &str, key: &str) -> Option<usize> {
    text.match_indices(key)
        .map(|(offset, _)| offset)
        .find(|&offset| {
            let after = text[offset + key.len()..].trim_start();
            let boundary_before = !text[..offset]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"');
            boundary_before && after.starts_with(':')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\nñé\"x\"";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // "ñé" is 4 bytes, so the quote is at byte 7 and column 3.
        assert_eq!(line_column(text, 7), (2, 3));
    }

    #[test]
    fn finds_values_after_their_key() {
        let file = SourceFile::new(
            "t.ron",
            "Page(\n  id: \"a\",\n  blocks: [GoTo([Link(label: \"a\", to: Page(\"a\"))])],\n)",
        );
        let at_id = file.diagnostic_at_value("id", "a", 0, String::new());
        assert_eq!((at_id.line, at_id.column), (2, 7));
        let at_link = file.diagnostic_at_value("Page", "a", 0, String::new());
        assert_eq!((at_link.line, at_link.column), (3, 44));
        let at_key = file.diagnostic_at_key("blocks", String::new());
        assert_eq!((at_key.line, at_key.column), (3, 3));
    }
}
