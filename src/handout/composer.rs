//! Lays a handout out: header, pages, diagrams, QR codes and "My questions", piece by piece
//! onto [`Layout`] pages.

use super::area::Area;
use super::diagram::drawn_box;
use super::face::Face;
use super::layout::Layout;
use super::op::Op;
use super::phone::tel_uri;
use super::{HandoutError, HandoutItem, HandoutNotes, NoteField, Paper};
use crate::content::model::Target;
use crate::content::model::{Block, FigureSource, Page};
use crate::content::{Deck, Language, QrModules};
use crate::ink::{InkSet, Surface};
use crate::theme::{Rgb, Theme};

use std::collections::{BTreeMap, BTreeSet};

/// Space between a bullet's dot and its words, and a list's indent.
const BULLET_INDENT_EM: f32 = 1.5;

/// Lays out one handout.
pub(crate) struct Composer<'a> {
    deck: &'a Deck,
    language: &'a Language,
    theme: &'a Theme,
    regular: &'a Face,
    bold: &'a Face,
    ink: &'a InkSet,
    /// The step of each diagram added as an item of its own, by id: printed at that step,
    /// once, where it first comes (in its page, if its page is in the handout too).
    chosen_steps: BTreeMap<String, usize>,
    /// The diagrams printed so far: each is printed once.
    printed: BTreeSet<String>,
    /// The pages laid out so far.
    pub layout: Layout,
}

impl<'a> Composer<'a> {
    /// An empty handout in `language` on `paper`, for `items` with the strokes of `ink`.
    pub fn new(
        (deck, language, theme): (&'a Deck, &'a Language, &'a Theme),
        (regular, bold): (&'a Face, &'a Face),
        (items, ink): (&[HandoutItem], &'a InkSet),
        paper: Paper,
    ) -> Self {
        let tokens = &theme.handout;
        let footer_pt = tokens.small_pt * tokens.line_spacing * 2.0;
        let chosen_steps = (items.iter())
            .filter_map(|item| match item {
                HandoutItem::Diagram { id, step } => Some((id.clone(), *step)),
                HandoutItem::Page(_) => None,
            })
            .collect();
        Self {
            deck,
            language,
            theme,
            regular,
            bold,
            ink,
            chosen_steps,
            printed: BTreeSet::new(),
            layout: Layout::new(paper, tokens.margin_pt, footer_pt),
        }
    }

    /// Checks every item names something the deck has, before anything is laid out.
    pub fn check(&self, items: &[HandoutItem]) -> Result<(), HandoutError> {
        for item in items {
            match item {
                HandoutItem::Page(id) => {
                    self.page_by_id(id)?;
                }
                HandoutItem::Diagram { id, .. } if !self.deck.diagrams.contains_key(id) => {
                    return Err(HandoutError::UnknownDiagram(id.clone()));
                }
                HandoutItem::Diagram { .. } => {}
            }
        }
        Ok(())
    }

    fn page_by_id(&self, id: &str) -> Result<&'a Page, HandoutError> {
        self.language
            .resolve(&Target::Page(id.to_owned()))
            .and_then(|at| self.language.page(at))
            .ok_or_else(|| HandoutError::UnknownPage(id.to_owned()))
    }

    /// The clinic's name and department (and logo, if it can be read), then the title.
    pub fn header(&mut self) {
        let tokens = &self.theme.handout;
        let content = self.layout.content();
        let clinic = &self.language.clinic;
        let logo_height_pt = tokens.heading_pt * tokens.line_spacing * 2.0;
        let logo = self.deck.logo.as_ref().and_then(|name| {
            let path = self.deck.image_path(name);
            let (w, h) = crate::pictures::dimensions(&path).ok()?;
            let width_pt = logo_height_pt * w as f32 / h.max(1) as f32;
            (width_pt < content.width_pt / 3.0).then_some((path, width_pt))
        });
        let text_width = content.width_pt - logo.as_ref().map_or(0.0, |(_, w)| w + 12.0);
        let top = self.layout.y_pt();
        if let Some((path, width_pt)) = logo {
            self.layout.push(Op::Image {
                path,
                area: Area {
                    x_pt: content.right_pt() - width_pt,
                    y_pt: top,
                    width_pt,
                    height_pt: logo_height_pt,
                },
            });
        }
        let (text, muted) = (self.theme.colors.text, self.theme.colors.text_muted);
        self.lines(&clinic.name, true, tokens.heading_pt, text, 0.0, text_width);
        self.lines(
            &clinic.department,
            false,
            tokens.body_pt,
            muted,
            0.0,
            text_width,
        );
        let below_logo = top + logo_height_pt;
        if self.layout.y_pt() < below_logo {
            self.layout.advance(below_logo - self.layout.y_pt());
        }
        self.layout.gap(tokens.block_gap_pt);
        let title = self.language.interface.handout.title.clone();
        self.lines(&title, true, tokens.title_pt, text, 0.0, content.width_pt);
        self.rule(self.theme.colors.accent, 2.0);
    }

    /// A line across the column under what is there, then a gap.
    fn rule(&mut self, color: Rgb, width_pt: f32) {
        let content = self.layout.content();
        let y = self.layout.y_pt() + self.theme.handout.block_gap_pt / 2.0;
        self.layout.push(Op::Line {
            from: (content.x_pt, y),
            to: (content.right_pt(), y),
            width_pt,
            color,
        });
        self.layout.advance(self.theme.handout.block_gap_pt);
    }

    fn face(&self, bold: bool) -> &'a Face {
        if bold { self.bold } else { self.regular }
    }

    fn line_pt(&self, size_pt: f32) -> f32 {
        size_pt * self.theme.handout.line_spacing
    }

    /// Where the baseline of a line of `size_pt` text goes in a line starting at `top_pt`.
    fn baseline_pt(&self, face: &Face, size_pt: f32, top_pt: f32) -> f32 {
        let (ascent, descent) = (face.ascent_pt(size_pt), face.descent_pt(size_pt));
        top_pt + ascent + (self.line_pt(size_pt) - ascent - descent) / 2.0
    }

    /// `text` wrapped into `width_pt` from `indent_pt` right of the margin, line by line (a
    /// page may break between lines).
    fn lines(
        &mut self,
        text: &str,
        bold: bool,
        size_pt: f32,
        color: Rgb,
        indent_pt: f32,
        width_pt: f32,
    ) {
        let face = self.face(bold);
        let x_pt = self.layout.content().x_pt + indent_pt;
        for line in face.wrap(text, size_pt, width_pt) {
            let height = self.line_pt(size_pt);
            self.layout.keep(height);
            let baseline_pt = self.baseline_pt(face, size_pt, self.layout.y_pt());
            self.layout.push(Op::Text {
                x_pt,
                baseline_pt,
                size_pt,
                bold,
                color,
                text: line,
            });
            self.layout.advance(height);
        }
    }

    /// A heading, on one page with at least a line of what follows it and never last on a
    /// page: it goes to the next page with what is under it (see [`Layout::keep_heading`]).
    fn heading(&mut self, text: &str, size_pt: f32) {
        let content = self.layout.content();
        let lines = self.bold.wrap(text, size_pt, content.width_pt);
        let body = self.line_pt(self.theme.handout.body_pt);
        let height = self.line_pt(size_pt);
        self.layout.keep_heading(lines.len() as f32 * height + body);
        for line in lines {
            self.layout.keep_heading(height);
            let baseline_pt = self.baseline_pt(self.bold, size_pt, self.layout.y_pt());
            self.layout.push(Op::Text {
                x_pt: content.x_pt,
                baseline_pt,
                size_pt,
                bold: true,
                color: self.theme.colors.text,
                text: line,
            });
            self.layout.advance(height);
        }
        self.layout.advance(self.theme.handout.block_gap_pt / 2.0);
    }

    /// One item of the handout.
    pub fn item(&mut self, item: &HandoutItem) -> Result<(), HandoutError> {
        self.layout.gap(self.theme.handout.section_gap_pt);
        match item {
            HandoutItem::Page(id) => {
                let page = self.page_by_id(id)?;
                self.page(page);
            }
            HandoutItem::Diagram { id, step } => self.diagram_item(id, *step)?,
        }
        Ok(())
    }

    /// A page: its title and every block that has words or a diagram.
    fn page(&mut self, page: &Page) {
        self.heading(&page.title, self.theme.handout.heading_pt);
        for block in &page.blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        let tokens = &self.theme.handout;
        let (body, gap) = (tokens.body_pt, tokens.block_gap_pt);
        let width = self.layout.content().width_pt;
        let text = self.theme.colors.text;
        match block {
            Block::Heading(words) => {
                self.layout.gap(gap / 2.0);
                self.heading(words, tokens.subheading_pt);
            }
            Block::Paragraph(words) => {
                self.lines(words, false, body, text, 0.0, width);
                self.layout.gap(gap);
            }
            Block::Bullets(items) => {
                for item in items {
                    self.bullet(item);
                }
                self.layout.gap(gap);
            }
            Block::KeyFact { title, text } => self.key_fact(title, text),
            Block::Table {
                caption,
                columns,
                rows,
            } => self.table(caption.as_deref(), columns, rows),
            Block::Figure {
                source: FigureSource::Diagram(id),
                caption,
                print_caption,
                alt,
            } => {
                // Paper's own words where the screen's do not fit it ("Touch a circle…").
                let words = (print_caption.as_deref())
                    .or(caption.as_deref())
                    .unwrap_or(alt);
                self.page_figure(id, words);
            }
            Block::Figure {
                source: FigureSource::Image(name),
                caption,
                print_caption,
                ..
            } => self.picture(name, print_caption.as_deref().or(caption.as_deref())),
            Block::Contact {
                title,
                phones,
                note,
            } => self.contact(title, phones, note.as_deref()),
            // Buttons do nothing on paper; the handout has its own QR codes.
            Block::GoTo(_) | Block::QrCode { .. } => {}
        }
    }

    fn bullet(&mut self, item: &str) {
        let body = self.theme.handout.body_pt;
        let indent = body * BULLET_INDENT_EM;
        let width = self.layout.content().width_pt - indent;
        self.layout.keep(self.line_pt(body));
        let baseline_pt = self.baseline_pt(self.regular, body, self.layout.y_pt());
        self.layout.push(Op::Text {
            x_pt: self.layout.content().x_pt + body * 0.3,
            baseline_pt,
            size_pt: body,
            bold: true,
            color: self.theme.colors.accent,
            text: "•".to_owned(),
        });
        self.lines(item, false, body, self.theme.colors.text, indent, width);
        self.layout.advance(self.theme.handout.block_gap_pt / 3.0);
    }

    /// A key fact: a tinted box with an accent bar, never split.
    fn key_fact(&mut self, title: &str, text: &str) {
        let tokens = &self.theme.handout;
        let colors = &self.theme.colors;
        let pad = tokens.body_pt;
        let content = self.layout.content();
        let inner = content.width_pt - 2.0 * pad;
        let title_lines = self.bold.wrap(title, tokens.subheading_pt, inner).len() as f32;
        let text_lines = self.regular.wrap(text, tokens.body_pt, inner).len() as f32;
        let height = title_lines * self.line_pt(tokens.subheading_pt)
            + text_lines * self.line_pt(tokens.body_pt)
            + 2.0 * pad * 0.75;
        self.layout.keep(height);
        let top = self.layout.y_pt();
        let area = Area {
            x_pt: content.x_pt,
            y_pt: top,
            width_pt: content.width_pt,
            height_pt: height,
        };
        self.layout.push(Op::Rect {
            area,
            radius_pt: 4.0,
            fill: Some(colors.key_fact),
            stroke: None,
        });
        self.layout.push(Op::Rect {
            area: Area {
                width_pt: 4.0,
                ..area
            },
            radius_pt: 0.0,
            fill: Some(colors.key_fact_border),
            stroke: None,
        });
        self.layout.advance(pad * 0.75);
        let (text_color, size) = (colors.text, tokens.subheading_pt);
        self.lines(title, true, size, text_color, pad, inner);
        self.lines(text, false, tokens.body_pt, text_color, pad, inner);
        self.layout.advance(top + height - self.layout.y_pt());
        self.layout.gap(tokens.block_gap_pt);
    }

    /// A table: a header row, then each row kept whole, cells wrapped in equal columns.
    fn table(&mut self, caption: Option<&str>, columns: &[String], rows: &[Vec<String>]) {
        let tokens = &self.theme.handout;
        let colors = &self.theme.colors;
        let content = self.layout.content();
        let count = columns.len().max(1);
        let column_pt = content.width_pt / count as f32;
        let pad = tokens.body_pt * 0.4;
        let size = tokens.body_pt;
        let header = std::iter::once((columns, true, Some(colors.table_header)));
        let body = rows.iter().enumerate().map(|(index, row)| {
            let stripe = (index % 2 == 1).then_some(colors.table_stripe);
            (row.as_slice(), false, stripe)
        });
        // The first column names the row: bold, as on screen.
        let (regular, bold_face, line_pt) = (self.regular, self.bold, self.line_pt(size));
        let wrap = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells
                .iter()
                .enumerate()
                .map(|(index, cell)| {
                    let face = if bold || index == 0 {
                        bold_face
                    } else {
                        regular
                    };
                    face.wrap(cell, size, column_pt - 2.0 * pad)
                })
                .collect()
        };
        let row_pt = |wrapped: &[Vec<String>]| {
            let most = wrapped.iter().map(Vec::len).max().unwrap_or(1) as f32;
            most * line_pt + 2.0 * pad
        };
        // The header row stays with the first row.
        let first_row_pt = rows.first().map_or(0.0, |row| row_pt(&wrap(row, false)));
        if let Some(caption) = caption {
            // The caption stays with the header and the first row.
            let caption_pt = self.line_pt(tokens.body_pt) + tokens.block_gap_pt / 2.0;
            let header_pt = row_pt(&wrap(columns, true));
            self.layout.keep(caption_pt + header_pt + first_row_pt);
            self.heading(caption, tokens.body_pt);
        }
        for (cells, bold, fill) in header.chain(body) {
            let wrapped = wrap(cells, bold);
            let height = row_pt(&wrapped);
            let with_next = if bold { first_row_pt } else { 0.0 };
            self.layout.keep(height + with_next);
            let top = self.layout.y_pt();
            for (index, lines) in wrapped.into_iter().enumerate() {
                let x = content.x_pt + index as f32 * column_pt;
                let cell = Area {
                    x_pt: x,
                    y_pt: top,
                    width_pt: column_pt,
                    height_pt: height,
                };
                self.layout.push(Op::Rect {
                    area: cell,
                    radius_pt: 0.0,
                    fill,
                    stroke: Some((colors.border, 0.5)),
                });
                let bold = bold || index == 0;
                for (line_index, line) in lines.into_iter().enumerate() {
                    let line_top = top + pad + line_index as f32 * self.line_pt(size);
                    self.layout.push(Op::Text {
                        x_pt: x + pad,
                        baseline_pt: self.baseline_pt(self.face(bold), size, line_top),
                        size_pt: size,
                        bold,
                        color: colors.text,
                        text: line,
                    });
                }
            }
            self.layout.advance(height);
        }
        self.layout.gap(tokens.block_gap_pt);
    }

    /// The phones of a contact card: "label number" each, in bold numbers.
    fn contact(&mut self, title: &str, phones: &[String], note: Option<&str>) {
        let tokens = &self.theme.handout;
        let width = self.layout.content().width_pt;
        let text = self.theme.colors.text;
        self.heading(title, tokens.subheading_pt);
        for id in phones {
            let Some(number) = self.deck.phones.get(id) else {
                continue;
            };
            let label = self.language.clinic.phone_labels.get(id);
            let line = match label {
                Some(label) => format!("{label}: {number}"),
                None => number.clone(),
            };
            self.lines(&line, true, tokens.body_pt, text, 0.0, width);
        }
        if let Some(note) = note {
            self.lines(note, false, tokens.body_pt, text, 0.0, width);
        }
        self.layout.gap(tokens.block_gap_pt);
    }

    /// A picture from the images folder, at its own shape, with its caption; skipped if it
    /// cannot be read.
    fn picture(&mut self, name: &str, caption: Option<&str>) {
        let tokens = &self.theme.handout;
        let path = self.deck.image_path(name);
        let Ok((w, h)) = crate::pictures::dimensions(&path) else {
            return;
        };
        let content = self.layout.content();
        let aspect = w as f32 / h.max(1) as f32;
        let height_pt = tokens
            .image_max_height_pt
            .min(content.width_pt / aspect.max(0.01));
        let width_pt = height_pt * aspect;
        let caption_pt = caption.map_or(0.0, |_| self.line_pt(tokens.small_pt));
        self.layout.keep(height_pt + caption_pt);
        let area = Area {
            x_pt: content.x_pt,
            y_pt: self.layout.y_pt(),
            width_pt,
            height_pt,
        };
        self.layout.push(Op::Image { path, area });
        self.layout.advance(height_pt);
        if let Some(caption) = caption {
            let muted = self.theme.colors.text_muted;
            self.lines(
                caption,
                false,
                tokens.small_pt,
                muted,
                0.0,
                content.width_pt,
            );
        }
        self.layout.gap(tokens.block_gap_pt);
    }

    /// A page's diagram: at the step the clinician added it at (with that step's words), if
    /// they did; else at the step they drew on, or its fullest (paper cannot step through
    /// it). Not at all if it is printed already.
    fn page_figure(&mut self, id: &str, caption: &str) {
        let Some(diagram) = self.deck.diagrams.get(id) else {
            return;
        };
        if let Some(&step) = self.chosen_steps.get(id) {
            let step = step.min(diagram.last_step());
            let words = self.step_words(id, step);
            let prominent = words.is_some();
            self.figure(
                id,
                step,
                Some(words.as_deref().unwrap_or(caption)),
                prominent,
            );
            return;
        }
        let drawn_on = self.ink.inked_steps(id).last().copied();
        let step = drawn_on.map_or_else(
            || diagram.fullest_step(),
            |step| step.min(diagram.last_step()),
        );
        self.figure(id, step, Some(caption), false);
    }

    /// The words of a walk-through's step (numbered in the content: "3. Small cuts. ...").
    fn step_words(&self, id: &str, step: usize) -> Option<String> {
        let diagram = self.deck.diagrams.get(id)?;
        let step = diagram.steps.get(step)?;
        let words = self.language.diagram_texts.get(id)?.steps.get(&step.id)?;
        Some(words.clone())
    }

    /// The strokes drawn on diagram `id` at `step`.
    fn strokes(&self, id: &str, step: usize) -> &'a [crate::ink::Stroke] {
        self.ink.strokes(&Surface::Diagram {
            id: id.to_owned(),
            step,
        })
    }

    /// The size a diagram is drawn at, and the height of its caption: across the column, no
    /// taller than the token allows nor than a page leaves room for.
    fn figure_size(
        &self,
        (id, step): (&str, usize),
        caption: Option<&str>,
        prominent: bool,
    ) -> Option<(f32, f32, f32)> {
        let diagram = self.deck.diagrams.get(id)?;
        let tokens = &self.theme.handout;
        let content = self.layout.content();
        // The drawing with every stroke on it: a stroke beside the drawing is printed too.
        let drawn = drawn_box(diagram, self.strokes(id, step));
        let (vb_w, vb_h) = (drawn.width_pt, drawn.height_pt);
        if vb_w <= 0.0 || vb_h <= 0.0 {
            return None;
        }
        let size = self.caption_pt(prominent);
        let caption_pt = caption.map_or(0.0, |text| {
            let lines = self.regular.wrap(text, size, content.width_pt).len();
            lines as f32 * self.line_pt(size)
        });
        let room = content.height_pt - caption_pt - 3.0 * tokens.block_gap_pt;
        let height_pt = (content.width_pt * vb_h / vb_w)
            .min(tokens.diagram_max_height_pt)
            .min(room.max(content.height_pt / 3.0));
        Some((height_pt * vb_w / vb_h, height_pt, caption_pt))
    }

    /// The size of a caption: body text when it is the point of the figure (a step's words),
    /// small print under a page's figure.
    fn caption_pt(&self, prominent: bool) -> f32 {
        let tokens = &self.theme.handout;
        if prominent {
            tokens.body_pt
        } else {
            tokens.small_pt
        }
    }

    /// A diagram at `step` with a caption under it, all on one page. A page's figures show
    /// their fullest step: paper cannot step through them.
    fn figure(&mut self, id: &str, step: usize, caption: Option<&str>, prominent: bool) {
        if !self.printed.insert(id.to_owned()) {
            return;
        }
        let Some((width_pt, height_pt, caption_pt)) =
            self.figure_size((id, step), caption, prominent)
        else {
            return;
        };
        let tokens = &self.theme.handout;
        let content = self.layout.content();
        let words_pt = caption_pt + tokens.block_gap_pt / 2.0;
        // A diagram that nearly fits in what is left of the page is drawn a little smaller
        // there, rather than leaving the rest of the page empty.
        let left_pt = content.bottom_pt() - self.layout.y_pt() - words_pt;
        let (width_pt, height_pt) = if left_pt < height_pt && left_pt >= height_pt * 0.6 {
            (width_pt * left_pt / height_pt, left_pt)
        } else {
            (width_pt, height_pt)
        };
        self.layout.keep(height_pt + words_pt);
        let area = Area {
            x_pt: content.x_pt + (content.width_pt - width_pt) / 2.0,
            y_pt: self.layout.y_pt(),
            width_pt,
            height_pt,
        };
        self.layout.push(Op::Diagram {
            id: id.to_owned(),
            step,
            area,
        });
        self.layout.advance(height_pt + tokens.block_gap_pt / 2.0);
        if let Some(caption) = caption {
            let color = if prominent {
                self.theme.colors.text
            } else {
                self.theme.colors.text_muted
            };
            let size = self.caption_pt(prominent);
            self.lines(caption, false, size, color, 0.0, content.width_pt);
        }
        self.layout.gap(tokens.block_gap_pt);
    }

    /// A diagram at a step: the title of the page that shows it, the drawing at that step,
    /// and the step's caption in body text, or else the figure's own caption. Nothing if it
    /// is printed already (in its page, which is in the handout too).
    fn diagram_item(&mut self, id: &str, step: usize) -> Result<(), HandoutError> {
        let Some(diagram) = self.deck.diagrams.get(id) else {
            return Err(HandoutError::UnknownDiagram(id.to_owned()));
        };
        if self.printed.contains(id) {
            return Ok(());
        }
        let figure = self.language.pages().find_map(|(_, page)| {
            page.blocks.iter().find_map(|block| match block {
                Block::Figure {
                    source: FigureSource::Diagram(shown),
                    caption,
                    print_caption,
                    alt,
                } if shown == id => Some((
                    page,
                    (print_caption.as_deref())
                        .or(caption.as_deref())
                        .unwrap_or(alt),
                )),
                _ => None,
            })
        });
        let step = step.min(diagram.last_step());
        let caption =
            (self.step_words(id, step)).or_else(|| figure.map(|(_, caption)| caption.to_owned()));
        let title = figure.map(|(page, _)| page.title.clone());
        if let Some(title) = &title {
            self.heading(title, self.theme.handout.heading_pt);
        }
        self.figure(id, step, caption.as_deref(), true);
        Ok(())
    }

    /// What the clinician wrote for the patient, in a framed box under the title: each
    /// field's name, then what was written, or a line to write on by hand.
    pub fn care_team(&mut self, notes: &HandoutNotes) {
        let tokens = &self.theme.handout;
        let colors = &self.theme.colors;
        let words = &self.language.interface.handout;
        let content = self.layout.content();
        let pad = tokens.body_pt * 0.75;
        let (body, line) = (tokens.body_pt, self.line_pt(tokens.body_pt));
        // Names in a column as wide as the longest needs (at most 40%), what was written beside.
        let name_pt = (NoteField::ALL.iter())
            .map(|&field| self.regular.width_pt(field.name(words), body))
            .fold(0.0, f32::max)
            .min(content.width_pt * 0.4)
            + body;
        let value_pt = content.width_pt - 2.0 * pad - name_pt;
        let rows: Vec<(NoteField, Vec<String>, Vec<String>)> = (NoteField::ALL.iter())
            .map(|&field| {
                let name = self.regular.wrap(field.name(words), body, name_pt - body);
                let written = notes.get(field).trim();
                let value = if written.is_empty() {
                    // Blank lines to write on: two for what to do, one for the rest.
                    vec![String::new(); if field.is_long() { 2 } else { 1 }]
                } else {
                    self.bold.wrap(written, body, value_pt)
                };
                (field, name, value)
            })
            .collect();
        let row_gap = tokens.block_gap_pt * 0.6;
        let heading_pt = self.line_pt(tokens.subheading_pt) + row_gap;
        let height = 2.0 * pad
            + heading_pt
            + (rows.iter())
                .map(|(_, name, value)| name.len().max(value.len()) as f32 * line + row_gap)
                .sum::<f32>();
        self.layout.gap(tokens.block_gap_pt);
        self.layout.keep(height);
        let top = self.layout.y_pt();
        self.layout.push(Op::Rect {
            area: Area {
                x_pt: content.x_pt,
                y_pt: top,
                width_pt: content.width_pt,
                height_pt: height,
            },
            radius_pt: 4.0,
            fill: None,
            stroke: Some((colors.border, 1.0)),
        });
        self.layout.advance(pad);
        let heading = words.care_team.clone();
        let inner = content.width_pt - 2.0 * pad;
        let text = colors.text;
        self.lines(&heading, true, tokens.subheading_pt, text, pad, inner);
        self.layout.advance(row_gap);
        let (name_x, value_x) = (content.x_pt + pad, content.x_pt + pad + name_pt);
        for (_, name, value) in rows {
            let row_top = self.layout.y_pt();
            let lines = name.len().max(value.len()).max(1) as f32;
            for (index, words) in name.into_iter().enumerate() {
                let top = row_top + index as f32 * line;
                self.layout.push(Op::Text {
                    x_pt: name_x,
                    baseline_pt: self.baseline_pt(self.regular, body, top),
                    size_pt: body,
                    bold: false,
                    color: colors.text_muted,
                    text: words,
                });
            }
            for (index, words) in value.into_iter().enumerate() {
                let top = row_top + index as f32 * line;
                let baseline_pt = self.baseline_pt(self.bold, body, top);
                if words.is_empty() {
                    let y = baseline_pt + 2.0;
                    self.layout.push(Op::Line {
                        from: (value_x, y),
                        to: (value_x + value_pt, y),
                        width_pt: 0.75,
                        color: colors.border,
                    });
                } else {
                    self.layout.push(Op::Text {
                        x_pt: value_x,
                        baseline_pt,
                        size_pt: body,
                        bold: true,
                        color: text,
                        text: words,
                    });
                }
            }
            self.layout.advance(lines * line + row_gap);
        }
        self.layout.advance(top + height - self.layout.y_pt());
    }

    /// One QR code per phone of the deck and one for the patient portal, in a row of cards
    /// (more rows if they do not fit), each with what it does and the number or address.
    pub fn qr_codes(&mut self) {
        let words = &self.language.interface.handout;
        let clinic = &self.language.clinic;
        let mut cards: Vec<(String, String, String, String)> = Vec::new();
        for (id, number) in &self.deck.phones {
            let Some(uri) = tel_uri(number) else {
                continue;
            };
            let label = clinic.phone_labels.get(id).cloned().unwrap_or_default();
            cards.push((uri, words.call_us.clone(), label, number.clone()));
        }
        if let Some(url) = &self.deck.portal_url {
            let shown = url
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/')
                .to_owned();
            cards.push((url.clone(), words.portal.clone(), String::new(), shown));
        }
        let cards: Vec<_> = cards
            .into_iter()
            .filter_map(|(payload, a, b, c)| Some((QrModules::encode(&payload).ok()?, a, b, c)))
            .collect();
        if cards.is_empty() {
            return;
        }
        let tokens = &self.theme.handout;
        let content = self.layout.content();
        let side = tokens.qr_side_pt.max(72.0);
        let gap = tokens.body_pt;
        let per_row = (((content.width_pt + gap) / (side + gap)) as usize)
            .clamp(1, 3)
            .min(cards.len());
        let card_pt = (content.width_pt - gap * (per_row - 1) as f32) / per_row as f32;
        let heading = words.contact_heading.clone();
        self.layout.gap(tokens.section_gap_pt);
        let small = tokens.small_pt;
        let text_pt = |face: &Face, text: &str, size: f32| {
            face.wrap(text, size, card_pt).len() as f32 * size * tokens.line_spacing
        };
        let mut rows = cards.chunks(per_row).peekable();
        let mut first = true;
        while let Some(row) = rows.next() {
            let words_pt = row
                .iter()
                .map(|(_, does, label, _)| {
                    text_pt(self.bold, does, small)
                        + text_pt(self.regular, label, small)
                        + self.line_pt(tokens.body_pt)
                })
                .fold(0.0, f32::max);
            let height = side + words_pt + gap;
            if first {
                let heading_pt = self.line_pt(tokens.heading_pt) + tokens.block_gap_pt;
                self.layout.keep(heading_pt + height);
                self.heading(&heading, tokens.heading_pt);
                // The row is placed under its heading: the heading is no longer held.
                self.layout.keep(height);
                first = false;
            } else {
                self.layout.keep(height);
            }
            let top = self.layout.y_pt();
            for (index, (modules, does, label, shown)) in row.iter().enumerate() {
                let x = content.x_pt + index as f32 * (card_pt + gap);
                self.layout.push(Op::Qr {
                    modules: modules.clone(),
                    area: Area {
                        x_pt: x + (card_pt - side) / 2.0,
                        y_pt: top,
                        width_pt: side,
                        height_pt: side,
                    },
                });
                let mut y = top + side;
                for (text, bold, size) in [
                    (does, true, small),
                    (label, false, small),
                    (shown, true, tokens.body_pt),
                ] {
                    let face = self.face(bold);
                    // A long address is set smaller rather than broken.
                    let size = size.min(size * card_pt * 0.97 / face.width_pt(text, size).max(1.0));
                    for line in face.wrap(text, size, card_pt) {
                        let width = face.width_pt(&line, size);
                        self.layout.push(Op::Text {
                            x_pt: x + (card_pt - width) / 2.0,
                            baseline_pt: self.baseline_pt(face, size, y),
                            size_pt: size,
                            bold,
                            color: self.theme.colors.text,
                            text: line,
                        });
                        y += self.line_pt(size);
                    }
                }
            }
            self.layout.advance(height);
            if rows.peek().is_some() {
                self.layout.gap(gap);
            }
        }
    }

    /// "My questions": a heading, a line on what it is for, and ruled lines to write on, all
    /// on one page.
    pub fn questions(&mut self) {
        let tokens = &self.theme.handout;
        let words = &self.language.interface.handout;
        let content = self.layout.content();
        let lines = tokens.question_lines as f32;
        let hint_pt = self
            .regular
            .wrap(&words.questions_hint, tokens.body_pt, content.width_pt)
            .len() as f32
            * self.line_pt(tokens.body_pt);
        let height = self.line_pt(tokens.heading_pt)
            + tokens.block_gap_pt
            + hint_pt
            + lines * tokens.question_line_gap_pt;
        self.layout.gap(tokens.section_gap_pt);
        self.layout.keep(height);
        let (heading, hint) = (words.my_questions.clone(), words.questions_hint.clone());
        self.heading(&heading, tokens.heading_pt);
        let muted = self.theme.colors.text_muted;
        self.lines(&hint, false, tokens.body_pt, muted, 0.0, content.width_pt);
        for _ in 0..tokens.question_lines {
            self.layout.advance(tokens.question_line_gap_pt);
            let y = self.layout.y_pt();
            self.layout.push(Op::Line {
                from: (content.x_pt, y),
                to: (content.right_pt(), y),
                width_pt: 0.75,
                color: self.theme.colors.border,
            });
        }
    }
}
