//! Run parameters on the command line: `--set NAME=VALUE` checked and turned
//! into the events that record it (written with the command's own changes,
//! once every check has passed), and a run refused while a parameter has no
//! value and no default.

use super::session::{Session, operator};
use super::{Globals, output};
use crate::run::{Change, Event};
use crate::runlog::now;
use crate::text::clean_line;

/// The events that record the values `--set` gives that differ from the
/// run's. Nothing is written here.
///
/// # Errors
/// An undeclared parameter, or a value over several lines.
pub fn pending(session: &Session, globals: &Globals) -> anyhow::Result<Vec<Event>> {
    let mut events = Vec::new();
    let current = session.state.values(&session.checklist);
    for (name, value) in &globals.set {
        let declared: Vec<&str> = session.checklist.params.iter().map(|p| p.name.as_str()).collect();
        if !declared.contains(&name.as_str()) {
            let known = if declared.is_empty() {
                "it declares none".to_owned()
            } else {
                format!("it declares {}", declared.join(", "))
            };
            anyhow::bail!(
                "--set {name}=…: the checklist has no parameter `{name}`; {known}\n  hint: parameters are declared under `params:` at the top of the checklist"
            );
        }
        let value = clean_line(value)
            .map_err(|_| anyhow::anyhow!("--set {name}=…: a value is one line\n  hint: leave out the line breaks"))?;
        crate::template::check_value(&value).map_err(|why| {
            anyhow::anyhow!("--set {name}=…: {why}\n  hint: put a long text in a file and pass its path")
        })?;
        if current.get(name) != Some(&value) || !session.state.param_values().contains_key(name) {
            events.push(Event {
                at: session.state.stamp_for_param(name, now()),
                by: operator(globals),
                item: String::new(),
                title: None,
                change: Change::Param {
                    name: name.clone(),
                    value,
                },
                forced: false,
                evidence: None,
            });
        }
    }
    Ok(events)
}

/// Says on stderr what a recorded `--set` did.
pub fn report(session: &Session, events: &[Event]) {
    for event in events {
        if let Change::Param { name, value } = &event.change {
            output::report(&format!("{name} = {value} for run \"{}\"", session.run));
        }
    }
}

/// Refuses a run while a parameter has neither a value nor a default.
///
/// # Errors
/// The first such parameter, and how to give it one.
pub fn require_values(session: &Session) -> anyhow::Result<()> {
    if let Some(missing) = session.state.missing_params(&session.checklist).first() {
        anyhow::bail!(
            "run \"{}\" needs a value for `{missing}`: --set {missing}=…\n  hint: the value is recorded in the run, so later commands and teammates need not give it again",
            session.run
        );
    }
    Ok(())
}
