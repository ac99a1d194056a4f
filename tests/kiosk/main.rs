//! The integration tests, one module per capability, in one test binary: one link instead
//! of thirty, so a fresh test build is fast and small. (The soak test, `tests/soak.rs`,
//! stays a binary of its own: it counts every allocation with its own global allocator,
//! and other tests running beside it would blur what it measures.)

mod common;

mod accessibility;
mod atspi;
mod bundle;
mod cli;
mod consult;
mod content_budget;
mod content_errors;
mod content_robustness;
mod contrast;
mod deployment;
mod diagram_errors;
mod diagram_ui;
mod diagram_walk;
mod export_html;
mod figure_layout;
mod fleet;
mod fuzz_content;
mod handout;
mod handout_ui;
mod idle_reset;
mod ink;
mod keypad;
mod kiosk_lock;
mod kiosk_updates;
mod layout;
mod listen;
mod monkey;
mod narration;
mod play;
mod qr_code;
mod quiz;
mod readability;
mod reading_tools;
mod recordings;
mod screens_never_break;
mod shutdown;
mod snapshots;
mod staff_access;
mod stats;
mod ui_walk;
mod video;
mod walk_through_steps;
mod window;
mod x_display;
