//! What a run log records: events, each with who recorded it and when (its
//! [`Stamp`]), what it is about (its [`Subject`]) and what it changes. Events
//! are made through their constructors, so that an event about a parameter
//! never names an item and one about an item always does.

use super::evidence::{Evidence, Start};
use crate::approval::{Act, Approvals, Verdict};
use crate::checklist::{Checklist, ItemId, Status};
use crate::gate::Move;
use crate::stamp::Stamp;

/// What an event is about: the run as a whole (a parameter's value) or one
/// item of the checklist, named by its full id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// The run itself: a parameter's value.
    Run,
    /// One item, by its full id; the checklist may no longer have it.
    Item(ItemId),
    /// One phase, by its id: an approval.
    Phase(String),
}

/// One change to one item (or to the run), as recorded in a run log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// When it was recorded, and by whom.
    pub stamp: Stamp,
    /// What it is about.
    pub subject: Subject,
    /// The item's title when the event was recorded, so that an orphaned event can
    /// still say what it was about.
    pub title: Option<String>,
    pub change: Change,
    /// A change made in a closed gated phase, with `--force`.
    pub forced: bool,
    /// What a command run for the item showed: its exit status, time and output.
    pub evidence: Option<Evidence>,
}

/// What an event changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Status(Status),
    /// Sets the note, or clears it with `None`.
    Note(Option<String>),
    /// Gives a run parameter a value (the event's subject is the run).
    Param {
        name: String,
        value: String,
    },
    /// A command ran and changed nothing: its evidence is all there is.
    Ran,
    /// A command or verification started for the item: until its outcome is
    /// recorded, nobody else starts one.
    Started(Start),
    /// Approves the event's phase, with a note; forced when the approver
    /// worked on an earlier phase (see [`crate::approval`]).
    Approve {
        note: Option<String>,
    },
    /// Takes back the author's approval of the event's phase.
    Withdraw,
}

impl Event {
    /// A change to the item `item`, unforced, without title or evidence.
    pub fn on_item(stamp: Stamp, item: impl Into<ItemId>, change: Change) -> Event {
        Event {
            stamp,
            subject: Subject::Item(item.into()),
            title: None,
            change,
            forced: false,
            evidence: None,
        }
    }

    /// A run parameter given a value: an event about the run, naming no item.
    pub fn param(stamp: Stamp, name: impl Into<String>, value: impl Into<String>) -> Event {
        Event {
            stamp,
            subject: Subject::Run,
            title: None,
            change: Change::Param {
                name: name.into(),
                value: value.into(),
            },
            forced: false,
            evidence: None,
        }
    }

    /// An approval of the phase `phase` (by id), or its withdrawal.
    pub fn on_phase(stamp: Stamp, phase: impl Into<String>, change: Change) -> Event {
        Event {
            stamp,
            subject: Subject::Phase(phase.into()),
            title: None,
            change,
            forced: false,
            evidence: None,
        }
    }

    /// The event with the item's title as it was when recorded.
    #[must_use]
    pub fn with_title(mut self, title: impl Into<String>) -> Event {
        self.title = Some(title.into());
        self
    }

    /// The event marked forced (past a closed gate on purpose) or not.
    #[must_use]
    pub fn with_force(mut self, forced: bool) -> Event {
        self.forced = forced;
        self
    }

    /// The event with what a command run for its item showed.
    #[must_use]
    pub fn with_evidence(mut self, evidence: Evidence) -> Event {
        self.evidence = Some(evidence);
        self
    }

    /// The item it is about; `None` for an event about the run.
    pub fn item(&self) -> Option<&ItemId> {
        match &self.subject {
            Subject::Item(id) => Some(id),
            Subject::Run | Subject::Phase(_) => None,
        }
    }

    /// The index of its item in `checklist`; `None` when it is about the
    /// run, or about an item the checklist lacks.
    pub fn item_index(&self, checklist: &Checklist) -> Option<usize> {
        self.item().and_then(|id| checklist.index_of(id.as_str()))
    }

    /// The phase it is about; `None` for an event about an item or the run.
    pub fn phase(&self) -> Option<&str> {
        match &self.subject {
            Subject::Phase(id) => Some(id),
            Subject::Run | Subject::Item(_) => None,
        }
    }

    /// What it is about, as `log` names it: the item's or phase's id, or
    /// nothing for the run.
    pub fn subject_name(&self) -> &str {
        match &self.subject {
            Subject::Item(id) => id.as_str(),
            Subject::Phase(id) => id,
            Subject::Run => "",
        }
    }

    /// The status change it makes, as a gate judges it; `None` for any
    /// other change, or one to an item the checklist lacks.
    pub fn as_move(&self, checklist: &Checklist) -> Option<Move<'_>> {
        let Change::Status(status) = &self.change else {
            return None;
        };
        Some(Move {
            index: self.item_index(checklist)?,
            status,
            forced: self.forced,
        })
    }

    /// Tells `approvals` what it did: what replay does with every event, and
    /// a command that shows the approvals after recording one.
    pub fn tell(&self, checklist: &Checklist, approvals: &mut Approvals) {
        if approvals.is_active()
            && let Some(act) = self.as_act(checklist)
        {
            approvals.take(act);
        }
    }

    /// What it did, as approvals see it: a change to an item is work on the
    /// item's phase, an approval or withdrawal a verdict on its phase;
    /// `None` for anything else, or a phase or item the checklist lacks.
    fn as_act(&self, checklist: &Checklist) -> Option<Act<'_>> {
        if let Some(index) = self.item_index(checklist) {
            let phase = checklist.sections()[checklist.items()[index].section].phase;
            return Some(Act::Work {
                phase,
                stamp: &self.stamp,
            });
        }
        let phase = self.phase().and_then(|id| checklist.phase_index(id))?;
        let (withdrawn, note) = match &self.change {
            Change::Approve { note } => (false, note.clone()),
            Change::Withdraw => (true, None),
            _ => return None,
        };
        let verdict = Verdict {
            stamp: self.stamp.clone(),
            withdrawn,
            forced: self.forced,
            note,
        };
        Some(Act::Verdict { phase, verdict })
    }
}
