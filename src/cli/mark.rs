//! `check`, `uncheck`, `skip` and `note`: record changes to items of a run.
//!
//! Every ITEM is resolved before anything is written, so a typo records nothing;
//! a change that would leave an item as it is records nothing either.

use std::fmt::Write as _;
use std::process::ExitCode;

use super::session::Session;
use super::{exit, output, status};
use crate::checklist::Status;
use crate::lookup::{self, LookupError};
use crate::run::{Change, Event};

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
    message.push_str("\n  hint: nothing was recorded; `preflight status --json` lists every item id");
    anyhow::anyhow!(message)
}

/// Resolves all queries, or fails naming each one that did not resolve.
fn resolve(session: &Session, queries: &[String]) -> anyhow::Result<Vec<usize>> {
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

/// Records `change` for each of `queries` and reports what happened.
pub fn run(session: &Session, queries: &[String], change: &Change, by: &str) -> anyhow::Result<ExitCode> {
    let indexes = resolve(session, queries)?;
    let now = crate::runlog::now();
    let mut events = Vec::new();
    let mut report = String::new();
    for &index in &indexes {
        let item = &session.checklist.items()[index];
        let verb = describe(change);
        if session.state.item(index).unchanged_by(change) {
            let _ = writeln!(report, "unchanged  {}  (already {verb})", item.id);
            continue;
        }
        events.push(Event {
            at: session.state.stamp_for(index, now),
            by: by.to_owned(),
            item: item.id.to_string(),
            title: Some(item.title.clone()),
            change: change.clone(),
            forced: false,
            evidence: None,
        });
        let _ = writeln!(report, "{verb:<9}  {}  {}", item.id, item.title);
    }
    session.log.append(&events)?;
    if !events.is_empty() {
        session.announce_if_started();
    }
    let mut state = session.state.clone();
    for event in &events {
        state.apply(&session.checklist, event);
    }
    report.push_str(&status::run_line(
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
    }
}
