//! The readability of every page of a deck, per language.

use std::fmt::Write as _;

use super::counts::{ReadingLanguage, TextCounts};
use super::grade::Formula;
use super::page_text::page_pieces;
use crate::content::{Deck, Language};

/// A page over this grade gets a warning.
pub const WARN_GRADE: f64 = 8.0;

/// The grade a language's pages should average at most (the content guide asks for 6th
/// grade).
pub const TARGET_AVERAGE_GRADE: f64 = 6.0;

/// The readability of one page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageReadability {
    /// The page's id.
    pub page_id: String,
    /// Its words, sentences and syllables (see [`page_pieces`] for what is counted).
    pub counts: TextCounts,
    /// Its US school grade, by its language's formula.
    pub grade: f64,
}

impl PageReadability {
    /// Whether the page is over [`WARN_GRADE`].
    pub fn is_over_warning(&self) -> bool {
        self.grade > WARN_GRADE
    }
}

/// The readability of every page of one language.
#[derive(Clone, Debug, PartialEq)]
pub struct LanguageReadability {
    /// The language's code, e.g. `"en"`.
    pub code: String,
    /// The formula its pages are graded with.
    pub formula: Formula,
    /// Every page, in reading order.
    pub pages: Vec<PageReadability>,
}

impl LanguageReadability {
    /// Grades every page of a language.
    pub fn for_language(language: &Language) -> Self {
        let reading = ReadingLanguage::from_code(&language.code);
        let formula = Formula::for_language(reading);
        let pages = language
            .pages()
            .map(|(_, page)| {
                let counts = TextCounts::of_pieces(&page_pieces(page, language), reading);
                PageReadability {
                    page_id: page.id.clone(),
                    counts,
                    grade: formula.grade(&counts),
                }
            })
            .collect();
        Self {
            code: language.code.clone(),
            formula,
            pages,
        }
    }

    /// The mean of the page grades (0 without pages): every page counts the same, however
    /// long, since a patient reads them one at a time.
    pub fn average_grade(&self) -> f64 {
        if self.pages.is_empty() {
            return 0.0;
        }
        let total: f64 = self.pages.iter().map(|page| page.grade).sum();
        #[expect(
            clippy::cast_precision_loss,
            reason = "a deck has far fewer pages than 2^52"
        )]
        let count = self.pages.len() as f64;
        total / count
    }

    /// The page with the highest grade.
    pub fn worst_page(&self) -> Option<&PageReadability> {
        self.pages.iter().max_by(|a, b| a.grade.total_cmp(&b.grade))
    }

    /// The pages over [`WARN_GRADE`].
    pub fn pages_over_warning(&self) -> impl Iterator<Item = &PageReadability> {
        self.pages.iter().filter(|page| page.is_over_warning())
    }

    /// Whether the average is over [`TARGET_AVERAGE_GRADE`].
    pub fn is_over_target(&self) -> bool {
        self.average_grade() > TARGET_AVERAGE_GRADE
    }

    /// How many warnings: one per page over [`WARN_GRADE`], one more for an average over
    /// [`TARGET_AVERAGE_GRADE`].
    pub fn warning_count(&self) -> usize {
        self.pages_over_warning().count() + usize::from(self.is_over_target())
    }

    /// The language's table: a line per page (id, grade, words, sentences, a warning
    /// marker), then the average and the worst page.
    pub fn text(&self) -> String {
        let id_width = self
            .pages
            .iter()
            .map(|page| page.page_id.chars().count())
            .max()
            .unwrap_or(0)
            .max("page".len());
        let mut text = format!("Readability of {} ({}):\n", self.code, self.formula.name());
        let _ = writeln!(
            text,
            "  {:<id_width$}  {:>5}  {:>5}  {:>9}",
            "page", "grade", "words", "sentences"
        );
        for page in &self.pages {
            let _ = write!(
                text,
                "  {:<id_width$}  {:>5.1}  {:>5}  {:>9}",
                page.page_id, page.grade, page.counts.words, page.counts.sentences
            );
            if page.is_over_warning() {
                let _ = write!(text, "  WARNING: over grade {WARN_GRADE}");
            }
            text.push('\n');
        }
        let _ = write!(
            text,
            "  average grade {:.1} (target {TARGET_AVERAGE_GRADE:.1} or below)",
            self.average_grade()
        );
        if self.is_over_target() {
            let _ = write!(text, "  WARNING: average over grade {TARGET_AVERAGE_GRADE}");
        }
        text.push('\n');
        if let Some(worst) = self.worst_page() {
            let _ = writeln!(
                text,
                "  worst page {} (grade {:.1})",
                worst.page_id, worst.grade
            );
        }
        text
    }
}

/// The readability of every page of a deck, in every language.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadabilityReport {
    /// Every language, in the deck's order.
    pub languages: Vec<LanguageReadability>,
}

impl ReadabilityReport {
    /// Grades every page of every language of a deck.
    pub fn for_deck(deck: &Deck) -> Self {
        Self {
            languages: deck
                .languages
                .iter()
                .map(LanguageReadability::for_language)
                .collect(),
        }
    }

    /// The report of one language, by code.
    pub fn language(&self, code: &str) -> Option<&LanguageReadability> {
        self.languages.iter().find(|language| language.code == code)
    }

    /// Warnings in every language (see [`LanguageReadability::warning_count`]).
    pub fn warning_count(&self) -> usize {
        self.languages
            .iter()
            .map(LanguageReadability::warning_count)
            .sum()
    }

    /// Every language's table, a blank line between two, and the warning count.
    pub fn text(&self) -> String {
        let mut text = self
            .languages
            .iter()
            .map(LanguageReadability::text)
            .collect::<Vec<_>>()
            .join("\n");
        let _ = writeln!(
            text,
            "\n{} readability warning(s): pages over grade {WARN_GRADE}, averages over grade {TARGET_AVERAGE_GRADE}",
            self.warning_count()
        );
        text
    }
}

#[cfg(test)]
mod tests {
    use super::{LanguageReadability, PageReadability, TextCounts};
    use crate::readability::Formula;

    fn page(id: &str, grade: f64) -> PageReadability {
        PageReadability {
            page_id: id.to_owned(),
            counts: TextCounts {
                words: 10,
                sentences: 2,
                syllables: 13,
            },
            grade,
        }
    }

    #[test]
    fn average_worst_page_and_warnings() {
        let language = LanguageReadability {
            code: "en".to_owned(),
            formula: Formula::FleschKincaid,
            pages: vec![page("easy", 3.0), page("hard", 9.5), page("plain", 6.0)],
        };
        assert!((language.average_grade() - 6.166_666_666_666_667).abs() < 1e-9);
        assert_eq!(
            language.worst_page().map(|p| p.page_id.as_str()),
            Some("hard")
        );
        assert_eq!(language.warning_count(), 2);
        let text = language.text();
        assert!(
            text.contains("hard     9.5     10          2  WARNING: over grade 8"),
            "{text}"
        );
        assert!(text.contains("easy     3.0     10          2\n"), "{text}");
        assert!(
            text.contains("average grade 6.2 (target 6.0 or below)  WARNING"),
            "{text}"
        );
        assert!(text.contains("worst page hard (grade 9.5)"), "{text}");
    }

    #[test]
    fn a_language_without_pages_has_no_warning() {
        let language = LanguageReadability {
            code: "es".to_owned(),
            formula: Formula::FernandezHuerta,
            pages: Vec::new(),
        };
        assert_eq!(language.average_grade(), 0.0);
        assert!(language.worst_page().is_none());
        assert_eq!(language.warning_count(), 0);
    }
}
