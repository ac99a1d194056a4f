//! `bundle`: a checked content folder packed and signed for many kiosks.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;

use super::good_deck;
use crate::bundle::{pack, sign, signature_path};
use crate::content::ContentPaths;

/// The environment variable an encrypted signing key's password is read from.
const PASSWORD_VARIABLE: &str = "PATIENT_KIOSK_KEY_PASSWORD";

/// Checks the content at `paths`, packs it as version `version` (the time now, if none),
/// signs it with the secret key at `key`, and writes the bundle to `out` and its signature
/// beside it; prints what it wrote.
pub(super) fn bundle(
    paths: &ContentPaths,
    key: &Path,
    out: &Path,
    version: Option<u64>,
) -> anyhow::Result<ExitCode> {
    let deck = match good_deck(paths, "a bundle is made only of good content") {
        Ok(deck) => deck,
        Err(code) => return Ok(code),
    };
    let now = jiff::Timestamp::now();
    let version = match version {
        Some(version) => version,
        None => now.strftime("%Y%m%d%H%M%S").to_string().parse()?,
    };
    let date = now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string();
    let secret = std::fs::read_to_string(key)
        .with_context(|| format!("reading the signing key {}", key.display()))?;
    let password = std::env::var(PASSWORD_VARIABLE).unwrap_or_default();
    let bytes = pack(paths, version, &date)?;
    let trusted = format!("patient-kiosk content version {version} made {date}");
    let signature = sign(&bytes, &secret, &password, &trusted)
        .with_context(|| format!("signing with {}", key.display()))?;
    if let Some(folder) = out.parent().filter(|folder| !folder.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("creating {}", folder.display()))?;
    }
    // The signature first, then the bundle: a server never offers a bundle without its
    // signature, and each file appears whole (written aside, then renamed).
    let signed = signature_path(out);
    write_whole(&signed, signature.as_bytes())?;
    write_whole(out, &bytes)?;
    println!(
        "wrote {} ({} bytes, {} pages, version {version}, {date}) and its signature {}",
        out.display(),
        bytes.len(),
        deck.page_count(),
        signed.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `bytes` to `path` through a file beside it, renamed into place when complete.
fn write_whole(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut part = path.as_os_str().to_owned();
    part.push(".part");
    std::fs::write(&part, bytes).with_context(|| format!("writing {}", path.display()))?;
    std::fs::rename(&part, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(())
}
