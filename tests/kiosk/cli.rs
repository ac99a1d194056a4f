//! The `patient-kiosk` command line: `check` and `render`, run as a content editor would.

use crate::common;

use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_patient-kiosk");

fn run(args: &[&str]) -> Output {
    common::run_bin(args)
}

fn stdout(output: &Output) -> String {
    common::stdout(output)
}

#[test]
fn check_passes_the_bundled_content() {
    let paths = common::bundled_paths();
    let output = run(&["check", paths.content_dir.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).starts_with("content is ready: 2 language(s), 11 topics"));
}

#[test]
fn check_lists_every_problem_and_exits_1() {
    let fixture = common::Fixture::new();
    fixture.edit("content/en/topics/alpha.ron", "subtitle:", "subtitel:");
    fixture.edit(
        "content/en/topics/beta.ron",
        "Image(\"logo.png\")",
        "Image(\"gone.png\")",
    );
    let content = fixture.path("content");
    let output = run(&["check", content.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].ends_with("alpha.ron:4:5: `Topic` has no part called `subtitel`. It can have: `id`, `title`, `subtitle`, `icon`, `tile`, `review`, `pages`, `quiz`."), "{text}");
    assert!(
        lines[1].contains("beta.ron:10:38: The picture \"gone.png\" is not in"),
        "{text}"
    );
    assert_eq!(lines[2], "2 problem(s) found");
}

#[test]
fn check_of_a_missing_folder_is_a_problem_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("nothing-here");
    let output = run(&["check", missing.to_str().expect("utf-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("deck.ron:1:1: This file is missing."));
}

#[test]
fn bad_arguments_are_a_usage_error() {
    let output = run(&["--size", "huge"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("expected a size like 1920x1080"));
}

/// `render` opens a real window, so it needs a display: the one we have, or a virtual one.
fn render_command(args: &[&str]) -> Command {
    let has_display =
        std::env::var_os("DISPLAY").is_some() || std::env::var_os("WAYLAND_DISPLAY").is_some();
    if has_display {
        let mut command = Command::new(BIN);
        command.args(args);
        command
    } else {
        let xvfb = Command::new("xvfb-run").arg("--help").output();
        assert!(
            xvfb.is_ok(),
            "`render` needs a display: run the tests with DISPLAY set, or install xvfb (scripts/test.sh does)"
        );
        let mut command = Command::new("xvfb-run");
        command
            .args(["-a", "-s", "-screen 0 1920x1080x24", BIN])
            .args(args);
        command
    }
}

#[test]
fn render_writes_a_png_of_every_page_and_every_step_named_by_its_id() {
    let deck = common::bundled_deck();
    let language = deck.language(deck.default_language);
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().to_str().expect("utf-8 path");
    let output = render_command(&["render", "--out", out_dir, "--size", "1280x800", "--steps"])
        .output()
        .expect("render runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}\n{}",
        stdout(&output),
        String::from_utf8_lossy(&output.stderr)
    );
    let mut expected = vec!["home.png".to_owned()];
    for (_, page) in language.pages() {
        expected.push(format!("{}.png", page.id));
        for id in page.diagram_ids() {
            let steps = deck.diagrams[id].steps.len();
            expected.extend((2..=steps).map(|n| format!("{}-{id}-step-{n}.png", page.id)));
        }
    }
    assert!(
        expected.iter().any(|name| name.contains("-step-6")),
        "the day of surgery has six steps"
    );
    expected.sort();
    let mut written: Vec<String> = std::fs::read_dir(out.path())
        .expect("out dir")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    written.sort();
    assert_eq!(written, expected);
    for name in &written {
        let (width, height) =
            image::image_dimensions(out.path().join(name)).expect("a readable PNG");
        assert_eq!((width, height), (1280, 800), "{name}");
    }
    // The home screen is not blank: it has the page background and darker text on it.
    let home = image::open(out.path().join("home.png"))
        .expect("home.png")
        .to_rgb8();
    let dark = home
        .pixels()
        .filter(|pixel| pixel.0.iter().all(|&c| c < 80))
        .count();
    assert!(dark > 1000, "home.png has only {dark} dark pixels");
}

#[test]
fn render_can_be_limited_to_some_pages_and_refuses_an_unknown_one() {
    let out = tempfile::tempdir().expect("temp dir");
    let out_dir = out.path().to_str().expect("utf-8 path");
    let output = render_command(&[
        "render",
        "--out",
        out_dir,
        "--size",
        "1280x800",
        "--page",
        "risks-paralysis",
        "--page",
        "recovery-home",
    ])
    .output()
    .expect("render runs");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let mut written: Vec<String> = std::fs::read_dir(out.path())
        .expect("out dir")
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .collect();
    written.sort();
    assert_eq!(written, ["recovery-home.png", "risks-paralysis.png"]);

    let output = render_command(&["render", "--out", out_dir, "--page", "no-such-page"])
        .output()
        .expect("render runs");
    assert_eq!(output.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("no page with the id \"no-such-page\"")
    );
}

/// Runs `set-pin` with `stdin` piped in.
fn set_pin(config: &std::path::Path, stdin: &str) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(BIN)
        .args(["set-pin", "--config", config.to_str().expect("utf-8 path")])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Err(error) = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
    {
        // A run that refuses before reading its input (a broken settings file) may have closed
        // the pipe already.
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "{error}");
    }
    child.wait_with_output().expect("it ends")
}

#[test]
fn set_pin_saves_only_a_hash_and_keeps_the_other_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("config.ron");
    std::fs::write(&config, "(kiosk: true, idle_timeout_secs: 90)").expect("write");

    let output = set_pin(&config, "2468\n2469\n");
    assert_eq!(output.status.code(), Some(3), "the two PINs differ");
    assert!(
        !std::fs::read_to_string(&config)
            .expect("read")
            .contains("argon2")
    );
    let output = set_pin(&config, "12\n");
    assert_eq!(output.status.code(), Some(3), "too short");

    let output = set_pin(&config, "2468\n2468\n");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = std::fs::read_to_string(&config).expect("read");
    assert!(
        !text.contains("2468"),
        "the PIN itself is never saved:\n{text}"
    );
    let (settings, error) = patient_kiosk::config::KioskConfig::load(&config);
    assert!(error.is_none(), "{error:?}");
    assert!(
        settings.kiosk && settings.idle_timeout_secs == 90,
        "{settings:?}"
    );
    let hash = settings.staff_pin_hash.expect("a hash");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(patient_kiosk::staff::pin_matches(&hash, "2468"));
    assert!(!patient_kiosk::staff::pin_matches(&hash, "2469"));

    std::fs::write(&config, "(kiosk: tru)").expect("write");
    let output = set_pin(&config, "2468\n");
    assert_eq!(
        output.status.code(),
        Some(3),
        "a broken file is not overwritten"
    );
    assert_eq!(
        std::fs::read_to_string(&config).expect("read"),
        "(kiosk: tru)"
    );
}
