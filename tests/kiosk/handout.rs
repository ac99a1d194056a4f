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
use patient_kiosk::handout::{HandoutError, HandoutItem, HandoutRequest, Paper, handout_pdf};
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
    ink.add(Surface::Diagram("spine".to_owned()), stroke);
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
