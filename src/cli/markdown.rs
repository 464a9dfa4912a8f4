//! `export` and `import`: a run as a GitHub Markdown task list, and a Markdown
//! checklist as preflight YAML (with its ticks, into a run).

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::args::{ExportArgs, Globals, ImportArgs};
use super::open_run::{self, Needs};
use super::output_file::{check_output, to_file, write_output};
use super::phrases::left_out_summary;
use super::usage;
use super::{exit, output};
use crate::checklist::{Checklist, Status};
use crate::format;
use crate::hinted::hinted;
use crate::markdown::import::Outline;
use crate::markdown::{dialect, export};
use crate::run::{Author, Change, Event};
use crate::service::Source;
use crate::service::{locate, operator};
use crate::store::files::Replace;
use crate::store::runlog::{Header, RunLog, now};
use crate::text::{escape_for_terminal, plural};

/// Whether a file begins as an export of preflight's does: regenerating a
/// progress report may replace it without `--force`.
fn is_export(head: &[u8]) -> bool {
    head.starts_with(dialect::MARKER.as_bytes())
}

/// `preflight export`.
pub fn export(args: &ExportArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let service = &mut open_run::for_command(args.checklist.as_deref(), globals, Needs::history(true))?;
    let (out, force) = (to_file(args.output.as_deref()), args.force);
    let target = out
        .map(|path| {
            check_output(
                path,
                if force {
                    Replace::Always
                } else {
                    Replace::IfOwn(is_export)
                },
                "export",
            )
        })
        .transpose()?;
    open_run::record(service, &[])?;
    let timing = crate::report::measure(&service.checklist, &service.events);
    let text = export::markdown_audited(
        &service.checklist,
        &service.state,
        service.run(),
        Some(&timing),
        &service.events,
    );
    match (out, target) {
        (Some(path), Some(target)) => write_output(&target, path, &text)?,
        _ => output::print(&text)?,
    }
    Ok(ExitCode::from(exit::OK))
}

/// The events that carry an imported item's status and note into a run.
fn events_of(outline: &Outline, checklist: &Checklist, by: &Author) -> Vec<Event> {
    let at = now();
    let mut events = Vec::new();
    for (found, item) in outline.items().zip(checklist.items()) {
        let event = |change: Change| {
            // Who ticked it, as the export says; the login is the account
            // that imports it, which is who writes the event.
            let mut stamp = by.stamp(found.at.unwrap_or(at));
            if let Some(ticked_by) = &found.by {
                stamp.by.clone_from(ticked_by);
            }
            Event::on_item(stamp, item.id.clone(), change).with_title(item.title.clone())
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

/// The run that `import --run` records into, checked before anything is
/// written: the log must be a regular file (or none yet), belong to this
/// checklist, and hold no event, since importing again would rewrite what the
/// team recorded since.
fn prepare_run(path: &Path, checklist: &Checklist, globals: &Globals) -> anyhow::Result<(String, RunLog, bool)> {
    let source = Source::File(path.to_path_buf());
    let (run, log_path) = locate(&source, globals.run.as_deref(), globals.state.as_deref())?;
    let identity = Header {
        checklist: checklist.title.clone(),
        file: source.file_name(),
        run: run.clone(),
        created: now().to_string(),
    };
    let log = RunLog::new(log_path, identity);
    let contents = log.read()?;
    if !contents.events.is_empty() {
        return Err(hinted(
            format!(
                "run \"{run}\" of {} has {} recorded changes already; importing into it would rewrite them, so nothing was written",
                escape_for_terminal(&path.display().to_string()),
                contents.events.len()
            ),
            format!("import into a new run: --run \"{run} (imported)\""),
        ));
    }
    Ok((run, log, contents.header.is_none()))
}

/// `preflight import`. Everything is checked before anything is written: the
/// YAML is loaded back, the output file may be written, and the run (with
/// `--run`) is new; only then is the file written, then the run recorded.
pub fn import(args: &ImportArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let (input, out, force) = (args.markdown.as_path(), to_file(args.output.as_deref()), args.force);
    if globals.run.is_some() && out.is_none() {
        return Err(usage::usage(
            clap::error::ErrorKind::MissingRequiredArgument,
            "import --run NAME records the ticks into a run of the new checklist, so it needs -o CHECKLIST.yaml",
        ));
    }
    let outline = format::read_outline(input)?;
    let shown = escape_for_terminal(&input.display().to_string());
    let file_name = input
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let bug = |why: String| {
        hinted(
            format!("{shown}: {why}, so nothing was written"),
            "this is a bug in preflight; please report it with the Markdown file",
        )
    };
    let made = format::checklist_of(&outline, &input.display().to_string())?;
    let origin = format!("Imported from {} by preflight.", escape_for_terminal(&file_name));
    let yaml = format::checklist_to_yaml(&made, &origin);
    let written_name = out.map_or_else(|| "the imported checklist".to_owned(), |p| p.display().to_string());
    let checklist = format::parse(&yaml, &written_name)
        .map_err(|err| bug(format!("the checklist made of it would not load: {}", err.message())))?;
    let target = out.map(|path| check_output(path, if force { Replace::Always } else { Replace::Never }, "checklist"));
    let target = target.transpose()?;
    if let Some(path) = out.filter(|path| format::is_markdown(path)) {
        return Err(hinted(
            format!(
                "{}: import writes YAML, and a file with a Markdown ending is read as Markdown; nothing was written",
                escape_for_terminal(&path.display().to_string())
            ),
            format!(
                "name the output .yaml; the Markdown file opens as it is: `preflight {}`",
                escape_for_terminal(&input.display().to_string())
            ),
        ));
    }
    let run = match out {
        Some(path) if globals.run.is_some() => Some(prepare_run(path, &checklist, globals)?),
        _ => None,
    };
    if let Some(summary) = left_out_summary(&outline.left_out) {
        output::report(&summary);
    }
    if let Some(steps) = outline.steps {
        let mut parts = Vec::new();
        if steps.list_items > 0 {
            parts.push(plural(steps.list_items, "list item", "list items"));
        }
        if steps.shell_blocks > 0 {
            parts.push(plural(steps.shell_blocks, "shell block", "shell blocks"));
        }
        output::report(&format!("no task boxes; imported {} as steps", parts.join(" and ")));
    }
    let sections: usize = outline.phases.iter().map(|p| p.sections.len()).sum();
    let mut report = format!(
        "imported {} in {}, {}",
        plural(outline.item_count(), "item", "items"),
        plural(outline.phases.len(), "phase", "phases"),
        plural(sections, "section", "sections"),
    );
    let (Some(path), Some(target)) = (out, target) else {
        output::print(&yaml)?;
        output::report(&report);
        return Ok(ExitCode::from(exit::OK));
    };
    write_output(&target, path, &yaml)?;
    let _ = write!(report, " into {}", escape_for_terminal(&path.display().to_string()));
    if let Some((run, log, new)) = run {
        let events = events_of(&outline, &checklist, &operator(globals.by.as_deref()));
        // With no ticks to carry, the run is started all the same: it was named.
        let recorded = if events.is_empty() {
            log.start()
        } else {
            log.append(&events)
        };
        if let Err(err) = recorded {
            // A new checklist without its run would be half an import.
            if target.is_new() {
                let _ = std::fs::remove_file(path);
            }
            return Err(err.into());
        }
        let state = crate::run::RunState::replay(&checklist, &events);
        let tally = state.tally(&checklist).overall;
        let _ = write!(
            report,
            "; run \"{run}\": {} done, {} skipped",
            tally.done, tally.skipped
        );
        if new {
            output::report(&format!("started run \"{run}\""));
        }
    }
    output::report(&report);
    Ok(ExitCode::from(exit::OK))
}
