//! The core of preflight: what a checklist is, what a run of it holds and how
//! its events replay, progress, gates, templates and the texts they are made of.
//!
//! Nothing here reads a file, starts a process or draws on a terminal: this
//! crate depends on none of the crates that could, so the compiler keeps it
//! pure. Files and the run log are the `preflight` crate's `format` and `runlog`;
//! the terminal is its `ui`.

pub mod approval;
pub mod checklist;
pub mod gate;
pub mod inline;
pub mod lookup;
pub mod progress;
pub mod renames;
pub mod report;
pub mod run;
pub mod slug;
pub mod template;
pub mod text;
pub mod timestamp;
