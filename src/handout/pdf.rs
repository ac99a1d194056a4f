//! The take-home handout as a PDF: the pages and diagrams a clinician chose, in the patient's
//! language, with the ink drawn on the diagrams, QR codes to call the clinic and open the
//! patient portal, and lines for the patient's questions. No egui here.

use super::composer::Composer;
use super::face::Face;
use super::render::Renderer;
use super::{HandoutError, HandoutRequest};
use crate::content::Deck;
use crate::theme::Theme;

/// The handout `request` asks for, as the bytes of a PDF file: a header with the clinic's
/// name, what the clinician wrote (with lines to write on for what they did not), each item
/// in order (a page's title, words and diagrams; a diagram at a step with its caption; each
/// diagram once, with the strokes drawn on it at that step), QR codes for every phone and the patient portal, "My questions" with lines
/// to write on, and "Page 1 of 3" on every page. Picture figures are printed when they can be
/// read and left out when not. It never holds a patient's name.
///
/// Fails, before anything is laid out, on an item naming a page or diagram the deck does not
/// have.
pub fn handout_pdf(
    deck: &Deck,
    theme: &Theme,
    request: &HandoutRequest<'_>,
) -> Result<Vec<u8>, HandoutError> {
    let language = deck.language(request.language);
    let regular = Face::new(&theme.fonts.body)?;
    let bold = Face::new(&theme.fonts.bold)?;
    let composer = compose(deck, theme, (&regular, &bold), request)?;
    Renderer {
        deck,
        language,
        theme,
        faces: (&regular, &bold),
        ink: request.ink,
        paper: request.paper,
    }
    .render(&composer.layout.pages)
}

/// The handout laid out into pages, not yet drawn.
pub(crate) fn compose<'a>(
    deck: &'a Deck,
    theme: &'a Theme,
    faces: (&'a Face, &'a Face),
    request: &HandoutRequest<'a>,
) -> Result<Composer<'a>, HandoutError> {
    let language = deck.language(request.language);
    let mut composer = Composer::new(
        (deck, language, theme),
        faces,
        (request.items, request.ink),
        request.paper,
    );
    composer.check(request.items)?;
    composer.header();
    composer.care_team(request.notes);
    for item in request.items {
        composer.item(item)?;
    }
    composer.qr_codes();
    composer.questions();
    Ok(composer)
}
