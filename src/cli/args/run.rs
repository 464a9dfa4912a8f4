//! The run arguments the commands that work on a run share: which run, which
//! log, who records, and the parameter values given.

use std::path::PathBuf;

use clap::Args;

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
