//! A diagram on a page: scaled to fit, centred on a card, with its labels in the patient's
//! language, highlighted parts, tappable hotspots and, for a walk-through, its current step
//! (layers fade and slide between steps). Screen readers get the figure's description as an
//! image and every hotspot as a button.

use egui::epaint::Mesh;
use egui::{
    Align2, Color32, Pos2, Rect, Response, Sense, TextureHandle, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use super::DiagramCache;
use super::labels::{LabelSpot, Ring, place_labels};
use super::motion::{self, Pose};
use crate::content::diagram::{Anchor, Diagram, DiagramText, Region, Shape};
use crate::theme::Theme;

/// What a tap on a diagram asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HotspotTap {
    /// Open this hotspot, or close it if it is open.
    Toggle(String),
    /// Close the open hotspot (a tap on the diagram away from every hotspot).
    Close,
}

/// One diagram as a page shows it.
pub struct DiagramView<'a> {
    /// The drawing.
    pub diagram: &'a Diagram,
    /// Its words in the patient's language (labels are left out without them).
    pub words: Option<&'a DiagramText>,
    /// The figure's description, for screen readers.
    pub alt: &'a str,
    /// The tallest the card may be.
    pub max_height_pt: f32,
    /// The hotspot whose explanation is showing, if any.
    pub open_hotspot: Option<&'a str>,
    /// The walk-through step showing (0 for a diagram without steps).
    pub step: usize,
    /// Whether its hotspots can be tapped (and are marked); off where the diagram is only shown.
    pub hotspots: bool,
    /// Whether it is drawn on a card of its own (paper and frame); off where it is drawn on a
    /// card that is already there (the attract screen's, where diagrams cross-fade).
    pub card: bool,
}

/// What drawing a diagram produced.
pub struct DiagramOutput {
    /// The whole card.
    pub response: Response,
    /// A hotspot tap, if there was one.
    pub tap: Option<HotspotTap>,
    /// From the diagram's own coordinates to the screen, as drawn this frame.
    pub to_screen: egui::emath::RectTransform,
}

impl DiagramView<'_> {
    /// Draws the diagram as wide as the page allows. `picture` gives the texture of a picture
    /// file the diagram names (`None`: it is shown as a plain box).
    pub fn ui(
        self,
        ui: &mut Ui,
        theme: &Theme,
        cache: &mut DiagramCache,
        picture: &mut dyn FnMut(&egui::Context, &str) -> Option<TextureHandle>,
    ) -> DiagramOutput {
        let Self {
            diagram,
            words,
            alt,
            max_height_pt,
            open_hotspot,
            step,
            hotspots: tappable,
            card: on_card,
        } = self;
        let sizes = &theme.sizes;
        let tokens = &theme.diagram;
        let view = diagram.view_box;
        let width = ui.available_width();
        let pad = sizes.card_padding_pt;
        let fit = ((width - 2.0 * pad) / view.width)
            .min((max_height_pt - 2.0 * pad) / view.height)
            .max(0.01);
        let card = vec2(view.width, view.height) * fit;
        let sense = if diagram.hotspots.is_empty() || !tappable {
            Sense::hover()
        } else {
            Sense::click()
        };
        let (rect, response) = ui.allocate_exact_size(vec2(width, card.y + 2.0 * pad), sense);
        // A picture without a description is decoration (a home tile's): screen readers skip it.
        if !alt.is_empty() {
            response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, alt));
        }
        let mut tap = (response.clicked() && open_hotspot.is_some()).then_some(HotspotTap::Close);
        let visible = diagram.visible_layers(step);
        // Each layer's motion, unless the theme asks for less motion (then every layer fades).
        let motions: Vec<Option<&crate::content::diagram::Motion>> = diagram
            .layers
            .iter()
            .map(|layer| layer.motion.as_ref().filter(|_| !sizes.less_motion))
            .collect();
        // How far each layer is in: 0 hidden, 1 shown, between while a step animates (a layer
        // that moves takes longer than one that fades).
        let shown: Vec<f32> = visible
            .iter()
            .zip(&motions)
            .enumerate()
            .map(|(index, (&on, motion))| {
                if diagram.steps.is_empty() {
                    f32::from(u8::from(on))
                } else {
                    let secs = if motion.is_some() {
                        sizes.motion_secs
                    } else {
                        sizes.step_animation_secs
                    };
                    // egui asks for repaints only while the value is still moving.
                    ui.ctx().animate_bool_with_time(
                        ui.scope_id().with(("diagram-layer", &diagram.id, index)),
                        on,
                        secs,
                    )
                }
            })
            .collect();
        let opacity: Vec<f32> = motions
            .iter()
            .zip(&shown)
            .map(|(motion, &amount)| motion::opacity(motion.is_some(), amount))
            .collect();
        let shown_hotspots: Vec<&crate::content::diagram::Hotspot> = diagram
            .hotspots
            .iter()
            .filter(|hotspot| {
                // A part hidden at this step cannot be tapped.
                tappable
                    && (hotspot.layers.is_empty()
                        || hotspot.layers.iter().any(|id| {
                            let index = diagram.layers.iter().position(|layer| layer.id == *id);
                            index.is_some_and(|index| visible[index])
                        }))
            })
            .collect();
        // The words of every label showing, then a layout pass that keeps them clear of one
        // another, of the rings and of the frame.
        let label_color = token_color(theme, "label", theme.colors.text.color32());
        let label_pad = sizes.stroke_pt * 2.0;
        let measure_labels = |label_pt: f32| {
            let mut words_shown = Vec::new();
            let mut label_spots = Vec::new();
            for (index, layer) in diagram.layers.iter().enumerate() {
                let amount = opacity[index];
                if amount <= 0.0 {
                    continue;
                }
                for shape in &layer.shapes {
                    let Shape::Label {
                        text,
                        at,
                        anchor,
                        leader,
                    } = shape
                    else {
                        continue;
                    };
                    let Some(text) = words.and_then(|words| words.labels.get(text)) else {
                        continue;
                    };
                    let galley = ui.painter().layout_no_wrap(
                        text.clone(),
                        egui::FontId::proportional(label_pt),
                        label_color,
                    );
                    let align = match anchor {
                        Anchor::Left => Align2::LEFT_CENTER,
                        Anchor::Center => Align2::CENTER_CENTER,
                        Anchor::Right => Align2::RIGHT_CENTER,
                    };
                    let size = galley.size() + Vec2::splat(2.0 * label_pad);
                    label_spots.push(DrawingSpot {
                        spot: LabelSpot {
                            size,
                            // The paper box reaches past the words' own edge.
                            at: Pos2::ZERO + vec2(label_pad * align.x().to_sign(), 0.0),
                            align,
                            leader: None,
                        },
                        at: pos2(at.0, at.1),
                        leader: leader.map(|(x, y)| pos2(x, y)),
                    });
                    words_shown.push(ShownLabel {
                        text,
                        galley,
                        opacity: amount,
                        layer: index,
                        at: pos2(at.0, at.1),
                    });
                }
            }
            (words_shown, label_spots)
        };
        // The drawing as large as it fits, or smaller where its labels need the room: at a large
        // text size the words grow and the drawing gives way, so no label collides.
        let arrange = |scale: f32, label_spots: &[DrawingSpot]| {
            let drawing = vec2(view.width, view.height) * scale;
            let origin = pos2(
                rect.center().x - drawing.x / 2.0,
                rect.top() + pad + (card.y - drawing.y) / 2.0,
            );
            let rings: Vec<Ring> = shown_hotspots
                .iter()
                .map(|hotspot| {
                    let region = region_of(hotspot, scale).translate(origin.to_vec2());
                    let (center, radius) = marker_of(hotspot, region, tokens);
                    Ring {
                        center,
                        radius: radius + MARKER_EDGE * tokens.line_pt,
                    }
                })
                .collect();
            let spots: Vec<LabelSpot> = label_spots
                .iter()
                .map(|spot| LabelSpot {
                    at: spot.spot.at + (origin + spot.at.to_vec2() * scale).to_vec2(),
                    leader: spot.leader.map(|end| origin + end.to_vec2() * scale),
                    ..spot.spot
                })
                .collect();
            let frame = rect.shrink(sizes.stroke_pt);
            let labels = place_labels(frame, &rings, &spots, sizes.stroke_pt * 2.0);
            (scale, origin, labels)
        };
        // Never so small that two parts' touch areas (the minimum touch size each) overlap.
        let min_touch = sizes.min_touch_pt;
        let touches_clear = |scale: f32| {
            let touches: Vec<Rect> = shown_hotspots
                .iter()
                .map(|hotspot| touch_area(region_of(hotspot, scale), min_touch))
                .collect();
            touches.iter().enumerate().all(|(i, a)| {
                touches[i + 1..]
                    .iter()
                    .all(|b| !a.shrink(0.5).intersects(b.shrink(0.5)))
            })
        };
        // Where no such size clears the labels (a small screen), the labels win: crowded
        // touch areas are then split between neighbours. Where even the smallest drawing
        // leaves no room, the words step down towards the normal size (never below the least
        // label size).
        let mut sizes_pt = vec![tokens.label_pt];
        while let Some(&last) = sizes_pt.last()
            && last * 0.88 >= tokens.label_min_pt
            && sizes_pt.len() < 4
        {
            sizes_pt.push(last * 0.88);
        }
        let search = |label_pt: f32| {
            let (words_shown, label_spots) = measure_labels(label_pt);
            let mut chosen = arrange(fit, &label_spots);
            for keep_touch in [true, false] {
                for factor in [0.92, 0.85, 0.78, 0.72, 0.66, 0.6] {
                    if chosen.2.conflict == 0.0 || (keep_touch && !touches_clear(fit * factor)) {
                        break;
                    }
                    let smaller = arrange(fit * factor, &label_spots);
                    if smaller.2.conflict < chosen.2.conflict {
                        chosen = smaller;
                    }
                }
            }
            (chosen, words_shown)
        };
        // The search is pure: the same drawing, words, step and room give the same answer, so
        // it runs once and the frames after reuse it (moved with the card as it scrolls).
        let memo_id = ui.scope_id().with(("diagram-labels", &diagram.id));
        let key = LabelLayoutKey {
            diagram,
            words,
            opacity: &opacity,
            hotspots: &shown_hotspots,
            room: (rect.size(), fit, ui.ctx().pixels_per_point()),
            sizes: [
                tokens.label_pt,
                tokens.label_min_pt,
                tokens.marker_pt,
                tokens.marker_max_pt,
                tokens.line_pt,
                sizes.stroke_pt,
                min_touch,
            ],
        }
        .hash();
        let remembered = ui
            .data(|data| data.get_temp::<LabelLayoutMemo>(memo_id))
            .filter(|memo| memo.key == key);
        let (scale, origin, labels, words_shown) = if let Some(memo) = remembered {
            let (words_shown, _) = measure_labels(memo.label_pt);
            let shift = rect.min.to_vec2();
            let labels = memo
                .labels
                .into_iter()
                .map(|label| label.translate(shift))
                .collect();
            (memo.scale, memo.origin + shift, labels, words_shown)
        } else {
            let mut label_pt = tokens.label_pt;
            let (mut chosen, mut words_shown) = search(label_pt);
            for smaller_pt in sizes_pt.into_iter().skip(1) {
                if chosen.2.conflict == 0.0 {
                    break;
                }
                let (smaller, words) = search(smaller_pt);
                if smaller.2.conflict < chosen.2.conflict {
                    (chosen, words_shown, label_pt) = (smaller, words, smaller_pt);
                }
            }
            let (scale, origin, placement) = chosen;
            let shift = -rect.min.to_vec2();
            ui.data_mut(|data| {
                data.insert_temp(
                    memo_id,
                    LabelLayoutMemo {
                        key,
                        label_pt,
                        scale,
                        origin: origin + shift,
                        labels: placement
                            .labels
                            .iter()
                            .cloned()
                            .map(|label| label.translate(shift))
                            .collect(),
                    },
                );
            });
            (scale, origin, placement.labels, words_shown)
        };
        let drawing = vec2(view.width, view.height) * scale;
        let to_screen = egui::emath::RectTransform::from_to(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(view.width, view.height)),
            Rect::from_min_size(origin, drawing),
        );

        // Hotspots are buttons even while scrolled out of sight, so screen readers (and
        // tests) can find them and scroll them into view.
        // Where each layer is while it moves into place (the labels were placed where the
        // layers end up, and move with them).
        let poses: Vec<Pose> = motions
            .iter()
            .zip(&shown)
            .map(|(motion, &amount)| {
                motion.map_or(Pose::IDENTITY, |motion| {
                    Pose::of(motion, amount, origin, scale)
                })
            })
            .collect();
        // A part's ring and touch area travel with the part while it moves (the C-arm rolling
        // in), rather than wait where it will end up.
        let travel = |hotspot: &crate::content::diagram::Hotspot, at: Pos2| {
            (hotspot.layers.iter())
                .filter_map(|id| diagram.layers.iter().position(|layer| layer.id == *id))
                .map(|index| poses[index].apply(at) - at)
                .find(|shift| *shift != Vec2::ZERO)
                .unwrap_or(Vec2::ZERO)
        };
        let mut hotspots = Vec::new();
        let mut touches = Vec::new();
        for hotspot in shown_hotspots.iter().copied() {
            let region = region_of(hotspot, scale).translate(origin.to_vec2());
            let region = region.translate(travel(hotspot, region.center()));
            // A finger finds the part on its marker too (beside a large part).
            let (center, radius) = marker_of(hotspot, region, tokens);
            let outer = radius + MARKER_EDGE * tokens.line_pt;
            let ring = Rect::from_center_size(center, Vec2::splat(2.0 * outer));
            // Never past the card's edge (a part drawn at the edge of the drawing).
            touches.push(touch_area(region, min_touch).union(ring).intersect(rect));
            hotspots.push((hotspot, region));
        }
        // Drawn small, neighbours' touch areas would overlap: each keeps its own side.
        separate_touch_areas(&mut touches);
        let mut tappable_hotspots = Vec::new();
        for ((hotspot, region), touch) in hotspots.into_iter().zip(touches) {
            let title = words
                .and_then(|words| words.hotspots.get(&hotspot.id))
                .map_or(hotspot.id.as_str(), |text| text.title.as_str());
            let id = ui.scope_id().with(("hotspot", &diagram.id, &hotspot.id));
            let hotspot_response = ui.interact(touch, id, Sense::click());
            let is_open = open_hotspot == Some(hotspot.id.as_str());
            hotspot_response
                .widget_info(|| WidgetInfo::selected(egui::Role::Button, true, is_open, title));
            if hotspot_response.clicked() {
                tap = Some(HotspotTap::Toggle(hotspot.id.clone()));
            }
            tappable_hotspots.push((hotspot, region, is_open));
        }
        let hotspots = tappable_hotspots;
        if !ui.is_rect_visible(rect) {
            return DiagramOutput {
                response,
                tap,
                to_screen,
            };
        }
        let painter = ui.painter_at(rect);
        if on_card {
            painter.rect(
                rect,
                sizes.corner_radius_pt,
                token_color(theme, "paper", theme.colors.surface.color32()),
                egui::Stroke::new(sizes.stroke_pt, theme.colors.border.color32()),
                egui::StrokeKind::Inside,
            );
        }

        let open = open_hotspot.and_then(|id| diagram.hotspots.iter().find(|h| h.id == id));
        // A tapped part glows alone; otherwise the step's new parts glow.
        let glowing: &[String] = match (open, diagram.steps.get(step)) {
            (Some(hotspot), _) => &hotspot.layers,
            (None, Some(step)) => &step.highlight,
            (None, None) => &[],
        };
        let highlighted = |layer: &str| glowing.iter().any(|id| id == layer);
        let place =
            |index: usize, (x, y): (f32, f32)| poses[index].apply(origin + vec2(x, y) * scale);
        let max_side_px = ui.input(|input| input.max_texture_side) as u32;
        let meshes = cache.layers(ui.ctx(), diagram, tokens, scale, origin, max_side_px);
        for (index, layer) in diagram.layers.iter().enumerate() {
            let (amount, pose) = (opacity[index], &poses[index]);
            if amount <= 0.0 {
                continue;
            }
            if highlighted(&layer.id)
                && let Some(Some(halo)) = meshes.halos.get(index)
            {
                painter.add(fade(halo, amount, pose));
            }
            if let Some(mesh) = meshes.layers.get(index) {
                painter.add(fade(mesh, amount, pose));
            }
            for (texture, area) in meshes.grids.get(index).into_iter().flatten() {
                painter.image(
                    texture.id(),
                    area.translate(pose.apply(area.center()) - area.center()),
                    Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                    Color32::WHITE.gamma_multiply(amount),
                );
            }
            // Pictures keep their layer's place in the drawing order.
            for (file, min, size) in layer.shapes.iter().filter_map(|shape| match shape {
                Shape::Image { file, min, size } => Some((file, min, size)),
                _ => None,
            }) {
                let area = Rect::from_min_max(
                    place(index, *min),
                    place(index, (min.0 + size.0, min.1 + size.1)),
                );
                match picture(ui.ctx(), file) {
                    Some(texture) => {
                        painter.image(
                            texture.id(),
                            area,
                            Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0)),
                            Color32::WHITE.gamma_multiply(amount),
                        );
                    }
                    // A picture that cannot be read leaves a calm empty frame.
                    None => {
                        painter.rect(
                            area,
                            sizes.corner_radius_pt / 2.0,
                            theme.colors.background.color32().gamma_multiply(amount),
                            egui::Stroke::new(sizes.stroke_pt, theme.colors.border.color32()),
                            egui::StrokeKind::Inside,
                        );
                    }
                }
            }
        }

        let label_paper = token_color(theme, "paper", theme.colors.surface.color32());
        let leader_color = token_color(theme, "leader", theme.colors.text_muted.color32());
        let line = tokens.line_pt;
        for ((shown_label, label), index) in words_shown.into_iter().zip(labels).zip(0..) {
            let ShownLabel {
                text,
                galley,
                opacity: amount,
                layer,
                at,
            } = shown_label;
            if !label.shown {
                continue;
            }
            // A label of a moving layer moves with it.
            let at = origin + at.to_vec2() * scale;
            let shift = poses[layer].apply(at) - at;
            let label = label.translate(shift);
            let leader = leader_color.gamma_multiply(amount);
            for &(start, end) in &label.leader {
                painter.line_segment([start, end], egui::Stroke::new(line * 0.8, leader));
            }
            if let Some(dot) = label.dot {
                painter.circle_filled(dot, line * 1.5, leader);
            }
            // A soft paper box keeps the words readable over any drawing.
            painter.rect_filled(
                label.rect,
                sizes.corner_radius_pt / 2.0,
                label_paper.gamma_multiply(0.85 * amount),
            );
            painter.galley(
                label.rect.min + Vec2::splat(label_pad),
                galley,
                label_color.gamma_multiply(amount),
            );
            // Screen readers (and tests) find each label where it is drawn.
            let id = ui.scope_id().with(("diagram-label", &diagram.id, index));
            ui.interact(label.rect, id, Sense::hover())
                .widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, text));
        }

        let accent = token_color(theme, "accent", theme.colors.accent.color32());
        let glow = token_color(theme, "highlight", accent);
        for (hotspot, region, is_open) in &hotspots {
            if *is_open && hotspot.layers.is_empty() {
                // Nothing to light up: ring the tapped region instead.
                let stroke = egui::Stroke::new(2.0 * line, glow);
                match hotspot.region {
                    Region::Circle(..) => {
                        painter.circle_stroke(region.center(), region.width() / 2.0, stroke);
                    }
                    Region::Rect(..) => {
                        painter.rect_stroke(*region, 8.0, stroke, egui::StrokeKind::Outside);
                    }
                }
            }
            // Every hotspot shows a marker, so nothing depends on hovering to find it: a ring
            // round the part with nothing in its middle, so the part stays in sight (a large
            // part's sits on its edge), on a pale ring that keeps it readable on any colour. An
            // open hotspot's ring glows and is drawn thicker.
            let (center, radius) = marker_of(hotspot, *region, tokens);
            let width = if *is_open { line * 2.0 } else { line };
            painter.circle_stroke(
                center,
                radius,
                egui::Stroke::new(width + line * 1.6, label_paper),
            );
            let color = if *is_open { glow } else { accent };
            painter.circle_stroke(center, radius, egui::Stroke::new(width, color));
        }
        DiagramOutput {
            response,
            tap,
            to_screen,
        }
    }
}

/// `mesh` as painted at `opacity` in `pose`; shared as it is when fully shown in place.
fn fade(mesh: &std::sync::Arc<Mesh>, opacity: f32, pose: &Pose) -> egui::Shape {
    let still = pose.is_identity();
    if opacity >= 1.0 && still {
        return egui::Shape::Mesh(std::sync::Arc::clone(mesh));
    }
    let mut mesh = Mesh::clone(mesh);
    for vertex in &mut mesh.vertices {
        if !still {
            vertex.pos = pose.apply(vertex.pos);
        }
        vertex.color = vertex.color.gamma_multiply(opacity);
    }
    egui::Shape::Mesh(std::sync::Arc::new(mesh))
}

/// A diagram colour token, or `fallback` if the palette lacks it.
fn token_color(theme: &Theme, name: &str, fallback: Color32) -> Color32 {
    theme.diagram.color(name).unwrap_or(fallback)
}

/// How far a marker's pale edge reaches past the middle of its line, in line widths (an open
/// part's, drawn thicker, included).
const MARKER_EDGE: f32 = 2.0;

/// Where a hotspot's marker ring goes and its radius (to the middle of its line), in points,
/// for the part drawn at `region`: round the whole part, with room to spare, where that takes
/// a ring at most `marker_max_pt`; else (a large part) a marker's
/// size on the part's upper right edge, which leaves the part's middle in sight.
fn marker_of(
    hotspot: &crate::content::diagram::Hotspot,
    region: Rect,
    tokens: &crate::theme::DiagramTokens,
) -> (Pos2, f32) {
    let marker = tokens.marker_pt;
    let gap = tokens.line_pt * 2.0;
    let reach = match hotspot.region {
        Region::Circle(..) => region.width() / 2.0,
        Region::Rect(..) => region.size().length() / 2.0,
    };
    if reach + gap <= tokens.marker_max_pt {
        return (region.center(), (reach + gap).max(marker));
    }
    let edge = match hotspot.region {
        Region::Circle(..) => region.center() + vec2(1.0, -1.0).normalized() * reach,
        Region::Rect(..) => region.right_top(),
    };
    (edge, marker)
}

/// Cuts touch areas that overlap apart, between their centres, along the axis on which the
/// centres are further apart; each keeps its centre.
fn separate_touch_areas(touches: &mut [Rect]) {
    for i in 0..touches.len() {
        for j in i + 1..touches.len() {
            let (mut a, mut b) = (touches[i], touches[j]);
            // Areas that only touch (to rounding) are left whole.
            if !a.shrink(0.5).intersects(b.shrink(0.5)) {
                continue;
            }
            let delta = b.center() - a.center();
            if delta.x.abs() >= delta.y.abs() {
                let middle = a.center().x + delta.x / 2.0;
                let (left, right) = if delta.x >= 0.0 {
                    (&mut a, &mut b)
                } else {
                    (&mut b, &mut a)
                };
                left.max.x = left.max.x.min(middle);
                right.min.x = right.min.x.max(middle);
            } else {
                let middle = a.center().y + delta.y / 2.0;
                let (upper, lower) = if delta.y >= 0.0 {
                    (&mut a, &mut b)
                } else {
                    (&mut b, &mut a)
                };
                upper.max.y = upper.max.y.min(middle);
                lower.min.y = lower.min.y.max(middle);
            }
            touches[i] = a;
            touches[j] = b;
        }
    }
}

/// Where a finger can tap a part drawn at `region`: however small the part looks, at least
/// `min_touch` square, out to whole points (so rounding never leaves it a hair under).
fn touch_area(region: Rect, min_touch: f32) -> Rect {
    let touch = Rect::from_center_size(region.center(), region.size().max(Vec2::splat(min_touch)));
    Rect::from_min_max(touch.min.floor(), touch.max.ceil())
}

/// A hotspot's region at `scale`, from the drawing's top-left corner.
fn region_of(hotspot: &crate::content::diagram::Hotspot, scale: f32) -> Rect {
    match hotspot.region {
        Region::Circle((x, y), r) => {
            Rect::from_center_size(pos2(x, y) * scale, vec2(2.0 * r, 2.0 * r) * scale)
        }
        Region::Rect((x, y), (w, h)) => Rect::from_min_size(pos2(x, y) * scale, vec2(w, h) * scale),
    }
}

/// What the label search depends on, hashed: when none of it changes, its answer is reused.
struct LabelLayoutKey<'a> {
    diagram: &'a Diagram,
    words: Option<&'a DiagramText>,
    opacity: &'a [f32],
    hotspots: &'a [&'a crate::content::diagram::Hotspot],
    /// The card's size, the drawing's largest scale and the screen's pixel density.
    room: (Vec2, f32, f32),
    /// The label, ring and line sizes and the touch size, in points.
    sizes: [f32; 7],
}

impl LabelLayoutKey<'_> {
    fn hash(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let diagram = self.diagram;
        diagram.id.hash(&mut hasher);
        let (size, fit, pixels_per_point) = self.room;
        let numbers = [
            diagram.view_box.width,
            diagram.view_box.height,
            size.x,
            size.y,
            fit,
            pixels_per_point,
        ];
        for number in numbers.iter().chain(&self.sizes) {
            number.to_bits().hash(&mut hasher);
        }
        // Which layers show, and where their labels sit (a reloaded drawing may move them).
        for (layer, &amount) in diagram.layers.iter().zip(self.opacity) {
            (amount > 0.0).hash(&mut hasher);
            for shape in &layer.shapes {
                if let Shape::Label {
                    text,
                    at,
                    anchor,
                    leader,
                } = shape
                {
                    text.hash(&mut hasher);
                    for number in [at.0, at.1] {
                        number.to_bits().hash(&mut hasher);
                    }
                    (*anchor as u8).hash(&mut hasher);
                    leader
                        .map(|(x, y)| (x.to_bits(), y.to_bits()))
                        .hash(&mut hasher);
                }
            }
        }
        if let Some(words) = self.words {
            words.labels.hash(&mut hasher);
        }
        for hotspot in self.hotspots {
            hotspot.id.hash(&mut hasher);
            let (center, extent) = match hotspot.region {
                Region::Circle(center, radius) => (center, (radius, radius)),
                Region::Rect(min, size) => (min, size),
            };
            for number in [center.0, center.1, extent.0, extent.1] {
                number.to_bits().hash(&mut hasher);
            }
        }
        hasher.finish()
    }
}

/// The label search's last answer for one diagram, in points from the card's top-left corner.
#[derive(Clone)]
struct LabelLayoutMemo {
    /// What it was the answer to.
    key: u64,
    /// The label size chosen.
    label_pt: f32,
    /// The drawing's scale chosen.
    scale: f32,
    /// The drawing's top-left corner.
    origin: Pos2,
    /// Each label's place.
    labels: Vec<super::labels::PlacedLabel>,
}

/// A label's words as measured for this frame.
struct ShownLabel<'a> {
    /// The words.
    text: &'a String,
    /// Laid out.
    galley: std::sync::Arc<egui::Galley>,
    /// How strongly its layer shows.
    opacity: f32,
    /// Its layer.
    layer: usize,
    /// Where the diagram puts it, in the drawing's own units.
    at: Pos2,
}

/// A label as the diagram puts it, in the drawing's own units, with its measured words.
struct DrawingSpot {
    /// Size and alignment (its `at` and `leader` are set per scale).
    spot: LabelSpot,
    /// Where the diagram puts it.
    at: Pos2,
    /// The point its leader line runs to.
    leader: Option<Pos2>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{ContentPaths, load_deck};

    /// Every part of every bundled diagram, drawn small, as designed and at the extra large
    /// text size, on any kiosk: its marker is a ring round the whole part with room to spare,
    /// or (a part too large to ring) a marker's size centred on the part's edge. Either way the
    /// part's middle is left in sight: a tiny part (the one red person among the dots) is never
    /// crossed by its ring.
    #[test]
    fn a_marker_rings_its_whole_part_or_sits_on_a_large_parts_edge() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let deck = load_deck(&ContentPaths::beside(root.join("content"))).expect("bundled deck");
        let theme = Theme::bundled();
        let mut ringed = Vec::new();
        for text_scale in [1.0, 1.5] {
            let mut tokens = theme.diagram.clone();
            tokens.marker_pt *= text_scale;
            tokens.marker_max_pt *= text_scale;
            let gap = tokens.line_pt * 2.0;
            for diagram in deck.diagrams.values() {
                for hotspot in &diagram.hotspots {
                    for scale in [0.3, 0.6, 1.0, 1.6, 2.5] {
                        let region = region_of(hotspot, scale).translate(vec2(40.0, 30.0));
                        let (center, radius) = marker_of(hotspot, region, &tokens);
                        let corners = [
                            region.left_top(),
                            region.right_top(),
                            region.left_bottom(),
                            region.right_bottom(),
                        ];
                        let reach = match hotspot.region {
                            Region::Circle(..) => region.width() / 2.0,
                            Region::Rect(..) => corners
                                .iter()
                                .map(|corner| corner.distance(center))
                                .fold(0.0, f32::max),
                        };
                        let what =
                            format!("{}/{} at {scale} x{text_scale}", diagram.id, hotspot.id);
                        if center == region.center() {
                            assert!(
                                radius >= reach + gap - 0.01 && radius >= tokens.marker_pt,
                                "{what}: the ring ({radius}) crosses the part ({reach})"
                            );
                            assert!(radius <= tokens.marker_max_pt + 0.01, "{what}: too big");
                            ringed.push(what);
                        } else {
                            assert!(reach + gap > tokens.marker_max_pt, "{what}: not large");
                            assert_eq!(radius, tokens.marker_pt, "{what}");
                            let on_edge = match hotspot.region {
                                Region::Circle(..) => {
                                    (center.distance(region.center()) - reach).abs() < 0.01
                                }
                                Region::Rect(..) => center == region.right_top(),
                            };
                            assert!(on_edge, "{what}: the marker is not on the part's edge");
                        }
                    }
                }
            }
        }
        // Small parts (the scope's lens, the camera) are ringed whole at full size.
        let whole = (ringed.iter())
            .filter(|what| what.ends_with(" at 1 x1"))
            .count();
        assert!(
            whole >= 3,
            "only {whole} parts are ringed whole: {ringed:?}"
        );
    }
}
