//! The kiosk's health as a Prometheus textfile, for node_exporter's textfile collector: the
//! tools a hospital's IT staff already run tell them when a kiosk is down or its content
//! stale. Written whole (aside, then renamed), so the collector never reads half a file. No
//! egui here.

use std::fmt::Write as _;
use std::path::Path;

/// What the textfile says of one kiosk.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Health {
    /// The kiosk's name (the `kiosk` label of every metric).
    pub kiosk: String,
    /// When this was written (Unix seconds): a file not rewritten for a while means a kiosk
    /// that is down.
    pub now_unix: i64,
    /// The content bundle's version, if the content came from one.
    pub content_version: Option<u64>,
    /// When that content was made (Unix seconds).
    pub content_made_unix: Option<i64>,
    /// When the kiosk last took a content bundle (Unix seconds).
    pub last_update_unix: Option<i64>,
    /// Content bundles refused since the kiosk started.
    pub bundle_refusals: u64,
    /// Visits today (counted when they end).
    pub visits_today: u64,
    /// Problems of the content: of the last update that failed, and pictures that cannot be
    /// shown.
    pub content_problems: u64,
    /// Whether visits cannot be saved to the statistics file.
    pub stats_write_failing: bool,
    /// Visits that could not be saved to the statistics file since the kiosk started.
    pub stats_write_failures: u64,
    /// Handouts made since the kiosk started.
    pub handouts: u64,
    /// Handouts that could not be made since the kiosk started.
    pub handout_failures: u64,
    /// Handouts that could not be printed since the kiosk started.
    pub print_failures: u64,
}

impl Health {
    /// The textfile, in Prometheus' text format, each metric with its help and type.
    pub fn textfile(&self) -> String {
        let label = format!("kiosk=\"{}\"", escape(&self.kiosk));
        let mut text = String::new();
        let mut metric = |name: &str, kind: &str, help: &str, value: Option<f64>| {
            let Some(value) = value else {
                return;
            };
            let _ = writeln!(text, "# HELP patient_kiosk_{name} {help}");
            let _ = writeln!(text, "# TYPE patient_kiosk_{name} {kind}");
            let _ = writeln!(text, "patient_kiosk_{name}{{{label}}} {value}");
        };
        let seconds = |unix: Option<i64>| unix.map(|unix| unix as f64);
        metric("up", "gauge", "1 while the kiosk runs.", Some(1.0));
        metric(
            "last_seen_timestamp_seconds",
            "gauge",
            "When the kiosk last wrote this file; alert when it is old.",
            Some(self.now_unix as f64),
        );
        metric(
            "content_version",
            "gauge",
            "The version of the content bundle showing.",
            self.content_version.map(|version| version as f64),
        );
        metric(
            "content_age_seconds",
            "gauge",
            "How old the content showing is, from when its bundle was made.",
            self.content_made_unix
                .map(|made| (self.now_unix - made).max(0) as f64),
        );
        metric(
            "last_update_timestamp_seconds",
            "gauge",
            "When the kiosk last took a content bundle.",
            seconds(self.last_update_unix),
        );
        metric(
            "bundle_refusals_total",
            "counter",
            "Content bundles refused since the kiosk started.",
            Some(self.bundle_refusals as f64),
        );
        metric(
            "visits_today",
            "gauge",
            "Patient visits today, counted when they end.",
            Some(self.visits_today as f64),
        );
        metric(
            "content_problems",
            "gauge",
            "Problems of the last content update refused, and pictures that cannot be shown.",
            Some(self.content_problems as f64),
        );
        metric(
            "stats_write_failing",
            "gauge",
            "1 while visits cannot be saved to the statistics file.",
            Some(f64::from(u8::from(self.stats_write_failing))),
        );
        metric(
            "stats_write_failures_total",
            "counter",
            "Visits that could not be saved to the statistics file since the kiosk started.",
            Some(self.stats_write_failures as f64),
        );
        metric(
            "handouts_total",
            "counter",
            "Handouts made since the kiosk started.",
            Some(self.handouts as f64),
        );
        metric(
            "handout_failures_total",
            "counter",
            "Handouts that could not be made since the kiosk started.",
            Some(self.handout_failures as f64),
        );
        metric(
            "print_failures_total",
            "counter",
            "Handouts that could not be printed since the kiosk started.",
            Some(self.print_failures as f64),
        );
        text
    }
}

/// A label value as the text format needs it: backslash, quote and line end escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// Writes `text` to `path` whole: into a hidden file beside it (which the collector, reading
/// only `*.prom`, skips), then renamed over it.
pub fn write_textfile(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = path
        .parent()
        .filter(|folder| !folder.as_os_str().is_empty());
    if let Some(folder) = folder {
        std::fs::create_dir_all(folder)?;
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned());
    let aside = format!(".{}.{}", name.unwrap_or_default(), std::process::id());
    let temporary = folder.map_or_else(|| aside.clone().into(), |folder| folder.join(&aside));
    std::fs::write(&temporary, text)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_textfile_names_the_kiosk_and_leaves_out_what_it_does_not_know() {
        let health = Health {
            kiosk: "Floor 2 \"east\"".to_owned(),
            now_unix: 1_000,
            visits_today: 3,
            ..Health::default()
        };
        let text = health.textfile();
        assert!(text.contains("patient_kiosk_up{kiosk=\"Floor 2 \\\"east\\\"\"} 1\n"));
        assert!(text.contains("patient_kiosk_visits_today{kiosk=\"Floor 2 \\\"east\\\"\"} 3\n"));
        assert!(!text.contains("content_version"), "no bundle: no version");
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("textfile/kiosk.prom");
        write_textfile(&path, &text).expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("folder"))
            .expect("list")
            .filter_map(|entry| Some(entry.ok()?.file_name()))
            .collect();
        assert_eq!(names, ["kiosk.prom"], "nothing left aside");
    }
}
