//! preflight: a terminal checklist runner for deployments, releases, incidents and
//! reviews.
//!
//! The core — [`checklist`], [`run`], [`progress`], [`gate`], [`template`],
//! [`text`] and their kin — is the `preflight-core` crate, re-exported here: it
//! depends on no crate that reads a file or draws on a terminal, so it stays
//! pure. [`format`](mod@format) reads checklist files into the core model,
//! [`bundled`] holds the checklists shipped inside the binary, and [`cli`] is the
//! command line on top.

pub mod bundled;
pub mod cli;
pub mod export;
pub mod files;
pub mod format;
pub mod generate;
pub mod html;
pub mod import;
pub mod runlog;
pub mod runner;
pub mod ui;

pub use preflight_core::{
    approval, checklist, gate, inline, lookup, progress, renames, report, run, slug, template, text, timestamp,
};
