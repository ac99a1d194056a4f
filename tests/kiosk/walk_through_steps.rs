//! Walk-throughs that show what they say: every step of every bundled walk-through changes the
//! drawing itself, where the parts it shows or hides are. Both steps are rendered (the GPU
//! renderer snapshots use) and compared pixel by pixel in that region; a step that only moves
//! the orange glow changes no part, and fails.

use crate::common;

use egui::emath::RectTransform;
use egui_kittest::Harness;
use patient_kiosk::Theme;
use patient_kiosk::content::Deck;
use patient_kiosk::content::diagram::Diagram;
use patient_kiosk::diagram::{DiagramCache, DiagramView};

struct Shown {
    deck: Deck,
    theme: Theme,
    diagram: String,
    step: usize,
    cache: DiagramCache,
    to_screen: Option<RectTransform>,
    styled: bool,
}

impl Shown {
    fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.styled {
            // The fonts come in at the next frame.
            self.theme.apply(ui.ctx());
            self.styled = true;
            ui.ctx().request_discard("the fonts were just installed");
            return;
        }
        let Some(diagram) = self.deck.diagrams.get(&self.diagram) else {
            return;
        };
        let words = self.deck.language(0).diagram_texts.get(&self.diagram);
        let output = DiagramView {
            diagram,
            words,
            alt: "",
            max_height_pt: ui.available_height(),
            open_hotspot: None,
            step: self.step,
            hotspots: false,
            card: true,
        }
        .ui(ui, &self.theme, &mut self.cache, &mut |_, _| None);
        self.to_screen = Some(output.to_screen);
    }
}

/// The box round every shape of the layers whose showing changes from `step - 1` to `step`,
/// in the diagram's units, and their ids.
fn changed_region(diagram: &Diagram, step: usize) -> (Vec<String>, Option<egui::Rect>) {
    let (before, after) = (
        diagram.visible_layers(step - 1),
        diagram.visible_layers(step),
    );
    let mut ids = Vec::new();
    let mut region: Option<egui::Rect> = None;
    for ((layer, was), is) in diagram.layers.iter().zip(before).zip(after) {
        if was == is {
            continue;
        }
        ids.push(layer.id.clone());
        for (x, y) in layer.shapes.iter().flat_map(|shape| shape.points()) {
            let point = egui::Rect::from_min_max(egui::pos2(x, y), egui::pos2(x, y));
            region = Some(region.map_or(point, |region| region.union(point)));
        }
    }
    (ids, region)
}

#[test]
fn every_step_of_every_walk_through_changes_the_drawing_where_its_parts_come_or_go() {
    let deck = common::bundled_deck();
    let walk_throughs: Vec<String> = (deck.diagrams.values())
        .filter(|diagram| diagram.steps.len() > 1)
        .map(|diagram| diagram.id.clone())
        .collect();
    assert!(walk_throughs.len() >= 4, "{walk_throughs:?}");
    let mut checked = 0;
    for id in walk_throughs {
        let diagram = deck.diagrams[&id].clone();
        let captions = &deck.language(0).diagram_texts[&id].steps;
        let shown = Shown {
            deck: deck.clone(),
            theme: Theme::bundled(),
            diagram: id.clone(),
            step: 0,
            cache: DiagramCache::default(),
            to_screen: None,
            styled: false,
        };
        let mut harness = Harness::builder()
            .with_size(egui::vec2(900.0, 700.0))
            .with_step_dt(0.1)
            .with_max_steps(100)
            .build_ui_state(|ui, shown: &mut Shown| shown.ui(ui), shown);
        harness.run();
        let mut before = harness.render().expect("renders");
        for step in 1..diagram.steps.len() {
            let caption = &captions[&diagram.steps[step].id];
            let (ids, region) = changed_region(&diagram, step);
            let region = region.unwrap_or_else(|| {
                panic!(
                    "{id}, step {}: {caption:?} only moves the glow; no part comes or goes",
                    step + 1
                )
            });
            harness.state_mut().step = step;
            harness.run();
            let after = harness.render().expect("renders");
            let to_screen = harness.state().to_screen.expect("drawn");
            let on_screen = to_screen.transform_rect(region.expand(2.0));
            let (mut differ, mut all) = (0_u32, 0_u32);
            for (x, y, pixel) in after.enumerate_pixels() {
                if on_screen.contains(egui::pos2(x as f32, y as f32)) {
                    all += 1;
                    let old = before.get_pixel(x, y);
                    let distance: u32 = (0..3).map(|c| u32::from(pixel[c].abs_diff(old[c]))).sum();
                    if distance > 24 {
                        differ += 1;
                    }
                }
            }
            assert!(
                all > 0 && differ * 200 >= all && differ >= 40,
                "{id}, step {}: {caption:?} shows or hides {ids:?}, yet only {differ} of {all} \
                 pixels there change",
                step + 1
            );
            checked += 1;
            before = after;
        }
    }
    assert!(checked >= 10, "{checked} steps checked");
}
