//! What preflight keeps on disk and runs on the machine: [`files`] writes a
//! file whole or not at all and never replaces what it should not, [`runlog`]
//! keeps a run's events as an append-only log several writers share, and
//! [`runner`] runs a step's command and keeps what it showed.

pub(crate) mod files;
pub mod runlog;
pub(crate) mod runner;
