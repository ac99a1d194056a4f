//! What goes into a handout, in the order the clinician added it.

/// One thing added to a handout.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HandoutItem {
    /// A page, by id: its key points, with its diagrams.
    Page(String),
    /// A diagram, by id, at a walk-through step (counting from 0), with its caption.
    Diagram {
        /// The diagram's id.
        id: String,
        /// The step it shows.
        step: usize,
    },
}

/// The handout being built. Part of the session, so a reset wipes it; it never holds a name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Handout {
    /// The items, in the order they were added.
    pub items: Vec<HandoutItem>,
    /// What the clinician wrote for the patient.
    pub notes: super::HandoutNotes,
}

impl Handout {
    /// Whether `item` is in the handout (a diagram at any step counts).
    pub fn contains(&self, item: &HandoutItem) -> bool {
        self.position(item).is_some()
    }

    /// Adds `item` at the end, or removes it if it is already in (a diagram already in at
    /// another step is moved to this step instead). Returns whether it is in afterwards.
    pub fn toggle(&mut self, item: HandoutItem) -> bool {
        match (self.position(&item), &item) {
            (Some(index), HandoutItem::Diagram { step, .. }) if self.items[index] != item => {
                self.items[index] = HandoutItem::Diagram {
                    id: diagram_id(&item).to_owned(),
                    step: *step,
                };
                true
            }
            (Some(index), _) => {
                self.items.remove(index);
                false
            }
            (None, _) => {
                self.items.push(item);
                true
            }
        }
    }

    /// Whether nothing has been added.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Moves the item at `from` to `to` (both within the list; otherwise nothing changes).
    pub fn move_item(&mut self, from: usize, to: usize) {
        if from < self.items.len() && to < self.items.len() {
            let item = self.items.remove(from);
            self.items.insert(to, item);
        }
    }

    fn position(&self, item: &HandoutItem) -> Option<usize> {
        self.items.iter().position(|had| match (had, item) {
            (HandoutItem::Diagram { id: a, .. }, HandoutItem::Diagram { id: b, .. }) => a == b,
            _ => had == item,
        })
    }
}

fn diagram_id(item: &HandoutItem) -> &str {
    match item {
        HandoutItem::Diagram { id, .. } | HandoutItem::Page(id) => id,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_adds_removes_and_moves_a_diagram_to_the_step_shown() {
        let mut handout = Handout::default();
        let page = HandoutItem::Page("what".to_owned());
        let at = |step| HandoutItem::Diagram {
            id: "spine".to_owned(),
            step,
        };
        assert!(handout.toggle(page.clone()));
        assert!(handout.toggle(at(0)));
        assert!(handout.contains(&at(3)));
        assert!(handout.toggle(at(2)), "another step: kept, at the new step");
        assert_eq!(handout.items, [page.clone(), at(2)]);
        assert!(!handout.toggle(at(2)));
        assert!(!handout.toggle(page));
        assert!(handout.is_empty());
    }

    #[test]
    fn an_item_moves_to_its_new_place() {
        let page = |id: &str| HandoutItem::Page(id.to_owned());
        let mut handout = Handout::default();
        for id in ["a", "b", "c"] {
            handout.toggle(page(id));
        }
        handout.move_item(0, 2);
        assert_eq!(handout.items, [page("b"), page("c"), page("a")]);
        handout.move_item(2, 0);
        assert_eq!(handout.items, [page("a"), page("b"), page("c")]);
        handout.move_item(1, 3);
        assert_eq!(
            handout.items,
            [page("a"), page("b"), page("c")],
            "out of range"
        );
    }
}
