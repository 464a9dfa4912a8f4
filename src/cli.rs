//! The command line: clap definitions, and one function per command that loads
//! what it needs, does its work through the library and reports an exit status.

mod output;
mod status;
mod validate;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::bundled::PRODUCTION_DEPLOYMENT;
use crate::checklist::Checklist;
use crate::format;

/// The exit statuses scripts can rely on.
pub mod exit {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const USAGE: u8 = 2;
}

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  error: a checklist or run log could not be read or written
  2  usage: unknown command or bad arguments";

#[derive(Debug, Parser)]
#[command(
    name = "preflight",
    version,
    about = "A terminal checklist runner for deployments, releases, incidents and reviews",
    long_about = "A terminal checklist runner for deployments, releases, incidents and reviews.\n\n\
        A checklist is a YAML file of phases, sections and items. Without a CHECKLIST, \
        commands use the bundled Production Deployment Checklist.",
    after_help = EXIT_CODES,
    arg_required_else_help = true,
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check checklist files and report what is wrong, with line and column
    #[command(
        after_help = "Examples:\n  preflight validate\n  preflight validate deploy.yaml release.yaml"
    )]
    Validate {
        /// Checklist files to check (default: the bundled checklist)
        checklists: Vec<PathBuf>,
    },
    /// Show progress per phase and overall
    #[command(
        after_help = "Examples:\n  preflight status\n  preflight status deploy.yaml --json | jq .percent"
    )]
    Status {
        /// The checklist (default: the bundled one)
        checklist: Option<PathBuf>,
        /// Print the whole tree as JSON, for scripts
        #[arg(long)]
        json: bool,
    },
}

/// Runs a parsed command line. Errors are returned for `main` to print.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Validate { checklists } => validate::run(&checklists),
        Command::Status { checklist, json } => {
            let checklist = load(checklist.as_deref())?;
            status::run(&checklist, json)
        }
    }
}

/// Loads the named checklist, or the bundled one.
fn load(path: Option<&Path>) -> anyhow::Result<Checklist> {
    Ok(match path {
        Some(path) => format::load_file(path)?,
        None => PRODUCTION_DEPLOYMENT.load()?,
    })
}
