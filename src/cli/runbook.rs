//! `exec` and `verify`: run an item's command or its verification, with the
//! run's values written into it for the shell, and record what it showed as
//! evidence. A passing run ticks its item only if nobody changed the item
//! while it ran; an item with a `verify:` is ticked by `exec` only once the
//! verification passed too. Ctrl-C, SIGTERM or SIGHUP stop the command's
//! whole process group and are recorded as an interrupted step.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use super::args::{Command, Globals};
use super::open_run::{self, Needs};

mod exec;
mod step;
mod verify;

/// `exec` and `verify`, from the command line.
pub fn from_command(command: &Command, globals: &Globals) -> anyhow::Result<ExitCode> {
    let open = |checklist: &PathBuf| open_run::for_command(Some(checklist), globals, Needs::state(false));
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
            let mut service = open(checklist)?;
            match item {
                Some(item) => exec::exec(&mut service, item, &options),
                None => exec::exec_all(&mut service, phase.as_deref(), &options),
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
            &mut open(checklist)?,
            items,
            Duration::from_secs_f64(*timeout),
            (*force, *takeover),
        ),
        _ => unreachable!("runbook::from_command is given exec and verify"),
    }
}
