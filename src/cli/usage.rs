//! Usage errors: what `main` prints as clap prints its own, with the exit
//! status of a usage error.

use clap::CommandFactory;

use super::args::Cli;

/// A command line that asks for something that cannot be: `main` prints it
/// and exits with [`super::exit::USAGE`], as clap does for its own, so that no code
/// below `main` ends the process.
#[derive(Debug)]
pub enum Usage {
    /// Clap's own error, printed as clap prints it.
    Clap(clap::Error),
    /// A message with its hint, printed as other errors are.
    Message(String),
}

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Usage::Clap(err) => write!(f, "{err}"),
            Usage::Message(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for Usage {}

/// A usage error of `kind`, worded as clap words its own.
pub(crate) fn usage(kind: clap::error::ErrorKind, message: &str) -> anyhow::Error {
    Usage::Clap(Cli::command().error(kind, message)).into()
}
