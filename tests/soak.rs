//! Soak (issue 7): visit after visit, each wiped by the idle reset, in simulated time. Memory
//! must not grow: live heap bytes (counted by this test binary's allocator) and egui's
//! textures after the last cycle must be about what they were at a tenth of the way; the
//! galleys (laid-out text) egui keeps after any later reset no more than after the first
//! tenth's; and every reset must leave a fresh `Session::default()`.
//!
//! `SOAK_CYCLES` sets the number of visits (default 1,000, compared at 100 and 1,000);
//! `scripts/soak.sh` runs 10,000 in an optimised build (compared at 1,000 and 10,000).

#[path = "kiosk/common.rs"]
mod common;

use std::alloc::System;

use egui_kittest::Harness;
use patient_kiosk::app::{Command, Screen, Session};
use patient_kiosk::content::Deck;
use patient_kiosk::{KioskApp, Theme};
use stats_alloc::{INSTRUMENTED_SYSTEM, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const DEFAULT_CYCLES: usize = 1_000;
const IDLE_SECS: f64 = 3.0;
const COUNTDOWN_SECS: f64 = 2.0;
/// How much the live heap may grow between the two measurements. Caches (pictures, galleys
/// of every page at every text size) fill in the first hundred visits, to about 44 MB; after
/// that the live heap wanders by about 0.3 MB from one visit to another (measured), while a
/// leak of 100 bytes a visit would add 0.9 MB over 9,000 visits.
const MARGIN_BYTES: i64 = 512 * 1024;

/// Bytes allocated and not yet freed, over the whole test binary.
fn live_bytes() -> i64 {
    let stats = GLOBAL.stats();
    // A reallocation already counts its growth as allocated and its shrinking as freed.
    stats.bytes_allocated as i64 - stats.bytes_deallocated as i64
}

fn textures(harness: &Harness<'_, KioskApp>) -> usize {
    harness.ctx.tex_manager().read().num_allocated()
}

/// Laid-out texts in egui's cache (it drops those not shown in the last frame).
fn galleys(harness: &Harness<'_, KioskApp>) -> usize {
    harness.ctx.fonts(|fonts| fonts.num_galleys_in_cache())
}

/// One visit: start, open a page with a diagram, tap a hotspot, step, page on and back, change
/// the text size; then nobody touches until the visit is wiped.
fn visit(harness: &mut Harness<'_, KioskApp>, deck: &Deck, cycle: usize) {
    let pages: Vec<_> = deck
        .language(deck.default_language)
        .pages()
        .map(|(at, page)| (at, page.diagram_ids().next().cloned()))
        .collect();
    let (at, diagram) = pages[cycle % pages.len()].clone();
    common::touch(harness);
    let mut commands = vec![
        Command::ChooseLanguage(cycle % deck.languages.len()),
        Command::Open(at),
    ];
    if let Some(diagram) = diagram {
        let hotspot = deck.diagrams[&diagram]
            .hotspots
            .first()
            .map(|h| h.id.clone());
        if let Some(hotspot) = hotspot {
            commands.push(Command::ToggleHotspot {
                diagram: diagram.clone(),
                hotspot,
            });
        }
        commands.push(Command::StepDiagram {
            diagram,
            forward: true,
        });
    }
    commands.push(Command::SetTextSize(
        patient_kiosk::theme::TextSize::ALL[cycle % 3],
    ));
    commands.push(Command::Next);
    commands.push(Command::Back);
    for command in commands {
        common::tap_command(harness, command);
    }
    assert_ne!(*harness.state().session(), Session::default());
    common::wait_frames(harness, (IDLE_SECS + COUNTDOWN_SECS + 2.0) as u32);
    assert_eq!(
        *harness.state().session(),
        Session::default(),
        "cycle {cycle}: the idle reset left something of the visit"
    );
    assert_eq!(harness.state().session().screen, Screen::Attract);
}

#[test]
fn visit_after_visit_memory_stays_flat() {
    let cycles = std::env::var("SOAK_CYCLES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DEFAULT_CYCLES)
        .max(10);
    let early = cycles / 10;
    eprintln!("soak: {cycles} cycles, memory compared after {early} and {cycles}");
    let deck = common::bundled_deck();
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck.clone()));
    app.set_idle_timing(IDLE_SECS, COUNTDOWN_SECS);
    let mut harness = common::second_steps(app, egui::vec2(1280.0, 800.0));
    harness.step();
    let mut at_early = (0, 0);
    // The most galleys after a reset (the attract screen, its diagram changing with the time),
    // in the first tenth of the cycles and after it.
    let (mut galleys_early, mut galleys_late) = (0, 0);
    for cycle in 1..=cycles {
        visit(&mut harness, &deck, cycle);
        if cycle <= early {
            galleys_early = galleys_early.max(galleys(&harness));
        } else {
            galleys_late = galleys_late.max(galleys(&harness));
        }
        if cycle == 1 || cycle == early || cycle % (cycles / 10) == 0 {
            eprintln!(
                "soak: after cycle {cycle}: {} live heap bytes, {} textures, {} galleys",
                live_bytes(),
                textures(&harness),
                galleys(&harness)
            );
        }
        if cycle == early {
            at_early = (live_bytes(), textures(&harness));
        }
    }
    let at_end = (live_bytes(), textures(&harness));
    eprintln!(
        "soak: live bytes {} after {early} cycles, {} after {cycles} ({:+}); textures {} and {}",
        at_early.0,
        at_end.0,
        at_end.0 - at_early.0,
        at_early.1,
        at_end.1
    );
    assert!(
        at_end.0 - at_early.0 <= MARGIN_BYTES,
        "the live heap grew by {} bytes between cycle {early} and cycle {cycles}",
        at_end.0 - at_early.0
    );
    assert!(at_end.1 <= at_early.1, "egui textures grew");
    eprintln!("soak: at most {galleys_early} galleys after a reset early, {galleys_late} later");
    assert!(
        galleys_early > 0,
        "no galleys counted: the count cannot show growth"
    );
    assert!(
        galleys_late <= galleys_early,
        "egui kept more laid-out texts: {galleys_late} against {galleys_early}"
    );
}
