//! Design tokens: every colour, size and font, read from `assets/theme.ron`.

mod color;
mod fonts;
mod reader;
mod style;

use serde::Deserialize;

pub use color::{Rgb, contrast_ratio};
pub use fonts::{BOLD, bold_font, font_bytes, install_fonts};
pub use reader::TextSize;

/// The bundled design tokens, compiled in so the kiosk always starts with a valid theme.
const BUNDLED: &str = include_str!("../../assets/theme.ron");

/// Problems reading a design-token file.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The file is not valid RON of the expected shape.
    #[error("design tokens: {0}")]
    Parse(#[from] ron::error::SpannedError),
    /// A font is named that the kiosk does not have.
    #[error("design tokens: unknown font `{0}`; known fonts: {known}", known = fonts::KNOWN.join(", "))]
    UnknownFont(String),
}

/// Every design token.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Colours.
    pub colors: Colors,
    /// Colours of the high-contrast look a patient can switch to.
    pub high_contrast: Colors,
    /// Sizes, spaces and timings.
    pub sizes: Sizes,
    /// Diagram line weight, label size and palette.
    pub diagram: DiagramTokens,
    /// The clinician's pens in consultation mode: colours, widths and the pointer.
    pub ink: InkTokens,
    /// Sizes of the printed take-home handout.
    pub handout: HandoutTokens,
    /// Font names.
    pub fonts: Fonts,
}

/// Tokens for drawing diagrams.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramTokens {
    /// The one line weight of every outline, in points at full size.
    pub line_pt: f32,
    /// Label text size, in points at full size.
    pub label_pt: f32,
    /// The least size labels step down to where a drawing has no room for them at the
    /// patient's text size (never below this, and never below the normal size's step).
    pub label_min_pt: f32,
    /// Width of the glow around a highlighted part's outlines, in points.
    pub glow_pt: f32,
    /// Radius of a hotspot's ring marker, in points.
    pub marker_pt: f32,
    /// The largest radius of a ring drawn round a whole part, in points; a larger part's ring
    /// is a marker's size on its edge.
    pub marker_max_pt: f32,
    /// How many times larger than the others a marked dot of a dot grid is.
    pub marked_dot_scale: f32,
    /// The smallest radius of a marked dot, in points, so one in ten thousand can be found.
    pub marked_dot_min_pt: f32,
    /// The palette, by the names diagram files use.
    pub colors: std::collections::BTreeMap<String, Rgb>,
}

impl DiagramTokens {
    /// The radius of a marked dot of a dot grid whose plain dots have radius `plain`: larger by
    /// `marked_dot_scale`, and at least `marked_dot_min_pt` times `min_scale` (the output's
    /// units per point), so one marked dot in ten thousand can be found on screen and paper.
    pub fn marked_dot_radius(&self, plain: f32, min_scale: f32) -> f32 {
        (plain * self.marked_dot_scale).max(self.marked_dot_min_pt * min_scale)
    }

    /// The palette colour `name`, if there is one.
    pub fn color(&self, name: &str) -> Option<egui::Color32> {
        self.colors.get(name).map(|rgb| rgb.color32())
    }
}

/// Sizes of the take-home handout, in PDF points (1/72 inch) unless the name says otherwise.
/// Its colours are the normal look's.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoutTokens {
    /// Space between the paper's edge and the text, on every side.
    pub margin_pt: f32,
    /// Body text.
    pub body_pt: f32,
    /// Small print: the footer, captions, words under a QR code.
    pub small_pt: f32,
    /// The handout's title.
    pub title_pt: f32,
    /// Page titles and section headings.
    pub heading_pt: f32,
    /// Sub-headings within a page, and key facts.
    pub subheading_pt: f32,
    /// Line height as a multiple of the text size.
    pub line_spacing: f32,
    /// Space between blocks.
    pub block_gap_pt: f32,
    /// Space before each page or section.
    pub section_gap_pt: f32,
    /// The tallest a diagram is drawn.
    pub diagram_max_height_pt: f32,
    /// The tallest a picture is drawn.
    pub image_max_height_pt: f32,
    /// Side of a QR code, quiet zone included (at least 72: one inch).
    pub qr_side_pt: f32,
    /// How many ruled lines "My questions" has.
    pub question_lines: u32,
    /// Space between those lines.
    pub question_line_gap_pt: f32,
    /// Diagram lines, labels and ink on paper are their screen size times this (a printed
    /// point is larger than a screen's).
    pub screen_to_paper: f32,
}

/// Tokens of the clinician's ink: the same on screen and in a handout.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InkTokens {
    /// The pen colours, in the order of the colour buttons; a pen's colour is an index here.
    pub colors: Vec<Rgb>,
    /// Width of the thin pen, in points on screen.
    pub thin_pt: f32,
    /// Width of the thick pen, in points on screen.
    pub thick_pt: f32,
    /// Width of the pointer's fading trail, in points on screen.
    pub pointer_pt: f32,
    /// Colour of the pointer's trail.
    pub pointer_color: Rgb,
    /// How long the pointer's trail takes to fade, in seconds.
    pub trail_secs: f32,
}

impl InkTokens {
    /// The colour of pen colour `index` (the first colour if there is no such index; the
    /// validator of the tokens keeps at least one).
    pub fn color(&self, index: usize) -> Rgb {
        self.colors
            .get(index)
            .or_else(|| self.colors.first())
            .copied()
            .unwrap_or(Rgb([0x1B, 0x24, 0x30]))
    }

    /// The width of a pen, in points on screen.
    pub fn width_pt(&self, width: crate::ink::PenWidth) -> f32 {
        match width {
            crate::ink::PenWidth::Thin => self.thin_pt,
            crate::ink::PenWidth::Thick => self.thick_pt,
        }
    }
}

/// Colour tokens.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(missing_docs, reason = "each token is documented in assets/theme.ron")]
pub struct Colors {
    pub background: Rgb,
    pub surface: Rgb,
    pub surface_pressed: Rgb,
    pub text: Rgb,
    pub text_muted: Rgb,
    pub accent: Rgb,
    pub accent_pressed: Rgb,
    pub on_accent: Rgb,
    pub secondary: Rgb,
    pub secondary_pressed: Rgb,
    pub on_secondary: Rgb,
    pub border: Rgb,
    pub key_fact: Rgb,
    pub key_fact_border: Rgb,
    pub table_header: Rgb,
    pub table_stripe: Rgb,
    pub placeholder: Rgb,
    pub error: Rgb,
    pub qr_dark: Rgb,
    pub qr_light: Rgb,
    pub reading: Rgb,
    pub focus_ring: Rgb,
    pub right: Rgb,
    pub right_fill: Rgb,
    pub wrong: Rgb,
    pub wrong_fill: Rgb,
}

/// Size, spacing and timing tokens, in logical points unless the name says otherwise.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(
    missing_docs,
    reason = "each token is documented by its name and in assets/theme.ron"
)]
pub struct Sizes {
    pub body_pt: f32,
    pub small_pt: f32,
    pub heading_pt: f32,
    pub title_pt: f32,
    pub key_fact_pt: f32,
    pub button_text_pt: f32,
    pub tile_title_pt: f32,
    pub min_touch_pt: f32,
    pub button_height_pt: f32,
    pub button_min_width_pt: f32,
    pub bar_height_pt: f32,
    pub tile_min_height_pt: f32,
    pub tile_min_width_pt: f32,
    pub corner_radius_pt: f32,
    pub stroke_pt: f32,
    pub focus_ring_pt: f32,
    pub accent_stroke_pt: f32,
    pub content_max_width_pt: f32,
    pub home_max_width_pt: f32,
    pub page_margin_pt: f32,
    pub block_spacing_pt: f32,
    pub item_spacing_pt: f32,
    pub card_padding_pt: f32,
    pub figure_height_pt: f32,
    /// The largest side of a QR code with its quiet zone (modules snap to whole pixels).
    pub qr_side_pt: f32,
    pub texture_max_side_px: u32,
    pub swipe_min_pt: f32,
    /// How long layers take to fade when a diagram moves to another step.
    pub step_animation_secs: f32,
    /// How long a layer with a motion (the scope going in, the C-arm turning) takes to move.
    pub motion_secs: f32,
    /// Less motion: layers that would move only fade, for patients whom motion troubles.
    pub less_motion: bool,
    /// How long egui's own small animations take (a scroll bar fading in, a pressed button):
    /// each is a run of whole-screen repaints, costly under software rendering.
    pub widget_animation_secs: f32,
    /// How long each diagram shows on the attract screen.
    pub attract_switch_secs: f32,
    /// The tallest a picture on the attract screen is drawn, in points: big enough to be
    /// seen across a waiting room, leaving a portrait screen room for more than one.
    pub attract_picture_max_pt: f32,
    /// How long the attract screen's cross-fade to the next diagram takes.
    pub attract_fade_secs: f32,
    /// The most frames a second the attract screen draws while it fades.
    pub attract_fps: f32,
    pub max_click_dist_pt: f32,
    pub max_click_duration_secs: f64,
    /// Height of the bar with the language, text size and contrast buttons.
    pub tool_bar_height_pt: f32,
    /// The "A" of the smallest text size button (the others grow with their scale).
    pub text_size_glyph_pt: f32,
    /// How much larger the "large" text size is than normal.
    pub text_scale_large: f32,
    /// How much larger the "extra large" text size is than normal.
    pub text_scale_extra_large: f32,
    pub consult_panel_width_pt: f32,
    pub consult_one_bar_min_width_pt: f32,
    pub consult_side_panel_min_width_pt: f32,
    /// A page with a figure puts it beside the text when the room between the bars is at
    /// least this many times as wide as it is high; otherwise above the text.
    pub two_column_min_aspect: f32,
    /// The share of the width the figure takes beside the text.
    pub figure_column_share: f32,
    /// How much of its share the figure gives the text per unit of text scale (at x1.5, 0.2
    /// gives a tenth).
    pub figure_share_text_give: f32,
    /// The most of the height the figure takes above the text.
    pub figure_stack_share: f32,
    /// The least share of its room's height a figure's drawing takes (beside the text, or of
    /// its share above it); smaller than that, the figure goes above the text, or among the
    /// page's blocks, and scrolls with them.
    pub figure_min_share: f32,
    /// Lines of body text a page keeps beside its figure with the figure's controls under
    /// the text; with fewer, the controls go under the drawing and the text has the height.
    pub figure_text_lines: f32,
    /// The same in consultation mode, where the drawing matters more than the page's words.
    pub figure_text_lines_consult: f32,
    /// The least room a top bar keeps for its own button and title before the reading tools
    /// may join it.
    pub top_bar_title_min_pt: f32,
}

/// Font tokens: names of fonts the kiosk carries.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Body text.
    pub body: String,
    /// Headings, titles and buttons.
    pub bold: String,
}

impl Theme {
    /// Parses design tokens from RON text.
    pub fn from_ron(text: &str) -> Result<Self, ThemeError> {
        let theme: Self = ron::from_str(text)?;
        for name in [&theme.fonts.body, &theme.fonts.bold] {
            if fonts::font_bytes(name).is_none() {
                return Err(ThemeError::UnknownFont(name.clone()));
            }
        }
        Ok(theme)
    }

    /// The tokens in `assets/theme.ron` as compiled into the program.
    pub fn bundled() -> Self {
        match Self::from_ron(BUNDLED) {
            Ok(theme) => theme,
            Err(error) => panic!("assets/theme.ron is broken: {error}"),
        }
    }

    /// Puts fonts, text sizes, colours and touch settings into an egui context.
    pub fn apply(&self, ctx: &egui::Context) {
        install_fonts(ctx, &self.fonts);
        style::apply(self, ctx);
    }

    /// Puts text sizes, colours and touch settings into an egui context (the fonts must be
    /// there already).
    pub fn apply_style(&self, ctx: &egui::Context) {
        style::apply(self, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_has_every_colour_the_diagram_code_draws_with() {
        let tokens = Theme::bundled().diagram;
        for name in ["paper", "label", "leader", "accent", "highlight"] {
            assert!(tokens.color(name).is_some(), "no diagram colour {name:?}");
        }
        assert!(tokens.color("no-such-colour").is_none());
    }

    #[test]
    fn the_ink_has_four_pens_and_two_widths() {
        let ink = Theme::bundled().ink;
        assert_eq!(ink.colors.len(), 4);
        assert_eq!(ink.color(1), Rgb([0x15, 0x65, 0xC0]));
        assert_eq!(
            ink.color(99),
            ink.colors[0],
            "an unknown pen draws in the first colour"
        );
        assert!(
            ink.width_pt(crate::ink::PenWidth::Thick) > ink.width_pt(crate::ink::PenWidth::Thin)
        );
    }

    #[test]
    fn bundled_tokens_parse() {
        let theme = Theme::bundled();
        assert!(theme.sizes.min_touch_pt >= 64.0);
        assert!(theme.sizes.body_pt >= 24.0);
    }

    #[test]
    fn unknown_font_is_refused() {
        let broken = BUNDLED.replace("AtkinsonHyperlegible-Bold", "ComicSans");
        assert!(matches!(
            Theme::from_ron(&broken),
            Err(ThemeError::UnknownFont(name)) if name == "ComicSans"
        ));
    }
}
