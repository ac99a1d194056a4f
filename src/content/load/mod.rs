//! Reads a content folder, checks everything, and collects every problem it finds.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

mod diagrams;
mod numbers;
mod parity;
mod quiz;
mod recordings;

pub use recordings::unrecorded_sentences;

use super::deck::{Deck, Language, images_path};
use super::diagram::{Diagram, DiagramText};
use super::model::{
    Block, ClinicText, DeckFile, FigureSource, Interface, Page, Recording, Target, Topic,
};
use super::source_file::{SourceFile, diagnostic};
use super::{ContentErrors, Diagnostic, QR_MAX_PAYLOAD_BYTES, QrModules, qr, ron_error};

/// Content files larger than this are refused rather than read: no real content comes close.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How many topic files one language folder may hold before the rest are refused.
pub const MAX_TOPIC_FILES: usize = 10_000;

/// Where the content and its pictures are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentPaths {
    /// The folder with `deck.ron` and one folder per language.
    pub content_dir: PathBuf,
    /// The folder with `images/`.
    pub assets_dir: PathBuf,
}

impl ContentPaths {
    /// Content in `content_dir`, pictures in the `assets` folder beside it.
    pub fn beside(content_dir: impl Into<PathBuf>) -> Self {
        let content_dir = content_dir.into();
        let assets_dir = content_dir
            .parent()
            .map_or_else(|| PathBuf::from("assets"), |parent| parent.join("assets"));
        Self {
            content_dir,
            assets_dir,
        }
    }

    /// The folder content pictures are read from.
    pub fn images_dir(&self) -> PathBuf {
        self.assets_dir.join("images")
    }
}

/// Loads and checks a whole content folder.
///
/// Returns the deck only when there is no problem at all; otherwise every problem found, in
/// file order. Never panics, whatever the files hold.
pub fn load_deck(paths: &ContentPaths) -> Result<Deck, ContentErrors> {
    let mut loader = Loader {
        paths,
        diagnostics: Vec::new(),
        warnings: Vec::new(),
        today: jiff::Zoned::now().date(),
        bytes_read: 0,
        picture_pixels: HashMap::new(),
        pages_unknown: false,
    };
    let deck = loader.load();
    match deck {
        Some(mut deck) if loader.diagnostics.is_empty() => {
            deck.warnings = loader.warnings;
            Ok(deck)
        }
        _ => {
            let mut diagnostics = loader.diagnostics;
            if diagnostics.is_empty() {
                diagnostics.push(diagnostic(
                    &paths.content_dir,
                    1,
                    1,
                    "The content could not be loaded.".to_owned(),
                ));
            }
            Err(ContentErrors(diagnostics))
        }
    }
}

/// A file that was read into its type, with its text kept for pointing at places in it.
struct Parsed<T> {
    value: T,
    file: SourceFile,
}

/// A language folder's files, each present only if it could be read.
struct LanguageFiles {
    code: String,
    interface: Option<Parsed<Interface>>,
    clinic: Option<Parsed<ClinicText>>,
    topics: Vec<Parsed<Topic>>,
    /// The words of the diagrams, one file per diagram.
    diagram_texts: Vec<Parsed<DiagramText>>,
    /// File stems of topic files that could not be read, so their ids are not reported missing.
    unreadable_topics: HashSet<String>,
    /// Sentences a person has recorded, if the language has `recordings.ron`.
    recordings: Option<Parsed<Vec<Recording>>>,
    /// The index search's words that mean the same, if the language has `synonyms.ron`.
    synonyms: Option<Parsed<BTreeMap<String, Vec<String>>>>,
}

struct Loader<'a> {
    paths: &'a ContentPaths,
    diagnostics: Vec<Diagnostic>,
    /// What `check` warns of without refusing the content (a review overdue).
    warnings: Vec<Diagnostic>,
    /// The date reviews are checked against.
    today: jiff::civil::Date,
    /// The bytes of all content files read so far (see [`super::budget::MAX_CONTENT_BYTES`]).
    bytes_read: u64,
    /// The pixels of each picture checked so far, by file.
    picture_pixels: HashMap<PathBuf, u64>,
    /// A topic file of the language being checked could not be read (and is reported): its
    /// pages are unknown, so a link or question to a page that is not found is not reported as
    /// well, only the cause.
    pages_unknown: bool,
}

impl Loader<'_> {
    fn load(&mut self) -> Option<Deck> {
        let deck_path = self.paths.content_dir.join("deck.ron");
        let deck = self.parse::<DeckFile>(&deck_path);

        let mut codes = match &deck {
            Some(deck) => deck.value.languages.clone(),
            None => self.language_folders(),
        };
        // A language listed twice is reported by `check_deck`; read its folder only once.
        let mut seen = HashSet::new();
        codes.retain(|code| seen.insert(code.clone()));
        let mut languages: Vec<LanguageFiles> = codes
            .iter()
            .map(|code| self.read_language(code, deck.as_ref()))
            .collect();

        let diagrams_dir = self.paths.content_dir.join("diagrams");
        let diagrams: Vec<Parsed<Diagram>> = self.read_diagram_folder(&diagrams_dir);
        // A figure may name a diagram whose file could not be read; that file is reported.
        let known_diagrams: HashSet<String> = diagrams
            .iter()
            .map(|parsed| parsed.value.id.clone())
            .chain(fs::read_dir(&diagrams_dir).into_iter().flat_map(|entries| {
                ron_files(entries)
                    .into_iter()
                    .filter_map(|path| Some(path.file_stem()?.to_str()?.to_owned()))
            }))
            .collect();

        let deck = deck?;
        self.check_deck(&deck);
        self.check_diagrams(&diagrams, &diagram_colors());
        for language in &languages {
            self.check_language(&deck, language);
            self.check_figure_diagrams(language, &known_diagrams);
            self.check_diagram_texts(&language.code, &diagrams, &language.diagram_texts);
        }
        self.check_parity(&deck, &languages);
        self.check_numbers(&deck, &languages);
        for language in &languages {
            for topic in &language.topics {
                if let Some(id) = &topic.value.tile
                    && !known_diagrams.contains(id)
                {
                    self.error(topic.file.diagnostic_at_value(
                        "tile",
                        id,
                        0,
                        format!("There is no diagram \"{id}\" for the topic's tile."),
                    ));
                }
            }
        }
        for id in deck.value.attract.iter().flatten() {
            if !known_diagrams.contains(id) {
                self.error(deck.file.diagnostic_in_list(
                    "attract",
                    id,
                    0,
                    format!("There is no diagram \"{id}\" for the attract screen."),
                ));
            }
        }
        let recording_lengths: Vec<HashMap<PathBuf, u64>> = languages
            .iter()
            .map(|language| self.check_recording_files(language))
            .collect();
        if !self.diagnostics.is_empty() {
            return None;
        }
        // Kept to check, once the deck is built, that each recording is still said.
        let recordings: Vec<Option<Parsed<Vec<Recording>>>> = languages
            .iter_mut()
            .map(|language| language.recordings.take())
            .collect();

        let default_language = deck
            .value
            .languages
            .iter()
            .position(|code| *code == deck.value.default_language)?;
        let languages = languages
            .into_iter()
            .zip(&recordings)
            .map(|(files, recorded)| {
                let mut by_id: HashMap<String, Topic> = files
                    .topics
                    .into_iter()
                    .map(|parsed| {
                        let mut topic = parsed.value;
                        for text in topic.texts_mut() {
                            if text.contains(super::model::PHONE_PLACEHOLDER) {
                                *text = super::model::with_phone_numbers(text, &deck.value.phones);
                            }
                        }
                        (topic.id.clone(), topic)
                    })
                    .collect();
                let topics = deck
                    .value
                    .topics
                    .iter()
                    .filter_map(|id| by_id.remove(id))
                    .collect();
                let diagram_texts = files
                    .diagram_texts
                    .into_iter()
                    .map(|parsed| (parsed.value.id.clone(), parsed.value))
                    .collect();
                let recorded = recordings::recorded_sentences(
                    &self.paths.content_dir.join(&files.code),
                    recorded.as_ref(),
                );
                let synonyms = (files.synonyms.map(|parsed| parsed.value))
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(word, same)| (super::search::folded(&word), same))
                    .collect();
                Some(Language::new(
                    files.code,
                    files.interface?.value,
                    files.clinic?.value,
                    topics,
                    diagram_texts,
                    (recorded, synonyms),
                ))
            })
            .collect::<Option<Vec<_>>>()?;
        if languages.is_empty() {
            return None;
        }
        let questions_page = match &deck.value.questions_page {
            None => None,
            Some(id) => {
                let found = languages.first().and_then(|words| words.page_id(id));
                if found.is_none() {
                    self.error(deck.file.diagnostic_at_value(
                        "questions_page",
                        id,
                        0,
                        format!(
                            "There is no page \"{id}\" for `questions_page`. Give a page's id."
                        ),
                    ));
                }
                found
            }
        };
        let deck = Deck {
            languages,
            default_language,
            phones: deck.value.phones,
            logo: deck.value.logo,
            portal_url: deck.value.portal_url,
            questions_page,
            attract: deck.value.attract,
            warnings: Vec::new(),
            images_dir: self.paths.images_dir(),
            diagrams: diagrams
                .into_iter()
                .map(|parsed| (parsed.value.id.clone(), parsed.value))
                .collect(),
        };
        for (language, (parsed, lengths_ms)) in
            recordings.iter().zip(&recording_lengths).enumerate()
        {
            if let Some(parsed) = parsed {
                self.check_recordings_said(&deck, language, parsed, lengths_ms);
            }
        }
        self.diagnostics.is_empty().then_some(deck)
    }

    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// `synonyms.ron`: every word one word (what a clinician types), and what it means on the
    /// pages never empty; no word given twice (capitals and accents aside).
    fn check_synonyms(&mut self, parsed: &Parsed<BTreeMap<String, Vec<String>>>) {
        let mut seen = HashSet::new();
        for (word, same) in &parsed.value {
            let problem = if word.trim().is_empty() || word.split_whitespace().count() != 1 {
                Some(format!(
                    "\"{word}\" must be one word: what a clinician types in the search box."
                ))
            } else if !seen.insert(super::search::folded(word)) {
                Some(format!(
                    "\"{word}\" is given twice (capitals and accents aside)."
                ))
            } else if same.is_empty() || same.iter().any(|other| other.trim().is_empty()) {
                Some(format!(
                    "\"{word}\" needs the words it means on the pages, none of them empty."
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                // At the word as a key ("cut": ...), not where it stands among the meanings.
                let text = &parsed.file.text;
                let quoted = format!("{word:?}");
                let key = (text.match_indices(&quoted))
                    .find(|(at, _)| text[at + quoted.len()..].trim_start().starts_with(':'));
                self.error(match key {
                    Some((at, _)) => parsed.file.diagnostic_at_offset(at, problem),
                    None => parsed.file.diagnostic_at_value("", word, 0, problem),
                });
            }
        }
    }

    /// Something to look at that does not stop the content (a review overdue).
    fn warn(&mut self, diagnostic: Diagnostic) {
        self.warnings.push(diagnostic);
    }

    /// A topic's approval: missing or overdue is a warning; dates that are not dates, or a
    /// review due before the approval, are problems.
    fn check_review(&mut self, file: &SourceFile, topic: &Topic) {
        let Some(review) = &topic.review else {
            self.warn(file.diagnostic_at_value(
                "id",
                &topic.id,
                0,
                format!(
                    "No one has approved the topic \"{}\" in this language: add review: \
                     (approved_by: \"...\", approved: \"YYYY-MM-DD\", due: \"YYYY-MM-DD\").",
                    topic.id
                ),
            ));
            return;
        };
        if review.approved_by.trim().is_empty() {
            self.error(file.diagnostic_at_key(
                "approved_by",
                "`approved_by` is empty: name who approved the topic.".to_owned(),
            ));
        }
        let date = |text: &str| text.parse::<jiff::civil::Date>().ok();
        let approved = date(&review.approved);
        let due = date(&review.due);
        for (key, text, parsed) in [
            ("approved", &review.approved, approved),
            ("due", &review.due, due),
        ] {
            if parsed.is_none() {
                self.error(file.diagnostic_at_value(
                    key,
                    text,
                    0,
                    format!("`{key}` is \"{text}\": write a date as YYYY-MM-DD, e.g. 2027-01-31."),
                ));
            }
        }
        let (Some(approved), Some(due)) = (approved, due) else {
            return;
        };
        if due <= approved {
            self.error(file.diagnostic_at_value(
                "due",
                &review.due,
                0,
                format!("The review is due {due}, not after its approval on {approved}."),
            ));
        } else if due < self.today {
            self.warn(file.diagnostic_at_value(
                "due",
                &review.due,
                0,
                format!(
                    "The review of the topic \"{}\" was due {due} (approved by {} on {approved}).",
                    topic.id, review.approved_by
                ),
            ));
        }
    }

    /// Reads one RON file into `T`, reporting why not if it cannot.
    fn parse<T: DeserializeOwned>(&mut self, path: &Path) -> Option<Parsed<T>> {
        let file = self.read_text(path)?;
        let options = ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        match options.from_str::<T>(&file.text) {
            Ok(value) => Some(Parsed { value, file }),
            Err(error) => {
                self.error(ron_error::diagnostic(&file, &error));
                None
            }
        }
    }

    /// Reads a file as UTF-8 text, reporting a missing, unreadable, huge or non-text file.
    fn read_text(&mut self, path: &Path) -> Option<SourceFile> {
        let size = match fs::metadata(path) {
            Ok(metadata) if metadata.is_file() => metadata.len(),
            Ok(metadata) => {
                let what = if metadata.is_dir() {
                    "a folder"
                } else {
                    "a pipe, a device or a socket"
                };
                self.error(diagnostic(
                    path,
                    1,
                    1,
                    format!("This should be a file, but it is {what}."),
                ));
                return None;
            }
            Err(error) => {
                let message = if error.kind() == std::io::ErrorKind::NotFound {
                    "This file is missing. Every content folder needs it; see content/README.md."
                        .to_owned()
                } else {
                    format!("This file cannot be opened: {error}.")
                };
                self.error(diagnostic(path, 1, 1, message));
                return None;
            }
        };
        if size > MAX_FILE_BYTES {
            self.error(diagnostic(
                path,
                1,
                1,
                format!(
                    "This file is {size} bytes, larger than the {MAX_FILE_BYTES} bytes a content file may be."
                ),
            ));
            return None;
        }
        self.bytes_read = self.bytes_read.saturating_add(size);
        if self.bytes_read > super::budget::MAX_CONTENT_BYTES {
            self.error(diagnostic(
                path,
                1,
                1,
                format!(
                    "With this file, the content files come to more than {} MiB together, the most a content folder may hold. Remove what is not used, or split the content.",
                    super::budget::MAX_CONTENT_BYTES / (1024 * 1024)
                ),
            ));
            return None;
        }
        let bytes = match fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                self.error(diagnostic(
                    path,
                    1,
                    1,
                    format!("This file cannot be read: {error}."),
                ));
                return None;
            }
        };
        // A UTF-8 byte-order mark (Windows editors write one) is not part of the text.
        let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        match String::from_utf8(bytes) {
            Ok(text) => Some(SourceFile::new(path, text)),
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(&error.as_bytes()[..valid]).into_owned();
                let file = SourceFile::new(path, text);
                self.error(file.diagnostic_at_offset(
                    valid,
                    "This file is not plain UTF-8 text from here on. Save it as UTF-8.".to_owned(),
                ));
                None
            }
        }
    }

    /// Language folders, for when `deck.ron` cannot say which there are.
    fn language_folders(&self) -> Vec<String> {
        let Ok(entries) = fs::read_dir(&self.paths.content_dir) else {
            return Vec::new();
        };
        let mut codes: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().join("interface.ron").is_file())
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .collect();
        codes.sort();
        codes
    }

    fn read_language(&mut self, code: &str, deck: Option<&Parsed<DeckFile>>) -> LanguageFiles {
        let dir = self.paths.content_dir.join(code);
        let mut files = LanguageFiles {
            code: code.to_owned(),
            interface: None,
            clinic: None,
            topics: Vec::new(),
            diagram_texts: Vec::new(),
            unreadable_topics: HashSet::new(),
            recordings: None,
            synonyms: None,
        };
        if !is_plain_name(code) || !dir.is_dir() {
            let message = format!(
                "There is no folder `{code}` for this language. Create content/{code}/ or remove \"{code}\" from `languages`."
            );
            match deck {
                Some(deck) => {
                    self.error(deck.file.diagnostic_in_list("languages", code, 0, message))
                }
                None => self.error(diagnostic(&dir, 1, 1, message)),
            }
            return files;
        }
        files.interface = self.parse(&dir.join("interface.ron"));
        files.clinic = self.parse(&dir.join("clinic.ron"));
        files.diagram_texts = self.read_diagram_folder(&dir.join("diagrams"));
        let recordings = dir.join("recordings.ron");
        if fs::symlink_metadata(&recordings).is_ok() {
            files.recordings = self.parse(&recordings);
        }
        let synonyms = dir.join("synonyms.ron");
        if fs::symlink_metadata(&synonyms).is_ok() {
            files.synonyms = self.parse(&synonyms);
            if let Some(parsed) = &files.synonyms {
                self.check_synonyms(parsed);
            }
        }

        let topics_dir = dir.join("topics");
        let entries = match fs::read_dir(&topics_dir) {
            Ok(entries) => entries,
            Err(_) => {
                self.error(diagnostic(
                    &topics_dir,
                    1,
                    1,
                    "The `topics` folder is missing. It holds one .ron file per topic.".to_owned(),
                ));
                return files;
            }
        };
        let mut paths = ron_files(entries);
        if paths.len() > MAX_TOPIC_FILES {
            self.error(diagnostic(
                &topics_dir,
                1,
                1,
                format!(
                    "This folder has {} topic files; at most {MAX_TOPIC_FILES} are read.",
                    paths.len()
                ),
            ));
            paths.truncate(MAX_TOPIC_FILES);
        }
        for path in paths {
            match self.parse::<Topic>(&path) {
                Some(topic) => files.topics.push(topic),
                None => {
                    if let Some(stem) = path.file_stem().and_then(|stem| stem.to_str()) {
                        files.unreadable_topics.insert(stem.to_owned());
                    }
                }
            }
        }
        files
    }

    fn check_deck(&mut self, deck: &Parsed<DeckFile>) {
        let DeckFile {
            default_language,
            languages,
            topics,
            phones,
            logo,
            portal_url,
            // Checked once the pages are known.
            questions_page: _,
            // Checked with the diagrams (`check_attract`).
            attract: _,
        } = &deck.value;
        let file = &deck.file;
        if languages.is_empty() {
            self.error(
                file.diagnostic_at_key(
                    "languages",
                    "`languages` is empty. List at least one language folder, like [\"en\"]."
                        .to_owned(),
                ),
            );
        } else if !languages.contains(default_language) {
            self.error(file.diagnostic_at_value(
                "default_language",
                default_language,
                0,
                format!(
                    "The default language \"{default_language}\" is not in `languages`. Use one of: {}.",
                    quoted_list(languages)
                ),
            ));
        }
        self.report_duplicates(file, "languages", languages, "language");
        if topics.is_empty() {
            self.error(
                file.diagnostic_at_key(
                    "topics",
                    "`topics` is empty. List the topic ids in the order patients should see them."
                        .to_owned(),
                ),
            );
        }
        if topics.len() > super::budget::MAX_TOPICS {
            self.error(file.diagnostic_at_key(
                "topics",
                format!(
                    "`topics` lists {} topics; a deck may have at most {} (each is a tile on the home screen).",
                    topics.len(),
                    super::budget::MAX_TOPICS
                ),
            ));
        }
        self.report_duplicates(file, "topics", topics, "topic");
        for (id, number) in phones {
            if number.trim().is_empty() {
                self.error(file.diagnostic_at_value(
                    "",
                    id,
                    0,
                    format!("The phone \"{id}\" has no number."),
                ));
            }
        }
        if let Some(logo) = logo {
            self.check_image(file, "logo", logo);
        }
        if let Some(url) = portal_url {
            let web = url.starts_with("https://") || url.starts_with("http://");
            if !web || url.contains(char::is_whitespace) || url.len() > QR_MAX_PAYLOAD_BYTES {
                self.error(file.diagnostic_at_value(
                    "portal_url",
                    url,
                    0,
                    format!(
                        "The portal address \"{url}\" is not a web address. Write it as a \
                         browser shows it, like \"https://mychart.example.org/\"."
                    ),
                ));
            }
        }
    }

    /// Reports every second and later use of the same value in the list `key`.
    fn report_duplicates(&mut self, file: &SourceFile, key: &str, values: &[String], what: &str) {
        let mut seen: HashMap<&String, usize> = HashMap::new();
        for value in values {
            let count = seen.entry(value).or_insert(0);
            *count += 1;
            if *count > 1 {
                self.error(file.diagnostic_in_list(
                    key,
                    value,
                    *count - 1,
                    format!("The {what} \"{value}\" is listed twice. Keep only one."),
                ));
            }
        }
    }

    fn check_image(&mut self, file: &SourceFile, key: &str, name: &str) {
        let path = images_path(&self.paths.images_dir(), name);
        let problem = if name.trim().is_empty() {
            Some("The picture's file name is empty.".to_owned())
        } else if !is_plain_file_name(name) {
            Some(format!(
                "\"{name}\" must be just a file name in the images folder, without folders or `..`."
            ))
        } else if !path.is_file() {
            Some(format!(
                "The picture \"{name}\" is not in {}. Check the spelling, or add the file.",
                self.paths.images_dir().display()
            ))
        } else if self.picture_pixels.contains_key(&path) {
            None // Decoded already, for another use.
        } else {
            // Decoded in full: a picture cut short still has a size, but cannot be shown.
            match crate::pictures::decode(&path) {
                Err(error) => Some(format!("The picture \"{name}\" {error}.")),
                Ok(picture) => {
                    let pixels = u64::from(picture.width()) * u64::from(picture.height());
                    self.picture_pixels.insert(path.clone(), pixels);
                    let all: u64 = self.picture_pixels.values().sum();
                    (all > super::budget::MAX_ALL_PICTURE_PIXELS).then(|| {
                        format!(
                            "With the picture \"{name}\", the pictures come to {} million pixels together; at most {} million may be used. Use smaller pictures, or fewer.",
                            all / 1_000_000,
                            super::budget::MAX_ALL_PICTURE_PIXELS / 1_000_000
                        )
                    })
                }
            }
        };
        if let Some(message) = problem {
            self.error(file.diagnostic_at_value(key, name, 0, message));
        }
    }

    fn check_language(&mut self, deck: &Parsed<DeckFile>, language: &LanguageFiles) {
        if let Some(interface) = &language.interface {
            self.check_interface(interface);
        }
        if let Some(clinic) = &language.clinic {
            self.check_clinic(deck, clinic);
        }

        let listed: HashSet<&String> = deck.value.topics.iter().collect();
        let mut topic_files: HashMap<&str, &SourceFile> = HashMap::new();
        for topic in &language.topics {
            let id = topic.value.id.as_str();
            if let Some(problem) = id_problem("topic", id) {
                self.error(topic.file.diagnostic_at_value("id", id, 0, problem));
            }
            let file_stem = topic.file.path.file_stem().and_then(|stem| stem.to_str());
            if topic_files.insert(id, &topic.file).is_some() {
                self.error(topic.file.diagnostic_at_value(
                    "id",
                    id,
                    0,
                    format!("Another topic file already uses the id \"{id}\". Each topic needs its own id."),
                ));
            } else if !listed.contains(&topic.value.id) {
                self.error(topic.file.diagnostic_at_value(
                    "id",
                    id,
                    0,
                    format!("The topic \"{id}\" is not listed in `topics` in deck.ron, so patients would never see it. Add it there."),
                ));
            }
            if file_stem != Some(id) {
                self.error(topic.file.diagnostic_at_value(
                    "id",
                    id,
                    0,
                    format!(
                        "The topic id \"{id}\" should match its file name: call the file {id}.ron."
                    ),
                ));
            }
        }
        for (index, id) in deck.value.topics.iter().enumerate() {
            if !topic_files.contains_key(id.as_str()) && !language.unreadable_topics.contains(id) {
                self.error(deck.file.diagnostic_in_list(
                    "topics",
                    id,
                    deck.value.topics[..index].iter().filter(|earlier| *earlier == id).count(),
                    format!(
                        "There is no topic \"{id}\" in content/{}/topics/. Add {id}.ron there, or remove it from this list.",
                        language.code
                    ),
                ));
            }
        }

        let mut page_ids: HashSet<&str> = HashSet::new();
        for topic in &language.topics {
            let mut seen_in_file: HashMap<&str, usize> = HashMap::new();
            for page in &topic.value.pages {
                let nth = seen_in_file.entry(page.id.as_str()).or_insert(0);
                if let Some(problem) = id_problem("page", &page.id) {
                    self.error(
                        topic
                            .file
                            .diagnostic_at_value("id", &page.id, *nth, problem),
                    );
                }
                if !page_ids.insert(page.id.as_str()) {
                    self.error(topic.file.diagnostic_at_value(
                        "id",
                        &page.id,
                        *nth,
                        format!(
                            "The page id \"{}\" is used twice. Each page needs its own id.",
                            page.id
                        ),
                    ));
                }
                *nth += 1;
            }
        }
        // A topic whose file could not be read exists as far as links go: its file is
        // reported, and the links to it are not, a second time.
        let topic_ids: HashSet<&str> = (topic_files.keys().copied())
            .chain(language.unreadable_topics.iter().map(String::as_str))
            .collect();
        self.pages_unknown = !language.unreadable_topics.is_empty();
        let clinic = language.clinic.as_ref().map(|clinic| &clinic.value);
        for topic in &language.topics {
            self.check_topic(deck, clinic, topic, &topic_ids, &page_ids);
            self.check_quiz(topic, &page_ids);
        }
    }

    fn check_interface(&mut self, interface: &Parsed<Interface>) {
        let Interface {
            language_name,
            home_title,
            home_subtitle,
            start_here,
            seen,
            home,
            back,
            next,
            page_of,
            up_next,
            all_topics,
            picture_missing,
            previous_step,
            next_step,
            step_of,
            enlarge,
            back_to_page,
            close_part,
            still_there_title,
            still_there_countdown,
            still_there_button,
            attract_title,
            attract_touch,
            text_normal,
            text_large,
            text_extra_large,
            high_contrast,
            quiz_title,
            question_of,
            quiz_right,
            quiz_wrong,
            quiz_show_page,
            quiz_next,
            quiz_done: _,
            consult_mark,
            index,
            search,
            no_results,
            step_n,
            consult,
            staff,
            handout,
            listen,
            keypad,
            quiz,
        } = &interface.value;
        let fields = [
            ("language_name", language_name),
            ("home_title", home_title),
            ("home_subtitle", home_subtitle),
            ("start_here", start_here),
            ("seen", seen),
            ("home", home),
            ("back", back),
            ("next", next),
            ("page_of", page_of),
            ("up_next", up_next),
            ("all_topics", all_topics),
            ("picture_missing", picture_missing),
            ("previous_step", previous_step),
            ("next_step", next_step),
            ("step_of", step_of),
            ("enlarge", enlarge),
            ("back_to_page", back_to_page),
            ("close_part", close_part),
            ("still_there_title", still_there_title),
            ("still_there_countdown", still_there_countdown),
            ("still_there_button", still_there_button),
            ("attract_title", attract_title),
            ("attract_touch", attract_touch),
            ("text_normal", text_normal),
            ("text_large", text_large),
            ("text_extra_large", text_extra_large),
            ("high_contrast", high_contrast),
            ("quiz_title", quiz_title),
            ("question_of", question_of),
            ("quiz_right", quiz_right),
            ("quiz_wrong", quiz_wrong),
            ("quiz_show_page", quiz_show_page),
            ("quiz_next", quiz_next),
            ("consult_mark", consult_mark),
            ("index", index),
            ("search", search),
            ("no_results", no_results),
            ("step_n", step_n),
        ];
        let colors = consult.ink_colors.iter().map(|name| ("ink_colors", name));
        for (key, value) in fields
            .into_iter()
            .chain(consult.fields())
            .chain(staff.fields())
            .chain(handout.fields())
            .chain(listen.fields())
            .chain(keypad.fields())
            .chain(quiz.fields())
            .chain(colors)
        {
            if value.trim().is_empty() {
                self.error(interface.file.diagnostic_at_key(
                    key,
                    format!("`{key}` is empty. Patients would see a blank here."),
                ));
            }
        }
        let templates = [
            ("page_of", page_of, "{page}", "Page {page} of {total}"),
            ("page_of", page_of, "{total}", "Page {page} of {total}"),
            ("step_of", step_of, "{step}", "Step {step} of {total}"),
            ("step_of", step_of, "{total}", "Step {step} of {total}"),
            ("step_n", step_n, "{step}", "Step {step}"),
            (
                "where_screen",
                &keypad.where_screen,
                "{title}",
                "You are on: {title}.",
            ),
            (
                "on_control",
                &keypad.on_control,
                "{control}",
                "You are on {control}.",
            ),
            (
                "summary",
                &quiz.summary,
                "{right}",
                "You got {right} of {total} right.",
            ),
            (
                "summary",
                &quiz.summary,
                "{total}",
                "You got {right} of {total} right.",
            ),
            (
                "question_of",
                question_of,
                "{question}",
                "Question {question} of {total}",
            ),
            (
                "question_of",
                question_of,
                "{total}",
                "Question {question} of {total}",
            ),
            (
                "still_there_countdown",
                still_there_countdown,
                "{seconds}",
                "Starting over in {seconds} seconds.",
            ),
            (
                "pin_wrong",
                &staff.pin_wrong,
                "{tries}",
                "Not right. {tries} tries left.",
            ),
            (
                "pin_locked",
                &staff.pin_locked,
                "{seconds}",
                "Try again in {seconds} seconds.",
            ),
            ("reloaded", &staff.reloaded, "{pages}", "{pages} pages."),
            (
                "review_missing",
                &staff.review_missing,
                "{topic}",
                "Not approved yet: {topic}",
            ),
            (
                "review_overdue",
                &staff.review_overdue,
                "{topic}",
                "Review was due {date}: {topic}",
            ),
            (
                "review_overdue",
                &staff.review_overdue,
                "{date}",
                "Review was due {date}: {topic}",
            ),
            (
                "reviews_more",
                &staff.reviews_more,
                "{count}",
                "{count} more are due: see Content problems.",
            ),
            ("handout", &consult.handout, "{count}", "Handout ({count})"),
            (
                "content_version",
                &staff.content_version,
                "{version}",
                "Content version {version}, made {date}.",
            ),
            (
                "content_version",
                &staff.content_version,
                "{date}",
                "Content version {version}, made {date}.",
            ),
            (
                "bundle_refused",
                &staff.bundle_refused,
                "{reason}",
                "The last content update was refused: {reason}",
            ),
            (
                "preview",
                &consult.preview,
                "{pages}",
                "As it will print: {pages} pages",
            ),
            (
                "settings_broken",
                &staff.settings_broken,
                "{problem}",
                "The settings file cannot be read: {problem}",
            ),
            (
                "pictures_unreadable",
                &staff.pictures_unreadable,
                "{files}",
                "These pictures cannot be shown: {files}.",
            ),
            (
                "stats_not_saved",
                &staff.stats_not_saved,
                "{file}",
                "Visits cannot be saved to {file}.",
            ),
            (
                "handout_saved",
                &consult.handout_saved,
                "{file}",
                "Saved in {folder} as {file}.",
            ),
            (
                "handout_saved",
                &consult.handout_saved,
                "{folder}",
                "Saved in {folder} as {file}.",
            ),
            (
                "reload_failed",
                &staff.reload_failed,
                "{problems}",
                "{problems} problems.",
            ),
            (
                "idle_timeout",
                &staff.idle_timeout,
                "{seconds}",
                "Start over after {seconds} seconds.",
            ),
            (
                "page_footer",
                &handout.page_footer,
                "{page}",
                "Page {page} of {total}",
            ),
            (
                "page_footer",
                &handout.page_footer,
                "{total}",
                "Page {page} of {total}",
            ),
        ];
        for (key, value, placeholder, example) in templates {
            if !value.contains(placeholder) {
                self.error(interface.file.diagnostic_at_key(
                    key,
                    format!("`{key}` must contain {placeholder}, like \"{example}\"."),
                ));
            }
        }
    }

    fn check_clinic(&mut self, deck: &Parsed<DeckFile>, clinic: &Parsed<ClinicText>) {
        let file = &clinic.file;
        let text = &clinic.value;
        for (key, value) in [
            ("name", &text.name),
            ("department", &text.department),
            ("virtual_visits", &text.virtual_visits),
            ("patient_portal", &text.patient_portal),
        ] {
            if value.trim().is_empty() {
                self.error(file.diagnostic_at_key(key, format!("`{key}` is empty.")));
            }
        }
        for id in deck.value.phones.keys() {
            if !text.phone_labels.contains_key(id) {
                self.error(file.diagnostic_at_key(
                    "phone_labels",
                    format!(
                        "The phone \"{id}\" from deck.ron has no label here. Add \"{id}\": \"...\"."
                    ),
                ));
            }
        }
        for (id, label) in &text.phone_labels {
            if !deck.value.phones.contains_key(id) {
                self.error(file.diagnostic_at_value(
                    "",
                    id,
                    0,
                    format!(
                        "There is no phone \"{id}\" in deck.ron. Use one of: {}.",
                        quoted_list(deck.value.phones.keys())
                    ),
                ));
            } else if label.trim().is_empty() {
                self.error(file.diagnostic_at_value(
                    "",
                    id,
                    0,
                    format!("The phone \"{id}\" has an empty label."),
                ));
            }
        }
    }

    fn check_topic(
        &mut self,
        deck: &Parsed<DeckFile>,
        clinic: Option<&ClinicText>,
        topic: &Parsed<Topic>,
        topic_ids: &HashSet<&str>,
        page_ids: &HashSet<&str>,
    ) {
        let file = &topic.file;
        let value = &topic.value;
        // `{phone:ID}` names a number of deck.ron: every one must be there.
        for (at, _) in file.text.match_indices(super::model::PHONE_PLACEHOLDER) {
            let after = &file.text[at + super::model::PHONE_PLACEHOLDER.len()..];
            let id = after.find(['}', '"']).map_or(after, |end| &after[..end]);
            let closed = after[id.len()..].starts_with('}');
            if !closed || !deck.value.phones.contains_key(id) {
                let known = quoted_list(deck.value.phones.keys());
                self.error(file.diagnostic_at_offset(
                    at,
                    format!(
                        "`{{phone:{id}}}` names no phone number of deck.ron. Write `{{phone:ID}}` with one of: {known}."
                    ),
                ));
            }
        }
        if value.title.trim().is_empty() {
            self.error(file.diagnostic_at_key(
                "title",
                format!("The topic \"{}\" has an empty title.", value.id),
            ));
        }
        if value.subtitle.trim().is_empty() {
            self.error(file.diagnostic_at_key(
                "subtitle",
                format!("The topic \"{}\" has an empty subtitle.", value.id),
            ));
        }
        if let Some(icon) = &value.icon {
            self.check_image(file, "icon", icon);
        }
        self.check_review(file, value);
        if value.pages.is_empty() {
            self.error(file.diagnostic_at_key(
                "pages",
                format!(
                    "The topic \"{}\" has no pages. Add at least one Page(...).",
                    value.id
                ),
            ));
        }
        if value.pages.len() > super::budget::MAX_PAGES_PER_TOPIC {
            self.error(file.diagnostic_at_key(
                "pages",
                format!(
                    "The topic \"{}\" has {} pages; a topic may have at most {}. Split it into more topics.",
                    value.id,
                    value.pages.len(),
                    super::budget::MAX_PAGES_PER_TOPIC
                ),
            ));
        }
        let mut seen_in_file: HashMap<&str, usize> = HashMap::new();
        for page in &value.pages {
            let nth = *seen_in_file
                .entry(page.id.as_str())
                .and_modify(|n| *n += 1)
                .or_insert(0);
            let at_page = |message: String| file.diagnostic_at_value("id", &page.id, nth, message);
            let mut problems = Vec::new();
            if page.id.trim().is_empty() {
                problems.push("A page has an empty id.".to_owned());
            }
            if page.title.trim().is_empty() {
                problems.push(format!("The page \"{}\" has an empty title.", page.id));
            }
            if page.blocks.is_empty() {
                problems.push(format!(
                    "The page \"{}\" is empty. Add at least one block, like Paragraph(\"...\").",
                    page.id
                ));
            }
            for (index, block) in page.blocks.iter().enumerate() {
                if let Some(problem) = block_problem(block, &deck.value.phones) {
                    problems.push(format!(
                        "In the page \"{}\", block {} ({}): {problem}",
                        page.id,
                        index + 1,
                        block_kind(block)
                    ));
                }
            }
            problems.extend(super::budget::page_problem(page));
            problems.extend(qr_code_problems(page, clinic, &deck.value.phones));
            for problem in problems {
                self.error(at_page(problem));
            }
            for block in &page.blocks {
                self.check_references(file, block, &deck.value.phones, topic_ids, page_ids);
            }
        }
    }

    /// Links, pictures and phone numbers that point at something that does not exist.
    fn check_references(
        &mut self,
        file: &SourceFile,
        block: &Block,
        phones: &BTreeMap<String, String>,
        topic_ids: &HashSet<&str>,
        page_ids: &HashSet<&str>,
    ) {
        match block {
            Block::Figure {
                source: FigureSource::Image(name),
                ..
            } => self.check_image(file, "Image", name),
            Block::Contact { phones: ids, .. } => {
                for id in ids.iter().filter(|id| !phones.contains_key(*id)) {
                    self.error(file.diagnostic_at_value(
                        "",
                        id,
                        0,
                        format!(
                            "There is no phone \"{id}\" in deck.ron. Use one of: {}.",
                            quoted_list(phones.keys())
                        ),
                    ));
                }
            }
            Block::GoTo(links) => {
                for link in links {
                    let (key, id, exists, what) = match &link.to {
                        Target::Topic(id) => {
                            ("Topic", id, topic_ids.contains(id.as_str()), "topic")
                        }
                        Target::Page(id) => (
                            "Page",
                            id,
                            self.pages_unknown || page_ids.contains(id.as_str()),
                            "page",
                        ),
                    };
                    if !exists {
                        self.error(file.diagnostic_at_value(
                            key,
                            id,
                            0,
                            format!("The button \"{}\" goes to the {what} \"{id}\", which does not exist.", link.label),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

/// The `.ron` files of a folder listing, sorted by name.
fn ron_files(entries: fs::ReadDir) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    paths.sort();
    paths
}

/// The colour names diagrams may use: the palette of the design tokens.
fn diagram_colors() -> std::collections::BTreeSet<String> {
    crate::theme::Theme::bundled()
        .diagram
        .colors
        .into_keys()
        .collect()
}

/// A problem inside one block that needs no other file to see, if there is one.
fn block_problem(block: &Block, phones: &BTreeMap<String, String>) -> Option<String> {
    let blank = |text: &str| text.trim().is_empty();
    match block {
        Block::Heading(text) | Block::Paragraph(text) if blank(text) => {
            Some("the text is empty.".to_owned())
        }
        Block::Bullets(items) if items.is_empty() => Some("the list has no items.".to_owned()),
        Block::Bullets(items) if items.iter().any(|item| blank(item)) => {
            Some("one of the items is empty.".to_owned())
        }
        Block::KeyFact { title, text } if blank(title) || blank(text) => {
            Some("both `title` and `text` need words.".to_owned())
        }
        Block::Table { columns, .. } if columns.is_empty() => {
            Some("the table has no columns.".to_owned())
        }
        Block::Table { rows, .. } if rows.is_empty() => Some("the table has no rows.".to_owned()),
        Block::Table { columns, rows, .. } => rows
            .iter()
            .position(|row| row.len() != columns.len())
            .map(|index| {
                format!(
                    "row {} has {} cell(s), but the table has {} column(s).",
                    index + 1,
                    rows[index].len(),
                    columns.len()
                )
            }),
        Block::Figure { alt, .. } if blank(alt) => {
            Some("`alt` is empty. Describe the picture for people who cannot see it.".to_owned())
        }
        Block::Figure {
            print_caption: Some(words),
            ..
        } if blank(words) => {
            Some("`print_caption` is empty. Give the words for paper, or leave it out.".to_owned())
        }
        Block::Contact { title, .. } if blank(title) => Some("the title is empty.".to_owned()),
        Block::Contact { phones: ids, .. } if ids.is_empty() => Some(format!(
            "no phones are listed. Use some of: {}.",
            quoted_list(phones.keys())
        )),
        Block::GoTo(links) if links.is_empty() => Some("there are no buttons.".to_owned()),
        Block::GoTo(links) if links.iter().any(|link| blank(&link.label)) => {
            Some("a button has no label.".to_owned())
        }
        Block::QrCode { caption } if blank(caption) => Some(
            "the caption is empty. Say what the code is for, like \"Scan to keep this list.\""
                .to_owned(),
        ),
        _ => None,
    }
}

/// What keeps the QR code blocks of a page from working: no list for them to hold, or more
/// text than a QR code can hold. The size is only checked with the clinic's words, which a
/// broken `clinic.ron` (reported on its own) does not give.
fn qr_code_problems(
    page: &Page,
    clinic: Option<&ClinicText>,
    phones: &BTreeMap<String, String>,
) -> Vec<String> {
    let Some(index) = page
        .blocks
        .iter()
        .position(|block| matches!(block, Block::QrCode { .. }))
    else {
        return Vec::new();
    };
    let at = format!("In the page \"{}\", block {} (QrCode)", page.id, index + 1);
    let mut problems = Vec::new();
    if !qr::page_has_bullets(page) {
        problems.push(format!(
            "{at}: the page has no Bullets list for the code to hold. Add the questions or \
             steps as Bullets([...])."
        ));
    }
    if let Some(clinic) = clinic {
        let payload = qr::page_payload(page, clinic, phones);
        if let Err(error) = QrModules::check(&payload) {
            problems.push(format!("{at}: {error}"));
        }
    }
    problems
}

/// The name an editor writes for a block.
fn block_kind(block: &Block) -> &'static str {
    match block {
        Block::Heading(_) => "Heading",
        Block::Paragraph(_) => "Paragraph",
        Block::Bullets(_) => "Bullets",
        Block::KeyFact { .. } => "KeyFact",
        Block::Table { .. } => "Table",
        Block::Figure { .. } => "Figure",
        Block::Contact { .. } => "Contact",
        Block::GoTo(_) => "GoTo",
        Block::QrCode { .. } => "QrCode",
    }
}

/// A folder or language name with no path tricks in it.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// A file name with no folder in it.
/// What is wrong with an id, if anything: ids name files (a page's picture, a page of the web
/// site) and so must be plain names, small letters, digits and dashes, never a path.
pub(super) fn id_problem(what: &str, id: &str) -> Option<String> {
    let plain = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || byte == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    (!plain).then(|| {
        format!(
            "The {what} id \"{}\" is not a plain name. Use only small letters, digits and dashes (at most 64), like \"risks-general\".",
            id.escape_debug()
        )
    })
}

fn is_plain_file_name(name: &str) -> bool {
    !name.contains(['/', '\\']) && name != "." && name != ".."
}

/// `"a", "b"` for a message.
fn quoted_list<'a>(values: impl IntoIterator<Item = &'a String>) -> String {
    let list: Vec<String> = values
        .into_iter()
        .map(|value| format!("\"{value}\""))
        .collect();
    if list.is_empty() {
        "(none yet)".to_owned()
    } else {
        list.join(", ")
    }
}
