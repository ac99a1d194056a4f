//! What a [`Block::QrCode`] holds, and the QR code's modules. No egui here: the widget
//! `crate::widgets::QrCodeView` paints exactly the modules built by [`QrModules::encode`].

use std::collections::BTreeMap;

use qrcode::bits::Bits;
use qrcode::types::QrError;
use qrcode::{Color, EcLevel, QrCode, Version};

use super::Language;
use super::model::{Block, ClinicText, Page};

/// The most bytes a QR code block may hold. At error-correction level M this is a version 23
/// code of 109 modules a side, about as dense as a phone reads well from a screen.
pub const QR_MAX_PAYLOAD_BYTES: usize = 800;

/// The light border every QR code needs around it, in modules.
pub const QR_QUIET_ZONE_MODULES: usize = 4;

/// The ECI designator that tells a phone the bytes are UTF-8.
const ECI_UTF8: u32 = 26;

/// Why a text cannot be shown as a QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QrCodeError {
    /// More bytes than [`QR_MAX_PAYLOAD_BYTES`].
    #[error(
        "the code would hold {bytes} bytes, more than the {QR_MAX_PAYLOAD_BYTES} a QR code can \
         hold and still scan well. Make the page's list shorter."
    )]
    TooLong {
        /// The size of the text, in bytes.
        bytes: usize,
    },
    /// The `qrcode` crate could not encode the text.
    #[error("the text cannot be made into a QR code ({0}).")]
    Encode(#[from] QrError),
}

/// The text a QR code block on `page` holds, in `language`: the page title, every item of the
/// page's lists as a line starting with "- ", the clinic's name and every phone number of
/// `phones` (the deck's) with its label. Plain UTF-8, one line each, blank lines between parts.
pub fn qr_payload(page: &Page, language: &Language, phones: &BTreeMap<String, String>) -> String {
    page_payload(page, &language.clinic, phones)
}

/// [`qr_payload`] from the clinic's words alone, for the validator (before a [`Language`] is
/// built).
pub(crate) fn page_payload(
    page: &Page,
    clinic: &ClinicText,
    phones: &BTreeMap<String, String>,
) -> String {
    let mut lines = vec![page.title.trim().to_owned(), String::new()];
    for block in &page.blocks {
        if let Block::Bullets(items) = block {
            lines.extend(items.iter().map(|item| format!("- {}", item.trim())));
        }
    }
    lines.push(String::new());
    lines.push(format!(
        "{}, {}",
        clinic.name.trim(),
        clinic.department.trim()
    ));
    for (id, number) in phones {
        let label = clinic.phone_labels.get(id).map_or("", |label| label.trim());
        lines.push(if label.is_empty() {
            number.trim().to_owned()
        } else {
            format!("{label} {}", number.trim())
        });
    }
    lines.join("\n")
}

/// Whether a page has what a QR code block needs: a list to hold.
pub(crate) fn page_has_bullets(page: &Page) -> bool {
    page.blocks
        .iter()
        .any(|block| matches!(block, Block::Bullets(items) if !items.is_empty()))
}

/// A QR code as a square of dark and light modules, without its quiet zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrModules {
    width_modules: usize,
    version: i16,
    dark: Vec<bool>,
}

impl QrModules {
    /// Encodes `payload` at error-correction level M in the smallest version it fits, as bytes
    /// (with a UTF-8 marker when the text is not plain ASCII, so phones show accents right).
    pub fn encode(payload: &str) -> Result<Self, QrCodeError> {
        let (code, version) = smallest_version(payload, |version| encode_in(payload, version))?;
        Ok(Self::from_code(&code, version))
    }

    /// Whether [`Self::encode`] would succeed, without drawing the code: what content checks
    /// need. (Drawing tries eight masks and costs about a millisecond per code.)
    pub fn check(payload: &str) -> Result<(), QrCodeError> {
        smallest_version(payload, |version| bits_in(payload, version)).map(|_| ())
    }

    fn from_code(code: &QrCode, version: i16) -> Self {
        Self {
            width_modules: code.width(),
            version,
            dark: code
                .to_colors()
                .into_iter()
                .map(|color| color == Color::Dark)
                .collect(),
        }
    }

    /// Modules a side, without the quiet zone.
    pub fn width_modules(&self) -> usize {
        self.width_modules
    }

    /// Modules a side with the quiet zone on every side.
    pub fn width_with_quiet_zone_modules(&self) -> usize {
        self.width_modules + 2 * QR_QUIET_ZONE_MODULES
    }

    /// The QR version, 1 (21 modules) to 40 (177 modules).
    pub fn version(&self) -> i16 {
        self.version
    }

    /// Whether the module in column `x`, row `y` (without the quiet zone) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width_modules
            && self
                .dark
                .get(y * self.width_modules + x)
                .copied()
                .unwrap_or(false)
    }

    /// Every row, top to bottom, each module `true` if dark (without the quiet zone).
    pub fn rows(&self) -> Vec<Vec<bool>> {
        self.dark
            .chunks(self.width_modules.max(1))
            .map(<[bool]>::to_vec)
            .collect()
    }

    /// The runs of dark modules of row `y`, as `(first column, length)`: what a painter fills,
    /// one rectangle per run.
    pub fn dark_runs(&self, y: usize) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut start = None;
        for x in 0..=self.width_modules {
            match (start, self.is_dark(x, y)) {
                (None, true) => start = Some(x),
                (Some(first), false) => {
                    runs.push((first, x - first));
                    start = None;
                }
                _ => {}
            }
        }
        runs
    }
}

/// `make` in the smallest version (1 to 40) the payload fits, with that version's number.
fn smallest_version<T>(
    payload: &str,
    make: impl Fn(Version) -> Result<T, QrError>,
) -> Result<(T, i16), QrCodeError> {
    let bytes = payload.len();
    if bytes > QR_MAX_PAYLOAD_BYTES {
        return Err(QrCodeError::TooLong { bytes });
    }
    let mut last_error = QrError::DataTooLong;
    for number in 1..=40 {
        match make(Version::Normal(number)) {
            Ok(made) => return Ok((made, number)),
            Err(QrError::DataTooLong) => {}
            Err(error) => last_error = error,
        }
    }
    Err(QrCodeError::Encode(last_error))
}

/// `payload` as a QR code of one version at level M, if it fits.
fn encode_in(payload: &str, version: Version) -> Result<QrCode, QrError> {
    QrCode::with_bits(bits_in(payload, version)?, EcLevel::M)
}

/// The payload's bits in `version`, or `DataTooLong` if they do not fit.
fn bits_in(payload: &str, version: Version) -> Result<Bits, QrError> {
    let mut bits = Bits::new(version);
    if !payload.is_ascii() {
        bits.push_eci_designator(ECI_UTF8)?;
    }
    bits.push_byte_data(payload.as_bytes())?;
    bits.push_terminator(EcLevel::M)?;
    Ok(bits)
}
