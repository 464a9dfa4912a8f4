//! One step of a runbook on the command line, as `exec` and `verify` both
//! take it: the command line put together with the run's values, announced,
//! run with the signals that end preflight heard, and its evidence masked;
//! the step claimed and its start recorded (refusals worded for the command
//! line); and how an item stands, in the words a run ends with.

use std::borrow::Cow;
use std::time::Duration;

use crate::cli::open_run;
use crate::cli::output;
use crate::hinted::hinted;
use crate::run::{Evidence, EvidenceKind, ItemState, RunState};
use crate::service::{Refusal, RunService};
use crate::store::runner::{self, Interrupts, Run};
use crate::template;

/// A command with the run's values in it, as it runs.
pub(super) fn shell_line(template: &str, values: &template::Values) -> anyhow::Result<String> {
    template::render_shell(template, values)
        .map(Cow::into_owned)
        .map_err(|err| anyhow::anyhow!("cannot put the run's values into `{template}`: {err:?}"))
}

/// How one command of an item runs.
pub(super) struct Line<'a> {
    /// The command or verification as written, placeholders in it.
    pub(super) template: &'a str,
    pub(super) kind: EvidenceKind,
    /// Said before it runs: "running", "verifying with".
    pub(super) verb: &'a str,
    pub(super) stream: bool,
    pub(super) timeout: Option<Duration>,
}

/// Runs one command of an item, listening for the signals that would end
/// preflight. What is shown and recorded is the line with secrets masked;
/// what runs has their values, and the output kept has them masked again.
pub(super) fn run_line(
    service: &RunService,
    state: &RunState,
    line: &Line<'_>,
    interrupts: &Interrupts,
) -> anyhow::Result<Evidence> {
    let shown = shell_line(line.template, &state.values(&service.checklist))?;
    let values = state.run_values(&service.checklist);
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

/// Claims the item's step for this process and records that its command
/// starts, saying why not in words for the command line (see
/// [`crate::service::Recorder::begin_step`]).
pub(super) fn begin(
    service: &mut RunService,
    state: &RunState,
    index: usize,
    kind: EvidenceKind,
    takeover: bool,
) -> anyhow::Result<runner::Claim> {
    let refusal = match service.begin_step(state, index, kind, takeover) {
        Ok(started) => {
            open_run::say(&started.said);
            return Ok(started.claim);
        }
        Err(refusal) => refusal,
    };
    let item = &service.checklist.items()[index];
    Err(match refusal {
        Refusal::Held { who } => hinted(
            format!("{}: {who}; nothing was run", item.title),
            "wait for it to finish; `preflight log` then shows how it went",
        ),
        Refusal::Busy { why } => hinted(
            format!("{}: {why}; nothing was run", item.title),
            "wait for its outcome (sync shows it); if that run ended without recording one, add --takeover",
        ),
        Refusal::Claim(err) => anyhow::anyhow!("cannot claim the step {}: {err}", item.id),
        Refusal::Unread(err) | Refusal::Unrecorded(err) => err.into(),
    })
}

/// Whether an item still stands as it did when its command started.
pub(super) fn unchanged(before: &ItemState, now: &ItemState) -> bool {
    before.status == now.status && before.changed == now.changed
}

/// How an item stands, in the words a run ends with.
pub(super) fn status_words(state: &ItemState) -> String {
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
