//! Turns RON's parser errors into sentences a content editor can act on.

use ron::error::{Error, SpannedError};

use super::{Diagnostic, SourceFile};

/// The diagnostic for a file that RON could not read into the expected shape.
pub fn diagnostic(file: &SourceFile, error: &SpannedError) -> Diagnostic {
    let start = &error.span.start;
    // Text in content never runs over a line break, so a quote left open earlier is the real
    // cause of whatever RON tripped over later: point at it instead.
    let error_offset = offset_of(&file.text, start.line, start.col);
    if let Some(open_quote) = unclosed_text_before(&file.text, error_offset) {
        return file.diagnostic_at_offset(
            open_quote,
            "This text has no closing `\"` on its line. Add one at the end of the text.".to_owned(),
        );
    }
    file.diagnostic_at(
        start.line.max(1),
        start.col.max(1),
        plain_words(&error.code),
    )
}

/// The byte offset of a 1-based line and column (in characters), clamped to the text.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let rest = &text[line_start.min(text.len())..];
    line_start
        + rest
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(rest.len(), |(offset, _)| offset)
}

/// The offset of the opening quote of the first text before `limit` that runs over a line
/// break, skipping comments and escaped quotes.
fn unclosed_text_before(text: &str, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < limit.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |n| i + 2 + n + 2);
            }
            b'"' => {
                let open = i;
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return None,
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        Some(b'\n') => return Some(open),
                        Some(_) => i += 1,
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// What went wrong, in plain words, with what was expected.
pub fn plain_words(code: &Error) -> String {
    match code {
        Error::Eof => "The file ends too early. Something was opened and never closed: \
                       look for a missing `)`, `]`, `}` or `\"`."
            .to_owned(),
        Error::ExpectedComma => "A comma `,` is missing between two items.".to_owned(),
        Error::ExpectedString => "Expected text in double quotes here, like \"Hello\".".to_owned(),
        Error::ExpectedStringEnd => {
            "This text has no closing `\"`. Add one at the end of the text.".to_owned()
        }
        Error::ExpectedArray => {
            "Expected a list in square brackets here, like [\"one\", \"two\"].".to_owned()
        }
        Error::ExpectedArrayEnd => {
            "Expected a comma `,` or the end of the list `]` here.".to_owned()
        }
        Error::ExpectedMap => {
            "Expected a lookup table in braces here, like {\"main\": \"216.636.5860\"}.".to_owned()
        }
        Error::ExpectedMapColon => "Expected a colon `:` between a key and its value.".to_owned(),
        Error::ExpectedMapEnd => {
            "Expected a comma `,` or the end of the table `}` here.".to_owned()
        }
        Error::ExpectedStructLike | Error::ExpectedStructLikeEnd => {
            "Expected a comma `,` or a closing `)` here.".to_owned()
        }
        Error::ExpectedNamedStructLike(name) => format!("Expected `{name}(...)` here."),
        Error::ExpectedDifferentStructName { expected, found } => {
            format!("Expected `{expected}(...)` here, but found `{found}(...)`.")
        }
        Error::ExpectedIdentifier => {
            "Expected a name here, like `title` or `Paragraph`.".to_owned()
        }
        Error::ExpectedOption => "Expected a value here.".to_owned(),
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{} has no part called `{found}`. It can have: {}.",
            outer_name(outer.as_deref()),
            list(expected)
        ),
        Error::MissingStructField { field, outer } => format!(
            "{} is missing its `{field}` part. Add `{field}: ...` before its closing `)`.",
            outer_name(outer.as_deref())
        ),
        Error::DuplicateStructField { field, outer } => format!(
            "{} has `{field}` twice. Keep only one.",
            outer_name(outer.as_deref())
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "`{found}` is not a kind of {}. Use one of: {}.",
            outer.as_deref().unwrap_or("thing that can go here"),
            list(expected)
        ),
        Error::InvalidValueForType { expected, found } => {
            format!("Expected {expected} here, but found {found}.")
        }
        Error::ExpectedDifferentLength { expected, found } => {
            format!("Expected {expected} here, but found {found} item(s).")
        }
        Error::UnexpectedChar(c) => format!("The character `{c}` does not belong here."),
        Error::TrailingCharacters => {
            "There is more text after the end. Everything must be inside the outermost `(...)`."
                .to_owned()
        }
        Error::UnclosedBlockComment => "A `/*` note is never closed with `*/`.".to_owned(),
        Error::Utf8Error(_) => "This file is not saved as UTF-8 text.".to_owned(),
        Error::ExceededRecursionLimit => {
            "Too many brackets inside each other here. Content never needs this many.".to_owned()
        }
        Error::InvalidEscape(what) => {
            format!("A backslash `\\` starts something that is not allowed here ({what}).")
        }
        Error::Message(message) => sentence(message),
        other => sentence(&other.to_string()),
    }
}

/// "`Page`" for a known outer type, else a neutral phrase.
fn outer_name(outer: Option<&str>) -> String {
    outer.map_or_else(|| "This item".to_owned(), |outer| format!("`{outer}`"))
}

/// "`a`, `b`, `c`".
fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Starts with a capital letter and ends with a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return "This could not be read.".to_owned();
    };
    let mut out: String = first.to_uppercase().chain(chars).collect();
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_quote_left_open() {
        let text = "A(\n  a: \"ok \\\" fine\", // \"not text\n  b: \"open,\n  c: \"x\",\n)";
        let open = unclosed_text_before(text, text.len()).expect("an open quote");
        assert_eq!(&text[open..open + 6], "\"open,");
        assert_eq!(unclosed_text_before("A(a: \"x\")", 9), None);
    }

    #[test]
    fn offsets_count_characters() {
        let text = "ab\néx\n";
        assert_eq!(offset_of(text, 1, 1), 0);
        assert_eq!(offset_of(text, 2, 2), 5);
        assert_eq!(offset_of(text, 9, 9), text.len());
    }
}
