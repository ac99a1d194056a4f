//! The content budget, measured: the costliest content `check` accepts, drawn and printed.
//!
//! Builds a copy of the bundled content with one more topic at every limit of
//! `patient_kiosk::content::budget` at once: a diagram of 3,000 shapes (a dot grid of 40,000
//! dots, polylines of 29,000 points in all, big filled ellipses, labels), three steps, and a
//! page of 30,000 bytes with a table of 200 cells. `check` must accept it; then every screen
//! of that page is drawn (egui's pass and tessellation, as on the kiosk) and a handout of it is
//! made. Prints each frame's median and slowest, the handout's time, and the budget: 50 ms a
//! frame and 1 s a handout on the kiosk's computer. Exits with 1 when over it.
//!
//! `cargo bench --bench budget` (an optimised build).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use patient_kiosk::content::budget::{
    MAX_DOTS, MAX_PAGE_BYTES, MAX_POINTS, MAX_SHAPES, MAX_TABLE_CELLS,
};
use patient_kiosk::content::{ContentPaths, load_deck, synthetic};
use patient_kiosk::handout::{HandoutItem, HandoutRequest, Paper, handout_pdf};
use patient_kiosk::ink::InkSet;
use patient_kiosk::render::{Headless, every_screen};
use patient_kiosk::{KioskApp, Theme};

const FRAME_BUDGET: Duration = Duration::from_millis(50);
const HANDOUT_BUDGET: Duration = Duration::from_secs(1);
const FRAMES: usize = 30;

const LABELS: usize = 20;
const POLYLINES: usize = 290;

/// The diagram at the limits, in a 1000 by 1000 view box.
fn diagram() -> String {
    let side = (MAX_DOTS as f64).sqrt() as u32; // 200 by 200
    let mut text = String::from(
        "Diagram(\n    id: \"budget\",\n    view_box: (width: 1000.0, height: 1000.0),\n    layers: [\n",
    );
    let _ = writeln!(
        text,
        "        Layer(id: \"dots\", shapes: [DotGrid(origin: (2.5, 2.5), columns: {side}, rows: {side}, spacing: 5.0, radius: 2.5, fill: \"dot\", marked: [(71, 38)], marked_fill: \"dot_marked\")]),"
    );
    let points_each = (MAX_POINTS - 1_000) / POLYLINES;
    text.push_str("        Layer(id: \"lines\", hidden: true, shapes: [\n");
    for line in 0..POLYLINES {
        let points: Vec<String> = (0..points_each)
            .map(|i| {
                let x = (i as f32 * 997.0 / points_each as f32) + 1.0;
                let y = ((line * 37 + i * 13) % 998) as f32 + 1.0;
                format!("({x:.1}, {y:.1})")
            })
            .collect();
        let _ = writeln!(
            text,
            "            Polyline(points: [{}], stroke: \"outline\"),",
            points.join(", ")
        );
    }
    text.push_str("        ]),\n        Layer(id: \"blobs\", hidden: true, shapes: [\n");
    let ellipses = MAX_SHAPES - 1 - POLYLINES - LABELS;
    for i in 0..ellipses {
        let r = 100.0 + (i % 390) as f32;
        let _ = writeln!(
            text,
            "            Ellipse(center: (500.0, 500.0), radii: ({r:.1}, {r:.1}), paint: (fill: \"light\", stroke: \"outline\")),"
        );
    }
    text.push_str("        ]),\n        Layer(id: \"words\", shapes: [\n");
    for i in 0..LABELS {
        let y = 40.0 + i as f32 * 45.0;
        let _ = writeln!(
            text,
            "            Label(text: \"l{i}\", at: (900.0, {y:.1}), anchor: Right, leader: (600.0, {y:.1})),"
        );
    }
    text.push_str(
        "        ]),\n    ],\n    hotspots: [Hotspot(id: \"middle\", layers: [\"blobs\"], region: Circle((500.0, 500.0), 100.0))],\n    steps: [\n        Step(id: \"a\", show: [\"dots\"]),\n        Step(id: \"b\", show: [\"lines\"]),\n        Step(id: \"c\", show: [\"blobs\"]),\n    ],\n)\n",
    );
    text
}

fn words() -> String {
    let labels: Vec<String> = (0..LABELS)
        .map(|i| format!("\"l{i}\": \"Part number {i}\""))
        .collect();
    format!(
        "DiagramText(\n    id: \"budget\",\n    labels: {{{}}},\n    hotspots: {{\"middle\": (title: \"The middle\", text: \"This is the middle of the picture.\")}},\n    steps: {{\"a\": \"The dots.\", \"b\": \"The lines.\", \"c\": \"The rings.\"}},\n)\n",
        labels.join(", ")
    )
}

/// A page at the limits: the diagram, a table of the most cells, and words up to the most
/// bytes a page may take.
fn topic() -> String {
    let columns = 10;
    let rows = MAX_TABLE_CELLS / columns - 1;
    let header: Vec<String> = (0..columns).map(|c| format!("\"Col {c}\"")).collect();
    let row: Vec<String> = (0..columns).map(|c| format!("\"{c} days\"")).collect();
    let rows: Vec<String> = (0..rows).map(|_| format!("[{}]", row.join(", "))).collect();
    let head = format!(
        "Topic(\n    id: \"budget\",\n    title: \"Budget\",\n    subtitle: \"The most content may hold\",\n    pages: [\n        Page(\n            id: \"budget-page\",\n            title: \"Everything at once\",\n            blocks: [\n                Figure(source: Diagram(\"budget\"), alt: \"A very full picture.\"),\n                Table(columns: [{}], rows: [{}]),\n",
        header.join(", "),
        rows.join(", ")
    );
    let sentence = "You may feel some pain for a few days, and most people go home soon. ";
    let mut paragraphs = String::new();
    // Written out, the page must stay under the limit: stop a little short of it.
    while head.len() + paragraphs.len() + 400 < MAX_PAGE_BYTES {
        paragraphs.push_str("                Paragraph(\"");
        for _ in 0..10 {
            paragraphs.push_str(sentence);
        }
        paragraphs.push_str("\"),\n");
    }
    format!("{head}{paragraphs}            ],\n        ),\n    ],\n)\n")
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let root = tempfile::tempdir().expect("a temp folder");
    let bundled = load_deck(&ContentPaths::beside(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
    ))
    .expect("the bundled content loads");
    let content = synthetic::write_scaled_deck(&bundled, 1, root.path()).expect("a copy");
    std::fs::write(content.join("diagrams/budget.ron"), diagram()).expect("write");
    for language in ["en", "es"] {
        std::fs::write(content.join(language).join("diagrams/budget.ron"), words()).expect("write");
        std::fs::write(content.join(language).join("topics/budget.ron"), topic()).expect("write");
    }
    let deck_path = content.join("deck.ron");
    let deck_text = std::fs::read_to_string(&deck_path).expect("deck.ron");
    let deck_text = deck_text.replacen("topics: [", "topics: [\"budget\", ", 1);
    std::fs::write(&deck_path, deck_text).expect("write");

    let deck = match load_deck(&ContentPaths::beside(&content)) {
        Ok(deck) => deck,
        Err(errors) => panic!("check refuses the content at the limits:\n{errors}"),
    };
    println!("content at the limits accepted: the budget diagram and page");

    let theme = Theme::bundled();
    let mut over = false;
    for (orientation, size) in [
        ("landscape", egui::vec2(1920.0, 1080.0)),
        ("portrait", egui::vec2(1080.0, 1920.0)),
    ] {
        let mut kiosk = Headless::new(KioskApp::new(theme.clone(), Ok(deck.clone())), size);
        for language in 0..deck.languages.len() {
            let code = &deck.languages[language].code;
            kiosk.show(vec![patient_kiosk::app::Command::ChooseLanguage(language)]);
            for (name, commands) in every_screen(&deck, language, &["budget-page".to_owned()]) {
                let shown_at = Instant::now();
                let vertices = kiosk.show(commands);
                let first = shown_at.elapsed();
                let times: Vec<Duration> = (0..FRAMES)
                    .map(|_| {
                        let start = Instant::now();
                        kiosk.frame(1.0 / 60.0);
                        start.elapsed()
                    })
                    .collect();
                let slowest = times.iter().max().copied().unwrap_or_default();
                let median = median(times);
                println!(
                    "{orientation} {code} {name}: median {:.1} ms, slowest {:.1} ms, {vertices} vertices (first frames with layout: {:.0} ms)",
                    median.as_secs_f64() * 1e3,
                    slowest.as_secs_f64() * 1e3,
                    first.as_secs_f64() * 1e3
                );
                over |= median > FRAME_BUDGET;
            }
        }
    }

    let items = [
        HandoutItem::Page("budget-page".to_owned()),
        HandoutItem::Diagram {
            id: "budget".to_owned(),
            step: 2,
        },
    ];
    for language in 0..deck.languages.len() {
        let request = HandoutRequest {
            language,
            items: &items,
            ink: &InkSet::default(),
            paper: Paper::Letter,
            notes: &patient_kiosk::handout::HandoutNotes::default(),
        };
        let start = Instant::now();
        let pdf = handout_pdf(&deck, &theme, &request).expect("the handout is made");
        let took = start.elapsed();
        println!(
            "handout ({}): {:.0} ms, {} KiB",
            deck.languages[language].code,
            took.as_secs_f64() * 1e3,
            pdf.len() / 1024
        );
        over |= took > HANDOUT_BUDGET;
    }
    println!(
        "budget: {} ms a frame (median), {} ms a handout: {}",
        FRAME_BUDGET.as_millis(),
        HANDOUT_BUDGET.as_millis(),
        if over { "OVER" } else { "within" }
    );
    if over {
        std::process::exit(1);
    }
}
