//! What a person would see go wrong on a screen: two things drawn over each other, a control or
//! a line of text cut off, a control off the screen. Read from a frame's painted shapes (what
//! shows where once each is clipped, and what is painted over what) and its AccessKit tree
//! (what the controls and figures are and what they are called), never from what the screens
//! meant to draw: a scroll area that does not clip, or a region that runs into the next one,
//! shows here as it shows on the glass.

mod walk;

pub use walk::{KIOSK_SCREENS, KioskScreen, Reading, ScreenProblems, explain, walk};

use egui::accesskit::{Node, Role, TreeUpdate};
use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Shape};
use egui::{Pos2, Rect};

/// Two shapes closer than this (points) on both axes are not counted as overlapping: edges
/// that touch, and the antialiasing fringe.
const TOLERANCE_PT: f32 = 1.0;

/// How much of something may go past its region's edge before it counts as cut: a glyph's
/// antialiased fringe, drawn a pixel or two outside its box.
const CUT_TOLERANCE_PT: f32 = 3.0;

/// How far beside its scroll area's clip a scroll bar may be drawn.
const SCROLL_BAR_ROOM_PT: f32 = 24.0;

/// An opaque rectangle at least this big on both sides is a card that hides what it covers.
const MIN_CARD_PT: f32 = 24.0;

/// One problem on a screen, naming what a person would see.
#[derive(Clone, Debug, PartialEq)]
pub enum Finding {
    /// Two visible things drawn over each other.
    Overlap(String, String),
    /// Something partly hidden by the edge of the region it is drawn in (not a scroll area).
    Cut(String),
    /// A control wholly outside the screen, or hidden by its region, with no way to scroll to it.
    OffScreen(String),
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Overlap(a, b) => write!(f, "{a} overlaps {b}"),
            Self::Cut(a) => write!(f, "{a} is cut off"),
            Self::OffScreen(a) => write!(f, "{a} is off the screen"),
        }
    }
}

/// What kind of thing a person sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Text,
    Control,
    Figure,
}

/// One thing on the screen.
#[derive(Clone, Debug)]
struct Seen {
    kind: Kind,
    name: String,
    /// Where it is drawn, whole.
    rect: Rect,
    /// What shows of it: `rect` within its clip and the screen.
    visible: Rect,
    /// The clip it was painted with.
    clip: Rect,
    /// Painted as a ring: its centre and outer radius.
    ring: Option<(Pos2, f32)>,
    /// Where in the paint order it was painted (its frame, for a control).
    at: usize,
}

impl Seen {
    fn shows(&self) -> bool {
        self.visible.width() > TOLERANCE_PT && self.visible.height() > TOLERANCE_PT
    }

    fn label(&self) -> String {
        let kind = match self.kind {
            Kind::Text => "text",
            Kind::Control => "control",
            Kind::Figure => "figure",
        };
        let mut name: String = self.name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.chars().count() > 48 {
            name = name.chars().take(47).collect::<String>() + "…";
        }
        let r = self.rect;
        format!(
            "{kind} {name:?} ({:.0},{:.0} {:.0}x{:.0})",
            r.left(),
            r.top(),
            r.width(),
            r.height()
        )
    }
}

/// A shape as painted: flattened, in paint order.
struct Painted<'a> {
    clip: Rect,
    shape: &'a Shape,
    /// Where the layer it is on moves it (a zoomed or panned layer), clip and all.
    transform: TSTransform,
}

impl Painted<'_> {
    /// `rect` of the shape where it shows on the screen.
    fn place(&self, rect: Rect) -> Rect {
        self.transform.mul_rect(rect)
    }

    fn clip(&self) -> Rect {
        self.transform.mul_rect(self.clip)
    }
}

fn flatten<'a>(clipped: &'a ClippedShape, shape: &'a Shape, out: &mut Vec<Painted<'a>>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|shape| flatten(clipped, shape, out)),
        shape => out.push(Painted {
            clip: clipped.clip_rect,
            shape,
            transform: clipped.transform_after_tessellation,
        }),
    }
}

/// Everything a person would see go wrong on a frame of `screen` (points): its shapes, in paint
/// order, and its AccessKit tree (which must be enabled on the context).
pub fn check(shapes: &[ClippedShape], tree: Option<&TreeUpdate>, screen: Rect) -> Vec<Finding> {
    let (painted, curtain, nodes) = read(shapes, tree, screen);
    judge_painted(&painted, curtain, &nodes, screen)
}

/// A frame read: its shapes flattened in paint order, where the last dialog's backdrop is
/// among them, and the tree's nodes.
fn read<'a>(
    shapes: &'a [ClippedShape],
    tree: Option<&'a TreeUpdate>,
    screen: Rect,
) -> (Vec<Painted<'a>>, usize, Vec<&'a Node>) {
    let mut painted = Vec::new();
    for clipped in shapes {
        flatten(clipped, &clipped.shape, &mut painted);
    }
    let curtain = curtain(&painted, screen);
    let nodes: Vec<&Node> = tree
        .map(|tree| tree.nodes.iter().map(|(_, node)| node).collect())
        .unwrap_or_default();
    (painted, curtain, nodes)
}

/// Where the last dialog's backdrop over the whole screen is painted: what is under it is out
/// of play.
fn curtain(painted: &[Painted<'_>], screen: Rect) -> usize {
    painted
        .iter()
        .rposition(|p| {
            matches!(p.shape, Shape::Rect(r)
                if r.fill.a() > 0 && p.place(r.rect).contains_rect(screen.shrink(1.0)))
        })
        .unwrap_or(0)
}

/// Judges what is painted from index `curtain` on (what is under a dialog's backdrop is out
/// of play), with the controls and figures in `nodes`.
fn judge_painted(
    painted: &[Painted<'_>],
    curtain: usize,
    nodes: &[&Node],
    screen: Rect,
) -> Vec<Finding> {
    let (seen, covered, scroll_bars) = seen_painted(painted, curtain, nodes, screen);
    let mut findings = judge(&seen, &scroll_bars, screen);
    for finding in covered {
        if !findings.contains(&finding) {
            findings.push(finding);
        }
    }
    findings
}

/// Everything [`check`] sees on a frame, one line each: what it is, where, its clip; and the
/// scroll bars. For finding out why a screen has the problems it has.
pub fn describe(shapes: &[ClippedShape], tree: Option<&TreeUpdate>, screen: Rect) -> Vec<String> {
    let (painted, curtain, nodes) = read(shapes, tree, screen);
    let (seen, _, scroll_bars) = seen_painted(&painted, curtain, &nodes, screen);
    let mut lines: Vec<String> = seen
        .iter()
        .map(|item| {
            let c = item.clip;
            let clip = format!(
                "{:.0},{:.0} to {:.0},{:.0}",
                c.left(),
                c.top(),
                c.right(),
                c.bottom()
            );
            format!(
                "{}, clipped to {clip}, shape {} in paint order",
                item.label(),
                item.at
            )
        })
        .collect();
    lines.extend(
        scroll_bars
            .iter()
            .map(|bar| format!("a scroll bar at {bar:?}")),
    );
    lines
}

/// What is seen from index `curtain` on: the texts, controls and figures, what opaque cards
/// cut, and the scroll bars.
fn seen_painted(
    painted: &[Painted<'_>],
    curtain: usize,
    nodes: &[&Node],
    screen: Rect,
) -> (Vec<Seen>, Vec<Finding>, Vec<Rect>) {
    let scroll_bars: Vec<Rect> = nodes
        .iter()
        .filter(|node| node.role() == Role::ScrollBar)
        .filter_map(|node| node_rect(node))
        .collect();
    let mut seen = texts(painted, curtain, screen);
    seen.extend(controls(painted, curtain, nodes, screen));
    // A control behind everything that takes the taps anywhere (the attract screen's): what
    // matters is what is on it.
    seen.retain(|item| !(item.kind == Kind::Control && item.rect.area() >= 0.5 * screen.area()));
    // Opaque cards (a hotspot's explanation over its figure, a panel): what they wholly cover
    // is out of sight, and what they partly cover is cut by them.
    let cards: Vec<(usize, Rect)> = painted
        .iter()
        .enumerate()
        .skip(curtain)
        .filter_map(|(at, p)| match p.shape {
            Shape::Rect(r) if r.fill.a() == 255 => {
                let rect = p.place(r.rect).intersect(p.clip());
                (rect.width() >= MIN_CARD_PT && rect.height() >= MIN_CARD_PT).then_some((at, rect))
            }
            _ => None,
        })
        .collect();
    let mut covered = Vec::new();
    seen.retain(|item| {
        let over = cards.iter().filter(|(at, _)| *at > item.at);
        if over
            .clone()
            .any(|(_, card)| card.expand(TOLERANCE_PT).contains_rect(item.visible))
        {
            return false;
        }
        // (What a control draws on itself, its picture's card, is its own.)
        if over.clone().any(|(_, card)| {
            let shared = card.intersect(item.visible);
            !item.rect.expand(TOLERANCE_PT).contains_rect(*card)
                && shared.width() > TOLERANCE_PT
                && shared.height() > TOLERANCE_PT
        }) {
            covered.push(Finding::Cut(item.label()));
        }
        true
    });
    (seen, covered, scroll_bars)
}

fn node_rect(node: &Node) -> Option<Rect> {
    let b = node.bounds()?;
    Some(Rect::from_min_max(
        Pos2::new(b.x0 as f32, b.y0 as f32),
        Pos2::new(b.x1 as f32, b.y1 as f32),
    ))
}

fn node_name(node: &Node) -> String {
    node.label()
        .or_else(|| node.value())
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .unwrap_or_else(|| format!("{:?}", node.role()))
}

/// Every line of text painted with something to see.
fn texts(painted: &[Painted<'_>], curtain: usize, screen: Rect) -> Vec<Seen> {
    painted
        .iter()
        .enumerate()
        .skip(curtain)
        .filter_map(|(at, p)| {
            let Shape::Text(text) = p.shape else {
                return None;
            };
            let name = text.galley.text();
            let invisible = text.opacity_factor <= 0.05
                || text.override_text_color.is_some_and(|c| c.a() == 0)
                || text
                    .galley
                    .job
                    .sections
                    .iter()
                    .all(|s| s.format.color.a() == 0 && text.override_text_color.is_none());
            if name.trim().is_empty() || invisible {
                return None;
            }
            let rect = p.place(text.visual_bounding_rect());
            Some(Seen {
                kind: Kind::Text,
                name: name.to_owned(),
                rect,
                visible: rect.intersect(p.clip()).intersect(screen),
                clip: p.clip(),
                ring: None,
                at,
            })
        })
        .collect()
}

/// The controls and figures of the tree, each with the clip it was painted with (found from
/// its own frame or ring, else from its words); those painted under a dialog's backdrop, or
/// not painted at all, are left out.
fn controls(painted: &[Painted<'_>], curtain: usize, nodes: &[&Node], screen: Rect) -> Vec<Seen> {
    let near = |a: Rect, b: Rect| {
        (a.min.x - b.min.x).abs() <= 2.0
            && (a.min.y - b.min.y).abs() <= 2.0
            && (a.max.x - b.max.x).abs() <= 2.0
            && (a.max.y - b.max.y).abs() <= 2.0
    };
    // Where figures are drawn, and the clip of each one's card: a ring marks a part of one,
    // drawn with its card's clip (not a circle of another region that happens to lie over a
    // figure scrolled out of sight, whose parts are then not drawn at all).
    let figures: Vec<(Rect, Rect)> = (nodes.iter())
        .filter(|node| node.role() == Role::Image)
        .filter_map(|node| node_rect(node))
        .filter_map(|rect| {
            painted.iter().find_map(|p| match p.shape {
                Shape::Rect(r) if near(p.place(r.rect), rect) => Some((rect, p.clip())),
                _ => None,
            })
        })
        .collect();
    let on_figure = |ring: Rect, clip: Rect| {
        (figures.iter())
            .any(|(figure, card_clip)| figure.contains_rect(ring) && near(*card_clip, clip))
    };
    nodes
        .iter()
        .filter_map(|node| {
            let kind = match node.role() {
                Role::Image => Kind::Figure,
                Role::Button
                | Role::CheckBox
                | Role::RadioButton
                | Role::Switch
                | Role::TextInput
                | Role::MultilineTextInput
                | Role::Slider
                | Role::Link
                | Role::Tab
                | Role::ScrollBar => Kind::Control,
                _ => return None,
            };
            let rect = node_rect(node)?;
            // Its own frame; else its ring (a diagram part's marker, whatever its size, or a
            // round button); else (a control with neither) its own words. A frame first: a
            // small circle drawn over a framed control (a dialog's) is not its ring.
            let frame = || {
                painted
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(at, p)| match p.shape {
                        Shape::Rect(r) if near(p.place(r.rect), rect) => Some((at, p.clip(), None)),
                        _ => None,
                    })
            };
            let ring = || {
                painted
                    .iter()
                    .enumerate()
                    .rev()
                    .find_map(|(at, p)| match p.shape {
                        // A ring (a part's marker) lies within its button and on a figure (not a
                        // page's dots under a card that reaches into the bar); a round button
                        // fills much of it.
                        Shape::Circle(c)
                            if rect.contains(p.transform * c.center)
                                && if c.fill == egui::Color32::TRANSPARENT {
                                    let ring = p.place(c.visual_bounding_rect());
                                    node.role() == Role::Button
                                        && rect.expand(2.0).contains_rect(ring)
                                        && on_figure(ring, p.clip())
                                } else {
                                    c.radius * p.transform.scaling >= 0.3 * rect.size().min_elem()
                                } =>
                        {
                            let radius = (c.radius + c.stroke.width / 2.0) * p.transform.scaling;
                            Some((at, p.clip(), Some((p.transform * c.center, radius))))
                        }
                        _ => None,
                    })
            };
            let framed = frame().or_else(ring);
            let name = node_name(node);
            let worded = || {
                painted
                    .iter()
                    .enumerate()
                    .find_map(|(at, p)| match p.shape {
                        Shape::Text(t)
                            if words_of(&name, t.galley.text())
                                && rect
                                    .expand(2.0)
                                    .contains_rect(p.place(t.visual_bounding_rect())) =>
                        {
                            Some((at, p.clip(), None))
                        }
                        _ => None,
                    })
            };
            let (at, clip, ring) = framed.or_else(worded)?;
            if at < curtain {
                return None;
            }
            Some(Seen {
                kind,
                name,
                rect,
                visible: rect.intersect(clip).intersect(screen),
                clip,
                ring,
                at,
            })
        })
        .collect()
}

/// Whether `text` is what a control called `name` says: its name, or the start of a name
/// that adds its state ("Yes, Right answer").
fn words_of(name: &str, text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && (name == text
            || name
                .strip_prefix(text)
                .is_some_and(|rest| rest.starts_with(", ")))
}

/// Whether two visible things cover some of the same screen.
fn overlap(a: &Seen, b: &Seen) -> bool {
    let shared = a.visible.intersect(b.visible);
    if shared.width() <= TOLERANCE_PT || shared.height() <= TOLERANCE_PT {
        return false;
    }
    match (a.ring, b.ring) {
        (Some((center, radius)), None) => b.visible.distance_to_pos(center) < radius - TOLERANCE_PT,
        (None, Some((center, radius))) => a.visible.distance_to_pos(center) < radius - TOLERANCE_PT,
        (Some((ca, ra)), Some((cb, rb))) => ca.distance(cb) < ra + rb - TOLERANCE_PT,
        (None, None) => true,
    }
}

fn judge(seen: &[Seen], scroll_bars: &[Rect], screen: Rect) -> Vec<Finding> {
    // A clip that belongs to a scroll area that scrolls (its bar runs its whole height, beside
    // it), or to a part of one that its view cuts at the top or the bottom (a figure's card
    // scrolled half out of view).
    let scrolls = |clip: Rect| {
        clip != screen
            && scroll_bars.iter().any(|bar| {
                let top = (bar.top() - clip.top()).abs() <= 2.0;
                let bottom = (bar.bottom() - clip.bottom()).abs() <= 2.0;
                let within = bar.top() <= clip.top() + 2.0 && bar.bottom() >= clip.bottom() - 2.0;
                let whole = top && bottom && bar.left() < clip.right() + SCROLL_BAR_ROOM_PT;
                whole || (within && (top || bottom) && bar.left() >= clip.left())
            })
            && clip.right() > clip.left()
    };
    let mut findings = Vec::new();
    let mut add = |finding: Finding| {
        if !findings.contains(&finding) {
            findings.push(finding);
        }
    };
    for (i, a) in seen.iter().enumerate() {
        if !a.shows() {
            if a.kind == Kind::Control && !scrolls(a.clip) && !a.rect.intersects(screen) {
                add(Finding::OffScreen(a.label()));
            } else if a.kind == Kind::Control && !scrolls(a.clip) {
                add(Finding::Cut(a.label()));
            }
            continue;
        }
        let whole = a.rect.intersect(screen);
        let cut = a.visible.width() < whole.width() - CUT_TOLERANCE_PT
            || a.visible.height() < whole.height() - CUT_TOLERANCE_PT;
        let past_screen = !screen.expand(CUT_TOLERANCE_PT).contains_rect(a.rect);
        if (cut || past_screen) && !scrolls(a.clip) {
            add(Finding::Cut(a.label()));
        }
        for b in &seen[i + 1..] {
            if !b.shows() || !overlap(a, b) || belongs(a, b) || belongs(b, a) {
                continue;
            }
            add(Finding::Overlap(a.label(), b.label()));
        }
    }
    findings
}

/// Whether `part` is drawn as part of `whole`: a control's own words, a figure's own labels
/// and rings (wholly inside it), a text's own control, a control on a control wholly around
/// it. Two texts are never parts of one another.
fn belongs(part: &Seen, whole: &Seen) -> bool {
    match (part.kind, whole.kind) {
        (Kind::Text, Kind::Control) => whole.rect.expand(2.0).contains_rect(part.rect),
        (Kind::Text | Kind::Control, Kind::Figure) => {
            whole.rect.expand(TOLERANCE_PT).contains_rect(part.visible)
        }
        // A control drawn on a bigger one that takes the taps around it: the attract
        // screen's "touch anywhere", a tile's own picture.
        (Kind::Control | Kind::Figure, Kind::Control) if part.rect != whole.rect => {
            whole.rect.expand(TOLERANCE_PT).contains_rect(part.rect)
        }
        // The same widget reported twice (a figure's picture and its frame).
        (Kind::Figure, Kind::Figure) | (Kind::Control, Kind::Control) => part.rect == whole.rect,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::{
        Color32, FontId, Fonts, Stroke, StrokeKind, TextShape, text::FontDefinitions,
    };

    fn text_shape(fonts: &mut Fonts, words: &str, at: Pos2) -> Shape {
        let galley = fonts.with_pixels_per_point(1.0).layout_no_wrap(
            words.to_owned(),
            FontId::proportional(20.0),
            Color32::BLACK,
        );
        Shape::Text(TextShape::new(at, galley, Color32::BLACK))
    }

    fn clipped(clip: Rect, shape: Shape) -> ClippedShape {
        ClippedShape {
            clip_rect: clip,
            shape,
            transform_after_tessellation: TSTransform::IDENTITY,
        }
    }

    #[test]
    fn text_over_text_is_found_and_text_clipped_apart_is_not() {
        let mut fonts = Fonts::new(Default::default(), FontDefinitions::default());
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let top = Rect::from_min_max(Pos2::ZERO, Pos2::new(800.0, 300.0));
        let first = text_shape(&mut fonts, "The page's words", Pos2::new(10.0, 290.0));
        let second = text_shape(&mut fonts, "The caption", Pos2::new(10.0, 300.0));
        // Unclipped, the page's words run down into the caption.
        let found = only_finding(
            &[
                clipped(screen, first.clone()),
                clipped(screen, second.clone()),
            ],
            screen,
        );
        assert!(
            found.starts_with("text \"The page's words\"")
                && found.contains("overlaps text \"The caption\""),
            "{found}"
        );
        // Clipped to their own region, the words are cut, as in a region that cannot scroll.
        let found = only_finding(&[clipped(top, first), clipped(screen, second)], screen);
        assert!(
            found.starts_with("text \"The page's words\"") && found.ends_with("is cut off"),
            "{found}"
        );
    }

    /// What the one problem `check` finds in `shapes` says; panics unless there is one.
    fn only_finding(shapes: &[ClippedShape], screen: Rect) -> String {
        let found = check(shapes, None, screen);
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].to_string()
    }

    #[test]
    fn words_over_a_button_a_label_on_a_ring_and_a_scroll_bar_over_words_are_found() {
        let mut fonts = Fonts::new(Default::default(), FontDefinitions::default());
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let node = |role, label: &str, rect: Rect| {
            let mut node = Node::new(role);
            node.set_label(label);
            node.set_bounds(egui::accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            node
        };
        let button = Rect::from_min_size(Pos2::new(100.0, 100.0), egui::vec2(200.0, 64.0));
        let ring = Rect::from_center_size(Pos2::new(500.0, 300.0), egui::vec2(64.0, 64.0));
        let bar = Rect::from_min_size(Pos2::new(296.0, 380.0), egui::vec2(12.0, 200.0));
        let shapes = [
            Shape::Rect(egui::epaint::RectShape::filled(button, 8.0, Color32::BLUE)),
            text_shape(&mut fonts, "After surgery", Pos2::new(120.0, 120.0)),
            // The figure's card, then a part's ring on it.
            Shape::Rect(egui::epaint::RectShape::filled(
                ring.expand(40.0),
                8.0,
                Color32::WHITE,
            )),
            Shape::circle_stroke(ring.center(), 20.0, Stroke::new(4.0, Color32::BLUE)),
            // The caption runs over the bottom of the button; a label sits on the ring.
            text_shape(&mut fonts, "A caption", Pos2::new(120.0, 156.0)),
            text_shape(&mut fonts, "Lens", Pos2::new(490.0, 290.0)),
            // A label clear of the ring's circle, though inside its square.
            text_shape(&mut fonts, ".", Pos2::new(469.0, 269.0)),
            // A text column's scroll bar, run over the first letter of the caption beside it.
            Shape::Rect(egui::epaint::RectShape::filled(bar, 4.0, Color32::GRAY)),
            text_shape(&mut fonts, "Small cuts", Pos2::new(300.0, 420.0)),
        ];
        let painted: Vec<Painted<'_>> = shapes
            .iter()
            .map(|shape| Painted {
                clip: screen,
                shape,
                transform: TSTransform::IDENTITY,
            })
            .collect();
        let nodes = [
            node(Role::Button, "After surgery", button),
            // A part's ring is on its figure.
            node(Role::Image, "A drawing", ring.expand(40.0)),
            node(Role::Button, "The lens", ring),
            node(Role::ScrollBar, "", bar),
        ];
        let nodes: Vec<&Node> = nodes.iter().collect();
        let found = judge_painted(&painted, 0, &nodes, screen);
        let said: Vec<String> = found.iter().map(ToString::to_string).collect();
        let expected = [
            ("text \"A caption\"", "overlaps control \"After surgery\""),
            ("text \"Lens\"", "overlaps control \"The lens\""),
            ("text \"Small cuts\"", "overlaps control \"ScrollBar\""),
        ];
        assert!(
            said.len() == 3
                && expected.iter().all(|(first, second)| said
                    .iter()
                    .any(|line| line.starts_with(first) && line.contains(second))),
            "{said:?}"
        );
    }

    #[test]
    fn a_dialog_backdrop_puts_what_is_under_it_out_of_play() {
        let mut fonts = Fonts::new(Default::default(), FontDefinitions::default());
        let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(800.0, 600.0));
        let under = text_shape(&mut fonts, "A page", Pos2::new(100.0, 100.0));
        let over = text_shape(&mut fonts, "Still there?", Pos2::new(100.0, 100.0));
        let backdrop = Shape::Rect(egui::epaint::RectShape::new(
            screen,
            0.0,
            Color32::from_black_alpha(100),
            Stroke::NONE,
            StrokeKind::Inside,
        ));
        let shapes = [
            clipped(screen, under),
            clipped(screen, backdrop),
            clipped(screen, over),
        ];
        assert!(check(&shapes, None, screen).is_empty());
    }
}
