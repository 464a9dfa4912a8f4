//! preflight: a terminal checklist runner for deployments, releases, incidents and
//! reviews.
//!
//! The core — [`checklist`], [`run`], [`progress`], [`gate`], [`template`],
//! [`text`] and their kin — is the `preflight-core` crate, re-exported here: it
//! depends on no crate that reads a file or draws on a terminal, so it stays
//! pure. [`markdown`] reads and writes the Markdown of GitHub checklists,
//! [`format`](mod@format) reads checklist files into the core model, [`store`]
//! keeps runs and files on disk and runs commands, [`bundled`] holds the checklists shipped
//! inside the binary, [`service`] is what the command line and the view do
//! with a run (open it, give it values, record), and [`cli`] and [`ui`] are
//! the command line and the terminal view on top.

pub mod audit;
pub mod bundled;
pub mod cli;
pub mod format;
pub mod generate;
pub(crate) mod hinted;
pub mod markdown;
pub mod service;
pub mod store;
pub mod ui;

pub use preflight_core::{
    approval, checklist, gate, inline, lookup, progress, renames, report, run, slug, stamp, template, text, timestamp,
};
