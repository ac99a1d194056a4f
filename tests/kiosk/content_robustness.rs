//! Loading and checking never panic and never hang, whatever the bytes in the content folder.
//!
//! Seeded mutations of every kind of content file, plus hand-made pathological cases.

use crate::common;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::common::Fixture;
use patient_kiosk::content::{ContentPaths, load_deck};

/// Far longer than any load takes; only a hang reaches it.
const HANG_LIMIT: Duration = Duration::from_secs(120);

/// A small deterministic random number generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces of RON that make interesting mutations.
const TOKENS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b":",
    b"\"",
    b"\\",
    b"//",
    b"/*",
    b"*/",
    b"r#\"",
    b"Some(",
    b"None",
    b"Page(",
    b"Topic(\"",
    b"1e999",
    b"-0",
    b"\xff\xfe",
    b"\0",
    "é".as_bytes(),
    b"GoTo([Link(label: \"x\", to: Page(\"",
    b"Figure(source: Image(\"../../etc/passwd\"), alt: \"a\")",
];

fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(5) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = rng.next() as u8;
            }
            1 => {
                let end = (at + rng.below(40)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            3 => bytes.truncate(at),
            _ => {
                // Duplicate a slice of the file somewhere else.
                let start = rng.below(bytes.len());
                let end = (start + rng.below(200)).min(bytes.len());
                let piece = bytes[start..end].to_vec();
                let at = at.min(bytes.len());
                bytes.splice(at..at, piece);
            }
        }
    }
    bytes
}

/// Loads the content on another thread, failing the test if it panics or hangs.
fn load_must_return(paths: ContentPaths, what: &str) {
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let outcome = catch_unwind(AssertUnwindSafe(|| load_deck(&paths).map(|_| ())));
        let _ = sender.send(outcome.is_ok());
    });
    match receiver.recv_timeout(HANG_LIMIT) {
        Ok(true) => {}
        Ok(false) => panic!("loading panicked on {what}"),
        Err(_) => panic!("loading did not return within {HANG_LIMIT:?} on {what}"),
    }
}

#[test]
fn mutated_files_of_every_kind_never_panic() {
    let files = [
        ("content/deck.ron", common::DECK),
        ("content/en/interface.ron", common::INTERFACE),
        ("content/en/clinic.ron", common::CLINIC),
        ("content/en/topics/alpha.ron", common::ALPHA),
        ("content/en/topics/beta.ron", common::BETA),
        ("content/diagrams/tube.ron", common::TUBE),
        ("content/en/diagrams/tube.ron", common::TUBE_WORDS),
    ];
    let fixture = Fixture::new();
    fixture.write("content/diagrams/tube.ron", common::TUBE);
    fixture.write("content/en/diagrams/tube.ron", common::TUBE_WORDS);
    let mut rng = Rng(0x5eed_cafe_f00d_d00d);
    for round in 0..300 {
        for (path, original) in files {
            let mutated = mutate(&mut rng, original.as_bytes());
            fixture.write(path, &mutated);
            load_must_return(
                fixture.paths(),
                &format!(
                    "round {round} of {path}: {:?}",
                    String::from_utf8_lossy(&mutated)
                ),
            );
            fixture.write(path, original);
        }
    }
}

#[test]
fn bundled_files_mutated_never_panic() {
    let bundled = common::bundled_paths();
    let fixture = Fixture::new();
    let topic =
        std::fs::read(bundled.content_dir.join("en/topics/risks.ron")).expect("bundled topic");
    let mut rng = Rng(42);
    for round in 0..200 {
        let mutated = mutate(&mut rng, &topic);
        fixture.write("content/en/topics/alpha.ron", &mutated);
        load_must_return(
            fixture.paths(),
            &format!("round {round} of a bundled topic"),
        );
    }
}

/// A way to break a fixture.
type BreakIt = Box<dyn Fn(&Fixture)>;

#[test]
fn pathological_folders_never_panic() {
    let cases: Vec<(&str, BreakIt)> = vec![
        (
            "deeply nested brackets",
            Box::new(|f: &Fixture| f.write("content/en/topics/alpha.ron", "[".repeat(100_000))),
        ),
        (
            "deeply nested structs",
            Box::new(|f: &Fixture| f.write("content/deck.ron", "DeckFile(".repeat(50_000))),
        ),
        (
            "an empty deck file",
            Box::new(|f: &Fixture| f.write("content/deck.ron", "")),
        ),
        (
            "random binary",
            Box::new(|f: &Fixture| {
                let mut rng = Rng(7);
                let bytes: Vec<u8> = (0..100_000).map(|_| rng.next() as u8).collect();
                f.write("content/en/topics/beta.ron", bytes);
            }),
        ),
        (
            "a file over the size limit",
            Box::new(|f: &Fixture| {
                let huge = format!("{}{}", common::ALPHA, " ".repeat(5 * 1024 * 1024));
                f.write("content/en/topics/alpha.ron", huge);
            }),
        ),
        (
            "a folder where a file should be",
            Box::new(|f: &Fixture| {
                std::fs::remove_file(f.path("content/en/clinic.ron")).expect("remove");
                std::fs::create_dir_all(f.path("content/en/clinic.ron")).expect("mkdir");
            }),
        ),
        (
            "no topics folder",
            Box::new(|f: &Fixture| {
                std::fs::remove_dir_all(f.path("content/en/topics")).expect("remove");
            }),
        ),
        (
            "a language with path tricks",
            Box::new(|f: &Fixture| {
                f.edit(
                    "content/deck.ron",
                    "languages: [\"en\"]",
                    "languages: [\"en\", \"../..\", \"\"]",
                );
            }),
        ),
        (
            "an image name with path tricks",
            Box::new(|f: &Fixture| {
                f.edit(
                    "content/deck.ron",
                    "logo: \"logo.png\"",
                    "logo: \"../../../../etc/passwd\"",
                );
            }),
        ),
        (
            "huge numbers and odd escapes",
            Box::new(|f: &Fixture| {
                f.edit(
                    "content/en/topics/alpha.ron",
                    "Paragraph(\"Hello.\")",
                    "Paragraph(\"\\u{110000}\\x\")",
                );
            }),
        ),
        (
            "no content folder at all",
            Box::new(|f: &Fixture| {
                std::fs::remove_dir_all(f.path("content")).expect("remove");
            }),
        ),
    ];
    for (name, break_it) in cases {
        let fixture = Fixture::new();
        break_it(&fixture);
        let paths = fixture.paths();
        load_must_return(paths.clone(), name);
        assert!(
            load_deck(&paths).is_err(),
            "{name} should be reported as a problem"
        );
    }
}

#[test]
fn scaled_decks_for_the_benchmarks_are_valid() {
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    let content =
        patient_kiosk::content::synthetic::write_scaled_deck(&deck, 5, dir.path()).expect("write");
    let scaled = load_deck(&ContentPaths::beside(content)).expect("the scaled deck is valid");
    assert_eq!(scaled.page_count(), 5 * deck.page_count());
    assert_eq!(scaled.topic_count(), 5 * deck.topic_count());
}
