//! `preflight verify`: runs verifications in checklist order, each within its
//! time, prints each command line before it runs and its result as soon as it
//! ends, and
//! ticks what they prove — an item a teammate changed meanwhile keeps its
//! status, and the run is its evidence alone.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::super::mark::resolve;
use super::super::session::Session;
use super::super::{exit, output, phrases};
use super::{Line, run_line, standing_now, unchanged};
use crate::checklist::Status;
use crate::gate;
use crate::hinted::hinted;
use crate::run::{Author, EvidenceKind, Proof};
use crate::store::runner::{self, Interrupts};

/// The items `verify` runs: those named, else, in checklist order, every
/// item with a verification that is open, or done without a proof that
/// passed since it was ticked (ticked by hand, or its proof failed since).
fn targets(session: &Session, queries: &[String]) -> anyhow::Result<Vec<usize>> {
    if queries.is_empty() {
        return Ok((0..session.checklist.items().len())
            .filter(|&i| session.checklist.items()[i].verify.is_some())
            .filter(|&i| {
                let state = session.state.item(i);
                match state.status {
                    Status::Todo => true,
                    Status::Done => state.proof != Proof::Passed,
                    Status::Skipped { .. } => false,
                }
            })
            .collect());
    }
    let found = resolve(session, queries)?;
    for &index in &found {
        if session.checklist.items()[index].verify.is_none() {
            return Err(hinted(
                format!("{} has no verification", session.checklist.items()[index].id),
                "give it one in the checklist: `verify: …`, a command that exits 0 when it holds",
            ));
        }
    }
    Ok(found)
}

pub fn verify(
    session: &Session,
    queries: &[String],
    timeout: Duration,
    (force, takeover): (bool, bool),
    by: &Author,
) -> anyhow::Result<ExitCode> {
    let targets = targets(session, queries)?;
    if targets.is_empty() {
        output::print("nothing to verify: no open or unproven item has a `verify:` command\n")?;
        return Ok(ExitCode::from(exit::OK));
    }
    session.record(&[])?;
    let interrupts = Interrupts::listen()?;
    let mut state = session.state.clone();
    let mut failed = 0;
    for index in targets {
        let item = &session.checklist.items()[index];
        let tally = state.tally(&session.checklist);
        let closed = gate::item_closed(&session.checklist, &tally, state.approvals(), index);
        if let Some(closed) = closed.filter(|_| !force) {
            failed += 1;
            said(&format!("⛔ {}: {}\n", item.title, closed.message(&session.checklist)));
            continue;
        }
        let template = item.verify.as_deref().unwrap_or_default();
        super::super::params::require_secrets(session, &[template])?;
        let _claim = super::begin(session, &state, index, EvidenceKind::Verify, by, takeover)?;
        let before = state.item(index).clone();
        let line = Line {
            template,
            kind: EvidenceKind::Verify,
            verb: "verifying",
            stream: false,
            timeout: Some(timeout),
        };
        let evidence = run_line(session, &state, &line, &interrupts)?;
        let mark = match (evidence.passed(), evidence.timed_out) {
            (true, _) => "✓",
            (false, true) => "⏱",
            (false, false) => "✗",
        };
        // Said as soon as it is known, right under the command line it ran.
        let mut result = format!("{mark} {}  ({})\n", item.title, evidence.summary());
        if !evidence.passed() {
            failed += 1;
            for line in evidence.output.iter().rev().take(5).rev() {
                let _ = writeln!(result, "    {line}");
            }
        }
        said(&result);
        // A teammate's change made while it ran is kept: the run is then
        // evidence alone.
        let now = standing_now(session, index)?;
        let open = unchanged(&before, &now) && now.status == Status::Todo;
        let event = runner::event_for(&session.checklist, &state, index, evidence, closed.is_some(), by, open);
        // Recorded one by one: what was proven stays proven if a later one hangs.
        session.record(std::slice::from_ref(&event))?;
        state.apply(&session.checklist, &event);
        if interrupts.asked() {
            break;
        }
    }
    output::print(&phrases::run_line(
        &session.run,
        &state.tally(&session.checklist).overall,
    ))?;
    if let Some(signal) = interrupts.exit_status() {
        return Ok(ExitCode::from(signal));
    }
    Ok(ExitCode::from(if failed == 0 { exit::OK } else { exit::ERROR }))
}

/// Prints one result line. The verifications go on whatever happens to
/// standard output; the last line reports a failure to write.
fn said(text: &str) {
    let _ = output::print(text);
}
