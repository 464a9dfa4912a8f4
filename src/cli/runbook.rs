//! `exec` and `verify`: run an item's command or its verification, with the
//! run's values written into it for the shell, and record what it showed as
//! evidence. A passing run ticks its item only if nobody changed the item
//! while it ran; an item with a `verify:` is ticked by `exec` only once the
//! verification passed too. Ctrl-C, SIGTERM or SIGHUP stop the command's
//! whole process group and are recorded as an interrupted step.

use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::args::Command;
use super::args::Globals;
use super::output;
use super::session::{Session, operator};
use crate::hinted::hinted;
use crate::run::{Author, Evidence, EvidenceKind, ItemState, RunState};
use crate::store::runner::{self, Interrupts, Run};
use crate::template;

mod exec;
mod verify;

/// `exec` and `verify`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let open = |checklist: &PathBuf| Session::for_command(Some(checklist), globals, false);
    let by = operator(globals);
    match command {
        Command::Exec {
            checklist,
            item,
            phase,
            force,
            timeout,
            dry_run,
            again,
            takeover,
            ..
        } => {
            let options = exec::Options {
                timeout: timeout.map(Duration::from_secs_f64),
                dry_run: *dry_run,
                overrides: exec::Overrides {
                    gate: *force,
                    again: *again,
                    takeover: *takeover,
                },
            };
            let session = open(checklist)?;
            match item {
                Some(item) => exec::exec(&session, item, &options, &by),
                None => exec::exec_all(&session, phase.as_deref(), &options, &by),
            }
        }
        Command::Verify {
            checklist,
            items,
            timeout,
            force,
            takeover,
            ..
        } => verify::verify(
            &open(checklist)?,
            items,
            Duration::from_secs_f64(*timeout),
            (*force, *takeover),
            &by,
        ),
        _ => unreachable!("runbook::from_command is given exec and verify"),
    }
}

/// A command with the run's values in it, as it runs.
fn shell_line(template: &str, values: &template::Values) -> anyhow::Result<String> {
    template::render_shell(template, values)
        .map(Cow::into_owned)
        .map_err(|err| anyhow::anyhow!("cannot put the run's values into `{template}`: {err:?}"))
}

/// How one command of an item runs.
struct Line<'a> {
    /// The command or verification as written, placeholders in it.
    template: &'a str,
    kind: EvidenceKind,
    /// Said before it runs: "running", "verifying with".
    verb: &'a str,
    stream: bool,
    timeout: Option<Duration>,
}

/// Runs one command of an item, listening for the signals that would end
/// preflight. What is shown and recorded is the line with secrets masked;
/// what runs has their values, and the output kept has them masked again.
fn run_line(session: &Session, state: &RunState, line: &Line<'_>, interrupts: &Interrupts) -> anyhow::Result<Evidence> {
    let shown = shell_line(line.template, &state.values(&session.checklist))?;
    let values = state.run_values(&session.checklist);
    let real = shell_line(line.template, &values)?;
    announce(line.verb, &shown);
    let asked = || interrupts.asked();
    let outcome = runner::run(
        &real,
        &values,
        Run {
            stream: line.stream,
            timeout: line.timeout,
            cancel: Some(&asked),
        },
    )
    .map_err(|err| {
        hinted(
            format!("cannot start sh: {err}"),
            "preflight runs commands with `sh -c`",
        )
    })?;
    Ok(outcome.evidence(line.kind, &shown).masked(state.secrets()))
}

/// How the item stands now, in the run log as it is after the command ran: a
/// teammate may have changed it meanwhile.
/// Only what was appended since the session read the log is read, unless the
/// log was replaced or an appended event is older than what it would change:
/// then the whole log, replayed in time order.
fn standing_now(session: &Session, index: usize) -> anyhow::Result<ItemState> {
    if let Some(contents) = session.log.read_from(&session.read_to)? {
        let mut state = session.state.clone();
        let mut events = contents.events;
        events.sort_by_key(|event| event.stamp.at);
        if !events.iter().any(|event| state.is_late(&session.checklist, event)) {
            state.apply_later(&session.checklist, &events);
            return Ok(state.item(index).clone());
        }
    }
    Ok(session.log.replayed(&session.checklist)?.item(index).clone())
}

/// Claims the item's step for this process and records that its command
/// starts: refused while someone else runs it (on this machine: holding the
/// claim; elsewhere: a `started` event with no outcome yet, unless
/// `takeover`).
fn begin(
    session: &Session,
    state: &RunState,
    index: usize,
    kind: EvidenceKind,
    by: &Author,
    takeover: bool,
) -> anyhow::Result<runner::Claim> {
    let item = &session.checklist.items()[index];
    let claim = runner::claim(session.log.path(), item.id.as_str())
        .map_err(|err| anyhow::anyhow!("cannot claim the step {}: {err}", item.id))?;
    // Read after claiming: a start recorded before the claim is seen.
    let now = standing_now(session, index)?;
    let Some(claim) = claim else {
        let who = now.running.as_ref().map_or_else(
            || "another preflight on this machine is running it".to_owned(),
            |r| format!("{} is running this since {}", r.stamp.by, r.stamp.at.human()),
        );
        return Err(hinted(
            format!("{}: {who}; nothing was run", item.title),
            "wait for it to finish; `preflight log` then shows how it went",
        ));
    };
    if let Some(why) = runner::busy(now.running.as_deref(), &runner::host()).filter(|_| !takeover) {
        return Err(hinted(
            format!("{}: {why}; nothing was run", item.title),
            "wait for its outcome (sync shows it); if that run ended without recording one, add --takeover",
        ));
    }
    session.record(&[runner::started(state, &session.checklist, index, kind, by)])?;
    Ok(claim)
}

/// Whether an item still stands as it did when its command started.
fn unchanged(before: &ItemState, now: &ItemState) -> bool {
    before.status == now.status && before.changed == now.changed
}

/// How an item stands, in the words a run ends with.
fn status_words(state: &ItemState) -> String {
    match (&state.status, &state.set) {
        (crate::checklist::Status::Todo, _) => "open".to_owned(),
        (status, Some(set)) => format!("{} (by {})", status.as_str(), set.by),
        (status, None) => status.as_str().to_owned(),
    }
}

/// Says on stderr which command line runs, exactly as it runs.
fn announce(verb: &str, line: &str) {
    output::report(&format!("{verb}: {line}"));
}
