//! A figure block: a diagram (with its hotspots and walk-through steps) or a picture, its
//! caption, and a button that shows it on the whole screen.
//!
//! A page's figure gets a part of the screen of its own ([`super::page`] places it): the figure
//! grows to fill what its caption and step controls leave, so the whole picture, the caption,
//! the step's words and the step buttons are always on screen together. The explanation of an
//! open hotspot is drawn apart ([`explanation_ui`]), beside or under the figure.

use egui::{Align, Layout, Ui, vec2};

use super::ScreenContext;
use crate::app::{Command, ConsultCommand};
use crate::content::diagram::Diagram;
use crate::content::model::{FigureSource, PageFigure};
use crate::diagram::{DiagramView, HotspotTap, StepAsk, StepControls};
use crate::handout::HandoutItem;
use crate::ink::Surface;
use crate::theme::Theme;
use crate::widgets::{BigButton, ButtonKind, Figure, FigureContent, Icon};

/// How a figure is fitted.
#[derive(Clone, Copy, Debug)]
pub struct FigureFit {
    /// The most the figure and everything under it may take, in points.
    pub max_height_pt: f32,
    /// Whether it is the page's figure, with the button that shows it on the whole screen
    /// (or, when enlarged, back from there): `Some(enlarged)`; `None` for a figure among the
    /// page's blocks.
    pub page_figure: Option<bool>,
    /// Drawn among the page's blocks (the explanation of its open part under it, and scrolled
    /// into view when asked), rather than on a part of the screen of its own.
    pub inline: bool,
}

/// What a figure is, as drawn.
enum Shown<'a> {
    Diagram(&'a Diagram),
    Picture(egui::TextureHandle),
    /// A diagram not in the deck, or a picture that cannot be shown: its description in a box.
    Placeholder {
        note: Option<&'a str>,
    },
}

fn shown<'a>(ui: &Ui, screen: &mut ScreenContext<'a>, source: &FigureSource) -> Shown<'a> {
    let deck = screen.deck;
    match source {
        FigureSource::Diagram(id) => match deck.diagrams.get(id) {
            Some(diagram) => Shown::Diagram(diagram),
            None => Shown::Placeholder { note: None },
        },
        FigureSource::Image(name) => {
            let path = deck.image_path(name);
            let max_side_px = screen.theme.sizes.texture_max_side_px;
            let texture = screen.images.texture(ui.ctx(), &path, max_side_px).cloned();
            match texture {
                Some(texture) => Shown::Picture(texture),
                // Still being decoded: an empty frame for a moment, not "missing".
                None if screen.images.is_loading(&path) => Shown::Placeholder { note: None },
                None => Shown::Placeholder {
                    note: Some(&screen.language.interface.picture_missing),
                },
            }
        }
    }
}

/// The figure's width over its height (the drawing's own, or the picture's).
fn aspect(shown: &Shown<'_>) -> Option<f32> {
    match shown {
        Shown::Diagram(diagram) => Some(diagram.view_box.width / diagram.view_box.height),
        Shown::Picture(texture) => {
            let [w, h] = texture.size().map(|side| side as f32);
            Some(w / h.max(1.0))
        }
        Shown::Placeholder { .. } => None,
    }
}

/// The words under the figure and the enlarge button, side by side.
struct CaptionRow<'a> {
    theme: &'a Theme,
    caption: Option<&'a str>,
    button: Option<BigButton<'a>>,
    /// The voice is reading the figure's description and caption: the caption lights.
    lit: bool,
    /// The words may go over the button in a narrow column (the enlarged figure's, which the
    /// consultation tools narrow); elsewhere the figure's room is worked out with them beside.
    may_stack: bool,
}

impl CaptionRow<'_> {
    fn button_width(&self, ui: &Ui) -> f32 {
        self.button.as_ref().map_or(0.0, |button| {
            button.size(ui).x + ui.spacing().item_spacing.x
        })
    }

    /// Whether the words go over the button rather than beside it: a narrow column would
    /// leave them a word or less a line.
    fn stacked(&self, ui: &Ui) -> bool {
        let button = self.button_width(ui);
        self.may_stack
            && self.caption.is_some()
            && button > 0.0
            && ui.available_width() - button < button
    }

    /// The caption laid out in `width`: its height.
    fn caption_height(&self, ui: &Ui, width: f32) -> f32 {
        self.caption.map_or(0.0, |caption| {
            let font = egui::FontId::proportional(self.theme.sizes.small_pt);
            ui.painter()
                .layout(
                    caption.to_owned(),
                    font,
                    self.theme.colors.text.color32(),
                    width.max(1.0),
                )
                .size()
                .y
        })
    }

    fn height(&self, ui: &Ui) -> f32 {
        let button = self.button.as_ref().map_or(0.0, |button| button.size(ui).y);
        if self.stacked(ui) {
            let text = self.caption_height(ui, ui.available_width());
            return text + ui.spacing().item_spacing.y + button;
        }
        let text = self.caption_height(ui, ui.available_width() - self.button_width(ui));
        text.max(button)
    }

    /// Draws the row; true if the button was tapped.
    fn ui(self, ui: &mut Ui) -> bool {
        let theme = self.theme;
        let caption_ui = |ui: &mut Ui, caption: Option<&str>, lit: bool| {
            if let Some(caption) = caption {
                super::text::lit_ui(ui, theme, lit, |ui| {
                    super::blocks::muted_ui(ui, theme, caption);
                });
            }
        };
        if self.stacked(ui) {
            caption_ui(ui, self.caption, self.lit);
            return self.button.is_some_and(|button| ui.add(button).clicked());
        }
        let height = self.height(ui);
        let width = ui.available_width();
        let button_width = self.button_width(ui);
        ui.allocate_ui_with_layout(
            vec2(width, height),
            Layout::right_to_left(Align::Center),
            |ui| {
                let tapped = self.button.is_some_and(|button| ui.add(button).clicked());
                ui.allocate_ui_with_layout(
                    vec2(width - button_width, height),
                    Layout::left_to_right(Align::Center),
                    |ui| caption_ui(ui, self.caption, self.lit),
                );
                tapped
            },
        )
        .inner
    }
}

/// How high the controls under a figure are at `ui`'s width: the caption row, a
/// walk-through's step controls, and consultation mode's button that adds it to the handout.
/// `hang`: they hang from the bottom of the screen, so their buttons stay put whatever the
/// step's words above them (no room is kept for the longest words).
pub fn controls_height(
    ui: &Ui,
    screen: &mut ScreenContext<'_>,
    figure: PageFigure<'_>,
    (page_figure, hang): (Option<bool>, bool),
) -> f32 {
    let shown = shown(ui, screen, figure.source);
    below_height(ui, screen, &shown, figure, (page_figure, hang))
}

fn below_height(
    ui: &Ui,
    screen: &ScreenContext<'_>,
    shown: &Shown<'_>,
    figure: PageFigure<'_>,
    (page_figure, hang): (Option<bool>, bool),
) -> f32 {
    let gap = screen.theme.sizes.item_spacing_pt;
    let mut below = caption_row(screen, figure, page_figure).height(ui);
    if let Shown::Diagram(diagram) = shown {
        if !diagram.steps.is_empty() {
            below += gap + steps(screen, diagram, hang).height(ui);
        }
        if screen.consult {
            let add = &screen.language.interface.consult.add_diagram;
            let button = BigButton::new(screen.tools_theme, add, ButtonKind::Secondary);
            below += gap + button.size(ui).y;
        }
    }
    below
}

/// How high the figure's drawing would be at `ui`'s full width with nothing else limiting it.
pub fn natural_height(ui: &Ui, screen: &mut ScreenContext<'_>, figure: PageFigure<'_>) -> f32 {
    let shown = shown(ui, screen, figure.source);
    let pad = screen.theme.sizes.card_padding_pt;
    match aspect(&shown) {
        Some(aspect) => match shown {
            Shown::Diagram(_) => (ui.available_width() - 2.0 * pad) / aspect + 2.0 * pad,
            _ => ui.available_width() / aspect,
        },
        None => screen.theme.sizes.figure_height_pt,
    }
}

/// How high the caption row under a page's figure is (`enlarged`: with Back to the page).
pub fn caption_row_height(
    ui: &Ui,
    screen: &ScreenContext<'_>,
    figure: PageFigure<'_>,
    enlarged: bool,
) -> f32 {
    caption_row(screen, figure, Some(enlarged)).height(ui)
}

/// Draws the caption row under a page's figure (`enlarged`: with Back to the page); returns
/// the command its button asks for.
pub fn caption_row_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    figure: PageFigure<'_>,
    enlarged: bool,
) -> Option<Command> {
    caption_row(screen, figure, Some(enlarged))
        .ui(ui)
        .then_some(Command::Enlarge(!enlarged))
}

fn caption_row<'a>(
    screen: &ScreenContext<'a>,
    figure: PageFigure<'a>,
    page_figure: Option<bool>,
) -> CaptionRow<'a> {
    let interface = &screen.language.interface;
    let button = page_figure.map(|enlarged| {
        let theme = screen.theme;
        if enlarged {
            BigButton::new(theme, &interface.back_to_page, ButtonKind::Secondary)
                .icon(Icon::Back)
                .compact()
        } else {
            BigButton::new(theme, &interface.enlarge, ButtonKind::Secondary)
                .icon(Icon::Enlarge)
                .compact()
        }
    });
    CaptionRow {
        theme: screen.theme,
        caption: figure.caption,
        button,
        lit: (screen.reading.as_ref())
            .is_some_and(|reading| reading.part == crate::narration::Part::Figure),
        may_stack: page_figure == Some(true),
    }
}

fn steps<'a>(screen: &ScreenContext<'a>, diagram: &'a Diagram, hang: bool) -> StepControls<'a> {
    StepControls {
        theme: screen.theme,
        interface: &screen.language.interface,
        diagram,
        words: screen.language.diagram_texts.get(&diagram.id),
        step: screen.diagram_steps.get(&diagram.id).copied().unwrap_or(0),
        reserve_longest: !hang,
        play: Some(match &screen.play {
            Some((playing, paused)) if *playing == diagram.id => {
                if *paused {
                    crate::play::PlayState::Paused
                } else {
                    crate::play::PlayState::Playing
                }
            }
            _ => crate::play::PlayState::Stopped,
        }),
    }
}

/// Draws a figure at `ui`'s width within `fit`, its controls under it; returns a command if
/// one of its parts was tapped.
pub fn figure_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    figure: PageFigure<'_>,
    fit: FigureFit,
) -> Option<Command> {
    let shown = shown(ui, screen, figure.source);
    let gap = screen.theme.sizes.item_spacing_pt;
    let below = below_height(ui, screen, &shown, figure, (fit.page_figure, false)) + gap;
    let drawing_pt = (fit.max_height_pt - below).max(screen.theme.sizes.min_touch_pt);
    let mut command = None;
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = gap;
        command = drawing_ui(ui, screen, figure, drawing_pt, fit.inline);
        if let Some(asked) = controls_ui(ui, screen, figure, (fit.page_figure, false)) {
            command = Some(asked);
        }
        if fit.inline
            && let Some((card, close)) = explanation_ui(ui, screen, figure.source)
        {
            if screen.reveal_explanation {
                // Among the blocks, a part's explanation just opened may be below the view.
                card.scroll_to_me(None);
            }
            if close.is_some() {
                command = close;
            }
        }
    });
    command
}

/// Draws only the figure itself, at most `max_height_pt` high (`inline`: among the page's
/// blocks); returns a hotspot's command.
pub fn drawing_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    figure: PageFigure<'_>,
    max_height_pt: f32,
    inline: bool,
) -> Option<Command> {
    let theme = screen.theme;
    match shown(ui, screen, figure.source) {
        Shown::Diagram(diagram) => {
            return diagram_ui(ui, screen, diagram, figure.alt, max_height_pt, inline);
        }
        Shown::Picture(texture) => {
            let content = FigureContent::Picture(&texture);
            ui.vertical_centered(|ui| {
                ui.add(Figure::new(theme, content, figure.alt).max_height(max_height_pt));
            });
        }
        Shown::Placeholder { note } => {
            let content = FigureContent::Placeholder { note };
            ui.add(Figure::new(theme, content, figure.alt).max_height(max_height_pt));
        }
    }
    None
}

/// Draws the controls under a figure (see [`controls_height`]); returns a command if one was
/// tapped.
pub fn controls_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    figure: PageFigure<'_>,
    (page_figure, hang): (Option<bool>, bool),
) -> Option<Command> {
    let gap = screen.theme.sizes.item_spacing_pt;
    let shown = shown(ui, screen, figure.source);
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = gap;
        let mut command = None;
        if caption_row(screen, figure, page_figure).ui(ui) {
            command = page_figure.map(|enlarged| Command::Enlarge(!enlarged));
        }
        if let Shown::Diagram(diagram) = &shown
            && let Some(asked) = diagram_controls_ui(ui, screen, diagram, hang)
        {
            command = Some(asked);
        }
        command
    })
    .inner
}

/// How much larger a diagram's labels are on the whole screen.
const ENLARGED_LABEL_SCALE: f32 = 1.25;

/// The drawing of a diagram with its hotspots; the explanation of an open one too when the
/// figure is among the page's blocks (a page's own figure has it drawn apart).
fn diagram_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    diagram: &Diagram,
    alt: &str,
    max_height_pt: f32,
    inline: bool,
) -> Option<Command> {
    let theme = screen.theme;
    let id = &diagram.id;
    let words = screen.language.diagram_texts.get(id);
    let open = screen
        .open_hotspot
        .as_ref()
        .filter(|open| open.diagram == *id)
        .map(|open| open.hotspot.clone());
    let step = screen.diagram_steps.get(id).copied().unwrap_or(0);
    let (deck, images) = (screen.deck, &mut *screen.images);
    let max_side_px = theme.sizes.texture_max_side_px;
    let mut picture = |ctx: &egui::Context, name: &str| {
        images
            .texture(ctx, &deck.image_path(name), max_side_px)
            .cloned()
    };
    // On the whole screen (consultation's drawing board too): labels a quarter larger, and
    // the figure zooms and pans.
    let zoomable = screen.enlarged && !inline;
    let enlarged_theme;
    let theme = if zoomable {
        let mut larger = theme.clone();
        larger.diagram.label_pt *= ENLARGED_LABEL_SCALE;
        larger.diagram.label_min_pt *= ENLARGED_LABEL_SCALE;
        enlarged_theme = larger;
        &enlarged_theme
    } else {
        super::zoom::forget_zoom(ui, id);
        theme
    };
    let view = |max_height_pt: f32| DiagramView {
        diagram,
        words,
        alt,
        max_height_pt,
        open_hotspot: open.as_deref(),
        step,
        hotspots: true,
        card: true,
    };
    let diagrams = &mut *screen.diagrams;
    let (output, clip, zoomed) = if zoomable {
        let size = vec2(ui.available_width(), max_height_pt);
        let pan = !(screen.consult && screen.ink.tool.takes_the_finger());
        let (output, viewport, zoom) = super::zoom::zoomed_ui(ui, id, size, pan, |ui, zoom| {
            // The card's padding grows with the drawing, so the point under the fingers
            // stays where it is.
            let mut zoomed = std::borrow::Cow::Borrowed(theme);
            if zoom > 1.0 {
                zoomed.to_mut().sizes.card_padding_pt *= zoom;
            }
            view(max_height_pt * zoom).ui(ui, &zoomed, diagrams, &mut picture)
        });
        (output, viewport, zoom.zoomed())
    } else {
        let output = view(max_height_pt).ui(ui, theme, diagrams, &mut picture);
        let clip = output.response.rect;
        (output, clip, false)
    };
    let command = output.tap.map(|tap| match tap {
        HotspotTap::Toggle(hotspot) => Command::ToggleHotspot {
            diagram: id.clone(),
            hotspot,
        },
        HotspotTap::Close => Command::CloseHotspot,
    });
    if screen.consult {
        // The clinician's strokes are kept in the diagram's own coordinates.
        screen.ink.areas.push(super::InkArea {
            surface: Surface::Diagram {
                id: id.clone(),
                step,
            },
            to_screen: output.to_screen,
            clip: output.response.rect.intersect(clip),
        });
    }
    if inline && screen.reveal_diagram.as_ref() == Some(id) {
        output.response.scroll_to_me(Some(Align::TOP));
    }
    // Only the part of the diagram on screen (not under the bars) takes a swipe; zoomed in, a
    // drag pans instead.
    let swipe_zone = output.response.interact_rect;
    if !diagram.steps.is_empty() && swipe_zone.is_positive() && !zoomed {
        screen.step_swipe_zones.push((swipe_zone, id.clone()));
    }
    command
}

/// Under a diagram: its step controls, consultation mode's button that adds it to the
/// handout, and (for a figure among the page's blocks) the open hotspot's explanation.
fn diagram_controls_ui(
    ui: &mut Ui,
    screen: &mut ScreenContext<'_>,
    diagram: &Diagram,
    hang: bool,
) -> Option<Command> {
    let mut command = None;
    let id = &diagram.id;
    if !diagram.steps.is_empty() {
        command = match steps(screen, diagram, hang).ui(ui) {
            Some(StepAsk::Step(forward)) => Some(Command::StepDiagram {
                diagram: id.clone(),
                forward,
            }),
            Some(StepAsk::Play(asked)) => Some(Command::Play(asked)),
            None => None,
        };
    }
    if screen.consult {
        let step = screen.diagram_steps.get(id).copied().unwrap_or(0);
        let item = HandoutItem::Diagram {
            id: id.clone(),
            step,
        };
        let words = &screen.language.interface.consult.add_diagram;
        let add = BigButton::new(screen.tools_theme, words, ButtonKind::Secondary)
            .selected(screen.ink.handout.items.contains(&item), egui::Role::Switch);
        if ui.add(add).clicked() {
            command = Some(Command::Consult(ConsultCommand::ToggleHandout(item)));
        }
    }
    command
}

/// Whether a part of the diagram `source` shows is open (its explanation showing).
pub fn explanation_open(screen: &ScreenContext<'_>, source: &FigureSource) -> bool {
    open_words(screen, source).is_some()
}

/// The words of the open hotspot of the diagram `source` shows, if one is open.
fn open_words<'a>(
    screen: &ScreenContext<'a>,
    source: &FigureSource,
) -> Option<&'a crate::content::diagram::HotspotText> {
    let FigureSource::Diagram(id) = source else {
        return None;
    };
    let open = screen
        .open_hotspot
        .as_ref()
        .filter(|open| open.diagram == *id)?;
    screen
        .language
        .diagram_texts
        .get(id)?
        .hotspots
        .get(&open.hotspot)
}

/// How high the tallest explanation of any part of the diagram `source` shows would be at
/// `ui`'s width: 0 for a picture or a diagram with no parts to open.
pub fn explanation_max_height(ui: &Ui, screen: &ScreenContext<'_>, source: &FigureSource) -> f32 {
    let FigureSource::Diagram(id) = source else {
        return 0.0;
    };
    let Some(words) = screen.language.diagram_texts.get(id) else {
        return 0.0;
    };
    let close = close_button(screen).size(ui);
    let width = ui.available_width() - close.x - ui.spacing().item_spacing.x;
    words
        .hotspots
        .values()
        .map(|text| {
            super::blocks::key_fact_height_at(ui, screen.theme, (&text.title, &text.text), width)
        })
        .fold(close.y, f32::max)
}

/// The button beside a part's explanation that closes it: a cross (its name for screen
/// readers), a finger's size, so the explanation keeps its width.
fn close_button<'a>(screen: &ScreenContext<'a>) -> BigButton<'a> {
    BigButton::new(screen.theme, "", ButtonKind::Secondary)
        .icon(Icon::Cross)
        .min_width(screen.theme.sizes.min_touch_pt)
        .accessible_label(&screen.language.interface.close_part)
        .compact()
}

/// The explanation of the open hotspot of the diagram `source` shows, if one is open: a card
/// with its title and words, and beside it a button that closes it (beside, not under: the
/// room under a figure is as high as its tallest explanation, and no higher). Returns the
/// card, and [`Command::CloseHotspot`] when the button was tapped.
pub fn explanation_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    source: &FigureSource,
) -> Option<(egui::Response, Option<Command>)> {
    let text = open_words(screen, source)?;
    let button = close_button(screen);
    let card_width = ui.available_width() - button.size(ui).x - ui.spacing().item_spacing.x;
    ui.horizontal_top(|ui| {
        let card = ui
            .allocate_ui_with_layout(vec2(card_width, 0.0), Layout::top_down(Align::Min), |ui| {
                ui.set_width(card_width);
                super::text::announced_ui(ui, egui::accesskit::Live::Polite, |ui| {
                    let lit = (screen.reading.as_ref())
                        .is_some_and(|reading| reading.part == crate::narration::Part::Hotspot);
                    super::text::lit_ui(ui, screen.theme, lit, |ui| {
                        super::blocks::key_fact_ui(ui, screen.theme, &text.title, &text.text)
                    })
                })
            })
            .inner;
        let close = ui.add(button).clicked().then_some(Command::CloseHotspot);
        (card, close)
    })
    .inner
    .into()
}
