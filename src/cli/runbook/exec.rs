//! `preflight exec`: one item's command, run in the terminal, then its
//! verification if it has one; the item is ticked only when both passed and
//! nobody changed it meanwhile. `--dry-run` prints what would run; a done
//! item's command runs again only with `--again` (a tag or a migration is not
//! something to repeat by accident).

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use super::super::mark::{past_gates, resolve};
use super::super::session::Session;
use super::super::{exit, output};
use super::{announce, run_line, shell_line, standing_now, status_words, unchanged};
use crate::checklist::Status;
use crate::run::EvidenceKind;
use crate::runner::{self, Interrupts};

/// How long the verification after a command may take when `--timeout`
/// does not say.
const VERIFY_TIMEOUT: Duration = Duration::from_secs(60);

/// What `exec` was told besides the item.
pub struct Options {
    pub force: bool,
    /// Stop the command (and its verification) after this long.
    pub timeout: Option<Duration>,
    pub dry_run: bool,
    pub again: bool,
}

pub fn exec(session: &Session, query: &str, options: &Options, by: &str) -> anyhow::Result<ExitCode> {
    let index = resolve(session, std::slice::from_ref(&query.to_owned()))?[0];
    let item = &session.checklist.items()[index];
    let Some(command) = &item.command else {
        anyhow::bail!(
            "{} has no command to run\n  hint: give it one in the checklist: `command: …` under its title",
            item.id
        );
    };
    let values = session.state.values(&session.checklist);
    let line = shell_line(command, &values)?;
    let verify = item.verify.as_deref().map(|v| shell_line(v, &values)).transpose()?;
    if options.dry_run {
        return dry_run(&item.title, &line, verify.as_deref());
    }
    let forced = !past_gates(session, &[index], options.force)?.is_empty();
    let before = session.state.item(index).clone();
    if before.status == Status::Done && !options.again {
        anyhow::bail!(
            "{} is done already ({}); nothing was run\n  hint: add --again to run its command once more (a step such as a tag or a migration may not be safe to repeat)",
            item.title,
            status_words(&before)
        );
    }
    // The values it runs with are recorded before it runs.
    session.record(&[])?;
    let interrupts = Interrupts::listen()?;
    announce("running", &line);
    let ran = run_line(&line, &values, EvidenceKind::Exec, true, options.timeout, &interrupts)?;
    let mut proof = None;
    if ran.passed()
        && let Some(verify) = &verify
    {
        announce("verifying with", verify);
        let timeout = options.timeout.or(Some(VERIFY_TIMEOUT));
        proof = Some(run_line(
            verify,
            &values,
            EvidenceKind::Verify,
            false,
            timeout,
            &interrupts,
        )?);
    }
    let passed = ran.passed() && proof.as_ref().is_none_or(crate::run::Evidence::passed);
    let now_standing = standing_now(session, index)?;
    let still = unchanged(&before, &now_standing);
    let ticks = passed && still && now_standing.status == Status::Todo;
    let summary = ran.summary();
    let proof_summary = proof.as_ref().map(crate::run::Evidence::summary);
    // The command's run, then its proof, each stamped after the item's
    // latest change (a teammate's clock ahead or not); the last one that
    // passed ticks the item.
    let mut state = session.state.clone();
    let mut events = Vec::new();
    let proved_too = proof.is_some();
    for (evidence, open) in std::iter::once((ran, ticks && !proved_too)).chain(proof.map(|p| (p, ticks))) {
        let event = runner::event_for(&session.checklist, &state, index, evidence, forced, by, open);
        state.apply(&session.checklist, &event);
        events.push(event);
    }
    session.record(&events)?;
    if let Some(signal) = interrupts.exit_status() {
        output::report(&format!(
            "{}: interrupted; it stays {}",
            item.title,
            status_words(&now_standing)
        ));
        return Ok(ExitCode::from(signal));
    }
    let proved = proof_summary.map(|p| format!(", verified: {p}")).unwrap_or_default();
    if !passed {
        anyhow::bail!(
            "{} failed: {summary}{proved}; it stays {}",
            item.title,
            status_words(&now_standing)
        );
    }
    let kept = kept(ticks, still, &now_standing);
    output::report(&format!("✓ {}: {summary}{proved}{kept}", item.title));
    Ok(ExitCode::from(exit::OK))
}

/// `--dry-run`: the lines exactly as they would run, and nothing else.
fn dry_run(title: &str, line: &str, verify: Option<&str>) -> anyhow::Result<ExitCode> {
    let mut shown = format!("{title}\n  run:    {line}\n");
    if let Some(verify) = verify {
        let _ = writeln!(shown, "  verify: {verify}");
    }
    output::print(&shown)?;
    Ok(ExitCode::from(exit::OK))
}

/// What a passing run says of an item it did not tick.
fn kept(ticks: bool, still: bool, now_standing: &crate::run::ItemState) -> String {
    if ticks {
        String::new()
    } else if still {
        format!("; it stays {}, as it was", status_words(now_standing))
    } else {
        format!(
            "; {} changed it while it ran, so it stays {}",
            now_standing.by.as_deref().unwrap_or("someone"),
            status_words(now_standing)
        )
    }
}
