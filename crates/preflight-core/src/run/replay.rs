//! Replay: a run's events applied in the order of their time, events of the
//! same time in the order given (a stable sort), each status change judged
//! against its gate as it stood just before; and how each event of a run
//! stood with its gate, for the commands that show the history.

use super::event::Event;
use super::state::RunState;
use crate::checklist::Checklist;
use crate::gate::{self, Passage};
use crate::progress::Tally;

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
