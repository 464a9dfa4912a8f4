//! `preflight exec`: an item's command, run in the terminal, then its
//! verification if it has one; the item is ticked only when both passed and
//! nobody changed it meanwhile. `--all` walks the open items in checklist
//! order the same way, the do-nothing-script way through a runbook: it stops
//! at the first failure, at a closed gate and at the first manual step.
//! `--dry-run` prints what would run; a done item's command runs again only
//! with `--again` (a tag or a migration is not something to repeat by
//! accident).

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::step::{Line, begin, run_line, shell_line, status_words, unchanged};
use crate::checklist::{Item, Status};
use crate::cli::open_run;
use crate::cli::{exit, output, phrases};
use crate::gate;
use crate::hinted::{Hinted, hinted};
use crate::run::{Evidence, EvidenceKind, ItemState, RunState};
use crate::service::RunService;
use crate::store::runner::Interrupts;

/// How long the verification after a command may take when `--timeout`
/// does not say.
const VERIFY_TIMEOUT: Duration = Duration::from_secs(60);

/// What `exec` was told besides the items.
pub struct Options {
    /// Stop the command (and its verification) after this long.
    pub timeout: Option<Duration>,
    pub dry_run: bool,
    pub overrides: Overrides,
}

/// What `exec` is told to do although it would not by itself.
pub struct Overrides {
    /// Run past a closed gate (`--force`).
    pub gate: bool,
    /// Run a done item's command again (`--again`).
    pub again: bool,
    /// Start although the run log says someone elsewhere runs the step
    /// (`--takeover`).
    pub takeover: bool,
}

/// How one step ended.
enum Step {
    /// It passed; the words say what became of the item.
    Passed(String),
    Failed(String),
    /// Preflight was asked to end; the exit status that says so.
    Interrupted(u8),
}

/// `preflight exec CHECKLIST ITEM`.
pub fn exec(service: &mut RunService, query: &str, options: &Options) -> anyhow::Result<ExitCode> {
    let index = service.resolve(std::slice::from_ref(&query.to_owned()))?[0];
    let item = &service.checklist.items()[index];
    if item.command.is_none() {
        return Err(hinted(
            format!("{} has no command to run", item.id),
            "give it one in the checklist: `command: …` under its title",
        ));
    }
    if options.dry_run {
        output::print(&dry_run(service, item)?)?;
        return Ok(ExitCode::from(exit::OK));
    }
    let forced = !service.past_gates(&[index], options.overrides.gate)?.is_empty();
    let before = service.state.item(index);
    if before.status == Status::Done && !options.overrides.again {
        return Err(hinted(
            format!(
                "{} is done already ({}); nothing was run",
                item.title,
                status_words(before)
            ),
            "add --again to run its command once more (a step such as a tag or a migration may not be safe to repeat)",
        ));
    }
    // The values it runs with are recorded before it runs.
    open_run::record(service, &[])?;
    let interrupts = Interrupts::listen()?;
    let mut state = service.state.clone();
    match step(service, &mut state, index, options, forced, &interrupts)? {
        Step::Passed(words) => {
            output::report(&words);
            Ok(ExitCode::from(exit::OK))
        }
        Step::Failed(words) => anyhow::bail!("{words}"),
        Step::Interrupted(code) => Ok(ExitCode::from(code)),
    }
}

/// `preflight exec CHECKLIST --all [--phase NAME]`.
pub fn exec_all(service: &mut RunService, phase: Option<&str>, options: &Options) -> anyhow::Result<ExitCode> {
    let range = match phase {
        None => 0..service.checklist.items().len(),
        Some(name) => service.phase_range(name)?,
    };
    let interrupts = Interrupts::listen()?;
    let mut state = service.state.clone();
    let mut shown = String::new();
    let mut ran = 0;
    if !options.dry_run {
        open_run::record(service, &[])?;
    }
    for index in range {
        let item = &service.checklist.items()[index];
        if state.item(index).status != Status::Todo || (item.has_sub_items() && !automated(item)) {
            continue;
        }
        if !automated(item) {
            return stop(
                &shown,
                &Hinted::new(
                    format!("stopped at a manual step: {} ({})", item.title, item.id),
                    format!(
                        "do it, tick it (preflight check … {}), then run exec --all again",
                        item.own_id()
                    ),
                ),
                options.dry_run,
            );
        }
        let closed = gate::item_closed(
            &service.checklist,
            &state.tally(&service.checklist),
            state.approvals(),
            index,
        );
        if let Some(closed) = closed.as_ref().filter(|_| !options.overrides.gate) {
            let message = closed.message(&service.checklist);
            return stop(
                &shown,
                &Hinted::new(
                    format!("stopped at a closed gate: {message}"),
                    "add --force to run past it (marked as forced)",
                ),
                options.dry_run,
            );
        }
        if options.dry_run {
            shown.push_str(&dry_run(service, item)?);
            continue;
        }
        match step(service, &mut state, index, options, closed.is_some(), &interrupts)? {
            Step::Passed(words) => output::report(&words),
            Step::Failed(words) => {
                return Err(hinted(
                    words,
                    "exec --all stopped here; fix it and run exec --all again",
                ));
            }
            Step::Interrupted(code) => return Ok(ExitCode::from(code)),
        }
        ran += 1;
    }
    if options.dry_run {
        output::print(&shown)?;
    } else {
        let _ = write!(shown, "{} ran; ", crate::text::plural(ran, "step", "steps"));
        shown.push_str(&phrases::run_line(
            service.run(),
            &state.tally(&service.checklist).overall,
        ));
        output::print(&shown)?;
    }
    Ok(ExitCode::from(exit::OK))
}

/// Ends `exec --all` before the end of the runbook, saying why: exit 3, as
/// `status --require-complete` does while items are open.
fn stop(shown: &str, why: &Hinted, dry_run: bool) -> anyhow::Result<ExitCode> {
    if dry_run {
        output::print(shown)?;
    }
    output::report(&why.to_string());
    Ok(ExitCode::from(exit::INCOMPLETE))
}

/// Whether `exec --all` can do the item itself: it has a command or a
/// verification.
fn automated(item: &Item) -> bool {
    item.command.is_some() || item.verify.is_some()
}

/// What `--dry-run` prints of an item: its lines exactly as they would run.
fn dry_run(service: &RunService, item: &Item) -> anyhow::Result<String> {
    let values = service.state.values(&service.checklist);
    let mut shown = format!("{}\n", item.title);
    if let Some(command) = &item.command {
        let _ = writeln!(shown, "  run:    {}", shell_line(command, &values)?);
    }
    if let Some(verify) = &item.verify {
        let _ = writeln!(shown, "  verify: {}", shell_line(verify, &values)?);
    }
    Ok(shown)
}

/// Runs the item's command (if any), then its verification (if any, and the
/// command passed), records both, and says how it went. The item is ticked
/// only if everything passed and nobody changed it while it ran.
fn step(
    service: &mut RunService,
    state: &mut RunState,
    index: usize,
    options: &Options,
    forced: bool,
    interrupts: &Interrupts,
) -> anyhow::Result<Step> {
    let item = &service.checklist.items()[index];
    let commands: Vec<&str> = item.command.iter().chain(&item.verify).map(String::as_str).collect();
    service.require_secrets(&commands)?;
    let kind = if item.command.is_some() {
        EvidenceKind::Exec
    } else {
        EvidenceKind::Verify
    };
    let _claim = begin(service, state, index, kind, options.overrides.takeover)?;
    let item = &service.checklist.items()[index];
    let before = state.item(index).clone();
    let mut runs: Vec<Evidence> = Vec::new();
    if let Some(command) = &item.command {
        let line = Line {
            template: command,
            kind: EvidenceKind::Exec,
            verb: "running",
            stream: true,
            timeout: options.timeout,
        };
        runs.push(run_line(service, state, &line, interrupts)?);
    }
    if let Some(verify) = item.verify.as_deref().filter(|_| runs.iter().all(Evidence::passed)) {
        let line = Line {
            template: verify,
            kind: EvidenceKind::Verify,
            verb: "verifying with",
            stream: false,
            timeout: options.timeout.or(Some(VERIFY_TIMEOUT)),
        };
        runs.push(run_line(service, state, &line, interrupts)?);
    }
    let passed = runs.iter().all(Evidence::passed);
    let summaries: Vec<String> = runs
        .iter()
        .map(|e| match e.kind {
            EvidenceKind::Exec => e.summary(),
            EvidenceKind::Verify => format!("verified: {}", e.summary()),
        })
        .collect();
    let now_standing = service.standing_now(index)?;
    let still = unchanged(&before, &now_standing);
    let ticks = passed && still && now_standing.status == Status::Todo;
    // Each run stamped after the item's latest change (a teammate's clock
    // ahead or not); the last one, when all passed, ticks the item.
    let last = runs.len().saturating_sub(1);
    let mut events = Vec::new();
    for (i, evidence) in runs.into_iter().enumerate() {
        let event = service.outcome_event(state, index, evidence, forced, ticks && i == last);
        state.apply(&service.checklist, &event);
        events.push(event);
    }
    open_run::record(service, &events)?;
    let item = &service.checklist.items()[index];
    let summary = summaries.join(", ");
    // Heard by preflight, or Ctrl-C on the terminal the command had (the
    // signal went to its group alone): 128 + the signal either way.
    let ctrl_c = events
        .iter()
        .any(|e| e.evidence.as_ref().is_some_and(|e| e.interrupted));
    if let Some(code) = interrupts.exit_status().or(ctrl_c.then_some(130)) {
        output::report(&format!(
            "{}: interrupted; it stays {}",
            item.title,
            status_words(&now_standing)
        ));
        return Ok(Step::Interrupted(code));
    }
    if !passed {
        return Ok(Step::Failed(format!(
            "{} failed: {summary}; it stays {}",
            item.title,
            status_words(&now_standing)
        )));
    }
    Ok(Step::Passed(format!(
        "✓ {}: {summary}{}",
        item.title,
        kept(ticks, still, &now_standing)
    )))
}

/// What a passing run says of an item it did not tick.
fn kept(ticks: bool, still: bool, now_standing: &ItemState) -> String {
    if ticks {
        String::new()
    } else if still {
        format!("; it stays {}, as it was", status_words(now_standing))
    } else {
        format!(
            "; {} changed it while it ran, so it stays {}",
            now_standing.set.as_ref().map_or("someone", |s| s.by.as_str()),
            status_words(now_standing)
        )
    }
}
