//! The `preflight` binary: parse arguments, run the command, turn the outcome into
//! an exit status. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;
use preflight::cli::{self, Cli, exit};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(&cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{} {err:#}", cli::paint::Paint::stderr(cli.globals.color).error());
            ExitCode::from(exit::ERROR)
        }
    }
}
