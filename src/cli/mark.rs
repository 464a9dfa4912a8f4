//! `check`, `uncheck`, `skip` and `note`: record changes to items of a run.
//!
//! Every ITEM is resolved before anything is written, so a typo records nothing;
//! a change that would leave an item as it is records nothing either.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::args::{CheckArgs, Globals, NoteArgs, SkipArgs, UncheckArgs};
use super::open_run::{self, Needs};
use super::{exit, output, phrases};
use crate::checklist::Status;
use crate::run::{Change, Event};
use crate::service::RunService;
use crate::text::clean_paragraph;

/// The run a change is recorded in; it is started by it if need be.
fn open(checklist: &Path, globals: &Globals) -> anyhow::Result<RunService> {
    open_run::for_command(Some(checklist), globals, Needs::state(false))
}

/// A text given on the command line, cleaned; `None` when nothing is left.
fn text(text: &str) -> Option<String> {
    Some(clean_paragraph(text)).filter(|t| !t.is_empty())
}

/// `preflight check`.
pub fn check(args: &CheckArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let change = Change::Status(Status::Done);
    run(&mut open(&args.checklist, globals)?, &args.items, &change, args.force)
}

/// `preflight uncheck`.
pub fn uncheck(args: &UncheckArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let change = Change::Status(Status::Todo);
    run(&mut open(&args.checklist, globals)?, &args.items, &change, false)
}

/// `preflight skip`.
pub fn skip(args: &SkipArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let change = Change::Status(Status::Skipped {
        reason: args.reason.as_deref().and_then(text),
    });
    run(&mut open(&args.checklist, globals)?, &args.items, &change, args.force)
}

/// `preflight note`.
pub fn note(args: &NoteArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let change = Change::Note(text(&args.text));
    run(
        &mut open(&args.checklist, globals)?,
        std::slice::from_ref(&args.item),
        &change,
        false,
    )
}

/// Records `change` for each of `queries` and reports what happened. Ticks
/// and skips in a closed gated phase are refused unless `force`.
pub fn run(service: &mut RunService, queries: &[String], change: &Change, force: bool) -> anyhow::Result<ExitCode> {
    let indexes = service.resolve(queries)?;
    let gated = matches!(change, Change::Status(Status::Done | Status::Skipped { .. }));
    let forced = if gated {
        service.past_gates(&indexes, force)?
    } else {
        Vec::new()
    };
    let now = crate::store::runlog::now();
    let mut events = Vec::new();
    let mut report = String::new();
    for &index in &indexes {
        let item = &service.checklist.items()[index];
        let verb = describe(change);
        if service.state.item(index).unchanged_by(change) {
            let _ = writeln!(report, "unchanged  {}  (already {verb})", item.id);
            continue;
        }
        let stamp = service.author().stamp(service.state.stamp_for(index, now));
        events.push(
            Event::on_item(stamp, item.id.clone(), change.clone())
                .with_title(item.title.clone())
                .with_force(forced.contains(&index)),
        );
        let mark = if forced.contains(&index) {
            "  (forced past the gate)"
        } else {
            ""
        };
        let _ = writeln!(report, "{verb:<9}  {}  {}{mark}", item.id, item.title);
    }
    open_run::record(service, &events)?;
    let mut state = service.state.clone();
    for event in &events {
        state.apply(&service.checklist, event);
    }
    report.push_str(&phrases::run_line(
        service.run(),
        &state.tally(&service.checklist).overall,
    ));
    output::print(&report)?;
    Ok(ExitCode::from(exit::OK))
}

fn describe(change: &Change) -> &'static str {
    match change {
        Change::Status(Status::Done) => "done",
        Change::Status(Status::Todo) => "unchecked",
        Change::Status(Status::Skipped { .. }) => "skipped",
        Change::Note(Some(_)) => "noted",
        Change::Note(None) => "note cleared",
        Change::Param { .. } => "set",
        Change::Ran => "ran",
        Change::Started(_) => "started",
        Change::Approve { .. } => "approved",
        Change::Withdraw => "withdrawn",
    }
}
