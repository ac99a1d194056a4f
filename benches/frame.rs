//! CPU time of one whole frame (egui pass + tessellation) at 1920x1080: the attract screen, the
//! home screen, every page and the consultation index, in every language; and, in portrait where
//! the whole page is on screen, the 10,000-dot risk page against the longest text-only page.
//! Layout caches are warm, as they are on a kiosk.
//!
//! Criterion gives each screen's median. Its samples are means over many frames, so after it a
//! second pass times frames one by one (`FRAME_SAMPLES` of them per screen, 1,000 unless set)
//! and prints each screen's p50 and p99, the heaviest screen, and the goal (median within 2 ms).
//! Last, the CPU time of a page turn: the frame after a tap on Next, page after page.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use egui::{RawInput, Rect, Vec2, pos2, vec2};
use patient_kiosk::app::Command;
use patient_kiosk::content::model::Block;
use patient_kiosk::content::{ContentPaths, Deck, load_deck};
use patient_kiosk::{KioskApp, Theme};

/// The goal for the heaviest screen's median frame (issue 7).
const GOAL_MEDIAN_MS: f64 = 2.0;

/// One pass of the UI over the screen, drawn but not tessellated.
fn pass(ctx: &egui::Context, app: &mut KioskApp, time_secs: f64, size: Vec2) -> egui::FullOutput {
    let mut input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), size)),
        time: Some(time_secs),
        ..Default::default()
    };
    app.raw_input_hook(&mut input);
    ctx.run_ui(input, |ui| app.ui(ui))
}

/// One frame: run the UI, then tessellate what it drew. Returns the number of vertices.
fn frame(ctx: &egui::Context, app: &mut KioskApp, time_secs: f64, size: Vec2) -> usize {
    let output = pass(ctx, app, time_secs, size);
    ctx.tessellate(output.shapes, output.pixels_per_point)
        .iter()
        .map(|clipped| match &clipped.primitive {
            egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

fn bundled_deck() -> Deck {
    let paths = ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Ok(deck) = load_deck(&paths) else {
        panic!("the bundled content has problems: run `patient-kiosk check`");
    };
    deck
}

/// A screen to measure: its name, and the commands that bring a new app to it.
struct Screen {
    name: String,
    commands: Vec<Command>,
    consult: bool,
}

/// The attract screen, home, every page and the index, in every language of `deck`.
fn every_screen(deck: &Deck) -> Vec<Screen> {
    let mut screens = Vec::new();
    for (index, language) in deck.languages.iter().enumerate() {
        let code = &language.code;
        let choose = Command::ChooseLanguage(index);
        screens.push(Screen {
            name: format!("{code}/attract"),
            commands: Vec::new(),
            consult: false,
        });
        screens.push(Screen {
            name: format!("{code}/home"),
            commands: vec![choose.clone(), Command::Home],
            consult: false,
        });
        for (at, page) in language.pages() {
            screens.push(Screen {
                name: format!("{code}/{}", page.id),
                commands: vec![choose.clone(), Command::Open(at)],
                consult: false,
            });
        }
        screens.push(Screen {
            name: format!("{code}/index (consult)"),
            commands: vec![choose.clone(), Command::OpenIndex],
            consult: true,
        });
    }
    screens
}

/// A new app on `screen`, with three frames drawn (layout caches warm).
fn app_on(deck: &Deck, screen: &Screen, size: Vec2) -> (egui::Context, KioskApp, f64) {
    let ctx = egui::Context::default();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_consult(screen.consult);
    app.apply_style(&ctx);
    for command in &screen.commands {
        app.apply(command.clone());
    }
    let mut time_secs = 0.0;
    for _ in 0..3 {
        time_secs += 1.0;
        let vertices = frame(&ctx, &mut app, time_secs, size);
        assert!(vertices > 0, "{} drew nothing", screen.name);
    }
    (ctx, app, time_secs)
}

/// Benchmarks one frame of each screen at `size`, in a group named `group`.
fn bench_screens(c: &mut Criterion, group: &str, deck: &Deck, screens: &[Screen], size: Vec2) {
    let mut group = c.benchmark_group(group);
    group.sample_size(20);
    group.warm_up_time(Duration::from_millis(200));
    group.measurement_time(Duration::from_millis(600));
    for screen in screens {
        let (ctx, mut app, mut time_secs) = app_on(deck, screen, size);
        group.bench_function(&screen.name, |b| {
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
    bench_screens(c, "frame_1920x1080", &deck, &every_screen(&deck), LANDSCAPE);
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
    let screens = [
        Screen {
            name: "risk-dots".to_owned(),
            commands: vec![Command::Open(risk)],
            consult: false,
        },
        Screen {
            name: format!("text-only {}", text_page.id),
            commands: vec![Command::Open(text)],
            consult: false,
        },
    ];
    bench_screens(c, "frame_1080x1920", &deck, &screens, PORTRAIT);
}

/// The `q`-quantile of sorted durations, in milliseconds (nearest rank).
fn quantile_ms(sorted: &[Duration], q: f64) -> f64 {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1].as_secs_f64() * 1000.0
}

/// A count from the environment variable `name`, else `default`; at least `least`.
fn count_from_env(name: &str, default: usize, least: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
        .max(least)
}

/// Times `FRAME_SAMPLES` frames of every screen one by one and prints p50 and p99.
fn percentiles() {
    let samples = count_from_env("FRAME_SAMPLES", 1000, 1);
    let deck = bundled_deck();
    let mut rows = Vec::new();
    for screen in every_screen(&deck) {
        let (ctx, mut app, mut time_secs) = app_on(&deck, &screen, LANDSCAPE);
        let mut times: Vec<Duration> = (0..samples)
            .map(|_| {
                time_secs += 1.0 / 60.0;
                let start = Instant::now();
                std::hint::black_box(frame(&ctx, &mut app, time_secs, LANDSCAPE));
                start.elapsed()
            })
            .collect();
        times.sort_unstable();
        rows.push((
            screen.name,
            quantile_ms(&times, 0.5),
            quantile_ms(&times, 0.99),
        ));
    }
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    println!();
    println!("frame CPU time at 1920x1080, {samples} frames per screen, heaviest first");
    println!("{:<44} {:>9} {:>9}", "screen", "p50 ms", "p99 ms");
    for (name, p50, p99) in &rows {
        println!("{name:<44} {p50:>9.3} {p99:>9.3}");
    }
    if let Some((name, p50, p99)) = rows.first() {
        let verdict = if *p50 <= GOAL_MEDIAN_MS {
            "met"
        } else {
            "NOT MET"
        };
        println!(
            "heaviest: {name}, p50 {p50:.3} ms, p99 {p99:.3} ms; \
             goal median <= {GOAL_MEDIAN_MS} ms: {verdict}"
        );
    }
}

/// The frame a tap on Next draws, page after page: the pass that sees the tap (the old page)
/// and the pass that draws the new one, as `KioskApp` asks egui for when a command changes the
/// screen, then tessellation. Each page's words are laid out afresh (egui keeps a layout only
/// while it is drawn), as on a kiosk; the first tour also draws each diagram for the first
/// time. Prints the median and the slowest turn of the first tour and of the tours after.
fn page_turns() {
    let tours = count_from_env("PAGE_TURN_TOURS", 10, 2);
    let deck = bundled_deck();
    println!();
    println!("page turn (the frame after a tap on Next) at 1920x1080, {tours} tours of every page");
    println!(
        "{:<10} {:>14} {:>14} {:>14} {:>14}",
        "language", "1st tour p50", "1st tour max", "later p50", "later max"
    );
    for (index, language) in deck.languages.iter().enumerate() {
        let home = Screen {
            name: format!("{}/home", language.code),
            commands: vec![Command::ChooseLanguage(index), Command::Home],
            consult: false,
        };
        let (ctx, mut app, mut time_secs) = app_on(&deck, &home, LANDSCAPE);
        let mut first = Vec::new();
        let mut later = Vec::new();
        for tour in 0..tours {
            for (at, _) in language.pages() {
                time_secs += 0.5;
                let start = Instant::now();
                // The pass that sees the tap, on the old page; then the new page.
                std::hint::black_box(pass(&ctx, &mut app, time_secs, LANDSCAPE));
                app.apply(Command::Open(at));
                std::hint::black_box(frame(&ctx, &mut app, time_secs + 0.001, LANDSCAPE));
                let took = start.elapsed();
                if tour == 0 {
                    first.push(took)
                } else {
                    later.push(took)
                }
                // The page at rest for a moment, as the patient reads it.
                for _ in 0..2 {
                    time_secs += 1.0 / 60.0;
                    frame(&ctx, &mut app, time_secs, LANDSCAPE);
                }
            }
        }
        first.sort_unstable();
        later.sort_unstable();
        println!(
            "{:<10} {:>11.3} ms {:>11.3} ms {:>11.3} ms {:>11.3} ms",
            language.code,
            quantile_ms(&first, 0.5),
            quantile_ms(&first, 1.0),
            quantile_ms(&later, 0.5),
            quantile_ms(&later, 1.0),
        );
    }
}

const LANDSCAPE: Vec2 = vec2(1920.0, 1080.0);
const PORTRAIT: Vec2 = vec2(1080.0, 1920.0);

criterion_group!(benches, frames, risk_against_text);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    percentiles();
    page_turns();
}
