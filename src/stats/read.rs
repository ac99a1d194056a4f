//! Reading the statistics file back: every whole record, and how many lines were damaged.

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
}

/// The records in a statistics file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StatsLog {
    /// Every whole, valid record, in file order.
    pub records: Vec<VisitRecord>,
    /// Lines that were not a valid record (cut off by a crash, say) and were left out.
    pub skipped_lines: usize,
}

/// Reads the statistics file at `path`. Damaged lines are skipped and counted, never fatal.
pub fn read_records(path: &Path) -> Result<StatsLog, StatsError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse_records(&String::from_utf8_lossy(&bytes))),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Err(StatsError::Missing {
            path: path.to_path_buf(),
        }),
        Err(source) => Err(StatsError::Unreadable {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The records in the text of a statistics file; blank lines are ignored, damaged ones
/// skipped and counted.
pub fn parse_records(text: &str) -> StatsLog {
    let mut log = StatsLog::default();
    for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
        match VisitRecord::from_line(line) {
            Some(record) => log.records.push(record),
            None => log.skipped_lines += 1,
        }
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
    fn a_folder_is_unreadable_not_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_records(dir.path()).expect_err("a folder is not a file");
        assert!(matches!(error, StatsError::Unreadable { .. }), "{error}");
    }
}
