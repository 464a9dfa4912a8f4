//! `export` and `import`: a run as a GitHub Markdown task list, and a Markdown
//! checklist as preflight YAML (with its ticks, into a run).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory as _;

use super::session::{Session, operator};
use super::source::Source;
use super::{Cli, Globals, exit, output};
use crate::checklist::Status;
use crate::export;
use crate::format;
use crate::import::{self, LeftOut, Outline};
use crate::run::{Change, Event};
use crate::runlog::now;
use crate::text::escape_for_terminal;

/// Writes `text` to `path` through a temporary file in the same folder and a
/// rename, so that a reader never sees half a file and a failure leaves the old
/// file as it was.
fn write_atomically(path: &Path, text: &str) -> anyhow::Result<()> {
    let shown = escape_for_terminal(&path.display().to_string());
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).with_context(|| format!("cannot write {shown}"))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write {shown}"))?;
    file.persist(path).with_context(|| format!("cannot write {shown}"))?;
    Ok(())
}

/// `preflight export`.
pub fn export(session: &Session, out: Option<&Path>) -> anyhow::Result<ExitCode> {
    let text = export::markdown(&session.checklist, &session.state, &session.run);
    match out {
        Some(path) => write_atomically(path, &text)?,
        None => output::print(&text)?,
    }
    Ok(ExitCode::from(exit::OK))
}

/// One line saying what was left out of an import, and where.
fn left_out_summary(left_out: &[LeftOut]) -> Option<String> {
    if left_out.is_empty() {
        return None;
    }
    let mut kinds: Vec<&str> = left_out.iter().map(|l| l.what).collect();
    kinds.dedup();
    kinds.sort_unstable();
    kinds.dedup();
    let parts: Vec<String> = kinds
        .iter()
        .map(|kind| {
            let lines: Vec<String> = left_out
                .iter()
                .filter(|l| l.what == *kind)
                .map(|l| l.line.to_string())
                .collect();
            let shown: Vec<&str> = lines.iter().take(8).map(String::as_str).collect();
            let more = if lines.len() > 8 { ", …" } else { "" };
            let s = if lines.len() == 1 { "" } else { "s" };
            format!("{} {kind}{s} (line{s} {}{more})", lines.len(), shown.join(", "))
        })
        .collect();
    Some(format!("left out: {}", parts.join("; ")))
}

fn read_markdown(path: &Path) -> anyhow::Result<String> {
    let shown = escape_for_terminal(&path.display().to_string());
    if path.is_dir() {
        anyhow::bail!("{shown}: is a directory, not a Markdown file\n  hint: name a .md file");
    }
    let bytes = std::fs::read(path).with_context(|| format!("{shown}: cannot be read\n  hint: check the path"))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{shown}: is not valid UTF-8 (at byte {})\n  hint: save the file as UTF-8",
            e.utf8_error().valid_up_to()
        )
    })
}

/// The events that carry an imported item's status and note into a run.
fn events_of(outline: &Outline, checklist: &crate::checklist::Checklist, by: &str) -> Vec<Event> {
    let at = now();
    let items = outline.phases.iter().flat_map(|p| &p.sections).flat_map(|s| &s.items);
    let mut events = Vec::new();
    for (found, item) in items.zip(checklist.items()) {
        let event = |change: Change| Event {
            at: found.at.clone().unwrap_or_else(|| at.clone()),
            by: found.by.clone().unwrap_or_else(|| by.to_owned()),
            item: item.id.to_string(),
            title: Some(item.title.clone()),
            change,
        };
        if found.status != Status::Todo {
            events.push(event(Change::Status(found.status.clone())));
        }
        if found.note.is_some() {
            events.push(event(Change::Note(found.note.clone())));
        }
    }
    events
}

/// `preflight import`.
pub fn import(input: &Path, out: Option<&PathBuf>, globals: &Globals) -> anyhow::Result<ExitCode> {
    if globals.run.is_some() && out.is_none() {
        Cli::command()
            .error(
                clap::error::ErrorKind::MissingRequiredArgument,
                "import --run NAME records the ticks into a run of the new checklist, so it needs -o CHECKLIST.yaml",
            )
            .exit();
    }
    let markdown = read_markdown(input)?;
    let stem = input
        .file_stem()
        .map_or_else(|| "Checklist".to_owned(), |s| s.to_string_lossy().into_owned());
    let outline = import::parse(&markdown, &stem);
    let shown = escape_for_terminal(&input.display().to_string());
    if outline.item_count() == 0 {
        anyhow::bail!(
            "{shown}: no task items (`- [ ] …`) found\n  hint: preflight imports Markdown task lists; see README.md"
        );
    }
    let file_name = input
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    // The YAML is valid by construction (tests parse back what the writer
    // writes for any text); parsing it again here would double the cost.
    let yaml = format::outline_to_yaml(&outline, &escape_for_terminal(&file_name));
    if let Some(summary) = left_out_summary(&outline.left_out) {
        eprintln!("{summary}");
    }
    let sections: usize = outline.phases.iter().map(|p| p.sections.len()).sum();
    let mut report = format!(
        "imported {} items in {} phases, {sections} sections",
        outline.item_count(),
        outline.phases.len(),
    );
    match out {
        None => output::print(&yaml)?,
        Some(path) => {
            write_atomically(path, &yaml)?;
            let _ = write!(report, " into {}", escape_for_terminal(&path.display().to_string()));
            if globals.run.is_some() {
                let session = Session::open(&Source::File(path.clone()), globals)?;
                let events = events_of(&outline, &session.checklist, &operator(globals));
                session.log.append(&events)?;
                let state = crate::run::RunState::replay(&session.checklist, &events);
                let tally = state.tally(&session.checklist).overall;
                let _ = write!(
                    report,
                    "; run \"{}\": {} done, {} skipped",
                    session.run, tally.done, tally.skipped
                );
            }
        }
    }
    eprintln!("{report}");
    Ok(ExitCode::from(exit::OK))
}
