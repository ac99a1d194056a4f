//! `patient-kiosk export-html`: one HTML file per page plus the index, every title there and
//! every word escaped.

use crate::common;

use std::path::Path;

use patient_kiosk::export::escape_html;

fn export(content: &Path, out: &Path) -> std::process::Output {
    common::run_bin(&[
        "export-html",
        "--content",
        content.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ])
}

fn html_files(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(out)
        .expect("the site folder")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".html"))
        .collect();
    names.sort();
    names
}

#[test]
fn the_bundled_deck_exports_one_file_per_page_and_an_index() {
    let deck = common::bundled_deck();
    let paths = common::bundled_paths();
    let site = tempfile::tempdir().expect("temp dir");
    let output = export(&paths.content_dir, site.path());
    assert_eq!(output.status.code(), Some(0), "{}", common::stdout(&output));

    let language = deck.language(deck.default_language);
    let mut expected: Vec<String> = language
        .pages()
        .map(|(_, page)| format!("{}.html", page.id))
        .collect();
    expected.push("index.html".to_owned());
    expected.sort();
    assert_eq!(html_files(site.path()), expected);

    let index = std::fs::read_to_string(site.path().join("index.html")).expect("index");
    for topic in &language.topics {
        assert!(
            index.contains(&escape_html(&topic.title)),
            "{}",
            topic.title
        );
    }
    for (_, page) in language.pages() {
        let html =
            std::fs::read_to_string(site.path().join(format!("{}.html", page.id))).expect("page");
        assert!(
            html.contains(&format!("<h1>{}</h1>", escape_html(&page.title))),
            "{}",
            page.id
        );
        assert_eq!(
            html.contains("<svg"),
            page.diagram_ids().next().is_some(),
            "{}",
            page.id
        );
    }
    for font in ["AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"] {
        assert!(
            site.path()
                .join("fonts")
                .join(format!("{font}.ttf"))
                .is_file()
        );
    }
    let css = std::fs::read_to_string(site.path().join("kiosk.css")).expect("stylesheet");
    assert!(css.contains("@font-face"));
}

#[test]
fn every_word_is_escaped() {
    let fixture = common::Fixture::new();
    fixture.edit(
        "content/en/topics/alpha.ron",
        "title: \"First page\"",
        "title: \"Fish & <chips>\"",
    );
    fixture.edit(
        "content/en/topics/alpha.ron",
        "Paragraph(\"Hello.\")",
        "Paragraph(\"Say \\\"<script>\\\" & 'hi'.\")",
    );
    let site = tempfile::tempdir().expect("temp dir");
    let output = export(&fixture.path("content"), site.path());
    assert_eq!(output.status.code(), Some(0), "{}", common::stdout(&output));
    assert_eq!(
        html_files(site.path()),
        ["alpha-1.html", "beta-1.html", "index.html"]
    );
    let html = std::fs::read_to_string(site.path().join("alpha-1.html")).expect("page");
    assert!(html.contains("<h1>Fish &amp; &lt;chips&gt;</h1>"), "{html}");
    assert!(
        html.contains("<p>Say &quot;&lt;script&gt;&quot; &amp; &#39;hi&#39;.</p>"),
        "{html}"
    );
    assert!(!html.contains("<script>"), "{html}");
    // Back goes to the index, Next to the next topic's page.
    assert!(html.contains("href=\"index.html\""), "{html}");
    assert!(html.contains("id=\"next\" href=\"beta-1.html\""), "{html}");
}
