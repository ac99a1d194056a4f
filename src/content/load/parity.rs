//! Every language must tell the same story: the same pages in the same order, each with the
//! same blocks (the same figures, phone numbers, links and list lengths), so a patient who
//! switches language never lands on a page that is missing or says less.

use std::collections::HashMap;

use super::{LanguageFiles, Loader, Parsed};
use crate::content::model::{Block, DeckFile, FigureSource, Target, Topic};

impl Loader<'_> {
    /// Compares every language with the deck's default language.
    pub(super) fn check_parity(&mut self, deck: &Parsed<DeckFile>, languages: &[LanguageFiles]) {
        let default = &deck.value.default_language;
        let Some(reference) = languages.iter().find(|files| files.code == *default) else {
            return;
        };
        let reference_topics: HashMap<&str, &Parsed<Topic>> = reference
            .topics
            .iter()
            .map(|topic| (topic.value.id.as_str(), topic))
            .collect();
        for language in languages.iter().filter(|files| files.code != *default) {
            for topic in &language.topics {
                if let Some(model) = reference_topics.get(topic.value.id.as_str()) {
                    self.check_topic_parity(default, model, topic);
                }
            }
        }
    }

    /// One topic in another language against the same topic in the default one.
    fn check_topic_parity(&mut self, default: &str, model: &Parsed<Topic>, topic: &Parsed<Topic>) {
        let model_path = model.file.path.display();
        let page_ids: Vec<&str> = topic.value.pages.iter().map(|p| p.id.as_str()).collect();
        let model_ids: Vec<&str> = model.value.pages.iter().map(|p| p.id.as_str()).collect();
        for missing in model_ids.iter().filter(|id| !page_ids.contains(id)) {
            self.error(topic.file.diagnostic_at_key(
                "pages",
                format!(
                    "The page \"{missing}\" of {model_path} is missing here. Every language needs \
                     the same pages."
                ),
            ));
        }
        for extra in page_ids.iter().filter(|id| !model_ids.contains(id)) {
            self.error(topic.file.diagnostic_at_value(
                "id",
                extra,
                0,
                format!(
                    "The page \"{extra}\" is not in {model_path}. Every language needs the same \
                     pages: add it there too, or remove it here."
                ),
            ));
        }
        let shared: Vec<&str> = page_ids
            .iter()
            .copied()
            .filter(|id| model_ids.contains(id))
            .collect();
        let model_order: Vec<&str> = model_ids
            .iter()
            .copied()
            .filter(|id| page_ids.contains(id))
            .collect();
        if let Some((here, there)) = shared.iter().zip(&model_order).find(|(a, b)| a != b) {
            self.error(topic.file.diagnostic_at_value(
                "id",
                here,
                0,
                format!(
                    "The page \"{here}\" comes where {model_path} has \"{there}\". Keep the pages \
                     in the same order in every language."
                ),
            ));
        }
        let questions: Vec<String> = topic.value.quiz.iter().map(question_shape).collect();
        let model_questions: Vec<String> = model.value.quiz.iter().map(question_shape).collect();
        let longest = questions.len().max(model_questions.len());
        if let Some(index) =
            (0..longest).find(|&index| questions.get(index) != model_questions.get(index))
        {
            let absent = || "nothing".to_owned();
            self.error(topic.file.diagnostic_at_key(
                "quiz",
                format!(
                    "Question {} of the quiz is {} here but {} in {model_path}. Every language \
                     needs the same questions, answers and right answers.",
                    index + 1,
                    questions.get(index).cloned().unwrap_or_else(absent),
                    model_questions.get(index).cloned().unwrap_or_else(absent),
                ),
            ));
        }
        for page in &topic.value.pages {
            let Some(model_page) = model.value.pages.iter().find(|p| p.id == page.id) else {
                continue;
            };
            let shapes: Vec<String> = page.blocks.iter().map(block_shape).collect();
            let model_shapes: Vec<String> = model_page.blocks.iter().map(block_shape).collect();
            let longest = shapes.len().max(model_shapes.len());
            let Some(index) =
                (0..longest).find(|&index| shapes.get(index) != model_shapes.get(index))
            else {
                continue;
            };
            let absent = || "nothing".to_owned();
            let message = format!(
                "In the page \"{}\", block {} is {} here but {} in the {default} content ({model_path}). \
                 Every language needs the same blocks in the same order, so every patient gets the \
                 same facts.",
                page.id,
                index + 1,
                shapes.get(index).cloned().unwrap_or_else(absent),
                model_shapes.get(index).cloned().unwrap_or_else(absent),
            );
            self.error(topic.file.diagnostic_at_value("id", &page.id, 0, message));
        }
    }
}

/// What must be the same in every language about a quiz question: its id, how many answers,
/// which is right, and the page it points to.
fn question_shape(question: &crate::content::model::Question) -> String {
    format!(
        "\"{}\" with {} answers, answer {} right, from the page \"{}\"",
        question.id,
        question.answers.len(),
        question.right + 1,
        question.page
    )
}

/// What must be the same in every language about a block: its kind and everything that is not
/// words (which figure, which phones, where links go, how many items).
fn block_shape(block: &Block) -> String {
    match block {
        Block::Heading(_) => "a Heading".to_owned(),
        Block::Paragraph(_) => "a Paragraph".to_owned(),
        Block::Bullets(items) => format!("Bullets with {} items", items.len()),
        Block::KeyFact { .. } => "a KeyFact".to_owned(),
        Block::Table {
            caption,
            columns,
            rows,
        } => format!(
            "a Table of {} columns and {} rows{}",
            columns.len(),
            rows.len(),
            if caption.is_some() {
                " with a caption"
            } else {
                ""
            }
        ),
        Block::Figure {
            source,
            caption,
            print_caption,
            ..
        } => format!(
            "a Figure of {}{}{}",
            match source {
                FigureSource::Diagram(id) => format!("the diagram \"{id}\""),
                FigureSource::Image(name) => format!("the picture \"{name}\""),
            },
            if caption.is_some() {
                " with a caption"
            } else {
                ""
            },
            if print_caption.is_some() {
                " and a caption for paper"
            } else {
                ""
            }
        ),
        Block::Contact { phones, note, .. } => format!(
            "a Contact with the phones {}{}",
            phones.join(", "),
            if note.is_some() { " and a note" } else { "" }
        ),
        Block::GoTo(links) => format!(
            "a GoTo to {}",
            links
                .iter()
                .map(|link| match &link.to {
                    Target::Topic(id) => format!("topic \"{id}\""),
                    Target::Page(id) => format!("page \"{id}\""),
                })
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Block::QrCode { .. } => "a QrCode".to_owned(),
    }
}
