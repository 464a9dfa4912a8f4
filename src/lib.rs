//! preflight: a terminal checklist runner for deployments, releases, incidents and
//! reviews.
//!
//! The core — [`checklist`], [`progress`], [`slug`], [`text`] — is pure: no I/O,
//! no serde, no terminal. [`format`] reads checklist files into the core model.

pub mod checklist;
pub mod format;
pub mod progress;
pub mod slug;
pub mod text;
