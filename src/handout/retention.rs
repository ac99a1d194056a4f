//! Handouts are kept only as long as the clinic says (`handout_keep_days` in the settings):
//! long enough to print one again, not for ever. No egui here.
//!
//! Only files the kiosk names (`handout-….pdf`) are ever removed, and only plain files: the
//! folder may be shared with other things, and a link is never followed.

use std::io;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// Whether `name` is one the kiosk gives a handout (`handout-2026-12-04-101500.pdf`, or
/// `-2.pdf` and so on after it).
pub fn is_handout_name(name: &str) -> bool {
    name.strip_prefix("handout-")
        .and_then(|rest| rest.strip_suffix(".pdf"))
        .is_some_and(|stamp| {
            !stamp.is_empty() && stamp.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
}

/// What a sweep of the handout folder did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    /// Handouts older than the days kept, removed.
    pub removed: usize,
    /// Handouts that should have gone but could not be removed.
    pub failed: usize,
}

/// Removes the handouts in `folder` last written more than `keep_days` days before `now`.
/// A folder that does not exist (no handout made yet) holds nothing to remove.
pub fn remove_old_handouts(folder: &Path, keep_days: u32, now: SystemTime) -> io::Result<Sweep> {
    let keep = Duration::from_secs(u64::from(keep_days) * 24 * 60 * 60);
    let Some(cutoff) = now.checked_sub(keep) else {
        return Ok(Sweep::default());
    };
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Sweep::default()),
        Err(error) => return Err(error),
    };
    let mut sweep = Sweep::default();
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_handout_name) {
            continue;
        }
        // The entry's own metadata: a link is not followed, and is not a handout.
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let old = metadata.modified().is_ok_and(|written| written < cutoff);
        if !metadata.is_file() || !old {
            continue;
        }
        match std::fs::remove_file(entry.path()) {
            Ok(()) => sweep.removed += 1,
            Err(error) => {
                log::warn!(
                    "an old handout could not be removed ({}): {error}",
                    crate::content::shown_path(&entry.path())
                );
                sweep.failed += 1;
            }
        }
    }
    Ok(sweep)
}

/// Sweeps `folder` on a thread of its own (a network folder may be slow) and logs what went.
pub fn remove_old_handouts_in_background(folder: std::path::PathBuf, keep_days: u32) {
    let spawned = std::thread::Builder::new()
        .name("handout-retention".to_owned())
        .spawn(
            move || match remove_old_handouts(&folder, keep_days, SystemTime::now()) {
                Ok(Sweep {
                    removed: 0,
                    failed: 0,
                }) => {}
                Ok(sweep) => log::info!(
                    "handouts older than {keep_days} days: {} removed, {} could not be",
                    sweep.removed,
                    sweep.failed
                ),
                Err(error) => log::warn!(
                    "the handout folder {} could not be read to remove old handouts: {error}",
                    crate::content::shown_path(&folder)
                ),
            },
        );
    if let Err(error) = spawned {
        log::warn!("old handouts are not removed this time: {error}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: Duration = Duration::from_secs(24 * 60 * 60);

    fn write_aged(path: &Path, age: Duration, now: SystemTime) {
        std::fs::write(path, b"%PDF-1.7").expect("write");
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        file.set_modified(now - age).expect("set time");
    }

    #[test]
    fn only_the_kiosks_handouts_are_named_so() {
        assert!(is_handout_name("handout-2026-12-04-101500.pdf"));
        assert!(is_handout_name("handout-2026-12-04-101500-2.pdf"));
        assert!(!is_handout_name("handout-.pdf"));
        assert!(!is_handout_name("handout-notes.pdf"));
        assert!(!is_handout_name("handout-2026-12-04-101500.pdf.txt"));
        assert!(!is_handout_name("consent-2026.pdf"));
    }

    #[test]
    fn handouts_older_than_the_days_kept_go_and_nothing_else_does() {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = SystemTime::now();
        let old = dir.path().join("handout-2026-11-01-090000.pdf");
        let old_copy = dir.path().join("handout-2026-11-01-090000-2.pdf");
        let recent = dir.path().join("handout-2026-12-01-090000.pdf");
        let someone_elses = dir.path().join("consent-form.pdf");
        write_aged(&old, 8 * DAY, now);
        write_aged(&old_copy, 30 * DAY, now);
        write_aged(&recent, 6 * DAY, now);
        write_aged(&someone_elses, 300 * DAY, now);
        let folder_named_so = dir.path().join("handout-2020-01-01-000000.pdf");
        std::fs::create_dir(&folder_named_so).expect("folder");
        std::fs::File::open(&folder_named_so)
            .and_then(|folder| folder.set_modified(now - 30 * DAY))
            .expect("an old folder");

        let sweep = remove_old_handouts(dir.path(), 7, now).expect("swept");

        assert_eq!(
            sweep,
            Sweep {
                removed: 2,
                failed: 0
            }
        );
        assert!(!old.exists() && !old_copy.exists());
        assert!(recent.exists(), "a handout 6 days old is kept for 7");
        assert!(
            someone_elses.exists(),
            "a file the kiosk did not name stays"
        );
        assert!(folder_named_so.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_named_like_a_handout_is_not_followed_or_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let now = SystemTime::now();
        let elsewhere = tempfile::tempdir().expect("other dir");
        let target = elsewhere.path().join("precious.pdf");
        write_aged(&target, 90 * DAY, now);
        let link = dir.path().join("handout-2026-01-01-000000.pdf");
        std::os::unix::fs::symlink(&target, &link).expect("link");

        let sweep = remove_old_handouts(dir.path(), 1, now).expect("swept");

        assert_eq!(sweep.removed, 0);
        assert!(target.exists() && link.symlink_metadata().is_ok());
    }

    #[test]
    fn a_folder_not_made_yet_holds_nothing_to_remove() {
        let dir = tempfile::tempdir().expect("temp dir");
        let sweep = remove_old_handouts(&dir.path().join("none"), 7, SystemTime::now());
        assert_eq!(sweep.expect("no error"), Sweep::default());
    }
}
