//! The video encoder: ffmpeg, the program, found on the `PATH` as espeak-ng is. Frames go to
//! it raw (RGBA) through a pipe, the sound track as a WAV file beside; it writes an MP4 that
//! any TV player or browser plays (H.264 and AAC). No egui here.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

/// Frames a second.
pub const FPS: u32 = 30;

/// Why a video cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum VideoError {
    /// ffmpeg is not installed.
    #[error(
        "ffmpeg is not installed; install it (on Debian or Ubuntu: sudo apt-get install ffmpeg)"
    )]
    NoEncoder,
    /// ffmpeg could not be started, or its pipe broke.
    #[error("ffmpeg could not be run: {0}")]
    Run(#[from] std::io::Error),
    /// ffmpeg said no.
    #[error("ffmpeg failed: {0}")]
    Failed(String),
}

/// ffmpeg, making one video.
pub struct Encoder {
    child: Child,
    stdin: Option<ChildStdin>,
    frame_bytes: usize,
}

/// Where ffmpeg is, if it is installed.
pub fn find() -> Option<PathBuf> {
    crate::programs::on_path("ffmpeg")
}

impl Encoder {
    /// Starts ffmpeg writing `out` from frames of `width` x `height` pixels at [`FPS`] and the
    /// sound in `wav`.
    pub fn start(
        ffmpeg: &Path,
        (width, height): (u32, u32),
        wav: &Path,
        out: &Path,
    ) -> Result<Self, VideoError> {
        let mut child = Command::new(ffmpeg)
            .args(["-hide_banner", "-loglevel", "error", "-y"])
            .args(["-f", "rawvideo", "-pix_fmt", "rgba"])
            .args(["-video_size", &format!("{width}x{height}")])
            .args(["-framerate", &FPS.to_string(), "-i", "-"])
            .arg("-i")
            .arg(wav)
            .args(["-map", "0:v", "-map", "1:a"])
            .args([
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-tune",
                "animation",
            ])
            .args(["-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k"])
            .args(["-movflags", "+faststart"])
            .arg(out)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take();
        Ok(Self {
            child,
            stdin,
            frame_bytes: (width * height * 4) as usize,
        })
    }

    /// Gives ffmpeg one frame (RGBA, row by row), `times` times over.
    pub fn frame(&mut self, rgba: &[u8], times: u64) -> Result<(), VideoError> {
        if rgba.len() != self.frame_bytes {
            return Err(VideoError::Failed(format!(
                "a frame of {} bytes, not {}",
                rgba.len(),
                self.frame_bytes
            )));
        }
        let Some(stdin) = &mut self.stdin else {
            return Err(VideoError::Failed("the pipe is closed".to_owned()));
        };
        for _ in 0..times {
            stdin.write_all(rgba)?;
        }
        Ok(())
    }

    /// Ends the video: ffmpeg finishes the file.
    pub fn finish(mut self) -> Result<(), VideoError> {
        drop(self.stdin.take());
        let output = self.child.wait_with_output()?;
        if output.status.success() {
            Ok(())
        } else {
            let said = String::from_utf8_lossy(&output.stderr).trim().to_owned();
            Err(VideoError::Failed(said))
        }
    }
}
