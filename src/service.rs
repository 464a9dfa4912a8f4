//! The run service: what the command line and the terminal view do with a
//! run, written once. It opens a run (the checklist loaded, the log located
//! and replayed, what the read found returned as [`RunService::notices`]),
//! gives it the values `--set` and the environment give, resolves items and
//! phases, checks gates, and records through its [`Recorder`]. It prints
//! nothing: what it has to say comes back as data.

mod items;
mod notices;
mod open;
mod params;
mod recorder;
mod snapshot;
pub(crate) mod source;

use std::path::PathBuf;

use crate::checklist::Checklist;
use crate::hinted::hinted;
use crate::run::{Author, Event, Evidence, EvidenceKind, ItemState, RunState};
use crate::store::runlog::{Mark, RunLog, RunLogError};
use crate::store::runner;
use crate::text::clean_line;

pub use open::{DEFAULT_RUN, Reading, locate};
pub use recorder::{Begun, Recorder, Refusal, Standing, value_event};
pub use source::Source;

/// Which run to open and who records in it: what the command line's run
/// arguments say, in the service's terms.
#[derive(Debug, Clone)]
pub struct Opening {
    /// The run's name (`--run`); `None` is [`DEFAULT_RUN`].
    pub run: Option<String>,
    /// The file its log is kept in (`--state`), else one under the
    /// checklist's runs folder.
    pub state: Option<PathBuf>,
    pub author: Author,
}

/// Who is recording: `by` (`--by`), else `PREFLIGHT_USER`, else the login
/// name (asked of the system through `whoami`, since `$USER` is often unset in
/// containers and CI). Its login is the account this process runs as,
/// recorded beside the name with every change: what this machine says, not a
/// proof of who it was.
pub fn operator(by: Option<&str>) -> Author {
    let from_env = || std::env::var("PREFLIGHT_USER").ok().filter(|v| !v.trim().is_empty());
    let login = whoami::username()
        .ok()
        .and_then(|name| clean_line(&name).ok())
        .filter(|name| !name.is_empty());
    let by = match by.map(str::to_owned).or_else(from_env) {
        Some(name) => clean_line(&name).ok().filter(|name| !name.is_empty()),
        None => login.clone(),
    }
    .unwrap_or_else(|| "unknown".to_owned());
    Author { by, login }
}

/// A checklist with one of its runs, opened: what commands read, and the
/// [`Recorder`] they write through.
pub struct RunService {
    pub checklist: Checklist,
    pub state: RunState,
    /// The run's events in the order of their time (the order replay applies
    /// them), as read when the run was opened; empty when it was opened from
    /// the kept run state ([`Reading::Resuming`]).
    pub events: Vec<Event>,
    /// The events left out of replay, dated too far ahead of this machine's
    /// clock (see [`crate::store::runlog::AHEAD`]), in the order of their time:
    /// `log` lists them, marked.
    pub left_out: Vec<Event>,
    /// The checklist as written, when it has parameters (`checklist` shows
    /// their values): what the view makes the shown one from again.
    pub templates: Option<Checklist>,
    /// What the read found that the operator should know (skipped lines,
    /// items the checklist lost, changes dated ahead), one warning each, for
    /// the caller to show once.
    pub notices: Vec<String>,
    /// Where that read ended, for the terminal view to tail from.
    read_to: Mark,
    recorder: Recorder,
    source: Source,
    /// Whether the run was named on purpose (`--run` other than the default,
    /// without `--state`): a name that matches no run is then likely a typo.
    named: bool,
}

/// What the terminal view takes of an opened run: the App holds the run, the
/// loop records through the [`Recorder`] and tails from `read_to`.
pub struct ForView {
    pub checklist: Checklist,
    pub state: RunState,
    pub templates: Option<Checklist>,
    pub recorder: Recorder,
    pub read_to: Mark,
}

impl RunService {
    /// The run's name, as its log's first line says it.
    pub fn run(&self) -> &str {
        self.recorder.run()
    }

    /// Who records: what every event this run service records is stamped with.
    pub fn author(&self) -> &Author {
        self.recorder.author()
    }

    pub fn log(&self) -> &RunLog {
        self.recorder.log()
    }

    /// Records `events` in the run log, after the `--set` values not recorded
    /// yet, in one append: what a command calls once every check has passed.
    /// Returns what to say of it (the run started, the values given).
    ///
    /// # Errors
    /// When the run log cannot be written.
    pub fn record(&mut self, events: &[Event]) -> Result<Vec<String>, RunLogError> {
        self.recorder.record(&self.checklist, events)
    }

    /// Says how many events are dated more than a day ahead of this
    /// machine's clock, and so left out of the run, and the first of them.
    pub fn future_note(&self) -> Option<String> {
        notices::future_note(&notices::stamps(&self.left_out))
    }

    /// How item `index` stands in the run log as it is now: a teammate may
    /// have changed it since the run was opened.
    ///
    /// # Errors
    /// When the log cannot be read.
    pub fn standing_now(&self, index: usize) -> Result<ItemState, RunLogError> {
        let since = Standing::Since(&self.state, &self.read_to);
        self.recorder.standing(&self.checklist, since, index)
    }

    /// Claims item `index`'s step and records that its command of `kind`
    /// starts, from `state` (the run as the command has it now); see
    /// [`Recorder::begin_step`].
    ///
    /// # Errors
    /// See [`Refusal`].
    pub fn begin_step(
        &mut self,
        state: &RunState,
        index: usize,
        kind: EvidenceKind,
        takeover: bool,
    ) -> Result<Begun, Refusal> {
        let since = Standing::Since(&self.state, &self.read_to);
        self.recorder
            .begin_step(&self.checklist, state, (index, kind), takeover, since)
    }

    /// The event that records how a step of item `index` ended, from
    /// `state` (the run as the command has it now); see
    /// [`runner::event_for`].
    pub fn outcome_event(
        &self,
        state: &RunState,
        index: usize,
        evidence: Evidence,
        forced: bool,
        ticks: bool,
    ) -> Event {
        runner::event_for(&self.checklist, state, index, evidence, forced, self.author(), ticks)
    }

    /// Gives the view what it keeps of the run.
    pub fn into_view(self) -> ForView {
        ForView {
            checklist: self.checklist,
            state: self.state,
            templates: self.templates,
            recorder: self.recorder,
            read_to: self.read_to,
        }
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
        if self.recorder.existed() || !self.named {
            return None;
        }
        let run = self.run();
        let mut runs = self.source.run_names();
        runs.sort_by(|a, b| {
            let distance = |name: &str| strsim::levenshtein(&name.to_lowercase(), &run.to_lowercase());
            distance(a).cmp(&distance(b)).then_with(|| a.cmp(b))
        });
        let known = if runs.is_empty() {
            "this checklist has no runs yet".to_owned()
        } else {
            format!("runs of this checklist: {}", runs.join(", "))
        };
        Some(format!("no run named \"{run}\"; {known}"))
    }

    /// Gives the run the values `set` (`--set`) and the environment give,
    /// to be recorded with the first write; checks (when `strict`: a command,
    /// not the view, which asks) that every parameter has a value; and puts
    /// the values into the texts the checklist shows.
    ///
    /// # Errors
    /// See [`params`]: an undeclared or secret parameter in `set`, a value
    /// that is not one line, a parameter left without a value.
    pub fn give_values(&mut self, set: &[(String, String)], strict: bool) -> anyhow::Result<()> {
        let mut unsaid = self.values_set(set)?;
        unsaid.extend(self.secrets_from_env()?);
        for event in &unsaid {
            self.state.apply(&self.checklist, event);
        }
        self.events.extend(unsaid.iter().cloned());
        self.recorder.hold(unsaid);
        if strict {
            self.require_values()?;
        }
        let values = self.state.values(&self.checklist);
        if !self.checklist.params.is_empty() {
            self.templates = Some(self.checklist.clone());
        }
        self.checklist.put_values(&values);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
