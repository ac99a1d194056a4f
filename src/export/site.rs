//! Writing the whole site into a folder.

use std::path::{Path, PathBuf};

use super::html::{PageContext, PageLinks, index_html, page_file_name, page_html, stylesheet};
use crate::content::Deck;
use crate::content::diagram::Shape;
use crate::content::model::{Block, FigureSource};
use crate::theme::{Theme, font_bytes};

/// Why the site could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The deck has no language with this code.
    #[error("there is no language {code:?}; the content has: {known}")]
    UnknownLanguage {
        /// The code asked for.
        code: String,
        /// The codes the deck has, comma separated.
        known: String,
    },
    /// The theme names a font the kiosk does not carry.
    #[error("the theme's font {0:?} is not one the kiosk carries")]
    UnknownFont(String),
    /// A file or folder could not be written or copied.
    #[error("writing {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// What [`export_site`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Content pages written (the index, stylesheet, fonts and pictures not counted).
    pub pages: usize,
    /// Pictures copied into `images/`.
    pub images: usize,
}

/// Writes the deck in the language `code` (default: the deck's) as a static site into `out`
/// (created if missing): `index.html`, one `<page id>.html` per page in reading order (Next
/// goes on across topics), `kiosk.css`, the kiosk's fonts under `fonts/` and the pictures the
/// pages use under `images/`.
pub fn export_site(
    deck: &Deck,
    theme: &Theme,
    code: Option<&str>,
    out: &Path,
) -> Result<ExportSummary, ExportError> {
    let index = match code {
        None => deck.default_language,
        Some(code) => deck
            .languages
            .iter()
            .position(|language| language.code == code)
            .ok_or_else(|| ExportError::UnknownLanguage {
                code: code.to_owned(),
                known: deck
                    .languages
                    .iter()
                    .map(|language| language.code.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })?,
    };
    let language = deck.language(index);
    create_dir(out)?;
    create_dir(&out.join("fonts"))?;
    create_dir(&out.join("images"))?;
    for name in [&theme.fonts.body, &theme.fonts.bold] {
        let bytes = font_bytes(name).ok_or_else(|| ExportError::UnknownFont(name.clone()))?;
        write(&out.join("fonts").join(format!("{name}.ttf")), bytes)?;
    }
    write(&out.join("kiosk.css"), stylesheet(theme).as_bytes())?;
    write(&out.join("index.html"), index_html(language).as_bytes())?;

    let pages: Vec<_> = language.pages().collect();
    let mut summary = ExportSummary::default();
    for (position, &(at, page)) in pages.iter().enumerate() {
        let back = position
            .checked_sub(1)
            .and_then(|before| pages.get(before))
            .map_or_else(
                || "index.html".to_owned(),
                |(_, page)| page_file_name(&page.id),
            );
        let next = pages
            .get(position + 1)
            .map(|(_, page)| page_file_name(&page.id));
        let context = PageContext {
            language,
            at,
            diagrams: &deck.diagrams,
            phones: &deck.phones,
            theme,
        };
        let html = page_html(page, &context, &PageLinks { back, next });
        write(&out.join(page_file_name(&page.id)), html.as_bytes())?;
        summary.pages += 1;
    }
    for name in pictures(deck, index) {
        let from = deck.image_path(&name);
        if from.is_file() {
            let to = out.join("images").join(&name);
            std::fs::copy(&from, &to).map_err(|source| ExportError::Io { path: to, source })?;
            summary.images += 1;
        }
    }
    Ok(summary)
}

/// Every picture file the language's pages and diagrams name, each once.
fn pictures(deck: &Deck, language: usize) -> Vec<String> {
    let language = deck.language(language);
    let mut names: Vec<String> = deck.logo.iter().cloned().collect();
    for topic in &language.topics {
        names.extend(topic.icon.iter().cloned());
        for page in &topic.pages {
            for block in &page.blocks {
                if let Block::Figure {
                    source: FigureSource::Image(file),
                    ..
                } = block
                {
                    names.push(file.clone());
                }
            }
        }
    }
    for diagram in deck.diagrams.values() {
        for layer in &diagram.layers {
            for shape in &layer.shapes {
                if let Shape::Image { file, .. } = shape {
                    names.push(file.clone());
                }
            }
        }
    }
    names.sort();
    names.dedup();
    // Only plain file names: nothing is copied from outside the images folder.
    names.retain(|name| Path::new(name).file_name() == Some(std::ffi::OsStr::new(name)));
    names
}

fn create_dir(path: &Path) -> Result<(), ExportError> {
    std::fs::create_dir_all(path).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    std::fs::write(path, bytes).map_err(|source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    })
}
