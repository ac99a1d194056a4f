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
    /// A heading waiting for what comes under it: its first instruction on the current page
    /// and the top of the heading. It goes to the next page with that piece, if that piece
    /// does not fit, so no page ends with a heading.
    held: Option<(usize, f32)>,
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
            held: None,
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
    /// A heading held above it goes with it.
    pub fn keep(&mut self, height_pt: f32) {
        self.room_for(height_pt);
        self.held = None;
    }

    /// Makes room for a line of a heading `height_pt` tall, and holds the heading (from its
    /// first line, or the first of the headings over it) until the piece under it is placed:
    /// see [`Self::keep`].
    pub fn keep_heading(&mut self, height_pt: f32) {
        self.room_for(height_pt);
        if self.held.is_none() {
            let first = self.pages.last().map_or(0, Vec::len);
            self.held = Some((first, self.y_pt));
        }
    }

    fn room_for(&mut self, height_pt: f32) {
        if self.y_pt + height_pt <= self.content.bottom_pt() || self.at_page_top() {
            return;
        }
        let Some((first, top_pt)) = self.held.filter(|&(_, top_pt)| top_pt > self.content.y_pt)
        else {
            self.held = None;
            self.new_page();
            return;
        };
        let heading: Vec<Op> = match self.pages.last_mut() {
            Some(page) => page.drain(first.min(page.len())..).collect(),
            None => Vec::new(),
        };
        let below_pt = self.y_pt - top_pt;
        self.new_page();
        let dy_pt = self.content.y_pt - top_pt;
        for op in heading {
            self.push(op.moved_down(dy_pt));
        }
        self.held = Some((0, self.content.y_pt));
        self.y_pt += below_pt;
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

    fn text(y: f32) -> Op {
        Op::Text {
            x_pt: 0.0,
            baseline_pt: y,
            size_pt: 10.0,
            bold: true,
            color: crate::theme::Rgb([0, 0, 0]),
            text: "Heading".to_owned(),
        }
    }

    fn baselines(page: &[Op]) -> Vec<f32> {
        (page.iter())
            .filter_map(|op| match op {
                Op::Text { baseline_pt, .. } => Some(*baseline_pt),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_heading_goes_to_the_next_page_with_the_piece_under_it() {
        let mut layout = Layout::new(Paper::Letter, 50.0, 20.0);
        layout.keep(550.0);
        layout.advance(550.0);
        // Two headings, one under the other, then a piece that does not fit under them.
        for _ in 0..2 {
            layout.keep_heading(20.0);
            layout.push(text(layout.y_pt() + 15.0));
            layout.advance(20.0);
        }
        layout.gap(5.0);
        assert_eq!(layout.pages.len(), 1);
        layout.keep(100.0);
        assert_eq!(layout.pages.len(), 2);
        assert!(layout.pages[0].is_empty(), "no heading is left behind");
        assert_eq!(baselines(&layout.pages[1]), [65.0, 85.0]);
        assert_eq!(layout.y_pt(), 95.0, "the piece goes under them");
        // Once a piece is placed, the next one leaves the headings where they are.
        layout.advance(600.0);
        layout.keep(100.0);
        assert_eq!(layout.pages.len(), 3);
        assert_eq!(baselines(&layout.pages[1]).len(), 2);
    }
}
