//! CPU time of one whole frame (egui pass + tessellation) at 1920x1080, for the home screen and
//! every page of the bundled deck; and, in portrait where the whole page is on screen, the
//! 10,000-dot risk page against the longest text-only page. Layout caches are warm, as they
//! are on a kiosk.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, Vec2, pos2, vec2};
use patient_kiosk::app::Command;
use patient_kiosk::content::model::Block;
use patient_kiosk::content::{ContentPaths, Deck, load_deck};
use patient_kiosk::{KioskApp, Theme};

/// One frame: run the UI, then tessellate what it drew.
fn frame(ctx: &egui::Context, app: &mut KioskApp, time_secs: f64, size: Vec2) -> usize {
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        time: Some(time_secs),
        ..Default::default()
    };
    app.raw_input_hook(&mut input);
    let output = ctx.run_ui(input, |ui| app.ui(ui));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn bundled_deck() -> Deck {
    let paths = ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Ok(deck) = load_deck(&paths) else {
        panic!("the bundled content has problems: run `patient-kiosk check`");
    };
    deck
}

/// Benchmarks one frame of each screen at `size`, in a group named `group`.
fn bench_screens(
    c: &mut Criterion,
    group: &str,
    deck: &Deck,
    screens: Vec<(String, Command)>,
    size: Vec2,
) {
    let ctx = egui::Context::default();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.apply_style(&ctx);
    let mut group = c.benchmark_group(group);
    group.sample_size(30);
    group.warm_up_time(std::time::Duration::from_millis(300));
    group.measurement_time(std::time::Duration::from_secs(1));
    let mut time_secs = 0.0;
    for (name, command) in screens {
        app.apply(command);
        for _ in 0..3 {
            time_secs += 1.0;
            frame(&ctx, &mut app, time_secs, size);
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                time_secs += 1.0 / 60.0;
                frame(&ctx, &mut app, time_secs, size)
            })
        });
    }
    group.finish();
}

fn frames(c: &mut Criterion) {
    let deck = bundled_deck();
    let mut screens = vec![("home".to_owned(), Command::Home)];
    let language = deck.language(deck.default_language);
    screens.extend(
        language
            .pages()
            .map(|(at, page)| (page.id.clone(), Command::Open(at))),
    );
    bench_screens(c, "frame_1920x1080", &deck, screens, LANDSCAPE);
}

/// The risk page's 10,000 dots are one picture made once, so the page should cost about what a
/// page of text costs (the goal: within 1.5 times).
fn risk_against_text(c: &mut Criterion) {
    let deck = bundled_deck();
    let language = deck.language(deck.default_language);
    let risk = language
        .pages()
        .find(|(_, page)| page.diagram_ids().any(|id| id == "risk-dots"));
    let text_only = language
        .pages()
        .filter(|(_, page)| {
            page.blocks.iter().all(|block| {
                matches!(
                    block,
                    Block::Heading(_) | Block::Paragraph(_) | Block::Bullets(_)
                )
            })
        })
        .max_by_key(|(_, page)| format!("{:?}", page.blocks).len());
    let (Some((risk, _)), Some((text, text_page))) = (risk, text_only) else {
        panic!("the bundled content has the risk diagram and a text-only page");
    };
    let screens = vec![
        ("risk-dots".to_owned(), Command::Open(risk)),
        (format!("text-only {}", text_page.id), Command::Open(text)),
    ];
    bench_screens(c, "frame_1080x1920", &deck, screens, PORTRAIT);
}

const LANDSCAPE: Vec2 = vec2(1920.0, 1080.0);
const PORTRAIT: Vec2 = vec2(1080.0, 1920.0);

criterion_group!(benches, frames, risk_against_text);
criterion_main!(benches);
