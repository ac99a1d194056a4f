//! What a handout is made of: the items chosen, the ink drawn, the language and the paper.

use super::{HandoutItem, HandoutNotes, Paper};
use crate::ink::InkSet;

/// Everything [`super::handout_pdf`] needs besides the deck and the design tokens.
#[derive(Clone, Copy, Debug)]
pub struct HandoutRequest<'a> {
    /// Index of the language in the deck (an unknown index means the default language).
    pub language: usize,
    /// The pages and diagrams, in the order they are printed.
    pub items: &'a [HandoutItem],
    /// The clinician's strokes; those on a printed diagram are drawn over it.
    pub ink: &'a InkSet,
    /// The paper size.
    pub paper: Paper,
    /// What the clinician wrote for the patient (empty fields get lines to write on).
    pub notes: &'a HandoutNotes,
}
