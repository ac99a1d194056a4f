//! Malformed content: each case breaks the small fixture deck one way and checks the exact
//! file, line, column and message of the diagnostic, and that loading never panics.

use crate::common;

use crate::common::{Fixture, assert_diagnostic};
use patient_kiosk::content::load_deck;

#[test]
fn the_fixture_itself_is_valid() {
    let fixture = Fixture::new();
    let deck = load_deck(&fixture.paths()).expect("the fixture loads");
    assert_eq!(deck.page_count(), 2);
}

#[test]
fn missing_comma() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "title: \"Alpha\",",
        "title: \"Alpha\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(&d, "en/topics/alpha.ron", 4, 5, &["comma"]);
}

#[test]
fn misspelled_field() {
    let f = Fixture::new();
    f.edit("content/en/topics/alpha.ron", "subtitle:", "subtitel:");
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        4,
        5,
        &["`Topic` has no part called `subtitel`", "`subtitle`"],
    );
}

#[test]
fn missing_field() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/beta.ron",
        "    subtitle: \"Second topic\",\n",
        "",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        15,
        1,
        &["`Topic` is missing its `subtitle` part"],
    );
}

#[test]
fn unclosed_text() {
    let f = Fixture::new();
    f.edit("content/en/clinic.ron", "\"Spine\",", "\"Spine,");
    let d = f.diagnostics();
    assert_diagnostic(&d, "en/clinic.ron", 3, 17, &["no closing `\"`"]);
}

#[test]
fn unknown_block_kind() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        "Paragraf(\"Hello.\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        10,
        17,
        &["`Paragraf` is not a kind of", "`Paragraph`", "`KeyFact`"],
    );
}

#[test]
fn duplicate_page_id_across_files() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/beta.ron",
        "id: \"beta-1\"",
        "id: \"alpha-1\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        7,
        17,
        &["page id \"alpha-1\" is used twice"],
    );
}

#[test]
fn duplicate_topic_id() {
    let f = Fixture::new();
    f.write("content/en/topics/gamma.ron", common::ALPHA);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/gamma.ron",
        2,
        9,
        &["Another topic file already uses the id \"alpha\""],
    );
}

#[test]
fn link_to_missing_page() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "Page(\"beta-1\")",
        "Page(\"beta-9\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        11,
        55,
        &["\"To beta\"", "page \"beta-9\", which does not exist"],
    );
}

#[test]
fn link_to_missing_topic() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "to: Page(\"beta-1\")",
        "to: Topic(\"gamma\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        11,
        56,
        &["topic \"gamma\", which does not exist"],
    );
}

#[test]
fn missing_image_file() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/beta.ron",
        "Image(\"logo.png\")",
        "Image(\"lgo.png\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        10,
        38,
        &["picture \"lgo.png\" is not in"],
    );
}

#[test]
fn corrupt_image_file() {
    let f = Fixture::new();
    f.write(
        "assets/images/logo.png",
        b"\x89PNG\r\n\x1a\n this is not really a picture",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/deck.ron",
        6,
        11,
        &["\"logo.png\" cannot be opened"],
    );
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        10,
        38,
        &["\"logo.png\" cannot be opened"],
    );
}

#[test]
fn a_picture_cut_short_or_too_large_is_refused_where_it_is_used() {
    let f = Fixture::new();
    let logo = f.path("assets/images/logo.png");
    image::RgbaImage::new(300, 300).save(&logo).expect("write");
    let bytes = std::fs::read(&logo).expect("read");
    // Cut short: its header (and so its size) is whole; before, `check` took it.
    f.write("assets/images/logo.png", &bytes[..bytes.len() / 2]);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        10,
        38,
        &["\"logo.png\" cannot be opened as a PNG or JPEG picture"],
    );
    // An 11,000-pixel-wide logo held up the first frame by 1.5 s.
    image::RgbaImage::new(11_000, 2).save(&logo).expect("write");
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/deck.ron",
        6,
        11,
        &[
            "\"logo.png\" is 11000 x 2 pixels",
            "at most 4096 pixels on a side",
        ],
    );
}

#[test]
fn empty_page() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "blocks: [\n                Paragraph(\"Hello.\"),\n                GoTo([Link(label: \"To beta\", to: Page(\"beta-1\"))]),\n            ],",
        "blocks: [],",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        7,
        17,
        &["page \"alpha-1\" is empty"],
    );
}

#[test]
fn topic_with_no_pages() {
    let f = Fixture::new();
    f.write(
        "content/en/topics/alpha.ron",
        "Topic(\n    id: \"alpha\",\n    title: \"Alpha\",\n    subtitle: \"First\",\n    pages: [],\n)\n",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        5,
        5,
        &["topic \"alpha\" has no pages"],
    );
}

#[test]
fn listed_topic_without_file_and_unlisted_file() {
    let f = Fixture::new();
    f.edit(
        "content/deck.ron",
        "[\"alpha\", \"beta\"]",
        "[\"alpha\", \"beta\", \"gamma\"]",
    );
    f.write(
        "content/en/topics/delta.ron",
        common::BETA.replace("beta", "delta"),
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/deck.ron",
        4,
        31,
        &["no topic \"gamma\"", "gamma.ron"],
    );
    assert_diagnostic(
        &d,
        "en/topics/delta.ron",
        2,
        9,
        &["\"delta\" is not listed in `topics`"],
    );
}

#[test]
fn unknown_phone_and_wrong_table_row() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/beta.ron",
        "phones: [\"main\"]",
        "phones: [\"mian\"]",
    );
    f.edit(
        "content/en/topics/beta.ron",
        "[\"Row\", \"1\", \"2\"]",
        "[\"Row\", \"1\"]",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        11,
        52,
        &["no phone \"mian\"", "\"main\""],
    );
    assert_diagnostic(
        &d,
        "en/topics/beta.ron",
        7,
        17,
        &["block 3 (Table): row 1 has 2 cell(s), but the table has 3 column(s)"],
    );
}

#[test]
fn not_utf8() {
    let f = Fixture::new();
    f.write(
        "content/en/clinic.ron",
        b"ClinicText(\n    name: \"Caf\xe9\",\n)",
    );
    let d = f.diagnostics();
    assert_diagnostic(&d, "en/clinic.ron", 2, 15, &["not plain UTF-8"]);
}

#[test]
fn missing_deck_file_still_checks_the_languages() {
    let f = Fixture::new();
    std::fs::remove_file(f.path("content/deck.ron")).expect("remove");
    f.edit("content/en/topics/alpha.ron", "subtitle:", "subtitel:");
    let d = f.diagnostics();
    assert_diagnostic(&d, "content/deck.ron", 1, 1, &["This file is missing"]);
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        4,
        5,
        &["no part called `subtitel`"],
    );
}

#[test]
fn default_language_not_listed() {
    let f = Fixture::new();
    f.edit(
        "content/deck.ron",
        "default_language: \"en\"",
        "default_language: \"es\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "content/deck.ron",
        2,
        23,
        &["default language \"es\" is not in `languages`", "\"en\""],
    );
}

#[test]
fn field_given_twice() {
    let f = Fixture::new();
    f.edit(
        "content/en/interface.ron",
        "    home: \"Home\",\n",
        "    home: \"Home\",\n    home: \"Start\",\n",
    );
    let d = f.diagnostics();
    assert_diagnostic(&d, "en/interface.ron", 8, 5, &["has `home` twice"]);
}

#[test]
fn every_problem_is_collected_not_just_the_first() {
    let f = Fixture::new();
    f.edit("content/en/clinic.ron", "name:", "nam:");
    f.edit(
        "content/en/topics/alpha.ron",
        "Page(\"beta-1\")",
        "Page(\"nowhere\")",
    );
    f.edit(
        "content/en/topics/beta.ron",
        "Image(\"logo.png\")",
        "Image(\"gone.png\")",
    );
    f.edit(
        "content/deck.ron",
        "languages: [\"en\"]",
        "languages: [\"en\", \"en\"]",
    );
    let d = f.diagnostics();
    assert_diagnostic(&d, "en/clinic.ron", 2, 5, &["no part called `nam`"]);
    assert_diagnostic(&d, "en/topics/alpha.ron", 11, 55, &["\"nowhere\""]);
    assert_diagnostic(&d, "en/topics/beta.ron", 10, 38, &["\"gone.png\""]);
    assert_diagnostic(
        &d,
        "content/deck.ron",
        3,
        23,
        &["language \"en\" is listed twice"],
    );
}

#[test]
fn a_second_language_with_the_same_pages_and_blocks_is_valid() {
    let fixture = Fixture::with_spanish();
    let deck = load_deck(&fixture.paths()).expect("both languages load");
    assert_eq!(deck.languages.len(), 2);
}

#[test]
fn a_block_missing_in_a_language_is_named_at_its_page() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/es/topics/alpha.ron",
        "                GoTo([Link(label: \"To beta\", to: Page(\"beta-1\"))]),\n",
        "",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/alpha.ron",
        7,
        17,
        &[
            "block 2 is nothing here but a GoTo to page \"beta-1\" in the en content",
            "same blocks in the same order",
        ],
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

#[test]
fn a_block_that_differs_between_languages_is_named() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/es/topics/beta.ron",
        "Contact(title: \"Call us\", phones: [\"main\"])",
        "Paragraph(\"Call us.\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/beta.ron",
        7,
        17,
        &["block 2 is a Paragraph here but a Contact with the phones main"],
    );
}

#[test]
fn a_page_missing_or_extra_in_a_language_is_named() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/es/topics/alpha.ron",
        "id: \"alpha-1\"",
        "id: \"alpha-2\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/alpha.ron",
        5,
        5,
        &[
            "The page \"alpha-1\" of",
            "en/topics/alpha.ron is missing here",
        ],
    );
    assert_diagnostic(
        &d,
        "es/topics/alpha.ron",
        7,
        17,
        &["The page \"alpha-2\" is not in", "same pages"],
    );
}

#[test]
fn an_interface_word_missing_in_a_language_is_named() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/es/interface.ron",
        "    attract_touch: \"Touch\",\n",
        "",
    );
    let d = f.diagnostics();
    assert!(
        d.iter().any(|d| d.path.ends_with("es/interface.ron")
            && d.line > 1
            && d.message.contains("attract_touch")),
        "{d:?}"
    );
}

/// A quiz of three questions for the fixture's topic `alpha`, inserted before its end.
fn with_quiz(f: &Fixture, file: &str, right_of_second: usize) {
    let quiz = format!(
        r#"    quiz: [
        Question(id: "a", ask: "One?", answers: ["Yes", "No"], right: 0, explain: "Yes.", page: "alpha-1"),
        Question(id: "b", ask: "Two?", answers: ["Yes", "No"], right: {right_of_second}, explain: "No.", page: "alpha-1"),
        Question(id: "c", ask: "Three?", answers: ["Yes", "No", "Maybe"], right: 2, explain: "Maybe.", page: "beta-1"),
    ],
)"#
    );
    let text = std::fs::read_to_string(f.path(file)).expect("read");
    let end = text.rfind(')').expect("the topic ends");
    f.write(file, format!("{}{quiz}\n", &text[..end]));
}

#[test]
fn a_valid_quiz_loads() {
    let f = Fixture::with_spanish();
    with_quiz(&f, "content/en/topics/alpha.ron", 1);
    with_quiz(&f, "content/es/topics/alpha.ron", 1);
    let deck = load_deck(&f.paths()).expect("valid");
    assert_eq!(deck.language(1).topics[0].quiz.len(), 3);
}

#[test]
fn a_right_answer_out_of_range_is_named_at_its_question() {
    let f = Fixture::new();
    with_quiz(&f, "content/en/topics/alpha.ron", 2);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        17,
        22,
        &[
            "The question \"b\" says answer 2 is right",
            "only 2 answers",
        ],
    );
}

#[test]
fn a_quiz_that_differs_between_languages_is_named() {
    let f = Fixture::with_spanish();
    with_quiz(&f, "content/en/topics/alpha.ron", 1);
    with_quiz(&f, "content/es/topics/alpha.ron", 0);
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/alpha.ron",
        15,
        5,
        &[
            "Question 2 of the quiz is \"b\" with 2 answers, answer 1 right",
            "answer 2 right",
        ],
    );
}

#[test]
fn a_quiz_of_two_questions_or_one_pointing_nowhere_is_refused() {
    let f = Fixture::new();
    with_quiz(&f, "content/en/topics/alpha.ron", 1);
    f.edit(
        "content/en/topics/alpha.ron",
        "        Question(id: \"a\", ask: \"One?\", answers: [\"Yes\", \"No\"], right: 0, explain: \"Yes.\", page: \"alpha-1\"),\n",
        "",
    );
    f.edit(
        "content/en/topics/alpha.ron",
        "page: \"beta-1\"",
        "page: \"gamma-1\"",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        15,
        5,
        &["The quiz has 2 questions", "3 to 5"],
    );
    assert_diagnostic(
        &d,
        "en/topics/alpha.ron",
        17,
        22,
        &["points to the page \"gamma-1\", which does not exist"],
    );
}

#[test]
fn handout_words_need_their_placeholders_and_the_portal_a_web_address() {
    let f = Fixture::new();
    f.edit(
        "content/en/interface.ron",
        "page_footer: \"Page {page} of {total}\"",
        "page_footer: \"Page {page}\"",
    );
    f.edit(
        "content/en/interface.ron",
        "call_us: \"Scan to call\"",
        "call_us: \" \"",
    );
    f.edit(
        "content/deck.ron",
        "    logo: \"logo.png\",\n",
        "    logo: \"logo.png\",\n    portal_url: \"mychart.example.org\",\n",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/interface.ron",
        126,
        9,
        &["`page_footer` must contain {total}"],
    );
    assert_diagnostic(&d, "en/interface.ron", 122, 9, &["`call_us` is empty"]);
    assert_diagnostic(
        &d,
        "deck.ron",
        7,
        17,
        &["\"mychart.example.org\" is not a web address", "https://"],
    );
    assert_eq!(d.len(), 3, "{d:?}");
}

#[test]
fn ids_are_plain_names_never_paths() {
    // A page id is a file name for `render` and `export-html`: `../../x` or `/abs/x` would
    // write outside the folder given. Every id is a plain name, checked at load.
    for (bad, shown) in [
        ("../../x", "\"../../x\""),
        ("/abs/x", "\"/abs/x\""),
        ("Alpha One", "\"Alpha One\""),
        ("index.html", "\"index.html\""),
    ] {
        let f = Fixture::new();
        f.edit(
            "content/en/topics/beta.ron",
            "id: \"beta-1\"",
            &format!("id: \"{bad}\""),
        );
        let d = f.diagnostics();
        assert_diagnostic(
            &d,
            "en/topics/beta.ron",
            7,
            17,
            &[
                &format!("The page id {shown} is not a plain name"),
                "small letters",
            ],
        );
    }
}

#[test]
fn content_with_a_path_for_an_id_writes_nothing_anywhere() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/beta.ron",
        "id: \"beta-1\"",
        "id: \"../../escaped\"",
    );
    let parent = tempfile::tempdir().expect("a folder");
    let out = parent.path().join("a").join("site");
    let output = common::run_bin(&[
        "export-html",
        "--content",
        f.paths().content_dir.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_ne!(output.status.code(), Some(0), "refused");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("not a plain name"), "{stderr}");
    assert!(
        !parent.path().join("escaped.html").exists() && !out.exists(),
        "nothing written, inside or outside the folder"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    // Windows editors write one; it used to give "Expected ClinicText(...)" and a bogus
    // "This file is missing".
    let f = Fixture::new();
    let clinic = std::fs::read(f.path("content/en/clinic.ron")).expect("read");
    let mut with_bom = "\u{feff}".as_bytes().to_vec();
    with_bom.extend(clinic);
    f.write("content/en/clinic.ron", with_bom);
    let deck = patient_kiosk::load_deck(&f.paths()).expect("a file with a BOM loads");
    assert!(!deck.language(0).clinic.name.starts_with('\u{feff}'));
}

#[test]
fn a_pipe_is_not_called_a_folder() {
    let f = Fixture::new();
    let path = f.path("content/en/clinic.ron");
    std::fs::remove_file(&path).expect("remove");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    assert_diagnostic(
        &f.diagnostics(),
        "content/en/clinic.ron",
        1,
        1,
        &["This should be a file, but it is a pipe, a device or a socket."],
    );
}

#[test]
fn a_file_name_with_a_newline_or_an_escape_code_is_printed_quoted() {
    let f = Fixture::new();
    f.write("content/en/topics/bad\nname\u{1b}[31m.ron", "(");
    let d = f.diagnostics();
    let printed: Vec<String> = d.iter().map(ToString::to_string).collect();
    let line = printed
        .iter()
        .find(|line| line.contains("bad"))
        .unwrap_or_else(|| panic!("the file is reported: {printed:?}"));
    assert!(!line.contains('\n') && !line.contains('\u{1b}'), "{line:?}");
    assert!(line.contains("bad\\nname\\u{1b}[31m.ron\""), "{line}");
}

#[test]
fn a_topic_that_fails_is_reported_once_not_by_every_link_to_it() {
    // Before: the broken beta.ron also gave "The button "To beta" goes to the page
    // "beta-1", which does not exist."
    let f = Fixture::new();
    f.write("content/en/topics/beta.ron", "Topic(id: \"beta\", title: ");
    let d = f.diagnostics();
    assert!(
        d.iter().all(|d| d.path.ends_with("en/topics/beta.ron")),
        "only the broken file is named: {}",
        d.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    assert_eq!(d.len(), 1, "{d:?}");
}

/// A number in a sentence is written `{phone:ID}` and comes from deck.ron (so it can never
/// drift); an id deck.ron does not have is named where it is written.
#[test]
fn a_phone_number_in_a_sentence_comes_from_the_deck() {
    let f = Fixture::new();
    f.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        "Paragraph(\"Call {phone:main} or {phone:fax}.\")",
    );
    assert_diagnostic(
        &f.diagnostics(),
        "en/topics/alpha.ron",
        10,
        49,
        &[
            "`{phone:fax}` names no phone number of deck.ron",
            "\"main\"",
        ],
    );
    f.edit("content/en/topics/alpha.ron", " or {phone:fax}", "");
    let deck = load_deck(&f.paths()).expect("loads");
    let words = deck.language(0);
    let (_, page) = words.pages().next().expect("a page");
    let patient_kiosk::content::model::Block::Paragraph(text) = &page.blocks[0] else {
        panic!("a paragraph");
    };
    assert_eq!(text, &format!("Call {}.", deck.phones["main"]));
}

/// The bundled virtual-visits page gives the main number from deck.ron, in both languages.
#[test]
fn the_bundled_pages_take_the_main_number_from_the_deck() {
    let deck = common::bundled_deck();
    let main = &deck.phones["main"];
    for language in &deck.languages {
        let (_, page) = (language.pages())
            .find(|(_, page)| page.id == "virtual-visits-schedule")
            .expect("the page");
        let said = format!("{:?}", page.blocks);
        assert!(said.contains(main.as_str()), "{}: {said}", language.code);
        assert!(!said.contains("{phone:"), "{said}");
    }
    let source = std::fs::read_to_string(
        common::bundled_paths()
            .content_dir
            .join("en/topics/virtual-visits.ron"),
    )
    .expect("the file");
    assert!(
        !source.contains(main.as_str()),
        "the number is not typed in the topic"
    );
}

/// A translation gives the same numbers as the default language, block by block (beyond the
/// parity of ids and shapes): "Row 1 2" may not become "Row 1 3"; a metric conversion may be
/// added.
#[test]
fn a_translation_with_another_number_is_named_at_its_page() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/es/topics/beta.ron",
        "rows: [[\"Row\", \"1\", \"2\"]]",
        "rows: [[\"Row\", \"1\", \"3\"]]",
    );
    f.edit(
        "content/es/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        "Paragraph(\"Hola (2 cm).\")",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "es/topics/beta.ron",
        7,
        17,
        &["block 3 has 1, 3 here but 1, 2 in the en content"],
    );
    assert_eq!(d.len(), 1, "the conversion is allowed: {d:?}");
}

/// synonyms.ron (the index search's words): each is one word, given once, with what it means.
#[test]
fn a_search_synonym_must_be_one_word_given_once_with_a_meaning() {
    let f = Fixture::new();
    f.write(
        "content/en/synonyms.ron",
        "{\n    \"two words\": [\"cut\"],\n    \"incision\": [],\n    \"Cut\": [\"x\"],\n    \"cut\": [\"y\"],\n}\n",
    );
    let d = f.diagnostics();
    assert_diagnostic(
        &d,
        "en/synonyms.ron",
        2,
        5,
        &["\"two words\" must be one word"],
    );
    assert_diagnostic(
        &d,
        "en/synonyms.ron",
        3,
        5,
        &["\"incision\" needs the words it means"],
    );
    assert_diagnostic(&d, "en/synonyms.ron", 5, 5, &["\"cut\" is given twice"]);
    f.write("content/en/synonyms.ron", "{\"incision\": [\"hello\"]}");
    let deck = load_deck(&f.paths()).expect("loads");
    let words = deck.language(0);
    let (at, _) = words.pages().next().expect("a page");
    assert!(
        words.page_matches(at, "Incision"),
        "the synonym finds the page"
    );
}

/// A figure's caption for paper is in every language or in none, and is never empty.
#[test]
fn a_caption_for_paper_is_in_every_language_and_not_empty() {
    let f = Fixture::with_spanish();
    f.edit(
        "content/en/topics/beta.ron",
        "alt: \"A logo.\")",
        "alt: \"A logo.\", print_caption: \"Our logo.\")",
    );
    assert_diagnostic(
        &f.diagnostics(),
        "es/topics/beta.ron",
        7,
        17,
        &[
            "block 1 is a Figure of the picture \"logo.png\" here but a Figure of the picture \"logo.png\" and a caption for paper",
        ],
    );
    f.edit(
        "content/en/topics/beta.ron",
        "print_caption: \"Our logo.\"",
        "print_caption: \" \"",
    );
    let d = f.diagnostics();
    assert!(
        d.iter()
            .any(|d| d.message.contains("`print_caption` is empty")),
        "{d:?}"
    );
}
