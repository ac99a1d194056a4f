//! The kiosk's settings: a small RON file the clinic's IT person edits. A missing file means the
//! documented defaults (an ordinary window); a broken one is reported with line and column and
//! replaced by safe defaults: locked, so a typo never leaves a waiting-room kiosk open.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::handout::Paper;

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
    /// The file could not be written.
    #[error("{path}: cannot be written ({source})")]
    Unwritable {
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

/// The seconds a patient may leave the screen untouched before "Are you still there?": long
/// enough to read a page, short enough that the next patient never finds the last one's visit.
pub const IDLE_TIMEOUT_SECS: std::ops::RangeInclusive<u32> = 15..=1800;
/// The seconds that question counts down: long enough to reach the screen.
pub const COUNTDOWN_SECS: std::ops::RangeInclusive<u32> = 5..=120;
/// Consultation mode's idle time: at least a minute, at most four hours.
pub const CONSULT_IDLE_TIMEOUT_SECS: std::ops::RangeInclusive<u32> = 60..=14_400;
/// The days a handout is kept: at least a day (to print it again), at most a year.
pub const HANDOUT_KEEP_DAYS: std::ops::RangeInclusive<u32> = 1..=365;

/// Where `name:` is first given in `text`, 1-based (the start of the file if it is not).
fn field_line_column(text: &str, name: &str) -> (usize, usize) {
    let Some(offset) = text.match_indices(name).map(|(at, _)| at).find(|&at| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].trim_start().chars().next();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_') && after == Some(':')
    }) else {
        return (1, 1);
    };
    let line = text[..offset].matches('\n').count() + 1;
    let column = offset - text[..offset].rfind('\n').map_or(0, |at| at + 1) + 1;
    (line, column)
}

/// Whether `name` can be a language folder or an espeak-ng voice: never an option or a path.
fn is_voice_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
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
    /// Consultation mode's idle time, in seconds, before it starts over (`1800`): long, since a
    /// clinician talks more than they touch.
    pub consult_idle_timeout_secs: u32,
    /// The staff PIN as an argon2 hash, set by `patient-kiosk set-pin` (`None`: no PIN, so a
    /// locked kiosk's staff menu cannot be opened).
    pub staff_pin_hash: Option<String>,
    /// The paper take-home handouts are laid out for (`Letter`; or `A4`).
    pub handout_paper: Paper,
    /// The folder handouts are saved in (`None`: `patient-kiosk-handouts` in the user's
    /// documents folder, see [`Self::handout_dir`]).
    pub handout_dir: Option<PathBuf>,
    /// Days a handout is kept in that folder before the kiosk removes it (`7`), counted from
    /// when it was made; only files the kiosk named `handout-….pdf` are ever removed.
    pub handout_keep_days: u32,
    /// The espeak-ng voice that reads each content language aloud, by the language's folder
    /// name (`{}`: `en-us` for `en`, `es-419` for `es`, else the folder name); e.g.
    /// `{"es": "es"}` for Castilian Spanish. `espeak-ng --voices` lists those installed.
    pub voices: BTreeMap<String, String>,
    /// This kiosk's name ("Spine center, 2nd floor"), in its statistics and health metrics
    /// (`None`: the computer's host name).
    pub kiosk_name: Option<String>,
    /// The folder signed content bundles arrive in, put there by the timer that pulls them
    /// (`None`: no bundles; the content is the `--content` folder's).
    pub bundle_inbox: Option<PathBuf>,
    /// The minisign public key bundles must be signed with: the second line of the `.pub`
    /// file `minisign -G` wrote (needed with `bundle_inbox`).
    pub bundle_public_key: Option<String>,
    /// Where accepted bundles are kept (`None`: `content-bundles` in the kiosk's data folder).
    pub bundle_store: Option<PathBuf>,
    /// The Prometheus textfile the kiosk keeps its health in, for node_exporter's textfile
    /// collector (`None`: none), e.g. `/var/lib/node_exporter/textfile/patient_kiosk.prom`.
    pub metrics_file: Option<PathBuf>,
}

impl Default for KioskConfig {
    fn default() -> Self {
        Self {
            kiosk: false,
            idle_timeout_secs: 60,
            countdown_secs: 15,
            consult_idle_timeout_secs: 1800,
            staff_pin_hash: None,
            handout_paper: Paper::Letter,
            handout_dir: None,
            handout_keep_days: 7,
            voices: BTreeMap::new(),
            kiosk_name: None,
            bundle_inbox: None,
            bundle_public_key: None,
            bundle_store: None,
            metrics_file: None,
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
    /// Idle times out of their bounds (`idle_timeout_secs: 0` would start a new visit at every
    /// tap, and 4294967295 would never wipe one) are refused with the bounds, at the field.
    pub fn from_ron(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let config: Self = ron::from_str(text).map_err(|error| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: crate::content::ron_error::plain_words(&error.code),
        })?;
        let defaults = Self::default();
        let bounded = [
            (
                "idle_timeout_secs",
                config.idle_timeout_secs,
                IDLE_TIMEOUT_SECS,
                defaults.idle_timeout_secs,
                "seconds",
            ),
            (
                "countdown_secs",
                config.countdown_secs,
                COUNTDOWN_SECS,
                defaults.countdown_secs,
                "seconds",
            ),
            (
                "consult_idle_timeout_secs",
                config.consult_idle_timeout_secs,
                CONSULT_IDLE_TIMEOUT_SECS,
                defaults.consult_idle_timeout_secs,
                "seconds",
            ),
            (
                "handout_keep_days",
                config.handout_keep_days,
                HANDOUT_KEEP_DAYS,
                defaults.handout_keep_days,
                "days",
            ),
        ];
        for (name, value, bounds, default, unit) in bounded {
            if !bounds.contains(&value) {
                let (line, column) = field_line_column(text, name);
                return Err(ConfigError::Invalid {
                    path: path.to_path_buf(),
                    line,
                    column,
                    message: format!(
                        "`{name}` is {value}: give {} to {} {unit} (the default is {default})",
                        bounds.start(),
                        bounds.end()
                    ),
                });
            }
        }
        if let Some((language, voice)) = (config.voices.iter())
            .find(|(language, voice)| !is_voice_name(language) || !is_voice_name(voice))
        {
            let (line, column) = field_line_column(text, "voices");
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "`voices` gives {language:?}: {voice:?}: a language is its content folder's name and a voice an espeak-ng voice name (letters, digits, `-`, `_` and `+`, as `espeak-ng --voices` lists them)"
                ),
            });
        }
        if let Some(name) = config
            .kiosk_name
            .as_ref()
            .filter(|name| name.trim().is_empty() || name.chars().any(char::is_control))
        {
            let (line, column) = field_line_column(text, "kiosk_name");
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "`kiosk_name` is {name:?}: give a name of one line, such as \"Spine center, 2nd floor\""
                ),
            });
        }
        let bundle_problem = match (&config.bundle_inbox, &config.bundle_public_key) {
            (Some(_), None) => Some((
                "bundle_inbox",
                "`bundle_inbox` needs `bundle_public_key`: the key bundles must be signed with"
                    .to_owned(),
            )),
            (None, Some(_)) => Some((
                "bundle_public_key",
                "`bundle_public_key` needs `bundle_inbox`: the folder bundles arrive in".to_owned(),
            )),
            (_, Some(key)) => crate::bundle::parse_public_key(key).err().map(|error| {
                (
                    "bundle_public_key",
                    format!(
                        "`bundle_public_key` is not a minisign public key ({error}): give the second line of the .pub file `minisign -G` wrote"
                    ),
                )
            }),
            (None, None) => None,
        };
        if let Some((field, message)) = bundle_problem {
            let (line, column) = field_line_column(text, field);
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message,
            });
        }
        if let Some(hash) = &config.staff_pin_hash
            && let Some(problem) = crate::staff::pin_hash_problem(hash)
        {
            let (line, column) = field_line_column(text, "staff_pin_hash");
            return Err(ConfigError::Invalid {
                path: path.to_path_buf(),
                line,
                column,
                message: format!(
                    "`staff_pin_hash` {problem}: the settings are broken, so no PIN can be checked. Set the PIN again with `patient-kiosk set-pin`"
                ),
            });
        }
        Ok(config)
    }

    /// The folder handouts are saved in: `handout_dir` if set, else `patient-kiosk-handouts`
    /// in the user's documents folder, else in the kiosk's data folder, else in the current
    /// folder.
    pub fn handout_dir(&self) -> PathBuf {
        const FOLDER: &str = "patient-kiosk-handouts";
        if let Some(dir) = &self.handout_dir {
            return dir.clone();
        }
        if let Some(documents) =
            directories::UserDirs::new().and_then(|dirs| dirs.document_dir().map(Path::to_path_buf))
        {
            return documents.join(FOLDER);
        }
        directories::ProjectDirs::from("", "", "patient-kiosk").map_or_else(
            || PathBuf::from(FOLDER),
            |dirs| dirs.data_dir().join(FOLDER),
        )
    }

    /// The settings as a commented RON file, the way [`Self::save`] writes them.
    pub fn to_ron(&self) -> String {
        let pin = match &self.staff_pin_hash {
            // A RON string literal escapes whatever the hash holds.
            Some(hash) => format!("Some({})", ron::to_string(hash).unwrap_or_default()),
            None => "None".to_owned(),
        };
        let handout_dir = match &self.handout_dir {
            Some(dir) => format!(
                "Some({})",
                ron::to_string(&dir.to_string_lossy()).unwrap_or_default()
            ),
            None => "None".to_owned(),
        };
        let paper = match self.handout_paper {
            Paper::Letter => "Letter",
            Paper::A4 => "A4",
        };
        // A RON string literal escapes whatever the text holds.
        let optional = |text: Option<String>| match text {
            Some(text) => format!("Some({})", ron::to_string(&text).unwrap_or_default()),
            None => "None".to_owned(),
        };
        let path = |path: &Option<PathBuf>| {
            optional(
                path.as_ref()
                    .map(|path| path.to_string_lossy().into_owned()),
            )
        };
        format!(
            "// patient-kiosk settings. `patient-kiosk set-pin` and the staff menu rewrite this \
             file;\n\
             // every field may be left out (see README.md, \"Settings\").\n\
             (\n    \
             // Locked kiosk: fullscreen, no window frame, closing and quitting refused.\n    \
             kiosk: {kiosk},\n    \
             // Seconds without a touch before \"Are you still there?\".\n    \
             idle_timeout_secs: {idle},\n    \
             // Seconds that question counts down before the kiosk starts over.\n    \
             countdown_secs: {countdown},\n    \
             // Consultation mode (--consult): seconds without a touch before it starts over.\n    \
             consult_idle_timeout_secs: {consult},\n    \
             // The staff PIN, only as an argon2 hash: set it with `patient-kiosk set-pin`.\n    \
             staff_pin_hash: {pin},\n    \
             // Paper of the take-home handouts: Letter or A4.\n    \
             handout_paper: {paper},\n    \
             // Folder handouts are saved in; None: ~/Documents/patient-kiosk-handouts.\n    \
             handout_dir: {handout_dir},\n    \
             // Days a handout is kept in that folder; older ones are removed.\n    \
             handout_keep_days: {keep},\n    \
             // The espeak-ng voice of each language; {{}}: en-us for en, es-419 for es.\n    \
             voices: {{{voices}}},\n    \
             // This kiosk's name in its statistics and metrics; None: the host name.\n    \
             kiosk_name: {name},\n    \
             // Signed content bundles: the folder they arrive in and the minisign public key\n    \
             // they must be signed with (the second line of the .pub file); None: no bundles.\n    \
             bundle_inbox: {inbox},\n    \
             bundle_public_key: {key},\n    \
             // Where accepted bundles are kept; None: content-bundles in the data folder.\n    \
             bundle_store: {store},\n    \
             // The Prometheus textfile of the kiosk's health (node_exporter); None: none.\n    \
             metrics_file: {metrics},\n\
             )\n",
            kiosk = self.kiosk,
            idle = self.idle_timeout_secs,
            countdown = self.countdown_secs,
            consult = self.consult_idle_timeout_secs,
            keep = self.handout_keep_days,
            name = optional(self.kiosk_name.clone()),
            inbox = path(&self.bundle_inbox),
            key = optional(self.bundle_public_key.clone()),
            store = path(&self.bundle_store),
            metrics = path(&self.metrics_file),
            voices = (self.voices.iter())
                .map(|(language, voice)| format!("{language:?}: {voice:?}"))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    /// Writes the settings to `path`, whole or not at all: into a temporary file beside it,
    /// which then replaces the old one, so a power cut never leaves half a settings file.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let unwritable = |source| ConfigError::Unwritable {
            path: path.to_path_buf(),
            source,
        };
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            crate::private_files::create_private_folder(folder).map_err(unwritable)?;
        }
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".new");
        let temporary = PathBuf::from(temporary);
        let write = || -> std::io::Result<()> {
            use std::io::Write as _;
            // 0600 in a 0700 folder: the PIN's hash is for nobody else to read (and search).
            let mut file = (crate::private_files::private_options())
                .write(true)
                .create(true)
                .truncate(true)
                .open(&temporary)?;
            crate::private_files::make_private(&file)?;
            file.write_all(self.to_ron().as_bytes())?;
            file.sync_all()?;
            std::fs::rename(&temporary, path)
        };
        write().map_err(|source| {
            let _ = std::fs::remove_file(&temporary);
            unwritable(source)
        })
    }

    /// Reads the settings file at `path`: the defaults if there is none, and the safe (locked)
    /// settings with the reason if it cannot be used.
    pub fn load(path: &Path) -> (Self, Option<ConfigError>) {
        // Looked at before it is opened: a pipe would wait for ever, a device never end.
        if let Ok(metadata) = std::fs::metadata(path)
            && !metadata.is_file()
        {
            let source = std::io::Error::other("it is a folder, a pipe or a device, not a file");
            let path = path.to_path_buf();
            return (Self::safe(), Some(ConfigError::Unreadable { path, source }));
        }
        match std::fs::read_to_string(path) {
            Ok(text) => {
                match Self::from_ron(text.strip_prefix('\u{feff}').unwrap_or(&text), path) {
                    Ok(config) => (config, None),
                    Err(error) => (Self::safe(), Some(error)),
                }
            }
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

impl KioskConfig {
    /// Where signed content bundles arrive and are kept, and their key, if bundles are on.
    pub fn bundle_inbox(&self) -> Option<crate::bundle::BundleInbox> {
        let (inbox, key) = (
            self.bundle_inbox.as_ref()?,
            self.bundle_public_key.as_ref()?,
        );
        let store = self.bundle_store.clone().or_else(|| {
            directories::ProjectDirs::from("", "", "patient-kiosk")
                .map(|dirs| dirs.data_dir().join("content-bundles"))
        })?;
        Some(crate::bundle::BundleInbox {
            inbox: inbox.clone(),
            store,
            public_key: key.clone(),
        })
    }

    /// This kiosk's name: the settings', else the computer's host name, else "kiosk".
    pub fn kiosk_name(&self) -> String {
        self.kiosk_name.clone().unwrap_or_else(|| {
            std::fs::read_to_string("/etc/hostname")
                .ok()
                .map(|name| name.trim().to_owned())
                .filter(|name| !name.is_empty())
                .unwrap_or_else(|| "kiosk".to_owned())
        })
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

    #[cfg(unix)]
    #[test]
    fn the_settings_are_saved_0600_in_a_0700_folder_even_over_a_0644_file() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = dir.path().join("patient-kiosk");
        let path = folder.join("config.ron");
        std::fs::create_dir_all(&folder).expect("folder");
        std::fs::write(&path, KioskConfig::default().to_ron()).expect("by hand");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        // What `set-pin` does: the settings with a hash, saved.
        let config = KioskConfig {
            staff_pin_hash: Some(
                "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA".to_owned(),
            ),
            ..KioskConfig::default()
        };
        config.save(&path).expect("saved");
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&folder), 0o700);
        config.save(&path).expect("saved again");
        assert_eq!(mode(&path), 0o600, "a second save keeps it private");
    }

    #[test]
    fn the_voice_of_each_language_is_kept_when_saved_and_a_bad_name_is_refused_at_its_field() {
        let config = KioskConfig {
            voices: BTreeMap::from([
                ("es".to_owned(), "es".to_owned()),
                ("en".to_owned(), "en-gb+f3".to_owned()),
            ]),
            ..KioskConfig::default()
        };
        let text = config.to_ron();
        assert_eq!(
            KioskConfig::from_ron(&text, Path::new("c")).expect("read back"),
            config,
            "{text}"
        );
        assert!(
            KioskConfig::from_ron(&KioskConfig::default().to_ron(), Path::new("c"))
                .expect("the defaults")
                .voices
                .is_empty()
        );
        let text = "(\n    kiosk: true,\n    voices: {\"es\": \"--path=/tmp\"},\n)";
        let Err(ConfigError::Invalid {
            line,
            column,
            message,
            ..
        }) = KioskConfig::from_ron(text, Path::new("c"))
        else {
            panic!("an option for a voice is refused");
        };
        assert_eq!((line, column), (3, 5));
        assert!(message.contains("\"--path=/tmp\""), "{message}");
    }

    #[test]
    fn a_pipe_or_a_folder_for_settings_is_refused_at_once_and_a_bom_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (config, error) = KioskConfig::load(dir.path());
        assert_eq!(config, KioskConfig::safe());
        assert!(error.is_some_and(|e| e.to_string().contains("not a file")));
        let fifo = dir.path().join("config.ron");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|status| status.success()));
        // Opening the pipe would wait for a writer for ever; it is refused instead.
        let (config, error) = KioskConfig::load(&fifo);
        assert_eq!(config, KioskConfig::safe());
        assert!(error.is_some());
        std::fs::remove_file(&fifo).expect("remove");
        let text = format!("\u{feff}{}", KioskConfig::default().to_ron());
        std::fs::write(&fifo, text).expect("write");
        let (config, error) = KioskConfig::load(&fifo);
        assert!(error.is_none(), "{error:?}");
        assert_eq!(config, KioskConfig::default());
    }

    #[test]
    fn idle_times_out_of_bounds_are_refused_at_the_field() {
        let path = Path::new("config.ron");
        for (text, line, column, words) in [
            (
                "(idle_timeout_secs: 0)",
                1,
                2,
                "`idle_timeout_secs` is 0: give 15 to 1800 seconds",
            ),
            (
                "(\n    kiosk: true,\n    idle_timeout_secs: 4294967295,\n)",
                3,
                5,
                "give 15 to 1800",
            ),
            (
                "(countdown_secs: 1)",
                1,
                2,
                "`countdown_secs` is 1: give 5 to 120",
            ),
            (
                "(consult_idle_timeout_secs: 999999)",
                1,
                2,
                "give 60 to 14400",
            ),
            (
                "(handout_keep_days: 0)",
                1,
                2,
                "`handout_keep_days` is 0: give 1 to 365 days (the default is 7)",
            ),
        ] {
            match KioskConfig::from_ron(text, path) {
                Err(ConfigError::Invalid {
                    line: l,
                    column: c,
                    message,
                    ..
                }) => {
                    assert_eq!((l, c), (line, column), "{text}: {message}");
                    assert!(message.contains(words), "{text}: {message}");
                }
                other => panic!("{text} was accepted: {other:?}"),
            }
        }
        // The bounds themselves are fine.
        let config = KioskConfig::from_ron("(idle_timeout_secs: 15, countdown_secs: 120)", path)
            .expect("in bounds");
        assert_eq!((config.idle_timeout_secs, config.countdown_secs), (15, 120));
        // A refused file leaves the kiosk locked, never open.
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("config.ron");
        std::fs::write(&file, "(kiosk: false, idle_timeout_secs: 0)").expect("written");
        let (config, error) = KioskConfig::load(&file);
        assert!(
            config.kiosk && error.is_some(),
            "the safe, locked settings, and why"
        );
    }

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
                consult_idle_timeout_secs: 1800,
                staff_pin_hash: None,
                handout_paper: Paper::Letter,
                handout_dir: None,
                handout_keep_days: 7,
                voices: BTreeMap::new(),
                kiosk_name: None,
                bundle_inbox: None,
                bundle_public_key: None,
                bundle_store: None,
                metrics_file: None,
            }
        );
    }

    #[test]
    fn bundles_need_a_folder_and_a_minisign_key() {
        let key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
        let good = format!("(bundle_inbox: Some(\"/srv/in\"), bundle_public_key: Some({key:?}))");
        let config = KioskConfig::from_ron(&good, Path::new("c")).expect("valid");
        let inbox = config.bundle_inbox().expect("bundles on");
        assert_eq!(inbox.inbox, PathBuf::from("/srv/in"));
        let two_lines =
            KioskConfig::from_ron("(kiosk_name: Some(\"Lobby\\nEast\"))", Path::new("c"));
        assert!(two_lines.is_err_and(|error| error.to_string().contains("a name of one line")));
        for (text, field, says) in [
            (
                "(bundle_inbox: Some(\"/srv/in\"))",
                2,
                "needs `bundle_public_key`",
            ),
            (
                "(\n  bundle_inbox: Some(\"/in\"),\n  bundle_public_key: Some(\"RWQ-not-a-key\"),\n)",
                3,
                "not a minisign public key",
            ),
        ] {
            let error = KioskConfig::from_ron(text, Path::new("c")).expect_err("refused");
            let ConfigError::Invalid { line, message, .. } = &error else {
                panic!("{error}");
            };
            assert!(message.contains(says), "{message}");
            assert_eq!(*line, if field == 2 { 1 } else { field }, "{message}");
        }
    }

    #[test]
    fn saved_settings_read_back_the_same() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings/config.ron");
        let config = KioskConfig {
            kiosk: true,
            idle_timeout_secs: 90,
            countdown_secs: 10,
            consult_idle_timeout_secs: 1800,
            staff_pin_hash: Some(
                "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA".to_owned(),
            ),
            handout_paper: Paper::A4,
            handout_dir: Some(PathBuf::from("/srv/handouts \"new\"")),
            handout_keep_days: 30,
            voices: BTreeMap::from([("es".to_owned(), "es".to_owned())]),
            kiosk_name: Some("Spine center, 2nd floor".to_owned()),
            bundle_inbox: Some(PathBuf::from("/var/lib/patient-kiosk/inbox")),
            bundle_public_key: Some(
                "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3".to_owned(),
            ),
            bundle_store: None,
            metrics_file: Some(PathBuf::from("/var/lib/node_exporter/textfile/kiosk.prom")),
        };
        config.save(&path).expect("saved");
        let (read, error) = KioskConfig::load(&path);
        assert!(error.is_none(), "{error:?}");
        assert_eq!(read, config);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.starts_with("// patient-kiosk settings."), "{text}");
        let folder = std::fs::read_dir(path.parent().expect("folder")).expect("list");
        assert_eq!(folder.count(), 1, "no temporary file is left behind");
        assert!(
            matches!(
                config.save(&path.join("under-a-file")),
                Err(ConfigError::Unwritable { .. })
            ),
            "a file cannot be a folder"
        );
    }

    #[test]
    fn handouts_go_to_the_folder_set_or_a_documents_folder() {
        let set = KioskConfig {
            handout_dir: Some(PathBuf::from("/srv/handouts")),
            ..KioskConfig::default()
        };
        assert_eq!(set.handout_dir(), PathBuf::from("/srv/handouts"));
        let default = KioskConfig::default().handout_dir();
        assert!(default.ends_with("patient-kiosk-handouts"), "{default:?}");
        let config = KioskConfig::from_ron("(handout_paper: A4)", Path::new("c")).expect("valid");
        assert_eq!(config.handout_paper, Paper::A4);
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
