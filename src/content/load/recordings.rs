//! Reading and checking recorded sentences (`content/<language>/recordings.ron` and its
//! `recordings/` folder of WAV files): every file there and playable, no sentence twice, and
//! every sentence one the Listen button still says, so a recording older than its text is
//! never played.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use super::super::budget::{MAX_RECORDED_SECS_A_READING, MAX_RECORDINGS};
use super::super::deck::Deck;
use super::super::model::Recording;
use super::{LanguageFiles, Loader, Parsed};
use crate::narration::{every_script, recording_info};

/// The folder of a language's recordings.
pub(super) fn recordings_dir(language_dir: &Path) -> PathBuf {
    language_dir.join("recordings")
}

/// A language's recorded sentences: the words, and the WAV file that says them.
pub(super) fn recorded_sentences(
    language_dir: &Path,
    recordings: Option<&Parsed<Vec<Recording>>>,
) -> BTreeMap<String, PathBuf> {
    let dir = recordings_dir(language_dir);
    recordings
        .iter()
        .flat_map(|parsed| &parsed.value)
        .map(|recording| (recording.text.clone(), dir.join(&recording.file)))
        .collect()
}

impl Loader<'_> {
    /// Every recording of a language names a WAV file in its folder that can be played, and
    /// no sentence is recorded twice. Returns each file's length.
    pub(super) fn check_recording_files(
        &mut self,
        language: &LanguageFiles,
    ) -> HashMap<PathBuf, u64> {
        let mut lengths_ms = HashMap::new();
        let Some(parsed) = &language.recordings else {
            return lengths_ms;
        };
        let file = &parsed.file;
        if parsed.value.len() > MAX_RECORDINGS {
            self.error(file.diagnostic_at_offset(
                0,
                format!(
                    "This file lists {} recordings; a language may have at most {MAX_RECORDINGS}.",
                    parsed.value.len()
                ),
            ));
            return lengths_ms;
        }
        let dir = recordings_dir(&self.paths.content_dir.join(&language.code));
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut files_seen: HashMap<&str, usize> = HashMap::new();
        for recording in &parsed.value {
            let text_nth = seen.entry(&recording.text).or_default();
            if *text_nth > 0 {
                self.error(file.diagnostic_at_value(
                    "text",
                    &recording.text,
                    *text_nth,
                    "This sentence is recorded twice. Keep one of the two.".to_owned(),
                ));
            }
            *text_nth += 1;
            let file_nth = files_seen.entry(&recording.file).or_default();
            let at = *file_nth;
            *file_nth += 1;
            let problem = if !recording.file.ends_with(".wav")
                || !super::is_plain_file_name(&recording.file)
            {
                Some(format!(
                    "\"{}\" must be the name of a .wav file in {}, without folders or `..`.",
                    recording.file,
                    shown(&dir)
                ))
            } else {
                let path = dir.join(&recording.file);
                if !path.is_file() {
                    Some(format!(
                        "The recording \"{}\" is not in {}. Check the spelling, or add the file.",
                        recording.file,
                        shown(&dir)
                    ))
                } else {
                    match recording_info(&path) {
                        Ok(info) => {
                            lengths_ms.insert(path, info.duration_ms);
                            None
                        }
                        Err(why) => Some(format!(
                            "The recording \"{}\" cannot be played: {why}.",
                            recording.file
                        )),
                    }
                }
            };
            if let Some(problem) = problem {
                self.error(file.diagnostic_at_value("file", &recording.file, at, problem));
            }
        }
        lengths_ms
    }

    /// Every recorded sentence is one the Listen button still says in that language (else the
    /// words changed since it was recorded), and nothing the Listen button reads holds more
    /// recorded sound than the budget. Called once the deck is built.
    pub(super) fn check_recordings_said(
        &mut self,
        deck: &Deck,
        language: usize,
        parsed: &Parsed<Vec<Recording>>,
        lengths_ms: &HashMap<PathBuf, u64>,
    ) {
        let scripts = every_script(deck, language);
        let said: BTreeSet<&str> = (scripts.iter())
            .flat_map(|script| &script.sentences)
            .map(|sentence| sentence.text.as_str())
            .collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for recording in &parsed.value {
            let nth = seen.entry(&recording.text).or_default();
            if !said.contains(recording.text.as_str()) {
                self.error(parsed.file.diagnostic_at_value(
                    "text",
                    &recording.text,
                    *nth,
                    "The Listen button never says these words: the text has changed since this \
                     sentence was recorded (or `text` is not one sentence as it is said). Record \
                     it again with the new words and change `text` to match, or remove this \
                     line; `patient-kiosk check --narration` lists the sentences said."
                        .to_owned(),
                ));
            }
            *nth += 1;
        }
        let recorded = &deck.language(language).recordings;
        for script in &scripts {
            let total_ms: u64 = (script.sentences.iter())
                .filter_map(|sentence| lengths_ms.get(recorded.get(&sentence.text)?))
                .sum();
            if total_ms > MAX_RECORDED_SECS_A_READING * 1000 {
                let first = (script.sentences.iter())
                    .map(|sentence| sentence.text.as_str())
                    .find(|text| recorded.contains_key(*text))
                    .unwrap_or_default();
                self.error(parsed.file.diagnostic_at_value(
                    "text",
                    first,
                    0,
                    format!(
                        "What the Listen button reads from \"{first}\" on holds {:.0} s of \
                         recordings; one page, question or part may hold at most {} minutes. \
                         Record shorter sentences, or split the page.",
                        total_ms as f64 / 1000.0,
                        MAX_RECORDED_SECS_A_READING / 60
                    ),
                ));
                return;
            }
        }
    }
}

fn shown(dir: &Path) -> String {
    super::super::diagnostic::shown_path(dir)
}

/// How many of the sentences the Listen button says in `language` have a recording, and those
/// that have none, in reading order.
pub fn unrecorded_sentences(deck: &Deck, language: usize) -> (usize, Vec<String>) {
    let recorded = &deck.language(language).recordings;
    let mut seen = BTreeSet::new();
    let mut missing = Vec::new();
    let mut total = 0;
    for script in every_script(deck, language) {
        for sentence in script.sentences {
            if seen.insert(sentence.text.clone()) {
                total += 1;
                if !recorded.contains_key(&sentence.text) {
                    missing.push(sentence.text);
                }
            }
        }
    }
    (total, missing)
}
