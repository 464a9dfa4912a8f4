//! The writing side of a run, shared by the command line and the view: the
//! event that records a parameter's value, built once; the claim on a step
//! and the record of its start; how an item stands in the log as it is now;
//! and the append, with the `--set` values still to record and what to say
//! of it.

use std::io;

use crate::checklist::Checklist;
use crate::run::{Author, Change, Event, EvidenceKind, ItemState, RunState};
use crate::store::runlog::{Mark, RunLog, RunLogError};
use crate::store::runner::{self, Claim};
use crate::timestamp::Timestamp;

/// A run's log with who records in it: every write of a command or of the
/// view goes through here.
pub struct Recorder {
    log: RunLog,
    run: String,
    author: Author,
    /// Whether the run had a log when it was opened: a run is started by its
    /// first change, which is then said.
    existed: bool,
    /// The values given on opening, recorded with the first write.
    unsaid: Vec<Event>,
    /// Whether "started run" was said already.
    announced: bool,
}

/// Where to read how an item stands now from.
#[derive(Debug, Clone, Copy)]
pub enum Standing<'a> {
    /// What was appended since the opening read (the state it replayed and
    /// where it ended), unless the log was replaced or an appended event is
    /// older than what it would change: then the whole log.
    Since(&'a RunState, &'a Mark),
    /// The whole log, replayed.
    Whole,
}

/// Why a step was not started.
#[derive(Debug)]
pub enum Refusal {
    /// Another preflight on this machine holds the step's claim; `who` says
    /// who runs it, as far as the log tells.
    Held { who: String },
    /// The run log says someone elsewhere runs it, and how long ago.
    Busy { why: String },
    /// The claim could not be made.
    Claim(io::Error),
    /// The log could not be read to see who runs the step.
    Unread(RunLogError),
    /// The start could not be recorded.
    Unrecorded(RunLogError),
}

/// A step started: held by `claim` until it ends.
pub struct Begun {
    pub claim: Claim,
    /// The event recorded, for the caller's state to apply.
    pub event: Event,
    /// What to say of the write (the run started).
    pub said: Vec<String>,
}

impl Recorder {
    /// A recorder of the run `run` kept in `log`, recording as `author`;
    /// `existed` says whether the log was there when the run was opened (if
    /// not, the first write says that it started the run).
    pub fn new(log: RunLog, run: String, author: Author, existed: bool) -> Recorder {
        Recorder {
            log,
            run,
            author,
            existed,
            unsaid: Vec::new(),
            announced: false,
        }
    }

    pub fn log(&self) -> &RunLog {
        &self.log
    }

    pub fn run(&self) -> &str {
        &self.run
    }

    pub fn author(&self) -> &Author {
        &self.author
    }

    pub(super) fn existed(&self) -> bool {
        self.existed
    }

    /// Keeps `events` (values given on opening) to record with the first write.
    pub(super) fn hold(&mut self, events: Vec<Event>) {
        self.unsaid = events;
    }

    /// Appends the values not recorded yet, then `events`, in one write.
    /// Returns what to say of it: that the run started (once), and each
    /// value given, a secret's as given but not recorded.
    ///
    /// # Errors
    /// When the run log cannot be written.
    pub fn record(&mut self, checklist: &Checklist, events: &[Event]) -> Result<Vec<String>, RunLogError> {
        let unsaid = std::mem::take(&mut self.unsaid);
        if unsaid.is_empty() && events.is_empty() {
            return Ok(Vec::new());
        }
        let all: Vec<Event> = unsaid.iter().chain(events).cloned().collect();
        if let Err(err) = self.log.append(&all) {
            // Not written: they go with the next write that succeeds.
            self.unsaid = unsaid;
            return Err(err);
        }
        let mut said = Vec::new();
        if !self.existed && !self.announced {
            self.announced = true;
            said.push(format!("started run \"{}\"", self.run));
        }
        for event in &unsaid {
            if let Change::Param { name, value } = &event.change {
                said.push(if secret(checklist, name) {
                    format!("{name} given (secret, not recorded) for run \"{}\"", self.run)
                } else {
                    format!("{name} = {value} for run \"{}\"", self.run)
                });
            }
        }
        Ok(said)
    }

    /// How item `index` stands in the run log as it is now: a teammate may
    /// have changed it since it was read.
    ///
    /// # Errors
    /// When the log cannot be read.
    pub fn standing(&self, checklist: &Checklist, since: Standing<'_>, index: usize) -> Result<ItemState, RunLogError> {
        if let Standing::Since(state, mark) = since
            && let Some(contents) = self.log.read_from(mark)?
        {
            let mut state = state.clone();
            let mut events = contents.events;
            events.sort_by_key(|event| event.stamp.at);
            if !events.iter().any(|event| state.is_late(checklist, event)) {
                state.apply_later(checklist, &events);
                return Ok(state.item(index).clone());
            }
        }
        Ok(self.log.replayed(checklist)?.item(index).clone())
    }

    /// Claims item `index`'s step for this process and records that its
    /// command starts: refused while someone else runs it (on this machine:
    /// holding the claim; elsewhere: a `started` event with no outcome yet,
    /// unless `takeover`). Who runs it is read after claiming, from `since`;
    /// with [`Standing::Whole`], a log that cannot be read counts as nobody.
    ///
    /// # Errors
    /// See [`Refusal`].
    pub fn begin_step(
        &mut self,
        checklist: &Checklist,
        state: &RunState,
        (index, kind): (usize, EvidenceKind),
        takeover: bool,
        since: Standing<'_>,
    ) -> Result<Begun, Refusal> {
        let item = &checklist.items()[index];
        let claim = runner::claim(self.log.path(), item.id.as_str()).map_err(Refusal::Claim)?;
        // Read after claiming: a start recorded before the claim is seen.
        let running = match (self.standing(checklist, since, index), since) {
            (Ok(now), _) => now.running,
            (Err(_), Standing::Whole) => None,
            (Err(err), Standing::Since(..)) => return Err(Refusal::Unread(err)),
        };
        let Some(claim) = claim else {
            let who = running.as_ref().map_or_else(
                || "another preflight on this machine is running it".to_owned(),
                |r| format!("{} is running this since {}", r.stamp.by, r.stamp.at.human()),
            );
            return Err(Refusal::Held { who });
        };
        if let Some(why) = runner::busy(running.as_deref(), &runner::host()).filter(|_| !takeover) {
            return Err(Refusal::Busy { why });
        }
        let started = runner::started(state, checklist, index, kind, &self.author);
        let said = self
            .record(checklist, std::slice::from_ref(&started))
            .map_err(Refusal::Unrecorded)?;
        Ok(Begun {
            claim,
            event: started,
            said,
        })
    }
}

fn secret(checklist: &Checklist, name: &str) -> bool {
    checklist.params.iter().any(|p| p.name == name && p.secret)
}

/// The event that records `value` for the parameter `name`, by `author`. A
/// secret's value stays in the run state's memory; the log records only that
/// it was given, and by whom.
pub fn value_event(
    checklist: &Checklist,
    state: &RunState,
    author: &Author,
    (name, value): (&str, &str),
    now: Timestamp,
) -> Event {
    let recorded = if secret(checklist, name) { "" } else { value };
    let stamp = author.stamp(state.stamp_for_param(name, now));
    Event::param(stamp, name.to_owned(), recorded.to_owned())
}
