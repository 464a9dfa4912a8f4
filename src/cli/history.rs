//! `runs` and `log`: what runs a checklist has, and what happened in one.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::{Globals, LogArgs, RunsArgs};
use super::open_run::{self, Needs};
use super::paint::Paint;
use super::{exit, output};
use crate::checklist::Status;
use crate::gate::Passage;
use crate::hinted::hinted;
use crate::run::{Change, Event, Evidence, RunState};
use crate::service::Source;
use crate::store::runlog::{Header, RunLog, place};
use crate::text::escape_for_terminal;
use crate::timestamp::Timestamp;

/// The run logs in a checklist's runs folder.
fn in_folder(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    match fs::read_dir(dir) {
        Ok(entries) => Ok(entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|ext| ext == place::EXTENSION))
            .collect()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => anyhow::bail!("cannot list the runs in {}: {e}", dir.display()),
    }
}

/// `preflight runs`: every run of the checklist with its progress and last
/// activity; with `--state FILE`, the run kept in that file.
pub fn runs(args: &RunsArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let source = Source::resolve(args.checklist.as_deref());
    let state = args.state.as_deref();
    let checklist = source.load()?;
    let mut files: Vec<PathBuf> = match state {
        Some(path) => Some(path.to_path_buf())
            .filter(|p| p.symlink_metadata().is_ok())
            .into_iter()
            .collect(),
        None => in_folder(&source.runs_dir()?)?,
    };
    files.sort();
    let mut text = String::new();
    if files.is_empty() {
        let _ = writeln!(
            text,
            "No runs of \"{}\" yet. Record one with `preflight check`.",
            checklist.title
        );
        output::print(&text)?;
        return Ok(ExitCode::from(exit::OK));
    }
    let _ = writeln!(text, "{:<24}  {:>11}  {:>4}  LAST ACTIVITY", "RUN", "DONE", "%");
    for path in files {
        let identity = Header {
            checklist: checklist.title.clone(),
            file: source.file_name(),
            run: String::new(),
            created: String::new(),
        };
        let log = RunLog::new(path.clone(), identity);
        match log.read() {
            Ok(contents) => {
                let state = RunState::replay(&checklist, &contents.events);
                let overall = state.tally(&checklist).overall;
                let name = contents.header.map(|h| h.run).unwrap_or_default();
                let last = crate::run::in_time_order(&contents.events).last().map_or_else(
                    || "no events".to_owned(),
                    |e| format!("{} by {}", e.stamp.at.human(), e.stamp.by),
                );
                let done = format!("{}/{}", overall.done, overall.applicable());
                let _ = writeln!(text, "{name:<24}  {done:>11}  {:>4}  {last}", overall.percent());
            }
            Err(err) => output::warning(Paint::stderr(globals.color), &err.to_string()),
        }
    }
    output::print(&text)?;
    Ok(ExitCode::from(exit::OK))
}

fn describe(event: &Event, passage: Passage) -> (String, String) {
    let (what, mut extra) = match &event.change {
        Change::Status(Status::Done) => ("done".into(), String::new()),
        Change::Status(Status::Todo) => ("unchecked".into(), String::new()),
        Change::Status(Status::Skipped { reason }) => (
            "skipped".into(),
            reason.as_deref().map(|r| format!("  (N/A: {r})")).unwrap_or_default(),
        ),
        Change::Note(Some(note)) => ("note".into(), format!("  \"{note}\"")),
        Change::Note(None) => ("note".into(), "  (cleared)".into()),
        Change::Param { name, value } => ("set".into(), format!("{name} = \"{value}\"")),
        Change::Ran if event.evidence.as_ref().is_some_and(Evidence::passed) => ("ran".into(), String::new()),
        Change::Ran => ("failed".into(), String::new()),
        Change::Started(start) => (
            "started".into(),
            format!("  ({} on {}, pid {})", start.kind.as_str(), start.host, start.pid),
        ),
        Change::Approve { note } => (
            "approved".into(),
            note.as_deref().map(|n| format!("  \"{n}\"")).unwrap_or_default(),
        ),
        Change::Withdraw => ("withdrew".into(), "  (approval withdrawn)".into()),
    };
    if let Some(evidence) = &event.evidence {
        let _ = write!(extra, "  ({} {})", evidence.kind.as_str(), evidence.summary());
    }
    if event.forced && event.phase().is_some() {
        extra.push_str("  (forced: worked on an earlier phase)");
    }
    match passage {
        Passage::Overridden => extra.push_str("  (forced past the gate)"),
        Passage::OutOfOrder => extra.push_str("  (⚠ out of order: its phase was gated, and it was not forced)"),
        Passage::Open => {}
    }
    (what, extra)
}

/// Reads `--since`: a timestamp, a day (from its start, UTC), or how long
/// ago (`2h`).
fn since(text: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse(text)
        .or_else(|_| Timestamp::parse(&format!("{text}T00:00:00Z")))
        .ok()
        .or_else(|| {
            let ago = humantime::parse_duration(text).ok()?;
            std::time::SystemTime::now()
                .checked_sub(ago)
                .map(Timestamp::from_system)
        })
        .ok_or_else(|| {
            hinted(
                format!("--since {}: not a time", escape_for_terminal(text)),
                "give a time (2026-11-29T10:00:00Z), a day (2026-11-29) or how long ago (90m, 2h, 3days)",
            )
        })
}

/// How `log` marks an event that takes no effect, dated too far ahead.
const LEFT_OUT: &str = "  (left out: dated more than a day ahead of this machine's clock)";

/// `preflight log`: the run's history, oldest first; only what was changed
/// at or after `since`, by `by`, when given.
pub fn log(args: &LogArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let since = args.since.as_deref().map(since).transpose()?;
    let service = &mut open_run::for_command(args.checklist.as_deref(), globals, Needs::log(true))?;
    let by = globals.by.as_deref();
    open_run::record(service, &[])?;
    let mut text = String::new();
    let _ = writeln!(
        text,
        "Run \"{}\" of \"{}\" ({})",
        service.run(),
        service.checklist.title,
        escape_for_terminal(&service.log().path().display().to_string())
    );
    if service.events.is_empty() {
        text.push_str("Nothing recorded yet.\n");
    }
    let passages = crate::run::passages(&service.checklist, &service.events);
    let left_out = std::iter::repeat(crate::gate::Passage::Open).map(|passage| (passage, LEFT_OUT));
    let shown = service
        .events
        .iter()
        .zip(passages.into_iter().map(|passage| (passage, "")))
        .chain(service.left_out.iter().zip(left_out))
        .filter(|(event, _)| since.is_none_or(|since| event.stamp.at >= since))
        .filter(|(event, _)| by.is_none_or(|by| event.stamp.by == by));
    for (event, (passage, mark)) in shown {
        let (what, extra) = describe(event, passage);
        let _ = writeln!(
            text,
            "{}  {:<12}  {what:<9}  {}{extra}{mark}",
            event.stamp.at.human(),
            event.stamp.who(),
            event.subject_name()
        );
    }
    output::print(&text)?;
    Ok(ExitCode::from(exit::OK))
}
