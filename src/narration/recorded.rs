//! Recorded sentences: a person's voice, in WAV files a content editor drops into
//! `content/<language>/recordings/`, said instead of the generated voice wherever a sentence's
//! words are exactly the ones recorded. No egui here.

use std::path::Path;

use super::NarrationError;
use super::espeak::Speech;

/// The longest recording of one sentence.
pub const MAX_RECORDING_SECS: u32 = 60;

/// The sample rates a recording may have.
pub const RECORDING_RATES_HZ: std::ops::RangeInclusive<u32> = 8_000..=48_000;

/// What a recording's header says, read without its samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordingInfo {
    /// Samples a second.
    pub sample_rate_hz: u32,
    /// How long it plays.
    pub duration_ms: u64,
}

/// Reads the header of the recording at `path`: it must be 16-bit PCM, mono or stereo, at a
/// rate in [`RECORDING_RATES_HZ`], at most [`MAX_RECORDING_SECS`] long. The error says why
/// not, in words for a content editor.
pub fn recording_info(path: &Path) -> Result<RecordingInfo, String> {
    let reader = hound::WavReader::open(path).map_err(|error| match error {
        hound::Error::IoError(error) => format!("it cannot be read: {error}"),
        other => format!("it is not a WAV file that can be read ({other})"),
    })?;
    let spec = reader.spec();
    if spec.sample_format != hound::SampleFormat::Int || spec.bits_per_sample != 16 {
        return Err(format!(
            "it is {}-bit {}; save it as 16-bit PCM",
            spec.bits_per_sample,
            match spec.sample_format {
                hound::SampleFormat::Int => "PCM",
                hound::SampleFormat::Float => "floating point",
            }
        ));
    }
    if !(1..=2).contains(&spec.channels) {
        return Err(format!(
            "it has {} channels; save it as mono (or stereo)",
            spec.channels
        ));
    }
    if !RECORDING_RATES_HZ.contains(&spec.sample_rate) {
        return Err(format!(
            "it is sampled at {} Hz; save it at {} to {} Hz (44100 is usual)",
            spec.sample_rate,
            RECORDING_RATES_HZ.start(),
            RECORDING_RATES_HZ.end()
        ));
    }
    let duration_ms = u64::from(reader.duration()) * 1000 / u64::from(spec.sample_rate);
    if reader.duration() == 0 {
        return Err("it holds no sound".to_owned());
    }
    if duration_ms > u64::from(MAX_RECORDING_SECS) * 1000 {
        return Err(format!(
            "it is {:.1} s long; one sentence may take at most {MAX_RECORDING_SECS} s",
            duration_ms as f64 / 1000.0
        ));
    }
    Ok(RecordingInfo {
        sample_rate_hz: spec.sample_rate,
        duration_ms,
    })
}

/// Reads the recording at `path` as mono samples (stereo is mixed down).
pub(super) fn read_recording(path: &Path) -> Result<Speech, NarrationError> {
    let bad = |message: String| NarrationError::BadRecording {
        path: path.to_owned(),
        message,
    };
    recording_info(path).map_err(bad)?;
    let reader = hound::WavReader::open(path).map_err(|error| bad(error.to_string()))?;
    let spec = reader.spec();
    let samples = reader
        .into_samples::<i16>()
        .collect::<Result<Vec<i16>, _>>()
        .map_err(|error| bad(error.to_string()))?;
    let samples = if spec.channels == 2 {
        samples
            .chunks_exact(2)
            .map(|pair| ((i32::from(pair[0]) + i32::from(pair[1])) / 2) as i16)
            .collect()
    } else {
        samples
    };
    Ok(Speech {
        sample_rate: spec.sample_rate,
        samples,
    })
}

/// `speech` at `rate_hz`, which is at least its own rate: each new sample is drawn on the line
/// between the two old ones around it. Going up, nothing is lost that the ear would miss.
pub(super) fn upsampled(speech: Speech, rate_hz: u32) -> Speech {
    if speech.sample_rate == rate_hz || speech.samples.is_empty() {
        return Speech {
            sample_rate: rate_hz,
            samples: speech.samples,
        };
    }
    let from = f64::from(speech.sample_rate);
    let to = f64::from(rate_hz);
    let count = (speech.samples.len() as f64 * to / from).round() as usize;
    let last = speech.samples.len() - 1;
    let samples = (0..count)
        .map(|index| {
            let at = index as f64 * from / to;
            let before = (at.floor() as usize).min(last);
            let after = (before + 1).min(last);
            let weight = at - before as f64;
            let value = f64::from(speech.samples[before]) * (1.0 - weight)
                + f64::from(speech.samples[after]) * weight;
            value.round() as i16
        })
        .collect();
    Speech {
        sample_rate: rate_hz,
        samples,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_wav(path: &Path, rate: u32, channels: u16, bits: u16, samples: &[i32]) {
        let spec = hound::WavSpec {
            channels,
            sample_rate: rate,
            bits_per_sample: bits,
            sample_format: hound::SampleFormat::Int,
        };
        let mut writer = hound::WavWriter::create(path, spec).expect("a WAV");
        for &sample in samples {
            writer.write_sample(sample).expect("a sample");
        }
        writer.finalize().expect("written");
    }

    #[test]
    fn a_stereo_recording_is_read_as_mono_and_its_header_checked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let stereo = dir.path().join("stereo.wav");
        write_wav(&stereo, 44_100, 2, 16, &[100, 300, -100, -300, 0, 8]);
        let speech = read_recording(&stereo).expect("read");
        assert_eq!(speech.sample_rate, 44_100);
        assert_eq!(speech.samples, [200, -200, 4]);

        let eight_bit = dir.path().join("8bit.wav");
        write_wav(&eight_bit, 22_050, 1, 8, &[1, 2, 3]);
        let problem = recording_info(&eight_bit).expect_err("8-bit is refused");
        assert!(problem.contains("8-bit PCM"), "{problem}");

        let slow = dir.path().join("slow.wav");
        write_wav(&slow, 4_000, 1, 16, &[1, 2, 3]);
        let problem = recording_info(&slow).expect_err("4 kHz is refused");
        assert!(problem.contains("4000 Hz"), "{problem}");

        let empty = dir.path().join("empty.wav");
        write_wav(&empty, 22_050, 1, 16, &[]);
        assert_eq!(
            recording_info(&empty).expect_err("empty"),
            "it holds no sound"
        );

        let long = dir.path().join("long.wav");
        write_wav(&long, 8_000, 1, 16, &vec![0; 8_000 * 61]);
        let problem = recording_info(&long).expect_err("too long");
        assert!(problem.contains("61.0 s"), "{problem}");

        let text = dir.path().join("text.wav");
        std::fs::write(&text, "not audio").expect("written");
        let problem = recording_info(&text).expect_err("not a WAV");
        assert!(problem.starts_with("it is not a WAV file"), "{problem}");
    }

    #[test]
    fn upsampling_keeps_the_length_in_time_and_draws_between_samples() {
        let speech = Speech {
            sample_rate: 1_000,
            samples: vec![0, 100, 200, 300],
        };
        let up = upsampled(speech, 2_000);
        assert_eq!(up.sample_rate, 2_000);
        assert_eq!(up.samples, [0, 50, 100, 150, 200, 250, 300, 300]);
    }
}
