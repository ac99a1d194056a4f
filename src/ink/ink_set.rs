//! Every stroke of one consultation, by the surface it was drawn on, with an undo history.

use std::collections::BTreeMap;

use super::Stroke;

/// What a stroke was drawn on; its points are in this surface's coordinates.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Surface {
    /// A diagram at one walk-through step (0 for a diagram without steps): its own
    /// coordinates. The strokes show wherever the diagram does at that step, and go into a
    /// handout with it; at another step they would point at the wrong thing.
    Diagram {
        /// The diagram's id.
        id: String,
        /// The step they were drawn on, counting from 0.
        step: usize,
    },
    /// A page, by id: points from the top-left of its content column.
    Page(String),
}

/// One change that Undo can take back.
#[derive(Clone, Debug, PartialEq)]
enum Edit {
    /// A stroke was added to the end of this surface's strokes.
    Drew(Surface),
    /// These surfaces were cleared; their strokes as they were.
    Cleared(Vec<(Surface, Vec<Stroke>)>),
}

/// Every stroke of one consultation. Part of the session, so a reset wipes it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct InkSet {
    strokes: BTreeMap<Surface, Vec<Stroke>>,
    history: Vec<Edit>,
}

impl InkSet {
    /// The strokes on `surface`, oldest first.
    pub fn strokes(&self, surface: &Surface) -> &[Stroke] {
        self.strokes.get(surface).map_or(&[], Vec::as_slice)
    }

    /// Whether nothing is drawn anywhere.
    pub fn is_empty(&self) -> bool {
        self.strokes.values().all(Vec::is_empty)
    }

    /// Adds a finished stroke on `surface` (a stroke without points is ignored).
    pub fn add(&mut self, surface: Surface, stroke: Stroke) {
        if stroke.points.is_empty() {
            return;
        }
        self.strokes
            .entry(surface.clone())
            .or_default()
            .push(stroke);
        self.history.push(Edit::Drew(surface));
    }

    /// Whether any of `surfaces` has a change that [`Self::undo`] can take back.
    pub fn can_undo(&self, surfaces: &[Surface]) -> bool {
        self.last_edit_on(surfaces).is_some()
    }

    /// Takes back the newest change to any of `surfaces` (those on screen), so Undo never
    /// changes something out of sight. Returns whether there was one.
    pub fn undo(&mut self, surfaces: &[Surface]) -> bool {
        let Some(index) = self.last_edit_on(surfaces) else {
            return false;
        };
        match self.history.remove(index) {
            Edit::Drew(surface) => {
                if let Some(strokes) = self.strokes.get_mut(&surface) {
                    strokes.pop();
                }
            }
            Edit::Cleared(cleared) => {
                for (surface, strokes) in cleared {
                    // Strokes drawn since the clear stay on top of the ones brought back.
                    let now = self.strokes.entry(surface).or_default();
                    let newer = std::mem::replace(now, strokes);
                    now.extend(newer);
                }
            }
        }
        true
    }

    /// Removes every stroke on `surfaces`, as one change Undo can take back.
    pub fn clear(&mut self, surfaces: &[Surface]) {
        let cleared: Vec<(Surface, Vec<Stroke>)> = surfaces
            .iter()
            .filter_map(|surface| {
                let strokes = std::mem::take(self.strokes.get_mut(surface)?);
                (!strokes.is_empty()).then(|| (surface.clone(), strokes))
            })
            .collect();
        if !cleared.is_empty() {
            self.history.push(Edit::Cleared(cleared));
        }
    }

    /// The steps of diagram `id` that have strokes, lowest first.
    pub fn inked_steps(&self, id: &str) -> Vec<usize> {
        (self.strokes.iter())
            .filter(|(_, strokes)| !strokes.is_empty())
            .filter_map(|(surface, _)| match surface {
                Surface::Diagram { id: inked, step } if inked == id => Some(*step),
                _ => None,
            })
            .collect()
    }

    fn last_edit_on(&self, surfaces: &[Surface]) -> Option<usize> {
        self.history.iter().rposition(|edit| match edit {
            Edit::Drew(surface) => surfaces.contains(surface),
            Edit::Cleared(cleared) => cleared.iter().any(|(s, _)| surfaces.contains(s)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::Pen;
    use super::*;

    fn line(x: f32) -> Stroke {
        let mut stroke = Stroke::new(Pen::default(), (x, 0.0));
        stroke.extend_to((x, 10.0), 1.0);
        stroke
    }

    #[test]
    fn undo_takes_back_the_newest_change_on_screen_only() {
        let diagram = Surface::Diagram {
            id: "spine".to_owned(),
            step: 0,
        };
        let page = Surface::Page("what".to_owned());
        let elsewhere = Surface::Page("risks".to_owned());
        let mut ink = InkSet::default();
        ink.add(diagram.clone(), line(1.0));
        ink.add(page.clone(), line(2.0));
        ink.add(elsewhere.clone(), line(3.0));
        ink.add(page.clone(), Stroke::default());
        let here = [diagram.clone(), page.clone()];
        assert!(ink.undo(&here));
        assert!(ink.strokes(&page).is_empty());
        assert_eq!(ink.strokes(&elsewhere).len(), 1, "out of sight: not undone");
        assert!(ink.undo(&here));
        assert!(ink.strokes(&diagram).is_empty());
        assert!(!ink.undo(&here));
        assert!(!ink.can_undo(&here));
        assert!(!ink.is_empty());
    }

    #[test]
    fn clear_is_one_change_that_undo_brings_back() {
        let diagram = Surface::Diagram {
            id: "spine".to_owned(),
            step: 0,
        };
        let page = Surface::Page("what".to_owned());
        let here = [diagram.clone(), page.clone()];
        let mut ink = InkSet::default();
        ink.add(diagram.clone(), line(1.0));
        ink.add(diagram.clone(), line(2.0));
        ink.add(page.clone(), line(3.0));
        ink.clear(&here);
        assert!(ink.is_empty());
        ink.clear(&here);
        ink.add(diagram.clone(), line(4.0));
        // Undo the new line, then the clear: everything comes back in order.
        assert!(ink.undo(&here));
        assert!(ink.undo(&here));
        assert_eq!(ink.strokes(&diagram), [line(1.0), line(2.0)]);
        assert_eq!(ink.strokes(&page), [line(3.0)]);
        assert!(!ink.can_undo(&[Surface::Page("else".to_owned())]));
    }

    #[test]
    fn ink_belongs_to_the_step_it_was_drawn_on() {
        let at = |step| Surface::Diagram {
            id: "steps".to_owned(),
            step,
        };
        let mut ink = InkSet::default();
        ink.add(at(3), line(1.0));
        ink.add(at(1), line(2.0));
        ink.add(Surface::Page("steps".to_owned()), line(3.0));
        assert!(ink.strokes(&at(2)).is_empty(), "not on the next step");
        assert_eq!(ink.strokes(&at(3)), [line(1.0)]);
        assert_eq!(ink.inked_steps("steps"), [1, 3]);
        assert!(!ink.undo(&[at(0)]), "nothing drawn on the step on screen");
        assert!(ink.undo(&[at(3)]));
        assert_eq!(ink.inked_steps("steps"), [1]);
        assert!(ink.inked_steps("other").is_empty());
    }
}
