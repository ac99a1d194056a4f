//! QR code blocks: every code of the bundled deck decodes back to its text (read with `rqrr`
//! from a picture of the modules), the text holds the page's questions and the clinic's phone
//! numbers, the kiosk shows the code big enough to scan, and the validator names a code that
//! cannot work.

use crate::common;

use crate::common::{Fixture, assert_diagnostic};
use egui::accesskit::Role;
use egui::{Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use image::{GrayImage, Luma};
use patient_kiosk::app::Command;
use patient_kiosk::content::model::{Block, Page, Target};
use patient_kiosk::content::{
    Deck, Language, QR_MAX_PAYLOAD_BYTES, QR_QUIET_ZONE_MODULES, QrModules, load_deck, qr_payload,
};
use patient_kiosk::readability::page_pieces;
use patient_kiosk::theme::contrast_ratio;
use patient_kiosk::{KioskApp, Theme};

/// Pixels per module of the pictures the decoder reads.
const PIXELS_PER_MODULE: u32 = 6;

/// The page of the bundled deck that asks patients to scan a code.
const QUESTIONS_PAGE: &str = "appointments-questions";

/// Every page with a QR code block, in every language, with the block's caption.
fn qr_pages(deck: &Deck) -> Vec<(&Language, &Page, &str)> {
    deck.languages
        .iter()
        .flat_map(|language| {
            language.pages().flat_map(move |(_, page)| {
                page.blocks.iter().filter_map(move |block| match block {
                    Block::QrCode { caption } => Some((language, page, caption.as_str())),
                    _ => None,
                })
            })
        })
        .collect()
}

/// A picture of a module matrix (`true` is dark) with its quiet zone, black on white.
fn picture(rows: &[Vec<bool>]) -> GrayImage {
    let quiet = QR_QUIET_ZONE_MODULES;
    let side_px = (rows.len() + 2 * quiet) as u32 * PIXELS_PER_MODULE;
    GrayImage::from_fn(side_px, side_px, |x, y| {
        let (column, row) = (
            (x / PIXELS_PER_MODULE) as usize,
            (y / PIXELS_PER_MODULE) as usize,
        );
        let dark = column >= quiet
            && row >= quiet
            && rows
                .get(row - quiet)
                .and_then(|cells| cells.get(column - quiet))
                .copied()
                .unwrap_or(false);
        Luma([if dark { 0 } else { 255 }])
    })
}

/// What a phone reads from the picture of `rows`: the text and the QR version.
#[track_caller]
fn decode(rows: &[Vec<bool>]) -> (String, usize) {
    let mut prepared = rqrr::PreparedImage::prepare(picture(rows));
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "expected one QR code in the picture");
    let (meta, text) = grids[0].decode().expect("the QR code decodes");
    (text, meta.version.0)
}

/// `payload` encoded by the `qrcode` crate on its own, as rows of modules.
fn encode_with_qrcode(payload: &str) -> Vec<Vec<bool>> {
    let code = qrcode::QrCode::with_error_correction_level(payload, qrcode::EcLevel::M)
        .expect("the payload fits a QR code");
    let colors = code.to_colors();
    colors
        .chunks(code.width())
        .map(|row| row.iter().map(|c| *c == qrcode::Color::Dark).collect())
        .collect()
}

#[test]
fn the_bundled_deck_has_a_qr_code_in_every_language() {
    let deck = common::bundled_deck();
    let pages = qr_pages(&deck);
    assert_eq!(pages.len(), deck.languages.len(), "{pages:?}");
    assert!(pages.iter().all(|(_, page, _)| page.id == QUESTIONS_PAGE));
}

#[test]
fn every_qr_payload_holds_the_title_every_question_and_every_phone() {
    let deck = common::bundled_deck();
    for (language, page, _) in qr_pages(&deck) {
        let payload = qr_payload(page, language, &deck.phones);
        let lines: Vec<&str> = payload.lines().collect();
        assert_eq!(lines.first(), Some(&page.title.as_str()), "{payload}");
        for block in &page.blocks {
            if let Block::Bullets(items) = block {
                for item in items {
                    let line = format!("- {item}");
                    assert!(lines.contains(&line.as_str()), "{line:?} not in {payload}");
                }
            }
        }
        for (id, number) in &deck.phones {
            let label = &language.clinic.phone_labels[id];
            let line = format!("{label} {number}");
            assert!(lines.contains(&line.as_str()), "{line:?} not in {payload}");
        }
        assert!(
            payload.len() <= QR_MAX_PAYLOAD_BYTES,
            "{} bytes",
            payload.len()
        );
        println!("{} {}: {} bytes", language.code, page.id, payload.len());
    }
}

#[test]
fn every_qr_code_encoded_by_the_qrcode_crate_decodes_to_its_payload() {
    let deck = common::bundled_deck();
    for (language, page, _) in qr_pages(&deck) {
        let payload = qr_payload(page, language, &deck.phones);
        let (text, _) = decode(&encode_with_qrcode(&payload));
        assert_eq!(text, payload, "{} {}", language.code, page.id);
    }
}

#[test]
fn every_qr_code_the_kiosk_draws_decodes_to_its_payload() {
    let deck = common::bundled_deck();
    for (language, page, _) in qr_pages(&deck) {
        let payload = qr_payload(page, language, &deck.phones);
        let modules = QrModules::encode(&payload).expect("the payload encodes");
        let rows = modules.rows();
        assert_eq!(rows.len(), modules.width_modules());
        assert_eq!(modules.width_modules(), 17 + 4 * modules.version() as usize);
        // What the widget paints: the dark runs of each row, nothing else.
        let painted: Vec<Vec<bool>> = (0..modules.width_modules())
            .map(|y| {
                let mut row = vec![false; modules.width_modules()];
                for (x, run) in modules.dark_runs(y) {
                    row[x..x + run].fill(true);
                }
                row
            })
            .collect();
        assert_eq!(painted, rows);
        let (text, version) = decode(&painted);
        assert_eq!(text, payload, "{} {}", language.code, page.id);
        assert_eq!(version, modules.version() as usize);
        println!(
            "{} {}: version {}, {} modules a side ({} with the quiet zone)",
            language.code,
            page.id,
            modules.version(),
            modules.width_modules(),
            modules.width_with_quiet_zone_modules()
        );
    }
}

#[test]
fn the_qr_caption_counts_for_the_reading_grade() {
    let deck = common::bundled_deck();
    for (language, page, caption) in qr_pages(&deck) {
        assert!(
            page_pieces(page, language)
                .iter()
                .any(|piece| piece == caption)
        );
    }
}

#[test]
fn a_qr_code_is_dark_on_light_in_both_looks() {
    let theme = Theme::bundled();
    for colors in [&theme.colors, &theme.high_contrast] {
        assert!(contrast_ratio(colors.qr_dark, colors.qr_light) >= 15.0);
        assert!(colors.qr_light.luminance() > colors.qr_dark.luminance());
    }
}

fn kiosk_on_questions_page(size: Vec2) -> (Harness<'static, KioskApp>, String) {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let at = language
        .resolve(&Target::Page(QUESTIONS_PAGE.to_owned()))
        .expect("the questions page exists");
    let caption = qr_pages(&deck)
        .into_iter()
        .find(|(l, _, _)| l.code == language.code)
        .map(|(_, _, caption)| caption.to_owned())
        .expect("a QR code in the default language");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::Home);
    app.apply(Command::Open(at));
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(30)
        .build_ui_state(|ui, app: &mut KioskApp| app.ui(ui), app);
    harness.run();
    (harness, caption)
}

#[test]
fn the_questions_page_shows_a_qr_code_big_enough_to_scan() {
    for size in [
        vec2(1080.0, 1920.0),
        vec2(1920.0, 1080.0),
        vec2(1280.0, 800.0),
    ] {
        let (harness, caption) = kiosk_on_questions_page(size);
        let code = harness.get_by_role_and_label(Role::Image, &caption);
        let rect = code.rect();
        assert!(
            rect.width() >= 250.0 && rect.height() >= 250.0,
            "{size:?}: the code is only {rect:?}"
        );
        assert!((rect.width() - rect.height()).abs() < 0.5, "{rect:?}");
        // The caption is also written under the code.
        let label = harness.get_by_role_and_label(Role::Label, &caption);
        assert!(label.rect().top() >= rect.bottom(), "{size:?}");
    }
}

/// The fixture's first page with a list and a QR code.
fn fixture_with_qr_code(caption: &str, bullets: bool) -> Fixture {
    let f = Fixture::new();
    let list = if bullets {
        "Bullets([\"What will my scar look like?\"]),\n                "
    } else {
        ""
    };
    f.edit(
        "content/en/topics/alpha.ron",
        "                Paragraph(\"Hello.\"),\n",
        &format!(
            "                Paragraph(\"Hello.\"),\n                {list}QrCode(caption: \"{caption}\"),\n"
        ),
    );
    f
}

#[test]
fn a_page_with_a_list_and_a_qr_code_is_valid() {
    let f = fixture_with_qr_code("Scan to keep this list.", true);
    let deck = load_deck(&f.paths()).expect("the fixture loads");
    let language = deck.language(0);
    let (_, page) = language.pages().next().expect("a page");
    assert_eq!(
        qr_payload(page, language, &deck.phones),
        "First page\n\n- What will my scar look like?\n\nTest Clinic, Spine\nCall 555.0100"
    );
}

#[test]
fn an_empty_qr_caption_is_named_at_its_page() {
    let f = fixture_with_qr_code(" ", true);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        7,
        17,
        &[
            "In the page \"alpha-1\", block 3 (QrCode)",
            "the caption is empty",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_qr_code_on_a_page_without_a_list_is_named_at_its_page() {
    let f = fixture_with_qr_code("Scan to keep this list.", false);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        7,
        17,
        &[
            "In the page \"alpha-1\", block 2 (QrCode)",
            "no Bullets list",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_qr_code_holding_too_much_text_is_named_at_its_page() {
    let f = fixture_with_qr_code("Scan to keep this list.", true);
    let long_item = "Will I need to bring someone to drive me home after surgery? ".repeat(16);
    f.edit(
        "content/en/topics/alpha.ron",
        "What will my scar look like?",
        long_item.trim(),
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        7,
        17,
        &[
            "In the page \"alpha-1\", block 3 (QrCode)",
            "bytes, more than the 800",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_qr_code_missing_in_a_language_is_named() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/en/topics/alpha.ron",
        "                Paragraph(\"Hello.\"),\n",
        "                Paragraph(\"Hello.\"),\n                Bullets([\"A question?\"]),\n                QrCode(caption: \"Scan it.\"),\n",
    );
    f.edit(
        "content/es/topics/alpha.ron",
        "                Paragraph(\"Hello.\"),\n",
        "                Paragraph(\"Hello.\"),\n                Bullets([\"A question?\"]),\n                Paragraph(\"Scan it.\"),\n",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/alpha.ron",
        7,
        17,
        &["block 3 is a Paragraph here but a QrCode in the en content"],
    );
}

#[test]
fn checking_a_payload_agrees_with_encoding_it_up_to_the_limit() {
    // Plain text and text with accents (which adds a UTF-8 marker), around every size where
    // the version changes and past the limit.
    for unit in ["a", "é"] {
        for count in (0..=QR_MAX_PAYLOAD_BYTES + 10).step_by(7) {
            let payload = unit.repeat(count / unit.len());
            let encoded = QrModules::encode(&payload).map(|_| ());
            assert_eq!(
                QrModules::check(&payload),
                encoded,
                "{} bytes of {unit:?}",
                payload.len()
            );
        }
    }
    let too_long = "a".repeat(QR_MAX_PAYLOAD_BYTES + 1);
    assert!(QrModules::check(&too_long).is_err());
}
