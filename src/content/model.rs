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

    /// The patient portal's web address, e.g. `"https://mychart.clevelandclinic.org/"`: a
    /// take-home handout shows it as a QR code (none without it).
    #[serde(default)]
    pub portal_url: Option<String>,

    /// The page of questions to ask the care team, by page id: the end of every quiz leads
    /// there (no button without it).
    #[serde(default)]
    pub questions_page: Option<String>,

    /// The diagrams the attract screen shows in a waiting room, in order, by id (default:
    /// every diagram the pages show). A diagram of risks is better read with its page.
    #[serde(default)]
    pub attract: Option<Vec<String>>,
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

/// One sentence of `content/<language>/recordings.ron`: a person's voice saying it, said by
/// the Listen button instead of the generated voice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Recording {
    /// The sentence, exactly as the Listen button says it (`patient-kiosk speak` prints every
    /// sentence of a page; `check --narration` lists those not recorded yet).
    pub text: String,
    /// A WAV file in `content/<language>/recordings/` (16-bit PCM, mono or stereo).
    pub file: String,
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

    /// Over the first topic's title on the home screen: where to begin.
    pub start_here: String,

    /// Under a topic on the home screen that the patient has read in this visit.
    pub seen: String,

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

    /// Button beside a figure's caption that shows the figure on the whole screen.
    pub enlarge: String,

    /// Button that goes from a figure on the whole screen back to its page.
    pub back_to_page: String,

    /// Button under a diagram part's explanation that closes it.
    pub close_part: String,

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

    /// Read out for the normal text size button (it shows a small "A").
    pub text_normal: String,

    /// Read out for the large text size button.
    pub text_large: String,

    /// Read out for the extra large text size button.
    pub text_extra_large: String,

    /// The button that switches the high-contrast look on and off.
    pub high_contrast: String,

    /// Heading of a topic's quiz.
    pub quiz_title: String,

    /// Progress in a quiz, with `{question}` and `{total}` in it.
    pub question_of: String,

    /// After a right answer.
    pub quiz_right: String,

    /// After a wrong answer: kind, then the right answer follows.
    pub quiz_wrong: String,

    /// Goes to the page the answer comes from.
    pub quiz_show_page: String,

    /// Goes on to the next question.
    pub quiz_next: String,

    /// No longer shown (after the last question, Next names the next topic, or says all
    /// topics): read, if a content folder still has it, and left alone.
    #[serde(default)]
    pub quiz_done: String,

    /// The mark that shows consultation mode (for clinicians).
    pub consult_mark: String,

    /// The button and title of the index of every topic, page and picture.
    pub index: String,

    /// What the index's search box says while it is empty.
    pub search: String,

    /// When the index's search finds nothing.
    pub no_results: String,

    /// A button that opens a diagram at one step, with `{step}` in it.
    pub step_n: String,

    /// Consultation mode's drawing tools and handout (for clinicians).
    pub consult: ConsultText,

    /// The PIN pad and the staff menu.
    pub staff: StaffText,

    /// The take-home handout a clinician prints or saves.
    pub handout: HandoutWords,

    /// The Listen button, which reads a page aloud.
    pub listen: ListenText,

    /// What the kiosk says to a patient using a keypad (speech mode).
    pub keypad: KeypadText,

    /// The marks on a quiz's answers, trying again, and the summary at its end.
    pub quiz: QuizText,
}

/// A quiz's answers marked right and wrong (with an icon and these words, never colour
/// alone), trying again, and the kind summary at its end, in `interface.ron` under `quiz`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizText {
    /// On the answer chosen, when it is right.
    pub right: String,
    /// On the answer chosen, when it is not.
    pub not_right: String,
    /// On the right answer, after a wrong one was chosen.
    pub right_answer: String,
    /// After a wrong answer: choose again.
    pub try_again: String,
    /// At the end of a quiz, with `{right}` and `{total}` in it.
    pub summary: String,
    /// Under the summary: kind words, and what the button below it is for.
    pub summary_note: String,
    /// Goes to the questions to ask the care team (`questions_page` in `deck.ron`).
    pub questions: String,
}

impl QuizText {
    /// Every field with its name, for checks.
    pub fn fields(&self) -> [(&'static str, &String); 7] {
        [
            ("right", &self.right),
            ("not_right", &self.not_right),
            ("right_answer", &self.right_answer),
            ("try_again", &self.try_again),
            ("summary", &self.summary),
            ("summary_note", &self.summary_note),
            ("questions", &self.questions),
        ]
    }
}

/// What the kiosk says in speech mode, when a patient moves with a keypad's keys, in
/// `interface.ron` under `keypad`. Spoken, never shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeypadText {
    /// After a button's name: what it is.
    pub button: String,
    /// After a picture's description: what it is.
    pub picture: String,
    /// After the name of something switched on or chosen (a text size, an open part).
    pub chosen: String,
    /// Where the patient is, with `{title}` (the screen's title).
    pub where_screen: String,
    /// What has the keypad's focus, with `{control}`.
    pub on_control: String,
    /// When nothing has focus yet: how to get to the first control.
    pub nothing_focused: String,
    /// How to use the keys, said by the Help key.
    pub how: String,
    /// Said when the Back key has nowhere to go back to.
    pub no_back: String,
}

impl KeypadText {
    /// Every field with its name, for checks.
    pub fn fields(&self) -> [(&'static str, &String); 8] {
        [
            ("button", &self.button),
            ("picture", &self.picture),
            ("chosen", &self.chosen),
            ("where_screen", &self.where_screen),
            ("on_control", &self.on_control),
            ("nothing_focused", &self.nothing_focused),
            ("how", &self.how),
            ("no_back", &self.no_back),
        ]
    }
}

/// The words of the Listen button and its controls, in `interface.ron` under `listen`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListenText {
    /// The button that reads the page aloud (and goes on after a pause).
    pub listen: String,
    /// While the voice gets the page ready.
    pub getting_ready: String,
    /// The button that pauses the reading, keeping its place.
    pub pause: String,
    /// The button that stops the reading.
    pub stop: String,
    /// Makes the voice quieter.
    pub quieter: String,
    /// Makes the voice louder.
    pub louder: String,
    /// What the two change, said with them to screen readers with the volume's number:
    /// "Quieter (Volume 3/10)".
    pub volume: String,
    /// On a walk-through: plays it as a narrated animation (and goes on after a pause).
    pub play: String,
    /// While a walk-through plays: its step again, motion and words.
    pub replay: String,
    /// While Listen reads: go on to the next page at the end of this one (a switch).
    pub keep_reading: String,
    /// On the home screen: plays every walk-through in order.
    pub watch: String,
}

impl ListenText {
    /// Every field with its name, for checks.
    pub fn fields(&self) -> [(&'static str, &String); 11] {
        [
            ("listen", &self.listen),
            ("play", &self.play),
            ("replay", &self.replay),
            ("keep_reading", &self.keep_reading),
            ("watch", &self.watch),
            ("getting_ready", &self.getting_ready),
            ("pause", &self.pause),
            ("stop", &self.stop),
            ("quieter", &self.quieter),
            ("louder", &self.louder),
            ("volume", &self.volume),
        ]
    }
}

/// The words of the take-home handout (a PDF), in `interface.ron` under `handout`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoutWords {
    /// The handout's title, under the clinic's name.
    pub title: String,
    /// Heading of the QR codes to call the clinic and open the patient portal.
    pub contact_heading: String,
    /// Over each phone's QR code.
    pub call_us: String,
    /// Over the patient portal's QR code.
    pub portal: String,
    /// Heading of the ruled lines to write questions on.
    pub my_questions: String,
    /// Under that heading: what the lines are for.
    pub questions_hint: String,
    /// At the foot of every page, with `{page}` and `{total}` in it.
    pub page_footer: String,
    /// Heading of what the clinician fills in (or writes by hand on the lines left).
    pub care_team: String,
    /// The name of the procedure planned.
    pub procedure: String,
    /// The level of the spine (such as L4-L5).
    pub spine_level: String,
    /// The date of surgery.
    pub date: String,
    /// What the patient is to do.
    pub instructions: String,
    /// The next appointment.
    pub next_appointment: String,
}

impl HandoutWords {
    /// Every field with its name, for checks.
    pub fn fields(&self) -> [(&'static str, &String); 13] {
        [
            ("care_team", &self.care_team),
            ("procedure", &self.procedure),
            ("spine_level", &self.spine_level),
            ("date", &self.date),
            ("instructions", &self.instructions),
            ("next_appointment", &self.next_appointment),
            ("title", &self.title),
            ("contact_heading", &self.contact_heading),
            ("call_us", &self.call_us),
            ("portal", &self.portal),
            ("my_questions", &self.my_questions),
            ("questions_hint", &self.questions_hint),
            ("page_footer", &self.page_footer),
        ]
    }

    /// "Page 1 of 3", from [`Self::page_footer`].
    pub fn page_footer(&self, page: usize, total: usize) -> String {
        self.page_footer
            .replace("{page}", &page.to_string())
            .replace("{total}", &total.to_string())
    }
}

/// The words of consultation mode's drawing tools and handout, in `interface.ron` under
/// `consult`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsultText {
    /// The tool that taps and scrolls as usual.
    pub touch: String,
    /// The tool that draws.
    pub pen: String,
    /// The tool that shows a bright dot with a fading trail.
    pub pointer: String,
    /// The pen colours' names, in the order of the design tokens (read out for the colour
    /// buttons).
    pub ink_colors: Vec<String>,
    /// The thin pen.
    pub thin: String,
    /// The thick pen.
    pub thick: String,
    /// Takes back the last drawing on screen.
    pub undo: String,
    /// Removes every drawing on screen.
    pub clear: String,
    /// Puts the page showing into the handout (or takes it out).
    pub add_page: String,
    /// Under a diagram: puts it, at the step showing, into the handout.
    pub add_diagram: String,
    /// Opens the handout, with `{count}` (how many things are in it).
    pub handout: String,
    /// Title of the handout screen.
    pub handout_title: String,
    /// When nothing has been added yet.
    pub handout_empty: String,
    /// Takes one thing out of the handout.
    pub remove: String,
    /// Makes the PDF.
    pub create_handout: String,
    /// After the PDF is saved, with `{folder}` (as the file manager shows it from home) and
    /// `{file}` (its name).
    pub handout_saved: String,
    /// While the PDF is being made.
    pub handout_making: String,
    /// When the PDF could not be made or saved.
    pub handout_failed: String,
    /// Sends the saved PDF to the printer.
    pub print: String,
    /// After the PDF went to the printer.
    pub printed: String,
    /// When printing did not work.
    pub print_failed: String,
    /// Heading of what the clinician writes on the handout.
    pub notes_title: String,
    /// Under that heading: what to write, and never the patient's name.
    pub notes_hint: String,
    /// The button that shows the on-screen keyboard.
    pub keyboard: String,
    /// The keyboard's space bar.
    pub keyboard_space: String,
    /// The keyboard's key that removes the last letter.
    pub keyboard_delete: String,
    /// The keyboard's key that makes the next letter a capital.
    pub keyboard_shift: String,
    /// The keyboard's key that closes it.
    pub keyboard_done: String,
    /// The button that moves a handout item up the list.
    pub move_up: String,
    /// The button that moves a handout item down the list.
    pub move_down: String,
    /// Heading of the handout's pages as they will print, with `{pages}` in it.
    pub preview: String,
}

impl ConsultText {
    /// Every one-line field with its name, for checks (`ink_colors` is checked on its own).
    pub fn fields(&self) -> [(&'static str, &String); 30] {
        [
            ("touch", &self.touch),
            ("pen", &self.pen),
            ("pointer", &self.pointer),
            ("thin", &self.thin),
            ("thick", &self.thick),
            ("undo", &self.undo),
            ("clear", &self.clear),
            ("add_page", &self.add_page),
            ("add_diagram", &self.add_diagram),
            ("handout", &self.handout),
            ("handout_title", &self.handout_title),
            ("handout_empty", &self.handout_empty),
            ("remove", &self.remove),
            ("create_handout", &self.create_handout),
            ("handout_saved", &self.handout_saved),
            ("handout_making", &self.handout_making),
            ("handout_failed", &self.handout_failed),
            ("print", &self.print),
            ("printed", &self.printed),
            ("print_failed", &self.print_failed),
            ("notes_title", &self.notes_title),
            ("notes_hint", &self.notes_hint),
            ("keyboard", &self.keyboard),
            ("keyboard_space", &self.keyboard_space),
            ("keyboard_delete", &self.keyboard_delete),
            ("keyboard_shift", &self.keyboard_shift),
            ("keyboard_done", &self.keyboard_done),
            ("move_up", &self.move_up),
            ("move_down", &self.move_down),
            ("preview", &self.preview),
        ]
    }
}

/// The words of the PIN pad and the staff menu, in `interface.ron` under `staff`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffText {
    /// Title of the PIN pad.
    pub pin_title: String,
    /// What to do on the PIN pad.
    pub pin_prompt: String,
    /// The button that tries the PIN.
    pub pin_enter: String,
    /// The button that removes the last digit.
    pub pin_delete: String,
    /// The button that closes the PIN pad.
    pub pin_cancel: String,
    /// After a wrong PIN, with `{tries}` in it.
    pub pin_wrong: String,
    /// While the pad is locked, with `{seconds}` in it.
    pub pin_locked: String,
    /// When no staff PIN has been set.
    pub pin_not_set: String,
    /// Title of the staff menu.
    pub menu_title: String,
    /// The button that closes the kiosk.
    pub exit: String,
    /// The button that reads the content folder again.
    pub reload: String,
    /// After a reload that worked, with `{pages}` in it.
    pub reloaded: String,
    /// After an update or reload that failed, with `{problems}` in it.
    pub reload_failed: String,
    /// When valid new content waits for the next patient.
    pub update_waiting: String,
    /// The button (and heading) for the content's problems.
    pub problems: String,
    /// When the content has no problems.
    pub no_problems: String,
    /// The button (and heading) for the usage statistics.
    pub statistics: String,
    /// When there are no statistics to show.
    pub no_statistics: String,
    /// Column of days in the statistics.
    pub stats_day: String,
    /// Column of visits per day.
    pub stats_visits: String,
    /// Column of the average visit length.
    pub stats_average: String,
    /// Column of page views.
    pub stats_views: String,
    /// Column of diagram parts tapped.
    pub stats_taps: String,
    /// Column of walk-through steps completed.
    pub stats_steps: String,
    /// Column of visits per language.
    pub stats_languages: String,
    /// Column of page ids in the top pages.
    pub stats_page: String,
    /// Column of the average time a page was read.
    pub stats_time_per_view: String,
    /// The idle setting, with `{seconds}` in it.
    pub idle_timeout: String,
    /// Makes the idle time shorter.
    pub shorter: String,
    /// Makes the idle time longer.
    pub longer: String,
    /// When a setting works but could not be written to the settings file.
    pub not_saved: String,
    /// Back from a part of the menu to the menu.
    pub back_to_menu: String,
    /// Closes the staff menu and starts the kiosk afresh.
    pub back_to_kiosk: String,
    /// Switches the kiosk to consultation mode.
    pub consult_on: String,
    /// Switches consultation mode back to the patient kiosk.
    pub consult_off: String,
    /// When visits cannot be saved to the statistics file, with `{file}`.
    pub stats_not_saved: String,
    /// When pictures of the content cannot be read, with `{files}`.
    pub pictures_unreadable: String,
    /// When the settings file could not be read at start, with `{problem}`.
    pub settings_broken: String,
    /// When pages cannot be read aloud (no voice, no sound), with `{reason}`.
    pub listen_unavailable: String,
    /// The content bundle showing, with `{version}` and `{date}` in it.
    pub content_version: String,
    /// When the last content bundle was refused, with `{reason}` in it.
    pub bundle_refused: String,
    /// A topic in the content that no one has approved, with `{topic}`.
    pub review_missing: String,
    /// A topic whose review is overdue, with `{topic}` and `{date}` (when it was due).
    pub review_overdue: String,
    /// After the first few topics due for review, how many more, with `{count}`: all are
    /// listed with the content's problems.
    pub reviews_more: String,
}

impl StaffText {
    /// Every field with its name, for checks.
    pub fn fields(&self) -> [(&'static str, &String); 44] {
        [
            ("pin_title", &self.pin_title),
            ("pin_prompt", &self.pin_prompt),
            ("pin_enter", &self.pin_enter),
            ("pin_delete", &self.pin_delete),
            ("pin_cancel", &self.pin_cancel),
            ("pin_wrong", &self.pin_wrong),
            ("pin_locked", &self.pin_locked),
            ("pin_not_set", &self.pin_not_set),
            ("menu_title", &self.menu_title),
            ("exit", &self.exit),
            ("reload", &self.reload),
            ("reloaded", &self.reloaded),
            ("reload_failed", &self.reload_failed),
            ("update_waiting", &self.update_waiting),
            ("problems", &self.problems),
            ("no_problems", &self.no_problems),
            ("statistics", &self.statistics),
            ("no_statistics", &self.no_statistics),
            ("stats_day", &self.stats_day),
            ("stats_visits", &self.stats_visits),
            ("stats_average", &self.stats_average),
            ("stats_views", &self.stats_views),
            ("stats_taps", &self.stats_taps),
            ("stats_steps", &self.stats_steps),
            ("stats_languages", &self.stats_languages),
            ("stats_page", &self.stats_page),
            ("stats_time_per_view", &self.stats_time_per_view),
            ("idle_timeout", &self.idle_timeout),
            ("shorter", &self.shorter),
            ("longer", &self.longer),
            ("not_saved", &self.not_saved),
            ("stats_not_saved", &self.stats_not_saved),
            ("pictures_unreadable", &self.pictures_unreadable),
            ("settings_broken", &self.settings_broken),
            ("listen_unavailable", &self.listen_unavailable),
            ("content_version", &self.content_version),
            ("bundle_refused", &self.bundle_refused),
            ("review_missing", &self.review_missing),
            ("review_overdue", &self.review_overdue),
            ("reviews_more", &self.reviews_more),
            ("back_to_menu", &self.back_to_menu),
            ("back_to_kiosk", &self.back_to_kiosk),
            ("consult_on", &self.consult_on),
            ("consult_off", &self.consult_off),
        ]
    }
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

    /// The diagram drawn small on the home tile, by id (default: the first diagram of the
    /// topic's pages).
    #[serde(default)]
    pub tile: Option<String>,

    /// Who approved the topic in this language, when, and when it is due for review. `check`
    /// warns of a topic without one or overdue, and so does the staff menu.
    #[serde(default)]
    pub review: Option<Review>,

    /// The pages, read one at a time in this order.
    pub pages: Vec<Page>,

    /// "Check what you learned": 3 to 5 questions after the topic's last page, or none.
    #[serde(default)]
    pub quiz: Vec<Question>,
}

/// A topic's approval: who, when, and when it must be looked at again.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Who approved it (a name and role, e.g. "Dr. A. Example, spine surgeon").
    pub approved_by: String,
    /// When, as `YYYY-MM-DD`.
    pub approved: String,
    /// When it is due for review, as `YYYY-MM-DD` (after `approved`).
    pub due: String,
}

impl Review {
    /// When it is due, if `due` is a date.
    pub fn due_date(&self) -> Option<jiff::civil::Date> {
        self.due.parse().ok()
    }
}

impl Block {
    /// Every text of the block (kept in step with [`Topic::texts_mut`]).
    pub fn texts(&self) -> Vec<&str> {
        match self {
            Block::Heading(text) | Block::Paragraph(text) => vec![text],
            Block::Bullets(items) => items.iter().map(String::as_str).collect(),
            Block::KeyFact { title, text } => vec![title, text],
            Block::Table {
                caption,
                columns,
                rows,
            } => (caption.iter().chain(columns).chain(rows.iter().flatten()))
                .map(String::as_str)
                .collect(),
            Block::Figure {
                alt,
                caption,
                print_caption,
                ..
            } => (std::iter::once(alt).chain(caption).chain(print_caption))
                .map(String::as_str)
                .collect(),
            Block::Contact { title, note, .. } => (std::iter::once(title).chain(note))
                .map(String::as_str)
                .collect(),
            Block::GoTo(links) => links.iter().map(|link| link.label.as_str()).collect(),
            Block::QrCode { caption } => vec![caption],
        }
    }
}

impl Topic {
    /// Every text of the topic a patient reads or hears: its title and subtitle, every page's
    /// title and words, and its quiz.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        let mut texts = vec![&mut self.title, &mut self.subtitle];
        for page in &mut self.pages {
            texts.push(&mut page.title);
            for block in &mut page.blocks {
                match block {
                    Block::Heading(text) | Block::Paragraph(text) => texts.push(text),
                    Block::Bullets(items) => texts.extend(items.iter_mut()),
                    Block::KeyFact { title, text } => texts.extend([title, text]),
                    Block::Table {
                        caption,
                        columns,
                        rows,
                    } => {
                        texts.extend(caption.iter_mut());
                        texts.extend(columns.iter_mut());
                        texts.extend(rows.iter_mut().flatten());
                    }
                    Block::Figure {
                        alt,
                        caption,
                        print_caption,
                        ..
                    } => {
                        texts.push(alt);
                        texts.extend(caption.iter_mut());
                        texts.extend(print_caption.iter_mut());
                    }
                    Block::Contact { title, note, .. } => {
                        texts.push(title);
                        texts.extend(note.iter_mut());
                    }
                    Block::GoTo(links) => {
                        texts.extend(links.iter_mut().map(|link| &mut link.label))
                    }
                    Block::QrCode { caption } => texts.push(caption),
                }
            }
        }
        for question in &mut self.quiz {
            texts.push(&mut question.ask);
            texts.extend(question.answers.iter_mut());
            texts.push(&mut question.explain);
        }
        texts
    }
}

/// Where a text names one of `deck.ron`'s phone numbers instead of typing it: `{phone:main}`.
pub const PHONE_PLACEHOLDER: &str = "{phone:";

/// `text` with every `{phone:ID}` replaced by the number `phones` gives `ID` (an unknown id is
/// left as it is: the loader reports it).
pub fn with_phone_numbers(text: &str, phones: &BTreeMap<String, String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(PHONE_PLACEHOLDER) {
        out.push_str(&rest[..at]);
        let after = &rest[at + PHONE_PLACEHOLDER.len()..];
        match after.find('}').map(|end| (&after[..end], end)) {
            Some((id, end)) if phones.contains_key(id) => {
                out.push_str(&phones[id]);
                rest = &after[end + 1..];
            }
            _ => {
                out.push_str(PHONE_PLACEHOLDER);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One question of a topic's quiz, with big answer buttons and kind feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Unique within the topic; the same in every language.
    pub id: String,
    /// The question.
    pub ask: String,
    /// 2 to 4 short answers, shown in this order.
    pub answers: Vec<String>,
    /// Which answer is right, counting from 0.
    pub right: usize,
    /// Shown after any answer: why the right answer is right, in a sentence or two.
    pub explain: String,
    /// The page (by id) that says so; the patient can go and read it.
    pub page: String,
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
    /// The page's figure: the index of its first figure block, and that block's parts. A page
    /// shows it on a part of the screen of its own, beside or above its text.
    pub fn figure(&self) -> Option<(usize, PageFigure<'_>)> {
        self.blocks
            .iter()
            .enumerate()
            .find_map(|(index, block)| match block {
                Block::Figure {
                    source,
                    alt,
                    caption,
                    ..
                } => Some((
                    index,
                    PageFigure {
                        source,
                        alt,
                        caption: caption.as_deref(),
                    },
                )),
                _ => None,
            })
    }

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

/// The parts of a figure block.
#[derive(Clone, Copy, Debug)]
pub struct PageFigure<'a> {
    /// What it shows.
    pub source: &'a FigureSource,
    /// Its description, for screen readers.
    pub alt: &'a str,
    /// The words under it, if any.
    pub caption: Option<&'a str>,
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
        /// The line under it on a printed handout, where the screen's words do not fit paper
        /// ("Touch a circle…"); without it the caption is printed.
        #[serde(default)]
        print_caption: Option<String>,
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

    /// A QR code a patient can scan with a phone to keep the page: it holds the page title,
    /// every list item on the page and the clinic's phone numbers (see
    /// [`crate::content::qr_payload`]). The page needs a `Bullets` list.
    QrCode {
        /// The line under the code that says what it is for.
        caption: String,
    },
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
