//! A translation must give the same figures as the default language: every number and phone
//! number of a block, a quiz question, a topic's title and every diagram label, part and step
//! caption. The parity of ids and shapes (see `parity.rs`) cannot see "3 to 5 days" become
//! "3 a 4 días". A conversion a translation adds ("media pulgada (poco más de 1 cm)", a dime
//! as "una moneda de 10 centavos") is allowed: a number followed by a metric unit or by cents
//! is not compared.

use std::collections::{BTreeMap, HashMap};

use super::super::diagram::DiagramText;
use super::super::model::{DeckFile, Topic};
use super::{LanguageFiles, Loader, Parsed};

/// Units a translation may add a conversion in: metric units, and cents (a dime is "una
/// moneda de 10 centavos").
const CONVERSION_UNITS: [&str; 10] = [
    "cm", "mm", "m", "km", "kg", "g", "ml", "l", "cents", "centavos",
];

/// The numbers of `texts`, each as its digits alone ("10,000" and "10.000" are both "10000";
/// "216.636.5860" is "2166365860"), sorted; numbers with a metric unit after them are left out.
fn numbers<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut found = Vec::new();
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        let mut index = 0;
        while index < chars.len() {
            if !chars[index].is_ascii_digit() {
                index += 1;
                continue;
            }
            let mut digits = String::new();
            while index < chars.len() {
                let c = chars[index];
                let separator = matches!(c, ',' | '.')
                    && chars.get(index + 1).is_some_and(char::is_ascii_digit);
                if c.is_ascii_digit() {
                    digits.push(c);
                } else if !separator {
                    break;
                }
                index += 1;
            }
            let rest: String = chars[index..].iter().collect();
            let word = rest.trim_start().split(|c: char| !c.is_alphabetic()).next();
            let metric = word.is_some_and(|word| CONVERSION_UNITS.contains(&word));
            if !metric {
                found.push(digits);
            }
        }
    }
    found.sort();
    found
}

/// The numbers of each entry of `mine` and of the same entry of `theirs`.
fn paired<'a>(
    mine: &'a BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
) -> Vec<(&'a str, Vec<String>, Vec<String>)> {
    (mine.iter())
        .filter_map(|(key, words)| {
            let model = theirs.get(key)?;
            Some((
                key.as_str(),
                numbers([words.as_str()]),
                numbers([model.as_str()]),
            ))
        })
        .collect()
}

fn listed(numbers: &[String]) -> String {
    if numbers.is_empty() {
        "no number".to_owned()
    } else {
        numbers.join(", ")
    }
}

impl Loader<'_> {
    /// Compares the numbers of every language with the deck's default language.
    pub(super) fn check_numbers(&mut self, deck: &Parsed<DeckFile>, languages: &[LanguageFiles]) {
        let default = &deck.value.default_language;
        let Some(reference) = languages.iter().find(|files| files.code == *default) else {
            return;
        };
        let topics: HashMap<&str, &Topic> = (reference.topics.iter())
            .map(|topic| (topic.value.id.as_str(), &topic.value))
            .collect();
        let diagrams: HashMap<&str, &DiagramText> = (reference.diagram_texts.iter())
            .map(|text| (text.value.id.as_str(), &text.value))
            .collect();
        for language in languages.iter().filter(|files| files.code != *default) {
            for topic in &language.topics {
                if let Some(model) = topics.get(topic.value.id.as_str()) {
                    self.check_topic_numbers(default, model, topic);
                }
            }
            for words in &language.diagram_texts {
                if let Some(model) = diagrams.get(words.value.id.as_str()) {
                    self.check_diagram_numbers(default, model, words);
                }
            }
        }
    }

    fn check_topic_numbers(&mut self, default: &str, model: &Topic, topic: &Parsed<Topic>) {
        let file = &topic.file;
        let differ = |here: &[String], there: &[String], what: String| {
            format!(
                "{what} has {} here but {} in the {default} content. Numbers and phone numbers \
                 must be the same in every language (a metric conversion such as \"(1 cm)\" may \
                 be added).",
                listed(here),
                listed(there)
            )
        };
        let (here, there) = (
            numbers([topic.value.title.as_str(), &topic.value.subtitle]),
            numbers([model.title.as_str(), &model.subtitle]),
        );
        if here != there {
            let message = differ(&here, &there, "The topic's title and subtitle".to_owned());
            self.error(file.diagnostic_at_key("title", message));
        }
        for page in &topic.value.pages {
            let Some(model_page) = model.pages.iter().find(|p| p.id == page.id) else {
                continue;
            };
            // The title, then each block: the first whose numbers differ is named.
            let title = (
                format!("The title of the page \"{}\"", page.id),
                vec![page.title.as_str()],
                vec![model_page.title.as_str()],
            );
            let blocks = (page.blocks.iter().zip(&model_page.blocks).enumerate()).map(
                |(index, (block, model_block))| {
                    let what = format!("In the page \"{}\", block {}", page.id, index + 1);
                    (what, block.texts(), model_block.texts())
                },
            );
            let differing = std::iter::once(title)
                .chain(blocks)
                .map(|(what, mine, theirs)| (what, numbers(mine), numbers(theirs)))
                .find(|(_, here, there)| here != there);
            if let Some((what, here, there)) = differing {
                let message = differ(&here, &there, what);
                self.error(file.diagnostic_at_value("id", &page.id, 0, message));
            }
        }
        for question in &topic.value.quiz {
            let Some(model_question) = model.quiz.iter().find(|q| q.id == question.id) else {
                continue;
            };
            let texts = |q: &super::super::model::Question| {
                let mut texts = vec![q.ask.clone(), q.explain.clone()];
                texts.extend(q.answers.iter().cloned());
                texts
            };
            let (mine, theirs) = (texts(question), texts(model_question));
            let here = numbers(mine.iter().map(String::as_str));
            let there = numbers(theirs.iter().map(String::as_str));
            if here != there {
                let what = format!("The quiz question \"{}\"", question.id);
                let message = differ(&here, &there, what);
                self.error(file.diagnostic_at_value("id", &question.id, 0, message));
            }
        }
    }

    fn check_diagram_numbers(
        &mut self,
        default: &str,
        model: &DiagramText,
        words: &Parsed<DiagramText>,
    ) {
        let text = &words.value;
        let mut entries: Vec<(&str, Vec<String>, Vec<String>)> = Vec::new();
        entries.extend(paired(&text.labels, &model.labels));
        entries.extend(paired(&text.steps, &model.steps));
        entries.extend((text.hotspots.iter()).filter_map(|(key, part)| {
            let theirs = model.hotspots.get(key)?;
            Some((
                key.as_str(),
                numbers([part.title.as_str(), &part.text]),
                numbers([theirs.title.as_str(), &theirs.text]),
            ))
        }));
        for (key, here, there) in entries {
            if here != there {
                self.error(words.file.diagnostic_at_value(
                    "",
                    key,
                    0,
                    format!(
                        "The words for \"{key}\" of the diagram \"{}\" have {} here but {} in the \
                         {default} content. A label must give the same numbers in every language.",
                        text.id,
                        listed(&here),
                        listed(&there)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compared_by_their_digits_and_metric_conversions_are_left_out() {
        assert_eq!(
            numbers(["About 1 in 10,000.", "Call 216.636.5860."]),
            ["1", "10000", "2166365860"]
        );
        assert_eq!(numbers(["1 de cada 10.000"]), ["1", "10000"]);
        assert_eq!(
            numbers(["media pulgada (poco más de 1 cm)"]),
            Vec::<String>::new()
        );
        assert_eq!(numbers(["de 3 a 5 días", "en 1 o 2"]), ["1", "2", "3", "5"]);
        assert_eq!(numbers(["Step 2."]), ["2"]);
        assert_eq!(numbers(["una moneda de 10 centavos"]), Vec::<String>::new());
    }
}
