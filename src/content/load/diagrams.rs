//! Reading and checking diagrams: their geometry files and every language's words for them.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;
use std::path::Path;

use super::super::diagram::{Diagram, DiagramText, Motion, Region, Shape, ViewBox};
use super::super::source_file::diagnostic;
use super::{LanguageFiles, Loader, Parsed};

impl Loader<'_> {
    /// Reads every `.ron` file of a diagrams folder into `T`; a missing folder is no diagram.
    pub(super) fn read_diagram_folder<T: serde::de::DeserializeOwned>(
        &mut self,
        dir: &Path,
    ) -> Vec<Parsed<T>> {
        let Ok(entries) = fs::read_dir(dir) else {
            return Vec::new();
        };
        let mut paths = super::ron_files(entries);
        paths.truncate(super::MAX_TOPIC_FILES);
        paths
            .iter()
            .filter_map(|path| self.parse::<T>(path))
            .collect()
    }

    /// Every `Figure(source: Diagram("..."))` in a language's topics names a diagram that
    /// exists. `known` holds the ids of the diagrams read and the names of diagram files that
    /// could not be read (those are reported already).
    pub(super) fn check_figure_diagrams(
        &mut self,
        language: &LanguageFiles,
        known: &HashSet<String>,
    ) {
        for topic in &language.topics {
            // Which mention of the id in the file this is, to point at the right one.
            let mut mentions: BTreeMap<&String, usize> = BTreeMap::new();
            for page in &topic.value.pages {
                let mut on_page = HashSet::new();
                for id in page.diagram_ids() {
                    let nth = *mentions.entry(id).and_modify(|n| *n += 1).or_insert(0);
                    let at_id =
                        |message: String| topic.file.diagnostic_at_value("", id, nth, message);
                    if !known.contains(id) {
                        let mut ids: Vec<&String> = known.iter().collect();
                        ids.sort();
                        self.error(at_id(format!(
                            "There is no diagram \"{id}\" (no content/diagrams/{id}.ron). Use one of: {}.",
                            super::quoted_list(ids)
                        )));
                    } else if !on_page.insert(id) {
                        self.error(at_id(format!(
                            "The page \"{}\" shows the diagram \"{id}\" twice. Show it once; a diagram is tapped and stepped through in one place.",
                            page.id
                        )));
                    }
                }
            }
        }
    }

    /// Checks the geometry of every diagram: ids, colour tokens, layer references, steps,
    /// pictures and that everything lies inside the view box.
    pub(super) fn check_diagrams(
        &mut self,
        diagrams: &[Parsed<Diagram>],
        colors: &BTreeSet<String>,
    ) {
        let mut ids = HashSet::new();
        for parsed in diagrams {
            let diagram = &parsed.value;
            let file = &parsed.file;
            let at_id = |message: String| file.diagnostic_at_value("id", &diagram.id, 0, message);
            if !ids.insert(diagram.id.as_str()) {
                self.error(at_id(format!(
                    "Another diagram already uses the id \"{}\".",
                    diagram.id
                )));
            }
            if let Some(problem) = super::id_problem("diagram", &diagram.id) {
                self.error(at_id(problem));
            }
            if file.path.file_stem().and_then(|stem| stem.to_str()) != Some(diagram.id.as_str()) {
                self.error(at_id(format!(
                    "The diagram id \"{}\" should match its file name: call the file {}.ron.",
                    diagram.id, diagram.id
                )));
            }
            let view = diagram.view_box;
            if !(view.width > 0.0
                && view.height > 0.0
                && view.width.is_finite()
                && view.height.is_finite())
            {
                self.error(file.diagnostic_at_key(
                    "view_box",
                    "The view box needs a width and a height above 0.".to_owned(),
                ));
                continue;
            }
            if let Some(problem) = super::super::budget::diagram_problem(diagram) {
                self.error(at_id(problem));
                continue;
            }
            let inside = |(x, y): (f32, f32)| {
                (0.0..=view.width).contains(&x) && (0.0..=view.height).contains(&y)
            };

            let mut layer_ids = HashSet::new();
            for layer in &diagram.layers {
                if let Some(problem) = super::id_problem("layer", &layer.id) {
                    self.error(file.diagnostic_at_value("id", &layer.id, 0, problem));
                }
                if !layer_ids.insert(layer.id.as_str()) {
                    self.error(file.diagnostic_at_value(
                        "id",
                        &layer.id,
                        1,
                        format!("The layer id \"{}\" is used twice.", layer.id),
                    ));
                }
                if let Some(motion) = &layer.motion {
                    let at_layer =
                        |message: String| file.diagnostic_at_value("id", &layer.id, 0, message);
                    let moved = diagram
                        .steps
                        .iter()
                        .any(|step| step.show.contains(&layer.id) || step.hide.contains(&layer.id));
                    if !moved {
                        self.error(at_layer(format!(
                            "The layer \"{}\" has a `motion`, but no step shows or hides it, so it never moves. Show or hide it in a step, or remove the motion.",
                            layer.id
                        )));
                    }
                    if let Some(problem) = motion_problem(motion, view) {
                        self.error(at_layer(format!(
                            "The motion of the layer \"{}\": {problem}",
                            layer.id
                        )));
                    }
                }
                for shape in &layer.shapes {
                    for token in shape.color_tokens() {
                        if !colors.contains(token) {
                            self.error(file.diagnostic_at_value("", token, 0, format!(
                                "\"{token}\" is not a diagram colour. Use one of the names in assets/theme.ron: {}.",
                                colors.iter().map(|c| format!("\"{c}\"")).collect::<Vec<_>>().join(", ")
                            )));
                        }
                    }
                    if let Some(problem) = super::super::budget::shape_problem(shape) {
                        self.error(file.diagnostic_at_value(
                            "id",
                            &layer.id,
                            0,
                            format!("In the layer \"{}\": {problem}", layer.id),
                        ));
                    }
                    if let Some(outside) = shape.points().into_iter().find(|&p| !inside(p)) {
                        let what = match shape {
                            Shape::Label { text, .. } => format!("The label \"{text}\""),
                            _ => format!("A shape in the layer \"{}\"", layer.id),
                        };
                        self.error(file.diagnostic_at_value(
                            "id",
                            &layer.id,
                            0,
                            format!(
                                "{what} reaches ({}, {}), outside the view box of {} by {}.",
                                outside.0, outside.1, view.width, view.height
                            ),
                        ));
                    }
                    if let Shape::Image { file: name, .. } = shape {
                        self.check_image(file, "file", name);
                    }
                }
            }

            let mut hotspot_ids = HashSet::new();
            for hotspot in &diagram.hotspots {
                let at_hotspot =
                    |message: String| file.diagnostic_at_value("id", &hotspot.id, 0, message);
                if let Some(problem) = super::id_problem("hotspot", &hotspot.id) {
                    self.error(at_hotspot(problem));
                }
                if !hotspot_ids.insert(hotspot.id.as_str()) {
                    self.error(at_hotspot(format!(
                        "The hotspot id \"{}\" is used twice.",
                        hotspot.id
                    )));
                }
                for layer in hotspot
                    .layers
                    .iter()
                    .filter(|layer| !layer_ids.contains(layer.as_str()))
                {
                    self.error(at_hotspot(format!(
                        "The hotspot \"{}\" names the layer \"{layer}\", which does not exist.",
                        hotspot.id
                    )));
                }
                let corners = match hotspot.region {
                    Region::Circle((x, y), r) => [(x - r, y - r), (x + r, y + r)],
                    Region::Rect(min, size) => [min, (min.0 + size.0, min.1 + size.1)],
                };
                if !corners.iter().all(|&corner| inside(corner)) {
                    self.error(at_hotspot(format!(
                        "The hotspot \"{}\" reaches outside the view box.",
                        hotspot.id
                    )));
                }
            }

            let mut step_ids = HashSet::new();
            for step in &diagram.steps {
                let at_step =
                    |message: String| file.diagnostic_at_value("id", &step.id, 0, message);
                if let Some(problem) = super::id_problem("step", &step.id) {
                    self.error(at_step(problem));
                }
                if !step_ids.insert(step.id.as_str()) {
                    self.error(at_step(format!(
                        "The step id \"{}\" is used twice.",
                        step.id
                    )));
                }
                if step.show.is_empty() && step.hide.is_empty() && step.highlight.is_empty() {
                    self.error(at_step(format!(
                        "The step \"{}\" changes nothing. Give it `show`, `hide` or `highlight` layers.",
                        step.id
                    )));
                }
                for layer in step.show.iter().chain(&step.hide).chain(&step.highlight) {
                    if !layer_ids.contains(layer.as_str()) {
                        self.error(at_step(format!(
                            "The step \"{}\" names the layer \"{layer}\", which does not exist.",
                            step.id
                        )));
                    }
                }
            }
            // A walk-through shows what its words say: a later step that only moves the glow
            // leaves the drawing as it was.
            for (index, step) in diagram.steps.iter().enumerate().skip(1) {
                if diagram.visible_layers(index) == diagram.visible_layers(index - 1) {
                    self.warn(file.diagnostic_at_value(
                        "id",
                        &step.id,
                        0,
                        format!(
                            "The step \"{}\" only lights up parts: nothing comes, goes or moves. \
                             If its words say something happens, show it (`show`, `hide`, a \
                             layer's `motion`); a step that only names a part may stay.",
                            step.id
                        ),
                    ));
                }
            }
        }
    }

    /// Checks one language's words for the diagrams: one file per diagram, every label, hotspot
    /// and step worded, and nothing worded that the diagram does not have.
    pub(super) fn check_diagram_texts(
        &mut self,
        language: &str,
        diagrams: &[Parsed<Diagram>],
        texts: &[Parsed<DiagramText>],
    ) {
        let by_id: BTreeMap<&str, &Parsed<DiagramText>> = texts
            .iter()
            .map(|text| (text.value.id.as_str(), text))
            .collect();
        let diagrams_dir = self.paths.content_dir.join("diagrams");
        for text in texts {
            // A diagram file that exists but could not be read is reported on its own.
            let file_exists = super::is_plain_name(&text.value.id)
                && diagrams_dir
                    .join(format!("{}.ron", text.value.id))
                    .is_file();
            if !file_exists && !diagrams.iter().any(|d| d.value.id == text.value.id) {
                self.error(text.file.diagnostic_at_value(
                    "id",
                    &text.value.id,
                    0,
                    format!(
                        "There is no diagram \"{}\" in content/diagrams/ for these words.",
                        text.value.id
                    ),
                ));
            }
        }
        for parsed in diagrams {
            let diagram = &parsed.value;
            let Some(text) = by_id.get(diagram.id.as_str()) else {
                let path = self
                    .paths
                    .content_dir
                    .join(language)
                    .join("diagrams")
                    .join(format!("{}.ron", diagram.id));
                self.error(diagnostic(&path, 1, 1, format!(
                    "This file is missing: the diagram \"{}\" needs its words in this language.",
                    diagram.id
                )));
                continue;
            };
            let words = &text.value;
            let labels: BTreeSet<&str> = diagram
                .layers
                .iter()
                .flat_map(|layer| &layer.shapes)
                .filter_map(|shape| match shape {
                    Shape::Label { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            let wanted = [
                (
                    "label",
                    "labels",
                    labels,
                    words
                        .labels
                        .keys()
                        .map(String::as_str)
                        .collect::<BTreeSet<_>>(),
                ),
                (
                    "hotspot",
                    "hotspots",
                    diagram.hotspots.iter().map(|h| h.id.as_str()).collect(),
                    words.hotspots.keys().map(String::as_str).collect(),
                ),
                (
                    "step",
                    "steps",
                    diagram.steps.iter().map(|s| s.id.as_str()).collect(),
                    words.steps.keys().map(String::as_str).collect(),
                ),
            ];
            for (what, key, needed, given) in wanted {
                for missing in needed.difference(&given) {
                    let message = format!(
                        "The {what} \"{missing}\" of the diagram \"{}\" has no words here.",
                        diagram.id
                    );
                    // Without `steps:` (say) at all, the diagram's id is the place to add it.
                    self.error(if text.file.has_key(key) {
                        text.file.diagnostic_at_key(key, message)
                    } else {
                        text.file.diagnostic_at_value("id", &words.id, 0, message)
                    });
                }
                for extra in given.difference(&needed) {
                    self.error(text.file.diagnostic_at_value(
                        "",
                        extra,
                        0,
                        format!("The diagram \"{}\" has no {what} \"{extra}\".", diagram.id),
                    ));
                }
            }
            let blank = words
                .labels
                .values()
                .chain(words.steps.values())
                .any(|w| w.trim().is_empty())
                || words
                    .hotspots
                    .values()
                    .any(|h| h.title.trim().is_empty() || h.text.trim().is_empty());
            if blank {
                self.error(text.file.diagnostic_at_value(
                    "id",
                    &words.id,
                    0,
                    "Some words here are empty.".to_owned(),
                ));
            }
        }
    }
}

/// What is wrong with a layer's motion, if anything: it must keep the layer near the picture
/// (moving at most the view box's own size away), turn it at most once round, stretch it at
/// most 4 times, and turn about a point inside the view box.
fn motion_problem(motion: &Motion, view: ViewBox) -> Option<String> {
    let (from_x, from_y) = motion.from;
    let (scale_x, scale_y) = motion.scale;
    let (around_x, around_y) = motion.around;
    let numbers = [
        from_x,
        from_y,
        motion.turn_degrees,
        scale_x,
        scale_y,
        around_x,
        around_y,
    ];
    if numbers.iter().any(|number| !number.is_finite()) {
        return Some("every number must be an ordinary number.".to_owned());
    }
    if from_x.abs() > view.width || from_y.abs() > view.height {
        return Some(format!(
            "`from` ({from_x}, {from_y}) is further away than the view box of {} by {}.",
            view.width, view.height
        ));
    }
    if motion.turn_degrees.abs() > 360.0 {
        return Some(format!(
            "`turn_degrees` {} is more than one whole turn (360).",
            motion.turn_degrees
        ));
    }
    if !(0.0..=4.0).contains(&scale_x) || !(0.0..=4.0).contains(&scale_y) {
        return Some(format!(
            "`scale` ({scale_x}, {scale_y}) must be from 0 to 4 each way."
        ));
    }
    if !(0.0..=view.width).contains(&around_x) || !(0.0..=view.height).contains(&around_y) {
        return Some(format!(
            "`around` ({around_x}, {around_y}) is outside the view box of {} by {}.",
            view.width, view.height
        ));
    }
    None
}
