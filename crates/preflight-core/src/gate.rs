//! Phase gates: a phase marked `gate: true` opens only when every phase before
//! it is complete (each item done or skipped), and one with `approvals: N`
//! only once N different people approved it (see [`crate::approval`]).
//! Until then, ticking, skipping or running anything in it is refused,
//! unless forced, and a forced change is recorded as such. Pure: from the
//! checklist, a run's tally and its approvals, and the [`Move`]s `run`
//! reads from its events.

use crate::approval::Approvals;
use crate::checklist::{Checklist, Status};
use crate::progress::Tally;

/// Why a phase is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Closed {
    /// The closed phase.
    pub phase: usize,
    /// The first earlier phase that is not complete, and its open items;
    /// `None` when only approvals keep it closed.
    pub blocker: Option<(usize, usize)>,
    /// How many more approvals it needs.
    pub approvals: usize,
}

impl Closed {
    /// `Deploy is gated: Prepare has 3 open items`, `Deploy needs 2
    /// approvals`, or both.
    pub fn message(&self, checklist: &Checklist) -> String {
        let phases = checklist.phases();
        let name = &phases[self.phase].name;
        let needs = crate::text::plural(self.approvals, "approval", "approvals");
        match self.blocker {
            Some((blocker, open)) => {
                let open = crate::text::plural(open, "open item", "open items");
                let gated = format!("{name} is gated: {} has {open}", phases[blocker].name);
                if self.approvals > 0 {
                    format!("{gated}, and it needs {needs}")
                } else {
                    gated
                }
            }
            None => format!("{name} needs {needs}"),
        }
    }
}

/// Whether the phase `phase` is closed in a run with this tally and these
/// approvals.
pub fn phase_closed(checklist: &Checklist, tally: &Tally, approvals: &Approvals, phase: usize) -> Option<Closed> {
    let blocker = checklist.gate_closed_by(phase, |p| tally.phases[p].open());
    let missing = approvals.missing(checklist, phase);
    (blocker.is_some() || missing > 0).then_some(Closed {
        phase,
        blocker,
        approvals: missing,
    })
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
/// its phase's gate in a run whose tally and approvals (before the change)
/// are these.
pub fn judge(checklist: &Checklist, tally: &Tally, approvals: &Approvals, index: usize, forced: bool) -> Passage {
    match item_closed(checklist, tally, approvals, index) {
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

/// Whether the item at `index` stands in a closed phase.
pub fn item_closed(checklist: &Checklist, tally: &Tally, approvals: &Approvals, index: usize) -> Option<Closed> {
    let section = checklist.items()[index].section;
    phase_closed(checklist, tally, approvals, checklist.sections()[section].phase)
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
        let none = Approvals::new(&list);
        let todo = vec![Status::Todo; 4];
        let closed = item_closed(&list, &tally(&list, &todo), &none, 3).unwrap();
        assert_eq!(closed.message(&list), "Deploy is gated: Prepare has 2 open items");
        assert_eq!(
            item_closed(&list, &tally(&list, &todo), &none, 0),
            None,
            "an ungated phase is open"
        );
        let mut progress = vec![
            Status::Done,
            Status::Skipped { reason: None },
            Status::Todo,
            Status::Todo,
        ];
        let closed = item_closed(&list, &tally(&list, &progress), &none, 3).unwrap();
        assert_eq!(closed.message(&list), "Deploy is gated: Soak has 1 open item");
        progress[2] = Status::Done;
        assert_eq!(item_closed(&list, &tally(&list, &progress), &none, 3), None);
    }
}
