//! Consultation mode's ink over a page. With the pen, a finger draws onto what it starts on
//! (a diagram, in the diagram's own coordinates, or else the page); with the pointer it shows
//! a bright dot whose short trail fades. Every stroke of what is on screen is painted on top.

use std::collections::BTreeMap;

use egui::emath::RectTransform;
use egui::{Event, Painter, Pos2, Rect, Role, Sense, Ui, WidgetInfo};

use super::{InkArea, ScreenContext};
use crate::app::{Command, ConsultCommand, InkInput};
use crate::content::model::Page;
use crate::ink::{InkTool, Stroke, Surface, flatten};
use crate::theme::Theme;

/// A finger must move this far on screen before a stroke gets a new point, in points.
const MIN_STEP_PT: f32 = 1.5;

/// How far a drawn curve may stray from the true curve on screen, in points.
const FLATTEN_TOLERANCE_PT: f32 = 0.3;

/// The surfaces page `page` shows: the page itself and each of its diagrams at the step it is
/// at (`steps`, by diagram id; absent: the first).
pub fn page_surfaces(page: &Page, steps: &BTreeMap<String, usize>) -> Vec<Surface> {
    let diagrams = page.diagram_ids().map(|id| Surface::Diagram {
        id: id.clone(),
        step: steps.get(id).copied().unwrap_or(0),
    });
    std::iter::once(Surface::Page(page.id.clone()))
        .chain(diagrams)
        .collect()
}

/// Takes the pen or pointer's input over `viewport` (the page's scrolling view) and paints the
/// ink of every area on screen. Returns a finished stroke as a command.
pub fn ink_layer_ui(
    ui: &mut Ui,
    screen: &ScreenContext<'_>,
    viewport: Rect,
    input: &mut InkInput,
) -> Option<Command> {
    let ink = &screen.ink;
    let mut command = None;
    let now_secs = ui.input(|input| input.time);
    if ink.tool.takes_the_finger() && viewport.is_positive() {
        // On top of the page, this takes every press: nothing under it is tapped or scrolled.
        let response = ui.interact(
            viewport,
            ui.scope_id().with("ink_layer"),
            Sense::click_and_drag(),
        );
        let words = &screen.language.interface.consult;
        let label = match ink.tool {
            InkTool::Pen => &words.pen,
            InkTool::Pointer | InkTool::Touch => &words.pointer,
        };
        response.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, label));
        // Events in order, not the frame's end state: a quick stroke can start and end
        // within one frame.
        let events = ui.input(|input| input.events.clone());
        let ours =
            |pos: Pos2| viewport.contains(pos) && ui.ctx().layer_id_at(pos) == Some(ui.layer_id());
        let mut finished = Vec::new();
        for event in events {
            let (pos, pressed) = match event {
                Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed,
                    ..
                } => (pos, Some(pressed)),
                Event::PointerMoved(pos) => (pos, None),
                _ => continue,
            };
            match (ink.tool, pressed) {
                (InkTool::Pen, Some(true)) if ours(pos) => {
                    input.stroke = begin_stroke(screen, pos);
                }
                (InkTool::Pen, down_or_moved) => {
                    if let Some((surface, stroke)) = &mut input.stroke
                        && let Some(area) = ink.areas.iter().find(|a| a.surface == *surface)
                    {
                        let to_surface = area.to_screen.inverse();
                        let point = to_surface.transform_pos(pos);
                        stroke.extend_to((point.x, point.y), MIN_STEP_PT * to_surface.scale().x);
                    }
                    if down_or_moved == Some(false) {
                        finished.extend(input.stroke.take());
                    }
                }
                (InkTool::Pointer, Some(true)) if ours(pos) => {
                    input.pointing = true;
                    input.trail.push((pos, now_secs));
                }
                (InkTool::Pointer, down_or_moved) if input.pointing => {
                    input.trail.push((pos, now_secs));
                    input.pointing = down_or_moved != Some(false);
                }
                _ => {}
            }
        }
        if !finished.is_empty() {
            command = Some(Command::Consult(ConsultCommand::Draw(finished)));
        }
    } else {
        input.stroke = None;
        input.pointing = false;
    }

    let painter = ui.painter().with_clip_rect(viewport);
    for area in &ink.areas {
        let strokes = ink.strokes.strokes(&area.surface);
        let drawing = input
            .stroke
            .as_ref()
            .filter(|(surface, _)| *surface == area.surface)
            .map(|(_, stroke)| stroke);
        if strokes.is_empty() && drawing.is_none() {
            continue;
        }
        let clipped = painter.with_clip_rect(area.clip.intersect(viewport));
        for stroke in strokes.iter().chain(drawing) {
            stroke_ui(&clipped, screen.theme, area.to_screen, stroke);
        }
    }
    pointer_ui(&painter, screen.theme, input, now_secs);
    command
}

/// The stroke a finger pressed at `start` begins: on the diagram under it, else on the page.
fn begin_stroke(screen: &ScreenContext<'_>, start: Pos2) -> Option<(Surface, Stroke)> {
    let under = |area: &&InkArea| area.clip.contains(start);
    let area = (screen.ink.areas.iter())
        .filter(|area| matches!(area.surface, Surface::Diagram { .. }))
        .find(under)
        .or_else(|| {
            (screen.ink.areas.iter())
                .filter(|area| matches!(area.surface, Surface::Page(_)))
                .find(under)
        })?;
    let point = area.to_screen.inverse().transform_pos(start);
    Some((
        area.surface.clone(),
        Stroke::new(screen.ink.pen, (point.x, point.y)),
    ))
}

/// Paints one stroke, smoothed, with round ends.
fn stroke_ui(painter: &Painter, theme: &Theme, to_screen: RectTransform, stroke: &Stroke) {
    let tokens = &theme.ink;
    let width = tokens.width_pt(stroke.pen.width);
    let color = tokens.color(stroke.pen.color).color32();
    let on_screen: Vec<(f32, f32)> = (stroke.points.iter())
        .map(|&(x, y)| to_screen.transform_pos(egui::pos2(x, y)))
        .map(|pos| (pos.x, pos.y))
        .collect();
    let line: Vec<Pos2> = flatten(&on_screen, FLATTEN_TOLERANCE_PT)
        .into_iter()
        .map(|(x, y)| egui::pos2(x, y))
        .collect();
    for end in [line.first(), line.last()].into_iter().flatten() {
        painter.circle_filled(*end, width / 2.0, color);
    }
    if line.len() > 1 {
        painter.add(egui::Shape::line(line, egui::Stroke::new(width, color)));
    }
}

/// The pointer's dot while the finger is down, and its trail fading out behind it. Asks for
/// repaints only while the trail is still fading.
fn pointer_ui(painter: &Painter, theme: &Theme, input: &mut InkInput, now_secs: f64) {
    let tokens = &theme.ink;
    let fade_secs = f64::from(tokens.trail_secs.max(0.01));
    input
        .trail
        .retain(|&(_, seen_secs)| now_secs - seen_secs < fade_secs);
    let color = tokens.pointer_color.color32();
    for pair in input.trail.windows(2) {
        let ((from, _), (to, seen_secs)) = (pair[0], pair[1]);
        let left = 1.0 - ((now_secs - seen_secs) / fade_secs) as f32;
        painter.line_segment(
            [from, to],
            egui::Stroke::new(tokens.pointer_pt * 0.6 * left, color.gamma_multiply(left)),
        );
    }
    if input.pointing
        && let Some(&(pos, _)) = input.trail.last()
    {
        painter.circle_filled(pos, tokens.pointer_pt / 2.0, color);
        painter.circle_stroke(
            pos,
            tokens.pointer_pt / 2.0,
            egui::Stroke::new(theme.sizes.stroke_pt, theme.colors.surface.color32()),
        );
    }
    if !input.trail.is_empty() {
        painter.ctx().request_repaint();
    }
}
