//! The words of a page as the Listen button reads them: the title, the text top to bottom,
//! then the figure's description and the step it shows, one sentence at a time. Buttons that
//! go elsewhere are not read: they are controls, not the page's words.

use unicode_segmentation::UnicodeSegmentation as _;

use crate::content::Deck;
use crate::content::model::{Block, FigureSource, Page};

/// Which part of the page a sentence comes from, so the screen can light it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The page's title.
    Title,
    /// The block at this index in the page's blocks.
    Block(usize),
    /// The figure's description (and caption).
    Figure,
    /// The caption of the walk-through step showing.
    Step,
    /// A tapped part of a diagram: its name and what it is.
    Hotspot,
    /// A quiz question.
    Question,
    /// A quiz answer, by its index.
    Answer(usize),
    /// The reply to the answer chosen.
    Reply,
    /// What a keypad user is on, or the Help key's words (speech mode): nothing lights.
    Control,
}

/// One sentence to read, and where it is on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The words.
    pub text: String,
    /// Where they are on the page.
    pub part: Part,
}

/// Everything the Listen button reads for a page, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Script {
    /// The sentences, in reading order.
    pub sentences: Vec<Sentence>,
}

impl Script {
    fn say(&mut self, part: Part, text: &str) {
        // A number alone ("1." of a numbered step) belongs to the sentence after it.
        let mut number = String::new();
        for sentence in text.split_sentence_bounds() {
            let sentence = sentence.trim();
            if !sentence.chars().any(char::is_alphanumeric) {
                continue;
            }
            if !sentence.chars().any(char::is_alphabetic) {
                number.push_str(sentence);
                number.push(' ');
                continue;
            }
            self.sentences.push(Sentence {
                text: format!("{number}{sentence}"),
                part,
            });
            number.clear();
        }
        if !number.is_empty() {
            self.sentences.push(Sentence {
                text: number.trim_end().to_owned(),
                part,
            });
        }
    }

    /// Says `text` as one sentence, with a full stop if it has no end of its own (a list item,
    /// a heading), so the voice pauses after it.
    pub fn say_line(&mut self, part: Part, text: &str) {
        let text = text.trim();
        if text.ends_with(['.', '?', '!', ':']) {
            self.say(part, text);
        } else {
            self.say(part, &format!("{text}."));
        }
    }
}

/// The script of `page` in `language` of `deck`, with its walk-through diagram at `step`.
pub fn page_script(deck: &Deck, language: usize, page: &Page, step: usize) -> Script {
    let words = deck.language(language);
    let mut script = Script::default();
    script.say_line(Part::Title, &page.title);
    for (index, block) in page.blocks.iter().enumerate() {
        let part = Part::Block(index);
        match block {
            Block::Heading(text) => script.say_line(part, text),
            Block::Paragraph(text) => script.say(part, text),
            Block::Bullets(items) => {
                for item in items {
                    script.say_line(part, item);
                }
            }
            Block::KeyFact { title, text } => {
                script.say_line(part, title);
                script.say(part, text);
            }
            Block::Table {
                caption,
                columns,
                rows,
            } => {
                if let Some(caption) = caption {
                    script.say_line(part, caption);
                }
                for row in rows {
                    let mut cells = row.iter();
                    let Some(name) = cells.next() else {
                        continue;
                    };
                    let told: Vec<String> = columns
                        .iter()
                        .skip(1)
                        .zip(cells)
                        .map(|(column, cell)| format!("{column}: {cell}"))
                        .collect();
                    script.say_line(part, &format!("{name}. {}", told.join(". ")));
                }
            }
            Block::Contact {
                title,
                phones,
                note,
            } => {
                script.say_line(part, title);
                for id in phones {
                    let label = words.clinic.phone_labels.get(id).map_or("", String::as_str);
                    if let Some(number) = deck.phones.get(id) {
                        script.say_line(part, &format!("{label} {number}"));
                    }
                }
                if let Some(note) = note {
                    script.say(part, note);
                }
            }
            Block::QrCode { caption } => script.say_line(part, caption),
            // The figure is read after the text, as the screen shows it beside the text.
            Block::Figure { .. } | Block::GoTo(_) => {}
        }
    }
    if let Some((_, figure)) = page.figure() {
        script.say_line(Part::Figure, figure.alt);
        if let Some(caption) = figure.caption {
            script.say_line(Part::Figure, caption);
        }
        if let FigureSource::Diagram(id) = figure.source
            && let Some(diagram) = deck.diagrams.get(id)
            && let Some(step) = diagram.steps.get(step)
            && let Some(caption) = words
                .diagram_texts
                .get(id)
                .and_then(|text| text.steps.get(&step.id))
        {
            script.say_line(Part::Step, caption);
        }
    }
    script
}

/// What a tapped part of `diagram` says: its name, then what it is.
pub fn hotspot_script(deck: &Deck, language: usize, diagram: &str, hotspot: &str) -> Script {
    let mut script = Script::default();
    if let Some(text) = deck
        .language(language)
        .diagram_texts
        .get(diagram)
        .and_then(|words| words.hotspots.get(hotspot))
    {
        script.say_line(Part::Hotspot, &text.title);
        script.say(Part::Hotspot, &text.text);
    }
    script
}

/// The caption of `diagram`'s walk-through at `step`.
pub fn step_script(deck: &Deck, language: usize, diagram: &str, step: usize) -> Script {
    let mut script = Script::default();
    if let Some(step) = deck.diagrams.get(diagram).and_then(|d| d.steps.get(step))
        && let Some(caption) = deck
            .language(language)
            .diagram_texts
            .get(diagram)
            .and_then(|words| words.steps.get(&step.id))
    {
        script.say_line(Part::Step, caption);
    }
    script
}

/// A quiz question of topic `topic`: the question and its answers, numbered as a patient
/// counts them; with `answered`, only the reply (right or wrong, the right answer, why).
pub fn quiz_script(
    deck: &Deck,
    language: usize,
    (topic, question): (usize, usize),
    answered: Option<usize>,
) -> Script {
    let words = deck.language(language);
    let mut script = Script::default();
    let Some(asked) = words
        .topics
        .get(topic)
        .and_then(|topic| topic.quiz.get(question))
    else {
        return script;
    };
    match answered {
        None => {
            script.say(Part::Question, &asked.ask);
            for (index, answer) in asked.answers.iter().enumerate() {
                script.say_line(Part::Answer(index), &format!("{}. {answer}", index + 1));
            }
        }
        Some(answer) => {
            let right = answer == asked.right;
            let verdict = if right {
                &words.interface.quiz_right
            } else {
                &words.interface.quiz_wrong
            };
            script.say_line(Part::Reply, verdict);
            if !right && let Some(correct) = asked.answers.get(asked.right) {
                script.say_line(Part::Reply, correct);
            }
            script.say(Part::Reply, &asked.explain);
        }
    }
    script
}

/// Everything the Listen button can read in `language` of `deck`, a script for each: every
/// page at every step of its walk-through, every quiz question and every reply, every part and
/// step of every diagram. Speech mode's words for controls are not among them.
pub fn every_script(deck: &Deck, language: usize) -> Vec<Script> {
    let words = deck.language(language);
    let mut scripts = Vec::new();
    for (topic_index, topic) in words.topics.iter().enumerate() {
        for page in &topic.pages {
            let steps = match page.figure() {
                Some((_, figure)) => match figure.source {
                    FigureSource::Diagram(id) => deck
                        .diagrams
                        .get(id)
                        .map_or(1, |diagram| diagram.steps.len()),
                    FigureSource::Image(_) => 1,
                },
                None => 1,
            };
            for step in 0..steps.max(1) {
                scripts.push(page_script(deck, language, page, step));
            }
        }
        for (question, asked) in topic.quiz.iter().enumerate() {
            let at = (topic_index, question);
            scripts.push(quiz_script(deck, language, at, None));
            for answer in 0..asked.answers.len() {
                scripts.push(quiz_script(deck, language, at, Some(answer)));
            }
        }
    }
    for (id, diagram) in &deck.diagrams {
        for hotspot in &diagram.hotspots {
            scripts.push(hotspot_script(deck, language, id, &hotspot.id));
        }
        for step in 0..diagram.steps.len() {
            scripts.push(step_script(deck, language, id, step));
        }
    }
    scripts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_split_and_a_step_number_stays_with_its_words() {
        let mut script = Script::default();
        script.say(Part::Title, "1. Two ways in. Is it safe? Yes!  ");
        let texts: Vec<&str> = script.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["1. Two ways in.", "Is it safe?", "Yes!"]);
        let mut script = Script::default();
        script.say_line(Part::Block(2), "Less pain");
        assert_eq!(script.sentences[0].text, "Less pain.");
        assert_eq!(script.sentences[0].part, Part::Block(2));
    }
}
