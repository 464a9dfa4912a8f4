//! The command line as clap reads it: the commands, their arguments and
//! help texts, and which run a command works on.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use super::paint;

const AFTER_HELP: &str = "\
Without a command, preflight opens CHECKLIST in the interactive view: move with
j/k or the arrows, tick with Space, skip with s, note with n, search with /,
and ? for every key. Every change is saved at once.

CHECKLIST is a YAML file, or the name of a bundled checklist (production-deployment).
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
  3  status --require-complete: items are still open";

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

/// A time limit in seconds: more than nothing, less than a day.
fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("`{text}` is not a number of seconds between 0 and 86400")),
    }
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

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check checklist files and report what is wrong, with line and column
    #[command(after_help = "Examples:\n  preflight validate\n  preflight validate deploy.yaml release.yaml")]
    Validate {
        /// Checklist files to check (default: the bundled checklist)
        checklists: Vec<PathBuf>,
    },
    /// Show progress per phase and overall
    #[command(
        after_help = "Examples:\n  preflight status\n  preflight status deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight status deploy.yaml --json | jq .percent\n  preflight status deploy.yaml --require-complete   # a CI gate: exit 3 while items are open"
    )]
    Status {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Print the whole tree as JSON, for scripts
        #[arg(long)]
        json: bool,
        /// Exit with status 3 while any item is neither done nor skipped
        #[arg(long)]
        require_complete: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Mark items done
    #[command(
        after_help = "Examples:\n  preflight check deploy.yaml cloud-on-premise-environment\n  \
        preflight check production-deployment ssl-certificates domain-dns --run \"v2.3.0 release\""
    )]
    Check {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The items: full ids or unique ends of them
        #[arg(required = true)]
        items: Vec<String>,
        /// Record it even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Mark items not done again
    #[command(after_help = "Example:\n  preflight uncheck deploy.yaml cloud-on-premise-environment")]
    Uncheck {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The items: full ids or unique ends of them
        #[arg(required = true)]
        items: Vec<String>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Mark items as not applicable to this run
    #[command(after_help = "Example:\n  preflight skip deploy.yaml redis-cache --reason \"no cache in this service\"")]
    Skip {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The items: full ids or unique ends of them
        #[arg(required = true)]
        items: Vec<String>,
        /// Why the items do not apply
        #[arg(long, value_name = "TEXT")]
        reason: Option<String>,
        /// Record it even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Run an item's command and record what it showed; exit 0 ticks the item
    #[command(
        long_about = "Run an item's command and record what it showed; exit 0 ticks the item.\n\n\
        Runs the item's `command:` with `sh -c` in the current folder, values of the run's parameters put in \
        as single-quoted words and set as PREFLIGHT_PARAM_<NAME>. Its output is shown as it comes; the exit \
        status, the time and the last 20 lines are recorded in the run. Exit 0 ticks the item; anything else \
        leaves it open and exits 1.",
        after_help = "Examples:\n  preflight exec release.yaml tag-version --set version=2.3.0\n  \
        preflight exec release.yaml smoke-tests --run \"v2.3.0 release\""
    )]
    Exec {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The item: its full id or a unique end of it
        item: String,
        /// Run it even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Run verifications and tick the items they prove
    #[command(
        long_about = "Run verifications and tick the items they prove.\n\n\
        Runs the `verify:` command of each ITEM (default: every open item that has one), in checklist order, \
        each within --timeout. An item whose verification exits 0 is ticked; every result is recorded in the \
        run with its exit status, time and last lines of output. Prints a line per item (✓, ✗ exit N, \
        ⏱ timed out) and exits 0 only when every one passed.",
        after_help = "Examples:\n  preflight verify release.yaml\n  preflight verify release.yaml health-endpoint --timeout 10"
    )]
    Verify {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The items (default: every open item with a verification)
        items: Vec<String>,
        /// Seconds each verification may take before it is stopped
        #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = seconds)]
        timeout: f64,
        /// Run them even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// How long each phase took, who worked on it, and the longest steps
    #[command(
        after_help = "Examples:\n  preflight report deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight report deploy.yaml --json | jq '.phases[] | {name, seconds}'"
    )]
    Report {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Print the report as JSON, for scripts
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Set an item's note; an empty TEXT clears it
    #[command(
        after_help = "Examples:\n  preflight note deploy.yaml ssl-certificates \"renewed, expires 2027-03-01\"\n  \
        preflight note deploy.yaml ssl-certificates \"\""
    )]
    Note {
        /// The checklist: a YAML file or a bundled checklist's name
        checklist: PathBuf,
        /// The item: its full id or a unique end of it
        item: String,
        /// The note (Markdown allowed); an empty text clears it
        text: String,
        #[command(flatten)]
        run: RunArgs,
    },
    /// List the runs of a checklist with their progress and last activity
    #[command(after_help = "Example:\n  preflight runs deploy.yaml")]
    Runs {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
    },
    /// Write a run's progress as a GitHub Markdown task list
    #[command(after_help = "Examples:\n  preflight export > progress.md\n  \
        preflight export deploy.yaml --run \"v2.3.0 release\" -o release-checklist.md")]
    Export {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Write to FILE (atomically) instead of standard output. An existing
        /// FILE is replaced only when it is an earlier export, or with --force
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE even when it is not an earlier export (never a symlink,
        /// a device or a FIFO)
        #[arg(long, requires = "output")]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Turn a Markdown checklist into preflight YAML, with its ticks if --run is given
    #[command(after_help = "Examples:\n  preflight import runbook.md > runbook.yaml\n  \
        preflight import release-checklist.md -o release.yaml --run \"v2.3.0 release\"")]
    Import {
        /// The Markdown file
        markdown: PathBuf,
        /// Write the checklist to FILE (atomically) instead of standard output;
        /// an existing FILE is replaced only with --force
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace an existing FILE (only a regular file: never a symlink, a
        /// device or a FIFO)
        #[arg(long, requires = "output")]
        force: bool,
        #[command(flatten)]
        run: ImportRunArgs,
    },
    /// Write a new checklist: a short example, or a copy of a shipped one
    #[command(
        after_help = "Examples:\n  preflight new deploy.yaml\n  preflight new release.yaml --from software-release\n  preflight templates"
    )]
    New {
        /// Where to write it (an existing file is never replaced)
        file: PathBuf,
        /// Start from a shipped checklist (see `preflight templates`)
        #[arg(long, value_name = "TEMPLATE")]
        from: Option<String>,
    },
    /// List the shipped checklists that `new --from` can copy
    #[command(after_help = "Examples:\n  preflight templates\n  preflight new incident.yaml --from incident-response")]
    Templates,
    /// Print the JSON Schema of the checklist format, for editors
    #[command(after_help = "Examples:\n  preflight schema > checklist.schema.json\n  \
        # then start the checklist with: # yaml-language-server: $schema=./checklist.schema.json")]
    Schema,
    /// Print a shell completion script
    #[command(
        after_help = "Examples:\n  preflight completions bash > ~/.local/share/bash-completion/completions/preflight\n  \
        preflight completions zsh > ~/.zfunc/_preflight\n  preflight completions fish > ~/.config/fish/completions/preflight.fish"
    )]
    Completions {
        /// The shell to complete for
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man`
    #[command(after_help = "Example:\n  preflight man > ~/.local/share/man/man1/preflight.1")]
    Man,
    /// Write a large checklist and run log, to measure preflight at scale
    #[command(hide = true)]
    Generate {
        /// How many items the checklist has
        #[arg(long, default_value_t = 100_000)]
        items: usize,
        /// How many events the run log holds
        #[arg(long, default_value_t = 100_000)]
        events: usize,
        /// Where to write checklist.yaml and run.jsonl
        #[arg(long, default_value = ".")]
        dir: PathBuf,
        /// Replace checklist.yaml and run.jsonl if they are there
        #[arg(long)]
        force: bool,
    },
    /// Share a run log kept in git: commit it, pull (union merge), push
    #[command(
        after_help = "Examples:\n  preflight sync deploy.yaml --state runs/v2.3.0.jsonl --run \"v2.3.0 release\"\n\n\
        The run log (--state FILE) must be in a git work tree, on a branch with an upstream.\n\
        sync commits the log if it changed (\"preflight: <run> <done>/<total>\"), adds\n\
        `*.jsonl merge=union` to .gitattributes when missing, pulls, pushes, and says\n\
        what came in. A pull that cannot be merged is undone."
    )]
    Sync {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print a run's history in the order of time: when, who, what
    #[command(after_help = "Example:\n  preflight log deploy.yaml --run \"v2.3.0 release\"")]
    Log {
        /// The checklist: a YAML file or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
    },
}
