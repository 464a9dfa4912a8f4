//! The `preflight` binary: parse arguments, run the command, turn the outcome into
//! an exit status. Everything else lives in the library.

use std::process::ExitCode;

use clap::Parser;
use preflight::cli::paint::Paint;
use preflight::cli::{self, Cli, Usage, exit, output};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli::run(&cli) {
        Ok(code) => code,
        Err(err) => match err.downcast::<Usage>() {
            Ok(Usage::Clap(clap)) => clap.exit(),
            Ok(Usage::Message(message)) => {
                output::error(Paint::stderr(cli.color), &message);
                ExitCode::from(exit::USAGE)
            }
            Err(err) => {
                output::error(Paint::stderr(cli.color), &format!("{err:#}"));
                ExitCode::from(exit::ERROR)
            }
        },
    }
}
