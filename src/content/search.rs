//! The consultation index's search, as a clinician types it: every word of the query must be
//! found on the page, as typed, through a word the clinic says means the same (its synonyms in
//! `content/<language>/synonyms.ron`: "incision" finds "cut", "C-arm" finds "fluoroscope"), or
//! with a slip of the finger ("fluroscope" finds "fluoroscope"). Capitals and Spanish accents
//! never matter. No egui here.

use std::collections::BTreeMap;

/// `text` in lower case without accents ("Cirugía" and "cirugia" are the same word).
pub fn folded(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// How many slips a word of this many letters may have and still be found: none under 5
/// letters (too many short words are near each other), 1 up to 8, then 2.
fn slips_allowed(letters: usize) -> usize {
    match letters {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// Whether `word` (folded) is a word of `text` (folded), or the start of one (typed part
/// way), but for at most the slips its length allows: a letter left out, added, changed, or two
/// swapped.
fn near_a_word_of(word: &str, text: &str) -> bool {
    let typed = word.chars().count();
    let slips = slips_allowed(typed);
    slips > 0
        && text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|candidate| {
                let letters: Vec<char> = candidate.chars().collect();
                (typed - slips..=typed + slips).any(|length| {
                    let head: String = letters.iter().take(length).collect();
                    strsim::damerau_levenshtein(word, &head) <= slips
                })
            })
}

/// Whether every word of `query` is on the page whose words are `text` (folded, as
/// [`crate::content::Language::search_text`] gives it), as typed, through one of its
/// `synonyms` (folded keys), or with the slips its length allows.
pub fn page_matches(text: &str, query: &str, synonyms: &BTreeMap<String, Vec<String>>) -> bool {
    let query = folded(query);
    query.split_whitespace().all(|word| {
        text.contains(word)
            || synonyms
                .get(word)
                .is_some_and(|same| same.iter().any(|other| text.contains(&folded(other))))
            || near_a_word_of(word, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synonyms() -> BTreeMap<String, Vec<String>> {
        BTreeMap::from([
            ("incision".to_owned(), vec!["cut".to_owned()]),
            ("c-arm".to_owned(), vec!["fluoroscope".to_owned()]),
        ])
    }

    #[test]
    fn a_word_is_found_as_typed_through_a_synonym_or_with_a_slip() {
        let text =
            folded("The fluoroscope is an X-ray machine. Small cuts heal. Cirugía de columna.");
        let synonyms = synonyms();
        assert!(page_matches(&text, "X-RAY", &synonyms), "capitals");
        assert!(page_matches(&text, "fluoro", &synonyms), "part of a word");
        assert!(
            page_matches(&text, "fluroscope", &synonyms),
            "a letter left out"
        );
        assert!(page_matches(&text, "flouroscope", &synonyms), "two swapped");
        assert!(page_matches(&text, "flurosc", &synonyms), "a slip part way");
        assert!(page_matches(&text, "incision", &synonyms), "a synonym");
        assert!(
            page_matches(&text, "C-arm machine", &synonyms),
            "a synonym and a word"
        );
        assert!(page_matches(&text, "cirugia", &synonyms), "no accent");
        assert!(!page_matches(&text, "zebra", &synonyms));
        assert!(
            !page_matches(&text, "cats", &synonyms),
            "no slips in short words"
        );
        assert!(
            !page_matches(&text, "fluoroscope zebra", &synonyms),
            "every word"
        );
    }
}
