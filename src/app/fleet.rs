//! The kiosk as one of many: the signed content bundles it takes (see [`crate::bundle`]),
//! which content version it shows, and what became of the last bundle refused.

use std::sync::mpsc::Receiver;
use std::time::Duration;

use crate::bundle::{BundleInbox, CurrentBundle, InboxNews};
use crate::content::Deck;

/// How often the bundle inbox is looked at.
const INBOX_EVERY: Duration = Duration::from_secs(5);

/// Bundles: where they arrive, the version showing and the one waiting for the next patient.
#[derive(Default)]
pub(super) struct Fleet {
    /// Where bundles arrive, until [`Self::watch`] hands it to its thread.
    inbox: Option<BundleInbox>,
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
}

impl Fleet {
    /// Takes bundles from `inbox`; `showing` is the bundle the content was loaded from.
    pub(super) fn set_inbox(&mut self, inbox: BundleInbox, showing: Option<CurrentBundle>) {
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

    /// The content swapped in is the accepted bundle's (if one was waiting).
    pub(super) fn shown(&mut self) {
        if let Some(bundle) = self.waiting.take() {
            self.showing = Some(bundle);
        }
    }
}
