//! Consultation mode's tools: choosing the pen or pointer, keeping strokes, Undo and Clear,
//! the handout's list, its PDF (saved to the configured folder) and printing it with `lp`.

use std::path::{Path, PathBuf};

use super::{Command, ConsultCommand, Content, HandoutStatus, InkInput, KioskApp, Screen};
use crate::handout::{HandoutRequest, handout_pdf};
use crate::ink::InkTool;

/// The program that prints a PDF: `lp` from the system's printing (CUPS), if it is on the
/// `PATH`.
pub(super) fn find_printer() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("lp"))
        .find(|candidate| candidate.is_file())
}

impl KioskApp {
    /// Prints with `printer` (a program given the PDF's path, like `lp`), or not at all.
    pub fn set_printer(&mut self, printer: Option<PathBuf>) {
        self.printer = printer;
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
            ConsultCommand::CreateHandout => self.create_handout(),
            ConsultCommand::Print(path) => self.print(path),
            // Handled as navigation.
            ConsultCommand::OpenHandout => self.apply(Command::Consult(command)),
        }
    }

    /// Makes the handout's PDF in the patient's language and saves it to the configured
    /// folder, under a name that holds only the date and time.
    fn create_handout(&mut self) {
        let Content::Ready(deck) = &self.content else {
            return;
        };
        let request = HandoutRequest {
            language: self.session.language.unwrap_or(deck.default_language),
            items: &self.session.handout.items,
            ink: &self.session.ink,
            paper: self.settings.handout_paper,
        };
        let folder = self.settings.handout_dir();
        let name = jiff::Zoned::now()
            .strftime("handout-%Y-%m-%d-%H%M%S")
            .to_string();
        let saved = handout_pdf(deck, &self.tokens, &request)
            .map_err(|error| error.to_string())
            .and_then(|bytes: Vec<u8>| save(&folder, &name, &bytes).map_err(|e| e.to_string()));
        self.session.handout_status = Some(match saved {
            Ok(path) => {
                log::info!("handout saved to {}", path.display());
                HandoutStatus::Saved(path)
            }
            Err(error) => {
                log::error!(
                    "the handout could not be made in {}: {error}",
                    folder.display()
                );
                HandoutStatus::Failed
            }
        });
    }

    /// Sends `path` to the printer in the background; [`Self::poll_print_job`] hears back.
    fn print(&mut self, path: PathBuf) {
        let Some(printer) = self.printer.clone() else {
            return;
        };
        let (done, job) = std::sync::mpsc::channel();
        self.print_job = Some(job);
        std::thread::spawn(move || {
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
            // The app may have gone; nobody is left to tell.
            let _ = done.send((path, worked));
        });
    }

    /// Shows how a print job went once it is done (on the handout screen of the same visit).
    pub(super) fn poll_print_job(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.print_job else {
            return;
        };
        match job.try_recv() {
            Ok((path, worked)) => {
                self.print_job = None;
                let same = matches!(&self.session.handout_status, Some(HandoutStatus::Saved(saved)) if *saved == path);
                if same && self.session.screen == Screen::Handout {
                    self.session.handout_status = Some(if worked {
                        HandoutStatus::Printed(path)
                    } else {
                        HandoutStatus::PrintFailed(path)
                    });
                }
                ctx.request_repaint();
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after_secs(0.2);
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.print_job = None,
        }
    }
}

/// Writes `bytes` to `<name>.pdf` in `folder` (made first), or `<name>-2.pdf` and so on if
/// that is taken, so a handout never replaces another; returns the path.
fn save(folder: &Path, name: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(folder)?;
    let mut copy = 1;
    loop {
        let file = match copy {
            1 => format!("{name}.pdf"),
            n => format!("{name}-{n}.pdf"),
        };
        let path = folder.join(file);
        match std::fs::OpenOptions::new()
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
