//! Splitting a piece of text into sentences and words.
//!
//! A piece is one thing a patient reads on its own: a title, a paragraph, a list item, a
//! caption. Its last sentence ends where the piece ends, with or without a full stop, so a
//! title or a list item without one is a sentence of its own. Inside a piece a sentence ends
//! at a word that ends in `.`, `!`, `?` or `…` (before any closing quote or bracket), except
//! after an abbreviation ("Dr.", "e.g.") or an initial ("J."). A number at the start of a
//! piece followed by `.` or `)` ("1. You arrive.") is a list marker, not a word.

/// Abbreviations whose full stop does not end a sentence (lowercase, without the last `.`).
const ABBREVIATIONS: &[&str] = &[
    // English
    "approx", "dr", "drs", "e.g", "etc", "i.e", "jr", "mr", "mrs", "ms", "prof", "sr", "st",
    "vs", // Spanish
    "aprox", "dra", "dras", "núm", "p.ej", "sra", "sras", "srta", "tel", "ud", "uds",
];

/// The sentences of one piece of text, each as its words. Empty sentences (stray
/// punctuation) are left out; a piece without words has no sentence.
pub fn sentences(text: &str) -> Vec<Vec<&str>> {
    let mut sentences = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for (index, token) in tokens(text).enumerate() {
        if index == 0 && is_list_marker(token) {
            continue;
        }
        if !is_word(token) {
            if ends_sentence(token) && !current.is_empty() {
                sentences.push(std::mem::take(&mut current));
            }
            continue;
        }
        current.push(token);
        if ends_sentence(token) {
            sentences.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        sentences.push(current);
    }
    sentences
}

/// The words of a piece of text, sentence after sentence: its tokens with at least one
/// letter or digit, punctuation still on them ("10,000" and "X-ray" are one word each).
pub fn words(text: &str) -> Vec<&str> {
    sentences(text).into_iter().flatten().collect()
}

/// Tokens split at white space and at dashes between words ("surgery—and").
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '—' || c == '–')
        .filter(|token| !token.is_empty())
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphanumeric)
}

/// "1." or "2)" at the start of a piece: a list marker.
fn is_list_marker(token: &str) -> bool {
    let Some(number) = token.strip_suffix(['.', ')']) else {
        return false;
    };
    !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit())
}

/// Whether a token ends its sentence.
fn ends_sentence(token: &str) -> bool {
    let token = token.trim_end_matches([')', ']', '"', '\'', '”', '’', '»']);
    if token.ends_with(['!', '?', '…']) {
        return true;
    }
    let Some(stem) = token.strip_suffix('.') else {
        return false;
    };
    if stem.ends_with('.') {
        // "..." ends a sentence.
        return true;
    }
    let stem = stem.trim_start_matches(['(', '[', '"', '\'', '“', '‘', '«', '¿', '¡']);
    let lower = stem.to_lowercase();
    let is_initial = stem.chars().count() == 1 && stem.chars().all(char::is_uppercase);
    !(is_initial || ABBREVIATIONS.contains(&lower.as_str()))
}

#[cfg(test)]
mod tests {
    use super::{sentences, words};

    fn shape(text: &str) -> Vec<usize> {
        sentences(text).iter().map(Vec::len).collect()
    }

    #[test]
    fn sentences_end_at_full_stops_questions_and_exclamations() {
        assert_eq!(
            shape("You rest. Then you go home! Any questions? Ask us."),
            [2, 4, 2, 2]
        );
    }

    #[test]
    fn a_piece_without_a_full_stop_is_one_sentence() {
        assert_eq!(shape("The more common risks"), [4]);
        assert_eq!(shape("How rare is paralysis?"), [4]);
        assert_eq!(shape("First sentence. And a tail without a stop"), [2, 6]);
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_a_sentence() {
        assert_eq!(
            shape("Dr. Smith will see you. Bring a list, e.g. your medicines."),
            [5, 6]
        );
        assert_eq!(shape("Ask for J. Smith at the desk."), [7]);
        assert_eq!(shape("La Dra. Pérez le verá hoy."), [6]);
    }

    #[test]
    fn numbers_are_words_and_decimals_do_not_end_a_sentence() {
        assert_eq!(
            shape("About 1 in 10,000 people. It is 1.5 inches long."),
            [5, 5]
        );
        assert_eq!(words("1 in 10,000"), ["1", "in", "10,000"]);
    }

    #[test]
    fn a_list_marker_is_not_a_word() {
        assert_eq!(
            shape("1. You arrive. You check in at the hospital."),
            [2, 6]
        );
        assert_eq!(words("2) Sleep"), ["Sleep"]);
    }

    #[test]
    fn punctuation_and_dashes_are_not_words() {
        assert_eq!(
            words("Small cuts — less pain, and a small-cut scar."),
            [
                "Small",
                "cuts",
                "less",
                "pain,",
                "and",
                "a",
                "small-cut",
                "scar."
            ]
        );
        assert_eq!(words("surgery—and rest"), ["surgery", "and", "rest"]);
        assert_eq!(shape("It helps (a lot.) Then rest..."), [4, 2]);
        assert!(sentences(" ... ").is_empty());
    }

    #[test]
    fn spanish_questions_and_exclamations_end_sentences() {
        assert_eq!(
            shape("¿Qué es la cirugía? ¡Es sencilla! Le ayudamos."),
            [4, 2, 2]
        );
    }
}
