//! Readability: a US school grade for every page of the content, by language (no egui here).
//!
//! A page's patient-facing text ([`page_pieces`]) is split into sentences and words
//! ([`sentences`], [`words`]), counted ([`TextCounts`]) with a rule-based syllable counter
//! ([`english_syllables`], [`spanish_syllables`]), and graded ([`Formula`]): Flesch-Kincaid
//! for English, Fernández-Huerta (as a grade) for Spanish. [`ReadabilityReport`] does this for
//! every page of a deck; `patient-kiosk check --readability` prints it.

mod counts;
mod grade;
mod page_text;
mod report;
mod syllables;
mod text;

pub use counts::{ReadingLanguage, TextCounts};
pub use grade::{Formula, fernandez_huerta_ease, fernandez_huerta_grade, flesch_kincaid_grade};
pub use page_text::page_pieces;
pub use report::{
    LanguageReadability, PageReadability, ReadabilityReport, TARGET_AVERAGE_GRADE, WARN_GRADE,
};
pub use syllables::{english_syllables, spanish_syllables};
pub use text::{sentences, words};
