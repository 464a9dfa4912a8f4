//! What the page shows worked out once from the run's events: the timing
//! report, every command run per item, when work on each item began, and
//! how each status change stood with its gate. Pure.

use crate::checklist::Checklist;
use crate::gate::Passage;
use crate::progress::Tally;
use crate::report::{self, Report};
use crate::run::{Change, Event, RunState, in_time_order, passages};
use crate::timestamp::Timestamp;

/// A status change, for the timeline.
pub struct Mark<'a> {
    pub event: &'a Event,
    pub index: usize,
    pub passage: Passage,
}

/// The run worked out.
pub struct Facts<'a> {
    pub report: Report,
    pub tally: Tally,
    /// Every command run for each item, oldest first.
    pub runs: Vec<Vec<&'a Event>>,
    /// Each item's first event.
    pub first: Vec<Option<Timestamp>>,
    /// Whether each item's latest status change overrode a closed gate.
    pub overridden: Vec<bool>,
    /// Every status change, in time order.
    pub marks: Vec<Mark<'a>>,
}

impl<'a> Facts<'a> {
    pub fn of(checklist: &Checklist, state: &RunState, events: &'a [Event]) -> Facts<'a> {
        let order = in_time_order(events);
        let passages = passages(checklist, order.iter().copied());
        let mut first = vec![None; checklist.items().len()];
        let mut overridden = vec![false; checklist.items().len()];
        let mut marks = Vec::new();
        for (event, passage) in order.into_iter().zip(passages) {
            let Some(index) = event.item_index(checklist) else {
                continue;
            };
            first[index] = first[index].or(Some(event.stamp.at));
            if let Change::Status(_) = event.change {
                overridden[index] = passage == Passage::Overridden;
                marks.push(Mark { event, index, passage });
            }
        }
        Facts {
            report: report::measure(checklist, events),
            tally: state.tally(checklist),
            runs: report::runs::by_item(checklist, events),
            first,
            overridden,
            marks,
        }
    }

    /// The phase the item at `index` is in.
    pub fn phase_of(checklist: &Checklist, index: usize) -> usize {
        checklist.sections()[checklist.items()[index].section].phase
    }
}
