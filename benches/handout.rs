//! Making a take-home handout: five pages of the bundled deck and two diagrams, each with
//! strokes drawn on it. Prints the PDF's size once; set `HANDOUT_BENCH_OUT` to a file name to
//! keep the PDF for a look.

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use patient_kiosk::content::{ContentPaths, load_deck};
use patient_kiosk::handout::{HandoutItem, HandoutNotes, HandoutRequest, Paper, handout_pdf};
use patient_kiosk::ink::{InkSet, Pen, PenWidth, Stroke, Surface};
use patient_kiosk::theme::Theme;

/// A loop of `points` points around the middle of a `width` x `height` diagram.
fn circle(pen: Pen, width: f32, height: f32, points: usize) -> Stroke {
    let center = (width / 2.0, height / 2.0);
    let radius = width.min(height) / 4.0;
    let at = |i: usize| {
        let angle = i as f32 / points as f32 * std::f32::consts::TAU;
        (
            center.0 + radius * angle.cos(),
            center.1 + radius * angle.sin(),
        )
    };
    let mut stroke = Stroke::new(pen, at(0));
    for i in 1..=points {
        stroke.extend_to(at(i), 0.5);
    }
    stroke
}

fn handout(c: &mut Criterion) {
    let paths = ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Ok(deck) = load_deck(&paths) else {
        panic!("the bundled content has problems: run `patient-kiosk check`");
    };
    let theme = Theme::bundled();
    let mut items: Vec<HandoutItem> = [
        "what-is-it-how",
        "benefits-compare",
        "risks-paralysis",
        "conditions-spine",
        "appointments-call",
    ]
    .iter()
    .map(|id| HandoutItem::Page((*id).to_owned()))
    .collect();
    let mut ink = InkSet::default();
    for (id, step) in [("spine", 0), ("surgery-day-steps", 2)] {
        items.push(HandoutItem::Diagram {
            id: id.to_owned(),
            step,
        });
        let view_box = deck.diagrams[id].view_box;
        for (color, width) in [(0, PenWidth::Thick), (1, PenWidth::Thin)] {
            let pen = Pen { color, width };
            let stroke = circle(pen, view_box.width, view_box.height, 120);
            let surface = Surface::Diagram {
                id: id.to_owned(),
                step,
            };
            ink.add(surface, stroke);
        }
    }
    let request = HandoutRequest {
        language: deck.default_language,
        items: &items,
        ink: &ink,
        paper: Paper::Letter,
        notes: &HandoutNotes::default(),
    };
    let Ok(pdf) = handout_pdf(&deck, &theme, &request) else {
        panic!("the handout could not be made");
    };
    println!("handout PDF: {} bytes", pdf.len());
    if let Some(out) = std::env::var_os("HANDOUT_BENCH_OUT") {
        std::fs::write(out, &pdf).expect("write the PDF");
    }
    let mut group = c.benchmark_group("handout");
    group.sample_size(20);
    group.bench_function("5 pages + 2 inked diagrams", |b| {
        b.iter(|| handout_pdf(&deck, &theme, &request).map(|pdf| pdf.len()))
    });
    // The largest handout there is: every page, then every diagram, in each language.
    for (index, language) in deck.languages.iter().enumerate() {
        let mut everything: Vec<HandoutItem> = (language.pages())
            .map(|(_, page)| HandoutItem::Page(page.id.clone()))
            .collect();
        everything.extend(deck.diagrams.keys().map(|id| HandoutItem::Diagram {
            id: id.clone(),
            step: 0,
        }));
        let request = HandoutRequest {
            language: index,
            items: &everything,
            ..request
        };
        let Ok(pdf) = handout_pdf(&deck, &theme, &request) else {
            panic!("the whole handout could not be made");
        };
        println!(
            "handout of everything ({}): {} bytes",
            language.code,
            pdf.len()
        );
        group.bench_function(format!("everything ({})", language.code), |b| {
            b.iter(|| handout_pdf(&deck, &theme, &request).map(|pdf| pdf.len()))
        });
    }
    group.finish();
}

criterion_group!(benches, handout);
criterion_main!(benches);
