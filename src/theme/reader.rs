//! What a patient can change about how the kiosk looks: the text size (three steps) and a
//! high-contrast palette. Both are part of the visit and go back to normal at the reset.

use super::Theme;

/// The three text sizes a patient can choose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    /// The design's own sizes.
    #[default]
    Normal,
    /// A quarter larger (the `text_scale_large` token).
    Large,
    /// Half as large again (the `text_scale_extra_large` token).
    ExtraLarge,
}

impl TextSize {
    /// Every size, smallest first.
    pub const ALL: [Self; 3] = [Self::Normal, Self::Large, Self::ExtraLarge];
}

impl Theme {
    /// These tokens as a patient chose to see them: text (and what holds text) scaled for
    /// `size`, and the high-contrast palette if asked for.
    pub fn for_reader(&self, size: TextSize, high_contrast: bool) -> Self {
        let mut theme = self.clone();
        let scale = match size {
            TextSize::Normal => 1.0,
            TextSize::Large => self.sizes.text_scale_large,
            TextSize::ExtraLarge => self.sizes.text_scale_extra_large,
        };
        let sizes = &mut theme.sizes;
        for size_pt in [
            &mut sizes.body_pt,
            &mut sizes.small_pt,
            &mut sizes.heading_pt,
            &mut sizes.title_pt,
            &mut sizes.key_fact_pt,
            &mut sizes.button_text_pt,
            &mut sizes.tile_title_pt,
            &mut sizes.tool_bar_height_pt,
            &mut sizes.tile_min_height_pt,
            &mut sizes.tile_min_width_pt,
        ] {
            *size_pt *= scale;
        }
        // Buttons and the bars that hold them grow half as fast as the words in them (which
        // still fit with room to spare): at the largest text on a short screen the two bars
        // left too little between them for a page, a quiz's answers included.
        let half = 1.0 + (scale - 1.0) / 2.0;
        sizes.button_height_pt *= half;
        sizes.bar_height_pt *= half;
        theme.diagram.label_pt *= scale;
        // The rings that mark a part to tap grow with the words beside them.
        theme.diagram.marker_pt *= scale;
        theme.diagram.marker_max_pt *= scale;
        // Larger text needs a wider text column beside a figure.
        sizes.figure_column_share *= 1.0 - sizes.figure_share_text_give * (scale - 1.0);
        if high_contrast {
            theme.colors = self.high_contrast.clone();
        }
        theme
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn larger_text_scales_text_and_its_holders_only() {
        let theme = Theme::bundled();
        let large = theme.for_reader(TextSize::Large, false);
        let extra = theme.for_reader(TextSize::ExtraLarge, false);
        assert_eq!(theme.for_reader(TextSize::Normal, false), theme);
        assert!(large.sizes.body_pt > theme.sizes.body_pt);
        assert!(extra.sizes.body_pt > large.sizes.body_pt);
        assert_eq!(
            extra.sizes.body_pt,
            theme.sizes.body_pt * theme.sizes.text_scale_extra_large
        );
        assert_eq!(extra.sizes.min_touch_pt, theme.sizes.min_touch_pt);
        assert_eq!(extra.sizes.page_margin_pt, theme.sizes.page_margin_pt);
        assert_eq!(large.colors, theme.colors);
    }

    #[test]
    fn high_contrast_swaps_the_palette_and_nothing_else() {
        let theme = Theme::bundled();
        let contrast = theme.for_reader(TextSize::Normal, true);
        assert_eq!(contrast.colors, theme.high_contrast);
        assert_ne!(contrast.colors, theme.colors);
        assert_eq!(contrast.sizes, theme.sizes);
    }
}
