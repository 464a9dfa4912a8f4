//! What every run-aware command starts with: the checklist loaded, the run log
//! located and replayed, its warnings reported once on stderr.

use std::fmt::Write as _;
use std::path::PathBuf;

use super::paint::Paint;
use super::source::Source;
use super::{Globals, output};
use crate::checklist::Checklist;
use crate::run::{Event, RunState};
use crate::runlog::{Header, RunLog, place};
use crate::text::{clean_line, escape_for_terminal};

/// From this size on, a run log is read in parallel with parsing the checklist.
const PARALLEL_FROM: u64 = 256 * 1024;

/// A checklist with one of its runs, ready to read or record.
pub struct Session {
    pub checklist: Checklist,
    pub run: String,
    pub log: RunLog,
    pub state: RunState,
    /// The run's events, oldest first, as read when the session opened.
    pub events: Vec<Event>,
    /// Where that read ended (offset, lines), for the terminal view to tail from.
    pub read_to: (u64, usize),
}

/// Who is recording: `--by`, else `PREFLIGHT_USER`, else the login name (asked of
/// the system through `whoami`, since `$USER` is often unset in containers and CI).
pub fn operator(globals: &Globals) -> String {
    let from_env = || std::env::var("PREFLIGHT_USER").ok().filter(|v| !v.trim().is_empty());
    globals
        .by
        .clone()
        .or_else(from_env)
        .or_else(|| whoami::username().ok())
        .and_then(|name| clean_line(&name).ok())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// How many skipped lines, or orphaned items, are named one by one; the rest
/// are counted. A damaged log of millions of lines says so in a dozen.
pub const SHOWN_WARNINGS: usize = 10;

/// Prints the run log's skipped lines and orphaned items, once per command.
fn report(log: &RunLog, warnings: &[crate::runlog::Warning], state: &RunState, paint: Paint) {
    let path = escape_for_terminal(&log.path().display().to_string());
    for warning in warnings.iter().take(SHOWN_WARNINGS) {
        output::warning(paint, &format!("{path}:{}: {}", warning.line, warning.message));
    }
    if warnings.len() > SHOWN_WARNINGS {
        let more = warnings.len() - SHOWN_WARNINGS;
        let s = if more == 1 { "" } else { "s" };
        output::warning(paint, &format!("{path}: and {more} more invalid line{s}"));
    }
    let orphans: Vec<_> = state.orphans().collect();
    if !orphans.is_empty() {
        let mut message = format!(
            "{} item(s) in this run are no longer in the checklist; their events are kept and count again if the item comes back:",
            orphans.len()
        );
        for orphan in orphans.iter().take(SHOWN_WARNINGS) {
            let title = orphan.title.as_deref().map(|t| format!(" \"{t}\"")).unwrap_or_default();
            let _ = write!(message, "\n  {}{title} ({})", orphan.id, orphan.state.status.as_str());
        }
        if orphans.len() > SHOWN_WARNINGS {
            let _ = write!(message, "\n  and {} more", orphans.len() - SHOWN_WARNINGS);
        }
        output::warning(paint, &message);
    }
}

/// The run the command names (`--run`, else "default"), checked, and the file
/// its log is kept in (`--state`, else one under the checklist's runs folder).
pub fn run_and_log_path(source: &Source, globals: &Globals) -> anyhow::Result<(String, PathBuf)> {
    let run = globals.run.clone().unwrap_or_else(|| "default".to_owned());
    place::check_run_name(&run)
        .map_err(|why| anyhow::anyhow!("invalid run name: {why}\n  hint: for example --run \"v2.3.0 release\""))?;
    let path: PathBuf = match &globals.state {
        Some(path) => path.clone(),
        None => source.runs_dir()?.join(place::run_file_name(&run)),
    };
    Ok((run, path))
}

impl Session {
    /// Loads the checklist and its run, printing the run log's warnings.
    pub fn open(source: &Source, globals: &Globals) -> anyhow::Result<Session> {
        let (run, path) = run_and_log_path(source, globals)?;
        // A large run log is read on a second core while the checklist is
        // parsed (a thread costs more than it saves on small ones); which
        // checklist it belongs to is checked once both are in.
        let reader = RunLog::new(path.clone(), Header::default());
        let large = std::fs::metadata(&path).is_ok_and(|m| m.len() > PARALLEL_FROM);
        let (checklist, contents) = if large {
            std::thread::scope(|scope| {
                let reading = scope.spawn(|| reader.read_unverified());
                let checklist = source.load();
                let contents = reading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (checklist, contents)
            })
        } else {
            (source.load(), reader.read_unverified())
        };
        let checklist = checklist?;
        let identity = Header {
            checklist: checklist.title.clone(),
            file: source.file_name(),
            run: run.clone(),
            created: crate::runlog::now().to_string(),
        };
        let log = RunLog::new(path, identity);
        let contents = contents?;
        log.verify(&contents)?;
        let state = RunState::replay(&checklist, &contents.events);
        report(&log, &contents.warnings, &state, Paint::stderr(globals.color));
        let run = contents.header.map_or(run, |header| header.run);
        Ok(Session {
            checklist,
            run,
            log,
            state,
            events: contents.events,
            read_to: (contents.end, contents.lines),
        })
    }
}
