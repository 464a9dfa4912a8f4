//! The arguments of the commands that record changes to a run by hand:
//! `check`, `uncheck`, `skip`, `note` and `approve`.

use std::path::PathBuf;

use clap::Args;

use super::CHECKLIST;
use super::run::RunArgs;

/// The arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The items: full ids or unique ends of them
    #[arg(required = true)]
    pub items: Vec<String>,
    /// Record it even in a gated phase that is not open yet (marked as forced)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `uncheck`.
#[derive(Debug, Args)]
pub struct UncheckArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The items: full ids or unique ends of them
    #[arg(required = true)]
    pub items: Vec<String>,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `skip`.
#[derive(Debug, Args)]
pub struct SkipArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The items: full ids or unique ends of them
    #[arg(required = true)]
    pub items: Vec<String>,
    /// Why the items do not apply
    #[arg(long, value_name = "TEXT")]
    pub reason: Option<String>,
    /// Record it even in a gated phase that is not open yet (marked as forced)
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `note`.
#[derive(Debug, Args)]
pub struct NoteArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The item: its full id or a unique end of it
    pub item: String,
    /// The note (Markdown allowed); an empty text clears it
    pub text: String,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `approve`.
#[derive(Debug, Args)]
pub struct ApproveArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The phase: its id or its name
    pub phase: String,
    /// What you reviewed, kept with the approval
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// Record it even though you recorded changes in an earlier phase (marked as forced)
    #[arg(long)]
    pub force: bool,
    /// Take back your approval of the phase
    #[arg(long, conflicts_with_all = ["note", "force"])]
    pub withdraw: bool,
    #[command(flatten)]
    pub run: RunArgs,
}
