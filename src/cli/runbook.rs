//! `exec` and `verify`: run an item's command or its verification, with the
//! run's values quoted into it, and record what it showed as evidence; a
//! command that exits 0 ticks its item.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::args::Command;
use super::mark::{past_gates, resolve};
use super::session::{Session, operator};
use super::{Globals, exit, output, status};
use crate::checklist::Status;
use crate::gate;
use crate::run::EvidenceKind;
use crate::runner::{self, Run};
use crate::template;

/// `exec` and `verify`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let open = |checklist: &PathBuf| Session::for_command(Some(checklist), globals, false);
    match command {
        Command::Exec {
            checklist, item, force, ..
        } => exec(&open(checklist)?, item, *force, &operator(globals)),
        Command::Verify {
            checklist,
            items,
            timeout,
            force,
            ..
        } => verify(
            &open(checklist)?,
            items,
            Duration::from_secs_f64(*timeout),
            *force,
            &operator(globals),
        ),
        _ => unreachable!("runbook::from_command is given exec and verify"),
    }
}

/// `preflight exec`: runs the item's command, streaming its output.
fn exec(session: &Session, query: &str, force: bool, by: &str) -> anyhow::Result<ExitCode> {
    let index = resolve(session, std::slice::from_ref(&query.to_owned()))?[0];
    let item = &session.checklist.items()[index];
    let Some(command) = &item.command else {
        anyhow::bail!(
            "{} has no command to run\n  hint: give it one in the checklist: `command: …` under its title",
            item.id
        );
    };
    let forced = !past_gates(session, &[index], force)?.is_empty();
    let values = session.state.values(&session.checklist);
    let line = shell_line(command, &values)?;
    // The values it runs with are recorded before it runs.
    session.record(&[])?;
    output::report(&format!("running: {line}"));
    let outcome = runner::run(
        &line,
        &values,
        Run {
            stream: true,
            timeout: None,
        },
    )
    .map_err(|err| anyhow::anyhow!("cannot start sh: {err}\n  hint: exec runs commands with `sh -c`"))?;
    let evidence = outcome.evidence(EvidenceKind::Exec, &line);
    let summary = evidence.summary();
    let passed = evidence.passed();
    let event = runner::event_for(&session.checklist, &session.state, index, evidence, forced, by);
    session.record(std::slice::from_ref(&event))?;
    let before = session.state.item(index);
    if !passed {
        anyhow::bail!("{} failed: {summary}; it stays {}", item.title, status_words(before));
    }
    let kept = match (&before.status, &before.by) {
        (Status::Todo, _) => String::new(),
        (status, Some(by)) => format!("; it stays {} (by {by}), as it was", status.as_str()),
        (status, None) => format!("; it stays {}, as it was", status.as_str()),
    };
    output::report(&format!("✓ {}: {summary}{kept}", item.title));
    Ok(ExitCode::from(exit::OK))
}

/// A command with the run's values in it, as it runs.
fn shell_line(template: &str, values: &template::Values) -> anyhow::Result<String> {
    template::render_shell(template, values)
        .map(std::borrow::Cow::into_owned)
        .map_err(|err| anyhow::anyhow!("cannot put the run's values into `{template}`: {err:?}"))
}

/// How an item stands, in the words a failed run ends with.
fn status_words(state: &crate::run::ItemState) -> &'static str {
    match state.status {
        Status::Todo => "open",
        Status::Done => "done",
        Status::Skipped { .. } => "skipped",
    }
}

/// The items `verify` runs: those named, else every open item with a
/// verification, in checklist order.
fn verify_targets(session: &Session, queries: &[String]) -> anyhow::Result<Vec<usize>> {
    if queries.is_empty() {
        return Ok((0..session.checklist.items().len())
            .filter(|&i| session.checklist.items()[i].verify.is_some())
            .filter(|&i| session.state.item(i).status == Status::Todo)
            .collect());
    }
    let found = resolve(session, queries)?;
    for &index in &found {
        if session.checklist.items()[index].verify.is_none() {
            anyhow::bail!(
                "{} has no verification\n  hint: give it one in the checklist: `verify: …`, a command that exits 0 when it holds",
                session.checklist.items()[index].id
            );
        }
    }
    Ok(found)
}

/// `preflight verify`: runs verifications, ticks what they prove.
fn verify(session: &Session, queries: &[String], timeout: Duration, force: bool, by: &str) -> anyhow::Result<ExitCode> {
    let targets = verify_targets(session, queries)?;
    if targets.is_empty() {
        output::print("nothing to verify: no open item has a `verify:` command\n")?;
        return Ok(ExitCode::from(exit::OK));
    }
    let values = session.state.values(&session.checklist);
    session.record(&[])?;
    let mut state = session.state.clone();
    let mut failed = 0;
    let mut report = String::new();
    for index in targets {
        let item = &session.checklist.items()[index];
        let tally = state.tally(&session.checklist);
        let closed = gate::item_closed(&session.checklist, &tally, index);
        if let Some(closed) = closed.filter(|_| !force) {
            failed += 1;
            let _ = writeln!(report, "⛔ {}: {}", item.title, closed.message(&session.checklist));
            continue;
        }
        let line = shell_line(item.verify.as_deref().unwrap_or_default(), &values)?;
        let outcome = runner::run(
            &line,
            &values,
            Run {
                stream: false,
                timeout: Some(timeout),
            },
        )
        .map_err(|err| anyhow::anyhow!("cannot start sh: {err}\n  hint: verify runs commands with `sh -c`"))?;
        let evidence = outcome.evidence(EvidenceKind::Verify, &line);
        let mark = match (evidence.passed(), evidence.timed_out) {
            (true, _) => "✓",
            (false, true) => "⏱",
            (false, false) => "✗",
        };
        let _ = writeln!(report, "{mark} {}  ({})", item.title, evidence.summary());
        if !evidence.passed() {
            failed += 1;
            for line in evidence.output.iter().rev().take(5).rev() {
                let _ = writeln!(report, "    {line}");
            }
        }
        let event = runner::event_for(&session.checklist, &state, index, evidence, closed.is_some(), by);
        // Recorded one by one: what was proven stays proven if a later one hangs.
        session.record(std::slice::from_ref(&event))?;
        state.apply(&session.checklist, &event);
    }
    report.push_str(&status::run_line(
        &session.run,
        &state.tally(&session.checklist).overall,
    ));
    output::print(&report)?;
    Ok(ExitCode::from(if failed == 0 { exit::OK } else { exit::ERROR }))
}
