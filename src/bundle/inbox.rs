//! The kiosk's side of content bundles: a folder bundles arrive in (a systemd timer pulls them
//! there from a web server or a file share), and a folder the accepted ones are kept in. A
//! bundle is taken only if its signature is the settings' key's, it unpacks whole and matches
//! its manifest, it is newer than the content showing, and its content passes every check
//! `check` makes. Anything else is refused with its reason, and the last good content stays.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::{BundleError, Manifest, signature_path, unpack, verify};
use crate::content::{ContentErrors, ContentPaths, Deck, load_deck};

/// The file in the store that names the bundle showing.
const CURRENT_FILE: &str = "current.ron";

/// The largest bundle file looked at (bigger ones are refused before they are read).
const MAX_BUNDLE_BYTES: u64 = 256 * 1024 * 1024;

/// Where bundles arrive, where accepted ones are kept, and the key they must be signed with.
#[derive(Clone, Debug)]
pub struct BundleInbox {
    /// The folder bundles arrive in: `*.tar.zst`, each with its `.minisig`.
    pub inbox: PathBuf,
    /// The folder accepted bundles are unpacked in, one folder per version.
    pub store: PathBuf,
    /// The minisign public key (its base64 line, or a key file's text).
    pub public_key: String,
}

/// The bundle whose content the kiosk shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentBundle {
    /// Its version.
    pub version: u64,
    /// When it was made.
    pub date: String,
    /// When this kiosk took it (RFC 3339, UTC).
    pub applied: String,
    /// The folder it is unpacked in, inside the store.
    pub folder: String,
}

/// A file's size and time, and its signature's: what makes it the same download.
type Stamp = ((u64, SystemTime), Option<(u64, SystemTime)>);

/// What the inbox has to tell the app.
#[derive(Debug)]
pub enum InboxNews {
    /// A bundle was accepted: its checked deck, to show at the next reset.
    Accepted(Box<Deck>, CurrentBundle),
    /// A bundle was refused, and why (the last good content stays).
    Refused(String),
}

impl BundleInbox {
    /// The bundle showing, if the kiosk has taken one (and its folder is still there).
    pub fn current(&self) -> Option<CurrentBundle> {
        self.read_current().ok().flatten()
    }

    /// The bundle showing: `Ok(None)` if the kiosk has taken none, an error if the store says
    /// it has but cannot be read (then no bundle is taken: an older one could slip in).
    fn read_current(&self) -> Result<Option<CurrentBundle>, String> {
        let path = self.store.join(CURRENT_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(format!("{}: {error}", path.display())),
        };
        let current: CurrentBundle = ron::from_str(&text)
            .map_err(|error| format!("{} cannot be read: {error}", path.display()))?;
        if !self.store.join(&current.folder).is_dir() {
            return Err(format!(
                "{} names {}, which is gone",
                path.display(),
                current.folder
            ));
        }
        Ok(Some(current))
    }

    /// Where the content of `current` is.
    pub fn paths(&self, current: &CurrentBundle) -> ContentPaths {
        ContentPaths::beside(self.store.join(&current.folder).join("content"))
    }

    /// Looks at the bundle `file` in the inbox: accepted (unpacked into the store, and named
    /// the current one) with its deck, `Ok(None)` if it is the version already showing, or
    /// refused with the reason.
    pub fn take(&self, file: &Path) -> Result<Option<(Deck, CurrentBundle)>, String> {
        // Named as the inbox holds it: the folder is in the settings.
        let name = file.file_name().map_or_else(
            || file.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let size = std::fs::metadata(file).map_or(0, |meta| meta.len());
        if size > MAX_BUNDLE_BYTES {
            return Err(format!(
                "{name}: {} MiB, more than a bundle may be ({} MiB)",
                size / (1024 * 1024),
                MAX_BUNDLE_BYTES / (1024 * 1024)
            ));
        }
        let showing = self.read_current().map_err(|error| {
            format!("{name}: not taken, since the bundle showing is not known: {error}")
        })?;
        let bytes = std::fs::read(file).map_err(|error| format!("{name}: {error}"))?;
        let signature = std::fs::read_to_string(signature_path(file))
            .map_err(|error| format!("{name}: its signature cannot be read ({error})"))?;
        verify(&bytes, &signature, &self.public_key).map_err(|error| format!("{name}: {error}"))?;
        let staging = self.store.join("incoming");
        let _ = std::fs::remove_dir_all(&staging);
        let refuse = |error: BundleError| {
            let _ = std::fs::remove_dir_all(&staging);
            format!("{name}: {error}")
        };
        let manifest = unpack(&bytes, &staging).map_err(refuse)?;
        let showing = showing.map(|current| current.version);
        if showing == Some(manifest.version) {
            let _ = std::fs::remove_dir_all(&staging);
            return Ok(None);
        }
        if let Some(showing) = showing.filter(|&showing| showing > manifest.version) {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(format!(
                "{name}: version {} is older than the content showing (version {showing})",
                manifest.version
            ));
        }
        // Checked where it was unpacked, before anything is kept.
        load_deck(&ContentPaths::beside(staging.join("content"))).map_err(
            |ContentErrors(problems)| {
                let _ = std::fs::remove_dir_all(&staging);
                let first = problems
                    .first()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                format!(
                    "{name}: its content has {} problem(s), the first: {first}",
                    problems.len()
                )
            },
        )?;
        let current = self
            .keep(&staging, &manifest)
            .map_err(|error| format!("{name}: {error}"))?;
        // The deck was read from the staging folder: read it again where it now lives, so its
        // pictures are found there.
        let deck = load_deck(&self.paths(&current)).map_err(|_| {
            format!("{name}: its content could not be read again after it was kept")
        })?;
        Ok(Some((deck, current)))
    }

    /// Moves the unpacked bundle into its version's folder, names it the current one (written
    /// aside, then renamed), and removes the versions before the one it replaces.
    fn keep(&self, staging: &Path, manifest: &Manifest) -> Result<CurrentBundle, BundleError> {
        let folder = format!("version-{}", manifest.version);
        let target = self.store.join(&folder);
        let _ = std::fs::remove_dir_all(&target);
        std::fs::rename(staging, &target)
            .map_err(BundleError::io(format!("keeping {}", target.display())))?;
        let current = CurrentBundle {
            version: manifest.version,
            date: manifest.date.clone(),
            applied: jiff::Timestamp::now()
                .strftime("%Y-%m-%dT%H:%M:%SZ")
                .to_string(),
            folder,
        };
        let text = ron::ser::to_string_pretty(&current, ron::ser::PrettyConfig::default())
            .map_err(|error| BundleError::Manifest(error.to_string()))?;
        let part = self.store.join(format!("{CURRENT_FILE}.part"));
        std::fs::write(&part, text)
            .map_err(BundleError::io(format!("writing {}", part.display())))?;
        std::fs::rename(&part, self.store.join(CURRENT_FILE))
            .map_err(BundleError::io("naming the current bundle"))?;
        // Keep this one and the two before it (a kiosk may still show the oldest of them: two
        // updates can arrive during one visit); older ones go.
        let mut versions: Vec<(u64, PathBuf)> = std::fs::read_dir(&self.store)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter_map(|entry| {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        let version = name.strip_prefix("version-")?.parse().ok()?;
                        Some((version, entry.path()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        versions.sort_by_key(|(version, _)| std::cmp::Reverse(*version));
        for (_, folder) in versions.into_iter().skip(3) {
            let _ = std::fs::remove_dir_all(folder);
        }
        Ok(current)
    }

    /// Bundles in the inbox, newest first (by the time they were written); files still being
    /// written (`.part`) and signatures are not bundles.
    fn waiting(&self) -> Vec<(PathBuf, Stamp)> {
        let Ok(entries) = std::fs::read_dir(&self.inbox) else {
            return Vec::new();
        };
        let mut found: Vec<(PathBuf, Stamp)> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().ends_with(".tar.zst"))
            .filter_map(|entry| {
                let meta = entry.metadata().ok()?;
                let when = meta.modified().ok()?;
                // The signature's too: a new signature for the same file is looked at again.
                let signature = std::fs::metadata(signature_path(&entry.path()))
                    .ok()
                    .and_then(|meta| Some((meta.len(), meta.modified().ok()?)));
                meta.is_file()
                    .then(|| (entry.path(), ((meta.len(), when), signature)))
            })
            .collect();
        found.sort_by_key(|(_, ((_, when), _))| std::cmp::Reverse(*when));
        found
    }

    /// Looks at the inbox every `every` on a thread of its own, and tells the app of each
    /// bundle accepted or refused (each version of a file once: a file is looked at again when
    /// its size or time changes). `wake` is called after each piece of news.
    pub fn watch(
        self,
        every: Duration,
        wake: impl Fn() + Send + 'static,
    ) -> std::io::Result<Receiver<InboxNews>> {
        std::fs::create_dir_all(&self.store)?;
        let (send, receive) = mpsc::channel();
        std::thread::Builder::new()
            .name("bundle-inbox".to_owned())
            .spawn(move || {
                let mut seen = BTreeSet::new();
                loop {
                    if let Some((file, stamp)) = self.waiting().into_iter().next()
                        && seen.insert((file.clone(), stamp))
                    {
                        let news = match self.take(&file) {
                            Ok(Some((deck, current))) => {
                                log::info!(
                                    "content bundle version {} accepted from {}",
                                    current.version,
                                    file.display()
                                );
                                Some(InboxNews::Accepted(Box::new(deck), current))
                            }
                            Ok(None) => {
                                log::debug!("{} is the version showing", file.display());
                                None
                            }
                            // Just put there: its signature may be a moment behind it (the
                            // timer renames the two one after the other). Looked at again.
                            Err(_) if just_arrived(&file) => {
                                seen.remove(&(file.clone(), stamp));
                                None
                            }
                            Err(reason) => {
                                log::error!("content bundle refused: {reason}");
                                Some(InboxNews::Refused(reason))
                            }
                        };
                        if let Some(news) = news {
                            if send.send(news).is_err() {
                                return;
                            }
                            wake();
                        }
                    }
                    std::thread::sleep(every);
                }
            })?;
        Ok(receive)
    }
}

/// Whether `bundle` or its signature was put in the inbox in the last 10 seconds (by the time
/// its entry changed: a download keeps the server's time as the file's).
fn just_arrived(bundle: &Path) -> bool {
    let changed = |path: &Path| {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let seconds = u64::try_from(meta.ctime()).ok()?;
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds))
        }
        #[cfg(not(unix))]
        {
            meta.modified().ok()
        }
    };
    let now = SystemTime::now();
    [bundle.to_path_buf(), signature_path(bundle)]
        .iter()
        .filter_map(|path| changed(path))
        // A time ahead of the clock (the clock set back) is not "just now".
        .any(|when| {
            now.duration_since(when)
                .is_ok_and(|ago| ago < Duration::from_secs(10))
        })
}
