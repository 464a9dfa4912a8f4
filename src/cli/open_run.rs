//! How a command opens its run through the service, and says once what the
//! service returns to be said: the read's warnings, then what each write did.

use std::path::Path;

use super::args::Globals;
use super::output;
use super::paint::Paint;
use crate::run::Event;
use crate::service::{Opening, Reading, RunService, Source, operator};

/// What the run arguments ask the service for.
pub fn opening(globals: &Globals) -> Opening {
    Opening {
        run: globals.run.clone(),
        state: globals.state.clone(),
        author: operator(globals.by.as_deref()),
    }
}

/// Opens the run of `source` as `reading` says, and shows its warnings.
///
/// # Errors
/// As [`RunService::open`].
pub fn open(source: &Source, globals: &Globals, reading: Reading) -> anyhow::Result<RunService> {
    let service = RunService::open(source, &opening(globals), reading)?;
    for notice in &service.notices {
        output::warning(Paint::stderr(globals.color), notice);
    }
    Ok(service)
}

/// What a command asks of the run it opens.
#[derive(Debug, Clone, Copy)]
pub struct Needs {
    /// It only reads the run: a run named on purpose must exist (unless
    /// `--set` gives values, which start it).
    pub existing: bool,
    /// Every parameter must have a value (commands that show or run texts).
    pub values: bool,
    pub reading: Reading,
}

impl Needs {
    /// A command that needs the run's state, not its history.
    pub fn state(existing: bool) -> Needs {
        Needs {
            existing,
            values: true,
            reading: Reading::Resuming,
        }
    }

    /// A command that measures or shows the run's history: every event.
    pub fn history(existing: bool) -> Needs {
        Needs {
            reading: Reading::Whole,
            ..Needs::state(existing)
        }
    }

    /// A command about the run's history (`log`, `sync`), which shows and
    /// runs no texts: a parameter may still lack a value.
    pub fn log(existing: bool) -> Needs {
        Needs {
            values: false,
            ..Needs::history(existing)
        }
    }
}

/// The run of a command: opened, its warnings shown, `--set` given.
///
/// # Errors
/// As [`RunService::open`], [`RunService::require_existing`] and
/// [`RunService::give_values`].
pub fn for_command(checklist: Option<&Path>, globals: &Globals, needs: Needs) -> anyhow::Result<RunService> {
    let mut service = open(&Source::resolve(checklist), globals, needs.reading)?;
    // A command that reads a run refuses one that does not exist (a typo,
    // most likely), unless it gives values: then it starts it.
    if needs.existing && globals.set.is_empty() {
        service.require_existing()?;
    }
    service.give_values(&globals.set, needs.values)?;
    Ok(service)
}

/// Says on stderr what the service said of a write.
pub fn say(said: &[String]) {
    for line in said {
        output::report(line);
    }
}

/// Records `events` (after the `--set` values) and says what that did.
///
/// # Errors
/// When the run log cannot be written.
pub fn record(service: &mut RunService, events: &[Event]) -> anyhow::Result<()> {
    say(&service.record(events)?);
    Ok(())
}
