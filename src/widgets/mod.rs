//! Touch widgets: big, high-contrast, and each reporting a role and label to screen readers.

mod big_button;
mod figure;
mod icon;
mod index_card;
mod progress_dots;
mod qr_code;
mod quiz_answer;
mod swatch;
mod topic_tile;

pub use big_button::{BigButton, ButtonKind};
pub use figure::{Figure, FigureContent};
pub use icon::Icon;
pub use index_card::IndexCard;
pub use progress_dots::ProgressDots;
pub use qr_code::{QrCodeView, cached_modules};
pub use quiz_answer::{AnswerMark, QuizAnswer};
pub use swatch::ColorSwatch;
pub use topic_tile::TopicTile;
