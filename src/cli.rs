//! The command line: dispatch of each command (defined in `args`) to the
//! module that carries it out, and the exit statuses.

mod approve;
mod args;
pub mod exit;
mod history;
mod interactive;
mod manual;
mod mark;
mod markdown;
mod open_run;
pub mod output;
mod output_file;
pub mod paint;
mod phrases;
mod runbook;
mod scaffold;
mod status;
mod sync;
mod timing;
mod usage;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::CommandFactory;

use crate::service::Source;
pub use args::{Cli, Command, Globals, ImportRunArgs, RunArgs};
use open_run::Needs;
pub use usage::Usage;
use usage::usage;

/// A CHECKLIST that is no file but looks like a misspelt command (`preflight
/// stauts`) is a usage error with a suggestion, as clap gives for subcommands.
fn misspelt_command(path: &std::path::Path) -> anyhow::Result<()> {
    let Some(word) = path.to_str().filter(|w| !path.exists() && !w.contains(['/', '.'])) else {
        return Ok(());
    };
    let templates: Vec<&str> = crate::bundled::ALL.iter().map(crate::bundled::Bundled::name).collect();
    if templates.contains(&word) {
        return Ok(());
    }
    let command = Cli::command();
    let names = command
        .get_subcommands()
        .map(clap::Command::get_name)
        .filter(|name| *name != "help")
        .chain(templates.iter().copied());
    let closest = names
        .map(|name| (strsim::levenshtein(name, word), name))
        .min()
        .filter(|(distance, _)| *distance <= 3)
        .map(|(_, name)| name);
    let hint = closest.map_or_else(
        || "`preflight --help` lists the commands, `preflight templates` the bundled checklists".to_owned(),
        |name| format!("did you mean `{name}`?"),
    );
    Err(
        Usage::Message(crate::hinted::Hinted::new(format!("no command or checklist named `{word}`"), hint).to_string())
            .into(),
    )
}

/// An `-o` file; `-o -` is standard output, as the tools around it read it.
fn to_file(output: Option<&std::path::Path>) -> Option<&std::path::Path> {
    output.filter(|path| path.as_os_str() != "-")
}

/// Runs a parsed command line. Errors are returned for `main` to print.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let globals = &cli.globals();
    // Commands that only read a run: a run named on purpose must exist.
    let read = |checklist: Option<&PathBuf>| {
        open_run::for_command(checklist.map(PathBuf::as_path), globals, Needs::state(true))
    };
    // Those that measure or show the run's history need every event.
    let read_all = |checklist: Option<&PathBuf>| {
        open_run::for_command(checklist.map(PathBuf::as_path), globals, Needs::history(true))
    };
    let Some(command) = &cli.command else {
        if let Some(path) = &cli.checklist {
            misspelt_command(path)?;
        }
        return interactive::run(&Source::resolve(cli.checklist.as_deref()), globals, cli.fresh);
    };
    match command {
        Command::Validate { checklists } => validate::run(checklists, globals),
        Command::Status {
            checklist,
            json,
            require_complete,
            ..
        } => status::run(
            &mut read(checklist.as_ref())?,
            *json,
            *require_complete,
            paint::Paint::stdout(globals.color),
        ),
        Command::Check { .. } | Command::Uncheck { .. } | Command::Skip { .. } | Command::Note { .. } => {
            mark::from_command(command, globals)
        }
        Command::Approve { .. } => approve::from_command(command, globals),
        Command::Exec { .. } | Command::Verify { .. } => runbook::from_command(command, globals),
        Command::Report {
            checklist,
            html: true,
            output,
            force,
            ..
        } => timing::page(&mut read_all(checklist.as_ref())?, to_file(output.as_deref()), *force),
        Command::Report { checklist, json, .. } => timing::run(&mut read_all(checklist.as_ref())?, *json),
        Command::Runs { checklist, state } => {
            history::runs(&Source::resolve(checklist.as_deref()), state.as_deref(), globals)
        }
        Command::Log { checklist, since, .. } => {
            let since = since.as_deref().map(history::since).transpose()?;
            let mut service = open_run::for_command(checklist.as_deref(), globals, Needs::log(true))?;
            history::log(&mut service, since, globals.by.as_deref())
        }
        Command::Sync { checklist, .. } => {
            if globals.state.is_none() {
                return Err(usage(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    "sync shares a run log kept in a git work tree: name it with --state FILE",
                ));
            }
            sync::run(&mut open_run::for_command(
                checklist.as_deref(),
                globals,
                Needs::log(false),
            )?)
        }
        Command::Export {
            checklist,
            output,
            force,
            ..
        } => markdown::export(&mut read_all(checklist.as_ref())?, to_file(output.as_deref()), *force),
        Command::Import {
            markdown: input,
            output,
            force,
            ..
        } => markdown::import(input, to_file(output.as_deref()), *force, globals),
        Command::Generate {
            items,
            events,
            dir,
            force,
        } => scaffold::generate(*items, *events, dir, *force),
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "preflight", &mut script);
            output::print(&String::from_utf8_lossy(&script))?;
            Ok(ExitCode::from(exit::OK))
        }
        Command::New { file, from } => scaffold::new(file, from.as_deref()),
        Command::Templates => scaffold::templates(),
        Command::Schema => scaffold::schema(),
        Command::Man => {
            output::print(&manual::page()?)?;
            Ok(ExitCode::from(exit::OK))
        }
    }
}
