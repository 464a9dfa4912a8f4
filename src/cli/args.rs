//! The command line as clap reads it: the top-level parser, the run
//! arguments the commands that work on a run share, and which run a command
//! works on. The commands themselves are in `args/commands.rs`.

use std::path::PathBuf;

use clap::{Args, Parser};

use super::paint;

mod commands;

pub use commands::Command;

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

/// Which run a command reads or records, and who records: given to the
/// commands that work on a run, and only to them.
#[derive(Debug, Clone, Default, Args)]
pub struct RunArgs {
    /// The run to read or record (default: "default")
    #[arg(long, value_name = "NAME")]
    pub run: Option<String>,
    /// Use FILE as the run log, for example one kept in git next to the checklist
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Who is recording (default: `$PREFLIGHT_USER`, else the login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Give a run parameter a value; recorded in the run log, so later
    /// commands and teammates see it (repeatable)
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = param_value)]
    pub set: Vec<(String, String)>,
}

/// `NAME=VALUE`, split at the first `=`.
fn param_value(text: &str) -> Result<(String, String), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not NAME=VALUE, for example --set version=2.3.0"))?;
    Ok((name.trim().to_owned(), value.to_owned()))
}

/// `import`'s run: none unless asked for, since an import makes a checklist.
#[derive(Debug, Clone, Default, Args)]
pub struct ImportRunArgs {
    /// Record the Markdown's ticks, notes and skips as this run of the new
    /// checklist (needs -o; the run must be new)
    #[arg(long, value_name = "NAME")]
    pub run: Option<String>,
    /// Keep that run's log in FILE instead of the data directory
    #[arg(long, value_name = "FILE", requires = "run")]
    pub state: Option<PathBuf>,
    /// Who the imported changes are recorded as, where the Markdown does not
    /// say (default: `$PREFLIGHT_USER`, else the login name)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
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
                Command::Status { run, .. }
                | Command::Check { run, .. }
                | Command::Uncheck { run, .. }
                | Command::Skip { run, .. }
                | Command::Note { run, .. }
                | Command::Approve { run, .. }
                | Command::Export { run, .. }
                | Command::Log { run, .. }
                | Command::Sync { run, .. }
                | Command::Exec { run, .. }
                | Command::Verify { run, .. }
                | Command::Report { run, .. },
            ) => run.clone(),
            Some(Command::Import { run, .. }) => RunArgs {
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
