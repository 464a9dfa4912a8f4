//! The arguments of the commands that read a run or share it: `status`,
//! `report`, `runs`, `export`, `log` and `sync`.

use std::path::PathBuf;

use clap::Args;

use super::CHECKLIST_OR_BUNDLED;
use super::run::RunArgs;

/// The arguments of `status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    /// Print the whole tree as JSON, for scripts
    #[arg(long)]
    pub json: bool,
    /// Exit with status 3 while any item is neither done nor skipped
    #[arg(long)]
    pub require_complete: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    /// Print the report as JSON, for scripts
    #[arg(long, conflicts_with = "html")]
    pub json: bool,
    /// Write the run as one self-contained HTML page, for an audit: totals,
    /// timeline, every item with who, when and its evidence
    #[arg(long)]
    pub html: bool,
    /// Write the page to FILE (atomically) instead of standard output. An
    /// existing FILE is replaced only when it is an earlier page, or with --force
    #[arg(short, long, value_name = "FILE", requires = "html")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not an earlier page (never a symlink, a
    /// device or a FIFO)
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `runs`.
#[derive(Debug, Args)]
pub struct RunsArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    /// List the run kept in FILE (for example one kept in git) instead of
    /// the checklist's runs in the data directory
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
}

/// The arguments of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    /// Write to FILE (atomically) instead of standard output. An existing
    /// FILE is replaced only when it is an earlier export, or with --force
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE even when it is not an earlier export (never a symlink,
    /// a device or a FIFO)
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    /// Only changes made at or after TIME: 2026-11-29T10:00:00Z, a day
    /// (2026-11-29), or how long ago (90m, 2h, 3days)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    #[arg(help = CHECKLIST_OR_BUNDLED)]
    pub checklist: Option<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
}
