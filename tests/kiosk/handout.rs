//! The take-home handout PDF, read back as a patient's printer and phone would: its words with
//! `pdftotext`, its pages rendered with `pdftoppm` and its QR codes decoded with `rqrr`.
//!
//! The poppler tools (`poppler-utils`) must be installed on CI (`.ci/run` installs them);
//! elsewhere a test without them prints a note and passes.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use patient_kiosk::content::Deck;
use patient_kiosk::content::model::Target;
use patient_kiosk::handout::{
    HandoutError, HandoutItem, HandoutNotes, HandoutRequest, Paper, handout_pdf,
};
use patient_kiosk::ink::{InkSet, Pen, PenWidth, Stroke, Surface};
use patient_kiosk::theme::{Rgb, Theme};

/// Five pages with words of every kind: a diagram, a table, a key fact, bullets, a contact.
const PAGES: [&str; 5] = [
    "what-is-it-how",
    "benefits-compare",
    "risks-paralysis",
    "conditions-spine",
    "appointments-call",
];

const PHONES: [&str; 2] = ["216.636.5860", "866.588.2264"];

fn pages() -> Vec<HandoutItem> {
    PAGES
        .iter()
        .map(|id| HandoutItem::Page((*id).to_owned()))
        .collect()
}

fn language(deck: &Deck, code: &str) -> usize {
    deck.languages
        .iter()
        .position(|language| language.code == code)
        .unwrap_or_else(|| panic!("no language {code}"))
}

fn pdf(deck: &Deck, language: usize, items: &[HandoutItem], ink: &InkSet, paper: Paper) -> Vec<u8> {
    let request = HandoutRequest {
        language,
        items,
        ink,
        paper,
        notes: &HandoutNotes::default(),
    };
    handout_pdf(deck, &Theme::bundled(), &request).expect("the handout is made")
}

/// Writes `bytes` as `name` in `dir`.
fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write the PDF");
    path
}

/// Every page of the PDF as a PNG at 150 dots per inch, in page order.
fn render(pdf: &Path, dir: &Path) -> Vec<image::RgbImage> {
    let prefix = dir.join("page");
    let status = Command::new("pdftoppm")
        .args(["-r", "150", "-png"])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .expect("pdftoppm runs");
    assert!(status.success());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("page") && n.ends_with(".png"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| image::open(file).expect("a PNG").to_rgb8())
        .collect()
}

#[test]
fn the_handout_holds_the_chosen_pages_and_both_phone_numbers_in_english_and_spanish() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    for code in ["en", "es"] {
        let index = language(&deck, code);
        let bytes = pdf(&deck, index, &pages(), &InkSet::default(), Paper::Letter);
        assert!(bytes.starts_with(b"%PDF-"));
        let text = common::pdf_text(&write(dir.path(), &format!("{code}.pdf"), &bytes));
        let language = deck.language(index);
        for id in PAGES {
            let at = language
                .resolve(&Target::Page(id.to_owned()))
                .expect("a bundled page");
            let title = &language.page(at).expect("the page").title;
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                text.contains(&title),
                "{code}: no title {title:?} in:\n{text}"
            );
        }
        for phone in PHONES {
            assert!(text.contains(phone), "{code}: no {phone} in:\n{text}");
        }
        let words = &language.interface.handout;
        for expected in [&words.title, &words.my_questions, &language.clinic.name] {
            assert!(text.contains(expected.as_str()), "{code}: no {expected:?}");
        }
        assert!(
            (1..=10).any(|total| text.contains(&words.page_footer(1, total))),
            "{code}: no page footer in:\n{text}"
        );
    }
}

#[test]
fn the_qr_codes_call_the_clinic_and_open_the_portal() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    let items = [HandoutItem::Page("appointments-call".to_owned())];
    let bytes = pdf(&deck, 0, &items, &InkSet::default(), Paper::Letter);
    let path = write(dir.path(), "qr.pdf", &bytes);
    let mut found: Vec<String> = Vec::new();
    for page in render(&path, dir.path()) {
        let grey = image::DynamicImage::ImageRgb8(page).to_luma8();
        let mut prepared = rqrr::PreparedImage::prepare(grey);
        for grid in prepared.detect_grids() {
            let (_, text) = grid.decode().expect("every QR code found decodes");
            found.push(text);
        }
    }
    found.sort();
    let mut expected = vec![
        "https://mychart.clevelandclinic.org/".to_owned(),
        "tel:+12166365860".to_owned(),
        "tel:+18665882264".to_owned(),
    ];
    expected.sort();
    assert_eq!(found, expected);
}

/// Pixels within a small distance of `color`, and the box around them.
fn near(page: &image::RgbImage, color: Rgb) -> (usize, Option<(u32, u32, u32, u32)>) {
    let mut count = 0;
    let mut bounds: Option<(u32, u32, u32, u32)> = None;
    for (x, y, pixel) in page.enumerate_pixels() {
        let distance: i32 = pixel
            .0
            .iter()
            .zip(color.0)
            .map(|(&a, b)| (i32::from(a) - i32::from(b)).abs())
            .sum();
        if distance < 45 {
            count += 1;
            bounds = Some(match bounds {
                None => (x, y, x, y),
                Some((x0, y0, x1, y1)) => (x0.min(x), y0.min(y), x1.max(x), y1.max(y)),
            });
        }
    }
    (count, bounds)
}

#[test]
fn a_stroke_drawn_on_a_diagram_is_printed_on_it() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let green = theme.ink.color(2);
    let spine = &deck.diagrams["spine"];
    let (width, height) = (spine.view_box.width, spine.view_box.height);
    // A thick green wave across the middle of the diagram, in the diagram's own units.
    let mut stroke = Stroke::new(
        Pen {
            color: 2,
            width: PenWidth::Thick,
        },
        (width * 0.2, height * 0.5),
    );
    for i in 1..=20 {
        let t = i as f32 / 20.0;
        stroke.extend_to(
            (
                width * (0.2 + 0.6 * t),
                height * (0.5 + 0.05 * (t * 12.0).sin()),
            ),
            1.0,
        );
    }
    let mut ink = InkSet::default();
    ink.add(
        Surface::Diagram {
            id: "spine".to_owned(),
            step: 0,
        },
        stroke,
    );
    let items = [HandoutItem::Diagram {
        id: "spine".to_owned(),
        step: 0,
    }];
    let dir = tempfile::tempdir().expect("temp dir");
    let plain_dir = dir.path().join("plain");
    let inked_dir = dir.path().join("inked");
    for folder in [&plain_dir, &inked_dir] {
        std::fs::create_dir_all(folder).expect("folder");
    }
    let plain = pdf(&deck, 0, &items, &InkSet::default(), Paper::Letter);
    let inked = pdf(&deck, 0, &items, &ink, Paper::Letter);
    let plain_page = &render(&write(&plain_dir, "h.pdf", &plain), &plain_dir)[0];
    let inked_page = &render(&write(&inked_dir, "h.pdf", &inked), &inked_dir)[0];
    let (before, _) = near(plain_page, green);
    let (after, bounds) = near(inked_page, green);
    assert!(before < 50, "{before} green pixels without ink");
    assert!(after > 2000, "only {after} green pixels with the stroke");
    let (x0, y0, x1, y1) = bounds.expect("green pixels");
    // 150 dpi: the stroke spans 60% of a diagram at most 6.9 inches wide, and stays inside
    // the page's margins.
    let margin_px = (theme.handout.margin_pt / 72.0 * 150.0) as u32;
    assert!(x1 - x0 > 300, "the stroke is {} px wide", x1 - x0);
    assert!(x0 > margin_px && x1 < inked_page.width() - margin_px);
    assert!(y0 > margin_px && y1 < inked_page.height() - margin_px);
    assert!(y1 - y0 < x1 - x0, "a wave across, not down");
}

#[test]
fn a4_and_letter_paper_give_their_page_sizes() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    let items = [HandoutItem::Page("what-is-it-how".to_owned())];
    for (paper, size) in [
        (Paper::Letter, "612 x 792 pts (letter)"),
        (Paper::A4, "595.28 x 841.89 pts (A4)"),
    ] {
        let bytes = pdf(&deck, 0, &items, &InkSet::default(), paper);
        let path = write(dir.path(), "paper.pdf", &bytes);
        let output = Command::new("pdfinfo")
            .arg(&path)
            .output()
            .expect("pdfinfo");
        let info = String::from_utf8_lossy(&output.stdout);
        assert!(info.contains(size), "{paper:?}: {info}");
    }
}

#[test]
fn an_unknown_page_or_diagram_is_named_in_the_error() {
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let ink = InkSet::default();
    for (items, expected) in [
        (
            vec![
                HandoutItem::Page("what-is-it-how".to_owned()),
                HandoutItem::Page("no-such-page".to_owned()),
            ],
            "there is no page with the id \"no-such-page\"",
        ),
        (
            vec![HandoutItem::Diagram {
                id: "no-such-diagram".to_owned(),
                step: 0,
            }],
            "there is no diagram with the id \"no-such-diagram\"",
        ),
    ] {
        let request = HandoutRequest {
            language: 0,
            items: &items,
            ink: &ink,
            paper: Paper::Letter,
            notes: &HandoutNotes::default(),
        };
        let error = handout_pdf(&deck, &theme, &request).expect_err("an unknown id fails");
        assert!(matches!(
            error,
            HandoutError::UnknownPage(_) | HandoutError::UnknownDiagram(_)
        ));
        assert_eq!(error.to_string(), expected);
    }
}

#[test]
fn the_handout_command_writes_a_pdf_and_names_an_unknown_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("notes/handout.pdf");
    let config = dir.path().join("no-config.ron");
    let out_arg = out.to_str().expect("utf-8 path");
    let config_arg = config.to_str().expect("utf-8 path");
    let output = common::run_bin(&[
        "handout",
        "--pages",
        "what-is-it-how,risks-paralysis",
        "--diagrams",
        "surgery-day-steps:3,spine",
        "--lang",
        "es",
        "--paper",
        "a4",
        "--out",
        out_arg,
        "--config",
        config_arg,
    ]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let bytes = std::fs::read(&out).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"));
    let printed = common::stdout(&output);
    assert!(printed.contains(out_arg), "{printed}");
    assert!(
        printed.contains(&format!("{} bytes", bytes.len())),
        "{printed}"
    );

    let output = common::run_bin(&[
        "handout",
        "--pages",
        "what-is-it-how,nothing-here",
        "--out",
        out_arg,
        "--config",
        config_arg,
    ]);
    assert_eq!(output.status.code(), Some(3));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("\"nothing-here\""), "{error}");

    let output = common::run_bin(&["handout", "--diagrams", "spine:0", "--out", out_arg]);
    assert_eq!(output.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&output.stderr).contains("a step is a number from 1"));
}

/// How many pictures the PDF embeds, as `pdfimages -list` counts them.
fn embedded_pictures(pdf: &Path) -> usize {
    let output = Command::new("pdfimages")
        .arg("-list")
        .arg(pdf)
        .output()
        .expect("pdfimages runs");
    assert!(output.status.success(), "pdfimages failed");
    // Two header lines, then one line per image.
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .skip(2)
        .filter(|line| !line.trim().is_empty())
        .count()
}

#[test]
fn a_jpeg_named_png_is_printed_and_a_picture_spoilt_after_check_is_left_out_alone() {
    if !common::poppler() {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = common::Fixture::new();
    let items = [HandoutItem::Page("beta-1".to_owned())];
    let make = |name: &str| {
        let deck = patient_kiosk::load_deck(&fixture.paths()).expect("check accepts it");
        let bytes = pdf(&deck, 0, &items, &InkSet::default(), Paper::A4);
        (deck, write(dir.path(), name, &bytes))
    };
    let (_, with_png) = make("png.pdf");
    let pictures = embedded_pictures(&with_png);
    assert_eq!(pictures, 2, "the logo in the header and the page's figure");

    // A JPEG under a .png name (what a camera or an export often gives): it used to show on
    // screen and be left out of every handout.
    image::RgbImage::from_pixel(4, 4, image::Rgb([10, 80, 140]))
        .save_with_format(
            fixture.path("assets/images/logo.png"),
            image::ImageFormat::Jpeg,
        )
        .expect("write a jpeg");
    let (deck, with_jpeg) = make("jpeg.pdf");
    assert_eq!(embedded_pictures(&with_jpeg), pictures);

    // Cut short after `check` took it: the handout is still made, without the picture
    // (it used to fail as a whole), and says everything else.
    let logo = fixture.path("assets/images/logo.png");
    let bytes = std::fs::read(&logo).expect("read");
    std::fs::write(&logo, &bytes[..bytes.len() / 2]).expect("cut");
    let spoilt = write(
        dir.path(),
        "spoilt.pdf",
        &pdf(&deck, 0, &items, &InkSet::default(), Paper::A4),
    );
    assert_eq!(embedded_pictures(&spoilt), 0);
    assert!(common::pdf_text(&spoilt).contains("Second page"));
}

/// Paper cannot be touched: a handout of every page and every diagram, in both languages, holds
/// no screen-only instruction; a figure's caption for paper (`print_caption`) is printed in its
/// place (the spine's caption said "Touch a circle beside a word" on paper, issue 19).
#[test]
fn a_handout_of_everything_tells_no_one_to_touch_the_paper() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    for (code, screen_only) in [
        ("en", ["Touch", "Tap ", "Swipe"]),
        ("es", ["Toque", "Toca ", "Deslice"]),
    ] {
        let index = language(&deck, code);
        let words = deck.language(index);
        let mut items: Vec<HandoutItem> = (words.pages())
            .map(|(_, page)| HandoutItem::Page(page.id.clone()))
            .collect();
        let mut shown = std::collections::BTreeSet::new();
        for (_, page) in words.pages() {
            shown.extend(page.diagram_ids().cloned());
        }
        items.extend(
            shown
                .into_iter()
                .map(|id| HandoutItem::Diagram { id, step: 0 }),
        );
        let bytes = pdf(&deck, index, &items, &InkSet::default(), Paper::Letter);
        let text = common::pdf_text(&write(dir.path(), &format!("{code}.pdf"), &bytes));
        for words in screen_only {
            assert!(
                !text.contains(words),
                "{code}: {words:?} is printed: {text}"
            );
        }
        let spine = match code {
            "en" => "Your spine from the side, with the names of its parts.",
            _ => "Su columna vista de lado, con los nombres de sus partes.",
        };
        assert!(text.contains(spine), "{code}: the caption for paper");
    }
}

/// One word of a PDF as `pdftotext -bbox` finds it: its page (from 0), box and words.
#[derive(Debug)]
struct Word {
    page: usize,
    top: f32,
    bottom: f32,
    text: String,
}

impl Word {
    /// Its text size in points: poppler's box is the font's ascent to descent, `em` times the
    /// size.
    fn size_pt(&self, em: f32) -> f32 {
        (self.bottom - self.top) / em
    }
}

/// Every word of `pdf` with its box, page by page.
fn words(pdf: &Path) -> Vec<Word> {
    let output = Command::new("pdftotext")
        .args(["-bbox", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "pdftotext -bbox failed");
    let html = String::from_utf8_lossy(&output.stdout);
    let attribute = |line: &str, name: &str| -> f32 {
        let start = line.find(&format!("{name}=\"")).expect("an attribute") + name.len() + 2;
        let end = start + line[start..].find('"').expect("its end");
        line[start..end].parse().expect("a number")
    };
    let mut page = None;
    let mut found = Vec::new();
    for line in html.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page = Some(page.map_or(0, |page| page + 1));
        } else if line.starts_with("<word ") {
            let text = line[line.find('>').expect("a tag") + 1..]
                .trim_end_matches("</word>")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
            found.push(Word {
                page: page.expect("a page first"),
                top: attribute(line, "yMin"),
                bottom: attribute(line, "yMax"),
                text,
            });
        }
    }
    found
}

/// The words of `text`, one by one, as `pdftotext` splits them.
fn split(text: &str) -> Vec<String> {
    text.split_whitespace().map(str::to_owned).collect()
}

/// A handout of every page and every diagram, in both languages, read back as a patient would
/// hold it (issue 19): the body is 14 pt and nothing is under 12 pt but a diagram's labels;
/// no page ends with a heading (its words start the next page); each diagram is printed once,
/// though its page and the diagram itself were both added; both fonts are embedded.
#[test]
fn a_handout_of_everything_reads_well_on_paper() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let tokens = &theme.handout;
    let label_pt = theme.diagram.label_pt * tokens.screen_to_paper;
    let dir = tempfile::tempdir().expect("temp dir");
    for code in ["en", "es"] {
        let index = language(&deck, code);
        let language = deck.language(index);
        let mut items: Vec<HandoutItem> = (language.pages())
            .map(|(_, page)| HandoutItem::Page(page.id.clone()))
            .collect();
        let mut shown = std::collections::BTreeSet::new();
        for (_, page) in language.pages() {
            shown.extend(page.diagram_ids().cloned());
        }
        items.extend((shown.iter().cloned()).map(|id| HandoutItem::Diagram { id, step: 0 }));
        let started = std::time::Instant::now();
        let bytes = pdf(&deck, index, &items, &InkSet::default(), Paper::Letter);
        let made = started.elapsed();
        let file = write(dir.path(), &format!("{code}.pdf"), &bytes);
        let words = words(&file);
        let pages = words.iter().map(|word| word.page).max().unwrap_or(0) + 1;
        eprintln!(
            "{code}: {} items, {pages} pages, {} bytes, made in {made:?}",
            items.len(),
            bytes.len()
        );

        // The size of type: poppler's box over the size, from the title (set at title_pt).
        let title = split(&language.interface.handout.title);
        let em = (words.iter().find(|word| word.text == title[0]))
            .map(|word| (word.bottom - word.top) / tokens.title_pt)
            .expect("the title is printed");
        let mut labels: Vec<String> = Vec::new();
        for id in &shown {
            let diagram = &deck.diagrams[id];
            let texts = &language.diagram_texts[id];
            let visible = diagram.visible_layers(0);
            for (layer, _) in diagram.layers.iter().zip(visible).filter(|(_, on)| *on) {
                for shape in &layer.shapes {
                    if let patient_kiosk::content::diagram::Shape::Label { text, .. } = shape
                        && let Some(words) = texts.labels.get(text)
                    {
                        labels.extend(split(words));
                    }
                }
            }
        }
        let mut small: Vec<String> = (words.iter())
            .filter(|word| word.size_pt(em) < tokens.small_pt - 0.5)
            .map(|word| word.text.clone())
            .collect();
        let mut body = 0;
        for word in &words {
            let size = word.size_pt(em);
            if (size - label_pt).abs() > 0.5 && size < tokens.small_pt - 0.5 {
                panic!("{code}: {:?} is printed at {size:.1} pt", word.text);
            }
            body += usize::from((size - tokens.body_pt).abs() < 0.5);
        }
        assert!(
            body * 2 > words.len(),
            "{code}: {body} of {} words at {} pt",
            words.len(),
            tokens.body_pt
        );
        // Each diagram once: the words at label size are exactly those of each diagram's
        // labels, once each (a diagram printed twice would print them twice).
        small.sort();
        labels.sort();
        assert_eq!(small, labels, "{code}: the labels printed");

        // No page ends with a heading: the last line over the footer is never one.
        let mut headings: Vec<Vec<String>> = Vec::new();
        for (_, page) in language.pages() {
            headings.push(split(&page.title));
            for block in &page.blocks {
                use patient_kiosk::content::model::Block;
                match block {
                    Block::Heading(words) | Block::Contact { title: words, .. } => {
                        headings.push(split(words));
                    }
                    Block::Table {
                        caption: Some(words),
                        ..
                    } => headings.push(split(words)),
                    _ => {}
                }
            }
        }
        let footer = split(&language.interface.handout.page_footer(1, pages))[0].clone();
        for page in 0..pages {
            let on_page: Vec<&Word> = (words.iter()).filter(|word| word.page == page).collect();
            let footer_top = (on_page.iter())
                .filter(|word| word.text == footer)
                .map(|word| word.top)
                .fold(f32::MAX, f32::min);
            let last_top = (on_page.iter())
                .filter(|word| word.bottom < footer_top - 1.0)
                .map(|word| word.top)
                .fold(0.0, f32::max);
            let last: Vec<&Word> = (on_page.iter().copied())
                .filter(|word| (word.top - last_top).abs() < 2.0)
                .collect();
            let line: Vec<String> = last.iter().map(|word| word.text.clone()).collect();
            assert!(
                last.iter()
                    .all(|word| word.size_pt(em) < tokens.body_pt + 0.5),
                "{code}: page {} ends with a heading: {line:?}",
                page + 1
            );
            assert!(
                !headings.iter().any(|heading| heading.ends_with(&line)),
                "{code}: page {} ends with the heading {line:?}",
                page + 1
            );
        }

        // Both fonts are embedded, and no other.
        let fonts = Command::new("pdffonts")
            .arg(&file)
            .output()
            .expect("pdffonts");
        let fonts = String::from_utf8_lossy(&fonts.stdout);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert_eq!(rows.len(), 2, "{code}: {fonts}");
        for row in rows {
            assert!(row.contains("AtkinsonHyperlegible"), "{row}");
            let columns: Vec<&str> = row.split_whitespace().collect();
            assert_eq!(
                columns[columns.len() - 5],
                "yes",
                "{code}: not embedded: {row}"
            );
        }
    }
}

/// A ring of green ink, `radius` across, round `center`, in a diagram's own units.
fn ring(center: (f32, f32), radius: f32) -> Stroke {
    let pen = Pen {
        color: 2,
        width: PenWidth::Thick,
    };
    let mut stroke = Stroke::new(pen, (center.0 + radius, center.1));
    for i in 1..=40 {
        let angle = i as f32 / 40.0 * std::f32::consts::TAU;
        let point = (
            center.0 + radius * angle.cos(),
            center.1 + radius * angle.sin(),
        );
        stroke.extend_to(point, 0.1);
    }
    stroke
}

/// A clinician may draw beside a diagram, on its card's margin: the stroke is printed whole
/// with the diagram (before, it was cut off at the drawing's edge), and a stroke on the
/// drawing stays on the same spot of the drawing.
#[test]
fn a_stroke_beside_a_diagram_is_printed_whole_and_one_on_it_in_its_place() {
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let theme = Theme::bundled();
    let green = theme.ink.color(2);
    let spine = &deck.diagrams["spine"];
    let (width, height) = (spine.view_box.width, spine.view_box.height);
    let radius = width.min(height) * 0.06;
    let items = [HandoutItem::Diagram {
        id: "spine".to_owned(),
        step: 0,
    }];
    let surface = Surface::Diagram {
        id: "spine".to_owned(),
        step: 0,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pixels = Vec::new();
    // The same ring: in the middle of the drawing, then wholly left of it.
    for (name, center) in [
        ("on", (width * 0.5, height * 0.5)),
        ("beside", (-radius * 1.5, height * 0.5)),
    ] {
        let mut ink = InkSet::default();
        ink.add(surface.clone(), ring(center, radius));
        let folder = dir.path().join(name);
        std::fs::create_dir_all(&folder).expect("folder");
        let bytes = pdf(&deck, 0, &items, &ink, Paper::Letter);
        let page = &render(&write(&folder, "h.pdf", &bytes), &folder)[0];
        let (count, bounds) = near(page, green);
        let (x0, y0, x1, y1) = bounds.expect("green pixels");
        let margin_px = (theme.handout.margin_pt / 72.0 * 150.0) as u32;
        assert!(
            x0 >= margin_px && x1 <= page.width() - margin_px,
            "{name}: in the column"
        );
        pixels.push((count, (x0 + x1) / 2, (y0 + y1) / 2, page.width()));
    }
    let (on, beside) = (pixels[0], pixels[1]);
    assert!(on.0 > 300, "{} green pixels", on.0);
    // Drawn whole: about as many pixels (the page's drawing is a little smaller beside it).
    assert!(
        beside.0 as f32 > on.0 as f32 * 0.75,
        "beside: {} pixels, on: {}",
        beside.0,
        on.0
    );
    // In place: the ring on the drawing is at the middle of the column, where the middle of
    // the drawing is printed.
    let middle = on.3 / 2;
    assert!(
        on.1.abs_diff(middle) < 8,
        "{} px across, not {middle}",
        on.1
    );
    assert!(beside.1 < on.1, "beside is left of the middle");
}

/// What the clinician writes is printed under the title with its field's name, and a field
/// left empty gets a line to write on by hand; there is no field for a name.
#[test]
fn the_care_teams_notes_are_printed_and_empty_fields_get_lines() {
    use patient_kiosk::handout::NoteField;
    if !common::poppler() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut notes = HandoutNotes::default();
    notes.set(NoteField::Procedure, "Endoscopic discectomy");
    notes.set(NoteField::SpineLevel, "L4-L5");
    notes.set(
        NoteField::Instructions,
        "Stop eating at midnight before surgery. Bring your list of medicines.",
    );
    let items = [HandoutItem::Page("what-is-it-how".to_owned())];
    for code in ["en", "es"] {
        let index = language(&deck, code);
        let request = HandoutRequest {
            language: index,
            items: &items,
            ink: &InkSet::default(),
            paper: Paper::Letter,
            notes: &notes,
        };
        let bytes = handout_pdf(&deck, &Theme::bundled(), &request).expect("made");
        let text = common::pdf_text(&write(dir.path(), &format!("{code}.pdf"), &bytes));
        let words = &deck.language(index).interface.handout;
        for expected in [
            words.care_team.as_str(),
            &format!("{} Endoscopic discectomy", words.procedure),
            &format!("{} L4-L5", words.spine_level),
            "Stop eating at midnight before surgery. Bring your list of medicines.",
            &words.date,
            &words.next_appointment,
        ] {
            assert!(text.contains(expected), "{code}: no {expected:?} in {text}");
        }
        // The notes come before the pages.
        let language = deck.language(index);
        let at = (language.resolve(&Target::Page("what-is-it-how".to_owned()))).expect("page");
        let title = &language.page(at).expect("the page").title;
        let notes_at = text.find("L4-L5").expect("the level");
        assert!(text.find(title.as_str()).expect("the page's title") > notes_at);
    }
}
