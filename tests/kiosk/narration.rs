//! Narration: what the Listen button reads for a page, in reading order, and `patient-kiosk
//! speak`, which writes it as a WAV file with every sentence's time, in the page's language.

use crate::common;

use std::process::Command;

use patient_kiosk::narration::{Part, page_script};

/// The page with the `surgery-day-steps` walk-through, in `language`.
fn steps_page(
    deck: &patient_kiosk::content::Deck,
    language: usize,
) -> &patient_kiosk::content::model::Page {
    let at = common::page_with_diagram(deck, "surgery-day-steps");
    deck.language(language).page(at).expect("the page")
}

#[test]
fn the_script_reads_the_title_the_text_then_the_figure_and_the_step_showing() {
    let deck = common::bundled_deck();
    for language in 0..deck.languages.len() {
        let page = steps_page(&deck, language);
        let script = page_script(&deck, language, page, 2);
        let parts: Vec<Part> = script.sentences.iter().map(|s| s.part).collect();
        assert_eq!(parts.first(), Some(&Part::Title));
        assert!(script.sentences[0].text.starts_with(page.title.trim()));
        let first_figure = parts
            .iter()
            .position(|&p| p == Part::Figure)
            .expect("the figure is read");
        assert!(
            parts[..first_figure]
                .iter()
                .all(|&p| matches!(p, Part::Title | Part::Block(_))),
            "all the text before the figure: {parts:?}"
        );
        assert_eq!(
            parts.last(),
            Some(&Part::Step),
            "the step showing comes last"
        );
        let id = &deck.diagrams["surgery-day-steps"].steps[2].id;
        let caption = &deck.language(language).diagram_texts["surgery-day-steps"].steps[id];
        assert!(
            caption.contains(&script.sentences.last().expect("a sentence").text),
            "the third step's caption is read: {caption}"
        );
        let other_step = page_script(&deck, language, page, 3);
        assert_ne!(other_step.sentences.last(), script.sentences.last());
    }
}

/// espeak-ng is here, or (outside CI only) the test says so and stops.
fn espeak() -> bool {
    match Command::new("espeak-ng").arg("--version").output() {
        Ok(_) => true,
        Err(error) => crate::x_display::missing::<()>("espeak-ng", &error).is_some(),
    }
}

#[test]
fn speak_writes_a_wav_of_the_page_with_every_sentence_timed_in_its_language() {
    if !espeak() {
        return;
    }
    let deck = common::bundled_deck();
    let dir = tempfile::tempdir().expect("temp dir");
    for (language, voice) in [("en", "en-us"), ("es", "es-419")] {
        let index = deck
            .languages
            .iter()
            .position(|l| l.code == language)
            .expect("the language");
        let page = steps_page(&deck, index);
        let out = dir.path().join(format!("{language}.wav"));
        let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
            .args([
                "speak", "--page", &page.id, "--lang", language, "--step", "3", "--out",
            ])
            .arg(&out)
            .output()
            .expect("speak runs");
        let printed = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success(),
            "{printed}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(
            printed.contains(&format!("espeak-ng voice {voice}")),
            "{printed}"
        );

        let script = page_script(&deck, index, page, 2);
        let times: Vec<(f64, f64)> = printed
            .lines()
            .filter_map(|line| {
                let mut numbers = line.split_whitespace();
                Some((numbers.next()?.parse().ok()?, numbers.next()?.parse().ok()?))
            })
            .collect();
        assert_eq!(
            times.len(),
            script.sentences.len(),
            "a time for every sentence: {printed}"
        );
        assert!(
            times
                .windows(2)
                .all(|pair| pair[0].1 <= pair[1].0 && pair[0].0 < pair[0].1),
            "in order, one after the other: {times:?}"
        );

        let wav = hound::WavReader::open(&out).expect("a WAV file");
        let spec = wav.spec();
        assert_eq!((spec.channels, spec.bits_per_sample), (1, 16));
        let secs = wav.duration() as f64 / f64::from(spec.sample_rate);
        let last_end = times.last().expect("a sentence").1;
        assert!(
            (secs - last_end).abs() < 0.05,
            "{secs} s of audio, the last sentence ends at {last_end}"
        );
        assert!(secs > 10.0, "a whole page is read: {secs} s");
        let loud = wav
            .into_samples::<i16>()
            .map_while(Result::ok)
            .filter(|sample| sample.unsigned_abs() > 1000)
            .count();
        assert!(loud > 1000, "the audio is speech, not silence");
    }
}

#[test]
fn speak_names_a_page_or_language_the_content_does_not_have() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (args, words) in [
        (["--page", "no-such-page", "--lang", "en"], "no-such-page"),
        (
            ["--page", "what-is-it-how", "--lang", "fr"],
            "there is no language \"fr\"",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
            .arg("speak")
            .args(args)
            .arg("--out")
            .arg(dir.path().join("x.wav"))
            .output()
            .expect("speak runs");
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(3), "{said}");
        assert!(said.contains(words), "{said}");
        assert!(!dir.path().join("x.wav").exists(), "nothing written");
    }
}
