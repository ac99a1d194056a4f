//! The kiosk as one of many: the signed content bundles it takes (see [`crate::bundle`]),
//! which content version it shows, and what became of the last bundle refused.

use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::bundle::{BundleInbox, CurrentBundle, InboxNews};
use crate::content::Deck;
use crate::metrics::{Health, write_textfile};

use super::{Content, KioskApp};

/// How often the bundle inbox is looked at.
const INBOX_EVERY: Duration = Duration::from_secs(5);

/// How often the health textfile is written.
const HEALTH_EVERY_SECS: f64 = 15.0;

/// Bundles: where they arrive, the version showing and the one waiting for the next patient.
#[derive(Default)]
pub(super) struct Fleet {
    /// Where bundles arrive, until [`Self::watch`] hands it to its thread.
    inbox: Option<BundleInbox>,
    /// Where accepted bundles are kept.
    store: Option<std::path::PathBuf>,
    /// News from the inbox's thread.
    news: Option<Receiver<InboxNews>>,
    /// The bundle whose content shows (`None`: the `--content` folder's).
    pub(super) showing: Option<CurrentBundle>,
    /// An accepted bundle whose content waits for the next patient.
    pub(super) waiting: Option<CurrentBundle>,
    /// Why the last bundle was refused, since the last one accepted.
    pub(super) refused: Option<String>,
    /// Bundles refused since the kiosk started.
    pub(super) refusals: u64,
    /// When (Unix seconds) the last bundle was accepted.
    pub(super) last_accepted_unix: Option<i64>,
    /// When (egui's input time) the health textfile was last written; `None`: not yet.
    health_written_secs: Option<f64>,
    /// The health textfile being written, off the screen's thread.
    health_job: Option<super::job::Job<std::io::Result<()>>>,
    /// The health textfile could not be written the last time (logged once until it can).
    health_failing: bool,
    /// The kiosk's name, looked up once (the host name is a file read).
    kiosk_name: Option<String>,
}

impl Fleet {
    /// Takes bundles from `inbox`; `showing` is the bundle the content was loaded from.
    pub(super) fn set_inbox(&mut self, inbox: BundleInbox, showing: Option<CurrentBundle>) {
        self.store = Some(inbox.store.clone());
        self.inbox = Some(inbox);
        self.showing = showing;
    }

    /// Starts looking at the inbox on a thread of its own; `ctx` is woken with its news.
    pub(super) fn watch(&mut self, ctx: &egui::Context) {
        let Some(inbox) = self.inbox.take() else {
            return;
        };
        let folder = inbox.inbox.clone();
        let ctx = ctx.clone();
        match inbox.watch(INBOX_EVERY, move || ctx.request_repaint()) {
            Ok(news) => self.news = Some(news),
            Err(error) => log::error!(
                "content bundles in {} will not be looked for: {error}",
                folder.display()
            ),
        }
    }

    /// The deck of a bundle accepted since the last frame, if one was (a refusal is kept).
    pub(super) fn poll(&mut self) -> Option<Deck> {
        let news = self.news.as_ref()?.try_recv().ok()?;
        match news {
            InboxNews::Accepted(deck, bundle) => {
                self.refused = None;
                self.last_accepted_unix = Some(jiff::Timestamp::now().as_second());
                self.waiting = Some(bundle);
                Some(*deck)
            }
            InboxNews::Refused(reason) => {
                self.refused = Some(reason);
                self.refusals += 1;
                None
            }
        }
    }

    /// The settings changed: the kiosk's name is looked up again.
    pub(super) fn forget_kiosk_name(&mut self) {
        self.kiosk_name = None;
    }

    /// The content swapped in is the accepted bundle's (if one was waiting): where its
    /// content is, for reloads and for watching it.
    pub(super) fn shown(&mut self) -> Option<crate::content::ContentPaths> {
        let bundle = self.waiting.take()?;
        let paths = (self.store.as_ref()).map(|store| {
            crate::content::ContentPaths::beside(store.join(&bundle.folder).join("content"))
        });
        self.showing = Some(bundle);
        paths
    }
}

impl KioskApp {
    /// Writes the health textfile (`metrics_file` in the settings) at the first frame and
    /// every 15 seconds after, and asks for a frame then, so an idle kiosk writes it too.
    pub(super) fn write_health_if_due(&mut self, ctx: &egui::Context) {
        let Some(path) = self.settings.metrics_file.clone() else {
            return;
        };
        if let Some(done) = (self.fleet.health_job.as_ref()).and_then(|job| job.poll(ctx)) {
            self.fleet.health_job = None;
            let failing = !matches!(done, Some(Ok(())));
            if failing != self.fleet.health_failing {
                self.fleet.health_failing = failing;
                match done {
                    Some(Err(error)) => log::error!(
                        "the health textfile {} cannot be written: {error}",
                        path.display()
                    ),
                    Some(Ok(())) => {
                        log::info!("the health textfile {} is written again", path.display());
                    }
                    None => log::error!("writing the health textfile {} stopped", path.display()),
                }
            }
        }
        ctx.request_repaint_after(Duration::from_secs_f64(HEALTH_EVERY_SECS));
        let due = (self.fleet.health_written_secs).is_none_or(|written| {
            self.now_secs - written >= HEALTH_EVERY_SECS || self.now_secs < written
        });
        if !due || self.fleet.health_job.is_some() {
            return;
        }
        self.fleet.health_written_secs = Some(self.now_secs);
        if self.fleet.kiosk_name.is_none() {
            self.fleet.kiosk_name = Some(self.settings.kiosk_name());
        }
        let text = self.health().textfile();
        // The file is written off the screen's thread: a slow or stuck disk never holds a frame.
        self.fleet.health_job = Some(super::job::Job::spawn(move || write_textfile(&path, &text)));
    }

    /// The kiosk's health as it is now.
    pub fn health(&self) -> Health {
        let unix = |date: &str| {
            date.parse::<jiff::Timestamp>()
                .ok()
                .map(jiff::Timestamp::as_second)
        };
        let showing = self.fleet.showing.as_ref();
        let update_problems = match &self.content {
            Content::Broken(errors) => errors.0.len(),
            Content::Ready(_) => self
                .update_problems
                .as_ref()
                .map_or(0, |errors| errors.0.len()),
        };
        Health {
            kiosk: (self.fleet.kiosk_name.clone()).unwrap_or_else(|| self.settings.kiosk_name()),
            now_unix: jiff::Timestamp::now().as_second(),
            content_version: showing.map(|bundle| bundle.version),
            content_made_unix: showing.and_then(|bundle| unix(&bundle.date)),
            last_update_unix: (self.fleet.last_accepted_unix)
                .or_else(|| showing.and_then(|bundle| unix(&bundle.applied))),
            bundle_refusals: self.fleet.refusals,
            visits_today: self.usage.visits_today(),
            content_problems: (update_problems + self.images.unreadable().len()) as u64,
            stats_write_failing: self.usage.failing_file().is_some(),
            stats_write_failures: self.usage.write_failures(),
            handouts: self.handouts.made,
            handout_failures: self.handouts.failures,
            print_failures: self.handouts.print_failures,
        }
    }
}
