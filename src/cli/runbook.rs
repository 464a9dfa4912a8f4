//! `exec` and `verify`: run an item's command or its verification, with the
//! run's values written into it for the shell, and record what it showed as
//! evidence. A passing run ticks its item only if nobody changed the item
//! while it ran; an item with a `verify:` is ticked by `exec` only once the
//! verification passed too. Ctrl-C, SIGTERM or SIGHUP stop the command's
//! whole process group and are recorded as an interrupted step.

use std::process::ExitCode;
use std::time::Duration;

use super::args::{ExecArgs, Globals, VerifyArgs};
use super::open_run::{self, Needs};

mod exec;
mod step;
mod verify;

/// `preflight exec`: one item's step, or the open items' in order (`--all`).
pub fn exec(args: &ExecArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    let options = exec::Options {
        timeout: args.timeout.map(Duration::from_secs_f64),
        dry_run: args.dry_run,
        overrides: exec::Overrides {
            gate: args.force,
            again: args.again,
            takeover: args.takeover,
        },
    };
    let mut service = open_run::for_command(Some(&args.checklist), globals, Needs::state(false))?;
    match &args.item {
        Some(item) => exec::exec(&mut service, item, &options),
        None => exec::exec_all(&mut service, args.phase.as_deref(), &options),
    }
}

/// `preflight verify`.
pub fn verify(args: &VerifyArgs, globals: &Globals) -> anyhow::Result<ExitCode> {
    verify::verify(
        &mut open_run::for_command(Some(&args.checklist), globals, Needs::state(false))?,
        &args.items,
        Duration::from_secs_f64(args.timeout),
        (args.force, args.takeover),
    )
}
