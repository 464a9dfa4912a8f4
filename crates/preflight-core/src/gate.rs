//! Phase gates: a phase marked `gate: true` opens only when every phase before
//! it is complete (each item done or skipped). Until then, ticking, skipping or
//! running anything in it is refused, unless forced, and a forced change is
//! recorded as such. Pure: from the checklist and a run's tally.

use crate::checklist::{Checklist, Status};
use crate::progress::Tally;

/// Why an item's phase is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    /// The gated phase.
    pub phase: usize,
    /// The first earlier phase that is not complete, and its open items.
    pub blocker: usize,
    pub open: usize,
}

impl Closed {
    /// `Deploy is gated: Prepare has 3 open items`.
    pub fn message(&self, checklist: &Checklist) -> String {
        let phases = checklist.phases();
        format!(
            "{} is gated: {} has {}",
            phases[self.phase].name,
            phases[self.blocker].name,
            crate::text::plural(self.open, "open item", "open items")
        )
    }
}

/// Whether the gated phase `phase` is closed in a run with this tally.
pub fn phase_closed(checklist: &Checklist, tally: &Tally, phase: usize) -> Option<Closed> {
    checklist
        .gate_closed_by(phase, |p| tally.phases[p].open())
        .map(|(blocker, open)| Closed { phase, blocker, open })
}

/// How a recorded change stood with its phase's gate when it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Passage {
    /// Not gated, or the gate was open.
    Open,
    /// Past a closed gate, forced on purpose: a gate override.
    Overridden,
    /// In a closed gated phase without being forced: a teammate's preflight
    /// that did not check, or a log written by hand. Shown, never hidden.
    OutOfOrder,
}

/// How a status change to the item at `index`, `forced` or not, stands with
/// its phase's gate in a run whose tally (before the change) is `tally`.
pub fn judge(checklist: &Checklist, tally: &Tally, index: usize, forced: bool) -> Passage {
    match item_closed(checklist, tally, index) {
        None => Passage::Open,
        Some(_) if forced => Passage::Overridden,
        Some(_) => Passage::OutOfOrder,
    }
}

/// A status change as a gate sees it: which item, to what, forced or not.
#[derive(Debug, Clone, Copy)]
pub struct Move<'a> {
    pub index: usize,
    pub status: &'a Status,
    pub forced: bool,
}

/// How each change of a run (in the order of their time, as replay applies
/// them) stood with its gate: `None` (a change that sets no status of an
/// item the checklist has) is [`Passage::Open`].
pub fn passages<'a>(checklist: &Checklist, moves: impl IntoIterator<Item = Option<Move<'a>>>) -> Vec<Passage> {
    let mut statuses = vec![Status::Todo; checklist.items().len()];
    let mut tally = Tally::of(checklist, |i| &statuses[i]);
    moves
        .into_iter()
        .map(|change| {
            let Some(Move { index, status, forced }) = change else {
                return Passage::Open;
            };
            let passage = judge(checklist, &tally, index, forced);
            tally.change(checklist, index, &statuses[index], status);
            statuses[index] = status.clone();
            passage
        })
        .collect()
}

/// Whether the item at `index` stands in a closed phase.
pub fn item_closed(checklist: &Checklist, tally: &Tally, index: usize) -> Option<Closed> {
    let section = checklist.items()[index].section;
    phase_closed(checklist, tally, checklist.sections()[section].phase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Status;

    fn gated() -> Checklist {
        crate::checklist::sample::phases(&[
            ("Prepare", false, &["a", "b"]),
            ("Soak", false, &["c"]),
            ("Deploy", true, &["d"]),
        ])
    }

    fn tally(list: &Checklist, statuses: &[Status]) -> Tally {
        Tally::of(list, |i| &statuses[i])
    }

    #[test]
    fn a_gated_phase_opens_when_every_earlier_phase_is_done_or_skipped() {
        let list = gated();
        let todo = vec![Status::Todo; 4];
        let closed = item_closed(&list, &tally(&list, &todo), 3).unwrap();
        assert_eq!(closed.message(&list), "Deploy is gated: Prepare has 2 open items");
        assert_eq!(
            item_closed(&list, &tally(&list, &todo), 0),
            None,
            "an ungated phase is open"
        );
        let mut progress = vec![
            Status::Done,
            Status::Skipped { reason: None },
            Status::Todo,
            Status::Todo,
        ];
        let closed = item_closed(&list, &tally(&list, &progress), 3).unwrap();
        assert_eq!(closed.message(&list), "Deploy is gated: Soak has 1 open item");
        progress[2] = Status::Done;
        assert_eq!(item_closed(&list, &tally(&list, &progress), 3), None);
    }

    #[test]
    fn only_a_change_in_a_closed_gated_phase_counts_and_the_flag_decides_which_kind() {
        let list = gated();
        let done = Status::Done;
        let at = |index, forced| {
            Some(Move {
                index,
                status: &done,
                forced,
            })
        };
        // d in Deploy, gated: forced while closed, then out of order while
        // closed; a, b, c done; then a forced flag on an open gate means nothing.
        let moves = [
            at(3, true),
            at(3, false),
            at(0, true),
            at(1, false),
            at(2, false),
            at(3, true),
            None,
        ];
        assert_eq!(
            passages(&list, moves),
            vec![
                Passage::Overridden,
                Passage::OutOfOrder,
                Passage::Open,
                Passage::Open,
                Passage::Open,
                Passage::Open,
                Passage::Open
            ]
        );
    }
}
