//! Pictures from the content, decoded once with the `image` crate and kept as GPU textures.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{ColorImage, TextureHandle, TextureOptions};

/// Decoded pictures by file path; a picture that cannot be read is remembered as missing so
/// it is tried (and logged) only once.
#[derive(Default)]
pub struct ImageCache {
    textures: HashMap<PathBuf, Option<TextureHandle>>,
}

impl ImageCache {
    /// The texture for a picture file, loading it on first use. `None` if it cannot be read.
    pub fn texture(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        max_side_px: u32,
    ) -> Option<&TextureHandle> {
        self.textures
            .entry(path.to_path_buf())
            .or_insert_with(|| match decode(path, max_side_px) {
                Ok(image) => Some(ctx.load_texture(
                    path.display().to_string(),
                    image,
                    TextureOptions::LINEAR,
                )),
                Err(error) => {
                    log::warn!("cannot show picture {}: {error}", path.display());
                    None
                }
            })
            .as_ref()
    }

    /// The pictures tried that could not be read, in path order.
    pub fn unreadable(&self) -> Vec<&Path> {
        let mut paths: Vec<&Path> = (self.textures.iter())
            .filter(|(_, texture)| texture.is_none())
            .map(|(path, _)| path.as_path())
            .collect();
        paths.sort();
        paths
    }
}

/// Reads a picture, shrinking it so neither side is larger than `max_side_px`.
pub fn decode(path: &Path, max_side_px: u32) -> Result<ColorImage, image::ImageError> {
    let mut image = image::ImageReader::open(path)?
        .with_guessed_format()?
        .decode()?;
    if image.width() > max_side_px || image.height() > max_side_px {
        image = image.resize(
            max_side_px,
            max_side_px,
            image::imageops::FilterType::Triangle,
        );
    }
    let rgba = image.to_rgba8();
    let size = [rgba.width() as usize, rgba.height() as usize];
    Ok(ColorImage::from_rgba_unmultiplied(size, rgba.as_raw()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_pictures_are_shrunk_and_garbage_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let big = dir.path().join("big.png");
        image::RgbaImage::new(300, 100)
            .save(&big)
            .expect("write png");
        let decoded = decode(&big, 150).expect("decode");
        assert_eq!(decoded.size, [150, 50]);

        let garbage = dir.path().join("garbage.png");
        std::fs::write(&garbage, b"not a picture at all").expect("write");
        assert!(decode(&garbage, 150).is_err());
    }
}
