//! Every command, with its description and its examples, each with its
//! arguments (in the files beside this one): the table clap builds the help,
//! the man page and the completions from.

use clap::Subcommand;

use super::changes::{ApproveArgs, CheckArgs, NoteArgs, SkipArgs, UncheckArgs};
use super::files::{CompletionsArgs, GenerateArgs, ImportArgs, NewArgs, ValidateArgs};
use super::reading::{ExportArgs, LogArgs, ReportArgs, RunsArgs, StatusArgs, SyncArgs};
use super::runbook::{ExecArgs, VerifyArgs};

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check checklist files and report what is wrong, with line and column
    #[command(after_help = "Examples:\n  preflight validate\n  preflight validate deploy.yaml release.yaml")]
    Validate(ValidateArgs),
    /// Show progress per phase and overall
    #[command(
        after_help = "Examples:\n  preflight status\n  preflight status deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight status deploy.yaml --json | jq .percent\n  preflight status deploy.yaml --require-complete   # a CI gate: exit 3 while items are open"
    )]
    Status(StatusArgs),
    /// Mark items done
    #[command(
        after_help = "Examples:\n  preflight check deploy.yaml cloud-on-premise-environment\n  \
        preflight check production-deployment ssl-certificates domain-dns --run \"v2.3.0 release\""
    )]
    Check(CheckArgs),
    /// Mark items not done again
    #[command(after_help = "Example:\n  preflight uncheck deploy.yaml cloud-on-premise-environment")]
    Uncheck(UncheckArgs),
    /// Mark items as not applicable to this run
    #[command(after_help = "Example:\n  preflight skip deploy.yaml redis-cache --reason \"no cache in this service\"")]
    Skip(SkipArgs),
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
    Approve(ApproveArgs),
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
    Exec(ExecArgs),
    /// Run verifications and tick the items they prove
    #[command(
        long_about = "Run verifications and tick the items they prove.\n\n\
        Runs the `verify:` command of each ITEM (default: every open item that has one), in checklist order, \
        each within --timeout. An item whose verification exits 0 is ticked; every result is recorded in the \
        run with its exit status, time and last lines of output. Prints a line per item (✓, ✗ exit N, \
        ⏱ timed out) and exits 0 only when every one passed.",
        after_help = "Examples:\n  preflight verify release.yaml\n  preflight verify release.yaml health-endpoint --timeout 10"
    )]
    Verify(VerifyArgs),
    /// How long each phase took, who worked on it, and the longest steps; or
    /// the whole run as a page to hand to an audit (--html)
    #[command(
        after_help = "Examples:\n  preflight report deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight report deploy.yaml --json | jq '.phases[] | {name, seconds}'\n  \
        preflight report deploy.yaml --run \"v2.3.0 release\" --html -o release-audit.html"
    )]
    Report(ReportArgs),
    /// Set an item's note; an empty TEXT clears it
    #[command(
        after_help = "Examples:\n  preflight note deploy.yaml ssl-certificates \"renewed, expires 2027-03-01\"\n  \
        preflight note deploy.yaml ssl-certificates \"\""
    )]
    Note(NoteArgs),
    /// List the runs of a checklist with their progress and last activity
    #[command(
        after_help = "Examples:\n  preflight runs deploy.yaml\n  preflight runs deploy.yaml --state runs/v2.3.0.jsonl"
    )]
    Runs(RunsArgs),
    /// Write a run's progress as a GitHub Markdown task list
    #[command(after_help = "Examples:\n  preflight export > progress.md\n  \
        preflight export deploy.yaml --run \"v2.3.0 release\" -o release-checklist.md")]
    Export(ExportArgs),
    /// Turn a Markdown checklist into preflight YAML, with its ticks if --run is given
    #[command(after_help = "Examples:\n  preflight import runbook.md > runbook.yaml\n  \
        preflight import release-checklist.md -o release.yaml --run \"v2.3.0 release\"\n\n\
        To work through a Markdown checklist, no import is needed: every command opens it as it is\n\
        (preflight release-checklist.md). Import makes a YAML copy to edit and extend.")]
    Import(ImportArgs),
    /// Write a new checklist: a short example, or a copy of a shipped one
    #[command(
        after_help = "Examples:\n  preflight new deploy.yaml\n  preflight new release.yaml --from software-release\n  preflight templates"
    )]
    New(NewArgs),
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
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man`
    #[command(after_help = "Example:\n  preflight man > ~/.local/share/man/man1/preflight.1")]
    Man,
    /// Write a large checklist and run log, to measure preflight at scale
    #[command(hide = true)]
    Generate(GenerateArgs),
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
    Sync(SyncArgs),
    /// Print a run's history in the order of time: when, who, what
    #[command(after_help = "Examples:\n  preflight log deploy.yaml --run \"v2.3.0 release\"\n  \
        preflight log deploy.yaml --state runs/v2.3.0.jsonl --since 2h --by bob\n\n\
        With --by NAME, log shows only the changes NAME made.")]
    Log(LogArgs),
}
