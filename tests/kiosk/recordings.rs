//! Recorded narration: a person's voice dropped into `content/<language>/recordings/` and
//! listed in `recordings.ron` replaces the generated voice for the sentences it says; `check`
//! refuses a recording older than its text, or one that cannot be played, at its line and
//! column, and warns (or with `--narration` lists) what is not recorded.

use crate::common;

use std::path::Path;

use crate::common::{Fixture, assert_diagnostic};
use patient_kiosk::content::load_deck;

/// A sine tone of `hz` at `rate`, `ms` long, as a 16-bit mono WAV: a stand-in for a person's
/// voice that no synthesiser would make.
fn write_tone(path: &Path, rate: u32, hz: f32, ms: u32) -> Vec<i16> {
    let spec = hound::WavSpec {
        channels: 1,
        sample_rate: rate,
        bits_per_sample: 16,
        sample_format: hound::SampleFormat::Int,
    };
    let samples: Vec<i16> = (0..rate * ms / 1000)
        .map(|index| {
            let t = index as f32 / rate as f32;
            (12_000.0 * (std::f32::consts::TAU * hz * t).sin()) as i16
        })
        .collect();
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder");
    let mut writer = hound::WavWriter::create(path, spec).expect("a WAV");
    for &sample in &samples {
        writer.write_sample(sample).expect("a sample");
    }
    writer.finalize().expect("written");
    samples
}

const RECORDINGS: &str = r#"// The fixture's first page, in a person's voice.
[
    (text: "Hello.", file: "hello.wav"),
]
"#;

#[test]
fn a_recorded_sentence_is_said_in_the_recording_and_the_rest_by_the_voice() {
    let fixture = Fixture::new();
    let tone = write_tone(
        &fixture.path("content/en/recordings/hello.wav"),
        44_100,
        440.0,
        700,
    );
    fixture.write("content/en/recordings.ron", RECORDINGS);
    let deck = load_deck(&fixture.paths()).expect("the fixture with a recording loads");
    assert_eq!(
        deck.language(0).recordings.get("Hello."),
        Some(&fixture.path("content/en/recordings/hello.wav"))
    );

    // check: ready, with a warning that a page is half recorded (two voices on one page).
    let content = fixture.path("content");
    let content = content.to_str().expect("a UTF-8 path");
    let output = common::run_bin(&["check", content]);
    let printed = common::stdout(&output);
    assert!(output.status.success(), "{printed}");
    assert!(
        printed.contains("warning: ") && printed.contains("recordings.ron: 1 of "),
        "{printed}"
    );
    // check --narration lists what is not recorded, ready to paste in, and not what is.
    let output = common::run_bin(&["check", content, "--narration"]);
    let listed = common::stdout(&output);
    assert!(output.status.success(), "{listed}");
    assert!(
        listed.contains(r#"    (text: "First page.", file: ""),"#),
        "{listed}"
    );
    assert!(!listed.contains(r#"(text: "Hello.""#), "{listed}");

    // speak: the title by espeak-ng, then "Hello." in the recording, at its own rate.
    if patient_kiosk::narration::EspeakNg::find().is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "espeak-ng is missing (scripts/test.sh installs it)"
        );
        return;
    }
    let out = fixture.path("alpha.wav");
    let output = common::run_bin(&[
        "speak",
        "--content",
        content,
        "--page",
        "alpha-1",
        "--out",
        out.to_str().expect("a UTF-8 path"),
    ]);
    let printed = common::stdout(&output);
    assert!(output.status.success(), "{printed}");
    let lines: Vec<&str> = printed.lines().collect();
    assert!(lines[0].ends_with("   First page."), "{printed}");
    assert!(lines[1].ends_with(" R Hello."), "{printed}");
    let times: Vec<f64> = lines[1]
        .split_whitespace()
        .take(2)
        .map(|time| time.parse().expect("a time"))
        .collect();
    let reader = hound::WavReader::open(&out).expect("the WAV");
    assert_eq!(reader.spec().sample_rate, 44_100, "the recording's rate");
    let samples: Vec<i16> = reader
        .into_samples()
        .map(|s| s.expect("a sample"))
        .collect();
    let start = (times[0] * 44_100.0).round() as usize;
    assert!(
        (times[1] - times[0] - 0.7).abs() < 0.011,
        "the recording takes its 0.7 s: {times:?}"
    );
    // The printed times are to the hundredth: the tone is found within 10 ms of them.
    let found = (start.saturating_sub(441)..start + 441)
        .find(|&at| samples.get(at..at + tone.len()) == Some(&tone[..]))
        .expect("the recording is in the page's audio, sample for sample");
    // Before it, the title said by espeak-ng (upsampled from its own 22,050 Hz): sound.
    assert!(
        samples[..found].iter().any(|s| s.unsigned_abs() > 1000),
        "the generated voice says the title"
    );
}

#[test]
fn a_recording_older_than_its_text_is_refused_at_its_line() {
    let fixture = Fixture::new();
    write_tone(
        &fixture.path("content/en/recordings/hello.wav"),
        22_050,
        440.0,
        300,
    );
    fixture.write("content/en/recordings.ron", RECORDINGS);
    fixture.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        "Paragraph(\"Hello again.\")",
    );
    assert_diagnostic(
        &fixture.diagnostics(),
        "en/recordings.ron",
        3,
        12,
        &["never says these words", "the text has changed"],
    );
}

#[test]
fn a_recording_that_cannot_be_played_is_refused_at_its_line() {
    let fixture = Fixture::new();
    write_tone(
        &fixture.path("content/en/recordings/hello.wav"),
        22_050,
        440.0,
        300,
    );
    fixture.write("content/en/recordings/notes.wav", "not a sound");
    fixture.write(
        "content/en/recordings.ron",
        r#"[
    (text: "Hello.", file: "hello.wav"),
    (text: "First page.", file: "missing.wav"),
    (text: "Call 555.", file: "../hello.wav"),
    (text: "Second page.", file: "notes.wav"),
    (text: "Hello.", file: "hello.wav"),
]
"#,
    );
    let diagnostics = fixture.diagnostics();
    assert_diagnostic(
        &diagnostics,
        "en/recordings.ron",
        3,
        33,
        &["\"missing.wav\" is not in", "add the file"],
    );
    assert_diagnostic(
        &diagnostics,
        "en/recordings.ron",
        4,
        31,
        &["without folders or `..`"],
    );
    assert_diagnostic(
        &diagnostics,
        "en/recordings.ron",
        5,
        34,
        &["\"notes.wav\" cannot be played", "not a WAV file"],
    );
    assert_diagnostic(
        &diagnostics,
        "en/recordings.ron",
        6,
        12,
        &["recorded twice"],
    );
    assert_eq!(diagnostics.len(), 4, "{diagnostics:?}");
}
