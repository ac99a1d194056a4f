//! Reading the statistics file back: every whole record, and how many lines were damaged.
//!
//! The file is read a line at a time, with limits: a line longer than any record the kiosk
//! writes is skipped as damaged without being held in memory, and reading stops after
//! [`MAX_STATS_BYTES`], so a huge or endless file (or `--file /dev/zero`) cannot eat the memory.

use std::fs::File;
use std::io::{BufRead as _, BufReader, Read as _};
use std::path::{Path, PathBuf};

use super::record::VisitRecord;

/// Why the statistics file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StatsError {
    /// There is no file yet: the kiosk has not finished a visit.
    #[error("no statistics yet at {}", path.display())]
    Missing {
        /// The statistics file.
        path: PathBuf,
    },
    /// The file exists but could not be read.
    #[error("{}: cannot be read ({source})", path.display())]
    Unreadable {
        /// The statistics file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The path is a folder, a pipe or a device, not a statistics file.
    #[error("{}: is not a file (a folder, a pipe or a device)", path.display())]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
}

/// The longest line read as a record. The kiosk's own lines are far shorter (a visit to every
/// page of the bundled deck is about 3 KiB); a longer line is damage, skipped without being
/// kept in memory.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// How much of a statistics file is read: about a million visits, decades of one kiosk.
/// Reading stops there and the log says so ([`StatsLog::truncated`]).
pub const MAX_STATS_BYTES: u64 = 256 * 1024 * 1024;

/// The records in a statistics file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatsLog {
    /// Every whole, valid record, in file order.
    pub records: Vec<VisitRecord>,
    /// Lines that were not a valid record (cut off by a crash, say) and were left out.
    pub skipped_lines: usize,
    /// Whether reading stopped at [`MAX_STATS_BYTES`], leaving the rest of the file unread.
    pub truncated: bool,
}

/// Reads the statistics file at `path`. Damaged lines are skipped and counted, never fatal.
pub fn read_records(path: &Path) -> Result<StatsLog, StatsError> {
    let unreadable = |source| StatsError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    // Looked at before opening: opening a FIFO waits for a writer, maybe for ever.
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Err(StatsError::Missing {
                path: path.to_path_buf(),
            });
        }
        Err(source) => return Err(unreadable(source)),
    };
    if !metadata.is_file() {
        return Err(StatsError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let file = File::open(path).map_err(unreadable)?;
    read_log(BufReader::new(file.take(MAX_STATS_BYTES + 1))).map_err(unreadable)
}

/// The records in a stream of lines, at most [`MAX_STATS_BYTES`] of it.
fn read_log(mut reader: impl std::io::BufRead) -> std::io::Result<StatsLog> {
    let mut log = StatsLog::default();
    let mut consumed: u64 = 0;
    let mut line = Vec::with_capacity(1024);
    loop {
        line.clear();
        let limit = u64::try_from(MAX_LINE_BYTES).unwrap_or(u64::MAX) + 1;
        let read = reader.by_ref().take(limit).read_until(b'\n', &mut line)?;
        if read == 0 {
            break;
        }
        consumed += read as u64;
        if consumed > MAX_STATS_BYTES {
            log.truncated = true;
            break;
        }
        if line.last() != Some(&b'\n') && read > MAX_LINE_BYTES {
            // Too long to be a record: skip the rest of it without keeping it.
            log.skipped_lines += 1;
            match skip_line(&mut reader, MAX_STATS_BYTES - consumed)? {
                Some(skipped) => consumed += skipped,
                None => {
                    log.truncated = true;
                    break;
                }
            }
            continue;
        }
        add_line(&mut log, &String::from_utf8_lossy(&line));
    }
    Ok(log)
}

/// Reads past the end of the current line, at most `budget` bytes: how many bytes it read, or
/// `None` when the budget ran out first.
fn skip_line(reader: &mut impl std::io::BufRead, budget: u64) -> std::io::Result<Option<u64>> {
    let mut skipped: u64 = 0;
    loop {
        let buffer = reader.fill_buf()?;
        if buffer.is_empty() {
            return Ok(Some(skipped));
        }
        let (take, done) = match buffer.iter().position(|&byte| byte == b'\n') {
            Some(end) => (end + 1, true),
            None => (buffer.len(), false),
        };
        reader.consume(take);
        skipped += take as u64;
        if skipped > budget {
            return Ok(None);
        }
        if done {
            return Ok(Some(skipped));
        }
    }
}

/// Adds one line to `log`: a record, nothing (a blank line), or one more damaged line.
fn add_line(log: &mut StatsLog, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    match VisitRecord::from_line(line) {
        Some(record) => log.records.push(record),
        None => log.skipped_lines += 1,
    }
}

/// The records in the text of a statistics file; blank lines are ignored, damaged ones
/// skipped and counted.
pub fn parse_records(text: &str) -> StatsLog {
    let mut log = StatsLog::default();
    for line in text.lines() {
        add_line(&mut log, line);
    }
    log
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn damaged_lines_are_skipped_and_counted() {
        let good = VisitRecord {
            hour: "2026-11-24T08".into(),
            language: "en".into(),
            secs: 5,
            ..VisitRecord::default()
        };
        let line = good.to_line().expect("serialises");
        let text = format!("{line}\n\n\0\0\0\n{line}\ngarbage\n{}", &line[..7]);
        let log = parse_records(&text);
        assert_eq!(log.records, vec![good.clone(), good]);
        assert_eq!(log.skipped_lines, 3);
    }

    #[test]
    fn a_missing_file_names_its_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("visits.ron");
        let error = read_records(&path).expect_err("there is no file");
        assert!(matches!(error, StatsError::Missing { .. }));
        assert_eq!(
            error.to_string(),
            format!("no statistics yet at {}", path.display())
        );
    }

    #[test]
    fn a_folder_or_a_device_is_not_a_statistics_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_records(dir.path()).expect_err("a folder is not a file");
        assert!(matches!(error, StatsError::NotAFile { .. }), "{error}");
        assert!(
            error
                .to_string()
                .ends_with("is not a file (a folder, a pipe or a device)")
        );
        #[cfg(unix)]
        {
            let error = read_records(Path::new("/dev/zero")).expect_err("a device");
            assert!(matches!(error, StatsError::NotAFile { .. }), "{error}");
        }
    }

    fn record_line() -> String {
        VisitRecord {
            hour: "2026-11-24T08".into(),
            language: "en".into(),
            secs: 5,
            ..VisitRecord::default()
        }
        .to_line()
        .expect("serialises")
    }

    #[test]
    fn an_overlong_line_is_skipped_unread_and_the_next_one_counts() {
        let line = record_line();
        let long = "x".repeat(MAX_LINE_BYTES * 3);
        let text = format!("{line}\n{long}\n{line}\n{long}");
        let log = read_log(text.as_bytes()).expect("reads");
        assert_eq!(log.records.len(), 2);
        assert_eq!(log.skipped_lines, 2);
        assert!(!log.truncated);
    }

    /// An endless stream of line-less bytes, like `/dev/zero` behind a pipe.
    struct Endless;

    impl std::io::Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(b'0');
            Ok(buf.len())
        }
    }

    #[test]
    fn an_endless_stream_stops_at_the_cap() {
        let line = record_line();
        let stream = std::io::Cursor::new(format!("{line}\n")).chain(Endless);
        let log = read_log(BufReader::new(stream.take(MAX_STATS_BYTES + 1))).expect("reads");
        assert_eq!(log.records.len(), 1);
        assert!(log.truncated, "reading stopped at the cap");
        assert_eq!(log.skipped_lines, 1);
    }
}
