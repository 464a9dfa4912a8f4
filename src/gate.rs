//! Phase gates: a phase marked `gate: true` opens only when every phase before
//! it is complete (each item done or skipped). Until then, ticking, skipping or
//! running anything in it is refused, unless forced, and a forced change is
//! recorded as such. Pure: from the checklist and a run's tally.

use crate::checklist::Checklist;
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

/// Whether the item at `index` stands in a closed phase.
pub fn item_closed(checklist: &Checklist, tally: &Tally, index: usize) -> Option<Closed> {
    let section = checklist.items()[index].section;
    phase_closed(checklist, tally, checklist.sections()[section].phase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::Status;
    use crate::format::parse;

    const GATED: &str = "title: T\nphases:\n  - name: Prepare\n    sections:\n      - name: S\n        items: [a, b]\n  - name: Soak\n    sections:\n      - name: S\n        items: [c]\n  - name: Deploy\n    gate: true\n    sections:\n      - name: S\n        items: [d]\n";

    fn tally(list: &Checklist, statuses: &[Status]) -> Tally {
        Tally::of(list, |i| &statuses[i])
    }

    #[test]
    fn a_gated_phase_opens_when_every_earlier_phase_is_done_or_skipped() {
        let list = parse(GATED, "t.yaml").unwrap();
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
}
