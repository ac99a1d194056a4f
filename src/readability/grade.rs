//! The readability formulas, and the US school grade each one gives.

use super::counts::{ReadingLanguage, TextCounts};

/// The grade a text without words gets: there is nothing to read.
const EMPTY_GRADE: f64 = 0.0;

/// Flesch-Kincaid grade level: the US school grade that can read the text,
/// 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
///
/// A text without words or sentences has grade 0.
pub fn flesch_kincaid_grade(words: u32, sentences: u32, syllables: u32) -> f64 {
    if words == 0 || sentences == 0 {
        return EMPTY_GRADE;
    }
    let words = f64::from(words);
    0.39 * (words / f64::from(sentences)) + 11.8 * (f64::from(syllables) / words) - 15.59
}

/// Fernández-Huerta reading ease of a Spanish text (0 very hard to 100 very easy, more for
/// very simple texts): 206.84 − 0.60 × P − 1.02 × F, where P is the syllables per 100 words
/// and F the words per sentence.
///
/// Fernández Huerta (1959) printed F as "sentences per 100 words", but read that way longer
/// sentences would make a text *easier*; F is the average sentence length in words, as in
/// Flesch's formula his is adapted from (Law, 2011, and every common implementation).
/// A text without words or sentences gets the top score, 206.84.
pub fn fernandez_huerta_ease(words: u32, sentences: u32, syllables: u32) -> f64 {
    if words == 0 || sentences == 0 {
        return 206.84;
    }
    let words = f64::from(words);
    let syllables_per_100_words = 100.0 * f64::from(syllables) / words;
    let words_per_sentence = words / f64::from(sentences);
    206.84 - 0.60 * syllables_per_100_words - 1.02 * words_per_sentence
}

/// The Fernández-Huerta ease score as an approximate US school grade, so both languages
/// report a grade.
///
/// The usual table of the scale gives a school level per band of 10 points. Here each band's
/// easy edge is the start of its grade and its hard edge the start of the next, and the grade
/// goes linearly in between:
///
/// | ease       | level in the table                      | grade here   |
/// |------------|-----------------------------------------|--------------|
/// | over 100   | 4th grade, "muy fácil"                  | 4            |
/// | 100 to 90  | 4th grade, "muy fácil"                  | 4 to 5       |
/// | 90 to 80   | 5th grade, "fácil"                      | 5 to 6       |
/// | 80 to 70   | 6th grade, "bastante fácil"             | 6 to 7       |
/// | 70 to 60   | 7th–8th grade, "normal"                 | 7 to 9       |
/// | 60 to 50   | 9th–10th grade, "bastante difícil"      | 9 to 11      |
/// | 50 to 30   | 11th–12th grade, college, "difícil"     | 11 to 13     |
/// | 30 to 0    | college graduate, "muy difícil"         | 13 to 16     |
/// | below 0    | college graduate                        | 16           |
///
/// So ease 65 is grade 8, the warning line, and ease 75 grade 6.5.
pub fn fernandez_huerta_grade(ease: f64) -> f64 {
    /// (ease, grade) at the band edges, easiest first.
    const EDGES: [(f64, f64); 8] = [
        (100.0, 4.0),
        (90.0, 5.0),
        (80.0, 6.0),
        (70.0, 7.0),
        (60.0, 9.0),
        (50.0, 11.0),
        (30.0, 13.0),
        (0.0, 16.0),
    ];
    let (top_ease, easiest_grade) = EDGES[0];
    if ease >= top_ease {
        return easiest_grade;
    }
    for pair in EDGES.windows(2) {
        let [(high_ease, high_grade), (low_ease, low_grade)] = [pair[0], pair[1]];
        if ease >= low_ease {
            let share = (high_ease - ease) / (high_ease - low_ease);
            return high_grade + share * (low_grade - high_grade);
        }
    }
    EDGES[EDGES.len() - 1].1
}

/// The formula a language is graded with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    /// Flesch-Kincaid grade level, for English.
    FleschKincaid,
    /// Fernández-Huerta reading ease as a grade ([`fernandez_huerta_grade`]), for Spanish.
    FernandezHuerta,
}

impl Formula {
    /// The formula for a reading language.
    pub fn for_language(language: ReadingLanguage) -> Self {
        match language {
            ReadingLanguage::English => Self::FleschKincaid,
            ReadingLanguage::Spanish => Self::FernandezHuerta,
        }
    }

    /// Its name, for reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::FleschKincaid => "Flesch-Kincaid grade level",
            Self::FernandezHuerta => "Fernández-Huerta reading ease, as a US grade",
        }
    }

    /// The US school grade of a text with these counts.
    pub fn grade(self, counts: &TextCounts) -> f64 {
        let TextCounts {
            words,
            sentences,
            syllables,
        } = *counts;
        match self {
            Self::FleschKincaid => flesch_kincaid_grade(words, sentences, syllables),
            Self::FernandezHuerta if words == 0 => EMPTY_GRADE,
            Self::FernandezHuerta => {
                fernandez_huerta_grade(fernandez_huerta_ease(words, sentences, syllables))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Formula, fernandez_huerta_ease, fernandez_huerta_grade, flesch_kincaid_grade};
    use crate::readability::TextCounts;

    fn close(actual: f64, expected: f64) -> bool {
        (actual - expected).abs() < 1e-9
    }

    #[test]
    fn flesch_kincaid_on_hand_computed_counts() {
        // 0.39 × 20 + 11.8 × 1.5 − 15.59 = 7.8 + 17.7 − 15.59
        assert!(close(flesch_kincaid_grade(100, 5, 150), 9.91));
        // 0.39 × 5 + 11.8 × 1.3 − 15.59 = 1.95 + 15.34 − 15.59
        assert!(close(flesch_kincaid_grade(10, 2, 13), 1.70));
        // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables:
        // 0.39 × 6 + 11.8 − 15.59
        assert!(close(flesch_kincaid_grade(6, 1, 6), -1.45));
        assert!(close(flesch_kincaid_grade(0, 0, 0), 0.0));
    }

    #[test]
    fn flesch_kincaid_of_a_counted_text() {
        let counts = TextCounts::of_pieces(
            &["The cat sat on the mat. Minimally invasive surgery uses small cuts."],
            crate::readability::ReadingLanguage::English,
        );
        // 6 + 6 words, 2 sentences; 6 + (4 + 3 + 3 + 2 + 1 + 1) = 20 syllables
        assert_eq!(
            counts,
            TextCounts {
                words: 12,
                sentences: 2,
                syllables: 20
            }
        );
        let expected = 0.39 * 6.0 + 11.8 * 20.0 / 12.0 - 15.59;
        assert!(close(Formula::FleschKincaid.grade(&counts), expected));
    }

    #[test]
    fn fernandez_huerta_on_hand_computed_counts() {
        // P = 200, F = 20: 206.84 − 120 − 20.4
        assert!(close(fernandez_huerta_ease(100, 5, 200), 66.44));
        // P = 150, F = 5: 206.84 − 90 − 5.1
        assert!(close(fernandez_huerta_ease(20, 4, 30), 111.74));
        // Longer sentences are harder: same words and syllables, half the sentences.
        assert!(fernandez_huerta_ease(100, 5, 200) < fernandez_huerta_ease(100, 10, 200));
        assert!(close(fernandez_huerta_ease(0, 0, 0), 206.84));
    }

    #[test]
    fn fernandez_huerta_grade_at_band_edges() {
        let cases = [
            (150.0, 4.0),
            (100.0, 4.0),
            (95.0, 4.5),
            (90.0, 5.0),
            (80.0, 6.0),
            (75.0, 6.5),
            (70.0, 7.0),
            (65.0, 8.0),
            (60.0, 9.0),
            (50.0, 11.0),
            (40.0, 12.0),
            (30.0, 13.0),
            (0.0, 16.0),
            (-20.0, 16.0),
        ];
        for (ease, grade) in cases {
            let actual = fernandez_huerta_grade(ease);
            assert!(
                close(actual, grade),
                "ease {ease}: grade {actual}, expected {grade}"
            );
        }
        // 66.44 is 3.56 points into the 60–70 band: 7 + 0.356 × 2
        let counts = TextCounts {
            words: 100,
            sentences: 5,
            syllables: 200,
        };
        assert!(close(Formula::FernandezHuerta.grade(&counts), 7.712));
    }

    #[test]
    fn harder_is_never_a_lower_grade() {
        let mut previous = fernandez_huerta_grade(120.0);
        for tenth in (-100..=1200).rev() {
            let grade = fernandez_huerta_grade(f64::from(tenth) / 10.0);
            assert!(
                grade >= previous - 1e-12,
                "ease {}",
                f64::from(tenth) / 10.0
            );
            previous = grade;
        }
    }
}
