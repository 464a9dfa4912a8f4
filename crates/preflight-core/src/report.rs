//! The timing report of a run: per phase and overall, when work started (its
//! first event), when it was completed (the event that completed it, if it
//! still is), how long that took, who worked on it, how many changes were
//! forced past a gate and how many commands failed; and the steps that took
//! longest, measured from the completion before them. Pure: events in, numbers
//! out.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::checklist::{Checklist, Status};
use crate::gate::{self, Passage};
use crate::progress::Tally;
use crate::run::{Change, Event, in_time_order};
use crate::timestamp::Timestamp;

/// The numbers of one phase, or of the whole run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub started: Option<Timestamp>,
    /// When the event that completed it was recorded; `None` while open.
    pub completed: Option<Timestamp>,
    /// Who worked on it, as [`crate::run::Stamp::who`] names them: an
    /// account that recorded under another name shows as `alice (as bob)`.
    pub operators: BTreeSet<String>,
    /// Changes recorded past a closed gate on purpose (`--force`).
    pub forced: usize,
    /// Changes recorded in a closed gated phase without being forced.
    pub out_of_order: usize,
    pub failed: usize,
}

impl Span {
    /// From the first event to completion; `None` while open.
    pub fn duration(&self) -> Option<Duration> {
        let (start, end) = (self.started?, self.completed?);
        end.as_system().duration_since(start.as_system()).ok()
    }

    fn count(&mut self, event: &Event) {
        if self.started.is_none_or(|s| event.stamp.at < s) {
            self.started = Some(event.stamp.at);
        }
        self.operators.insert(event.stamp.who());
        if event.evidence.as_ref().is_some_and(|e| !e.passed()) {
            self.failed += 1;
        }
    }
}

/// A step and how long it took after the completion before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub item: usize,
    pub completed: Timestamp,
    pub took: Duration,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Indexed like [`Checklist::phases`].
    pub phases: Vec<Span>,
    pub overall: Span,
    /// The steps that took longest, longest first.
    pub longest: Vec<Step>,
}

/// How many of the longest steps a report names.
pub const LONGEST: usize = 5;

/// Replays `events` in time order and measures.
pub fn measure(checklist: &Checklist, events: &[Event]) -> Report {
    let mut statuses = vec![Status::Todo; checklist.items().len()];
    let mut tally = Tally::of(checklist, |i| &statuses[i]);
    let mut phases = vec![Span::default(); checklist.phases().len()];
    let mut overall = Span::default();
    let mut closed_at: Vec<Option<Timestamp>> = vec![None; checklist.items().len()];
    let phase_of = |index: usize| checklist.sections()[checklist.items()[index].section].phase;
    let mut approvals = crate::approval::Approvals::new(checklist);
    for event in in_time_order(events) {
        // Before its own judging: a change only makes its author a worker of
        // its own phase, which no approval of that phase depends on.
        event.tell(checklist, &mut approvals);
        let Some(index) = event.item_index(checklist) else {
            continue;
        };
        let phase = phase_of(index);
        phases[phase].count(event);
        overall.count(event);
        let Change::Status(status) = &event.change else {
            continue;
        };
        // Only a change past a gate that was really closed counts as forced
        // (a `forced` flag on a change in an open phase means nothing), and
        // one in a closed phase without the flag is out of order.
        match gate::judge(checklist, &tally, &approvals, index, event.forced) {
            Passage::Open => {}
            Passage::Overridden => {
                phases[phase].forced += 1;
                overall.forced += 1;
            }
            Passage::OutOfOrder => {
                phases[phase].out_of_order += 1;
                overall.out_of_order += 1;
            }
        }
        tally.change(checklist, index, &statuses[index], status);
        statuses[index] = status.clone();
        closed_at[index] = (*status != Status::Todo).then_some(event.stamp.at);
        // The event that completes a phase (or the run) is remembered; one
        // that opens it again forgets it.
        phases[phase].completed = tally.phases[phase].is_complete().then_some(event.stamp.at);
        overall.completed = tally.overall.is_complete().then_some(event.stamp.at);
    }
    let mut closed: Vec<(Timestamp, usize)> = closed_at
        .iter()
        .enumerate()
        .filter_map(|(i, at)| at.map(|at| (at, i)))
        .collect();
    closed.sort();
    let mut before = overall.started;
    let mut longest: Vec<Step> = closed
        .into_iter()
        .map(|(at, item)| {
            let took = before
                .and_then(|b| at.as_system().duration_since(b.as_system()).ok())
                .unwrap_or_default();
            before = Some(at);
            Step {
                item,
                completed: at,
                took,
            }
        })
        .collect();
    longest.sort_by(|a, b| b.took.cmp(&a.took).then(a.completed.cmp(&b.completed)));
    longest.truncate(LONGEST);
    Report {
        phases,
        overall,
        longest,
    }
}

/// How long a phase (or the run) took, as reports say it: `5m 30s`, `not
/// started`, or `open: 3 items` with `open` items left.
pub fn took(span: &Span, open: usize) -> String {
    match span.duration() {
        Some(d) => human(d),
        None if span.started.is_none() => "not started".to_owned(),
        None => format!("open: {}", crate::text::plural(open, "item", "items")),
    }
}

/// `1h 02m`, `5m 03s`, `12s`.
pub fn human(duration: Duration) -> String {
    let seconds = duration.as_secs();
    match (seconds / 3600, seconds % 3600 / 60, seconds % 60) {
        (0, 0, s) => format!("{s}s"),
        (0, m, s) => format!("{m}m {s:02}s"),
        (h, m, _) => format!("{h}h {m:02}m"),
    }
}

pub mod runs;

#[cfg(test)]
mod tests;
