//! One item's state in a run: its status and who set it when, its note, the
//! evidence of its last run and what its proof says, a command running for
//! it, and how its latest change stood with its gate. Pure: applied from
//! events by [`super::state::RunState`].

use super::event::{Change, Event};
use super::evidence::{EvidenceKind, RecordedEvidence, Start};
use crate::checklist::Status;
use crate::stamp::Stamp;
use crate::timestamp::Timestamp;

/// A command running for an item, as the run log says: started, no outcome
/// recorded yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Running {
    pub start: Start,
    /// When it started, and who started it.
    pub stamp: Stamp,
}

/// An item's status and note just before a change: what an undo of that
/// change restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prior {
    pub status: Status,
    pub note: Option<String>,
}

/// Where one item stands in a run, and who put it there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ItemState {
    pub status: Status,
    /// When and by whom the status last changed.
    pub set: Option<Stamp>,
    pub note: Option<String>,
    /// When and by whom the item last changed in any way (status or note): an
    /// undo takes back only a change that is still the latest.
    pub changed: Option<Stamp>,
    /// The status was last set with `--force`, in a closed gated phase.
    pub forced: bool,
    /// What the last command run for it showed, and when and by whom. Boxed,
    /// as are the other rare parts: most items never run a command, and an
    /// item state is kept for every item (at 100,000 items, inline they cost
    /// about 20 MB more).
    pub evidence: Option<Box<RecordedEvidence>>,
    /// What its verification said since its status last changed.
    pub proof: Proof,
    /// A command started for it whose outcome is not recorded yet.
    pub running: Option<Box<Running>>,
    /// Its status was last set in a closed gated phase without being forced.
    pub out_of_order: bool,
    /// The status and note just before the latest change, in time order:
    /// what an undo of that change restores, whatever was merged in before it.
    pub prior: Option<Box<Prior>>,
}

/// What an item's verification said of it since its status last changed: a
/// done item whose proof then failed is flagged, never unticked by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Proof {
    /// No verification ran since (for a done item: it was ticked by hand).
    #[default]
    None,
    Passed,
    Failed,
}

impl ItemState {
    pub(super) fn apply(&mut self, event: &Event) {
        if matches!(event.change, Change::Status(_) | Change::Note(_)) {
            self.prior = Some(Box::new(Prior {
                status: self.status.clone(),
                note: self.note.clone(),
            }));
        }
        match &event.change {
            Change::Status(status) => {
                self.status = status.clone();
                self.set = Some(event.stamp.clone());
                self.forced = event.forced;
                self.proof = Proof::None;
                self.changed = Some(event.stamp.clone());
            }
            Change::Note(note) => {
                self.note.clone_from(note);
                self.changed = Some(event.stamp.clone());
            }
            Change::Started(start) => {
                self.running = Some(Box::new(Running {
                    start: start.clone(),
                    stamp: event.stamp.clone(),
                }));
            }
            Change::Param { .. } | Change::Ran | Change::Approve { .. } | Change::Withdraw => {}
        }
        if let Some(evidence) = &event.evidence {
            // The outcome of a run: it is over.
            self.running = None;
            if evidence.kind == EvidenceKind::Verify {
                self.proof = if evidence.passed() {
                    Proof::Passed
                } else {
                    Proof::Failed
                };
            }
            self.evidence = Some(Box::new(RecordedEvidence {
                evidence: evidence.clone(),
                stamp: event.stamp.clone(),
            }));
        }
    }

    /// When anything last happened to it: its status or note changed, a
    /// run's evidence, a start. A change recorded after it must come later.
    pub fn latest(&self) -> Option<Timestamp> {
        [
            self.changed.as_ref().map(|s| s.at),
            self.evidence.as_ref().map(|e| e.stamp.at),
            self.running.as_ref().map(|r| r.stamp.at),
        ]
        .into_iter()
        .flatten()
        .max()
    }

    /// Done, but its verification failed since it was ticked.
    pub fn proof_failed(&self) -> bool {
        self.status == Status::Done && self.proof == Proof::Failed
    }

    /// Whether applying `change` would leave this state as it is, so that
    /// recording it would only add noise to the log.
    pub fn unchanged_by(&self, change: &Change) -> bool {
        match change {
            Change::Status(status) => &self.status == status,
            Change::Note(note) => &self.note == note,
            Change::Param { .. } | Change::Ran | Change::Started(_) | Change::Approve { .. } | Change::Withdraw => {
                false
            }
        }
    }
}

#[cfg(test)]
mod size {
    use super::ItemState;

    /// Every item of a checklist has a state, so its size is paid 100,000
    /// times in a large run: the rare parts (evidence, a running command, the
    /// prior state) stand out of line.
    #[test]
    fn an_item_state_keeps_its_rare_parts_out_of_line() {
        let size = std::mem::size_of::<ItemState>();
        assert!(size <= 256, "an item state takes {size} bytes");
    }
}
