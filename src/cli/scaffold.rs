//! `new`, `templates` and `schema`: starting a checklist of your own.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::{exit, output};
use crate::bundled::{self, STARTER};
use crate::format;
use crate::text::escape_for_terminal;

/// `preflight templates`: the shipped checklists, by the name `--from` takes.
pub fn templates() -> anyhow::Result<ExitCode> {
    let mut text = String::new();
    for template in bundled::ALL {
        let checklist = template.load()?;
        let _ = writeln!(
            text,
            "{:<24} {} ({} phases, {} items)",
            template.name(),
            checklist.title,
            checklist.phases().len(),
            checklist.items().len()
        );
    }
    output::print(&text)?;
    Ok(ExitCode::from(exit::OK))
}

/// `preflight new FILE [--from TEMPLATE]`: writes a starter or a copy of a
/// shipped checklist, and never replaces a file that exists.
pub fn new(path: &Path, from: Option<&str>) -> anyhow::Result<ExitCode> {
    let shown = escape_for_terminal(&path.display().to_string());
    let text = match from {
        None => STARTER,
        Some(name) => {
            let wanted = name.strip_suffix(".yaml").unwrap_or(name);
            let template = bundled::ALL.iter().find(|t| t.name() == wanted).ok_or_else(|| {
                let names: Vec<&str> = bundled::ALL.iter().map(bundled::Bundled::name).collect();
                anyhow::anyhow!(
                    "no template `{}`\n  hint: the templates are {}; `preflight templates` describes them",
                    escape_for_terminal(name),
                    names.join(", ")
                )
            })?;
            template.source
        }
    };
    let mut file = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => anyhow::bail!(
            "{shown} exists already; preflight new never overwrites a file\n  hint: choose another name, or remove the file first"
        ),
        Err(e) => anyhow::bail!("cannot create {shown}: {e}\n  hint: check that its folder exists and is writable"),
    };
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all())?;
    eprintln!("wrote {shown}; open it with `preflight {shown}`, check it with `preflight validate {shown}`");
    Ok(ExitCode::from(exit::OK))
}

/// `preflight schema`: the JSON Schema of the checklist format.
pub fn schema() -> anyhow::Result<ExitCode> {
    output::print(&format::json_schema())?;
    Ok(ExitCode::from(exit::OK))
}
