//! Laid-out pages drawn into a PDF with krilla, each with its footer.

use krilla::Document;
use krilla::geom::PathBuilder;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::surface::Surface;

use super::area::Area;
use super::diagram::DiagramPainter;
use super::draw;
use super::face::Face;
use super::op::Op;
use super::{HandoutError, Paper};
use crate::content::{Deck, Language, QR_QUIET_ZONE_MODULES, QrModules};
use crate::ink::{InkSet, Surface as InkSurface};
use crate::theme::Theme;

/// What drawing the pages needs besides the pages.
pub(crate) struct Renderer<'a> {
    /// The deck: diagrams and the images folder.
    pub deck: &'a Deck,
    /// The handout's language: diagram words, the footer.
    pub language: &'a Language,
    /// The design tokens.
    pub theme: &'a Theme,
    /// The regular and the bold font.
    pub faces: (&'a Face, &'a Face),
    /// The clinician's strokes.
    pub ink: &'a InkSet,
    /// The paper.
    pub paper: Paper,
}

impl Renderer<'_> {
    /// The PDF of `pages`, each with "Page 1 of 3" at its foot.
    pub fn render(&self, pages: &[Vec<Op>]) -> Result<Vec<u8>, HandoutError> {
        let (width_pt, height_pt) = self.paper.size_pt();
        let mut document = Document::new();
        let words = &self.language.interface.handout;
        document.set_metadata(
            Metadata::new()
                .title(format!("{} - {}", words.title, self.language.clinic.name))
                .language(self.language.code.clone())
                .creator("patient-kiosk".to_owned()),
        );
        let painter = DiagramPainter {
            theme: self.theme,
            face: self.faces.0,
            images_dir: &self.deck.images_dir,
        };
        for (index, ops) in pages.iter().enumerate() {
            let settings = PageSettings::from_wh(width_pt, height_pt)
                .ok_or_else(|| HandoutError::Pdf("the paper has no size".to_owned()))?;
            let mut page = document.start_page_with(settings);
            let mut surface = page.surface();
            for op in ops {
                self.op(&mut surface, &painter, op);
            }
            self.footer(&mut surface, index + 1, pages.len());
            surface.finish();
            page.finish();
        }
        document
            .finish()
            .map_err(|error| HandoutError::Pdf(format!("{error:?}")))
    }

    fn op(&self, surface: &mut Surface<'_>, painter: &DiagramPainter<'_>, op: &Op) {
        match op {
            Op::Text {
                x_pt,
                baseline_pt,
                size_pt,
                bold,
                color,
                text,
            } => {
                let face = if *bold { self.faces.1 } else { self.faces.0 };
                draw::text(surface, face, (*x_pt, *baseline_pt), *size_pt, *color, text);
            }
            Op::Rect {
                area,
                radius_pt,
                fill,
                stroke,
            } => {
                let Some(path) = draw::rounded_rect_path(*area, *radius_pt) else {
                    return;
                };
                if let Some(fill) = fill {
                    draw::fill(surface, &path, *fill, 1.0);
                }
                if let Some((color, width_pt)) = stroke {
                    draw::stroke(surface, &path, *color, *width_pt);
                }
            }
            Op::Line {
                from,
                to,
                width_pt,
                color,
            } => {
                let mut builder = PathBuilder::new();
                builder.move_to(from.0, from.1);
                builder.line_to(to.0, to.1);
                if let Some(path) = builder.finish() {
                    draw::stroke(surface, &path, *color, *width_pt);
                }
            }
            Op::Diagram { id, step, area } => {
                let Some(diagram) = self.deck.diagrams.get(id) else {
                    return;
                };
                let strokes = self.ink.strokes(&InkSurface::Diagram {
                    id: id.clone(),
                    step: *step,
                });
                let words = self.language.diagram_texts.get(id);
                painter.paint(surface, diagram, words, *step, *area, strokes);
            }
            Op::Image { path, area } => {
                draw::image_or_box(surface, path, *area, self.theme.colors.placeholder);
            }
            Op::Qr { modules, area } => self.qr(surface, modules, *area),
        }
    }

    /// A QR code as vector squares: the light square with its quiet zone, then one rectangle
    /// per run of dark modules in a row.
    fn qr(&self, surface: &mut Surface<'_>, modules: &QrModules, area: Area) {
        let colors = &self.theme.colors;
        let side = modules.width_with_quiet_zone_modules().max(1) as f32;
        let module_pt = area.width_pt.min(area.height_pt) / side;
        if let Some(light) = draw::rounded_rect_path(area, 0.0) {
            draw::fill(surface, &light, colors.qr_light, 1.0);
        }
        let quiet = QR_QUIET_ZONE_MODULES as f32 * module_pt;
        let mut dark = PathBuilder::new();
        for y in 0..modules.width_modules() {
            for (x, run) in modules.dark_runs(y) {
                let run_area = Area {
                    x_pt: area.x_pt + quiet + x as f32 * module_pt,
                    y_pt: area.y_pt + quiet + y as f32 * module_pt,
                    width_pt: run as f32 * module_pt,
                    height_pt: module_pt,
                };
                draw::rounded_rect(&mut dark, run_area, 0.0);
            }
        }
        if let Some(path) = dark.finish() {
            draw::fill(surface, &path, colors.qr_dark, 1.0);
        }
    }

    /// "Page 1 of 3", centred under the content, over a thin rule.
    fn footer(&self, surface: &mut Surface<'_>, page: usize, total: usize) {
        let tokens = &self.theme.handout;
        let (width_pt, height_pt) = self.paper.size_pt();
        let words = self.language.interface.handout.page_footer(page, total);
        let face = self.faces.0;
        let size = tokens.small_pt;
        let baseline = height_pt - tokens.margin_pt;
        let rule_y = baseline - size * tokens.line_spacing;
        let mut builder = PathBuilder::new();
        builder.move_to(tokens.margin_pt, rule_y);
        builder.line_to(width_pt - tokens.margin_pt, rule_y);
        if let Some(path) = builder.finish() {
            draw::stroke(surface, &path, self.theme.colors.border, 0.5);
        }
        let x = (width_pt - face.width_pt(&words, size)) / 2.0;
        let muted = self.theme.colors.text_muted;
        draw::text(surface, face, (x, baseline), size, muted, &words);
    }
}
