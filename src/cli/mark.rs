//! `check`, `uncheck`, `skip` and `note`: record changes to items of a run.
//!
//! Every ITEM is resolved before anything is written, so a typo records nothing;
//! a change that would leave an item as it is records nothing either.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use super::args::{Command, Globals};
use super::open_run::{self, Needs};
use super::{exit, output, phrases};
use crate::checklist::Status;
use crate::run::{Change, Event};
use crate::service::RunService;
use crate::text::clean_paragraph;

/// `check`, `uncheck`, `skip` and `note`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let open = |checklist: &PathBuf| open_run::for_command(Some(checklist), globals, Needs::state(false));
    let text = |text: &str| Some(clean_paragraph(text)).filter(|t| !t.is_empty());
    match command {
        Command::Check {
            checklist,
            items,
            force,
            ..
        } => run(&mut open(checklist)?, items, &Change::Status(Status::Done), *force),
        Command::Uncheck { checklist, items, .. } => {
            run(&mut open(checklist)?, items, &Change::Status(Status::Todo), false)
        }
        Command::Skip {
            checklist,
            items,
            reason,
            force,
            ..
        } => {
            let change = Change::Status(Status::Skipped {
                reason: reason.as_deref().and_then(text),
            });
            run(&mut open(checklist)?, items, &change, *force)
        }
        Command::Note {
            checklist,
            item,
            text: note,
            ..
        } => run(
            &mut open(checklist)?,
            std::slice::from_ref(item),
            &Change::Note(text(note)),
            false,
        ),
        _ => unreachable!("from_command is given check, uncheck, skip and note"),
    }
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
