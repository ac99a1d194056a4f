//! Property-based fuzzing of every kind of content file (issue 7).
//!
//! For each kind of file: (a) arbitrary bytes, strings and RON-token soup, and (b) mutations
//! of the real valid file (byte flips, deletions, insertions, duplicated spans, truncation,
//! swapped tokens). Each input is parsed on its own the way the loader parses it (fast), then
//! written into a copy of the valid fixture and the whole folder is loaded with `load_deck`
//! (end to end). Loading must never panic, and a refusal must name files inside the folder.
//!
//! `FUZZ_CASES` sets the number of inputs per test (default small, for CI); `scripts/fuzz.sh`
//! runs it in an optimised build with over a million inputs in all. Each test prints how many
//! inputs it ran: `fuzz: <test> ran <n> inputs`.

use crate::common;

use std::path::Path;

use crate::common::Fixture;
use patient_kiosk::KioskApp;
use patient_kiosk::app::Command;
use patient_kiosk::config::KioskConfig;
use patient_kiosk::content::diagram::{Diagram, DiagramText, Shape};
use patient_kiosk::content::model::{ClinicText, DeckFile, Interface, Topic};
use patient_kiosk::content::{ContentErrors, Deck, Diagnostic, SourceFile, load_deck, ron_error};
use patient_kiosk::handout::{HandoutItem, HandoutNotes, HandoutRequest, Paper, handout_pdf};
use patient_kiosk::ink::InkSet;
use patient_kiosk::render::{Headless, every_screen};
use patient_kiosk::theme::Theme;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde::de::DeserializeOwned;

/// Inputs per test when `FUZZ_CASES` is not set: the whole file stays well under 20 s in a
/// debug build.
const DEFAULT_CASES: u32 = 48;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

/// Pieces of RON that make interesting insertions and soups.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "\\",
    "\\u{",
    "//",
    "/*",
    "*/",
    "r#\"",
    "\"#",
    "b\"",
    "'",
    "Some(",
    "None",
    "true",
    "1e999",
    "-0",
    "0x",
    "-9223372036854775809",
    "18446744073709551616",
    "NaN",
    "inf",
    "-1.5",
    "\u{feff}",
    "é",
    "\u{202e}",
    "#![enable(implicit_some)]",
    "Page(",
    "Topic(",
    "Paragraph(\"",
    "GoTo([Link(label: \"x\", to: Page(\"",
    "Figure(source: Image(\"../../etc/passwd\"), alt: \"a\")",
    "Figure(source: Diagram(\"tube\"), alt: \"a\")",
    "Quiz(",
    "Question(",
    "Layer(",
    "Rect(",
    "Path(",
    "Hotspot(",
    "Step(",
    "Circle((0.0, 0.0), -1.0)",
    "view_box: (width: 0.0, height: -1.0)",
    "id: \"\"",
    "id: \"alpha\"",
    "\"alpha-1\"",
    "\"tube\"",
    "\"en\"",
    "{page}",
    "{total}",
    "{",
];

/// One kind of content file: where it sits in the fixture and its valid text.
struct Kind {
    /// Path inside the fixture.
    path: &'static str,
    /// The valid original, to mutate.
    original: String,
    /// Parses the text alone, as the loader would: whether it parsed.
    parse: fn(&Path, &str) -> bool,
    /// Whether `load_deck` reads the file.
    in_deck: bool,
}

/// Parses `text` as the loader does; a failure must become a diagnostic in `path`.
fn parse_as<T: DeserializeOwned>(path: &Path, text: &str) -> bool {
    let file = SourceFile::new(path, text);
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    if let Err(error) = options.from_str::<T>(text) {
        let diagnostic = ron_error::diagnostic(&file, &error);
        assert_eq!(diagnostic.path, path, "the diagnostic names another file");
        assert!(diagnostic.line >= 1 && diagnostic.column >= 1);
        assert!(!diagnostic.message.is_empty());
        let _ = diagnostic.to_string();
        return false;
    }
    true
}

fn parse_theme(_: &Path, text: &str) -> bool {
    if let Err(error) = Theme::from_ron(text) {
        assert!(!error.to_string().is_empty());
        return false;
    }
    true
}

fn parse_config(path: &Path, text: &str) -> bool {
    if let Err(error) = KioskConfig::from_ron(text, path) {
        let message = error.to_string();
        assert!(
            message.contains(&path.display().to_string()),
            "the settings error does not name its file: {message}"
        );
        return false;
    }
    true
}

fn kind(name: &str) -> Kind {
    let theme = || {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/theme.ron"))
            .expect("assets/theme.ron")
    };
    match name {
        "deck" => Kind {
            path: "content/deck.ron",
            original: common::DECK.to_owned(),
            parse: parse_as::<DeckFile>,
            in_deck: true,
        },
        "topic" => Kind {
            path: "content/en/topics/alpha.ron",
            original: fuzz_alpha(),
            parse: parse_as::<Topic>,
            in_deck: true,
        },
        "interface" => Kind {
            path: "content/en/interface.ron",
            original: common::INTERFACE.to_owned(),
            parse: parse_as::<Interface>,
            in_deck: true,
        },
        "clinic" => Kind {
            path: "content/en/clinic.ron",
            original: common::CLINIC.to_owned(),
            parse: parse_as::<ClinicText>,
            in_deck: true,
        },
        "diagram" => Kind {
            path: "content/diagrams/tube.ron",
            original: fuzz_tube(),
            parse: parse_as::<Diagram>,
            in_deck: true,
        },
        "diagram_words" => Kind {
            path: "content/en/diagrams/tube.ron",
            original: common::TUBE_WORDS.to_owned(),
            parse: parse_as::<DiagramText>,
            in_deck: true,
        },
        "theme" => Kind {
            path: "assets/theme.ron",
            original: theme(),
            parse: parse_theme,
            in_deck: false,
        },
        "config" => Kind {
            path: "config.ron",
            original: KioskConfig::default().to_ron(),
            parse: parse_config,
            in_deck: false,
        },
        other => panic!("no file kind {other}"),
    }
}

/// The fixture's first topic, with a page that shows the tube diagram.
fn fuzz_alpha() -> String {
    common::ALPHA.replacen(
        "Paragraph(\"Hello.\"),",
        "Paragraph(\"Hello.\"), Figure(source: Diagram(\"tube\"), alt: \"A tube.\"),",
        1,
    )
}

/// The tube diagram with every costly kind of shape: a dot grid, a picture, a polyline, a path
/// with curves, so a mutation can make each of them large.
fn fuzz_tube() -> String {
    common::TUBE.replacen(
        "Label(text: \"tip\", at: (340.0, 60.0), leader: (320.0, 100.0)),",
        "Label(text: \"tip\", at: (340.0, 60.0), leader: (320.0, 100.0)),\n                \
         DotGrid(origin: (30.0, 140.0), columns: 20, rows: 5, spacing: 8.0, radius: 3.0, fill: \"metal\", marked: [(3, 2)], marked_fill: \"light\"),\n                \
         Image(file: \"logo.png\", min: (340.0, 140.0), size: (40.0, 40.0)),\n                \
         Polyline(points: [(20.0, 20.0), (60.0, 40.0), (100.0, 20.0)], stroke: \"outline\"),\n                \
         Path(ops: [Move((200.0, 20.0)), Cubic((220.0, 0.0), (240.0, 40.0), (260.0, 20.0)), Quad((280.0, 40.0), (300.0, 20.0)), Close], paint: (fill: \"light\")),",
        1,
    )
}

/// The fixture with a diagram (geometry and words, with a dot grid and a picture) and a page
/// that shows it, so every kind of file is read and checked.
fn fixture() -> Fixture {
    let fixture = Fixture::new();
    fixture.write("content/diagrams/tube.ron", fuzz_tube());
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    fixture.write("content/en/topics/alpha.ron", fuzz_alpha());
    match load_deck(&fixture.paths()) {
        Ok(deck) => {
            let shapes = &deck.diagrams["tube"].layers[0].shapes;
            assert!(shapes.iter().any(|s| matches!(s, Shape::DotGrid { .. })));
            assert!(shapes.iter().any(|s| matches!(s, Shape::Image { .. })));
        }
        Err(ContentErrors(diagnostics)) => {
            panic!("the fuzzing fixture does not load: {diagnostics:?}")
        }
    }
    fixture
}

/// Messages about a file as a whole, rightly at its line 1, column 1.
const WHOLE_FILE: [&str; 4] = [
    "This file",
    "This should be a file",
    "With this file",
    "The content could not be loaded",
];

/// A diagnostic's place must be a real place in the file it names: a line the file has and a
/// column on that line. Line 1, column 1 is taken only for a message about the whole file or
/// for a file that does not parse (RON's own position); for a file that parses, the loader
/// must find the place it complains of, so a locator that found nothing and fell back to the
/// file's start fails here. `parses` says whether the file at the diagnostic's path parsed.
fn assert_real_place(diagnostic: &Diagnostic, parses: bool) {
    let Ok(bytes) = std::fs::read(&diagnostic.path) else {
        // A file that is not there is named at 1:1 ("This file is missing").
        assert_eq!((diagnostic.line, diagnostic.column), (1, 1), "{diagnostic}");
        return;
    };
    let text = String::from_utf8_lossy(&bytes);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        diagnostic.line >= 1 && diagnostic.line <= lines.len(),
        "{diagnostic}: the file has {} lines",
        lines.len()
    );
    let line_chars = lines[diagnostic.line - 1].chars().count();
    assert!(
        diagnostic.column >= 1 && diagnostic.column <= line_chars + 1,
        "{diagnostic}: line {} has {line_chars} characters",
        diagnostic.line
    );
    if (diagnostic.line, diagnostic.column) == (1, 1) && parses {
        assert!(
            WHOLE_FILE
                .iter()
                .any(|start| diagnostic.message.starts_with(start)),
            "fell back to 1:1 without a place: {diagnostic}"
        );
    }
}

/// Draws content that loaded: every page and every walk-through step, landscape and
/// portrait, and a handout of every page and diagram. Nothing may panic, and every screen
/// must draw something.
fn render_everything(deck: Deck) {
    let theme = Theme::bundled();
    for size in [egui::vec2(1920.0, 1080.0), egui::vec2(1080.0, 1920.0)] {
        let mut kiosk = Headless::new(KioskApp::new(theme.clone(), Ok(deck.clone())), size);
        let attract = kiosk.frame(0.0);
        assert!(attract > 0, "the attract screen drew nothing");
        for language in 0..deck.languages.len() {
            kiosk.show(vec![Command::ChooseLanguage(language)]);
            for (name, commands) in every_screen(&deck, language, &[]) {
                let vertices = kiosk.show(commands);
                assert!(vertices > 0, "{name} drew nothing");
            }
        }
    }
    let mut items: Vec<HandoutItem> = (deck.language(0).pages())
        .map(|(_, page)| HandoutItem::Page(page.id.clone()))
        .collect();
    items.extend(deck.diagrams.keys().map(|id| HandoutItem::Diagram {
        id: id.clone(),
        step: 0,
    }));
    let request = HandoutRequest {
        language: 0,
        items: &items,
        ink: &InkSet::default(),
        paper: Paper::A4,
        notes: &HandoutNotes::default(),
    };
    let pdf = handout_pdf(&deck, &theme, &request).expect("a handout of accepted content");
    assert!(pdf.starts_with(b"%PDF"));
}

/// Checks one input: parsed alone, then loaded end to end in the fixture; if it is accepted,
/// it is drawn. Whether it was accepted and drawn.
fn check(fixture: &Fixture, kind: &Kind, bytes: &[u8]) -> bool {
    let path = fixture.path(kind.path);
    let text = String::from_utf8_lossy(bytes);
    let parses = (kind.parse)(&path, &text) && std::str::from_utf8(bytes).is_ok();
    if kind.in_deck {
        fixture.write(kind.path, bytes);
        match load_deck(&fixture.paths()) {
            Err(ContentErrors(diagnostics)) => {
                assert!(!diagnostics.is_empty(), "refused without a reason");
                for diagnostic in &diagnostics {
                    assert!(
                        diagnostic.path.starts_with(fixture.path(""))
                            && diagnostic.path.file_name().is_some(),
                        "a diagnostic names no file of the folder: {diagnostic}"
                    );
                    // The other files are the valid originals, which parse.
                    assert_real_place(diagnostic, parses || diagnostic.path != path);
                    let _ = diagnostic.to_string();
                }
            }
            Ok(deck) => {
                render_everything(deck);
                return true;
            }
        }
    } else if kind.path == "config.ron" {
        fixture.write(kind.path, bytes);
        let (config, error) = KioskConfig::load(&path);
        if let Some(error) = error {
            assert!(error.to_string().contains(&path.display().to_string()));
            assert_eq!(config, KioskConfig::safe());
        }
    }
    false
}

/// A mutation of a file, with random numbers it scales to the file's length.
#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, usize),
    InsertBytes(usize, Vec<u8>),
    Duplicate(usize, usize, usize),
    Truncate(usize),
    SwapTokens(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        (any::<usize>(), 0..64usize).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<usize>(), any::<usize>()).prop_map(|(at, token)| Mutation::Insert(at, token)),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::InsertBytes(at, bytes)),
        (any::<usize>(), 0..256usize, any::<usize>())
            .prop_map(|(from, len, to)| Mutation::Duplicate(from, len, to)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapTokens(a, b)),
    ]
}

/// Splits RON text into tokens: words, strings, white space runs and single other bytes.
fn tokens(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        let byte = bytes[at];
        if byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'.' || byte == b'-' {
            while at < bytes.len()
                && (bytes[at].is_ascii_alphanumeric() || b"_.-".contains(&bytes[at]))
            {
                at += 1;
            }
        } else if byte == b'"' {
            at += 1;
            while at < bytes.len() && bytes[at] != b'"' {
                at += if bytes[at] == b'\\' { 2 } else { 1 };
            }
            at = (at + 1).min(bytes.len());
        } else if byte.is_ascii_whitespace() {
            while at < bytes.len() && bytes[at].is_ascii_whitespace() {
                at += 1;
            }
        } else {
            at += 1;
        }
        out.push(start..at);
    }
    out
}

fn apply(original: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = original.as_bytes().to_vec();
    for mutation in mutations {
        let len = bytes.len();
        let pos = |n: usize| n % (len + 1);
        match *mutation {
            Mutation::Flip(at, bit) => {
                if len > 0 {
                    bytes[at % len] ^= bit.max(1);
                }
            }
            Mutation::Delete(at, n) => {
                let start = pos(at);
                let end = (start + n).min(len);
                bytes.drain(start..end);
            }
            Mutation::Insert(at, token) => {
                let token = TOKENS[token % TOKENS.len()].as_bytes();
                bytes.splice(pos(at)..pos(at), token.iter().copied());
            }
            Mutation::InsertBytes(at, ref new) => {
                bytes.splice(pos(at)..pos(at), new.iter().copied());
            }
            Mutation::Duplicate(from, n, to) => {
                let start = pos(from);
                let end = (start + n).min(len);
                let piece = bytes[start..end].to_vec();
                bytes.splice(pos(to)..pos(to), piece);
            }
            Mutation::Truncate(at) => bytes.truncate(pos(at)),
            Mutation::SwapTokens(a, b) => {
                let spans = tokens(&bytes);
                if spans.len() >= 2 {
                    let (mut a, mut b) = (
                        spans[a % spans.len()].clone(),
                        spans[b % spans.len()].clone(),
                    );
                    if a.start > b.start {
                        std::mem::swap(&mut a, &mut b);
                    }
                    if a.end <= b.start {
                        let mut swapped = bytes[..a.start].to_vec();
                        swapped.extend_from_slice(&bytes[b.clone()]);
                        swapped.extend_from_slice(&bytes[a.end..b.start]);
                        swapped.extend_from_slice(&bytes[a]);
                        swapped.extend_from_slice(&bytes[b.end..]);
                        bytes = swapped;
                    }
                }
            }
        }
    }
    bytes
}

/// Arbitrary inputs: raw bytes, any string, and soups of RON tokens and words.
fn arbitrary() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        any::<String>().prop_map(String::into_bytes),
        proptest::collection::vec(
            prop_oneof![
                (0..TOKENS.len()).prop_map(|i| TOKENS[i].to_owned()),
                "[a-z_]{1,12}",
                "[ \n\t]{1,3}",
                "\"[^\"]{0,12}\"",
                "-?[0-9]{1,20}(\\.[0-9]{0,4})?",
            ],
            0..64
        )
        .prop_map(|parts| parts.concat().into_bytes()),
    ]
}

/// Runs `strategy`'s inputs through [`check`] for the file kind `name`; prints the count.
fn fuzz(test: &str, name: &str, strategy: impl Strategy<Value = Vec<u8>>) {
    let kind = kind(name);
    let fixture = fixture();
    let cases = cases();
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let ran = std::cell::Cell::new(0u64);
    let drawn = std::cell::Cell::new(0u64);
    let outcome = runner.run(&strategy, |bytes| {
        ran.set(ran.get() + 1);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if check(&fixture, &kind, &bytes) {
                drawn.set(drawn.get() + 1);
            }
        }));
        // Put the valid file back, so the next input breaks only its own file.
        if kind.in_deck || kind.path == "config.ron" {
            fixture.write(kind.path, &kind.original);
        }
        result.map_err(|_| {
            TestCaseError::fail(format!("panicked on {:?}", String::from_utf8_lossy(&bytes)))
        })
    });
    eprintln!(
        "fuzz: {test} ran {} inputs ({} accepted and drawn)",
        ran.get(),
        drawn.get()
    );
    if let Err(error) = outcome {
        panic!("{test}: {error}");
    }
}

fn mutated(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let original = kind(name).original;
    proptest::collection::vec(mutation(), 1..6)
        .prop_map(move |mutations| apply(&original, &mutations))
}

/// Where the numbers of `text` are: runs of digits and dots not inside a word.
fn number_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let starts = bytes[at].is_ascii_digit()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'));
        if starts {
            let end = (at..bytes.len())
                .find(|&i| !(bytes[i].is_ascii_digit() || bytes[i] == b'.'))
                .unwrap_or(bytes.len());
            spans.push(at..end);
            at = end;
        } else {
            at += 1;
        }
    }
    spans
}

/// A number to put in place of one in a file: ordinary, tiny, negative, huge.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..10).prop_map(|n| n.to_string()),
        (0.0f32..500.0).prop_map(|x| format!("{x:.1}")),
        (0u32..2_000_000).prop_map(|n| n.to_string()),
        Just("100000".to_owned()),
        Just("1e30".to_owned()),
        Just("0.001".to_owned()),
        Just("-5.0".to_owned()),
    ]
}

/// The valid file with some of its numbers changed: it stays well-formed, so many of these
/// are accepted, and those are drawn (sizes, counts and positions pushed to their limits).
fn numbers_changed(name: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let original = kind(name).original;
    let spans = number_spans(&original);
    assert!(!spans.is_empty(), "{name} has numbers");
    let count = spans.len();
    proptest::collection::vec((0..count, number()), 1..4).prop_map(move |edits| {
        let mut by_span: std::collections::BTreeMap<usize, String> = edits.into_iter().collect();
        let mut text = original.clone();
        while let Some((index, number)) = by_span.pop_last() {
            text.replace_range(spans[index].clone(), &number);
        }
        text.into_bytes()
    })
}

#[test]
fn diagram_numbers_changed() {
    fuzz(
        "diagram_numbers_changed",
        "diagram",
        numbers_changed("diagram"),
    );
}

#[test]
fn topic_numbers_changed() {
    fuzz("topic_numbers_changed", "topic", numbers_changed("topic"));
}

macro_rules! fuzz_kind {
    ($arbitrary:ident, $mutations:ident, $name:literal) => {
        #[test]
        fn $arbitrary() {
            fuzz(stringify!($arbitrary), $name, arbitrary());
        }

        #[test]
        fn $mutations() {
            fuzz(stringify!($mutations), $name, mutated($name));
        }
    };
}

fuzz_kind!(deck_arbitrary, deck_mutated, "deck");
fuzz_kind!(topic_arbitrary, topic_mutated, "topic");
fuzz_kind!(interface_arbitrary, interface_mutated, "interface");
fuzz_kind!(clinic_arbitrary, clinic_mutated, "clinic");
fuzz_kind!(diagram_arbitrary, diagram_mutated, "diagram");
fuzz_kind!(
    diagram_words_arbitrary,
    diagram_words_mutated,
    "diagram_words"
);
fuzz_kind!(theme_arbitrary, theme_mutated, "theme");
fuzz_kind!(config_arbitrary, config_mutated, "config");

#[test]
fn the_valid_originals_are_valid() {
    for name in ["theme", "config"] {
        let kind = kind(name);
        let path = Path::new(kind.path);
        match name {
            "theme" => {
                Theme::from_ron(&kind.original).expect("the bundled theme parses");
            }
            _ => {
                KioskConfig::from_ron(&kind.original, path).expect("the default settings parse");
            }
        }
    }
    let _ = fixture();
}
