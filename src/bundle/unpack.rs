//! Unpacking a bundle into a folder, every file checked against the manifest.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::{Component, Path};

use super::manifest::sha256_hex;
use super::{BundleError, MANIFEST_FILE, Manifest};

/// The most a bundle may hold once decompressed: far more than a clinic's content and
/// pictures, far less than a kiosk's memory (a decompression bomb stops here).
pub const MAX_UNPACKED_BYTES: u64 = 1024 * 1024 * 1024;

/// Unpacks `bundle` into `into` (`content/` and `assets/images/`, so
/// [`crate::content::ContentPaths::beside`] on `into/content` finds both) and returns its
/// manifest. Refuses a bundle cut short, a file the manifest does not name or whose SHA-256
/// differs, a file named in the manifest but missing, and any path outside those folders.
pub fn unpack(bundle: &[u8], into: &Path) -> Result<Manifest, BundleError> {
    let mut decoder = ruzstd::decoding::StreamingDecoder::new(bundle)
        .map_err(|error| BundleError::Archive(error.to_string()))?;
    let mut tar = Vec::new();
    (&mut decoder)
        .take(MAX_UNPACKED_BYTES + 1)
        .read_to_end(&mut tar)
        .map_err(|error| BundleError::Archive(error.to_string()))?;
    if tar.len() as u64 > MAX_UNPACKED_BYTES {
        return Err(BundleError::Archive(format!(
            "it unpacks to more than {} MiB",
            MAX_UNPACKED_BYTES / (1024 * 1024)
        )));
    }
    let mut archive = tar::Archive::new(tar.as_slice());
    let entries = archive
        .entries()
        .map_err(|error| BundleError::Archive(error.to_string()))?;
    let mut manifest: Option<Manifest> = None;
    let mut seen = BTreeSet::new();
    for entry in entries {
        let mut entry = entry.map_err(|error| BundleError::Archive(error.to_string()))?;
        // Only files: a link, a device or a folder entry has no place in a bundle.
        if !entry.header().entry_type().is_file() {
            let name = entry
                .path()
                .map(|path| path.display().to_string())
                .unwrap_or_default();
            return Err(BundleError::File {
                file: name,
                problem: "not a plain file".to_owned(),
            });
        }
        let name = entry
            .path()
            .map_err(|error| BundleError::Archive(error.to_string()))?
            .to_string_lossy()
            .into_owned();
        let mut bytes = Vec::new();
        entry
            .read_to_end(&mut bytes)
            .map_err(|error| BundleError::Archive(format!("{name}: {error}")))?;
        if name == MANIFEST_FILE {
            let text = String::from_utf8(bytes)
                .map_err(|_| BundleError::Manifest("it is not UTF-8 text".to_owned()))?;
            manifest = Some(Manifest::from_ron(&text)?);
            continue;
        }
        let Some(listed) = manifest.as_ref() else {
            return Err(BundleError::Manifest(
                "it must come first in the archive".to_owned(),
            ));
        };
        let file = |problem: &str| BundleError::File {
            file: name.clone(),
            problem: problem.to_owned(),
        };
        let Some(hash) = listed.files.get(&name) else {
            return Err(file("not in the manifest"));
        };
        if sha256_hex(&bytes) != *hash {
            return Err(file("its SHA-256 is not the manifest's"));
        }
        let relative = Path::new(&name);
        let plain = relative
            .components()
            .all(|part| matches!(part, Component::Normal(_)));
        let target = match relative.strip_prefix("images") {
            Ok(image) if plain => into.join("assets").join("images").join(image),
            _ if plain && relative.starts_with("content") => into.join(relative),
            _ => return Err(file("outside content/ and images/")),
        };
        if let Some(folder) = target.parent() {
            std::fs::create_dir_all(folder)
                .map_err(BundleError::io(format!("creating {}", folder.display())))?;
        }
        std::fs::write(&target, &bytes)
            .map_err(BundleError::io(format!("writing {}", target.display())))?;
        seen.insert(name);
    }
    let manifest = manifest.ok_or_else(|| BundleError::Manifest("there is none".to_owned()))?;
    if let Some(missing) = manifest.files.keys().find(|name| !seen.contains(*name)) {
        return Err(BundleError::File {
            file: missing.clone(),
            problem: "named in the manifest but not in the bundle".to_owned(),
        });
    }
    Ok(manifest)
}
