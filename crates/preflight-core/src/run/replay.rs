//! Replay: a run's events applied in the order of their time, events of the
//! same time in the order given (a stable sort), each status change judged
//! against its gate as it stood just before — from all the events at once,
//! or one at a time as a log is read ([`Replay`]); and how each event of a
//! run stood with its gate, for the commands that show the history.

use super::event::Event;
use super::state::RunState;
use crate::checklist::Checklist;
use crate::gate::{self, Passage};
use crate::progress::Tally;
use crate::timestamp::Timestamp;

impl RunState {
    /// Replays events in the order of their time; events of the same time in
    /// the order given.
    pub fn replay<'a>(checklist: &Checklist, events: impl IntoIterator<Item = &'a Event>) -> RunState {
        let mut state = RunState::new(checklist);
        state.apply_judged(checklist, in_time_order(events));
        state
    }

    /// Applies `events`, in the order given (their time order, none older
    /// than what it changes), to a run that already holds others: as a
    /// replay would, each status change judged against its gate.
    pub fn apply_later(&mut self, checklist: &Checklist, events: &[Event]) {
        self.apply_judged(checklist, events);
    }

    /// Applies events in the order given, judging each status change
    /// against its gate as it stood just before.
    fn apply_judged<'a>(&mut self, checklist: &Checklist, events: impl IntoIterator<Item = &'a Event>) {
        let mut tally = checklist.has_gates().then(|| self.tally(checklist));
        for event in events {
            self.apply_judging(checklist, tally.as_mut(), event);
        }
    }

    /// Applies one event, judging a status change against its gate with
    /// `tally` (the run's progress just before, kept up to date here; `None`
    /// when the checklist has no gate, and nothing is judged).
    fn apply_judging(&mut self, checklist: &Checklist, tally: Option<&mut Tally>, event: &Event) -> Passage {
        let judged = tally.zip(event.as_move(checklist)).map(|(tally, change)| {
            let passage = gate::judge(checklist, tally, self.approvals(), change.index, change.forced);
            tally.change(checklist, change.index, &self.item(change.index).status, change.status);
            (change.index, passage)
        });
        self.apply(checklist, event);
        let Some((index, passage)) = judged else {
            return Passage::Open;
        };
        self.note_passage(index, passage);
        passage
    }
}

/// A replay fed a run's events one at a time, in the order a log holds
/// them, so that they need not all be held at once: it gives the run that
/// [`RunState::replay`] of the same events gives, or says that it cannot.
///
/// An event is applied as it comes when that is what time order would do:
/// when it is not older than any event before it, or, in a checklist
/// without gates (where only the order of each item's, parameter's and
/// orphan's own events matters), when it is not older than the latest
/// change of what it changes ([`RunState::is_late`]); who worked on the run
/// is then put in the order of their first events in time. Any other event
/// ends it: the caller replays every event in time order instead.
#[derive(Debug)]
pub struct Replay<'c> {
    checklist: &'c Checklist,
    state: RunState,
    /// The run's progress as the gates judge it; `None` without gates.
    tally: Option<Tally>,
    /// The time of the latest event applied.
    latest: Option<Timestamp>,
    /// Each operator's first event in time (its time, and how many events
    /// came before it), in the order the operators were met.
    firsts: Vec<(Timestamp, usize)>,
    /// How many events were applied.
    applied: usize,
    /// An event could not be applied in its place.
    ended: bool,
}

impl<'c> Replay<'c> {
    /// A replay of a run of `checklist` in which nothing has happened yet.
    pub fn new(checklist: &'c Checklist) -> Replay<'c> {
        let state = RunState::new(checklist);
        let tally = checklist.has_gates().then(|| state.tally(checklist));
        Replay {
            checklist,
            state,
            tally,
            latest: None,
            firsts: Vec::new(),
            applied: 0,
            ended: false,
        }
    }

    /// Applies `event`, the next one of the run; `false` when it cannot be
    /// applied in its place, and from then on, when nothing more is.
    pub fn push(&mut self, event: &Event) -> bool {
        let at = event.stamp.at;
        let in_time = self.latest.is_none_or(|latest| at >= latest);
        if self.ended || (!in_time && (self.tally.is_some() || self.state.is_late(self.checklist, event))) {
            self.ended = true;
            return false;
        }
        self.latest = self.latest.max(Some(at));
        self.state.apply_judging(self.checklist, self.tally.as_mut(), event);
        let met = self.state.operators().iter().position(|name| *name == event.stamp.by);
        match met.map(|place| self.firsts.get_mut(place)) {
            Some(Some(first)) if at < first.0 => *first = (at, self.applied),
            Some(None) => self.firsts.push((at, self.applied)),
            _ => {}
        }
        self.applied += 1;
        true
    }

    /// The run, when every event pushed was applied; `None` when one could
    /// not be, and the events must be replayed in time order instead.
    pub fn finish(self) -> Option<RunState> {
        if self.ended {
            return None;
        }
        let mut state = self.state;
        state.order_operators(&self.firsts);
        Some(state)
    }
}

/// Events in the order replay applies them: by time, keeping the given order
/// for events of the same time (a stable sort).
pub fn in_time_order<'a>(events: impl IntoIterator<Item = &'a Event>) -> Vec<&'a Event> {
    let mut sorted: Vec<&Event> = events.into_iter().collect();
    sorted.sort_by_key(|event| event.stamp.at);
    sorted
}

/// How each event of a run (in the order of their time, as replay applies
/// them) stood with its gate: one that sets no status of an item the
/// checklist has is [`Passage::Open`].
pub fn passages<'a>(checklist: &Checklist, events: impl IntoIterator<Item = &'a Event>) -> Vec<Passage> {
    let mut state = RunState::new(checklist);
    let mut tally = state.tally(checklist);
    events
        .into_iter()
        .map(|event| state.apply_judging(checklist, Some(&mut tally), event))
        .collect()
}
