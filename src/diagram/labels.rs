//! Where a diagram's labels go on screen: never over one another, over a hotspot's ring or out
//! of the diagram's frame, at any text size and drawing size.
//!
//! Each label starts where the diagram file puts it. If it collides there, it moves to the
//! nearest free place around that point; a callout (a label with a leader line) may also go to
//! the other side of what it names, since its line still joins them. Leader lines run from the
//! label's edge and stop at the ring of a part they point into, so a ring never reads as a
//! minus sign. Pure geometry: the caller measures the words and paints the result.

use egui::{Align2, Pos2, Rect, Vec2, vec2};

/// A hotspot's ring as drawn: labels keep clear of it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ring {
    /// Its centre on screen.
    pub center: Pos2,
    /// Its outer radius, its pale edge included, in points.
    pub radius: f32,
}

/// A label to place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSpot {
    /// The size of its words with their paper box, in points.
    pub size: Vec2,
    /// Where the diagram puts it, on screen.
    pub at: Pos2,
    /// How the words sit around `at`.
    pub align: Align2,
    /// The point its leader line runs to, on screen, if it has one.
    pub leader: Option<Pos2>,
}

/// Where a label went.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedLabel {
    /// Its paper box on screen.
    pub rect: Rect,
    /// Its leader line in pieces: from the box's edge to the point named, broken at the edges
    /// of a ring on its way (the part's own ring, beside the words), and ending at a ring's
    /// edge where the point named is inside one.
    pub leader: Vec<(Pos2, Pos2)>,
    /// Where a dot marks the point named (none where the line ends at a ring).
    pub dot: Option<Pos2>,
    /// Whether it is drawn: a label with no free place anywhere (a drawing too small for all
    /// its words) is left out rather than drawn over another label or a ring.
    pub shown: bool,
}

impl PlacedLabel {
    /// The label moved by `shift`, line and dot with it (as its layer moves into place).
    pub fn translate(self, shift: Vec2) -> Self {
        if shift == Vec2::ZERO {
            return self;
        }
        Self {
            rect: self.rect.translate(shift),
            leader: self
                .leader
                .into_iter()
                .map(|(start, end)| (start + shift, end + shift))
                .collect(),
            dot: self.dot.map(|dot| dot + shift),
            shown: self.shown,
        }
    }
}

/// How far, in label heights and half widths, a label may move from its place.
const STEPS_Y: [f32; 13] = [
    0.0, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0, -2.0, 3.0, -3.0, 4.0, -4.0,
];
const STEPS_X: [f32; 13] = [
    0.0, 0.05, -0.05, 0.1, -0.1, 0.15, -0.15, 0.25, -0.25, 0.5, -0.5, 1.0, -1.0,
];

/// The labels placed, in the order given, and how badly the worst placed of them still
/// collides (0: none does).
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// Each label's place.
    pub labels: Vec<PlacedLabel>,
    /// The sum of what still collides; 0 when every label is clear.
    pub conflict: f32,
}

/// Places `spots` inside `frame`, clear of `rings` and of each other by `gap` points. Labels
/// without a leader line are placed first (they belong to their place), then callouts.
pub fn place_labels(frame: Rect, rings: &[Ring], spots: &[LabelSpot], gap: f32) -> Placement {
    let mut total = 0.0;
    let mut placed: Vec<Option<PlacedLabel>> = vec![None; spots.len()];
    let order = (0..spots.len())
        .filter(|&i| spots[i].leader.is_none())
        .chain((0..spots.len()).filter(|&i| spots[i].leader.is_some()));
    let inside = frame.shrink(gap);
    for index in order {
        let spot = spots[index];
        let others: Vec<Rect> = (placed.iter().flatten())
            .filter(|label| label.shown)
            .map(|label| label.rect)
            .collect();
        // A ring on the way from the words to the part is the part's own, beside its words.
        let own = spot.leader.and_then(|end| {
            rings
                .iter()
                .filter(|ring| segment_distance(spot.at, end, ring.center) <= ring.radius)
                .min_by(|a, b| {
                    a.center
                        .distance(spot.at)
                        .total_cmp(&b.center.distance(spot.at))
                })
                .copied()
        });
        let mut best: Option<(f32, f32, PlacedLabel)> = None;
        for (cost, rect) in candidates(&spot, own.is_some()) {
            let rect = clamp_into(rect, inside);
            let label = with_leader(rect, spot.leader, own, rings);
            let conflict = conflict(&label, inside, rings, &others, gap);
            let better = best
                .as_ref()
                .is_none_or(|(c, k, _)| (conflict, cost) < (*c, *k));
            if better {
                best = Some((conflict, cost, label));
            }
            if conflict == 0.0 {
                break;
            }
        }
        if let Some((conflict, _, label)) = &mut best {
            total += *conflict;
            label.shown = *conflict == 0.0;
        }
        placed[index] = best.map(|(_, _, label)| label);
    }
    let labels = placed
        .into_iter()
        .zip(spots)
        .map(|(label, spot)| {
            label.unwrap_or(PlacedLabel {
                rect: spot.align.anchor_size(spot.at, spot.size),
                leader: Vec::new(),
                dot: None,
                shown: true,
            })
        })
        .collect();
    Placement {
        labels,
        conflict: total,
    }
}

/// Every place a label may take, nearest first, with how far each is from its own place. A
/// label with a ring of its own stays on its side of it.
fn candidates(spot: &LabelSpot, has_ring: bool) -> Vec<(f32, Rect)> {
    let home = spot.align.anchor_size(spot.at, spot.size);
    let mut bases = vec![(0.0, home)];
    if let Some(end) = spot.leader.filter(|_| !has_ring) {
        // The other side of what it names, as far from it.
        let mirrored = Align2([spot.align.x().flipped(), spot.align.y()]);
        let at = Pos2::new(2.0 * end.x - spot.at.x, spot.at.y);
        bases.push((spot.size.x * 0.5, mirrored.anchor_size(at, spot.size)));
    }
    let mut all: Vec<(f32, Rect)> = bases
        .iter()
        .flat_map(|&(extra, base)| {
            STEPS_Y.iter().flat_map(move |&dy| {
                STEPS_X.iter().map(move |&dx| {
                    let offset = vec2(dx * spot.size.x * 0.5, dy * spot.size.y);
                    (
                        extra + offset.x.abs() + offset.y.abs(),
                        base.translate(offset),
                    )
                })
            })
        })
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    all
}

/// `rect` moved the least that puts it inside `frame` (as far as it fits).
fn clamp_into(rect: Rect, frame: Rect) -> Rect {
    let mut offset = Vec2::ZERO;
    if rect.width() <= frame.width() {
        if rect.left() < frame.left() {
            offset.x = frame.left() - rect.left();
        } else if rect.right() > frame.right() {
            offset.x = frame.right() - rect.right();
        }
    }
    if rect.height() <= frame.height() {
        if rect.top() < frame.top() {
            offset.y = frame.top() - rect.top();
        } else if rect.bottom() > frame.bottom() {
            offset.y = frame.bottom() - rect.bottom();
        }
    }
    rect.translate(offset)
}

/// The label at `rect` with its leader line to `end`: broken around its own ring (`own`) and
/// stopped at the edge of a ring the end is in.
fn with_leader(rect: Rect, end: Option<Pos2>, own: Option<Ring>, rings: &[Ring]) -> PlacedLabel {
    let Some(end) = end else {
        return PlacedLabel {
            rect,
            leader: Vec::new(),
            dot: None,
            shown: true,
        };
    };
    let mut leader = Vec::new();
    let mut from = rect.clamp(end);
    if let Some(ring) = own {
        let towards = (from - ring.center).normalized();
        leader.push((from, ring.center + towards * ring.radius));
        from = ring.center + (end - ring.center).normalized() * ring.radius;
        if ring.center.distance(end) <= ring.radius {
            return PlacedLabel {
                rect,
                leader,
                dot: None,
                shown: true,
            };
        }
    }
    match rings
        .iter()
        .find(|ring| ring.center.distance(end) <= ring.radius)
    {
        Some(ring) => {
            let towards = (from - ring.center).normalized();
            leader.push((from, ring.center + towards * ring.radius));
            PlacedLabel {
                rect,
                leader,
                dot: None,
                shown: true,
            }
        }
        None => {
            leader.push((from, end));
            PlacedLabel {
                rect,
                leader,
                dot: Some(end),
                shown: true,
            }
        }
    }
}

/// How badly a label collides: 0 when it is clear of everything.
fn conflict(label: &PlacedLabel, frame: Rect, rings: &[Ring], others: &[Rect], gap: f32) -> f32 {
    let rect = label.rect;
    let mut total = 0.0;
    // Out of the frame (only when it cannot fit at all).
    let kept = rect.intersect(frame);
    total += rect.area() - kept.area().max(0.0);
    for other in others {
        let overlap = rect.expand(gap / 2.0).intersect(other.expand(gap / 2.0));
        if overlap.is_positive() {
            total += overlap.area() + 1.0;
        }
    }
    for ring in rings {
        let reach = ring.radius + gap / 2.0;
        let near = rect.distance_to_pos(ring.center);
        if near < reach {
            total += (reach - near) * rect.height() + 1.0;
        }
        // A leader line must not run through a ring.
        for &(start, end) in &label.leader {
            if segment_distance(start, end, ring.center) < ring.radius - 0.5 {
                total += ring.radius * ring.radius;
            }
        }
    }
    total
}

/// The distance from `point` to the segment from `a` to `b`.
fn segment_distance(a: Pos2, b: Pos2, point: Pos2) -> f32 {
    let along = b - a;
    let length = along.length_sq();
    if length == 0.0 {
        return a.distance(point);
    }
    let t = ((point - a).dot(along) / length).clamp(0.0, 1.0);
    (a + along * t).distance(point)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    fn spot(at: Pos2, leader: Option<Pos2>) -> LabelSpot {
        LabelSpot {
            size: vec2(100.0, 30.0),
            at,
            align: Align2::LEFT_CENTER,
            leader,
        }
    }

    #[test]
    fn labels_at_one_place_move_apart_and_stay_in_the_frame() {
        let frame = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let spots = [
            spot(pos2(350.0, 150.0), None),
            spot(pos2(350.0, 150.0), None),
        ];
        let placed = place_labels(frame, &[], &spots, 4.0).labels;
        assert!(!placed[0].rect.intersects(placed[1].rect), "{placed:?}");
        for label in &placed {
            assert!(
                frame.contains_rect(label.rect),
                "{label:?} leaves the frame"
            );
        }
    }

    #[test]
    fn a_label_keeps_clear_of_a_ring_and_its_leader_stops_at_the_ring() {
        let frame = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let ring = Ring {
            center: pos2(120.0, 150.0),
            radius: 20.0,
        };
        let spots = [spot(pos2(100.0, 150.0), Some(ring.center))];
        let placed = place_labels(frame, &[ring], &spots, 4.0).labels;
        let label = &placed[0];
        assert!(
            label.rect.distance_to_pos(ring.center) >= ring.radius,
            "{label:?}"
        );
        let Some(&(_, end)) = label.leader.last() else {
            panic!("the callout keeps its leader line");
        };
        assert_eq!(label.dot, None, "no dot inside the ring");
        assert!(
            (end.distance(ring.center) - ring.radius).abs() < 0.01,
            "{end:?}"
        );
    }

    #[test]
    fn a_leader_is_broken_around_the_ring_beside_its_words() {
        let frame = Rect::from_min_size(Pos2::ZERO, vec2(600.0, 300.0));
        let ring = Ring {
            center: pos2(240.0, 150.0),
            radius: 20.0,
        };
        let part = pos2(400.0, 150.0);
        let spots = [LabelSpot {
            align: Align2::RIGHT_CENTER,
            ..spot(pos2(200.0, 150.0), Some(part))
        }];
        let placed = place_labels(frame, &[ring], &spots, 4.0).labels;
        let label = &placed[0];
        assert!(
            label.rect.right() <= ring.center.x - ring.radius,
            "words stay beside the ring"
        );
        assert_eq!(label.leader.len(), 2, "{label:?}");
        for &(a, b) in &label.leader {
            assert!(
                segment_distance(a, b, ring.center) >= ring.radius - 0.5,
                "{label:?}"
            );
        }
        assert_eq!(label.dot, Some(part));
    }

    #[test]
    fn a_label_with_room_stays_where_the_diagram_puts_it() {
        let frame = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 300.0));
        let spots = [spot(pos2(50.0, 50.0), None)];
        let placed = place_labels(frame, &[], &spots, 4.0).labels;
        assert_eq!(
            placed[0].rect,
            Align2::LEFT_CENTER.anchor_size(pos2(50.0, 50.0), spots[0].size)
        );
    }
}
