//! `layout`: every screen walked on the kiosk screens clinics mount, at every reading setting,
//! and what a person would see go wrong on each (see [`crate::overlap`]).

use std::process::ExitCode;

use super::good_deck;
use crate::content::ContentPaths;
use crate::overlap::{KIOSK_SCREENS, KioskScreen, Reading, walk};
use crate::theme::TextSize;

/// Walks the content at `paths` on the screens named in `screens` (every kiosk screen when
/// empty), in the languages by code in `langs` (every language when empty); prints each
/// problem, then a count per screen size. Exits 1 when there is any.
pub(super) fn layout(
    paths: &ContentPaths,
    screens: &[String],
    langs: &[String],
    quiet: bool,
) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "the layout is checked only on good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let (chosen, languages) = choose(&deck, screens, langs)?;
    let mut total = 0;
    let mut table = Vec::new();
    for screen in chosen {
        let mut count = 0;
        for reading in Reading::every(languages.iter().copied()) {
            for (name, problems) in walk(&deck, screen, reading) {
                count += problems.len();
                if quiet {
                    continue;
                }
                let code = &deck.languages[reading.language].code;
                let contrast = if reading.high_contrast {
                    " high contrast"
                } else {
                    ""
                };
                for problem in problems {
                    println!(
                        "{} {code} {:?}{contrast}, {name}: {problem}",
                        screen.name, reading.text
                    );
                }
            }
        }
        table.push((screen.name, count));
        total += count;
    }
    println!("problems by screen:");
    for (name, count) in table {
        println!("  {name:>10}  {count}");
    }
    Ok(if total == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Describes everything seen on the screen named `name` on the first of `screens` (or
/// 1920x1080) in the first of `langs` (or the deck's default), at `text` size.
pub(super) fn explain(
    paths: &ContentPaths,
    (screens, langs): (&[String], &[String]),
    name: &str,
    (text, high_contrast): (TextSize, bool),
) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "the layout is checked only on good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let (chosen, languages) = choose(&deck, screens, langs)?;
    let screen = if screens.is_empty() {
        KIOSK_SCREENS[4]
    } else {
        chosen[0]
    };
    let language = if langs.is_empty() {
        deck.default_language
    } else {
        languages[0]
    };
    let reading = Reading {
        language,
        text,
        high_contrast,
    };
    let lines = crate::overlap::explain(&deck, screen, reading, name);
    if lines.is_empty() {
        anyhow::bail!("no screen is named {name:?} (the problems name them)");
    }
    for line in lines {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The kiosk screens named (every one when none is) and the languages' indexes by code
/// (every one when none is).
fn choose(
    deck: &crate::content::Deck,
    screens: &[String],
    langs: &[String],
) -> anyhow::Result<(Vec<KioskScreen>, Vec<usize>)> {
    if let Some(unknown) = screens.iter().find(|name| {
        !KIOSK_SCREENS
            .iter()
            .any(|screen| screen.name == name.as_str())
    }) {
        let known: Vec<&str> = KIOSK_SCREENS.iter().map(|screen| screen.name).collect();
        anyhow::bail!("no kiosk screen {unknown:?}: one of {}", known.join(", "));
    }
    let languages: Vec<usize> = (0..deck.languages.len())
        .filter(|&index| langs.is_empty() || langs.contains(&deck.languages[index].code))
        .collect();
    if languages.is_empty() {
        anyhow::bail!("no language {}", langs.join(", "));
    }
    let chosen = KIOSK_SCREENS
        .iter()
        .filter(|screen| screens.is_empty() || screens.iter().any(|name| name == screen.name))
        .copied()
        .collect();
    Ok((chosen, languages))
}
