//! Opening a run: the checklist loaded, the run log located, read (on a second
//! core when it is large) and replayed, replayed as it is read, or resumed
//! from the run state the last command kept; what the read found becomes the
//! service's notices.

use std::path::{Path, PathBuf};

use super::notices::{self, Read};
use super::snapshot::{self, Kept};
use super::source::Source;
use super::{Opening, Recorder, RunService};
use crate::checklist::Checklist;
use crate::hinted::hinted;
use crate::run::RunState;
use crate::store::runlog::{Contents, Header, Mark, RunLog, place};

/// From this size on, a run log is read in parallel with parsing the checklist.
const PARALLEL_FROM: u64 = 256 * 1024;

/// The run a command works on when none is named.
pub const DEFAULT_RUN: &str = "default";

/// How much of the run's log an opening reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// The whole log, every event kept in [`RunService::events`]: for what
    /// shows or measures the run's history.
    Whole,
    /// From the run state the last command kept, when it still holds, only
    /// what was appended since: `events` is then left empty. For what needs
    /// the run's state, not its history.
    Resuming,
    /// The whole log, replayed as it is read, its events not kept (`events`
    /// is left empty): for the view, which needs the run's state and where
    /// the read ended, never the history; at 100,000 events, holding them
    /// all would cost about 50 MB.
    Replaying,
}

/// The run `run` names (`--run`, else "default"), checked, and the file its
/// log is kept in: `state` (`--state`), else one under the checklist's runs
/// folder.
pub fn locate(source: &Source, run: Option<&str>, state: Option<&Path>) -> anyhow::Result<(String, PathBuf)> {
    let run = run.unwrap_or(DEFAULT_RUN).to_owned();
    place::check_run_name(&run).map_err(|why| {
        hinted(
            format!("invalid run name: {why}"),
            "for example --run \"v2.3.0 release\"",
        )
    })?;
    let path: PathBuf = match state {
        Some(path) => path.to_path_buf(),
        None => source.runs_dir()?.join(place::run_file_name(&run)),
    };
    Ok((run, path))
}

/// What a new log's first line says, and what an existing one's must match.
fn identity(source: &Source, checklist: &Checklist, run: &str) -> Header {
    Header {
        checklist: checklist.title.clone(),
        file: source.file_name(),
        run: run.to_owned(),
        created: crate::store::runlog::now().to_string(),
    }
}

impl RunService {
    /// Loads the checklist of `source` and the run `opening` names, read as
    /// `reading` says; what the read found is in `notices`.
    ///
    /// # Errors
    /// A checklist or a run log that cannot be read, a run log of another
    /// checklist, an invalid run name.
    pub fn open(source: &Source, opening: &Opening, reading: Reading) -> anyhow::Result<RunService> {
        match reading {
            Reading::Whole => RunService::open_whole(source, opening),
            Reading::Resuming => RunService::open_resuming(source, opening),
            Reading::Replaying => RunService::open_replaying(source, opening),
        }
    }

    fn open_replaying(source: &Source, opening: &Opening) -> anyhow::Result<RunService> {
        let (run, path) = locate(source, opening.run.as_deref(), opening.state.as_deref())?;
        let checklist = source.load()?;
        let log = RunLog::new(path, identity(source, &checklist, &run));
        RunService::streamed(source, opening, checklist, log, run)
    }

    /// The run of a read that replayed the log as it read it.
    fn streamed(
        source: &Source,
        opening: &Opening,
        checklist: Checklist,
        log: RunLog,
        run: String,
    ) -> anyhow::Result<RunService> {
        let (contents, state) = log.read_replayed(&checklist)?;
        let service = RunService::replayed(source, opening, checklist, log, contents, state, run);
        Ok(RunService {
            events: Vec::new(),
            ..service
        })
    }

    fn open_whole(source: &Source, opening: &Opening) -> anyhow::Result<RunService> {
        let (run, path) = locate(source, opening.run.as_deref(), opening.state.as_deref())?;
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
        let log = RunLog::new(path, identity(source, &checklist, &run));
        let contents = contents?;
        log.verify(&contents)?;
        let state = RunState::replay(&checklist, &contents.events);
        Ok(RunService::replayed(
            source, opening, checklist, log, contents, state, run,
        ))
    }

    fn open_resuming(source: &Source, opening: &Opening) -> anyhow::Result<RunService> {
        let (run, path) = locate(source, opening.run.as_deref(), opening.state.as_deref())?;
        if !snapshot::file_for(&path).is_some_and(|file| file.is_file()) {
            return RunService::open_replaying(source, opening);
        }
        let checklist = source.load()?;
        let log = RunLog::new(path, identity(source, &checklist, &run));
        let now = crate::store::runlog::now();
        let Some(resumed) = snapshot::resume(&log, &checklist, now) else {
            return RunService::streamed(source, opening, checklist, log, run);
        };
        let read = Read {
            warnings: &resumed.warnings,
            stamps: resumed.ahead.iter().map(|(at, by)| (*at, by.as_str())).collect(),
        };
        let notices = notices::of(&log, &checklist, &read, &resumed.state);
        snapshot::save(&log, &checklist, &resumed.kept(), now);
        let recorder = Recorder::new(log, resumed.header.run, opening.author.clone(), true);
        Ok(RunService {
            read_to: resumed.mark,
            notices,
            ..RunService::new(source, opening, checklist, recorder, resumed.state)
        })
    }

    /// The run of a whole read: replayed, what the read found noted, and the
    /// state kept for the next command.
    fn replayed(
        source: &Source,
        opening: &Opening,
        checklist: Checklist,
        log: RunLog,
        contents: Contents,
        state: RunState,
        run: String,
    ) -> RunService {
        let notices = notices::of(&log, &checklist, &Read::of(&contents), &state);
        // A log with events left out for now must be read whole again: one
        // may take effect as the clock moves on.
        if let Some(header) = contents.header.as_ref().filter(|_| contents.left_out.is_empty()) {
            let now = crate::store::runlog::now();
            snapshot::save(&log, &checklist, &Kept::of(&contents, header, &state, now), now);
        }
        let existed = contents.header.is_some();
        let run = contents.header.map_or(run, |header| header.run);
        // Sorted in place (stable: file order for equal times), not copied:
        // at 100,000 events a copy would cost tens of megabytes.
        let mut events = contents.events;
        events.sort_by_key(|event| event.stamp.at);
        let mut left_out = contents.left_out;
        left_out.sort_by_key(|event| event.stamp.at);
        let recorder = Recorder::new(log, run, opening.author.clone(), existed);
        RunService {
            events,
            left_out,
            read_to: contents.mark,
            notices,
            ..RunService::new(source, opening, checklist, recorder, state)
        }
    }

    /// A run in `state`, the parts every opening shares. The state is given,
    /// never made here to be replaced: at 100,000 items a run state thrown
    /// away is 21 MB more at the view's peak.
    fn new(
        source: &Source,
        opening: &Opening,
        checklist: Checklist,
        recorder: Recorder,
        state: RunState,
    ) -> RunService {
        RunService {
            state,
            checklist,
            events: Vec::new(),
            left_out: Vec::new(),
            templates: None,
            notices: Vec::new(),
            read_to: Mark::default(),
            recorder,
            source: source.clone(),
            named: opening.state.is_none() && opening.run.as_deref().is_some_and(|r| r != DEFAULT_RUN),
        }
    }
}
