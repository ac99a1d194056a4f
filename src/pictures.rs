//! Picture files from the content (PNG or JPEG), read without egui: the format is taken from
//! the file's bytes, never its name, and a picture is decoded in full, within limits, so one
//! that `check` accepts can be shown and printed.

use std::path::Path;

use image::{DynamicImage, ImageFormat, ImageReader, Limits};

/// The longest side a picture may have. The kiosk shrinks pictures to its largest texture
/// (2,048 pixels) anyway; more only costs decoding time and memory.
pub const MAX_PICTURE_SIDE_PX: u32 = 4096;

/// The most pixels a picture may have (32 MiB once decoded to RGBA).
pub const MAX_PICTURE_PIXELS: u64 = 8 * 1024 * 1024;

/// The most memory the decoder may take for one picture.
const MAX_DECODE_BYTES: u64 = 128 * 1024 * 1024;

/// Why a picture cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The file cannot be read.
    #[error("cannot be read ({0})")]
    Unreadable(#[from] std::io::Error),
    /// The bytes are not a PNG or a JPEG, whatever the file is called.
    #[error("cannot be opened: it is not a PNG or JPEG picture")]
    UnknownFormat,
    /// Too large to decode safely.
    #[error(
        "is {width} x {height} pixels; a picture may be at most {MAX_PICTURE_SIDE_PX} pixels on a \
         side and {} million pixels in all. Make it smaller",
        MAX_PICTURE_PIXELS / 1_000_000
    )]
    TooLarge {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
    /// The file starts as a picture but cannot be decoded (cut short or damaged).
    #[error("cannot be opened as a PNG or JPEG picture ({0})")]
    Damaged(#[from] image::ImageError),
}

/// A reader for `path` whose format comes from the file's first bytes.
fn reader(path: &Path) -> Result<ImageReader<std::io::BufReader<std::fs::File>>, PictureError> {
    let reader = ImageReader::open(path)?.with_guessed_format()?;
    match reader.format() {
        Some(ImageFormat::Png | ImageFormat::Jpeg) => Ok(reader),
        _ => Err(PictureError::UnknownFormat),
    }
}

/// The picture's size in pixels, from its header, after checking it is within the limits.
pub fn dimensions(path: &Path) -> Result<(u32, u32), PictureError> {
    let (width, height) = reader(path)?.into_dimensions()?;
    if width > MAX_PICTURE_SIDE_PX
        || height > MAX_PICTURE_SIDE_PX
        || u64::from(width) * u64::from(height) > MAX_PICTURE_PIXELS
    {
        return Err(PictureError::TooLarge { width, height });
    }
    Ok((width, height))
}

/// The whole picture, decoded, if it is within the limits.
pub fn decode(path: &Path) -> Result<DynamicImage, PictureError> {
    dimensions(path)?;
    let mut reader = reader(path)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_PICTURE_SIDE_PX);
    limits.max_image_height = Some(MAX_PICTURE_SIDE_PX);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    Ok(reader.decode()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_png(path: &Path, width: u32, height: u32) {
        image::RgbaImage::new(width, height)
            .save_with_format(path, ImageFormat::Png)
            .expect("write a png");
    }

    #[test]
    fn a_whole_picture_decodes_and_its_size_reads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.png");
        write_png(&path, 30, 10);
        assert_eq!(dimensions(&path).expect("reads"), (30, 10));
        assert_eq!(decode(&path).expect("decodes").width(), 30);
    }

    #[test]
    fn a_picture_cut_short_has_a_size_but_does_not_decode() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.png");
        write_png(&path, 300, 300);
        let bytes = std::fs::read(&path).expect("read");
        std::fs::write(&path, &bytes[..bytes.len() / 2]).expect("cut");
        assert!(dimensions(&path).is_ok(), "the header is still there");
        let error = decode(&path).expect_err("but the picture is not");
        assert!(matches!(error, PictureError::Damaged(_)), "{error}");
    }

    #[test]
    fn a_jpeg_named_png_is_read_as_the_jpeg_it_is() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("photo.png");
        image::RgbImage::new(20, 10)
            .save_with_format(&path, ImageFormat::Jpeg)
            .expect("write a jpeg");
        assert_eq!(dimensions(&path).expect("reads"), (20, 10));
        assert_eq!(decode(&path).expect("decodes").height(), 10);
    }

    #[test]
    fn too_many_pixels_are_refused_before_decoding() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("wide.png");
        write_png(&path, MAX_PICTURE_SIDE_PX + 1, 1);
        let error = decode(&path).expect_err("too wide");
        assert!(
            matches!(
                error,
                PictureError::TooLarge {
                    width: 4097,
                    height: 1
                }
            ),
            "{error}"
        );
        assert!(error.to_string().contains("at most 4096 pixels on a side"));
        let square = dir.path().join("square.png");
        write_png(&square, 3000, 3000);
        assert!(matches!(
            dimensions(&square),
            Err(PictureError::TooLarge { .. })
        ));
    }

    #[test]
    fn text_is_not_a_picture() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.png");
        std::fs::write(&path, "not a picture").expect("write");
        let error = decode(&path).expect_err("text named .png");
        assert!(error.to_string().starts_with("cannot be opened"), "{error}");
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "not a picture").expect("write");
        assert!(matches!(decode(&notes), Err(PictureError::UnknownFormat)));
    }
}
