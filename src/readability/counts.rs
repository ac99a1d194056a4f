//! Counting the words, sentences and syllables of a text, in its language.

use super::syllables::{english_syllables, spanish_syllables};
use super::text::sentences;

/// The language a text is read in, which decides how syllables are counted and which formula
/// grades it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingLanguage {
    /// English: syllables by [`english_syllables`], graded by Flesch-Kincaid.
    English,
    /// Spanish: syllables by [`spanish_syllables`], graded by Fernández-Huerta.
    Spanish,
}

impl ReadingLanguage {
    /// The reading language of a content language code: `"es"` (and `"es-MX"`, ...) is
    /// Spanish; every other code is read as English, the kiosk's first language.
    pub fn from_code(code: &str) -> Self {
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        if primary.eq_ignore_ascii_case("es") {
            Self::Spanish
        } else {
            Self::English
        }
    }

    /// Syllables of one word in this language.
    pub fn syllables(self, word: &str) -> u32 {
        match self {
            Self::English => english_syllables(word),
            Self::Spanish => spanish_syllables(word),
        }
    }
}

/// How many words, sentences and syllables a text has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TextCounts {
    /// Words, numbers included.
    pub words: u32,
    /// Sentences; every piece ends at least one.
    pub sentences: u32,
    /// Syllables of all the words, numbers as spoken.
    pub syllables: u32,
}

impl TextCounts {
    /// The counts of several pieces of text (see [`crate::readability::sentences`]).
    pub fn of_pieces<S: AsRef<str>>(pieces: &[S], language: ReadingLanguage) -> Self {
        let mut counts = Self::default();
        for piece in pieces {
            counts.add_piece(piece.as_ref(), language);
        }
        counts
    }

    /// Adds one piece of text: its last sentence ends where it ends.
    pub fn add_piece(&mut self, piece: &str, language: ReadingLanguage) {
        for sentence in sentences(piece) {
            self.sentences += 1;
            for word in sentence {
                self.words += 1;
                self.syllables += language.syllables(word);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ReadingLanguage, TextCounts};

    #[test]
    fn counts_add_up_over_pieces() {
        let counts = TextCounts::of_pieces(
            &[
                "Every surgery has risks",
                "The risk is 1 in 10,000. It is rare.",
            ],
            ReadingLanguage::English,
        );
        // every 2, sur-ger-y 3, has 1, risks 1 | the 1, risk 1, is 1, one 1, in 1,
        // ten thou-sand 3 | it 1, is 1, rare 1
        assert_eq!(
            counts,
            TextCounts {
                words: 13,
                sentences: 3,
                syllables: 18
            }
        );
    }

    #[test]
    fn language_codes() {
        assert_eq!(ReadingLanguage::from_code("es"), ReadingLanguage::Spanish);
        assert_eq!(
            ReadingLanguage::from_code("es-MX"),
            ReadingLanguage::Spanish
        );
        assert_eq!(ReadingLanguage::from_code("en"), ReadingLanguage::English);
        assert_eq!(ReadingLanguage::from_code("fr"), ReadingLanguage::English);
        let counts = TextCounts::of_pieces(&["La cirugía dura un día."], ReadingLanguage::Spanish);
        // la 1, ci-ru-gí-a 4, du-ra 2, un 1, dí-a 2
        assert_eq!(counts.syllables, 10);
    }
}
