//! `patient-kiosk video`: a walk-through made into a narrated video for the waiting room's
//! TV, end to end with the real programs: the kiosk's binary on an Xvfb screen, espeak-ng for
//! the voice, ffmpeg to encode, and ffprobe to read the result back.

use crate::common;
use crate::x_display::{Display, missing};

use std::process::Command;

use patient_kiosk::narration::{EspeakNg, Part, Script, narrate, step_script};
use patient_kiosk::play::AFTER_WORDS_SECS;

/// The frame of `video` at `secs`, small and grey (480x270, a byte a pixel), as ffmpeg
/// decodes it.
fn frame_at(video: &std::path::Path, secs: f64) -> Vec<u8> {
    let output = Command::new("ffmpeg")
        .args(["-v", "error", "-ss", &format!("{secs:.3}"), "-i"])
        .arg(video)
        .args(["-frames:v", "1", "-vf", "scale=480:270", "-f", "rawvideo"])
        .args(["-pix_fmt", "gray", "-"])
        .output()
        .expect("ffmpeg runs");
    assert!(output.status.success(), "ffmpeg decodes a frame at {secs}");
    assert_eq!(output.stdout.len(), 480 * 270, "one frame at {secs}");
    output.stdout
}

/// How unlike two frames' captions are: the mean difference of a pixel (0 to 255) in the
/// rows the caption band always covers (just above the frame's bottom margin).
fn unlike(a: &[u8], b: &[u8]) -> f64 {
    let rows = 480 * 240..480 * 256;
    let sum: u64 = (a[rows.clone()].iter().zip(&b[rows.clone()]))
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / rows.len() as f64
}

/// Each cue's start and end in seconds, from a WebVTT file.
fn cue_times(vtt: &str) -> Vec<(f64, f64)> {
    let secs = |time: &str| {
        let parts: Vec<f64> = (time.trim().split(':'))
            .map(|p| p.parse().expect("a number"))
            .collect();
        parts[0] * 3600.0 + parts[1] * 60.0 + parts[2]
    };
    (vtt.lines())
        .filter_map(|line| line.split_once(" --> "))
        .map(|(start, end)| (secs(start), secs(end)))
        .collect()
}

/// A stream's field as ffprobe prints it (`-of default=noprint_wrappers=1`).
fn field<'a>(stream: &'a str, name: &str) -> &'a str {
    (stream.lines())
        .find_map(|line| line.strip_prefix(&format!("{name}=")))
        .unwrap_or_else(|| panic!("no {name} in {stream}"))
}

#[test]
fn a_walk_through_becomes_a_narrated_captioned_video_as_long_as_its_narration() {
    let probe = Command::new("ffprobe").arg("-version").output();
    if let Err(error) = probe {
        missing::<()>("ffprobe (ffmpeg)", &error);
        return;
    }
    let Some(voice) = EspeakNg::find() else {
        missing::<()>("espeak-ng", &std::io::Error::other("not on the PATH"));
        return;
    };
    let Some(display) = Display::start_sized("1920x1080") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("tv/fluoroscope-es.mp4");
    let made = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args([
            "video",
            "--walk-through",
            "fluoroscope",
            "--lang",
            "es",
            "--out",
        ])
        .arg(&out)
        .env("DISPLAY", &display.name)
        .output()
        .expect("the binary runs");
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(
        made.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert!(said.contains("narrated"), "{said}");

    // The narration, made here: the page's title, then every step, each with Play's pause.
    let deck = common::bundled_deck();
    let spanish = (deck.languages.iter())
        .position(|language| language.code == "es")
        .expect("Spanish");
    let at = common::page_with_diagram(&deck, "fluoroscope");
    let title = &deck.language(spanish).page(at).expect("the page").title;
    let mut scripts = vec![{
        let mut script = Script::default();
        script.say_line(Part::Title, title);
        script
    }];
    let steps = deck.diagrams["fluoroscope"].steps.len();
    scripts.extend((0..steps).map(|step| step_script(&deck, spanish, "fluoroscope", step)));
    let narration_secs: f64 = (scripts.iter())
        .map(|script| {
            let said = narrate(
                &voice,
                "es",
                &voice.voice("es"),
                script,
                &Default::default(),
            );
            said.expect("narrated").duration_ms() as f64 / 1000.0 + AFTER_WORDS_SECS
        })
        .sum();

    let probe = Command::new("ffprobe")
        .args(["-v", "error", "-show_entries"])
        .arg("stream=codec_type,codec_name,width,height,r_frame_rate,duration")
        .args(["-of", "default=noprint_wrappers=1"])
        .arg(&out)
        .output()
        .expect("ffprobe runs");
    assert!(probe.status.success(), "ffprobe reads the video");
    let probed = String::from_utf8_lossy(&probe.stdout);
    let streams: Vec<&str> = probed.split("codec_name=").skip(1).collect();
    assert_eq!(
        streams.len(),
        2,
        "one video and one audio stream:\n{probed}"
    );
    let kind = |wanted: &str| {
        (streams.iter())
            .find(|stream| field(stream, "codec_type") == wanted)
            .unwrap_or_else(|| panic!("no {wanted} stream in\n{probed}"))
    };
    let (video, audio) = (kind("video"), kind("audio"));
    assert_eq!(
        (field(video, "width"), field(video, "height")),
        ("1920", "1080")
    );
    assert_eq!(field(video, "r_frame_rate"), "30/1");
    let secs = |stream: &str| field(stream, "duration").parse::<f64>().expect("seconds");
    let (video_secs, audio_secs) = (secs(video), secs(audio));
    assert!(
        (video_secs - narration_secs).abs() < 0.1 && (audio_secs - narration_secs).abs() < 0.1,
        "video {video_secs} s and sound {audio_secs} s, the narration {narration_secs} s"
    );

    // The captions beside it: one cue for the title and each step, in Spanish, in order, the
    // last ending with the video.
    let vtt = std::fs::read_to_string(out.with_extension("vtt")).expect("the captions");
    assert!(vtt.starts_with("WEBVTT\n"), "{vtt}");
    let texts = &deck.language(spanish).diagram_texts["fluoroscope"];
    let mut from = 0;
    for step in &deck.diagrams["fluoroscope"].steps {
        let words = &texts.steps[&step.id];
        let found = vtt[from..].find(words.as_str());
        from += found.unwrap_or_else(|| panic!("{words:?} in order in\n{vtt}"));
    }
    assert_eq!(vtt.matches(" --> ").count(), steps + 1, "{vtt}");

    // The picture keeps time with the words: each shot's caption shows from its first frame
    // to its last, and the next shot's with the next shot.
    let cues = cue_times(&vtt);
    for pair in cues.windows(2) {
        let ((start, end), (next_start, _)) = (pair[0], pair[1]);
        assert!(
            (end - next_start).abs() < 0.01,
            "one shot after another: {cues:?}"
        );
        let settled = frame_at(&out, start + 0.05);
        let last = frame_at(&out, end - 0.2);
        let next = frame_at(&out, next_start + 0.05);
        assert!(
            unlike(&settled, &last) < 2.0,
            "the caption from {start} s changes by {:.1} before {end} s",
            unlike(&settled, &last)
        );
        assert!(
            unlike(&last, &next) > 8.0,
            "the caption from {next_start} s looks like the one before ({:.1})",
            unlike(&last, &next)
        );
    }
}

#[test]
fn video_names_a_missing_encoder_or_walk_through_plainly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x.mp4");
    let out = out.to_str().expect("a plain path");
    // No such walk-through: the ones there are, by name.
    let wrong = common::run_bin(&["video", "--walk-through", "no-such", "--out", out]);
    assert!(!wrong.status.success());
    let said = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        said.contains("\"no-such\"") && said.contains("fluoroscope"),
        "{said}"
    );
    // No ffmpeg on the PATH: how to get it, and no file.
    let empty = tempfile::tempdir().expect("temp dir");
    let bare = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["video", "--walk-through", "fluoroscope", "--out", out])
        .env("PATH", empty.path())
        .output()
        .expect("the binary runs");
    assert!(!bare.status.success());
    let said = String::from_utf8_lossy(&bare.stderr);
    assert!(said.contains("ffmpeg is not installed"), "{said}");
    assert!(!std::path::Path::new(out).exists());
}

/// On a server with no display, `video` draws on a virtual screen of its own (Xvfb) and ends
/// it afterwards.
#[test]
fn without_a_display_the_video_makes_its_own_screen() {
    if let Err(error) = Command::new("ffprobe").arg("-version").output() {
        missing::<()>("ffprobe (ffmpeg)", &error);
        return;
    }
    if Command::new("Xvfb").arg("-help").output().is_err() {
        missing::<()>("Xvfb", &std::io::Error::other("not on the PATH"));
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("risk.mp4");
    let made = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(["video", "--walk-through", "risk-dots", "--out"])
        .arg(&out)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert!(
        made.status.success(),
        "{}{}",
        String::from_utf8_lossy(&made.stdout),
        String::from_utf8_lossy(&made.stderr)
    );
    let probe = Command::new("ffprobe")
        .args(["-v", "error", "-select_streams", "v", "-show_entries"])
        .args(["stream=width,height", "-of", "csv=p=0"])
        .arg(&out)
        .output()
        .expect("ffprobe runs");
    assert_eq!(String::from_utf8_lossy(&probe.stdout).trim(), "1920,1080");
}
