//! Packing a content folder and its pictures into a bundle.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::manifest::sha256_hex;
use super::{BundleError, MANIFEST_FILE, Manifest};
use crate::content::ContentPaths;

/// The bundle of `paths` (the content folder as `content/`, the pictures as `images/`) with
/// a manifest of `version` made at `date`: a tar archive compressed with zstd. Only regular
/// files are packed; links are refused. It does not check the content: check it first.
pub fn pack(paths: &ContentPaths, version: u64, date: &str) -> Result<Vec<u8>, BundleError> {
    let mut files: Vec<(String, PathBuf)> = Vec::new();
    walk(&paths.content_dir, "content", &mut files)?;
    let images = paths.assets_dir.join("images");
    if images.is_dir() {
        walk(&images, "images", &mut files)?;
    }
    let mut hashes = BTreeMap::new();
    let mut archive = tar::Builder::new(Vec::new());
    archive.mode(tar::HeaderMode::Deterministic);
    let mut contents = Vec::new();
    for (name, path) in &files {
        let bytes =
            std::fs::read(path).map_err(BundleError::io(format!("reading {}", path.display())))?;
        hashes.insert(name.clone(), sha256_hex(&bytes));
        contents.push((name.clone(), bytes));
    }
    let manifest = Manifest {
        version,
        date: date.to_owned(),
        files: hashes,
    };
    append(&mut archive, MANIFEST_FILE, manifest.to_ron()?.as_bytes())?;
    for (name, bytes) in contents {
        append(&mut archive, &name, &bytes)?;
    }
    let tar = archive
        .into_inner()
        .map_err(|error| BundleError::Archive(error.to_string()))?;
    Ok(ruzstd::encoding::compress_to_vec(
        tar.as_slice(),
        ruzstd::encoding::CompressionLevel::Fastest,
    ))
}

fn append(
    archive: &mut tar::Builder<Vec<u8>>,
    name: &str,
    bytes: &[u8],
) -> Result<(), BundleError> {
    let mut header = tar::Header::new_gnu();
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    archive
        .append_data(&mut header, name, bytes)
        .map_err(|error| BundleError::Archive(format!("{name}: {error}")))
}

/// Every regular file under `dir`, named `prefix/relative/path`, in name order.
fn walk(dir: &Path, prefix: &str, files: &mut Vec<(String, PathBuf)>) -> Result<(), BundleError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(BundleError::io(format!("reading {}", dir.display())))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            return Err(BundleError::File {
                file: path.display().to_string(),
                problem: "its name is not UTF-8".to_owned(),
            });
        };
        let kind = entry
            .file_type()
            .map_err(BundleError::io(format!("reading {}", path.display())))?;
        let inside = format!("{prefix}/{name}");
        if kind.is_symlink() {
            return Err(BundleError::File {
                file: path.display().to_string(),
                problem: "a link: a bundle holds only real files".to_owned(),
            });
        } else if kind.is_dir() {
            walk(&path, &inside, files)?;
        } else if kind.is_file() {
            files.push((inside, path));
        }
    }
    Ok(())
}
