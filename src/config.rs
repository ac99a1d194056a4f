//! The kiosk's settings: a small RON file the clinic's IT person edits. A missing file means the
//! documented defaults (an ordinary window); a broken one is reported with line and column and
//! replaced by safe defaults: locked, so a typo never leaves a waiting-room kiosk open.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Where the settings come from, and what went wrong reading them.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file exists but could not be read.
    #[error("{path}: cannot be read ({source})")]
    Unreadable {
        /// The settings file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not valid settings.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        /// The settings file.
        path: PathBuf,
        /// Line of the problem, from 1.
        line: usize,
        /// Column of the problem, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

/// `config.ron`: how the kiosk runs. Every field may be left out; the defaults are shown.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct KioskConfig {
    /// Locked kiosk: fullscreen, no window frame, closing and quitting refused (`false`).
    pub kiosk: bool,
    /// Seconds without a touch before "Are you still there?" appears (`60`).
    pub idle_timeout_secs: u32,
    /// Seconds that question counts down before the kiosk starts over (`15`).
    pub countdown_secs: u32,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            kiosk: false,
            idle_timeout_secs: 60,
            countdown_secs: 15,
        }
    }
}

impl KioskConfig {
    /// The settings to fall back on when the file is broken: the defaults, but locked.
    pub fn safe() -> Self {
        Self {
            kiosk: true,
            ..Self::default()
        }
    }

    /// Reads settings from RON text; `path` only names the file in errors.
    pub fn from_ron(text: &str, path: &Path) -> Result<Self, ConfigError> {
        ron::from_str(text).map_err(|error| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: crate::content::ron_error::plain_words(&error.code),
        })
    }

    /// Reads the settings file at `path`: the defaults if there is none, and the safe (locked)
    /// settings with the reason if it cannot be used.
    pub fn load(path: &Path) -> (Self, Option<ConfigError>) {
        match std::fs::read_to_string(path) {
            Ok(text) => match Self::from_ron(&text, path) {
                Ok(config) => (config, None),
                Err(error) => (Self::safe(), Some(error)),
            },
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => (Self::default(), None),
            Err(source) => (
                Self::safe(),
                Some(ConfigError::Unreadable {
                    path: path.to_path_buf(),
                    source,
                }),
            ),
        }
    }
}

/// The settings file in the platform's configuration folder (on Linux
/// `~/.config/patient-kiosk/config.ron`), if the platform has one.
pub fn default_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "patient-kiosk")
        .map(|dirs| dirs.config_dir().join("config.ron"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_means_the_documented_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (config, error) = KioskConfig::load(&dir.path().join("config.ron"));
        assert_eq!(config, KioskConfig::default());
        assert!(!config.kiosk && config.idle_timeout_secs == 60 && config.countdown_secs == 15);
        assert!(error.is_none());
    }

    #[test]
    fn fields_may_be_left_out() {
        let config = KioskConfig::from_ron("(kiosk: true, idle_timeout_secs: 90)", Path::new("c"))
            .expect("valid settings");
        assert_eq!(
            config,
            KioskConfig {
                kiosk: true,
                idle_timeout_secs: 90,
                countdown_secs: 15,
            }
        );
    }

    #[test]
    fn a_broken_file_is_reported_at_its_place_and_locks_the_kiosk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("config.ron");
        std::fs::write(&path, "(\n    kiosk: false,\n    idle_timeout: 30,\n)\n").expect("write");
        let (config, error) = KioskConfig::load(&path);
        assert_eq!(config, KioskConfig::safe());
        assert!(config.kiosk, "a broken file never leaves the kiosk open");
        let Some(ConfigError::Invalid {
            line,
            column,
            message,
            ..
        }) = error
        else {
            panic!("expected a diagnostic, got {error:?}");
        };
        assert_eq!((line, column), (3, 5));
        assert!(message.contains("idle_timeout"), "{message}");
    }
}
