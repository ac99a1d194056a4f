//! One file per screen. Each draws itself and returns the [`Command`] a tap asked for.

mod attract;
mod back_soon;
mod blocks;
mod consult_tools;
mod content_errors;
mod figure;
mod figure_page;
mod focus_ring;
mod handout;
mod handout_preview;
mod home;
mod index;
mod ink_layer;
mod keyboard;
mod layout;
mod listen_controls;
mod page;
mod quiz;
mod staff;
mod still_there;
mod text;
mod thumbnail;
mod tool_bar;
mod zoom;

use consult_tools::consult_tools_ui;
use tool_bar::{bottom_tool_bar_ui, tool_bar_ui, top_bar_ui};

pub use attract::attract_ui;
pub use back_soon::{BACK_SOON_WORDS, back_soon_ui};
pub use content_errors::content_errors_ui;
pub use focus_ring::focus_ring_ui;
pub use handout::{HandoutDeskView, handout_ui};
pub use home::home_ui;
pub use index::index_ui;
pub use page::page_ui;
pub use quiz::{QuizAnswers, quiz_ui};
pub use staff::{StaffInfo, staff_ui};
pub use still_there::{give_focus_back, still_there_ui};

use crate::content::{Deck, Language};
use crate::diagram::DiagramCache;
use crate::images::ImageCache;
use crate::theme::Theme;

#[cfg(doc)]
use crate::app::Command;

/// What every screen draws from.
pub struct ScreenContext<'a> {
    /// Speech mode: a keypad user moves by focus, so a new page's title takes it.
    pub keypad: bool,
    /// The sentence being read aloud, to light.
    pub reading: Option<crate::app::ReadingNow>,
    /// The voice has just moved on to that sentence: scroll it into view if it is not (a
    /// patient following along must not lose it below the screen's edge).
    pub reveal_reading: bool,
    /// What the Listen controls show, and the volume.
    pub listen: (crate::app::ListenState, u8),
    /// The walk-through playing itself (its diagram id) and whether it is paused.
    pub play: Option<(String, bool)>,
    /// Listen goes on to the next page at a page's end.
    pub keep_reading: bool,
    /// Design tokens.
    pub theme: &'a Theme,
    /// Design tokens for consultation mode's own controls: always the normal text size.
    pub tools_theme: &'a Theme,
    /// The whole deck.
    pub deck: &'a Deck,
    /// The language being shown.
    pub language: &'a Language,
    /// Decoded pictures.
    pub images: &'a mut ImageCache,
    /// Tessellated diagrams.
    pub diagrams: &'a mut DiagramCache,
    /// The diagram hotspot that is open, if any.
    pub open_hotspot: Option<crate::app::OpenHotspot>,
    /// Set on the frame after a hotspot opened: scroll its explanation into view.
    pub reveal_explanation: bool,
    /// A diagram to scroll into view on this frame, by id.
    pub reveal_diagram: Option<String>,
    /// The page's figure is on the whole screen.
    pub enlarged: bool,
    /// The step of each walk-through diagram, by diagram id (absent: the first step).
    pub diagram_steps: &'a std::collections::BTreeMap<String, usize>,
    /// Consultation mode: a mark on screen, and the index in the tool bar.
    pub consult: bool,
    /// The text size the patient chose.
    pub text_size: crate::theme::TextSize,
    /// Whether the patient chose the high-contrast look.
    pub high_contrast: bool,
    /// Filled while drawing: where walk-through diagrams are on screen, so a swipe that starts
    /// on one moves its steps instead of turning the page.
    pub step_swipe_zones: Vec<(egui::Rect, String)>,
    /// Consultation mode's drawings, tools and handout (empty and unused for patients).
    pub ink: InkContext<'a>,
}

/// What screens draw consultation mode's ink and handout from.
pub struct InkContext<'a> {
    /// Every drawing.
    pub strokes: &'a crate::ink::InkSet,
    /// What a finger on the page does.
    pub tool: crate::ink::InkTool,
    /// The pen's colour and width.
    pub pen: crate::ink::Pen,
    /// The handout being built.
    pub handout: &'a crate::handout::Handout,
    /// Filled while drawing: where each surface that can be drawn on is on screen.
    pub areas: Vec<InkArea>,
    /// Where the on-screen keyboard writes, while it shows.
    pub typing: Option<crate::app::TypingInto>,
}

/// Where a surface that can be drawn on is on screen this frame.
#[derive(Clone, Debug)]
pub struct InkArea {
    /// The surface.
    pub surface: crate::ink::Surface,
    /// From the surface's own coordinates to the screen.
    pub to_screen: egui::emath::RectTransform,
    /// Its strokes are clipped to this (the diagram's card, or the page's view).
    pub clip: egui::Rect,
}

impl ScreenContext<'_> {
    /// The picture of a topic's tile, if it has one that can be shown.
    pub fn topic_icon(
        &mut self,
        ctx: &egui::Context,
        topic: &crate::content::model::Topic,
    ) -> Option<egui::TextureHandle> {
        let path = self.deck.image_path(topic.icon.as_deref()?);
        self.images
            .texture(ctx, &path, self.theme.sizes.texture_max_side_px)
            .cloned()
    }
}
