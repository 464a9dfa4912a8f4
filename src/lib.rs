//! preflight: a terminal checklist runner for deployments, releases, incidents and
//! reviews.
//!
//! The core — [`checklist`], [`progress`], [`slug`], [`text`] — is pure: no I/O,
//! no serde, no terminal. [`format`](mod@format) reads checklist files into the core model,
//! [`bundled`] holds the checklists shipped inside the binary, and [`cli`] is the
//! command line on top.

pub mod bundled;
pub mod checklist;
pub mod cli;
pub mod export;
pub mod files;
pub mod format;
pub mod gate;
pub mod generate;
pub mod html;
pub mod import;
pub mod inline;
pub mod lookup;
pub mod progress;
pub mod renames;
pub mod report;
pub mod run;
pub mod runlog;
pub mod runner;
pub mod slug;
pub mod template;
pub mod text;
pub mod timestamp;
pub mod ui;
