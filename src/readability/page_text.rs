//! The words a patient reads on a page, as separate pieces of text.

use crate::content::Language;
use crate::content::model::{Block, FigureSource, Page};

/// The patient-facing text of a page, one piece per thing read on its own (each piece ends a
/// sentence where it ends, see [`crate::readability::sentences`]):
///
/// - the page title; every heading, paragraph and list item;
/// - a key fact's title and text; a figure's alt text and caption; a contact card's title
///   and note; every link button's label; a QR code's caption;
/// - a table's caption, its column headings as one piece, and each row as one piece, its
///   cells joined. A cell alone is a fragment of a word or three ("1 to 2 days"); counted as
///   a sentence each, a table would look far easier than it is to read;
/// - for every diagram the page shows, each hotspot's title and explanation and each step's
///   caption, in this language.
///
/// Left out: a diagram's labels (one- or two-word tags on the drawing), the phone numbers
/// and their labels on a contact card, what a QR code holds (the page's own words again), and
/// the topic's title and the buttons, which are the same on every page.
pub fn page_pieces(page: &Page, language: &Language) -> Vec<String> {
    let mut pieces = vec![page.title.clone()];
    for block in &page.blocks {
        match block {
            Block::Heading(text) | Block::Paragraph(text) => pieces.push(text.clone()),
            Block::Bullets(items) => pieces.extend(items.iter().cloned()),
            Block::KeyFact { title, text } => pieces.extend([title.clone(), text.clone()]),
            Block::Table {
                caption,
                columns,
                rows,
            } => {
                pieces.extend(caption.iter().cloned());
                pieces.push(join_cells(columns));
                pieces.extend(rows.iter().map(|row| join_cells(row)));
            }
            Block::Figure {
                source,
                alt,
                caption,
                ..
            } => {
                pieces.push(alt.clone());
                pieces.extend(caption.iter().cloned());
                if let FigureSource::Diagram(id) = source
                    && let Some(words) = language.diagram_texts.get(id)
                {
                    for hotspot in words.hotspots.values() {
                        pieces.extend([hotspot.title.clone(), hotspot.text.clone()]);
                    }
                    pieces.extend(words.steps.values().cloned());
                }
            }
            Block::Contact { title, note, .. } => {
                pieces.push(title.clone());
                pieces.extend(note.iter().cloned());
            }
            Block::GoTo(links) => pieces.extend(links.iter().map(|link| link.label.clone())),
            Block::QrCode { caption } => pieces.push(caption.clone()),
        }
    }
    pieces.retain(|piece| !piece.trim().is_empty());
    pieces
}

/// A table row (or its headings) as one piece: the cells in order, a comma between two
/// cells unless the first already ends a sentence.
fn join_cells(cells: &[String]) -> String {
    let mut joined = String::new();
    for cell in cells
        .iter()
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
    {
        if !joined.is_empty() {
            if !joined.ends_with(['.', '!', '?', ',', ';', ':']) {
                joined.push(',');
            }
            joined.push(' ');
        }
        joined.push_str(cell);
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::join_cells;

    #[test]
    fn a_table_row_is_one_piece() {
        let row = [
            "Hospital stay".to_owned(),
            "1 to 2 days".to_owned(),
            String::new(),
        ];
        assert_eq!(join_cells(&row), "Hospital stay, 1 to 2 days");
        let row = ["Yes.".to_owned(), "No".to_owned()];
        assert_eq!(join_cells(&row), "Yes. No");
    }
}
