//! Watches the content folders and loads changed content in the background.
//!
//! [`ContentWatcher::start`] watches the content folder and the pictures folder. After a burst
//! of changes has settled, a background thread runs [`load_deck`] once and hands the result to
//! the app through [`ContentWatcher::try_latest`]. Whether and when a new deck is shown (at once,
//! or at the next session reset) is the app's choice: nothing here swaps anything, so a patient
//! never sees a half-updated deck, and an invalid result is only ever a list of diagnostics.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode};
use notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use super::{ContentErrors, ContentPaths, Deck, load_deck};

/// How long a file must be quiet before its change is passed on.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// How long the loader waits for more changes after one arrives, so that files saved together
/// (which the debouncer may pass on over several of its ticks) are loaded together.
const SETTLE: Duration = Duration::from_millis(200);

/// The longest a stream of changes can hold a load back.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// One content load: the checked deck or every problem found.
type LoadResult = Result<Deck, ContentErrors>;

/// The file watcher, shared by the app's side and the loader thread.
type SharedDebouncer = Arc<Mutex<Debouncer<RecommendedWatcher, RecommendedCache>>>;

// Loads are made on the loader thread and handed to the app's thread.
const _: () = {
    const fn assert_send<T: Send>() {}
    assert_send::<LoadResult>();
    assert_send::<ContentWatcher>();
};

/// Why the content folders could not be watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// The folder does not exist or is not a folder.
    #[error("{path}: cannot be watched: no such folder")]
    NoFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The system refused to watch the folder.
    #[error("{path}: cannot be watched ({source})")]
    Watch {
        /// The folder.
        path: PathBuf,
        /// Why.
        source: notify::Error,
    },
    /// The background thread could not be started.
    #[error("the content watcher's thread could not be started ({0})")]
    Thread(#[source] std::io::Error),
}

/// What the file watcher tells the loader thread.
enum Signal {
    /// Something changed under these paths (empty after a watcher error).
    Changed(Vec<PathBuf>),
    /// The watcher is being dropped.
    Stop,
}

/// Watches the content and pictures folders; each settled change is loaded in the background.
///
/// Start it before the app's own first [`load_deck`], so that no change is missed in between.
/// Dropping it stops watching and ends its thread.
pub struct ContentWatcher {
    paths: ContentPaths,
    /// Shared with the loader thread, which watches the content folder again when it comes
    /// back after being deleted. `None` only while being dropped.
    debouncer: Option<SharedDebouncer>,
    signals: Sender<Signal>,
    results: Receiver<LoadResult>,
    /// `None` only while being dropped.
    loader: Option<JoinHandle<()>>,
}

impl ContentWatcher {
    /// Starts watching `paths.content_dir` and, if it exists, `paths.images_dir()`, both
    /// recursively.
    ///
    /// After each settled change the content is loaded on a background thread, the result is
    /// queued for [`try_latest`](Self::try_latest), and then `on_update` is called (the app
    /// passes `request_repaint` there so that it wakes up).
    pub fn start(
        paths: ContentPaths,
        on_update: impl Fn() + Send + Sync + 'static,
    ) -> Result<Self, WatchError> {
        let content_dir = paths.content_dir.clone();
        if !content_dir.is_dir() {
            return Err(WatchError::NoFolder { path: content_dir });
        }
        let images_dir = paths.images_dir();

        let (signals, signal_rx) = mpsc::channel();
        let (result_tx, results) = mpsc::channel();

        let handler_signals = signals.clone();
        let handler = move |result: DebounceEventResult| {
            let signal = match result {
                Ok(events) => {
                    let changed: Vec<PathBuf> = events
                        .into_iter()
                        .filter(is_change)
                        .flat_map(|event| event.event.paths)
                        .collect();
                    if changed.is_empty() {
                        return;
                    }
                    Signal::Changed(changed)
                }
                Err(errors) => {
                    // An error may mean events were lost: load again to be sure.
                    for error in errors {
                        log::warn!("watching the content: {error}");
                    }
                    Signal::Changed(Vec::new())
                }
            };
            // Fails only when the watcher is being dropped.
            let _ = handler_signals.send(signal);
        };
        // Symlinks are not followed: one to `/` or `/usr` in the content folder would mean
        // tens of thousands of watches (and live updates that silently stop at the limit).
        let config = notify::Config::default().with_follow_symlinks(false);
        let mut debouncer = notify_debouncer_full::new_debouncer_opt(
            DEBOUNCE,
            None,
            handler,
            RecommendedCache::new(),
            config,
        )
        .map_err(|source| WatchError::Watch {
            path: content_dir.clone(),
            source,
        })?;
        watch(&mut debouncer, &content_dir)?;
        log::info!("watching {} for content changes", content_dir.display());
        if images_dir.is_dir() {
            watch(&mut debouncer, &images_dir)?;
            log::info!("watching {} for picture changes", images_dir.display());
        }
        // The folder holding the content folder too, without its subfolders: a content folder
        // deleted and made again (a copy replacing it) is a new folder, which only its parent
        // sees arrive.
        if let Some(parent) = content_dir.parent().filter(|parent| parent.is_dir()) {
            debouncer
                .watch(parent, RecursiveMode::NonRecursive)
                .map_err(|source| WatchError::Watch {
                    path: parent.to_owned(),
                    source,
                })?;
        }
        let debouncer = Arc::new(Mutex::new(debouncer));

        let loader_paths = paths.clone();
        let loader_debouncer = Arc::clone(&debouncer);
        let loader = std::thread::Builder::new()
            .name("content-watch".to_owned())
            .spawn(move || {
                let rewatch = || rewatch_content(&loader_debouncer, &loader_paths.content_dir);
                run_loader(&loader_paths, &signal_rx, &result_tx, &on_update, &rewatch);
            })
            .map_err(WatchError::Thread)?;

        Ok(Self {
            paths,
            debouncer: Some(debouncer),
            signals,
            results,
            loader: Some(loader),
        })
    }

    /// The newest load since the last call, if any; older ones are superseded and dropped.
    /// Never blocks.
    pub fn try_latest(&self) -> Option<Result<Deck, ContentErrors>> {
        newest(&self.results)
    }

    /// The folders being watched.
    pub fn paths(&self) -> &ContentPaths {
        &self.paths
    }
}

impl fmt::Debug for ContentWatcher {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ContentWatcher")
            .field("paths", &self.paths)
            .finish_non_exhaustive()
    }
}

impl Drop for ContentWatcher {
    fn drop(&mut self) {
        // End the loader first (it finishes the load it may be in the middle of, and holds the
        // other handle on the file watcher), then stop watching (which waits for the
        // debouncer's thread, at most one of its ticks).
        // Fails only if the loader has already ended.
        let _ = self.signals.send(Signal::Stop);
        if let Some(loader) = self.loader.take()
            && loader.join().is_err()
        {
            log::error!("the content watcher's thread panicked");
        }
        if let Some(debouncer) = self.debouncer.take() {
            match Arc::try_unwrap(debouncer) {
                Ok(debouncer) => debouncer
                    .into_inner()
                    .unwrap_or_else(PoisonError::into_inner)
                    .stop(),
                // The loader is gone, so this cannot happen; dropping it stops it too.
                Err(_shared) => log::warn!("the content watcher was still shared when dropped"),
            }
        }
    }
}

/// Watches one folder recursively.
fn watch(
    debouncer: &mut Debouncer<RecommendedWatcher, RecommendedCache>,
    path: &Path,
) -> Result<(), WatchError> {
    debouncer
        .watch(path, RecursiveMode::Recursive)
        .map_err(|source| WatchError::Watch {
            path: path.to_owned(),
            source,
        })
}

/// Watches the content folder again if it is there: after it was deleted and made again, the
/// old watch is gone with the old folder. Watching a watched folder again changes nothing.
fn rewatch_content(debouncer: &SharedDebouncer, content_dir: &Path) {
    if !content_dir.is_dir() {
        return;
    }
    let mut debouncer = debouncer.lock().unwrap_or_else(PoisonError::into_inner);
    if let Err(error) = watch(&mut debouncer, content_dir) {
        log::warn!("{error}");
    }
}

/// Whether an event may change what a load reads. Opening and reading files do not, and must
/// be ignored: every load opens the watched files itself.
fn is_change(event: &DebouncedEvent) -> bool {
    match event.event.kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// The loader thread: waits for changes, lets them settle, loads once, hands the result on.
/// Ends on [`Signal::Stop`] or when the watcher is gone.
fn run_loader(
    paths: &ContentPaths,
    signals: &Receiver<Signal>,
    results: &Sender<LoadResult>,
    on_update: &dyn Fn(),
    rewatch: &dyn Fn(),
) {
    let mut last_errors: Option<ContentErrors> = None;
    while let Ok(Signal::Changed(changed)) = signals.recv() {
        let mut changed_count = changed.len();
        log::debug!("content changed: {changed:?}");
        let deadline = Instant::now() + MAX_WAIT;
        loop {
            let wait = SETTLE.min(deadline.saturating_duration_since(Instant::now()));
            match signals.recv_timeout(wait) {
                Ok(Signal::Changed(more)) => {
                    changed_count += more.len();
                    log::debug!("content changed: {more:?}");
                }
                Ok(Signal::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        log::debug!("{changed_count} change(s) settled; loading the content");
        rewatch();
        let result = load_deck(paths);
        log_result(&result, &mut last_errors);
        if results.send(result).is_err() {
            return;
        }
        on_update();
    }
}

/// Logs a load: one line if it is good, each diagnostic if not. Problems identical to the last
/// load's are not logged again.
fn log_result(result: &LoadResult, last_errors: &mut Option<ContentErrors>) {
    match result {
        Ok(deck) => {
            log::info!("content changed; loaded {} pages", deck.page_count());
            *last_errors = None;
        }
        Err(errors) if last_errors.as_ref() == Some(errors) => {
            log::warn!(
                "content changed; still the same {} problem(s) as before, the last good content stays",
                errors.0.len()
            );
        }
        Err(errors) => {
            log::warn!(
                "content changed but has {} problem(s); the last good content stays",
                errors.0.len()
            );
            for diagnostic in &errors.0 {
                log::warn!("{diagnostic}");
            }
            *last_errors = Some(errors.clone());
        }
    }
}

/// Drains `receiver` without blocking and returns the last value in it.
fn newest<T>(receiver: &Receiver<T>) -> Option<T> {
    receiver.try_iter().last()
}

#[cfg(test)]
mod tests {
    use std::fs;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread::sleep;

    use super::*;

    /// How long a test waits for a load before it fails.
    const TIMEOUT: Duration = Duration::from_secs(10);
    /// How often a test looks for a load.
    const POLL: Duration = Duration::from_millis(20);

    const TOPIC: &str = "content/en/topics/appointments.ron";
    const PAGE_ID: &str = "appointments-call";
    const OLD_TITLE: &str = "title: \"Make an appointment\"";

    /// A copy of the bundled content and assets in a temporary folder.
    struct Fixture {
        dir: tempfile::TempDir,
        paths: ContentPaths,
    }

    impl Fixture {
        fn new() -> Self {
            let dir = tempfile::tempdir().expect("temporary folder");
            let root = Path::new(env!("CARGO_MANIFEST_DIR"));
            for folder in ["content", "assets"] {
                copy_dir(&root.join(folder), &dir.path().join(folder));
            }
            let paths = ContentPaths::beside(dir.path().join("content"));
            Self { dir, paths }
        }

        fn path(&self, relative: &str) -> PathBuf {
            self.dir.path().join(relative)
        }

        /// The bundled topic file with its first page renamed `title`.
        fn topic_titled(&self, title: &str) -> String {
            let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join(TOPIC);
            let text = fs::read_to_string(bundled).expect("topic file");
            assert!(
                text.contains(OLD_TITLE),
                "{TOPIC} no longer has {OLD_TITLE}"
            );
            text.replacen(OLD_TITLE, &format!("title: {title:?}"), 1)
        }

        fn write(&self, relative: &str, text: &str) {
            fs::write(self.path(relative), text).expect("write content file");
        }
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).expect("create folder");
        for entry in fs::read_dir(from).expect("read folder") {
            let entry = entry.expect("folder entry");
            let target = to.join(entry.file_name());
            if entry.file_type().expect("file type").is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                fs::copy(entry.path(), &target).expect("copy file");
            }
        }
    }

    /// A watcher on the fixture and the number of times it called `on_update`.
    fn start(fixture: &Fixture) -> (ContentWatcher, Arc<AtomicUsize>) {
        let updates = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&updates);
        let watcher = ContentWatcher::start(fixture.paths.clone(), move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })
        .expect("watch the fixture");
        (watcher, updates)
    }

    /// The first load that arrives within [`TIMEOUT`]; panics if none does.
    fn next_load(watcher: &ContentWatcher) -> LoadResult {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(result) = watcher.try_latest() {
                return result;
            }
            sleep(POLL);
        }
        panic!("no content load within {TIMEOUT:?}");
    }

    /// Waits for the first `on_update`, then until no more come for a second; returns how many
    /// came. Fails if they keep coming for [`TIMEOUT`].
    fn wait_until_quiet(updates: &AtomicUsize) -> usize {
        let start = Instant::now();
        while updates.load(Ordering::SeqCst) == 0 {
            assert!(
                start.elapsed() < TIMEOUT,
                "no content load within {TIMEOUT:?}"
            );
            sleep(POLL);
        }
        let mut seen = updates.load(Ordering::SeqCst);
        let mut quiet_since = Instant::now();
        while quiet_since.elapsed() < Duration::from_secs(1) {
            assert!(
                start.elapsed() < TIMEOUT,
                "loads still coming after {TIMEOUT:?}: {seen}"
            );
            sleep(POLL);
            let now = updates.load(Ordering::SeqCst);
            if now != seen {
                seen = now;
                quiet_since = Instant::now();
            }
        }
        seen
    }

    fn page_title(deck: &Deck) -> String {
        let language = deck.language(deck.default_language);
        let at = language
            .resolve(&crate::content::model::Target::Page(PAGE_ID.to_owned()))
            .expect("the page is still there");
        language.page(at).expect("page").title.clone()
    }

    fn describe(result: &LoadResult) -> String {
        match result {
            Ok(deck) => format!("a deck titled {:?}", page_title(deck)),
            Err(errors) => format!("errors: {errors}"),
        }
    }

    #[test]
    fn an_edited_title_is_loaded_and_the_app_woken() {
        let fixture = Fixture::new();
        let (watcher, updates) = start(&fixture);

        fixture.write(TOPIC, &fixture.topic_titled("Book a visit"));

        let result = next_load(&watcher);
        let Ok(deck) = &result else {
            panic!("expected the new deck, got {}", describe(&result));
        };
        assert_eq!(page_title(deck), "Book a visit");
        assert!(updates.load(Ordering::SeqCst) >= 1, "on_update not called");
    }

    /// How many inotify watches this process holds, all watchers together.
    #[cfg(target_os = "linux")]
    fn inotify_watches() -> usize {
        let Ok(entries) = fs::read_dir("/proc/self/fdinfo") else {
            return 0;
        };
        entries
            .filter_map(Result::ok)
            .filter_map(|entry| fs::read_to_string(entry.path()).ok())
            .map(|info| {
                info.lines()
                    .filter(|l| l.starts_with("inotify wd:"))
                    .count()
            })
            .sum()
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_symlink_out_of_the_content_folder_is_not_followed() {
        let fixture = Fixture::new();
        std::os::unix::fs::symlink("/usr", fixture.path("content/usr")).expect("symlink");
        std::os::unix::fs::symlink("/", fixture.path("content/en/root")).expect("symlink");
        let before = inotify_watches();
        let (watcher, _updates) = start(&fixture);
        let added = inotify_watches().saturating_sub(before);
        // The content folder's own folders are about 10; /usr alone would be thousands.
        assert!(added < 200, "{added} watches");
        fixture.write(TOPIC, &fixture.topic_titled("Still live"));
        let result = next_load(&watcher);
        let Ok(deck) = &result else {
            panic!("expected the new deck, got {}", describe(&result));
        };
        assert_eq!(page_title(deck), "Still live");
    }

    #[test]
    fn a_broken_file_is_reported_with_its_name() {
        let fixture = Fixture::new();
        let (watcher, _updates) = start(&fixture);

        fixture.write(TOPIC, "(");

        let result = next_load(&watcher);
        let Err(ContentErrors(diagnostics)) = &result else {
            panic!("expected errors, got {}", describe(&result));
        };
        assert!(
            diagnostics
                .iter()
                .any(|d| d.path.ends_with("topics/appointments.ron")),
            "no diagnostic names {TOPIC}: {diagnostics:?}"
        );
    }

    #[test]
    fn quick_writes_load_a_few_times_and_the_newest_wins() {
        let fixture = Fixture::new();
        let (watcher, updates) = start(&fixture);

        // Titles without digits: a number only in English would be a problem of the content
        // (the translation must give the same numbers).
        let writes = 6;
        let version = |n: usize| format!("Version {}", "I".repeat(n));
        for n in 1..=writes {
            fixture.write(TOPIC, &fixture.topic_titled(&version(n)));
            sleep(Duration::from_millis(10));
        }

        let loads = wait_until_quiet(&updates);
        assert!(
            (1..=2).contains(&loads),
            "{writes} quick writes caused {loads} loads"
        );
        let result = watcher.try_latest().expect("a load is waiting");
        let Ok(deck) = &result else {
            panic!("expected the newest deck, got {}", describe(&result));
        };
        assert_eq!(page_title(deck), version(writes));
        assert!(
            watcher.try_latest().is_none(),
            "older loads were not drained"
        );
    }

    #[test]
    fn newest_drains_and_keeps_the_last() {
        let (sender, receiver) = mpsc::channel();
        assert_eq!(newest(&receiver), None::<u32>);
        for n in 1..=3 {
            sender.send(n).expect("send");
        }
        assert_eq!(newest(&receiver), Some(3));
        assert_eq!(newest(&receiver), None);
    }

    #[test]
    fn loading_does_not_trigger_another_load() {
        // Every load opens the watched files; those events must not count as changes.
        let fixture = Fixture::new();
        let (watcher, updates) = start(&fixture);

        fixture.write(TOPIC, &fixture.topic_titled("Once"));

        assert_eq!(wait_until_quiet(&updates), 1);
        assert!(watcher.try_latest().is_some_and(|result| result.is_ok()));
    }

    #[test]
    fn a_deleted_content_folder_is_reported_not_a_panic() {
        let fixture = Fixture::new();
        let (watcher, _updates) = start(&fixture);

        fs::remove_dir_all(&fixture.paths.content_dir).expect("delete content");

        let result = next_load(&watcher);
        assert!(
            result.is_err(),
            "expected errors, got {}",
            describe(&result)
        );
    }

    #[test]
    fn a_content_folder_deleted_and_copied_back_is_watched_again() {
        let fixture = Fixture::new();
        let (watcher, _updates) = start(&fixture);
        let content = &fixture.paths.content_dir;
        let kept = fixture.path("content-kept");
        copy_dir(content, &kept);
        fs::remove_dir_all(content).expect("delete content");
        assert!(next_load(&watcher).is_err(), "the loss is reported");
        // A copy replaces it: a new folder, loaded and watched.
        fs::rename(&kept, content).expect("the copy is back");
        let result = next_load(&watcher);
        assert!(result.is_ok(), "{}", describe(&result));
        // Edits in the new folder are seen.
        sleep(Duration::from_millis(300));
        fs::write(fixture.path(TOPIC), fixture.topic_titled("Back again")).expect("edit");
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let result = next_load(&watcher);
            if result
                .as_ref()
                .is_ok_and(|deck| page_title(deck) == "Back again")
            {
                break;
            }
            assert!(Instant::now() < deadline, "the edit never arrived");
        }
    }

    #[test]
    fn a_missing_folder_cannot_be_watched() {
        let fixture = Fixture::new();
        let missing = fixture.path("no-such-content");
        let error = ContentWatcher::start(ContentPaths::beside(&missing), || {})
            .expect_err("a missing folder is refused");
        assert!(matches!(error, WatchError::NoFolder { .. }));
        assert!(
            error.to_string().contains(&missing.display().to_string()),
            "{error}"
        );
    }

    #[test]
    fn dropping_the_watcher_ends_its_thread() {
        let fixture = Fixture::new();
        let updates = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&updates);
        let watcher = ContentWatcher::start(fixture.paths.clone(), move || {
            counter.fetch_add(1, Ordering::SeqCst);
        })
        .expect("watch the fixture");
        assert_eq!(Arc::strong_count(&updates), 2);

        drop(watcher);

        // The loader thread owned the callback: once it has ended, its clone is gone.
        assert_eq!(Arc::strong_count(&updates), 1);
    }
}
