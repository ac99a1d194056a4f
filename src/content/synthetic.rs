//! Larger decks made from a real one, for benchmarks and tests of how loading scales.

use std::fs;
use std::io;
use std::path::Path;

use super::Deck;
use super::model::{Block, DeckFile, Target, Topic};

/// Writes a content folder (and its `assets/images`) under `root` that holds `copies` copies
/// of every topic of `deck`, with ids and links renamed so every copy is valid on its own.
/// Returns the content folder's path.
pub fn write_scaled_deck(
    deck: &Deck,
    copies: usize,
    root: &Path,
) -> io::Result<std::path::PathBuf> {
    let content = root.join("content");
    let images = root.join("assets").join("images");
    fs::create_dir_all(&images)?;
    for entry in fs::read_dir(&deck.images_dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            fs::copy(entry.path(), images.join(entry.file_name()))?;
        }
    }
    let suffix = |id: &str, copy: usize| {
        if copy == 0 {
            id.to_owned()
        } else {
            format!("{id}-copy{copy}")
        }
    };
    let mut topic_ids = Vec::new();
    for language in &deck.languages {
        let topics_dir = content.join(&language.code).join("topics");
        fs::create_dir_all(&topics_dir)?;
        write_ron(
            &content.join(&language.code).join("interface.ron"),
            &language.interface,
        )?;
        write_ron(
            &content.join(&language.code).join("clinic.ron"),
            &language.clinic,
        )?;
        let texts_dir = content.join(&language.code).join("diagrams");
        fs::create_dir_all(&texts_dir)?;
        for (id, text) in &language.diagram_texts {
            write_ron(&texts_dir.join(format!("{id}.ron")), text)?;
        }
        topic_ids.clear();
        for copy in 0..copies {
            for topic in &language.topics {
                let mut topic: Topic = topic.clone();
                topic.id = suffix(&topic.id, copy);
                for page in &mut topic.pages {
                    page.id = suffix(&page.id, copy);
                    for block in &mut page.blocks {
                        if let Block::GoTo(links) = block {
                            for link in links {
                                link.to = match &link.to {
                                    Target::Topic(id) => Target::Topic(suffix(id, copy)),
                                    Target::Page(id) => Target::Page(suffix(id, copy)),
                                };
                            }
                        }
                    }
                }
                write_ron(&topics_dir.join(format!("{}.ron", topic.id)), &topic)?;
                topic_ids.push(topic.id);
            }
        }
    }
    let deck_file = DeckFile {
        default_language: deck.language(deck.default_language).code.clone(),
        languages: deck
            .languages
            .iter()
            .map(|language| language.code.clone())
            .collect(),
        topics: topic_ids,
        phones: deck.phones.clone(),
        logo: deck.logo.clone(),
        portal_url: deck.portal_url.clone(),
        attract: deck.attract.clone(),
        questions_page: (deck.questions_page)
            .and_then(|at| Some(deck.language(deck.default_language).page(at)?.id.clone())),
    };
    write_ron(&content.join("deck.ron"), &deck_file)?;
    let diagrams_dir = content.join("diagrams");
    fs::create_dir_all(&diagrams_dir)?;
    for (id, diagram) in &deck.diagrams {
        write_ron(&diagrams_dir.join(format!("{id}.ron")), diagram)?;
    }
    Ok(content)
}

fn write_ron(path: &Path, value: &impl serde::Serialize) -> io::Result<()> {
    let text = ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default())
        .map_err(io::Error::other)?;
    fs::write(path, text)
}
