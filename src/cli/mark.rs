//! `check`, `uncheck`, `skip` and `note`: record changes to items of a run.
//!
//! Every ITEM is resolved before anything is written, so a typo records nothing;
//! a change that would leave an item as it is records nothing either.

use std::fmt::Write as _;
use std::process::ExitCode;

use std::path::PathBuf;

use super::args::Command;
use super::args::Globals;
use super::session::{Session, operator};
use super::{exit, output, phrases};
use crate::checklist::Status;
use crate::gate;
use crate::hinted::hinted;
use crate::lookup::{self, LookupError};
use crate::run::{Author, Change, Event};
use crate::text::clean_paragraph;

/// `check`, `uncheck`, `skip` and `note`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let open = |checklist: &PathBuf| Session::for_command(Some(checklist), globals, false);
    let by = operator(globals);
    let text = |text: &str| Some(clean_paragraph(text)).filter(|t| !t.is_empty());
    match command {
        Command::Check {
            checklist,
            items,
            force,
            ..
        } => run(&open(checklist)?, items, &Change::Status(Status::Done), &by, *force),
        Command::Uncheck { checklist, items, .. } => {
            run(&open(checklist)?, items, &Change::Status(Status::Todo), &by, false)
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
            run(&open(checklist)?, items, &change, &by, *force)
        }
        Command::Note {
            checklist,
            item,
            text: note,
            ..
        } => run(
            &open(checklist)?,
            std::slice::from_ref(item),
            &Change::Note(text(note)),
            &by,
            false,
        ),
        _ => unreachable!("from_command is given check, uncheck, skip and note"),
    }
}

/// Explains every item that could not be resolved, as one error.
fn lookup_failure(session: &Session, errors: &[LookupError]) -> anyhow::Error {
    let mut message = String::new();
    for (n, err) in errors.iter().enumerate() {
        if n > 0 {
            message.push_str("\nerror: ");
        }
        match err {
            LookupError::Unknown { query, closest } => {
                let _ = write!(message, "no item `{query}` in \"{}\"", session.checklist.title);
                if !closest.is_empty() {
                    message.push_str("\n  did you mean:");
                    for id in closest {
                        let _ = write!(message, "\n    {id}");
                    }
                }
            }
            LookupError::Ambiguous { query, matches } => {
                let _ = write!(
                    message,
                    "`{query}` matches {} items; name one by a longer id:",
                    matches.len()
                );
                for id in matches.iter().take(10) {
                    let _ = write!(message, "\n    {id}");
                }
                if matches.len() > 10 {
                    let _ = write!(message, "\n    … and {} more", matches.len() - 10);
                }
            }
        }
    }
    hinted(
        message,
        "nothing was recorded; `preflight status --json` lists every item id",
    )
}

/// Resolves all queries, or fails naming each one that did not resolve.
pub(super) fn resolve(session: &Session, queries: &[String]) -> anyhow::Result<Vec<usize>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for query in queries {
        match lookup::find(&session.checklist, query) {
            Ok(index) if !found.contains(&index) => found.push(index),
            Ok(_) => {}
            Err(err) => errors.push(err),
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(lookup_failure(session, &errors))
    }
}

/// The items of `indexes` that stand in a closed gated phase, refused as one
/// error unless `force`; with it, the ones whose changes are marked forced.
pub(super) fn past_gates(session: &Session, indexes: &[usize], force: bool) -> anyhow::Result<Vec<usize>> {
    let tally = session.state.tally(&session.checklist);
    let closed: Vec<(usize, gate::Closed)> = indexes
        .iter()
        .filter_map(|&i| gate::item_closed(&session.checklist, &tally, session.state.approvals(), i).map(|c| (i, c)))
        .collect();
    if let Some((_, first)) = closed.first().filter(|_| !force) {
        let mut message = first.message(&session.checklist);
        for (index, _) in &closed {
            let _ = write!(message, "\n    {}", session.checklist.items()[*index].id);
        }
        let first_step = if first.approvals > 0 {
            "get the phase approved (`preflight approve`)"
        } else {
            "finish the earlier phase first"
        };
        return Err(hinted(
            message,
            format!("nothing was recorded; {first_step}, or add --force to record it anyway (marked as forced)"),
        ));
    }
    Ok(closed.into_iter().map(|(i, _)| i).collect())
}

/// Records `change` for each of `queries` and reports what happened. Ticks
/// and skips in a closed gated phase are refused unless `force`.
pub fn run(
    session: &Session,
    queries: &[String],
    change: &Change,
    by: &Author,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let indexes = resolve(session, queries)?;
    let gated = matches!(change, Change::Status(Status::Done | Status::Skipped { .. }));
    let forced = if gated {
        past_gates(session, &indexes, force)?
    } else {
        Vec::new()
    };
    let now = crate::store::runlog::now();
    let mut events = Vec::new();
    let mut report = String::new();
    for &index in &indexes {
        let item = &session.checklist.items()[index];
        let verb = describe(change);
        if session.state.item(index).unchanged_by(change) {
            let _ = writeln!(report, "unchanged  {}  (already {verb})", item.id);
            continue;
        }
        let stamp = by.stamp(session.state.stamp_for(index, now));
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
    session.record(&events)?;
    let mut state = session.state.clone();
    for event in &events {
        state.apply(&session.checklist, event);
    }
    report.push_str(&phrases::run_line(
        &session.run,
        &state.tally(&session.checklist).overall,
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
