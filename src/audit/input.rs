//! What a page is made of: the checklist, the run's state and name, and every
//! event of the run — what each part of the page reads.

use crate::checklist::Checklist;
use crate::run::{Event, RunState};

/// What the page is made of.
pub struct Audit<'a> {
    pub checklist: &'a Checklist,
    pub state: &'a RunState,
    pub run: &'a str,
    /// Every event of the run (in any order).
    pub events: &'a [Event],
}
