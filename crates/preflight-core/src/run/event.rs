//! What a run log records: events, each with who recorded it and when (its
//! [`Stamp`]), what it is about (its [`Subject`]) and what it changes. Events
//! are made through their constructors, so that an event about a parameter
//! never names an item and one about an item always does.

use crate::checklist::{Checklist, ItemId};
use crate::timestamp::Timestamp;

use super::{Evidence, Start};
use crate::checklist::Status;

/// Who recorded something, and when: kept with every event and with every
/// part of a run's state an event set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// When it was recorded.
    pub at: Timestamp,
    /// Who: an operator name (`--by`, `$PREFLIGHT_USER`, else the login).
    pub by: String,
    /// The operating-system account of the process that wrote it, as that
    /// machine said: what the writer recorded, never an authentication.
    /// `None` in logs written before it was recorded.
    pub login: Option<String>,
}

impl Stamp {
    /// A stamp of `by` at `at`, with no login known.
    pub fn new(at: Timestamp, by: impl Into<String>) -> Stamp {
        Stamp {
            at,
            by: by.into(),
            login: None,
        }
    }

    /// Who, as people read it: the name, or `alice (as bob)` when the
    /// account that wrote it (alice) recorded under another name (bob).
    pub fn who(&self) -> String {
        match &self.login {
            Some(login) if *login != self.by => format!("{login} (as {})", self.by),
            _ => self.by.clone(),
        }
    }

    /// Whether `name` is this stamp's name or its login: one person, as
    /// far as the run log can tell.
    pub fn is(&self, name: &str) -> bool {
        self.by == name || self.login.as_deref() == Some(name)
    }
}

/// Who records in this session: the name changes are recorded under, and
/// the account of the process that writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Author {
    pub by: String,
    pub login: Option<String>,
}

impl Author {
    /// The stamp of a change this author records at `at`.
    pub fn stamp(&self, at: Timestamp) -> Stamp {
        Stamp {
            at,
            by: self.by.clone(),
            login: self.login.clone(),
        }
    }
}

/// A name alone, with no login: what tests and callers without an account
/// to tell record under.
impl From<&str> for Author {
    fn from(by: &str) -> Author {
        Author {
            by: by.to_owned(),
            login: None,
        }
    }
}

impl From<String> for Author {
    fn from(by: String) -> Author {
        Author { by, login: None }
    }
}

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
    pub fn as_move(&self, checklist: &Checklist) -> Option<crate::gate::Move<'_>> {
        let Change::Status(status) = &self.change else {
            return None;
        };
        Some(crate::gate::Move {
            index: self.item_index(checklist)?,
            status,
            forced: self.forced,
        })
    }
}
