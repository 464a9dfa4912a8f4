//! `preflight verify`: runs verifications in checklist order, each within its
//! time, prints each command line before it runs and its result as soon as it
//! ends, and
//! ticks what they prove — an item a teammate changed meanwhile keeps its
//! status, and the run is its evidence alone.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::step::{Line, begin, run_line, unchanged};
use crate::checklist::Status;
use crate::cli::open_run;
use crate::cli::{exit, output, phrases};
use crate::gate;
use crate::hinted::hinted;
use crate::run::{EvidenceKind, Proof};
use crate::service::RunService;
use crate::store::runner::Interrupts;

/// The items `verify` runs: those named, else, in checklist order, every
/// item with a verification that is open, or done without a proof that
/// passed since it was ticked (ticked by hand, or its proof failed since).
fn targets(service: &RunService, queries: &[String]) -> anyhow::Result<Vec<usize>> {
    if queries.is_empty() {
        return Ok((0..service.checklist.items().len())
            .filter(|&i| service.checklist.items()[i].verify.is_some())
            .filter(|&i| {
                let state = service.state.item(i);
                match state.status {
                    Status::Todo => true,
                    Status::Done => state.proof != Proof::Passed,
                    Status::Skipped { .. } => false,
                }
            })
            .collect());
    }
    let found = service.resolve(queries)?;
    for &index in &found {
        if service.checklist.items()[index].verify.is_none() {
            return Err(hinted(
                format!("{} has no verification", service.checklist.items()[index].id),
                "give it one in the checklist: `verify: …`, a command that exits 0 when it holds",
            ));
        }
    }
    Ok(found)
}

pub fn verify(
    service: &mut RunService,
    queries: &[String],
    timeout: Duration,
    (force, takeover): (bool, bool),
) -> anyhow::Result<ExitCode> {
    let targets = targets(service, queries)?;
    if targets.is_empty() {
        output::print("nothing to verify: no open or unproven item has a `verify:` command\n")?;
        return Ok(ExitCode::from(exit::OK));
    }
    open_run::record(service, &[])?;
    let interrupts = Interrupts::listen()?;
    let mut state = service.state.clone();
    let mut failed = 0;
    for index in targets {
        let item = &service.checklist.items()[index];
        let tally = state.tally(&service.checklist);
        let closed = gate::item_closed(&service.checklist, &tally, state.approvals(), index);
        if let Some(closed) = closed.filter(|_| !force) {
            failed += 1;
            said(&format!("⛔ {}: {}\n", item.title, closed.message(&service.checklist)));
            continue;
        }
        service.require_secrets(&[item.verify.as_deref().unwrap_or_default()])?;
        let _claim = begin(service, &state, index, EvidenceKind::Verify, takeover)?;
        let item = &service.checklist.items()[index];
        let template = item.verify.as_deref().unwrap_or_default();
        let before = state.item(index).clone();
        let line = Line {
            template,
            kind: EvidenceKind::Verify,
            verb: "verifying",
            stream: false,
            timeout: Some(timeout),
        };
        let evidence = run_line(service, &state, &line, &interrupts)?;
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
        let now = service.standing_now(index)?;
        let open = unchanged(&before, &now) && now.status == Status::Todo;
        let event = service.outcome_event(&state, index, evidence, closed.is_some(), open);
        // Recorded one by one: what was proven stays proven if a later one hangs.
        open_run::record(service, std::slice::from_ref(&event))?;
        state.apply(&service.checklist, &event);
        if interrupts.asked() {
            break;
        }
    }
    output::print(&phrases::run_line(
        service.run(),
        &state.tally(&service.checklist).overall,
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
