//! The shapes of the content files, exactly as a content editor writes them.
//!
//! These types know nothing of egui: they are read with serde from RON, checked by
//! [`crate::content::load`], and only then handed to the app as a [`crate::content::Deck`].
//! `content/README.md` documents every one of them with an example.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `content/deck.ron`: what is shared by every language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckFile {
    /// The language a new session starts in, e.g. `"en"`.
    pub default_language: String,

    /// Every language the deck is written in, each a folder under `content/`.
    pub languages: Vec<String>,

    /// Topic ids in the order the home screen shows them and a patient reads them.
    pub topics: Vec<String>,

    /// Phone numbers by id, e.g. `"appointments": "216.636.5860"`. Written once, here, so
    /// every language shows the same number.
    #[serde(default)]
    pub phones: BTreeMap<String, String>,

    /// The clinic's logo, a file name under `assets/images/`.
    #[serde(default)]
    pub logo: Option<String>,
}

/// `content/<language>/clinic.ron`: the clinic profile in one language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClinicText {
    /// The clinic's name, e.g. "Cleveland Clinic".
    pub name: String,

    /// The department, e.g. "Center for Spine Health".
    pub department: String,

    /// A short label for each phone number of `deck.ron`, by the same id.
    pub phone_labels: BTreeMap<String, String>,

    /// One or two sentences about virtual visits, shown on contact cards.
    pub virtual_visits: String,

    /// One or two sentences about the patient portal, shown on contact cards.
    pub patient_portal: String,
}

/// `content/<language>/interface.ron`: every word of the interface itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    /// The language's own name for itself, e.g. "English" or "Español".
    pub language_name: String,

    /// Big title of the home screen.
    pub home_title: String,

    /// Line under the home title that tells a patient what to do.
    pub home_subtitle: String,

    /// The Home button.
    pub home: String,

    /// The Back button.
    pub back: String,

    /// The Next button.
    pub next: String,

    /// Progress within a topic; `{page}` and `{total}` are replaced by numbers.
    pub page_of: String,

    /// Heading of the suggestion at the end of a topic.
    pub up_next: String,

    /// Button at the end of the last topic that goes back to all topics.
    pub all_topics: String,

    /// Words shown in place of a picture that cannot be shown.
    pub picture_missing: String,

    /// Button that goes back one step of a diagram's walk-through.
    pub previous_step: String,

    /// Button that goes on to the next step of a diagram's walk-through.
    pub next_step: String,

    /// "Step 2 of 6", with `{step}` and `{total}` in it.
    pub step_of: String,

    /// The question asked after a while without a touch.
    pub still_there_title: String,

    /// Under it, the countdown, with `{seconds}` in it.
    pub still_there_countdown: String,

    /// The button that keeps the visit going.
    pub still_there_button: String,

    /// The attract screen's big invitation.
    pub attract_title: String,

    /// Under it: how to start.
    pub attract_touch: String,
}

/// `content/<language>/topics/<topic>.ron`: one topic and its pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Unique id, used by `deck.ron` and by links. Same in every language.
    pub id: String,

    /// Title on the home tile and above every page of the topic.
    pub title: String,

    /// One short line under the title on the home tile.
    pub subtitle: String,

    /// Optional picture for the home tile, a file name under `assets/images/`.
    #[serde(default)]
    pub icon: Option<String>,

    /// The pages, read one at a time in this order.
    pub pages: Vec<Page>,
}

/// One screen of a topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    /// Unique id across the whole deck, used by links and for rendered file names.
    pub id: String,

    /// The page's heading.
    pub title: String,

    /// What the page shows, top to bottom.
    pub blocks: Vec<Block>,
}

impl Page {
    /// The ids of the diagrams the page shows, top to bottom.
    pub fn diagram_ids(&self) -> impl Iterator<Item = &String> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Figure {
                source: FigureSource::Diagram(id),
                ..
            } => Some(id),
            _ => None,
        })
    }
}

/// One piece of a page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Block {
    /// A sub-heading.
    Heading(String),

    /// A paragraph of plain text.
    Paragraph(String),

    /// A bulleted list, one short line per item.
    Bullets(Vec<String>),

    /// A boxed fact that stands out, e.g. a number to remember.
    KeyFact {
        /// The fact itself, in big type, e.g. "1 in 10,000".
        title: String,
        /// What it means, in one or two sentences.
        text: String,
    },

    /// A comparison table. Every row has one cell per column; the first column names the row.
    Table {
        /// Optional line above the table.
        #[serde(default)]
        caption: Option<String>,
        /// Column headings.
        columns: Vec<String>,
        /// The rows, each a list of cells.
        rows: Vec<Vec<String>>,
    },

    /// A diagram or a picture with words for people who cannot see it.
    Figure {
        /// What to show.
        source: FigureSource,
        /// Describes the figure for screen readers and when it cannot be shown.
        alt: String,
        /// Optional line under the figure.
        #[serde(default)]
        caption: Option<String>,
    },

    /// The clinic's phone numbers, by their ids in `deck.ron`.
    Contact {
        /// Heading of the card.
        title: String,
        /// Which numbers to show.
        phones: Vec<String>,
        /// Optional line under the numbers.
        #[serde(default)]
        note: Option<String>,
    },

    /// Big buttons that go to another topic or page.
    GoTo(Vec<Link>),
}

/// What a [`Block::Figure`] shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureSource {
    /// A diagram by id.
    Diagram(String),
    /// A PNG or JPEG file under `assets/images/`.
    Image(String),
}

/// A button that jumps elsewhere in the deck.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// The button's words.
    pub label: String,
    /// Where it goes.
    pub to: Target,
}

/// Where a [`Link`] goes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Target {
    /// The first page of a topic, by topic id.
    Topic(String),
    /// A page, by page id.
    Page(String),
}
