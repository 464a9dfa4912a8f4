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

use std::process::ExitCode;

use clap::CommandFactory;

use crate::service::Source;
pub use args::{Cli, Command, Globals, ImportRunArgs, RunArgs};
pub use usage::Usage;

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

/// Runs a parsed command line. Errors are returned for `main` to print.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let globals = &cli.globals();
    let Some(command) = &cli.command else {
        if let Some(path) = &cli.checklist {
            misspelt_command(path)?;
        }
        return interactive::run(&Source::resolve(cli.checklist.as_deref()), globals, cli.fresh);
    };
    match command {
        Command::Validate(args) => validate::run(args, globals),
        Command::Status(args) => status::run(args, globals),
        Command::Check(args) => mark::check(args, globals),
        Command::Uncheck(args) => mark::uncheck(args, globals),
        Command::Skip(args) => mark::skip(args, globals),
        Command::Note(args) => mark::note(args, globals),
        Command::Approve(args) => approve::run(args, globals),
        Command::Exec(args) => runbook::exec(args, globals),
        Command::Verify(args) => runbook::verify(args, globals),
        Command::Report(args) => timing::report(args, globals),
        Command::Runs(args) => history::runs(args, globals),
        Command::Log(args) => history::log(args, globals),
        Command::Sync(args) => sync::run(args, globals),
        Command::Export(args) => markdown::export(args, globals),
        Command::Import(args) => markdown::import(args, globals),
        Command::Generate(args) => scaffold::generate(args),
        Command::Completions(args) => manual::completions(args),
        Command::New(args) => scaffold::new(args),
        Command::Templates => scaffold::templates(),
        Command::Schema => scaffold::schema(),
        Command::Man => manual::print(),
    }
}
