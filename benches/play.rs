//! Play's first sound: the time from a tap on a walk-through's Play to the player starting on
//! the first step's sound (espeak-ng making it, the WAV written, the player process started),
//! on the bundled fluoroscope walk-through, through the kiosk's own frames. The goal is 150 ms
//! on the development machine. The player here stands in for `aplay` (`sleep`, so no sound
//! card is needed); a real device adds its own opening time.
//!
//! Then an hour of Watch in simulated time (every walk-through, one after another, again and
//! again, with captions and no voice), frames a tenth of a second apart: the process's
//! resident memory (RSS) every ten minutes, which must stay flat.
//!
//! `cargo bench --bench play` prints the median and the slowest of 20 taps, then the memory.

use std::path::Path;
use std::time::{Duration, Instant};

use patient_kiosk::app::{Command, ListenState};
use patient_kiosk::content::{ContentPaths, load_deck};
use patient_kiosk::narration::{EspeakNg, Player};
use patient_kiosk::play::PlayCommand;
use patient_kiosk::render::Headless;
use patient_kiosk::{KioskApp, Theme};

const TAPS: usize = 20;
const GOAL_MS: u128 = 150;

fn wait_for(screen: &mut Headless, state: ListenState, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        screen.frame(0.001);
        if screen.app().listen_state() == state {
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    false
}

fn main() {
    let paths = ContentPaths::beside(Path::new(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Ok(deck) = load_deck(&paths) else {
        panic!("the bundled content has problems: run `patient-kiosk check`");
    };
    let Some(voice) = EspeakNg::find() else {
        eprintln!("espeak-ng is not installed: nothing to measure");
        return;
    };
    let (at, _) = (deck.language(0).pages())
        .find(|(_, page)| page.diagram_ids().any(|id| id == "fluoroscope"))
        .expect("a page shows the fluoroscope");
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    let player = Player::with_command(vec!["sh".into(), "-c".into(), "exec sleep 600".into()]);
    app.set_narration(Ok(voice), Ok(player));
    app.apply(Command::ChooseLanguage(0));
    app.apply(Command::Open(at));
    let mut screen = Headless::new(app, egui::vec2(1920.0, 1080.0));
    assert!(
        wait_for(&mut screen, ListenState::Ready, Duration::from_secs(10)),
        "the sound device check passed"
    );
    let mut taken = Vec::new();
    for _ in 0..TAPS {
        let tapped = Instant::now();
        let play = Command::Play(PlayCommand::Start("fluoroscope".to_owned()));
        screen.app_mut().apply(play);
        assert!(
            wait_for(&mut screen, ListenState::Playing, Duration::from_secs(10)),
            "the step is said"
        );
        taken.push(tapped.elapsed());
        screen.app_mut().apply(Command::Play(PlayCommand::Stop));
        screen.frame(0.016);
    }
    taken.sort();
    let median = taken[TAPS / 2].as_millis();
    let slowest = taken[TAPS - 1].as_millis();
    println!(
        "play: first sound {median} ms after the tap (median of {TAPS}), slowest {slowest} ms; goal {GOAL_MS} ms: {}",
        if median <= GOAL_MS { "met" } else { "NOT met" }
    );
    watch_for_an_hour(paths);
}

/// The process's resident memory, in KiB.
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    (status.lines())
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn watch_for_an_hour(paths: ContentPaths) {
    const FRAME_SECS: f64 = 0.1;
    const HOUR_SECS: f64 = 3600.0;
    let Ok(deck) = load_deck(&paths) else {
        return;
    };
    let mut app = KioskApp::new(Theme::bundled(), Ok(deck));
    app.apply(Command::ChooseLanguage(0));
    app.apply(Command::Home);
    let mut screen = Headless::new(app, egui::vec2(1920.0, 1080.0));
    let (mut simulated, mut next_sample, mut rounds) = (0.0, 0.0, 0);
    let mut samples = Vec::new();
    let started = Instant::now();
    while simulated < HOUR_SECS {
        if screen.app().session().play.is_none() {
            // Home again (or not started): Watch from the first walk-through.
            screen.app_mut().apply(Command::Play(PlayCommand::Watch));
            rounds += 1;
        }
        screen.frame(FRAME_SECS);
        simulated += FRAME_SECS;
        if simulated >= next_sample {
            samples.push((simulated / 60.0, rss_kib()));
            next_sample += 600.0;
        }
    }
    samples.push((simulated / 60.0, rss_kib()));
    for (minutes, kib) in &samples {
        println!(
            "watch: {minutes:>4.0} min  RSS {:>7.1} MiB",
            *kib as f64 / 1024.0
        );
    }
    // The first sample is taken before the first pictures were tessellated; compare from 10 min.
    let settled = samples.get(1).map_or(0, |(_, kib)| *kib);
    let last = samples.last().map_or(0, |(_, kib)| *kib);
    println!(
        "watch: {rounds} rounds of every walk-through in a simulated hour ({:.0} s here); RSS from 10 min to 60 min: {:+.1} MiB",
        started.elapsed().as_secs_f64(),
        (last as f64 - settled as f64) / 1024.0
    );
}
