//! Pages being filled from top to bottom, with a new page when the next piece does not fit.

use super::Paper;
use super::area::Area;
use super::op::Op;

/// The laid-out pages and where the next piece goes.
#[derive(Debug)]
pub(crate) struct Layout {
    /// Every page's drawing instructions (the footers are added when drawn).
    pub pages: Vec<Vec<Op>>,
    /// Where the next piece goes, from the top of the page.
    y_pt: f32,
    /// The part of the page content may use.
    content: Area,
}

impl Layout {
    /// One empty page of `paper` with `margin_pt` on every side, and `footer_pt` more at the
    /// bottom for the footer.
    pub fn new(paper: Paper, margin_pt: f32, footer_pt: f32) -> Self {
        let (width_pt, height_pt) = paper.size_pt();
        let content = Area {
            x_pt: margin_pt,
            y_pt: margin_pt,
            width_pt: width_pt - 2.0 * margin_pt,
            height_pt: height_pt - 2.0 * margin_pt - footer_pt,
        };
        Self {
            pages: vec![Vec::new()],
            y_pt: content.y_pt,
            content,
        }
    }

    /// The part of every page content may use.
    pub fn content(&self) -> Area {
        self.content
    }

    /// Where the next piece goes, from the top of the page.
    pub fn y_pt(&self) -> f32 {
        self.y_pt
    }

    /// Whether nothing is on the current page yet.
    pub fn at_page_top(&self) -> bool {
        self.y_pt <= self.content.y_pt
    }

    /// Makes room for a piece `height_pt` tall that must not be split: a new page if it does
    /// not fit below what is there (a piece taller than a page starts a page and runs over).
    pub fn keep(&mut self, height_pt: f32) {
        if self.y_pt + height_pt > self.content.bottom_pt() && !self.at_page_top() {
            self.new_page();
        }
    }

    /// Starts a new page.
    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y_pt = self.content.y_pt;
    }

    /// Moves down by `gap_pt`, unless at the top of a page (a page never starts with a gap).
    pub fn gap(&mut self, gap_pt: f32) {
        if !self.at_page_top() {
            self.y_pt = (self.y_pt + gap_pt).min(self.content.bottom_pt());
        }
    }

    /// Moves down by `height_pt` after a piece was placed.
    pub fn advance(&mut self, height_pt: f32) {
        self.y_pt += height_pt;
    }

    /// Adds a drawing instruction to the current page.
    pub fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_that_does_not_fit_goes_to_a_new_page() {
        let mut layout = Layout::new(Paper::Letter, 50.0, 20.0);
        assert_eq!(layout.content().height_pt, 792.0 - 120.0);
        layout.gap(30.0);
        assert_eq!(layout.y_pt(), 50.0, "no gap at the top of a page");
        layout.keep(600.0);
        layout.advance(600.0);
        assert_eq!(layout.pages.len(), 1);
        layout.keep(100.0);
        assert_eq!(layout.pages.len(), 2);
        assert!(layout.at_page_top());
        layout.keep(5000.0);
        assert_eq!(
            layout.pages.len(),
            2,
            "too tall for any page: starts this one"
        );
    }
}
