//! The arguments of the commands that run an item's command or its
//! verification: `exec` and `verify`.

use std::path::PathBuf;

use clap::Args;

use super::CHECKLIST;
use super::run::RunArgs;

/// A time limit in seconds: more than nothing, less than a day.
fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("`{text}` is not a number of seconds between 0 and 86400")),
    }
}

/// The arguments of `exec`.
#[derive(Debug, Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is a flag of its own on the command line"
)]
pub struct ExecArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The item: its full id or a unique end of it
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub item: Option<String>,
    /// Run the open items' commands (then verifications) in checklist order, stopping at the first failure, at a closed gate and at the first manual step
    #[arg(long)]
    pub all: bool,
    /// With --all: only the items of this phase (its id or name)
    #[arg(long, value_name = "NAME", requires = "all")]
    pub phase: Option<String>,
    /// Run it even in a gated phase that is not open yet (marked as forced)
    #[arg(long)]
    pub force: bool,
    /// Seconds the command (and its verification) may take before it is stopped
    #[arg(long, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: Option<f64>,
    /// Print the command line exactly as it would run; run and record nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Run the command of an item that is done already (not every step is safe to repeat)
    #[arg(long)]
    pub again: bool,
    /// Start even though the run log says a teammate elsewhere runs the step (when that run ended without an outcome)
    #[arg(long)]
    pub takeover: bool,
    #[command(flatten)]
    pub run: RunArgs,
}

/// The arguments of `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[arg(help = CHECKLIST)]
    pub checklist: PathBuf,
    /// The items (default: every open item with a verification)
    pub items: Vec<String>,
    /// Seconds each verification may take before it is stopped
    #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = seconds)]
    pub timeout: f64,
    /// Run them even in a gated phase that is not open yet (marked as forced)
    #[arg(long)]
    pub force: bool,
    /// Start even though the run log says a teammate elsewhere runs the step (when that run ended without an outcome)
    #[arg(long)]
    pub takeover: bool,
    #[command(flatten)]
    pub run: RunArgs,
}
