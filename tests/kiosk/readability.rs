//! Readability of the content: the shipped pages are easy enough to read, and
//! `patient-kiosk check --readability` reports a grade per page and warns about hard ones.

use crate::common;

use std::process::Output;

use patient_kiosk::load_deck;
use patient_kiosk::readability::{Formula, ReadabilityReport, TARGET_AVERAGE_GRADE, WARN_GRADE};

/// A paragraph no patient should have to read.
const LEGAL_SENTENCE: &str = "Notwithstanding any provision hereinbefore enumerated, the undersigned acknowledges that perioperative complications, including but not limited to hemorrhage, nosocomial infection, thromboembolic phenomena and neurological deterioration, may necessitate additional interventions whose associated expenditures shall remain the responsibility of the beneficiary.";

fn run(args: &[&str]) -> Output {
    common::run_bin(args)
}

fn stdout(output: &Output) -> String {
    common::stdout(output)
}

#[test]
fn shipped_english_content_reads_at_grade_6_or_below() {
    let deck = common::bundled_deck();
    let report = ReadabilityReport::for_deck(&deck);
    let english = report.language("en").expect("the deck has English");
    assert_eq!(english.formula, Formula::FleschKincaid);
    assert_eq!(english.pages.len(), deck.page_count());
    let table = english.text();
    assert!(
        english.average_grade() <= TARGET_AVERAGE_GRADE,
        "the English pages average grade {:.2}, over {TARGET_AVERAGE_GRADE}:\n{table}",
        english.average_grade()
    );
    let hard: Vec<String> = english
        .pages_over_warning()
        .map(|page| format!("{} ({:.2})", page.page_id, page.grade))
        .collect();
    assert!(
        hard.is_empty(),
        "English pages over grade {WARN_GRADE}: {hard:?}\n{table}"
    );
    // Every page has words to read, so every grade means something.
    assert!(
        english.pages.iter().all(|page| page.counts.words > 0),
        "{table}"
    );
    // Spanish, when it is there, is graded too (no target asserted yet).
    if let Some(spanish) = report.language("es") {
        assert_eq!(spanish.formula, Formula::FernandezHuerta);
        assert_eq!(spanish.pages.len(), deck.page_count());
    }
}

#[test]
fn check_readability_prints_a_grade_for_every_page_and_the_average() {
    let deck = common::bundled_deck();
    let paths = common::bundled_paths();
    let output = run(&[
        "check",
        "--readability",
        paths.content_dir.to_str().expect("utf-8 path"),
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("content is ready"), "{text}");
    assert!(
        text.contains("Readability of en (Flesch-Kincaid grade level):"),
        "{text}"
    );
    let english = deck
        .languages
        .iter()
        .find(|language| language.code == "en")
        .expect("the deck has English");
    for (_, page) in english.pages() {
        let graded = text.lines().any(|line| {
            let mut columns = line.split_whitespace();
            columns.next() == Some(page.id.as_str())
                && columns
                    .next()
                    .is_some_and(|grade| grade.parse::<f64>().is_ok())
        });
        assert!(graded, "no grade for {}:\n{text}", page.id);
    }
    assert!(
        text.lines()
            .any(|line| line.trim_start().starts_with("average grade ")),
        "{text}"
    );
    assert!(text.contains("worst page "), "{text}");
    assert!(text.contains("0 readability warning(s)"), "{text}");
}

#[test]
fn a_page_of_long_complex_sentences_gets_a_warning() {
    let fixture = common::Fixture::new();
    fixture.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        &format!("Paragraph(\"{LEGAL_SENTENCE}\")"),
    );
    let deck = load_deck(&fixture.paths()).expect("the edited fixture loads");
    let report = ReadabilityReport::for_deck(&deck);
    let english = report.language("en").expect("English");
    let hard: Vec<&str> = english
        .pages_over_warning()
        .map(|page| page.page_id.as_str())
        .collect();
    assert_eq!(hard, ["alpha-1"], "{}", english.text());

    let content = fixture.path("content");
    let output = run(&[
        "check",
        "--readability",
        content.to_str().expect("utf-8 path"),
    ]);
    let text = stdout(&output);
    // Warnings are not problems: the content is still ready.
    assert_eq!(output.status.code(), Some(0), "{text}");
    let warned = text.lines().any(|line| {
        line.trim_start().starts_with("alpha-1 ") && line.ends_with("WARNING: over grade 8")
    });
    assert!(warned, "{text}");
    let beta = text
        .lines()
        .find(|line| line.trim_start().starts_with("beta-1 "))
        .expect("a line for beta-1");
    assert!(!beta.contains("WARNING"), "{text}");
    assert!(text.contains("worst page alpha-1"), "{text}");
    // One page over grade 8; the average of two pages is over 6 too.
    assert!(text.contains("\n2 readability warning(s)"), "{text}");
}

#[test]
fn check_readability_of_broken_content_lists_the_problems_only() {
    let fixture = common::Fixture::new();
    fixture.edit("content/en/topics/alpha.ron", "subtitle:", "subtitel:");
    let content = fixture.path("content");
    let output = run(&[
        "check",
        "--readability",
        content.to_str().expect("utf-8 path"),
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.ends_with("1 problem(s) found\n"), "{text}");
    assert!(!text.contains("Readability"), "{text}");
}

#[test]
fn spanish_pages_are_graded_with_fernandez_huerta() {
    let fixture = common::Fixture::new();
    fixture.edit(
        "content/deck.ron",
        "languages: [\"en\"]",
        "languages: [\"en\", \"es\"]",
    );
    fixture.write("content/es/interface.ron", common::INTERFACE);
    fixture.write("content/es/clinic.ron", common::CLINIC);
    fixture.write(
        "content/es/topics/alpha.ron",
        common::ALPHA.replace(
            "Paragraph(\"Hello.\")",
            "Paragraph(\"La columna es el eje del cuerpo. El médico le explica la cirugía.\")",
        ),
    );
    fixture.write("content/es/topics/beta.ron", common::BETA);
    let deck = load_deck(&fixture.paths()).expect("the fixture loads in two languages");
    let report = ReadabilityReport::for_deck(&deck);
    let spanish = report.language("es").expect("Spanish is reported");
    assert_eq!(spanish.formula, Formula::FernandezHuerta);
    let page = spanish
        .pages
        .iter()
        .find(|page| page.page_id == "alpha-1")
        .expect("alpha-1");
    // "First page" (2 words), the paragraph (7 + 6), "To beta" (2): 17 words, 4 sentences.
    // Syllables by the Spanish rules: first 1, pa-ge 2 | la co-lum-na es el e-je del
    // cuer-po: 11 | el mé-di-co le ex-pli-ca la ci-ru-gí-a: 13 | to be-ta: 3.
    assert_eq!(
        (
            page.counts.words,
            page.counts.sentences,
            page.counts.syllables
        ),
        (17, 4, 30)
    );
    // Ease 206.84 − 0.60 × 176.5 − 1.02 × 4.25 = 96.6: grade 4.3.
    assert!((page.grade - 4.34).abs() < 0.01, "{}", spanish.text());

    let content = fixture.path("content");
    let output = run(&[
        "check",
        "--readability",
        content.to_str().expect("utf-8 path"),
    ]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("Readability of es (Fernández-Huerta reading ease, as a US grade):"),
        "{text}"
    );
}
