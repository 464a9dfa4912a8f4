//! The arguments of the commands about checklist files rather than runs:
//! `validate`, `import`, `new`, `completions` and the hidden `generate`.

use std::path::PathBuf;

use clap::Args;

use super::run::ImportRunArgs;

/// The arguments of `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Checklist files to check (default: the bundled checklist)
    pub checklists: Vec<PathBuf>,
}

/// The arguments of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The Markdown file
    pub markdown: PathBuf,
    /// Write the checklist to FILE (atomically) instead of standard output;
    /// an existing FILE is replaced only with --force
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing FILE (only a regular file: never a symlink, a
    /// device or a FIFO)
    #[arg(long, requires = "output")]
    pub force: bool,
    #[command(flatten)]
    pub run: ImportRunArgs,
}

/// The arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// Where to write it (an existing file is never replaced)
    pub file: PathBuf,
    /// Start from a shipped checklist (see `preflight templates`)
    #[arg(long, value_name = "TEMPLATE")]
    pub from: Option<String>,
}

/// The arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    pub shell: clap_complete::Shell,
}

/// The arguments of `generate`.
#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// How many items the checklist has
    #[arg(long, default_value_t = 100_000)]
    pub items: usize,
    /// How many events the run log holds
    #[arg(long, default_value_t = 100_000)]
    pub events: usize,
    /// Where to write checklist.yaml and run.jsonl
    #[arg(long, default_value = ".")]
    pub dir: PathBuf,
    /// Replace checklist.yaml and run.jsonl if they are there
    #[arg(long)]
    pub force: bool,
}
