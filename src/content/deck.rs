//! The validated deck: content that has passed every check and is safe to show.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::diagram::{Diagram, DiagramText};
use super::model::{ClinicText, Interface, Page, Target, Topic};

/// Where a page is: which topic, which page of it. The same in every language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PageRef {
    /// Index of the topic in deck order.
    pub topic: usize,
    /// Index of the page within the topic.
    pub page: usize,
}

/// A search's words and the pages they found.
type LastSearch = (String, Vec<PageRef>);

/// All the content of one language.
#[derive(Clone, Debug)]
pub struct Language {
    /// Its code and folder name, e.g. `"en"`.
    pub code: String,
    /// Words of the interface.
    pub interface: Interface,
    /// The clinic profile.
    pub clinic: ClinicText,
    /// Topics in deck order.
    pub topics: Vec<Topic>,
    /// The words of every diagram, by diagram id.
    pub diagram_texts: BTreeMap<String, DiagramText>,
    /// Sentences a person has recorded (`recordings.ron`): the words, and the WAV file that
    /// says them. The Listen button says these in that voice.
    pub recordings: BTreeMap<String, PathBuf>,
    /// The index search's words that mean the same (`synonyms.ron`), by the word typed,
    /// folded (see [`super::search::folded`]).
    pub synonyms: BTreeMap<String, Vec<String>>,
    page_ids: HashMap<String, PageRef>,
    topic_ids: HashMap<String, usize>,
    /// Each page's words in lower case, by topic and page, made the first time a search asks.
    search_texts: OnceLock<Vec<Vec<String>>>,
    /// The last search and the pages it found: a screen asks every frame, the words change
    /// only when typed (a search with slips is milliseconds over every page).
    last_search: std::sync::Arc<std::sync::Mutex<Option<LastSearch>>>,
}

impl Language {
    /// Builds the language's id lookups. Called by the loader once every check has passed.
    pub(super) fn new(
        code: String,
        interface: Interface,
        clinic: ClinicText,
        topics: Vec<Topic>,
        diagram_texts: BTreeMap<String, DiagramText>,
        (recordings, synonyms): (BTreeMap<String, PathBuf>, BTreeMap<String, Vec<String>>),
    ) -> Self {
        let mut page_ids = HashMap::new();
        let mut topic_ids = HashMap::new();
        for (topic_index, topic) in topics.iter().enumerate() {
            topic_ids.insert(topic.id.clone(), topic_index);
            for (page_index, page) in topic.pages.iter().enumerate() {
                page_ids.insert(
                    page.id.clone(),
                    PageRef {
                        topic: topic_index,
                        page: page_index,
                    },
                );
            }
        }
        Self {
            code,
            interface,
            clinic,
            topics,
            diagram_texts,
            recordings,
            synonyms,
            page_ids,
            topic_ids,
            search_texts: OnceLock::new(),
            last_search: Default::default(),
        }
    }

    /// Where the page with id `id` is, if there is one.
    pub fn page_id(&self, id: &str) -> Option<PageRef> {
        self.page_ids.get(id).copied()
    }

    /// The recordings of the sentences of `script` that have one (see [`Self::recordings`]).
    pub fn recordings_of(&self, script: &crate::narration::Script) -> BTreeMap<String, PathBuf> {
        (script.sentences.iter())
            .filter_map(|sentence| {
                let path = self.recordings.get(&sentence.text)?;
                Some((sentence.text.clone(), path.clone()))
            })
            .collect()
    }

    /// Every word a search looks through for the page at `at`, folded (lower case, no
    /// accents): its topic's title, its own title and text, and the words of its diagrams.
    /// Made once per language.
    pub fn search_text(&self, at: PageRef) -> &str {
        let texts = self.search_texts.get_or_init(|| {
            self.topics
                .iter()
                .map(|topic| {
                    topic
                        .pages
                        .iter()
                        .map(|page| {
                            let mut text = crate::readability::page_pieces(page, self).join(" ");
                            text.push(' ');
                            text.push_str(&topic.title);
                            // The names a clinician knows its diagrams by.
                            for id in page.diagram_ids() {
                                let name =
                                    self.diagram_texts.get(id).and_then(|t| t.name.as_deref());
                                text.push(' ');
                                text.push_str(name.unwrap_or_default());
                            }
                            super::search::folded(&text)
                        })
                        .collect()
                })
                .collect()
        });
        texts
            .get(at.topic)
            .and_then(|pages| pages.get(at.page))
            .map_or("", String::as_str)
    }

    /// What a clinician calls diagram `id`: its `name`, else the caption (or description) of a
    /// figure that shows it; `None` if it is shown nowhere and has no name.
    pub fn diagram_name(&self, id: &str) -> Option<&str> {
        if let Some(name) = self.diagram_texts.get(id).and_then(|t| t.name.as_deref()) {
            return Some(name);
        }
        self.pages().find_map(|(_, page)| {
            page.blocks.iter().find_map(|block| match block {
                super::model::Block::Figure {
                    source: super::model::FigureSource::Diagram(shown),
                    caption,
                    alt,
                    ..
                } if shown == id => Some(caption.as_deref().unwrap_or(alt)),
                _ => None,
            })
        })
    }

    /// Whether the page at `at` has every word of `query` (see [`super::search`]).
    pub fn page_matches(&self, at: PageRef, query: &str) -> bool {
        super::search::page_matches(self.search_text(at), query, &self.synonyms)
    }

    /// Every page that has every word of `query`, in reading order (see [`Self::page_matches`]);
    /// remembered until the query changes.
    pub fn pages_matching(&self, query: &str) -> Vec<PageRef> {
        let mut last = self
            .last_search
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((asked, found)) = last.as_ref()
            && asked == query
        {
            return found.clone();
        }
        let found: Vec<PageRef> = (self.pages())
            .filter(|(at, _)| self.page_matches(*at, query))
            .map(|(at, _)| at)
            .collect();
        *last = Some((query.to_owned(), found.clone()));
        found
    }

    /// The page at `at`, if it exists.
    pub fn page(&self, at: PageRef) -> Option<&Page> {
        self.topics.get(at.topic)?.pages.get(at.page)
    }

    /// Where a link goes, if it exists.
    pub fn resolve(&self, target: &Target) -> Option<PageRef> {
        match target {
            Target::Topic(id) => self
                .topic_ids
                .get(id)
                .map(|&topic| PageRef { topic, page: 0 }),
            Target::Page(id) => self.page_ids.get(id).copied(),
        }
    }

    /// Every page in reading order.
    pub fn pages(&self) -> impl Iterator<Item = (PageRef, &Page)> {
        self.topics.iter().enumerate().flat_map(|(topic, t)| {
            t.pages
                .iter()
                .enumerate()
                .map(move |(page, p)| (PageRef { topic, page }, p))
        })
    }

    /// "Page 2 of 5" for a page, from the interface's template.
    pub fn page_of(&self, at: PageRef) -> String {
        let total = self.topics.get(at.topic).map_or(0, |t| t.pages.len());
        self.interface
            .page_of
            .replace("{page}", &(at.page + 1).to_string())
            .replace("{total}", &total.to_string())
    }
}

/// A content folder that has passed every check.
#[derive(Clone, Debug)]
pub struct Deck {
    /// Every language, in the order of `deck.ron`.
    pub languages: Vec<Language>,
    /// Index into `languages` of the one a session starts in.
    pub default_language: usize,
    /// Phone numbers by id.
    pub phones: BTreeMap<String, String>,
    /// The clinic's logo, a file name under the images folder.
    pub logo: Option<String>,
    /// The patient portal's web address, for a handout's QR code.
    pub portal_url: Option<String>,
    /// The page of questions to ask the care team, where every quiz ends.
    pub questions_page: Option<PageRef>,
    /// The diagrams the attract screen shows, by id, if `deck.ron` chooses them.
    pub attract: Option<Vec<String>>,
    /// What `check` warns of (topics not approved, reviews overdue when it was loaded).
    pub warnings: Vec<super::Diagnostic>,
    /// The folder content pictures are read from.
    pub images_dir: PathBuf,
    /// Every diagram's drawing, by id (its words are in each [`Language`]).
    pub diagrams: BTreeMap<String, Diagram>,
}

impl Deck {
    /// Every page that shows a walk-through (a diagram of two steps or more), in reading
    /// order, with the walk-through's id: what Watch plays. Every language has the same pages
    /// and figures, so the first language's are every language's.
    pub fn walk_throughs(&self) -> Vec<(super::PageRef, String)> {
        let Some(language) = self.languages.first() else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for (topic_index, topic) in language.topics.iter().enumerate() {
            for (page_index, page) in topic.pages.iter().enumerate() {
                let walk_through = page.diagram_ids().find(|id| {
                    (self.diagrams.get(*id)).is_some_and(|diagram| diagram.steps.len() > 1)
                });
                if let Some(id) = walk_through {
                    let at = super::PageRef {
                        topic: topic_index,
                        page: page_index,
                    };
                    found.push((at, id.clone()));
                }
            }
        }
        found
    }

    /// The diagram drawn small on `topic`'s home tile: the one it names, else the first its
    /// pages show.
    pub fn tile_diagram<'a>(&'a self, topic: &'a Topic) -> Option<&'a Diagram> {
        let id = (topic.tile.as_ref())
            .or_else(|| topic.pages.iter().flat_map(Page::diagram_ids).next())?;
        self.diagrams.get(id)
    }

    /// Every topic, in every language, that no one has approved or whose review was due
    /// before `today`: the language's code, the topic's title, and when it was due (none: not
    /// approved).
    pub fn reviews_due(
        &self,
        today: jiff::civil::Date,
    ) -> Vec<(&str, &str, Option<jiff::civil::Date>)> {
        let mut due = Vec::new();
        for language in &self.languages {
            for topic in &language.topics {
                match &topic.review {
                    None => due.push((language.code.as_str(), topic.title.as_str(), None)),
                    Some(review) => {
                        if let Some(date) = review.due_date().filter(|date| *date < today) {
                            due.push((language.code.as_str(), topic.title.as_str(), Some(date)));
                        }
                    }
                }
            }
        }
        due
    }

    /// The language at `index`, or the default one.
    pub fn language(&self, index: usize) -> &Language {
        self.languages
            .get(index)
            .or_else(|| self.languages.get(self.default_language))
            .or_else(|| self.languages.first())
            .expect("a deck is only built with at least one language")
    }

    /// Number of topics (the same in every language).
    pub fn topic_count(&self) -> usize {
        self.language(self.default_language).topics.len()
    }

    /// Number of pages in the whole deck (the same in every language).
    pub fn page_count(&self) -> usize {
        self.language(self.default_language).pages().count()
    }

    /// The full path of a picture named in the content.
    pub fn image_path(&self, name: &str) -> PathBuf {
        images_path(&self.images_dir, name)
    }
}

/// The full path of a picture named in the content, in an images folder.
pub fn images_path(images_dir: &Path, name: &str) -> PathBuf {
    images_dir.join(name)
}
