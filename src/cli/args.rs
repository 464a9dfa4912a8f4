//! The command line as clap reads it: the top-level parser and which run a
//! command works on. The commands themselves are in `args/commands.rs`, each
//! with a struct of its arguments (`args/changes.rs`, `args/runbook.rs`,
//! `args/reading.rs`, `args/files.rs`), the run arguments they share in
//! `args/run.rs`.

use std::path::PathBuf;

use clap::Parser;

use super::paint;

mod changes;
mod commands;
mod files;
mod reading;
mod run;
mod runbook;

pub use changes::{ApproveArgs, CheckArgs, NoteArgs, SkipArgs, UncheckArgs};
pub use commands::Command;
pub use files::{CompletionsArgs, GenerateArgs, ImportArgs, NewArgs, ValidateArgs};
pub use reading::{ExportArgs, LogArgs, ReportArgs, RunsArgs, StatusArgs, SyncArgs};
pub use run::{ImportRunArgs, RunArgs};
pub use runbook::{ExecArgs, VerifyArgs};

/// What the `CHECKLIST` argument takes, said once for every command.
const CHECKLIST: &str = "The checklist: a YAML or Markdown file, or a bundled checklist's name";

/// As [`CHECKLIST`], for the commands where it may be left out.
const CHECKLIST_OR_BUNDLED: &str =
    "The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)";

const AFTER_HELP: &str = "\
Without a command, preflight opens CHECKLIST in the interactive view: move with
j/k or the arrows, tick with Space, skip with s, note with n, search with /,
and ? for every key. Every change is saved at once.

CHECKLIST is a YAML or Markdown (.md) file, or the name of a bundled checklist
(production-deployment).
Without one, commands use the bundled Production Deployment Checklist.
ITEM is an item's full id (pre-deployment/infrastructure-setup/cloud-on-premise-environment)
or any unique end of it at a `/` (cloud-on-premise-environment).

Run logs live in $XDG_DATA_HOME/preflight/ (usually ~/.local/share/preflight/),
one folder per checklist, one <run>.jsonl file per run.

Environment:
  PREFLIGHT_USER  who is recording, when --by is not given (else the login name)
  XDG_DATA_HOME   where run logs are kept
  NO_COLOR        no colour, unless --color always
  VISUAL, EDITOR  the editor E opens in the interactive view
  PREFLIGHT_PARAM_<NAME>  set by preflight for a command it runs (exec, verify, ! and v):
                  the run's value of each parameter

Commands run only through exec, verify, and ! or v in the view, and each shows the
command line first; opening, status, export and import never run anything.

Exit status:
  0  success
  1  error: a checklist or run log could not be read or written, an ITEM is unknown,
     a gate is closed, or a command exec or verify ran failed
  2  usage: unknown command or bad arguments
  3  status --require-complete: items are still open, or a done item's proof failed;
     exec --all stopped at a manual step or a closed gate
  128+n  signal n (Ctrl-C, SIGTERM, SIGHUP) stopped a command exec or verify ran";

#[derive(Debug, Parser)]
#[command(
    name = "preflight",
    version,
    about = "A terminal checklist runner for deployments, releases, incidents and reviews",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The checklist to open in the interactive view (default: the bundled one)
    pub checklist: Option<PathBuf>,
    /// Start the view at the first open item, not where it was left
    #[arg(long)]
    pub fresh: bool,
    #[command(flatten)]
    pub run: RunArgs,
    /// When to use colour
    #[arg(long, global = true, value_enum, default_value_t, value_name = "WHEN")]
    pub color: paint::ColorChoice,
}

/// What a command runs with: its run arguments and the colour choice.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    pub run: Option<String>,
    pub state: Option<PathBuf>,
    pub by: Option<String>,
    /// `--set NAME=VALUE`, in the order given.
    pub set: Vec<(String, String)>,
    pub color: paint::ColorChoice,
}

impl Cli {
    /// The run arguments of the command given (the view's without one).
    pub fn globals(&self) -> Globals {
        let run = match &self.command {
            None => self.run.clone(),
            Some(
                Command::Status(StatusArgs { run, .. })
                | Command::Check(CheckArgs { run, .. })
                | Command::Uncheck(UncheckArgs { run, .. })
                | Command::Skip(SkipArgs { run, .. })
                | Command::Note(NoteArgs { run, .. })
                | Command::Approve(ApproveArgs { run, .. })
                | Command::Export(ExportArgs { run, .. })
                | Command::Log(LogArgs { run, .. })
                | Command::Sync(SyncArgs { run, .. })
                | Command::Exec(ExecArgs { run, .. })
                | Command::Verify(VerifyArgs { run, .. })
                | Command::Report(ReportArgs { run, .. }),
            ) => run.clone(),
            Some(Command::Import(ImportArgs { run, .. })) => RunArgs {
                run: run.run.clone(),
                state: run.state.clone(),
                by: run.by.clone(),
                set: Vec::new(),
            },
            Some(_) => RunArgs::default(),
        };
        Globals {
            run: run.run,
            state: run.state,
            by: run.by,
            set: run.set,
            color: self.color,
        }
    }
}
