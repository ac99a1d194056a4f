//! Pictures from the content as GPU textures, decoded off the screen's thread.
//!
//! A picture is decoded by a thread of its own the first time a screen asks for it; until it
//! is ready the screen draws an empty frame and goes on (a big logo used to hold up the first
//! frame by 1.5 s). The thread asks for a repaint when it is done.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::pictures::PictureError;

/// One picture: being decoded, ready, or not readable (tried and logged once).
enum Slot {
    Loading(Receiver<Result<ColorImage, PictureError>>),
    Ready(TextureHandle),
    Unreadable,
}

/// Pictures by file path.
#[derive(Default)]
pub struct ImageCache {
    slots: HashMap<PathBuf, Slot>,
}

impl ImageCache {
    /// The texture for a picture file, if it is decoded; the first call starts decoding it.
    /// `None` while it is decoded and if it cannot be read.
    pub fn texture(
        &mut self,
        ctx: &egui::Context,
        path: &Path,
        max_side_px: u32,
    ) -> Option<&TextureHandle> {
        let slot = (self.slots.entry(path.to_path_buf()))
            .or_insert_with(|| start_decoding(ctx, path, max_side_px));
        if let Slot::Loading(receiver) = slot {
            match receiver.try_recv() {
                Ok(Ok(image)) => {
                    let name = path.display().to_string();
                    *slot = Slot::Ready(ctx.load_texture(name, image, TextureOptions::LINEAR));
                }
                Ok(Err(error)) => {
                    log::warn!("cannot show picture {}: {error}", path.display());
                    *slot = Slot::Unreadable;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => {
                    log::warn!(
                        "cannot show picture {}: its decoder stopped",
                        path.display()
                    );
                    *slot = Slot::Unreadable;
                }
            }
        }
        match slot {
            Slot::Ready(texture) => Some(texture),
            Slot::Loading(_) | Slot::Unreadable => None,
        }
    }

    /// Whether the picture at `path` is being decoded.
    pub fn is_loading(&self, path: &Path) -> bool {
        matches!(self.slots.get(path), Some(Slot::Loading(_)))
    }

    /// Whether any picture asked for is still being decoded.
    pub fn any_loading(&self) -> bool {
        (self.slots.values()).any(|slot| matches!(slot, Slot::Loading(_)))
    }

    /// The pictures tried that could not be read, in path order.
    pub fn unreadable(&self) -> Vec<&Path> {
        let mut paths: Vec<&Path> = (self.slots.iter())
            .filter(|(_, slot)| matches!(slot, Slot::Unreadable))
            .map(|(path, _)| path.as_path())
            .collect();
        paths.sort();
        paths
    }
}

/// Decodes the picture at `path` on a thread of its own.
fn start_decoding(ctx: &egui::Context, path: &Path, max_side_px: u32) -> Slot {
    let (sender, receiver) = channel();
    let (ctx, owned_path) = (ctx.clone(), path.to_path_buf());
    let spawned = std::thread::Builder::new()
        .name("picture decoder".into())
        .spawn(move || {
            // The receiver is gone only when the content was swapped: nothing to do then.
            let _ = sender.send(decode(&owned_path, max_side_px));
            ctx.request_repaint();
        });
    match spawned {
        Ok(_) => Slot::Loading(receiver),
        Err(error) => {
            log::warn!("cannot show picture {}: {error}", path.display());
            Slot::Unreadable
        }
    }
}

/// Reads a picture (within [`crate::pictures`]' limits), shrinking it so neither side is
/// larger than `max_side_px`.
pub fn decode(path: &Path, max_side_px: u32) -> Result<ColorImage, PictureError> {
    let mut image = crate::pictures::decode(path)?;
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

    #[test]
    fn a_picture_is_decoded_off_the_calling_thread_then_shown() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("logo.png");
        image::RgbaImage::new(40, 20)
            .save(&path)
            .expect("write png");
        let ctx = egui::Context::default();
        let mut cache = ImageCache::default();
        // The first ask starts the decoder and returns at once, with nothing yet.
        assert!(cache.texture(&ctx, &path, 2048).is_none());
        assert!(cache.is_loading(&path) && cache.any_loading());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while cache.texture(&ctx, &path, 2048).is_none() {
            assert!(cache.is_loading(&path), "decoding did not fail");
            assert!(std::time::Instant::now() < deadline, "decoded within 10 s");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(
            cache.texture(&ctx, &path, 2048).map(|t| t.size()),
            Some([40, 20])
        );
        assert!(!cache.any_loading());
        assert!(cache.unreadable().is_empty());
    }

    #[test]
    fn a_picture_that_cannot_be_decoded_is_named_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("cut.png");
        std::fs::write(&path, b"\x89PNG\r\n\x1a\n cut short").expect("write");
        let ctx = egui::Context::default();
        let mut cache = ImageCache::default();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while cache.texture(&ctx, &path, 2048).is_none() && cache.is_loading(&path) {
            assert!(std::time::Instant::now() < deadline, "gave up within 10 s");
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(cache.unreadable(), vec![path.as_path()]);
    }
}
