//! The append-only statistics file: one [`VisitRecord`] per line.

use std::fs::File;
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use super::record::VisitRecord;

/// The statistics file in the platform's data folder (on Linux
/// `~/.local/share/patient-kiosk/visits.ron`), if the platform has one.
pub fn default_stats_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "patient-kiosk")
        .map(|dirs| dirs.data_dir().join("visits.ron"))
}

/// Appends visit records to a file, one line each, and never stops the kiosk: a full disk or
/// an unwritable file is logged once (and once more when saving works again).
///
/// Each record is one `write_all` of a whole line followed by `sync_data`, so a crash or power
/// loss can cut off at most the last line; a line left without its end is closed before the
/// next record, which then starts on a line of its own. Readers skip the broken line.
#[derive(Debug)]
pub struct StatsFile {
    path: PathBuf,
    failing: bool,
    warnings_logged: u32,
    /// Visits that could not be saved since the kiosk started.
    failures: u64,
}

impl StatsFile {
    /// Records will go to `path` (created, with its folder, on the first append).
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            failing: false,
            warnings_logged: 0,
            failures: 0,
        }
    }

    /// The file records go to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the last append failed.
    pub fn is_failing(&self) -> bool {
        self.failing
    }

    /// How many visits could not be saved since the kiosk started.
    pub fn failures(&self) -> u64 {
        self.failures
    }

    /// How many times a failure was logged: once per run of failed appends.
    pub fn warnings_logged(&self) -> u32 {
        self.warnings_logged
    }

    /// Adds `record` as the last line. A failure is logged (only the first of a run of
    /// failures) and otherwise ignored: the record is lost, the kiosk keeps running.
    pub fn append(&mut self, record: &VisitRecord) {
        match self.try_append(record) {
            Ok(()) => {
                if self.failing {
                    self.failing = false;
                    log::info!(
                        "visit statistics are being saved to {} again",
                        self.path.display()
                    );
                }
            }
            Err(error) => {
                self.failures = self.failures.saturating_add(1);
                if !self.failing {
                    self.failing = true;
                    self.warnings_logged = self.warnings_logged.saturating_add(1);
                    log::warn!(
                        "could not save visit statistics to {}: {error}; the kiosk keeps \
                         running without them (said once, until saving works again)",
                        self.path.display()
                    );
                }
            }
        }
    }

    /// Adds `record` as the last line, or says why it could not.
    pub fn try_append(&self, record: &VisitRecord) -> io::Result<()> {
        let line = record.to_line().map_err(io::Error::other)?;
        if let Some(parent) = self.path.parent()
            && !parent.as_os_str().is_empty()
        {
            crate::private_files::create_private_folder(parent)?;
        }
        let mut file = (crate::private_files::private_options())
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)?;
        crate::private_files::make_private(&file)?;
        let mut text = String::with_capacity(line.len() + 2);
        if !ends_with_line_end(&mut file)? {
            text.push('\n');
        }
        text.push_str(&line);
        text.push('\n');
        file.write_all(text.as_bytes())?;
        // The file's time would date the last visit to the nanosecond: it keeps only the hour,
        // as the records do.
        let hour = on_the_hour(std::time::SystemTime::now());
        file.set_times(
            std::fs::FileTimes::new()
                .set_modified(hour)
                .set_accessed(hour),
        )?;
        file.sync_data()
    }
}

/// `time` with its minutes, seconds and fractions dropped: the start of its hour in UTC.
fn on_the_hour(time: std::time::SystemTime) -> std::time::SystemTime {
    let secs = time
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs - secs % 3600)
}

/// Whether `file` is empty or ends with `\n` (true for anything but a regular file).
fn ends_with_line_end(file: &mut File) -> io::Result<bool> {
    let metadata = file.metadata()?;
    if !metadata.is_file() || metadata.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0_u8; 1];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::read::parse_records;

    fn record(secs: u32) -> VisitRecord {
        VisitRecord {
            hour: "2026-11-24T08".into(),
            language: "en".into(),
            secs,
            ..VisitRecord::default()
        }
    }

    #[test]
    fn records_are_appended_one_per_line_in_a_new_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut file = StatsFile::new(dir.path().join("a/b/visits.ron"));
        file.append(&record(1));
        file.append(&record(2));
        assert!(!file.is_failing());
        let text = std::fs::read_to_string(file.path()).expect("written");
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.ends_with(")\n"), "{text}");
        let log = parse_records(&text);
        assert_eq!(log.records, vec![record(1), record(2)]);
    }

    #[test]
    fn a_cut_off_last_line_is_closed_before_the_next_record() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("visits.ron");
        let line = record(1).to_line().expect("serialises");
        std::fs::write(&path, format!("{line}\n{}", &line[..10])).expect("write");
        let mut file = StatsFile::new(&path);
        file.append(&record(2));
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(text.lines().count(), 3, "{text}");
        let log = parse_records(&text);
        assert_eq!(log.records, vec![record(1), record(2)]);
        assert_eq!(log.skipped_lines, 1);
    }

    #[test]
    fn a_failure_is_logged_once_until_saving_works_again() {
        let dir = tempfile::tempdir().expect("temp dir");
        let blocker = dir.path().join("not-a-folder");
        std::fs::write(&blocker, "").expect("write");
        let mut file = StatsFile::new(blocker.join("visits.ron"));
        file.append(&record(1));
        file.append(&record(2));
        assert!(file.is_failing());
        assert_eq!(file.warnings_logged(), 1);
        assert!(file.failures() >= 1);
        std::fs::remove_file(&blocker).expect("remove");
        file.append(&record(3));
        assert!(!file.is_failing());
        std::fs::remove_dir_all(&blocker).expect("remove the folder");
        std::fs::write(&blocker, "").expect("write");
        file.append(&record(4));
        assert_eq!(
            file.warnings_logged(),
            2,
            "a new run of failures is logged again"
        );
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_its_time_no_finer_than_the_hour() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("data/visits.ron");
        let mut file = StatsFile::new(&path);
        file.append(&record(1));
        let metadata = std::fs::metadata(&path).expect("written");
        assert_eq!(metadata.permissions().mode() & 0o777, 0o600);
        let folder = std::fs::metadata(dir.path().join("data")).expect("folder");
        assert_eq!(folder.permissions().mode() & 0o777, 0o700);
        let modified = metadata.modified().expect("a time");
        let secs = modified
            .duration_since(std::time::UNIX_EPOCH)
            .expect("after 1970");
        assert_eq!(secs.subsec_nanos(), 0);
        assert_eq!(secs.as_secs() % 3600, 0, "on the hour");
        let accessed = metadata.accessed().expect("a time");
        assert_eq!(accessed, modified);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_default_path_is_in_the_data_folder() {
        let path = default_stats_path().expect("Linux has a data folder");
        assert!(
            path.ends_with("patient-kiosk/visits.ron"),
            "{}",
            path.display()
        );
    }
}
