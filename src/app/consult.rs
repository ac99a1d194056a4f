//! Consultation mode's tools: choosing the pen or pointer, keeping strokes, Undo and Clear,
//! the handout's list, its PDF (saved to the configured folder) and printing it with `lp`.

use std::path::{Path, PathBuf};

use super::job::Job;
use super::{Command, ConsultCommand, Content, HandoutStatus, InkInput, KioskApp, Screen};
use crate::handout::{HandoutRequest, handout_pdf};
use crate::ink::InkTool;

/// The program that prints a PDF: `lp` from the system's printing (CUPS), if it is on the
/// `PATH`.
pub(super) fn find_printer() -> Option<PathBuf> {
    crate::programs::on_path("lp")
}

impl KioskApp {
    /// Whether a handout's PDF is being made (for this visit or a wiped one).
    pub fn handout_in_progress(&self) -> bool {
        self.handouts.making.is_some()
    }

    /// Prints with `printer` (a program given the PDF's path, like `lp`), or not at all.
    pub fn set_printer(&mut self, printer: Option<PathBuf>) {
        self.handouts.printer = printer;
    }

    /// Carries out a consultation command (only in consultation mode).
    pub(super) fn apply_consult(&mut self, command: ConsultCommand) {
        if !self.consult {
            return;
        }
        let session = &mut self.session;
        match command {
            ConsultCommand::Tool(tool) => {
                session.ink_tool = tool;
                session.ink_input = InkInput::default();
            }
            ConsultCommand::Color(color) => {
                session.pen.color = color;
                session.ink_tool = InkTool::Pen;
            }
            ConsultCommand::Width(width) => {
                session.pen.width = width;
                session.ink_tool = InkTool::Pen;
            }
            ConsultCommand::Draw(strokes) => {
                for (surface, stroke) in strokes {
                    session.ink.add(surface, stroke);
                }
            }
            ConsultCommand::Undo(surfaces) => {
                session.ink.undo(&surfaces);
            }
            ConsultCommand::Clear(surfaces) => session.ink.clear(&surfaces),
            ConsultCommand::ToggleHandout(item) => {
                session.handout.toggle(item);
            }
            ConsultCommand::Remove(index) => {
                if index < session.handout.items.len() {
                    session.handout.items.remove(index);
                }
            }
            ConsultCommand::Move { from, to } => session.handout.move_item(from, to),
            ConsultCommand::Note(field, words) => session.handout.notes.set(field, &words),
            ConsultCommand::Type(into) => session.typing = into,
            ConsultCommand::CreateHandout => self.create_handout(),
            ConsultCommand::Print(path) => self.print(path),
            // Handled as navigation.
            ConsultCommand::OpenHandout => self.apply(Command::Consult(command)),
        }
    }

    /// Starts making the handout's PDF in the patient's language, on a thread of its own, to
    /// save it to the configured folder under a name that holds only the date and time
    /// ([`Self::poll_handout_job`] hears back). One at a time in a visit; a new visit need
    /// not wait for the last one's.
    fn create_handout(&mut self) {
        if self.session.handout_status == Some(HandoutStatus::Making) {
            return;
        }
        let Content::Ready(deck) = &self.content else {
            return;
        };
        let deck = deck.clone();
        let tokens = self.tokens.clone();
        let language = self.session.language.unwrap_or(deck.default_language);
        let handout = self.session.handout.clone();
        let ink = self.session.ink.clone();
        let paper = self.settings.handout_paper;
        let folder = self.settings.handout_dir();
        let name = jiff::Zoned::now()
            .strftime("handout-%Y-%m-%d-%H%M%S")
            .to_string();
        self.session.handout_status = Some(HandoutStatus::Making);
        self.handouts.making = Some(Job::spawn(move || {
            let request = HandoutRequest {
                language,
                items: &handout.items,
                ink: &ink,
                paper,
                notes: &handout.notes,
            };
            let saved = handout_pdf(&deck, &tokens, &request)
                .map_err(|error| error.to_string())
                .and_then(|bytes| save(&folder, &name, &bytes).map_err(|e| e.to_string()));
            match saved {
                Ok(path) => {
                    log::info!("handout saved to {}", path.display());
                    Some(path)
                }
                Err(error) => {
                    log::error!(
                        "the handout could not be made in {}: {error}",
                        folder.display()
                    );
                    None
                }
            }
        }));
    }

    /// Shows how the handout went once it is made (if this visit is still waiting for it: a
    /// visit wiped meanwhile does not get the last one's handout).
    pub(super) fn poll_handout_job(&mut self, ctx: &egui::Context) {
        let Some(done) = self.handouts.making.as_ref().and_then(|job| job.poll(ctx)) else {
            return;
        };
        self.handouts.making = None;
        match done.as_ref().and_then(Option::as_ref) {
            Some(_) => self.handouts.made += 1,
            None => self.handouts.failures += 1,
        }
        if self.session.handout_status == Some(HandoutStatus::Making) {
            self.session.handout_status = Some(match done.flatten() {
                Some(path) => HandoutStatus::Saved(path),
                None => HandoutStatus::Failed,
            });
        }
    }

    /// Sends `path` to the printer in the background; [`Self::poll_print_job`] hears back.
    fn print(&mut self, path: PathBuf) {
        let Some(printer) = self.handouts.printer.clone() else {
            return;
        };
        self.handouts.print_job = Some(Job::spawn(move || {
            let worked = match std::process::Command::new(&printer)
                .arg("--")
                .arg(&path)
                .stdin(std::process::Stdio::null())
                .output()
            {
                Ok(output) if output.status.success() => true,
                Ok(output) => {
                    let said = String::from_utf8_lossy(&output.stderr);
                    log::error!(
                        "{} {}: {} {said}",
                        printer.display(),
                        path.display(),
                        output.status
                    );
                    false
                }
                Err(error) => {
                    log::error!("{} could not run: {error}", printer.display());
                    false
                }
            };
            (path, worked)
        }));
    }

    /// Shows how a print job went once it is done (on the handout screen of the same visit).
    pub(super) fn poll_print_job(&mut self, ctx: &egui::Context) {
        let Some(done) = self
            .handouts
            .print_job
            .as_ref()
            .and_then(|job| job.poll(ctx))
        else {
            return;
        };
        self.handouts.print_job = None;
        let Some((path, worked)) = done else {
            return;
        };
        if !worked {
            self.handouts.print_failures += 1;
        }
        let same = matches!(&self.session.handout_status, Some(HandoutStatus::Saved(saved)) if *saved == path);
        if same && self.session.screen == Screen::Handout {
            self.session.handout_status = Some(if worked {
                HandoutStatus::Printed(path)
            } else {
                HandoutStatus::PrintFailed(path)
            });
        }
    }
}

/// Writes `bytes` to `<name>.pdf` in `folder` (made first), or `<name>-2.pdf` and so on if
/// that is taken, so a handout never replaces another; returns the path.
fn save(folder: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    crate::private_files::create_private_folder(folder)?;
    let mut copy = 1;
    loop {
        let file = match copy {
            1 => format!("{name}.pdf"),
            n => format!("{name}-{n}.pdf"),
        };
        let path = folder.join(file);
        match crate::private_files::private_options()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut out) => {
                std::io::Write::write_all(&mut out, bytes)?;
                return Ok(path);
            }
            Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists && copy < 100 => {
                copy += 1;
            }
            Err(error) => return Err(error),
        }
    }
}
