//! Every command, with its arguments, its description and its examples: the
//! table clap builds the help, the man page and the completions from.

use std::path::PathBuf;

use clap::Subcommand;

use super::run::{ImportRunArgs, RunArgs};

/// A time limit in seconds: more than nothing, less than a day.
fn seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!("`{text}` is not a number of seconds between 0 and 86400")),
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
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
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
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
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
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
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
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
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
    /// Approve a phase that needs approvals (two-person rule), or withdraw your approval
    #[command(
        long_about = "Approve a phase that needs approvals (two-person rule), or withdraw your approval.\n\n\
        A phase with `approvals: N` opens only once N different people approved it, none of whom recorded a \
        change in an earlier phase, by name or by login. Approving as someone who did is refused, unless \
        --force records it anyway, marked as forced everywhere. Approving twice counts once; --withdraw takes \
        your approval back.",
        after_help = "Examples:\n  preflight approve deploy.yaml deploy --note \"diff and dashboards reviewed\"\n  \
        preflight approve deploy.yaml Deploy --run \"v2.3.0 release\" --by carol\n  \
        preflight approve deploy.yaml deploy --withdraw"
    )]
    Approve {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
        checklist: PathBuf,
        /// The phase: its id or its name
        phase: String,
        /// What you reviewed, kept with the approval
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
        /// Record it even though you recorded changes in an earlier phase (marked as forced)
        #[arg(long)]
        force: bool,
        /// Take back your approval of the phase
        #[arg(long, conflicts_with_all = ["note", "force"])]
        withdraw: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Run an item's command and record what it showed; exit 0 ticks the item
    #[command(
        long_about = "Run an item's command and record what it showed; exit 0 ticks the item.\n\n\
        Runs the item's `command:` with `sh -c` in the current folder, in a process group of its own, the \
        run's parameters written into it so that the shell reads each value as text, and set as \
        PREFLIGHT_PARAM_<NAME>. Its output is shown as it comes; the exit status, the time and the last 20 \
        lines are recorded in the run. When the item has a `verify:`, it runs after a command that exited 0, \
        and the item is ticked only if it passes too. An item a teammate changed while the command ran keeps \
        its status. Anything else leaves the item as it is and exits 1; Ctrl-C or SIGTERM stop the command \
        and everything it started, and the step is recorded as interrupted (exit 128 + the signal).",
        after_help = "Examples:\n  preflight exec release.yaml tag-version --set version=2.3.0\n  \
        preflight exec release.yaml smoke-tests --run \"v2.3.0 release\" --timeout 600\n  \
        preflight exec release.yaml tag-version --dry-run\n  \
        preflight exec release.yaml --all --phase prepare   # until the first manual step, failure or gate"
    )]
    Exec {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
        checklist: PathBuf,
        /// The item: its full id or a unique end of it
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        item: Option<String>,
        /// Run the open items' commands (then verifications) in checklist order, stopping at the first failure, at a closed gate and at the first manual step
        #[arg(long)]
        all: bool,
        /// With --all: only the items of this phase (its id or name)
        #[arg(long, value_name = "NAME", requires = "all")]
        phase: Option<String>,
        /// Run it even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        /// Seconds the command (and its verification) may take before it is stopped
        #[arg(long, value_name = "SECONDS", value_parser = seconds)]
        timeout: Option<f64>,
        /// Print the command line exactly as it would run; run and record nothing
        #[arg(long)]
        dry_run: bool,
        /// Run the command of an item that is done already (not every step is safe to repeat)
        #[arg(long)]
        again: bool,
        /// Start even though the run log says a teammate elsewhere runs the step (when that run ended without an outcome)
        #[arg(long)]
        takeover: bool,
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
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
        checklist: PathBuf,
        /// The items (default: every open item with a verification)
        items: Vec<String>,
        /// Seconds each verification may take before it is stopped
        #[arg(long, value_name = "SECONDS", default_value_t = 60.0, value_parser = seconds)]
        timeout: f64,
        /// Run them even in a gated phase that is not open yet (marked as forced)
        #[arg(long)]
        force: bool,
        /// Start even though the run log says a teammate elsewhere runs the step (when that run ended without an outcome)
        #[arg(long)]
        takeover: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// How long each phase took, who worked on it, and the longest steps; or
    /// the whole run as a page to hand to an audit (--html)
    #[command(
        after_help = "Examples:\n  preflight report deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight report deploy.yaml --json | jq '.phases[] | {name, seconds}'\n  \
        preflight report deploy.yaml --run \"v2.3.0 release\" --html -o release-audit.html"
    )]
    Report {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Print the report as JSON, for scripts
        #[arg(long, conflicts_with = "html")]
        json: bool,
        /// Write the run as one self-contained HTML page, for an audit: totals,
        /// timeline, every item with who, when and its evidence
        #[arg(long)]
        html: bool,
        /// Write the page to FILE (atomically) instead of standard output. An
        /// existing FILE is replaced only when it is an earlier page, or with --force
        #[arg(short, long, value_name = "FILE", requires = "html")]
        output: Option<PathBuf>,
        /// Replace FILE even when it is not an earlier page (never a symlink, a
        /// device or a FIFO)
        #[arg(long, requires = "output")]
        force: bool,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Set an item's note; an empty TEXT clears it
    #[command(
        after_help = "Examples:\n  preflight note deploy.yaml ssl-certificates \"renewed, expires 2027-03-01\"\n  \
        preflight note deploy.yaml ssl-certificates \"\""
    )]
    Note {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name
        checklist: PathBuf,
        /// The item: its full id or a unique end of it
        item: String,
        /// The note (Markdown allowed); an empty text clears it
        text: String,
        #[command(flatten)]
        run: RunArgs,
    },
    /// List the runs of a checklist with their progress and last activity
    #[command(
        after_help = "Examples:\n  preflight runs deploy.yaml\n  preflight runs deploy.yaml --state runs/v2.3.0.jsonl"
    )]
    Runs {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// List the run kept in FILE (for example one kept in git) instead of
        /// the checklist's runs in the data directory
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
    },
    /// Write a run's progress as a GitHub Markdown task list
    #[command(after_help = "Examples:\n  preflight export > progress.md\n  \
        preflight export deploy.yaml --run \"v2.3.0 release\" -o release-checklist.md")]
    Export {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
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
        preflight import release-checklist.md -o release.yaml --run \"v2.3.0 release\"\n\n\
        To work through a Markdown checklist, no import is needed: every command opens it as it is\n\
        (preflight release-checklist.md). Import makes a YAML copy to edit and extend.")]
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
    /// Share a run log kept in git: commit it, join it with the upstream's copy, push
    #[command(
        after_help = "Examples:\n  preflight sync deploy.yaml --state runs/v2.3.0.jsonl --run \"v2.3.0 release\"\n\n\
        The run log (--state FILE) must be in a git work tree, on a branch with an upstream,\n\
        with no merge, rebase, cherry-pick, revert or bisect under way. Holding the log's\n\
        lock, sync commits it if it changed (\"preflight: <run> <done>/<total>\"), joins it\n\
        with the upstream's copy event by event and merges the rest; then it pushes (again,\n\
        when someone pushed meanwhile) and says what came in. A log that lost events already\n\
        shared is refused; a deleted one is restored from git."
    )]
    Sync {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        #[command(flatten)]
        run: RunArgs,
    },
    /// Print a run's history in the order of time: when, who, what
    #[command(after_help = "Examples:\n  preflight log deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight log deploy.yaml --state runs/v2.3.0.jsonl --since 2h --by bob\n\n\
        With --by NAME, log shows only the changes NAME made.")]
    Log {
        /// The checklist: a YAML or Markdown file, or a bundled checklist's name (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Only changes made at or after TIME: 2026-11-29T10:00:00Z, a day
        /// (2026-11-29), or how long ago (90m, 2h, 3days)
        #[arg(long, value_name = "TIME")]
        since: Option<String>,
        #[command(flatten)]
        run: RunArgs,
    },
}
