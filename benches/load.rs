//! Loading and validating content: the bundled deck, and synthetic decks 2x and 5x larger (5x,
//! 55 topics, is near the budget's 60).
//! Throughput is in pages, so linear growth shows as a flat pages-per-second figure.

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use patient_kiosk::content::synthetic::write_scaled_deck;
use patient_kiosk::content::{ContentPaths, load_deck};

fn load(c: &mut Criterion) {
    let bundled = ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Ok(deck) = load_deck(&bundled) else {
        panic!("the bundled content has problems: run `patient-kiosk check`");
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    for copies in [1, 2, 5] {
        let root = dir.path().join(format!("x{copies}"));
        let content = write_scaled_deck(&deck, copies, &root).expect("write scaled deck");
        let paths = ContentPaths::beside(content);
        let pages = load_deck(&paths)
            .expect("the scaled deck is valid")
            .page_count();
        group.throughput(Throughput::Elements(pages as u64));
        group.bench_function(format!("x{copies} ({pages} pages)"), |b| {
            b.iter(|| load_deck(&paths).map(|deck| deck.page_count()))
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
