//! What every run-aware command starts with: the checklist loaded, the run log
//! located and replayed, its warnings reported once on stderr.

use std::path::PathBuf;

use super::paint::Paint;
use super::snapshot::{self, Kept};
use super::source::Source;
use super::{Globals, history, notices, output, params};
use crate::checklist::Checklist;
use crate::cli::hinted::hinted;
use crate::run::{Author, Event, RunState};
use crate::store::runlog::{Contents, Header, Mark, RunLog, place};
use crate::text::clean_line;

/// From this size on, a run log is read in parallel with parsing the checklist.
const PARALLEL_FROM: u64 = 256 * 1024;

/// A checklist with one of its runs, ready to read or record.
pub struct Session {
    pub checklist: Checklist,
    pub run: String,
    pub log: RunLog,
    pub state: RunState,
    /// The run's events in the order of their time (the order replay applies
    /// them), as read when the session opened; empty when it was opened from
    /// the kept run state ([`Session::for_command`]): a command that shows
    /// the run's history opens with [`Session::with_events`].
    pub events: Vec<Event>,
    /// The events left out of replay, dated too far ahead of this machine's
    /// clock (see [`crate::store::runlog::AHEAD`]), in the order of their time:
    /// `log` lists them, marked.
    pub left_out: Vec<Event>,
    /// Where that read ended, for the terminal view to tail from.
    pub read_to: Mark,
    /// Whether the run had a log when the session opened: a run is started by
    /// its first change.
    pub existed: bool,
    /// The checklist as written, when it has parameters (`checklist` shows
    /// their values): what the view makes the shown one from again.
    pub templates: Option<Checklist>,
    /// The `--set` values to record with the command's first write.
    pending: std::cell::RefCell<Vec<Event>>,
    /// Whether "started run" was said already.
    announced: std::cell::Cell<bool>,
    source: Source,
    /// Whether the run was named on purpose (`--run` other than the default,
    /// without `--state`): a name that matches no run is then likely a typo.
    named: bool,
}

/// Who is recording: `--by`, else `PREFLIGHT_USER`, else the login name (asked of
/// the system through `whoami`, since `$USER` is often unset in containers and CI).
/// Its login is the account this process runs as, recorded beside the name
/// with every change: what this machine says, not a proof of who it was.
pub fn operator(globals: &Globals) -> Author {
    let from_env = || std::env::var("PREFLIGHT_USER").ok().filter(|v| !v.trim().is_empty());
    let login = whoami::username()
        .ok()
        .and_then(|name| clean_line(&name).ok())
        .filter(|name| !name.is_empty());
    let by = match globals.by.clone().or_else(from_env) {
        Some(name) => clean_line(&name).ok().filter(|name| !name.is_empty()),
        None => login.clone(),
    }
    .unwrap_or_else(|| "unknown".to_owned());
    Author { by, login }
}

/// The run a command works on when none is named.
pub const DEFAULT_RUN: &str = "default";

/// The run the command names (`--run`, else "default"), checked, and the file
/// its log is kept in (`--state`, else one under the checklist's runs folder).
pub fn run_and_log_path(source: &Source, globals: &Globals) -> anyhow::Result<(String, PathBuf)> {
    let run = globals.run.clone().unwrap_or_else(|| DEFAULT_RUN.to_owned());
    place::check_run_name(&run).map_err(|why| {
        hinted(
            format!("invalid run name: {why}"),
            "for example --run \"v2.3.0 release\"",
        )
    })?;
    let path: PathBuf = match &globals.state {
        Some(path) => path.clone(),
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

impl Session {
    /// Loads the checklist and its run, printing the run log's warnings: the
    /// whole log read and replayed as it is read, its events not kept
    /// (`events` is left empty). For what needs the run's state, not its
    /// history: at 100,000 events, holding them all costs about 50 MB.
    pub fn open(source: &Source, globals: &Globals) -> anyhow::Result<Session> {
        let (run, path) = run_and_log_path(source, globals)?;
        let checklist = source.load()?;
        let log = RunLog::new(path, identity(source, &checklist, &run));
        Session::streamed(source, globals, checklist, log, run)
    }

    /// The session of a read that replayed the log as it read it.
    fn streamed(
        source: &Source,
        globals: &Globals,
        checklist: Checklist,
        log: RunLog,
        run: String,
    ) -> anyhow::Result<Session> {
        let (contents, state) = log.read_replayed(&checklist)?;
        let session = Session::replayed(source, globals, checklist, log, contents, state, run);
        Ok(Session {
            events: Vec::new(),
            ..session
        })
    }

    /// As [`Session::open`], every event kept in `events`: for what shows or
    /// measures the run's history.
    fn open_whole(source: &Source, globals: &Globals) -> anyhow::Result<Session> {
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
        let log = RunLog::new(path, identity(source, &checklist, &run));
        let contents = contents?;
        log.verify(&contents)?;
        let state = RunState::replay(&checklist, &contents.events);
        Ok(Session::replayed(source, globals, checklist, log, contents, state, run))
    }

    /// As [`Session::open`], but from the run state the last command kept
    /// (see [`snapshot`]) when it still holds, reading only what was appended
    /// since: then `events` is left empty. For commands that need the run's
    /// state, not its history.
    fn open_resuming(source: &Source, globals: &Globals) -> anyhow::Result<Session> {
        let (run, path) = run_and_log_path(source, globals)?;
        if !snapshot::file_for(&path).is_some_and(|file| file.is_file()) {
            return Session::open(source, globals);
        }
        let checklist = source.load()?;
        let log = RunLog::new(path, identity(source, &checklist, &run));
        let now = crate::store::runlog::now();
        let Some(resumed) = snapshot::resume(&log, &checklist, now) else {
            return Session::streamed(source, globals, checklist, log, run);
        };
        let read = notices::Read {
            warnings: &resumed.warnings,
            stamps: resumed.ahead.iter().map(|(at, by)| (*at, by.as_str())).collect(),
        };
        notices::report(&log, &checklist, &read, &resumed.state, Paint::stderr(globals.color));
        snapshot::save(&log, &checklist, &resumed.kept(), now);
        Ok(Session {
            run: resumed.header.run,
            events: Vec::new(),
            read_to: resumed.mark,
            existed: true,
            ..Session::new(source, globals, checklist, log, resumed.state)
        })
    }

    /// The session of a whole read: replayed, its warnings reported, and the
    /// state kept for the next command.
    fn replayed(
        source: &Source,
        globals: &Globals,
        checklist: Checklist,
        log: RunLog,
        contents: Contents,
        state: RunState,
        run: String,
    ) -> Session {
        notices::report(
            &log,
            &checklist,
            &notices::Read::of(&contents),
            &state,
            Paint::stderr(globals.color),
        );
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
        Session {
            run,
            events,
            left_out,
            read_to: contents.mark,
            existed,
            ..Session::new(source, globals, checklist, log, state)
        }
    }

    /// A session of a run in `state`, the parts every opening shares. The
    /// state is given, never made here to be replaced: at 100,000 items a
    /// run state thrown away is 21 MB more at the view's peak.
    fn new(source: &Source, globals: &Globals, checklist: Checklist, log: RunLog, state: RunState) -> Session {
        Session {
            state,
            checklist,
            run: String::new(),
            log,
            events: Vec::new(),
            left_out: Vec::new(),
            read_to: Mark::default(),
            existed: false,
            templates: None,
            pending: std::cell::RefCell::default(),
            announced: std::cell::Cell::new(false),
            source: source.clone(),
            named: globals.state.is_none() && globals.run.as_deref().is_some_and(|r| r != DEFAULT_RUN),
        }
    }

    /// The session of a command: opened, `--set` recorded, every parameter
    /// given a value. A command that only `reads` refuses a run named on
    /// purpose that does not exist first, before recording anything.
    ///
    /// # Errors
    /// As [`Session::open`], [`Session::require_existing`] and
    /// [`Session::prepare`].
    pub fn for_command(checklist: Option<&std::path::Path>, globals: &Globals, reads: bool) -> anyhow::Result<Session> {
        Session::opened(checklist, globals, reads, true, true)
    }

    /// As [`Session::for_command`], with every event of the run read into
    /// `events`, for a command that measures or shows the run's history.
    ///
    /// # Errors
    /// As [`Session::for_command`].
    pub fn with_events(checklist: Option<&std::path::Path>, globals: &Globals, reads: bool) -> anyhow::Result<Session> {
        Session::opened(checklist, globals, reads, true, false)
    }

    /// The session of a command about the run's history (`log`, `sync`),
    /// which shows and runs no texts: a parameter may still lack a value.
    ///
    /// # Errors
    /// As [`Session::for_command`].
    pub fn for_history(checklist: Option<&std::path::Path>, globals: &Globals, reads: bool) -> anyhow::Result<Session> {
        Session::opened(checklist, globals, reads, false, false)
    }

    fn opened(
        checklist: Option<&std::path::Path>,
        globals: &Globals,
        reads: bool,
        needs_values: bool,
        resuming: bool,
    ) -> anyhow::Result<Session> {
        let source = Source::resolve(checklist);
        let mut session = if resuming {
            Session::open_resuming(&source, globals)?
        } else {
            Session::open_whole(&source, globals)?
        };
        // A command that reads a run refuses one that does not exist (a
        // typo, most likely), unless it gives values: then it starts it.
        if reads && globals.set.is_empty() {
            session.require_existing()?;
        }
        session.prepare(globals, needs_values)?;
        Ok(session)
    }

    /// For commands that only read a run: a run named on purpose that has no
    /// log is most likely a typo, and an error naming the runs there are, the
    /// closest first. The default run and `--state` files are exempt.
    pub fn require_existing(&self) -> anyhow::Result<()> {
        match self.unknown_run() {
            Some(message) => Err(hinted(
                message,
                "check the name with `preflight runs`; a run is started by its first change (`preflight check … --run NAME`)",
            )),
            None => Ok(()),
        }
    }

    /// "no run named …; runs of this checklist: …" when the run was named on
    /// purpose and has no log.
    pub fn unknown_run(&self) -> Option<String> {
        if self.existed || !self.named {
            return None;
        }
        let mut runs = history::run_names(&self.source);
        runs.sort_by(|a, b| {
            let distance = |name: &str| strsim::levenshtein(&name.to_lowercase(), &self.run.to_lowercase());
            distance(a).cmp(&distance(b)).then_with(|| a.cmp(b))
        });
        let known = if runs.is_empty() {
            "this checklist has no runs yet".to_owned()
        } else {
            format!("runs of this checklist: {}", runs.join(", "))
        };
        Some(format!("no run named \"{}\"; {known}", self.run))
    }

    /// Records `--set` values, checks (when `strict`: a command, not the
    /// view, which asks) that every parameter has a value, and puts the
    /// values into the texts the session shows.
    ///
    /// # Errors
    /// See [`params::record`] and [`params::require_values`].
    pub fn prepare(&mut self, globals: &Globals, strict: bool) -> anyhow::Result<()> {
        let mut pending = params::pending(self, globals)?;
        pending.extend(params::secrets_from_env(self, globals)?);
        for event in &pending {
            self.state.apply(&self.checklist, event);
        }
        self.events.extend(pending.iter().cloned());
        *self.pending.get_mut() = pending;
        if strict {
            params::require_values(self)?;
        }
        let values = self.state.values(&self.checklist);
        if !self.checklist.params.is_empty() {
            self.templates = Some(self.checklist.clone());
        }
        self.checklist.put_values(&values);
        Ok(())
    }

    /// Records `events` in the run log, after the `--set` values not recorded
    /// yet, in one append: what a command calls once every check has passed.
    ///
    /// # Errors
    /// When the run log cannot be written.
    pub fn record(&self, events: &[Event]) -> anyhow::Result<()> {
        let pending = self.pending.take();
        if pending.is_empty() && events.is_empty() {
            return Ok(());
        }
        let all: Vec<Event> = pending.iter().chain(events).cloned().collect();
        self.log.append(&all)?;
        self.announce_if_started();
        params::report(self, &pending);
        Ok(())
    }

    /// Says once, on stderr, that a writing command started the run.
    pub fn announce_if_started(&self) {
        if !self.existed && !self.announced.replace(true) {
            output::report(&format!("started run \"{}\"", self.run));
        }
    }
}
