//! `new`, `templates` and `schema`: starting a checklist of your own; and the
//! hidden `generate`, which makes large ones to measure with.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;

use super::args::{GenerateArgs, NewArgs};
use super::{exit, output};
use crate::bundled::{self, STARTER};
use crate::format;
use crate::hinted::hinted;
use crate::store::files::{FileError, Replace, Target};
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
pub fn new(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let (path, from) = (args.file.as_path(), args.from.as_deref());
    let shown = escape_for_terminal(&path.display().to_string());
    // The file would be read back as Markdown, which the YAML written is not.
    if format::is_markdown(path) {
        return Err(hinted(
            format!(
                "{shown}: preflight new writes YAML, and a file with a Markdown ending is read as Markdown; nothing was written"
            ),
            "name it .yaml, for example deploy.yaml",
        ));
    }
    let text = match from {
        None => STARTER,
        Some(name) => {
            let wanted = name.strip_suffix(".yaml").unwrap_or(name);
            let template = bundled::ALL.iter().find(|t| t.name() == wanted).ok_or_else(|| {
                let names: Vec<&str> = bundled::ALL.iter().map(bundled::Bundled::name).collect();
                hinted(
                    format!("no template `{}`", escape_for_terminal(name)),
                    format!(
                        "the templates are {}; `preflight templates` describes them",
                        names.join(", ")
                    ),
                )
            })?;
            template.source
        }
    };
    let written = Target::check(path, Replace::Never).and_then(|target| target.write(text));
    match written {
        Ok(()) => {}
        Err(FileError::Exists | FileError::Symlink | FileError::NotRegular(_)) => {
            return Err(hinted(
                format!("{shown} exists already; preflight new never overwrites a file"),
                "choose another name, or remove the file first",
            ));
        }
        Err(e) => {
            return Err(hinted(
                format!("cannot create {shown}: {e}"),
                "check that its folder exists and is writable",
            ));
        }
    }
    output::report(&format!(
        "wrote {shown}; open it with `preflight {shown}`, check it with `preflight validate {shown}`"
    ));
    Ok(ExitCode::from(exit::OK))
}

/// `preflight schema`: the JSON Schema of the checklist format.
pub fn schema() -> anyhow::Result<ExitCode> {
    output::print(&format::json_schema())?;
    Ok(ExitCode::from(exit::OK))
}

/// `preflight generate`: a checklist and a run log of the asked sizes.
/// `preflight generate`: both files are checked before either is written, and
/// existing ones are replaced only with `--force` (never a symlink or device).
pub fn generate(args: &GenerateArgs) -> anyhow::Result<ExitCode> {
    let (items, events, dir, force) = (args.items, args.events, args.dir.as_path(), args.force);
    let yaml = crate::generate::checklist_yaml(items);
    let checklist = crate::format::parse(&yaml, "checklist.yaml")?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("checklist.yaml");
    let log_path = dir.join("run.jsonl");
    let replace = if force { Replace::Always } else { Replace::Never };
    let refused = |path: &std::path::Path, e: crate::store::files::FileError| {
        hinted(
            format!("{}: {e}", escape_for_terminal(&path.display().to_string())),
            "--force replaces it, or choose another --dir",
        )
    };
    let target = Target::check(&path, replace).map_err(|e| refused(&path, e))?;
    let log_target = Target::check(&log_path, replace).map_err(|e| refused(&log_path, e))?;
    target
        .write(&yaml)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if !log_target.is_new() {
        std::fs::remove_file(&log_path).with_context(|| format!("cannot replace {}", log_path.display()))?;
    }
    let identity = crate::store::runlog::Header {
        checklist: checklist.title.clone(),
        file: "checklist.yaml".into(),
        run: "default".into(),
        created: crate::store::runlog::now().to_string(),
    };
    let log = crate::store::runlog::RunLog::new(log_path, identity);
    log.append(&crate::generate::run_events(&checklist, events))?;
    output::report(&format!("wrote {items} items and {events} events to {}", dir.display()));
    Ok(ExitCode::from(exit::OK))
}
